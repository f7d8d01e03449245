/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/targets: each planning target with the value now (live from
 * the registry or the latest reported figure, as the target's basis says),
 * both figures side by side, the share done, the trend and whether it
 * reaches the target by its date. The figures come from the targets use
 * case (app/app_targets.h); this file only encodes them.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/xlsx_answer.h"
#include "api/cited.h"
#include "api/cache.h"
#include "api/handlers.h"
#include "app/app_generation.h"
#include "app/app_targets.h"
#include "core/csv.h"
#include "core/num.h"
#include "core/row.h"

struct encode {
    struct jw w;
    struct buf *csv; /* the body when answering CSV, else NULL */
    enum api_lang lang;
    long n;
    struct app_cites cites; /* the registered sources, for source_refs */
};

/* The zones behind each zone metric the registry computes, as filters of
 * the zones list: every zone the metric considers (counted and unknown),
 * and those a missing figure left out. test_api checks each filter's
 * total against the registry's own counts. */
static const struct {
    const char *metric, *zones, *unknown;
} metric_zones[] = {
    {"kcn_count", "kind=kcn&counted=1", NULL},
    {"ccn_count", "kind=ccn&counted=1", NULL},
    {"kcn_area_ha", "kind=kcn&counted=1", "missing=total_ha"},
    {"ccn_area_ha", "kind=ccn&counted=1", "missing=total_ha"},
    {"ccn_operating_count", "kind=ccn&status=operating&umbrella=0", NULL},
    {"ccn_infra_complete_pct", "kind=ccn&status=operating&umbrella=0", "missing=infra_complete"},
    {"kcn_occupancy_pct", "kind=kcn&status=operating&umbrella=0",
     "missing=leased_ha,industrial_ha"},
};

/* Writes under key the filter base[&extra][&unit=scope], or null when
 * base is NULL. */
static void write_zones_filter(struct jw *w, const char *key, const char *base, const char *extra,
                               const char *scope)
{
    char filter[192];

    jw_key(w, key);
    if (!base) {
        jw_null(w);
        return;
    }
    snprintf(filter, sizeof(filter), "%s%s%s%s%.63s", base, extra ? "&" : "", extra ? extra : "",
             scope && scope[0] ? "&unit=" : "", scope ? scope : "");
    jw_str(w, filter);
}

static void write_registry_zones(struct jw *w, const struct app_target *t)
{
    const char *metric = row_text(t->row, TARGET_METRIC);
    const char *scope = row_text(t->row, TARGET_SCOPE_UNIT);
    size_t i;

    for (i = 0; metric && i < sizeof(metric_zones) / sizeof(metric_zones[0]); i++)
        if (strcmp(metric_zones[i].metric, metric) == 0)
            break;
    if (!metric || i == sizeof(metric_zones) / sizeof(metric_zones[0])) {
        write_zones_filter(w, "zones", NULL, NULL, NULL);
        write_zones_filter(w, "unknown_zones", NULL, NULL, NULL);
        return;
    }
    write_zones_filter(w, "zones", metric_zones[i].zones, NULL, scope);
    write_zones_filter(w, "unknown_zones", metric_zones[i].unknown ? metric_zones[i].zones : NULL,
                       metric_zones[i].unknown, scope);
}

static void write_json_figures(struct jw *w, const struct app_target *t)
{
    const struct target_progress *p = &t->progress;
    char day[11];

    jw_opt_real(w, "value", p->has_current, p->current);
    jw_key(w, "value_on");
    format_date(p->current_day, day);
    jw_str(w, p->has_current ? day : NULL);
    jw_key(w, "registry");
    if (t->live.result == METRIC_NOT_LIVE) {
        jw_null(w);
    } else {
        jw_obj_begin(w);
        jw_opt_real(w, "value", t->live.result == METRIC_OK, t->live.value);
        jw_key(w, "counted");
        jw_int(w, t->live.counted);
        jw_key(w, "unknown");
        jw_int(w, t->live.unknown);
        write_registry_zones(w, t);
        jw_obj_end(w);
    }
    jw_key(w, "reported");
    if (t->has_reported) {
        jw_obj_begin(w);
        jw_key(w, "value");
        jw_real(w, t->reported);
        jw_key(w, "observed_on");
        jw_str(w, t->reported_on);
        jw_obj_end(w);
    } else {
        jw_null(w);
    }
    jw_opt_real(w, "share_done", p->has_share, p->share_done);
    jw_opt_real(w, "trend_per_year", p->has_trend, p->slope_per_year);
    jw_opt_real(w, "projected", p->has_trend, p->projected);
    jw_key(w, "verdict");
    jw_str(w, target_verdict_name(p->verdict));
    jw_key(w, "verdict_why");
    if (target_why_unknown_name(p->why_unknown))
        jw_str(w, target_why_unknown_name(p->why_unknown));
    else
        jw_null(w);
}

static void write_observations(struct jw *w, const struct app_target *t,
                               const struct app_cites *cites)
{
    const struct table_def *def = schema_table("observations");
    int i, src = schema_col_index(def, "source");

    jw_key(w, "observations");
    jw_arr_begin(w);
    for (i = 0; i < t->nobs; i++) {
        jw_obj_begin(w);
        row_json_fields(w, def, &t->obs[i], 0);
        api_write_cited(w, cites, row_text(&t->obs[i], src));
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

/* The name in lang, else in the nearest language before it that has one. */
static void write_name(struct jw *w, const struct khu_row *row, enum api_lang lang)
{
    int col = lang == LANG_KO ? TARGET_NAME_KO : lang == LANG_EN ? TARGET_NAME_EN : TARGET_NAME_VI;
    const char *langs[] = {"vi", "en", "ko"};
    int l = (int)lang;

    while (col > TARGET_NAME_VI && row_is_null(row, col)) {
        col--;
        l--;
    }
    jw_key(w, "name");
    jw_str(w, row_text(row, col));
    jw_key(w, "name_lang");
    jw_str(w, langs[l]);
}

static void csv_opt(struct buf *b, int has, const char *text)
{
    csv_write_field(b, has ? text : "", has ? strlen(text) : 0, 0);
}

static void write_csv_row(struct buf *b, const struct app_target *t)
{
    const struct target_progress *p = &t->progress;
    static const int cols[] = {TARGET_CODE, TARGET_METRIC, TARGET_NAME_VI, TARGET_BASIS};
    char num[40], day[11];
    size_t i;

    for (i = 0; i < 4; i++) {
        const char *v = row_text(t->row, cols[i]);
        csv_write_field(b, v ? v : "", v ? strlen(v) : 0, i == 0);
    }
    row_csv_fields(b, t->row, TARGET_BASELINE, 4, 0);
    csv_opt(b, p->has_current, format_real(p->current, num, sizeof(num)));
    format_date(p->current_day, day);
    csv_opt(b, p->has_current, day);
    csv_opt(b, p->has_share, format_real(p->share_done, num, sizeof(num)));
    csv_opt(b, p->has_trend, format_real(p->projected, num, sizeof(num)));
    csv_opt(b, 1, target_verdict_name(p->verdict));
    csv_opt(b, p->why_unknown != TARGET_WHY_NONE, target_why_unknown_name(p->why_unknown));
    csv_end_record(b);
}

static int encode_target(void *arg, const struct app_target *t)
{
    struct encode *e = arg;

    e->n++;
    if (e->csv) {
        write_csv_row(e->csv, t);
        return 0;
    }
    jw_obj_begin(&e->w);
    write_name(&e->w, t->row, e->lang);
    row_json_fields(&e->w, schema_table("targets"), t->row, TARGET_ROW);
    write_json_figures(&e->w, t);
    api_write_cited(
        &e->w, &e->cites,
        row_text(t->row, TARGET_ROW + schema_col_index(schema_table("targets"), "source")));
    write_observations(&e->w, t, &e->cites);
    jw_obj_end(&e->w);
    return 0;
}

/* The columns of the CSV answer, typed for a spreadsheet. */
static const struct xlsx_col targets_xlsx[] = {
    {"code", XLSX_TEXT},           {"metric", XLSX_TEXT},           {"name_vi", XLSX_TEXT},
    {"basis", XLSX_TEXT},          {"baseline_value", XLSX_NUMBER}, {"baseline_on", XLSX_DATE},
    {"target_value", XLSX_NUMBER}, {"due_on", XLSX_DATE},           {"value", XLSX_NUMBER},
    {"value_on", XLSX_DATE},       {"share_done", XLSX_NUMBER},     {"projected", XLSX_NUMBER},
    {"verdict", XLSX_TEXT},        {"verdict_why", XLSX_TEXT},
};

void api_targets(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", "bom", NULL};
    static const char csv_header[] = "code,metric,name_vi,basis,baseline_value,baseline_on,"
                                     "target_value,due_on,value,value_on,share_done,projected,"
                                     "verdict,verdict_why\r\n";
    struct api_app *app = req->app;
    struct encode e = {0};
    struct khu_diag d;
    struct app_generation gen;
    struct store *s;
    enum api_format format = api_format(req, 0);
    enum khu_err err;
    int bom;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &e.lang) ||
        api_csv_bom(req, resp, format, &bom))
        return;
    s = api_live_store(req, resp, &gen); /* live metrics over the whole registry */
    if (!s)
        return;
    khu_diag_clear(&d);
    jw_init(&e.w, &resp->body);
    if (format == FORMAT_CSV || format == FORMAT_XLSX) {
        api_csv_begin(resp, "targets", bom, csv_header);
        e.csv = &resp->body;
    } else {
        jw_obj_begin(&e.w);
        jw_key(&e.w, "items");
        jw_arr_begin(&e.w);
    }
    err = e.csv ? KHU_OK : app_cites_load(s, &e.cites, &d);
    if (!err)
        err = app_targets(s, app->today, &gen, encode_target, &e, &d);
    app_cites_free(&e.cites);
    if (err) {
        buf_reset(&resp->body);
        api_error(resp, err, &d);
        return;
    }
    if (format == FORMAT_XLSX)
        api_xlsx_from_csv(req, resp, s, "targets", targets_xlsx, XLSX_NCOLS(targets_xlsx), NULL);
    if (!e.csv) {
        jw_arr_end(&e.w);
        jw_key(&e.w, "total");
        jw_int(&e.w, e.n);
        jw_key(&e.w, "lang");
        jw_str(&e.w, api_lang_code(e.lang));
        jw_obj_end(&e.w);
        buf_putc(&resp->body, '\n');
    }
}
