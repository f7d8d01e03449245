/* SPDX-License-Identifier: MIT */
/*
 * What the site brief reads from the database: one zone's facts with its
 * district's names, the names of a sector, and the centroids of the
 * districts that frame the location sketch. The words and formatting are
 * in report/brief_data, the use case in app/app_brief.
 */
#ifndef KHU_STORE_BRIEF_H
#define KHU_STORE_BRIEF_H

#include <stddef.h>

#include "core/site_text.h"
#include "store/store.h"

/* The values of the row store_brief_zone hands out, in this order. Names
 * of the unit fall back to the next language that has one, then to "";
 * kind, status, position, source and confidence are "" when unknown; the
 * facts (BRIEF_COL_TOTAL_HA on) are NULL when unknown. */
enum store_brief_col {
    BRIEF_COL_NAME_VI,
    BRIEF_COL_NAME_EN,
    BRIEF_COL_NAME_KO,
    BRIEF_COL_KIND,
    BRIEF_COL_STATUS,
    BRIEF_COL_UNIT_VI,
    BRIEF_COL_UNIT_EN,
    BRIEF_COL_UNIT_KO,
    BRIEF_COL_LAT,
    BRIEF_COL_LON,
    BRIEF_COL_POSITION,
    BRIEF_COL_SOURCE,
    BRIEF_COL_CONFIDENCE,
    BRIEF_COL_TOTAL_HA,
    BRIEF_COL_INDUSTRIAL_HA,
    BRIEF_COL_LEASED_HA,
    BRIEF_COL_AVAILABLE_HA, /* industrial less leased; NULL when either is */
    BRIEF_COL_OCCUPANCY_REPORTED_PCT,
    BRIEF_COL_LEASE_USD_M2,
    BRIEF_COL_LEASE_UNTIL,
    BRIEF_COL_KM_HCMC,
    BRIEF_COL_KM_PORT,
    BRIEF_COL_WWTP_M3_DAY,
    BRIEF_COL_POWER_MVA,
    BRIEF_COL_WATER_M3_DAY,
    BRIEF_COL_INFRA_COMPLETE,
    BRIEF_COL_DEVELOPER,
    BRIEF_COL_ESTABLISHED_ON,
    BRIEF_COL_PLANNED_YEAR,
    BRIEF_COL_SECTORS,
    BRIEF_COL_TENANTS,
    BRIEF_COL_AS_OF,
    BRIEF_COL_SUMMARY_VI, /* the public summary in each language; NULL when missing */
    BRIEF_COL_SUMMARY_EN,
    BRIEF_COL_SUMMARY_KO,
    BRIEF_COL_CONFIDENCE_NOTE_VI, /* why the confidence is what it is; NULL when missing */
    BRIEF_COL_CONFIDENCE_NOTE_EN,
    BRIEF_COL_CONFIDENCE_NOTE_KO,
    BRIEF_COL_COUNT
};

/* A unit's centroid for the sketch; label in the language asked for. */
typedef int (*store_point_fn)(void *arg, double lat, double lon, const char *label);

/* API */

/* Hands the row of zone code (values as enum store_brief_col) to fn.
 * Returns KHU_OK, KHU_ENOTFOUND when there is no such zone (d names the
 * code under field "zones"), or the store's error with d filled. */
enum khu_err store_brief_zone(struct store *s, const char *code, store_row_fn fn, void *arg,
                              struct khu_diag *d);

/* Writes the name of sector code in lang (falling back to English, then
 * Vietnamese) into out (size n), from the newest VSIC version that has the
 * code. Returns KHU_OK, KHU_ENOTFOUND with out "" when no version has it,
 * or the store's error with d filled. */
enum khu_err store_sector_name(struct store *s, const char *code, enum site_lang lang, char *out,
                               size_t n, struct khu_diag *d);

/* Writes the name of unit code in lang (falling back to English, then
 * Vietnamese) into out (size n). Returns KHU_OK, KHU_ENOTFOUND with out ""
 * when there is no such unit, or the store's error with d filled. */
enum khu_err store_unit_name(struct store *s, const char *code, enum site_lang lang, char *out,
                             size_t n, struct khu_diag *d);

/* Hands fn the centroid of up to max districts with a known position, in
 * order of code, labelled with the district's name in lang. Returns KHU_OK,
 * or the store's error with d filled. */
enum khu_err store_district_points(struct store *s, enum site_lang lang, int max, store_point_fn fn,
                                   void *arg, struct khu_diag *d);

#endif
