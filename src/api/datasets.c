/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/datasets: the open-data catalog. Every public dataset with
 * what it holds and what each field means (the data dictionary, in the
 * request's language), its rows, when its data last changed, its
 * downloads, and who publishes the data under which licence (the server's
 * configuration; null when not set). Tables that hold personal data or
 * internal work (leads, dossiers, consultations, …) are not listed.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/dictionary.h"
#include "core/json_out.h"
#include "core/schema.h"
#include "store/catalog.h"

/* A public dataset and where to get it. */
struct dataset_def {
    const char *table;
    int geojson;   /* /api/v1/<table>.geojson exists */
    int table_csv; /* the CSV holds the table's columns (targets.csv holds progress) */
};

static const struct dataset_def datasets[] = {
    {"zones", 1, 1},       {"units", 1, 1},        {"sectors", 0, 1},
    {"targets", 0, 0},     {"observations", 0, 1}, {"sources", 0, 1},
    {"enterprises", 1, 1}, {"projects", 0, 1},     {"demands", 0, 1},
};

static const char *const type_names[] = {"text", "integer", "number", "date",
                                         "enum", "boolean", "tokens"};

static void opt_text(struct jw *w, const char *key, const char *value)
{
    jw_key(w, key);
    if (value && value[0])
        jw_str(w, value);
    else
        jw_null(w);
}

static void write_values(struct jw *w, const struct col_def *c)
{
    const char *const *v;

    jw_key(w, "values");
    jw_arr_begin(w);
    for (v = c->values; v && *v; v++)
        jw_str(w, *v);
    jw_arr_end(w);
}

static void write_field(struct jw *w, const struct table_def *t, const struct col_def *c,
                        const char *lang)
{
    const struct dict_text *meaning = dict_column_meaning(t->name, c->name);
    const char *const *k;
    int key = 0;

    for (k = t->key; *k; k++)
        key |= strcmp(*k, c->name) == 0;
    jw_obj_begin(w);
    jw_key(w, "name");
    jw_str(w, c->name);
    jw_key(w, "type");
    jw_str(w, type_names[c->type]);
    jw_key(w, "required");
    jw_bool(w, c->required);
    jw_key(w, "key");
    jw_bool(w, key);
    if (c->type == COL_ENUM)
        write_values(w, c);
    if (c->type == COL_INT || c->type == COL_REAL) {
        jw_key(w, "min");
        jw_real(w, c->min);
        jw_key(w, "max");
        jw_real(w, c->max);
    }
    opt_text(w, "unit", c->unit);
    jw_key(w, "references");
    if (c->ref_table) {
        char ref[128];
        snprintf(ref, sizeof(ref), "%s.%s", c->ref_table, c->ref_col);
        jw_str(w, ref);
    } else
        jw_null(w);
    opt_text(w, "meaning", meaning ? dict_pick(meaning, lang) : NULL);
    jw_obj_end(w);
}

static void write_download(struct jw *w, const char *format, const char *url)
{
    jw_obj_begin(w);
    jw_key(w, "format");
    jw_str(w, format);
    jw_key(w, "url");
    jw_str(w, url);
    jw_obj_end(w);
}

static void write_downloads(struct jw *w, const struct dataset_def *ds)
{
    char url[128];

    jw_key(w, "downloads");
    jw_arr_begin(w);
    snprintf(url, sizeof(url), "/api/v1/%s.csv", ds->table);
    write_download(w, ds->table_csv ? "csv" : "csv-summary", url);
    snprintf(url, sizeof(url), "/api/v1/%s.csv?bom=1", ds->table);
    write_download(w, ds->table_csv ? "csv-excel" : "csv-summary-excel", url);
    snprintf(url, sizeof(url), "/api/v1/%s.xlsx", ds->table);
    write_download(w, ds->table_csv ? "xlsx" : "xlsx-summary", url);
    snprintf(url, sizeof(url), "/api/v1/%s%s", ds->table,
             strcmp(ds->table, "targets") == 0 ? "" : "?limit=500");
    write_download(w, "json", url);
    if (ds->geojson) {
        snprintf(url, sizeof(url), "/api/v1/%s.geojson", ds->table);
        write_download(w, "geojson", url);
    }
    jw_arr_end(w);
}

/* One dataset; returns the store's error, if any. */
static enum khu_err write_dataset(struct jw *w, struct store *s, const struct dataset_def *ds,
                                  const char *lang, struct khu_diag *d)
{
    const struct table_def *t = schema_table(ds->table);
    const struct dict_text *about = dict_table_about(ds->table);
    struct store_table_info info;
    enum khu_err err = store_table_info(s, ds->table, &info, d);
    size_t i;

    if (err)
        return err;
    jw_obj_begin(w);
    jw_key(w, "name");
    jw_str(w, ds->table);
    opt_text(w, "about", about ? dict_pick(about, lang) : NULL);
    jw_key(w, "rows");
    jw_int(w, info.rows);
    opt_text(w, "updated_at", info.updated_at);
    jw_key(w, "api");
    {
        char path[64];
        snprintf(path, sizeof(path), "/api/v1/%s", ds->table);
        jw_str(w, path);
    }
    write_downloads(w, ds);
    jw_key(w, "fields");
    jw_arr_begin(w);
    for (i = 0; i < t->ncols; i++)
        write_field(w, t, &t->cols[i], lang);
    jw_arr_end(w);
    jw_obj_end(w);
    return KHU_OK;
}

void api_datasets(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    struct api_app *app = req->app;
    enum api_lang lang;
    struct khu_diag d;
    struct store *s;
    struct jw w;
    size_t i;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    s = api_store(req, resp);
    if (!s)
        return;
    khu_diag_clear(&d);
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    opt_text(&w, "publisher", app->publisher);
    opt_text(&w, "licence", app->data_licence);
    jw_key(&w, "datasets");
    jw_arr_begin(&w);
    for (i = 0; i < sizeof(datasets) / sizeof(datasets[0]); i++) {
        enum khu_err err = write_dataset(&w, s, &datasets[i], api_lang_code(lang), &d);
        if (err) {
            buf_reset(&resp->body);
            api_error(resp, err, &d);
            return;
        }
    }
    jw_arr_end(&w);
    jw_key(&w, "lang");
    jw_str(&w, api_lang_code(lang));
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}
