/* SPDX-License-Identifier: MIT */
/*
 * The calendar use case: the working-day calendar loaded from the store,
 * with each day's names and source, ready for core/workday.h to count
 * time limits on; and which years it covers, officially or provisionally.
 */
#ifndef KHU_APP_CALENDAR_H
#define KHU_APP_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "core/workday.h"
#include "store/store.h"

/* One day of the calendar, beside its row in cal. Owns its strings. */
struct app_calendar_day {
    char *name[3]; /* vi, en, ko; en and ko may be NULL */
    char *source;  /* may be NULL */
};

/* The calendar; owns everything. cal.rows[i] and day[i] are the same day. */
struct app_calendar {
    struct workday_calendar cal;
    struct workday_row *rows;
    struct app_calendar_day *day;
};

/* How far the calendar knows a year. */
enum app_year_state {
    APP_YEAR_UNKNOWN,     /* no rows: only weekends are known to be off */
    APP_YEAR_PROVISIONAL, /* only rows worked out from the Labour Code's rules */
    APP_YEAR_OFFICIAL,    /* the Government's schedule */
};

/* API */

/* Loads the calendar into c (emptied first). Returns KHU_OK; the store's
 * error; or KHU_EDB when a row breaks the calendar (a working Saturday on
 * another day), with d naming it. c is empty on error. */
enum khu_err app_calendar_load(struct store *s, struct app_calendar *c, struct khu_diag *d);

void app_calendar_free(struct app_calendar *c);

/* The index in c of day's row, or -1. */
long app_calendar_find(const struct app_calendar *c, int32_t day);

/* How far c knows year (a year with any row the Government announced is
 * official). */
enum app_year_state app_calendar_year(const struct app_calendar *c, int year);

/* The year of day (since 1970-01-01). */
int app_calendar_year_of(int32_t day);

/* Adds to the calendar, as provisional rows, the days off of year that
 * the Labour Code's rules give (core/workday_rules.h) from the day of mùng 1
 * Tết and of the Hùng Kings' commemoration that year, except the days that
 * have a row already: one write as actor, each new row through the edit
 * use case (app_edit.h) with its audit record, dated today (YYYY-MM-DD).
 * Sets *added to the rows made and *kept to the days left as they were.
 * Returns KHU_OK; KHU_EINVAL when a lunar date is not in year (d says
 * which); or the write's error with d filled (nothing written). */
enum khu_err app_calendar_fill(struct store *s, const struct store_actor *actor, int year,
                               int32_t tet, int32_t hung_kings, const char *today, int *added,
                               int *kept, struct khu_diag *d);

/* "official", "provisional" or "unknown". */
const char *app_year_state_name(enum app_year_state st);

#endif
