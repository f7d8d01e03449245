/* SPDX-License-Identifier: MIT */
/*
 * Encoding a whole table for `khu export`: CSV with a header (which `khu
 * import` reads back to the same data), a JSON array of objects, or a
 * GeoJSON FeatureCollection, typed by the data model. Rows come in one at a
 * time (export_row has the shape of a store row callback) and the output is
 * handed to a flush callback in chunks, so that a million rows never sit
 * in memory at once. Pure: no I/O of its own.
 */
#ifndef KHU_EXPORT_H
#define KHU_EXPORT_H

#include "core/buf.h"
#include "core/err.h"
#include "core/json_out.h"
#include "core/row.h"
#include "core/schema.h"

#define EXPORT_CHUNK (256 * 1024) /* bytes gathered before each flush */

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_GEOJSON };

/* Called whenever out holds more than a chunk, and once at the end; must
 * consume (and reset) it. Returns 0, or -1 to stop the export with
 * KHU_EIO. */
typedef int (*export_flush_fn)(void *arg, struct buf *out);

/* One export under way; fields are private to export.c. */
struct exporter {
    const struct table_def *t;
    enum export_format format;
    struct buf *out;
    export_flush_fn flush;
    void *arg;
    struct jw w;
    enum khu_err err; /* the first failure; export_row stops after it */
};

/* API */

/* Starts exporting rows of t in format into out (which stays the
 * caller's), writing the document's opening. Returns KHU_OK, or KHU_EINVAL
 * with d filled when format is GeoJSON and t has no lat/lon. */
enum khu_err export_begin(struct exporter *x, const struct table_def *t, enum export_format format,
                          struct buf *out, export_flush_fn flush, void *flush_arg,
                          struct khu_diag *d);

/* Encodes one row (t's columns in schema order) into x, flushing when a
 * chunk is full. arg is the struct exporter. Returns 0, or 1 after a
 * failure (kept in x->err) to stop the caller's scan. */
int export_row(void *arg, const struct khu_row *row);

/* Closes the document and flushes the rest. Returns KHU_OK, the first
 * failure of export_row (KHU_EIO when a flush failed, KHU_ETOOBIG when out
 * overflowed), or the final flush's KHU_EIO. */
enum khu_err export_end(struct exporter *x);

#endif
