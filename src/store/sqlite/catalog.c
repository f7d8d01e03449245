/* SPDX-License-Identifier: MIT */
/*
 * Row counts, dates of change and sources cited, in SQL (see catalog.h).
 */
#include "store/catalog.h"
#include "core/schema.h"
#include "store/sqlite/sq.h"

#include <stdio.h>
#include <string.h>

static const char updated_sql[] = "SELECT updated_at FROM dataset_updates WHERE name = ?1";

enum khu_err store_table_info(struct store *s, const char *table, struct store_table_info *out,
                              struct khu_diag *d)
{
    const struct table_def *t = schema_table(table);
    sqlite3_stmt *st;
    char sql[128];
    int rc;

    memset(out, 0, sizeof(*out));
    if (!t)
        return KHU_ENOTFOUND;
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", t->name); /* a name of the schema */
    st = sq_prepare(s, sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the catalog", d);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        out->rows = (long)sqlite3_column_int64(st, 0);
    sq_release(s, st);
    if (rc != SQLITE_ROW)
        return sq_error(s, rc, "the catalog", d);
    st = sq_prepare(s, updated_sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the catalog", d);
    sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(out->updated_at, sizeof(out->updated_at), "%s",
                 (const char *)sqlite3_column_text(st, 0));
    sq_release(s, st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sq_error(s, rc, "the catalog", d);
    return KHU_OK;
}

enum khu_err store_source_any(struct store *s, const char *const *codes, int *found,
                              struct khu_diag *d)
{
    sqlite3_stmt *st;
    int rc = SQLITE_DONE;

    *found = 0;
    for (; codes && *codes && !*found; codes++) {
        st = sq_prepare(s, "SELECT 1 FROM sources WHERE code = ?1");
        if (!st)
            return sq_error(s, sqlite3_errcode(s->db), "the sources", d);
        sqlite3_bind_text(st, 1, *codes, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(st);
        *found = rc == SQLITE_ROW;
        sq_release(s, st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return sq_error(s, rc, "the sources", d);
    }
    return KHU_OK;
}
