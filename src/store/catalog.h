/* SPDX-License-Identifier: MIT */
/*
 * What the open-data catalog says about a table of the data model: how
 * many rows it holds and when its data last changed (recorded by every
 * write path in the write's own transaction).
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

#endif
