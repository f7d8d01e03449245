/* SPDX-License-Identifier: MIT */
/*
 * One SQLite connection with khu's settings (WAL, foreign keys, busy
 * timeout), schema migrations, and small helpers shared by the store
 * modules. A struct store belongs to one thread at a time.
 */
#ifndef KHU_STORE_H
#define KHU_STORE_H

#include <sqlite3.h>

#include "core/err.h"

#define STORE_BUSY_TIMEOUT_MS 5000

enum store_mode {
    STORE_READ_ONLY,  /* the file must exist and be at the latest version */
    STORE_READ_WRITE, /* creates the file if missing and migrates it */
};

struct stmt_cache;

struct store {
    sqlite3 *db;
    char path[4096];
    struct stmt_cache *stmts; /* kept prepared statements (stmt_cache.c); owned */
};

/* API */

/* Opens path. In STORE_READ_WRITE mode creates and migrates the database to
 * MIGRATION_LATEST. Returns KHU_OK and sets *out (free with store_close), or
 * an error with a sentence in d. */
enum khu_err store_open(const char *path, enum store_mode mode, struct store **out,
                        struct khu_diag *d);

/* Closes the connection and frees s. NULL is a no-op. */
void store_close(struct store *s);

/* Migrates from the current PRAGMA user_version up to version (at most
 * MIGRATION_LATEST), one transaction per step. */
enum khu_err store_migrate(struct store *s, int version, struct khu_diag *d);

/* Returns PRAGMA user_version, or -1 on error. */
int store_version(struct store *s);

/* Runs sql (no results). On failure fills d with SQLite's message. */
enum khu_err store_exec(struct store *s, const char *sql, struct khu_diag *d);

/* Returns 1 if the database has no zones and no units. */
int store_is_empty(struct store *s);

/* Returns 1 if no table of the data model holds a row. */
int store_is_blank(struct store *s);

/* Returns a prepared statement for sql, reset and with no values bound:
 * one kept from an earlier call with the same text when there is one, else
 * a new one that is kept for later. Give it back with store_release before
 * the next request (a statement not released keeps its read transaction
 * open). Returns NULL on failure, with the message in sqlite3_errmsg. */
sqlite3_stmt *store_prepare(struct store *s, const char *sql);

/* Gives back a statement from store_prepare: resets it and clears its
 * bindings for the next use (or finalizes it when it was not kept). NULL
 * is a no-op. */
void store_release(struct store *s, sqlite3_stmt *st);

/* Finalizes the kept statements (store_close calls it). */
void store__stmts_free(struct store *s);

/* Writes a consistent copy of the database to dest with SQLite's online
 * backup API; safe while other connections read and write. */
enum khu_err store_backup(struct store *s, const char *dest, struct khu_diag *d);

#endif
