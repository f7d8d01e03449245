/* SPDX-License-Identifier: MIT */
/*
 * The working-day calendar and the counting of time limits (workday.h).
 * Counted a day at a time: the longest limit is ten years of days, and a
 * stopped clock is skipped over whole.
 */
#include "core/workday.h"

#include <string.h>

static const char *const kind_names[] = {
    [WORKDAY_HOLIDAY] = "holiday",           [WORKDAY_DAY_OFF] = "day_off",
    [WORKDAY_COMPENSATORY] = "compensatory", [WORKDAY_WORKING_SATURDAY] = "working_saturday",
    [WORKDAY_CONDITIONAL] = "conditional",
};
#define NKINDS (sizeof(kind_names) / sizeof(kind_names[0]))

const char *workday_kind_name(enum workday_kind kind)
{
    return (size_t)kind < NKINDS ? kind_names[kind] : "";
}

int workday_kind_parse(const char *name, enum workday_kind *kind)
{
    size_t k;

    for (k = 0; name && k < NKINDS; k++)
        if (strcmp(kind_names[k], name) == 0) {
            *kind = (enum workday_kind)k;
            return 0;
        }
    return -1;
}

int workday_weekday(int32_t day)
{
    /* 1970-01-01 was a Thursday */
    return (int)(((day % 7) + 7 + 3) % 7) + 1;
}

const struct workday_row *workday_row_of(const struct workday_calendar *c, int32_t day)
{
    size_t lo = 0, hi = c ? c->nrows : 0;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->rows[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < (c ? c->nrows : 0) && c->rows[lo].day == day ? &c->rows[lo] : NULL;
}

int workday_is_working(const struct workday_calendar *c, int32_t day)
{
    const struct workday_row *r = workday_row_of(c, day);
    int wd = workday_weekday(day);

    if (wd == 7)
        return 0;
    if (wd == 6)
        return r && r->kind == WORKDAY_WORKING_SATURDAY;
    return !r || r->kind == WORKDAY_WORKING_SATURDAY || r->kind == WORKDAY_CONDITIONAL;
}

size_t workday_calendar_check(const struct workday_calendar *c)
{
    size_t i;

    for (i = 0; i < c->nrows; i++) {
        if (i > 0 && c->rows[i].day <= c->rows[i - 1].day)
            return i + 1;
        if (c->rows[i].kind == WORKDAY_WORKING_SATURDAY && workday_weekday(c->rows[i].day) != 6)
            return i + 1;
    }
    return 0;
}

/* The last day of the pause day falls in (after its stop, up to and
 * including its resumption), the latest of those that hold it; or
 * WORKDAY_NO_DATE when the clock runs on day. */
static int32_t paused_until(const struct workday_pause *p, size_t n, int32_t day)
{
    int32_t until = WORKDAY_NO_DATE;
    size_t i;

    for (i = 0; i < n; i++)
        if (day > p[i].stopped && day <= p[i].resumed && p[i].resumed > until)
            until = p[i].resumed;
    return until;
}

/* The first day at or after day on which the clock runs (skipping whole
 * pauses), or WORKDAY_NO_DATE inside an open one. */
static int32_t running_from(const struct workday_pause *p, size_t n, int32_t day)
{
    int32_t until;

    while ((until = paused_until(p, n, day)) != WORKDAY_NO_DATE) {
        if (until == WORKDAY_OPEN)
            return WORKDAY_NO_DATE;
        day = until + 1;
    }
    return day;
}

int32_t workday_due(const struct workday_calendar *c, int32_t start, int n,
                    enum workday_count count, const struct workday_pause *pauses, size_t npauses)
{
    int32_t day = start;
    int left = n;

    if (n < 0 || n > WORKDAY_MAX_DAYS)
        return WORKDAY_NO_DATE;
    while (left > 0) {
        day = running_from(pauses, npauses, day + 1);
        if (day == WORKDAY_NO_DATE)
            return day;
        if (count == WORKDAY_COUNT_CALENDAR || workday_is_working(c, day))
            left--;
    }
    /* a limit that ends on a day off, or on a stopped clock, ends on the
     * next working day the clock runs */
    for (;;) {
        day = running_from(pauses, npauses, day);
        if (day == WORKDAY_NO_DATE || workday_is_working(c, day))
            return day;
        day++;
    }
}

/* Mondays to Fridays in (lo, hi], lo <= hi. */
static long weekdays_in(int32_t lo, int32_t hi)
{
    long n = (long)hi - lo, count = n / 7 * 5;
    int wd = workday_weekday(lo), i;

    for (i = 1; i <= (int)(n % 7); i++)
        count += (wd - 1 + i) % 7 + 1 <= 5;
    return count;
}

/* The working days in (lo, hi], lo <= hi, as workday_is_working counts
 * them, from the weekdays and the calendar's rows in the range alone:
 * the time taken does not grow with how far apart lo and hi are (a
 * consultation overdue for years is one of a queue's rows). */
static long working_in(const struct workday_calendar *c, int32_t lo, int32_t hi)
{
    size_t a = 0, b = c ? c->nrows : 0;
    long n = weekdays_in(lo, hi);

    while (a < b) { /* the first row after lo */
        size_t mid = a + (b - a) / 2;
        if (c->rows[mid].day <= lo)
            a = mid + 1;
        else
            b = mid;
    }
    for (; c && a < c->nrows && c->rows[a].day <= hi; a++) {
        int wd = workday_weekday(c->rows[a].day);
        switch (c->rows[a].kind) {
        case WORKDAY_HOLIDAY:
        case WORKDAY_DAY_OFF:
        case WORKDAY_COMPENSATORY:
            n -= wd <= 5;
            break;
        case WORKDAY_WORKING_SATURDAY:
            n += wd == 6;
            break;
        case WORKDAY_CONDITIONAL:
            break;
        }
    }
    return n;
}

long workday_between(const struct workday_calendar *c, int32_t from, int32_t to,
                     const struct workday_pause *pauses, size_t npauses)
{
    int32_t lo = from < to ? from : to, hi = from < to ? to : from, day = lo;
    long n = 0;

    if (!npauses) {
        n = working_in(c, lo, hi);
        return from <= to ? n : -n;
    }
    for (;;) {
        day = running_from(pauses, npauses, day + 1);
        if (day == WORKDAY_NO_DATE || day > hi)
            break;
        n += workday_is_working(c, day);
    }
    return from <= to ? n : -n;
}
