/* SPDX-License-Identifier: MIT */
/*
 * Whole-table reads in key order in SQLite (see store/scan.h). The query
 * is built from the data model's names (core/schema), never from input.
 */
#include "store/scan.h"
#include "store/sqlite/sq.h"

#include "core/buf.h"

static enum khu_err build_select(const struct table_def *t, struct buf *sql)
{
    size_t i;

    buf_puts(sql, "SELECT ");
    for (i = 0; i < t->ncols; i++)
        buf_printf(sql, "%s%s", i ? "," : "", t->cols[i].name);
    buf_printf(sql, " FROM %s ORDER BY ", t->name);
    for (i = 0; t->key[i]; i++)
        buf_printf(sql, "%s%s", i ? "," : "", t->key[i]);
    return sql->err;
}

enum khu_err store_scan(struct store *s, const struct table_def *t, store_row_fn fn, void *arg,
                        struct khu_diag *d)
{
    sqlite3_stmt *st = NULL;
    struct buf sql;
    enum khu_err err;
    int rc;

    buf_init(&sql, 1 << 16);
    err = build_select(t, &sql);
    if (err)
        goto out;
    /* prepared afresh, not kept: one run reads the whole table */
    rc = sqlite3_prepare_v2(s->db, buf_cstr(&sql), -1, &st, NULL);
    if (rc != SQLITE_OK) {
        err = sq_error(s, rc, "reading the table", d);
        goto out;
    }
    err = sq_each(s, st, fn, arg, d);
out:
    sqlite3_finalize(st);
    buf_free(&sql);
    return err;
}
