/* SPDX-License-Identifier: MIT */
/*
 * Site matching: examples with scores worked out by hand, and properties
 * checked over generated zones and queries: better figures never lower a
 * score, the ranking does not depend on row order, weights of zero remove
 * a criterion, excluded zones never rank above included ones.
 */
#include <stdint.h>
#include <stdlib.h>

#include "core/site_match.h"
#include "core/site_text.h"
#include "test.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double uniform(double lo, double hi)
{
    return lo + (hi - lo) * (double)(next() >> 11) / 9007199254740992.0;
}

static struct site_value maybe(double lo, double hi)
{
    struct site_value v = {next() % 5 != 0, uniform(lo, hi)};
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
    z->lease_usd_m2 = maybe(30, 200);
    z->km_hcmc = maybe(5, 150);
    z->km_port = maybe(2, 120);
    z->wwtp_m3_day = maybe(0, 20000);
    z->power_mva = maybe(0, 300);
    z->in_preferred_unit = (int)(next() % 2);
    z->sector = (int)(next() % 3) - 1;
    z->sector_allowed = next() % 10 != 0;
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
    q->max_lease_usd_m2 = maybe(50, 150);
    q->max_km_hcmc = maybe(20, 100);
    q->max_km_port = maybe(10, 80);
    q->min_wwtp_m3_day = maybe(100, 5000);
    q->min_power_mva = maybe(5, 100);
    q->has_units = (int)(next() % 2);
    q->has_sector = (int)(next() % 2);
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
    CHECK_EQ_INT(r.excluded, 0);
    CHECK_EQ_INT(r.nreasons, 1);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_UNKNOWN);
    CHECK_EQ_INT(r.reasons[0].criterion, CRIT_POWER);
    /* needs 12 ha; 8.4 available: excluded with both figures */
    z.available_ha.v = 8.4;
    q.land_ha = 12;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.excluded, 1);
    CHECK_EQ_INT(r.reasons[0].kind, REASON_LAND_SHORT);
    CHECK_EQ_DBL(r.reasons[0].a, 12, 0);
    CHECK_EQ_DBL(r.reasons[0].b, 8.4, 0);
    /* building, ready 2027, wanted by 2028: in; wanted now: out */
    z.available_ha.v = 30;
    z.stage = STAGE_BUILDING;
    z.ready_year = 2027;
    q.ready_year = 2028;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.excluded, 0);
    q.ready_year = 0;
    site_score(&q, &z, &r);
    CHECK_EQ_INT(r.excluded, 1);
    CHECK_EQ_INT(r.reasons[r.nreasons - 1].kind, REASON_NOT_READY);
    CHECK_EQ_STR(site_criterion_name(CRIT_HCMC), "km_hcmc");
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
            if (i > 0 && a[i - 1].excluded && !a[i].excluded)
                bad++; /* an excluded zone above an included one */
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
    struct site_reason land = {REASON_LAND_SHORT, CRIT_LAND, 12, 8.4};
    struct site_reason gap = {REASON_UNKNOWN, CRIT_PRICE, 0, 0};
    struct site_reason late = {REASON_NOT_READY, CRIT_READY, 2027, 0};

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
    CHECK(site_kind_allows("logistics", "5210"));
    CHECK(!site_kind_allows("logistics", "2610"));
    CHECK(site_kind_allows("kcn", "2610"));
    CHECK(site_kind_allows("port", "H"));
    CHECK(!site_kind_allows("port", "C"));
}

/* The best k of a large set are exactly the first k of the full ranking. */
static void test_top_k(void)
{
    static struct site_zone zones[300];
    static struct site_result full[300], top[2 * 40];
    int round, i, bad = 0;

    for (round = 0; round < 40; round++) {
        struct site_query q;
        size_t k = 1 + next() % 40, in, ex, got, nin = 0;
        random_query(&q);
        for (i = 0; i < 300; i++)
            random_zone(&zones[i], i);
        site_rank(&q, zones, 300, full);
        got = site_rank_top(&q, zones, 300, k, top, &in, &ex);
        for (i = 0; i < 300; i++)
            nin += !full[i].excluded;
        if (in != nin || ex != 300 - nin || got != (in < k ? in : k) + (ex < k ? ex : k))
            bad++;
        for (i = 0; i < (int)got; i++) {
            /* included part: full[i]; excluded part: full[nin + j] */
            size_t kin = in < k ? in : k;
            const struct site_result *want =
                (size_t)i < kin ? &full[i] : &full[nin + ((size_t)i - kin)];
            if (strcmp(top[i].zone->code, want->zone->code) != 0 || top[i].score != want->score)
                bad++;
        }
    }
    CHECK_EQ_INT(bad, 0);
}

int main(void)
{
    test_top_k();
    test_text();
    test_example();
    test_monotone();
    test_order_independent();
    test_zero_weight_removes();
    test_bounds();
    return test_report("test_site_match");
}
