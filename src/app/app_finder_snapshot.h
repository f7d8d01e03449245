/* SPDX-License-Identifier: MIT */
/*
 * Inside the site finder: the figures of every counted zone, loaded once
 * and shared by the runs that follow while the database is unchanged.
 * Only app_finder*.c include this header.
 */
#ifndef KHU_APP_FINDER_SNAPSHOT_H
#define KHU_APP_FINDER_SNAPSHOT_H

#include <stdint.h>

#include "app/app_finder.h"
#include "app/app_shared.h"
#include "core/buf.h"

/* One zone as loaded; the strings point into the snapshot's text. */
struct snap_zone {
    struct site_zone site; /* its code and figures; a run sets sector, sector_allowed and
                              in_preferred_unit */
    const char *kind, *sectors, *unit, *commune, *names[3];
    const char *status, *source, *developer; /* NULL when unknown */
    struct site_value total_ha, industrial_ha;
};

struct finder_snapshot {
    struct app_shared head; /* shared while the database is unchanged (size: n) */
    long n;
    struct snap_zone *z;
    struct buf text; /* every string, NUL-separated */
};

/* API */

/* Sets *out to a snapshot no older than the database as s sees it now:
 * the shared one when nothing has changed since it was loaded, else a new
 * one (kept as the shared one when nothing changed while it loaded).
 * Returns KHU_OK (release *out with app_finder__snapshot_release), or
 * KHU_ENOMEM or the store's error with d filled. */
enum khu_err app_finder__snapshot_acquire(struct store *s, struct finder_snapshot **out,
                                          struct khu_diag *d);

/* Gives back a snapshot from app_finder__snapshot_acquire. NULL is a no-op. */
void app_finder__snapshot_release(struct finder_snapshot *snap);

#endif
