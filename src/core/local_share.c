/* SPDX-License-Identifier: MIT */
/*
 * The local supply share (see local_share.h).
 */
#include "core/local_share.h"

#include <string.h>

int share_demand_open(const struct share_demand *d, int32_t day)
{
    return d->counted && d->posted_on != SHARE_NO_DAY && d->posted_on <= day &&
           (d->withdrawn_on == SHARE_NO_DAY || d->withdrawn_on > day);
}

int share_linkage_active(const struct share_linkage *l, int32_t day)
{
    return l->since != SHARE_NO_DAY && l->since <= day &&
           (l->until == SHARE_NO_DAY || l->until >= day);
}

void local_share(const struct share_demand *demands, size_t n, const struct share_linkage *linkages,
                 size_t m, int32_t day, struct share_result *out)
{
    size_t i;

    memset(out, 0, sizeof(*out));
    for (i = 0; i < n; i++) {
        if (!share_demand_open(&demands[i], day))
            continue;
        out->demands++;
        if (demands[i].value_known) {
            out->demands_valued++;
            out->base_usd += demands[i].annual_usd;
        }
    }
    for (i = 0; i < m; i++) {
        const struct share_linkage *l = &linkages[i];
        const struct share_demand *d;
        if (l->demand < 0 || (size_t)l->demand >= n || !share_linkage_active(l, day))
            continue;
        d = &demands[l->demand];
        /* a linkage counts against a demand the base holds with its value */
        if (!share_demand_open(d, day) || !d->value_known)
            continue;
        out->linkages++;
        if (!l->value_known)
            continue;
        out->linkages_valued++;
        if (l->supplier_local)
            out->local_usd += l->annual_usd;
        if (l->supplier_domestic)
            out->domestic_usd += l->annual_usd;
    }
    out->has_base = out->base_usd > 0;
    if (out->has_base) {
        out->by_location_pct = 100 * out->local_usd / out->base_usd;
        out->by_ownership_pct = 100 * out->domestic_usd / out->base_usd;
    }
}
