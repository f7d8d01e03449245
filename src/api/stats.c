/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/stats: counts and areas of zones by kind x status x unit
 * (umbrella zones apart, never added to their members), occupancy where
 * leased and industrial land are both known, and the reconciliation of the
 * registry with the province's reported totals. The figures come from the
 * store (store/metrics.h); this file only encodes them.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/xlsx_answer.h"
#include "api/cache.h"
#include "api/handlers.h"
#include "api/land.h"
#include "core/csv.h"
#include "core/row.h"
#include "store/metrics.h"

#define STATS_MAX_RECON 2 /* the answer shows the established parks and clusters */

struct encode {
    struct jw *w;
    struct buf *csv; /* the body when answering CSV, else NULL */
    enum api_lang lang;
    struct api_land land;
};

static void json_value(struct jw *w, const char *key, const struct khu_row *row, int i)
{
    jw_key(w, key);
    row_json_value(w, NULL, row_at(row, i));
}

static int write_group(void *arg, const struct khu_row *row)
{
    struct encode *e = arg;
    struct jw *w = e->w;
    int name = e->lang == LANG_KO   ? STATS_UNIT_KO
               : e->lang == LANG_EN ? STATS_UNIT_EN
                                    : STATS_UNIT_VI;
    double base = row_real(row, STATS_INDUSTRIAL_WITH_LEASE);

    if (e->csv) {
        /* the columns of the header: the last, leased land beside known
         * industrial land, is the dashboard's own (api/land.c) */
        row_csv_fields(e->csv, row, 0, STATS_LEASED_WITH_INDUSTRIAL, 1);
        csv_end_record(e->csv);
        return 0;
    }
    if (row_is_null(row, name))
        name = STATS_UNIT_VI;
    if (row_int(row, STATS_COUNTED))
        api_land_add(&e->land, row, name);
    jw_obj_begin(w);
    json_value(w, "kind", row, STATS_KIND);
    json_value(w, "status", row, STATS_STATUS);
    json_value(w, "unit_code", row, STATS_UNIT);
    json_value(w, "unit_name", row, name);
    json_value(w, "count", row, STATS_COUNT);
    json_value(w, "total_ha", row, STATS_TOTAL_HA);
    json_value(w, "industrial_ha", row, STATS_INDUSTRIAL_HA);
    json_value(w, "leased_ha", row, STATS_LEASED_HA);
    jw_key(w, "occupancy_pct");
    if (!row_is_null(row, STATS_LEASED_HA) && base > 0)
        jw_real(w, 100.0 * row_real(row, STATS_LEASED_HA) / base);
    else
        jw_null(w);
    json_value(w, "area_unknown", row, STATS_AREA_UNKNOWN);
    jw_key(w, "counted");
    jw_bool(w, row_int(row, STATS_COUNTED) != 0);
    json_value(w, "industrial_known", row, STATS_INDUSTRIAL_KNOWN);
    json_value(w, "leased_known", row, STATS_LEASED_KNOWN);
    json_value(w, "occupancy_known", row, STATS_OCCUPANCY_KNOWN);
    json_value(w, "available_ha", row, STATS_AVAILABLE_HA);
    json_value(w, "available_known", row, STATS_AVAILABLE_KNOWN);
    jw_obj_end(w);
    return 0;
}

static int write_umbrella(void *arg, const struct khu_row *row)
{
    struct jw *w = arg;

    jw_obj_begin(w);
    json_value(w, "code", row, UMBRELLA_CODE);
    json_value(w, "kind", row, UMBRELLA_KIND);
    json_value(w, "name_vi", row, UMBRELLA_NAME_VI);
    json_value(w, "total_ha", row, UMBRELLA_TOTAL_HA);
    json_value(w, "members", row, UMBRELLA_MEMBERS);
    json_value(w, "members_total_ha", row, UMBRELLA_MEMBERS_TOTAL_HA);
    json_value(w, "members_area_unknown", row, UMBRELLA_MEMBERS_AREA_UNKNOWN);
    jw_obj_end(w);
    return 0;
}

/* Writes under key the zones list filter "kind=K&<what>[&unit=S]" that
 * gives the zones behind a figure of the reconciliation row r. */
static void zones_filter(struct jw *w, const char *key, const struct recon_row *r, const char *what)
{
    char filter[API_FILTER_MAX];

    api_recon_filter(r, what, filter);
    jw_key(w, key);
    jw_str(w, filter);
}

static void write_recon_row(struct jw *w, const struct recon_row *r)
{
    static const char *const filter[NOT_COUNTED_REASONS] = {
        [NOT_COUNTED_PLANNED] = "status=planned&umbrella=0",
        [NOT_COUNTED_CANCELLED] = "status=cancelled&umbrella=0",
        [NOT_COUNTED_STATUS_UNKNOWN] = "missing=status&umbrella=0",
        [NOT_COUNTED_UMBRELLA] = "umbrella=1",
    };
    int i;

    jw_obj_begin(w);
    jw_key(w, "kind");
    jw_str(w, r->kind);
    jw_key(w, "registry_count");
    jw_int(w, r->registry_count);
    jw_key(w, "registry_ha");
    jw_real(w, r->registry_ha);
    jw_key(w, "registry_area_unknown");
    jw_int(w, r->registry_area_unknown);
    jw_opt_real(w, "reported_count", r->has_reported_count, r->reported_count);
    jw_opt_real(w, "reported_ha", r->has_reported_ha, r->reported_ha);
    jw_key(w, "reported_on");
    jw_str(w, r->reported_on[0] ? r->reported_on : NULL);
    jw_opt_real(w, "difference_count", r->has_reported_count,
                (double)r->registry_count - r->reported_count);
    jw_opt_real(w, "difference_ha", r->has_reported_ha, r->registry_ha - r->reported_ha);
    jw_key(w, "scope_unit");
    jw_str(w, r->scope_unit[0] ? r->scope_unit : NULL);
    zones_filter(w, "zones", r, "counted=1");
    zones_filter(w, "area_unknown_zones", r, "counted=1&missing=total_ha");
    jw_key(w, "not_counted");
    jw_arr_begin(w);
    for (i = 0; i < NOT_COUNTED_REASONS; i++) {
        jw_obj_begin(w);
        jw_key(w, "reason");
        jw_str(w, store_not_counted_name(i));
        jw_key(w, "count");
        jw_int(w, r->not_counted[i]);
        zones_filter(w, "zones", r, filter[i]);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_key(w, "source");
    jw_str(w, r->source[0] ? r->source : NULL);
    jw_obj_end(w);
}

/* A sum, or null when no zone has the figure, then how many zones do. */
static void write_known(struct jw *w, const char *key, const char *known_key, double v, long known)
{
    jw_opt_real(w, key, known > 0, v);
    jw_key(w, known_key);
    jw_int(w, known);
}

static void write_land(struct jw *w, const char *key, const char *name, const char *filter,
                       const struct land_sum *l)
{
    double pct = 0;
    int has_pct = land_sum_occupancy(l, &pct);

    jw_obj_begin(w);
    if (key) {
        jw_key(w, "key");
        jw_str(w, key);
    }
    if (name) {
        jw_key(w, "name");
        jw_str(w, name[0] ? name : NULL);
    }
    jw_key(w, "count");
    jw_int(w, l->count);
    write_known(w, "total_ha", "total_known", l->total_ha, l->total_known);
    write_known(w, "industrial_ha", "industrial_known", l->industrial_ha, l->industrial_known);
    write_known(w, "leased_ha", "leased_known", l->leased_ha, l->leased_known);
    write_known(w, "available_ha", "available_known", l->available_ha, l->available_known);
    jw_opt_real(w, "occupancy_pct", has_pct, pct);
    jw_key(w, "occupancy_known");
    jw_int(w, l->occupancy_known);
    jw_key(w, "zones");
    jw_str(w, filter);
    jw_obj_end(w);
}

/* "land": the counted zones' land by kind, by unit and in total. */
static void write_land_section(struct encode *e)
{
    char filter[API_FILTER_MAX];
    size_t i;

    jw_key(e->w, "land");
    jw_obj_begin(e->w);
    jw_key(e->w, "by_kind");
    jw_arr_begin(e->w);
    for (i = 0; i < e->land.by_kind.n; i++) {
        const struct land_entry *k = &e->land.by_kind.e[i];
        api_land_filter(k, 0, filter);
        write_land(e->w, k->key, NULL, filter, &k->sum);
    }
    jw_arr_end(e->w);
    jw_key(e->w, "by_unit");
    jw_arr_begin(e->w);
    for (i = 0; i < e->land.by_unit.n; i++) {
        const struct land_entry *u = &e->land.by_unit.e[i];
        api_land_filter(u, 1, filter);
        write_land(e->w, u->key[0] ? u->key : NULL, u->name, filter, &u->sum);
    }
    jw_arr_end(e->w);
    jw_key(e->w, "total");
    write_land(e->w, NULL, NULL, "counted=1", &e->land.total);
    jw_obj_end(e->w);
}

static enum khu_err write_json(struct store *s, struct encode *e, struct khu_diag *d)
{
    struct recon_row rows[STATS_MAX_RECON];
    enum khu_err err;
    int n = 0, i;

    jw_obj_begin(e->w);
    jw_key(e->w, "groups");
    jw_arr_begin(e->w);
    err = store_stats_groups(s, write_group, e, d);
    jw_arr_end(e->w);
    if (e->land.nomem) {
        khu_diag_set(d, 0, 0, NULL, "out of memory while adding up the land");
        return KHU_ENOMEM;
    }
    if (!err)
        write_land_section(e);
    jw_key(e->w, "umbrellas");
    jw_arr_begin(e->w);
    if (!err)
        err = store_umbrellas(s, write_umbrella, e->w, d);
    jw_arr_end(e->w);
    jw_key(e->w, "reconciliation");
    jw_arr_begin(e->w);
    if (!err)
        err = store_reconcile(s, rows, STATS_MAX_RECON, &n, d);
    for (i = 0; !err && i < n; i++)
        write_recon_row(e->w, &rows[i]);
    jw_arr_end(e->w);
    jw_key(e->w, "lang");
    jw_str(e->w, api_lang_code(e->lang));
    jw_obj_end(e->w);
    return err;
}

/* The columns of the CSV answer, typed for a spreadsheet. */
static const struct xlsx_col stats_xlsx[] = {
    {"kind", XLSX_TEXT},
    {"status", XLSX_TEXT},
    {"unit_code", XLSX_TEXT},
    {"unit_name_vi", XLSX_TEXT},
    {"unit_name_en", XLSX_TEXT},
    {"unit_name_ko", XLSX_TEXT},
    {"count", XLSX_INTEGER},
    {"total_ha", XLSX_NUMBER},
    {"industrial_ha", XLSX_NUMBER},
    {"leased_ha", XLSX_NUMBER},
    {"industrial_ha_with_lease", XLSX_NUMBER},
    {"area_unknown", XLSX_INTEGER},
    {"counted", XLSX_BOOL},
    {"industrial_known", XLSX_INTEGER},
    {"leased_known", XLSX_INTEGER},
    {"occupancy_known", XLSX_INTEGER},
    {"available_ha", XLSX_NUMBER},
    {"available_known", XLSX_INTEGER},
};

void api_stats(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", "bom", NULL};
    static const char csv_header[] =
        "kind,status,unit_code,unit_name_vi,unit_name_en,unit_name_ko,count,total_ha,"
        "industrial_ha,leased_ha,industrial_ha_with_lease,area_unknown,counted,industrial_known,"
        "leased_known,occupancy_known,available_ha,available_known\r\n";
    struct api_cache_ticket ticket;
    struct encode e = {0};
    struct store *s;
    struct khu_diag d;
    struct jw w;
    enum api_format format = api_format(req, 0);
    enum khu_err err;
    int bom;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &e.lang) ||
        api_csv_bom(req, resp, format, &bom))
        return;
    s = api_store(req, resp);
    if (!s || api_cache_get(&ticket, s, "stats", req, e.lang, format, resp))
        return;
    if (http_to_lane(req, resp)) /* built over the whole registry */
        return;
    khu_diag_clear(&d);
    jw_init(&w, &resp->body);
    e.w = &w;
    if (format == FORMAT_CSV || format == FORMAT_XLSX) {
        api_csv_begin(resp, "stats", bom, csv_header);
        e.csv = &resp->body;
        err = store_stats_groups(s, write_group, &e, &d);
        if (!err && format == FORMAT_XLSX)
            api_xlsx_from_csv(req, resp, s, "stats", stats_xlsx, XLSX_NCOLS(stats_xlsx), NULL);
    } else {
        err = write_json(s, &e, &d);
        buf_putc(&resp->body, '\n');
    }
    api_land_free(&e.land);
    if (err)
        api_error(resp, err, &d);
    else
        api_cache_keep(&ticket, resp);
}
