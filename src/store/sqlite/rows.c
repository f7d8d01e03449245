/* SPDX-License-Identifier: MIT */
/*
 * Typed row encoders for JSON, CSV and GeoJSON (see rows.h).
 */
#include "store/sqlite/rows.h"

#include <string.h>

#include "core/csv.h"
#include "core/num.h"

void rows_json_value(struct jw *w, const struct col_def *c, sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL:
        jw_null(w);
        break;
    case SQLITE_INTEGER:
        if (c && c->type == COL_REAL)
            jw_real(w, sqlite3_column_double(st, i));
        else
            jw_int(w, sqlite3_column_int64(st, i));
        break;
    case SQLITE_FLOAT:
        jw_real(w, sqlite3_column_double(st, i));
        break;
    default:
        jw_strn(w, (const char *)sqlite3_column_text(st, i), (size_t)sqlite3_column_bytes(st, i));
        break;
    }
}

void rows_json_fields(struct jw *w, const struct table_def *t, sqlite3_stmt *st, int first)
{
    size_t i;

    for (i = 0; i < t->ncols; i++) {
        jw_key(w, t->cols[i].name);
        rows_json_value(w, &t->cols[i], st, first + (int)i);
    }
}

void rows_csv_header(struct buf *out, const struct table_def *t, const char *const *extra)
{
    size_t i;

    for (i = 0; i < t->ncols; i++)
        csv_write_field(out, t->cols[i].name, strlen(t->cols[i].name), i == 0);
    for (; extra && *extra; extra++)
        csv_write_field(out, *extra, strlen(*extra), 0);
    csv_end_record(out);
}

void rows_csv_fields(struct buf *out, sqlite3_stmt *st, int first, int n, int first_field)
{
    char text[40];
    int i;

    for (i = first; i < first + n; i++) {
        int is_first = first_field && i == first;
        switch (sqlite3_column_type(st, i)) {
        case SQLITE_NULL:
            csv_write_field(out, "", 0, is_first);
            break;
        case SQLITE_FLOAT:
            format_real(sqlite3_column_double(st, i), text, sizeof(text));
            csv_write_field(out, text, strlen(text), is_first);
            break;
        default:
            csv_write_field(out, (const char *)sqlite3_column_text(st, i),
                            (size_t)sqlite3_column_bytes(st, i), is_first);
            break;
        }
    }
}

void rows_geojson_geometry(struct jw *w, sqlite3_stmt *st, int lat, int lon)
{
    jw_key(w, "geometry");
    if (lat < 0 || lon < 0 || sqlite3_column_type(st, lat) == SQLITE_NULL ||
        sqlite3_column_type(st, lon) == SQLITE_NULL) {
        jw_null(w);
        return;
    }
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "Point");
    jw_key(w, "coordinates");
    jw_arr_begin(w);
    jw_real(w, sqlite3_column_double(st, lon));
    jw_real(w, sqlite3_column_double(st, lat));
    jw_arr_end(w);
    jw_obj_end(w);
}

void rows_geojson_feature(struct jw *w, const struct table_def *t, sqlite3_stmt *st, int first)
{
    int lat = schema_col_index(t, "lat"), lon = schema_col_index(t, "lon");

    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "Feature");
    rows_geojson_geometry(w, st, lat < 0 ? -1 : first + lat, lon < 0 ? -1 : first + lon);
    jw_key(w, "properties");
    jw_obj_begin(w);
    rows_json_fields(w, t, st, first);
    jw_obj_end(w);
    jw_obj_end(w);
}
