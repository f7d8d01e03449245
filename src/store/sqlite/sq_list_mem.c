/* SPDX-License-Identifier: MIT */
/*
 * The pages of a small table chosen in memory (see sq_list.h). A list of
 * zones with a unit filter spent two thirds of its time in SQLite seeking
 * the unit's zones one by one in an index of texts (bench/RESULTS.md); the
 * table has a few thousand rows, so each connection keeps a copy of every
 * row's rowid, key, and the value of each filter and sort expression, read
 * by one SELECT, and chooses a page there. When the data it sees has
 * changed, the rows the changes name are read again alone
 * (store_changes), unless a change was to a column other rows' values
 * read (sq_resource.cross_columns), added a row, or cannot be known:
 * then the table is read whole. The expressions stay SQL written once (sq_list_defs.c, sq.h):
 * memory holds their values, not a second copy of the formulas.
 *
 * A page chosen here is the page SQL would choose, row for row
 * (test_store_sqlite_list compares both over random queries). Where SQLite's own
 * rules would decide differently, memory does not answer and the caller
 * runs the SQL:
 * - a filter kind other than IN, MIN, MAX, TOKENS and a unit's zones;
 * - IN with a value whose type differs from every value the column holds
 *   (SQLite would convert one to the other by the column's affinity);
 * - MIN, MAX or a sort over a column that holds text, or a whole number
 *   a double cannot hold exactly;
 * - TOKENS over a column that holds anything but text, or with a value
 *   holding % or _ (LIKE's wildcards);
 * - a table of more than MEM_ROWS_MAX rows, or with a key that is not text.
 * Order (sq_list.c): by the sort's value, NULL last, then the key
 * ascending; without a sort, by the key. Keys compare as SQLite's BINARY
 * collation does; numbers as doubles.
 */
#include "store/sqlite/sq_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "store/sqlite/sq.h"

#define MEM_ROWS_MAX     100000 /* a larger table is listed by SQL alone */
#define MEM_TABLES       4      /* resources kept in memory per connection */
#define EXACT_INT        ((int64_t)1 << 53)
#define REFRESH_ROWS_MAX 64 /* more changed rows: the table is read whole */

int sq_list_mem_off;

/* One value: a number (INT, held exactly, and REAL), or a text's place;
 * its type (enum khu_vtype) is kept apart, so that a value takes 9 bytes. */
struct mval {
    union {
        double num;
        struct {
            uint32_t off, len; /* the bytes in the table's text */
        } text;
    } u;
};

/* What a column's values allow (every row considered). */
struct mcol {
    enum khu_vtype in_type; /* the one type of its non-NULL values; KHU_V_NULL: none */
    int in_ok;              /* IN: one type of values, INT or TEXT (or none) */
    int num_ok;             /* MIN, MAX, sort: numbers a double holds exactly, or NULL */
    int tok_ok;             /* TOKENS: text or NULL */
};

struct mem_table {
    const struct sq_resource *r;
    uint64_t generation;
    int state; /* 0: empty; 1: rows held; 2: SQL alone (too many rows, a key not text) */
    size_t n, cap;
    int ncols;
    int64_t *rowid; /* ascending */
    uint32_t *key_off, *key_len;
    struct mval *vals;    /* n rows of ncols */
    unsigned char *types; /* the type of each value */
    struct mcol *cols;
    int *filter_col;    /* per filter of r: its column, or -1 */
    int *sort_col;      /* per sort of r: its column */
    struct buf text;    /* the keys and text values */
    size_t text_loaded; /* text's length after the last whole read */
};

struct sq_list_mem {
    struct mem_table t[MEM_TABLES];
    long answered; /* pages chosen here */
    long loads;    /* tables read whole */
};

long sq_list_mem_answered(const struct store *s)
{
    return s->lists ? s->lists->answered : 0;
}

long sq_list_mem_loads(const struct store *s)
{
    return s->lists ? s->lists->loads : 0;
}

static void table_free(struct mem_table *t)
{
    xfree(t->rowid);
    xfree(t->key_off);
    xfree(t->key_len);
    xfree(t->vals);
    xfree(t->types);
    xfree(t->cols);
    xfree(t->filter_col);
    xfree(t->sort_col);
    buf_free(&t->text);
    memset(t, 0, sizeof(*t));
}

void sq_list_mem_free(struct store *s)
{
    int i;

    if (!s->lists)
        return;
    for (i = 0; i < MEM_TABLES; i++)
        table_free(&s->lists->t[i]);
    xfree(s->lists);
    s->lists = NULL;
}

static int holds_value(enum sq_filter_kind kind)
{
    return kind == SQF_IN || kind == SQF_MIN || kind == SQF_MAX || kind == SQF_TOKENS;
}

/* Sets the places of the columns in t: one per filter holding a value
 * and per sort. */
static enum khu_err layout_of(struct mem_table *t)
{
    const struct sq_resource *r = t->r;
    int nf = 0, ns = 0, i;

    while (r->filters[nf].name)
        nf++;
    while (r->sorts[ns].name)
        ns++;
    t->filter_col = xmalloc(sizeof(int) * (size_t)(nf + 1));
    t->sort_col = xmalloc(sizeof(int) * (size_t)(ns + 1));
    if (!t->filter_col || !t->sort_col)
        return KHU_ENOMEM;
    for (i = 0; i < nf; i++)
        t->filter_col[i] = holds_value(r->filters[i].kind) ? t->ncols++ : -1;
    for (i = 0; i < ns; i++)
        t->sort_col[i] = t->ncols++;
    t->cols = xcalloc((size_t)t->ncols + 1, sizeof(*t->cols));
    return t->cols ? KHU_OK : KHU_ENOMEM;
}

/* The SELECT of every row (one_row: of the row whose key is ?1): rowid,
 * key, then t's columns in their places. */
static enum khu_err select_of(const struct mem_table *t, int one_row, struct buf *sql)
{
    const struct sq_resource *r = t->r;
    int i;

    buf_printf(sql, "SELECT %s.rowid, %s", r->alias, r->key);
    for (i = 0; r->filters[i].name; i++)
        if (t->filter_col[i] >= 0)
            buf_printf(sql, ", %s", r->filters[i].expr);
    for (i = 0; r->sorts[i].name; i++)
        buf_printf(sql, ", %s", r->sorts[i].expr);
    if (one_row)
        buf_printf(sql, " FROM %s WHERE %s = ?1", r->from, r->key);
    else
        buf_printf(sql, " FROM %s ORDER BY %s.rowid", r->from, r->alias);
    return sql->err;
}

static enum khu_err grow(struct mem_table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 256;
    int64_t *rowid = xrealloc(t->rowid, sizeof(*rowid) * cap);
    uint32_t *off = rowid ? xrealloc(t->key_off, sizeof(*off) * cap) : NULL;
    uint32_t *len = off ? xrealloc(t->key_len, sizeof(*len) * cap) : NULL;
    struct mval *vals = len ? xrealloc(t->vals, sizeof(*vals) * cap * (size_t)t->ncols) : NULL;
    unsigned char *types = vals ? xrealloc(t->types, cap * (size_t)t->ncols) : NULL;

    t->rowid = rowid ? rowid : t->rowid;
    t->key_off = off ? off : t->key_off;
    t->key_len = len ? len : t->key_len;
    t->vals = vals ? vals : t->vals;
    t->types = types ? types : t->types;
    if (!types)
        return KHU_ENOMEM;
    t->cap = cap;
    return KHU_OK;
}

/* Keeps column c of the current row in v (its type in *type) and notes
 * what the column allows. */
static void keep_value(struct mem_table *t, sqlite3_stmt *st, int c, struct mval *v,
                       unsigned char *type)
{
    struct mcol *col = &t->cols[c];
    int64_t i;

    memset(v, 0, sizeof(*v));
    switch (sqlite3_column_type(st, c + 2)) {
    case SQLITE_INTEGER:
        *type = KHU_V_INT;
        i = sqlite3_column_int64(st, c + 2);
        v->u.num = (double)i;
        if (i < -EXACT_INT || i > EXACT_INT) /* a double would not hold it */
            col->in_ok = col->num_ok = 0;
        col->tok_ok = 0;
        break;
    case SQLITE_FLOAT:
        *type = KHU_V_REAL;
        v->u.num = sqlite3_column_double(st, c + 2);
        col->in_ok = 0; /* equality of reals is left to SQL */
        col->tok_ok = 0;
        break;
    case SQLITE_TEXT:
        *type = KHU_V_TEXT;
        v->u.text.off = (uint32_t)t->text.len;
        v->u.text.len = (uint32_t)sqlite3_column_bytes(st, c + 2);
        buf_append(&t->text, sqlite3_column_text(st, c + 2), v->u.text.len);
        col->num_ok = 0;
        break;
    case SQLITE_NULL:
        *type = KHU_V_NULL;
        return;
    default: /* a blob: nothing memory compares */
        *type = KHU_V_NULL;
        col->in_ok = col->num_ok = col->tok_ok = 0;
        return;
    }
    if (col->in_type != KHU_V_NULL && col->in_type != (enum khu_vtype) * type)
        col->in_ok = 0;
    col->in_type = (enum khu_vtype) * type;
}

/* Reads every row of t->r as the connection sees it now. */
static enum khu_err load(struct store *s, struct mem_table *t, struct khu_diag *d)
{
    struct buf sql;
    sqlite3_stmt *st = NULL;
    enum khu_err err;
    int rc, c;

    buf_init(&sql, 1 << 16);
    buf_init(&t->text, (size_t)1 << 30);
    err = layout_of(t);
    if (!err)
        err = select_of(t, 0, &sql);
    for (c = 0; !err && c < t->ncols; c++)
        t->cols[c] = (struct mcol){KHU_V_NULL, 1, 1, 1};
    if (!err && !(st = sq_prepare(s, buf_cstr(&sql))))
        err = sq_error(s, sqlite3_errcode(s->db), "the list", d);
    buf_free(&sql);
    while (!err && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (t->n == MEM_ROWS_MAX || sqlite3_column_type(st, 1) != SQLITE_TEXT) {
            t->state = 2;
            break;
        }
        if (t->n == t->cap && (err = grow(t)) != KHU_OK)
            break;
        t->rowid[t->n] = sqlite3_column_int64(st, 0);
        t->key_off[t->n] = (uint32_t)t->text.len;
        t->key_len[t->n] = (uint32_t)sqlite3_column_bytes(st, 1);
        buf_append(&t->text, sqlite3_column_text(st, 1), t->key_len[t->n]);
        for (c = 0; c < t->ncols; c++) {
            size_t at = t->n * (size_t)t->ncols + (size_t)c;
            keep_value(t, st, c, &t->vals[at], &t->types[at]);
        }
        t->n++;
    }
    if (!err && t->state != 2 && rc != SQLITE_DONE)
        err = sq_error(s, rc, "the list", d);
    if (!err && t->text.err) {
        khu_diag_set(d, 0, 0, NULL, "out of memory reading the list");
        err = KHU_ENOMEM;
    }
    sq_release(s, st);
    if (!err && t->state != 2)
        t->state = 1;
    t->text_loaded = t->text.len;
    return err;
}

static const char *text_of(const struct mem_table *t, uint32_t off)
{
    return t->text.data + off;
}

/* Whether the ascending ids[0..n) hold id; its place in *at when they do
 * (at may be NULL). */
static int find_id(const int64_t *ids, size_t n, int64_t id, size_t *at)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ids[mid] < id) {
            lo = mid + 1;
        } else if (ids[mid] > id) {
            hi = mid;
        } else {
            if (at)
                *at = mid;
            return 1;
        }
    }
    return 0;
}

/* ===== following the changes ===== */

/* The keys of t's rows that changes changed, when each can be read again
 * alone: a change to another table leaves t; a change to a column other
 * rows' values read (cross_columns), a new or removed row (any column), a
 * whole table, or more than REFRESH_ROWS_MAX rows, make it read whole. */
struct changed_rows {
    const struct mem_table *t;
    struct buf keys; /* NUL-separated */
    int n, whole;
};

static int note_changed_row(void *arg, const struct store_change *c)
{
    struct changed_rows *k = arg;
    const char *cross = k->t->r->cross_columns;
    const char *p;

    if (strcmp(c->table, k->t->r->table) != 0)
        return 0;
    if (!c->key || !c->columns || k->n == REFRESH_ROWS_MAX) {
        k->whole = 1;
        return 1;
    }
    for (p = cross; p && *p; p += strlen(p) + 1)
        if (sq_change_has_column(c, p)) {
            k->whole = 1;
            return 1;
        }
    buf_append(&k->keys, c->key, strlen(c->key) + 1);
    k->n++;
    return 0;
}

/* Reads again the one row of t whose key is key, in its place. Returns
 * KHU_OK, KHU_ENOTFOUND when t does not hold it (a row new or gone: t is
 * to be read whole), or the database's error. */
static enum khu_err read_row_again(struct mem_table *t, sqlite3_stmt *st, const char *key)
{
    size_t at = 0, n = strlen(key);
    enum khu_err err = KHU_OK;
    int rc, c;

    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, key, (int)n, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE ? KHU_ENOTFOUND : KHU_EDB;
    if (!find_id(t->rowid, t->n, sqlite3_column_int64(st, 0), &at) || t->key_len[at] != n ||
        memcmp(text_of(t, t->key_off[at]), key, n) != 0)
        err = KHU_ENOTFOUND; /* a row under a new rowid */
    for (c = 0; !err && c < t->ncols; c++) {
        size_t v = at * (size_t)t->ncols + (size_t)c;
        keep_value(t, st, c, &t->vals[v], &t->types[v]);
    }
    return err;
}

/* Brings t from t->generation to gen by reading again only the rows the
 * changes between name. What a column allows (struct mcol) only narrows
 * this way: memory may then leave more to SQL until t is read whole, but
 * never answers where SQL would not. Returns KHU_OK when t is current, or
 * KHU_ENOTFOUND when t must be read whole (or an error: the same). The
 * old texts stay in t->text until then; past twice the text of a whole
 * read, t is read whole. */
static enum khu_err follow_changes(struct store *s, struct mem_table *t, uint64_t gen)
{
    struct changed_rows k = {.t = t};
    struct buf sql;
    sqlite3_stmt *st = NULL;
    enum khu_err err;
    const char *key;

    buf_init(&k.keys, 1 << 16);
    err = store_changes(s, t->generation, gen, note_changed_row, &k);
    if (!err && (k.whole || k.keys.err))
        err = KHU_ENOTFOUND;
    if (!err && k.n) {
        buf_init(&sql, 1 << 16);
        err = select_of(t, 1, &sql);
        if (!err && !(st = sq_prepare(s, buf_cstr(&sql))))
            err = KHU_EDB;
        buf_free(&sql);
    }
    for (key = k.keys.data; !err && k.n-- > 0; key += strlen(key) + 1)
        err = read_row_again(t, st, key);
    sq_release(s, st);
    buf_free(&k.keys);
    if (!err && (t->text.err || t->text.len > 2 * t->text_loaded + (1 << 16)))
        err = KHU_ENOTFOUND;
    return err;
}

/* The table of r as this connection sees the data now. */
static enum khu_err table_of(struct store *s, const struct sq_resource *r, struct mem_table **out,
                             struct khu_diag *d)
{
    struct mem_table *t = NULL;
    uint64_t gen;
    enum khu_err err;
    int i;

    *out = NULL;
    if (!s->lists && !(s->lists = xcalloc(1, sizeof(*s->lists))))
        return KHU_ENOMEM;
    if (store_generation(s, &gen))
        return sq_error(s, SQLITE_ERROR, "the list", d);
    for (i = 0; i < MEM_TABLES && !t; i++)
        if (s->lists->t[i].r == r)
            t = &s->lists->t[i];
    for (i = 0; i < MEM_TABLES && !t; i++)
        if (!s->lists->t[i].r)
            t = &s->lists->t[i];
    if (!t)
        return KHU_OK; /* more resources in memory than room: SQL lists the others */
    if (t->r == r && t->generation == gen && t->state)
        *out = t;
    else if (t->r == r && t->state == 1 && follow_changes(s, t, gen) == KHU_OK)
        *out = t;
    if (*out) {
        t->generation = gen;
        return KHU_OK;
    }
    table_free(t);
    t->r = r;
    t->generation = gen;
    s->lists->loads++;
    err = load(s, t, d);
    if (err) {
        table_free(t);
        return err;
    }
    *out = t;
    return KHU_OK;
}

/* ===== one query ===== */

struct cond {
    enum sq_filter_kind kind;
    int col;
    const struct store_list_filter *f;
    const int64_t *ids; /* the unit's zones, ascending */
    size_t nids;
};

struct query {
    const struct mem_table *t;
    const struct store_list_query *q;
    struct cond cond[STORE_LIST_MAX_FILTERS];
    int ncond;
    int sort;      /* the sort's column, or -1: by key */
    int64_t *hits; /* the search's rowids, ascending; NULL: no search */
    size_t nhits;
};

static const struct mval *value(const struct mem_table *t, size_t row, int col)
{
    return &t->vals[row * (size_t)t->ncols + (size_t)col];
}

static enum khu_vtype type_of(const struct mem_table *t, size_t row, int col)
{
    return (enum khu_vtype)t->types[row * (size_t)t->ncols + (size_t)col];
}

/* SQLite's BINARY collation: bytes, then the shorter first. */
static int binary_cmp(const char *a, size_t na, const char *b, size_t nb)
{
    int c = memcmp(a, b, na < nb ? na : nb);

    return c ? c : (na > nb) - (na < nb);
}

static int key_cmp(const struct mem_table *t, size_t a, size_t b)
{
    return binary_cmp(text_of(t, t->key_off[a]), t->key_len[a], text_of(t, t->key_off[b]),
                      t->key_len[b]);
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether " text " holds " word " (ASCII letters in either case), as
 * (' ' || coalesce(text, '') || ' ') LIKE ('% ' || word || ' %') does for a
 * word without wildcards. */
static int holds_token(const char *text, size_t n, const char *word, size_t w)
{
    size_t i, j;

    for (i = 0; i + w <= n; i++) {
        if (i > 0 && text[i - 1] != ' ')
            continue;
        if (i + w < n && text[i + w] != ' ')
            continue;
        for (j = 0; j < w && lower((unsigned char)text[i + j]) == lower((unsigned char)word[j]);
             j++)
            ;
        if (j == w)
            return 1;
    }
    return 0;
}

static double number(const struct khu_value *v)
{
    return v->type == KHU_V_INT ? (double)v->i : v->r;
}

static int passes(const struct query *w, const struct cond *c, size_t row)
{
    const struct mem_table *t = w->t;
    const struct mval *v = c->col >= 0 ? value(t, row, c->col) : NULL;
    enum khu_vtype type = c->col >= 0 ? type_of(t, row, c->col) : KHU_V_NULL;
    const char *text = type == KHU_V_TEXT ? text_of(t, v->u.text.off) : "";
    size_t len = type == KHU_V_TEXT ? v->u.text.len : 0;
    int i;

    switch (c->kind) {
    case SQF_IN:
        for (i = 0; i < c->f->n; i++) {
            const struct khu_value *x = &c->f->v[i];
            if (type == KHU_V_INT && (double)x->i == v->u.num)
                return 1;
            if (type == KHU_V_TEXT && binary_cmp(text, len, x->s ? x->s : "", x->n) == 0)
                return 1;
        }
        return 0;
    case SQF_MIN:
        return type != KHU_V_NULL && v->u.num >= number(&c->f->v[0]);
    case SQF_MAX:
        return type != KHU_V_NULL && v->u.num <= number(&c->f->v[0]);
    case SQF_TOKENS:
        for (i = 0; i < c->f->n; i++)
            if (holds_token(text, len, c->f->v[i].s ? c->f->v[i].s : "", c->f->v[i].n))
                return 1;
        return 0;
    case SQF_UNIT_ZONES:
        return find_id(c->ids, c->nids, t->rowid[row], NULL);
    default:
        return 0;
    }
}

/* < 0 when row a comes before row b on a page. */
static int order(const struct query *w, size_t a, size_t b)
{
    const struct mem_table *t = w->t;

    if (w->sort >= 0) {
        int xn = type_of(t, a, w->sort) == KHU_V_NULL, yn = type_of(t, b, w->sort) == KHU_V_NULL;
        double x = value(t, a, w->sort)->u.num, y = value(t, b, w->sort)->u.num;
        if (xn != yn)
            return xn - yn; /* NULL last */
        if (!xn && x != y)
            return (x < y) == !w->q->desc ? -1 : 1;
        return key_cmp(t, a, b); /* ties by the key, ascending */
    }
    return w->q->desc ? key_cmp(t, b, a) : key_cmp(t, a, b);
}

/* Whether row comes after the cursor (add_after in sq_list.c). */
static int after_cursor(const struct query *w, size_t row)
{
    const struct store_list_query *q = w->q;
    const struct mem_table *t = w->t;
    const char *k = q->after_key ? q->after_key : "";
    double v;
    int kc;

    if (!q->after)
        return 1;
    kc = binary_cmp(text_of(t, t->key_off[row]), t->key_len[row], k, strlen(k));
    if (w->sort < 0)
        return q->desc ? kc < 0 : kc > 0;
    if (q->after_null)
        return type_of(t, row, w->sort) == KHU_V_NULL && kc > 0;
    if (type_of(t, row, w->sort) == KHU_V_NULL)
        return 1;
    v = value(t, row, w->sort)->u.num;
    if (q->desc ? v < q->after_value : v > q->after_value)
        return 1;
    return v == q->after_value && kc > 0;
}

/* Whether memory decides filter f as SQL does; fills c when it does. */
static enum khu_err decide(struct store *s, struct query *w, const struct store_list_filter *f,
                           struct cond *c, int *ok, struct khu_diag *d)
{
    const struct sq_filter *def = sq_list_filter(w->t->r, f->name);
    const struct mcol *col;
    int i;

    *ok = 0;
    if (!def || f->n < 1)
        return KHU_OK;
    c->kind = def->kind;
    c->f = f;
    c->col = w->t->filter_col[def - w->t->r->filters];
    col = c->col >= 0 ? &w->t->cols[c->col] : NULL;
    switch (def->kind) {
    case SQF_IN:
        if (!col->in_ok)
            return KHU_OK;
        for (i = 0; i < f->n; i++)
            if (f->v[i].type != KHU_V_INT && f->v[i].type != KHU_V_TEXT)
                return KHU_OK;
            else if (col->in_type != KHU_V_NULL && f->v[i].type != col->in_type)
                return KHU_OK;
            else if (f->v[i].type == KHU_V_INT && (f->v[i].i < -EXACT_INT || f->v[i].i > EXACT_INT))
                return KHU_OK;
        break;
    case SQF_MIN:
    case SQF_MAX:
        if (!col->num_ok || f->n != 1)
            return KHU_OK;
        if (f->v[0].type == KHU_V_INT && (f->v[0].i < -EXACT_INT || f->v[0].i > EXACT_INT))
            return KHU_OK;
        if (f->v[0].type != KHU_V_INT && f->v[0].type != KHU_V_REAL)
            return KHU_OK;
        break;
    case SQF_TOKENS:
        if (!col->tok_ok)
            return KHU_OK;
        for (i = 0; i < f->n; i++)
            if (f->v[i].type != KHU_V_TEXT || (f->v[i].s && strpbrk(f->v[i].s, "%_")) ||
                (f->v[i].s && strlen(f->v[i].s) != f->v[i].n))
                return KHU_OK;
        break;
    case SQF_UNIT_ZONES:
        if (f->n != 1 || f->v[0].type != KHU_V_TEXT)
            return KHU_OK;
        {
            enum khu_err err = sq_unit_scope_zone_ids(s, f->v[0].s ? f->v[0].s : "", f->v[0].n,
                                                      &c->ids, &c->nids, d);
            if (err)
                return err;
        }
        break;
    default:
        return KHU_OK;
    }
    *ok = 1;
    return KHU_OK;
}

/* The search's hits: rowids, ascending. */
static enum khu_err read_hits(struct store *s, struct query *w, const char *match,
                              struct khu_diag *d)
{
    char sql[192];
    sqlite3_stmt *st;
    size_t cap = 0;
    int rc;
    enum khu_err err = KHU_OK;

    snprintf(sql, sizeof(sql), "SELECT rowid FROM %1$s WHERE %1$s MATCH ? ORDER BY rowid",
             w->t->r->fts);
    if (!(st = sq_prepare(s, sql)))
        return sq_error(s, sqlite3_errcode(s->db), "the search", d);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (w->nhits == cap) {
            int64_t *more = xrealloc(w->hits, sizeof(*more) * (cap ? cap * 2 : 256));
            if (!more) {
                err = KHU_ENOMEM;
                break;
            }
            w->hits = more;
            cap = cap ? cap * 2 : 256;
        }
        w->hits[w->nhits++] = sqlite3_column_int64(st, 0);
    }
    if (!err && rc != SQLITE_DONE)
        err = sq_error(s, rc, "the search", d);
    if (err == KHU_ENOMEM)
        khu_diag_set(d, 0, 0, NULL, "out of memory reading the search");
    sq_release(s, st);
    if (!err && !w->hits)
        w->hits = xmalloc(sizeof(*w->hits)); /* no hits: an empty set, not no search */
    return !err && !w->hits ? KHU_ENOMEM : err;
}

/* The k rows that come first, kept as a heap whose root is the last of
 * them, so that a row after it is turned away with one comparison. */
struct top {
    size_t *row;
    size_t n, k;
};

static void sift_down(const struct query *w, struct top *h, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i, tmp;
        if (l < h->n && order(w, h->row[l], h->row[m]) > 0)
            m = l;
        if (r < h->n && order(w, h->row[r], h->row[m]) > 0)
            m = r;
        if (m == i)
            return;
        tmp = h->row[i];
        h->row[i] = h->row[m];
        h->row[m] = tmp;
        i = m;
    }
}

static void offer(const struct query *w, struct top *h, size_t row)
{
    size_t i;

    if (h->n < h->k) {
        for (i = h->n++; i > 0 && order(w, row, h->row[(i - 1) / 2]) > 0; i = (i - 1) / 2)
            h->row[i] = h->row[(i - 1) / 2];
        h->row[i] = row;
    } else if (h->k > 0 && order(w, row, h->row[0]) < 0) {
        h->row[0] = row;
        sift_down(w, h, 0);
    }
}

/* Hands the heap's rows to ids in page order. */
static enum khu_err hand_top(const struct query *w, struct top *h, struct sq_page_ids *ids)
{
    const struct mem_table *t = w->t;
    size_t i, n = h->n, tmp;

    /* heapsort: the last of the rows left goes to the end each time */
    while (h->n > 1) {
        tmp = h->row[0];
        h->row[0] = h->row[h->n - 1];
        h->row[--h->n] = tmp;
        sift_down(w, h, 0);
    }
    h->n = n;
    for (i = 0; i < h->n; i++) {
        size_t row = h->row[i];
        int is_null = w->sort < 0 || type_of(t, row, w->sort) == KHU_V_NULL;
        enum khu_err err =
            sq_ids_add(ids, t->rowid[row], is_null, is_null ? 0 : value(t, row, w->sort)->u.num,
                       text_of(t, t->key_off[row]), t->key_len[row]);
        if (err)
            return err;
    }
    return KHU_OK;
}

enum khu_err sq_list_mem_page(struct store *s, const struct sq_resource *r,
                              const struct store_list_query *q, const char *match,
                              struct sq_page_ids *ids, long *matches, int *answered,
                              struct khu_diag *d)
{
    struct mem_table *t;
    struct query w;
    struct top h = {NULL, 0, 0};
    const struct sq_named *sort;
    const int64_t *drive;
    size_t row = 0, at, ndrive;
    long count = 0;
    int i, j, ok;
    enum khu_err err;

    *answered = 0;
    *matches = 0;
    if (!r->in_memory || sq_list_mem_off || q->nfilters > STORE_LIST_MAX_FILTERS)
        return KHU_OK;
    if ((err = table_of(s, r, &t, d)) != KHU_OK || !t || t->state != 1)
        return err;
    memset(&w, 0, sizeof(w));
    w.t = t;
    w.q = q;
    w.sort = -1;
    if (q->sort) {
        if (!(sort = sq_list_named(r->sorts, q->sort)))
            return KHU_OK;
        w.sort = t->sort_col[sort - r->sorts];
        if (!t->cols[w.sort].num_ok)
            return KHU_OK;
    }
    for (i = 0; i < q->nfilters; i++) {
        if ((err = decide(s, &w, &q->filters[i], &w.cond[w.ncond], &ok, d)) != KHU_OK || !ok)
            return err;
        w.ncond++;
    }
    if (match && (!r->fts || (err = read_hits(s, &w, match, d)) != KHU_OK))
        goto out;
    h.k = (size_t)q->limit + 1 < t->n ? (size_t)q->limit + 1 : t->n;
    if (h.k && !(h.row = xmalloc(sizeof(*h.row) * h.k))) {
        err = KHU_ENOMEM;
        goto out;
    }
    /* the rows of the smallest set of rowids (a unit's zones, the hits)
     * when there is one, else every row */
    drive = w.hits ? w.hits : NULL;
    ndrive = w.hits ? w.nhits : t->n;
    for (j = 0; j < w.ncond; j++)
        if (w.cond[j].kind == SQF_UNIT_ZONES && w.cond[j].nids < ndrive) {
            drive = w.cond[j].ids;
            ndrive = w.cond[j].nids;
        }
    for (at = 0; at < ndrive; at++) {
        if (drive && !find_id(t->rowid, t->n, drive[at], &row))
            continue;
        if (!drive)
            row = at;
        if (w.hits && drive != w.hits && !find_id(w.hits, w.nhits, t->rowid[row], NULL))
            continue;
        for (j = 0; j < w.ncond && passes(&w, &w.cond[j], row); j++)
            ;
        if (j < w.ncond)
            continue;
        count++;
        if (after_cursor(&w, row))
            offer(&w, &h, row);
    }
    err = hand_top(&w, &h, ids);
    if (!err) {
        *matches = count;
        *answered = 1;
        s->lists->answered++;
    }
out:
    if (err == KHU_ENOMEM)
        khu_diag_set(d, 0, 0, NULL, "out of memory choosing the page");
    xfree(h.row);
    xfree(w.hits);
    return err;
}
