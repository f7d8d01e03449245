/* SPDX-License-Identifier: MIT */
/*
 * The working-day calendar's rows (the calendar_days table), as rows.
 * Counting time limits on them is core/workday.h's; loading them for that
 * is app/app_calendar.h's.
 */
#ifndef KHU_STORE_CALENDAR_H
#define KHU_STORE_CALENDAR_H

#include "store/store.h"

/* The values of a row of store_calendar_days, in this order (the columns
 * of calendar_days in schema order). */
enum calendar_col {
    CALENDAR_DATE,
    CALENDAR_KIND,
    CALENDAR_NAME_VI,
    CALENDAR_NAME_EN,
    CALENDAR_NAME_KO,
    CALENDAR_PROVISIONAL,
    CALENDAR_SOURCE,
    CALENDAR_NCOLS
};

/* API */

/* Hands fn every day of the calendar, oldest first, with values as in
 * enum calendar_col. Returns KHU_OK (also when fn stopped early), or the
 * error with d filled. */
enum khu_err store_calendar_days(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

#endif
