/* SPDX-License-Identifier: MIT */
/*
 * The words of the site finder in Vietnamese, English and Korean: why a
 * zone is excluded ("needs 12 ha; 8.4 ha available"), what is unknown
 * ("lease price unknown: scored neutral, not as a match"), and numbers
 * written the way each language writes them (9.251,6 / 9,251.6).
 */
#ifndef KHU_SITE_TEXT_H
#define KHU_SITE_TEXT_H

#include <stddef.h>

#include "core/site_match.h"

enum site_lang { SITE_VI, SITE_EN, SITE_KO };

/* API */

/* Writes v with at most `decimals` decimals (trailing zeros dropped) and
 * the thousands and decimal separators of lang into out (size n). */
char *site_format_number(double v, int decimals, enum site_lang lang, char *out, size_t n);

/* Writes the sentence for reason r in lang into out (size n). */
char *site_reason_text(const struct site_reason *r, enum site_lang lang, char *out, size_t n);

/* A stable token for a reason kind: "land_short", "price_high", ... */
const char *site_reason_name(enum site_reason_kind k);

/* Whether a zone of kind (kcn, ccn, hitech, logistics, economic, port)
 * admits an activity of VSIC code: logistics centres and ports admit
 * transport and storage (VSIC 49-53) only; the others admit any sector. */
int site_kind_allows(const char *kind, const char *vsic);

#endif
