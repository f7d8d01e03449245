/* SPDX-License-Identifier: MIT */
/*
 * Matching an investor's needs to sites. Each requirement the investor
 * states (land, price, distances, wastewater, power, sector, readiness) is
 * met, not met or unverified for a zone, and puts the zone in one of three
 * groups: fits (every requirement met on known figures), may fit but
 * unverified (no requirement broken, some unknown), excluded (one broken,
 * with its reason). Soft criteria score a zone from 0 to 100 with each
 * criterion's contribution; an unknown figure scores neutral, never as a
 * match. Pure logic over plain structs; the caller loads zones and renders
 * reasons.
 */
#ifndef KHU_SITE_MATCH_H
#define KHU_SITE_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "core/rank_top.h"

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
    int ready_year; /* not operating yet: the year it is planned to open, 0 unknown */
    struct site_value available_ha, lease_usd_m2, km_hcmc, km_port, wwtp_m3_day, power_mva;
    struct site_value occupancy_reported_pct; /* 100: no land available as of the report */
    const char *as_of;     /* date of the zone's figures ("YYYY-MM-DD"), NULL unknown */
    int in_preferred_unit; /* 1 in, 0 out (only read when the query has units) */
    int sector;            /* 1 listed, 0 not listed, -1 the zone lists no sectors */
    int sector_allowed;    /* 0: the zone's type does not admit the sector */
};

struct site_query {
    double land_ha; /* 0: no need stated */
    int ready_year; /* 0: operating now is wanted; else ready by that year */
    int today_year; /* the current year: a planned opening before it is stale data */
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
    REASON_LAND_FULL,       /* reported a % occupied (as of `when`): no land; a = percent */
    REASON_NO_LAND,         /* no area stated, but the zone has none left (b = available ha) */
    REASON_STALE_READY,     /* planned to open in a (before this year), not reported open */
    REASON_SECTOR_UNLISTED, /* the zone lists sectors, not the investor's */
    REASON_UNVERIFIED,      /* a stated requirement whose figure is unknown: ask the zone */
    REASON_UNKNOWN,         /* a figure no requirement needs is unknown: scored neutral */
    REASON_KIND_COUNT
};

struct site_reason {
    enum site_reason_kind kind;
    enum site_criterion criterion;
    double a, b;
    const char *when; /* REASON_LAND_FULL: the report's date (borrowed from the zone) */
};

/* What a zone is for one requirement. */
enum site_check {
    CHECK_NOT_ASKED, /* the investor stated no requirement for this criterion */
    CHECK_MET,       /* met on a known figure */
    CHECK_UNKNOWN,   /* the figure is unknown or stale: unverified */
    CHECK_NOT_MET    /* broken: the zone is excluded */
};

/* The three groups of a ranking, in the order they are shown. */
enum site_group { SITE_FITS, SITE_UNVERIFIED, SITE_EXCLUDED, SITE_GROUPS };

#define SITE_MAX_REASONS 16

struct site_result {
    const struct site_zone *zone;
    enum site_group group; /* from the checks: any not met, else any unknown */
    enum site_check check[CRIT_COUNT];
    int unknowns;                    /* criteria whose figure is unknown or stale */
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

/* The order of a ranking, stated to users: group (fits, unverified,
 * excluded), then score (highest first), then fewer unknown figures (a tie
 * on score between a zone known in more figures and one known in fewer
 * goes to the better known), then code. */

/* Scores n zones into results (n entries) and sorts them in ranking order.
 * The order does not depend on the order of zones. */
void site_rank(const struct site_query *q, const struct site_zone *zones, size_t n,
               struct site_result *results);

/* One page of a ranking: ranks offset .. offset + limit - 1 (from 0) of
 * each group whose bit (1u << group) is in groups. */
struct site_page {
    size_t offset, limit;
    unsigned groups;
};

/* Ranks n zones (n < 2^32) and writes the page asked for into results,
 * fully scored: the asked groups in order, each in ranking order. Needs
 * scratch with room for (offset + limit) keys per asked group, and results
 * with room for limit per asked group; memory does not grow with n, so it
 * suits large sets. count[g] receives how many zones are in group g in all
 * (every group, asked or not). Returns the number of results written. The
 * order matches site_rank's. */
size_t site_rank_page(const struct site_query *q, const struct site_zone *zones, size_t n,
                      const struct site_page *page, struct rank_key *scratch,
                      struct site_result *results, size_t count[SITE_GROUPS]);

/* Stable tokens: "fits", "unverified", "excluded"; "not_asked", "met",
 * "unknown", "not_met". */
const char *site_group_name(enum site_group g);
const char *site_check_name(enum site_check c);

/* A stable token for a criterion: "land", "price", "km_hcmc", "km_port",
 * "wwtp", "power", "ready", "unit", "sector". */
const char *site_criterion_name(enum site_criterion c);

#endif
