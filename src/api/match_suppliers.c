/* SPDX-License-Identifier: MIT */
/*
 * The supplier finder over HTTP: GET and POST /api/v1/match/suppliers (a
 * demand, posted or described, in; the suppliers ranked, each with its
 * score, each criterion's contribution and the reasons in vi, en or ko)
 * and GET /api/v1/match/demands (a supplier in; the open demands it could
 * serve). One table (supplier_params) decodes the query string or the
 * JSON body and writes the routes' OpenAPI entries; the run is the use
 * case app/app_supplier_finder. Contact details are not part of a match:
 * they belong to the profile, for signed-in buyers and officers.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/match.h"
#include "api/tr.h"
#include "app/app_supplier_finder.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/supplier_text.h"

/* ===== the table ===== */

#define SUP       MATCH_ROUTE_SUPPLIERS
#define DEM       MATCH_ROUTE_DEMANDS
#define BOTH      (MATCH_ROUTE_SUPPLIERS | MATCH_ROUTE_DEMANDS)
#define IN(field) offsetof(struct supplier_input, field)

static enum khu_err set_demand(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d);
static enum khu_err set_tokens(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d);
static enum khu_err set_vsic(void *in, const struct match_param *p, const char *text,
                             struct khu_diag *d);
static enum khu_err set_day(void *in, const struct match_param *p, const char *text,
                            struct khu_diag *d);
static enum khu_err set_value(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d);
static enum khu_err set_unit(void *in, const struct match_param *p, const char *text,
                             struct khu_diag *d);
static enum khu_err set_country(void *in, const struct match_param *p, const char *text,
                                struct khu_diag *d);
static enum khu_err set_weight(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d);
static enum khu_err set_whole(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d);
static enum khu_err set_group(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d);

#define WEIGHT(name, crit)                                                                         \
    {                                                                                              \
        "weight_" name, MATCH_NUMBER, 0, 100, BOTH, 0, "2",                                        \
            "Weight of the " name " criterion (0-100; 0 removes it).", set_weight,                 \
            IN(weight) + (crit) * sizeof(double)                                                   \
    }

static const char *const volume_units[] = {"pieces", "sets", "kg",    "tonnes",
                                           "m2",     "m3",   "hours", NULL};

const struct match_param supplier_params[] = {
    {"demand", MATCH_CODE, 0, 0, SUP, 0, "NC-000005",
     "The code of a posted demand: its processes, certifications, sector, volume, date and the "
     "buyer's place are read from the registry. Give it, or the demand's fields below, not both.",
     set_demand, 0},
    {"processes", MATCH_CODES, 1, SUPPLIER_MAX_PROCESSES, SUP, 0, "injection-molding,printing",
     "Processes the supplier must do, as tokens (lowercase letters, digits and '-'), "
     "comma-separated.",
     set_tokens, IN(processes)},
    {"certifications", MATCH_CODES, 1, SUPPLIER_MAX_STANDARDS, SUP, 0, "iso9001,iatf16949",
     "Certificates the supplier must hold, valid on needed_by, as tokens, comma-separated.",
     set_tokens, IN(standards)},
    {"vsic", MATCH_CODE, 0, 0, SUP, 0, "2220", "The part's VSIC code (a class or a division).",
     set_vsic, 0},
    {"needed_by", MATCH_DATE, 0, 0, SUP, 0, "2026-06-30",
     "The day certificates must be valid on (YYYY-MM-DD); default today.", set_day, 0},
    {"annual_volume", MATCH_NUMBER, 0, 1e15, SUP, 0, "120000",
     "Yearly volume, in volume_unit; scored against twelve months of the supplier's capacity.",
     set_value, IN(annual_volume)},
    {"volume_unit", MATCH_CODE, 0, 0, SUP, 0, "pieces",
     "Unit of the volume: pieces, sets, kg, tonnes, m2, m3 or hours.", set_unit, 0},
    {"max_km", MATCH_NUMBER, 0, 20000, SUP, 0, "60",
     "Farthest distance (km, as the crow flies) from the buyer; farther suppliers are excluded.",
     set_value, IN(max_km)},
    {"lat", MATCH_NUMBER, -90, 90, SUP, 0, "10.6417", "The buyer's latitude (with lon).", set_value,
     IN(lat)},
    {"lon", MATCH_NUMBER, -180, 180, SUP, 0, "106.4875", "The buyer's longitude (with lat).",
     set_value, IN(lon)},
    {"country", MATCH_CODE, 0, 0, SUP, 0, "KR",
     "The buyer's country (ISO 3166 alpha-2): buyers from it count as experience.", set_country, 0},
    {"supplier", MATCH_CODE, 0, 0, DEM, 1, "8031973292", "The supplier's tax code.", NULL, 0},
    WEIGHT("capability", SCRIT_CAPABILITY),
    WEIGHT("certification", SCRIT_CERTIFICATION),
    WEIGHT("sector", SCRIT_SECTOR),
    WEIGHT("capacity", SCRIT_CAPACITY),
    WEIGHT("distance", SCRIT_DISTANCE),
    WEIGHT("experience", SCRIT_EXPERIENCE),
    {"limit", MATCH_INTEGER, 1, SUPPLIER_MAX_LIMIT, BOTH, 0, "10",
     "Entries listed in each group (1-200, default 20).", set_whole, IN(limit)},
    {"offset", MATCH_INTEGER, 0, SUPPLIER_MAX_OFFSET, BOTH, 0, "20",
     "Ranks skipped in each listed group, for the next page (default 0).", set_whole, IN(offset)},
    {"group", MATCH_CODE, 0, 0, BOTH, 0, "excluded",
     "List only this group: fits, unverified or excluded. By default fits and unverified are "
     "listed; the counts always cover all.",
     set_group, 0},
    {"lang", MATCH_LANG, 0, 0, BOTH, 0, "en",
     "Language of names and reasons; otherwise Accept-Language, then vi.", NULL, 0},
    {NULL, MATCH_NUMBER, 0, 0, 0, 0, NULL, NULL, NULL, 0},
};

/* ===== setters ===== */

/* The decoding state beside the input: the messages' language, and
 * whether the demand was named or described. */
struct supplier_decode {
    struct supplier_input in; /* first: the setters get its address */
    enum api_lang lang;
    int named, described;
};

static struct supplier_decode *decode_of(void *in)
{
    return (struct supplier_decode *)in;
}

static enum khu_err bad(void *in, const struct match_param *p, struct khu_diag *d,
                        const char *en_format, const char *text)
{
    khu_diag_set(d, 0, 0, p->name, api_tr(decode_of(in)->lang, en_format), p->name, text);
    return KHU_EINVAL;
}

static enum khu_err set_demand(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d)
{
    struct supplier_decode *x = decode_of(in);

    if (!*text || strlen(text) >= sizeof(x->in.demand_code))
        return bad(in, p, d, "%s must be a code of 1 to 64 bytes; got '%.40s'", text);
    snprintf(x->in.demand_code, sizeof(x->in.demand_code), "%s", text);
    x->named = 1;
    return KHU_OK;
}

static int is_token(const char *s, size_t n)
{
    size_t i;

    if (n == 0 || n >= SUPPLIER_TOKEN_MAX)
        return 0;
    for (i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
            return 0;
    return 1;
}

static enum khu_err set_tokens(void *in, const struct match_param *p, const char *list,
                               struct khu_diag *d)
{
    struct supplier_decode *x = decode_of(in);
    int standards = p->at == IN(standards),
        *count = standards ? &x->in.nstandards : &x->in.nprocesses;
    const char *at = list;

    *count = 0;
    x->described = 1;
    for (;;) {
        size_t n = strcspn(at, ",");
        char *slot = standards ? x->in.standards[*count] : x->in.processes[*count];
        if (*count == (int)p->max) {
            khu_diag_set(d, 0, 0, p->name,
                         api_tr(x->lang, "%s must be 1 to %d codes of 1 to 64 bytes, separated by "
                                         "commas; got '%.40s'"),
                         p->name, (int)p->max, list);
            return KHU_EINVAL;
        }
        if (!is_token(at, n))
            return bad(in, p, d,
                       "%s must be tokens of lowercase letters, digits and '-', separated by "
                       "commas; got '%.40s'",
                       list);
        memcpy(slot, at, n);
        slot[n] = '\0';
        ++*count;
        if (!at[n])
            return KHU_OK;
        at += n + 1;
    }
}

static enum khu_err set_vsic(void *in, const struct match_param *p, const char *text,
                             struct khu_diag *d)
{
    size_t i, n = strlen(text);

    for (i = 0; i < n; i++)
        if (text[i] < '0' || text[i] > '9')
            break;
    if (n < 2 || n > 5 || i < n)
        return bad(in, p, d, "%s must be a VSIC code; got '%.40s'", text);
    snprintf(decode_of(in)->in.vsic, sizeof(decode_of(in)->in.vsic), "%s", text);
    decode_of(in)->described = 1;
    return KHU_OK;
}

static enum khu_err set_day(void *in, const struct match_param *p, const char *text,
                            struct khu_diag *d)
{
    if (parse_date(text, &decode_of(in)->in.needed_by))
        return bad(in, p, d, "%s must be a date YYYY-MM-DD; got '%.40s'", text);
    decode_of(in)->described = 1;
    return KHU_OK;
}

/* Reads text as a number within p's bounds into *v. */
static enum khu_err number(void *in, const struct match_param *p, const char *text, double *v,
                           struct khu_diag *d)
{
    if (parse_f64(text, p->min, p->max, v)) {
        khu_diag_set(d, 0, 0, p->name,
                     api_tr(decode_of(in)->lang, "%s must be a number from %g to %g; got '%.40s'"),
                     p->name, p->min, p->max, text);
        return KHU_EINVAL;
    }
    return KHU_OK;
}

static enum khu_err set_value(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d)
{
    struct match_value *slot = (struct match_value *)((char *)in + p->at);

    if (number(in, p, text, &slot->v, d))
        return KHU_EINVAL;
    slot->known = 1;
    decode_of(in)->described = 1;
    return KHU_OK;
}

static enum khu_err set_unit(void *in, const struct match_param *p, const char *text,
                             struct khu_diag *d)
{
    size_t i;

    for (i = 0; volume_units[i]; i++) {
        if (!strcmp(volume_units[i], text)) {
            snprintf(decode_of(in)->in.volume_unit, sizeof(decode_of(in)->in.volume_unit), "%s",
                     text);
            decode_of(in)->described = 1;
            return KHU_OK;
        }
    }
    khu_diag_set(d, 0, 0, p->name,
                 api_tr(decode_of(in)->lang,
                        "%s must be one of: %s (several separated by commas); got '%.40s'"),
                 p->name, "pieces, sets, kg, tonnes, m2, m3, hours", text);
    return KHU_EINVAL;
}

static enum khu_err set_country(void *in, const struct match_param *p, const char *text,
                                struct khu_diag *d)
{
    if (strlen(text) != 2 || text[0] < 'A' || text[0] > 'Z' || text[1] < 'A' || text[1] > 'Z')
        return bad(in, p, d, "%s must be a two-letter country code (ISO 3166); got '%.40s'", text);
    memcpy(decode_of(in)->in.country, text, 3);
    decode_of(in)->described = 1;
    return KHU_OK;
}

static enum khu_err set_weight(void *in, const struct match_param *p, const char *text,
                               struct khu_diag *d)
{
    return number(in, p, text, (double *)((char *)in + p->at), d);
}

static enum khu_err set_whole(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d)
{
    int64_t v;

    if (parse_i64(text, (int64_t)p->min, (int64_t)p->max, &v)) {
        khu_diag_set(
            d, 0, 0, p->name,
            api_tr(decode_of(in)->lang, "%s must be a whole number from %g to %g; got '%.40s'"),
            p->name, p->min, p->max, text);
        return KHU_EINVAL;
    }
    *(long *)((char *)in + p->at) = (long)v;
    return KHU_OK;
}

static enum khu_err set_group(void *in, const struct match_param *p, const char *text,
                              struct khu_diag *d)
{
    int g;

    for (g = 0; g < SUPPLIER_GROUPS; g++) {
        if (!strcmp(text, supplier_group_name((enum supplier_group)g))) {
            decode_of(in)->in.groups = 1u << g;
            return KHU_OK;
        }
    }
    return bad(in, p, d, "%s must be fits, unverified or excluded; got '%.40s'", text);
}

/* ===== output ===== */

static double one_decimal(double v)
{
    return (double)(long long)(v * 10 + (v < 0 ? -0.5 : 0.5)) / 10;
}

static void text(struct jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str(w, s);
}

static void value(struct jw *w, const char *key, struct match_value v, int decimals)
{
    jw_opt_real(w, key, v.known, decimals ? one_decimal(v.v) : v.v);
}

static void day(struct jw *w, const char *key, int32_t d)
{
    char iso[11];

    jw_key(w, key);
    if (d == MATCH_NO_DAY) {
        jw_null(w);
        return;
    }
    format_date(d, iso);
    jw_str(w, iso);
}

/* The score of r: group, score, checks, contributions, reasons. */
static void write_score(struct jw *w, const struct supplier_result *r, enum site_lang lang)
{
    char line[512];
    int i;

    text(w, "group", supplier_group_name(r->group));
    jw_key(w, "score");
    jw_real(w, one_decimal(r->score));
    jw_key(w, "unknowns");
    jw_int(w, r->unknowns);
    jw_key(w, "checks");
    jw_obj_begin(w);
    for (i = 0; i < SCRIT_COUNT; i++)
        if (r->check[i] != SCHECK_NOT_ASKED)
            text(w, supplier_criterion_name((enum supplier_criterion)i),
                 supplier_check_name(r->check[i]));
    jw_obj_end(w);
    jw_key(w, "contributions");
    jw_obj_begin(w);
    for (i = 0; i < SCRIT_COUNT; i++) {
        if (!r->counted[i])
            continue;
        jw_key(w, supplier_criterion_name((enum supplier_criterion)i));
        jw_real(w, one_decimal(r->contribution[i]));
    }
    jw_obj_end(w);
    jw_key(w, "reasons");
    jw_arr_begin(w);
    for (i = 0; i < r->nreasons; i++) {
        jw_obj_begin(w);
        text(w, "kind", supplier_reason_name(r->reasons[i].kind));
        text(w, "criterion", supplier_criterion_name(r->reasons[i].criterion));
        text(w, "text", supplier_reason_text(&r->reasons[i], lang, line, sizeof(line)));
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

static void write_supplier(struct jw *w, const struct supplier_listed *x, long rank,
                           enum site_lang lang)
{
    jw_obj_begin(w);
    text(w, "tax_code", x->tax_code);
    text(w, "name", lang != SITE_VI && x->name_en ? x->name_en : x->name);
    text(w, "name_vi", x->name);
    text(w, "ownership", x->ownership);
    text(w, "country", x->country);
    text(w, "zone_code", x->zone_code);
    text(w, "unit_code", x->unit_code);
    text(w, "products", x->products);
    text(w, "verified_on", x->verified_on);
    value(w, "km", x->km, 1);
    value(w, "capacity_month", x->capacity_month, 0);
    text(w, "capacity_unit", x->capacity_unit);
    value(w, "employees", x->employees, 0);
    jw_key(w, "rank");
    jw_int(w, rank);
    write_score(w, x->result, lang);
    jw_obj_end(w);
}

static void write_weights(struct jw *w, const double *weight)
{
    int c;

    jw_key(w, "weights");
    jw_obj_begin(w);
    for (c = 0; c < SCRIT_COUNT; c++) {
        jw_key(w, supplier_criterion_name((enum supplier_criterion)c));
        jw_real(w, weight[c]);
    }
    jw_obj_end(w);
}

static void write_counts(struct jw *w, const size_t *count)
{
    int g;

    jw_key(w, "counts");
    jw_obj_begin(w);
    for (g = 0; g < SUPPLIER_GROUPS; g++) {
        jw_key(w, supplier_group_name((enum supplier_group)g));
        jw_int(w, (int64_t)count[g]);
    }
    jw_obj_end(w);
}

/* The end of a ranking's answer: the counts, the page, the order (ties
 * last by tie), the weights and the language; closes the object. */
static void end_page(struct jw *w, const struct supplier_input *in, enum api_lang lang,
                     const size_t *count, const char *tie)
{
    char order[128];

    write_counts(w, count);
    jw_key(w, "offset");
    jw_int(w, in->offset);
    jw_key(w, "limit");
    jw_int(w, in->limit);
    snprintf(order, sizeof(order), "group, score (highest first), unknowns (fewest first), %s",
             tie);
    text(w, "order", order);
    write_weights(w, in->weight);
    text(w, "lang", api_lang_code(lang));
    jw_obj_end(w);
    buf_putc(w->b, '\n');
}

static void write_tokens(struct jw *w, const char *key, const char *const *t, size_t n)
{
    size_t i;

    jw_key(w, key);
    jw_arr_begin(w);
    for (i = 0; i < n; i++)
        jw_str(w, t[i]);
    jw_arr_end(w);
}

/* The demand as it was scored. */
static void write_demand(struct jw *w, const struct supplier_input *in,
                         const struct supplier_run *run)
{
    const struct supplier_demand *d = &run->demand;

    jw_key(w, "demand");
    jw_obj_begin(w);
    text(w, "code", in->demand_code[0] ? in->demand_code : NULL);
    text(w, "title", in->demand_code[0] ? run->title : NULL);
    text(w, "buyer_tax_code", in->demand_code[0] ? run->buyer_tax_code : NULL);
    write_tokens(w, "processes", d->processes, d->nprocesses);
    write_tokens(w, "certifications", d->standards, d->nstandards);
    text(w, "vsic", d->vsic);
    day(w, "needed_by", d->needed_by);
    value(w, "annual_volume", d->annual_volume, 0);
    text(w, "volume_unit", run->volume_unit[0] ? run->volume_unit : NULL);
    value(w, "max_km", d->max_km, 0);
    value(w, "lat", run->lat, 0);
    value(w, "lon", run->lon, 0);
    text(w, "country", run->country[0] ? run->country : NULL);
    jw_obj_end(w);
}

static void write_suppliers(struct jw *w, const struct supplier_input *in, enum api_lang lang,
                            const struct supplier_run *run)
{
    size_t i;
    int g;

    jw_obj_begin(w);
    write_demand(w, in, run);
    for (g = 0; g < SUPPLIER_GROUPS; g++) {
        long rank = in->offset;
        if (!((in->groups >> g) & 1u))
            continue;
        jw_key(w, supplier_group_name((enum supplier_group)g));
        jw_arr_begin(w);
        for (i = 0; i < run->nresults; i++) {
            if ((int)run->results[i].group == g) {
                struct supplier_listed x = app_supplier_listed(run, &run->results[i]);
                write_supplier(w, &x, ++rank, in->lang);
            }
        }
        jw_arr_end(w);
    }
    jw_key(w, "suppliers");
    jw_int(w, run->n);
    end_page(w, in, lang, run->count, "tax code");
}

static void write_demands(struct jw *w, const struct supplier_input *in, enum api_lang lang,
                          const char *tax_code, const struct demand_run *run)
{
    size_t i;
    int g;

    jw_obj_begin(w);
    text(w, "supplier", tax_code);
    for (g = 0; g < SUPPLIER_GROUPS; g++) {
        long rank = in->offset;
        if (!((in->groups >> g) & 1u))
            continue;
        jw_key(w, supplier_group_name((enum supplier_group)g));
        jw_arr_begin(w);
        for (i = 0; i < run->nitems; i++) {
            const struct demand_listed *x = &run->items[i];
            if ((int)x->result.group != g)
                continue;
            jw_obj_begin(w);
            text(w, "code", x->code);
            text(w, "title", x->title);
            text(w, "buyer_tax_code", x->buyer_tax_code);
            text(w, "buyer_name", x->buyer_name);
            text(w, "vsic", x->vsic);
            day(w, "needed_by", x->needed_by);
            value(w, "annual_usd", x->annual_usd, 0);
            value(w, "annual_volume", x->annual_volume, 0);
            text(w, "volume_unit", x->volume_unit);
            value(w, "km", x->km, 1);
            jw_key(w, "rank");
            jw_int(w, ++rank);
            write_score(w, &x->result, in->lang);
            jw_obj_end(w);
        }
        jw_arr_end(w);
    }
    end_page(w, in, lang, run->count, "code");
}

/* ===== handlers ===== */

/* Reads the request into x; returns 0, or -1 after answering. */
static int decode(struct http_req *req, struct http_resp *resp, unsigned route,
                  struct supplier_decode *x, enum api_lang *lang)
{
    memset(x, 0, sizeof(*x));
    app_supplier_input_init(&x->in, ((struct api_app *)req->app)->today);
    if (api_lang(req, resp, lang))
        return -1;
    x->in.lang = match_site_lang(*lang);
    x->lang = api_message_lang(req, *lang);
    if (strcmp(req->method, "POST") == 0
            ? match_decode_json(supplier_params, route, x, req, resp)
            : match_decode_query(supplier_params, route, x, x->lang, req, resp))
        return -1;
    if (x->named && x->described) {
        http_problem(resp, 400, "demand", "%s",
                     api_tr(x->lang, "Give demand or the demand's fields, not both."));
        return -1;
    }
    if (x->in.lat.known != x->in.lon.known) {
        http_problem(resp, 400, x->in.lat.known ? "lon" : "lat", "%s",
                     api_tr(x->lang, "lat and lon go together: give both or neither."));
        return -1;
    }
    return 0;
}

void api_match_suppliers(struct http_req *req, struct http_resp *resp)
{
    struct supplier_decode x;
    struct supplier_run run;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    struct store *s;
    struct jw w;

    if (decode(req, resp, MATCH_ROUTE_SUPPLIERS, &x, &lang))
        return;
    s = api_store(req, resp);
    if (!s || (!app_supplier_quick(s) && http_to_lane(req, resp)))
        return;
    khu_diag_clear(&d);
    err = app_supplier_run(s, &x.in, &run, &d);
    if (err == KHU_ENOTFOUND) {
        http_problem(resp, 404, "demand", api_tr(x.lang, "No demand has the code '%.64s'."),
                     x.in.demand_code);
        return;
    }
    if (err) {
        api_error(resp, err, &d);
        return;
    }
    jw_init(&w, &resp->body);
    write_suppliers(&w, &x.in, lang, &run);
    app_supplier_run_free(&run);
}

void api_match_demands(struct http_req *req, struct http_resp *resp)
{
    struct supplier_decode x;
    struct demand_run run;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    const char *supplier;
    struct store *s;
    struct jw w;

    if (decode(req, resp, MATCH_ROUTE_DEMANDS, &x, &lang))
        return;
    supplier = http_param(req, "supplier");
    if (!supplier || !*supplier) {
        http_problem(resp, 400, "supplier", "%s", api_tr(x.lang, "This field is required."));
        return;
    }
    s = api_store(req, resp);
    if (!s || (!app_supplier_quick(s) && http_to_lane(req, resp)))
        return;
    khu_diag_clear(&d);
    err = app_demand_run(s, supplier, &x.in, &run, &d);
    if (err == KHU_ENOTFOUND) {
        http_problem(resp, 404, "supplier", api_tr(x.lang, "No supplier has the tax code '%.20s'."),
                     supplier);
        return;
    }
    if (err) {
        api_error(resp, err, &d);
        return;
    }
    jw_init(&w, &resp->body);
    write_demands(&w, &x.in, lang, supplier, &run);
    app_demand_run_free(&run);
}
