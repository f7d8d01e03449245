/* SPDX-License-Identifier: MIT */
/*
 * The database's own checks in SQLite (see check.h).
 */
#include "store/check.h"
#include "store/sqlite/sq.h"

#include <stdio.h>
#include <string.h>

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

enum khu_err store_check_integrity(struct store *s, store_finding_fn fn, void *arg,
                                   struct khu_diag *d)
{
    int stop = 0;
    enum khu_err err = integrity(s, fn, arg, &stop, d);

    if (!err && !stop)
        err = references(s, fn, arg, &stop, d);
    return err;
}
