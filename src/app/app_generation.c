/* SPDX-License-Identifier: MIT */
/*
 * The process's generation of the database (see app_generation.h).
 *
 * The rule. A process-wide number, the generation, counts the changes of
 * the database the process has noticed. A request, before it reads any
 * data, (1) reads the generation (before), (2) asks its own connection for
 * store_generation, which moves whenever any connection has committed since
 * this connection last asked, and moves the generation when it did, then
 * (3) reads the generation again (now). What is kept is served only under
 * `now` equal to its label; what a request builds is labelled `before` and
 * kept only while `before` is still current.
 *
 * Why that never serves data older than the database: take a commit C that
 * happened before a request R, and something K kept under R's `now`. K was
 * built by a request that read its label as `before`, so after the
 * generation last moved to that label (event M), and it read its data
 * after that. If C came before M, K contains C. If C came after M, then
 * some connection noticed C: R's own connection, at R or earlier (its
 * store_generation moved), or a connection asked for the first time (see
 * below); either moved the generation after C, so R's `now` is past K's
 * label. Contradiction: K contains C.
 *
 * A connection asked for the first time has no earlier answer to compare
 * with. Without a watch it counts as a change. With the watch (a
 * connection of the process used for nothing else) its store_generation is
 * read, under one lock, each time the generation moves, just before it
 * moves; a new connection counts as a change only when the watch's has
 * moved since. If it has not, no commit happened after the watch was last
 * read, which was before the generation last moved: every commit the new
 * connection can see came before M, as the argument above needs.
 */
#include "app/app_generation.h"

#include <pthread.h>
#include <stdatomic.h>

#include "app/app_changed_rows.h"

static atomic_ullong generation = 1;

static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store *watch;  /* NULL: a new connection always counts as a change */
static uint64_t watch_seen;  /* the watch's store_generation when the generation last moved */
static int watch_seen_valid; /* 0 until read, or after the watch could not be asked */

/* What this thread's connection last answered to store_generation. */
static _Thread_local struct store *seen_store;
static _Thread_local uint64_t seen_version;

/* Moves the generation, reading the watch first. Call with watch_lock. */
static void advance(void)
{
    uint64_t w;

    watch_seen_valid = watch && store_generation(watch, &w) == KHU_OK;
    if (watch_seen_valid)
        watch_seen = w;
    atomic_fetch_add(&generation, 1);
}

/* A connection this thread has not asked before: has the database changed
 * since the generation last moved? Call with watch_lock. */
static int changed_since_last_move(void)
{
    uint64_t w;

    if (!watch || !watch_seen_valid)
        return 1;
    return store_generation(watch, &w) != KHU_OK || w != watch_seen;
}

enum khu_err app_generation_read(struct store *s, struct app_generation *g)
{
    uint64_t v;
    enum khu_err err;

    g->before = atomic_load(&generation);
    err = store_generation(s, &v);
    if (err)
        return err;
    g->db = v;
    app_changed_rows_follow(s, v);
    if (seen_store != s || seen_version != v) {
        pthread_mutex_lock(&watch_lock);
        if (seen_store == s || changed_since_last_move())
            advance();
        pthread_mutex_unlock(&watch_lock);
        seen_store = s;
        seen_version = v;
    }
    g->now = atomic_load(&generation);
    return KHU_OK;
}

int app_generation_current(uint64_t gen)
{
    return atomic_load(&generation) == gen;
}

void app_generation_watch(struct store *w)
{
    pthread_mutex_lock(&watch_lock);
    watch = w;
    advance(); /* the watch's first reading; everything kept so far is dropped */
    pthread_mutex_unlock(&watch_lock);
}
