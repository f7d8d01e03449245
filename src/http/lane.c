/* SPDX-License-Identifier: MIT */
/*
 * The slow lane: a few threads, apart from the pool threads that read and
 * write connections, that run the work of requests whose route says they
 * may take long (a PDF, an export of 100,000 rows, figures built over the
 * whole registry). A pool thread serves many connections one request at a
 * time; while it ran a 60 ms PDF, every other request on its connections
 * waited. Now it hands the work here and goes on.
 *
 * The lane is a bounded first-in first-out queue under one mutex. Its
 * threads run at a lower priority (nice +5) than the pool threads, so
 * that quick answers keep most of the processors while long work waits.
 * A job is a function and its argument; the lane owns neither.
 */
#include "http/http_int.h"

#include <errno.h>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/xalloc.h"

/* How much lower the lane's threads run than the pool threads. */
#define LANE_NICE 10

struct lane_job {
    void (*run)(void *);
    void *arg;
};

struct http__lane {
    pthread_mutex_t lock;
    pthread_cond_t ready; /* a job was queued, or stopping was set */
    struct lane_job *ring;
    unsigned cap, head, count;
    int stopping;
    unsigned nthreads;
    pthread_t *threads;
};

static void *lane_main(void *arg)
{
    struct http__lane *l = arg;
    struct lane_job job;

    /* Linux gives each thread its own nice value; failing to lower it
     * only costs the priority. */
    (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), LANE_NICE);
    for (;;) {
        pthread_mutex_lock(&l->lock);
        while (l->count == 0 && !l->stopping)
            pthread_cond_wait(&l->ready, &l->lock);
        if (l->count == 0) { /* stopping, and nothing left to run */
            pthread_mutex_unlock(&l->lock);
            return NULL;
        }
        job = l->ring[l->head];
        l->head = (l->head + 1) % l->cap;
        l->count--;
        pthread_mutex_unlock(&l->lock);
        job.run(job.arg);
    }
}

struct http__lane *http__lane_start(unsigned nthreads, unsigned queue_max)
{
    struct http__lane *l = xcalloc(1, sizeof(*l));

    if (!l)
        return NULL;
    l->cap = queue_max;
    l->ring = xcalloc(queue_max, sizeof(*l->ring));
    l->threads = xcalloc(nthreads, sizeof(*l->threads));
    if (!l->ring || !l->threads || pthread_mutex_init(&l->lock, NULL))
        goto fail;
    if (pthread_cond_init(&l->ready, NULL)) {
        pthread_mutex_destroy(&l->lock);
        goto fail;
    }
    for (; l->nthreads < nthreads; l->nthreads++) {
        if (pthread_create(&l->threads[l->nthreads], NULL, lane_main, l)) {
            http__lane_stop(l);
            return NULL;
        }
    }
    return l;
fail:
    xfree(l->ring);
    xfree(l->threads);
    xfree(l);
    return NULL;
}

int http__lane_push(struct http__lane *l, void (*run)(void *), void *arg)
{
    int rc = -1;

    pthread_mutex_lock(&l->lock);
    if (!l->stopping && l->count < l->cap) {
        l->ring[(l->head + l->count) % l->cap] = (struct lane_job){run, arg};
        l->count++;
        rc = 0;
        pthread_cond_signal(&l->ready);
    }
    pthread_mutex_unlock(&l->lock);
    return rc;
}

void http__lane_stop(struct http__lane *l)
{
    unsigned i;

    if (!l)
        return;
    pthread_mutex_lock(&l->lock);
    l->stopping = 1;
    pthread_cond_broadcast(&l->ready);
    pthread_mutex_unlock(&l->lock);
    for (i = 0; i < l->nthreads; i++)
        pthread_join(l->threads[i], NULL);
    pthread_cond_destroy(&l->ready);
    pthread_mutex_destroy(&l->lock);
    xfree(l->ring);
    xfree(l->threads);
    xfree(l);
}
