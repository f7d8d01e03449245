/* SPDX-License-Identifier: MIT */
/*
 * The counted zones' land added up by kind, by unit and in total, from the
 * stats groups of the store (store/metrics.h), for /api/v1/stats and the
 * dashboard's CSV. Each sum keeps how many zones it is known for
 * (core/land_sum.h). Also the zones list filters that give the zones
 * behind these figures and the reconciliation's, written once for both
 * answers.
 */
#ifndef KHU_API_LAND_H
#define KHU_API_LAND_H

#include <stddef.h>

#include "core/land_sum.h"
#include "core/row.h"
#include "store/metrics.h"

#define API_FILTER_MAX 192 /* bytes of a zones list filter with its NUL */

/* Land of the counted zones summed under one key: a kind, or a unit. */
struct land_entry {
    char key[64];
    char name[256]; /* the unit's name in the answer's language; "" for a kind */
    struct land_sum sum;
};

struct land_list {
    struct land_entry *e;
    size_t n, cap;
};

struct api_land {
    struct land_list by_kind, by_unit; /* in the order first met */
    struct land_sum total;
    int nomem; /* an entry could not be added: the sums are incomplete */
};

/* API */

/* Adds a stats group (a row of store_stats_groups) to its kind, its unit
 * (named by the row's column name) and the total. Sets land->nomem when
 * memory runs out. */
void api_land_add(struct api_land *land, const struct khu_row *row, int name);

/* The filter of the counted zones of entry e of by_kind ("kind=K&counted=1")
 * or by_unit ("unit_code=U&counted=1"; zones without a unit:
 * "missing=unit_code&counted=1"). */
void api_land_filter(const struct land_entry *e, int by_unit, char out[API_FILTER_MAX]);

/* The filter "kind=K&<what>[&unit=S]" of a figure of the reconciliation row
 * r, over r's scope unit. */
void api_recon_filter(const struct recon_row *r, const char *what, char out[API_FILTER_MAX]);

/* Frees the lists of land (not land itself). */
void api_land_free(struct api_land *land);

#endif
