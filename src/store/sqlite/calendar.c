/* SPDX-License-Identifier: MIT */
/*
 * The working-day calendar in SQL (see calendar.h).
 */
#include "store/calendar.h"
#include "store/sqlite/sq.h"

static const char calendar_sql[] =
    "SELECT date, kind, name_vi, name_en, name_ko, provisional, source FROM calendar_days"
    " ORDER BY date";

enum khu_err store_calendar_days(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    return sq_each_sql(s, calendar_sql, "the calendar", fn, arg, d);
}
