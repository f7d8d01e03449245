/* SPDX-License-Identifier: MIT */
/*
 * The site finder's request handling shared by GET/POST /api/v1/match/sites
 * and the brief: parameters into a query, zones loaded and ranked.
 */
#ifndef KHU_API_MATCH_H
#define KHU_API_MATCH_H

#include "api/api.h"
#include "core/site_match.h"

#define MATCH_MAX_UNITS     16
#define MATCH_MAX_ZONES     200000
#define MATCH_DEFAULT_LIMIT 20

struct match_input {
    struct site_query q;
    char sector[16];
    char units[MATCH_MAX_UNITS][72];
    int nunits;
    long limit;
    enum api_lang lang;
};

/* Everything loaded for one zone, and the strings site_zone points at. */
/* One ranked zone's display data; the strings belong to the snapshot. */
struct match_zone {
    struct site_zone z;
    const char *name;      /* in the chosen language, or the fallback */
    const char *name_lang; /* "vi", "en" or "ko" */
};

struct match_snapshot; /* every zone's figures, shared while the database is unchanged */

struct match_run {
    struct match_snapshot *snap; /* held until match_run_free */
    struct match_zone *mz;       /* every zone loaded (umbrellas aside) */
    struct site_zone *zones;     /* the same zones as scoring input */
    struct site_result *results; /* the best `limit` included, then the best excluded */
    long n;                      /* zones scored */
    size_t nresults, included, excluded;
};

/* API */

/* Sets defaults (weights, limit). */
void match_input_init(struct match_input *in);

/* Reads the finder's query parameters (and those in extra, a NULL-terminated
 * list the caller reads itself). Returns 0, or -1 after answering 400. */
int match_input_from_query(struct match_input *in, struct http_req *req, struct http_resp *resp,
                           const char *const *extra);

/* Fills names (room for 40) with the finder's query parameters and those in
 * extra (NULL-terminated); returns names. */
const char *const *match_param_names(const char **names, const char *const *extra);

/* Loads and ranks every zone for in. Returns 0, or -1 after answering
 * 400/500/503. Free run with match_run_free. */
int match_compute(struct match_input *in, struct store *s, struct http_resp *resp,
                  struct match_run *run);
void match_run_free(struct match_run *run);

/* Scores the zone called code for in (the brief uses it for zones that may
 * not be among the best). Returns 0, or -1 when the zone is not in run. */
int match_score_zone(const struct match_run *run, const struct match_input *in, const char *code,
                     struct site_result *out);

/* The zone behind a ranked result. */
const struct match_zone *match_zone_of(const struct match_run *run, const struct site_result *r);

#endif
