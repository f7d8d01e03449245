/* SPDX-License-Identifier: MIT */
/*
 * Values shared while the database is unchanged (see app_shared.h). A
 * value is labelled with the generation read before it was loaded and
 * becomes the slot's only while that generation is still current, so a
 * value loaded across a change is used by its own request and then freed.
 * One process reads one database.
 */
#include "app/app_shared.h"

#include "app/app_generation.h"

void app_shared_release(struct app_shared_slot *slot, struct app_shared *v)
{
    int last;

    if (!v)
        return;
    pthread_mutex_lock(&slot->lock);
    last = --v->refs == 0;
    pthread_mutex_unlock(&slot->lock);
    if (last)
        v->free(v);
}

long app_shared_current_size(struct app_shared_slot *slot, struct store *s)
{
    struct app_generation g;
    long size = -1;

    if (app_generation_read(s, &g))
        return -1;
    pthread_mutex_lock(&slot->lock);
    if (slot->current && slot->current->gen == g.now)
        size = slot->current->size;
    pthread_mutex_unlock(&slot->lock);
    return size;
}

enum khu_err app_shared_acquire(struct app_shared_slot *slot, struct store *s,
                                app_shared_load_fn load, struct app_shared **out,
                                struct khu_diag *d)
{
    struct app_shared *v = NULL, *old = NULL;
    struct app_generation g;
    enum khu_err err;

    *out = NULL;
    err = app_generation_read(s, &g);
    if (err) {
        khu_diag_set(d, 0, 0, NULL, "the database could not be asked for changes");
        return err;
    }
    pthread_mutex_lock(&slot->lock);
    if (slot->current && slot->current->gen == g.now) {
        v = slot->current;
        v->refs++;
    }
    pthread_mutex_unlock(&slot->lock);
    if (v) {
        *out = v;
        return KHU_OK;
    }
    err = load(s, &v, d);
    if (err)
        return err;
    v->gen = g.before;
    v->refs = 1;
    pthread_mutex_lock(&slot->lock);
    if (app_generation_current(g.before) && (!slot->current || slot->current->gen != g.before)) {
        old = slot->current;
        slot->current = v;
        v->refs++;
    }
    pthread_mutex_unlock(&slot->lock);
    app_shared_release(slot, old);
    *out = v;
    return KHU_OK;
}
