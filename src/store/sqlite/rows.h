/* SPDX-License-Identifier: MIT */
/*
 * Writing result rows as JSON objects, CSV records or GeoJSON features,
 * typed by the data model: the one encoding shared by `khu export` and the
 * HTTP API, so that what the API shows is what export writes.
 */
#ifndef KHU_ROWS_H
#define KHU_ROWS_H

#include <sqlite3.h>

#include "core/buf.h"
#include "core/json_out.h"
#include "core/schema.h"

/* API */

/* Writes the columns of t, read from st starting at result column first, as
 * key/value pairs into the currently open JSON object of w. */
void rows_json_fields(struct jw *w, const struct table_def *t, sqlite3_stmt *st, int first);

/* Writes one value of result column i typed as column c. */
void rows_json_value(struct jw *w, const struct col_def *c, sqlite3_stmt *st, int i);

/* Appends the CSV header of t's columns (and then extra, a NULL-terminated
 * list of further names, may be NULL). */
void rows_csv_header(struct buf *out, const struct table_def *t, const char *const *extra);

/* Appends n result columns of st starting at first as CSV fields (no record
 * end); first_field: whether this is the first field of the record. */
void rows_csv_fields(struct buf *out, sqlite3_stmt *st, int first, int n, int first_field);

/* Writes the "geometry" member of a GeoJSON Feature: a Point from result
 * columns lat and lon, or null when either is NULL or negative. */
void rows_geojson_geometry(struct jw *w, sqlite3_stmt *st, int lat, int lon);

/* Appends a GeoJSON Feature for a row of t: geometry from its lat/lon
 * columns (null when unknown), every column as a property. */
void rows_geojson_feature(struct jw *w, const struct table_def *t, sqlite3_stmt *st, int first);

#endif
