/* SPDX-License-Identifier: MIT */
/*
 * The one write path of the SQLite backend: a write transaction begins
 * with BEGIN IMMEDIATE (so it takes the write lock before it reads, and a
 * second writer waits up to the busy timeout instead of failing half-way),
 * carries its actor, and ends with COMMIT or ROLLBACK. Every write of khu
 * runs inside one. Each write use case appends its audit record in the
 * same transaction (sq_audit_append, audit.c); the commit here refuses a
 * transaction that changed rows after its last record, so that no write
 * can skip the trail.
 */
#include "store/sqlite/sq.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/xalloc.h"

void store_actor_set(struct store_actor *a, const char *name, const char *address)
{
    snprintf(a->name, sizeof(a->name), "%s", name ? name : "");
    snprintf(a->address, sizeof(a->address), "%s", address ? address : "");
}

void store_set_busy_timeout(struct store *s, int ms)
{
    s->busy_timeout_ms = ms < 0 ? 0 : ms;
    sqlite3_busy_timeout(s->db, s->busy_timeout_ms);
}

/* The writers of this process take turns here before they ask SQLite for
 * the write lock. SQLite's own wait for a busy lock sleeps in growing
 * steps (up to 100 ms) and wakes to try again; with sixteen connections
 * writing, half the writes slept, and one in a hundred waited 425 ms. On
 * this mutex a writer wakes the moment the one before it is done. Another
 * process (khu import) still meets the busy timeout. */
static pthread_mutex_t writers = PTHREAD_MUTEX_INITIALIZER;

int sq_turn_take(int ms)
{
    struct timespec until;

    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    return pthread_mutex_timedlock(&writers, &until) == 0 ? 0 : -1;
}

void sq_turn_give(void)
{
    pthread_mutex_unlock(&writers);
}

enum khu_err sq_tx_may_begin(struct store *s, const struct store_actor *actor, struct khu_diag *d)
{
    if (s->tx) {
        khu_diag_set(d, 0, 0, NULL, "a write is already under way on this connection");
        return KHU_ECONFLICT;
    }
    if (!sqlite3_get_autocommit(s->db)) {
        khu_diag_set(d, 0, 0, NULL, "a write cannot begin inside a read snapshot");
        return KHU_ECONFLICT;
    }
    if (!actor || !actor->name[0]) {
        khu_diag_set(d, 0, 0, NULL, "a write needs an actor");
        return KHU_EINVAL;
    }
    return KHU_OK;
}

enum khu_err store_tx_begin(struct store *s, const struct store_actor *actor, struct store_tx **out,
                            struct khu_diag *d)
{
    struct store *w = sq_writer_of(s);
    struct store_tx *tx;
    enum khu_err err;
    int rc;

    *out = NULL;
    err = sq_tx_may_begin(s, actor, d);
    if (err)
        return err;
    tx = xcalloc(1, sizeof(*tx));
    if (!tx)
        return KHU_ENOMEM;
    if (sq_turn_take(s->busy_timeout_ms)) {
        xfree(tx);
        khu_diag_set(d, 0, 0, NULL,
                     "starting the write failed: the database is busy with another "
                     "write");
        return KHU_EBUSY;
    }
    rc = sqlite3_exec(w->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        sq_turn_give();
        xfree(tx);
        return sq_error(w, rc, "starting the write", d);
    }
    tx->s = w;
    tx->caller = s;
    tx->actor = *actor;
    tx->changes_at_begin = sqlite3_total_changes64(w->db);
    tx->changes_audited = -1;
    s->tx = w->tx = tx;
    *out = tx;
    return KHU_OK;
}

static void tx_end(struct store_tx *tx)
{
    tx->caller->tx = tx->s->tx = NULL;
    xfree(tx);
    sq_turn_give();
}

int sq_tx_unaudited(const struct store_tx *tx)
{
    int64_t now = sqlite3_total_changes64(tx->s->db);

    return now != tx->changes_at_begin && now != tx->changes_audited;
}

void sq_tx_refuse_unaudited(struct khu_diag *d)
{
    khu_diag_set(d, 0, 0, NULL,
                 "a write changed rows without recording them in the audit trail; nothing "
                 "was saved");
    fprintf(stderr, "khu: store: refused to commit a write without its audit record\n");
}

enum khu_err store_tx_commit(struct store_tx *tx, struct khu_diag *d)
{
    struct store *s = tx->s;
    enum khu_err err = KHU_OK;
    int rc;

    if (sq_tx_unaudited(tx)) {
        sq_tx_refuse_unaudited(d);
        store_tx_rollback(tx);
        return KHU_EDB;
    }
    rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        err = sq_error(s, rc, "saving the write", d);
        if (!sqlite3_get_autocommit(s->db))
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        sq_forget_generation(s);
    }
    tx_end(tx);
    return err;
}

void store_tx_rollback(struct store_tx *tx)
{
    if (!tx)
        return;
    if (!sqlite3_get_autocommit(tx->s->db))
        sqlite3_exec(tx->s->db, "ROLLBACK", NULL, NULL, NULL);
    sq_forget_generation(tx->s);
    tx_end(tx);
}

struct store *store_tx_store(struct store_tx *tx)
{
    return tx->s;
}

const struct store_actor *store_tx_actor(const struct store_tx *tx)
{
    return &tx->actor;
}

enum khu_err store_write(struct store *s, const struct store_actor *actor, store_write_fn fn,
                         void *arg, struct khu_diag *d)
{
    struct store_tx *tx;
    enum khu_err err;

    if (s->shared)
        return sq_shared_write(s, actor, fn, arg, d);
    err = store_tx_begin(s, actor, &tx, d);
    if (err)
        return err;
    err = fn(tx, arg, d);
    if (err) {
        store_tx_rollback(tx);
        return err;
    }
    return store_tx_commit(tx, d);
}

enum khu_err sq_mark_updated(struct store_tx *tx, const char *table, struct khu_diag *d)
{
    static const char sql[] =
        "INSERT INTO dataset_updates (name, updated_at, updated_by) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at,"
        " updated_by = excluded.updated_by";
    struct store *s = tx->s;
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    sqlite3_stmt *st;
    int rc;

    if (!gmtime_r(&t, &tm) || !strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm))
        return KHU_EIO;
    st = sq_prepare(s, sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the dates of change", d);
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, now, -1, SQLITE_TRANSIENT);
    if (tx->actor.name[0])
        sqlite3_bind_text(st, 3, tx->actor.name, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st);
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "the dates of change", d);
}

void store_set_self_checkpoint(struct store *s, int on)
{
    s->self_checkpoint = on;
    sqlite3_wal_autocheckpoint(s->db, on ? 1000 : 0);
}

enum khu_err store_checkpoint(struct store *s, int catch_up, long *frames, long *copied,
                              struct khu_diag *d)
{
    int log = 0, done = 0, rc;

    if (catch_up && sq_turn_take(s->busy_timeout_ms) == 0) {
        rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
        sq_turn_give();
    } else {
        rc = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
    }

    if (frames)
        *frames = log;
    if (copied)
        *copied = done;
    if (rc == SQLITE_OK || rc == SQLITE_BUSY) /* busy: another checkpoint is under way */
        return KHU_OK;
    return sq_error(s, rc, "copying the log into the database", d);
}
