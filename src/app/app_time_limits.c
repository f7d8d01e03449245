/* SPDX-License-Identifier: MIT */
/*
 * The time limits in force on a day (app_time_limits.h).
 */
#include "app/app_time_limits.h"

#include <string.h>

struct on_day {
    const char *procedure, *on;
    store_row_fn fn;
    void *arg;
};

static int in_force(const struct khu_row *row, const char *on)
{
    const char *from = row_text(row, TIME_LIMIT_VALID_FROM),
               *to = row_text(row, TIME_LIMIT_VALID_TO);

    return !on || ((!from || strcmp(from, on) <= 0) && (!to || strcmp(on, to) <= 0));
}

static int pass(void *arg, const struct khu_row *row)
{
    struct on_day *o = arg;
    const char *procedure = row_text(row, TIME_LIMIT_PROCEDURE);

    if (o->procedure && (!procedure || strcmp(procedure, o->procedure) != 0))
        return 0;
    return in_force(row, o->on) ? o->fn(o->arg, row) : 0;
}

enum khu_err app_time_limits_on(struct store *s, const char *procedure, const char *on,
                                store_row_fn fn, void *arg, struct khu_diag *d)
{
    struct on_day o = {procedure, on, fn, arg};

    return store_time_limits(s, pass, &o, d);
}

int app_time_limit_known(const struct khu_row *row)
{
    return !row_is_null(row, TIME_LIMIT_DAYS) && !row_is_null(row, TIME_LIMIT_DAY_KIND);
}
