/* SPDX-License-Identifier: MIT */
/*
 * The local supply share: an example worked out by hand over a year (a
 * demand with no value in the coverage only, a withdrawn one leaving the
 * base, a linkage ending, one answering a demand outside the place, one
 * answering none), and properties over generated data: the shares do not
 * depend on the order of demands or linkages, an active linkage with a
 * value never lowers either share, and the numerators never exceed what
 * the active linkages of the base are worth.
 */
#include <math.h>
#include <string.h>

#include "core/local_share.h"
#include "core/num.h"
#include "rng.h"
#include "test.h"

static int32_t day(const char *iso)
{
    int32_t d = SHARE_NO_DAY;

    parse_date(iso, &d);
    return d;
}

static void test_example(void)
{
    const struct share_demand dm[] = {
        {1, 1, 100000, day("2026-01-10"), SHARE_NO_DAY},     /* D1 */
        {1, 0, 0, day("2026-02-01"), SHARE_NO_DAY},          /* D2: value unknown */
        {1, 1, 50000, day("2026-01-05"), day("2026-03-01")}, /* D3: withdrawn */
        {0, 1, 999000, day("2026-01-01"), SHARE_NO_DAY},     /* D4: another place */
        {1, 1, 70000, day("2026-04-01"), SHARE_NO_DAY},      /* D5: posted later */
    };
    const struct share_linkage lk[] = {
        {0, 1, 60000, day("2026-01-20"), SHARE_NO_DAY, 1, 1},      /* local, domestic */
        {0, 1, 20000, day("2026-02-01"), day("2026-06-30"), 0, 1}, /* from elsewhere */
        {2, 1, 50000, day("2026-02-15"), SHARE_NO_DAY, 1, 0},      /* local FDI firm */
        {3, 1, 900000, day("2026-01-02"), SHARE_NO_DAY, 1, 1},     /* answers D4 */
        {-1, 1, 10000, day("2026-01-02"), SHARE_NO_DAY, 1, 1},     /* answers none */
        {0, 0, 0, day("2026-02-01"), SHARE_NO_DAY, 1, 1},          /* value unknown */
    };
    struct share_result r;

    local_share(dm, 5, lk, 6, day("2026-02-20"), &r);
    CHECK_EQ_DBL(r.base_usd, 150000, 1e-6);
    CHECK_EQ_INT(r.demands, 3);
    CHECK_EQ_INT(r.demands_valued, 2);
    CHECK_EQ_INT(r.linkages, 4);
    CHECK_EQ_INT(r.linkages_valued, 3);
    CHECK_EQ_DBL(r.local_usd, 110000, 1e-6);
    CHECK_EQ_DBL(r.by_location_pct, 100.0 * 110000 / 150000, 1e-9);
    CHECK_EQ_DBL(r.by_ownership_pct, 100.0 * 80000 / 150000, 1e-9);
    /* D3 withdrawn on 1 March: out of the base with its linkage */
    local_share(dm, 5, lk, 6, day("2026-03-05"), &r);
    CHECK_EQ_DBL(r.base_usd, 100000, 1e-6);
    CHECK_EQ_DBL(r.by_location_pct, 60, 1e-9);
    CHECK_EQ_DBL(r.by_ownership_pct, 80, 1e-9);
    /* D5 posted; the linkage from elsewhere ended on 30 June */
    local_share(dm, 5, lk, 6, day("2026-07-01"), &r);
    CHECK_EQ_DBL(r.base_usd, 170000, 1e-6);
    CHECK_EQ_DBL(r.by_location_pct, 100.0 * 60000 / 170000, 1e-9);
    CHECK_EQ_DBL(r.by_ownership_pct, 100.0 * 60000 / 170000, 1e-9);
    /* the day a linkage ends it still counts; before anything, no base */
    local_share(dm, 5, lk, 6, day("2026-06-30"), &r);
    CHECK_EQ_DBL(r.by_ownership_pct, 100.0 * 80000 / 170000, 1e-9);
    local_share(dm, 5, lk, 6, day("2025-12-31"), &r);
    CHECK_EQ_INT(r.has_base, 0);
    CHECK_EQ_DBL(r.by_location_pct, 0, 0);
}

#define ND 40
#define NL 80

static void random_data(struct share_demand *dm, struct share_linkage *lk)
{
    int i;

    for (i = 0; i < ND; i++)
        dm[i] = (struct share_demand){next() % 5 != 0, next() % 6 != 0, uniform(1e3, 1e6),
                                      day("2025-01-01") + (int32_t)(next() % 700),
                                      next() % 5 ? SHARE_NO_DAY
                                                 : day("2025-06-01") + (int32_t)(next() % 700)};
    for (i = 0; i < NL; i++)
        lk[i] = (struct share_linkage){next() % 8 ? (long)(next() % ND) : -1,
                                       next() % 6 != 0,
                                       uniform(1e3, 5e5),
                                       day("2025-01-01") + (int32_t)(next() % 700),
                                       next() % 3 ? SHARE_NO_DAY
                                                  : day("2025-06-01") + (int32_t)(next() % 900),
                                       (int)(next() % 2),
                                       (int)(next() % 2)};
}

static void test_properties(void)
{
    static struct share_demand dm[ND], dm2[ND];
    static struct share_linkage lk[NL + 1], lk2[NL];
    int round, i, bad = 0, raised = 0;
    long where[ND];

    for (round = 0; round < 300; round++) {
        struct share_result a, b;
        int32_t d = day("2025-01-01") + (int32_t)(next() % 900);
        double active = 0;
        random_data(dm, lk);
        local_share(dm, ND, lk, NL, d, &a);
        /* the demands shuffled (the linkages follow their demand), the
         * linkages reversed: the same shares */
        for (i = 0; i < ND; i++)
            where[i] = i;
        for (i = ND - 1; i > 0; i--) {
            int j = (int)(next() % (uint64_t)(i + 1));
            long t = where[i];
            where[i] = where[j];
            where[j] = t;
        }
        for (i = 0; i < ND; i++)
            dm2[where[i]] = dm[i];
        for (i = 0; i < NL; i++) {
            lk2[NL - 1 - i] = lk[i];
            if (lk[i].demand >= 0)
                lk2[NL - 1 - i].demand = where[lk[i].demand];
        }
        local_share(dm2, ND, lk2, NL, d, &b);
        bad += fabs(a.base_usd - b.base_usd) > 1e-6 || fabs(a.local_usd - b.local_usd) > 1e-6 ||
               fabs(a.domestic_usd - b.domestic_usd) > 1e-6 || a.linkages != b.linkages;
        /* never more than the active linkages of the base are worth */
        for (i = 0; i < NL; i++)
            if (lk[i].demand >= 0 && share_linkage_active(&lk[i], d) &&
                share_demand_open(&dm[lk[i].demand], d) && dm[lk[i].demand].value_known &&
                lk[i].value_known)
                active += lk[i].annual_usd;
        bad += a.local_usd > active + 1e-6 || a.domestic_usd > active + 1e-6;
        /* one more active, valued, local and domestic linkage on an open
         * valued demand never lowers a share */
        for (i = 0; i < ND; i++) {
            if (!share_demand_open(&dm[i], d) || !dm[i].value_known)
                continue;
            lk[NL] = (struct share_linkage){i, 1, uniform(1, 1e5), d, SHARE_NO_DAY, 1, 1};
            local_share(dm, ND, lk, NL + 1, d, &b);
            bad += b.by_location_pct < a.by_location_pct || b.by_ownership_pct < a.by_ownership_pct;
            raised += b.by_location_pct > a.by_location_pct;
            break;
        }
    }
    CHECK_EQ_INT(bad, 0);
    CHECK(raised > 100); /* the added linkage was counted, not only harmless */
}

int main(void)
{
    test_example();
    test_properties();
    return test_report("test_local_share");
}
