/* SPDX-License-Identifier: MIT */
/*
 * Answers as spreadsheets (see xlsx_answer.h).
 */
#include "api/xlsx_answer.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/cite.h"
#include "core/csv.h"
#include "core/xalloc.h"

enum xlsx_kind api_xlsx_kind(const struct col_def *c)
{
    switch (c ? c->type : COL_TEXT) {
    case COL_INT:
        return XLSX_INTEGER;
    case COL_REAL:
        return XLSX_NUMBER;
    case COL_DATE:
        return XLSX_DATE;
    case COL_BOOL:
        return XLSX_BOOL;
    default:
        return XLSX_TEXT;
    }
}

int api_xlsx_open(struct api_xlsx *x, struct http_resp *resp, const char *sheet,
                  const struct xlsx_col *cols, size_t n)
{
    struct khu_diag d;
    enum khu_err err;

    memset(x, 0, sizeof(*x));
    khu_diag_clear(&d);
    err = xlsx_open(sheet, cols, n, &x->book, &d);
    if (err) {
        api_error(resp, err, &d);
        return -1;
    }
    return 0;
}

void api_xlsx_cite(struct api_xlsx *x, struct store *s, const char *text)
{
    struct cite_match m[APP_CITES_MAX];
    struct khu_diag d;
    size_t i, n;

    if (!text || !text[0])
        return;
    if (!x->cites_loaded) {
        x->cites_loaded = 1;
        khu_diag_clear(&d);
        if (app_cites_load(s, &x->cites, &d) == KHU_OK && x->cites.n)
            x->cited = xcalloc(x->cites.n, 1);
    }
    if (!x->cited)
        return;
    n = app_cites_find(&x->cites, text, m);
    for (i = 0; n != CITE_NOMEM && i < n; i++)
        if (m[i].index >= 0 && (size_t)m[i].index < x->cites.n)
            x->cited[m[i].index] = 1;
}

static void free_cites(struct api_xlsx *x)
{
    app_cites_free(&x->cites);
    xfree(x->cited);
    x->cited = NULL;
}

void api_xlsx_finish(struct api_xlsx *x, const struct http_req *req, struct http_resp *resp,
                     const char *name)
{
    const struct api_app *app = req->app;
    char made[40], address[600], line[1200];
    struct khu_diag d;
    enum khu_err err;
    time_t now = time(NULL);
    struct tm tm;
    size_t i;
    int any = 0;

    gmtime_r(&now, &tm);
    strftime(made, sizeof(made), "%Y-%m-%dT%H:%M:%SZ", &tm);
    snprintf(address, sizeof(address), "%.300s", req->path);
    for (i = 0; i < req->nparams; i++) /* as the server read them */
        snprintf(address + strlen(address), sizeof(address) - strlen(address), "%s%.60s=%.100s",
                 i ? "&" : "?", req->params[i].name, req->params[i].value);
    xlsx_about(x->book, "Data", name);
    xlsx_about(x->book, "Publisher", app && app->publisher[0] ? app->publisher : "not stated");
    xlsx_about(x->book, "Licence",
               app && app->data_licence[0] ? app->data_licence : "not stated by the publisher");
    xlsx_about(x->book, "Made (UTC)", made);
    xlsx_about(x->book, "Asked as", address);
    xlsx_about(x->book, "Columns", "as in GET /api/v1/datasets, which describes each one");
    xlsx_about(x->book, "", NULL);
    for (i = 0; x->cited && i < x->cites.n; i++) {
        if (!x->cited[i])
            continue;
        snprintf(line, sizeof(line), "%.100s: %.1000s", x->cites.code[i], x->cites.cite[i]);
        xlsx_about(x->book, any ? "" : "Sources cited", line);
        any = 1;
    }
    if (!any)
        xlsx_about(x->book, "Sources cited", "none named by a registered source code");
    free_cites(x);
    buf_reset(&resp->body);
    khu_diag_clear(&d);
    err = xlsx_close(x->book, &resp->body, &d);
    x->book = NULL;
    if (err) {
        buf_reset(&resp->body);
        resp->content_disposition[0] = '\0';
        api_error(resp, err, &d);
        return;
    }
    resp->content_type = XLSX_MEDIA_TYPE;
    snprintf(resp->content_disposition, sizeof(resp->content_disposition),
             "attachment; filename=\"%s.xlsx\"", name);
}

void api_xlsx_abort(struct api_xlsx *x)
{
    free_cites(x);
    xlsx_abort(x->book);
    x->book = NULL;
}

void api_xlsx_from_csv(const struct http_req *req, struct http_resp *resp, struct store *s,
                       const char *name, const struct xlsx_col *cols, size_t n,
                       const char *source_col)
{
    struct csv_reader *r;
    struct csv_field *f;
    struct api_xlsx x;
    struct buf csv;
    size_t count, i;
    long src = -1;
    int rc, header = 1;

    /* the CSV moves out of the body, which the workbook then fills */
    resp->content_disposition[0] = '\0';
    csv = resp->body;
    buf_init(&resp->body, csv.max);
    for (i = 0; source_col && i < n; i++)
        if (!strcmp(cols[i].name, source_col))
            src = (long)i;
    r = csv_reader_new(csv.data ? csv.data : "", csv.len, csv.len + 1, XLSX_MAX_COLS);
    if (!r || api_xlsx_open(&x, resp, name, cols, n)) {
        if (!r)
            api_error(resp, KHU_ENOMEM, NULL);
        csv_reader_free(r);
        buf_free(&csv);
        return;
    }
    while ((rc = csv_read(r, &f, &count, NULL)) == 1) {
        if (header) { /* the names are the columns' own */
            header = 0;
            continue;
        }
        for (i = 0; i < count && i < n; i++)
            xlsx_text(x.book, i, f[i].len ? f[i].text : NULL);
        if (src >= 0 && (size_t)src < count)
            api_xlsx_cite(&x, s, f[src].text);
        xlsx_end_row(x.book);
    }
    csv_reader_free(r);
    buf_free(&csv);
    if (rc < 0) { /* our own CSV: only memory can fail it */
        api_xlsx_abort(&x);
        api_error(resp, KHU_ENOMEM, NULL);
        return;
    }
    api_xlsx_finish(&x, req, resp, name);
}
