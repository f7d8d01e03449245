/* SPDX-License-Identifier: MIT */
/*
 * Site matching (see site_match.h). Each criterion maps a zone's figure to
 * a sub-score in [0, 1] that never decreases as the figure gets better; the
 * score is their weighted mean. Hard limits exclude but do not change the
 * score, so a better figure never lowers it. Unknown figures score 0.5.
 */
#include "core/site_match.h"

#include <stdlib.h>
#include <string.h>

#define NEUTRAL 0.5

static const double default_weights[CRIT_COUNT] = {3, 2, 2, 1, 1, 1, 2, 1, 2};

void site_default_weights(struct site_query *q)
{
    memcpy(q->weight, default_weights, sizeof(q->weight));
}

const char *site_criterion_name(enum site_criterion c)
{
    static const char *const names[CRIT_COUNT] = {"land",  "price", "km_hcmc", "km_port", "wwtp",
                                                  "power", "ready", "unit",    "sector"};
    return c < CRIT_COUNT ? names[c] : "?";
}

static double clamp01(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

static void add_reason(struct site_result *r, enum site_reason_kind kind, enum site_criterion c,
                       double a, double b)
{
    if (r->nreasons == SITE_MAX_REASONS)
        return;
    r->reasons[r->nreasons].kind = kind;
    r->reasons[r->nreasons].criterion = c;
    r->reasons[r->nreasons].a = a;
    r->reasons[r->nreasons++].b = b;
}

static void exclude(struct site_result *r, enum site_reason_kind kind, enum site_criterion c,
                    double a, double b)
{
    r->excluded = 1;
    add_reason(r, kind, c, a, b);
}

/* More is better: with a stated need, full marks at twice the need;
 * otherwise a saturating curve around scale. */
static double more_is_better(double v, double need, double scale)
{
    if (v <= 0)
        return 0;
    return need > 0 ? clamp01(v / (2 * need)) : v / (v + scale);
}

/* Less is better: with a stated maximum, half marks at the maximum. */
static double less_is_better(double v, double max, double scale)
{
    if (v <= 0)
        return 1;
    return max > 0 ? clamp01(1 - v / (2 * max)) : 1 / (1 + v / scale);
}

/* A numeric criterion: unknown is neutral and named; a broken limit
 * excludes. more: 1 when more is better. */
static double numeric(struct site_result *r, enum site_criterion c, struct site_value v,
                      struct site_value limit, int more, double scale, enum site_reason_kind why)
{
    double bound = limit.known ? limit.v : 0;

    if (!v.known) {
        add_reason(r, REASON_UNKNOWN, c, 0, 0);
        return NEUTRAL;
    }
    if (limit.known && (more ? v.v < limit.v : v.v > limit.v))
        exclude(r, why, c, limit.v, v.v);
    return more ? more_is_better(v.v, bound, scale) : less_is_better(v.v, bound, scale);
}

static double ready(const struct site_query *q, const struct site_zone *z, struct site_result *r)
{
    int in_time = q->ready_year && z->ready_year && z->ready_year <= q->ready_year;

    switch (z->stage) {
    case STAGE_OPERATING:
        return 1;
    case STAGE_BUILDING:
        if (in_time)
            return 0.75;
        if (q->ready_year && !z->ready_year) {
            add_reason(r, REASON_UNKNOWN, CRIT_READY, 0, 0);
            return NEUTRAL;
        }
        exclude(r, REASON_NOT_READY, CRIT_READY, q->ready_year, z->ready_year);
        return 0.25;
    case STAGE_PLANNED:
    case STAGE_APPROVED:
        if (in_time)
            return 0.5;
        exclude(r, REASON_NOT_READY, CRIT_READY, q->ready_year, z->ready_year);
        return z->stage == STAGE_APPROVED ? 0.2 : 0.1;
    case STAGE_CANCELLED:
        exclude(r, REASON_CANCELLED, CRIT_READY, 0, 0);
        return 0;
    default:
        add_reason(r, REASON_UNKNOWN, CRIT_READY, 0, 0);
        return NEUTRAL;
    }
}

static double sector(const struct site_zone *z, struct site_result *r)
{
    if (!z->sector_allowed) {
        exclude(r, REASON_SECTOR_BARRED, CRIT_SECTOR, 0, 0);
        return 0;
    }
    if (z->sector < 0) {
        add_reason(r, REASON_UNKNOWN, CRIT_SECTOR, 0, 0);
        return NEUTRAL;
    }
    return z->sector ? 1 : 0.2;
}

/* Fills sub[] and applicable[] for every criterion. */
static void sub_scores(const struct site_query *q, const struct site_zone *z, struct site_result *r,
                       double *sub, int *applicable)
{
    struct site_value need = {q->land_ha > 0, q->land_ha};
    int i;

    for (i = 0; i < CRIT_COUNT; i++)
        applicable[i] = 1;
    sub[CRIT_LAND] = numeric(r, CRIT_LAND, z->available_ha, need, 1, 50, REASON_LAND_SHORT);
    sub[CRIT_PRICE] =
        numeric(r, CRIT_PRICE, z->lease_usd_m2, q->max_lease_usd_m2, 0, 100, REASON_PRICE_HIGH);
    sub[CRIT_HCMC] = numeric(r, CRIT_HCMC, z->km_hcmc, q->max_km_hcmc, 0, 50, REASON_HCMC_FAR);
    sub[CRIT_PORT] = numeric(r, CRIT_PORT, z->km_port, q->max_km_port, 0, 30, REASON_PORT_FAR);
    sub[CRIT_WWTP] =
        numeric(r, CRIT_WWTP, z->wwtp_m3_day, q->min_wwtp_m3_day, 1, 2000, REASON_WWTP_LOW);
    sub[CRIT_POWER] =
        numeric(r, CRIT_POWER, z->power_mva, q->min_power_mva, 1, 50, REASON_POWER_LOW);
    sub[CRIT_READY] = ready(q, z, r);
    applicable[CRIT_UNIT] = q->has_units;
    sub[CRIT_UNIT] = z->in_preferred_unit ? 1 : 0;
    applicable[CRIT_SECTOR] = q->has_sector;
    sub[CRIT_SECTOR] = q->has_sector ? sector(z, r) : 0;
}

void site_score(const struct site_query *q, const struct site_zone *z, struct site_result *out)
{
    double sub[CRIT_COUNT], total = 0;
    int applicable[CRIT_COUNT], i;

    memset(out, 0, sizeof(*out));
    out->zone = z;
    sub_scores(q, z, out, sub, applicable);
    for (i = 0; i < CRIT_COUNT; i++)
        if (applicable[i] && q->weight[i] > 0)
            total += q->weight[i];
    for (i = 0; i < CRIT_COUNT && total > 0; i++) {
        if (!applicable[i] || q->weight[i] <= 0)
            continue;
        out->contribution[i] = 100 * q->weight[i] * sub[i] / total;
        out->score += out->contribution[i];
    }
}

static int compare_results(const void *pa, const void *pb)
{
    const struct site_result *a = pa, *b = pb;

    if (a->excluded != b->excluded)
        return a->excluded - b->excluded;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(a->zone->code, b->zone->code);
}

void site_rank(const struct site_query *q, const struct site_zone *zones, size_t n,
               struct site_result *results)
{
    size_t i;

    for (i = 0; i < n; i++)
        site_score(q, &zones[i], &results[i]);
    qsort(results, n, sizeof(*results), compare_results);
}

/* ===== best k of a large set ===== */

/* A bounded max-heap on rank order: the worst kept result is on top, so a
 * better candidate replaces it. */
struct top_heap {
    struct site_result *items;
    size_t n, k;
};

static int worse(const struct site_result *a, const struct site_result *b)
{
    return compare_results(a, b) > 0;
}

static void sift_down(struct top_heap *h, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        struct site_result t;
        if (l < h->n && worse(&h->items[l], &h->items[m]))
            m = l;
        if (r < h->n && worse(&h->items[r], &h->items[m]))
            m = r;
        if (m == i)
            return;
        t = h->items[i];
        h->items[i] = h->items[m];
        h->items[m] = t;
        i = m;
    }
}

static void sift_up(struct top_heap *h, size_t i)
{
    while (i > 0 && worse(&h->items[i], &h->items[(i - 1) / 2])) {
        struct site_result t = h->items[i];
        h->items[i] = h->items[(i - 1) / 2];
        h->items[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static void heap_offer(struct top_heap *h, const struct site_result *r)
{
    if (h->k == 0)
        return;
    if (h->n < h->k) {
        h->items[h->n] = *r;
        sift_up(h, h->n++);
    } else if (worse(&h->items[0], r)) {
        h->items[0] = *r;
        sift_down(h, 0);
    }
}

size_t site_rank_top(const struct site_query *q, const struct site_zone *zones, size_t n, size_t k,
                     struct site_result *results, size_t *included, size_t *excluded)
{
    struct top_heap in = {results, 0, k}, out = {results + k, 0, k};
    struct site_result r;
    size_t i;

    *included = *excluded = 0;
    for (i = 0; i < n; i++) {
        site_score(q, &zones[i], &r);
        if (r.excluded) {
            (*excluded)++;
            heap_offer(&out, &r);
        } else {
            (*included)++;
            heap_offer(&in, &r);
        }
    }
    qsort(in.items, in.n, sizeof(*in.items), compare_results);
    qsort(out.items, out.n, sizeof(*out.items), compare_results);
    memmove(results + in.n, out.items, out.n * sizeof(*out.items));
    return in.n + out.n;
}
