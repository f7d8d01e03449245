/* SPDX-License-Identifier: MIT */
/*
 * The site finder as a use case: an investor's needs in (plain structs),
 * every counted zone loaded and ranked, the best included and excluded
 * zones out. GET/POST /api/v1/match/sites, the brief's scores and `khu
 * bench` all run it; it knows nothing of HTTP.
 */
#ifndef KHU_APP_FINDER_H
#define KHU_APP_FINDER_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/site_match.h"
#include "core/site_text.h"
#include "store/store.h"

#define FINDER_MAX_UNITS     16
#define FINDER_MAX_ZONES     200000
#define FINDER_DEFAULT_LIMIT 20
#define FINDER_MAX_LIMIT     500
#define FINDER_CODE_MAX      72 /* bytes of a unit code with its NUL */

/* The needs. q.has_units and q.has_sector say whether units and sector
 * are set; app_finder_input_init sets the defaults. */
struct finder_input {
    struct site_query q;
    char sector[16];
    char units[FINDER_MAX_UNITS][FINDER_CODE_MAX];
    int nunits;
    long limit;              /* 1..FINDER_MAX_LIMIT: zones listed in each group */
    long offset;             /* 0..FINDER_MAX_ZONES: ranks skipped in each group */
    unsigned groups;         /* the groups listed: bit (1u << enum site_group) */
    enum site_lang lang;     /* names are given in this language when the zone has one */
    enum site_lang msg_lang; /* the language of the messages about bad needs */
};

/* One zone's display data; the strings belong to the run's snapshot. */
struct finder_zone {
    const char *code;
    const char *name;                        /* in the chosen language, or the fallback */
    const char *name_lang;                   /* "vi", "en" or "ko" */
    const char *name_vi;                     /* the Vietnamese original; NULL when none */
    const char *status, *source, *developer; /* NULL when unknown */
    struct site_value total_ha, industrial_ha;
    const struct site_zone *site; /* the figures it was scored on (as_of among them) */
};

struct finder_snapshot; /* every zone's figures, shared while the database is unchanged */

struct finder_run {
    struct finder_snapshot *snap;        /* held until app_finder_run_free */
    struct site_zone *zones;             /* every zone loaded (umbrellas aside), as scoring input */
    struct rank_key *keys;               /* ranking's scratch */
    struct site_result *results;         /* the page of each listed group, fits first */
    long n;                              /* zones scored */
    size_t nresults, count[SITE_GROUPS]; /* results listed; zones in each group */
};

/* API */

/* Sets the defaults: default weights, limit FINDER_DEFAULT_LIMIT, offset
 * 0, every group, no figures, units or sector, Vietnamese, and today's
 * year from today (days since 1970-01-01; 0: not set, no data is stale). */
void app_finder_input_init(struct finder_input *in, int32_t today);

/* How many zones a run may rank where its request arrived: ranking takes
 * about 60 ns a zone, so up to half a millisecond (national scale has
 * about 2,000 zones, the world set 98,000). */
#define FINDER_QUICK_ZONES 10000

/* Returns 1 when a run for s now would be quick: the shared snapshot is
 * loaded for the data s sees and holds at most FINDER_QUICK_ZONES zones.
 * 0 when the zones must be loaded first, or are many: the caller should
 * then run it away from quick requests. */
int app_finder_quick(struct store *s);

/* Loads every counted zone (from the snapshot kept while the database is
 * unchanged, or freshly) and ranks it for in. Returns KHU_OK with run
 * filled (free with app_finder_run_free); KHU_EINVAL with d naming the
 * field ("sector" or "units") for a code the database does not know, or
 * ("limit", "offset") for a value out of range; KHU_ENOMEM; or the store's error. On failure run
 * holds nothing (app_finder_run_free is still safe). */
enum khu_err app_finder_run(struct store *s, const struct finder_input *in, struct finder_run *run,
                            struct khu_diag *d);

/* Frees what run holds and clears it. Safe on a cleared run. */
void app_finder_run_free(struct finder_run *run);

/* Scores the zone called code for in (the brief uses it for zones that may
 * not be among the best). Returns 0, or -1 when the zone is not in run. */
int app_finder_score_zone(const struct finder_run *run, const struct finder_input *in,
                          const char *code, struct site_result *out);

/* The display data of the zone behind a ranked result of run, in the
 * language of in. */
struct finder_zone app_finder_zone_of(const struct finder_run *run, const struct finder_input *in,
                                      const struct site_result *r);

#endif
