/* SPDX-License-Identifier: MIT */
/*
 * The time limits use case: the statutory limits of a procedure in force
 * on a day (a dossier uses those in force on the day it was accepted). A
 * row whose days or kind no source gives is unknown and stays so.
 */
#ifndef KHU_APP_TIME_LIMITS_H
#define KHU_APP_TIME_LIMITS_H

#include "store/store.h"
#include "store/time_limits.h"

/* API */

/* Hands fn the time limits of procedure (NULL: every procedure) in force
 * on the day on (YYYY-MM-DD; NULL: every row whatever its dates), as
 * store_time_limits orders and shapes them. A row is in force from its
 * valid_from (empty: always before) to its valid_to (empty: still), both
 * included. Returns as store_time_limits. */
enum khu_err app_time_limits_on(struct store *s, const char *procedure, const char *on,
                                store_row_fn fn, void *arg, struct khu_diag *d);

/* 1 when row (of store_time_limits) gives both its days and their kind. */
int app_time_limit_known(const struct khu_row *row);

#endif
