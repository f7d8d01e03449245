/* SPDX-License-Identifier: MIT */
/*
 * Failures per key in a fixed window (see rate_limit.h).
 */
#include "api/rate_limit.h"

#include <stdio.h>
#include <string.h>

/* The slot of key, or NULL. Called with the lock held. */
static struct rate_slot *slot_of(struct rate_limit *r, const char *key)
{
    int i;

    for (i = 0; i < RATE_SLOTS; i++)
        if (r->slot[i].key[0] && strcmp(r->slot[i].key, key) == 0)
            return &r->slot[i];
    return NULL;
}

/* The seconds key must wait at now (0: none). Called with the lock held. */
static long wait_of(const struct rate_limit *r, const struct rate_slot *s, time_t now)
{
    if (s && now - s->window_start < r->window_s && s->count >= r->max)
        return r->window_s - (long)(now - s->window_start);
    return 0;
}

long rate_limit_wait(struct rate_limit *r, const char *key, time_t now)
{
    long wait;

    pthread_mutex_lock(&r->lock);
    wait = wait_of(r, slot_of(r, key), now);
    pthread_mutex_unlock(&r->lock);
    return wait;
}

/* The slot to count key in: its own, a free one, else the oldest that no
 * longer refuses anyone, else (the table is full of refused keys) the
 * oldest of all. Called with the lock held. */
static struct rate_slot *slot_for(struct rate_limit *r, const char *key, time_t now)
{
    struct rate_slot *s = slot_of(r, key), *free_slot = NULL, *idle = NULL, *oldest = &r->slot[0];
    int i;

    for (i = 0; !s && i < RATE_SLOTS && !free_slot; i++) {
        struct rate_slot *c = &r->slot[i];
        if (!c->key[0])
            free_slot = c;
        else if (!wait_of(r, c, now) && (!idle || c->window_start < idle->window_start))
            idle = c;
        if (c->window_start < oldest->window_start)
            oldest = c;
    }
    if (!s) {
        s = free_slot ? free_slot : idle ? idle : oldest;
        snprintf(s->key, sizeof(s->key), "%s", key);
        s->window_start = now;
        s->count = 0;
    }
    if (now - s->window_start >= r->window_s) {
        s->window_start = now;
        s->count = 0;
    }
    return s;
}

void rate_limit_fail(struct rate_limit *r, const char *key, time_t now)
{
    pthread_mutex_lock(&r->lock);
    slot_for(r, key, now)->count++;
    pthread_mutex_unlock(&r->lock);
}

long rate_limit_take(struct rate_limit *r, const char *key, time_t now)
{
    long wait;

    pthread_mutex_lock(&r->lock);
    wait = wait_of(r, slot_of(r, key), now);
    if (!wait)
        slot_for(r, key, now)->count++;
    pthread_mutex_unlock(&r->lock);
    return wait;
}

void rate_limit_clear(struct rate_limit *r, const char *key)
{
    struct rate_slot *s;

    pthread_mutex_lock(&r->lock);
    s = slot_of(r, key);
    if (s)
        memset(s, 0, sizeof(*s));
    pthread_mutex_unlock(&r->lock);
}

void rate_limit_refund(struct rate_limit *r, const char *key)
{
    struct rate_slot *s;

    pthread_mutex_lock(&r->lock);
    s = slot_of(r, key);
    if (s && s->count > 0)
        s->count--;
    pthread_mutex_unlock(&r->lock);
}
