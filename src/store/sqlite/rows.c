/* SPDX-License-Identifier: MIT */
/*
 * Writes of one row of a data-model table in SQLite (see store/rows.h).
 * The SQL is made from core/schema's columns, whose names are the
 * program's own, never the writer's; values are always bound.
 */
#include "store/rows.h"
#include "store/import.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sq.h"

#include <stdio.h>
#include <string.h>

#define ROW_SQL_MAX  (64 * 1024)
#define ROW_JSON_MAX (64 * 1024 * 1024)

static void where_key(struct buf *sql, const struct table_def *t, int first_param)
{
    size_t i;

    buf_puts(sql, " WHERE ");
    for (i = 0; t->key[i]; i++)
        buf_printf(sql, "%s\"%s\" = ?%d", i ? " AND " : "", t->key[i], first_param + (int)i);
}

enum khu_err store_row_read(struct store_tx *tx, const struct table_def *t, const char *const *key,
                            store_row_fn fn, void *arg, struct khu_diag *d)
{
    return store_row_get(tx->s, t, key, fn, arg, d);
}

enum khu_err store_row_get(struct store *s, const struct table_def *t, const char *const *key,
                           store_row_fn fn, void *arg, struct khu_diag *d)
{
    struct khu_value vals[SQ_MAX_COLS];
    struct khu_row row;
    struct buf sql;
    sqlite3_stmt *st = NULL;
    enum khu_err err = KHU_OK;
    size_t i;
    int rc;

    buf_init(&sql, ROW_SQL_MAX);
    buf_puts(&sql, "SELECT ");
    for (i = 0; i < t->ncols; i++)
        buf_printf(&sql, "%s\"%s\"", i ? ", " : "", t->cols[i].name);
    buf_printf(&sql, " FROM \"%s\"", t->name);
    where_key(&sql, t, 1);
    if (sql.err) {
        buf_free(&sql);
        return sql.err;
    }
    st = sq_prepare(s, buf_cstr(&sql));
    buf_free(&sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the row", d);
    for (i = 0; t->key[i]; i++)
        sqlite3_bind_text(st, (int)i + 1, key[i], -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        sq_row(st, vals, SQ_MAX_COLS, &row);
        fn(arg, &row);
    } else if (rc == SQLITE_DONE) {
        khu_diag_set(d, 0, 0, NULL, "no row of %s has this key", t->name);
        err = KHU_ENOTFOUND;
    } else {
        err = sq_error(s, rc, "reading the row", d);
    }
    sq_release(s, st);
    return err;
}

enum khu_err store_row_exists(struct store_tx *tx, const char *table, const char *col,
                              const char *value, int *found, struct khu_diag *d)
{
    struct store *s = tx->s;
    const struct table_def *t = schema_table(table);
    char sql[256];
    sqlite3_stmt *st;
    enum khu_err err = KHU_OK;
    int rc;

    *found = 0;
    if (!t || schema_col_index(t, col) < 0) /* only the schema's names reach the SQL */
        return KHU_EINVAL;
    snprintf(sql, sizeof(sql), "SELECT 1 FROM \"%s\" WHERE \"%s\" = ? LIMIT 1", t->name,
             t->cols[schema_col_index(t, col)].name);
    st = sq_prepare(s, sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "looking up a reference", d);
    sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *found = 1;
    else if (rc != SQLITE_DONE)
        err = sq_error(s, rc, "looking up a reference", d);
    sq_release(s, st);
    return err;
}

void store_row_key(const struct table_def *t, const struct cell *cells, char out[STORE_ROW_KEY_MAX])
{
    size_t i, used = 0;

    out[0] = '\0';
    for (i = 0; t->key[i] && used < STORE_ROW_KEY_MAX; i++) {
        int c = schema_col_index(t, t->key[i]);
        const struct cell *k = c >= 0 ? &cells[c] : NULL;
        int w = k && k->kind == CELL_INT /* a number within its dossier */
                    ? snprintf(out + used, STORE_ROW_KEY_MAX - used, "%s%lld", i ? "/" : "",
                               (long long)k->i)
                    : snprintf(out + used, STORE_ROW_KEY_MAX - used, "%s%.*s", i ? "/" : "",
                               k && k->kind == CELL_TEXT ? (int)k->len : 0,
                               k && k->kind == CELL_TEXT ? k->text : "");
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* The key values of cells as strings, for sq_row_json. */
static void key_values(const struct table_def *t, const struct cell *cells, const char **key,
                       struct buf *owner)
{
    size_t i, at[8];

    buf_reset(owner);
    for (i = 0; t->key[i] && i < 8; i++) {
        int c = schema_col_index(t, t->key[i]);
        at[i] = owner->len;
        if (c >= 0 && cells[c].kind == CELL_TEXT)
            buf_append(owner, cells[c].text, cells[c].len);
        else if (c >= 0 && cells[c].kind == CELL_INT) /* a number within its dossier */
            buf_printf(owner, "%lld", (long long)cells[c].i);
        buf_append(owner, "", 1); /* the NUL between values */
    }
    for (i = 0; t->key[i] && i < 8; i++)
        key[i] = owner->data ? owner->data + at[i] : "";
}

/* Binds cells as ?1..?ncols and the folded search text as ?ncols+1 when t
 * is searchable. */
static enum khu_err bind_row(sqlite3_stmt *st, const struct table_def *t, const struct cell *cells,
                             struct buf *search)
{
    const char *values[SQ_MAX_COLS];
    size_t i;
    enum khu_err err;

    for (i = 0; i < t->ncols; i++) {
        sq_bind_cell(st, (int)i + 1, &cells[i]);
        values[i] = cells[i].kind == CELL_TEXT ? cells[i].text : NULL;
    }
    if (!t->searchable)
        return KHU_OK;
    /* import_search_text reads values as NUL-terminated: cells of a
     * row_edit are (they live in bufs), as are the importer's */
    err = import_search_text(t, values, search);
    if (!err)
        sqlite3_bind_text(st, (int)t->ncols + 1, buf_cstr(search), (int)search->len, SQLITE_STATIC);
    return err;
}

/* The column of t a UNIQUE constraint failed on ("... failed: t.col"), or
 * NULL when the message names none or several. */
static const char *unique_column(struct store *s, const struct table_def *t)
{
    const char *m = sqlite3_errmsg(s->db), *at = strstr(m, t->name);
    int i;

    if (!at || at[strlen(t->name)] != '.' || strchr(at, ','))
        return NULL;
    i = schema_col_index(t, at + strlen(t->name) + 1);
    return i >= 0 ? t->cols[i].name : NULL;
}

/* Runs the prepared write st; a taken key or unique value becomes
 * KHU_ECONFLICT on its column, with the rule "taken". */
static enum khu_err step_write(struct store *s, sqlite3_stmt *st, const struct table_def *t,
                               struct khu_diag *d)
{
    int rc = sqlite3_step(st);
    const char *col;

    if (rc == SQLITE_DONE)
        return KHU_OK;
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE) {
        col = rc == SQLITE_CONSTRAINT_UNIQUE ? unique_column(s, t) : NULL;
        if (col && strcmp(col, t->key[0]) != 0)
            khu_diag_set(d, 0, 0, col, "another row of %s has this %s", t->name, col);
        else
            khu_diag_set(d, 0, 0, t->key[0], "a row of %s with this key exists already", t->name);
        khu_diag_rule(d, "taken", NULL);
        return KHU_ECONFLICT;
    }
    return sq_error(s, rc, "writing the row", d);
}

/* The value of cell c as the store hands values out. */
static struct khu_value value_of(const struct cell *c)
{
    struct khu_value v = {.type = KHU_V_NULL};

    switch (c->kind) {
    case CELL_NULL:
        break;
    case CELL_INT:
        v.type = KHU_V_INT;
        v.i = c->i;
        v.r = (double)c->i;
        break;
    case CELL_REAL:
        v.type = KHU_V_REAL;
        v.r = c->r;
        break;
    case CELL_TEXT:
        v.type = KHU_V_TEXT;
        v.s = c->text;
        v.n = c->len;
        break;
    }
    return v;
}

/* The row of cells as JSON: its columns whose changed flag is set (every
 * column when changed is NULL), as core/row.h writes a row. */
static void cells_json(const struct table_def *t, const struct cell *cells,
                       const unsigned char *changed, struct buf *out)
{
    struct khu_value v;
    struct jw w;
    size_t i;

    jw_init(&w, out);
    jw_obj_begin(&w);
    for (i = 0; i < t->ncols; i++) {
        if (changed && !changed[i])
            continue;
        v = value_of(&cells[i]);
        jw_key(&w, t->cols[i].name);
        row_json_value(&w, &t->cols[i], &v);
    }
    jw_obj_end(&w);
}

/* The row's version: the digest of its whole JSON, as a reader computes
 * it from the stored row (core/row_version.h). */
static enum khu_err version_of(const struct table_def *t, const struct cell *cells,
                               char version[ROW_VERSION_HEX])
{
    struct khu_value v[SQ_MAX_COLS];
    struct khu_row row = {v, (int)t->ncols};
    size_t i;

    for (i = 0; i < t->ncols; i++)
        v[i] = value_of(&cells[i]);
    return row_version(t, &row, 0, version) ? KHU_ENOMEM : KHU_OK;
}

/* Appends the audit record of the row of cells just written: for a new
 * row the whole row; for a change, the columns that changed, before and
 * after (a whole zone is some kilobytes in three languages, and the trail
 * keeps every change). */
static enum khu_err audit_row(struct store_tx *tx, const struct table_def *t,
                              const struct cell *cells, const char *action, const char *before,
                              const unsigned char *changed, const struct store_row_note *note,
                              char version[ROW_VERSION_HEX], struct khu_diag *d)
{
    char key[STORE_ROW_KEY_MAX];
    struct buf after, columns;
    enum khu_err err;
    size_t i;

    buf_init(&after, ROW_JSON_MAX);
    buf_init(&columns, ROW_JSON_MAX);
    store_row_key(t, cells, key);
    cells_json(t, cells, changed, &after);
    for (i = 0; changed && i < t->ncols; i++)
        if (changed[i])
            buf_printf(&columns, "%s%s,", columns.len ? "" : ",", t->cols[i].name);
    if (changed && !columns.len)
        buf_puts(&columns, ","); /* no column changed */
    err = after.err ? after.err : columns.err ? columns.err : version_of(t, cells, version);
    if (!err) {
        struct sq_change c = {.action = action,
                              .table = t->name,
                              .key = key,
                              .before = before,
                              .after = buf_cstr(&after),
                              .source = note ? note->source : NULL,
                              .as_of = note ? note->as_of : NULL,
                              .columns = changed ? buf_cstr(&columns) : NULL};
        err = sq_mark_updated(tx, t->name, d);
        if (!err)
            err = sq_audit_append(tx, &c, d);
    }
    buf_free(&after);
    buf_free(&columns);
    return err;
}

enum khu_err store_row_insert(struct store_tx *tx, const struct table_def *t,
                              const struct cell *cells, const struct store_row_note *note,
                              char version[ROW_VERSION_HEX], struct khu_diag *d)
{
    struct store *s = tx->s;
    const char *key_rowid = migration_key_rowid(t->name);
    struct buf sql, search;
    sqlite3_stmt *st;
    enum khu_err err;

    if (t->ncols + 1 > SQ_MAX_COLS || (key_rowid && schema_col_index(t, t->key[0]) != 0))
        return KHU_EINVAL;
    buf_init(&sql, ROW_SQL_MAX);
    sq_insert_sql(&sql, t);
    if (sql.err) {
        buf_free(&sql);
        return KHU_ENOMEM;
    }
    st = sq_prepare(s, buf_cstr(&sql));
    buf_free(&sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "writing the row", d);
    buf_init(&search, ROW_JSON_MAX);
    err = bind_row(st, t, cells, &search);
    if (!err)
        err = step_write(s, st, t, d);
    sq_release(s, st);
    buf_free(&search);
    if (!err)
        err = audit_row(tx, t, cells, "insert", NULL, NULL, note, version, d);
    return err;
}

/* Sets the row's folded search text to what its values give, and only
 * when it changed: setting it, even to itself, reindexes the row's full
 * text (the trigger is AFTER UPDATE OF search), which cost a third of a
 * zone's write. */
static enum khu_err update_search(struct store *s, const struct table_def *t,
                                  const struct cell *cells, const char *const *kv,
                                  struct khu_diag *d)
{
    const char *values[SQ_MAX_COLS];
    struct buf sql, search;
    sqlite3_stmt *st = NULL;
    enum khu_err err;
    size_t i;

    buf_init(&sql, ROW_SQL_MAX);
    buf_init(&search, ROW_JSON_MAX);
    for (i = 0; i < t->ncols; i++)
        values[i] = cells[i].kind == CELL_TEXT ? cells[i].text : NULL;
    err = import_search_text(t, values, &search);
    buf_printf(&sql, "UPDATE \"%s\" SET search = ?1", t->name);
    where_key(&sql, t, 2);
    buf_puts(&sql, " AND search IS NOT ?1");
    if (!err && sql.err)
        err = KHU_ENOMEM;
    if (!err && !(st = sq_prepare(s, buf_cstr(&sql))))
        err = sq_error(s, sqlite3_errcode(s->db), "writing the row", d);
    if (!err) {
        sqlite3_bind_text(st, 1, buf_cstr(&search), (int)search.len, SQLITE_STATIC);
        for (i = 0; t->key[i]; i++)
            sqlite3_bind_text(st, (int)i + 2, kv[i], -1, SQLITE_STATIC);
        err = step_write(s, st, t, d);
    }
    sq_release(s, st);
    buf_free(&sql);
    buf_free(&search);
    return err;
}

/* What a change read of the row before it: which columns differ from the
 * new cells, and their old values as JSON. */
struct before {
    const struct table_def *t;
    const struct cell *cells;
    unsigned char changed[SQ_MAX_COLS];
    struct buf *json;
};

static int same_value(const struct khu_value *a, const struct khu_value *b)
{
    if (a->type == KHU_V_NULL || b->type == KHU_V_NULL)
        return a->type == b->type;
    if (a->type == KHU_V_TEXT || b->type == KHU_V_TEXT)
        return a->type == b->type && a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
    return (a->type == KHU_V_INT ? (double)a->i : a->r) ==
           (b->type == KHU_V_INT ? (double)b->i : b->r);
}

static int take_before(void *arg, const struct khu_row *row)
{
    struct before *b = arg;
    struct khu_value v;
    struct jw w;
    size_t i;

    jw_init(&w, b->json);
    jw_obj_begin(&w);
    for (i = 0; i < b->t->ncols; i++) {
        v = value_of(&b->cells[i]);
        b->changed[i] = !same_value(row_at(row, (int)i), &v);
        if (!b->changed[i])
            continue;
        jw_key(&w, b->t->cols[i].name);
        row_json_value(&w, &b->t->cols[i], row_at(row, (int)i));
    }
    jw_obj_end(&w);
    return 0;
}

enum khu_err store_row_update(struct store_tx *tx, const struct table_def *t,
                              const struct cell *cells, const struct store_row_note *note,
                              char version[ROW_VERSION_HEX], struct khu_diag *d)
{
    struct store *s = tx->s;
    const char *kv[8];
    struct buf sql, owner, before;
    struct before old = {.t = t, .cells = cells, .json = &before};
    sqlite3_stmt *st = NULL;
    enum khu_err err;
    size_t i;

    if (t->ncols + 8 > SQ_MAX_COLS)
        return KHU_EINVAL;
    buf_init(&sql, ROW_SQL_MAX);
    buf_init(&owner, STORE_ROW_KEY_MAX * 2);
    buf_init(&before, ROW_JSON_MAX);
    key_values(t, cells, kv, &owner);
    err = store_row_get(s, t, kv, take_before, &old, d);
    if (!err && before.err)
        err = before.err;
    if (err)
        goto out;
    buf_printf(&sql, "UPDATE \"%s\" SET ", t->name);
    for (i = 0; i < t->ncols; i++)
        buf_printf(&sql, "%s\"%s\" = ?%zu", i ? ", " : "", t->cols[i].name, i + 1);
    where_key(&sql, t, (int)t->ncols + 1);
    if (sql.err) {
        err = KHU_ENOMEM;
        goto out;
    }
    st = sq_prepare(s, buf_cstr(&sql));
    if (!st) {
        err = sq_error(s, sqlite3_errcode(s->db), "writing the row", d);
        goto out;
    }
    for (i = 0; i < t->ncols; i++)
        sq_bind_cell(st, (int)i + 1, &cells[i]);
    for (i = 0; t->key[i]; i++)
        sqlite3_bind_text(st, (int)(t->ncols + 1 + i), kv[i], -1, SQLITE_STATIC);
    err = step_write(s, st, t, d);
    if (!err && t->searchable)
        err = update_search(s, t, cells, kv, d);
    if (!err)
        err = audit_row(tx, t, cells, "update", buf_cstr(&before), old.changed, note, version, d);
out:
    sq_release(s, st);
    buf_free(&sql);
    buf_free(&owner);
    buf_free(&before);
    return err;
}
