/* SPDX-License-Identifier: MIT */
/*
 * A dossier's stages and acts (core/dossier_flow) and the clocks of
 * dossiers and consultations (core/dossier_clock): who may do what at
 * which stage, clocks worked by hand across the 2026 Tết break with a
 * question to the investor, and properties over random clocks.
 */
#include "cal_2026.h"
#include "core/dossier_clock.h"
#include "core/dossier_flow.h"
#include "core/dossier_stats.h"
#include "core/xalloc.h"

static void test_flow(void)
{
    enum dossier_stage s;
    int wrong = 0;

    CHECK_EQ_INT(dossier_stage_of("consulting", 0, &s), 0);
    CHECK_EQ_INT(s, DOSSIER_CONSULTING);
    CHECK_EQ_INT(dossier_stage_of("consulting", 1, &s), 0);
    CHECK_EQ_STR(dossier_stage_name(s), "appraising");
    CHECK_EQ_STR(dossier_status_name(s), "consulting");
    CHECK_EQ_INT(dossier_stage_of("decided", 1, &s), 0);
    CHECK_EQ_INT(s, DOSSIER_DECIDED);
    CHECK_EQ_INT(dossier_stage_of("appraising", 0, &s), -1); /* not a stored status */
    CHECK_EQ_INT(dossier_stage_of(NULL, 0, &s), -1);

    /* the path from filing to decision, each by its party */
    CHECK(!dossier_act_refusal(DOSSIER_RETURN, DOSSIER_OFFICER, DOSSIER_RECEIVED, &wrong));
    CHECK_EQ_INT(dossier_stage_after(DOSSIER_RETURN, DOSSIER_RECEIVED), DOSSIER_RETURNED);
    CHECK(!dossier_act_refusal(DOSSIER_RESUBMIT, DOSSIER_INVESTOR, DOSSIER_RETURNED, NULL));
    CHECK_EQ_INT(dossier_stage_after(DOSSIER_RESUBMIT, DOSSIER_RETURNED), DOSSIER_RECEIVED);
    CHECK(!dossier_act_refusal(DOSSIER_ACCEPT, DOSSIER_OFFICER, DOSSIER_RECEIVED, NULL));
    CHECK_EQ_INT(dossier_stage_after(DOSSIER_ACCEPT, DOSSIER_RECEIVED), DOSSIER_CONSULTING);
    CHECK(!dossier_act_refusal(DOSSIER_ASK, DOSSIER_DEPARTMENT, DOSSIER_CONSULTING, NULL));
    CHECK(!dossier_act_refusal(DOSSIER_ANSWER, DOSSIER_INVESTOR, DOSSIER_CONSULTING, NULL));
    CHECK(!dossier_act_refusal(DOSSIER_OPINION, DOSSIER_DEPARTMENT, DOSSIER_CONSULTING, NULL));
    CHECK_EQ_INT(dossier_stage_after(DOSSIER_OPINION, DOSSIER_CONSULTING), DOSSIER_CONSULTING);
    CHECK(!dossier_act_refusal(DOSSIER_APPRAISE, DOSSIER_OFFICER, DOSSIER_CONSULTING, NULL));
    CHECK_EQ_INT(dossier_stage_after(DOSSIER_APPRAISE, DOSSIER_CONSULTING), DOSSIER_APPRAISING);
    CHECK(!dossier_act_refusal(DOSSIER_DECIDE, DOSSIER_OFFICER, DOSSIER_APPRAISING, NULL));
    CHECK_EQ_INT(dossier_stage_after(DOSSIER_DECIDE, DOSSIER_APPRAISING), DOSSIER_DECIDED);

    /* the wrong party: a matter of rights, not of the stage */
    CHECK_EQ_STR(dossier_act_refusal(DOSSIER_ACCEPT, DOSSIER_INVESTOR, DOSSIER_RECEIVED, &wrong),
                 "only an officer may accept a dossier");
    CHECK_EQ_INT(wrong, 0);
    CHECK(dossier_act_refusal(DOSSIER_OPINION, DOSSIER_OFFICER, DOSSIER_CONSULTING, NULL));
    CHECK(dossier_act_refusal(DOSSIER_DECIDE, DOSSIER_DEPARTMENT, DOSSIER_APPRAISING, NULL));
    CHECK(dossier_act_refusal(DOSSIER_WITHDRAW, DOSSIER_OFFICER, DOSSIER_RECEIVED, NULL));
    /* the right party at the wrong stage */
    CHECK_EQ_STR(dossier_act_refusal(DOSSIER_DECIDE, DOSSIER_OFFICER, DOSSIER_CONSULTING, &wrong),
                 "the dossier is being consulted on");
    CHECK_EQ_INT(wrong, 1);
    CHECK_EQ_STR(dossier_act_refusal(DOSSIER_WITHDRAW, DOSSIER_INVESTOR, DOSSIER_DECIDED, &wrong),
                 "the dossier is decided");
    CHECK(dossier_act_refusal(DOSSIER_ACCEPT, DOSSIER_OFFICER, DOSSIER_RETURNED, NULL));
    CHECK(dossier_act_refusal(DOSSIER_OPINION, DOSSIER_DEPARTMENT, DOSSIER_APPRAISING, NULL));
    CHECK(dossier_act_refusal(DOSSIER_UPLOAD, DOSSIER_INVESTOR, DOSSIER_WITHDRAWN, NULL));
    CHECK(!dossier_act_refusal(DOSSIER_UPLOAD, DOSSIER_INVESTOR, DOSSIER_RETURNED, NULL));
    CHECK_EQ_INT(dossier_stage_after(DOSSIER_WITHDRAW, DOSSIER_APPRAISING), DOSSIER_WITHDRAWN);
    CHECK_EQ_STR(dossier_act_name(DOSSIER_APPRAISE), "appraise");
    CHECK(dossier_in_park("kcn") && dossier_in_park("economic") && dossier_in_park("hitech"));
    CHECK(!dossier_in_park("ccn") && !dossier_in_park("port") && !dossier_in_park(NULL));
}

static void clock_at(int32_t start, int days, enum workday_count count,
                     const struct workday_pause *p, size_t np, int32_t done, int32_t today,
                     struct clock_view *v)
{
    struct clock_facts f = {start, days, count, p, np, done, today};

    dossier_clock(&cal_2026, &f, v);
}

static void test_clock_by_hand(void)
{
    struct clock_view v;
    struct workday_pause p;

    /* accepted Mon 9/2, 7 working days: Tue 10 .. Fri 13, then the Tết
     * break, Mon 23, Tue 24, Wed 25 */
    clock_at(D("2026-02-09"), 7, WORKDAY_COUNT_WORKING, NULL, 0, WORKDAY_NO_DATE, D("2026-02-13"),
             &v);
    CHECK_EQ_STR(clock_state_name(v.state), "running");
    CHECK_EQ_STR(S(v.due), "2026-02-25");
    CHECK_EQ_INT(v.left, 3); /* 23, 24, 25 */
    clock_at(D("2026-02-09"), 7, WORKDAY_COUNT_WORKING, NULL, 0, WORKDAY_NO_DATE, D("2026-02-25"),
             &v);
    CHECK_EQ_INT(v.left, 0);
    clock_at(D("2026-02-09"), 7, WORKDAY_COUNT_WORKING, NULL, 0, WORKDAY_NO_DATE, D("2026-02-27"),
             &v);
    CHECK_EQ_INT(v.left, -2); /* overdue by Thu 26 and Fri 27 */
    CHECK_EQ_INT(v.overdue, 1);
    clock_at(D("2026-02-06"), 1, WORKDAY_COUNT_WORKING, NULL, 0, WORKDAY_NO_DATE, D("2026-02-14"),
             &v);
    CHECK_EQ_STR(S(v.due), "2026-02-09");
    CHECK_EQ_INT(v.overdue, 1);
    CHECK_EQ_INT(v.left, -4); /* Tue 10 .. Fri 13; Sat 14 adds none */

    /* a question asked Wed 11/2, still open on Fri 27/2: the clock counted
     * 10 and 11 (2 days); answered today it would count 5 more: Mon 2 ..
     * Fri 6/3 */
    p = (struct workday_pause){D("2026-02-11"), WORKDAY_OPEN};
    clock_at(D("2026-02-09"), 7, WORKDAY_COUNT_WORKING, &p, 1, WORKDAY_NO_DATE, D("2026-02-27"),
             &v);
    CHECK_EQ_STR(clock_state_name(v.state), "paused");
    CHECK_EQ_STR(S(v.due), "2026-03-06");
    CHECK_EQ_INT(v.left, 5);
    /* answered Mon 23/2 and opinion given Fri 27/2: the pause ran 12..23,
     * the clock counted 10, 11, 24, 25, 26, 27 (6 days), due Mon 2/3 */
    p.resumed = D("2026-02-23");
    clock_at(D("2026-02-09"), 7, WORKDAY_COUNT_WORKING, &p, 1, D("2026-02-27"), D("2026-03-10"),
             &v);
    CHECK_EQ_STR(clock_state_name(v.state), "done");
    CHECK_EQ_STR(S(v.due), "2026-03-02");
    CHECK_EQ_INT(v.late, 0);
    CHECK_EQ_INT(v.took, 6);

    /* 15 calendar days from Thu 5/2 end inside the break: Mon 23/2; done Tue 24 is late */
    clock_at(D("2026-02-05"), 15, WORKDAY_COUNT_CALENDAR, NULL, 0, D("2026-02-24"), D("2026-03-01"),
             &v);
    CHECK_EQ_STR(S(v.due), "2026-02-23");
    CHECK_EQ_INT(v.late, 1);
    CHECK_EQ_INT(v.took, 8); /* Fri 6, Mon 9 .. Fri 13, Mon 23, Tue 24 */

    /* not accepted; accepted with no limit known; a limit of 0 */
    clock_at(WORKDAY_NO_DATE, 7, WORKDAY_COUNT_WORKING, NULL, 0, WORKDAY_NO_DATE, D("2026-03-01"),
             &v);
    CHECK_EQ_STR(clock_state_name(v.state), "not_started");
    CHECK_EQ_STR(S(v.due), "(none)");
    clock_at(D("2026-03-02"), CLOCK_NO_LIMIT, WORKDAY_COUNT_WORKING, NULL, 0, WORKDAY_NO_DATE,
             D("2026-03-05"), &v);
    CHECK_EQ_STR(clock_state_name(v.state), "unknown");
    CHECK_EQ_STR(S(v.due), "(none)");
    CHECK_EQ_INT(v.left, 0);
    clock_at(D("2026-03-02"), CLOCK_NO_LIMIT, WORKDAY_COUNT_WORKING, NULL, 0, D("2026-03-05"),
             D("2026-03-09"), &v);
    CHECK_EQ_STR(clock_state_name(v.state), "done");
    CHECK_EQ_INT(v.late, 0); /* no limit: never late */
    CHECK_EQ_INT(v.took, 3);
}

/* A random day of 2026 (the calendar's year). */
static int32_t any_day(void)
{
    return D("2026-01-01") + NEXT(330);
}

/* Properties: the due day is a working day that the count of the limit
 * reaches; working days left fall by one per working day passed and are 0
 * on the due day; a question never brings the due day earlier; a clock
 * done after its due day is late and one done on it is not. */
static void test_clock_properties(void)
{
    int i;

    for (i = 0; i < 3000; i++) {
        int32_t start = any_day(), today, next;
        int n = NEXT(30);
        enum workday_count k = NEXT(2) ? WORKDAY_COUNT_WORKING : WORKDAY_COUNT_CALENDAR;
        struct workday_pause p = {start + NEXT(20), 0};
        struct clock_view plain, paused, v2, done;

        p.resumed = p.stopped + NEXT(15);
        today = start + NEXT(60);
        clock_at(start, n, k, NULL, 0, WORKDAY_NO_DATE, today, &plain);
        CHECK_EQ_INT(plain.state, CLOCK_RUNNING);
        CHECK(plain.due != WORKDAY_NO_DATE && plain.due >= start);
        CHECK(workday_is_working(&cal_2026, plain.due));
        CHECK_EQ_INT(plain.overdue, today > plain.due);
        CHECK(plain.overdue ? plain.left <= 0 : plain.left >= 0);
        if (k == WORKDAY_COUNT_WORKING && n > 0)
            CHECK_EQ_INT(workday_between(&cal_2026, start, plain.due, NULL, 0), n);
        /* a working day later, one working day fewer */
        next = today + 1;
        while (!workday_is_working(&cal_2026, next))
            next++;
        clock_at(start, n, k, NULL, 0, WORKDAY_NO_DATE, next, &v2);
        CHECK_EQ_INT(v2.left, plain.left - 1);
        clock_at(start, n, k, NULL, 0, WORKDAY_NO_DATE, plain.due, &v2);
        CHECK_EQ_INT(v2.left, 0);
        /* a question, answered or still open, never brings the due day earlier */
        clock_at(start, n, k, &p, 1, WORKDAY_NO_DATE, today, &paused);
        CHECK(paused.due >= plain.due);
        p.resumed = WORKDAY_OPEN;
        clock_at(start, n, k, &p, 1, WORKDAY_NO_DATE, today, &paused);
        CHECK(paused.due >= plain.due);
        CHECK_EQ_INT(paused.state, CLOCK_PAUSED);
        /* late exactly when done after the due day */
        clock_at(start, n, k, NULL, 0, plain.due, today, &done);
        CHECK_EQ_INT(done.late, 0);
        CHECK_EQ_INT(done.took, workday_between(&cal_2026, start, plain.due, NULL, 0));
        clock_at(start, n, k, NULL, 0, plain.due + 1 + NEXT(5), today, &done);
        CHECK_EQ_INT(done.late, 1);
    }
}

static void test_pauses_text(void)
{
    struct workday_pause p[3];

    CHECK_EQ_INT(clock_pauses_parse(NULL, p, 3), 0);
    CHECK_EQ_INT(clock_pauses_parse("", p, 3), 0);
    CHECK_EQ_INT(clock_pauses_parse("2026-02-11/2026-02-23 2026-03-02/", p, 3), 2);
    CHECK_EQ_STR(S(p[0].stopped), "2026-02-11");
    CHECK_EQ_STR(S(p[0].resumed), "2026-02-23");
    CHECK_EQ_STR(S(p[1].stopped), "2026-03-02");
    CHECK_EQ_INT(p[1].resumed, WORKDAY_OPEN);
    CHECK_EQ_INT(clock_pauses_parse("2026-02-11/2026-02-23 2026-03-02/", p, 1), -1);
    CHECK_EQ_INT(clock_pauses_parse("2026-02-11", p, 3), -1);
    CHECK_EQ_INT(clock_pauses_parse("2026-02-11/x", p, 3), -1);
    CHECK_EQ_INT(clock_pauses_parse("2026-02-30/", p, 3), -1);
    CHECK_EQ_INT(clock_pauses_parse("2026-02-11/2026-02-23,", p, 3), -1);

    /* as many questions as a dossier has: 100, the last still open */
    {
        char text[100 * 22 + 1] = "";
        struct workday_pause *all = NULL;
        size_t n = 0, used = 0;
        int i;
        for (i = 0; i < 100; i++)
            used += (size_t)snprintf(text + used, sizeof(text) - used, "%s%s/%s", i ? " " : "",
                                     S(D("2025-01-01") + 2 * i),
                                     i < 99 ? S(D("2025-01-02") + 2 * i) : "");
        CHECK_EQ_INT(clock_pauses_read(text, &all, &n), 0);
        CHECK_EQ_INT(n, 100);
        CHECK(all && all[99].resumed == WORKDAY_OPEN && all[98].resumed != WORKDAY_OPEN);
        xfree(all);
        CHECK_EQ_INT(clock_pauses_read("", &all, &n), 0);
        CHECK(all == NULL && n == 0);
        CHECK_EQ_INT(clock_pauses_read("2026-02-11", &all, &n), -1);
    }
}

static void test_stats(void)
{
    struct dossier_stat st = {0};
    int i, j;

    CHECK_EQ_DBL(dossier_stat_quantile(&st, 0.5), -1, 0);
    CHECK_EQ_DBL(dossier_stat_on_time(&st), -1, 0);
    dossier_stat_add(&st, 1, 0, 4);
    dossier_stat_add(&st, 1, 1, 1);
    dossier_stat_add(&st, 0, 0, 3);
    dossier_stat_add(&st, 1, 0, 2);
    CHECK_EQ_INT(st.handled, 4);
    CHECK_EQ_INT(st.with_due, 3);
    CHECK_EQ_DBL(dossier_stat_on_time(&st), 2.0 / 3.0, 1e-12);
    /* 1 2 3 4: the median between 2 and 3, the 90th percentile 0.7 of the way from 3 to 4 */
    CHECK_EQ_DBL(dossier_stat_quantile(&st, 0.5), 2.5, 1e-12);
    CHECK_EQ_DBL(dossier_stat_quantile(&st, 0.9), 3.7, 1e-12);
    dossier_stat_add(&st, 1, 0, 10);
    CHECK_EQ_DBL(dossier_stat_quantile(&st, 0.5), 3, 1e-12); /* odd: the middle one */
    dossier_stat_free(&st);

    /* properties: between the least and the most, never falling as q grows */
    for (i = 0; i < 300; i++) {
        int n = 1 + NEXT(40);
        long lo = 100000, hi = -1;
        double last = -1;
        for (j = 0; j < n; j++) {
            long v = NEXT(60);
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            dossier_stat_add(&st, 1, NEXT(2), v);
        }
        for (j = 0; j <= 20; j++) {
            double v = dossier_stat_quantile(&st, j / 20.0);
            CHECK(v >= (double)lo && v <= (double)hi);
            CHECK(v >= last);
            last = v;
        }
        CHECK_EQ_DBL(dossier_stat_quantile(&st, 0), (double)lo, 0);
        CHECK_EQ_DBL(dossier_stat_quantile(&st, 1), (double)hi, 0);
        CHECK(st.on_time <= st.with_due && st.with_due <= st.handled);
        dossier_stat_free(&st);
    }
}

int main(void)
{
    build_2026();
    test_flow();
    test_clock_by_hand();
    test_clock_properties();
    test_pauses_text();
    test_stats();
    return test_report("test_dossier");
}
