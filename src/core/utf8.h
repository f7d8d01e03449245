/* SPDX-License-Identifier: MIT */
/*
 * UTF-8 validation and decoding (RFC 3629: no overlongs, no surrogates,
 * nothing above U+10FFFF).
 */
#ifndef KHU_UTF8_H
#define KHU_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* API */

/* Decodes one code point from s[0..n). Returns the number of bytes used
 * (1-4) and stores the code point in *cp, or returns 0 if the bytes are not
 * valid UTF-8 (or n == 0). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Returns 1 if s[0..n) is valid UTF-8. Otherwise returns 0 and, if bad is
 * not NULL, stores the byte offset of the first invalid sequence. */
int utf8_valid(const char *s, size_t n, size_t *bad);

/* Returns the number of code points in s[0..n), counting each invalid byte as
 * one: the "column" a text editor shows. */
size_t utf8_count(const char *s, size_t n);

/* Returns the length of the longest prefix of s[0..n) that is at most max
 * bytes and never ends inside a character: where to cut a text to fit a
 * buffer without leaving half of a Vietnamese or Korean letter. An invalid
 * byte counts as one character. */
size_t utf8_fit(const char *s, size_t n, size_t max);

/* Copies s into out (size n >= 4, always terminated); a text too long for
 * out is cut at a character boundary and ends with "…". Returns 1 when it
 * was cut, 0 otherwise. */
int utf8_copy(char *out, size_t n, const char *s);

/* Encodes the code point cp into out and returns the number of bytes
 * written (1-4), or 0 (writing nothing) for a surrogate or a value above
 * U+10FFFF. */
size_t utf8_encode(uint32_t cp, char out[4]);

#endif
