/* SPDX-License-Identifier: MIT */
/*
 * Vietnam's working-day calendar and the arithmetic of legal time limits,
 * pure: no I/O, no clock. A calendar is the rows of the calendar_days
 * table (the days the Government gives off, the Saturdays it makes
 * working days, the days off that wait on a law); weekends are a rule,
 * not rows. Time limits are counted as the Civil Code (Arts. 147-148)
 * counts them: the day a period starts on (a dossier's receipt) is not
 * counted; a limit in calendar days that ends on a day off ends on the
 * next working day instead; a limit in working days counts working days
 * only. A clock stopped while the investor is asked something does not
 * count the days after it stopped up to and including the day of the
 * answer, the way receipt is not counted.
 *
 * Days are numbers of days since 1970-01-01 (core/num.h's parse_date).
 */
#ifndef KHU_WORKDAY_H
#define KHU_WORKDAY_H

#include <stddef.h>
#include <stdint.h>

/* What a row of the calendar says of its day. */
enum workday_kind {
    WORKDAY_HOLIDAY,          /* a public holiday of the Labour Code (Art. 112) */
    WORKDAY_DAY_OFF,          /* a day off the Government gives (a Tết break, a swap) */
    WORKDAY_COMPENSATORY,     /* off because a holiday fell on a weekend (Art. 111(3)) */
    WORKDAY_WORKING_SATURDAY, /* a Saturday made a working day, to make up a swap */
    WORKDAY_CONDITIONAL,      /* off only once a law makes it so: counted as working */
};

struct workday_row {
    int32_t day;
    enum workday_kind kind;
    int provisional; /* 1: worked out from the Labour Code's rules, not announced */
};

/* A calendar: rows sorted by day, one per day (workday_calendar_check). */
struct workday_calendar {
    const struct workday_row *rows;
    size_t nrows;
};

/* How the days of a time limit are counted (time_limits.day_kind). */
enum workday_count { WORKDAY_COUNT_CALENDAR, WORKDAY_COUNT_WORKING };

/* The days a clock stood still: the days after stopped, up to and
 * including resumed, are not counted. resumed WORKDAY_OPEN: still
 * stopped. */
struct workday_pause {
    int32_t stopped, resumed;
};

#define WORKDAY_OPEN     INT32_MAX /* a pause not yet over */
#define WORKDAY_NO_DATE  INT32_MIN /* no due date: the clock is stopped */
#define WORKDAY_MAX_DAYS 3650      /* the longest time limit counted */

/* The name of kind as the calendar_days table writes it ("holiday",
 * "day_off", "compensatory", "working_saturday", "conditional"). */
const char *workday_kind_name(enum workday_kind kind);

/* Sets *kind to the kind called name. Returns 0, or -1 for no such kind. */
int workday_kind_parse(const char *name, enum workday_kind *kind);

/* The day of the week of day: Monday 1 .. Sunday 7 (ISO 8601). */
int workday_weekday(int32_t day);

/* The row of the calendar for day, or NULL. */
const struct workday_row *workday_row_of(const struct workday_calendar *c, int32_t day);

/* 1 when day is a working day of public agencies: Monday to Friday unless
 * the calendar gives it off (holiday, day off, compensatory day), or a
 * Saturday the calendar makes a working day. A conditional day counts as
 * working until a law makes it a day off (and the calendar says so). */
int workday_is_working(const struct workday_calendar *c, int32_t day);

/* Returns 0 when the rows of c are sorted by day with no day twice, and no
 * working Saturday falls on another day than a Saturday; otherwise the
 * index (1-based) of the first row that breaks it. */
size_t workday_calendar_check(const struct workday_calendar *c);

/* The due day of a time limit of n days (0..WORKDAY_MAX_DAYS) counted as
 * count says, begun on start (not counted), with the clock stopped over
 * pauses[0..npauses) (in any order; they may overlap). n 0: start itself,
 * moved to the next working day if it is not one. Returns
 * WORKDAY_NO_DATE while a pause is open at the point the count reaches it,
 * or for n out of range. */
int32_t workday_due(const struct workday_calendar *c, int32_t start, int n,
                    enum workday_count count, const struct workday_pause *pauses, size_t npauses);

/* The working days after from up to and including to, less those inside
 * pauses; negative (minus the working days after to up to and including
 * from) when to is before from. For "working days left" and "overdue by". */
long workday_between(const struct workday_calendar *c, int32_t from, int32_t to,
                     const struct workday_pause *pauses, size_t npauses);

#endif
