/* SPDX-License-Identifier: MIT */
/*
 * The statutory time limits (the time_limits table), as rows. Which of
 * them are in force on a day is app/app_time_limits.h's.
 */
#ifndef KHU_STORE_TIME_LIMITS_H
#define KHU_STORE_TIME_LIMITS_H

#include "store/store.h"

/* The values of a row of store_time_limits, in this order (the columns of
 * time_limits in schema order). */
enum time_limit_col {
    TIME_LIMIT_CODE,
    TIME_LIMIT_PROCEDURE,
    TIME_LIMIT_STEP,
    TIME_LIMIT_DAYS,
    TIME_LIMIT_DAY_KIND,
    TIME_LIMIT_LAW,
    TIME_LIMIT_VALID_FROM,
    TIME_LIMIT_VALID_TO,
    TIME_LIMIT_SOURCE,
    TIME_LIMIT_NCOLS
};

/* API */

/* Hands fn every time limit ordered by procedure, step and the day it
 * applies from (empty first), with values as in enum time_limit_col.
 * Returns KHU_OK (also when fn stopped early), or the error with d filled. */
enum khu_err store_time_limits(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

#endif
