/* SPDX-License-Identifier: MIT */
/*
 * Site matching (see site_match.h). Each criterion maps a zone's figure to
 * a sub-score in [0, 1] that never decreases as the figure gets better; the
 * score is their weighted mean. A stated requirement is also checked: met,
 * not met (the zone is excluded) or unknown (unverified). The checks never
 * change the score, so a better figure never lowers it. Unknown figures
 * score 0.5.
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
    r->reasons[r->nreasons].b = b;
    r->reasons[r->nreasons++].when = NULL;
}

/* Records criterion c's check; a check never gets better once worse. */
static void set_check(struct site_result *r, enum site_criterion c, enum site_check check)
{
    if (check > r->check[c])
        r->check[c] = check;
}

static void not_met(struct site_result *r, enum site_reason_kind kind, enum site_criterion c,
                    double a, double b)
{
    set_check(r, c, CHECK_NOT_MET);
    add_reason(r, kind, c, a, b);
}

/* A figure is unknown: unverified when the investor requires it, else a
 * gap scored neutral. */
static void unknown(struct site_result *r, enum site_criterion c, int required)
{
    if (required) {
        set_check(r, c, CHECK_UNKNOWN);
        add_reason(r, REASON_UNVERIFIED, c, 0, 0);
    } else {
        add_reason(r, REASON_UNKNOWN, c, 0, 0);
    }
    r->unknowns++;
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
 * excludes, a kept one is met. more: 1 when more is better. */
static double numeric(struct site_result *r, enum site_criterion c, struct site_value v,
                      struct site_value limit, int more, double scale, enum site_reason_kind why)
{
    double bound = limit.known ? limit.v : 0;

    if (!v.known) {
        unknown(r, c, limit.known);
        return NEUTRAL;
    }
    if (limit.known && (more ? v.v < limit.v : v.v > limit.v))
        not_met(r, why, c, limit.v, v.v);
    else if (limit.known)
        set_check(r, c, CHECK_MET);
    return more ? more_is_better(v.v, bound, scale) : less_is_better(v.v, bound, scale);
}

/* Available land: a zone reported full has none as of its report, whatever
 * the areas say. Any site needs some land, so a zone known to have none is
 * excluded even when the investor states no area. */
static double land(const struct site_query *q, const struct site_zone *z, struct site_result *r)
{
    struct site_value need = {q->land_ha > 0, q->land_ha};

    if (z->occupancy_reported_pct.known && z->occupancy_reported_pct.v >= 100) {
        not_met(r, REASON_LAND_FULL, CRIT_LAND, z->occupancy_reported_pct.v, 0);
        r->reasons[r->nreasons - 1].when = z->as_of;
        return 0;
    }
    if (!need.known && z->available_ha.known && z->available_ha.v <= 0) {
        not_met(r, REASON_NO_LAND, CRIT_LAND, 0, z->available_ha.v);
        return 0;
    }
    return numeric(r, CRIT_LAND, z->available_ha, need, 1, 50, REASON_LAND_SHORT);
}

/* A zone not operating yet: in time, too late, or unverified (its opening
 * year unknown, or already past with no report of opening). */
static double ready_later(const struct site_query *q, const struct site_zone *z,
                          struct site_result *r, double in_time_score, double late_score)
{
    if (z->ready_year && q->today_year && z->ready_year < q->today_year) {
        set_check(r, CRIT_READY, CHECK_UNKNOWN);
        add_reason(r, REASON_STALE_READY, CRIT_READY, z->ready_year, 0);
        r->unknowns++;
        return NEUTRAL;
    }
    if (q->ready_year && z->ready_year && z->ready_year <= q->ready_year) {
        set_check(r, CRIT_READY, CHECK_MET);
        return in_time_score;
    }
    if (q->ready_year && !z->ready_year) {
        unknown(r, CRIT_READY, 1);
        return NEUTRAL;
    }
    not_met(r, REASON_NOT_READY, CRIT_READY, q->ready_year, z->ready_year);
    return late_score;
}

/* Readiness is always required: operating now, or ready by the year. */
static double ready(const struct site_query *q, const struct site_zone *z, struct site_result *r)
{
    switch (z->stage) {
    case STAGE_OPERATING:
        set_check(r, CRIT_READY, CHECK_MET);
        return 1;
    case STAGE_BUILDING:
        return ready_later(q, z, r, 0.75, 0.25);
    case STAGE_APPROVED:
        return ready_later(q, z, r, 0.5, 0.2);
    case STAGE_PLANNED:
        return ready_later(q, z, r, 0.5, 0.1);
    case STAGE_CANCELLED:
        not_met(r, REASON_CANCELLED, CRIT_READY, 0, 0);
        return 0;
    default:
        unknown(r, CRIT_READY, 1);
        return NEUTRAL;
    }
}

/* The investor's sector: barred by the zone's kind excludes; listed is
 * met; a zone that lists other sectors, or none, is unverified. */
static double sector(const struct site_zone *z, struct site_result *r)
{
    if (!z->sector_allowed) {
        not_met(r, REASON_SECTOR_BARRED, CRIT_SECTOR, 0, 0);
        return 0;
    }
    if (z->sector < 0) {
        unknown(r, CRIT_SECTOR, 1);
        return NEUTRAL;
    }
    if (!z->sector) {
        set_check(r, CRIT_SECTOR, CHECK_UNKNOWN);
        add_reason(r, REASON_SECTOR_UNLISTED, CRIT_SECTOR, 0, 0);
        return 0.2;
    }
    set_check(r, CRIT_SECTOR, CHECK_MET);
    return 1;
}

/* Fills sub[] and applicable[] for every criterion. */
static void sub_scores(const struct site_query *q, const struct site_zone *z, struct site_result *r,
                       double *sub, int *applicable)
{
    int i;

    for (i = 0; i < CRIT_COUNT; i++)
        applicable[i] = 1;
    sub[CRIT_LAND] = land(q, z, r);
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

/* 0: a broken requirement, 1: an unverified one or a fact, 2: a gap. */
static int reason_class(const struct site_result *r, const struct site_reason *reason)
{
    if (reason->kind == REASON_UNKNOWN)
        return 2;
    return r->check[reason->criterion] == CHECK_NOT_MET ? 0 : 1;
}

/* Orders the reasons: why the zone is excluded first, then what is
 * unverified, then the gaps; each in criterion order (a stable sort). */
static void order_reasons(struct site_result *r)
{
    int i, j;

    for (i = 1; i < r->nreasons; i++) {
        struct site_reason t = r->reasons[i];
        int c = reason_class(r, &t);
        for (j = i; j > 0 && reason_class(r, &r->reasons[j - 1]) > c; j--)
            r->reasons[j] = r->reasons[j - 1];
        r->reasons[j] = t;
    }
}

/* Scores z into out; order: put the reasons in their shown order (a
 * ranking pass that keeps only score and group does without). */
static void score_zone(const struct site_query *q, const struct site_zone *z,
                       struct site_result *out, int order)
{
    double sub[CRIT_COUNT], total = 0;
    int applicable[CRIT_COUNT], i;

    memset(out, 0, sizeof(*out));
    out->zone = z;
    sub_scores(q, z, out, sub, applicable);
    for (i = 0; i < CRIT_COUNT; i++) {
        if (out->check[i] == CHECK_NOT_MET)
            out->group = SITE_EXCLUDED;
        else if (out->check[i] == CHECK_UNKNOWN && out->group == SITE_FITS)
            out->group = SITE_UNVERIFIED;
    }
    if (order)
        order_reasons(out);
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

void site_score(const struct site_query *q, const struct site_zone *z, struct site_result *out)
{
    score_zone(q, z, out, 1);
}

/* The ranking order (see site_match.h); codes are unique, so it is total. */
static int compare_results(const void *pa, const void *pb)
{
    const struct site_result *a = pa, *b = pb;

    return rank_compare((int)a->group, a->score, a->unknowns, a->zone->code, (int)b->group,
                        b->score, b->unknowns, b->zone->code);
}

void site_rank(const struct site_query *q, const struct site_zone *zones, size_t n,
               struct site_result *results)
{
    size_t i;

    for (i = 0; i < n; i++)
        site_score(q, &zones[i], &results[i]);
    qsort(results, n, sizeof(*results), compare_results);
}

const char *site_group_name(enum site_group g)
{
    static const char *const names[SITE_GROUPS] = {"fits", "unverified", "excluded"};
    return g < SITE_GROUPS ? names[g] : "?";
}

const char *site_check_name(enum site_check c)
{
    static const char *const names[] = {"not_asked", "met", "unknown", "not_met"};
    return c <= CHECK_NOT_MET ? names[c] : "?";
}

/* ===== one page of a large set ===== */

static const char *zone_code_at(const void *set, uint32_t index)
{
    return ((const struct site_zone *)set)[index].code;
}

size_t site_rank_page(const struct site_query *q, const struct site_zone *zones, size_t n,
                      const struct site_page *page, struct rank_key *scratch,
                      struct site_result *results, size_t count[SITE_GROUPS])
{
    struct rank_top tops[SITE_GROUPS];
    struct site_result r;
    size_t i, g, out = 0, room = page->offset + page->limit;

    for (g = 0; g < SITE_GROUPS; g++) {
        int asked = (page->groups >> g) & 1u;
        rank_top_init(&tops[g], scratch, asked ? room : 0, zone_code_at, zones);
        scratch += tops[g].k;
        count[g] = 0;
    }
    for (i = 0; i < n; i++) {
        struct rank_key key;
        score_zone(q, &zones[i], &r, 0); /* the page's zones are scored again, in full */
        key.score = r.score;
        key.index = (uint32_t)i;
        key.unknowns = (uint16_t)r.unknowns;
        key.group = (uint8_t)r.group;
        count[r.group]++;
        rank_top_offer(&tops[r.group], &key);
    }
    for (g = 0; g < SITE_GROUPS; g++) {
        rank_top_sort(&tops[g]);
        for (i = page->offset; i < tops[g].n; i++)
            site_score(q, &zones[tops[g].items[i].index], &results[out++]);
    }
    return out;
}
