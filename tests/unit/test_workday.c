/* SPDX-License-Identifier: MIT */
/*
 * The working-day calendar and the counting of time limits (core/workday):
 * cases worked by hand on the Government's 2026 schedule (a make-up
 * Saturday, the Tết break, a compensatory day, a limit in calendar days
 * that ends inside a break), and properties over random calendars, starts,
 * limits and stopped clocks.
 */
#include "cal_2026.h"
#include "core/workday_rules.h"

#define CHECK_DUE(from, n, count, want)                                                            \
    CHECK_EQ_STR(S(workday_due(&cal_2026, D(from), n, count, NULL, 0)), want)

static void test_by_hand(void)
{
    struct workday_pause p;

    CHECK_EQ_INT(workday_calendar_check(&cal_2026), 0);
    CHECK_EQ_INT(workday_weekday(D("2026-11-24")), 2); /* a Tuesday */
    CHECK_EQ_INT(workday_weekday(D("1970-01-01")), 4);
    CHECK_EQ_INT(workday_weekday(D("1969-12-28")), 7);
    CHECK(!workday_is_working(&cal_2026, D("2026-01-02")));
    CHECK(workday_is_working(&cal_2026, D("2026-01-10")));
    CHECK(!workday_is_working(&cal_2026, D("2026-01-17"))); /* an ordinary Saturday */
    CHECK(workday_is_working(&cal_2026, D("2026-11-24")));  /* conditional: not in force */
    /* the make-up Saturday counts: Thu 8/1 + 2 working days = Fri 9, Sat 10 */
    CHECK_DUE("2026-01-08", 2, WORKDAY_COUNT_WORKING, "2026-01-10");
    /* New Year: Wed 31/12/2025 + 1 working day skips Thu 1/1 (holiday), Fri 2/1
     * (swapped) and the weekend */
    CHECK_DUE("2025-12-31", 1, WORKDAY_COUNT_WORKING, "2026-01-05");
    /* Tết: Thu 12/2 + 5 working days = Fri 13, then Mon 23, 24, 25, 26 */
    CHECK_DUE("2026-02-12", 5, WORKDAY_COUNT_WORKING, "2026-02-26");
    /* 15 calendar days from Thu 5/2 end Fri 20/2, inside the break: Mon 23/2 */
    CHECK_DUE("2026-02-05", 15, WORKDAY_COUNT_CALENDAR, "2026-02-23");
    /* 15 calendar days that end on a working day stay there */
    CHECK_DUE("2026-03-02", 15, WORKDAY_COUNT_CALENDAR, "2026-03-17");
    /* the compensatory day: Fri 24/4 + 1 working day = Tue 28/4 */
    CHECK_DUE("2026-04-24", 1, WORKDAY_COUNT_WORKING, "2026-04-28");
    /* 30/4-1/5 and the weekend: Wed 29/4 + 1 = Mon 4/5 */
    CHECK_DUE("2026-04-29", 1, WORKDAY_COUNT_WORKING, "2026-05-04");
    /* National Day 2026 with its swap: Fri 21/8 + 1 = Sat 22/8; Fri 28/8 + 1 = Thu 3/9 */
    CHECK_DUE("2026-08-21", 1, WORKDAY_COUNT_WORKING, "2026-08-22");
    CHECK_DUE("2026-08-28", 1, WORKDAY_COUNT_WORKING, "2026-09-03");
    /* no limit: the day itself, or the next working day */
    CHECK_DUE("2026-03-02", 0, WORKDAY_COUNT_WORKING, "2026-03-02");
    CHECK_DUE("2026-02-14", 0, WORKDAY_COUNT_CALENDAR, "2026-02-23");
    /* out of range */
    CHECK_DUE("2026-03-02", -1, WORKDAY_COUNT_WORKING, "(none)");
    CHECK_DUE("2026-03-02", WORKDAY_MAX_DAYS + 1, WORKDAY_COUNT_CALENDAR, "(none)");

    /* a clock stopped Tue 3/3 and resumed Fri 6/3 (the answer's day not
     * counted): 7 working days from Mon 2/3 are Tue 3, then Mon 9 .. Fri 13,
     * Mon 16: due Mon 16/3 instead of Wed 11/3 */
    CHECK_DUE("2026-03-02", 7, WORKDAY_COUNT_WORKING, "2026-03-11");
    p = (struct workday_pause){D("2026-03-03"), D("2026-03-06")};
    CHECK_EQ_STR(S(workday_due(&cal_2026, D("2026-03-02"), 7, WORKDAY_COUNT_WORKING, &p, 1)),
                 "2026-03-16");
    /* still stopped: no due date; stopped after the due day: no change */
    p.resumed = WORKDAY_OPEN;
    CHECK_EQ_INT(workday_due(&cal_2026, D("2026-03-02"), 7, WORKDAY_COUNT_WORKING, &p, 1),
                 WORKDAY_NO_DATE);
    p.stopped = D("2026-03-11");
    CHECK_EQ_STR(S(workday_due(&cal_2026, D("2026-03-02"), 7, WORKDAY_COUNT_WORKING, &p, 1)),
                 "2026-03-11");
    /* working days between, both ways */
    CHECK_EQ_INT(workday_between(&cal_2026, D("2026-02-12"), D("2026-02-26"), NULL, 0), 5);
    CHECK_EQ_INT(workday_between(&cal_2026, D("2026-02-26"), D("2026-02-12"), NULL, 0), -5);
    CHECK_EQ_INT(workday_between(&cal_2026, D("2026-02-13"), D("2026-02-13"), NULL, 0), 0);
}

/* ===== properties ===== */

/* A random calendar over the 800 days from base: weekdays off (holidays,
 * days off, compensatory days, conditional days), and Saturdays made
 * working days. */
static struct workday_row random_rows[400];

static struct workday_calendar random_calendar(int32_t base)
{
    static const enum workday_kind off_kinds[] = {WORKDAY_HOLIDAY, WORKDAY_DAY_OFF,
                                                  WORKDAY_COMPENSATORY, WORKDAY_CONDITIONAL};
    struct workday_calendar c = {random_rows, 0};
    int32_t day;

    for (day = base; day < base + 800 && c.nrows < 400; day++) {
        int wd = workday_weekday(day);
        if (wd == 6 && NEXT(20) == 0)
            random_rows[c.nrows++] = (struct workday_row){day, WORKDAY_WORKING_SATURDAY, 0};
        else if (wd < 6 && NEXT(12) == 0)
            random_rows[c.nrows++] = (struct workday_row){day, off_kinds[NEXT(4)], 0};
        /* runs of days off, as a Tết break makes */
        if (wd == 1 && NEXT(60) == 0) {
            int k;
            for (k = 1; k < 5 && c.nrows < 400; k++)
                random_rows[c.nrows++] = (struct workday_row){day + k, WORKDAY_DAY_OFF, 0};
            day += 4;
        }
    }
    return c;
}

static void test_properties(void)
{
    int32_t base = D("2025-01-01");
    int round, bad = 0;

    for (round = 0; round < 300; round++) {
        struct workday_calendar c = random_calendar(base);
        int32_t start = base + NEXT(500);
        int n = NEXT(60), a = 1 + NEXT(20), b = 1 + NEXT(20);
        enum workday_count count = NEXT(2) ? WORKDAY_COUNT_WORKING : WORKDAY_COUNT_CALENDAR;
        int32_t due = workday_due(&c, start, n, count, NULL, 0), d;
        int32_t due1 = workday_due(&c, start, n + 1, count, NULL, 0);
        struct workday_pause p;

        CHECK_EQ_INT(workday_calendar_check(&c), 0);
        /* a due day is a working day, after the start unless no days */
        CHECK(workday_is_working(&c, due));
        CHECK(n == 0 ? due >= start : due > start);
        /* one more day never ends earlier; in working days, later */
        CHECK(count == WORKDAY_COUNT_WORKING && n > 0 ? due1 > due : due1 >= due);
        if (n == 0) {
            /* the start, or the first working day after it */
            CHECK_EQ_INT(due, workday_is_working(&c, start)
                                  ? start
                                  : workday_due(&c, start, 1, WORKDAY_COUNT_WORKING, NULL, 0));
        } else if (count == WORKDAY_COUNT_WORKING) {
            /* exactly n working days after the start, the last one the due day */
            CHECK_EQ_INT(workday_between(&c, start, due, NULL, 0), n);
            CHECK_EQ_INT(workday_between(&c, start, due - 1, NULL, 0), n - 1);
            /* a limit of a + b days is b days after the limit of a */
            CHECK_EQ_INT(
                workday_due(&c, start, a + b, count, NULL, 0),
                workday_due(&c, workday_due(&c, start, a, count, NULL, 0), b, count, NULL, 0));
        } else {
            /* n days later, moved on only over days off */
            CHECK(due >= start + n);
            for (d = start + n; d < due; d++)
                bad += workday_is_working(&c, d);
        }
        CHECK_EQ_INT(workday_between(&c, start, due, NULL, 0),
                     -workday_between(&c, due, start, NULL, 0));

        /* a stopped clock: the count skips the stopped days, and ends no earlier */
        p.stopped = start + NEXT(40);
        p.resumed = p.stopped + NEXT(30);
        d = workday_due(&c, start, n, count, &p, 1);
        CHECK(d >= due);
        CHECK(workday_is_working(&c, d));
        CHECK(!(d > p.stopped && d <= p.resumed));
        if (count == WORKDAY_COUNT_WORKING && n > 0)
            CHECK_EQ_INT(workday_between(&c, start, d, &p, 1), n);
        if (p.stopped >= due) /* stopped after the due day: no change */
            CHECK_EQ_INT(d, due);
        /* a clock still stopped: no due day if it stopped before the due day */
        p.resumed = WORKDAY_OPEN;
        d = workday_due(&c, start, n, count, &p, 1);
        CHECK_EQ_INT(d, p.stopped < due ? WORKDAY_NO_DATE : due);
    }
    CHECK_EQ_INT(bad, 0);
}

/* The working days between two days are the days workday_is_working
 * counts, one by one, whatever the span: the count from the weekdays and
 * the calendar's rows must agree with it (spans up to three years, either
 * way round, on random calendars and on none). */
static void test_between_counts_days(void)
{
    int32_t base = D("2025-01-01");
    int round;

    for (round = 0; round < 400; round++) {
        struct workday_calendar c = random_calendar(base), none = {NULL, 0};
        int32_t from = base - 30 + NEXT(900), to = from + NEXT(1100) - 100, d;
        long want = 0, want_none = 0;
        int32_t lo = from < to ? from : to, hi = from < to ? to : from;

        for (d = lo + 1; d <= hi; d++) {
            want += workday_is_working(&c, d);
            want_none += workday_is_working(&none, d);
        }
        CHECK_EQ_INT(workday_between(&c, from, to, NULL, 0), from <= to ? want : -want);
        CHECK_EQ_INT(workday_between(&none, from, to, NULL, 0),
                     from <= to ? want_none : -want_none);
    }
}

static void test_check(void)
{
    struct workday_row r[] = {{D("2026-01-10"), WORKDAY_WORKING_SATURDAY, 0},
                              {D("2026-01-09"), WORKDAY_HOLIDAY, 0}};
    struct workday_calendar c = {r, 2};

    CHECK_EQ_INT(workday_calendar_check(&c), 2); /* out of order */
    r[1].day = D("2026-01-11");
    CHECK_EQ_INT(workday_calendar_check(&c), 0);
    r[0].day = D("2026-01-09"); /* a working Saturday that is a Friday */
    CHECK_EQ_INT(workday_calendar_check(&c), 1);
    CHECK(workday_row_of(&c, D("2026-01-11")) == &r[1]);
    CHECK(workday_row_of(&c, D("2026-01-12")) == NULL);
    CHECK(workday_row_of(NULL, D("2026-01-12")) == NULL);
}

/* The kinds' names are those of calendar_days, and read back. */
static void test_kind_names(void)
{
    enum workday_kind k = WORKDAY_HOLIDAY;
    int i;

    CHECK_EQ_STR(workday_kind_name(WORKDAY_WORKING_SATURDAY), "working_saturday");
    CHECK_EQ_STR(workday_kind_name(WORKDAY_CONDITIONAL), "conditional");
    for (i = WORKDAY_HOLIDAY; i <= WORKDAY_CONDITIONAL; i++) {
        CHECK_EQ_INT(workday_kind_parse(workday_kind_name((enum workday_kind)i), &k), 0);
        CHECK_EQ_INT(k, i);
    }
    CHECK_EQ_INT(workday_kind_parse("weekend", &k), -1);
    CHECK_EQ_INT(workday_kind_parse(NULL, &k), -1);
}

/* ===== the Labour Code's rules for a year not announced ===== */

static void check_rules(int year, const char *tet, const char *hung, const char *const *want,
                        size_t nwant)
{
    struct workday_rule_day out[WORKDAY_RULES_MAX];
    char got[WORKDAY_RULES_MAX][16];
    size_t n = workday_rules_year(year, D(tet), D(hung), out), i;

    CHECK_EQ_INT(n, nwant);
    for (i = 0; i < n && i < nwant; i++) {
        snprintf(got[i], sizeof(got[i]), "%s%s", S(out[i].day),
                 out[i].kind == WORKDAY_COMPENSATORY ? "+c" : "");
        CHECK_EQ_STR(got[i], want[i]);
    }
}

static void test_rules(void)
{
    /* 2026: the Government's statutory days and its compensatory day
     * (27/4 for the Hùng Kings on a Sunday) are what the rules give */
    static const char *const y2026[] = {"2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18",
                                        "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-27+c",
                                        "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"};
    /* 2027, worked out by hand in the research notes: Tết from Fri 5/2 with
     * Sat 6 and Sun 7 made up on Wed 10 and Thu 11; Labour Day on a Saturday
     * made up on Mon 3/5 */
    static const char *const y2027[] = {"2027-01-01", "2027-02-05", "2027-02-06",   "2027-02-07",
                                        "2027-02-08", "2027-02-09", "2027-02-10+c", "2027-02-11+c",
                                        "2027-04-16", "2027-04-30", "2027-05-01",   "2027-05-03+c",
                                        "2027-09-01", "2027-09-02"};
    struct workday_rule_day out[WORKDAY_RULES_MAX];

    check_rules(2026, "2026-02-17", "2026-04-26", y2026, sizeof(y2026) / sizeof(y2026[0]));
    check_rules(2027, "2027-02-06", "2027-04-16", y2027, sizeof(y2027) / sizeof(y2027[0]));
    /* 2023 had a leap second month: the Hùng Kings' day 97 days after Tết; six
     * holidays on a weekend, six compensatory days */
    CHECK_EQ_INT(workday_rules_year(2023, D("2023-01-22"), D("2023-04-29"), out), 17);
    /* dates that cannot be lunar dates of the year: nothing */
    CHECK_EQ_INT(workday_rules_year(2027, D("2027-03-06"), D("2027-05-13"), out), 0);
    CHECK_EQ_INT(workday_rules_year(2027, D("2027-02-06"), D("2027-04-20"), out), 0);
    CHECK_EQ_INT(workday_rules_year(2027, D("2026-02-17"), D("2027-04-16"), out), 0);
    CHECK_EQ_INT(workday_rules_year(2027, D("2027-02-06"), D("2028-04-04"), out), 0);
}

int main(void)
{
    build_2026();
    test_by_hand();
    test_properties();
    test_between_counts_days();
    test_check();
    test_kind_names();
    test_rules();
    return test_report("test_workday");
}
