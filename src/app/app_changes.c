/* SPDX-License-Identifier: MIT */
/*
 * Files of changes applied through the edit path (see app_changes.h).
 */
#include "app/app_changes.h"

#include <stdio.h>
#include <string.h>

#include "app/app_edit.h"
#include "core/csv.h"
#include "core/schema.h"
#include "store/rows.h"

#define CHANGES_MAX_FIELD (1024 * 1024)
#define CHANGES_MAX_KEYS  8

char *app_changes_table(const char *file, char *out, size_t n)
{
    const char *base = strrchr(file, '/'), *end, *dot;
    size_t len;

    base = base ? base + 1 : file;
    len = strlen(base);
    if (len < 5 || strcmp(base + len - 4, ".csv") != 0)
        return NULL;
    end = base + len - 4;
    for (dot = end; dot > base && dot[-1] != '.'; dot--)
        ;
    if (dot == base || (size_t)(end - dot) >= n)
        return NULL;
    memcpy(out, dot, (size_t)(end - dot));
    out[end - dot] = '\0';
    return out;
}

/* What one file's application knows while it runs. */
struct apply {
    const struct table_def *t;
    const char *table, *file, *today;
    app_changes_report_fn fn;
    void *arg;
    struct csv_reader *r;
    int col_of[256]; /* header position -> schema column, or -1 for the change columns */
    int key_at[CHANGES_MAX_KEYS]; /* header position of each key column */
    int source_at, as_of_at;
    size_t ncols;
    struct app_changes_result *res;
    int problems;
};

static void report(struct apply *a, long line, const char *field, const char *fmt, const char *v)
{
    struct khu_diag d;

    khu_diag_set(&d, line, 0, field, fmt, v ? v : "");
    a->fn(a->arg, a->file, &d);
    a->problems++;
}

/* Reads the header: every column must be one of the table's or a change
 * column, the key columns and change_source must be there. */
static int read_header(struct apply *a, struct csv_field *f, size_t n)
{
    size_t i;
    int k;

    a->source_at = a->as_of_at = -1;
    if (n > sizeof(a->col_of) / sizeof(a->col_of[0])) {
        report(a, 1, NULL, "%shas too many columns", "");
        return -1;
    }
    a->ncols = n;
    for (i = 0; i < n; i++) {
        a->col_of[i] = -1;
        if (!strcmp(f[i].text, APP_CHANGES_SOURCE))
            a->source_at = (int)i;
        else if (!strcmp(f[i].text, APP_CHANGES_AS_OF))
            a->as_of_at = (int)i;
        else if ((a->col_of[i] = schema_col_index(a->t, f[i].text)) < 0)
            report(a, 1, f[i].text, "'%s' is not a column of this table", f[i].text);
    }
    for (k = 0; a->t->key[k] && k < CHANGES_MAX_KEYS; k++) {
        a->key_at[k] = -1;
        for (i = 0; i < n; i++)
            if (a->col_of[i] >= 0 && !strcmp(a->t->cols[a->col_of[i]].name, a->t->key[k]))
                a->key_at[k] = (int)i;
        if (a->key_at[k] < 0)
            report(a, 1, a->t->key[k], "the key column '%s' is missing", a->t->key[k]);
    }
    if (a->source_at < 0)
        report(a, 1, APP_CHANGES_SOURCE, "%s: every change names its source", APP_CHANGES_SOURCE);
    return a->problems ? -1 : 0;
}

static int exists(void *arg, const struct khu_row *row)
{
    (void)row;
    *(int *)arg = 1;
    return 0;
}

/* Applies one record inside tx. */
static enum khu_err apply_record(struct store_tx *tx, struct apply *a, struct csv_field *f,
                                 size_t n, long line, struct khu_diag *d)
{
    struct app_edit_field fields[ROW_EDIT_MAX_COLS];
    struct app_edit_result out;
    struct app_edit_request req;
    const char *key[CHANGES_MAX_KEYS];
    size_t i, nf = 0;
    int k, found = 0, p;
    enum khu_err err;

    if (n != a->ncols) {
        report(a, line, NULL, "%shas not as many fields as the header", "");
        return KHU_OK;
    }
    for (k = 0; a->t->key[k] && k < CHANGES_MAX_KEYS; k++)
        key[k] = f[a->key_at[k]].text;
    err = store_row_read(tx, a->t, key, exists, &found, d);
    if (err && err != KHU_ENOTFOUND)
        return err;
    for (i = 0; i < n && nf < ROW_EDIT_MAX_COLS; i++) {
        if (a->col_of[i] < 0 || (found && f[i].len == 0))
            continue; /* a change column; an empty cell of a change: as it is */
        fields[nf].name = a->t->cols[a->col_of[i]].name;
        fields[nf].text = f[i].text;
        fields[nf].len = f[i].len;
        nf++;
    }
    req = (struct app_edit_request){.table = a->table,
                                    .key = found ? key : NULL,
                                    .as_it_stands = 1,
                                    .fields = fields,
                                    .nfields = nf,
                                    .source = f[a->source_at].text,
                                    .as_of = a->as_of_at >= 0 ? f[a->as_of_at].text : NULL,
                                    .today = a->today};
    khu_diag_clear(d);
    err = app_edit_in(tx, &req, &out, d);
    if (err == KHU_EINVAL || err == KHU_ECONFLICT) {
        for (p = 0; p < out.nproblems; p++) {
            out.problem[p].line = line;
            a->fn(a->arg, a->file, &out.problem[p]);
            a->problems++;
        }
        if (!out.nproblems) {
            d->line = line;
            a->fn(a->arg, a->file, d);
            a->problems++;
        }
        return KHU_OK;
    }
    if (err)
        return err;
    a->res->rows++;
    if (!out.nchanged)
        a->res->unchanged++;
    else if (found)
        a->res->changed++;
    else
        a->res->made++;
    return KHU_OK;
}

enum khu_err app_changes_apply(struct store *s, const struct store_actor *actor, const char *table,
                               const char *file, const char *data, size_t len, const char *today,
                               app_changes_report_fn fn, void *arg, struct app_changes_result *res,
                               struct khu_diag *d)
{
    struct apply a = {
        .table = table, .file = file, .today = today, .fn = fn, .arg = arg, .res = res};
    struct store_tx *tx = NULL;
    struct csv_field *f;
    size_t n;
    int rc, header = 1;
    enum khu_err err = KHU_OK;

    memset(res, 0, sizeof(*res));
    a.t = app_edit_writable(table) && strcmp(table, "leads") != 0 ? schema_table(table) : NULL;
    if (!a.t) {
        khu_diag_set(d, 0, 0, NULL, "%s: changes to %s cannot be applied from a file", file,
                     table ? table : "(no table)");
        return KHU_EINVAL;
    }
    a.r = csv_reader_new(data, len, CHANGES_MAX_FIELD, 256);
    if (!a.r)
        return KHU_ENOMEM;
    err = store_tx_begin(s, actor, &tx, d);
    while (!err && (rc = csv_read(a.r, &f, &n, d)) != 0) {
        long line = csv_record_line(a.r);
        if (rc < 0) {
            if (csv_reader_err(a.r)) {
                err = KHU_ENOMEM;
                break;
            }
            fn(arg, file, d);
            a.problems++;
        } else if (header) {
            header = 0;
            if (read_header(&a, f, n))
                break;
        } else if (!(n == 1 && f[0].len == 0)) { /* a blank line */
            err = apply_record(tx, &a, f, n, line, d);
        }
    }
    csv_reader_free(a.r);
    if (!err && a.problems)
        err = KHU_EINVAL;
    if (err) {
        store_tx_rollback(tx);
        memset(res, 0, sizeof(*res));
        return err;
    }
    return store_tx_commit(tx, d);
}
