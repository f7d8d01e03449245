/* SPDX-License-Identifier: MIT */
/*
 * Site matching: examples with scores worked out by hand, and properties
 * checked over generated zones and queries: better figures never lower a
 * score, the ranking does not depend on row order, weights of zero remove
 * a criterion, a zone fits only when every stated requirement is met on a
 * known figure, the groups and the stated tie-break order every ranking,
 * and any page of a group is the same ranks of the full ranking.
 */
#include <stdint.h>
#include <stdlib.h>

#include "core/site_match.h"
#include "core/site_text.h"
#include "rng.h"
#include "test.h"

static struct site_value maybe(double lo, double hi)
{
    struct site_value v = {next() % 5 != 0, uniform(lo, hi)};
    return v;
}

/* A requirement an investor states one time in three. */
static struct site_value sometimes(double lo, double hi)
{
    struct site_value v = {next() % 3 == 0, uniform(lo, hi)};
    return v;
}

static char codes[512][16];

static void random_zone(struct site_zone *z, int i)
{
    memset(z, 0, sizeof(*z));
    snprintf(codes[i], sizeof(codes[i]), "z%03d", i);
    z->code = codes[i];
    z->stage = (enum site_stage)(next() % 6);
    z->ready_year = next() % 3 ? 2025 + (int)(next() % 6) : 0;
    z->available_ha = maybe(0, 200);
    if (next() % 8 == 0)
        z->available_ha.v = 0; /* fully leased */
    z->lease_usd_m2 = maybe(30, 200);
    z->km_hcmc = maybe(5, 150);
    z->km_port = maybe(2, 120);
    z->wwtp_m3_day = maybe(0, 20000);
    z->power_mva = maybe(0, 300);
    z->in_preferred_unit = (int)(next() % 2);
    z->sector = (int)(next() % 3) - 1;
    z->sector_allowed = next() % 10 != 0;
    z->occupancy_reported_pct = maybe(0, 100);
    if (next() % 4 == 0)
        z->occupancy_reported_pct.v = 100;
    z->as_of = next() % 2 ? "2024-06-01" : NULL;
    if (next() % 4 == 0) { /* ties on every figure, told apart by unknowns and code */
        z->available_ha = (struct site_value){next() % 2 != 0, 50};
        z->lease_usd_m2 = (struct site_value){0, 0};
        z->km_hcmc = (struct site_value){next() % 2 != 0, 30};
    }
}

static void random_query(struct site_query *q)
{
    int i;

    memset(q, 0, sizeof(*q));
    site_default_weights(q);
    for (i = 0; i < CRIT_COUNT; i++)
        if (next() % 4 == 0)
            q->weight[i] = uniform(0, 5);
    q->land_ha = next() % 2 ? uniform(1, 60) : 0;
    q->ready_year = next() % 2 ? 2026 + (int)(next() % 4) : 0;
    q->max_lease_usd_m2 = sometimes(50, 150);
    q->max_km_hcmc = sometimes(20, 100);
    q->max_km_port = sometimes(10, 80);
    q->min_wwtp_m3_day = sometimes(100, 5000);
    q->min_power_mva = sometimes(5, 100);
    q->has_units = (int)(next() % 2);
    q->has_sector = (int)(next() % 2);
    q->today_year = next() % 4 ? 2027 : 0;
}

static double score(const struct site_query *q, const struct site_zone *z)
{
    struct site_result r;

    site_score(q, z, &r);
    return r.score;
}

/* ===== examples ===== */

static void test_example(void)
{
    struct site_query q;
    struct site_zone z;
    struct site_result r;

    memset(&q, 0, sizeof(q));
    memset(&z, 0, sizeof(z));
    site_default_weights(&q);
    q.land_ha = 10;
    z.code = "a";
    z.stage = STAGE_OPERATING;
    z.available_ha = (struct site_value){1, 20};  /* 20 / (2 x 10) = 1 */
    z.lease_usd_m2 = (struct site_value){1, 100}; /* 1 / (1 + 1) = 0.5 */
    z.km_hcmc = (struct site_value){1, 50};       /* 0.5 */
    z.km_port = (struct site_value){1, 30};       /* 0.5 */
    z.wwtp_m3_day = (struct site_value){1, 2000}; /* 0.5 */
    z.power_mva = (struct site_value){0, 0};      /* unknown: 0.5 */
    z.sector_allowed = 1;
    site_score(&q, &z, &r);
    /* weights 3,2,2,1,1,1,2 (unit, sector not asked): (3 + 1 + 1 + .5 + .5 + .5 + 2) / 12 */
    CHECK_EQ_DBL(r.score, 100 * 8.5 / 12, 1e-9);
    CHECK_EQ_DBL(r.contribution[CRIT_LAND], 100 * 3.0 / 12, 1e-9);
    /* land and readiness met; power unknown but not required: a gap */
    CHECK_EQ_INT(r.group, SITE_FITS);
    CHECK_EQ_INT(r.check[CRIT_LAND], CHECK_MET);
    CHECK_EQ_INT(r.check[CRIT_READY], CHECK_MET);
    CHECK_EQ_INT(r.check[CRIT_POWER], CHECK_NOT_ASKED);
    CHECK_EQ_INT(r.unknowns, 1);
    CHECK_EQ_INT(r.nreasons, 1);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_UNKNOWN);
    CHECK_EQ_INT(r.reasons[0].criterion, CRIT_POWER);
    /* power required and unknown: may fit, unverified; the score is unchanged */
    q.min_power_mva = (struct site_value){1, 20};
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_UNVERIFIED);
    CHECK_EQ_INT(r.check[CRIT_POWER], CHECK_UNKNOWN);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_UNVERIFIED);
    CHECK_EQ_DBL(r.score, 100 * 8.5 / 12, 1e-9);
    q.min_power_mva.known = 0;
    /* needs 12 ha; 8.4 available: excluded with both figures */
    z.available_ha.v = 8.4;
    q.land_ha = 12;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_EXCLUDED);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_LAND_SHORT);
    CHECK_EQ_DBL(r.reasons[0].a, 12, 0);
    CHECK_EQ_DBL(r.reasons[0].b, 8.4, 0);
    /* reported 100% occupied: no land as of the report, whatever the areas say */
    z.available_ha.v = 30;
    z.occupancy_reported_pct = (struct site_value){1, 100};
    z.as_of = "2022-06-01";
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_EXCLUDED);
    CHECK_EQ_INT(r.check[CRIT_LAND], CHECK_NOT_MET);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_LAND_FULL);
    CHECK_EQ_STR(r.reasons[0].when, "2022-06-01");
    CHECK_EQ_DBL(r.contribution[CRIT_LAND], 0, 0);
    q.land_ha = 0; /* no area stated: still no land, and any site needs some */
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_EXCLUDED);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_LAND_FULL);
    z.occupancy_reported_pct.known = 0;
    z.available_ha.v = 0;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_EXCLUDED);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_NO_LAND);
    z.available_ha.known = 0; /* unknown and not asked: a gap */
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_FITS);
    CHECK_EQ_INT(r.check[CRIT_LAND], CHECK_NOT_ASKED);
    z.available_ha = (struct site_value){1, 30};
    z.occupancy_reported_pct = (struct site_value){1, 99};
    q.land_ha = 12;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_FITS);
    /* building, ready 2027, wanted by 2028: met; wanted now: not met */
    z.stage = STAGE_BUILDING;
    z.ready_year = 2027;
    q.ready_year = 2028;
    q.today_year = 2026;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_FITS);
    q.ready_year = 0;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_EXCLUDED);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_NOT_READY);
    /* an opening year already past is stale data, not a plan: unverified
     * whether wanted now or by a year */
    z.ready_year = 2021;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_UNVERIFIED);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_STALE_READY);
    CHECK_EQ_DBL(r.reasons[0].a, 2021, 0);
    q.ready_year = 2030;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.check[CRIT_READY], CHECK_UNKNOWN);
    /* sector: listed is met, other sectors listed or none is unverified */
    z.stage = STAGE_OPERATING;
    q.has_sector = 1;
    z.sector = 1;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.check[CRIT_SECTOR], CHECK_MET);
    z.sector = 0;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.check[CRIT_SECTOR], CHECK_UNKNOWN);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_SECTOR_UNLISTED);
    z.sector_allowed = 0;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.group, SITE_EXCLUDED);
    CHECK_EQ_STR(site_criterion_name(CRIT_HCMC), "km_hcmc");
    CHECK_EQ_STR(site_group_name(SITE_UNVERIFIED), "unverified");
    CHECK_EQ_STR(site_check_name(CHECK_NOT_MET), "not_met");
}

/* ===== properties ===== */

/* better(z, c) makes criterion c's figure better by a random step. */
static void better(struct site_zone *z, int which)
{
    struct site_value *v[] = {&z->available_ha, &z->lease_usd_m2, &z->km_hcmc,
                              &z->km_port,      &z->wwtp_m3_day,  &z->power_mva};
    int more = which == 0 || which >= 4;

    if (!v[which]->known)
        return;
    v[which]->v = more ? v[which]->v + uniform(0, 100) : v[which]->v * uniform(0, 1);
}

static void test_monotone(void)
{
    int i, which, bad = 0;

    for (i = 0; i < 20000; i++) {
        struct site_query q;
        struct site_zone z, z2;
        random_query(&q);
        random_zone(&z, 0);
        which = (int)(next() % 6);
        z2 = z;
        better(&z2, which);
        if (score(&q, &z2) < score(&q, &z) - 1e-9)
            bad++;
    }
    CHECK_EQ_INT(bad, 0);
}

/* The stated order: group, then score (highest first), then fewer
 * unknowns, then code. */
static int in_order(const struct site_result *a, const struct site_result *b)
{
    if (a->group != b->group)
        return a->group < b->group;
    if (a->score != b->score)
        return a->score > b->score;
    if (a->unknowns != b->unknowns)
        return a->unknowns < b->unknowns;
    return strcmp(a->zone->code, b->zone->code) < 0;
}

/* The group by the rule as users read it, worked out apart from the code
 * under test: any requirement broken excludes; else any unknown leaves it
 * unverified; else it fits. */
static enum site_group expected_group(const struct site_query *q, const struct site_zone *z)
{
    const struct site_value *max_of[] = {&q->max_lease_usd_m2, &q->max_km_hcmc, &q->max_km_port};
    const struct site_value *max_fig[] = {&z->lease_usd_m2, &z->km_hcmc, &z->km_port};
    const struct site_value *min_of[] = {&q->min_wwtp_m3_day, &q->min_power_mva};
    const struct site_value *min_fig[] = {&z->wwtp_m3_day, &z->power_mva};
    int broken = 0, unknown = 0, i;

    if (z->occupancy_reported_pct.known && z->occupancy_reported_pct.v >= 100)
        broken = 1; /* reported full: no land, whatever is asked */
    else if (q->land_ha <= 0 && z->available_ha.known && z->available_ha.v <= 0)
        broken = 1; /* any site needs some land */
    else if (q->land_ha > 0) {
        if (!z->available_ha.known)
            unknown = 1;
        else if (z->available_ha.v < q->land_ha)
            broken = 1;
    }
    for (i = 0; i < 3; i++) {
        if (max_of[i]->known && !max_fig[i]->known)
            unknown = 1;
        else if (max_of[i]->known && max_fig[i]->v > max_of[i]->v)
            broken = 1;
    }
    for (i = 0; i < 2; i++) {
        if (min_of[i]->known && !min_fig[i]->known)
            unknown = 1;
        else if (min_of[i]->known && min_fig[i]->v < min_of[i]->v)
            broken = 1;
    }
    if (z->stage == STAGE_CANCELLED)
        broken = 1;
    else if (z->stage == STAGE_UNKNOWN)
        unknown = 1;
    else if (z->stage != STAGE_OPERATING) {
        if (z->ready_year && q->today_year && z->ready_year < q->today_year)
            unknown = 1; /* stale: the year has passed */
        else if (!q->ready_year)
            broken = 1; /* operating now is wanted */
        else if (!z->ready_year)
            unknown = 1;
        else if (z->ready_year > q->ready_year)
            broken = 1;
    }
    if (q->has_sector) {
        if (!z->sector_allowed)
            broken = 1;
        else if (z->sector != 1)
            unknown = 1;
    }
    return broken ? SITE_EXCLUDED : unknown ? SITE_UNVERIFIED : SITE_FITS;
}

/* A zone is listed as fitting only when every stated requirement is met
 * on a known figure; every unverified zone names what to ask. */
static void test_groups(void)
{
    int i, k, bad = 0, bad_reason = 0, seen[SITE_GROUPS] = {0, 0, 0};

    for (i = 0; i < 20000; i++) {
        struct site_query q;
        struct site_zone z;
        struct site_result r;
        int asks = 0;
        random_query(&q);
        random_zone(&z, 0);
        site_score(&q, &z, &r);
        seen[r.group]++;
        if (r.group != expected_group(&q, &z))
            bad++;
        for (k = 0; k < r.nreasons; k++)
            asks += r.reasons[k].kind == REASON_UNVERIFIED ||
                    r.reasons[k].kind == REASON_STALE_READY ||
                    r.reasons[k].kind == REASON_SECTOR_UNLISTED;
        if ((r.group == SITE_UNVERIFIED) != (asks > 0 && r.group != SITE_EXCLUDED))
            bad_reason++;
        if (r.group == SITE_EXCLUDED && r.check[r.reasons[0].criterion] != CHECK_NOT_MET)
            bad_reason++; /* an excluded zone's first reason is why */
    }
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(bad_reason, 0);
    CHECK(seen[SITE_FITS] > 100 && seen[SITE_UNVERIFIED] > 100 && seen[SITE_EXCLUDED] > 100);
}

static void test_order_independent(void)
{
    static struct site_zone zones[200], shuffled[200];
    static struct site_result a[200], b[200];
    int round, i, bad = 0;

    for (round = 0; round < 50; round++) {
        struct site_query q;
        random_query(&q);
        for (i = 0; i < 200; i++)
            random_zone(&zones[i], i);
        memcpy(shuffled, zones, sizeof(zones));
        for (i = 199; i > 0; i--) {
            int j = (int)(next() % (uint64_t)(i + 1));
            struct site_zone t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        site_rank(&q, zones, 200, a);
        site_rank(&q, shuffled, 200, b);
        for (i = 0; i < 200; i++) {
            if (strcmp(a[i].zone->code, b[i].zone->code) != 0 || a[i].score != b[i].score)
                bad++;
            if (i > 0 && !in_order(&a[i - 1], &a[i]))
                bad++;
        }
    }
    CHECK_EQ_INT(bad, 0);
}

static void test_zero_weight_removes(void)
{
    int i, bad = 0;

    for (i = 0; i < 5000; i++) {
        struct site_query q;
        struct site_zone z, z2;
        int which = (int)(next() % 6);
        random_query(&q);
        random_zone(&z, 0);
        q.weight[which] = 0;
        z2 = z;
        better(&z2, which);
        if (score(&q, &z2) != score(&q, &z))
            bad++;
    }
    CHECK_EQ_INT(bad, 0);
}

static void test_bounds(void)
{
    int i, bad = 0;

    for (i = 0; i < 20000; i++) {
        struct site_query q;
        struct site_zone z;
        struct site_result r;
        double sum = 0;
        int c;
        random_query(&q);
        random_zone(&z, 0);
        site_score(&q, &z, &r);
        for (c = 0; c < CRIT_COUNT; c++)
            sum += r.contribution[c];
        if (r.score < 0 || r.score > 100 + 1e-9 || sum < r.score - 1e-9 || sum > r.score + 1e-9)
            bad++;
    }
    CHECK_EQ_INT(bad, 0);
}

static void test_text(void)
{
    char out[256];
    struct site_reason land = {REASON_LAND_SHORT, CRIT_LAND, 12, 8.4, NULL};
    struct site_reason gap = {REASON_UNKNOWN, CRIT_PRICE, 0, 0, NULL};
    struct site_reason late = {REASON_NOT_READY, CRIT_READY, 2027, 0, NULL};
    struct site_reason full = {REASON_LAND_FULL, CRIT_LAND, 100, 0, "2022-06-01"};
    struct site_reason ask = {REASON_UNVERIFIED, CRIT_LAND, 0, 0, NULL};
    struct site_reason stale = {REASON_STALE_READY, CRIT_READY, 2021, 0, NULL};

    CHECK_EQ_STR(site_format_number(9251.6, 2, SITE_VI, out, sizeof(out)), "9.251,6");
    CHECK_EQ_STR(site_format_number(9251.6, 2, SITE_EN, out, sizeof(out)), "9,251.6");
    CHECK_EQ_STR(site_format_number(1234567, 0, SITE_KO, out, sizeof(out)), "1,234,567");
    CHECK_EQ_STR(site_format_number(-0.004, 2, SITE_EN, out, sizeof(out)), "0");
    CHECK_EQ_STR(site_format_number(-12.5, 2, SITE_VI, out, sizeof(out)), "-12,5");
    CHECK_EQ_STR(site_reason_text(&land, SITE_EN, out, sizeof(out)),
                 "needs 12 ha; 8.4 ha available");
    CHECK_EQ_STR(site_reason_text(&land, SITE_VI, out, sizeof(out)), "cần 12 ha; còn trống 8,4 ha");
    CHECK_EQ_STR(site_reason_text(&land, SITE_KO, out, sizeof(out)), "12 ha 필요, 가용 8.4 ha");
    CHECK_EQ_STR(site_reason_text(&gap, SITE_EN, out, sizeof(out)),
                 "lease price unknown: scored neutral, not as a match");
    CHECK_EQ_STR(site_reason_text(&late, SITE_EN, out, sizeof(out)),
                 "not ready when needed (needed by 2027; opening year unknown)");
    CHECK_EQ_STR(site_reason_name(REASON_SECTOR_BARRED), "sector_barred");
    CHECK_EQ_STR(site_reason_text(&full, SITE_EN, out, sizeof(out)),
                 "reported 100% occupied (as of 2022-06-01): no land available");
    CHECK_EQ_STR(site_reason_text(&full, SITE_KO, out, sizeof(out)),
                 "입주율 100% 보고(2022-06-01 기준): 가용 부지 없음");
    full.when = NULL;
    CHECK_EQ_STR(site_reason_text(&full, SITE_VI, out, sizeof(out)),
                 "báo cáo lấp đầy 100% (tính đến chưa rõ ngày): không còn đất trống");
    CHECK_EQ_STR(site_reason_text(&ask, SITE_EN, out, sizeof(out)),
                 "available land unknown, so not verified: ask the zone how many hectares are "
                 "available to lease now");
    CHECK_EQ_STR(site_reason_text(&stale, SITE_EN, out, sizeof(out)),
                 "planned to open in 2021, a year already past, and not reported open: ask the "
                 "zone whether it operates now");
    CHECK_EQ_STR(site_reason_name(REASON_UNVERIFIED), "unverified");
    CHECK_EQ_STR(site_reason_name(REASON_UNKNOWN), "unknown");
    CHECK(site_kind_allows("logistics", "5210"));
    CHECK(!site_kind_allows("logistics", "2610"));
    CHECK(site_kind_allows("kcn", "2610"));
    CHECK(site_kind_allows("port", "H"));
    CHECK(!site_kind_allows("port", "C"));
}

/* Any page of any groups is exactly those ranks of the full ranking, and
 * the counts are the groups' sizes. */
static void test_page(void)
{
    static struct site_zone zones[300];
    static struct site_result full[300], page[3 * 40];
    static struct rank_key scratch[3 * 80];
    int round, i, bad = 0;

    for (round = 0; round < 200; round++) {
        struct site_query q;
        struct site_page pg = {next() % 40, 1 + next() % 40, (unsigned)(1 + next() % 7)};
        size_t count[SITE_GROUPS], first[SITE_GROUPS + 1] = {0}, got, want = 0, g, j, at = 0;
        random_query(&q);
        for (i = 0; i < 300; i++)
            random_zone(&zones[i], i);
        site_rank(&q, zones, 300, full);
        got = site_rank_page(&q, zones, 300, &pg, scratch, page, count);
        for (i = 0; i < 300; i++)
            first[full[i].group + 1]++;
        for (g = 0; g < SITE_GROUPS; g++) {
            if (count[g] != first[g + 1])
                bad++;
            first[g + 1] += first[g];
        }
        for (g = 0; g < SITE_GROUPS; g++) {
            if (!((pg.groups >> g) & 1u))
                continue;
            for (j = pg.offset; j < pg.offset + pg.limit && j < count[g]; j++, at++) {
                const struct site_result *w = &full[first[g] + j];
                want++;
                if (at >= got || strcmp(page[at].zone->code, w->zone->code) != 0 ||
                    page[at].score != w->score || page[at].group != w->group ||
                    page[at].nreasons != w->nreasons)
                    bad++;
            }
        }
        if (got != want)
            bad++;
    }
    CHECK_EQ_INT(bad, 0);
}

int main(void)
{
    test_page();
    test_groups();
    test_text();
    test_example();
    test_monotone();
    test_order_independent();
    test_zero_weight_removes();
    test_bounds();
    return test_report("test_site_match");
}
