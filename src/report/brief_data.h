/* SPDX-License-Identifier: MIT */
/*
 * Filling a site brief from the database: each zone's facts labelled and
 * formatted in the chosen language (unknown said as unknown, never 0), its
 * sources and confidence, and the units' centroids for the sketch.
 */
#ifndef KHU_BRIEF_DATA_H
#define KHU_BRIEF_DATA_H

#include "core/site_text.h"
#include "report/brief.h"
#include "store/store.h"

/* API */

/* Loads zone code into z in lang. Returns KHU_OK, KHU_ENOTFOUND or KHU_EDB. */
enum khu_err brief_load_zone(struct store *s, const char *code, enum site_lang lang,
                             struct brief_zone *z);

/* Fills b's headings and the sketch frame for lang; today is "YYYY-MM-DD".
 * zones/nzones are set by the caller. */
enum khu_err brief_load_frame(struct store *s, enum site_lang lang, const char *today,
                              struct brief *b);

#endif
