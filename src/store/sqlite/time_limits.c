/* SPDX-License-Identifier: MIT */
/*
 * The statutory time limits in SQL (see time_limits.h).
 */
#include "store/time_limits.h"
#include "store/sqlite/sq.h"

static const char time_limits_sql[] =
    "SELECT code, procedure, step, days, day_kind, law, valid_from, valid_to, source"
    " FROM time_limits ORDER BY procedure, step, coalesce(valid_from, ''), code";

enum khu_err store_time_limits(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    return sq_each_sql(s, time_limits_sql, "the time limits", fn, arg, d);
}
