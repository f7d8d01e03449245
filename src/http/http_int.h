/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the files of src/http and by nothing else: UTF-8
 * checking, the strict percent-decoder used for paths and query strings,
 * reason phrases and the JSON string escaper behind problem+json. Names carry
 * the http__ prefix so that no other module is tempted to call them.
 */
#ifndef KHU_HTTP_INT_H
#define KHU_HTTP_INT_H

#include <stddef.h>

#include "core/buf.h"
#include "http/http.h"

/* Size of the buffer that receives the offending parameter's name. */
#define HTTP__PARAM_NAME_MAX 128

/* Returns the length (1-4) of the valid UTF-8 sequence at s[0..n), or 0 when
 * the bytes there are not valid UTF-8 (overlongs, surrogates and code points
 * above U+10FFFF are invalid). */
size_t http__utf8_seq(const unsigned char *s, size_t n);

/* Returns 1 if s[0..n) is valid UTF-8; otherwise returns 0 and stores the
 * offset of the first bad byte in *bad (when bad is not NULL). */
int http__utf8_valid(const char *s, size_t n, size_t *bad);

/* Like http_parse_query, and also copies into param (size paramn) the
 * decoded name of the parameter that was rejected, or "" when no name can be
 * given (an empty name, a name that is not UTF-8, too many parameters). */
int http__parse_query(struct http_req *req, const char *query, char *err, size_t errn, char *param,
                      size_t paramn);

/* Percent-decodes the path part of a request target (n bytes at raw, '+'
 * stays '+'). Returns a NUL-terminated copy the caller frees with xfree, or
 * NULL with a message in err (size errn) for a bad escape, an encoded NUL,
 * invalid UTF-8, or when memory runs out. */
char *http__decode_path(const char *raw, size_t n, char *err, size_t errn);

/* Returns the static reason phrase for an HTTP status ("Not Found"); never
 * NULL ("Unknown Status" for codes outside the table). */
const char *http__reason(int status);

/* Appends s[0..n) to b as a quoted JSON string. Quotes, backslashes and
 * control characters are escaped; bytes that are not valid UTF-8 become
 * U+FFFD, so the output is always valid JSON. Errors stay in b->err. */
void http__json_string(struct buf *b, const char *s, size_t n);

#endif
