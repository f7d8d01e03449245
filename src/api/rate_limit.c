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
        s = &r->slot[0];
        for (i = 1; i < RATE_SLOTS && s->key[0]; i++)
            if (!r->slot[i].key[0] || r->slot[i].window_start < s->window_start)
                s = &r->slot[i];
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
