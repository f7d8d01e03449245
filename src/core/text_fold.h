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
 * Returns KHU_OK, KHU_EINVAL for invalid UTF-8 or the buffer's error.
 *
 * Details: the normal form is NFKC, so full-width letters and superscript
 * digits fold to plain ones; default ignorable characters (soft hyphen,
 * zero-width space) are dropped without splitting a word; the look-alikes
 * ð/Ð and ɖ/Ɖ that replace Đ in text typed on other keyboards also fold to
 * d; a Hangul run is always its own token, so "제1공장" -> "제 1 공장".
 * Letters are Unicode categories L*, digits N*. The result only contains
 * such characters and single spaces, so FTS5's unicode61 tokenizer splits
 * it exactly at the spaces. On any error nothing is appended. The result
 * is stable: folding it again gives it back unchanged. */
enum khu_err text_fold(const char *s, size_t n, struct buf *out);

#endif
