/* SPDX-License-Identifier: MIT */
/*
 * The 2026 rows of data/calendar_days.csv as a core calendar, with the
 * date helpers that the tests of working-day arithmetic share. Include in
 * one test file only (it defines its functions static).
 */
#ifndef KHU_TEST_CAL_2026_H
#define KHU_TEST_CAL_2026_H

#include "core/num.h"
#include "core/workday.h"
#include "test.h"

static int32_t D(const char *s)
{
    int32_t d = 0;

    if (parse_date(s, &d))
        TEST_FAIL_AT(__FILE__, __LINE__, "bad date %s", s);
    return d;
}

static const char *S(int32_t d)
{
    static char out[4][11];
    static int i;

    if (d == WORKDAY_NO_DATE)
        return "(none)";
    i = (i + 1) % 4;
    format_date(d, out[i]);
    return out[i];
}

/* A reproducible stream of numbers for the properties: NEXT(n) is in
 * 0..n-1. */
static uint32_t seed = 20261124;
#define NEXT(n) ((int)(((seed = seed * 1103515245u + 12345u) >> 8) % (uint32_t)(n)))

static struct workday_row rows_2026[32];
static struct workday_calendar cal_2026 = {rows_2026, 0};

static void add(const char *date, enum workday_kind kind)
{
    rows_2026[cal_2026.nrows++] = (struct workday_row){D(date), kind, 0};
}

static void build_2026(void)
{
    static const char *const tet[] = {"2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                                      "2026-02-20"};
    size_t i;

    cal_2026.nrows = 0;
    add("2026-01-01", WORKDAY_HOLIDAY);
    add("2026-01-02", WORKDAY_DAY_OFF); /* swapped for Saturday 10/1 */
    add("2026-01-10", WORKDAY_WORKING_SATURDAY);
    for (i = 0; i < 5; i++)
        add(tet[i], WORKDAY_HOLIDAY);
    add("2026-04-27", WORKDAY_COMPENSATORY); /* Hùng Kings fell on Sunday 26/4 */
    add("2026-04-30", WORKDAY_HOLIDAY);
    add("2026-05-01", WORKDAY_HOLIDAY);
    add("2026-08-22", WORKDAY_WORKING_SATURDAY);
    add("2026-08-31", WORKDAY_DAY_OFF);
    add("2026-09-01", WORKDAY_HOLIDAY);
    add("2026-09-02", WORKDAY_HOLIDAY);
    add("2026-11-24", WORKDAY_CONDITIONAL);
}

#endif
