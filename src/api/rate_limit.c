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

long rate_limit_wait(struct rate_limit *r, const char *key, time_t now)
{
    struct rate_slot *s;
    long wait = 0;

    pthread_mutex_lock(&r->lock);
    s = slot_of(r, key);
    if (s && now - s->window_start < r->window_s && s->count >= r->max)
        wait = r->window_s - (long)(now - s->window_start);
    pthread_mutex_unlock(&r->lock);
    return wait;
}

void rate_limit_fail(struct rate_limit *r, const char *key, time_t now)
{
    struct rate_slot *s;
    int i;

    pthread_mutex_lock(&r->lock);
    s = slot_of(r, key);
    if (!s) {
        /* a free slot, else the oldest that no longer refuses anyone, else
         * (the table is full of refused keys) the oldest of all */
        struct rate_slot *free_slot = NULL, *idle = NULL, *oldest = &r->slot[0];
        for (i = 0; i < RATE_SLOTS && !free_slot; i++) {
            struct rate_slot *c = &r->slot[i];
            int refusing = now - c->window_start < r->window_s && c->count >= r->max;
            if (!c->key[0])
                free_slot = c;
            else if (!refusing && (!idle || c->window_start < idle->window_start))
                idle = c;
            if (c->window_start < oldest->window_start)
                oldest = c;
        }
        s = free_slot ? free_slot : idle ? idle : oldest;
        snprintf(s->key, sizeof(s->key), "%s", key);
        s->window_start = now;
        s->count = 0;
    }
    if (now - s->window_start >= r->window_s) {
        s->window_start = now;
        s->count = 0;
    }
    s->count++;
    pthread_mutex_unlock(&r->lock);
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
