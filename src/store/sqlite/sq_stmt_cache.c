/* SPDX-License-Identifier: MIT */
/*
 * A small per-connection cache of prepared statements keyed by their SQL
 * text (see sq_prepare in sq.h). Parsing and planning a statement
 * cost more than running most of the read API's queries, so a connection
 * that answers request after request keeps the statements it has made and
 * hands them out again, reset and with their bindings cleared. The cache
 * holds at most STMT_CACHE_SIZE statements; the least recently used one
 * that is not handed out makes room. SQLite itself re-prepares a kept
 * statement when the schema changes.
 */
#include "store/sqlite/sq.h"

#include <stdint.h>
#include <string.h>

#include "core/hash.h"
#include "core/xalloc.h"

#define STMT_CACHE_SIZE 48

struct stmt_entry {
    uint64_t hash;
    char *sql; /* owned; NULL when the slot is empty */
    size_t len;
    sqlite3_stmt *st;
    int busy;               /* handed out and not yet released */
    unsigned long long use; /* tick of the last hand-out */
};

struct stmt_cache {
    struct stmt_entry e[STMT_CACHE_SIZE];
    unsigned long long tick;
};

static void entry_clear(struct stmt_entry *e)
{
    sqlite3_finalize(e->st);
    xfree(e->sql);
    memset(e, 0, sizeof(*e));
}

/* The slot for a new statement: an empty one, else the least recently used
 * one not handed out (emptied), else NULL. */
static struct stmt_entry *free_slot(struct stmt_cache *c)
{
    struct stmt_entry *best = NULL;
    size_t i;

    for (i = 0; i < STMT_CACHE_SIZE; i++) {
        struct stmt_entry *e = &c->e[i];
        if (!e->sql)
            return e;
        if (!e->busy && (!best || e->use < best->use))
            best = e;
    }
    if (best)
        entry_clear(best);
    return best;
}

/* Keeps st for sql in the cache when there is room; returns 1 if kept. */
static int keep(struct stmt_cache *c, uint64_t h, const char *sql, size_t n, sqlite3_stmt *st)
{
    struct stmt_entry *e = free_slot(c);

    if (!e)
        return 0;
    e->sql = xstrndup(sql, n);
    if (!e->sql)
        return 0;
    e->hash = h;
    e->len = n;
    e->st = st;
    e->busy = 1;
    e->use = ++c->tick;
    return 1;
}

sqlite3_stmt *sq_prepare(struct store *s, const char *sql)
{
    struct stmt_cache *c = s->stmts;
    size_t n = strlen(sql), i;
    uint64_t h = hash_fnv1a(sql, n);
    sqlite3_stmt *st = NULL;

    if (!c) {
        c = xcalloc(1, sizeof(*c));
        s->stmts = c;
    }
    for (i = 0; c && i < STMT_CACHE_SIZE; i++) {
        struct stmt_entry *e = &c->e[i];
        if (e->sql && !e->busy && e->hash == h && e->len == n && memcmp(e->sql, sql, n) == 0) {
            e->busy = 1;
            e->use = ++c->tick;
            return e->st;
        }
    }
    if (sqlite3_prepare_v3(s->db, sql, (int)n + 1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
        SQLITE_OK) {
        sqlite3_finalize(st);
        return NULL;
    }
    if (c && st)
        keep(c, h, sql, n, st);
    return st;
}

void sq_release(struct store *s, sqlite3_stmt *st)
{
    struct stmt_cache *c = s->stmts;
    size_t i;

    if (!st)
        return;
    for (i = 0; c && i < STMT_CACHE_SIZE; i++) {
        if (c->e[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            c->e[i].busy = 0;
            return;
        }
    }
    sqlite3_finalize(st);
}

void sq_stmts_free(struct store *s)
{
    size_t i;

    if (!s->stmts)
        return;
    for (i = 0; i < STMT_CACHE_SIZE; i++)
        entry_clear(&s->stmts->e[i]);
    xfree(s->stmts);
    s->stmts = NULL;
}
