/* SPDX-License-Identifier: MIT */
/*
 * Writes of one row of a data-model table, inside a write transaction: the
 * registry's edits (a zone's area, a new target, an observation). Each
 * reads the row as it stands, writes it whole, and appends one audit
 * record with the row before and after, the source the writer gave and
 * the date its figures are as of. Rows are never deleted here: a zone is
 * marked cancelled. What may be written, and whether it is valid, is the
 * caller's (core/row_edit.h, app/app_edit.h); the store adds only what the
 * database itself enforces (a taken key, a reference at commit).
 */
#ifndef KHU_STORE_ROWS_H
#define KHU_STORE_ROWS_H

#include "core/row_version.h"
#include "core/schema.h"
#include "core/validate.h"
#include "store/store.h"

#define STORE_ROW_KEY_MAX 256 /* bytes of a row's key as the audit trail names it */

/* What the writer says of a change. Borrowed; NULL: not given. */
struct store_row_note {
    const char *source; /* where the new values come from */
    const char *as_of;  /* YYYY-MM-DD: the date the figures are as of */
};

/* API */

/* Hands the row of t whose key columns equal key (as many values as t
 * has key columns) to fn, its values in schema column order. Returns
 * KHU_OK, KHU_ENOTFOUND when there is no such row, or the store's error
 * with d filled. */
enum khu_err store_row_get(struct store *s, const struct table_def *t, const char *const *key,
                           store_row_fn fn, void *arg, struct khu_diag *d);

/* As store_row_get, as the row stands inside tx. */
enum khu_err store_row_read(struct store_tx *tx, const struct table_def *t, const char *const *key,
                            store_row_fn fn, void *arg, struct khu_diag *d);

/* Sets *found to 1 when table has a row whose column col equals value (a
 * reference a write is about to make), else 0. */
enum khu_err store_row_exists(struct store_tx *tx, const char *table, const char *col,
                              const char *value, int *found, struct khu_diag *d);

/* Inserts the row cells (t->ncols cells in schema order), appends its
 * audit record ("insert") and writes the row's new version
 * (core/row_version.h) to version. Returns KHU_OK, KHU_ECONFLICT with d's field
 * naming the key when a row has that key already, or another error. */
enum khu_err store_row_insert(struct store_tx *tx, const struct table_def *t,
                              const struct cell *cells, const struct store_row_note *note,
                              char version[ROW_VERSION_HEX], struct khu_diag *d);

/* Replaces the row with the key of cells by cells, appends its audit
 * record ("update") and writes its new version to version. Returns KHU_OK, KHU_ENOTFOUND, or
 * another error. */
enum khu_err store_row_update(struct store_tx *tx, const struct table_def *t,
                              const struct cell *cells, const struct store_row_note *note,
                              char version[ROW_VERSION_HEX], struct khu_diag *d);

/* Writes the key of the row cells as the audit trail names it (its key
 * values joined by '/') into out. */
void store_row_key(const struct table_def *t, const struct cell *cells,
                   char out[STORE_ROW_KEY_MAX]);

#endif
