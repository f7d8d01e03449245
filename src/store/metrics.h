/* SPDX-License-Identifier: MIT */
/*
 * Planning metrics computed live from the registry (zone counts and areas
 * by kind, clusters with complete infrastructure, occupancy, local supply
 * share) and the reconciliation of the registry against the province's
 * reported totals. Umbrella zones (those that other zones name as their
 * group) are never added to their members: members are counted, umbrellas
 * are listed apart.
 */
#ifndef KHU_METRICS_H
#define KHU_METRICS_H

#include "core/buf.h"
#include "store/lookup.h"
#include "store/store.h"

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

struct recon_row {
    char kind[16];
    char label[96];
    long registry_count;
    double registry_ha;
    long registry_area_unknown; /* rows counted whose area is unknown */
    int has_reported_count, has_reported_ha;
    double reported_count, reported_ha;
    char reported_on[11];
    char source[512];
};

/* API */

/* Computes metric (e.g. "kcn_count") over zones in scope_unit (NULL: all).
 * Fills *out; out->result says whether the value is usable. */
enum khu_err metric_live(struct store *s, const char *metric, const char *scope_unit,
                         struct metric_value *out);

/* Fills rows (at most max) with the registry's established parks and
 * clusters beside the latest reported totals; *n receives the count. */
enum khu_err metric_reconcile(struct store *s, struct recon_row *rows, int max, int *n);

#endif
