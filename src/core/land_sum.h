/* SPDX-License-Identifier: MIT */
/*
 * Land of many zones added up, each sum with the number of zones it is
 * known for: total, industrial, leased and available land, and occupancy
 * (leased over industrial land, over the zones where both are known). A
 * sum over no known figure is unknown, never zero. Pure arithmetic, no
 * I/O.
 */
#ifndef KHU_LAND_SUM_H
#define KHU_LAND_SUM_H

struct land_sum {
    long count; /* zones added */
    double total_ha, industrial_ha, leased_ha, available_ha;
    long total_known, industrial_known, leased_known, available_known;
    double occupancy_industrial_ha; /* industrial land of the zones whose lease is known */
    double occupancy_leased_ha;     /* their leased land */
    long occupancy_known;           /* zones where both are known */
};

/* API */

/* Adds the sums of part (one zone, or a group already summed) to sum. */
void land_sum_add(struct land_sum *sum, const struct land_sum *part);

/* Returns 1 and sets *pct to 100 x leased / industrial land over the zones
 * where both are known, or returns 0 when no such zone has industrial
 * land. */
int land_sum_occupancy(const struct land_sum *sum, double *pct);

#endif
