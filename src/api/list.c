/* SPDX-License-Identifier: MIT */
/*
 * The list engine of the read API (see resource.h): request parameters to
 * SQL with bound values, keyset paging with an opaque cursor, and output as
 * a JSON page, CSV or GeoJSON.
 */
#include "store/sqlite/sq.h" /* TRANSITIONAL: until this file goes through the store interface */
#include "api/resource.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/cache.h"
#include "core/csv.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/text_fold.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "store/lookup.h"
#include "store/sqlite/rows.h"

#define MAX_BINDS      96
#define CURSOR_MAX     512
#define MAX_ENUM_ITEMS 16

struct bind {
    int is_real;
    double r;
    char *text; /* owned */
};

/* Everything one list request builds. */
struct query {
    const struct resource_def *r;
    const struct table_def *t;
    struct buf cte, where, sql;
    struct bind binds[MAX_BINDS];
    int nbinds;
    const struct sort_def *sort; /* NULL: sort by key */
    int desc;
    long limit;
    enum api_lang lang;
    enum api_format format;
    char fingerprint[17];
};

/* ===== binds ===== */

static int add_text(struct query *q, const char *s, size_t n)
{
    if (q->nbinds == MAX_BINDS)
        return -1;
    q->binds[q->nbinds].is_real = 0;
    q->binds[q->nbinds].text = xstrndup(s, n);
    return q->binds[q->nbinds++].text ? 0 : -1;
}

static int add_real(struct query *q, double v)
{
    if (q->nbinds == MAX_BINDS)
        return -1;
    q->binds[q->nbinds].is_real = 1;
    q->binds[q->nbinds].text = NULL;
    q->binds[q->nbinds++].r = v;
    return 0;
}

static void bind_all(sqlite3_stmt *st, const struct query *q, int count)
{
    int i;

    for (i = 0; i < count; i++) {
        if (q->binds[i].is_real)
            sqlite3_bind_double(st, i + 1, q->binds[i].r);
        else
            sqlite3_bind_text(st, i + 1, q->binds[i].text, -1, SQLITE_STATIC);
    }
}

static void query_free(struct query *q)
{
    int i;

    for (i = 0; i < q->nbinds; i++)
        xfree(q->binds[i].text);
    buf_free(&q->cte);
    buf_free(&q->where);
    buf_free(&q->sql);
}

static void and (struct query * q)
{
    buf_puts(&q->where, q->where.len ? " AND " : " WHERE ");
}

/* ===== filters ===== */

static int filter_enum(struct query *q, struct http_resp *resp, const struct filter_def *f,
                       const char *value)
{
    const struct col_def *c = &q->t->cols[schema_col_index(q->t, f->column)];
    char item[64], list[256];
    const char *p = value;
    int n = 0;

    and(q);
    buf_printf(&q->where, "%s IN (", f->expr);
    while (p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        snprintf(item, sizeof(item), "%.*s", (int)(len < 63 ? len : 63), p);
        if (len >= sizeof(item) || !schema_enum_ok(c, item) || ++n > MAX_ENUM_ITEMS) {
            http_problem(resp, 400, f->param,
                         "%s must be one of: %s (several separated by "
                         "commas); got '%.40s'",
                         f->param, schema_enum_list(c, list, sizeof(list)), item);
            return -1;
        }
        buf_puts(&q->where, n > 1 ? ",?" : "?");
        add_text(q, item, strlen(item));
        p = comma ? comma + 1 : NULL;
    }
    buf_putc(&q->where, ')');
    return 0;
}

static int filter_number(struct query *q, struct http_resp *resp, const struct filter_def *f,
                         const char *value)
{
    double v;

    if (parse_f64(value, -1e15, 1e15, &v)) {
        http_problem(resp, 400, f->param,
                     "%s must be a number with '.' as the decimal point; got '%.40s'", f->param,
                     value);
        return -1;
    }
    and(q);
    buf_printf(&q->where, "%s %s ?", f->expr, f->kind == FILTER_MIN ? ">=" : "<=");
    return add_real(q, v);
}

static int exists(struct store *s, const char *sql, const char *value)
{
    sqlite3_stmt *st = NULL;
    int found = 0;

    st = sq_prepare(s, sql);
    if (st) {
        sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
        found = sqlite3_step(st) == SQLITE_ROW;
    }
    sq_release(s, st);
    return found;
}

static int filter_unit(struct query *q, struct store *s, struct http_resp *resp,
                       const struct filter_def *f, const char *value)
{
    if (!exists(s, "SELECT 1 FROM units WHERE code = ?", value)) {
        http_problem(resp, 400, f->param, "unknown unit '%.60s': see /api/v1/units for the codes",
                     value);
        return -1;
    }
    if (q->cte.len) {
        http_problem(resp, 400, f->param, "only one unit filter may be given");
        return -1;
    }
    buf_puts(&q->cte, "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE " ");
    /* the CTE's value is bound first: shift the others */
    if (q->nbinds == MAX_BINDS)
        return -1;
    memmove(&q->binds[1], &q->binds[0], sizeof(q->binds[0]) * (size_t)q->nbinds);
    q->binds[0].is_real = 0;
    q->binds[0].text = xstrdup(value);
    q->nbinds++;
    and(q);
    buf_puts(&q->where, f->expr);
    return q->binds[0].text ? 0 : -1;
}

static int filter_sector(struct query *q, struct store *s, struct http_resp *resp,
                         const struct filter_def *f, const char *value)
{
    char codes[16][SECTOR_CODE_MAX];
    int i, n = strlen(value) < SECTOR_CODE_MAX ? store_sector_codes(s, value, codes, 16) : 0;

    if (n == 0) {
        http_problem(resp, 400, f->param,
                     "unknown sector code '%.40s' (VSIC 2018 or 2025): see /api/v1/sectors", value);
        return -1;
    }
    and(q);
    buf_putc(&q->where, '(');
    for (i = 0; i < n; i++) {
        if (f->kind == FILTER_SECTOR_TOKENS)
            buf_printf(&q->where, "%s(' ' || coalesce(%s, '') || ' ') LIKE ('%% ' || ? || ' %%')",
                       i ? " OR " : "", f->expr);
        else
            buf_printf(&q->where, "%s%s = ?", i ? " OR " : "", f->expr);
        add_text(q, codes[i], strlen(codes[i]));
    }
    buf_putc(&q->where, ')');
    return 0;
}

static int filter_simple(struct query *q, struct http_resp *resp, const struct filter_def *f,
                         const char *value)
{
    int32_t day;

    if (f->kind == FILTER_BOOL && strcmp(value, "0") != 0 && strcmp(value, "1") != 0) {
        http_problem(resp, 400, f->param, "%s must be 0 or 1; got '%.40s'", f->param, value);
        return -1;
    }
    if (f->kind == FILTER_VALID_ON && parse_date(value, &day)) {
        http_problem(resp, 400, f->param, "%s must be a date YYYY-MM-DD; got '%.40s'", f->param,
                     value);
        return -1;
    }
    and(q);
    if (f->kind == FILTER_VALID_ON) {
        buf_printf(&q->where,
                   "(%1$s.valid_from IS NULL OR %1$s.valid_from <= ?) AND"
                   " (%1$s.valid_to IS NULL OR %1$s.valid_to >= ?)",
                   q->r->alias);
        add_text(q, value, strlen(value));
    } else {
        buf_printf(&q->where, "%s = ?", f->expr);
    }
    return add_text(q, value, strlen(value));
}

static int apply_filter(struct query *q, struct store *s, struct http_resp *resp,
                        const struct filter_def *f, const char *value)
{
    switch (f->kind) {
    case FILTER_ENUM:
        return filter_enum(q, resp, f, value);
    case FILTER_MIN:
    case FILTER_MAX:
        return filter_number(q, resp, f, value);
    case FILTER_UNIT:
        return filter_unit(q, s, resp, f, value);
    case FILTER_SECTOR_TOKENS:
    case FILTER_SECTOR_CODE:
        return filter_sector(q, s, resp, f, value);
    default:
        return filter_simple(q, resp, f, value);
    }
}

static int apply_search(struct query *q, struct http_resp *resp, const char *value)
{
    struct buf folded, match;
    const char *p;
    int rc = -1;

    buf_init(&folded, 8 * API_MAX_QUERY_CHARS);
    buf_init(&match, 24 * API_MAX_QUERY_CHARS);
    if (utf8_count(value, strlen(value)) > API_MAX_QUERY_CHARS) {
        http_problem(resp, 400, "q", "q is too long (at most %d characters)", API_MAX_QUERY_CHARS);
        goto out;
    }
    if (text_fold(value, strlen(value), &folded) || folded.len == 0) {
        http_problem(resp, 400, "q",
                     folded.err ? "q could not be read"
                                : "q must contain at least one letter or digit");
        goto out;
    }
    for (p = buf_cstr(&folded); *p;) {
        size_t n = strcspn(p, " ");
        buf_printf(&match, "%s\"%.*s\"*", match.len ? " " : "", (int)n, p);
        p += n + (p[n] == ' ');
    }
    and(q);
    buf_printf(&q->where, "%s.rowid IN (SELECT rowid FROM %s WHERE %s MATCH ?)", q->r->alias,
               q->r->fts, q->r->fts);
    rc = match.err ? -1 : add_text(q, buf_cstr(&match), match.len);
out:
    buf_free(&folded);
    buf_free(&match);
    return rc;
}

/* ===== parameters ===== */

static int check_params(struct query *q, struct http_req *req, struct http_resp *resp)
{
    const char *allowed[64];
    const struct filter_def *f;
    int n = 0;

    for (f = q->r->filters; f->param && n < 56; f++)
        allowed[n++] = f->param;
    if (q->r->fts)
        allowed[n++] = "q";
    allowed[n++] = "sort";
    allowed[n++] = "limit";
    allowed[n++] = "cursor";
    allowed[n++] = "lang";
    allowed[n] = NULL;
    return http_check_params(req, resp, allowed);
}

static int parse_sort(struct query *q, struct http_resp *resp, const char *value)
{
    const struct sort_def *s;
    const char *name = value;
    char list[512] = "";
    size_t used = 0;

    if (!value)
        return 0;
    q->desc = name[0] == '-';
    name += name[0] == '-' || name[0] == '+';
    if (strcmp(name, q->r->key_param) == 0)
        return 0;
    for (s = q->r->sorts; s->name; s++) {
        if (strcmp(s->name, name) == 0) {
            q->sort = s;
            return 0;
        }
        used += (size_t)snprintf(list + used, sizeof(list) - used, ", %s", s->name);
        if (used >= sizeof(list))
            used = sizeof(list) - 1;
    }
    http_problem(resp, 400, "sort",
                 "sort must be %s%s, with '-' in front for descending; got "
                 "'%.40s'",
                 q->r->key_param, list, value);
    return -1;
}

static int parse_limit(struct query *q, struct http_resp *resp, const char *value)
{
    long max = q->format == FORMAT_JSON ? API_MAX_LIMIT : API_MAX_EXPORT;
    int64_t v;

    q->limit = q->format == FORMAT_JSON ? API_DEFAULT_LIMIT : API_MAX_EXPORT;
    if (!value)
        return 0;
    if (parse_i64(value, 1, max, &v)) {
        http_problem(resp, 400, "limit",
                     "limit must be a whole number from 1 to %ld; got "
                     "'%.40s'",
                     max, value);
        return -1;
    }
    q->limit = (long)v;
    return 0;
}

/* A fingerprint of the filters and sort, so a cursor is only used with the
 * query that made it. */
static int compare_params(const void *a, const void *b)
{
    const struct http_param *x = *(const struct http_param *const *)a;
    const struct http_param *y = *(const struct http_param *const *)b;

    return strcmp(x->name, y->name);
}

/* The parameters are hashed in name order (names are unique, see
 * http_check_params), so the same filters written in another order keep
 * their cursors. */
static void fingerprint(struct query *q, const struct http_req *req)
{
    uint64_t h = 1469598103934665603ULL;
    const struct http_param *sorted[HTTP_MAX_PARAMS];
    size_t i;
    const char *p;

    for (i = 0; i < req->nparams; i++)
        sorted[i] = &req->params[i];
    qsort(sorted, req->nparams, sizeof(sorted[0]), compare_params);
    for (i = 0; i < req->nparams; i++) {
        const struct http_param *pr = sorted[i];
        if (!strcmp(pr->name, "cursor") || !strcmp(pr->name, "limit") || !strcmp(pr->name, "lang"))
            continue;
        for (p = pr->name; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        h = (h ^ '=') * 1099511628211ULL;
        for (p = pr->value; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ULL;
        h = (h ^ '&') * 1099511628211ULL;
    }
    snprintf(q->fingerprint, sizeof(q->fingerprint), "%016llx", (unsigned long long)h);
}

/* ===== cursor ===== */

static void encode_cursor(const struct query *q, sqlite3_stmt *st, int sort_col, int key_col,
                          char *out, size_t n)
{
    char plain[CURSOR_MAX], val[40] = "";
    int is_null = q->sort && sqlite3_column_type(st, sort_col) == SQLITE_NULL;

    if (q->sort && !is_null)
        snprintf(val, sizeof(val), "%.17g", sqlite3_column_double(st, sort_col));
    snprintf(plain, sizeof(plain), "1|%s|%c|%s|%s", q->fingerprint, is_null ? 'n' : 'v', val,
             (const char *)sqlite3_column_text(st, key_col));
    sodium_bin2base64(out, n, (const unsigned char *)plain, strlen(plain),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static int bad_cursor(struct http_resp *resp, const char *why)
{
    http_problem(resp, 400, "cursor", "cursor %s; start again without it", why);
    return -1;
}

static int apply_cursor(struct query *q, struct http_resp *resp, const char *value)
{
    unsigned char plain[CURSOR_MAX];
    size_t n;
    char *fields[5], *p;
    int i;
    double v = 0;
    const char *key = q->r->key, *expr = q->sort ? q->sort->expr : NULL;

    if (!value)
        return 0;
    if (strlen(value) > CURSOR_MAX ||
        sodium_base642bin(plain, sizeof(plain) - 1, value, strlen(value), NULL, &n, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return bad_cursor(resp, "is not one this server made");
    plain[n] = '\0';
    p = (char *)plain;
    for (i = 0; i < 5; i++) {
        fields[i] = p;
        p = i < 4 ? strchr(p, '|') : NULL;
        if (i < 4 && !p)
            return bad_cursor(resp, "is not one this server made");
        if (p)
            *p++ = '\0';
    }
    if (strcmp(fields[0], "1") != 0 || strcmp(fields[1], q->fingerprint) != 0)
        return bad_cursor(resp, "belongs to another filter or sort");
    if (q->sort && fields[2][0] == 'v' && parse_f64(fields[3], -1e300, 1e300, &v))
        return bad_cursor(resp, "is damaged");
    and(q);
    if (!q->sort) {
        buf_printf(&q->where, "%s %s ?", key, q->desc ? "<" : ">");
    } else if (fields[2][0] == 'n') {
        buf_printf(&q->where, "(%s IS NULL AND %s > ?)", expr, key);
    } else {
        buf_printf(&q->where, "((%1$s %2$s ?) OR (%1$s = ? AND %3$s > ?) OR %1$s IS NULL)", expr,
                   q->desc ? "<" : ">", key);
        add_real(q, v);
        add_real(q, v);
    }
    return add_text(q, fields[4], strlen(fields[4]));
}

/* ===== SQL ===== */

static void build_select(struct query *q)
{
    const struct derived_def *d;
    size_t i;

    buf_puts(&q->sql, buf_cstr(&q->cte));
    buf_puts(&q->sql, "SELECT ");
    for (i = 0; i < q->t->ncols; i++)
        buf_printf(&q->sql, "%s.%s, ", q->r->alias, q->t->cols[i].name);
    for (d = q->r->derived; d && d->name; d++)
        buf_printf(&q->sql, "%s, ", d->expr);
    buf_printf(&q->sql, "%s, %s FROM %s%s ORDER BY ", q->sort ? q->sort->expr : "NULL", q->r->key,
               q->r->from, buf_cstr(&q->where));
    if (q->sort)
        buf_printf(&q->sql, "%1$s IS NULL, %1$s %2$s, %3$s", q->sort->expr,
                   q->desc ? "DESC" : "ASC", q->r->key);
    else
        buf_printf(&q->sql, "%s %s", q->r->key, q->desc ? "DESC" : "ASC");
    buf_printf(&q->sql, " LIMIT %ld", q->limit + 1);
}

static long count_rows(struct query *q, struct store *s, size_t where_len, int nbinds)
{
    struct buf sql;
    sqlite3_stmt *st = NULL;
    long total = -1;

    buf_init(&sql, 1 << 16);
    buf_printf(&sql, "%sSELECT count(*) FROM %s%.*s", buf_cstr(&q->cte), q->r->from, (int)where_len,
               buf_cstr(&q->where));
    if (!sql.err)
        st = sq_prepare(s, buf_cstr(&sql));
    if (st) {
        bind_all(st, q, nbinds);
        if (sqlite3_step(st) == SQLITE_ROW)
            total = sqlite3_column_int64(st, 0);
    }
    sq_release(s, st);
    buf_free(&sql);
    return total;
}

/* ===== output ===== */

static int ncols_out(const struct query *q)
{
    const struct derived_def *d;
    int n = (int)q->t->ncols;

    for (d = q->r->derived; d && d->name; d++)
        n++;
    return n;
}

/* Writes "name" in the chosen language with a visible fallback. */
static void localized_name(struct jw *w, const struct query *q, sqlite3_stmt *st)
{
    static const char *const order[3][3] = {
        {"name_vi", NULL, NULL}, {"name_en", "name_vi", NULL}, {"name_ko", "name_en", "name_vi"}};
    int i;

    for (i = 0; i < 3 && order[q->lang][i]; i++) {
        int col = schema_col_index(q->t, order[q->lang][i]);
        if (col >= 0 && sqlite3_column_type(st, col) != SQLITE_NULL) {
            jw_key(w, "name");
            jw_str(w, (const char *)sqlite3_column_text(st, col));
            jw_key(w, "name_lang");
            jw_str(w, order[q->lang][i] + 5);
            return;
        }
    }
}

static void item_fields(struct jw *w, const struct query *q, sqlite3_stmt *st)
{
    const struct derived_def *d;
    int col = (int)q->t->ncols;

    if (q->r->localized)
        localized_name(w, q, st);
    rows_json_fields(w, q->t, st, 0);
    for (d = q->r->derived; d && d->name; d++) {
        jw_key(w, d->name);
        rows_json_value(w, NULL, st, col++);
    }
}

static void write_csv_header(struct query *q, struct buf *out)
{
    const char *extra[16];
    const struct derived_def *d;
    int n = 0;

    for (d = q->r->derived; d && d->name && n < 15; d++)
        extra[n++] = d->name;
    extra[n] = NULL;
    rows_csv_header(out, q->t, extra);
}

static void write_geojson_feature(struct jw *w, const struct query *q, sqlite3_stmt *st)
{
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "Feature");
    rows_geojson_geometry(w, st, schema_col_index(q->t, "lat"), schema_col_index(q->t, "lon"));
    jw_key(w, "properties");
    jw_obj_begin(w);
    item_fields(w, q, st);
    jw_obj_end(w);
    jw_obj_end(w);
}

static void open_output(struct query *q, struct jw *w, struct http_resp *resp)
{
    if (q->format == FORMAT_CSV) {
        resp->content_type = "text/csv; charset=utf-8";
        snprintf(resp->content_disposition, sizeof(resp->content_disposition),
                 "attachment; filename=\"%s.csv\"", q->r->name);
        write_csv_header(q, &resp->body);
    } else if (q->format == FORMAT_GEOJSON) {
        resp->content_type = "application/geo+json";
        jw_obj_begin(w);
        jw_key(w, "type");
        jw_str(w, "FeatureCollection");
        jw_key(w, "features");
        jw_arr_begin(w);
    } else {
        jw_obj_begin(w);
        jw_key(w, "items");
        jw_arr_begin(w);
    }
}

static void write_row(struct query *q, struct jw *w, sqlite3_stmt *st, struct http_resp *resp)
{
    if (q->format == FORMAT_CSV) {
        rows_csv_fields(&resp->body, st, 0, ncols_out(q), 1);
        csv_end_record(&resp->body);
    } else if (q->format == FORMAT_GEOJSON) {
        write_geojson_feature(w, q, st);
    } else {
        jw_obj_begin(w);
        item_fields(w, q, st);
        jw_obj_end(w);
    }
}

static void close_output(struct query *q, struct jw *w, long total, const char *next)
{
    if (q->format == FORMAT_CSV)
        return;
    jw_arr_end(w);
    if (q->format == FORMAT_JSON) {
        jw_key(w, "total");
        jw_int(w, total);
        jw_key(w, "limit");
        jw_int(w, q->limit);
        jw_key(w, "next_cursor");
        jw_str(w, next[0] ? next : NULL);
        jw_key(w, "lang");
        jw_str(w, api_lang_code(q->lang));
    }
    jw_obj_end(w);
    buf_putc(w->b, '\n');
}

static int run_query(struct query *q, struct store *s, struct http_resp *resp, long total)
{
    sqlite3_stmt *st = NULL;
    struct jw w;
    long rows = 0;
    int rc, sort_col = ncols_out(q);
    char next[CURSOR_MAX * 2] = "";

    build_select(q);
    if (!q->sql.err)
        st = sq_prepare(s, buf_cstr(&q->sql));
    if (!st)
        return -1;
    bind_all(st, q, q->nbinds);
    jw_init(&w, &resp->body);
    open_output(q, &w, resp);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (rows == q->limit) {
            break;
        }
        write_row(q, &w, st, resp);
        if (++rows == q->limit && q->format == FORMAT_JSON)
            encode_cursor(q, st, sort_col, sort_col + 1, next, sizeof(next));
    }
    if (rc != SQLITE_ROW)
        next[0] = '\0'; /* no row after the page: no next page */
    sq_release(s, st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return -1;
    close_output(q, &w, total, next);
    return 0;
}

/* ===== entry points ===== */

static int parse_request(struct query *q, struct http_req *req, struct http_resp *resp,
                         struct store *s, size_t *where_len, int *nbinds)
{
    const struct filter_def *f;
    const char *v;

    if (check_params(q, req, resp) || api_lang(req, resp, &q->lang))
        return -1;
    q->format = api_format(req, q->r->geojson);
    if (parse_sort(q, resp, http_param(req, "sort")) ||
        parse_limit(q, resp, http_param(req, "limit")))
        return -1;
    for (f = q->r->filters; f->param; f++) {
        v = http_param(req, f->param);
        if (v && apply_filter(q, s, resp, f, v))
            return -1;
    }
    v = http_param(req, "q");
    if (v && q->r->fts && apply_search(q, resp, v))
        return -1;
    fingerprint(q, req);
    *where_len = q->where.len;
    *nbinds = q->nbinds;
    return apply_cursor(q, resp, http_param(req, "cursor"));
}

static void query_init(struct query *q, const struct resource_def *r)
{
    memset(q, 0, sizeof(*q));
    q->r = r;
    q->t = schema_table(r->table);
    buf_init(&q->cte, 4096);
    buf_init(&q->where, 1 << 16);
    buf_init(&q->sql, 1 << 17);
}

void api_list(struct http_req *req, struct http_resp *resp, const struct resource_def *r)
{
    struct store *s = api_store(req, resp);
    struct api_cache_ticket ticket;
    struct query q;
    size_t where_len = 0;
    int nbinds = 0;
    long total = 0;

    if (!s)
        return;
    query_init(&q, r);
    if (parse_request(&q, req, resp, s, &where_len, &nbinds)) {
        if (resp->status == 200) /* every refusal above answers; this is a failure */
            http_problem(resp, 500, NULL, "the query could not be built");
        goto out;
    }
    if (api_cache_get(&ticket, s, r->name, req, q.lang, q.format, resp))
        goto out;
    if (q.format == FORMAT_JSON && (total = count_rows(&q, s, where_len, nbinds)) < 0) {
        api_db_error(resp, s);
        goto out;
    }
    if (run_query(&q, s, resp, total))
        api_db_error(resp, s);
    else
        api_cache_keep(&ticket, resp);
out:
    query_free(&q);
}

void api_item(struct http_req *req, struct http_resp *resp, const struct resource_def *r)
{
    struct store *s = api_store(req, resp);
    const char *allowed[] = {"lang", NULL};
    struct query q;
    sqlite3_stmt *st = NULL;
    struct jw w;
    int rc;

    if (!s)
        return;
    query_init(&q, r);
    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &q.lang))
        goto out;
    q.limit = 1;
    and(&q);
    buf_printf(&q.where, "%s = ?", r->key);
    add_text(&q, req->path_params[0], strlen(req->path_params[0]));
    build_select(&q);
    if (!q.sql.err)
        st = sq_prepare(s, buf_cstr(&q.sql));
    if (!st) {
        api_db_error(resp, s);
        goto out;
    }
    bind_all(st, &q, q.nbinds);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        jw_init(&w, &resp->body);
        jw_obj_begin(&w);
        item_fields(&w, &q, st);
        jw_key(&w, "lang");
        jw_str(&w, api_lang_code(q.lang));
        jw_obj_end(&w);
        buf_putc(&resp->body, '\n');
    } else if (rc == SQLITE_DONE) {
        http_problem(resp, 404, NULL, "no %s with %s '%.80s'", r->name, r->key_param,
                     req->path_params[0]);
    } else {
        api_db_error(resp, s);
    }
    sq_release(s, st);
out:
    query_free(&q);
}
