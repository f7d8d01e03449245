/* SPDX-License-Identifier: MIT */
/*
 * For the SQLite backend's own tests: the one integer a query answers,
 * read behind the store's back, to check what the store wrote.
 */
#ifndef KHU_TEST_SQ_SINGLE_H
#define KHU_TEST_SQ_SINGLE_H

#include <stdio.h>

#include "store/sqlite/sq.h"

/* The first column of the first row of sql on s, or -1 when there is none
 * or the query fails. */
static inline long long sq_single(struct store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long long v = -1;

    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Writes the first column of the first row of sql on s as text into out
 * (n bytes) and returns out: "(null)" for NULL, "(none)" for no row. */
static inline const char *sq_text(struct store *s, const char *sql, char *out, size_t n)
{
    sqlite3_stmt *st = NULL;

    snprintf(out, n, "(none)");
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        snprintf(out, n, "%s",
                 sqlite3_column_type(st, 0) == SQLITE_NULL
                     ? "(null)"
                     : (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

#endif
