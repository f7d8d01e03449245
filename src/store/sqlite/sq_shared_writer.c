/* SPDX-License-Identifier: MIT */
/*
 * The one write connection that the stores of a process can share
 * (store_share_writes). The server keeps a connection per thread; SQLite
 * drops a connection's page cache whenever another connection has written
 * since its last transaction, so with a connection per thread every write
 * began by reading again, from the log, the pages the write before it had
 * changed. A write transaction of a sharing store runs on this connection
 * instead: it is used only in the writers' turn (sq_write.c), one writer at
 * a time, and its cache stays warm from one write to the next.
 *
 * The writes queued for the connection are saved together (group
 * commit): the first write in the queue leads; once it has the writers'
 * turn it takes every write queued by then (SQ_GROUP_MAX at most) and runs
 * them in one transaction, each inside its own savepoint, so that a write
 * that fails is undone alone, and one commit saves the rest. Each writer
 * is answered only after that commit. Sixteen writers used to pay sixteen
 * commits, each writing the same pages of the log again and each making
 * every reader drop its cache; now they share one.
 *
 * This file owns the list of shared connections, one per database file,
 * each opened by the first store that shares it and closed with the last,
 * and the queue of writes of each.
 */
#include "store/sqlite/sq.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"

#define SQ_GROUP_MAX 32 /* writes saved by one commit at most */

/* A write waiting in the queue; it lives on its writer's stack. */
struct sq_job {
    const struct store_actor *actor;
    store_write_fn fn;
    void *arg;
    struct khu_diag *d;
    int busy_timeout_ms;
    enum khu_err err;
    int done;            /* err is its answer */
    pthread_cond_t wake; /* signalled when done, or when it leads */
    struct sq_job *next;
};

struct sq_shared_writer {
    char path[sizeof(((struct store *)0)->path)];
    struct store *w; /* owned */
    int users;       /* the stores sharing it */
    struct sq_shared_writer *next;
    pthread_mutex_t queue_lock; /* guards the queue and the counts */
    struct sq_job *head, **tail;
    long queued;          /* writes in the queue now */
    unsigned long groups; /* transactions run for the queue so far */
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sq_shared_writer *registry;

enum khu_err store_share_writes(struct store *s, struct khu_diag *d)
{
    struct sq_shared_writer *sh;
    enum khu_err err = KHU_OK;

    if (s->shared)
        return KHU_OK;
    if (sqlite3_db_readonly(s->db, "main") == 1) {
        khu_diag_set(d, 0, 0, NULL, "a read-only connection has no writes to share");
        return KHU_EINVAL;
    }
    pthread_mutex_lock(&registry_lock);
    for (sh = registry; sh && strcmp(sh->path, s->path) != 0; sh = sh->next)
        ;
    if (!sh) {
        sh = xcalloc(1, sizeof(*sh));
        err = sh ? KHU_OK : KHU_ENOMEM;
        if (!err) {
            pthread_mutex_init(&sh->queue_lock, NULL);
            sh->tail = &sh->head;
        }
        if (!err)
            err = store_open(s->path, STORE_READ_WRITE, &sh->w, d);
        if (err && sh) {
            pthread_mutex_destroy(&sh->queue_lock);
            xfree(sh);
            sh = NULL;
        } else {
            snprintf(sh->path, sizeof(sh->path), "%s", s->path);
            store_set_self_checkpoint(sh->w, s->self_checkpoint);
            store_set_busy_timeout(sh->w, s->busy_timeout_ms);
            sh->next = registry;
            registry = sh;
        }
    }
    if (sh) {
        sh->users++;
        s->shared = sh;
    }
    pthread_mutex_unlock(&registry_lock);
    return err;
}

struct store *sq_writer_of(struct store *s)
{
    return s->shared ? s->shared->w : s;
}

void sq_shared_writer_leave(struct store *s)
{
    struct sq_shared_writer **p, *sh = s->shared;

    if (!sh)
        return;
    s->shared = NULL;
    pthread_mutex_lock(&registry_lock);
    if (--sh->users == 0) {
        for (p = &registry; *p && *p != sh; p = &(*p)->next)
            ;
        if (*p)
            *p = sh->next;
    } else {
        sh = NULL;
    }
    pthread_mutex_unlock(&registry_lock);
    if (sh) {
        store_close(sh->w);
        pthread_mutex_destroy(&sh->queue_lock);
        xfree(sh);
    }
}

/* Runs the writes of batch[0..n) on w, inside the writers' turn, in one
 * transaction. Sets each one's err (and its diag). Returns how many it
 * ran: n, or fewer when SQLite ended the transaction itself (a full disk,
 * an I/O error), which also took the writes before with it. */
static size_t run_group(struct store *w, struct sq_job **batch, size_t n)
{
    struct store_tx tx = {.s = w, .caller = w};
    size_t i, j, ran = n;
    int rc = sqlite3_exec(w->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

    if (rc != SQLITE_OK) {
        for (i = 0; i < n; i++)
            batch[i]->err = sq_error(w, rc, "starting the write", batch[i]->d);
        return n;
    }
    w->tx = &tx;
    for (i = 0; i < n; i++) {
        struct sq_job *job = batch[i];
        tx.actor = *job->actor;
        tx.changes_at_begin = sqlite3_total_changes64(w->db);
        tx.changes_audited = -1;
        rc = sqlite3_exec(w->db, "SAVEPOINT one_write", NULL, NULL, NULL);
        job->err = rc == SQLITE_OK ? job->fn(&tx, job->arg, job->d)
                                   : sq_error(w, rc, "starting the write", job->d);
        if (!job->err && sq_tx_unaudited(&tx)) {
            sq_tx_refuse_unaudited(job->d);
            job->err = KHU_EDB;
        }
        if (sqlite3_get_autocommit(w->db)) { /* SQLite rolled it all back */
            if (!job->err) {
                khu_diag_set(job->d, 0, 0, NULL, "the write was undone by the database");
                job->err = KHU_EDB;
            }
            for (j = 0; j < i; j++)
                if (!batch[j]->err) {
                    khu_diag_set(batch[j]->d, 0, 0, NULL,
                                 "the write was undone with another that failed beside it: "
                                 "%s",
                                 job->d->message);
                    batch[j]->err = KHU_EDB;
                }
            ran = i + 1;
            goto out;
        }
        if (job->err) {
            sqlite3_exec(w->db, "ROLLBACK TO one_write", NULL, NULL, NULL);
            sq_forget_generation(w);
        }
        sqlite3_exec(w->db, "RELEASE one_write", NULL, NULL, NULL);
    }
    rc = sqlite3_exec(w->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        for (i = 0; i < n; i++)
            if (!batch[i]->err)
                batch[i]->err = sq_error(w, rc, "saving the write", batch[i]->d);
        if (!sqlite3_get_autocommit(w->db))
            sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
    }
out:
    if (ran < n || rc != SQLITE_OK)
        sq_forget_generation(w);
    w->tx = NULL;
    return ran;
}

/* Answers the first n writes of the queue of sh and takes them out of it;
 * wakes the write first in it then, which leads next. Call with the queue
 * locked. */
static void answer(struct sq_shared_writer *sh, size_t n)
{
    while (n-- && sh->head) {
        struct sq_job *job = sh->head;
        sh->head = job->next;
        if (!sh->head)
            sh->tail = &sh->head;
        sh->queued--;
        job->done = 1;
        pthread_cond_signal(&job->wake);
    }
    if (sh->head)
        pthread_cond_signal(&sh->head->wake);
}

/* Leads the queue of sh, with job first in it: takes the writers' turn,
 * then the writes queued by then, and runs them. Call with the queue
 * locked; it is locked again on return. */
static void lead(struct sq_shared_writer *sh, struct sq_job *job)
{
    struct sq_job *batch[SQ_GROUP_MAX], *j;
    size_t n = 0, ran;
    int turn;

    pthread_mutex_unlock(&sh->queue_lock);
    turn = sq_turn_take(job->busy_timeout_ms);
    pthread_mutex_lock(&sh->queue_lock);
    if (turn) { /* everyone queued has waited about as long */
        for (j = sh->head; j; j = j->next) {
            khu_diag_set(j->d, 0, 0, NULL,
                         "starting the write failed: the database is busy with another write");
            j->err = KHU_EBUSY;
            n++;
        }
        answer(sh, n);
        return;
    }
    for (j = sh->head; j && n < SQ_GROUP_MAX; j = j->next)
        batch[n++] = j;
    sh->groups++;
    pthread_mutex_unlock(&sh->queue_lock);
    ran = run_group(sh->w, batch, n);
    sq_turn_give();
    pthread_mutex_lock(&sh->queue_lock);
    answer(sh, ran);
}

enum khu_err sq_shared_write(struct store *s, const struct store_actor *actor, store_write_fn fn,
                             void *arg, struct khu_diag *d)
{
    struct sq_shared_writer *sh = s->shared;
    struct sq_job job = {
        .actor = actor, .fn = fn, .arg = arg, .d = d, .busy_timeout_ms = s->busy_timeout_ms};
    enum khu_err err = sq_tx_may_begin(s, actor, d);

    if (err)
        return err;
    pthread_cond_init(&job.wake, NULL);
    pthread_mutex_lock(&sh->queue_lock);
    *sh->tail = &job;
    sh->tail = &job.next;
    sh->queued++;
    while (!job.done) {
        if (sh->head == &job)
            lead(sh, &job);
        else
            pthread_cond_wait(&job.wake, &sh->queue_lock);
    }
    pthread_mutex_unlock(&sh->queue_lock);
    pthread_cond_destroy(&job.wake);
    return job.err;
}

long sq_shared_queued(struct store *s)
{
    long n = 0;

    if (s->shared) {
        pthread_mutex_lock(&s->shared->queue_lock);
        n = s->shared->queued;
        pthread_mutex_unlock(&s->shared->queue_lock);
    }
    return n;
}

unsigned long sq_shared_groups(struct store *s)
{
    unsigned long n = 0;

    if (s->shared) {
        pthread_mutex_lock(&s->shared->queue_lock);
        n = s->shared->groups;
        pthread_mutex_unlock(&s->shared->queue_lock);
    }
    return n;
}
