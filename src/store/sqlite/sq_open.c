/* SPDX-License-Identifier: MIT */
/*
 * The SQLite backend's connection: opening and configuring it (WAL,
 * foreign keys, busy timeout), schema migrations, the database's change
 * generation, online backup, and the one write path (BEGIN IMMEDIATE with
 * the actor, COMMIT or ROLLBACK).
 */
#include "store/sqlite/sq.h"
#include "store/sqlite/sq_list.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite/migrations.h"

static const char connection_setup[] = "PRAGMA journal_mode=WAL;"
                                       "PRAGMA synchronous=NORMAL;"
                                       "PRAGMA foreign_keys=ON;"
                                       "PRAGMA temp_store=MEMORY;"
                                       "PRAGMA cache_size=-16000;"
                                       /* the log shrinks back after a busy spell */
                                       "PRAGMA journal_size_limit=67108864;";

/* Read-only connections (one per server thread): foreign keys as
 * everywhere, a page cache for what the mapping does not cover, and the
 * database file read through a memory mapping of up to 1 GiB: a page is
 * read in place, with no system call and no copy into a private cache per
 * thread (many different queries touch more pages than a private cache
 * keeps: 15-40% more lists a second at national scale). The mapped pages
 * are the operating system's page cache, shared and reclaimable; they show
 * in the process's RSS as file pages (RssFile), not its own (RssAnon). */
static const char reader_setup[] = "PRAGMA foreign_keys=ON;"
                                   "PRAGMA cache_size=-8000;"
                                   "PRAGMA mmap_size=1073741824;";

static pthread_once_t global_once = PTHREAD_ONCE_INIT;

/* Process-wide SQLite settings, made before the first connection opens
 * (sqlite3_config refuses them afterwards, which is harmless): no memory
 * statistics, which would take a global mutex around every allocation
 * SQLite makes and serialise the server's threads on it. */
static void global_setup(void)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_latest_version(void)
{
    return MIGRATION_LATEST;
}

const char *store_engine(void)
{
    static char name[32];

    if (!name[0])
        snprintf(name, sizeof(name), "SQLite %s", sqlite3_libversion());
    return name;
}

int store_version(struct store *s)
{
    sqlite3_stmt *st = NULL;
    int v = -1;

    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Who is told of the migrations, and what of. */
struct migration_watch {
    store_migration_fn fn;
    void *arg;
    struct store_migration m;
};

static void tell(struct migration_watch *w, enum store_migration_step step)
{
    if (!w || !w->fn)
        return;
    w->m.step = step;
    w->fn(w->arg, &w->m);
}

/* sqlite3_progress_handler's callback: 0 lets the work go on. */
static int still_working(void *arg)
{
    tell(arg, STORE_MIGRATION_WORKING);
    return 0;
}

/* Moves the schema version on, so that every connection reads the schema
 * anew: a migration may edit a statement of the schema in place (see
 * migration 9), which SQLite does not count as a change. */
static enum khu_err bump_schema_version(struct store *s, struct khu_diag *d)
{
    sqlite3_stmt *st = NULL;
    char pragma[64];
    long long v = -1;

    if (sqlite3_prepare_v2(s->db, "PRAGMA schema_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (v < 0)
        return sq_error(s, sqlite3_errcode(s->db), "reading the schema version", d);
    snprintf(pragma, sizeof(pragma), "PRAGMA schema_version=%lld", v + 1);
    return sq_exec(s, pragma, d);
}

static enum khu_err migrate_step(struct store *s, int version, struct migration_watch *w,
                                 struct khu_diag *d)
{
    char pragma[64];
    enum khu_err err;

    if (w) {
        w->m.version = version;
        w->m.about = migration_about(version);
    }
    tell(w, STORE_MIGRATION_START);
    err = sq_exec(s, "BEGIN IMMEDIATE", d);
    if (err)
        return err;
    if (w && w->fn)
        sqlite3_progress_handler(s->db, STORE_MIGRATION_TICK, still_working, w);
    snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", version);
    err = sq_exec(s, migration_sql(version), d);
    if (!err)
        err = bump_schema_version(s, d);
    if (!err)
        err = sq_exec(s, pragma, d);
    if (!err)
        err = sq_exec(s, "COMMIT", d);
    sqlite3_progress_handler(s->db, 0, NULL, NULL);
    if (err)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    else
        tell(w, STORE_MIGRATION_DONE);
    return err;
}

static enum khu_err migrate(struct store *s, int version, struct migration_watch *w,
                            struct khu_diag *d)
{
    int v = store_version(s);
    enum khu_err err = KHU_OK;

    if (v < 0) {
        khu_diag_set(d, 0, 0, NULL, "cannot read the schema version of the database");
        return KHU_EDB;
    }
    if (v > MIGRATION_LATEST) {
        khu_diag_set(d, 0, 0, NULL,
                     "the database has schema version %d, newer than this khu knows (%d);"
                     " upgrade khu",
                     v, MIGRATION_LATEST);
        return KHU_EINVAL;
    }
    if (w) {
        w->m.from = v;
        w->m.latest = MIGRATION_LATEST;
    }
    while (!err && v < version && v < MIGRATION_LATEST)
        err = migrate_step(s, ++v, w, d);
    return err;
}

enum khu_err store_migrate(struct store *s, int version, struct khu_diag *d)
{
    return migrate(s, version, NULL, d);
}

static enum khu_err check_version(struct store *s, struct khu_diag *d)
{
    int v = store_version(s);

    if (v == MIGRATION_LATEST)
        return KHU_OK;
    khu_diag_set(d, 0, 0, NULL,
                 "the database has schema version %d, this khu reads %d: open it for writing once"
                 " (khu serve or khu import) to upgrade it",
                 v, MIGRATION_LATEST);
    return KHU_EINVAL;
}

enum khu_err store_open(const char *path, enum store_mode mode, struct store **out,
                        struct khu_diag *d)
{
    return store_open_with(path, mode, NULL, NULL, out, d);
}

enum khu_err store_open_with(const char *path, enum store_mode mode, store_migration_fn fn,
                             void *arg, struct store **out, struct khu_diag *d)
{
    struct migration_watch watch = {fn, arg, {STORE_MIGRATION_START, 0, 0, 0, ""}};
    struct store *s;
    int flags = SQLITE_OPEN_NOMUTEX;
    enum khu_err err;

    *out = NULL;
    pthread_once(&global_once, global_setup);
    s = xcalloc(1, sizeof(*s));
    if (!s)
        return KHU_ENOMEM;
    snprintf(s->path, sizeof(s->path), "%s", path);
    flags |=
        mode == STORE_READ_ONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        khu_diag_set(d, 0, 0, NULL, "cannot open the database: %s",
                     s->db ? sqlite3_errmsg(s->db) : "out of memory");
        err = s->db ? KHU_EIO : KHU_ENOMEM;
        goto fail;
    }
    store_set_busy_timeout(s, STORE_BUSY_TIMEOUT_MS);
    s->self_checkpoint = 1;
    sqlite3_extended_result_codes(s->db, 1);
    /* no double-quoted string literals: they are identifiers in SQL */
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
    sqlite3_db_config(s->db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
    err = sq_exec(s, mode == STORE_READ_ONLY ? reader_setup : connection_setup, d);
    if (!err)
        err =
            mode == STORE_READ_ONLY ? check_version(s, d) : migrate(s, MIGRATION_LATEST, &watch, d);
    if (err)
        goto fail;
    *out = s;
    return KHU_OK;
fail:
    store_close(s);
    return err;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    store_tx_rollback(s->tx);
    sq_shared_writer_leave(s);
    sq_scope_free(s);
    sq_search_free(s);
    sq_list_mem_free(s);
    sq_stmts_free(s);
    sqlite3_close_v2(s->db);
    xfree(s);
}

static int single_int(struct store *s, const char *sql, int fallback)
{
    sqlite3_stmt *st = sq_prepare(s, sql);
    int v = fallback;

    if (st && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sq_release(s, st);
    return v;
}

int store_is_empty(struct store *s)
{
    return single_int(s,
                      "SELECT NOT EXISTS (SELECT 1 FROM zones) AND"
                      " NOT EXISTS (SELECT 1 FROM units)",
                      0);
}

int store_is_blank(struct store *s)
{
    static const char sql[] = "SELECT (SELECT count(*) FROM (SELECT 1 FROM units LIMIT 1)) +"
                              " (SELECT count(*) FROM (SELECT 1 FROM sectors LIMIT 1)) +"
                              " (SELECT count(*) FROM (SELECT 1 FROM zones LIMIT 1)) +"
                              " (SELECT count(*) FROM (SELECT 1 FROM enterprises LIMIT 1)) +"
                              " (SELECT count(*) FROM (SELECT 1 FROM projects LIMIT 1)) +"
                              " (SELECT count(*) FROM (SELECT 1 FROM targets LIMIT 1)) +"
                              " (SELECT count(*) FROM (SELECT 1 FROM partners LIMIT 1)) +"
                              " (SELECT count(*) FROM (SELECT 1 FROM leads LIMIT 1))";

    return single_int(s, sql, 1) == 0;
}

/* The generation is the counter of writes to the data model
 * (data_generation, moved by sq_audit_append). Reading it takes a read of
 * its table, so it is read again only when something was committed since
 * the last call: PRAGMA data_version moves when another connection has
 * committed, SQLite's total_changes when this one has. A commit that
 * touched only accounts, sessions or the trail leaves the counter, and so
 * every answer kept under it, as it was. */
enum khu_err store_generation(struct store *s, uint64_t *gen)
{
    sqlite3_stmt *st = sq_prepare(s, "PRAGMA data_version");
    int64_t version, changes = sqlite3_total_changes64(s->db);
    enum khu_err err = KHU_EDB;

    if (!st || sqlite3_step(st) != SQLITE_ROW) {
        sq_release(s, st);
        return KHU_EDB;
    }
    version = sqlite3_column_int64(st, 0);
    sq_release(s, st);
    if (s->gen_known && version == s->gen_data_version && changes == s->gen_total_changes) {
        *gen = s->gen;
        return KHU_OK;
    }
    st = sq_prepare(s, "SELECT n FROM data_generation WHERE id = 1");
    if (st && sqlite3_step(st) == SQLITE_ROW) {
        s->gen = (uint64_t)sqlite3_column_int64(st, 0);
        s->gen_data_version = version;
        s->gen_total_changes = changes;
        s->gen_known = 1;
        *gen = s->gen;
        err = KHU_OK;
    }
    sq_release(s, st);
    return err;
}

void sq_forget_generation(struct store *s)
{
    s->gen_known = 0;
    sq_scope_free(s);
    sq_search_free(s);
    sq_list_mem_free(s);
}

enum khu_err store_backup(struct store *s, const char *dest, struct khu_diag *d)
{
    sqlite3 *to = NULL;
    sqlite3_backup *b;
    int rc;

    rc = sqlite3_open_v2(dest, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK)
        goto out;
    b = sqlite3_backup_init(to, "main", s->db, "main");
    if (!b) {
        rc = sqlite3_errcode(to);
        goto out;
    }
    do {
        rc = sqlite3_backup_step(b, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    rc = rc == SQLITE_DONE ? sqlite3_errcode(to) : rc;
out:
    if (rc != SQLITE_OK)
        khu_diag_set(d, 0, 0, NULL, "backup to %s failed: %s", dest,
                     to ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
    sqlite3_close_v2(to);
    return rc == SQLITE_OK ? KHU_OK : KHU_EIO;
}
