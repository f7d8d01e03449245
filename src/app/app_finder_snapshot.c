/* SPDX-License-Identifier: MIT */
/*
 * The site finder's shared snapshot of the zones (see
 * app_finder_snapshot.h), and the rule that keeps it from ever being older
 * than the database.
 *
 * The snapshot is shared by app/app_shared.c, under the rule of
 * app/app_generation.c.
 */
#include "app/app_finder_snapshot.h"

#include <string.h>

#include "core/xalloc.h"
#include "store/finder.h"

/* ===== loading ===== */

static enum site_stage stage_of(const char *status)
{
    static const char *const names[] = {"planned", "approved", "building", "operating",
                                        "cancelled"};
    static const enum site_stage stages[] = {STAGE_PLANNED, STAGE_APPROVED, STAGE_BUILDING,
                                             STAGE_OPERATING, STAGE_CANCELLED};
    size_t i;

    for (i = 0; status && i < 5; i++)
        if (strcmp(status, names[i]) == 0)
            return stages[i];
    return STAGE_UNKNOWN;
}

/* Appends s (with its NUL) and returns its offset, or -1 for NULL. Offsets
 * become pointers once the text stops growing (fix_pointers). */
static intptr_t keep_text(struct buf *text, const char *s)
{
    intptr_t at = (intptr_t)text->len;

    if (!s)
        return -1;
    buf_append(text, s, strlen(s) + 1);
    return at;
}

struct loader {
    struct finder_snapshot *snap;
    long cap;
    int nomem;
};

/* Keeps one zone; string fields hold offsets (cast) until fix_pointers. */
static int add_zone(void *arg, const struct store_finder_zone *in)
{
    struct loader *ld = arg;
    struct finder_snapshot *snap = ld->snap;
    struct snap_zone *z;
    int l;

    if (snap->n == FINDER_MAX_ZONES)
        return 1;
    if (snap->n == ld->cap) {
        long cap = ld->cap ? ld->cap * 2 : 16;
        struct snap_zone *grown = xrealloc(snap->z, (size_t)cap * sizeof(*grown));
        if (!grown) {
            ld->nomem = 1;
            return 1;
        }
        snap->z = grown;
        ld->cap = cap;
    }
    z = &snap->z[snap->n++];
    memset(&z->site, 0, sizeof(z->site));
    z->site.code = (const char *)keep_text(&snap->text, in->code);
    z->kind = (const char *)keep_text(&snap->text, in->kind);
    z->sectors = (const char *)keep_text(&snap->text, in->sectors);
    z->unit = (const char *)keep_text(&snap->text, in->unit);
    z->commune = (const char *)keep_text(&snap->text, in->commune);
    for (l = 0; l < 3; l++)
        z->names[l] = (const char *)keep_text(&snap->text, in->names[l]);
    z->status = (const char *)keep_text(&snap->text, in->status);
    z->source = (const char *)keep_text(&snap->text, in->source);
    z->developer = (const char *)keep_text(&snap->text, in->developer);
    z->site.as_of = (const char *)keep_text(&snap->text, in->as_of);
    z->site.stage = stage_of(in->status);
    z->site.ready_year = in->planned_year;
    z->site.available_ha = in->available_ha;
    z->site.lease_usd_m2 = in->lease_usd_m2;
    z->site.km_hcmc = in->km_hcmc;
    z->site.km_port = in->km_port;
    z->site.wwtp_m3_day = in->wwtp_m3_day;
    z->site.power_mva = in->power_mva;
    z->site.occupancy_reported_pct = in->occupancy_reported_pct;
    z->total_ha = in->total_ha;
    z->industrial_ha = in->industrial_ha;
    return 0;
}

static void fix_pointers(struct finder_snapshot *snap)
{
    long i;
    size_t f;

    for (i = 0; i < snap->n; i++) {
        struct snap_zone *z = &snap->z[i];
        const char **fields[] = {&z->site.code, &z->kind,     &z->sectors,   &z->unit,
                                 &z->commune,   &z->names[0], &z->names[1],  &z->names[2],
                                 &z->status,    &z->source,   &z->developer, &z->site.as_of};
        for (f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
            intptr_t at = (intptr_t)*fields[f];
            *fields[f] = at < 0 ? NULL : snap->text.data + at;
        }
    }
}

static void snapshot_free(struct finder_snapshot *snap)
{
    if (!snap)
        return;
    xfree(snap->z);
    buf_free(&snap->text);
    xfree(snap);
}

static void shared_free(struct app_shared *v)
{
    snapshot_free((struct finder_snapshot *)v);
}

static enum khu_err snapshot_load(struct store *s, struct finder_snapshot **out, struct khu_diag *d)
{
    struct loader ld = {xcalloc(1, sizeof(*ld.snap)), 0, 0};
    enum khu_err err;

    *out = NULL;
    if (!ld.snap)
        goto nomem;
    ld.snap->head.free = shared_free;
    buf_init(&ld.snap->text, (size_t)1 << 30);
    err = store_finder_zones(s, add_zone, &ld, d);
    if (err) {
        snapshot_free(ld.snap);
        return err;
    }
    if (ld.nomem || ld.snap->text.err)
        goto nomem;
    fix_pointers(ld.snap);
    ld.snap->head.size = ld.snap->n;
    *out = ld.snap;
    return KHU_OK;
nomem:
    snapshot_free(ld.snap);
    khu_diag_set(d, 0, 0, NULL, "out of memory loading the zones");
    return KHU_ENOMEM;
}

/* ===== sharing ===== */

static struct app_shared_slot slot = APP_SHARED_SLOT_INIT;

static enum khu_err load_shared(struct store *s, struct app_shared **out, struct khu_diag *d)
{
    struct finder_snapshot *snap;
    enum khu_err err = snapshot_load(s, &snap, d);

    *out = err ? NULL : &snap->head;
    return err;
}

void app_finder__snapshot_release(struct finder_snapshot *snap)
{
    app_shared_release(&slot, snap ? &snap->head : NULL);
}

int app_finder_quick(struct store *s)
{
    long n = app_shared_current_size(&slot, s);

    return n >= 0 && n <= FINDER_QUICK_ZONES;
}

enum khu_err app_finder__snapshot_acquire(struct store *s, struct finder_snapshot **out,
                                          struct khu_diag *d)
{
    struct app_shared *v;
    enum khu_err err = app_shared_acquire(&slot, s, load_shared, &v, d);

    *out = err ? NULL : (struct finder_snapshot *)v;
    return err;
}
