/* SPDX-License-Identifier: MIT */
/*
 * The database's own checks in SQLite (see check.h).
 */
#include "store/check.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sq.h"

#include <stdio.h>
#include <string.h>

#include "core/schema.h"

/* Runs PRAGMA integrity_check: every row but "ok" is a finding. */
static enum khu_err integrity(struct store *s, store_finding_fn fn, void *arg, int *stop,
                              struct khu_diag *d)
{
    sqlite3_stmt *st = NULL;
    char finding[STORE_FINDING_MAX];
    int rc;

    rc = sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL);
    while (rc == SQLITE_OK && !*stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        if (text && strcmp(text, "ok") == 0)
            continue;
        snprintf(finding, sizeof(finding), "integrity: %s", text ? text : "");
        *stop = fn(arg, finding);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
        return KHU_OK;
    return sq_error(s, rc, "the integrity check", d);
}

/* Runs PRAGMA foreign_key_check: each row is a reference to nothing. */
static enum khu_err references(struct store *s, store_finding_fn fn, void *arg, int *stop,
                               struct khu_diag *d)
{
    sqlite3_stmt *st = NULL;
    char finding[STORE_FINDING_MAX];
    int rc;

    rc = sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL);
    while (rc == SQLITE_OK && !*stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        snprintf(finding, sizeof(finding), "dangling reference in: %s row %lld to %s",
                 (const char *)sqlite3_column_text(st, 0), (long long)sqlite3_column_int64(st, 1),
                 (const char *)sqlite3_column_text(st, 2));
        *stop = fn(arg, finding);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
        return KHU_OK;
    return sq_error(s, rc, "the reference check", d);
}

/* Rows whose rowid is not the one their key gives (migration_key_rowid):
 * the triggers refuse such writes, but a VACUUM may renumber rowids, and
 * the search in key order (sq_list.c) would then hand out hits out of
 * order. */
static enum khu_err key_rowids(struct store *s, store_finding_fn fn, void *arg, int *stop,
                               struct khu_diag *d)
{
    size_t i, n;
    const struct table_def *t = schema_tables(&n);
    char sql[512], finding[STORE_FINDING_MAX];
    sqlite3_stmt *st = NULL;
    int rc = SQLITE_OK;

    for (i = 0; i < n && !*stop && rc == SQLITE_OK; i++) {
        const char *key_rowid = migration_key_rowid(t[i].name);
        if (!key_rowid)
            continue;
        snprintf(sql, sizeof(sql),
                 "SELECT count(*) FROM (SELECT rowid AS r, %s AS k FROM %s) WHERE r IS NOT %s",
                 t[i].cols[0].name, t[i].name, key_rowid);
        rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            if (sqlite3_column_int64(st, 0) > 0) {
                snprintf(finding, sizeof(finding),
                         "%s: rowids not made from the key: %lld (after a VACUUM?);"
                         " re-import the table",
                         t[i].name, (long long)sqlite3_column_int64(st, 0));
                *stop = fn(arg, finding);
            }
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
        st = NULL;
    }
    return rc == SQLITE_OK ? KHU_OK : sq_error(s, rc, "the rowid check", d);
}

enum khu_err store_check_integrity(struct store *s, store_finding_fn fn, void *arg,
                                   struct khu_diag *d)
{
    int stop = 0;
    enum khu_err err = integrity(s, fn, arg, &stop, d);

    if (!err && !stop)
        err = references(s, fn, arg, &stop, d);
    if (!err && !stop)
        err = key_rowids(s, fn, arg, &stop, d);
    return err;
}
