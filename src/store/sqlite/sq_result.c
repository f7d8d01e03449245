/* SPDX-License-Identifier: MIT */
/*
 * Results and errors of the SQLite backend: a row as khu's typed values,
 * stepping a statement into a row callback, and the one table that maps
 * SQLite's result codes to khu's errors.
 */
#include "store/sqlite/sq.h"

#include <stdio.h>

void sq_row(sqlite3_stmt *st, struct khu_value *vals, int max, struct khu_row *row)
{
    int i, n = sqlite3_column_count(st);

    n = n < max ? n : max;
    for (i = 0; i < n; i++) {
        struct khu_value *v = &vals[i];
        switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL:
            *v = (struct khu_value){KHU_V_NULL, 0, 0, NULL, 0};
            break;
        case SQLITE_INTEGER:
            v->type = KHU_V_INT;
            v->i = sqlite3_column_int64(st, i);
            v->r = (double)v->i;
            v->s = NULL;
            v->n = 0;
            break;
        case SQLITE_FLOAT:
            v->type = KHU_V_REAL;
            v->r = sqlite3_column_double(st, i);
            v->i = 0;
            v->s = NULL;
            v->n = 0;
            break;
        default:
            v->type = KHU_V_TEXT;
            v->s = (const char *)sqlite3_column_text(st, i);
            v->n = (size_t)sqlite3_column_bytes(st, i);
            v->i = 0;
            v->r = 0;
            break;
        }
    }
    row->v = vals;
    row->n = n;
}

enum khu_err sq_each(struct store *s, sqlite3_stmt *st, store_row_fn fn, void *arg,
                     struct khu_diag *d)
{
    struct khu_value vals[SQ_MAX_COLS];
    struct khu_row row;
    int rc;

    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sq_row(st, vals, SQ_MAX_COLS, &row);
        if (fn(arg, &row))
            return KHU_OK;
    }
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "the query", d);
}

enum khu_err sq_each_sql(struct store *s, const char *sql, const char *what, store_row_fn fn,
                         void *arg, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, sql);
    enum khu_err err;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), what, d);
    err = sq_each(s, st, fn, arg, d);
    sq_release(s, st);
    return err;
}

/* The one map from SQLite's primary result codes to khu's errors. */
static const struct {
    int rc;
    enum khu_err err;
    const char *says;
} error_map[] = {
    {SQLITE_BUSY, KHU_EBUSY, "the database is busy with another write"},
    {SQLITE_LOCKED, KHU_EBUSY, "the database is busy with another write"},
    {SQLITE_NOMEM, KHU_ENOMEM, "out of memory"},
    {SQLITE_CONSTRAINT, KHU_ECONFLICT, "it conflicts with data already stored"},
    {SQLITE_FULL, KHU_EIO, "the disk is full"},
    {SQLITE_IOERR, KHU_EIO, "the disk could not be read or written"},
    {SQLITE_READONLY, KHU_EIO, "the database is read-only"},
    {SQLITE_CANTOPEN, KHU_EIO, "the database cannot be opened"},
    {SQLITE_CORRUPT, KHU_EDB, "the database file is damaged"},
    {SQLITE_TOOBIG, KHU_ETOOBIG, "a value is too large"},
};

enum khu_err sq_error(struct store *s, int rc, const char *what, struct khu_diag *d)
{
    size_t i;

    if (s && s->db)
        fprintf(stderr, "khu: store: %s: %s (%d)\n", what ? what : "database",
                sqlite3_errmsg(s->db), rc);
    for (i = 0; i < sizeof(error_map) / sizeof(error_map[0]); i++) {
        if (error_map[i].rc == (rc & 0xff)) {
            khu_diag_set(d, 0, 0, NULL, "%s failed: %s", what ? what : "the database",
                         error_map[i].says);
            return error_map[i].err;
        }
    }
    khu_diag_set(d, 0, 0, NULL, "%s failed: database error", what ? what : "the database");
    return KHU_EDB;
}

enum khu_err sq_exec(struct store *s, const char *sql, struct khu_diag *d)
{
    char *msg = NULL;
    int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);

    if (rc == SQLITE_OK)
        return KHU_OK;
    khu_diag_set(d, 0, 0, NULL, "database: %s", msg ? msg : sqlite3_errmsg(s->db));
    sqlite3_free(msg);
    return sq_error(NULL, rc, NULL, NULL);
}

int store_snapshot_begin(struct store *s)
{
    sqlite3_stmt *st;
    int rc;

    if (!sqlite3_get_autocommit(s->db))
        return 0;
    st = sq_prepare(s, "BEGIN");
    rc = st ? sqlite3_step(st) : SQLITE_ERROR;
    sq_release(s, st);
    return rc == SQLITE_DONE;
}

void store_snapshot_end(struct store *s, int begun)
{
    sqlite3_stmt *st;

    if (!begun)
        return;
    st = sq_prepare(s, "COMMIT");
    if (!st || sqlite3_step(st) != SQLITE_DONE)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    sq_release(s, st);
}
