/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's counting reads in SQLite (see store/linkage.h). A
 * place is the scope of a unit (SQ_UNIT_SCOPE_CTE); an enterprise is in it
 * when its unit, or the unit or commune of its zone, is.
 */
#include "store/linkage.h"
#include "store/sqlite/sq.h"

/* 1 when enterprise e is in the scope (?1 NULL: everywhere) */
#define IN_PLACE(e)                                                                                \
    "(?1 IS NULL OR " e ".unit_code IN scope OR " e ".zone_code IN (SELECT code FROM zones"        \
    " WHERE unit_code IN scope OR commune IN scope))"

/* the demand d's buyer b is in the place, and its sector in the set ?2 */
#define DEMAND_COUNTED                                                                             \
    " b.tax_code IS NOT NULL AND " IN_PLACE(                                                       \
        "b") " AND EXISTS (SELECT 1 FROM sector_groups g"                                          \
             " WHERE g.code = ?2 AND d.vsic LIKE g.vsic || '%')"

static const char demands_sql[] =
    "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE
    " SELECT d.code, d.vsic, d.posted_on, d.withdrawn_on, d.annual_usd, 1"
    " FROM demands d JOIN enterprises b ON b.tax_code = d.buyer_tax_code"
    " WHERE" DEMAND_COUNTED " ORDER BY d.code";

static const char linkages_sql[] =
    "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE
    " SELECT l.code, l.demand_code, l.since, l.until, e.ownership, l.annual_usd,"
    " CASE WHEN e.tax_code IS NOT NULL AND " IN_PLACE(
        "e") " THEN 1 ELSE 0 END"
             " FROM linkages l LEFT JOIN enterprises e ON e.tax_code = l.supplier_tax_code"
             " WHERE l.demand_code IN (SELECT d.code FROM demands d"
             " JOIN enterprises b ON b.tax_code = d.buyer_tax_code WHERE" DEMAND_COUNTED ")"
             " ORDER BY l.code";

static const char group_sql[] =
    "SELECT vsic, valid_from, valid_to, name_vi, name_en, name_ko, source FROM sector_groups"
    " WHERE code = ?1 ORDER BY vsic";

static const char matches_sql[] =
    "SELECT m.demand_code, m.supplier_tax_code, m.stage, m.proposed_on, m.proposed_by,"
    " m.interest_on, m.interest_note, m.answered_on, m.decline_reason, m.meeting_on,"
    " m.meeting_place, m.meeting_outcome, m.linkage_code, m.closed_on, d.title, d.vsic,"
    " d.buyer_tax_code, b.name, e.name, m.score, m.meeting_online"
    " FROM matches m JOIN demands d ON d.code = m.demand_code"
    " LEFT JOIN enterprises b ON b.tax_code = d.buyer_tax_code"
    " LEFT JOIN enterprises e ON e.tax_code = m.supplier_tax_code"
    " WHERE (?1 IS NULL OR m.demand_code = ?1) AND (?2 IS NULL OR m.supplier_tax_code = ?2)"
    " AND (?3 IS NULL OR d.buyer_tax_code = ?3) AND (?4 IS NULL OR m.stage = ?4)"
    " ORDER BY m.proposed_on DESC, m.demand_code, m.supplier_tax_code LIMIT ?5";

#define FACT_OF(kind, day)                                                                         \
    "SELECT " #kind ", m." #day ", d.vsic, d.event_code, ev.partner_code, NULL FROM matches m"     \
    " JOIN demands d ON d.code = m.demand_code LEFT JOIN events ev ON ev.code = d.event_code"      \
    " WHERE m." #day " IS NOT NULL"

static const char facts_sql[] =
    "SELECT 0, d.posted_on, d.vsic, d.event_code, ev.partner_code, NULL FROM demands d"
    " LEFT JOIN events ev ON ev.code = d.event_code WHERE d.posted_on IS NOT NULL"
    " UNION ALL " FACT_OF(1, proposed_on) " UNION ALL " FACT_OF(
        2,
        interest_on) " UNION ALL " FACT_OF(3,
                                           meeting_on) " UNION ALL SELECT 4, l.since, d.vsic, "
                                                       "d.event_code, ev.partner_code, l.annual_usd"
                                                       " FROM linkages l JOIN demands d ON d.code "
                                                       "= l.demand_code"
                                                       " LEFT JOIN events ev ON ev.code = "
                                                       "d.event_code WHERE l.since IS NOT NULL";

static const char imported_sql[] =
    "SELECT max(at_ms) FROM audit WHERE table_name = 'demands' AND action = 'import'";

static const char *text_at(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL ? NULL
                                                       : (const char *)sqlite3_column_text(st, col);
}

static struct match_value value_at(sqlite3_stmt *st, int col)
{
    struct match_value v = {sqlite3_column_type(st, col) != SQLITE_NULL,
                            sqlite3_column_double(st, col)};
    return v;
}

/* Prepares sql with place bound to ?1 (NULL: none) and group to ?2 (when
 * not NULL), or NULL with d filled. */
static sqlite3_stmt *prepare(struct store *s, const char *sql, const char *place, const char *group,
                             const char *what, enum khu_err *err, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, sql);

    if (!st) {
        *err = sq_error(s, sqlite3_errcode(s->db), what, d);
        return NULL;
    }
    if (place)
        sqlite3_bind_text(st, 1, place, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 1);
    if (group)
        sqlite3_bind_text(st, 2, group, -1, SQLITE_STATIC);
    return st;
}

enum khu_err store_share_demands(struct store *s, const char *place, const char *group,
                                 store_share_demand_fn fn, void *arg, struct khu_diag *d)
{
    enum khu_err err = KHU_OK;
    sqlite3_stmt *st = prepare(s, demands_sql, place, group, "reading the demands", &err, d);
    int rc;

    if (!st)
        return err;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_share_demand x = {text_at(st, 0), text_at(st, 1),  text_at(st, 2),
                                       text_at(st, 3), value_at(st, 4), sqlite3_column_int(st, 5)};
        if (fn(arg, &x)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "reading the demands", d);
}

enum khu_err store_share_linkages(struct store *s, const char *place, const char *group,
                                  store_share_linkage_fn fn, void *arg, struct khu_diag *d)
{
    enum khu_err err = KHU_OK;
    sqlite3_stmt *st = prepare(s, linkages_sql, place, group, "reading the linkages", &err, d);
    int rc;

    if (!st)
        return err;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_share_linkage x = {text_at(st, 0),           text_at(st, 1), text_at(st, 2),
                                        text_at(st, 3),           text_at(st, 4), value_at(st, 5),
                                        sqlite3_column_int(st, 6)};
        if (fn(arg, &x)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "reading the linkages", d);
}

enum khu_err store_group_codes(struct store *s, const char *group, store_group_code_fn fn,
                               void *arg, struct khu_diag *d)
{
    enum khu_err err = KHU_OK;
    sqlite3_stmt *st = prepare(s, group_sql, group, NULL, "reading the set of sectors", &err, d);
    long rows = 0;
    int rc;

    if (!st)
        return err;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_group_code c = {text_at(st, 0),
                                     text_at(st, 1),
                                     text_at(st, 2),
                                     {text_at(st, 3), text_at(st, 4), text_at(st, 5)},
                                     text_at(st, 6)};
        rows++;
        if (fn(arg, &c)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    if (rc != SQLITE_DONE)
        return sq_error(s, rc, "reading the set of sectors", d);
    if (!rows) {
        khu_diag_set(d, 0, 0, "group", "no set of sectors is called '%.64s'", group);
        return KHU_ENOTFOUND;
    }
    return KHU_OK;
}

enum khu_err store_demands_imported_ms(struct store *s, int64_t *at_ms, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, imported_sql);
    int rc;

    *at_ms = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading when the demands were imported", d);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *at_ms = sqlite3_column_int64(st, 0);
    sq_release(s, st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? KHU_OK
               : sq_error(s, rc, "reading when the demands were imported", d);
}

static void bind_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

enum khu_err store_matches(struct store *s, const struct store_match_filter *f, long limit,
                           store_match_fn fn, void *arg, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, matches_sql);
    int rc, i;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the matches", d);
    bind_or_null(st, 1, f->demand);
    bind_or_null(st, 2, f->supplier);
    bind_or_null(st, 3, f->buyer);
    bind_or_null(st, 4, f->stage);
    sqlite3_bind_int64(st, 5, limit);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_match m;
        const char **texts[] = {
            &m.demand_code,    &m.supplier_tax_code, &m.stage,         &m.proposed_on,
            &m.proposed_by,    &m.interest_on,       &m.interest_note, &m.answered_on,
            &m.decline_reason, &m.meeting_on,        &m.meeting_place, &m.meeting_outcome,
            &m.linkage_code,   &m.closed_on,         &m.demand_title,  &m.demand_vsic,
            &m.buyer_tax_code, &m.buyer_name,        &m.supplier_name};
        for (i = 0; i < (int)(sizeof(texts) / sizeof(texts[0])); i++)
            *texts[i] = text_at(st, i);
        m.score = value_at(st, i);
        m.meeting_online = value_at(st, i + 1);
        if (fn(arg, &m)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "reading the matches", d);
}

enum khu_err store_outcome_facts(struct store *s, store_outcome_fn fn, void *arg,
                                 struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, facts_sql);
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the pipeline's facts", d);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_outcome_fact f = {sqlite3_column_int(st, 0),
                                       text_at(st, 1),
                                       text_at(st, 2),
                                       text_at(st, 3),
                                       text_at(st, 4),
                                       value_at(st, 5)};
        if (fn(arg, &f)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "reading the pipeline's facts", d);
}
