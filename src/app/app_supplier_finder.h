/* SPDX-License-Identifier: MIT */
/*
 * The supplier finder as a use case: for a demand (one posted, by its
 * code, or one described field by field), every supplier ranked by
 * core/supplier_match, the best of each group out; and for a supplier,
 * the open demands it could serve. GET/POST /api/v1/match/suppliers,
 * GET /api/v1/match/demands and `khu bench` run it; it knows nothing of
 * HTTP.
 *
 * Speed: the suppliers live in a snapshot shared while the database is
 * unchanged; a supplier whose known processes lack one the demand asks for
 * is counted excluded from a dense array of process bits, without being
 * read or scored, unless the excluded group is listed.
 */
#ifndef KHU_APP_SUPPLIER_FINDER_H
#define KHU_APP_SUPPLIER_FINDER_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "core/site_text.h"
#include "core/supplier_match.h"
#include "store/store.h"

#define SUPPLIER_MAX_PROCESSES 16
#define SUPPLIER_MAX_STANDARDS 8
#define SUPPLIER_TOKEN_MAX     65 /* bytes of a process or standard token with its NUL */
#define SUPPLIER_DEFAULT_LIMIT 20
#define SUPPLIER_MAX_LIMIT     200
#define SUPPLIER_MAX_OFFSET    1000000

/* A demand. With demand_code set, the demand is read from the database
 * and the other fields of the demand are ignored. */
struct supplier_input {
    char demand_code[72];
    char processes[SUPPLIER_MAX_PROCESSES][SUPPLIER_TOKEN_MAX];
    int nprocesses;
    char standards[SUPPLIER_MAX_STANDARDS][SUPPLIER_TOKEN_MAX];
    int nstandards;
    char vsic[9];
    int32_t needed_by; /* MATCH_NO_DAY: today */
    struct match_value annual_volume;
    char volume_unit[16];
    struct match_value max_km;
    struct match_value lat, lon; /* where the buyer is; both, or neither */
    char country[3];             /* the buyer's country (ISO 3166 alpha-2), for experience */
    double weight[SCRIT_COUNT];
    long limit, offset;
    unsigned groups;     /* bit (1u << enum supplier_group) */
    enum site_lang lang; /* names and reasons */
    int32_t today;
};

/* One listed supplier; strings belong to the run's snapshot. */
struct supplier_listed {
    const struct supplier_result *result;
    const char *tax_code, *name, *name_en, *ownership, *country, *zone_code, *unit_code, *products;
    const char *verified_on;
    struct match_value km, capacity_month, employees;
    const char *capacity_unit;
};

struct supplier_snapshot;

/* The demand as scored: its own code and title when it was read by code. */
struct supplier_run {
    struct supplier_snapshot *snap;
    struct supplier_demand demand;
    const char *processes[SUPPLIER_MAX_PROCESSES], *standards[SUPPLIER_MAX_STANDARDS];
    char title[256], buyer_tax_code[16], vsic[9], volume_unit[16], country[3];
    char tokens[SUPPLIER_MAX_PROCESSES + SUPPLIER_MAX_STANDARDS][SUPPLIER_TOKEN_MAX];
    struct match_value lat, lon;  /* the buyer's place */
    struct supplier_facts *facts; /* the candidates, as scored for this demand */
    struct rank_key *keys;
    struct supplier_result *results; /* the page, fits first */
    size_t nresults, count[SUPPLIER_GROUPS];
    long n; /* suppliers in all */
};

/* API */

#define SUPPLIER_QUICK 20000 /* suppliers ranked without leaving a connection's thread */

/* Returns 1 when a run would not load and ranks at most SUPPLIER_QUICK
 * suppliers, so that a server may run it in place. */
int app_supplier_quick(struct store *s);

/* Defaults: no requirement, default weights, limit 20, the groups fits
 * and unverified (the excluded are counted, not listed). */
void app_supplier_input_init(struct supplier_input *in, int32_t today);

/* Ranks every supplier for in's demand. Returns KHU_OK (free run with
 * app_supplier_run_free), KHU_EINVAL (d names the field), KHU_ENOTFOUND
 * (no such demand), KHU_ENOMEM or the store's error. */
enum khu_err app_supplier_run(struct store *s, const struct supplier_input *in,
                              struct supplier_run *run, struct khu_diag *d);

/* What to show of a result of run. */
struct supplier_listed app_supplier_listed(const struct supplier_run *run,
                                           const struct supplier_result *r);

void app_supplier_run_free(struct supplier_run *run);

/* One open demand a supplier could serve, scored for it. */
struct demand_listed {
    const char *code, *title, *buyer_tax_code, *buyer_name, *vsic;
    int32_t needed_by;
    struct match_value annual_usd, annual_volume;
    const char *volume_unit;
    struct match_value km;         /* from the supplier to the buyer */
    struct supplier_result result; /* the supplier as the demand sees it */
};

struct demand_run {
    struct supplier_snapshot *snap;
    struct demand_listed *items; /* the page, fits first */
    size_t nitems, count[SUPPLIER_GROUPS];
};

/* Ranks the open demands for supplier tax_code (the limit, offset, groups
 * and weights of in). Returns KHU_OK (free with app_demand_run_free),
 * KHU_ENOTFOUND when no supplier has that tax code, KHU_ENOMEM or the
 * store's error. */
enum khu_err app_demand_run(struct store *s, const char *tax_code, const struct supplier_input *in,
                            struct demand_run *run, struct khu_diag *d);
void app_demand_run_free(struct demand_run *run);

/* Copies the codes of up to max open demands, spread evenly over all of
 * them, into codes; returns how many, or -1 with d filled. For `khu
 * bench`, which asks many different demands. */
long app_supplier_demand_sample(struct store *s, char (*codes)[72], long max, struct khu_diag *d);

#endif
