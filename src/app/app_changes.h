/* SPDX-License-Identifier: MIT */
/*
 * A file of changes to the registry, applied through the edit path: a CSV
 * of one table (zones, units, targets, observations, partners, events,
 * sources) whose header names the table's key columns, any other columns
 * to set, and change_source and change_as_of, the source and the date of
 * each row's change. A row whose key exists is changed (its empty cells
 * leave the column as it is); a row whose key does not is made. Every row
 * is one audit record with its source, so each change shows in the trail
 * and in the zone's history; the file is applied whole or not at all, and
 * applying it again changes nothing. It is how the data set's own
 * corrections (data/changes/) are loaded, and `khu apply` runs it.
 */
#ifndef KHU_APP_CHANGES_H
#define KHU_APP_CHANGES_H

#include <stddef.h>

#include "store/store.h"

#define APP_CHANGES_SOURCE "change_source"
#define APP_CHANGES_AS_OF  "change_as_of"

/* Receives each problem of a file, with its line and field. */
typedef void (*app_changes_report_fn)(void *arg, const char *file, const struct khu_diag *d);

/* What a file did. */
struct app_changes_result {
    long rows;      /* records read */
    long made;      /* new rows */
    long changed;   /* rows changed */
    long unchanged; /* rows already as the file says */
};

/* API */

/* The table a file of changes writes, from its name: "NAME.TABLE.csv"
 * gives TABLE. Writes it into out (size n) and returns out, or NULL when
 * the name says none. */
char *app_changes_table(const char *file, char *out, size_t n);

/* Applies the changes in data[0..len) to table, for actor, in one write
 * transaction; file labels the problems, today (YYYY-MM-DD) bounds the
 * as-of dates. Returns KHU_OK with *res filled, KHU_EINVAL after reporting
 * every problem to fn (nothing written), or another error with d filled. */
enum khu_err app_changes_apply(struct store *s, const struct store_actor *actor, const char *table,
                               const char *file, const char *data, size_t len, const char *today,
                               app_changes_report_fn fn, void *arg, struct app_changes_result *res,
                               struct khu_diag *d);

#endif
