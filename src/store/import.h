/* SPDX-License-Identifier: MIT */
/*
 * All-or-nothing CSV import. An importer holds one write transaction
 * (BEGIN IMMEDIATE) across any number of files; every problem is reported
 * with file, line, column and field; references are checked once at the end
 * so rows may come in any order; the transaction commits only when there
 * was no error at all, otherwise the database is left exactly as it was.
 */
#ifndef KHU_IMPORT_H
#define KHU_IMPORT_H

#include <stddef.h>

#include "core/err.h"
#include "core/buf.h"
#include "core/schema.h"
#include "store/store.h"

#define IMPORT_MAX_FIELD  (10 * 1024 * 1024) /* bytes in one CSV field */
#define IMPORT_MAX_FIELDS 256                /* fields in one CSV record */
#define IMPORT_MAX_ERRORS 100                /* default cap on reported errors */
#define IMPORT_BULK_BYTES (4 * 1024 * 1024)  /* files this large load before their indexes */

/* Records between two calls of the progress callback. */
#define IMPORT_PROGRESS_ROWS 4096

/* Receives each error: file is the label given to importer_add_csv (or a
 * table name for problems found in rows this import did not write). */
typedef void (*import_report_fn)(void *arg, const char *file, const struct khu_diag *d);

/* Receives progress while one file loads: its table, the records read from
 * it so far, and the bytes read of its total. Called when the file starts
 * (0 records), every IMPORT_PROGRESS_ROWS records, and when it is done
 * (done == total). */
typedef void (*import_progress_fn)(void *arg, const char *table, long records, size_t done,
                                   size_t total);

struct importer; /* opaque */

/* API */

/* Starts the write transaction of s for actor. replace: each table named in a later
 * importer_add_csv is emptied first. max_errors caps the errors reported
 * (0: IMPORT_MAX_ERRORS). Returns KHU_OK and *out, or an error in d. */
enum khu_err importer_begin(struct store *s, const struct store_actor *actor, int replace,
                            size_t max_errors, import_report_fn fn, void *arg,
                            struct importer **out, struct khu_diag *d);

/* Has fn(arg, ...) called with the progress of every file added from now
 * on; fn NULL stops it. Formatting and pacing are the caller's business. */
void importer_set_progress(struct importer *im, import_progress_fn fn, void *arg);

/* Validates and inserts the CSV document data[0..len) into table. Returns
 * KHU_OK, or KHU_EINVAL once any error has been reported (further files may
 * still be added to find more errors), or KHU_ENOMEM / KHU_EDB. */
enum khu_err importer_add_csv(struct importer *im, const char *table, const char *file,
                              const char *data, size_t len);

/* Checks every reference, then commits when no error was reported, or
 * rolls back. Frees im. Returns KHU_OK with *rows = rows written, or the
 * first error (KHU_EINVAL when input errors were reported). */
enum khu_err importer_finish(struct importer *im, long *rows);

/* Rolls back and frees im. NULL is a no-op. */
void importer_abort(struct importer *im);

/* Appends the folded search text of a row (the code and name columns) to
 * out. values[i] is column i of t as text or NULL. Used by import and by
 * writes through the API. */
enum khu_err import_search_text(const struct table_def *t, const char *const *values,
                                struct buf *out);

#endif
