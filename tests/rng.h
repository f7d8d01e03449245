/* SPDX-License-Identifier: MIT */
/*
 * A reproducible stream of numbers for property tests (splitmix64): the
 * same numbers on every run and machine, so a failure can be run again.
 * For one test file only (it defines its functions static).
 */
#ifndef KHU_TEST_RNG_H
#define KHU_TEST_RNG_H

#include <stdint.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* A number from lo to hi. */
static double uniform(double lo, double hi)
{
    return lo + (hi - lo) * (double)(next() >> 11) / 9007199254740992.0;
}

#endif
