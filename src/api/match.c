/* SPDX-License-Identifier: MIT */
/*
 * GET and POST /api/v1/match/sites: an investor's needs in, a ranked
 * shortlist out, each zone with its score, each criterion's contribution
 * and the reasons (in vi, en or ko) why it was excluded or what about it is
 * unknown. Parameters come from the query string (GET, shareable links) or
 * a JSON object (POST) with the same names; the scoring is core/site_match.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "store/sqlite/sq.h" /* TRANSITIONAL: until this file goes through the store interface */
#include "api/api.h"
#include "api/handlers.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/site_match.h"
#include "core/site_text.h"
#include "core/xalloc.h"
#include "api/match.h"
#include "api/cache.h"
#include "store/lookup.h"

struct number_param {
    const char *name;
    double min, max;
};

static const struct number_param numbers[] = {
    {"land_ha", 0, 100000},   {"max_lease_usd_m2", 0, 10000}, {"max_km_hcmc", 0, 5000},
    {"max_km_port", 0, 5000}, {"min_wwtp_m3_day", 0, 1e7},    {"min_power_mva", 0, 1e5},
};

static const char *const weight_params[CRIT_COUNT] = {
    "weight_land",  "weight_price", "weight_km_hcmc", "weight_km_port", "weight_wwtp",
    "weight_power", "weight_ready", "weight_unit",    "weight_sector"};

/* ===== input ===== */

static struct site_value *number_slot(struct match_input *in, int i)
{
    struct site_value *slots[] = {NULL,
                                  &in->q.max_lease_usd_m2,
                                  &in->q.max_km_hcmc,
                                  &in->q.max_km_port,
                                  &in->q.min_wwtp_m3_day,
                                  &in->q.min_power_mva};
    return slots[i];
}

static int set_number(struct match_input *in, struct http_resp *resp, int i, const char *text)
{
    double v;
    struct site_value *slot;

    if (parse_f64(text, numbers[i].min, numbers[i].max, &v)) {
        http_problem(resp, 400, numbers[i].name, "%s must be a number from %g to %g; got '%.40s'",
                     numbers[i].name, numbers[i].min, numbers[i].max, text);
        return -1;
    }
    slot = number_slot(in, i);
    if (slot) {
        slot->known = 1;
        slot->v = v;
    } else {
        in->q.land_ha = v;
    }
    return 0;
}

static int set_weight(struct match_input *in, struct http_resp *resp, int c, const char *text)
{
    if (parse_f64(text, 0, 100, &in->q.weight[c])) {
        http_problem(resp, 400, weight_params[c], "%s must be a number from 0 to 100; got '%.40s'",
                     weight_params[c], text);
        return -1;
    }
    return 0;
}

static int set_ready_by(struct match_input *in, struct http_resp *resp, const char *text)
{
    int32_t day;
    char year[5];

    if (parse_date(text, &day)) {
        http_problem(resp, 400, "ready_by", "ready_by must be a date YYYY-MM-DD; got '%.40s'",
                     text);
        return -1;
    }
    memcpy(year, text, 4);
    year[4] = '\0';
    in->q.ready_year = (int)strtol(year, NULL, 10);
    return 0;
}

static int add_unit(struct match_input *in, struct http_resp *resp, const char *code, size_t n)
{
    if (in->nunits == MATCH_MAX_UNITS || n == 0 || n >= sizeof(in->units[0])) {
        http_problem(resp, 400, "units", "units must be 1 to %d unit codes separated by commas",
                     MATCH_MAX_UNITS);
        return -1;
    }
    memcpy(in->units[in->nunits], code, n);
    in->units[in->nunits++][n] = '\0';
    in->q.has_units = 1;
    return 0;
}

static int set_units(struct match_input *in, struct http_resp *resp, const char *list)
{
    while (*list) {
        size_t n = strcspn(list, ",");
        if (add_unit(in, resp, list, n))
            return -1;
        list += n + (list[n] == ',');
    }
    return 0;
}

static int set_sector(struct match_input *in, struct http_resp *resp, const char *code)
{
    if (strlen(code) == 0 || strlen(code) >= sizeof(in->sector)) {
        http_problem(resp, 400, "sector", "sector must be a VSIC code; got '%.40s'", code);
        return -1;
    }
    snprintf(in->sector, sizeof(in->sector), "%s", code);
    in->q.has_sector = 1;
    return 0;
}

static int set_limit(struct match_input *in, struct http_resp *resp, const char *text)
{
    int64_t v;

    if (parse_i64(text, 1, API_MAX_LIMIT, &v)) {
        http_problem(resp, 400, "limit", "limit must be a whole number from 1 to %d; got '%.40s'",
                     API_MAX_LIMIT, text);
        return -1;
    }
    in->limit = (long)v;
    return 0;
}

/* Applies one named parameter given as text. Returns 0, -1 after answering
 * 400, or 1 when the name is not a parameter of this endpoint. */
static int set_param(struct match_input *in, struct http_resp *resp, const char *name,
                     const char *value)
{
    int i;

    for (i = 0; i < (int)(sizeof(numbers) / sizeof(numbers[0])); i++)
        if (strcmp(name, numbers[i].name) == 0)
            return set_number(in, resp, i, value);
    for (i = 0; i < CRIT_COUNT; i++)
        if (strcmp(name, weight_params[i]) == 0)
            return set_weight(in, resp, i, value);
    if (strcmp(name, "ready_by") == 0)
        return set_ready_by(in, resp, value);
    if (strcmp(name, "units") == 0)
        return set_units(in, resp, value);
    if (strcmp(name, "sector") == 0)
        return set_sector(in, resp, value);
    if (strcmp(name, "limit") == 0)
        return set_limit(in, resp, value);
    if (strcmp(name, "lang") == 0)
        return 0; /* read by api_lang */
    return 1;
}

void match_input_init(struct match_input *in)
{
    memset(in, 0, sizeof(*in));
    site_default_weights(&in->q);
    in->limit = MATCH_DEFAULT_LIMIT;
}

/* Fills names (room for 40) with the parameters and extra. */
const char *const *match_param_names(const char **names, const char *const *extra)
{
    size_t i, n = 0;

    for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
        names[n++] = numbers[i].name;
    for (i = 0; i < CRIT_COUNT; i++)
        names[n++] = weight_params[i];
    names[n++] = "ready_by";
    names[n++] = "units";
    names[n++] = "sector";
    names[n++] = "limit";
    names[n++] = "lang";
    while (extra && *extra && n < 39)
        names[n++] = *extra++;
    names[n] = NULL;
    return names;
}

static int is_extra(const char *name, const char *const *extra)
{
    for (; extra && *extra; extra++)
        if (strcmp(*extra, name) == 0)
            return 1;
    return 0;
}

int match_input_from_query(struct match_input *in, struct http_req *req, struct http_resp *resp,
                           const char *const *extra)
{
    const char *names[40];
    size_t i;

    if (http_check_params(req, resp, match_param_names(names, extra)))
        return -1;
    for (i = 0; i < req->nparams; i++)
        if (!is_extra(req->params[i].name, extra) &&
            set_param(in, resp, req->params[i].name, req->params[i].value) < 0)
            return -1;
    return 0;
}

/* Turns a JSON value into the text form set_param takes. */
static int json_text(json_t *v, const char *key, char *out, size_t n, struct http_resp *resp)
{
    size_t i;
    json_t *item;

    int textual = !strcmp(key, "units") || !strcmp(key, "sector") || !strcmp(key, "ready_by");

    if (json_is_string(v)) {
        snprintf(out, n, "%s", json_string_value(v));
    } else if (json_is_number(v) && !textual) {
        snprintf(out, n, "%.17g", json_number_value(v));
    } else if (json_is_array(v) && strcmp(key, "units") == 0) {
        out[0] = '\0';
        json_array_foreach(v, i, item)
        {
            if (!json_is_string(item) || strchr(json_string_value(item), ',')) {
                http_problem(resp, 400, key, "units must be an array of unit codes");
                return -1;
            }
            snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? "," : "",
                     json_string_value(item));
        }
    } else {
        http_problem(resp, 400, key, "%s has the wrong type", key);
        return -1;
    }
    return 0;
}

static int input_from_json(struct match_input *in, struct http_req *req, struct http_resp *resp)
{
    json_error_t e;
    json_t *doc, *v;
    const char *key;
    char text[2048];
    int rc = 0;

    if (req->nparams && !(req->nparams == 1 && http_param(req, "lang"))) {
        http_problem(resp, 400, req->params[0].name,
                     "a POST takes its parameters in the JSON body (only lang may be in the URL)");
        return -1;
    }
    doc = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &e);
    if (!doc || !json_is_object(doc)) {
        http_problem(resp, 400, NULL, "the body must be a JSON object: %s (line %d, column %d)",
                     doc ? "not an object" : e.text, e.line, e.column);
        json_decref(doc);
        return -1;
    }
    json_object_foreach(doc, key, v)
    {
        if (json_is_null(v))
            continue;
        if (strcmp(key, "lang") == 0) {
            http_problem(resp, 400, key, "lang goes in the URL (?lang=vi|en|ko)");
            rc = -1;
            break;
        }
        rc = json_text(v, key, text, sizeof(text), resp);
        if (!rc)
            rc = set_param(in, resp, key, text);
        if (rc == 1)
            http_problem(resp, 400, key, "unknown field \"%.60s\"", key);
        if (rc)
            break;
    }
    json_decref(doc);
    return rc ? -1 : 0;
}

/* ===== zones ===== */

/* The figures of every zone (umbrellas aside) as loaded from the database,
 * kept while the database does not change (the answer cache's rule, see
 * cache.c) and shared by the requests that use it. */
struct snap_zone {
    const char *code, *kind, *sectors, *unit, *commune, *names[3]; /* into text */
    enum site_stage stage;
    int ready_year;
    struct site_value available_ha, lease_usd_m2, km_hcmc, km_port, wwtp_m3_day, power_mva;
};

struct match_snapshot {
    uint64_t gen;
    long n;
    struct snap_zone *z;
    struct buf text; /* every string, NUL-separated */
    int refs;        /* requests using it, plus one while it is the current one */
};

static struct match_snapshot *current_snap;
static pthread_mutex_t snap_lock = PTHREAD_MUTEX_INITIALIZER;

#define ZONE_SQL                                                                                   \
    "SELECT z.code, z.kind, z.status, z.planned_year,"                                             \
    " CASE WHEN z.industrial_ha IS NOT NULL AND z.leased_ha IS NOT NULL"                           \
    " THEN z.industrial_ha - z.leased_ha END, z.lease_usd_m2, z.km_hcmc, z.km_port,"               \
    " z.wwtp_m3_day, z.power_mva, z.sectors, z.unit_code, z.commune,"                              \
    " z.name_vi, z.name_en, z.name_ko"                                                             \
    " FROM zones z WHERE NOT EXISTS (SELECT 1 FROM zones m WHERE m.group_code = z.code)"           \
    " ORDER BY z.code"

enum {
    ZC_CODE,
    ZC_KIND,
    ZC_STATUS,
    ZC_YEAR,
    ZC_AVAILABLE,
    ZC_LEASE,
    ZC_HCMC,
    ZC_PORT,
    ZC_WWTP,
    ZC_POWER,
    ZC_SECTORS,
    ZC_UNIT,
    ZC_COMMUNE,
    ZC_NAME_VI
};

static struct site_value column_value(sqlite3_stmt *st, int col)
{
    struct site_value v = {sqlite3_column_type(st, col) != SQLITE_NULL,
                           sqlite3_column_double(st, col)};
    return v;
}

static enum site_stage stage_of(const char *status)
{
    static const char *const names[] = {"planned", "approved", "building", "operating",
                                        "cancelled"};
    static const enum site_stage stages[] = {STAGE_PLANNED, STAGE_APPROVED, STAGE_BUILDING,
                                             STAGE_OPERATING, STAGE_CANCELLED};
    size_t i;

    for (i = 0; status && i < 5; i++)
        if (strcmp(status, names[i]) == 0)
            return stages[i];
    return STAGE_UNKNOWN;
}

/* Appends column col's text (NUL-terminated) and returns its offset, or
 * -1 for NULL. Offsets become pointers once the text stops growing. */
static long keep_text(struct buf *text, sqlite3_stmt *st, int col)
{
    long at = (long)text->len;

    if (sqlite3_column_type(st, col) == SQLITE_NULL)
        return -1;
    buf_append(text, sqlite3_column_text(st, col), (size_t)sqlite3_column_bytes(st, col) + 1);
    return at;
}

static void snapshot_free(struct match_snapshot *snap)
{
    if (!snap)
        return;
    xfree(snap->z);
    buf_free(&snap->text);
    xfree(snap);
}

/* Reads one row; string fields hold offsets (cast) until fix_pointers. */
static void read_zone(sqlite3_stmt *st, struct buf *text, struct snap_zone *z)
{
    static const int cols[] = {ZC_CODE,    ZC_KIND,    ZC_SECTORS,     ZC_UNIT,
                               ZC_COMMUNE, ZC_NAME_VI, ZC_NAME_VI + 1, ZC_NAME_VI + 2};
    const char **fields[] = {&z->code,    &z->kind,     &z->sectors,  &z->unit,
                             &z->commune, &z->names[0], &z->names[1], &z->names[2]};
    size_t i;

    for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
        *fields[i] = (const char *)(intptr_t)keep_text(text, st, cols[i]);
    z->stage = stage_of((const char *)sqlite3_column_text(st, ZC_STATUS));
    z->ready_year = sqlite3_column_int(st, ZC_YEAR);
    z->available_ha = column_value(st, ZC_AVAILABLE);
    z->lease_usd_m2 = column_value(st, ZC_LEASE);
    z->km_hcmc = column_value(st, ZC_HCMC);
    z->km_port = column_value(st, ZC_PORT);
    z->wwtp_m3_day = column_value(st, ZC_WWTP);
    z->power_mva = column_value(st, ZC_POWER);
}

static void fix_pointers(struct match_snapshot *snap)
{
    long i;
    size_t f;

    for (i = 0; i < snap->n; i++) {
        struct snap_zone *z = &snap->z[i];
        const char **fields[] = {&z->code,    &z->kind,     &z->sectors,  &z->unit,
                                 &z->commune, &z->names[0], &z->names[1], &z->names[2]};
        for (f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
            intptr_t at = (intptr_t)*fields[f];
            *fields[f] = at < 0 ? NULL : snap->text.data + at;
        }
    }
}

static struct match_snapshot *snapshot_load(struct store *s, uint64_t gen)
{
    struct match_snapshot *snap = xcalloc(1, sizeof(*snap));
    sqlite3_stmt *st = NULL;
    long cap = 0;
    int rc = SQLITE_ERROR;

    if (!snap)
        return NULL;
    snap->gen = gen;
    buf_init(&snap->text, (size_t)1 << 30);
    if (sqlite3_prepare_v2(s->db, ZONE_SQL, -1, &st, NULL) == SQLITE_OK) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW && snap->n < MATCH_MAX_ZONES) {
            if (snap->n == cap) {
                struct snap_zone *grown =
                    xrealloc(snap->z, (size_t)(cap = cap ? cap * 2 : 16) * sizeof(*grown));
                if (!grown)
                    break;
                snap->z = grown;
            }
            read_zone(st, &snap->text, &snap->z[snap->n++]);
        }
    }
    sqlite3_finalize(st);
    if ((rc != SQLITE_DONE && rc != SQLITE_ROW) || snap->text.err) {
        snapshot_free(snap);
        return NULL;
    }
    fix_pointers(snap);
    return snap;
}

static void snapshot_release(struct match_snapshot *snap)
{
    int last;

    if (!snap)
        return;
    pthread_mutex_lock(&snap_lock);
    last = --snap->refs == 0;
    pthread_mutex_unlock(&snap_lock);
    if (last)
        snapshot_free(snap);
}

/* Returns a snapshot no older than the database (held: release it), or
 * NULL when the database cannot be read or memory runs out. */
static struct match_snapshot *snapshot_acquire(struct store *s)
{
    struct match_snapshot *snap = NULL, *old = NULL;
    uint64_t before, now;

    if (api_cache_generation(s, &before, &now))
        return NULL;
    pthread_mutex_lock(&snap_lock);
    if (current_snap && current_snap->gen == now) {
        snap = current_snap;
        snap->refs++;
    }
    pthread_mutex_unlock(&snap_lock);
    if (snap)
        return snap;
    snap = snapshot_load(s, before);
    if (!snap)
        return NULL;
    snap->refs = 1;
    pthread_mutex_lock(&snap_lock);
    if (api_cache_current(before) && (!current_snap || current_snap->gen != before)) {
        old = current_snap;
        current_snap = snap;
        snap->refs++;
    }
    pthread_mutex_unlock(&snap_lock);
    snapshot_release(old);
    return snap;
}

/* ===== one request's view of the zones ===== */

/* The codes of sector `code` in both VSIC versions, space-padded for a
 * token search: " 2610 2611 2619 ". Returns 0 when the code is unknown. */
static int sector_tokens(struct store *s, const char *code, char *out, size_t n)
{
    char codes[32][SECTOR_CODE_MAX];
    int i, count = store_sector_codes(s, code, codes, 32);

    snprintf(out, n, " ");
    for (i = 0; i < count; i++)
        snprintf(out + strlen(out), n - strlen(out), "%s ", codes[i]);
    return count > 0;
}

static int zone_has_sector(const char *sectors, const char *tokens)
{
    const char *p = sectors;

    if (!sectors || !*sectors)
        return -1;
    while (*p) {
        char token[24];
        size_t n = strcspn(p, " ");
        if (n && n < sizeof(token) - 2) {
            snprintf(token, sizeof(token), " %.*s ", (int)n, p);
            if (strstr(tokens, token))
                return 1;
        }
        p += n + (p[n] == ' ');
    }
    return 0;
}

/* The unit codes at or under the preferred units (and those they replaced),
 * sorted for bsearch. */
struct unit_scope {
    char (*codes)[72];
    size_t n;
};

static int compare_codes(const void *a, const void *b)
{
    return strcmp(a, b);
}

static int load_scope(struct store *s, const struct match_input *in, struct unit_scope *scope)
{
    static const char sql[] = "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE " SELECT code FROM scope";
    sqlite3_stmt *st = NULL;
    size_t cap = 0;
    int i, rc = 0;

    memset(scope, 0, sizeof(*scope));
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    for (i = 0; i < in->nunits && !rc; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, in->units[i], -1, SQLITE_STATIC);
        while (!rc && sqlite3_step(st) == SQLITE_ROW) {
            if (scope->n == cap) {
                void *grown = xrealloc(scope->codes, (cap = cap ? cap * 2 : 64) * 72);
                if (!grown) {
                    rc = -1;
                    break;
                }
                scope->codes = grown;
            }
            snprintf(scope->codes[scope->n++], 72, "%s", sqlite3_column_text(st, 0));
        }
    }
    sqlite3_finalize(st);
    if (scope->n)
        qsort(scope->codes, scope->n, 72, compare_codes);
    return rc;
}

static int in_scope(const struct unit_scope *scope, const char *unit, const char *commune)
{
    if (!scope->n)
        return 0;
    return (unit && bsearch(unit, scope->codes, scope->n, 72, compare_codes)) ||
           (commune && bsearch(commune, scope->codes, scope->n, 72, compare_codes));
}

/* Fills m from the snapshot's zone for this request's sector, units and
 * language. */
static void view_zone(const struct snap_zone *sz, const struct match_input *in, const char *tokens,
                      const struct unit_scope *scope, struct match_zone *m)
{
    static const char *const langs[] = {"vi", "en", "ko"};
    struct site_zone *z = &m->z;
    int l = (int)in->lang;

    memset(z, 0, sizeof(*z));
    z->code = sz->code;
    z->stage = sz->stage;
    z->ready_year = sz->ready_year;
    z->available_ha = sz->available_ha;
    z->lease_usd_m2 = sz->lease_usd_m2;
    z->km_hcmc = sz->km_hcmc;
    z->km_port = sz->km_port;
    z->wwtp_m3_day = sz->wwtp_m3_day;
    z->power_mva = sz->power_mva;
    z->sector = in->q.has_sector ? zone_has_sector(sz->sectors, tokens) : -1;
    z->sector_allowed = !in->q.has_sector || site_kind_allows(sz->kind, in->sector);
    z->in_preferred_unit = in->q.has_units && in_scope(scope, sz->unit, sz->commune);
    while (l > 0 && !sz->names[l])
        l--;
    m->name = sz->names[l] ? sz->names[l] : sz->code;
    m->name_lang = langs[l];
}

/* ===== output ===== */

static enum site_lang site_lang_of(enum api_lang l)
{
    return l == LANG_EN ? SITE_EN : l == LANG_KO ? SITE_KO : SITE_VI;
}

static void write_result(struct jw *w, const struct site_result *r, const struct match_zone *m,
                         enum api_lang lang)
{
    char text[512];
    int i;

    jw_obj_begin(w);
    jw_key(w, "code");
    jw_str(w, m->z.code);
    jw_key(w, "name");
    jw_str(w, m->name);
    jw_key(w, "name_lang");
    jw_str(w, m->name_lang);
    jw_key(w, "score");
    jw_real(w, (double)(long long)(r->score * 10 + 0.5) / 10);
    jw_key(w, "excluded");
    jw_bool(w, r->excluded);
    jw_key(w, "contributions");
    jw_obj_begin(w);
    for (i = 0; i < CRIT_COUNT; i++) {
        jw_key(w, site_criterion_name((enum site_criterion)i));
        jw_real(w, (double)(long long)(r->contribution[i] * 10 + 0.5) / 10);
    }
    jw_obj_end(w);
    jw_key(w, "reasons");
    jw_arr_begin(w);
    for (i = 0; i < r->nreasons; i++) {
        jw_obj_begin(w);
        jw_key(w, "kind");
        jw_str(w, site_reason_name(r->reasons[i].kind));
        jw_key(w, "criterion");
        jw_str(w, site_criterion_name(r->reasons[i].criterion));
        jw_key(w, "text");
        jw_str(w, site_reason_text(&r->reasons[i], site_lang_of(lang), text, sizeof(text)));
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_obj_end(w);
}

static void write_results(struct jw *w, const struct match_input *in, const struct match_run *run)
{
    size_t i;
    int pass, c;

    jw_obj_begin(w);
    for (pass = 0; pass < 2; pass++) {
        jw_key(w, pass ? "excluded" : "items");
        jw_arr_begin(w);
        for (i = 0; i < run->nresults; i++)
            if (run->results[i].excluded == pass)
                write_result(w, &run->results[i], match_zone_of(run, &run->results[i]), in->lang);
        jw_arr_end(w);
    }
    jw_key(w, "total");
    jw_int(w, (int64_t)run->included);
    jw_key(w, "excluded_total");
    jw_int(w, (int64_t)run->excluded);
    jw_key(w, "weights");
    jw_obj_begin(w);
    for (c = 0; c < CRIT_COUNT; c++) {
        jw_key(w, site_criterion_name((enum site_criterion)c));
        jw_real(w, in->q.weight[c]);
    }
    jw_obj_end(w);
    jw_key(w, "lang");
    jw_str(w, api_lang_code(in->lang));
    jw_obj_end(w);
    buf_putc(w->b, '\n');
}

/* ===== handler ===== */

static int check_codes(struct store *s, const struct match_input *in, char *tokens, size_t n,
                       struct http_resp *resp)
{
    sqlite3_stmt *st = NULL;
    int i, missing = -1;

    if (in->q.has_sector && !sector_tokens(s, in->sector, tokens, n)) {
        http_problem(resp, 400, "sector",
                     "unknown sector code '%s' (VSIC 2018 or 2025): see /api/v1/sectors",
                     in->sector);
        return -1;
    }
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM units WHERE code = ?", -1, &st, NULL) != SQLITE_OK)
        return -1;
    for (i = 0; i < in->nunits && missing < 0; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, in->units[i], -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW)
            missing = i;
    }
    sqlite3_finalize(st);
    if (missing >= 0)
        http_problem(resp, 400, "units", "unknown unit '%s': see /api/v1/units for the codes",
                     in->units[missing]);
    return missing >= 0 ? -1 : 0;
}

void match_run_free(struct match_run *run)
{
    snapshot_release(run->snap);
    xfree(run->mz);
    xfree(run->zones);
    xfree(run->results);
    memset(run, 0, sizeof(*run));
}

int match_score_zone(const struct match_run *run, const struct match_input *in, const char *code,
                     struct site_result *out)
{
    long i;

    for (i = 0; i < run->n; i++) {
        if (strcmp(run->zones[i].code, code) == 0) {
            site_score(&in->q, &run->zones[i], out);
            return 0;
        }
    }
    return -1;
}

const struct match_zone *match_zone_of(const struct match_run *run, const struct site_result *r)
{
    return &run->mz[r->zone - run->zones];
}

int match_compute(struct match_input *in, struct store *s, struct http_resp *resp,
                  struct match_run *run)
{
    char tokens[512] = " ";
    struct unit_scope scope;
    long i, n;
    int rc = -1;

    memset(run, 0, sizeof(*run));
    memset(&scope, 0, sizeof(scope));
    if (check_codes(s, in, tokens, sizeof(tokens), resp))
        return -1;
    if (load_scope(s, in, &scope) || !(run->snap = snapshot_acquire(s))) {
        api_db_error(resp, s);
        goto out;
    }
    n = run->n = run->snap->n;
    run->mz = xmalloc((size_t)(n ? n : 1) * sizeof(*run->mz));
    run->zones = xmalloc((size_t)(n ? n : 1) * sizeof(*run->zones));
    run->results = xmalloc((size_t)(2 * in->limit) * sizeof(*run->results));
    if (!run->mz || !run->zones || !run->results) {
        http_problem(resp, 503, NULL, "out of memory");
        goto out;
    }
    for (i = 0; i < n; i++) {
        view_zone(&run->snap->z[i], in, tokens, &scope, &run->mz[i]);
        run->zones[i] = run->mz[i].z;
    }
    run->nresults = site_rank_top(&in->q, run->zones, (size_t)n, (size_t)in->limit, run->results,
                                  &run->included, &run->excluded);
    rc = 0;
out:
    xfree(scope.codes);
    if (rc)
        match_run_free(run);
    return rc;
}

void api_match_sites(struct http_req *req, struct http_resp *resp)
{
    struct match_input in;
    struct match_run run;
    struct store *s;
    struct jw w;
    int post = strcmp(req->method, "POST") == 0;

    match_input_init(&in);
    if (api_lang(req, resp, &in.lang))
        return;
    if (post ? input_from_json(&in, req, resp) : match_input_from_query(&in, req, resp, NULL))
        return;
    s = api_store(req, resp);
    if (s && match_compute(&in, s, resp, &run) == 0) {
        jw_init(&w, &resp->body);
        write_results(&w, &in, &run);
        match_run_free(&run);
    }
}
