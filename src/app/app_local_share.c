/* SPDX-License-Identifier: MIT */
/*
 * The local supply share (see app_local_share.h): the set's codes valid on
 * the day, every demand read once (its sector is the first code of the set
 * its VSIC code starts with), every linkage joined to its demand by code,
 * then core/local_share over all of them and over each code's.
 */
#include "app/app_local_share.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"
#include "core/xalloc.h"
#include "store/linkage.h"
#include "store/lookup.h"

struct loader {
    struct local_share_report *out;
    int32_t day;
    struct share_demand *dm;
    int *sector; /* per demand: index into out->sectors; -1 outside the set */
    char (*code)[72];
    size_t n, cap;
    struct share_linkage *lk;
    size_t m, mcap;
    int nomem;
};

static int32_t day_of(const char *iso)
{
    int32_t day;

    return iso && !parse_date(iso, &day) ? day : SHARE_NO_DAY;
}

static int take_code(void *arg, const struct store_group_code *c)
{
    struct loader *ld = arg;
    struct local_share_report *out = ld->out;
    int32_t from = day_of(c->valid_from), to = day_of(c->valid_to);
    int l;

    if (!out->names[0][0]) {
        for (l = 0; l < 3; l++)
            snprintf(out->names[l], sizeof(out->names[l]), "%s", c->names[l] ? c->names[l] : "");
        snprintf(out->source, sizeof(out->source), "%s", c->source ? c->source : "");
    }
    if ((from != SHARE_NO_DAY && from > ld->day) || (to != SHARE_NO_DAY && to < ld->day) ||
        out->nsectors == SHARE_MAX_SECTORS)
        return 0;
    snprintf(out->sectors[out->nsectors++].vsic, sizeof(out->sectors[0].vsic), "%s", c->vsic);
    return 0;
}

/* The set's code that vsic starts with, or -1. */
static int sector_of(const struct local_share_report *out, const char *vsic)
{
    int i;

    for (i = 0; vsic && i < out->nsectors; i++)
        if (strncmp(vsic, out->sectors[i].vsic, strlen(out->sectors[i].vsic)) == 0)
            return i;
    return -1;
}

static int grow(void **items, size_t *cap, size_t n, size_t size)
{
    void *bigger;

    if (n < *cap)
        return 0;
    bigger = xrealloc(*items, (*cap ? *cap * 2 : 256) * size);
    if (!bigger)
        return -1;
    *items = bigger;
    *cap = *cap ? *cap * 2 : 256;
    return 0;
}

static int take_demand(void *arg, const struct store_share_demand *x)
{
    struct loader *ld = arg;
    size_t cap = ld->cap;
    int sector = sector_of(ld->out, x->vsic);
    struct share_demand *d;

    if (grow((void **)&ld->dm, &cap, ld->n, sizeof(*ld->dm)) ||
        (cap != ld->cap && (!(ld->sector = xrealloc(ld->sector, cap * sizeof(int))) ||
                            !(ld->code = xrealloc(ld->code, cap * sizeof(*ld->code)))))) {
        ld->nomem = 1;
        return 1;
    }
    ld->cap = cap;
    d = &ld->dm[ld->n];
    d->counted = x->buyer_in_place && sector >= 0;
    d->value_known = x->annual_usd.known;
    d->annual_usd = x->annual_usd.v;
    d->posted_on = day_of(x->posted_on);
    if (d->posted_on == SHARE_NO_DAY) {
        d->posted_on = ld->out->imported_day; /* counts from the import */
        if (d->counted && d->posted_on != SHARE_NO_DAY && d->posted_on <= ld->day)
            ld->out->undated++;
    }
    d->withdrawn_on = day_of(x->withdrawn_on);
    ld->sector[ld->n] = sector;
    snprintf(ld->code[ld->n], sizeof(ld->code[0]), "%s", x->code ? x->code : "");
    ld->n++;
    return 0;
}

static int compare_code(const void *key, const void *item)
{
    return strcmp(key, item);
}

static int take_linkage(void *arg, const struct store_share_linkage *x)
{
    struct loader *ld = arg;
    const char(*hit)[72] =
        x->demand_code ? bsearch(x->demand_code, ld->code, ld->n, sizeof(*ld->code), compare_code)
                       : NULL;
    struct share_linkage *l;

    if (!hit)
        return 0; /* answers no demand of the registry */
    if (grow((void **)&ld->lk, &ld->mcap, ld->m, sizeof(*ld->lk))) {
        ld->nomem = 1;
        return 1;
    }
    l = &ld->lk[ld->m++];
    l->demand = (long)(hit - ld->code);
    l->value_known = x->annual_usd.known;
    l->annual_usd = x->annual_usd.v;
    l->since = day_of(x->since);
    l->until = day_of(x->until);
    l->supplier_local = x->supplier_in_place;
    l->supplier_domestic = x->supplier_ownership && (!strcmp(x->supplier_ownership, "domestic") ||
                                                     !strcmp(x->supplier_ownership, "state"));
    return 0;
}

/* The shares of sector i alone: the other demands leave the base. */
static void one_sector(struct loader *ld, int i, struct share_result *r)
{
    size_t k;
    int *was = xmalloc((ld->n + 1) * sizeof(int));

    if (!was) {
        memset(r, 0, sizeof(*r));
        return;
    }
    for (k = 0; k < ld->n; k++) {
        was[k] = ld->dm[k].counted;
        ld->dm[k].counted = was[k] && ld->sector[k] == i;
    }
    local_share(ld->dm, ld->n, ld->lk, ld->m, ld->day, r);
    for (k = 0; k < ld->n; k++)
        ld->dm[k].counted = was[k];
    xfree(was);
}

enum khu_err app_local_share(struct store *s, const char *group, const char *place, int32_t day,
                             struct local_share_report *out, struct khu_diag *d)
{
    struct loader ld;
    enum khu_err err;
    int64_t imported_ms = 0;
    int i;

    memset(out, 0, sizeof(*out));
    memset(&ld, 0, sizeof(ld));
    ld.out = out;
    ld.day = day;
    snprintf(out->group, sizeof(out->group), "%s", group);
    if (place && !store_unit_exists(s, place)) {
        khu_diag_set(d, 0, 0, "unit", "unknown unit '%.64s': see /api/v1/units for the codes",
                     place);
        return KHU_EINVAL;
    }
    err = store_group_codes(s, group, take_code, &ld, d);
    if (!err)
        err = store_demands_imported_ms(s, &imported_ms, d);
    /* the province's day (UTC+7) of the import */
    out->imported_day =
        imported_ms > 0 ? (int32_t)((imported_ms / 1000 + 7 * 3600) / 86400) : SHARE_NO_DAY;
    if (!err)
        err = store_share_demands(s, place, group, take_demand, &ld, d);
    if (!err && !ld.nomem)
        err = store_share_linkages(s, place, group, take_linkage, &ld, d);
    if (!err && ld.nomem) {
        khu_diag_set(d, 0, 0, NULL, "out of memory counting the local supply share");
        err = KHU_ENOMEM;
    }
    if (!err) {
        local_share(ld.dm, ld.n, ld.lk, ld.m, day, &out->overall);
        for (i = 0; i < out->nsectors; i++)
            one_sector(&ld, i, &out->sectors[i].result);
    }
    xfree(ld.dm);
    xfree(ld.sector);
    xfree(ld.code);
    xfree(ld.lk);
    return err;
}

int app_local_share_is_metric(const char *metric)
{
    return metric && strcmp(metric, SHARE_TARGET_METRIC) == 0;
}

enum khu_err app_local_share_metric(struct store *s, const char *scope, const char *today,
                                    struct metric_value *out, struct khu_diag *d)
{
    struct local_share_report *r;
    enum khu_err err;
    int32_t day;

    memset(out, 0, sizeof(*out));
    out->result = METRIC_NOT_LIVE;
    if (!today || parse_date(today, &day)) {
        khu_diag_set(d, 0, 0, "today", "'%s' is not a date (YYYY-MM-DD)", today ? today : "");
        return KHU_EINVAL;
    }
    r = xmalloc(sizeof(*r));
    if (!r)
        return KHU_ENOMEM;
    err = app_local_share(s, SHARE_DEFAULT_SET, scope, day, r, d);
    if (err == KHU_ENOTFOUND || (err == KHU_EINVAL && scope)) {
        /* no set of sectors, or a scope the registry does not know: the
         * metric cannot be computed here */
        khu_diag_clear(d);
        xfree(r);
        return KHU_OK;
    }
    if (!err) {
        out->result = r->overall.has_base ? METRIC_OK : METRIC_UNKNOWN;
        out->value = r->overall.by_location_pct;
        out->counted = r->overall.demands_valued;
        out->unknown = r->overall.demands - r->overall.demands_valued;
    }
    xfree(r);
    return err;
}
