/* SPDX-License-Identifier: MIT */
/*
 * Matching an investor's needs to sites: hard constraints that exclude a
 * zone (each with its reason), soft criteria that score it from 0 to 100
 * with each criterion's contribution, and data gaps named as such (an
 * unknown figure scores neutral, never as a match). Pure logic over plain
 * structs; the caller loads zones and renders reasons.
 */
#ifndef KHU_SITE_MATCH_H
#define KHU_SITE_MATCH_H

#include <stddef.h>
#include <stdint.h>

enum site_criterion {
    CRIT_LAND,   /* available land (ha), more is better */
    CRIT_PRICE,  /* lease price (USD/m2), less is better */
    CRIT_HCMC,   /* distance to Ho Chi Minh City (km), less is better */
    CRIT_PORT,   /* distance to a seaport (km), less is better */
    CRIT_WWTP,   /* wastewater treatment (m3/day), more is better */
    CRIT_POWER,  /* power supply (MVA), more is better */
    CRIT_READY,  /* operating now, or building and ready in time */
    CRIT_UNIT,   /* in one of the preferred units */
    CRIT_SECTOR, /* the zone lists the investor's sector */
    CRIT_COUNT,
};

/* A figure that may be unknown. */
struct site_value {
    int known;
    double v;
};

enum site_stage {
    STAGE_UNKNOWN,
    STAGE_PLANNED,
    STAGE_APPROVED,
    STAGE_BUILDING,
    STAGE_OPERATING,
    STAGE_CANCELLED
};

struct site_zone {
    const char *code;
    enum site_stage stage;
    int ready_year; /* building: the year it is planned to open, 0 unknown */
    struct site_value available_ha, lease_usd_m2, km_hcmc, km_port, wwtp_m3_day, power_mva;
    int in_preferred_unit; /* 1 in, 0 out (only read when the query has units) */
    int sector;            /* 1 listed, 0 not listed, -1 the zone lists no sectors */
    int sector_allowed;    /* 0: the zone's type does not admit the sector */
};

struct site_query {
    double land_ha; /* 0: no need stated */
    int ready_year; /* 0: operating now is wanted; else ready by that year */
    struct site_value max_lease_usd_m2, max_km_hcmc, max_km_port, min_wwtp_m3_day, min_power_mva;
    int has_units; /* preferred units were given */
    int has_sector;
    double weight[CRIT_COUNT]; /* >= 0; 0 removes the criterion */
};

/* Why a zone is excluded, or what is unknown about it. */
enum site_reason_kind {
    REASON_LAND_SHORT, /* a = needed ha, b = available ha */
    REASON_PRICE_HIGH, /* a = max, b = price */
    REASON_HCMC_FAR,   /* a = max, b = km */
    REASON_PORT_FAR,   /* a = max, b = km */
    REASON_WWTP_LOW,   /* a = needed, b = capacity */
    REASON_POWER_LOW,  /* a = needed, b = capacity */
    REASON_NOT_READY,  /* a = wanted year (0: now), b = ready year (0: unknown) */
    REASON_CANCELLED,
    REASON_SECTOR_BARRED,
    REASON_UNKNOWN, /* criterion = the figure that is unknown */
};

struct site_reason {
    enum site_reason_kind kind;
    enum site_criterion criterion;
    double a, b;
};

#define SITE_MAX_REASONS 16

struct site_result {
    const struct site_zone *zone;
    int excluded;
    double score;                    /* 0..100 */
    double contribution[CRIT_COUNT]; /* points each criterion adds; they sum to score */
    struct site_reason reasons[SITE_MAX_REASONS];
    int nreasons;
};

/* API */

/* Fills q's weights with the defaults (land 3, price 2, distances 2 and 1,
 * utilities 1, ready 2, unit 1, sector 2). */
void site_default_weights(struct site_query *q);

/* Scores one zone. Never fails. */
void site_score(const struct site_query *q, const struct site_zone *z, struct site_result *out);

/* Scores n zones into results (n entries) and sorts them: included zones
 * first by score (highest first), then excluded zones; ties by code. The
 * order does not depend on the order of zones. */
void site_rank(const struct site_query *q, const struct site_zone *zones, size_t n,
               struct site_result *results);

/* Like site_rank, but keeps only the best k included zones and the best k
 * excluded zones, fully scored, in results (room for 2k): first the
 * included ones in rank order, then the excluded ones. *included and
 * *excluded receive how many zones are in each group in all. Returns the
 * number of results written. Needs memory only for the 2k results kept, so
 * it suits large sets; the order matches site_rank's. */
size_t site_rank_top(const struct site_query *q, const struct site_zone *zones, size_t n, size_t k,
                     struct site_result *results, size_t *included, size_t *excluded);

/* A stable token for a criterion: "land", "price", "km_hcmc", "km_port",
 * "wwtp", "power", "ready", "unit", "sector". */
const char *site_criterion_name(enum site_criterion c);

#endif
