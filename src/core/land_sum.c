/* SPDX-License-Identifier: MIT */
/*
 * Sums of zones' land with the count each is known for (see land_sum.h).
 */
#include "core/land_sum.h"

void land_sum_add(struct land_sum *sum, const struct land_sum *part)
{
    sum->count += part->count;
    sum->total_ha += part->total_ha;
    sum->industrial_ha += part->industrial_ha;
    sum->leased_ha += part->leased_ha;
    sum->available_ha += part->available_ha;
    sum->total_known += part->total_known;
    sum->industrial_known += part->industrial_known;
    sum->leased_known += part->leased_known;
    sum->available_known += part->available_known;
    sum->occupancy_industrial_ha += part->occupancy_industrial_ha;
    sum->occupancy_leased_ha += part->occupancy_leased_ha;
    sum->occupancy_known += part->occupancy_known;
}

int land_sum_occupancy(const struct land_sum *sum, double *pct)
{
    if (sum->occupancy_known == 0 || !(sum->occupancy_industrial_ha > 0))
        return 0;
    *pct = 100.0 * sum->occupancy_leased_ha / sum->occupancy_industrial_ha;
    return 1;
}
