/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/stats: counts and areas of zones by kind x status x unit
 * (umbrella zones apart, never added to their members), occupancy where
 * leased and industrial land are both known, and the reconciliation of the
 * registry with the province's reported totals.
 */
#include <string.h>

#include "store/sqlite/sq.h" /* TRANSITIONAL: until this file goes through the store interface */
#include "api/api.h"
#include "api/cache.h"
#include "api/handlers.h"
#include "core/csv.h"
#include "store/metrics.h"
#include "store/sqlite/rows.h"

#define GROUP_SQL                                                                                  \
    "SELECT z.kind, z.status, z.unit_code, u.name_vi, u.name_en, u.name_ko, count(*),"             \
    " sum(z.total_ha), sum(z.industrial_ha), sum(z.leased_ha),"                                    \
    " sum(CASE WHEN z.leased_ha IS NOT NULL THEN z.industrial_ha END),"                            \
    " count(*) - count(z.total_ha)"                                                                \
    " FROM zones z LEFT JOIN units u ON u.code = z.unit_code WHERE " SQ_ZONE_COUNTED               \
    " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"

#define UMBRELLA_SQL                                                                               \
    "SELECT g.code, g.name_vi, g.total_ha, count(m.code), sum(m.total_ha),"                        \
    " count(m.code) - count(m.total_ha)"                                                           \
    " FROM zones g JOIN zones m ON m.group_code = g.code GROUP BY g.code ORDER BY g.code"

enum {
    G_KIND,
    G_STATUS,
    G_UNIT,
    G_UNIT_VI,
    G_UNIT_EN,
    G_UNIT_KO,
    G_COUNT,
    G_TOTAL,
    G_INDUSTRIAL,
    G_LEASED,
    G_INDUSTRIAL_WITH_LEASE,
    G_AREA_UNKNOWN
};

static void json_sum(struct jw *w, const char *key, sqlite3_stmt *st, int col)
{
    jw_key(w, key);
    rows_json_value(w, NULL, st, col);
}

static void write_group(struct jw *w, sqlite3_stmt *st, enum api_lang lang)
{
    int name_col = lang == LANG_KO ? G_UNIT_KO : lang == LANG_EN ? G_UNIT_EN : G_UNIT_VI;
    double leased = sqlite3_column_double(st, G_LEASED);
    double base = sqlite3_column_double(st, G_INDUSTRIAL_WITH_LEASE);

    if (sqlite3_column_type(st, name_col) == SQLITE_NULL)
        name_col = G_UNIT_VI;
    jw_obj_begin(w);
    json_sum(w, "kind", st, G_KIND);
    json_sum(w, "status", st, G_STATUS);
    json_sum(w, "unit_code", st, G_UNIT);
    json_sum(w, "unit_name", st, name_col);
    json_sum(w, "count", st, G_COUNT);
    json_sum(w, "total_ha", st, G_TOTAL);
    json_sum(w, "industrial_ha", st, G_INDUSTRIAL);
    json_sum(w, "leased_ha", st, G_LEASED);
    jw_key(w, "occupancy_pct");
    if (sqlite3_column_type(st, G_LEASED) != SQLITE_NULL && base > 0)
        jw_real(w, 100.0 * leased / base);
    else
        jw_null(w);
    json_sum(w, "area_unknown", st, G_AREA_UNKNOWN);
    jw_obj_end(w);
}

static int write_groups(struct jw *w, struct store *s, enum api_lang lang, struct buf *csv)
{
    sqlite3_stmt *st = NULL;
    int rc;

    if (sqlite3_prepare_v2(s->db, GROUP_SQL, -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (csv)
        buf_puts(csv, "kind,status,unit_code,unit_name_vi,unit_name_en,unit_name_ko,count,"
                      "total_ha,industrial_ha,leased_ha,industrial_ha_with_lease,area_unknown\r\n");
    else
        jw_arr_begin(w);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (csv) {
            rows_csv_fields(csv, st, 0, G_AREA_UNKNOWN + 1, 1);
            csv_end_record(csv);
        } else {
            write_group(w, st, lang);
        }
    }
    if (!csv)
        jw_arr_end(w);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static int write_umbrellas(struct jw *w, struct store *s)
{
    static const char *const keys[] = {"code",    "name_vi",          "total_ha",
                                       "members", "members_total_ha", "members_area_unknown"};
    sqlite3_stmt *st = NULL;
    int rc, i;

    if (sqlite3_prepare_v2(s->db, UMBRELLA_SQL, -1, &st, NULL) != SQLITE_OK)
        return -1;
    jw_arr_begin(w);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        jw_obj_begin(w);
        for (i = 0; i < 6; i++)
            json_sum(w, keys[i], st, i);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

static void opt_real(struct jw *w, const char *key, int has, double v)
{
    jw_key(w, key);
    if (has)
        jw_real(w, v);
    else
        jw_null(w);
}

static int write_reconciliation(struct jw *w, struct store *s)
{
    struct recon_row rows[2];
    int n = 0, i;

    if (metric_reconcile(s, rows, 2, &n))
        return -1;
    jw_arr_begin(w);
    for (i = 0; i < n; i++) {
        jw_obj_begin(w);
        jw_key(w, "kind");
        jw_str(w, rows[i].kind);
        jw_key(w, "registry_count");
        jw_int(w, rows[i].registry_count);
        jw_key(w, "registry_ha");
        jw_real(w, rows[i].registry_ha);
        jw_key(w, "registry_area_unknown");
        jw_int(w, rows[i].registry_area_unknown);
        opt_real(w, "reported_count", rows[i].has_reported_count, rows[i].reported_count);
        opt_real(w, "reported_ha", rows[i].has_reported_ha, rows[i].reported_ha);
        jw_key(w, "reported_on");
        jw_str(w, rows[i].reported_on[0] ? rows[i].reported_on : NULL);
        opt_real(w, "difference_count", rows[i].has_reported_count,
                 (double)rows[i].registry_count - rows[i].reported_count);
        opt_real(w, "difference_ha", rows[i].has_reported_ha,
                 rows[i].registry_ha - rows[i].reported_ha);
        jw_key(w, "source");
        jw_str(w, rows[i].source[0] ? rows[i].source : NULL);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    return 0;
}

void api_stats(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    struct api_cache_ticket ticket;
    struct store *s;
    enum api_lang lang;
    enum api_format format = api_format(req, 0);
    struct jw w;
    int rc;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    s = api_store(req, resp);
    if (!s || api_cache_get(&ticket, s, "stats", req, lang, format, resp))
        return;
    jw_init(&w, &resp->body);
    if (format == FORMAT_CSV) {
        resp->content_type = "text/csv; charset=utf-8";
        snprintf(resp->content_disposition, sizeof(resp->content_disposition),
                 "attachment; filename=\"stats.csv\"");
        if (write_groups(&w, s, lang, &resp->body))
            api_db_error(resp, s);
        else
            api_cache_keep(&ticket, resp);
        return;
    }
    jw_obj_begin(&w);
    jw_key(&w, "groups");
    rc = write_groups(&w, s, lang, NULL);
    jw_key(&w, "umbrellas");
    rc = rc ? rc : write_umbrellas(&w, s);
    jw_key(&w, "reconciliation");
    rc = rc ? rc : write_reconciliation(&w, s);
    jw_key(&w, "lang");
    jw_str(&w, api_lang_code(lang));
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
    if (rc)
        api_db_error(resp, s);
    else
        api_cache_keep(&ticket, resp);
}
