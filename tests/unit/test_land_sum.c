/* SPDX-License-Identifier: MIT */
/*
 * Land added up with the count each sum is known for (core/land_sum.c):
 * sums over groups equal the sum over their zones, in any order of adding;
 * occupancy is leased over industrial land of the zones where both are
 * known, and unknown (not 0) when no such zone has industrial land.
 */
#include <stdint.h>

#include "core/land_sum.h"
#include "test.h"

/* One zone's land; a negative figure stands for unknown. */
static struct land_sum zone(double total, double industrial, double leased)
{
    struct land_sum z = {.count = 1};

    if (total >= 0) {
        z.total_ha = total;
        z.total_known = 1;
    }
    if (industrial >= 0) {
        z.industrial_ha = industrial;
        z.industrial_known = 1;
    }
    if (leased >= 0) {
        z.leased_ha = leased;
        z.leased_known = 1;
    }
    if (industrial >= 0 && leased >= 0) {
        z.available_ha = industrial - leased;
        z.available_known = 1;
        z.occupancy_industrial_ha = industrial;
        z.occupancy_leased_ha = leased;
        z.occupancy_known = 1;
    }
    return z;
}

/* splitmix64: the same zones on every run */
static uint64_t rng_state = 7;

static int pick(int n)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return (int)((z ^ (z >> 31)) % (uint64_t)n);
}

static void add(struct land_sum *sum, struct land_sum part)
{
    land_sum_add(sum, &part);
}

static void test_known_counts(void)
{
    struct land_sum sum = {0};
    double pct = -1;

    add(&sum, (struct land_sum){0});
    CHECK_EQ_INT(land_sum_occupancy(&sum, &pct), 0);
    CHECK_EQ_DBL(pct, -1, 0);
    add(&sum, zone(500, 400, 300));
    add(&sum, zone(200, 150, -1));
    add(&sum, zone(-1, -1, 20));
    CHECK_EQ_INT(sum.count, 3);
    CHECK_EQ_DBL(sum.total_ha, 700, 1e-9);
    CHECK_EQ_INT(sum.total_known, 2);
    CHECK_EQ_INT(sum.industrial_known, 2);
    CHECK_EQ_INT(sum.leased_known, 2);
    CHECK_EQ_INT(sum.occupancy_known, 1);
    /* the lease of the zone without industrial land stays out of occupancy */
    CHECK_EQ_INT(land_sum_occupancy(&sum, &pct), 1);
    CHECK_EQ_DBL(pct, 75, 1e-9);
    CHECK_EQ_DBL(sum.available_ha, 100, 1e-9);
    /* industrial land 0 where the lease is known: occupancy stays unknown */
    sum = (struct land_sum){0};
    add(&sum, zone(10, 0, 0));
    CHECK_EQ_INT(land_sum_occupancy(&sum, &pct), 0);
}

/* Property: adding zones one by one, or as two groups summed first, gives
 * the same sums and counts, whatever the zones. */
static void test_groups_equal_zones(void)
{
    int round, i;

    for (round = 0; round < 500; round++) {
        struct land_sum all = {0}, a = {0}, b = {0}, both = {0};
        int n = 1 + pick(12);
        double pa = 0, pb = 0;
        for (i = 0; i < n; i++) {
            double ind = pick(4) ? pick(500) : -1;
            struct land_sum z =
                zone(pick(3) ? pick(900) : -1, ind, ind >= 0 && pick(2) ? pick((int)ind + 1) : -1);
            land_sum_add(&all, &z);
            land_sum_add(i % 2 ? &a : &b, &z);
        }
        land_sum_add(&both, &b);
        land_sum_add(&both, &a);
        CHECK_EQ_INT(both.count, all.count);
        CHECK_EQ_INT(both.total_known, all.total_known);
        CHECK_EQ_INT(both.occupancy_known, all.occupancy_known);
        CHECK_EQ_DBL(both.total_ha, all.total_ha, 1e-6);
        CHECK_EQ_DBL(both.available_ha, all.available_ha, 1e-6);
        CHECK_EQ_INT(land_sum_occupancy(&both, &pa), land_sum_occupancy(&all, &pb));
        CHECK_EQ_DBL(pa, pb, 1e-9);
        CHECK(pa >= 0 && pa <= 100);
        CHECK(all.total_known <= all.count && all.occupancy_known <= all.leased_known);
    }
}

int main(void)
{
    test_known_counts();
    test_groups_equal_zones();
    return test_report("test_land_sum");
}
