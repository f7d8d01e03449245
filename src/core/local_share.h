/* SPDX-License-Identifier: MIT */
/*
 * The local supply share of a sector in a place on a day, the way the
 * linkage desk measures the province's 70% target: the demand base is the
 * yearly value of the buyers' demands (buyers located in the place, in the
 * sector, posted on or before the day and not withdrawn by it); the share
 * by location is the yearly value of the linkages active that day which
 * answer those demands and whose supplier is located in the place, over
 * the base; the share by ownership the same for suppliers owned at home
 * (domestic or state), wherever they are. A demand or a linkage whose
 * value is unknown is left out of the sums and counted in the coverage
 * shown beside the share. Pure arithmetic over plain structs: the caller
 * says which demands and suppliers are in the place and the sector.
 */
#ifndef KHU_LOCAL_SHARE_H
#define KHU_LOCAL_SHARE_H

#include <stddef.h>
#include <stdint.h>

#define SHARE_NO_DAY INT32_MIN /* a day not known (posted: the import's day stands in) */

struct share_demand {
    int counted;     /* 1: its buyer is in the place and it is in the sector */
    int value_known; /* 0: annual_usd unknown */
    double annual_usd;
    int32_t posted_on;    /* days since 1970-01-01 */
    int32_t withdrawn_on; /* SHARE_NO_DAY: not withdrawn */
};

struct share_linkage {
    long demand;     /* the index of the demand it answers; -1: none */
    int value_known; /* 0: annual_usd unknown */
    double annual_usd;
    int32_t since, until;  /* SHARE_NO_DAY: since unknown (never active), until open */
    int supplier_local;    /* its supplier is located in the place */
    int supplier_domestic; /* its supplier is owned at home (domestic or state) */
};

struct share_result {
    double base_usd;                          /* the demand base */
    double local_usd, domestic_usd;           /* the two numerators */
    double by_location_pct, by_ownership_pct; /* 0 when the base is 0 (has_base 0) */
    int has_base;
    long demands, demands_valued;   /* demands in the base, and of those with a value */
    long linkages, linkages_valued; /* active linkages answering them, and with a value */
};

/* API */

/* Returns 1 when demand d is in the base on day. */
int share_demand_open(const struct share_demand *d, int32_t day);

/* Returns 1 when linkage l is active on day (since <= day, until open or
 * >= day). */
int share_linkage_active(const struct share_linkage *l, int32_t day);

/* Computes the shares on day over n demands and m linkages into out.
 * The result does not depend on the order of either. */
void local_share(const struct share_demand *demands, size_t n, const struct share_linkage *linkages,
                 size_t m, int32_t day, struct share_result *out);

#endif
