/* SPDX-License-Identifier: MIT */
/*
 * Which rows the writes to the data model changed (store_changes), read
 * from data_changes (migration 10, written by audit.c with each move of
 * data_generation), and the question the connection's own memos ask of
 * it (sq_changes_touch): did anything they hold change? A range of
 * generations is known only when every one of its changes is there, one
 * row per generation; otherwise the answer is "everything changed".
 */
#include "store/sqlite/sq.h"

#include <string.h>

enum khu_err store_changes(struct store *s, uint64_t from, uint64_t to, store_change_fn fn,
                           void *arg)
{
    sqlite3_stmt *st;
    uint64_t expect = from + 1;
    enum khu_err err = KHU_OK;
    int rc, stopped = 0;

    if (to <= from)
        return KHU_OK;
    if (to - from > SQ_DATA_CHANGES_KEPT) /* longer than data_changes keeps */
        return KHU_ENOTFOUND;
    st = sq_prepare(s, "SELECT n, table_name, row_key, columns FROM data_changes"
                       " WHERE n > ? AND n <= ? ORDER BY n");
    if (!st)
        return KHU_EDB;
    sqlite3_bind_int64(st, 1, (int64_t)from);
    sqlite3_bind_int64(st, 2, (int64_t)to);
    while (!stopped && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct store_change c = {
            .gen = (uint64_t)sqlite3_column_int64(st, 0),
            .table = (const char *)sqlite3_column_text(st, 1),
            .key = (const char *)sqlite3_column_text(st, 2),
            .columns = (const char *)sqlite3_column_text(st, 3),
        };
        if (c.gen != expect || !c.table) { /* a generation without its row */
            err = KHU_ENOTFOUND;
            break;
        }
        expect++;
        stopped = fn(arg, &c);
    }
    if (!err && !stopped && rc != SQLITE_DONE)
        err = KHU_EDB;
    if (!err && !stopped && expect != to + 1)
        err = KHU_ENOTFOUND;
    sq_release(s, st);
    return err;
}

struct touch {
    sq_touches_fn touches;
    void *arg;
    int touched;
};

static int check_one(void *arg, const struct store_change *c)
{
    struct touch *t = arg;

    t->touched = t->touches(t->arg, c);
    return t->touched;
}

int sq_changes_touch(struct store *s, uint64_t from, uint64_t to, sq_touches_fn touches, void *arg)
{
    struct touch t = {touches, arg, 0};

    if (to == from)
        return 0;
    if (to < from || store_changes(s, from, to, check_one, &t) != KHU_OK)
        return 1;
    return t.touched;
}

int sq_change_has_column(const struct store_change *c, const char *column)
{
    size_t n = strlen(column);
    const char *p;

    if (!c->columns)
        return 1;
    for (p = strstr(c->columns, column); p; p = strstr(p + 1, column))
        if (p > c->columns && p[-1] == ',' && p[n] == ',')
            return 1;
    return 0;
}
