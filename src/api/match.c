/* SPDX-License-Identifier: MIT */
/*
 * GET and POST /api/v1/match/sites: an investor's needs in, a ranked
 * shortlist out, each zone with its score, each criterion's contribution
 * and the reasons (in vi, en or ko) why it was excluded or what about it is
 * unknown. Parameters come from the query string (GET, shareable links) or
 * a JSON object (POST) with the same names, decoded by one table (see
 * match.h) that also writes the OpenAPI entries; the run is the use case
 * app/app_finder.
 */
#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/match.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/site_text.h"
#include "api/tr.h"

/* ===== the table ===== */

static enum khu_err set_number(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d);
static enum khu_err set_figure(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d);
static enum khu_err set_ready_by(void *in, const struct match_param *p, const char *text,
                                 struct khu_diag *d);
static enum khu_err set_units(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d);
static enum khu_err set_sector(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d);
static enum khu_err set_limit(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d);
static enum khu_err set_offset(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d);
static enum khu_err set_group(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d);

#define BOTH               (MATCH_ROUTE_FINDER | MATCH_ROUTE_BRIEF)
#define MATCH_MAX_PROBLEMS 16 /* bad values reported in one answer */
#define Q(field)           offsetof(struct site_query, field)
#define WEIGHT(name, crit)                                                                         \
    {                                                                                              \
        "weight_" name, MATCH_NUMBER, 0, 100, BOTH, 0, "2",                                        \
            "Weight of the " name " criterion (0-100; 0 removes it).", set_number,                 \
            Q(weight) + (crit) * sizeof(double)                                                    \
    }

/* The order is that of the allowed list in a 400 answer and of the document. */
const struct match_param match_params[] = {
    {"land_ha", MATCH_NUMBER, 0, 100000, BOTH, 0, "20",
     "Land needed (ha); zones with less available land are excluded.", set_number, Q(land_ha)},
    {"max_lease_usd_m2", MATCH_NUMBER, 0, 10000, BOTH, 0, "120",
     "Highest acceptable lease price (USD/m2).", set_figure, Q(max_lease_usd_m2)},
    {"max_km_hcmc", MATCH_NUMBER, 0, 5000, BOTH, 0, "60",
     "Longest acceptable distance to Ho Chi Minh City (km).", set_figure, Q(max_km_hcmc)},
    {"max_km_port", MATCH_NUMBER, 0, 5000, BOTH, 0, "80",
     "Longest acceptable distance to a seaport (km).", set_figure, Q(max_km_port)},
    {"min_wwtp_m3_day", MATCH_NUMBER, 0, 1e7, BOTH, 0, "1000",
     "Least wastewater treatment capacity (m3/day).", set_figure, Q(min_wwtp_m3_day)},
    {"min_power_mva", MATCH_NUMBER, 0, 1e5, BOTH, 0, "20", "Least power supply (MVA).", set_figure,
     Q(min_power_mva)},
    WEIGHT("land", CRIT_LAND),
    WEIGHT("price", CRIT_PRICE),
    WEIGHT("km_hcmc", CRIT_HCMC),
    WEIGHT("km_port", CRIT_PORT),
    WEIGHT("wwtp", CRIT_WWTP),
    WEIGHT("power", CRIT_POWER),
    WEIGHT("ready", CRIT_READY),
    WEIGHT("unit", CRIT_UNIT),
    WEIGHT("sector", CRIT_SECTOR),
    {"ready_by", MATCH_DATE, 0, 0, BOTH, 0, "2030-12-31",
     "Date (YYYY-MM-DD) by which the site must be ready; without it only operating zones "
     "qualify.",
     set_ready_by, 0},
    {"units", MATCH_CODES, 1, FINDER_MAX_UNITS, BOTH, 0, "D1",
     "Preferred administrative units, comma-separated (any level, historical codes included).",
     set_units, 0},
    {"sector", MATCH_CODE, 0, 0, BOTH, 0, "2610", "The investor's VSIC code (2018 or 2025).",
     set_sector, 0},
    {"limit", MATCH_INTEGER, 1, FINDER_MAX_LIMIT, BOTH, 0, "5",
     "Zones listed in each group (1-500, default 20).", set_limit, 0},
    {"offset", MATCH_INTEGER, 0, FINDER_MAX_ZONES, MATCH_ROUTE_FINDER, 0, "20",
     "Ranks skipped in each listed group, for the next page (default 0).", set_offset, 0},
    {"group", MATCH_CODE, 0, 0, MATCH_ROUTE_FINDER, 0, "unverified",
     "List only this group: fits, unverified or excluded (the counts cover all).", set_group, 0},
    {"lang", MATCH_LANG, 0, 0, BOTH, 0, "en",
     "Language of names and reasons; otherwise Accept-Language, then vi.", NULL, 0},
    {"zones", MATCH_CODES, 1, 8, MATCH_ROUTE_BRIEF, 1, "kcn-long-hau",
     "Zone codes, comma-separated (1-8).", NULL, 0},
    {NULL, MATCH_NUMBER, 0, 0, 0, 0, NULL, NULL, NULL, 0},
};

/* ===== setters ===== */

/* The language of the messages for in: the page's. */
static enum api_lang lang_of(const struct finder_input *in)
{
    return in->msg_lang == SITE_EN ? LANG_EN : in->msg_lang == SITE_KO ? LANG_KO : LANG_VI;
}

static enum khu_err set_number(void *vin, const struct match_param *p, const char *text,
                               struct khu_diag *d)
{
    struct finder_input *in = vin;
    double v;

    if (parse_f64(text, p->min, p->max, &v)) {
        khu_diag_set(d, 0, 0, p->name,
                     api_tr(lang_of(in), "%s must be a number from %g to %g; got '%.40s'"), p->name,
                     p->min, p->max, text);
        return KHU_EINVAL;
    }
    *(double *)((char *)&in->q + p->at) = v;
    return KHU_OK;
}

static enum khu_err set_figure(void *vin, const struct match_param *p, const char *text,
                               struct khu_diag *d)
{
    struct finder_input *in = vin;
    struct site_value *slot = (struct site_value *)((char *)&in->q + p->at);
    double v;

    if (parse_f64(text, p->min, p->max, &v)) {
        khu_diag_set(d, 0, 0, p->name,
                     api_tr(lang_of(in), "%s must be a number from %g to %g; got '%.40s'"), p->name,
                     p->min, p->max, text);
        return KHU_EINVAL;
    }
    slot->known = 1;
    slot->v = v;
    return KHU_OK;
}

static enum khu_err set_ready_by(void *vin, const struct match_param *p, const char *text,
                                 struct khu_diag *d)
{
    struct finder_input *in = vin;
    int32_t day;
    char year[5];

    if (parse_date(text, &day)) {
        khu_diag_set(d, 0, 0, p->name,
                     api_tr(lang_of(in), "%s must be a date YYYY-MM-DD; got '%.40s'"), p->name,
                     text);
        return KHU_EINVAL;
    }
    memcpy(year, text, 4);
    year[4] = '\0';
    in->q.ready_year = (int)strtol(year, NULL, 10);
    return KHU_OK;
}

static enum khu_err set_units(void *vin, const struct match_param *p, const char *list,
                              struct khu_diag *d)
{
    struct finder_input *in = vin;
    while (*list) {
        size_t n = strcspn(list, ",");
        if (in->nunits == (int)p->max || n == 0 || n >= sizeof(in->units[0])) {
            khu_diag_set(d, 0, 0, p->name,
                         api_tr(lang_of(in), "%s must be %g to %g unit codes separated by commas"),
                         p->name, p->min, p->max);
            return KHU_EINVAL;
        }
        memcpy(in->units[in->nunits], list, n);
        in->units[in->nunits++][n] = '\0';
        in->q.has_units = 1;
        list += n + (list[n] == ',');
    }
    return KHU_OK;
}

static enum khu_err set_sector(void *vin, const struct match_param *p, const char *code,
                               struct khu_diag *d)
{
    struct finder_input *in = vin;
    if (strlen(code) == 0 || strlen(code) >= sizeof(in->sector)) {
        khu_diag_set(d, 0, 0, p->name, api_tr(lang_of(in), "%s must be a VSIC code; got '%.40s'"),
                     p->name, code);
        return KHU_EINVAL;
    }
    snprintf(in->sector, sizeof(in->sector), "%s", code);
    in->q.has_sector = 1;
    return KHU_OK;
}

/* Reads a whole number within p's bounds into *out. */
static enum khu_err whole_number(const struct finder_input *in, const struct match_param *p,
                                 const char *text, long *out, struct khu_diag *d)
{
    int64_t v;

    if (parse_i64(text, (int64_t)p->min, (int64_t)p->max, &v)) {
        khu_diag_set(d, 0, 0, p->name,
                     api_tr(lang_of(in), "%s must be a whole number from %g to %g; got '%.40s'"),
                     p->name, p->min, p->max, text);
        return KHU_EINVAL;
    }
    *out = (long)v;
    return KHU_OK;
}

static enum khu_err set_limit(void *vin, const struct match_param *p, const char *text,
                              struct khu_diag *d)
{
    struct finder_input *in = vin;
    return whole_number(in, p, text, &in->limit, d);
}

static enum khu_err set_offset(void *vin, const struct match_param *p, const char *text,
                               struct khu_diag *d)
{
    struct finder_input *in = vin;
    return whole_number(in, p, text, &in->offset, d);
}

static enum khu_err set_group(void *vin, const struct match_param *p, const char *text,
                              struct khu_diag *d)
{
    struct finder_input *in = vin;
    int g;

    for (g = 0; g < SITE_GROUPS; g++) {
        if (strcmp(text, site_group_name((enum site_group)g)) == 0) {
            in->groups = 1u << g;
            return KHU_OK;
        }
    }
    khu_diag_set(d, 0, 0, p->name,
                 api_tr(lang_of(in), "%s must be fits, unverified or excluded; got '%.40s'"),
                 p->name, text);
    return KHU_EINVAL;
}

/* ===== decoding ===== */

static const struct match_param *find_param(const struct match_param *table, const char *name,
                                            unsigned route)
{
    const struct match_param *p;

    for (p = table; p->name; p++)
        if ((p->routes & route) && strcmp(p->name, name) == 0)
            return p;
    return NULL;
}

const char *const *match_table_params(const struct match_param *table, unsigned route,
                                      const char **names, size_t max, const char *const *extra)
{
    const struct match_param *p;
    size_t n = 0;

    for (p = table; p->name && n + 1 < max; p++)
        if (p->routes & route)
            names[n++] = p->name;
    while (extra && *extra && n + 1 < max)
        names[n++] = *extra++;
    names[n] = NULL;
    return names;
}

const char *const *match_route_params(unsigned route, const char **names, size_t max,
                                      const char *const *extra)
{
    return match_table_params(match_params, route, names, max, extra);
}

const char *const *match_param_names(const char **names, const char *const *extra)
{
    return match_route_params(MATCH_ROUTE_FINDER, names, 40, extra);
}

enum site_lang match_site_lang(enum api_lang lang)
{
    return lang == LANG_EN ? SITE_EN : lang == LANG_KO ? SITE_KO : SITE_VI;
}

int match_decode_query(const struct match_param *table, unsigned route, void *in,
                       enum api_lang lang, struct http_req *req, struct http_resp *resp)
{
    const char *names[48];
    struct khu_diag d;
    size_t i;

    struct http_field_problem bad[MATCH_MAX_PROBLEMS];
    char detail[256], list[160] = "";
    int nbad = 0, k;

    if (http_check_params(req, resp, match_table_params(table, route, names, 48, NULL)))
        return -1;
    /* every bad value at once, so that a form can mark each of its fields */
    for (i = 0; i < req->nparams; i++) {
        const struct match_param *p = find_param(table, req->params[i].name, route);
        enum khu_err err;
        khu_diag_clear(&d);
        err = p && p->set ? p->set(in, p, req->params[i].value, &d) : KHU_OK;
        if (err && err != KHU_EINVAL) {
            api_error(resp, err, &d);
            return -1;
        }
        if (err && nbad < MATCH_MAX_PROBLEMS) {
            bad[nbad].param = p->name;
            bad[nbad].rule = NULL;
            snprintf(bad[nbad].detail, sizeof(bad[nbad].detail), "%.255s", d.message);
            nbad++;
        }
    }
    if (nbad == 0)
        return 0;
    if (nbad == 1) {
        snprintf(detail, sizeof(detail), "%s", bad[0].detail);
    } else {
        for (k = 0; k < nbad; k++)
            snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", k ? ", " : "",
                     bad[k].param);
        snprintf(detail, sizeof(detail), api_tr(lang, "Check %d fields: %s."), nbad, list);
    }
    http_problem_fields(resp, 400, detail, bad, nbad);
    return -1;
}

int match_input_from_query(struct finder_input *in, struct http_req *req, struct http_resp *resp,
                           unsigned route)
{
    return match_decode_query(match_params, route, in, lang_of(in), req, resp);
}

/* Turns a JSON value into the text form the setter of p takes. */
static int json_text(json_t *v, const struct match_param *p, char *out, size_t n,
                     struct khu_diag *d)
{
    size_t i;
    json_t *item;
    int textual = p->type == MATCH_CODE || p->type == MATCH_CODES || p->type == MATCH_DATE;

    if (json_is_string(v)) {
        snprintf(out, n, "%s", json_string_value(v));
    } else if (json_is_number(v) && !textual) {
        snprintf(out, n, "%.17g", json_number_value(v));
    } else if (json_is_array(v) && p->type == MATCH_CODES) {
        out[0] = '\0';
        json_array_foreach(v, i, item)
        {
            if (!json_is_string(item) || strchr(json_string_value(item), ',')) {
                khu_diag_set(d, 0, 0, p->name, "%s must be an array of codes", p->name);
                return -1;
            }
            snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? "," : "",
                     json_string_value(item));
        }
    } else {
        khu_diag_set(d, 0, 0, p->name, "%s has the wrong type", p->name);
        return -1;
    }
    return 0;
}

/* Applies one member of the body; returns 0 or -1 with d filled. */
static int json_member(const struct match_param *table, unsigned route, void *in, const char *key,
                       json_t *v, struct khu_diag *d)
{
    const struct match_param *p = find_param(table, key, route);
    char text[2048];

    if (json_is_null(v))
        return 0;
    if (p && p->type == MATCH_LANG) {
        khu_diag_set(d, 0, 0, key, "lang goes in the URL (?lang=vi|en|ko)");
        return -1;
    }
    if (!p || !p->set) {
        khu_diag_set(d, 0, 0, key, "unknown field \"%.60s\"", key);
        return -1;
    }
    if (json_text(v, p, text, sizeof(text), d) || p->set(in, p, text, d))
        return -1;
    return 0;
}

int match_decode_json(const struct match_param *table, unsigned route, void *in,
                      struct http_req *req, struct http_resp *resp)
{
    json_error_t e;
    json_t *doc, *v;
    const char *key;
    struct khu_diag d;
    int rc = 0;

    khu_diag_clear(&d);
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
        rc = json_member(table, route, in, key, v, &d);
        if (rc)
            break;
    }
    json_decref(doc);
    if (rc)
        api_error(resp, KHU_EINVAL, &d);
    return rc;
}

int match_input_from_json(struct finder_input *in, struct http_req *req, struct http_resp *resp)
{
    return match_decode_json(match_params, MATCH_ROUTE_FINDER, in, req, resp);
}

/* ===== output ===== */

static double one_decimal(double v)
{
    return (double)(long long)(v * 10 + (v < 0 ? -0.5 : 0.5)) / 10;
}

static void figure(struct jw *w, const char *key, struct site_value v)
{
    jw_opt_real(w, key, v.known, v.v);
}

/* Writes key and s (null when s is NULL). */
static void text(struct jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str(w, s);
}

/* The zone's figures as scored, each null when unknown, with their date
 * and source, so a card can lead with the facts that fit. */
static void write_facts(struct jw *w, const struct finder_zone *m)
{
    const struct site_zone *z = m->site;
    struct site_value planned = {z->ready_year != 0, z->ready_year};

    jw_key(w, "facts");
    jw_obj_begin(w);
    text(w, "status", m->status);
    figure(w, "planned_year", planned);
    figure(w, "total_ha", m->total_ha);
    figure(w, "industrial_ha", m->industrial_ha);
    figure(w, "available_ha", z->available_ha);
    figure(w, "occupancy_reported_pct", z->occupancy_reported_pct);
    figure(w, "lease_usd_m2", z->lease_usd_m2);
    figure(w, "km_hcmc", z->km_hcmc);
    figure(w, "km_port", z->km_port);
    figure(w, "wwtp_m3_day", z->wwtp_m3_day);
    figure(w, "power_mva", z->power_mva);
    text(w, "as_of", z->as_of);
    text(w, "source", m->source);
    text(w, "developer", m->developer);
    jw_obj_end(w);
}

static void write_result(struct jw *w, const struct site_result *r, const struct finder_zone *m,
                         long rank, enum site_lang lang)
{
    char text[512];
    int i;

    jw_obj_begin(w);
    jw_key(w, "code");
    jw_str(w, m->code);
    jw_key(w, "name");
    jw_str(w, m->name);
    jw_key(w, "name_lang");
    jw_str(w, m->name_lang);
    jw_key(w, "name_vi");
    if (m->name_vi)
        jw_str(w, m->name_vi);
    else
        jw_null(w);
    jw_key(w, "group");
    jw_str(w, site_group_name(r->group));
    jw_key(w, "rank");
    jw_int(w, rank);
    jw_key(w, "score");
    jw_real(w, one_decimal(r->score));
    jw_key(w, "unknowns");
    jw_int(w, r->unknowns);
    jw_key(w, "checks");
    jw_obj_begin(w);
    for (i = 0; i < CRIT_COUNT; i++) {
        if (r->check[i] == CHECK_NOT_ASKED)
            continue;
        jw_key(w, site_criterion_name((enum site_criterion)i));
        jw_str(w, site_check_name(r->check[i]));
    }
    jw_obj_end(w);
    jw_key(w, "contributions");
    jw_obj_begin(w);
    for (i = 0; i < CRIT_COUNT; i++) {
        jw_key(w, site_criterion_name((enum site_criterion)i));
        jw_real(w, one_decimal(r->contribution[i]));
    }
    jw_obj_end(w);
    write_facts(w, m);
    jw_key(w, "reasons");
    jw_arr_begin(w);
    for (i = 0; i < r->nreasons; i++) {
        jw_obj_begin(w);
        jw_key(w, "kind");
        jw_str(w, site_reason_name(r->reasons[i].kind));
        jw_key(w, "criterion");
        jw_str(w, site_criterion_name(r->reasons[i].criterion));
        jw_key(w, "text");
        jw_str(w, site_reason_text(&r->reasons[i], lang, text, sizeof(text)));
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_obj_end(w);
}

static void write_results(struct jw *w, const struct finder_input *in, enum api_lang lang,
                          const struct finder_run *run)
{
    size_t i;
    int g, c;

    jw_obj_begin(w);
    for (g = 0; g < SITE_GROUPS; g++) {
        long rank = in->offset;
        if (!((in->groups >> g) & 1u))
            continue;
        jw_key(w, site_group_name((enum site_group)g));
        jw_arr_begin(w);
        for (i = 0; i < run->nresults; i++)
            if ((int)run->results[i].group == g) {
                struct finder_zone m = app_finder_zone_of(run, in, &run->results[i]);
                write_result(w, &run->results[i], &m, ++rank, in->lang);
            }
        jw_arr_end(w);
    }
    jw_key(w, "counts");
    jw_obj_begin(w);
    for (g = 0; g < SITE_GROUPS; g++) {
        jw_key(w, site_group_name((enum site_group)g));
        jw_int(w, (int64_t)run->count[g]);
    }
    jw_obj_end(w);
    jw_key(w, "offset");
    jw_int(w, in->offset);
    jw_key(w, "limit");
    jw_int(w, in->limit);
    jw_key(w, "order");
    jw_str(w, "group, score (highest first), unknowns (fewest first), code");
    jw_key(w, "weights");
    jw_obj_begin(w);
    for (c = 0; c < CRIT_COUNT; c++) {
        jw_key(w, site_criterion_name((enum site_criterion)c));
        jw_real(w, in->q.weight[c]);
    }
    jw_obj_end(w);
    jw_key(w, "lang");
    jw_str(w, api_lang_code(lang));
    jw_obj_end(w);
    buf_putc(w->b, '\n');
}

/* ===== handler ===== */

void api_match_sites(struct http_req *req, struct http_resp *resp)
{
    struct finder_input in;
    struct finder_run run;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    struct store *s;
    struct jw w;
    int post = strcmp(req->method, "POST") == 0, snapshot;

    app_finder_input_init(&in, ((struct api_app *)req->app)->today);
    khu_diag_clear(&d);
    if (api_lang(req, resp, &lang))
        return;
    in.lang = match_site_lang(lang);
    in.msg_lang = match_site_lang(api_message_lang(req, lang));
    if (post ? match_input_from_json(&in, req, resp)
             : match_input_from_query(&in, req, resp, MATCH_ROUTE_FINDER))
        return;
    s = api_store(req, resp);
    if (!s)
        return;
    /* every zone is scored: here when that is quick, else on the lane. One
     * snapshot, its first read the generation (app_generation.h), serves
     * the check and the run. */
    snapshot = store_snapshot_begin(s);
    if (!app_finder_quick(s) && http_to_lane(req, resp)) {
        store_snapshot_end(s, snapshot);
        return;
    }
    err = app_finder_run(s, &in, &run, &d);
    store_snapshot_end(s, snapshot);
    if (err) {
        api_error(resp, err, &d);
        return;
    }
    jw_init(&w, &resp->body);
    write_results(&w, &in, lang, &run);
    app_finder_run_free(&run);
}
