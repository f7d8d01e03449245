/* SPDX-License-Identifier: MIT */
/*
 * One row of a data-model table as JSON, read by its key: what the audit
 * trail records as a row's "before" and "after". The columns and their
 * types are core/schema's, written by core/row.h as the API writes them.
 */
#include "store/sqlite/sq.h"

#include <stdio.h>

#include "core/json_out.h"

enum khu_err sq_row_json(struct store *s, const struct table_def *t, const char *const *key,
                         struct buf *out, int *found, struct khu_diag *d)
{
    struct khu_value vals[SQ_MAX_COLS];
    struct khu_row row;
    struct buf sql;
    sqlite3_stmt *st = NULL;
    enum khu_err err = KHU_OK;
    size_t i;
    int rc;

    *found = 0;
    buf_init(&sql, 16 * 1024);
    buf_puts(&sql, "SELECT ");
    for (i = 0; i < t->ncols; i++)
        buf_printf(&sql, "%s\"%s\"", i ? ", " : "", t->cols[i].name);
    buf_printf(&sql, " FROM \"%s\" WHERE ", t->name);
    for (i = 0; t->key[i]; i++)
        buf_printf(&sql, "%s\"%s\" = ?", i ? " AND " : "", t->key[i]);
    st = sq_prepare(s, buf_cstr(&sql));
    if (!st) {
        err = sq_error(s, sqlite3_errcode(s->db), "reading the row", d);
        goto out;
    }
    for (i = 0; t->key[i]; i++)
        sqlite3_bind_text(st, (int)i + 1, key[i], -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        struct jw w;
        sq_row(st, vals, SQ_MAX_COLS, &row);
        jw_init(&w, out);
        jw_obj_begin(&w);
        row_json_fields(&w, t, &row, 0);
        jw_obj_end(&w);
        *found = 1;
    } else if (rc != SQLITE_DONE) {
        err = sq_error(s, rc, "reading the row", d);
    }
out:
    sq_release(s, st);
    buf_free(&sql);
    return err;
}
