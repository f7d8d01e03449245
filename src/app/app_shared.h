/* SPDX-License-Identifier: MIT */
/*
 * A value built from the whole database (the site finder's zones, the
 * linkage desk's suppliers and demands), loaded once and shared by the
 * requests that follow while the database is unchanged, and never older
 * than the database: the rule of app/app_generation.h. A slot holds the
 * current value; a request acquires it (loading a new one when the
 * database moved) and releases it when done; the last release frees it.
 */
#ifndef KHU_APP_SHARED_H
#define KHU_APP_SHARED_H

#include <pthread.h>
#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

/* The head of a shared value: the value's struct starts with it. */
struct app_shared {
    uint64_t gen; /* the generation it was loaded in (set by app_shared_acquire) */
    long size;    /* its size in the loader's own unit (zones, suppliers) */
    int refs;     /* requests using it, plus one while it is the current one */
    void (*free)(struct app_shared *v);
};

/* Where the current value of one kind lives. */
struct app_shared_slot {
    pthread_mutex_t lock;
    struct app_shared *current;
};

#define APP_SHARED_SLOT_INIT                                                                       \
    {                                                                                              \
        PTHREAD_MUTEX_INITIALIZER, NULL                                                            \
    }

/* Builds a value from what s reads now; returns KHU_OK with *out set (its
 * free and size filled, refs 0), or the error with d filled. */
typedef enum khu_err (*app_shared_load_fn)(struct store *s, struct app_shared **out,
                                           struct khu_diag *d);

/* API */

/* Sets *out to a value no older than the database as s sees it now: the
 * slot's when nothing has changed since it was loaded, else a new one from
 * load (kept as the slot's while nothing changed during the load). Returns
 * KHU_OK (give *out back with app_shared_release), the store's error, or
 * load's, with d filled. */
enum khu_err app_shared_acquire(struct app_shared_slot *slot, struct store *s,
                                app_shared_load_fn load, struct app_shared **out,
                                struct khu_diag *d);

/* Gives back a value from app_shared_acquire. NULL is a no-op. */
void app_shared_release(struct app_shared_slot *slot, struct app_shared *v);

/* Returns the size of the slot's value when it is current for the data s
 * sees, else -1: a caller may then tell that a run will not load. */
long app_shared_current_size(struct app_shared_slot *slot, struct store *s);

#endif
