/* SPDX-License-Identifier: MIT */
/*
 * Typed row values and their JSON, CSV and GeoJSON encoders (see row.h).
 */
#include "core/row.h"

#include <stdio.h>
#include <string.h>

#include "core/csv.h"
#include "core/num.h"

static const struct khu_value null_value = {KHU_V_NULL, 0, 0, NULL, 0};

const struct khu_value *row_at(const struct khu_row *row, int i)
{
    return i >= 0 && i < row->n ? &row->v[i] : &null_value;
}

int row_is_null(const struct khu_row *row, int i)
{
    return row_at(row, i)->type == KHU_V_NULL;
}

const char *row_text(const struct khu_row *row, int i)
{
    const struct khu_value *v = row_at(row, i);

    return v->type == KHU_V_TEXT ? v->s : NULL;
}

double row_real(const struct khu_row *row, int i)
{
    const struct khu_value *v = row_at(row, i);

    return v->type == KHU_V_INT || v->type == KHU_V_REAL ? v->r : 0;
}

int64_t row_int(const struct khu_row *row, int i)
{
    const struct khu_value *v = row_at(row, i);

    return v->type == KHU_V_INT ? v->i : v->type == KHU_V_REAL ? (int64_t)v->r : 0;
}

void row_json_value(struct jw *w, const struct col_def *c, const struct khu_value *v)
{
    switch (v->type) {
    case KHU_V_NULL:
        jw_null(w);
        break;
    case KHU_V_INT:
        if (c && c->type == COL_REAL)
            jw_real(w, v->r);
        else
            jw_int(w, v->i);
        break;
    case KHU_V_REAL:
        jw_real(w, v->r);
        break;
    default:
        jw_strn(w, v->s, v->n);
        break;
    }
}

void row_json_fields(struct jw *w, const struct table_def *t, const struct khu_row *row, int first)
{
    size_t i;

    for (i = 0; i < t->ncols; i++) {
        jw_key(w, t->cols[i].name);
        row_json_value(w, &t->cols[i], row_at(row, first + (int)i));
    }
}

void row_csv_header(struct buf *out, const struct table_def *t, const char *const *extra)
{
    size_t i;

    for (i = 0; i < t->ncols; i++)
        csv_write_field(out, t->cols[i].name, strlen(t->cols[i].name), i == 0);
    for (; extra && *extra; extra++)
        csv_write_field(out, *extra, strlen(*extra), 0);
    csv_end_record(out);
}

void row_csv_fields(struct buf *out, const struct khu_row *row, int first, int n, int first_field)
{
    char text[40];
    int i;

    for (i = first; i < first + n; i++) {
        const struct khu_value *v = row_at(row, i);
        int is_first = first_field && i == first;
        switch (v->type) {
        case KHU_V_NULL:
            csv_write_field(out, "", 0, is_first);
            break;
        case KHU_V_INT:
            snprintf(text, sizeof(text), "%lld", (long long)v->i);
            csv_write_field(out, text, strlen(text), is_first);
            break;
        case KHU_V_REAL:
            format_real(v->r, text, sizeof(text));
            csv_write_field(out, text, strlen(text), is_first);
            break;
        default:
            csv_write_field(out, v->s, v->n, is_first);
            break;
        }
    }
}

void row_geojson_geometry(struct jw *w, const struct khu_row *row, int lat, int lon)
{
    jw_key(w, "geometry");
    if (lat < 0 || lon < 0 || row_is_null(row, lat) || row_is_null(row, lon)) {
        jw_null(w);
        return;
    }
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "Point");
    jw_key(w, "coordinates");
    jw_arr_begin(w);
    jw_real(w, row_real(row, lon));
    jw_real(w, row_real(row, lat));
    jw_arr_end(w);
    jw_obj_end(w);
}

void row_geojson_feature(struct jw *w, const struct table_def *t, const struct khu_row *row,
                         int first)
{
    int lat = schema_col_index(t, "lat"), lon = schema_col_index(t, "lon");

    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "Feature");
    row_geojson_geometry(w, row, lat < 0 ? -1 : first + lat, lon < 0 ? -1 : first + lon);
    jw_key(w, "properties");
    jw_obj_begin(w);
    row_json_fields(w, t, row, first);
    jw_obj_end(w);
    jw_obj_end(w);
}
