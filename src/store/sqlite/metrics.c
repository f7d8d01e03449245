/* SPDX-License-Identifier: MIT */
/*
 * Live metrics and reconciliation (see metrics.h).
 */
#include "store/metrics.h"
#include "store/sqlite/sq.h"

#include <stdio.h>
#include <string.h>

struct metric_sql {
    const char *name;
    const char *sql; /* returns value, counted, unknown; ?1 = scope unit or NULL */
};

#define IN_SCOPE "(?1 IS NULL OR z.unit_code IN scope OR z.commune IN scope)"
#define ZONES_WHERE(kind)                                                                          \
    " FROM zones z WHERE z.kind = '" kind "' AND " SQ_ZONE_COUNTED " AND " IN_SCOPE
#define WITH_SCOPE "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE " "

static const struct metric_sql metrics[] = {
    {"kcn_count",
     WITH_SCOPE "SELECT count(*), count(*), 0" ZONES_WHERE("kcn") " AND " SQ_ZONE_ESTABLISHED},
    {"ccn_count",
     WITH_SCOPE "SELECT count(*), count(*), 0" ZONES_WHERE("ccn") " AND " SQ_ZONE_ESTABLISHED},
    {"kcn_area_ha",
     WITH_SCOPE "SELECT sum(z.total_ha), count(z.total_ha),"
                " count(*) - count(z.total_ha)" ZONES_WHERE("kcn") " AND " SQ_ZONE_ESTABLISHED},
    {"ccn_area_ha",
     WITH_SCOPE "SELECT sum(z.total_ha), count(z.total_ha),"
                " count(*) - count(z.total_ha)" ZONES_WHERE("ccn") " AND " SQ_ZONE_ESTABLISHED},
    {"ccn_operating_count",
     WITH_SCOPE "SELECT count(*), count(*), 0" ZONES_WHERE("ccn") " AND z.status = 'operating'"},
    {"ccn_infra_complete_pct",
     WITH_SCOPE "SELECT 100.0 * sum(z.infra_complete) / count(z.infra_complete),"
                " count(z.infra_complete), count(*) - count(z.infra_complete)" ZONES_WHERE(
                    "ccn") " AND z.status = 'operating'"},
    {"kcn_occupancy_pct",
     WITH_SCOPE "SELECT 100.0 * sum(CASE WHEN z.leased_ha IS NOT NULL THEN z.leased_ha END)"
                " / sum(CASE WHEN z.leased_ha IS NOT NULL THEN z.industrial_ha END),"
                " count(z.leased_ha + z.industrial_ha), count(*) - count(z.leased_ha +"
                " z.industrial_ha)" ZONES_WHERE("kcn") " AND z.status = 'operating'"},
    {"local_supply_share_pct",
     "SELECT 100.0 * sum(CASE WHEN e.ownership IN ('domestic','state') THEN l.annual_usd END)"
     " / sum(l.annual_usd), count(l.annual_usd), count(*) - count(l.annual_usd)"
     " FROM linkages l JOIN enterprises e ON e.tax_code = l.supplier_tax_code"
     " WHERE (l.until IS NULL OR l.until >= date('now')) AND ?1 IS ?1"},
};

enum khu_err metric_live(struct store *s, const char *metric, const char *scope_unit,
                         struct metric_value *out)
{
    sqlite3_stmt *st = NULL;
    size_t i;
    enum khu_err err = KHU_OK;

    memset(out, 0, sizeof(*out));
    out->result = METRIC_NOT_LIVE;
    for (i = 0; i < sizeof(metrics) / sizeof(metrics[0]); i++)
        if (strcmp(metrics[i].name, metric) == 0)
            break;
    if (i == sizeof(metrics) / sizeof(metrics[0]))
        return KHU_OK;
    if (sqlite3_prepare_v2(s->db, metrics[i].sql, -1, &st, NULL) != SQLITE_OK)
        return KHU_EDB;
    if (scope_unit)
        sqlite3_bind_text(st, 1, scope_unit, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW) {
        out->result = sqlite3_column_type(st, 0) == SQLITE_NULL ? METRIC_UNKNOWN : METRIC_OK;
        out->value = sqlite3_column_double(st, 0);
        out->counted = sqlite3_column_int64(st, 1);
        out->unknown = sqlite3_column_int64(st, 2);
    } else {
        err = KHU_EDB;
    }
    sqlite3_finalize(st);
    return err;
}

/* The latest reported observation of any target whose metric is metric. */
static int latest_reported(struct store *s, const char *metric, double *value, char *on,
                           char *source, size_t source_n)
{
    sqlite3_stmt *st = NULL;
    int found = 0;

    if (sqlite3_prepare_v2(s->db,
                           "SELECT o.value, o.observed_on, coalesce(o.source, t.source, '')"
                           " FROM observations o JOIN targets t ON t.code = o.target_code"
                           " WHERE t.metric = ?1 ORDER BY o.observed_on DESC LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, metric, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        *value = sqlite3_column_double(st, 0);
        snprintf(on, 11, "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(source, source_n, "%s", (const char *)sqlite3_column_text(st, 2));
        found = 1;
    }
    sqlite3_finalize(st);
    return found;
}

static enum khu_err registry_by_status(struct store *s, struct recon_row *rows, int max, int *n)
{
    sqlite3_stmt *st = NULL;
    int rc;

    if (sqlite3_prepare_v2(s->db,
                           "SELECT z.kind, coalesce(z.status, 'status unknown'), count(*),"
                           " coalesce(sum(z.total_ha), 0), count(*) - count(z.total_ha)"
                           " FROM zones z WHERE " SQ_ZONE_COUNTED " GROUP BY 1, 2 ORDER BY 1, 2",
                           -1, &st, NULL) != SQLITE_OK)
        return KHU_EDB;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max) {
        struct recon_row *r = &rows[(*n)++];
        memset(r, 0, sizeof(*r));
        snprintf(r->kind, sizeof(r->kind), "%s", (const char *)sqlite3_column_text(st, 0));
        snprintf(r->label, sizeof(r->label), "%s", (const char *)sqlite3_column_text(st, 1));
        r->registry_count = sqlite3_column_int64(st, 2);
        r->registry_ha = sqlite3_column_double(st, 3);
        r->registry_area_unknown = sqlite3_column_int64(st, 4);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? KHU_OK : KHU_EDB;
}

static void established_row(struct store *s, const char *kind, struct recon_row *r)
{
    struct metric_value count, area;
    char metric[32], src2[256] = "", on2[11] = "";

    memset(r, 0, sizeof(*r));
    snprintf(r->kind, sizeof(r->kind), "%s", kind);
    snprintf(r->label, sizeof(r->label), "established (approved, building, operating)");
    snprintf(metric, sizeof(metric), "%s_count", kind);
    metric_live(s, metric, NULL, &count);
    r->registry_count = (long)count.value;
    r->has_reported_count = latest_reported(s, metric, &r->reported_count, r->reported_on,
                                            r->source, sizeof(r->source));
    snprintf(metric, sizeof(metric), "%s_area_ha", kind);
    metric_live(s, metric, NULL, &area);
    r->registry_ha = area.value;
    r->registry_area_unknown = area.unknown;
    r->has_reported_ha = latest_reported(s, metric, &r->reported_ha, on2, src2, sizeof(src2));
    if (!r->source[0]) {
        snprintf(r->source, sizeof(r->source), "%s", src2);
        snprintf(r->reported_on, sizeof(r->reported_on), "%s", on2);
    }
}

enum khu_err metric_reconcile(struct store *s, struct recon_row *rows, int max, int *n)
{
    *n = 0;
    if (max < 2)
        return KHU_EINVAL;
    established_row(s, "kcn", &rows[(*n)++]);
    established_row(s, "ccn", &rows[(*n)++]);
    return registry_by_status(s, rows, max, n);
}
