/* SPDX-License-Identifier: MIT */
/*
 * The site brief's reads in SQLite (see store/brief.h): one zone's row,
 * a sector's or a unit's name, the districts' centroids.
 */
#include "store/brief.h"
#include "store/sqlite/sq.h"

#include <stdio.h>

/* Columns in the order of enum store_brief_col. */
static const char zone_sql[] =
    "SELECT z.name_vi, z.name_en, z.name_ko, coalesce(z.kind, ''), coalesce(z.status, ''),"
    " coalesce(u.name_vi, ''), coalesce(u.name_en, u.name_vi, ''),"
    " coalesce(u.name_ko, u.name_en, u.name_vi, ''), z.lat, z.lon, coalesce(z.position, ''),"
    " coalesce(z.source, ''), coalesce(z.confidence, ''), z.total_ha, z.industrial_ha,"
    " z.leased_ha, " SQ_ZONE_AVAILABLE ", z.occupancy_reported_pct, z.lease_usd_m2,"
    " z.lease_until, z.km_hcmc, z.km_port, z.wwtp_m3_day, z.power_mva, z.water_m3_day,"
    " z.infra_complete, z.developer, z.established_on, z.planned_year, z.sectors, z.tenants,"
    " z.as_of, z.summary_vi, z.summary, z.summary_ko, z.confidence_note_vi, z.confidence_note,"
    " z.confidence_note_ko FROM zones z LEFT JOIN units u ON u.code = z.unit_code"
    " WHERE z.code = ?1";

enum khu_err store_brief_zone(struct store *s, const char *code, store_row_fn fn, void *arg,
                              struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, zone_sql);
    struct khu_value vals[BRIEF_COL_COUNT];
    struct khu_row row;
    enum khu_err err = KHU_OK;
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the zone", d);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        sq_row(st, vals, BRIEF_COL_COUNT, &row);
        fn(arg, &row);
    } else if (rc == SQLITE_DONE) {
        khu_diag_set(d, 0, 0, "zones", "no zone with code '%.100s'", code);
        err = KHU_ENOTFOUND;
    } else {
        err = sq_error(s, rc, "reading the zone", d);
    }
    sq_release(s, st);
    return err;
}

/* Runs one of three statements (by lang) that take a code and answer one
 * name; writes it into out. */
static enum khu_err name_by_lang(struct store *s, const char *const sql[3], const char *code,
                                 enum site_lang lang, char *out, size_t n, const char *what,
                                 struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, sql[lang <= SITE_KO ? lang : SITE_VI]);
    enum khu_err err = KHU_OK;
    int rc;

    if (n)
        out[0] = '\0';
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), what, d);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    else if (rc == SQLITE_DONE)
        err = KHU_ENOTFOUND;
    else
        err = sq_error(s, rc, what, d);
    sq_release(s, st);
    return err;
}

enum khu_err store_sector_name(struct store *s, const char *code, enum site_lang lang, char *out,
                               size_t n, struct khu_diag *d)
{
    static const char *const sql[3] = {
        "SELECT name_vi FROM sectors WHERE code = ?1 ORDER BY version DESC LIMIT 1",
        "SELECT coalesce(name_en, name_vi) FROM sectors WHERE code = ?1"
        " ORDER BY version DESC LIMIT 1",
        "SELECT coalesce(name_ko, name_en, name_vi) FROM sectors WHERE code = ?1"
        " ORDER BY version DESC LIMIT 1"};

    return name_by_lang(s, sql, code, lang, out, n, "reading the sectors", d);
}

enum khu_err store_unit_name(struct store *s, const char *code, enum site_lang lang, char *out,
                             size_t n, struct khu_diag *d)
{
    static const char *const sql[3] = {
        "SELECT name_vi FROM units WHERE code = ?1",
        "SELECT coalesce(name_en, name_vi) FROM units WHERE code = ?1",
        "SELECT coalesce(name_ko, name_en, name_vi) FROM units WHERE code = ?1"};

    return name_by_lang(s, sql, code, lang, out, n, "reading the units", d);
}

enum khu_err store_district_points(struct store *s, enum site_lang lang, int max, store_point_fn fn,
                                   void *arg, struct khu_diag *d)
{
    static const char *const sql[3] = {
        "SELECT lat, lon, name_vi FROM units WHERE level = 'district' AND lat IS NOT NULL"
        " AND lon IS NOT NULL ORDER BY code LIMIT ?1",
        "SELECT lat, lon, coalesce(name_en, name_vi) FROM units WHERE level = 'district'"
        " AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY code LIMIT ?1",
        "SELECT lat, lon, coalesce(name_ko, name_en, name_vi) FROM units"
        " WHERE level = 'district' AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY code"
        " LIMIT ?1"};
    sqlite3_stmt *st = sq_prepare(s, sql[lang <= SITE_KO ? lang : SITE_VI]);
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the units", d);
    sqlite3_bind_int(st, 1, max);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (fn(arg, sqlite3_column_double(st, 0), sqlite3_column_double(st, 1),
               (const char *)sqlite3_column_text(st, 2))) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "reading the units", d);
}
