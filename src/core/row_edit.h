/* SPDX-License-Identifier: MIT */
/*
 * A write of one row of a data-model table, as a writer asks for it: the
 * columns to set, merged into the row as it stands (or into an empty row
 * for a new one). Each value given is checked with the rules of import
 * (validate_cell), the merged row with validate_row, and the rules of a
 * write on top:
 * - a column that is not the table's is refused ("unknown");
 * - the key of a row never changes ("key");
 * - a change to a figure (a number of the row) needs a source and the
 *   date the figure is as of ("source_needed", "as_of_needed"), and that
 *   date is a real date not after today ("as_of_future").
 * Every problem is kept with its field and rule (khu_diag.rule), so one
 * answer can name them all. For a zone, the provenance of each figure
 * changed names the write's source when it is a registered source, and
 * names nothing when it is not (the old source no longer vouches for the
 * new figure); a row of another table with a source column takes the
 * write's source there, unless the writer set that column. Pure: the caller reads the row and the
 * sources, and writes.
 */
#ifndef KHU_ROW_EDIT_H
#define KHU_ROW_EDIT_H

#include "core/buf.h"
#include "core/err.h"
#include "core/row.h"
#include "core/schema.h"
#include "core/validate.h"

#define ROW_EDIT_MAX_COLS     64
#define ROW_EDIT_MAX_PROBLEMS 16
#define ROW_EDIT_SOURCE_MAX   500 /* characters of a write's source */

struct row_edit {
    const struct table_def *t;
    int is_new;                              /* 1: a new row (POST), 0: a change (PATCH) */
    struct cell cells[ROW_EDIT_MAX_COLS];    /* the row as it will be, schema order */
    struct cell base[ROW_EDIT_MAX_COLS];     /* the row as it was (all NULL when new) */
    struct buf text[ROW_EDIT_MAX_COLS];      /* owns the text of cells */
    struct buf base_text[ROW_EDIT_MAX_COLS]; /* owns the text of base */
    unsigned char given[ROW_EDIT_MAX_COLS];  /* 1: the writer set this column */
    unsigned char changed[ROW_EDIT_MAX_COLS];
    int nchanged;
    int figures_changed;
    int no_provenance; /* 1: a changed figure needs no source or as-of date (a workflow's
                          own record, such as a dossier's time limit) */
    struct khu_diag problem[ROW_EDIT_MAX_PROBLEMS];
    int nproblems;
};

/* API */

/* Starts an edit of a row of t: from current (its values in schema order,
 * starting at value first) for a change, or from an empty row when
 * current is NULL. Returns KHU_OK, or KHU_ENOMEM, or KHU_EINVAL when t has
 * more than ROW_EDIT_MAX_COLS columns. Free with row_edit_free. */
enum khu_err row_edit_begin(struct row_edit *e, const struct table_def *t,
                            const struct khu_row *current, int first);

/* Frees what e owns. */
void row_edit_free(struct row_edit *e);

/* Sets column name to text[0..len) (len 0: clears it). A problem of the
 * value is kept in e; returns KHU_ENOMEM only when memory ran out. */
enum khu_err row_edit_set(struct row_edit *e, const char *name, const char *text, size_t len);

/* Checks the merged row (validate_row) and the rules of a write: source
 * (may be NULL) and as_of (YYYY-MM-DD or NULL) as the writer gave them,
 * today as YYYY-MM-DD. source_registered: 1 when source is the code of a
 * registered source. Then, for a zone whose provenance the writer did not
 * set, rewrites the provenance of each figure changed. Returns the number
 * of problems in e (0: the row may be written). */
int row_edit_check(struct row_edit *e, const char *source, const char *as_of, const char *today,
                   int source_registered);

/* Adds a problem of field (rule: a static name, see khu_diag.rule; other
 * may be NULL) found by the caller, such as a reference to no row. */
void row_edit_problem(struct row_edit *e, const char *field, const char *rule, const char *other,
                      const char *message);

/* Returns 1 when column i is a figure of t: a number. */
int row_edit_is_figure(const struct table_def *t, int i);

#endif
