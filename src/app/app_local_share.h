/* SPDX-License-Identifier: MIT */
/*
 * The local supply share as a use case: a set of sectors (the supporting
 * industry), a place (a unit, or the whole registry) and a day in; the
 * demand base, the shares by location and by ownership and their coverage
 * out, overall and for each code of the set (core/local_share.h has the
 * definition). A demand imported without a posting day counts from the
 * day the demands now in the registry were imported; how many did so is
 * reported. GET /api/v1/linkage/share and the target
 * local_supply_share_pct run it.
 */
#ifndef KHU_APP_LOCAL_SHARE_H
#define KHU_APP_LOCAL_SHARE_H

#include <stdint.h>

#include "core/err.h"
#include "core/local_share.h"
#include "store/metrics.h"
#include "store/store.h"

#define SHARE_MAX_SECTORS   32
#define SHARE_GROUP_MAX     65
#define SHARE_DEFAULT_SET   "supporting-industry"
#define SHARE_TARGET_METRIC "local_supply_share_pct"

struct share_sector {
    char vsic[9];
    struct share_result result;
};

struct local_share_report {
    char group[SHARE_GROUP_MAX];
    char names[3][128]; /* the set's names: vi, en, ko ("" unknown) */
    char source[512];   /* the source of the set's first code */
    struct share_result overall;
    struct share_sector sectors[SHARE_MAX_SECTORS];
    int nsectors;
    long undated;         /* demands in the base counted from the import day */
    int32_t imported_day; /* SHARE_NO_DAY: the demands were never imported */
};

/* API */

/* Computes the shares of the set group in place (a unit code; NULL: the
 * whole registry) on day. Returns KHU_OK; KHU_EINVAL for an unknown unit,
 * KHU_ENOTFOUND for an unknown set (d names the field); KHU_ENOMEM or the
 * store's error. */
enum khu_err app_local_share(struct store *s, const char *group, const char *place, int32_t day,
                             struct local_share_report *out, struct khu_diag *d);

/* Returns 1 when metric is a target metric this use case computes. */
int app_local_share_is_metric(const char *metric);

/* The target metric local_supply_share_pct: the overall share by location
 * of the supporting industry in scope (NULL: everywhere) on today
 * (YYYY-MM-DD), with its coverage as counted and unknown demands. */
enum khu_err app_local_share_metric(struct store *s, const char *scope, const char *today,
                                    struct metric_value *out, struct khu_diag *d);

#endif
