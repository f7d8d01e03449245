/* SPDX-License-Identifier: MIT */
/*
 * Listing a resource in SQLite (store/list.h): a validated query to one
 * SELECT with bound values (the filters, text search, keyset position and
 * limit), its rows handed to a callback, and a count of the matching rows
 * that stops at the caller's cap. One row by key likewise.
 */
#include "store/list.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/row.h"
#include "core/xalloc.h"
#include "core/schema.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sq.h"
#include "store/sqlite/sq_list.h"

#define MAX_BINDS (STORE_LIST_MAX_FILTERS * STORE_LIST_MAX_VALUES + 8)

/* One statement being built: the text, and the values to bind in order. */
struct build {
    struct store *s;
    const struct sq_resource *r;
    const struct table_def *t;
    struct buf cte, where, sql, match;
    struct khu_value binds[MAX_BINDS];
    int nbinds;
    const struct sq_named *sort; /* NULL: by key */
    char from[160];              /* the FROM clause when not the resource's own */
    char order[96];              /* the order of the page when not the sort's own */
    const struct sq_named *derived[STORE_LIST_MAX_DERIVED];
    int nderived;
    /* set when the first pass reads only the full-text index and makes
     * each key from its rowid (add_search_in_key_order) */
    migration_key_of_rowid_fn key_of_rowid;
};

static void build_init(struct build *b, const struct sq_resource *r)
{
    memset(b, 0, sizeof(*b));
    b->r = r;
    b->t = schema_table(r->table);
    buf_init(&b->cte, 4096);
    buf_init(&b->where, 1 << 16);
    buf_init(&b->sql, 1 << 17);
    buf_init(&b->match, 1 << 15);
}

static void build_free(struct build *b)
{
    buf_free(&b->cte);
    buf_free(&b->where);
    buf_free(&b->sql);
    buf_free(&b->match);
}

static enum khu_err refuse(struct khu_diag *d, const char *field, const char *what,
                           const char *resource)
{
    khu_diag_set(d, 0, 0, field, "%s '%.60s' is not known for %.40s", what, field ? field : "",
                 resource ? resource : "");
    return KHU_EINVAL;
}

static int bind_value(struct build *b, const struct khu_value *v)
{
    if (b->nbinds == MAX_BINDS)
        return -1;
    b->binds[b->nbinds++] = *v;
    return 0;
}

static int bind_text(struct build *b, const char *s)
{
    struct khu_value v = {KHU_V_TEXT, 0, 0, s, strlen(s)};

    return bind_value(b, &v);
}

static int bind_real(struct build *b, double r)
{
    struct khu_value v = {KHU_V_REAL, 0, r, NULL, 0};

    return bind_value(b, &v);
}

static void bind_all(sqlite3_stmt *st, const struct build *b)
{
    int i;

    for (i = 0; i < b->nbinds; i++) {
        const struct khu_value *v = &b->binds[i];
        switch (v->type) {
        case KHU_V_INT:
            sqlite3_bind_int64(st, i + 1, v->i);
            break;
        case KHU_V_REAL:
            sqlite3_bind_double(st, i + 1, v->r);
            break;
        case KHU_V_TEXT:
            sqlite3_bind_text(st, i + 1, v->s, (int)v->n, SQLITE_STATIC);
            break;
        default:
            sqlite3_bind_null(st, i + 1);
            break;
        }
    }
}

static void and (struct build * b)
{
    buf_puts(&b->where, b->where.len ? " AND " : " WHERE ");
}

/* ===== filters ===== */

static int all_of(const struct store_list_filter *f, enum khu_vtype type)
{
    int i;

    for (i = 0; i < f->n; i++)
        if (f->v[i].type != type)
            return 0;
    return f->n > 0;
}

/* "(a.c1 IS NULL OR a.c2 IS NULL ...)": the columns named by qf's values,
 * each a column of the resource's table. The names written are the
 * schema's own, never the caller's text. */
static enum khu_err add_missing(struct build *b, const struct store_list_filter *qf,
                                struct khu_diag *d)
{
    const struct table_def *t = schema_table(b->r->table);
    char name[64];
    int i, c;

    and(b);
    buf_putc(&b->where, '(');
    for (i = 0; i < qf->n; i++) {
        const struct khu_value *v = &qf->v[i];

        c = -1;
        if (t && v->type == KHU_V_TEXT && v->n < sizeof(name)) {
            memcpy(name, v->s, v->n);
            name[v->n] = '\0';
            c = schema_col_index(t, name);
        }
        if (c < 0) {
            khu_diag_set(d, 0, 0, qf->name, "%.60s: no such column", qf->name);
            return KHU_EINVAL;
        }
        buf_printf(&b->where, "%s%s.%s IS NULL", i ? " OR " : "", b->r->alias, t->cols[c].name);
    }
    buf_putc(&b->where, ')');
    return KHU_OK;
}

static enum khu_err add_filter(struct build *b, const struct store_list_filter *qf,
                               struct khu_diag *d)
{
    const struct sq_filter *f = sq_list_filter(b->r, qf->name);
    const char *scope;
    enum khu_err err;
    int i;

    if (!f)
        return refuse(d, qf->name, "filter", b->r->name);
    if (qf->n < 1 || qf->n > STORE_LIST_MAX_VALUES ||
        (f->kind != SQF_IN && f->kind != SQF_TOKENS && f->kind != SQF_MISSING && qf->n != 1))
        goto bad;
    switch (f->kind) {
    case SQF_IN:
        and(b);
        buf_printf(&b->where, "%s IN (", f->expr);
        for (i = 0; i < qf->n; i++) {
            if (qf->v[i].type == KHU_V_NULL || qf->v[i].type == KHU_V_REAL)
                goto bad;
            buf_puts(&b->where, i ? ",?" : "?");
            bind_value(b, &qf->v[i]);
        }
        buf_putc(&b->where, ')');
        return KHU_OK;
    case SQF_MIN:
    case SQF_MAX:
        if (!all_of(qf, KHU_V_REAL) && !all_of(qf, KHU_V_INT))
            goto bad;
        and(b);
        buf_printf(&b->where, "%s %s ?", f->expr, f->kind == SQF_MIN ? ">=" : "<=");
        return bind_value(b, &qf->v[0]) ? KHU_ENOMEM : KHU_OK;
    case SQF_UNIT:
    case SQF_UNIT_ZONES:
        if (!all_of(qf, KHU_V_TEXT))
            goto bad;
        if (b->cte.len) {
            khu_diag_set(d, 0, 0, qf->name, "only one unit filter may be given");
            return KHU_EINVAL;
        }
        /* the scope is ?1: bound first, before every other value */
        err = f->kind == SQF_UNIT ? sq_unit_scope_json(b->s, qf->v[0].s, qf->v[0].n, &scope, d)
                                  : sq_unit_scope_zones(b->s, qf->v[0].s, qf->v[0].n, &scope, d);
        if (err)
            return err;
        buf_puts(&b->cte, f->kind == SQF_UNIT
                              ? "WITH scope(code) AS (SELECT value FROM json_each(?1)) "
                              : "WITH scope_zone(id) AS (SELECT value FROM json_each(?1)) ");
        if (b->nbinds == MAX_BINDS)
            return KHU_ENOMEM;
        memmove(&b->binds[1], &b->binds[0], sizeof(b->binds[0]) * (size_t)b->nbinds);
        b->binds[0] = (struct khu_value){KHU_V_TEXT, 0, 0, scope, strlen(scope)};
        b->nbinds++;
        and(b);
        buf_puts(&b->where, f->expr);
        return KHU_OK;
    case SQF_TOKENS:
        if (!all_of(qf, KHU_V_TEXT))
            goto bad;
        and(b);
        buf_putc(&b->where, '(');
        for (i = 0; i < qf->n; i++) {
            buf_printf(&b->where, "%s(' ' || coalesce(%s, '') || ' ') LIKE ('%% ' || ? || ' %%')",
                       i ? " OR " : "", f->expr);
            bind_value(b, &qf->v[i]);
        }
        buf_putc(&b->where, ')');
        return KHU_OK;
    case SQF_MISSING:
        return add_missing(b, qf, d);
    case SQF_VALID_ON:
        if (!all_of(qf, KHU_V_TEXT))
            goto bad;
        and(b);
        buf_printf(&b->where,
                   "(%1$s.valid_from IS NULL OR %1$s.valid_from <= ?) AND"
                   " (%1$s.valid_to IS NULL OR %1$s.valid_to >= ?)",
                   b->r->alias);
        bind_value(b, &qf->v[0]);
        return bind_value(b, &qf->v[0]) ? KHU_ENOMEM : KHU_OK;
    }
bad:
    khu_diag_set(d, 0, 0, qf->name, "%.60s has a value of the wrong kind", qf->name);
    return KHU_EINVAL;
}

/* The FTS5 query for folded words, into b->match: each word a prefix (its
 * terms, see sq_terms_match), all of them required (an explicit AND: FTS5
 * reads no implicit one next to a parenthesis). */
static enum khu_err search_match(struct build *b, const char *text, struct khu_diag *d)
{
    const char *p;
    enum khu_err err = KHU_OK;

    if (!b->r->fts)
        return refuse(d, "q", "text search", b->r->name);
    for (p = text; *p && !err;) {
        size_t n = strcspn(p, " ");
        if (n) {
            if (b->match.len)
                buf_puts(&b->match, " AND ");
            err = sq_terms_match(b->s, b->r->fts, p, n, &b->match, d);
        }
        p += n + (p[n] == ' ');
    }
    if (err || b->match.err)
        return err ? err : KHU_ENOMEM;
    if (b->match.len == 0) {
        khu_diag_set(d, 0, 0, "q", "q must contain at least one letter or digit");
        return KHU_EINVAL;
    }
    return KHU_OK;
}

/* Runs a query of one whole number with the text bound to ?1 (may be NULL)
 * and n bound to ?2 (when n > 0). */
static enum khu_err one_number(struct store *s, const char *sql, const char *text, int64_t n,
                               int64_t *out, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, sql);
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the search", d);
    if (text)
        sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
    if (n > 0)
        sqlite3_bind_int64(st, 2, n);
    rc = sqlite3_step(st);
    *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sq_release(s, st);
    return rc == SQLITE_ROW ? KHU_OK : sq_error(s, rc, "the search", d);
}

/* Counts the search's hits, at most max of them (sq_search_hits). */
static enum khu_err search_hits(struct store *s, struct build *b, int64_t max, int64_t *hits,
                                struct khu_diag *d)
{
    return sq_search_hits(s, b->r->fts, buf_cstr(&b->match), max, hits, d);
}

/* The table's size: its largest rowid. */
static enum khu_err table_rows(struct store *s, struct build *b, int64_t *rows, struct khu_diag *d)
{
    char sql[128];

    snprintf(sql, sizeof(sql), "SELECT max(rowid) FROM %s", b->r->table);
    return one_number(s, sql, NULL, 0, rows, d);
}

/* The search as a condition: rows whose rowid is among the hits. With
 * walk the rowid is hidden from the planner (unary +), so it follows the
 * key's index in order and stops when the page is full. */
static enum khu_err add_search(struct build *b, int walk)
{
    and(b);
    buf_printf(&b->where, "%s%s.rowid IN (SELECT rowid FROM %s WHERE %s MATCH ?)", walk ? "+" : "",
               b->r->alias, b->r->fts, b->r->fts);
    return bind_text(b, buf_cstr(&b->match)) ? KHU_ENOMEM : KHU_OK;
}

/* Rows after the position a cursor decoded to, in the order of the page. */
static enum khu_err add_after(struct build *b, const struct store_list_query *q)
{
    const char *key = b->r->key;

    and(b);
    if (b->order[0]) { /* the key's own rowid, whether or not that row still exists */
        buf_printf(&b->where, "%s.rowid %s (SELECT %s FROM (SELECT ? AS k))", b->r->fts,
                   q->desc ? "<" : ">", migration_key_rowid(b->r->table));
    } else if (!b->sort) {
        buf_printf(&b->where, "%s %s ?", key, q->desc ? "<" : ">");
    } else if (q->after_null) {
        buf_printf(&b->where, "(%s IS NULL AND %s > ?)", b->sort->expr, key);
    } else {
        buf_printf(&b->where, "((%1$s %2$s ?) OR (%1$s = ? AND %3$s > ?) OR %1$s IS NULL)",
                   b->sort->expr, q->desc ? "<" : ">", key);
        bind_real(b, q->after_value);
        bind_real(b, q->after_value);
    }
    return bind_text(b, q->after_key ? q->after_key : "") ? KHU_ENOMEM : KHU_OK;
}

/* The search of a resource whose rowid follows its key
 * (migration_key_rowid), in key order: the full-text index, which hands out
 * its hits in rowid order, drives the join, and the page is its first hits
 * that pass the filters; no hit is sorted, none after the page is read. */
static enum khu_err add_search_in_key_order(struct build *b, const struct store_list_query *q)
{
    const char *fts = b->r->fts;

    /* the search alone, for a caller that may hold rows: the first pass
     * needs only the index, the keys following from its rowids */
    if (q->holds && q->nfilters == 0 && (b->key_of_rowid = migration_key_of_rowid(b->r->table)))
        snprintf(b->from, sizeof(b->from), "%s", fts);
    else
        snprintf(b->from, sizeof(b->from), "%s JOIN %s ON %s.rowid = %s.rowid", fts, b->r->from,
                 b->r->alias, fts);
    snprintf(b->order, sizeof(b->order), "%s.rowid %s", fts, q->desc ? "DESC" : "ASC");
    and(b);
    buf_printf(&b->where, "%s MATCH ?", fts);
    return bind_text(b, buf_cstr(&b->match)) ? KHU_ENOMEM : KHU_OK;
}

/* ===== statements ===== */

static const char *from_of(const struct build *b)
{
    return b->from[0] ? b->from : b->r->from;
}

/* The output columns: the table's in schema order, then the derived. */
static void select_columns_of(const struct build *b, struct buf *sql)
{
    size_t i;
    int k;

    buf_puts(sql, "SELECT ");
    for (i = 0; i < b->t->ncols; i++)
        buf_printf(sql, "%s%s.%s", i ? ", " : "", b->r->alias, b->t->cols[i].name);
    for (k = 0; k < b->nderived; k++)
        buf_printf(sql, ", %s", b->derived[k]->expr);
}

static void select_columns(struct build *b)
{
    buf_puts(&b->sql, buf_cstr(&b->cte));
    select_columns_of(b, &b->sql);
}

static enum khu_err add_derived(struct build *b, const char *const *names, struct khu_diag *d)
{
    for (; names && *names; names++) {
        const struct sq_named *n = sq_list_named(b->r->derived, *names);
        if (!n)
            return refuse(d, *names, "derived field", b->r->name);
        if (b->nderived == STORE_LIST_MAX_DERIVED)
            return KHU_EINVAL;
        b->derived[b->nderived++] = n;
    }
    return KHU_OK;
}

static enum khu_err prepare(struct store *s, struct build *b, struct buf *sql, sqlite3_stmt **st,
                            struct khu_diag *d)
{
    if (sql->err)
        return KHU_ENOMEM;
    *st = sq_prepare(s, buf_cstr(sql));
    if (!*st)
        return sq_error(s, sqlite3_errcode(s->db), "the list", d);
    bind_all(*st, b);
    return KHU_OK;
}

/* Counts the rows that match (without the cursor's condition), at most
 * cap + 1 of them. */
static enum khu_err count_rows(struct store *s, struct build *b, size_t where_len, int nbinds,
                               long cap, struct store_page *page, struct khu_diag *d)
{
    struct buf sql;
    sqlite3_stmt *st = NULL;
    int saved = b->nbinds, rc;
    enum khu_err err;

    buf_init(&sql, 1 << 17);
    buf_printf(&sql, "%sSELECT count(*) FROM (SELECT 1 FROM %s%.*s LIMIT ?)", buf_cstr(&b->cte),
               from_of(b), (int)where_len, buf_cstr(&b->where));
    b->nbinds = nbinds;
    err = prepare(s, b, &sql, &st, d);
    b->nbinds = saved;
    if (err)
        goto out;
    sqlite3_bind_int64(st, nbinds + 1, cap < INT64_MAX ? (int64_t)cap + 1 : cap);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        err = sq_error(s, rc, "counting the list", d);
        goto out;
    }
    page->total = (long)sqlite3_column_int64(st, 0);
    page->total_exact = page->total <= cap;
    if (!page->total_exact)
        page->total = cap;
out:
    sq_release(s, st);
    buf_free(&sql);
    return err;
}

/* Hands rows to the caller and keeps the page's account: at most the
 * limit, then whether another row follows, and where the page ended. */
struct pager {
    const struct store_list_query *q;
    store_row_fn fn;
    void *arg;
    struct store_page *page;
    int nout;    /* output columns; a row read also carries its sort value and key */
    int done;    /* the page is full, or fn stopped */
    int stopped; /* fn stopped */
};

/* Counts a row handed out (to fn, or held by the caller already). */
static void account(struct pager *p, int is_null, double value, const char *key, size_t n)
{
    struct store_page *page = p->page;

    page->rows++;
    page->last_null = is_null;
    page->last_value = is_null ? 0 : value;
    snprintf(page->last_key, sizeof(page->last_key), "%.*s", (int)n, key ? key : "");
    if (page->rows == p->q->limit)
        p->done = 1;
}

/* Hands a row read (nout values, its sort value, its key) to fn. */
static void hand_out(struct pager *p, const struct khu_row *row)
{
    struct khu_row out = {row->v, p->nout};
    const struct khu_value *sort = row_at(row, p->nout), *key = row_at(row, p->nout + 1);

    if (p->done)
        return;
    p->stopped = p->fn(p->arg, &out) != 0;
    p->done = p->stopped;
    account(p, sort->type == KHU_V_NULL, sort->r, key->s, key->s ? key->n : 0);
}

/* The ORDER BY and LIMIT of the page. */
static void order_and_limit(struct build *b, struct buf *sql, const struct store_list_query *q)
{
    buf_puts(sql, " ORDER BY ");
    if (b->order[0])
        buf_puts(sql, b->order);
    else if (b->sort)
        buf_printf(sql, "%1$s IS NULL, %1$s %2$s, %3$s", b->sort->expr, q->desc ? "DESC" : "ASC",
                   b->r->key);
    else
        buf_printf(sql, "%s %s", b->r->key, q->desc ? "DESC" : "ASC");
    buf_puts(sql, " LIMIT ?");
}

/* The page in one pass: every column of every row the query orders, when
 * it walks an index in the page's order and so stops at the page's end. */
static enum khu_err page_in_one_pass(struct store *s, struct build *b, struct pager *p,
                                     struct khu_diag *d)
{
    struct khu_value vals[SQ_MAX_COLS];
    struct khu_row row;
    sqlite3_stmt *st = NULL;
    int rc;
    enum khu_err err;

    select_columns(b);
    buf_printf(&b->sql, ", %s, %s FROM %s%s", b->sort ? b->sort->expr : "NULL", b->r->key,
               from_of(b), buf_cstr(&b->where));
    order_and_limit(b, &b->sql, p->q);
    err = prepare(s, b, &b->sql, &st, d);
    if (err)
        return err;
    sqlite3_bind_int64(st, b->nbinds + 1, (int64_t)p->q->limit + 1);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (p->done) {
            p->page->more = !p->stopped;
            break;
        }
        sq_row(st, vals, p->nout + 2, &row);
        hand_out(p, &row);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        err = sq_error(s, rc, "the list", d);
    sq_release(s, st);
    return err;
}

#define PASS_ROWS 64 /* rows fetched by rowid at once in the second pass */

int sq_list_fetch_reversed;

void sq_ids_init(struct sq_page_ids *ids)
{
    memset(ids, 0, sizeof(*ids));
    buf_init(&ids->keys, (size_t)1 << 26);
}

void sq_ids_free(struct sq_page_ids *ids)
{
    xfree(ids->rowid);
    xfree(ids->value);
    xfree(ids->is_null);
    xfree(ids->key_at);
    xfree(ids->key_len);
    buf_free(&ids->keys);
}

enum khu_err sq_ids_add(struct sq_page_ids *ids, int64_t rowid, int is_null, double value,
                        const char *key, size_t n)
{
    if (ids->n == ids->cap) {
        long cap = ids->cap ? ids->cap * 2 : 64;
        int64_t *rowids = xrealloc(ids->rowid, sizeof(*rowids) * (size_t)cap);
        double *values = rowids ? xrealloc(ids->value, sizeof(*values) * (size_t)cap) : NULL;
        unsigned char *nulls = values ? xrealloc(ids->is_null, (size_t)cap) : NULL;
        size_t *at = nulls ? xrealloc(ids->key_at, sizeof(*at) * (size_t)cap) : NULL;
        size_t *len = at ? xrealloc(ids->key_len, sizeof(*len) * (size_t)cap) : NULL;
        ids->rowid = rowids ? rowids : ids->rowid;
        ids->value = values ? values : ids->value;
        ids->is_null = nulls ? nulls : ids->is_null;
        ids->key_at = at ? at : ids->key_at;
        ids->key_len = len ? len : ids->key_len;
        if (!len)
            return KHU_ENOMEM;
        ids->cap = cap;
    }
    ids->rowid[ids->n] = rowid;
    ids->is_null[ids->n] = is_null != 0;
    ids->value[ids->n] = is_null ? 0 : value;
    ids->key_at[ids->n] = ids->keys.len;
    ids->key_len[ids->n] = n;
    buf_append(&ids->keys, key ? key : "", n);
    ids->n++;
    return ids->keys.err ? KHU_ENOMEM : KHU_OK;
}

/* Adds the first pass's current row: its rowid, sort value and key (made
 * from the rowid when key_of_rowid is set). */
static enum khu_err ids_add(struct sq_page_ids *ids, sqlite3_stmt *st,
                            migration_key_of_rowid_fn key_of_rowid)
{
    char made[MIGRATION_KEY_MAX];
    const char *key = (const char *)sqlite3_column_text(st, 2);
    size_t n = (size_t)sqlite3_column_bytes(st, 2);

    if (key_of_rowid) {
        n = key_of_rowid(sqlite3_column_int64(st, 0), made);
        key = made;
    }
    return sq_ids_add(ids, sqlite3_column_int64(st, 0), sqlite3_column_type(st, 1) == SQLITE_NULL,
                      sqlite3_column_double(st, 1), key, n);
}

static const char *ids_key(const struct sq_page_ids *ids, long i)
{
    return ids->keys.data ? ids->keys.data + ids->key_at[i] : "";
}

/* One row of the second pass that came before its turn, copied. */
struct early_row {
    int filled;
    struct khu_value v[SQ_MAX_COLS];
    struct buf text;
};

static enum khu_err keep_early(struct early_row *e, const struct khu_row *row)
{
    int i;

    if (!e->text.max)
        buf_init(&e->text, (size_t)1 << 26);
    e->text.len = 0;
    for (i = 0; i < row->n; i++) {
        e->v[i] = row->v[i];
        if (row->v[i].type == KHU_V_TEXT)
            buf_append(&e->text, row->v[i].s ? row->v[i].s : "", row->v[i].n);
    }
    e->filled = !e->text.err;
    return e->text.err ? KHU_ENOMEM : KHU_OK;
}

static void hand_out_early(struct pager *p, struct early_row *e, int n)
{
    struct khu_row row = {e->v, n};
    size_t at = 0;
    int i;

    for (i = 0; i < n; i++) { /* the texts point into e->text, which has stopped moving */
        if (e->v[i].type == KHU_V_TEXT) {
            e->v[i].s = e->text.data ? e->text.data + at : "";
            at += e->v[i].n;
        }
    }
    hand_out(p, &row);
    e->filled = 0;
}

/* One chunk of the second pass: rows first .. first + n of ids. */
struct chunk {
    const struct sq_page_ids *ids;
    long first;
    int n;
    unsigned char held[PASS_ROWS]; /* the caller holds the row already */
    struct early_row *early;       /* PASS_ROWS of them, made when a row first comes early */
    int next;                      /* the first row not yet handed out */
};

/* Hands out, in order, the rows whose turn has come: held ones (counted
 * only) and early ones. */
static void hand_out_ready(struct pager *p, struct chunk *c, int ncols)
{
    while (!p->done && c->next < c->n) {
        long i = c->first + c->next;
        if (c->held[c->next])
            account(p, c->ids->is_null[i], c->ids->value[i], ids_key(c->ids, i),
                    c->ids->key_len[i]);
        else if (c->early && c->early[c->next].filled)
            hand_out_early(p, &c->early[c->next], ncols);
        else
            return;
        c->next++;
    }
}

/* Reads the rows of c that the caller does not hold and hands them out in
 * page order. The rows come back in the order the database finds them;
 * one that comes early is copied until its turn. */
static enum khu_err fetch_rows(struct store *s, sqlite3_stmt *st, struct chunk *c, struct pager *p,
                               struct khu_diag *d)
{
    struct khu_value vals[SQ_MAX_COLS];
    struct khu_row row;
    struct buf json;
    int rc = SQLITE_DONE, i, ncols = p->nout + 3, wanted = 0;
    enum khu_err err = KHU_OK;

    buf_init(&json, (size_t)c->n * 24 + 8);
    buf_putc(&json, '[');
    for (i = 0; i < c->n; i++) {
        int k = sq_list_fetch_reversed ? c->n - 1 - i : i;
        if (!c->held[k])
            buf_printf(&json, wanted++ ? ",%lld" : "%lld", (long long)c->ids->rowid[c->first + k]);
    }
    buf_putc(&json, ']');
    hand_out_ready(p, c, ncols);
    if (json.err || wanted == 0) {
        buf_free(&json);
        return json.err ? KHU_ENOMEM : KHU_OK;
    }
    sqlite3_bind_text(st, 1, json.data, (int)json.len, SQLITE_STATIC);
    while (!p->done && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, ncols - 1);
        int at = c->next;
        while (at < c->n && (c->held[at] || c->ids->rowid[c->first + at] != id))
            at++;
        if (at == c->n)
            continue;
        sq_row(st, vals, ncols, &row);
        if (at > c->next) {
            if (!c->early && !(c->early = xcalloc(PASS_ROWS, sizeof(*c->early)))) {
                err = KHU_ENOMEM;
                break;
            }
            if ((err = keep_early(&c->early[at], &row)) != KHU_OK)
                break;
            continue;
        }
        hand_out(p, &row);
        c->next++;
        hand_out_ready(p, c, ncols);
    }
    if (!err && !p->done && rc != SQLITE_DONE)
        err = sq_error(s, rc, "the list", d);
    sqlite3_reset(st);
    buf_free(&json);
    return err;
}

/* The second pass: the page's rows by rowid, PASS_ROWS at a time, asking
 * the caller first which it holds already. */
static enum khu_err fetch_page(struct store *s, struct build *b, const struct sq_page_ids *ids,
                               struct pager *p, struct khu_diag *d)
{
    struct buf sql;
    sqlite3_stmt *st;
    struct chunk c;
    long n = ids->n < p->q->limit ? ids->n : p->q->limit, first;
    int i;
    enum khu_err err = KHU_OK;

    buf_init(&sql, 1 << 17);
    select_columns_of(b, &sql);
    buf_printf(&sql,
               ", %s, %s, %s.rowid FROM json_each(?1) AS page_row JOIN %s ON %s.rowid = "
               "page_row.value",
               b->sort ? b->sort->expr : "NULL", b->r->key, b->r->alias, b->r->from, b->r->alias);
    st = sql.err ? NULL : sq_prepare(s, buf_cstr(&sql));
    buf_free(&sql);
    memset(&c, 0, sizeof(c));
    c.ids = ids;
    if (!st) {
        err = sq_error(s, sqlite3_errcode(s->db), "the list", d);
        goto out;
    }
    for (first = 0; !err && !p->done && first < n; first += PASS_ROWS) {
        c.first = first;
        c.n = n - first < PASS_ROWS ? (int)(n - first) : PASS_ROWS;
        c.next = 0;
        for (i = 0; i < c.n; i++)
            c.held[i] = p->q->holds &&
                        p->q->holds(p->arg, ids_key(ids, first + i), ids->key_len[first + i]);
        err = fetch_rows(s, st, &c, p, d);
    }
    for (i = 0; c.early && i < PASS_ROWS; i++)
        buf_free(&c.early[i].text);
out:
    sq_release(s, st);
    xfree(c.early);
    return err;
}

/* The page in two passes, when the query sorts or the caller holds rows
 * already: first the rowids of the page's rows in order with their sort
 * values and keys (the sort carries three columns, not every column of
 * every candidate), then those rows by rowid. The caller holds a read
 * transaction, so both passes see one snapshot. */
static enum khu_err page_in_two_passes(struct store *s, struct build *b, struct pager *p,
                                       struct khu_diag *d)
{
    struct sq_page_ids ids;
    sqlite3_stmt *st = NULL;
    int rc;
    enum khu_err err;

    sq_ids_init(&ids);
    if (b->key_of_rowid)
        buf_printf(&b->sql, "%sSELECT %s.rowid, NULL, NULL FROM %s%s", buf_cstr(&b->cte), b->r->fts,
                   from_of(b), buf_cstr(&b->where));
    else
        buf_printf(&b->sql, "%sSELECT %s.rowid, %s, %s FROM %s%s", buf_cstr(&b->cte), b->r->alias,
                   b->sort ? b->sort->expr : "NULL", b->r->key, from_of(b), buf_cstr(&b->where));
    order_and_limit(b, &b->sql, p->q);
    err = prepare(s, b, &b->sql, &st, d);
    if (err)
        goto out;
    sqlite3_bind_int64(st, b->nbinds + 1, (int64_t)p->q->limit + 1);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if ((err = ids_add(&ids, st, b->key_of_rowid)) != KHU_OK)
            break;
    if (!err && rc != SQLITE_DONE)
        err = sq_error(s, rc, "the list", d);
    sq_release(s, st);
    if (err || ids.n == 0)
        goto out;
    err = fetch_page(s, b, &ids, p, d);
    p->page->more = ids.n > p->q->limit && !p->stopped;
out:
    sq_ids_free(&ids);
    return err;
}

/* The page chosen in memory (sq_list_mem.c), its rows then read as the
 * second pass reads them; *answered is 0 when SQL must choose it. */
static enum khu_err page_from_memory(struct store *s, struct build *b,
                                     const struct store_list_query *q, store_row_fn fn, void *arg,
                                     struct store_page *page, int *answered, struct khu_diag *d)
{
    struct pager p = {q, fn, arg, page, (int)b->t->ncols + b->nderived, 0, 0};
    struct sq_page_ids ids;
    long matches = 0;
    enum khu_err err;

    if (p.nout + 3 > SQ_MAX_COLS) {
        *answered = 0;
        return KHU_OK;
    }
    sq_ids_init(&ids);
    err = sq_list_mem_page(s, b->r, q, b->match.len ? buf_cstr(&b->match) : NULL, &ids, &matches,
                           answered, d);
    if (!err && *answered && ids.n > 0) {
        err = fetch_page(s, b, &ids, &p, d);
        page->more = ids.n > q->limit && !p.stopped;
    }
    sq_ids_free(&ids);
    if (err || !*answered || q->count_cap <= 0)
        return err;
    if (!q->after && !page->more) { /* as store_list counts a whole result */
        page->total = page->rows;
        page->total_exact = 1;
    } else {
        page->total_exact = matches <= q->count_cap;
        page->total = page->total_exact ? matches : q->count_cap;
    }
    return KHU_OK;
}

static enum khu_err run_page(struct store *s, struct build *b, const struct store_list_query *q,
                             int two_passes, store_row_fn fn, void *arg, struct store_page *page,
                             struct khu_diag *d)
{
    struct pager p = {q, fn, arg, page, (int)b->t->ncols + b->nderived, 0, 0};

    if (p.nout + 3 > SQ_MAX_COLS) {
        khu_diag_set(d, 0, 0, NULL, "the list has too many columns");
        return KHU_EINVAL;
    }
    return two_passes ? page_in_two_passes(s, b, &p, d) : page_in_one_pass(s, b, &p, d);
}

/* ===== entry points ===== */

int store_list_knows(const char *resource, enum store_list_name kind, const char *name)
{
    const struct sq_resource *r = sq_list_resource(resource);

    if (!r)
        return 0;
    switch (kind) {
    case STORE_LIST_FILTER:
        return sq_list_filter(r, name) != NULL;
    case STORE_LIST_SORT:
        return sq_list_named(r->sorts, name) != NULL;
    case STORE_LIST_DERIVED:
        return sq_list_named(r->derived, name) != NULL;
    case STORE_LIST_SEARCH:
        return r->fts != NULL;
    }
    return 0;
}

/* Whether a page in key order should walk the key's index and test each
 * row against the set of hits (work about limit x rows / hits index
 * entries) rather than fetch every hit and sort (work about hits table
 * seeks, each some 15 times an index step): hits above the returned
 * number. rows is the table's size (its largest rowid). */
static int64_t walk_above(long limit, int64_t rows)
{
    int64_t h = 1;

    while (h * h * 15 <= (int64_t)(limit + 1) * rows)
        h *= 2;
    return h;
}

enum khu_err store_list(struct store *s, const struct store_list_query *q, store_row_fn fn,
                        void *arg, struct store_page *page, struct khu_diag *d)
{
    const struct sq_resource *r = sq_list_resource(q->resource);
    struct build b;
    size_t where_len;
    int i, nbinds, walk = 0, snapshot;
    int64_t hits = -1, rows = 0, enough;
    enum khu_err err = KHU_OK;

    memset(page, 0, sizeof(*page));
    page->last_null = 1;
    khu_diag_clear(d);
    if (!r)
        return refuse(d, q->resource, "resource", "the list");
    if (q->limit < 1 || q->nfilters < 0 || q->nfilters > STORE_LIST_MAX_FILTERS) {
        khu_diag_set(d, 0, 0, "limit", "the list needs a limit of at least 1");
        return KHU_EINVAL;
    }
    build_init(&b, r);
    b.s = s;
    snapshot = store_snapshot_begin(s); /* the page and its count read one snapshot */
    if (q->sort && !(b.sort = sq_list_named(r->sorts, q->sort))) {
        err = refuse(d, q->sort, "sort", r->name);
        goto out;
    }
    err = add_derived(&b, q->derived, d);
    for (i = 0; !err && i < q->nfilters; i++)
        err = add_filter(&b, &q->filters[i], d);
    if (!err && r->in_memory) {
        int answered = 0;
        if (q->search)
            err = search_match(&b, q->search, d);
        if (!err)
            err = page_from_memory(s, &b, q, fn, arg, page, &answered, d);
        if (err || answered)
            goto out;
        buf_reset(&b.match); /* the SQL below matches the words again */
    }
    if (!err && q->search && !b.sort && migration_key_rowid(r->table)) {
        err = search_match(&b, q->search, d);
        if (!err)
            err = add_search_in_key_order(&b, q);
    } else if (!err && q->search) {
        /* count the hits only as far as the plan and the total need */
        err = search_match(&b, q->search, d);
        if (!err && !b.sort)
            err = table_rows(s, &b, &rows, d);
        enough = b.sort ? 0 : walk_above(q->limit, rows);
        enough = enough > q->count_cap ? enough : q->count_cap;
        if (!err)
            err = search_hits(s, &b, enough + 1, &hits, d);
        if (!err && hits == 0) { /* nothing matches: no page to run, nothing to count */
            page->total_exact = q->count_cap > 0;
            goto out;
        }
        walk = !b.sort && hits > walk_above(q->limit, rows);
        if (!err)
            err = add_search(&b, walk);
    }
    where_len = b.where.len;
    nbinds = b.nbinds;
    if (!err && q->after)
        err = add_after(&b, q);
    /* a page that walks an index in its own order is read in one pass;
     * one that sorts, or whose rows the caller may hold, in two (see
     * page_in_two_passes) */
    if (!err)
        err = run_page(s, &b, q,
                       q->holds || (!b.order[0] && !walk && (b.sort || q->search || q->nfilters)),
                       fn, arg, page, d);
    if (err || q->count_cap <= 0)
        goto out;
    if (!q->after && !page->more) { /* the whole result is on this page */
        page->total = page->rows;
        page->total_exact = 1;
    } else if (b.order[0] && q->nfilters == 0) { /* the search alone, its hits counted now */
        err = search_hits(s, &b, q->count_cap + 1, &hits, d);
        page->total_exact = hits <= q->count_cap;
        page->total = page->total_exact ? (long)hits : q->count_cap;
    } else if (hits >= 0 && q->nfilters == 0) { /* the search alone: its hits */
        page->total_exact = hits <= q->count_cap;
        page->total = page->total_exact ? (long)hits : q->count_cap;
    } else {
        err = count_rows(s, &b, where_len, nbinds, q->count_cap, page, d);
    }
out:
    store_snapshot_end(s, snapshot);
    build_free(&b);
    return err;
}

enum khu_err store_item(struct store *s, const char *resource, const char *key,
                        const char *const *derived, store_row_fn fn, void *arg, struct khu_diag *d)
{
    const struct sq_resource *r = sq_list_resource(resource);
    struct khu_value vals[SQ_MAX_COLS];
    struct khu_row row;
    struct build b;
    sqlite3_stmt *st = NULL;
    enum khu_err err;
    int rc;

    khu_diag_clear(d);
    if (!r)
        return refuse(d, resource, "resource", "an item");
    build_init(&b, r);
    err = add_derived(&b, derived, d);
    if (err)
        goto out;
    select_columns(&b);
    buf_printf(&b.sql, " FROM %s WHERE %s = ?", r->from, r->key);
    bind_text(&b, key ? key : "");
    err = prepare(s, &b, &b.sql, &st, d);
    if (err)
        goto out;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        sq_row(st, vals, SQ_MAX_COLS, &row);
        fn(arg, &row);
    } else if (rc == SQLITE_DONE) {
        khu_diag_set(d, 0, 0, NULL, "no %s with key '%.80s'", r->name, key ? key : "");
        err = KHU_ENOTFOUND;
    } else {
        err = sq_error(s, rc, "the item", d);
    }
out:
    sq_release(s, st);
    build_free(&b);
    return err;
}
