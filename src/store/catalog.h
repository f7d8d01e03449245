/* SPDX-License-Identifier: MIT */
/*
 * What the open-data catalog says about a table of the data model: how
 * many rows it holds and when its data last changed (recorded by every
 * write path in the write's own transaction); and whether the data cite
 * a given source (a synthetic data set is told by its source).
 */
#ifndef KHU_STORE_CATALOG_H
#define KHU_STORE_CATALOG_H

#include "store/store.h"

struct store_table_info {
    long rows;
    char updated_at[32]; /* UTC, YYYY-MM-DDTHH:MM:SSZ; "" when never recorded */
};

/* API */

/* Fills *out for table (a table of core/schema). Returns KHU_OK,
 * KHU_ENOTFOUND for a name that is not a table of the schema, or the
 * store's error with d filled. */
enum khu_err store_table_info(struct store *s, const char *table, struct store_table_info *out,
                              struct khu_diag *d);

/* Sets *found to 1 when the sources table holds a row whose code is one
 * of codes (NULL-terminated), else 0. Returns KHU_OK or the store's error
 * with d filled. */
enum khu_err store_source_any(struct store *s, const char *const *codes, int *found,
                              struct khu_diag *d);

#endif
