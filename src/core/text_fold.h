/* SPDX-License-Identifier: MIT */
/*
 * Text folding for search that ignores case and Vietnamese diacritics, and
 * finds Korean words by their parts. Both the indexed text and every query
 * go through the same fold, so "duc hoa" finds "Đức Hòa" and "nhua" finds
 * "nhựa"; đ/Đ, which Unicode does not decompose, fold to d.
 */
#ifndef KHU_TEXT_FOLD_H
#define KHU_TEXT_FOLD_H

#include <stddef.h>

#include "core/buf.h"

/* API */

/* Appends the NFC form of the UTF-8 text s[0..n) to out. Returns KHU_OK,
 * KHU_EINVAL for invalid UTF-8 (nothing appended) or the buffer's error. */
enum khu_err text_nfc(const char *s, size_t n, struct buf *out);

/* Appends the search form of s[0..n) to out: NFC, case folded, combining
 * marks removed, đ/Đ -> d, every run of characters that are not letters or
 * digits turned into one space, no leading or trailing space. A run of two
 * or more Hangul syllables is written as its overlapping two-syllable pairs
 * ("서울특별시" -> "서울 울특 특별 별시"); a lone syllable stays as it is.
 * Returns KHU_OK, KHU_EINVAL for invalid UTF-8 or the buffer's error. */
enum khu_err text_fold(const char *s, size_t n, struct buf *out);

#endif
