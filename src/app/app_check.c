/* SPDX-License-Identifier: MIT */
/*
 * The check use case (see app_check.h): the store's own checks, then each
 * table scanned and every row validated as the importer would.
 */
#include "app/app_check.h"
#include "app/app_sources.h"
#include "core/provenance.h"
#include "core/buf.h"
#include "core/num.h"
#include "core/schema.h"
#include "core/validate.h"
#include "core/xalloc.h"
#include "store/scan.h"

#include <stdio.h>
#include <string.h>

#define CHECK_MAX_COLS 64 /* columns of the widest table */

struct check {
    store_finding_fn fn;
    void *arg;
    long problems;
    const struct table_def *t;
    struct buf scratch[CHECK_MAX_COLS];
    struct cell cells[CHECK_MAX_COLS];
    struct app_cites cites;                 /* the registered sources */
    struct cite_match cited[APP_CITES_MAX]; /* what the current row cites */
    size_t ncited;
    const struct khu_row *row;
};

static int found(void *arg, const char *finding)
{
    struct check *c = arg;

    c->problems++;
    if (c->fn)
        c->fn(c->arg, finding);
    return 0;
}

/* Value v as the text the importer would have read. */
static const char *value_text(const struct khu_value *v, char *num, size_t n, size_t *len)
{
    const char *s = "";

    if (v->type == KHU_V_TEXT)
        s = v->s;
    else if (v->type == KHU_V_REAL)
        s = format_real(v->r, num, (unsigned)n);
    else if (v->type == KHU_V_INT && snprintf(num, n, "%lld", (long long)v->i) > 0)
        s = num;
    *len = v->type == KHU_V_TEXT ? v->n : strlen(s);
    return s;
}

static void row_finding(struct check *c, const struct khu_row *row, const struct khu_diag *d)
{
    char finding[STORE_FINDING_MAX];
    const char *key = row_text(row, schema_col_index(c->t, c->t->key[0]));

    snprintf(finding, sizeof(finding), "%s %s: %s: %s", c->t->name, key ? key : "?", d->field,
             d->message);
    found(c, finding);
}

/* Finding on the current row, naming field, from a message. */
static void row_says(struct check *c, const char *field, const char *fmt, const char *what,
                     size_t len)
{
    struct khu_diag d;

    khu_diag_clear(&d);
    khu_diag_set(&d, 0, 0, field, fmt, (int)(len > 120 ? 120 : len), what);
    row_finding(c, c->row, &d);
}

/* cite_word_fn: an address in a source text that no registered source covers. */
static int uncovered(void *arg, const char *word, size_t len)
{
    row_says(arg, "source", "cites '%.*s', which is not a registered source (sources: cite)", word,
             len);
    return 0;
}

/* provenance_fn: the source a figure is said to come from must be one the
 * row cites. */
static int provenance_cited(void *arg, const char *column, size_t column_len, const char *code,
                            size_t code_len)
{
    struct check *c = arg;
    long i = app_cites_index(&c->cites, code, code_len);
    size_t k;

    (void)column;
    (void)column_len;
    if (i < 0) {
        row_says(c, "provenance", "names '%.*s', which is not a registered source", code, code_len);
        return 0;
    }
    for (k = 0; k < c->ncited; k++)
        if (c->cited[k].index == (int)i)
            return 0;
    row_says(c, "provenance", "names '%.*s', a source that this row's source does not cite", code,
             code_len);
    return 0;
}

/* The row's source text against the registered sources. */
static void check_citations(struct check *c, const struct khu_row *row)
{
    int src = schema_col_index(c->t, "source"), prov = schema_col_index(c->t, "provenance");
    const char *text = src >= 0 ? row_text(row, src) : NULL;
    struct khu_diag d;

    c->row = row;
    c->ncited = app_cites_find(&c->cites, text, c->cited);
    if (text)
        cite_uncovered(text, c->cited, c->ncited, uncovered, c);
    if (prov >= 0 && !row_is_null(row, prov)) {
        const char *p = row_text(row, prov);
        khu_diag_clear(&d);
        provenance_parse(p, strlen(p), provenance_cited, c, &d);
    }
}

static int check_row(void *arg, const struct khu_row *row)
{
    struct check *c = arg;
    struct khu_diag d;
    char num[40];
    size_t i, len;
    int bad = 0;

    for (i = 0; i < c->t->ncols; i++) {
        const char *v = value_text(row_at(row, (int)i), num, sizeof(num), &len);
        khu_diag_clear(&d);
        if (validate_cell(&c->t->cols[i], v, len, &c->scratch[i], &c->cells[i], &d)) {
            row_finding(c, row, &d);
            bad = 1;
        }
    }
    khu_diag_clear(&d);
    if (!bad && validate_row(c->t, c->cells, &d))
        row_finding(c, row, &d);
    else if (!bad)
        check_citations(c, row);
    return 0;
}

enum khu_err app_check(struct store *s, store_finding_fn fn, void *arg, long *problems,
                       struct khu_diag *d)
{
    struct check *c = xcalloc(1, sizeof(*c));
    const struct table_def *tables;
    enum khu_err err = KHU_ENOMEM;
    size_t i, count;

    *problems = 0;
    if (!c) {
        khu_diag_set(d, 0, 0, NULL, "out of memory");
        return err;
    }
    c->fn = fn;
    c->arg = arg;
    for (i = 0; i < CHECK_MAX_COLS; i++)
        buf_init(&c->scratch[i], 1 << 24);
    err = store_check_integrity(s, found, c, d);
    if (!err)
        err = app_cites_load(s, &c->cites, d);
    tables = schema_tables(&count);
    for (i = 0; !err && i < count; i++) {
        c->t = &tables[i];
        if (tables[i].ncols > CHECK_MAX_COLS) {
            khu_diag_set(d, 0, 0, NULL, "the table %s has too many columns", tables[i].name);
            err = KHU_EINVAL;
            break;
        }
        err = store_scan(s, &tables[i], check_row, c, d);
    }
    *problems = c->problems;
    for (i = 0; i < CHECK_MAX_COLS; i++)
        buf_free(&c->scratch[i]);
    app_cites_free(&c->cites);
    xfree(c);
    return err;
}
