/* SPDX-License-Identifier: MIT */
/*
 * Checks one cell of input (a CSV field, a JSON value given as text)
 * against its column definition and turns it into a typed value, or says in
 * one sentence what is wrong. Pure logic; the caller adds line and column.
 */
#ifndef KHU_VALIDATE_H
#define KHU_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/schema.h"

enum cell_kind { CELL_NULL, CELL_TEXT, CELL_INT, CELL_REAL };

struct cell {
    enum cell_kind kind;
    int64_t i;
    double r;
    const char *text; /* CELL_TEXT: points into the scratch buffer given */
    size_t len;
};

/* API */

/* Validates s[0..len) for column c. Empty input is CELL_NULL (an error if
 * the column is required). Text is normalised to NFC into scratch (which is
 * reset first), tokens to single spaces. Returns KHU_OK, or KHU_EINVAL /
 * KHU_ERANGE with d->field and d->message set, or KHU_ENOMEM. */
enum khu_err validate_cell(const struct col_def *c, const char *s, size_t len, struct buf *scratch,
                           struct cell *out, struct khu_diag *d);

/* Checks relations between the cells of one row of table t (cells in
 * schema column order; missing columns are CELL_NULL), such as
 * leased_ha <= industrial_ha <= total_ha. Returns KHU_OK or KHU_EINVAL with
 * d->field naming the column to blame. */
enum khu_err validate_row(const struct table_def *t, const struct cell *cells, struct khu_diag *d);

#endif
