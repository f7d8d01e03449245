/* SPDX-License-Identifier: MIT */
/*
 * Streaming table encoder for `khu export` (see export.h).
 */
#include "core/export.h"

#include "core/csv.h"

enum khu_err export_begin(struct exporter *x, const struct table_def *t, enum export_format format,
                          struct buf *out, export_flush_fn flush, void *flush_arg,
                          struct khu_diag *d)
{
    *x = (struct exporter){.t = t, .format = format, .out = out, .flush = flush, .arg = flush_arg};
    if (format == EXPORT_GEOJSON && schema_col_index(t, "lat") < 0) {
        khu_diag_set(d, 0, 0, NULL, "table %s has no coordinates; GeoJSON needs lat/lon", t->name);
        return KHU_EINVAL;
    }
    jw_init(&x->w, out);
    if (format == EXPORT_CSV) {
        row_csv_header(out, t, NULL);
    } else if (format == EXPORT_JSON) {
        jw_arr_begin(&x->w);
    } else {
        jw_obj_begin(&x->w);
        jw_key(&x->w, "type");
        jw_str(&x->w, "FeatureCollection");
        jw_key(&x->w, "features");
        jw_arr_begin(&x->w);
    }
    return KHU_OK;
}

int export_row(void *arg, const struct khu_row *row)
{
    struct exporter *x = arg;

    if (x->err)
        return 1;
    if (x->format == EXPORT_CSV) {
        row_csv_fields(x->out, row, 0, (int)x->t->ncols, 1);
        csv_end_record(x->out);
    } else if (x->format == EXPORT_JSON) {
        jw_obj_begin(&x->w);
        row_json_fields(&x->w, x->t, row, 0);
        jw_obj_end(&x->w);
    } else {
        row_geojson_feature(&x->w, x->t, row, 0);
    }
    if (x->out->err)
        x->err = x->out->err;
    else if (x->out->len >= EXPORT_CHUNK && x->flush(x->arg, x->out))
        x->err = KHU_EIO;
    return x->err ? 1 : 0;
}

enum khu_err export_end(struct exporter *x)
{
    if (x->err)
        return x->err;
    if (x->format != EXPORT_CSV) {
        jw_arr_end(&x->w);
        if (x->format == EXPORT_GEOJSON)
            jw_obj_end(&x->w);
        buf_putc(x->out, '\n');
    }
    if (x->out->err)
        return x->out->err;
    return x->flush(x->arg, x->out) ? KHU_EIO : KHU_OK;
}
