/* SPDX-License-Identifier: MIT */
/*
 * Investors' inquiries in SQLite (see store/leads.h).
 */
#include "store/leads.h"
#include "store/sqlite/sq.h"

#include "core/schema.h"

enum khu_err store_zone_exists(struct store *s, const char *code, int *found, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, "SELECT 1 FROM zones WHERE code = ?");
    enum khu_err err = KHU_OK;
    int rc;

    *found = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "looking up the zone", d);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *found = 1;
    else if (rc != SQLITE_DONE)
        err = sq_error(s, rc, "looking up the zone", d);
    sq_release(s, st);
    return err;
}

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Records the inquiry just inserted in the audit trail, as it was stored. */
static enum khu_err audit_insert(struct store_tx *tx, const char *code, struct khu_diag *d)
{
    const char *key[] = {code};
    struct buf after;
    int found;
    enum khu_err err;

    buf_init(&after, 64 * 1024);
    err = sq_row_json(tx->s, schema_table("leads"), key, &after, &found, d);
    if (!err) {
        struct sq_change c = {.action = "insert",
                              .table = "leads",
                              .key = code,
                              .after = found ? buf_cstr(&after) : NULL};
        err = sq_audit_append(tx, &c, d);
    }
    buf_free(&after);
    return err;
}

enum khu_err store_lead_insert(struct store_tx *tx, const struct store_lead *lead,
                               struct khu_diag *d)
{
    static const char sql[] = "INSERT INTO leads (code, company, country, contact, zones,"
                              " received_on, note, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'new')";
    struct store *s = tx->s;
    sqlite3_stmt *st = sq_prepare(s, sql);
    enum khu_err err = KHU_OK;
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "saving the inquiry", d);
    bind_text_or_null(st, 1, lead->code);
    bind_text_or_null(st, 2, lead->company);
    bind_text_or_null(st, 3, lead->country);
    bind_text_or_null(st, 4, lead->contact);
    bind_text_or_null(st, 5, lead->zones);
    bind_text_or_null(st, 6, lead->received_on);
    bind_text_or_null(st, 7, lead->note);
    rc = sqlite3_step(st);
    if (rc != SQLITE_DONE)
        err = sq_error(s, rc, "saving the inquiry", d);
    sq_release(s, st);
    if (!err)
        err = audit_insert(tx, lead->code, d);
    return err;
}

#define LEAD_FILTER                                                                                \
    " WHERE (?1 IS NULL OR coalesce(status, 'new') = ?1)"                                          \
    " AND (?2 IS NULL OR (?2 = '' AND owner IS NULL) OR owner = ?2)"

static void bind_filter(sqlite3_stmt *st, const struct store_lead_filter *f)
{
    bind_text_or_null(st, 1, f ? f->status : NULL);
    bind_text_or_null(st, 2, f ? f->owner : NULL);
}

enum khu_err store_leads_list(struct store *s, const struct store_lead_filter *f, store_row_fn fn,
                              void *arg, long *total, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, "SELECT received_on, code, company, country, contact, zones,"
                                     " note, coalesce(status, 'new'), owner, notes, event_code"
                                     " FROM leads" LEAD_FILTER
                                     " ORDER BY received_on IS NULL, received_on DESC, code DESC"
                                     " LIMIT ?3 OFFSET ?4");
    enum khu_err err;
    int token = store_snapshot_begin(s); /* the page and its count agree */

    if (!st) {
        err = sq_error(s, sqlite3_errcode(s->db), "listing the inquiries", d);
        goto out;
    }
    bind_filter(st, f);
    sqlite3_bind_int64(st, 3, f && f->limit > 0 ? f->limit : -1);
    sqlite3_bind_int64(st, 4, f && f->offset > 0 ? f->offset : 0);
    err = sq_each(s, st, fn, arg, d);
    sq_release(s, st);
    if (!err && total) {
        int rc;
        st = sq_prepare(s, "SELECT count(*) FROM leads" LEAD_FILTER);
        if (!st) {
            err = sq_error(s, sqlite3_errcode(s->db), "counting the inquiries", d);
            goto out;
        }
        bind_filter(st, f);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW)
            *total = (long)sqlite3_column_int64(st, 0);
        else
            err = sq_error(s, rc, "counting the inquiries", d);
        sq_release(s, st);
    }
out:
    store_snapshot_end(s, token);
    return err;
}
