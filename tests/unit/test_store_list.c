/* SPDX-License-Identifier: MIT */
/*
 * Tests of the store's list use case through its public interface
 * (store/list.h): filters, sort both ways with NULLs last, keyset
 * continuation, limit, the capped total, one row by key, and the errors an
 * unknown resource, filter, sort or derived name or a value of the wrong
 * kind answers. Loads tests/fixture with the importer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/schema.h"
#include "store/import.h"
#include "store/list.h"
#include "store/lookup.h"
#include "store/store.h"
#include "test.h"

static char dir[] = "/tmp/khu-store-list-XXXXXX";
static const struct store_actor test_actor = {"test", ""};
static struct store *st;

/* Collects the keys (first column) of the rows handed out. */
struct keys {
    char text[1024];
    int stop_after; /* 0: never stop */
    int rows;
    int ncols;
};

static int collect(void *arg, const struct khu_row *row)
{
    struct keys *k = arg;
    size_t used = strlen(k->text);
    const char *code = row_text(row, 0);

    snprintf(k->text + used, sizeof(k->text) - used, "%s%s", used ? " " : "", code ? code : "?");
    k->ncols = row->n;
    return ++k->rows == k->stop_after;
}

static void on_error(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    fprintf(stderr, "import: %s:%ld: %s: %s\n", file, d->line, d->field, d->message);
}

static int load_fixture(void)
{
    static const char *const tables[] = {"units",    "sectors",     "sector_map", "zones",
                                         "projects", "enterprises", NULL};
    const char *fx = getenv("KHU_FIXTURE");
    struct importer *im = NULL;
    struct khu_diag d;
    char path[512], chunk[4096];
    int i;

    if (importer_begin(st, &test_actor, 0, 0, on_error, NULL, &im, &d))
        return -1;
    for (i = 0; tables[i]; i++) {
        struct buf csv;
        FILE *f;
        size_t n;
        snprintf(path, sizeof(path), "%s/%s.csv", fx ? fx : "tests/fixture", tables[i]);
        f = fopen(path, "rb");
        if (!f) {
            importer_abort(im);
            return -1;
        }
        buf_init(&csv, 1 << 20);
        while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
            buf_append(&csv, chunk, n);
        fclose(f);
        importer_add_csv(im, tables[i], path, csv.data, csv.len);
        buf_free(&csv);
    }
    return importer_finish(im, NULL) == KHU_OK ? 0 : -1;
}

/* Adds csv (len bytes) to table in one import that keeps the other rows;
 * returns the import's result. */
static enum khu_err import_more(const char *table, const char *csv, size_t len)
{
    struct importer *im = NULL;
    struct khu_diag d;
    enum khu_err err = importer_begin(st, &test_actor, 0, 1, NULL, NULL, &im, &d);

    if (err)
        return err;
    importer_add_csv(im, table, "more.csv", csv, len);
    return importer_finish(im, NULL);
}

static void query(struct store_list_query *q, const char *resource, const char *sort, int desc,
                  long limit)
{
    memset(q, 0, sizeof(*q));
    q->resource = resource;
    q->sort = sort;
    q->desc = desc;
    q->limit = limit;
}

static struct store_list_filter *filter(struct store_list_query *q, const char *name)
{
    struct store_list_filter *f = &q->filters[q->nfilters++];

    f->name = name;
    f->n = 0;
    return f;
}

static void text(struct store_list_filter *f, const char *s)
{
    f->v[f->n++] = (struct khu_value){KHU_V_TEXT, 0, 0, s, strlen(s)};
}

static void real(struct store_list_filter *f, double r)
{
    f->v[f->n++] = (struct khu_value){KHU_V_REAL, 0, r, NULL, 0};
}

/* Runs q and compares the keys handed out with want. */
static enum khu_err list(const struct store_list_query *q, const char *want,
                         struct store_page *page, struct khu_diag *d)
{
    struct keys k = {"", 0, 0, 0};
    enum khu_err err = store_list(st, q, collect, &k, page, d);

    if (!err)
        CHECK_EQ_STR(k.text, want);
    return err;
}

/* ===== tests ===== */

static void test_filters(void)
{
    struct store_list_query q;
    struct store_list_filter *f;
    struct store_page page;
    struct khu_diag d;

    query(&q, "zones", NULL, 0, 50);
    CHECK_EQ_INT(
        list(&q, "ccn-gamma kcn-alpha kcn-beta kcn-delta-1 kcn-epsilon kcn-umbrella", &page, &d),
        KHU_OK);
    CHECK_EQ_INT(page.rows, 6);
    CHECK_EQ_INT(page.more, 0);
    CHECK_EQ_INT(page.total, 0); /* not asked to count */

    query(&q, "zones", NULL, 0, 50);
    q.count_cap = 100;
    f = filter(&q, "kind");
    text(f, "kcn");
    f = filter(&q, "status");
    text(f, "operating");
    text(f, "building");
    CHECK_EQ_INT(list(&q, "kcn-alpha kcn-beta kcn-delta-1", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 3);
    CHECK_EQ_INT(page.total_exact, 1);

    query(&q, "zones", NULL, 0, 50);
    real(filter(&q, "min_available_ha"), 80);
    CHECK_EQ_INT(list(&q, "kcn-alpha", &page, &d), KHU_OK);

    /* a unit covers its districts and the province it replaced */
    query(&q, "zones", NULL, 0, 50);
    text(filter(&q, "unit"), "P9");
    text(filter(&q, "kind"), "ccn");
    CHECK_EQ_INT(list(&q, "ccn-gamma", &page, &d), KHU_OK);

    /* the store matches the codes it is given; the caller expands a sector */
    query(&q, "zones", NULL, 0, 50);
    f = filter(&q, "sector");
    text(f, "2610");
    text(f, "2619");
    CHECK_EQ_INT(list(&q, "kcn-alpha kcn-beta", &page, &d), KHU_OK);

    query(&q, "zones", NULL, 0, 50);
    q.search = "duc hoa";
    CHECK_EQ_INT(list(&q, "kcn-alpha", &page, &d), KHU_OK);
    q.search = "zzzz";
    q.count_cap = 10;
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 0);
    CHECK_EQ_INT(page.total_exact, 1);

    /* many hits in key order: the key's index is walked, both ways, and
     * the total of a search alone is its hits, capped */
    query(&q, "zones", NULL, 0, 2);
    q.search = "kcn";
    q.count_cap = 100;
    CHECK_EQ_INT(list(&q, "kcn-alpha kcn-beta", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.more, 1);
    CHECK_EQ_INT(page.total, 5);
    CHECK_EQ_INT(page.total_exact, 1);
    q.after = 1;
    q.after_key = "kcn-beta";
    CHECK_EQ_INT(list(&q, "kcn-delta-1 kcn-epsilon", &page, &d), KHU_OK);
    q.desc = 1;
    q.after_key = "kcn-delta-1";
    q.count_cap = 4;
    CHECK_EQ_INT(list(&q, "kcn-beta kcn-alpha", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 4);
    CHECK_EQ_INT(page.total_exact, 0);
    query(&q, "zones", "total_ha", 1, 50);
    q.search = "kcn";
    CHECK_EQ_INT(list(&q, "kcn-umbrella kcn-alpha kcn-delta-1 kcn-beta kcn-epsilon", &page, &d),
                 KHU_OK);

    query(&q, "units", NULL, 0, 50);
    text(filter(&q, "valid_on"), "2025-07-01");
    CHECK_EQ_INT(list(&q, "P9", &page, &d), KHU_OK);

    query(&q, "enterprises", NULL, 0, 50);
    f = filter(&q, "supplier");
    f->v[f->n++] = (struct khu_value){KHU_V_INT, 1, 1, NULL, 0};
    CHECK_EQ_INT(list(&q, "0300000001", &page, &d), KHU_OK);
}

/* Sorting both ways keeps NULLs last; a page continues after the
 * position of the previous one, every row exactly once. */
static void test_sort_and_after(void)
{
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;
    char key[STORE_KEY_MAX];

    query(&q, "zones", "total_ha", 1, 50);
    CHECK_EQ_INT(
        list(&q, "kcn-umbrella kcn-alpha kcn-delta-1 kcn-beta ccn-gamma kcn-epsilon", &page, &d),
        KHU_OK);
    query(&q, "zones", "total_ha", 0, 50);
    CHECK_EQ_INT(
        list(&q, "ccn-gamma kcn-beta kcn-delta-1 kcn-alpha kcn-umbrella kcn-epsilon", &page, &d),
        KHU_OK);
    query(&q, "zones", NULL, 1, 2);
    CHECK_EQ_INT(list(&q, "kcn-umbrella kcn-epsilon", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.more, 1);
    CHECK_EQ_STR(page.last_key, "kcn-epsilon");

    /* two at a time down industrial_ha: the last page holds the NULLs */
    query(&q, "zones", "industrial_ha", 1, 2);
    q.count_cap = 1000;
    CHECK_EQ_INT(list(&q, "kcn-alpha kcn-beta", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.more, 1);
    CHECK_EQ_INT(page.last_null, 0);
    CHECK_EQ_DBL(page.last_value, 150, 1e-9);
    CHECK_EQ_INT(page.total, 6);
    CHECK_EQ_INT(page.total_exact, 1);
    snprintf(key, sizeof(key), "%s", page.last_key);
    q.after = 1;
    q.after_null = 0;
    q.after_value = page.last_value;
    q.after_key = key;
    CHECK_EQ_INT(list(&q, "ccn-gamma kcn-delta-1", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 6);     /* the total ignores the position */
    CHECK_EQ_INT(page.last_null, 1); /* kcn-delta-1 has no industrial land recorded */
    snprintf(key, sizeof(key), "%s", page.last_key);
    q.after_null = page.last_null;
    CHECK_EQ_INT(list(&q, "kcn-epsilon kcn-umbrella", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.last_null, 1);
    CHECK_EQ_INT(page.more, 0);
    snprintf(key, sizeof(key), "%s", page.last_key);
    q.after_null = 1;
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.rows, 0);

    /* a count capped below the matches is a lower bound */
    query(&q, "zones", NULL, 0, 1);
    q.count_cap = 3;
    CHECK_EQ_INT(list(&q, "ccn-gamma", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 3);
    CHECK_EQ_INT(page.total_exact, 0);
    q.count_cap = 6;
    CHECK_EQ_INT(list(&q, "ccn-gamma", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 6);
    CHECK_EQ_INT(page.total_exact, 1);
}

static void test_rows(void)
{
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;
    struct keys k = {"", 2, 0, 0};
    const struct table_def *t = schema_table("zones");

    /* derived fields follow the columns, in the order asked */
    query(&q, "zones", NULL, 0, 50);
    q.derived[0] = "occupancy_pct";
    q.derived[1] = "available_ha";
    CHECK_EQ_INT(store_list(st, &q, collect, &k, &page, &d), KHU_OK);
    CHECK_EQ_INT(k.rows, 2); /* the callback stopped the list */
    CHECK_EQ_INT(k.ncols, (int)t->ncols + 2);
    CHECK_EQ_INT(page.more, 0);

    k = (struct keys){"", 0, 0, 0};
    CHECK_EQ_INT(store_item(st, "zones", "kcn-beta", q.derived, collect, &k, &d), KHU_OK);
    CHECK_EQ_STR(k.text, "kcn-beta");
    CHECK_EQ_INT(k.ncols, (int)t->ncols + 2);
    CHECK_EQ_INT(store_item(st, "zones", "kcn-nowhere", NULL, collect, &k, &d), KHU_ENOTFOUND);
    CHECK_EQ_INT(store_item(st, "nowhere", "x", NULL, collect, &k, &d), KHU_EINVAL);
    CHECK_EQ_INT(store_item(st, "sectors", "2220 2018", NULL, collect, &k, &d), KHU_OK);

    CHECK(store_unit_exists(st, "D1"));
    CHECK(!store_unit_exists(st, "999"));
}

static void test_errors(void)
{
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;

    query(&q, "nowhere", NULL, 0, 50);
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "nowhere");
    query(&q, "zones", "name", 0, 50);
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "name");
    query(&q, "zones", NULL, 0, 50);
    text(filter(&q, "colour"), "red");
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "colour");
    query(&q, "zones", NULL, 0, 50);
    text(filter(&q, "min_total_ha"), "lots"); /* a number filter given text */
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "min_total_ha");
    query(&q, "zones", NULL, 0, 50);
    filter(&q, "kind"); /* no value */
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    query(&q, "zones", NULL, 0, 50);
    q.derived[0] = "profit";
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    query(&q, "zones", NULL, 0, 0);
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    query(&q, "zones", NULL, 0, 50);
    q.search = " ";
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    query(&q, "zones", NULL, 0, 50);
    text(filter(&q, "unit"), "D1");
    text(filter(&q, "unit"), "D2");
    CHECK_EQ_INT(list(&q, "", &page, &d), KHU_EINVAL);
    CHECK(!store_list_knows("nowhere", STORE_LIST_FILTER, "kind"));
    CHECK(!store_list_knows("zones", STORE_LIST_FILTER, NULL));
    CHECK(store_list_knows("zones", STORE_LIST_SEARCH, NULL));
}

/* Enterprises added out of key order, in all three forms of tax code (ten
 * digits; "-NNN"; thirteen digits): a search in key order pages through
 * its hits in the order of the codes themselves, both ways, with or
 * without a filter, and continues after a key that no longer exists. */
static void test_search_in_key_order(void)
{
    static const char csv[] = "tax_code,name,ownership,source\n"
                              "0500000002,Nhựa Hai,fdi,test\n"
                              "0500000001001,Nhựa Một Ba,domestic,test\n"
                              "0500000001,Nhựa Một,domestic,test\n"
                              "0500000001-002,Nhựa Một Gạch Hai,fdi,test\n"
                              "0499999999,Nhựa Trước,fdi,test\n"
                              "0500000001-001,Thép Một,fdi,test\n";
    static const char *const want = "0300000001 0499999999 0500000001 0500000001-002"
                                    " 0500000001001 0500000002";
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;
    struct keys all = {"", 0, 0, 0};
    char key[STORE_KEY_MAX];
    int pages = 0;

    CHECK_EQ_INT(import_more("enterprises", csv, sizeof(csv) - 1), KHU_OK);

    /* two at a time, ascending: every hit once, in key order */
    query(&q, "enterprises", NULL, 0, 2);
    q.search = "nhua";
    q.count_cap = 1000;
    for (;;) {
        struct keys k = {"", 0, 0, 0};
        size_t used = strlen(all.text);
        CHECK_EQ_INT(store_list(st, &q, collect, &k, &page, &d), KHU_OK);
        CHECK_EQ_INT(page.total, 6);
        CHECK_EQ_INT(page.total_exact, 1);
        snprintf(all.text + used, sizeof(all.text) - used, "%s%s", used && k.rows ? " " : "",
                 k.text);
        if (!page.more || ++pages > 5)
            break;
        snprintf(key, sizeof(key), "%s", page.last_key);
        q.after = 1;
        q.after_key = key;
    }
    CHECK_EQ_STR(all.text, want);

    query(&q, "enterprises", NULL, 1, 3);
    q.search = "nhua";
    CHECK_EQ_INT(list(&q, "0500000002 0500000001001 0500000001-002", &page, &d), KHU_OK);
    q.after = 1;
    q.after_key = "0500000001-005"; /* no such code: the page starts below it */
    CHECK_EQ_INT(list(&q, "0500000001-002 0500000001 0499999999", &page, &d), KHU_OK);

    query(&q, "enterprises", NULL, 0, 50);
    q.search = "nhua mot";
    text(filter(&q, "ownership"), "fdi");
    q.count_cap = 1000;
    CHECK_EQ_INT(list(&q, "0500000001-002", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 1);

    query(&q, "enterprises", NULL, 0, 1);
    q.search = "nhua";
    q.count_cap = 4;
    CHECK_EQ_INT(list(&q, "0300000001", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 4);
    CHECK_EQ_INT(page.total_exact, 0);
}

/* ===== rows the caller holds already ===== */

/* What the store asked about and what it handed out. */
struct holding {
    struct keys handed; /* rows handed to collect */
    char asked[1024];   /* keys asked about, in order */
    const char *held;   /* keys the caller holds, each between spaces */
};

static int holds(void *arg, const char *key, size_t n)
{
    struct holding *h = arg;
    size_t used = strlen(h->asked);
    char word[STORE_KEY_MAX + 2];

    snprintf(h->asked + used, sizeof(h->asked) - used, "%s%.*s", used ? " " : "", (int)n, key);
    snprintf(word, sizeof(word), " %.*s ", (int)n, key);
    return strstr(h->held, word) != NULL;
}

static int collect_held(void *arg, const struct khu_row *row)
{
    return collect(&((struct holding *)arg)->handed, row);
}

static enum khu_err list_holding(struct store_list_query *q, const char *held, struct holding *h,
                                 struct store_page *page, struct khu_diag *d)
{
    memset(h, 0, sizeof(*h));
    h->held = held;
    q->holds = holds;
    return store_list(st, q, collect_held, h, page, d);
}

static void test_held_rows(void)
{
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;
    struct holding h;
    char key[STORE_KEY_MAX];

    /* every row is asked about in page order; held ones are not handed */
    query(&q, "zones", "total_ha", 1, 50);
    q.count_cap = 1000;
    CHECK_EQ_INT(list_holding(&q, " kcn-alpha ccn-gamma ", &h, &page, &d), KHU_OK);
    CHECK_EQ_STR(h.asked, "kcn-umbrella kcn-alpha kcn-delta-1 kcn-beta ccn-gamma kcn-epsilon");
    CHECK_EQ_STR(h.handed.text, "kcn-umbrella kcn-delta-1 kcn-beta kcn-epsilon");
    CHECK_EQ_INT(page.rows, 6);
    CHECK_EQ_INT(page.total, 6);
    CHECK_EQ_STR(page.last_key, "kcn-epsilon");

    /* a page that ends on a held row ends where that row is */
    query(&q, "zones", "industrial_ha", 1, 2);
    CHECK_EQ_INT(list_holding(&q, " kcn-beta ", &h, &page, &d), KHU_OK);
    CHECK_EQ_STR(h.handed.text, "kcn-alpha");
    CHECK_EQ_INT(page.rows, 2);
    CHECK_EQ_INT(page.more, 1);
    CHECK_EQ_STR(page.last_key, "kcn-beta");
    CHECK_EQ_INT(page.last_null, 0);
    CHECK_EQ_DBL(page.last_value, 150, 1e-9);
    snprintf(key, sizeof(key), "%s", page.last_key);
    q.after = 1;
    q.after_value = page.last_value;
    q.after_key = key;
    CHECK_EQ_INT(list_holding(&q, " ccn-gamma kcn-delta-1 ", &h, &page, &d), KHU_OK);
    CHECK_EQ_STR(h.asked, "ccn-gamma kcn-delta-1");
    CHECK_EQ_STR(h.handed.text, "");
    CHECK_EQ_INT(page.rows, 2);
    CHECK_EQ_INT(page.last_null, 1);

    /* all held: nothing read, the page still counted */
    query(&q, "zones", NULL, 0, 3);
    CHECK_EQ_INT(list_holding(&q, " ccn-gamma kcn-alpha kcn-beta ", &h, &page, &d), KHU_OK);
    CHECK_EQ_STR(h.handed.text, "");
    CHECK_EQ_INT(page.rows, 3);
    CHECK_EQ_INT(page.more, 1);
    CHECK_EQ_STR(page.last_key, "kcn-beta");

    /* a search in key order asks too; a callback that stops ends the page */
    query(&q, "enterprises", NULL, 0, 50);
    q.search = "nhua";
    CHECK_EQ_INT(list_holding(&q, " 0300000001 ", &h, &page, &d), KHU_OK);
    CHECK(strncmp(h.asked, "0300000001 ", 11) == 0);
    CHECK(strstr(h.handed.text, "0300000001") == NULL);
    CHECK_EQ_INT(page.rows, h.handed.rows + 1);
    query(&q, "zones", "total_ha", 1, 50);
    memset(&h, 0, sizeof(h));
    h.held = " kcn-umbrella ";
    h.handed.stop_after = 1;
    q.holds = holds;
    CHECK_EQ_INT(store_list(st, &q, collect_held, &h, &page, &d), KHU_OK);
    CHECK_EQ_STR(h.handed.text, "kcn-alpha");
    CHECK_EQ_INT(page.rows, 2);
    CHECK_EQ_INT(page.more, 0);
}

/* The scopes of units, kept per connection (sq_scope.c), answer lists
 * filtered by unit whatever the order units are asked in, a unit nobody
 * knows included; a zone added later shows in its district and in the
 * province that replaced the district's. Runs last: it adds a zone. */
static void test_unit_scopes_kept(void)
{
    static const char *const units[] = {"D1", "P9", "D2", "X9", "P1"};
    static const char *const want[] = {"ccn-gamma kcn-alpha",
                                       "ccn-gamma kcn-alpha kcn-beta kcn-delta-1 kcn-umbrella",
                                       "kcn-beta kcn-delta-1 kcn-umbrella", "",
                                       "ccn-gamma kcn-alpha kcn-beta kcn-delta-1 kcn-umbrella"};
    static const char csv[] = "code,kind,name_vi,unit_code,status,source\n"
                              "kcn-zeta,kcn,KCN Zeta,D1,operating,t\n";
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;
    int round, i;

    for (round = 0; round < 3; round++) {
        for (i = 0; i < 5; i++) {
            int u = (i + round * 2) % 5;
            query(&q, "zones", NULL, 0, 50);
            q.count_cap = 100;
            text(filter(&q, "unit"), units[u]);
            CHECK_EQ_INT(list(&q, want[u], &page, &d), KHU_OK);
        }
    }
    /* with other filters, bound after the scope */
    query(&q, "zones", "industrial_ha", 1, 1);
    q.count_cap = 100;
    text(filter(&q, "kind"), "kcn");
    text(filter(&q, "unit"), "P9");
    text(filter(&q, "status"), "operating");
    CHECK_EQ_INT(list(&q, "kcn-alpha", &page, &d), KHU_OK);
    CHECK_EQ_INT(page.total, 2);
    CHECK_EQ_INT(page.more, 1);

    CHECK_EQ_INT(import_more("zones", csv, sizeof(csv) - 1), KHU_OK);
    query(&q, "zones", NULL, 0, 50);
    text(filter(&q, "unit"), "D1");
    CHECK_EQ_INT(list(&q, "ccn-gamma kcn-alpha kcn-zeta", &page, &d), KHU_OK);
    query(&q, "zones", NULL, 0, 50);
    text(filter(&q, "unit"), "P9");
    text(filter(&q, "status"), "operating");
    CHECK_EQ_INT(list(&q, "ccn-gamma kcn-alpha kcn-beta kcn-zeta", &page, &d), KHU_OK);
}

int main(void)
{
    static const char *const suffix[] = {"", "-wal", "-shm"};
    char path[256];
    struct khu_diag d;
    int i;

    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof(path), "%s/list.db", dir);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &st, &d), KHU_OK);
    if (st && load_fixture() == 0) {
        test_filters();
        test_sort_and_after();
        test_rows();
        test_errors();
        test_search_in_key_order();
        test_held_rows();
        test_unit_scopes_kept();
    } else {
        TEST_FAIL_AT(__FILE__, __LINE__, "could not load the fixture");
    }
    store_close(st);
    for (i = 0; i < 3; i++) {
        snprintf(path, sizeof(path), "%s/list.db%s", dir, suffix[i]);
        unlink(path);
    }
    rmdir(dir);
    return test_report("test_store_list");
}
