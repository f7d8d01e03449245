/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/target: current value, share done, least-squares trend
 * and projection, and every verdict, with numbers worked out by hand in the
 * comments next to each case.
 */
#include "core/target.h"

#include "test.h"

#define EPS 1e-9

static struct target_input input(double baseline, int32_t baseline_day, double target,
                                 int32_t due_day, const struct target_point *obs, size_t nobs,
                                 int32_t today)
{
    struct target_input in = {0};

    in.has_baseline = 1;
    in.baseline = baseline;
    in.baseline_day = baseline_day;
    in.has_target = 1;
    in.target = target;
    in.due_day = due_day;
    in.obs = obs;
    in.nobs = nobs;
    in.today = today;
    return in;
}

/* Baseline 100 on day 0, 130 on day 365, 160 on day 730 (given out of
 * order): a straight line rising 30 per 365 days. Slope per year =
 * 30 * 365.25 / 365 = 30.020547945205479. At day 1000 the line is at
 * 100 + 1000 * 30 / 365 = 182.19178082191781 < 200: off track. At day 1300
 * it is 206.84931506849315 >= 200: on track. Share = (160-100)/(200-100). */
static void test_linear_increase(void)
{
    static const struct target_point obs[] = {{730, 160}, {365, 130}};
    struct target_input in = input(100, 0, 200, 1000, obs, 2, 800);
    struct target_progress p;

    target_compute(&in, &p);
    CHECK_EQ_INT(p.has_current, 1);
    CHECK_EQ_DBL(p.current, 160, 0);
    CHECK_EQ_INT(p.current_day, 730);
    CHECK_EQ_INT(p.has_share, 1);
    CHECK_EQ_DBL(p.share_done, 0.6, EPS);
    CHECK_EQ_INT(p.has_trend, 1);
    CHECK_EQ_DBL(p.slope_per_year, 30.020547945205479, EPS);
    CHECK_EQ_DBL(p.projected, 182.19178082191781, EPS);
    CHECK_EQ_INT(p.verdict, TARGET_OFF_TRACK);

    in.due_day = 1300;
    target_compute(&in, &p);
    CHECK_EQ_DBL(p.projected, 206.84931506849315, EPS);
    CHECK_EQ_INT(p.verdict, TARGET_ON_TRACK);

    in.today = 1301; /* past due, 160 < 200 */
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_MISSED);

    in.target = 150; /* 160 >= 150 even though past due */
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_MET);
    CHECK_EQ_DBL(p.share_done, 1.2, EPS); /* (160-100)/(150-100), not clamped */
}

/* No baseline, points (0,0) (1,1) (2,3): mean day 1, mean value 4/3,
 * Sxx = 2, Sxy = (-1)(-4/3) + (1)(5/3) = 3, slope 1.5 per day = 547.875 per
 * year; at day 10: 4/3 + 1.5 * 9 = 14.833333333333334. */
static void test_least_squares(void)
{
    static const struct target_point obs[] = {{0, 0}, {1, 1}, {2, 3}};
    struct target_input in = {0};
    struct target_progress p;

    in.has_target = 1;
    in.target = 20;
    in.due_day = 10;
    in.obs = obs;
    in.nobs = 3;
    in.today = 5;
    target_compute(&in, &p);
    CHECK_EQ_INT(p.has_share, 0); /* no baseline */
    CHECK_EQ_DBL(p.current, 3, 0);
    CHECK_EQ_INT(p.has_trend, 1);
    CHECK_EQ_DBL(p.slope_per_year, 547.875, EPS);
    CHECK_EQ_DBL(p.projected, 14.833333333333334, EPS);
    CHECK_EQ_INT(p.verdict, TARGET_OFF_TRACK);
    in.target = 14.8;
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_ON_TRACK);
}

/* A target to go down: baseline 50 on day 0, target 30 by day 800, 40 on
 * day 365. Share = (40-50)/(30-50) = 0.5. Slope -10/365 per day =
 * -10.006849315068493 per year; at day 800: 50 - 800 * 10 / 365 =
 * 28.082191780821918 <= 30: on track. */
static void test_decrease(void)
{
    static const struct target_point obs[] = {{365, 40}};
    struct target_input in = input(50, 0, 30, 800, obs, 1, 400);
    struct target_progress p;

    in.decrease = 1;
    target_compute(&in, &p);
    CHECK_EQ_DBL(p.share_done, 0.5, EPS);
    CHECK_EQ_DBL(p.slope_per_year, -10.006849315068493, EPS);
    CHECK_EQ_DBL(p.projected, 28.082191780821918, EPS);
    CHECK_EQ_INT(p.verdict, TARGET_ON_TRACK);
    in.due_day = 500; /* 50 - 500 * 10 / 365 = 36.3 > 30 */
    target_compute(&in, &p);
    CHECK_EQ_DBL(p.projected, 36.301369863013699, EPS);
    CHECK_EQ_INT(p.verdict, TARGET_OFF_TRACK);
    in.target = 40; /* 40 <= 40 */
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_MET);
    in.target = 45; /* for a decrease, 40 <= 45 is met; for an increase it is not */
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_MET);
    in.decrease = 0;
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_OFF_TRACK);
}

struct verdict_case {
    const char *name;
    int has_baseline, has_target;
    size_t nobs;
    int32_t today;
    enum target_verdict want;
    enum target_why_unknown why;
    int want_current, want_share, want_trend;
};

/* Observations for the table below: two on the same day, the later given
 * one wins. Baseline 10 on day 100, target 20 by day 200. */
static const struct target_point same_day[] = {{150, 12}, {150, 14}};

static const struct verdict_case verdict_cases[] = {
    {"no target", 1, 0, 2, 120, TARGET_UNKNOWN, TARGET_WHY_NO_TARGET, 1, 0, 1},
    {"baseline only", 1, 1, 0, 120, TARGET_UNKNOWN, TARGET_WHY_NO_DATA, 0, 0, 0},
    {"nothing", 0, 1, 0, 120, TARGET_UNKNOWN, TARGET_WHY_NO_DATA, 0, 0, 0},
    /* a value short of the target says nothing of where it is going */
    {"one observation, no baseline", 0, 1, 1, 120, TARGET_UNKNOWN, TARGET_WHY_NO_TREND, 1, 0, 0},
    {"one day only: no trend", 0, 1, 2, 120, TARGET_UNKNOWN, TARGET_WHY_NO_TREND, 1, 0, 0},
    {"baseline and one observation", 1, 1, 1, 120, TARGET_OFF_TRACK, TARGET_WHY_NONE, 1, 1, 1},
    {"same, past due", 1, 1, 2, 201, TARGET_MISSED, TARGET_WHY_NONE, 1, 1, 1},
    {"one day only, past due: missed", 0, 1, 2, 201, TARGET_MISSED, TARGET_WHY_NONE, 1, 0, 0},
    {"baseline only, past due", 1, 1, 0, 201, TARGET_UNKNOWN, TARGET_WHY_NO_DATA, 0, 0, 0},
};

static void test_verdicts(void)
{
    struct target_progress p;
    size_t i;

    for (i = 0; i < sizeof(verdict_cases) / sizeof(verdict_cases[0]); i++) {
        const struct verdict_case *c = &verdict_cases[i];
        struct target_input in = input(10, 100, 20, 200, same_day, c->nobs, c->today);

        in.has_baseline = c->has_baseline;
        in.has_target = c->has_target;
        target_compute(&in, &p);
        if (p.verdict != c->want)
            fprintf(stderr, "case: %s\n", c->name);
        CHECK_EQ_INT(p.verdict, c->want);
        CHECK_EQ_INT(p.why_unknown, c->why);
        CHECK_EQ_INT(p.has_current, c->want_current);
        CHECK_EQ_INT(p.has_share, c->want_share);
        CHECK_EQ_INT(p.has_trend, c->want_trend);
    }
}

/* Baseline 10 on day 100, 12 and 14 on day 150, target 20 by day 200.
 * current = 14 (last given). Share = 4/10. Points (100,10) (150,12)
 * (150,14): mean day 133.3.., mean value 12; Sxx = 1111.1 + 2 * 277.7.. =
 * 1666.67, Sxy = (-33.3)(-2) + (16.67)(0) + (16.67)(2) = 100; slope 0.06 per
 * day = 21.915 per year; at day 200: 12 + 0.06 * 66.67 = 16. */
static void test_same_day_points(void)
{
    struct target_input in = input(10, 100, 20, 200, same_day, 2, 160);
    struct target_progress p;

    target_compute(&in, &p);
    CHECK_EQ_DBL(p.current, 14, 0);
    CHECK_EQ_INT(p.current_day, 150);
    CHECK_EQ_DBL(p.share_done, 0.4, EPS);
    CHECK_EQ_DBL(p.slope_per_year, 21.915, EPS);
    CHECK_EQ_DBL(p.projected, 16, EPS);
    CHECK_EQ_INT(p.verdict, TARGET_OFF_TRACK);
    in.target = 10; /* target equal to baseline: no share, and 14 >= 10 is met */
    target_compute(&in, &p);
    CHECK_EQ_INT(p.has_share, 0);
    CHECK_EQ_INT(p.verdict, TARGET_MET);
}

static void test_names(void)
{
    CHECK_EQ_STR(target_verdict_name(TARGET_UNKNOWN), "unknown");
    CHECK_EQ_STR(target_verdict_name(TARGET_MET), "met");
    CHECK_EQ_STR(target_verdict_name(TARGET_ON_TRACK), "on_track");
    CHECK_EQ_STR(target_verdict_name(TARGET_OFF_TRACK), "off_track");
    CHECK_EQ_STR(target_verdict_name(TARGET_MISSED), "missed");
    CHECK_EQ_STR(target_why_unknown_name(TARGET_WHY_NO_TARGET), "no_target");
    CHECK_EQ_STR(target_why_unknown_name(TARGET_WHY_NO_DATA), "no_observations");
    CHECK_EQ_STR(target_why_unknown_name(TARGET_WHY_NO_TREND), "no_trend");
    CHECK_EQ_STR(target_why_unknown_name(TARGET_WHY_DATES), "dates_uncertain");
    CHECK(target_why_unknown_name(TARGET_WHY_NONE) == NULL);
    CHECK_EQ_STR(target_verdict_name((enum target_verdict)99), "unknown");
}

/* Over random targets: "off track" and "on track" only with a trend, whose
 * projection decides between them; every unknown verdict has its reason
 * and no known one has any. */
static void test_verdict_properties(void)
{
    struct target_point obs[4];
    uint32_t seed = 12345;
    int i, j, off = 0, no_trend = 0;

    for (i = 0; i < 20000; i++) {
        struct target_input in = {0};
        struct target_progress p;
#define NEXT(n) ((((seed = seed * 1103515245u + 12345u) >> 8) % (n)))
        in.has_baseline = (int)NEXT(2);
        in.baseline = NEXT(100);
        in.baseline_day = (int32_t)NEXT(400);
        in.has_target = NEXT(8) != 0;
        in.target = NEXT(200);
        in.due_day = 400 + (int32_t)NEXT(800);
        in.decrease = (int)NEXT(2);
        in.nobs = NEXT(5);
        for (j = 0; j < (int)in.nobs; j++)
            obs[j] = (struct target_point){(int32_t)NEXT(3) * 150, (double)NEXT(200)};
        in.obs = obs;
        in.today = (int32_t)NEXT(1400);
#undef NEXT
        target_compute(&in, &p);
        CHECK_EQ_INT(p.verdict == TARGET_UNKNOWN, p.why_unknown != TARGET_WHY_NONE);
        if (p.verdict == TARGET_OFF_TRACK || p.verdict == TARGET_ON_TRACK) {
            int reached = in.decrease ? p.projected <= in.target : p.projected >= in.target;
            CHECK(p.has_trend);
            CHECK_EQ_INT(reached, p.verdict == TARGET_ON_TRACK);
            off += p.verdict == TARGET_OFF_TRACK;
        }
        no_trend += p.why_unknown == TARGET_WHY_NO_TREND;
    }
    CHECK(off > 100);      /* the cases above were met, */
    CHECK(no_trend > 100); /* both of them */
}

/* A baseline known to its month (0 on some day 0..30) and 10 on day 100,
 * due on day 200. Read at day 0 the line reaches 20 on day 200; read at
 * day 30 it reaches 10 + 100 * 10 / 70 = 24.2857142857. A target of 20
 * is met by both readings: on track. A target of 22 only by the second:
 * the verdict is unknown, and why. The trend shown is the first reading. */
static void test_imprecise_dates(void)
{
    static const struct target_point obs[] = {{100, 10, 0}};
    struct target_input in = input(0, 0, 20, 200, obs, 1, 150);
    struct target_progress p;

    in.baseline_day_last = 30;
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_ON_TRACK);
    CHECK(p.projected > 20 - EPS && p.projected < 20 + EPS);
    in.target = 22;
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_UNKNOWN);
    CHECK_EQ_INT(p.why_unknown, TARGET_WHY_DATES);
    CHECK(p.has_trend && p.projected > 20 - EPS && p.projected < 20 + EPS);
    in.target = 25; /* beyond both: off track */
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_OFF_TRACK);
    in.baseline_day_last = 0; /* known to the day: the first reading alone */
    in.target = 22;
    target_compute(&in, &p);
    CHECK_EQ_INT(p.verdict, TARGET_OFF_TRACK);
}

/* Over random baselines and observations known to a month or a year: a
 * verdict of on or off track holds for every reading of the dates (all
 * before today, which is before the due day): the projection of any
 * reading reaches the target as the verdict says. With
 * two points whose periods end before the due day, the projection moves
 * one way as either date moves, so any day in the periods (sampled) must
 * agree; with more, every combination of ends. */
static void test_imprecise_properties(void)
{
    struct target_point obs[3], moved[3];
    uint32_t seed = 777;
    int i, j, k, known = 0, uncertain = 0;

    for (i = 0; i < 4000; i++) {
        struct target_input in = {0}, at;
        struct target_progress p, q;
#define NEXT(n) ((((seed = seed * 1103515245u + 12345u) >> 8) % (n)))
        in.has_baseline = 1;
        in.baseline = NEXT(100);
        in.baseline_day = (int32_t)NEXT(200);
        in.baseline_day_last = in.baseline_day + (NEXT(2) ? (int32_t)NEXT(60) : 0);
        in.has_target = 1;
        in.target = NEXT(300);
        in.due_day = 1000 + (int32_t)NEXT(400);
        in.decrease = (int)NEXT(2);
        in.nobs = 1 + NEXT(3);
        for (j = 0; j < (int)in.nobs; j++) {
            int32_t day = 300 + (int32_t)NEXT(300);
            obs[j] = (struct target_point){day, (double)NEXT(300),
                                           NEXT(2) ? day + (int32_t)NEXT(200) : 0};
        }
        in.obs = obs;
        in.today = 900;
        target_compute(&in, &p);
        if (p.why_unknown == TARGET_WHY_DATES)
            uncertain++;
        if (p.verdict != TARGET_ON_TRACK && p.verdict != TARGET_OFF_TRACK)
            continue;
        known++;
        for (k = 0; k < 16; k++) { /* one reading: each date somewhere in its period */
            int ends = in.nobs > 1;
            at = in;
            at.baseline_day =
                in.baseline_day_last > in.baseline_day
                    ? in.baseline_day +
                          (ends ? (NEXT(2) ? in.baseline_day_last - in.baseline_day : 0)
                                : (int32_t)NEXT(
                                      (uint32_t)(in.baseline_day_last - in.baseline_day + 1)))
                    : in.baseline_day;
            at.baseline_day_last = 0;
            for (j = 0; j < (int)in.nobs; j++) {
                int32_t span = obs[j].day_last > obs[j].day ? obs[j].day_last - obs[j].day : 0;
                moved[j] = obs[j];
                moved[j].day +=
                    span ? (ends ? (NEXT(2) ? span : 0) : (int32_t)NEXT((uint32_t)span + 1)) : 0;
                moved[j].day_last = 0;
            }
            at.obs = moved;
            target_compute(&at, &q);
            CHECK(q.has_trend);
            CHECK_EQ_INT(in.decrease ? q.projected <= in.target : q.projected >= in.target,
                         p.verdict == TARGET_ON_TRACK);
        }
#undef NEXT
    }
    CHECK(known > 500);
    CHECK(uncertain > 50);
}

int main(void)
{
    test_linear_increase();
    test_least_squares();
    test_decrease();
    test_verdicts();
    test_same_day_points();
    test_names();
    test_verdict_properties();
    test_imprecise_dates();
    test_imprecise_properties();
    return test_report("test_target");
}
