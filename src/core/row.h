/* SPDX-License-Identifier: MIT */
/*
 * A result row as the store hands it out: typed values with an explicit
 * NULL, borrowed from the backend for the length of one callback. And the
 * one way rows become JSON objects, CSV records or GeoJSON features, typed
 * by the data model, shared by `khu export` and the HTTP API so that what
 * the API shows is what export writes.
 */
#ifndef KHU_ROW_H
#define KHU_ROW_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/json_out.h"
#include "core/schema.h"

enum khu_vtype { KHU_V_NULL, KHU_V_INT, KHU_V_REAL, KHU_V_TEXT };

/* One value. For KHU_V_TEXT, s points at n bytes followed by a NUL; for
 * KHU_V_INT both i and r are set; for KHU_V_REAL r is set. */
struct khu_value {
    enum khu_vtype type;
    int64_t i;
    double r;
    const char *s;
    size_t n;
};

struct khu_row {
    const struct khu_value *v;
    int n;
};

/* API */

/* Returns value i of row, or a NULL value when i is out of range. */
const struct khu_value *row_at(const struct khu_row *row, int i);

/* Returns 1 when value i is NULL (or out of range). */
int row_is_null(const struct khu_row *row, int i);

/* Returns value i as text: the text itself, or NULL for a NULL value or a
 * number (use row_real for those). */
const char *row_text(const struct khu_row *row, int i);

/* Returns value i as a number (0 for NULL or text). */
double row_real(const struct khu_row *row, int i);

/* Returns value i as a whole number (0 for NULL or text). */
int64_t row_int(const struct khu_row *row, int i);

/* Writes one value typed as column c (NULL: as it comes). */
void row_json_value(struct jw *w, const struct col_def *c, const struct khu_value *v);

/* Writes the columns of t, read from row starting at value first, as
 * key/value pairs into the currently open JSON object of w. */
void row_json_fields(struct jw *w, const struct table_def *t, const struct khu_row *row, int first);

/* Appends the CSV header of t's columns (and then extra, a NULL-terminated
 * list of further names, may be NULL). */
void row_csv_header(struct buf *out, const struct table_def *t, const char *const *extra);

/* Appends n values of row starting at first as CSV fields (no record end);
 * first_field: whether this is the first field of the record. */
void row_csv_fields(struct buf *out, const struct khu_row *row, int first, int n, int first_field);

/* Writes the "geometry" member of a GeoJSON Feature: a Point from values
 * lat and lon, or null when either index is negative or its value NULL. */
void row_geojson_geometry(struct jw *w, const struct khu_row *row, int lat, int lon);

/* Writes a GeoJSON Feature for a row of t: geometry from its lat/lon
 * columns (null when unknown), every column as a property. */
void row_geojson_feature(struct jw *w, const struct table_def *t, const struct khu_row *row,
                         int first);

#endif
