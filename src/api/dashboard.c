/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/dashboard.csv: the dashboard as one table, for a
 * spreadsheet: the reconciliation of the registry with the province's
 * reported totals (with the zones not counted, by reason), every target
 * with its value, progress and verdict, and the counted zones' land by
 * kind, by unit and in total. One figure per record, long format:
 * section, subject, its name, the measure, the value, its date, how many
 * zones it is known for and of how many, the zones list filter behind it,
 * and its source.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/xlsx_answer.h"
#include "api/handlers.h"
#include "api/land.h"
#include "app/app_generation.h"
#include "app/app_targets.h"
#include "core/csv.h"
#include "core/num.h"
#include "core/row.h"
#include "core/schema.h"
#include "store/metrics.h"
#include "store/targets.h"

#define DASH_MAX_RECON 2

struct figure {
    const char *section, *subject, *name, *measure;
    int has_value;
    double value;
    const char *text; /* a value that is a word (a verdict), instead of value */
    const char *as_of;
    long known, of; /* of < 0: not a sum over zones */
    const char *zones, *source;
};

static void field(struct buf *b, const char *s, int first)
{
    csv_write_field(b, s ? s : "", s ? strlen(s) : 0, first);
}

static void write_figure(struct buf *b, const struct figure *f)
{
    char num[40];

    field(b, f->section, 1);
    field(b, f->subject, 0);
    field(b, f->name, 0);
    field(b, f->measure, 0);
    field(b, f->text ? f->text : f->has_value ? format_real(f->value, num, sizeof(num)) : "", 0);
    field(b, f->as_of, 0);
    if (f->of >= 0) {
        snprintf(num, sizeof(num), "%ld", f->known);
        field(b, num, 0);
        snprintf(num, sizeof(num), "%ld", f->of);
        field(b, num, 0);
    } else {
        field(b, "", 0);
        field(b, "", 0);
    }
    field(b, f->zones, 0);
    field(b, f->source, 0);
    csv_end_record(b);
}

/* ===== reconciliation ===== */

static void write_recon(struct buf *b, const struct recon_row *r)
{
    char zones[API_FILTER_MAX], measure[48];
    struct figure f = {"reconciliation", r->kind, NULL, NULL, 0, 0, NULL, NULL, 0, -1, NULL,
                       r->source};
    int i;

    f.measure = "reported_count";
    f.has_value = r->has_reported_count;
    f.value = r->reported_count;
    f.as_of = r->reported_on;
    write_figure(b, &f);
    f.measure = "reported_ha";
    f.has_value = r->has_reported_ha;
    f.value = r->reported_ha;
    write_figure(b, &f);
    f.as_of = NULL;
    f.source = NULL;
    api_recon_filter(r, "counted=1", zones);
    f.zones = zones;
    f.measure = "registry_count";
    f.has_value = 1;
    f.value = (double)r->registry_count;
    write_figure(b, &f);
    f.measure = "registry_ha";
    f.value = r->registry_ha;
    f.known = r->registry_count - r->registry_area_unknown;
    f.of = r->registry_count;
    write_figure(b, &f);
    f.of = -1;
    f.zones = NULL;
    f.measure = "difference_count";
    f.has_value = r->has_reported_count;
    f.value = (double)r->registry_count - r->reported_count;
    write_figure(b, &f);
    f.measure = "difference_ha";
    f.has_value = r->has_reported_ha;
    f.value = r->registry_ha - r->reported_ha;
    write_figure(b, &f);
    for (i = 0; i < NOT_COUNTED_REASONS; i++) {
        snprintf(measure, sizeof(measure), "not_counted_%s", store_not_counted_name(i));
        f.measure = measure;
        f.has_value = 1;
        f.value = (double)r->not_counted[i];
        write_figure(b, &f);
    }
}

/* ===== targets ===== */

struct targets_out {
    struct buf *b;
    enum api_lang lang;
    int source_col;
};

static int write_target(void *arg, const struct app_target *t)
{
    struct targets_out *o = arg;
    const struct target_progress *p = &t->progress;
    int name = o->lang == LANG_KO   ? TARGET_NAME_KO
               : o->lang == LANG_EN ? TARGET_NAME_EN
                                    : TARGET_NAME_VI;
    char day[11];
    struct figure f = {
        "target", row_text(t->row, TARGET_CODE), NULL, NULL, 0, 0, NULL, NULL, 0, -1, NULL, NULL};

    if (row_is_null(t->row, name))
        name = TARGET_NAME_VI;
    f.name = row_text(t->row, name);
    f.source = o->source_col >= 0 ? row_text(t->row, o->source_col) : NULL;
    f.measure = "value";
    f.has_value = p->has_current;
    f.value = p->current;
    format_date(p->current_day, day);
    f.as_of = p->has_current ? day : NULL;
    write_figure(o->b, &f);
    f.as_of = row_text(t->row, TARGET_DUE_ON);
    f.measure = "target_value";
    f.has_value = !row_is_null(t->row, TARGET_VALUE);
    f.value = row_real(t->row, TARGET_VALUE);
    write_figure(o->b, &f);
    f.as_of = row_text(t->row, TARGET_BASELINE_ON);
    f.measure = "baseline_value";
    f.has_value = !row_is_null(t->row, TARGET_BASELINE);
    f.value = row_real(t->row, TARGET_BASELINE);
    write_figure(o->b, &f);
    f.as_of = NULL;
    f.measure = "trend_per_year";
    f.has_value = p->has_trend;
    f.value = p->slope_per_year;
    write_figure(o->b, &f);
    f.as_of = row_text(t->row, TARGET_DUE_ON);
    f.measure = "projected";
    f.value = p->projected;
    write_figure(o->b, &f);
    f.as_of = NULL;
    f.measure = "verdict";
    f.text = target_verdict_name(p->verdict);
    write_figure(o->b, &f);
    f.measure = "verdict_why";
    f.text = p->why_unknown != TARGET_WHY_NONE ? target_why_unknown_name(p->why_unknown) : "";
    write_figure(o->b, &f);
    f.text = NULL;
    if (t->live.result != METRIC_NOT_LIVE) {
        f.measure = "registry_value";
        f.has_value = t->live.result == METRIC_OK;
        f.value = t->live.value;
        f.known = t->live.counted;
        f.of = t->live.counted + t->live.unknown;
        f.source = NULL;
        write_figure(o->b, &f);
    }
    return 0;
}

/* ===== land ===== */

struct land_out {
    struct api_land land;
    enum api_lang lang;
};

static int add_group(void *arg, const struct khu_row *row)
{
    struct land_out *o = arg;
    int name = o->lang == LANG_KO   ? STATS_UNIT_KO
               : o->lang == LANG_EN ? STATS_UNIT_EN
                                    : STATS_UNIT_VI;

    if (row_is_null(row, name))
        name = STATS_UNIT_VI;
    if (row_int(row, STATS_COUNTED))
        api_land_add(&o->land, row, name);
    return 0;
}

static void write_land(struct buf *b, const char *section, const char *subject, const char *name,
                       const char *zones, const struct land_sum *l)
{
    struct figure f = {section, subject, name, "count", 1,     (double)l->count,
                       NULL,    NULL,    0,    -1,      zones, NULL};
    double pct = 0;

    write_figure(b, &f);
    f.of = l->count;
#define SUM(m, v, k)                                                                               \
    do {                                                                                           \
        f.measure = m;                                                                             \
        f.has_value = (k) > 0;                                                                     \
        f.value = v;                                                                               \
        f.known = k;                                                                               \
        write_figure(b, &f);                                                                       \
    } while (0)
    SUM("total_ha", l->total_ha, l->total_known);
    SUM("industrial_ha", l->industrial_ha, l->industrial_known);
    SUM("leased_ha", l->leased_ha, l->leased_known);
    SUM("available_ha", l->available_ha, l->available_known);
#undef SUM
    f.measure = "occupancy_pct";
    f.has_value = land_sum_occupancy(l, &pct);
    f.value = pct;
    f.known = l->occupancy_known;
    write_figure(b, &f);
}

static void write_lands(struct buf *b, const struct api_land *land)
{
    char zones[API_FILTER_MAX];
    size_t i;

    for (i = 0; i < land->by_kind.n; i++) {
        const struct land_entry *k = &land->by_kind.e[i];
        api_land_filter(k, 0, zones);
        write_land(b, "land_by_kind", k->key, NULL, zones, &k->sum);
    }
    for (i = 0; i < land->by_unit.n; i++) {
        const struct land_entry *u = &land->by_unit.e[i];
        api_land_filter(u, 1, zones);
        write_land(b, "land_by_unit", u->key, u->name, zones, &u->sum);
    }
    write_land(b, "land_total", "", NULL, "counted=1", &land->total);
}

/* The columns of the CSV answer, typed for a spreadsheet. */
static const struct xlsx_col dashboard_xlsx[] = {
    {"section", XLSX_TEXT},   {"subject", XLSX_TEXT},  {"name", XLSX_TEXT},
    {"measure", XLSX_TEXT},   {"value", XLSX_AUTO},    {"as_of", XLSX_DATE},
    {"known_for", XLSX_AUTO}, {"of_zones", XLSX_AUTO}, {"zones", XLSX_TEXT},
    {"source", XLSX_TEXT},
};

void api_dashboard_csv(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", "bom", NULL};
    static const char header[] =
        "section,subject,name,measure,value,as_of,known_for,of_zones,zones,source\r\n";
    struct api_app *app = req->app;
    struct recon_row recon[DASH_MAX_RECON];
    struct land_out land = {0};
    struct targets_out targets;
    struct app_generation gen;
    struct khu_diag d;
    struct store *s;
    enum khu_err err;
    enum api_format format = api_format(req, 0) == FORMAT_XLSX ? FORMAT_XLSX : FORMAT_CSV;
    int bom, n = 0, i;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &land.lang) ||
        api_csv_bom(req, resp, format, &bom))
        return;
    s = api_live_store(req, resp, &gen); /* live metrics over the whole registry */
    if (!s)
        return;
    khu_diag_clear(&d);
    api_csv_begin(resp, "dashboard", bom, header);
    err = store_reconcile(s, recon, DASH_MAX_RECON, &n, &d);
    for (i = 0; !err && i < n; i++)
        write_recon(&resp->body, &recon[i]);
    targets.b = &resp->body;
    targets.lang = land.lang;
    targets.source_col = schema_col_index(schema_table("targets"), "source");
    if (targets.source_col >= 0)
        targets.source_col += TARGET_ROW;
    if (!err)
        err = app_targets(s, app->today, &gen, write_target, &targets, &d);
    if (!err)
        err = store_stats_groups(s, add_group, &land, &d);
    if (!err && land.land.nomem) {
        khu_diag_set(&d, 0, 0, NULL, "out of memory while adding up the land");
        err = KHU_ENOMEM;
    }
    if (!err)
        write_lands(&resp->body, &land.land);
    api_land_free(&land.land);
    if (err)
        api_error(resp, err, &d);
    else if (format == FORMAT_XLSX)
        api_xlsx_from_csv(req, resp, s, "dashboard", dashboard_xlsx, XLSX_NCOLS(dashboard_xlsx),
                          "source");
}
