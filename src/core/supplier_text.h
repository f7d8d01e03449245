/* SPDX-License-Identifier: MIT */
/*
 * The words of supplier matching in Vietnamese, English and Korean: why a
 * supplier is excluded ("needs IATF 16949 valid on 01/03/2027; none
 * held"), what to ask it, what is unknown ("capacity unknown: scored
 * neutral, not as a match"), and a standard's token as people write it
 * (iatf16949: IATF 16949).
 */
#ifndef KHU_SUPPLIER_TEXT_H
#define KHU_SUPPLIER_TEXT_H

#include <stddef.h>

#include "core/site_text.h"
#include "core/supplier_match.h"

/* API */

/* Writes the sentence for reason r in lang into out (size n). */
char *supplier_reason_text(const struct supplier_reason *r, enum site_lang lang, char *out,
                           size_t n);

/* A stable token for a reason kind: "process_missing", "cert_missing", ... */
const char *supplier_reason_name(enum supplier_reason_kind k);

/* A standard's token as written: its letters upper-cased and set apart
 * from its number ("iatf16949" gives "IATF 16949", "iso9001" "ISO 9001");
 * anything else as it is. */
char *supplier_standard_label(const char *token, char *out, size_t n);

#endif
