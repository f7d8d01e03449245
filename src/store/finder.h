/* SPDX-License-Identifier: MIT */
/*
 * What the site finder reads from the database: every counted zone (an
 * umbrella of other zones aside) with the figures the finder scores, and
 * the scope of an administrative unit (the unit, the units under it and the
 * units it replaced). The finder's ranking lives in core/site_match and the
 * use case in app/app_finder.
 */
#ifndef KHU_STORE_FINDER_H
#define KHU_STORE_FINDER_H

#include "core/site_match.h"
#include "store/store.h"

/* One zone as the finder sees it. Strings are borrowed for the length of
 * the callback and NULL when unknown; available_ha is industrial land less
 * leased land, unknown when either is. */
struct store_finder_zone {
    const char *code, *kind, *status, *sectors, *unit, *commune;
    const char *names[3]; /* vi, en, ko */
    int planned_year;     /* 0 when unknown */
    struct site_value available_ha, lease_usd_m2, km_hcmc, km_port, wwtp_m3_day, power_mva;
    struct site_value occupancy_reported_pct, total_ha, industrial_ha;
    const char *as_of, *source, *developer; /* the figures' date and source; who runs it */
};

/* Receives one zone; returns 0 to go on, non-zero to stop. */
typedef int (*store_finder_zone_fn)(void *arg, const struct store_finder_zone *z);

/* Receives one code; returns 0 to go on, non-zero to stop. */
typedef int (*store_code_fn)(void *arg, const char *code);

/* API */

/* Hands every zone counted in totals (not the umbrella of other zones) to
 * fn, in order of code. Returns KHU_OK (also when fn stopped early), or the
 * store's error with d filled. */
enum khu_err store_finder_zones(struct store *s, store_finder_zone_fn fn, void *arg,
                                struct khu_diag *d);

/* Hands fn each unit code in the scope of unit code: the unit itself, every
 * unit under it at any depth, and the units any of those replaced, each
 * once, in no particular order. An unknown code yields only itself.
 * Returns KHU_OK, or the store's error with d filled. */
enum khu_err store_unit_scope(struct store *s, const char *code, store_code_fn fn, void *arg,
                              struct khu_diag *d);

#endif
