/* SPDX-License-Identifier: MIT */
/*
 * The words of a site brief: each zone's facts labelled and formatted in
 * the chosen language (unknown said as unknown, never 0), its sources and
 * confidence, the finder's score and reasons, and the headings. Pure
 * formatting over a row the store read (see store/brief.h); the use case
 * that reads it is app/app_brief.
 */
#ifndef KHU_BRIEF_DATA_H
#define KHU_BRIEF_DATA_H

#include "core/row.h"
#include "core/site_match.h"
#include "core/site_text.h"
#include "report/brief.h"

/* API */

/* Fills z (cleared first) from row, whose values are as enum
 * store_brief_col, in lang. sectors is the sectors fact already written
 * with names ("2610 Name; 2611 Name"), or NULL to show the row's codes. */
void brief_fill_zone(const struct khu_row *row, const char *sectors, enum site_lang lang,
                     struct brief_zone *z);

/* Writes the finder's score and reasons of r into z in lang. */
void brief_fill_score(const struct site_result *r, enum site_lang lang, struct brief_zone *z);

/* Fills b's headings for lang; today is "YYYY-MM-DD"; promotion is the
 * province's investment-promotion contact, or NULL or "" when none is
 * configured. Leaves the frame, the needs and the zones alone. */
void brief_fill_labels(enum site_lang lang, const char *today, const char *promotion,
                       struct brief *b);

/* Writes the needs q states into b->needs in lang, one clause each ("Land
 * needed: 20 ha · Ready: operating now · ..."); sector and units are
 * already named ("2610 Name", "Đức Hòa, Bến Lức"), NULL when not asked. */
void brief_fill_needs(const struct site_query *q, const char *sector, const char *units,
                      enum site_lang lang, struct brief *b);

#endif
