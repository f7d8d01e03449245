/* SPDX-License-Identifier: MIT */
/*
 * The server's checkpointer thread (see app_checkpointer.h).
 */
#include "app/app_checkpointer.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#include "core/xalloc.h"
#include "store/store.h"

struct app_checkpointer {
    struct store *s;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stopping;
};

static void *run(void *arg)
{
    struct app_checkpointer *c = arg;
    struct khu_diag d;
    struct timespec until;
    int stopping = 0, warned = 0;
    long frames = 0;

    while (!stopping) {
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += APP_CHECKPOINT_EVERY_MS * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_mutex_lock(&c->lock);
        while (!c->stopping && pthread_cond_timedwait(&c->wake, &c->lock, &until) != ETIMEDOUT)
            ;
        stopping = c->stopping;
        pthread_mutex_unlock(&c->lock);
        khu_diag_clear(&d);
        /* beside the writers; then, when the log has grown long, once more
         * in their turn, so that the next write starts it anew */
        if ((store_checkpoint(c->s, 0, &frames, NULL, &d) ||
             (frames > APP_CHECKPOINT_CATCH_UP && store_checkpoint(c->s, 1, NULL, NULL, &d))) &&
            !warned) {
            fprintf(stderr, "khu: the write-ahead log could not be copied: %s\n", d.message);
            warned = 1;
        }
    }
    return NULL;
}

struct app_checkpointer *app_checkpointer_start(const char *path)
{
    struct app_checkpointer *c = xcalloc(1, sizeof(*c));
    struct khu_diag d;

    if (!c)
        return NULL;
    khu_diag_clear(&d);
    if (store_open(path, STORE_READ_WRITE, &c->s, &d)) {
        xfree(c);
        return NULL;
    }
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->wake, NULL);
    if (pthread_create(&c->thread, NULL, run, c) != 0) {
        store_close(c->s);
        pthread_mutex_destroy(&c->lock);
        pthread_cond_destroy(&c->wake);
        xfree(c);
        return NULL;
    }
    return c;
}

void app_checkpointer_stop(struct app_checkpointer *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&c->lock);
    c->stopping = 1;
    pthread_cond_signal(&c->wake);
    pthread_mutex_unlock(&c->lock);
    pthread_join(c->thread, NULL);
    store_close(c->s);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->wake);
    xfree(c);
}
