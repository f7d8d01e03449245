/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's outcomes: a small pipeline counted by hand by sector,
 * by month, quarter and year, and by event; facts outside the days left
 * out; contracts of unknown value counted apart; the groups in order with
 * "none" last; and, over generated facts, the groups add up to the total
 * whatever the grouping.
 */
#include <string.h>

#include "core/num.h"
#include "core/outcomes.h"
#include "rng.h"
#include "test.h"

static int32_t day(const char *iso)
{
    int32_t d = 0;

    parse_date(iso, &d);
    return d;
}

static const struct outcome_fact_row *facts(size_t *n)
{
    static struct outcome_fact_row f[9];

    f[0] = (struct outcome_fact_row){
        FACT_DEMAND, day("2026-01-10"), "2220", "SK-2026-0001", "chungnam-tp", 0, 0};
    f[1] = (struct outcome_fact_row){FACT_DEMAND, day("2026-02-03"), "2592", NULL, NULL, 0, 0};
    f[2] = (struct outcome_fact_row){
        FACT_PROPOSED, day("2026-01-20"), "2220", "SK-2026-0001", "chungnam-tp", 0, 0};
    f[3] = (struct outcome_fact_row){
        FACT_INTEREST, day("2026-01-21"), "2220", "SK-2026-0001", "chungnam-tp", 0, 0};
    f[4] = (struct outcome_fact_row){
        FACT_MEETING, day("2026-02-25"), "2220", "SK-2026-0001", "chungnam-tp", 0, 0};
    f[5] = (struct outcome_fact_row){
        FACT_CONTRACT, day("2026-04-01"), "2220", "SK-2026-0001", "chungnam-tp", 60000, 1};
    f[6] = (struct outcome_fact_row){FACT_CONTRACT, day("2026-04-15"), "2592", NULL, NULL, 0, 0};
    f[7] = (struct outcome_fact_row){FACT_DEMAND, day("2025-12-31"), "2610", NULL, NULL, 0, 0};
    f[8] = (struct outcome_fact_row){FACT_CONTRACT, day("2027-01-01"), "2610", NULL, NULL, 9e6, 1};
    *n = 9;
    return f;
}

static const struct outcome_group *group(const struct outcome_table *t, const char *key)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        if (!strcmp(t->groups[i].key, key))
            return &t->groups[i];
    return NULL;
}

static void count(struct outcome_table *t, enum outcome_by by, enum outcome_period p,
                  struct outcome_group *room)
{
    size_t n, i;
    const struct outcome_fact_row *f = facts(&n);

    outcomes_init(t, by, p, day("2026-01-01"), day("2026-12-31"), room, 16);
    for (i = 0; i < n; i++)
        outcomes_add(t, &f[i]);
    outcomes_sort(t);
}

static void test_by_hand(void)
{
    struct outcome_group room[16];
    struct outcome_table t;
    const struct outcome_group *g;

    count(&t, BY_SECTOR, PERIOD_MONTH, room);
    CHECK_EQ_INT((long)t.n, 2);
    CHECK_EQ_INT(t.total.count[FACT_DEMAND], 2); /* the 2025 and 2027 facts are out */
    CHECK_EQ_INT(t.total.count[FACT_CONTRACT], 2);
    CHECK_EQ_DBL(t.total.contract_usd, 60000, 0);
    CHECK_EQ_INT(t.total.contracts_unvalued, 1);
    g = group(&t, "22");
    CHECK(g && g->count[FACT_PROPOSED] == 1 && g->count[FACT_INTEREST] == 1 &&
          g->count[FACT_MEETING] == 1 && g->contract_usd == 60000);
    g = group(&t, "25");
    CHECK(g && g->count[FACT_DEMAND] == 1 && g->contracts_unvalued == 1);

    count(&t, BY_PERIOD, PERIOD_MONTH, room);
    CHECK_EQ_STR(t.groups[0].key, "2026-01");
    CHECK_EQ_INT(group(&t, "2026-01")->count[FACT_DEMAND], 1);
    CHECK_EQ_INT(group(&t, "2026-04")->count[FACT_CONTRACT], 2);
    count(&t, BY_PERIOD, PERIOD_QUARTER, room);
    CHECK_EQ_INT((long)t.n, 2);
    CHECK_EQ_INT(group(&t, "2026-Q1")->count[FACT_MEETING], 1);
    CHECK_EQ_INT(group(&t, "2026-Q2")->count[FACT_CONTRACT], 2);
    count(&t, BY_PERIOD, PERIOD_YEAR, room);
    CHECK_EQ_INT((long)t.n, 1);
    CHECK_EQ_STR(t.groups[0].key, "2026");

    count(&t, BY_EVENT, PERIOD_MONTH, room);
    CHECK_EQ_INT((long)t.n, 2);
    CHECK_EQ_STR(t.groups[0].key, "SK-2026-0001");
    CHECK_EQ_STR(t.groups[1].key, ""); /* no event: last */
    CHECK_EQ_INT(t.groups[0].count[FACT_CONTRACT], 1);
    CHECK_EQ_STR(outcome_fact_name(FACT_INTEREST), "interests");
    count(&t, BY_PARTNER, PERIOD_MONTH, room);
    CHECK_EQ_STR(t.groups[0].key, "chungnam-tp");
    CHECK_EQ_INT(t.groups[0].count[FACT_DEMAND], 1);
    CHECK_EQ_DBL(t.groups[0].contract_usd, 60000, 0);
}

/* Over generated facts the groups add up to the total, and a table too
 * small for its groups says how many facts it dropped. */
static void test_groups_add_up(void)
{
    static struct outcome_group room[64];
    static const char *const vsic[] = {"2220", "2592", "2610", NULL};
    static const char *const ev[] = {"E1", "E2", NULL};
    int round, bad = 0;

    for (round = 0; round < 200; round++) {
        struct outcome_table t;
        size_t i, k;
        long sum[FACT_KINDS] = {0};
        outcomes_init(&t, (enum outcome_by)(round % 4), (enum outcome_period)(next() % 3),
                      day("2025-01-01"), day("2026-12-31"), room, round % 7 ? 64 : 2);
        for (i = 0; i < 100; i++) {
            struct outcome_fact_row f = {(enum outcome_fact)(next() % FACT_KINDS),
                                         day("2024-06-01") + (int32_t)(next() % 1000),
                                         vsic[next() % 4],
                                         ev[next() % 3],
                                         ev[next() % 3],
                                         uniform(0, 1e6),
                                         (int)(next() % 2)};
            outcomes_add(&t, &f);
        }
        for (i = 0; i < t.n; i++)
            for (k = 0; k < FACT_KINDS; k++)
                sum[k] += t.groups[i].count[k];
        for (k = 0; k < FACT_KINDS; k++)
            if (t.dropped == 0)
                bad += sum[k] != t.total.count[k];
        if (round % 7 == 0)
            bad += t.n > 2;
    }
    CHECK_EQ_INT(bad, 0);
}

int main(void)
{
    test_by_hand();
    test_groups_add_up();
    return test_report("test_outcomes");
}
