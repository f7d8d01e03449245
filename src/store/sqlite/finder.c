/* SPDX-License-Identifier: MIT */
/*
 * The site finder's reads in SQLite (see store/finder.h): the zones (not umbrellas)
 * with their figures, and the scope of a unit. Available land and which
 * zones count are the fragments of sq.h, written once.
 */
#include "store/finder.h"
#include "store/sqlite/sq.h"

static const char zones_sql[] =
    "SELECT z.code, z.kind, z.status, z.planned_year, " SQ_ZONE_AVAILABLE ","
    " z.lease_usd_m2, z.km_hcmc, z.km_port, z.wwtp_m3_day, z.power_mva, z.sectors, z.unit_code,"
    " z.commune, z.name_vi, z.name_en, z.name_ko, z.occupancy_reported_pct, z.as_of,"
    " z.total_ha, z.industrial_ha, z.source, z.developer"
    " FROM zones z WHERE " SQ_ZONE_NOT_UMBRELLA " ORDER BY z.code";

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
    ZC_NAME_VI,
    ZC_NAME_EN,
    ZC_NAME_KO,
    ZC_OCCUPANCY,
    ZC_AS_OF,
    ZC_TOTAL,
    ZC_INDUSTRIAL,
    ZC_SOURCE,
    ZC_DEVELOPER
};

static const char *text_or_null(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL ? NULL
                                                       : (const char *)sqlite3_column_text(st, col);
}

static struct site_value figure(sqlite3_stmt *st, int col)
{
    struct site_value v = {sqlite3_column_type(st, col) != SQLITE_NULL,
                           sqlite3_column_double(st, col)};
    return v;
}

static void read_zone(sqlite3_stmt *st, struct store_finder_zone *z)
{
    int l;

    z->code = text_or_null(st, ZC_CODE);
    z->kind = text_or_null(st, ZC_KIND);
    z->status = text_or_null(st, ZC_STATUS);
    z->sectors = text_or_null(st, ZC_SECTORS);
    z->unit = text_or_null(st, ZC_UNIT);
    z->commune = text_or_null(st, ZC_COMMUNE);
    for (l = 0; l < 3; l++)
        z->names[l] = text_or_null(st, ZC_NAME_VI + l);
    z->planned_year = sqlite3_column_int(st, ZC_YEAR);
    z->available_ha = figure(st, ZC_AVAILABLE);
    z->lease_usd_m2 = figure(st, ZC_LEASE);
    z->km_hcmc = figure(st, ZC_HCMC);
    z->km_port = figure(st, ZC_PORT);
    z->wwtp_m3_day = figure(st, ZC_WWTP);
    z->power_mva = figure(st, ZC_POWER);
    z->occupancy_reported_pct = figure(st, ZC_OCCUPANCY);
    z->as_of = text_or_null(st, ZC_AS_OF);
    z->total_ha = figure(st, ZC_TOTAL);
    z->industrial_ha = figure(st, ZC_INDUSTRIAL);
    z->source = text_or_null(st, ZC_SOURCE);
    z->developer = text_or_null(st, ZC_DEVELOPER);
}

enum khu_err store_finder_zones(struct store *s, store_finder_zone_fn fn, void *arg,
                                struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, zones_sql);
    struct store_finder_zone z;
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the zones", d);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_zone(st, &z);
        if (fn(arg, &z)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "reading the zones", d);
}

enum khu_err store_unit_scope(struct store *s, const char *code, store_code_fn fn, void *arg,
                              struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE " SELECT code FROM scope");
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the units", d);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (fn(arg, (const char *)sqlite3_column_text(st, 0))) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "reading the units", d);
}
