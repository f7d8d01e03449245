/* SPDX-License-Identifier: MIT */
/*
 * The registry's live figures in SQL: stats groups, umbrellas, the metrics
 * of targets and the reconciliation (see metrics.h).
 */
#include "store/metrics.h"
#include "core/num.h"
#include "store/sqlite/sq.h"

#include <stdio.h>
#include <string.h>

/* ===== stats groups and umbrellas ===== */

static const char groups_sql[] =
    "SELECT z.kind, z.status, z.unit_code, u.name_vi, u.name_en, u.name_ko, count(*),"
    " sum(z.total_ha), sum(z.industrial_ha), sum(z.leased_ha),"
    " sum(CASE WHEN z.leased_ha IS NOT NULL THEN z.industrial_ha END),"
    " count(*) - count(z.total_ha),"
    /* umbrellas are left out below, so an established group is counted */
    " CASE WHEN " SQ_ZONE_ESTABLISHED " THEN 1 ELSE 0 END, count(z.industrial_ha),"
    " count(z.leased_ha), count(z.leased_ha + z.industrial_ha), sum(" SQ_ZONE_AVAILABLE "),"
    " count(" SQ_ZONE_AVAILABLE "), sum(CASE WHEN z.industrial_ha IS NOT NULL THEN z.leased_ha END)"
    " FROM zones z LEFT JOIN units u ON u.code = z.unit_code WHERE " SQ_ZONE_NOT_UMBRELLA
    " GROUP BY z.kind, z.status, z.unit_code, u.name_vi, u.name_en, u.name_ko"
    " ORDER BY z.kind, z.status IS NOT NULL, z.status, z.unit_code IS NOT NULL, z.unit_code";

static const char umbrellas_sql[] =
    "SELECT g.code, g.kind, g.name_vi, g.total_ha, count(m.code), sum(m.total_ha),"
    " count(m.code) - count(m.total_ha)"
    " FROM zones g JOIN zones m ON m.group_code = g.code"
    " GROUP BY g.code, g.kind, g.name_vi, g.total_ha ORDER BY g.code";

enum khu_err store_stats_groups(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    return sq_each_sql(s, groups_sql, "the zone statistics", fn, arg, d);
}

enum khu_err store_umbrellas(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    return sq_each_sql(s, umbrellas_sql, "the umbrella zones", fn, arg, d);
}

/* ===== live metrics ===== */

struct metric_sql {
    const char *name;
    int scoped;      /* 1: the value depends on the scope unit */
    const char *sql; /* returns value, counted, unknown; ?1 = scope unit or NULL, ?2 = today
                      (either may go unused) */
};

#define IN_SCOPE "(?1 IS NULL OR z.unit_code IN scope OR z.commune IN scope)"
/* the zones of kind in scope that are not umbrellas ... */
#define ZONES_WHERE(kind)                                                                          \
    " FROM zones z WHERE z.kind = '" kind "' AND " SQ_ZONE_NOT_UMBRELLA " AND " IN_SCOPE
/* ... and those that are counted (one umbrella test per row, not two) */
#define COUNTED_WHERE(kind)                                                                        \
    " FROM zones z WHERE z.kind = '" kind "' AND " SQ_ZONE_COUNTED " AND " IN_SCOPE
#define WITH_SCOPE "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE " "

static const struct metric_sql metrics[] = {
    {"kcn_count", 1, WITH_SCOPE "SELECT count(*), count(*), 0" COUNTED_WHERE("kcn")},
    {"ccn_count", 1, WITH_SCOPE "SELECT count(*), count(*), 0" COUNTED_WHERE("ccn")},
    {"kcn_area_ha", 1,
     WITH_SCOPE "SELECT sum(z.total_ha), count(z.total_ha),"
                " count(*) - count(z.total_ha)" COUNTED_WHERE("kcn")},
    {"ccn_area_ha", 1,
     WITH_SCOPE "SELECT sum(z.total_ha), count(z.total_ha),"
                " count(*) - count(z.total_ha)" COUNTED_WHERE("ccn")},
    {"ccn_operating_count", 1,
     WITH_SCOPE "SELECT count(*), count(*), 0" ZONES_WHERE("ccn") " AND z.status = 'operating'"},
    {"ccn_infra_complete_pct", 1,
     WITH_SCOPE "SELECT 100.0 * sum(z.infra_complete) / count(z.infra_complete),"
                " count(z.infra_complete), count(*) - count(z.infra_complete)" ZONES_WHERE(
                    "ccn") " AND z.status = 'operating'"},
    {"kcn_occupancy_pct", 1,
     WITH_SCOPE "SELECT 100.0 * sum(CASE WHEN z.leased_ha IS NOT NULL THEN z.leased_ha END)"
                " / sum(CASE WHEN z.leased_ha IS NOT NULL THEN z.industrial_ha END),"
                " count(z.leased_ha + z.industrial_ha), count(*) - count(z.leased_ha +"
                " z.industrial_ha)" ZONES_WHERE("kcn") " AND z.status = 'operating'"},
};

/* The zones of kind ?2 in scope that are not counted, by enum
 * recon_not_counted. */
static const char not_counted_sql[] =
    WITH_SCOPE "SELECT"
               " count(CASE WHEN z.status = 'planned' AND " SQ_ZONE_NOT_UMBRELLA " THEN 1 END),"
               " count(CASE WHEN z.status = 'cancelled' AND " SQ_ZONE_NOT_UMBRELLA " THEN 1 END),"
               " count(CASE WHEN z.status IS NULL AND " SQ_ZONE_NOT_UMBRELLA " THEN 1 END),"
               " count(CASE WHEN NOT " SQ_ZONE_NOT_UMBRELLA " THEN 1 END)"
               " FROM zones z WHERE z.kind = ?2 AND " IN_SCOPE;

static const struct metric_sql *metric_find(const char *name)
{
    size_t i;

    for (i = 0; name && i < sizeof(metrics) / sizeof(metrics[0]); i++)
        if (strcmp(metrics[i].name, name) == 0)
            return &metrics[i];
    return NULL;
}

int store_metric_is_live(const char *metric)
{
    return metric_find(metric) != NULL;
}

int store_metric_is_scoped(const char *metric)
{
    const struct metric_sql *m = metric_find(metric);

    return m && m->scoped;
}

enum khu_err store_metric_live(struct store *s, const char *metric, const char *scope_unit,
                               const char *today, struct metric_value *out, struct khu_diag *d)
{
    const struct metric_sql *m = metric_find(metric);
    sqlite3_stmt *st = NULL;
    enum khu_err err = KHU_OK;
    int32_t day;
    int rc;

    memset(out, 0, sizeof(*out));
    out->result = METRIC_NOT_LIVE;
    if (!today || strlen(today) != 10 || parse_date(today, &day) != KHU_OK) {
        khu_diag_set(d, 0, 0, "today", "'%s' is not a date (YYYY-MM-DD)", today ? today : "");
        return KHU_EINVAL;
    }
    if (!m)
        return KHU_OK;
    st = sq_prepare(s, m->sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the live metric", d);
    if (scope_unit)
        sqlite3_bind_text(st, 1, scope_unit, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->result = sqlite3_column_type(st, 0) == SQLITE_NULL ? METRIC_UNKNOWN : METRIC_OK;
        out->value = sqlite3_column_double(st, 0);
        out->counted = (long)sqlite3_column_int64(st, 1);
        out->unknown = (long)sqlite3_column_int64(st, 2);
    } else {
        out->result = METRIC_NOT_LIVE;
        err = sq_error(s, rc == SQLITE_DONE ? SQLITE_ERROR : rc, "the live metric", d);
    }
    sq_release(s, st);
    return err;
}

/* ===== reconciliation ===== */

static const char latest_sql[] =
    "SELECT o.value, o.observed_on, coalesce(o.source, t.source, ''), coalesce(t.scope_unit, '')"
    " FROM observations o JOIN targets t ON t.code = o.target_code"
    " WHERE t.metric = ?1 ORDER BY o.observed_on DESC, o.target_code LIMIT 1";

static const char by_status_sql[] =
    "SELECT z.kind, coalesce(z.status, 'status unknown'), count(*),"
    " coalesce(sum(z.total_ha), 0), count(*) - count(z.total_ha)"
    " FROM zones z WHERE " SQ_ZONE_NOT_UMBRELLA " GROUP BY z.kind, z.status"
    " ORDER BY z.kind, coalesce(z.status, 'status unknown')";

/* The latest reported observation of any target whose metric is metric.
 * Sets *found to 1 and fills value, on, source and scope (the target's
 * scope unit, "" for the whole registry), or sets *found to 0 and leaves
 * them. */
struct reported {
    int found;
    double value;
    char on[11];
    char scope[64];
    char source[512];
};

static enum khu_err latest_reported(struct store *s, const char *metric, struct reported *r,
                                    struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, latest_sql);
    enum khu_err err = KHU_OK;
    int rc;

    r->found = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the reported totals", d);
    sqlite3_bind_text(st, 1, metric, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        r->value = sqlite3_column_double(st, 0);
        snprintf(r->on, sizeof(r->on), "%s", (const char *)sqlite3_column_text(st, 1));
        snprintf(r->source, sizeof(r->source), "%s", (const char *)sqlite3_column_text(st, 2));
        snprintf(r->scope, sizeof(r->scope), "%s", (const char *)sqlite3_column_text(st, 3));
        r->found = 1;
    } else if (rc != SQLITE_DONE) {
        err = sq_error(s, rc, "the reported totals", d);
    }
    sq_release(s, st);
    return err;
}

struct by_status {
    struct recon_row *rows;
    int max, *n;
};

static int by_status_row(void *arg, const struct khu_row *row)
{
    struct by_status *b = arg;
    struct recon_row *r;

    if (*b->n >= b->max)
        return 1;
    r = &b->rows[(*b->n)++];
    memset(r, 0, sizeof(*r));
    snprintf(r->kind, sizeof(r->kind), "%s", row_text(row, 0) ? row_text(row, 0) : "");
    snprintf(r->label, sizeof(r->label), "%s", row_text(row, 1) ? row_text(row, 1) : "");
    r->registry_count = (long)row_int(row, 2);
    r->registry_ha = row_real(row, 3);
    r->registry_area_unknown = (long)row_int(row, 4);
    return 0;
}

/* The metric "<kind>_<what>" computed over the scope of the target that
 * reported it last (the whole registry when none did), beside that report. */
static enum khu_err registry_and_reported(struct store *s, const char *kind, const char *what,
                                          struct metric_value *live, struct reported *rep,
                                          struct khu_diag *d)
{
    char metric[32];
    enum khu_err err;

    snprintf(metric, sizeof(metric), "%s_%s", kind, what);
    err = latest_reported(s, metric, rep, d);
    /* neither metric depends on the day: any date serves */
    if (!err)
        err = store_metric_live(s, metric, rep->found && rep->scope[0] ? rep->scope : NULL,
                                "2000-01-01", live, d);
    return err;
}

const char *store_not_counted_name(enum recon_not_counted reason)
{
    static const char *const names[NOT_COUNTED_REASONS] = {
        [NOT_COUNTED_PLANNED] = "planned",
        [NOT_COUNTED_CANCELLED] = "cancelled",
        [NOT_COUNTED_STATUS_UNKNOWN] = "status_unknown",
        [NOT_COUNTED_UMBRELLA] = "umbrella",
    };

    return reason >= 0 && reason < NOT_COUNTED_REASONS ? names[reason] : "";
}

/* Fills r->not_counted: the zones of kind in r's scope left out, by reason. */
static enum khu_err not_counted(struct store *s, const char *kind, struct recon_row *r,
                                struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, not_counted_sql);
    enum khu_err err = KHU_OK;
    int rc, i;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the zones not counted", d);
    if (r->scope_unit[0])
        sqlite3_bind_text(st, 1, r->scope_unit, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        for (i = 0; i < NOT_COUNTED_REASONS; i++)
            r->not_counted[i] = (long)sqlite3_column_int64(st, i);
    else
        err = sq_error(s, rc == SQLITE_DONE ? SQLITE_ERROR : rc, "the zones not counted", d);
    sq_release(s, st);
    return err;
}

/* The counted parks (kind "kcn") or clusters ("ccn") beside the latest
 * reported totals, each over the scope of the target that reported it. */
static enum khu_err established_row(struct store *s, const char *kind, struct recon_row *r,
                                    struct khu_diag *d)
{
    struct metric_value count, area;
    struct reported rc, ra;
    const struct reported *first;
    enum khu_err err;

    memset(r, 0, sizeof(*r));
    snprintf(r->kind, sizeof(r->kind), "%s", kind);
    snprintf(r->label, sizeof(r->label), "counted (established: approved, building, operating)");
    err = registry_and_reported(s, kind, "count", &count, &rc, d);
    if (!err)
        err = registry_and_reported(s, kind, "area_ha", &area, &ra, d);
    if (err)
        return err;
    r->registry_count = (long)count.value;
    r->registry_ha = area.value;
    r->registry_area_unknown = area.unknown;
    r->has_reported_count = rc.found;
    r->reported_count = rc.value;
    r->has_reported_ha = ra.found;
    r->reported_ha = ra.value;
    first = rc.found ? &rc : &ra;
    if (first->found) {
        snprintf(r->reported_on, sizeof(r->reported_on), "%s", first->on);
        snprintf(r->source, sizeof(r->source), "%s", first->source);
        snprintf(r->scope_unit, sizeof(r->scope_unit), "%s", first->scope);
    }
    return not_counted(s, kind, r, d);
}

enum khu_err store_reconcile(struct store *s, struct recon_row *rows, int max, int *n,
                             struct khu_diag *d)
{
    struct by_status b = {rows, max, n};
    enum khu_err err;

    *n = 0;
    if (max < 2) {
        khu_diag_set(d, 0, 0, NULL, "the reconciliation needs room for at least 2 rows");
        return KHU_EINVAL;
    }
    err = established_row(s, "kcn", &rows[0], d);
    if (!err)
        err = established_row(s, "ccn", &rows[1], d);
    if (err)
        return err;
    *n = 2;
    if (max == 2) /* no room for the registry by status: not asked for */
        return KHU_OK;
    return sq_each_sql(s, by_status_sql, "the registry by status", by_status_row, &b, d);
}
