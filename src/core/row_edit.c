/* SPDX-License-Identifier: MIT */
/*
 * Merging and checking one row's write (see row_edit.h).
 */
#include "core/row_edit.h"

#include <string.h>

#include "core/provenance.h"
#include "core/utf8.h"

#define CELL_TEXT_MAX (10 * 1024 * 1024) /* as import's IMPORT_MAX_FIELD */

static void add_problem(struct row_edit *e, const char *field, const char *rule, const char *other,
                        const char *message)
{
    struct khu_diag *d;

    if (e->nproblems == ROW_EDIT_MAX_PROBLEMS)
        return;
    d = &e->problem[e->nproblems++];
    khu_diag_set(d, 0, 0, field, "%s", message);
    khu_diag_rule(d, rule, other);
}

void row_edit_problem(struct row_edit *e, const char *field, const char *rule, const char *other,
                      const char *message)
{
    add_problem(e, field, rule, other, message);
}

static void keep_problem(struct row_edit *e, const struct khu_diag *d)
{
    if (e->nproblems < ROW_EDIT_MAX_PROBLEMS)
        e->problem[e->nproblems++] = *d;
}

/* The stored value v of column c as a cell whose text lives in owner. */
static enum khu_err cell_of_value(const struct col_def *c, const struct khu_value *v,
                                  struct buf *owner, struct cell *out)
{
    memset(out, 0, sizeof(*out));
    switch (v ? v->type : KHU_V_NULL) {
    case KHU_V_NULL:
        out->kind = CELL_NULL;
        return KHU_OK;
    case KHU_V_INT:
        if (c->type == COL_REAL) {
            out->kind = CELL_REAL;
            out->r = (double)v->i;
        } else {
            out->kind = CELL_INT;
            out->i = v->i;
        }
        return KHU_OK;
    case KHU_V_REAL:
        out->kind = CELL_REAL;
        out->r = v->r;
        return KHU_OK;
    case KHU_V_TEXT:
        buf_reset(owner);
        if (buf_append(owner, v->s, v->n))
            return owner->err;
        out->kind = CELL_TEXT;
        out->text = buf_cstr(owner);
        out->len = owner->len;
        return KHU_OK;
    }
    return KHU_EINVAL;
}

enum khu_err row_edit_begin(struct row_edit *e, const struct table_def *t,
                            const struct khu_row *current, int first)
{
    size_t i;

    memset(e, 0, sizeof(*e));
    e->t = t;
    e->is_new = current == NULL;
    if (t->ncols > ROW_EDIT_MAX_COLS)
        return KHU_EINVAL;
    for (i = 0; i < ROW_EDIT_MAX_COLS; i++) {
        buf_init(&e->text[i], CELL_TEXT_MAX);
        buf_init(&e->base_text[i], CELL_TEXT_MAX);
    }
    for (i = 0; i < t->ncols; i++) {
        enum khu_err err =
            cell_of_value(&t->cols[i], current ? row_at(current, first + (int)i) : NULL,
                          &e->base_text[i], &e->base[i]);
        if (err)
            return err;
        e->cells[i] = e->base[i]; /* shares base's text until the column is set */
    }
    return KHU_OK;
}

void row_edit_free(struct row_edit *e)
{
    size_t i;

    for (i = 0; i < ROW_EDIT_MAX_COLS; i++) {
        buf_free(&e->text[i]);
        buf_free(&e->base_text[i]);
    }
}

static int cells_equal(const struct cell *a, const struct cell *b)
{
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case CELL_NULL:
        return 1;
    case CELL_INT:
        return a->i == b->i;
    case CELL_REAL:
        return a->r == b->r;
    case CELL_TEXT:
        return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
    }
    return 0;
}

static int is_key(const struct table_def *t, const char *name)
{
    const char *const *k;

    for (k = t->key; *k; k++)
        if (strcmp(*k, name) == 0)
            return 1;
    return 0;
}

int row_edit_is_figure(const struct table_def *t, int i)
{
    if (i < 0 || (size_t)i >= t->ncols)
        return 0;
    /* a day off of the calendar is a fact with a source, like a figure */
    if (strcmp(t->name, "calendar_days") == 0)
        return strcmp(t->cols[i].name, "kind") == 0 || strcmp(t->cols[i].name, "date") == 0 ||
               strcmp(t->cols[i].name, "provisional") == 0;
    return t->cols[i].type == COL_INT || t->cols[i].type == COL_REAL;
}

enum khu_err row_edit_set(struct row_edit *e, const char *name, const char *text, size_t len)
{
    int i = schema_col_index(e->t, name);
    struct khu_diag d;
    struct cell c;
    enum khu_err err;

    if (i < 0) {
        add_problem(e, name, "unknown", NULL, "is not a column of this table");
        return KHU_OK;
    }
    if (e->given[i]) {
        add_problem(e, name, "twice", NULL, "is given twice");
        return KHU_OK;
    }
    e->given[i] = 1;
    khu_diag_clear(&d);
    err = validate_cell(&e->t->cols[i], text, len, &e->text[i], &c, &d);
    if (err == KHU_ENOMEM)
        return err;
    if (err) {
        keep_problem(e, &d);
        return KHU_OK;
    }
    if (!e->is_new && is_key(e->t, name) && !cells_equal(&c, &e->base[i])) {
        add_problem(e, name, "key", NULL, "is the row's key and cannot change");
        return KHU_OK;
    }
    e->cells[i] = c;
    return KHU_OK;
}

/* ===== the provenance of a zone's figures ===== */

struct keep_tokens {
    const struct row_edit *e;
    struct buf *out;
};

/* Copies a token whose column did not change. */
static int keep_token(void *arg, const char *column, size_t column_len, const char *code,
                      size_t code_len)
{
    struct keep_tokens *k = arg;
    char name[KHU_DIAG_FIELD_MAX];
    int i;

    if (column_len >= sizeof(name))
        return 0;
    memcpy(name, column, column_len);
    name[column_len] = '\0';
    i = schema_col_index(k->e->t, name);
    if (i >= 0 && k->e->changed[i])
        return 0;
    if (k->out->len)
        buf_putc(k->out, ' ');
    buf_append(k->out, column, column_len);
    buf_putc(k->out, '=');
    buf_append(k->out, code, code_len);
    return 0;
}

/* Rewrites the zone's provenance: the tokens of the columns that changed
 * go; each comes back naming source when it is registered. */
static void rewrite_provenance(struct row_edit *e, const char *source, int source_registered)
{
    int p = schema_col_index(e->t, "provenance");
    struct buf *out;
    struct keep_tokens k;
    size_t i;
    struct cell c;

    if (p < 0 || e->given[p])
        return;
    out = &e->text[p];
    {
        struct buf old;
        buf_init(&old, CELL_TEXT_MAX);
        if (e->base[p].kind == CELL_TEXT)
            buf_append(&old, e->base[p].text, e->base[p].len);
        buf_reset(out);
        k.e = e;
        k.out = out;
        if (old.len)
            provenance_parse(buf_cstr(&old), old.len, keep_token, &k, NULL);
        buf_free(&old);
    }
    /* a registered code that a token cannot hold names no figure */
    if (source_registered && !provenance_code_ok(source, strlen(source)))
        source_registered = 0;
    for (i = 0; i < e->t->ncols && source_registered; i++) {
        const char *name = e->t->cols[i].name;
        if (!e->changed[i] || !provenance_column_ok(name, strlen(name)))
            continue;
        buf_printf(out, "%s%s=%s", out->len ? " " : "", name, source);
    }
    memset(&c, 0, sizeof(c));
    c.kind = out->len && !out->err ? CELL_TEXT : CELL_NULL;
    c.text = c.kind == CELL_TEXT ? buf_cstr(out) : NULL;
    c.len = c.kind == CELL_TEXT ? out->len : 0;
    e->cells[p] = c;
    if (!cells_equal(&e->cells[p], &e->base[p]) && !e->changed[p]) {
        e->changed[p] = 1;
        e->nchanged++;
    }
}

/* The row's own source column, when the writer did not set it, becomes
 * the source of the figure just changed: the old one no longer vouches
 * for it. (A zone names a source per figure instead: its provenance.) */
static void take_source(struct row_edit *e, const char *source)
{
    int i = schema_col_index(e->t, "source");
    struct buf *out;

    if (i < 0 || e->given[i] || !source || !source[0])
        return;
    out = &e->text[i];
    buf_reset(out);
    if (buf_puts(out, source))
        return;
    e->cells[i].kind = CELL_TEXT;
    e->cells[i].text = buf_cstr(out);
    e->cells[i].len = out->len;
    if (!e->changed[i] && !cells_equal(&e->cells[i], &e->base[i])) {
        e->changed[i] = 1;
        e->nchanged++;
    }
}

/* ===== the whole row ===== */

static int text_ok(const char *s)
{
    size_t i;

    for (i = 0; s[i]; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
            return 0;
    return 1;
}

static void check_provenance_given(struct row_edit *e, const char *source, const char *as_of,
                                   const char *today)
{
    if (source && source[0] &&
        (!utf8_valid(source, strlen(source), NULL) || !text_ok(source) ||
         utf8_count(source, strlen(source)) > ROW_EDIT_SOURCE_MAX))
        add_problem(e, "source", "source_text", NULL,
                    "must be one line of valid text, at most 500 characters");
    if (e->figures_changed && !e->no_provenance && (!source || !source[0]))
        add_problem(e, "source", "source_needed", NULL,
                    "is required with a change to a figure: say where the new figure comes from");
    if (!as_of || !as_of[0]) {
        if (e->figures_changed && !e->no_provenance)
            add_problem(e, "as_of", "as_of_needed", NULL,
                        "is required with a change to a figure: the date the figure is as of");
    } else {
        static const struct col_def date_col = {"as_of", COL_DATE, 1, 0, 0};
        struct buf scratch;
        struct cell c;
        struct khu_diag d;
        buf_init(&scratch, 64);
        khu_diag_clear(&d);
        if (validate_cell(&date_col, as_of, strlen(as_of), &scratch, &c, &d)) {
            khu_diag_rule(&d, "as_of_date", NULL); /* the change's date, not a column's */
            keep_problem(e, &d);
        } else if (today && strcmp(as_of, today) > 0)
            add_problem(e, "as_of", "as_of_future", NULL, "is after today");
        buf_free(&scratch);
    }
}

int row_edit_check(struct row_edit *e, const char *source, const char *as_of, const char *today,
                   int source_registered)
{
    struct khu_diag d;
    size_t i;

    e->nchanged = 0;
    e->figures_changed = 0;
    for (i = 0; i < e->t->ncols; i++) {
        e->changed[i] = !cells_equal(&e->cells[i], &e->base[i]);
        if (e->changed[i]) {
            e->nchanged++;
            e->figures_changed |= row_edit_is_figure(e->t, (int)i);
        }
        if (e->is_new && e->t->cols[i].required && e->cells[i].kind == CELL_NULL && !e->given[i])
            add_problem(e, e->t->cols[i].name, "required", NULL, "is required");
    }
    check_provenance_given(e, source, as_of, today);
    if (e->nproblems)
        return e->nproblems;
    if (strcmp(e->t->name, "zones") == 0 && e->nchanged)
        rewrite_provenance(e, source, source_registered);
    else if (e->figures_changed)
        take_source(e, source);
    khu_diag_clear(&d);
    if (validate_row(e->t, e->cells, &d))
        keep_problem(e, &d);
    return e->nproblems;
}
