/* SPDX-License-Identifier: MIT */
/*
 * Streaming table export (see export.h).
 */
#include "store/export.h"
#include "store/sqlite/sq.h"

#include <string.h>

#include "core/csv.h"
#include "core/json_out.h"
#include "store/sqlite/rows.h"

#define EXPORT_CHUNK (256 * 1024)

static enum khu_err prepare_select(struct store *s, const struct table_def *t, sqlite3_stmt **st,
                                   struct khu_diag *d)
{
    struct buf sql;
    size_t i;
    enum khu_err err = KHU_OK;

    buf_init(&sql, 1 << 16);
    buf_puts(&sql, "SELECT ");
    for (i = 0; i < t->ncols; i++)
        buf_printf(&sql, "%s%s", i ? "," : "", t->cols[i].name);
    buf_printf(&sql, " FROM %s ORDER BY ", t->name);
    for (i = 0; t->key[i]; i++)
        buf_printf(&sql, "%s%s", i ? "," : "", t->key[i]);
    if (sql.err)
        err = sql.err;
    else if (sqlite3_prepare_v2(s->db, buf_cstr(&sql), -1, st, NULL) != SQLITE_OK) {
        khu_diag_set(d, 0, 0, NULL, "database: %s", sqlite3_errmsg(s->db));
        err = KHU_EDB;
    }
    buf_free(&sql);
    return err;
}

static void open_document(struct jw *w, enum export_format format, struct buf *out,
                          const struct table_def *t)
{
    if (format == EXPORT_CSV) {
        rows_csv_header(out, t, NULL);
    } else if (format == EXPORT_JSON) {
        jw_arr_begin(w);
    } else {
        jw_obj_begin(w);
        jw_key(w, "type");
        jw_str(w, "FeatureCollection");
        jw_key(w, "features");
        jw_arr_begin(w);
    }
}

static void close_document(struct jw *w, enum export_format format)
{
    if (format == EXPORT_JSON) {
        jw_arr_end(w);
        buf_putc(w->b, '\n');
    } else if (format == EXPORT_GEOJSON) {
        jw_arr_end(w);
        jw_obj_end(w);
        buf_putc(w->b, '\n');
    }
}

static void write_row(struct jw *w, enum export_format format, const struct table_def *t,
                      sqlite3_stmt *st)
{
    if (format == EXPORT_CSV) {
        rows_csv_fields(w->b, st, 0, (int)t->ncols, 1);
        csv_end_record(w->b);
    } else if (format == EXPORT_JSON) {
        jw_obj_begin(w);
        rows_json_fields(w, t, st, 0);
        jw_obj_end(w);
    } else {
        rows_geojson_feature(w, t, st, 0);
    }
}

enum khu_err store_export(struct store *s, const struct table_def *t, enum export_format format,
                          struct buf *out, export_flush_fn flush, void *arg, struct khu_diag *d)
{
    sqlite3_stmt *st = NULL;
    struct jw w;
    int rc = SQLITE_DONE;
    enum khu_err err;

    if (format == EXPORT_GEOJSON && schema_col_index(t, "lat") < 0) {
        khu_diag_set(d, 0, 0, NULL, "table %s has no coordinates; GeoJSON needs lat/lon", t->name);
        return KHU_EINVAL;
    }
    err = prepare_select(s, t, &st, d);
    if (err)
        return err;
    jw_init(&w, out);
    open_document(&w, format, out, t);
    while (!out->err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        write_row(&w, format, t, st);
        if (out->len >= EXPORT_CHUNK && flush(arg, out)) {
            err = KHU_EIO;
            break;
        }
    }
    if (!err && rc != SQLITE_DONE && !out->err) {
        khu_diag_set(d, 0, 0, NULL, "database: %s", sqlite3_errmsg(s->db));
        err = KHU_EDB;
    }
    sqlite3_finalize(st);
    if (!err)
        close_document(&w, format);
    if (!err && out->err)
        err = out->err;
    if (!err && flush(arg, out))
        err = KHU_EIO;
    return err;
}
