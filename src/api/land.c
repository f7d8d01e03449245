/* SPDX-License-Identifier: MIT */
/*
 * The counted zones' land by kind, by unit and in total, and the filters
 * of the zones behind the figures (see land.h).
 */
#include "api/land.h"

#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/metrics.h"

/* The entry of key in l, added (with name) when new; NULL without memory. */
static struct land_entry *land_entry(struct land_list *l, const char *key, const char *name)
{
    struct land_entry *e;
    size_t i;

    for (i = 0; i < l->n; i++)
        if (strcmp(l->e[i].key, key) == 0)
            return &l->e[i];
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        void *grown = xrealloc(l->e, cap * sizeof(*l->e));
        if (!grown)
            return NULL;
        l->e = grown;
        l->cap = cap;
    }
    e = &l->e[l->n++];
    memset(e, 0, sizeof(*e));
    snprintf(e->key, sizeof(e->key), "%s", key);
    snprintf(e->name, sizeof(e->name), "%s", name ? name : "");
    return e;
}

static double real_or_0(const struct khu_row *row, int i)
{
    return row_is_null(row, i) ? 0 : row_real(row, i);
}

void api_land_add(struct api_land *land, const struct khu_row *row, int name)
{
    struct land_sum part = {
        .count = (long)row_int(row, STATS_COUNT),
        .total_ha = real_or_0(row, STATS_TOTAL_HA),
        .industrial_ha = real_or_0(row, STATS_INDUSTRIAL_HA),
        .leased_ha = real_or_0(row, STATS_LEASED_HA),
        .available_ha = real_or_0(row, STATS_AVAILABLE_HA),
        .total_known = (long)(row_int(row, STATS_COUNT) - row_int(row, STATS_AREA_UNKNOWN)),
        .industrial_known = (long)row_int(row, STATS_INDUSTRIAL_KNOWN),
        .leased_known = (long)row_int(row, STATS_LEASED_KNOWN),
        .available_known = (long)row_int(row, STATS_AVAILABLE_KNOWN),
        .occupancy_industrial_ha = real_or_0(row, STATS_INDUSTRIAL_WITH_LEASE),
        .occupancy_leased_ha = real_or_0(row, STATS_LEASED_WITH_INDUSTRIAL),
        .occupancy_known = (long)row_int(row, STATS_OCCUPANCY_KNOWN),
    };
    const char *kind = row_text(row, STATS_KIND);
    const char *unit = row_text(row, STATS_UNIT);
    struct land_entry *k = land_entry(&land->by_kind, kind ? kind : "", NULL);
    struct land_entry *u = land_entry(&land->by_unit, unit ? unit : "", row_text(row, name));

    if (!k || !u) {
        land->nomem = 1;
        return;
    }
    land_sum_add(&k->sum, &part);
    land_sum_add(&u->sum, &part);
    land_sum_add(&land->total, &part);
}

void api_land_filter(const struct land_entry *e, int by_unit, char out[API_FILTER_MAX])
{
    if (!by_unit)
        snprintf(out, API_FILTER_MAX, "kind=%.60s&counted=1", e->key);
    else if (e->key[0])
        snprintf(out, API_FILTER_MAX, "unit_code=%.60s&counted=1", e->key);
    else
        snprintf(out, API_FILTER_MAX, "missing=unit_code&counted=1");
}

void api_recon_filter(const struct recon_row *r, const char *what, char out[API_FILTER_MAX])
{
    snprintf(out, API_FILTER_MAX, "kind=%.15s&%.60s%s%.63s", r->kind, what,
             r->scope_unit[0] ? "&unit=" : "", r->scope_unit);
}

void api_land_free(struct api_land *land)
{
    xfree(land->by_kind.e);
    xfree(land->by_unit.e);
    memset(land, 0, sizeof(*land));
}
