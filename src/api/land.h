/* SPDX-License-Identifier: MIT */
/*
 * The counted zones' land added up by kind, by unit and in total, from the
 * stats groups of the store (store/metrics.h), for /api/v1/stats and the
 * dashboard's CSV. Each sum keeps how many zones it is known for
 * (core/land_sum.h).
 */
#ifndef KHU_API_LAND_H
#define KHU_API_LAND_H

#include <stddef.h>

#include "core/land_sum.h"
#include "core/row.h"

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

/* Frees the lists of land (not land itself). */
void api_land_free(struct api_land *land);

#endif
