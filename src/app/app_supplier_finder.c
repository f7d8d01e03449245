/* SPDX-License-Identifier: MIT */
/*
 * Running the supplier finder (see app_supplier_finder.h): the demand read
 * or taken as given, each supplier of the shared snapshot seen from it
 * (its distance to the buyer, its capacity in the demand's unit, the
 * buyers like this one it supplied), the ones lacking a process asked for
 * counted aside, the rest ranked by core/supplier_match. And the other
 * way: a supplier seen from each open demand.
 */
#include "app/app_supplier_finder.h"

#include <stdio.h>
#include <string.h>

#include "app/app_supplier_snapshot.h"
#include "core/num.h"
#include "core/xalloc.h"
#include "store/suppliers.h"

void app_supplier_input_init(struct supplier_input *in, int32_t today)
{
    struct supplier_demand d;

    memset(in, 0, sizeof(*in));
    supplier_default_weights(&d);
    memcpy(in->weight, d.weight, sizeof(in->weight));
    in->needed_by = MATCH_NO_DAY;
    in->limit = SUPPLIER_DEFAULT_LIMIT;
    /* the excluded are counted, and listed only when asked: there may be
     * hundreds of thousands */
    in->groups = (1u << SUPPLIER_FITS) | (1u << SUPPLIER_UNVERIFIED);
    in->today = today;
}

/* ===== the demand ===== */

/* Copies up to max tokens of a list into run's token text; returns how many. */
static size_t keep_tokens(struct supplier_run *run, size_t *used, const char *const *tokens,
                          size_t n, size_t max, const char **out)
{
    size_t k;

    for (k = 0; k < n && k < max && *used < sizeof(run->tokens) / sizeof(run->tokens[0]); k++) {
        snprintf(run->tokens[*used], SUPPLIER_TOKEN_MAX, "%s", tokens[k]);
        out[k] = run->tokens[(*used)++];
    }
    return k;
}

/* Splits a token list into run's token text. */
static size_t keep_list(struct supplier_run *run, size_t *used, const char *list, size_t max,
                        const char **out)
{
    size_t n = 0;

    while (list && *list && n < max && *used < sizeof(run->tokens) / sizeof(run->tokens[0])) {
        size_t len = strcspn(list, " ");
        if (len && len < SUPPLIER_TOKEN_MAX) {
            memcpy(run->tokens[*used], list, len);
            run->tokens[*used][len] = '\0';
            out[n++] = run->tokens[(*used)++];
        }
        list += len + (list[len] == ' ');
    }
    return n;
}

static int read_demand(void *arg, const struct store_demand *dm)
{
    struct supplier_run *run = arg;
    struct supplier_demand *d = &run->demand;
    size_t used = 0;
    int32_t day;

    snprintf(run->title, sizeof(run->title), "%s", dm->title ? dm->title : "");
    snprintf(run->buyer_tax_code, sizeof(run->buyer_tax_code), "%s",
             dm->buyer_tax_code ? dm->buyer_tax_code : "");
    snprintf(run->vsic, sizeof(run->vsic), "%s", dm->vsic ? dm->vsic : "");
    snprintf(run->volume_unit, sizeof(run->volume_unit), "%s",
             dm->volume_unit ? dm->volume_unit : "");
    snprintf(run->country, sizeof(run->country), "%s", dm->buyer_country ? dm->buyer_country : "");
    d->nprocesses = keep_list(run, &used, dm->cap_tokens, SUPPLIER_MAX_PROCESSES, run->processes);
    d->nstandards = keep_list(run, &used, dm->cert_tokens, SUPPLIER_MAX_STANDARDS, run->standards);
    d->needed_by = dm->needed_by && !parse_date(dm->needed_by, &day) ? day : MATCH_NO_DAY;
    d->annual_volume = dm->annual_volume;
    d->max_km = dm->max_km;
    run->lat = dm->buyer_lat;
    run->lon = dm->buyer_lon;
    return 0;
}

static void take_input(struct supplier_run *run, const struct supplier_input *in)
{
    struct supplier_demand *d = &run->demand;
    const char *tokens[SUPPLIER_MAX_PROCESSES];
    size_t used = 0;
    int k;

    for (k = 0; k < in->nprocesses; k++)
        tokens[k] = in->processes[k];
    d->nprocesses = keep_tokens(run, &used, tokens, (size_t)in->nprocesses, SUPPLIER_MAX_PROCESSES,
                                run->processes);
    for (k = 0; k < in->nstandards; k++)
        tokens[k] = in->standards[k];
    d->nstandards = keep_tokens(run, &used, tokens, (size_t)in->nstandards, SUPPLIER_MAX_STANDARDS,
                                run->standards);
    snprintf(run->vsic, sizeof(run->vsic), "%s", in->vsic);
    snprintf(run->volume_unit, sizeof(run->volume_unit), "%s", in->volume_unit);
    snprintf(run->country, sizeof(run->country), "%s", in->country);
    d->needed_by = in->needed_by;
    d->annual_volume = in->annual_volume;
    d->max_km = in->max_km;
    run->lat = in->lat;
    run->lon = in->lon;
}

/* ===== a supplier seen from a demand ===== */

/* The buyers like this one (same VSIC division or same country) that s
 * supplied; unknown when no linkage of s is recorded. */
static struct match_value experience(const struct supplier_snapshot *snap,
                                     const struct snap_supplier *s, const char *vsic,
                                     const char *country)
{
    struct match_value v = {s->nbuyers > 0, 0};
    uint32_t k;

    for (k = 0; k < s->nbuyers; k++) {
        const struct snap_buyer *b = &snap->buyers[s->first_buyer + k];
        v.v += (vsic && strlen(vsic) >= 2 && b->division[0] && !strncmp(b->division, vsic, 2)) ||
               (country && country[0] && !strcmp(b->country, country));
    }
    return v;
}

/* The facts of s for a demand in unit, from (lat, lon), of sector vsic by a
 * buyer of country. */
static void view_supplier(const struct supplier_snapshot *snap, const struct snap_supplier *s,
                          const char *unit, struct match_value lat, struct match_value lon,
                          const char *vsic, const char *country, struct supplier_facts *f)
{
    *f = s->facts;
    f->annual_capacity.known = s->capacity_month.known && s->capacity_unit && unit && unit[0] &&
                               !strcmp(s->capacity_unit, unit);
    f->annual_capacity.v = f->annual_capacity.known ? 12 * s->capacity_month.v : 0;
    f->km.known = lat.known && lon.known && s->lat.known && s->lon.known;
    f->km.v = f->km.known ? supplier_km(lat.v, lon.v, s->lat.v, s->lon.v) : 0;
    f->experience = experience(snap, s, vsic, country);
}

/* ===== suppliers for a demand ===== */

void app_supplier_run_free(struct supplier_run *run)
{
    app_supplier__snapshot_release(run->snap);
    xfree(run->facts);
    xfree(run->keys);
    xfree(run->results);
    memset(run, 0, sizeof(*run));
}

static enum khu_err check_input(const struct supplier_input *in, struct khu_diag *d)
{
    if (in->limit < 1 || in->limit > SUPPLIER_MAX_LIMIT) {
        khu_diag_set(d, 0, 0, "limit", "limit must be a whole number from 1 to %d; got %ld",
                     SUPPLIER_MAX_LIMIT, in->limit);
        return KHU_EINVAL;
    }
    if (in->offset < 0 || in->offset > SUPPLIER_MAX_OFFSET) {
        khu_diag_set(d, 0, 0, "offset", "offset must be a whole number from 0 to %d; got %ld",
                     SUPPLIER_MAX_OFFSET, in->offset);
        return KHU_EINVAL;
    }
    if (in->lat.known != in->lon.known) {
        khu_diag_set(d, 0, 0, in->lat.known ? "lon" : "lat",
                     "lat and lon go together: give both or neither");
        return KHU_EINVAL;
    }
    return KHU_OK;
}

/* supplier_surely_excluded for supplier i, on the snapshot's dense bits. */
static int surely_excluded(const struct supplier_snapshot *snap, const struct supplier_demand *dm,
                           size_t i)
{
    return (dm->process_bits && snap->caps_known[i] &&
            (snap->bits[i] & dm->process_bits) != dm->process_bits) ||
           (dm->standard_bits && snap->certs_known[i] &&
            (snap->std_bits[i] & dm->standard_bits) != dm->standard_bits);
}

/* The listed groups' room: (offset + limit) keys and limit results each. */
static int page_room(struct supplier_run *run, const struct supplier_input *in,
                     struct supplier_page *page, size_t n)
{
    size_t listed = 0;
    int g;

    for (g = 0; g < SUPPLIER_GROUPS; g++)
        listed += (in->groups >> g) & 1u;
    page->groups = in->groups;
    page->offset = (size_t)in->offset < n ? (size_t)in->offset : n;
    page->limit = (size_t)in->limit < n - page->offset ? (size_t)in->limit : n - page->offset;
    run->keys =
        xmalloc((listed ? listed : 1) * (page->offset + page->limit + 1) * sizeof(*run->keys));
    run->results = xmalloc((listed ? listed : 1) * (page->limit + 1) * sizeof(*run->results));
    return run->keys && run->results;
}

enum khu_err app_supplier_run(struct store *s, const struct supplier_input *in,
                              struct supplier_run *run, struct khu_diag *d)
{
    struct supplier_demand *dm = &run->demand;
    struct supplier_snapshot *snap;
    struct supplier_page page;
    enum khu_err err;
    size_t i, m = 0, filtered = 0;
    int k, filter = !((in->groups >> SUPPLIER_EXCLUDED) & 1u);

    memset(run, 0, sizeof(*run));
    err = check_input(in, d);
    if (!err && in->demand_code[0])
        err = store_demand_by_code(s, in->demand_code, read_demand, run, d);
    else if (!err)
        take_input(run, in);
    if (!err)
        err = app_supplier__snapshot_acquire(s, &run->snap, d);
    if (err) {
        app_supplier_run_free(run);
        return err;
    }
    snap = run->snap;
    run->n = snap->n;
    dm->processes = run->processes;
    dm->standards = run->standards;
    dm->vsic = run->vsic[0] ? run->vsic : NULL;
    if (dm->needed_by == MATCH_NO_DAY)
        dm->needed_by = in->today;
    dm->has_place = run->lat.known && run->lon.known;
    memcpy(dm->weight, in->weight, sizeof(dm->weight));
    for (k = 0; k < (int)dm->nprocesses; k++) {
        dm->process_bits |= app_supplier__process_bit(snap, dm->processes[k]);
        run->processes[k] = app_supplier__canonical(snap, 0, dm->processes[k]);
    }
    for (k = 0; k < (int)dm->nstandards; k++) {
        dm->standard_bits |= app_supplier__standard_bit(snap, dm->standards[k]);
        run->standards[k] = app_supplier__canonical(snap, 1, dm->standards[k]);
    }
    dm->canonical_tokens = 1;
    /* two passes, so that only the candidates' facts are allocated */
    for (i = 0; i < (size_t)snap->n; i++)
        filtered += filter && surely_excluded(snap, dm, i);
    run->facts = xmalloc(((size_t)snap->n - filtered + 1) * sizeof(*run->facts));
    if (!run->facts || !page_room(run, in, &page, (size_t)snap->n)) {
        app_supplier_run_free(run);
        khu_diag_set(d, 0, 0, NULL, "out of memory ranking the suppliers");
        return KHU_ENOMEM;
    }
    for (i = 0; i < (size_t)snap->n; i++)
        if (!filter || !surely_excluded(snap, dm, i))
            view_supplier(snap, &snap->suppliers[i], run->volume_unit, run->lat, run->lon, dm->vsic,
                          run->country, &run->facts[m++]);
    run->nresults =
        supplier_rank_page(dm, run->facts, m, &page, run->keys, run->results, run->count);
    run->count[SUPPLIER_EXCLUDED] += filtered;
    return KHU_OK;
}

struct supplier_listed app_supplier_listed(const struct supplier_run *run,
                                           const struct supplier_result *r)
{
    long i = app_supplier__find(run->snap, r->supplier->tax_code);
    const struct snap_supplier *s = &run->snap->suppliers[i < 0 ? 0 : i];
    struct supplier_listed x;

    memset(&x, 0, sizeof(x));
    x.result = r;
    x.tax_code = r->supplier->tax_code;
    x.name = s->name;
    x.name_en = s->name_en;
    x.ownership = s->ownership;
    x.country = s->country;
    x.zone_code = s->zone_code;
    x.unit_code = s->unit_code;
    x.products = s->products;
    x.verified_on = s->verified_on;
    x.km = r->supplier->km;
    x.capacity_month = s->capacity_month;
    x.capacity_unit = s->capacity_unit;
    x.employees = s->employees;
    return x;
}

/* ===== demands for a supplier ===== */

void app_demand_run_free(struct demand_run *run)
{
    app_supplier__snapshot_release(run->snap);
    xfree(run->items);
    memset(run, 0, sizeof(*run));
}

static const char *demand_code_at(const void *set, uint32_t index)
{
    return ((const struct snap_demand *)set)[index].code;
}

/* The demand dm as core/supplier_match takes it. */
static void demand_of(const struct snap_demand *dm, const struct supplier_input *in,
                      struct supplier_demand *out)
{
    memset(out, 0, sizeof(*out));
    out->processes = dm->processes;
    out->nprocesses = dm->nprocesses;
    out->standards = dm->standards;
    out->nstandards = dm->nstandards;
    out->needed_by = dm->needed_by != MATCH_NO_DAY ? dm->needed_by : in->today;
    out->vsic = dm->vsic;
    out->annual_volume = dm->annual_volume;
    out->max_km = dm->max_km;
    out->has_place = dm->buyer_lat.known && dm->buyer_lon.known;
    memcpy(out->weight, in->weight, sizeof(out->weight));
}

/* Scores supplier s for demand dm into r. */
static void score_for(const struct supplier_snapshot *snap, const struct snap_supplier *s,
                      const struct snap_demand *dm, const struct supplier_input *in,
                      struct supplier_facts *f, struct supplier_result *r)
{
    struct supplier_demand q;

    demand_of(dm, in, &q);
    view_supplier(snap, s, dm->volume_unit, dm->buyer_lat, dm->buyer_lon, dm->vsic,
                  dm->buyer_country, f);
    supplier_score(&q, f, r);
}

enum khu_err app_demand_run(struct store *s, const char *tax_code, const struct supplier_input *in,
                            struct demand_run *run, struct khu_diag *d)
{
    struct rank_top tops[SUPPLIER_GROUPS];
    struct rank_key *keys = NULL;
    struct supplier_facts f;
    struct supplier_result r;
    const struct snap_supplier *sup;
    enum khu_err err;
    size_t room, listed = 0, g, k;
    long i, at;

    memset(run, 0, sizeof(*run));
    err = check_input(in, d);
    if (!err)
        err = app_supplier__snapshot_acquire(s, &run->snap, d);
    if (err)
        return err;
    at = app_supplier__find(run->snap, tax_code);
    if (at < 0) {
        khu_diag_set(d, 0, 0, "supplier", "no supplier has the tax code '%.20s'", tax_code);
        app_demand_run_free(run);
        return KHU_ENOTFOUND;
    }
    sup = &run->snap->suppliers[at];
    for (g = 0; g < SUPPLIER_GROUPS; g++)
        listed += (in->groups >> g) & 1u;
    room = (size_t)in->offset + (size_t)in->limit;
    keys = xmalloc((listed ? listed : 1) * room * sizeof(*keys));
    run->items = xmalloc((listed ? listed : 1) * (size_t)in->limit * sizeof(*run->items));
    if (!keys || !run->items) {
        xfree(keys);
        app_demand_run_free(run);
        khu_diag_set(d, 0, 0, NULL, "out of memory ranking the demands");
        return KHU_ENOMEM;
    }
    for (g = 0, k = 0; g < SUPPLIER_GROUPS; g++) {
        int asked = (in->groups >> g) & 1u;
        rank_top_init(&tops[g], keys + k, asked ? room : 0, demand_code_at, run->snap->demands);
        k += tops[g].k;
    }
    for (i = 0; i < run->snap->ndemands; i++) {
        struct rank_key key;
        score_for(run->snap, sup, &run->snap->demands[i], in, &f, &r);
        key.score = r.score;
        key.index = (uint32_t)i;
        key.unknowns = (uint16_t)r.unknowns;
        key.group = (uint8_t)r.group;
        run->count[r.group]++;
        rank_top_offer(&tops[r.group], &key);
    }
    for (g = 0; g < SUPPLIER_GROUPS; g++) {
        rank_top_sort(&tops[g]);
        for (k = (size_t)in->offset; k < tops[g].n; k++) {
            const struct snap_demand *dm = &run->snap->demands[tops[g].items[k].index];
            struct demand_listed *x = &run->items[run->nitems++];
            x->code = dm->code;
            x->title = dm->title;
            x->buyer_tax_code = dm->buyer_tax_code;
            x->buyer_name = dm->buyer_name;
            x->vsic = dm->vsic;
            x->needed_by = dm->needed_by;
            x->annual_usd = dm->annual_usd;
            x->annual_volume = dm->annual_volume;
            x->volume_unit = dm->volume_unit;
            score_for(run->snap, sup, dm, in, &f, &x->result);
            x->km = f.km;
            x->result.supplier = &sup->facts; /* f lives no longer than this loop */
        }
    }
    xfree(keys);
    return KHU_OK;
}

long app_supplier_demand_sample(struct store *s, char (*codes)[72], long max, struct khu_diag *d)
{
    struct supplier_snapshot *snap;
    long i, n;

    if (app_supplier__snapshot_acquire(s, &snap, d))
        return -1;
    n = snap->ndemands < max ? snap->ndemands : max;
    for (i = 0; i < n; i++)
        snprintf(codes[i], 72, "%s",
                 snap->demands[(size_t)i * (size_t)snap->ndemands / (size_t)n].code);
    app_supplier__snapshot_release(snap);
    return n;
}
