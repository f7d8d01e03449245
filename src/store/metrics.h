/* SPDX-License-Identifier: MIT */
/*
 * The registry's figures, computed live: zone counts and areas by kind x
 * status x unit (the stats groups), umbrella zones with their members, the
 * planning metrics of targets (zone counts and areas by kind, clusters with
 * complete infrastructure, occupancy; the local supply share is
 * app/app_local_share's) and the
 * reconciliation of the registry against the province's reported totals.
 * Umbrella zones (those that other zones name as their group) are never
 * added to their members: members are counted, umbrellas are listed apart.
 */
#ifndef KHU_METRICS_H
#define KHU_METRICS_H

#include "store/store.h"

#define METRIC_NAME_MAX 64 /* bytes of a metric name with its NUL */

enum metric_result {
    METRIC_NOT_LIVE = -1, /* the registry cannot compute this metric */
    METRIC_UNKNOWN = 0,   /* computable, but the data needed is missing */
    METRIC_OK = 1,
};

struct metric_value {
    enum metric_result result;
    double value;
    long counted; /* rows that went into the value */
    long unknown; /* rows left out because a figure was missing */
};

/* Why a zone of a reconciled kind is not counted toward the totals. */
enum recon_not_counted {
    NOT_COUNTED_PLANNED,        /* status planned */
    NOT_COUNTED_CANCELLED,      /* status cancelled */
    NOT_COUNTED_STATUS_UNKNOWN, /* no status */
    NOT_COUNTED_UMBRELLA,       /* other zones name it as their group: they are counted */
    NOT_COUNTED_REASONS
};

struct recon_row {
    char kind[16];
    char label[96];
    long registry_count;
    double registry_ha;
    long registry_area_unknown; /* rows counted whose area is unknown */
    int has_reported_count, has_reported_ha;
    double reported_count, reported_ha;
    char reported_on[11];
    char scope_unit[64]; /* the reported target's scope unit; "" for the whole registry */
    long not_counted[NOT_COUNTED_REASONS]; /* zones of the kind in scope left out, by reason */
    char source[512];
};

/* The values of a row of store_stats_groups, in this order. Sums are NULL
 * when no zone of the group has the figure. */
enum stats_group_col {
    STATS_KIND,
    STATS_STATUS,
    STATS_UNIT,
    STATS_UNIT_VI, /* the unit's names; NULL when the unit is unknown */
    STATS_UNIT_EN,
    STATS_UNIT_KO,
    STATS_COUNT,
    STATS_TOTAL_HA,
    STATS_INDUSTRIAL_HA,
    STATS_LEASED_HA,
    STATS_INDUSTRIAL_WITH_LEASE,  /* industrial land of the zones whose lease is known */
    STATS_AREA_UNKNOWN,           /* zones without total_ha */
    STATS_COUNTED,                /* 1: the group counts toward the totals (established) */
    STATS_INDUSTRIAL_KNOWN,       /* zones whose industrial_ha is known */
    STATS_LEASED_KNOWN,           /* zones whose leased_ha is known */
    STATS_OCCUPANCY_KNOWN,        /* zones whose industrial_ha and leased_ha are both known */
    STATS_AVAILABLE_HA,           /* sum of industrial_ha - leased_ha where both are known */
    STATS_AVAILABLE_KNOWN,        /* zones whose available land is known */
    STATS_LEASED_WITH_INDUSTRIAL, /* leased land of the zones whose industrial land is known */
    STATS_NCOLS
};

/* The values of a row of store_umbrellas, in this order. */
enum umbrella_col {
    UMBRELLA_CODE,
    UMBRELLA_KIND,
    UMBRELLA_NAME_VI,
    UMBRELLA_TOTAL_HA, /* the umbrella's own area */
    UMBRELLA_MEMBERS,
    UMBRELLA_MEMBERS_TOTAL_HA,
    UMBRELLA_MEMBERS_AREA_UNKNOWN,
    UMBRELLA_NCOLS
};

/* API */

/* Hands fn one row per (kind, status, unit) of the zones that are not
 * umbrellas, ordered by kind, status, unit; values as in enum
 * stats_group_col. A group counts toward the totals when its status is
 * established (STATS_COUNTED). Returns KHU_OK (also when fn stopped early), or the
 * error with d filled. */
enum khu_err store_stats_groups(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

/* Hands fn one row per umbrella zone, ordered by code, with its own area
 * beside its members'; values as in enum umbrella_col. Returns as
 * store_stats_groups does. */
enum khu_err store_umbrellas(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

/* Returns 1 when the registry can compute metric (store_metric_live gives
 * it a value), 0 otherwise. */
int store_metric_is_live(const char *metric);

/* Returns 1 when metric is live and its value depends on the scope unit,
 * 0 when it is the same for every scope (or not live). */
int store_metric_is_scoped(const char *metric);

/* Computes metric (e.g. "kcn_count") over the zones in scope_unit (NULL:
 * all) as of today ("YYYY-MM-DD", the day that decides which linkages are
 * current). Fills *out; out->result says whether the value is usable, and
 * is METRIC_NOT_LIVE for a metric the registry cannot compute (KHU_OK).
 * Returns KHU_EINVAL when today is not a date, or the database's error,
 * with d filled. */
enum khu_err store_metric_live(struct store *s, const char *metric, const char *scope_unit,
                               const char *today, struct metric_value *out, struct khu_diag *d);

/* A stable token for a reason a zone is not counted: "planned",
 * "cancelled", "status_unknown" or "umbrella". */
const char *store_not_counted_name(enum recon_not_counted reason);

/* Fills rows (room for max, at least 2) with the registry's counted parks
 * then clusters (SQ_ZONE_COUNTED) beside the latest reported totals, each
 * over the scope unit of the target that reported it, then the registry
 * by kind and status; *n receives the count (rows beyond max are left
 * out). Returns KHU_EINVAL when max < 2, or the database's error, with d
 * filled. */
enum khu_err store_reconcile(struct store *s, struct recon_row *rows, int max, int *n,
                             struct khu_diag *d);

#endif
