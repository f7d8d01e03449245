/* SPDX-License-Identifier: MIT */
/*
 * The last use of each session (see session_idle.h): a table of
 * SLOTS_PER_SET-way sets addressed by the digest's first 16 hex digits.
 * When a set is full its least recently used slot is reused; the session
 * it held then counts as unseen (idle since it began or since the
 * process started), which may give it more time, but never past its
 * absolute end.
 */
#include "api/session_idle.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SETS          1024
#define SLOTS_PER_SET 8

struct slot {
    uint64_t key; /* 0: empty */
    int64_t last_ms;
};

static struct slot table[SETS][SLOTS_PER_SET];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int64_t started_ms;

static uint64_t key_of(const char *digest)
{
    char head[17];
    uint64_t k;

    memcpy(head, digest, 16);
    head[16] = '\0';
    k = strtoull(head, NULL, 16);
    return k ? k : 1;
}

static int64_t process_start(int64_t now_ms)
{
    if (!started_ms)
        started_ms = now_ms;
    return started_ms;
}

/* The slot of key in its set, or the one to reuse for it (*found 0). */
static struct slot *find(uint64_t key, int *found)
{
    struct slot *set = table[key % SETS], *oldest = &set[0];
    int i;

    for (i = 0; i < SLOTS_PER_SET; i++) {
        if (set[i].key == key) {
            *found = 1;
            return &set[i];
        }
        if (set[i].last_ms < oldest->last_ms)
            oldest = &set[i];
    }
    *found = 0;
    return oldest;
}

int api_session_fresh(const char *digest, int64_t created_ms, int64_t now_ms, int64_t idle_ms)
{
    uint64_t key = key_of(digest);
    struct slot *s;
    int64_t last;
    int found, fresh;

    pthread_mutex_lock(&lock);
    s = find(key, &found);
    last = found ? s->last_ms : created_ms;
    if (!found && last < process_start(now_ms))
        last = started_ms;
    fresh = now_ms - last < idle_ms;
    if (fresh) { /* its own slot, or the one it takes over */
        s->key = key;
        s->last_ms = now_ms;
    } else if (found) {
        s->key = 0;
        s->last_ms = 0;
    }
    pthread_mutex_unlock(&lock);
    return fresh;
}

void api_session_forget(const char *digest)
{
    uint64_t key = key_of(digest);
    struct slot *s;
    int found;

    pthread_mutex_lock(&lock);
    s = find(key, &found);
    if (found) {
        s->key = 0;
        s->last_ms = 0;
    }
    pthread_mutex_unlock(&lock);
}
