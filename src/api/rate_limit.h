/* SPDX-License-Identifier: MIT */
/*
 * Counting attempts or failures per key (an account, a client address) in
 * a fixed window, in a table of fixed size: what lets the sign-in refuse a
 * guesser and the inquiry form a flood with 429 and Retry-After. When the table is full a key that
 * no longer refuses anyone gives up its slot (the one whose window began longest ago); only when
 * every key refuses does the oldest.
 */
#ifndef KHU_API_RATE_LIMIT_H
#define KHU_API_RATE_LIMIT_H

#include <pthread.h>
#include <time.h>

#define RATE_SLOTS   1024
#define RATE_KEY_MAX 96

struct rate_slot {
    char key[RATE_KEY_MAX];
    time_t window_start;
    int count;
};

struct rate_limit {
    int max;      /* failures allowed in a window */
    int window_s; /* the window's length */
    pthread_mutex_t lock;
    struct rate_slot slot[RATE_SLOTS];
};

#define RATE_LIMIT_INIT(max_, window_)                                                             \
    {                                                                                              \
        .max = (max_), .window_s = (window_), .lock = PTHREAD_MUTEX_INITIALIZER                    \
    }

/* API */

/* Returns 0 when key may try now, else the seconds until it may. */
long rate_limit_wait(struct rate_limit *r, const char *key, time_t now);

/* Counts one failure of key at now. */
void rate_limit_fail(struct rate_limit *r, const char *key, time_t now);

/* In one step: returns the seconds key must wait, or 0 after counting one
 * attempt of key (give it back with rate_limit_refund when it holds). */
long rate_limit_take(struct rate_limit *r, const char *key, time_t now);

/* Takes back one failure counted for key (counted before the attempt,
 * which then succeeded). */
void rate_limit_refund(struct rate_limit *r, const char *key);

/* Forgets the failures of key (it succeeded). */
void rate_limit_clear(struct rate_limit *r, const char *key);

#endif
