/* SPDX-License-Identifier: MIT */
/*
 * Lists as spreadsheets (XLSX), written row by row with libxlsxwriter in
 * its constant-memory mode, so that a list of any length costs the same
 * memory: a data sheet whose header row is frozen and bold, each value
 * typed as its column says (numbers as numbers, dates as dates, yes/no as
 * booleans), columns as wide as what they hold; then a sheet "About" that
 * names the publisher, the licence, when and from which address the list
 * was made, and the sources its rows cite. The library writes to a
 * temporary file, which is read back into memory and removed.
 */
#ifndef KHU_XLSX_H
#define KHU_XLSX_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/row.h"

#define XLSX_MAX_COLS 128

enum xlsx_kind {
    XLSX_TEXT,     /* as it is */
    XLSX_NUMBER,   /* a decimal number */
    XLSX_INTEGER,  /* a whole number */
    XLSX_DATE,     /* YYYY-MM-DD text written as a date */
    XLSX_BOOL,     /* 0 or 1 (or false, true) written as FALSE or TRUE */
    XLSX_DATETIME, /* YYYY-MM-DDTHH:MM:SS[.mmm]Z text written as a date and time (UTC) */
    XLSX_AUTO,     /* as each value comes: a number as a number, text as text */
};

struct xlsx_col {
    const char *name;
    enum xlsx_kind kind;
};

struct xlsx_book; /* opaque */

/* API */

/* Starts a workbook whose first sheet, called sheet, has the columns cols
 * (copied) and their names as its header row. Returns KHU_OK and *out, or
 * KHU_EIO (no temporary file) / KHU_ENOMEM / KHU_EINVAL (too many columns). */
enum khu_err xlsx_open(const char *sheet, const struct xlsx_col *cols, size_t ncols,
                       struct xlsx_book **out, struct khu_diag *d);

/* Writes value v (NULL: an empty cell) to column col of the current data
 * row, typed as the column says: text that reads as the column's type (a
 * number in a column of numbers, a date in one of dates) is written as
 * that type, and text that does not is written as text. */
void xlsx_value(struct xlsx_book *b, size_t col, const struct khu_value *v);

/* Writes text s (NULL: empty) to column col of the current data row,
 * typed as the column says. */
void xlsx_text(struct xlsx_book *b, size_t col, const char *s);

/* Ends the current data row. */
void xlsx_end_row(struct xlsx_book *b);

/* Adds a line to the About sheet: a label and its value. */
void xlsx_about(struct xlsx_book *b, const char *label, const char *value);

/* Closes the workbook and appends its bytes to out; frees b in every case.
 * Returns KHU_OK, or KHU_EIO / KHU_ENOMEM with d filled. */
enum khu_err xlsx_close(struct xlsx_book *b, struct buf *out, struct khu_diag *d);

/* Frees b without a result (NULL: nothing). */
void xlsx_abort(struct xlsx_book *b);

/* The media type of an XLSX file. */
#define XLSX_MEDIA_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#endif
