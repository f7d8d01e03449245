/* SPDX-License-Identifier: MIT */
/*
 * The list engine of the read API (see resource.h): request parameters
 * checked against the resource's description into a store query
 * (store/list.h), keyset paging with an opaque cursor, and the rows the
 * store hands back written as a JSON page, CSV or GeoJSON.
 */
#include "api/resource.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/cache.h"
#include "api/cited.h"
#include "api/row_memo.h"
#include "api/tr.h"
#include "api/xlsx_answer.h"
#include "core/csv.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/row.h"
#include "core/row_version.h"
#include "core/text_fold.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "store/list.h"
#include "store/lookup.h"

#define CURSOR_MAX 512

/* Everything one list request builds: the store's query and the storage
 * its borrowed values point into. */
struct query {
    const struct resource_def *r;
    const struct table_def *t;
    struct store_list_query sq;
    char sectors[STORE_LIST_MAX_VALUES][SECTOR_CODE_MAX];
    struct buf folded;                /* the search text, folded */
    unsigned char cursor[CURSOR_MAX]; /* the decoded cursor; after_key points into it */
    enum api_lang lang;
    enum api_lang msg; /* the language of the problems a person reads */
    enum api_format format;
    int bom; /* a CSV answer begins with the byte-order mark */
    char fingerprint[17];
};

/* ===== filters ===== */

static struct store_list_filter *new_filter(struct query *q, const struct filter_def *f)
{
    struct store_list_filter *sf;

    if (q->sq.nfilters == STORE_LIST_MAX_FILTERS)
        return NULL;
    sf = &q->sq.filters[q->sq.nfilters++];
    memset(sf, 0, sizeof(*sf));
    sf->name = f->param;
    return sf;
}

static void text_value(struct khu_value *v, const char *s, size_t n)
{
    *v = (struct khu_value){KHU_V_TEXT, 0, 0, s, n};
}

/* Comma-separated values into one filter, at most API_FILTER_MAX_VALUES: members
 * of the enum column f->column (FILTER_ENUM), or key codes of 1 to 64 bytes
 * (FILTER_CODES, no column). */
static int filter_values(struct query *q, struct http_resp *resp, const struct filter_def *f,
                         const char *value)
{
    const struct col_def *c = f->column ? &q->t->cols[schema_col_index(q->t, f->column)] : NULL;
    struct store_list_filter *sf = new_filter(q, f);
    char item[72], list[256];
    const char *p = value;

    if (!sf)
        return -1;
    while (p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        snprintf(item, sizeof(item), "%.*s", (int)(len <= 64 ? len : 64), p);
        if (len == 0 || len > 64 || sf->n == API_FILTER_MAX_VALUES ||
            (c && !schema_enum_ok(c, item))) {
            if (c)
                http_problem(resp, 400, f->param,
                             api_tr(q->msg, "%s must be one of: %s (several separated by "
                                            "commas); got '%.40s'"),
                             f->param, schema_enum_list(c, list, sizeof(list)), item);
            else
                http_problem(resp, 400, f->param,
                             api_tr(q->msg, "%s must be 1 to %d codes of 1 to 64 bytes, "
                                            "separated by commas; got '%.40s'"),
                             f->param, API_FILTER_MAX_VALUES, value);
            return -1;
        }
        text_value(&sf->v[sf->n++], p, len);
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

/* Column names of the table that may be empty, comma-separated. */
static int filter_missing(struct query *q, struct http_resp *resp, const struct filter_def *f,
                          const char *value)
{
    struct store_list_filter *sf = new_filter(q, f);
    const char *p = value;
    int c;

    if (!sf)
        return -1;
    while (p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char item[64];

        snprintf(item, sizeof(item), "%.*s", (int)(len < 63 ? len : 63), p);
        c = len < sizeof(item) ? schema_col_index(q->t, item) : -1;
        if (c < 0) {
            http_problem(resp, 400, f->param,
                         "%s must name columns of %s, comma-separated (see"
                         " /api/v1/openapi.json); got '%.40s'",
                         f->param, q->t->name, item);
            return -1;
        }
        if (q->t->cols[c].required) {
            http_problem(resp, 400, f->param, "%s: %s is required, so it is never missing",
                         f->param, item);
            return -1;
        }
        if (sf->n == API_FILTER_MAX_VALUES) {
            http_problem(resp, 400, f->param, "%s takes at most %d column names", f->param,
                         API_FILTER_MAX_VALUES);
            return -1;
        }
        text_value(&sf->v[sf->n++], p, len);
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

static int filter_number(struct query *q, struct http_resp *resp, const struct filter_def *f,
                         const char *value)
{
    struct store_list_filter *sf;
    double v;

    if (parse_f64(value, -1e15, 1e15, &v)) {
        http_problem(
            resp, 400, f->param,
            api_tr(q->msg, "%s must be a number with '.' as the decimal point; got '%.40s'"),
            f->param, value);
        return -1;
    }
    if (!(sf = new_filter(q, f)))
        return -1;
    sf->v[0] = (struct khu_value){KHU_V_REAL, 0, v, NULL, 0};
    sf->n = 1;
    return 0;
}

static int filter_unit(struct query *q, struct store *s, struct http_resp *resp,
                       const struct filter_def *f, const char *value)
{
    struct store_list_filter *sf;

    if (!store_unit_exists(s, value)) {
        http_problem(resp, 400, f->param,
                     api_tr(q->msg, "unknown unit '%.60s': see /api/v1/units for the codes"),
                     value);
        return -1;
    }
    if (!(sf = new_filter(q, f)))
        return -1;
    text_value(&sf->v[0], value, strlen(value));
    sf->n = 1;
    return 0;
}

static int filter_sector(struct query *q, struct store *s, struct http_resp *resp,
                         const struct filter_def *f, const char *value)
{
    struct store_list_filter *sf;
    int i, n = strlen(value) < SECTOR_CODE_MAX
                   ? store_sector_codes(s, value, q->sectors, STORE_LIST_MAX_VALUES)
                   : 0;

    if (n == 0) {
        http_problem(
            resp, 400, f->param,
            api_tr(q->msg, "unknown sector code '%.40s' (VSIC 2018 or 2025): see /api/v1/sectors"),
            value);
        return -1;
    }
    if (!(sf = new_filter(q, f)))
        return -1;
    for (i = 0; i < n; i++)
        text_value(&sf->v[i], q->sectors[i], strlen(q->sectors[i]));
    sf->n = n;
    return 0;
}

static int filter_simple(struct query *q, struct http_resp *resp, const struct filter_def *f,
                         const char *value)
{
    struct store_list_filter *sf;
    int32_t day;

    if (f->kind == FILTER_BOOL && strcmp(value, "0") != 0 && strcmp(value, "1") != 0) {
        http_problem(resp, 400, f->param, api_tr(q->msg, "%s must be 0 or 1; got '%.40s'"),
                     f->param, value);
        return -1;
    }
    if (f->kind == FILTER_VALID_ON && parse_date(value, &day)) {
        http_problem(resp, 400, f->param,
                     api_tr(q->msg, "%s must be a date YYYY-MM-DD; got '%.40s'"), f->param, value);
        return -1;
    }
    if (!(sf = new_filter(q, f)))
        return -1;
    if (f->kind == FILTER_BOOL)
        sf->v[0] = (struct khu_value){KHU_V_INT, value[0] == '1', value[0] == '1', NULL, 0};
    else
        text_value(&sf->v[0], value, strlen(value));
    sf->n = 1;
    return 0;
}

static int apply_filter(struct query *q, struct store *s, struct http_resp *resp,
                        const struct filter_def *f, const char *value)
{
    switch (f->kind) {
    case FILTER_ENUM:
    case FILTER_CODES:
        return filter_values(q, resp, f, value);
    case FILTER_MIN:
    case FILTER_MAX:
        return filter_number(q, resp, f, value);
    case FILTER_UNIT:
        return filter_unit(q, s, resp, f, value);
    case FILTER_SECTOR:
        return filter_sector(q, s, resp, f, value);
    case FILTER_MISSING:
        return filter_missing(q, resp, f, value);
    default:
        return filter_simple(q, resp, f, value);
    }
}

static int apply_search(struct query *q, struct http_resp *resp, const char *value)
{
    if (utf8_count(value, strlen(value)) > API_MAX_QUERY_CHARS) {
        http_problem(resp, 400, "q", api_tr(q->msg, "q is too long (at most %d characters)"),
                     API_MAX_QUERY_CHARS);
        return -1;
    }
    if (text_fold(value, strlen(value), &q->folded) || q->folded.len == 0) {
        http_problem(resp, 400, "q", "%s",
                     q->folded.err ? api_tr(q->msg, "q could not be read")
                                   : api_tr(q->msg, "q must contain at least one letter or digit"));
        return -1;
    }
    q->sq.search = buf_cstr(&q->folded);
    return 0;
}

/* ===== parameters ===== */

static int check_params(struct query *q, struct http_req *req, struct http_resp *resp)
{
    const char *allowed[64];
    const struct filter_def *f;
    int n = 0;

    for (f = q->r->filters; f->param && n < 56; f++)
        allowed[n++] = f->param;
    if (q->r->search)
        allowed[n++] = "q";
    allowed[n++] = "sort";
    allowed[n++] = "limit";
    allowed[n++] = "cursor";
    allowed[n++] = "lang";
    allowed[n++] = "bom";
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
    q->sq.desc = name[0] == '-';
    name += name[0] == '-' || name[0] == '+';
    if (strcmp(name, q->r->key_param) == 0)
        return 0;
    for (s = q->r->sorts; s->name; s++) {
        if (strcmp(s->name, name) == 0) {
            q->sq.sort = s->name;
            return 0;
        }
        used += (size_t)snprintf(list + used, sizeof(list) - used, ", %s", s->name);
        if (used >= sizeof(list))
            used = sizeof(list) - 1;
    }
    http_problem(resp, 400, "sort",
                 api_tr(q->msg, "sort must be %s%s, with '-' in front for descending; got "
                                "'%.40s'"),
                 q->r->key_param, list, value);
    return -1;
}

static int parse_limit(struct query *q, struct http_resp *resp, const char *value)
{
    long max = q->format == FORMAT_JSON ? API_MAX_LIMIT : API_MAX_EXPORT;
    int64_t v;

    q->sq.limit = q->format == FORMAT_JSON ? API_DEFAULT_LIMIT : API_MAX_EXPORT;
    if (!value)
        return 0;
    if (parse_i64(value, 1, max, &v)) {
        http_problem(resp, 400, "limit",
                     api_tr(q->msg, "limit must be a whole number from 1 to %ld; got "
                                    "'%.40s'"),
                     max, value);
        return -1;
    }
    q->sq.limit = (long)v;
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

static void encode_cursor(const struct query *q, const struct store_page *page, char *out, size_t n)
{
    char plain[CURSOR_MAX], val[40] = "";
    int is_null = q->sq.sort && page->last_null;

    if (q->sq.sort && !is_null)
        snprintf(val, sizeof(val), "%.17g", page->last_value);
    snprintf(plain, sizeof(plain), "1|%s|%c|%s|%s", q->fingerprint, is_null ? 'n' : 'v', val,
             page->last_key);
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
    size_t n;
    char *fields[5], *p;
    int i;
    double v = 0;

    if (!value)
        return 0;
    if (strlen(value) > CURSOR_MAX ||
        sodium_base642bin(q->cursor, sizeof(q->cursor) - 1, value, strlen(value), NULL, &n, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return bad_cursor(resp, "is not one this server made");
    q->cursor[n] = '\0';
    p = (char *)q->cursor;
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
    if (q->sq.sort && fields[2][0] == 'v' && parse_f64(fields[3], -1e300, 1e300, &v))
        return bad_cursor(resp, "is damaged");
    q->sq.after = 1;
    q->sq.after_null = fields[2][0] == 'n';
    q->sq.after_value = v;
    q->sq.after_key = fields[4];
    return 0;
}

/* ===== output ===== */

/* The items of a JSON page when rows may come from the row memo: each
 * row's object, held or written, in the order it came, and where. */
struct page_items {
    uint64_t gen;       /* the generation the page's data is read under */
    struct buf objects; /* the objects, one after the other */
    struct buf keys;    /* the rows' keys, one after the other */
    struct item_at {
        size_t at, len, key_at, key_len;
        int ready; /* the object is in objects */
    } item[API_MAX_LIMIT];
    int n;    /* rows the store has asked about */
    int next; /* the first row whose object is not ready */
};

struct out {
    struct query *q;
    struct jw w;
    const struct http_req *req;
    struct http_resp *resp;
    struct api_xlsx xlsx;     /* FORMAT_XLSX: the workbook */
    struct page_items *items; /* NULL: rows are written straight into the answer */
    struct buf *source;       /* an item's source text */
    struct store *store;      /* for the sources an XLSX answer names */
    int found;                /* an item was written */
};

static int ncols_out(const struct query *q)
{
    const struct derived_def *d;
    int n = (int)q->t->ncols;

    for (d = q->r->derived; d && d->name; d++)
        n++;
    return n;
}

/* Writes "name" in the chosen language with a visible fallback. */
static void localized_name(struct jw *w, const struct query *q, const struct khu_row *row)
{
    static const char *const order[3][3] = {
        {"name_vi", NULL, NULL}, {"name_en", "name_vi", NULL}, {"name_ko", "name_en", "name_vi"}};
    int i;

    for (i = 0; i < 3 && order[q->lang][i]; i++) {
        int col = schema_col_index(q->t, order[q->lang][i]);
        if (col >= 0 && !row_is_null(row, col)) {
            jw_key(w, "name");
            row_json_value(w, NULL, row_at(row, col));
            jw_key(w, "name_lang");
            jw_str(w, order[q->lang][i] + 5);
            return;
        }
    }
}

static void item_fields(struct jw *w, const struct query *q, const struct khu_row *row)
{
    const struct derived_def *d;
    int col = (int)q->t->ncols;

    if (q->r->localized)
        localized_name(w, q, row);
    row_json_fields(w, q->t, row, 0);
    for (d = q->r->derived; d && d->name; d++) {
        jw_key(w, d->name);
        row_json_value(w, NULL, row_at(row, col++));
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
    row_csv_header(out, q->t, extra);
}

static void write_geojson_feature(struct jw *w, const struct query *q, const struct khu_row *row)
{
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "Feature");
    row_geojson_geometry(w, row, schema_col_index(q->t, "lat"), schema_col_index(q->t, "lon"));
    jw_key(w, "properties");
    jw_obj_begin(w);
    item_fields(w, q, row);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* Opens the workbook of an XLSX answer: the table's columns typed as the
 * data model types them, then the derived ones as they come. */
static int open_xlsx(struct out *o)
{
    struct xlsx_col cols[XLSX_MAX_COLS];
    const struct derived_def *d;
    size_t i, n = 0;

    for (i = 0; i < o->q->t->ncols && n < XLSX_MAX_COLS; i++, n++) {
        cols[n].name = o->q->t->cols[i].name;
        cols[n].kind = api_xlsx_kind(&o->q->t->cols[i]);
    }
    for (d = o->q->r->derived; d && d->name && n < XLSX_MAX_COLS; d++, n++) {
        cols[n].name = d->name;
        cols[n].kind = XLSX_AUTO;
    }
    return api_xlsx_open(&o->xlsx, o->resp, o->q->r->name, cols, n);
}

static void open_output(struct out *o)
{
    struct query *q = o->q;

    if (q->format == FORMAT_XLSX) {
        open_xlsx(o); /* a failure has answered; rows then go nowhere */
    } else if (q->format == FORMAT_CSV) {
        api_csv_begin(o->resp, q->r->name, q->bom, "");
        write_csv_header(q, &o->resp->body);
    } else if (q->format == FORMAT_GEOJSON) {
        o->resp->content_type = "application/geo+json";
        jw_obj_begin(&o->w);
        jw_key(&o->w, "type");
        jw_str(&o->w, "FeatureCollection");
        jw_key(&o->w, "features");
        jw_arr_begin(&o->w);
    } else {
        jw_obj_begin(&o->w);
        jw_key(&o->w, "items");
        jw_arr_begin(&o->w);
    }
}

/* store_list_query.holds: the row's object from the row memo, when kept. */
static int holds_row(void *arg, const char *key, size_t n)
{
    struct out *o = arg;
    struct page_items *p = o->items;
    struct item_at *it;

    if (p->n == API_MAX_LIMIT)
        return 0;
    it = &p->item[p->n++];
    it->key_at = p->keys.len;
    it->key_len = n;
    buf_append(&p->keys, key, n);
    it->at = p->objects.len;
    it->ready = api_row_memo_get(p->gen, o->q->t->name, o->q->lang, key, n, &p->objects);
    it->len = p->objects.len - it->at;
    return it->ready;
}

/* A row the memo did not hold: its object written, kept in the memo, and
 * put in the place of the first row still waiting. */
static void write_held_row(struct out *o, const struct khu_row *row)
{
    struct page_items *p = o->items;
    struct item_at *it;
    struct jw w;

    while (p->next < p->n && p->item[p->next].ready)
        p->next++;
    if (p->next == p->n)
        return;
    it = &p->item[p->next];
    it->at = p->objects.len;
    jw_init(&w, &p->objects);
    jw_obj_begin(&w);
    item_fields(&w, o->q, row);
    jw_obj_end(&w);
    it->len = p->objects.len - it->at;
    it->ready = 1;
    if (!p->objects.err && !p->keys.err)
        api_row_memo_put(p->gen, o->q->t->name, o->q->lang, p->keys.data + it->key_at, it->key_len,
                         p->objects.data + it->at, it->len);
}

/* The page's objects, in page order, into the answer. */
static void write_items(struct out *o)
{
    struct page_items *p = o->items;
    int i;

    if (p->objects.err || p->keys.err) {
        o->resp->body.err = o->resp->body.err ? o->resp->body.err : KHU_ENOMEM;
        return;
    }
    for (i = 0; i < p->n; i++)
        if (p->item[i].ready)
            jw_raw(&o->w, p->objects.data + p->item[i].at, p->item[i].len);
}

/* store_row_fn: one row of the page into the answer. */
static int write_row(void *arg, const struct khu_row *row)
{
    struct out *o = arg;

    if (o->items) {
        write_held_row(o, row);
        return 0;
    }
    if (o->q->format == FORMAT_XLSX) {
        int i, n = ncols_out(o->q), src = schema_col_index(o->q->t, "source");
        if (!o->xlsx.book)
            return 1;
        for (i = 0; i < n; i++)
            xlsx_value(o->xlsx.book, (size_t)i, row_at(row, i));
        xlsx_end_row(o->xlsx.book);
        if (src >= 0)
            api_xlsx_cite(&o->xlsx, o->store, row_text(row, src));
    } else if (o->q->format == FORMAT_CSV) {
        row_csv_fields(&o->resp->body, row, 0, ncols_out(o->q), 1);
        csv_end_record(&o->resp->body);
    } else if (o->q->format == FORMAT_GEOJSON) {
        write_geojson_feature(&o->w, o->q, row);
    } else {
        jw_obj_begin(&o->w);
        item_fields(&o->w, o->q, row);
        jw_obj_end(&o->w);
    }
    return 0;
}

static void close_output(struct out *o, const struct store_page *page)
{
    struct query *q = o->q;
    char next[CURSOR_MAX * 2] = "";

    if (q->format == FORMAT_XLSX) {
        if (o->xlsx.book)
            api_xlsx_finish(&o->xlsx, o->req, o->resp, q->r->name);
        return;
    }
    if (q->format == FORMAT_CSV)
        return;
    jw_arr_end(&o->w);
    if (q->format == FORMAT_JSON) {
        if (page->more && page->rows > 0)
            encode_cursor(q, page, next, sizeof(next));
        jw_key(&o->w, "total");
        jw_int(&o->w, page->total);
        jw_key(&o->w, "total_exact");
        jw_bool(&o->w, page->total_exact);
        jw_key(&o->w, "limit");
        jw_int(&o->w, q->sq.limit);
        jw_key(&o->w, "next_cursor");
        jw_str(&o->w, next[0] ? next : NULL);
        jw_key(&o->w, "lang");
        jw_str(&o->w, api_lang_code(q->lang));
    }
    jw_obj_end(&o->w);
    buf_putc(o->w.b, '\n');
}

/* ===== entry points ===== */

/* The parameters that need no database: names, language, format, sort
 * and limit. Returns -1 after answering a refusal. */
static int parse_plain(struct query *q, struct http_req *req, struct http_resp *resp)
{
    if (check_params(q, req, resp) || api_lang(req, resp, &q->lang))
        return -1;
    q->msg = api_message_lang(req, q->lang);
    q->format = api_format(req, q->r->geojson);
    if (api_csv_bom(req, resp, q->format, &q->bom) ||
        parse_sort(q, resp, http_param(req, "sort")) ||
        parse_limit(q, resp, http_param(req, "limit")))
        return -1;
    return 0;
}

/* The filters (units and sectors are looked up in s), the search and the
 * cursor. Returns -1 after answering a refusal. */
static int parse_data(struct query *q, struct http_req *req, struct http_resp *resp,
                      struct store *s)
{
    const struct filter_def *f;
    const char *v;

    for (f = q->r->filters; f->param; f++) {
        v = http_param(req, f->param);
        if (v && apply_filter(q, s, resp, f, v))
            return -1;
    }
    v = http_param(req, "q");
    if (v && q->r->search && apply_search(q, resp, v))
        return -1;
    fingerprint(q, req);
    return apply_cursor(q, resp, http_param(req, "cursor"));
}

static void query_init(struct query *q, const struct resource_def *r)
{
    const struct derived_def *d;
    int n = 0;

    memset(q, 0, sizeof(*q));
    q->r = r;
    q->t = schema_table(r->table);
    q->sq.resource = r->name;
    for (d = r->derived; d && d->name && n < STORE_LIST_MAX_DERIVED; d++)
        q->sq.derived[n++] = d->name;
    buf_init(&q->folded, 8 * API_MAX_QUERY_CHARS);
}

/* A JSON page of up to LIST_QUICK_ROWS rows is built in well under a
 * millisecond; a longer page (up to API_MAX_LIMIT rows) or a CSV or
 * GeoJSON download (up to API_MAX_EXPORT) takes from 5 ms to half a
 * second at national scale, so it is built on the server's slow lane. */
#define LIST_QUICK_ROWS 100

void api_list(struct http_req *req, struct http_resp *resp, const struct resource_def *r)
{
    struct store *s = api_store(req, resp);
    struct api_cache_ticket ticket;
    struct store_page page;
    struct khu_diag d;
    struct query q;
    struct out o = {0};
    enum khu_err err;
    int snapshot;

    if (!s)
        return;
    query_init(&q, r);
    /* One snapshot for the answer: the generation is its first read (see
     * app_generation.h), then the codes are checked and the page and its
     * count read as of that moment. An answer kept under a generation was
     * a 200 for the same URL, so a hit needs no check that reads data. */
    snapshot = store_snapshot_begin(s);
    if (parse_plain(&q, req, resp))
        goto out;
    if (api_cache_get(&ticket, s, r->name, req, q.lang, q.format, resp))
        goto out;
    if (parse_data(&q, req, resp, s)) {
        if (resp->status == 200) /* every refusal above answers; this is a failure */
            http_problem(resp, 500, NULL, "the query could not be built");
        goto out;
    }
    if ((q.format != FORMAT_JSON || q.sq.limit > LIST_QUICK_ROWS) && http_to_lane(req, resp))
        goto out;
    q.sq.count_cap = q.format == FORMAT_JSON ? API_COUNT_CAP : 0;
    o.q = &q;
    o.req = req;
    o.resp = resp;
    o.store = s;
    o.items = NULL;
    if (q.format == FORMAT_JSON && ticket.usable && (o.items = xcalloc(1, sizeof(*o.items)))) {
        o.items->gen = ticket.db;
        buf_init(&o.items->objects, (size_t)1 << 26);
        buf_init(&o.items->keys, (size_t)1 << 20);
        q.sq.holds = holds_row;
    }
    jw_init(&o.w, &resp->body);
    open_output(&o);
    err = store_list(s, &q.sq, write_row, &o, &page, &d);
    if (err || (q.format == FORMAT_XLSX && !o.xlsx.book)) {
        api_xlsx_abort(&o.xlsx);
        if (err) {
            buf_reset(&resp->body);
            api_error(resp, err, &d);
        }
        goto out;
    }
    if (o.items)
        write_items(&o);
    close_output(&o, &page);
    api_cache_keep(&ticket, resp);
out:
    store_snapshot_end(s, snapshot);
    if (o.items) {
        buf_free(&o.items->objects);
        buf_free(&o.items->keys);
        xfree(o.items);
    }
    buf_free(&q.folded);
}

/* store_row_fn: the one item as a JSON object, left open for what the
 * answer adds (see api_item); its source text kept in o->source. */
static int write_item(void *arg, const struct khu_row *row)
{
    struct out *o = arg;
    int src = schema_col_index(o->q->t, "source");

    char version[ROW_VERSION_HEX];

    /* the row's version leads the ETag: what a PATCH names in If-Match */
    if (row_version(o->q->t, row, 0, version) == 0)
        snprintf(o->resp->etag_version, sizeof(o->resp->etag_version), "%s", version);
    jw_obj_begin(&o->w);
    item_fields(&o->w, o->q, row);
    jw_key(&o->w, "lang");
    jw_str(&o->w, api_lang_code(o->q->lang));
    if (src >= 0 && !row_is_null(row, src))
        buf_puts(o->source, row_text(row, src));
    o->found = 1;
    return 0;
}

/* Closes the item: with the sources its source text cites, when its table
 * has one. */
static enum khu_err close_item(struct store *s, struct out *o, struct khu_diag *d)
{
    struct app_cites cites = {0};
    enum khu_err err = KHU_OK;

    if (schema_col_index(o->q->t, "source") >= 0) {
        err = app_cites_load(s, &cites, d);
        if (err)
            return err;
        api_write_cited(&o->w, &cites, o->source->len ? buf_cstr(o->source) : NULL);
        app_cites_free(&cites);
    }
    jw_obj_end(&o->w);
    buf_putc(&o->resp->body, '\n');
    return KHU_OK;
}

void api_item(struct http_req *req, struct http_resp *resp, const struct resource_def *r)
{
    struct store *s = api_store(req, resp);
    const char *allowed[] = {"lang", NULL};
    struct khu_diag d;
    struct query q;
    struct out o;
    struct buf source;
    enum khu_err err;

    if (!s)
        return;
    buf_init(&source, 1 << 20);
    query_init(&q, r);
    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &q.lang))
        goto out;
    memset(&o, 0, sizeof(o));
    o.q = &q;
    o.resp = resp;
    o.source = &source;
    jw_init(&o.w, &resp->body);
    err = store_item(s, r->name, req->path_params[0], q.sq.derived, write_item, &o, &d);
    if (!err && o.found)
        err = close_item(s, &o, &d);
    if (err == KHU_ENOTFOUND)
        http_problem(resp, 404, NULL, "no %s with %s '%.80s'", r->name, r->key_param,
                     req->path_params[0]);
    else if (err) {
        buf_reset(&resp->body);
        api_error(resp, err, &d);
    }
out:
    buf_free(&source);
    buf_free(&q.folded);
}
