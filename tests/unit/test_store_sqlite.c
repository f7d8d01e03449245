/* SPDX-License-Identifier: MIT */
/*
 * Tests of the SQLite backend itself (this file may reach behind the store
 * interface): migrations from an empty file and from every earlier
 * version, the schema in SQL agreeing with core/schema, and the importer's
 * all-or-nothing behaviour in process.
 */
#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/schema.h"
#include "core/xalloc.h"
#include "store/import.h"
#include "store/check.h"
#include "store/sqlite/migrations.h"
#include "store/list.h"
#include "store/sqlite/sq.h"
#include "store/sqlite/sq_list.h"
#include "store/store.h"
#include "test.h"

static char dir[] = "/tmp/khu-store-XXXXXX";
static const struct store_actor test_actor = {"test", ""};

static void db_path(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", dir, name);
}

static long count(struct store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long v = -1;

    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

/* Every table of core/schema exists with the same columns in the same order,
 * leaving out the internal "search" column, which searchable tables have
 * (columns added by a later migration come after it). */
static void test_schema_matches(struct store *s)
{
    const struct table_def *t = NULL;
    size_t i, n, col;
    int search;
    sqlite3_stmt *st = NULL;
    char sql[128];

    t = schema_tables(&n);
    for (i = 0; i < n; i++) {
        snprintf(sql, sizeof(sql), "SELECT name FROM pragma_table_info('%s') ORDER BY cid",
                 t[i].name);
        CHECK(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK);
        col = 0;
        search = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *name = (const char *)sqlite3_column_text(st, 0);
            if (strcmp(name, "search") == 0) {
                search++;
                continue;
            }
            if (col < t[i].ncols)
                CHECK_EQ_STR(name, t[i].cols[col].name);
            col++;
        }
        CHECK_EQ_INT(col, t[i].ncols);
        CHECK_EQ_INT(search, t[i].searchable ? 1 : 0);
        sqlite3_finalize(st);
    }
}

static void test_from_empty(void)
{
    char path[256];
    struct store *s = NULL;
    struct khu_diag d;

    db_path(path, sizeof(path), "empty.db");
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    CHECK_EQ_INT(store_version(s), MIGRATION_LATEST);
    CHECK(store_is_empty(s));
    test_schema_matches(s);
    store_close(s);
    /* read-only open of the migrated file works, and reads the file
     * through a mapping (the writer keeps its page cache) */
    CHECK_EQ_INT(store_open(path, STORE_READ_ONLY, &s, &d), KHU_OK);
    if (s)
        CHECK_EQ_INT(count(s, "PRAGMA mmap_size"), 1073741824);
    store_close(s);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    if (s)
        CHECK_EQ_INT(count(s, "PRAGMA mmap_size"), 0);
    store_close(s);
}

/* What store_open_with told of its migrations: "S5 D5 " for the start
 * of version 5 and its commit; how often work was said to go on, and
 * during which version last. */
struct told {
    char text[256];
    int from, bad, working, working_in, started;
    unsigned working_mask; /* bit v: migration v told it was working */
};

static void on_migration(void *arg, const struct store_migration *m)
{
    struct told *t = arg;
    size_t n = strlen(t->text);

    t->from = m->from;
    t->bad += m->latest != MIGRATION_LATEST || !m->about || !m->about[0];
    if (m->step == STORE_MIGRATION_WORKING) {
        t->working++;
        t->working_in = m->version;
        t->working_mask |= 1u << m->version;
        t->bad += m->version != t->started; /* only between a start and its commit */
        return;
    }
    if (m->step == STORE_MIGRATION_START)
        t->started = m->version;
    snprintf(t->text + n, sizeof(t->text) - n, "%c%d ",
             m->step == STORE_MIGRATION_START ? 'S' : 'D', m->version);
}

/* Builds a database at schema version v with one zone (and, with
 * enterprises, that many firms), then opens it read-write: it must reach
 * the latest version with the zone intact and searchable, each migration
 * told as it starts and once committed, in order. */
static void test_from_version(int v, int enterprises)
{
    char path[256], name[32], pragma[64], want[256] = "";
    sqlite3 *db = NULL;
    struct store *s = NULL;
    struct khu_diag d;
    struct told told = {"", -1, 0, 0, 0, 0};
    size_t n;
    int i;

    snprintf(name, sizeof(name), "v%d%s.db", v, enterprises ? "e" : "");
    db_path(path, sizeof(path), name);
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    for (i = 1; i <= v; i++)
        CHECK(sqlite3_exec(db, migration_sql(i), NULL, NULL, NULL) == SQLITE_OK);
    snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", v);
    CHECK(sqlite3_exec(db, pragma, NULL, NULL, NULL) == SQLITE_OK);
    CHECK(sqlite3_exec(db,
                       "INSERT INTO zones(code, kind, name_vi, search) VALUES"
                       " ('kcn-old', 'kcn', 'KCN Đức Hòa Cũ', 'kcn old kcn duc hoa cu')",
                       NULL, NULL, NULL) == SQLITE_OK);
    CHECK(sqlite3_exec(db,
                       enterprises ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                                     " FROM n LIMIT 20000) INSERT INTO enterprises(tax_code,"
                                     " name, search) SELECT printf('%010d', 7000000 - i),"
                                     " 'Firm ' || i, 'firm ' || i FROM n"
                                   : "SELECT 1",
                       NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
    if (v < MIGRATION_LATEST) { /* read-only, it is refused with what to do, and left as it is */
        khu_diag_clear(&d);
        CHECK_EQ_INT(store_open(path, STORE_READ_ONLY, &s, &d), KHU_EINVAL);
        CHECK(s == NULL && strstr(d.message, "open it for writing once") != NULL);
    }
    CHECK_EQ_INT(store_open_with(path, STORE_READ_WRITE, on_migration, &told, &s, &d), KHU_OK);
    for (i = v + 1; i <= MIGRATION_LATEST; i++) {
        n = strlen(want);
        snprintf(want + n, sizeof(want) - n, "S%d D%d ", i, i);
    }
    CHECK_EQ_STR(told.text, want);
    CHECK_EQ_INT(told.from, v < MIGRATION_LATEST ? v : -1);
    CHECK_EQ_INT(told.bad, 0);
    if (enterprises) /* renumbering thousands of firms is work worth telling of */
        CHECK(told.working > 0 && (told.working_mask & (1u << 5))); /* the renumbering */
    if (!s)
        return;
    CHECK_EQ_INT(store_version(s), MIGRATION_LATEST);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises"), enterprises ? 20000 : 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM zones WHERE code = 'kcn-old'"), 1);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM zones_fts WHERE zones_fts MATCH 'duc hoa'"), 1);
    test_schema_matches(s);
    store_close(s);
}

static void test_newer_version_refused(void)
{
    char path[256];
    sqlite3 *db = NULL;
    struct store *s = NULL;
    struct khu_diag d;

    db_path(path, sizeof(path), "future.db");
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL);
    sqlite3_close(db);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_EINVAL);
    CHECK(s == NULL);
    CHECK(strstr(d.message, "newer than this khu knows") != NULL);
}

static int reported;
static char last_error[512];

static void on_error(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    reported++;
    snprintf(last_error, sizeof(last_error), "%s:%ld:%ld: %s: %s", file, d->line, d->column,
             d->field, d->message);
}

/* Provenance and sources refused with what and where: a second source
 * with the same cite names the cite, not the key; a provenance token that
 * names no figure of a zone; nothing is written, and a successful import
 * records when each table it loaded changed. */
static void test_provenance_refused(void)
{
    char path[256];
    struct store *s = NULL;
    struct importer *im = NULL;
    struct khu_diag d;
    static const char sources[] = "code,cite\na,https://x.vn/1\nb,https://x.vn/1\n";
    static const char zones[] = "code,kind,name_vi,provenance\nz1,kcn,KCN Một,total_ha=a area=a\n";
    static const char good[] = "code,cite\na,https://x.vn/1\n";

    db_path(path, sizeof(path), "provenance.db");
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    reported = 0;
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "sources", "s.csv", sources, sizeof(sources) - 1),
                 KHU_EINVAL);
    CHECK_EQ_STR(last_error, "s.csv:3:3: cite: duplicate cite 'https://x.vn/1': another row in "
                             "the database or earlier in this file has it");
    CHECK_EQ_INT(importer_add_csv(im, "zones", "z.csv", zones, sizeof(zones) - 1), KHU_EINVAL);
    CHECK_EQ_STR(last_error, "z.csv:2:16: provenance: 'area=a' does not name a figure of a zone");
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_EINVAL);
    CHECK_EQ_INT(reported, 2);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM sources"), 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM dataset_updates"), 0);
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "sources", "s.csv", good, sizeof(good) - 1), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM dataset_updates WHERE name = 'sources'"
                          " AND updated_at LIKE '20__-__-__T__:__:__Z'"),
                 1);
    store_close(s);
}

/* Two files in one importer; an error in the second leaves the first
 * unwritten too. */
static void test_all_or_nothing(void)
{
    char path[256];
    struct store *s = NULL;
    struct importer *im = NULL;
    struct khu_diag d;
    static const char units[] = "code,name_vi,level\nX1,Tỉnh X,province\n";
    static const char zones[] = "code,kind,name_vi,unit_code\nz1,kcn,KCN Một,X1\n"
                                "z2,kcn,KCN Hai,X404\n";

    db_path(path, sizeof(path), "atomic.db");
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    reported = 0;
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "units", "u.csv", units, sizeof(units) - 1), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "zones", "z.csv", zones, sizeof(zones) - 1), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_EINVAL);
    CHECK_EQ_INT(reported, 1);
    CHECK_EQ_STR(last_error, "z.csv:3:16: unit_code: 'X404' is not in units");
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM units"), 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM zones"), 0);
    /* torture: every allocation failing in turn never crashes or half-writes */
    {
        unsigned long n;
        enum khu_err err = KHU_ENOMEM;
        for (n = 1; n < 400 && err != KHU_EINVAL; n++) {
            im = NULL;
            xalloc_fail_after(n);
            err = importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d);
            if (!err)
                err = importer_add_csv(im, "units", "u.csv", units, sizeof(units) - 1);
            if (!err)
                err = importer_add_csv(im, "zones", "z.csv", zones, sizeof(zones) - 1);
            if (im && err && err != KHU_EINVAL)
                importer_abort(im);
            else if (im)
                err = importer_finish(im, NULL);
            xalloc_fail_after(0);
            CHECK(err == KHU_ENOMEM || err == KHU_EINVAL || err == KHU_EDB);
            CHECK_EQ_INT(count(s, "SELECT count(*) FROM zones"), 0);
        }
        CHECK_EQ_INT(err, KHU_EINVAL);
    }
    store_close(s);
}

/* A file large enough to load before its table's indexes gets them back,
 * built, before COMMIT; a failing one leaves them untouched. */
static void test_bulk_indexes(void)
{
    char path[256];
    struct store *s = NULL;
    struct importer *im = NULL;
    struct khu_diag d;
    struct buf csv;
    long i;
    static const char *const idx = "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                   " AND name IN ('enterprises_zone', 'enterprises_unit')";

    db_path(path, sizeof(path), "bulk.db");
    buf_init(&csv, 64 << 20);
    buf_puts(&csv, "tax_code,name,employees\n");
    for (i = 0; csv.len < IMPORT_BULK_BYTES + 1024; i++)
        buf_printf(&csv, "%010ld,Công ty TNHH Số %ld có tên khá dài cho tệp lớn,%ld\n",
                   2000000000 + i, i, i % 900);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "enterprises", "big.csv", csv.data, csv.len), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises"), i);
    CHECK_EQ_INT(count(s, idx), 2);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises_fts WHERE enterprises_fts MATCH"
                          " 'cong ty'"),
                 i);
    /* the full-text index was built in one segment, and merges again as
     * rows change (FTS5's default, 4, written back) */
    CHECK_EQ_INT(count(s, "SELECT count(DISTINCT segid) FROM enterprises_fts_idx"), 1);
    CHECK_EQ_INT(count(s, "SELECT v FROM enterprises_fts_config WHERE k = 'automerge'"), 4);
    /* a failing bulk import: rolled back, indexes still there */
    buf_puts(&csv, "bad,row,x\n");
    CHECK_EQ_INT(importer_begin(s, &test_actor, 1, 0, on_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "enterprises", "big.csv", csv.data, csv.len), KHU_EINVAL);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_EINVAL);
    CHECK_EQ_INT(count(s, idx), 2);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises"), i);
    store_close(s);
    buf_free(&csv);
}

static void every_error(void *arg, const char *file, const struct khu_diag *d)
{
    buf_printf(arg, "%s:%ld:%ld: %s: %s\n", file, d->line, d->column, d->field, d->message);
}

/* Imports one file of enterprises through an importer of its own, errors
 * into errors; returns what importer_add_csv answered, which
 * importer_finish must answer too. */
static enum khu_err import_enterprises(struct store *s, const char *file, const char *csv,
                                       size_t len, struct buf *errors)
{
    struct importer *im = NULL;
    struct khu_diag d;
    enum khu_err added;

    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, every_error, errors, &im, &d), KHU_OK);
    if (!im)
        return KHU_EDB;
    added = importer_add_csv(im, "enterprises", file, csv, len);
    CHECK_EQ_INT(importer_finish(im, NULL), added);
    return added;
}

/* Enterprises are inserted in key order (their rowid follows the key), yet
 * every error is still reported in the file's order, a duplicate at its
 * second line; the good rows all land, each with its rowid. */
static void test_key_order_import(void)
{
    static const char csv[] = "tax_code,name,employees,source\n"
                              "0900000001,Công ty A,1,t\n"
                              "0800000001,Công ty B,x,t\n"
                              "0700000001,Công ty C,3,t\n"
                              "0900000001,Công ty D,2,t\n"
                              "0600000001,Công ty E,y,t\n"
                              "0500000001,Sunjin Vina,4,t\n";
    char path[256];
    struct store *s = NULL;
    struct khu_diag d;
    struct buf errors;

    db_path(path, sizeof(path), "order.db");
    buf_init(&errors, 1 << 16);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    if (!s)
        return;
    CHECK_EQ_INT(import_enterprises(s, "o.csv", csv, sizeof(csv) - 1, &errors), KHU_EINVAL);
    CHECK(errors.len > 0 &&
          strstr(buf_cstr(&errors), "o.csv:3:22: employees: ") == buf_cstr(&errors));
    CHECK(strstr(buf_cstr(&errors), "\no.csv:5:1: tax_code: duplicate key '0900000001'") != NULL);
    CHECK(strstr(buf_cstr(&errors), "\no.csv:6:22: employees: ") != NULL);
    CHECK(strstr(buf_cstr(&errors), "o.csv:3:") < strstr(buf_cstr(&errors), "o.csv:6:"));
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises"), 0);
    /* without the bad rows it lands, in key order, each row at its rowid */
    buf_reset(&errors);
    {
        static const char good[] = "tax_code,name,source\n0900000001,Công ty A,t\n"
                                   "0700000001,Công ty C,t\n0500000001,Sunjin Vina,t\n"
                                   "0500000001-001,Sunjin Vina Co,t\n";
        CHECK_EQ_INT(import_enterprises(s, "g.csv", good, sizeof(good) - 1, &errors), KHU_OK);
    }
    CHECK_EQ_INT((long)errors.len, 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises"), 4);
    CHECK_EQ_INT(count(s, "SELECT rowid FROM enterprises WHERE tax_code = '0700000001'"),
                 700000001LL * 2001);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises_fts WHERE enterprises_fts MATCH"
                          " 'cong AND ty'"),
                 2);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises_fts WHERE enterprises_fts MATCH"
                          " 'sunjin AND co'"),
                 1);
    store_close(s);
    buf_free(&errors);
}

/* A record whose key comes in order goes in as it is read; one out of
 * order waits and goes in sorted once the file is read. Either way a key
 * seen twice is refused at its second line, and what lands is the same. */
static void test_key_order_streamed(void)
{
    static const char dups[] = "tax_code,name,source\n"
                               "0100000001,A,t\n"  /* 2: in order, in at once */
                               "0200000001,B,t\n"  /* 3 */
                               "0200000001,B2,t\n" /* 4: same key, in order */
                               "0300000001,C,t\n"  /* 5 */
                               "0150000001,D,t\n"  /* 6: out of order: waits */
                               "0300000001,E,t\n"  /* 7: same key as 5, in order again */
                               "0400000001,F,t\n"; /* 8 */
    static const char good[] = "tax_code,name,source\n"
                               "0100000001,A,t\n0200000001,B,t\n0300000001,C,t\n"
                               "0150000001,D,t\n0400000001,F,t\n0120000001,G,t\n";
    char path[256];
    struct store *s = NULL;
    struct khu_diag d;
    struct buf errors;
    const char *e;

    db_path(path, sizeof(path), "streamed.db");
    buf_init(&errors, 1 << 16);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    if (!s)
        return;
    CHECK_EQ_INT(import_enterprises(s, "d.csv", dups, sizeof(dups) - 1, &errors), KHU_EINVAL);
    e = buf_cstr(&errors);
    CHECK(strstr(e, "d.csv:4:1: tax_code: duplicate key '0200000001'") == e);
    CHECK(strstr(e, "\nd.csv:7:1: tax_code: duplicate key '0300000001'") != NULL);
    CHECK(strstr(e, "d.csv:3:") == NULL && strstr(e, "d.csv:5:") == NULL);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises"), 0);
    buf_reset(&errors);
    CHECK_EQ_INT(import_enterprises(s, "g.csv", good, sizeof(good) - 1, &errors), KHU_OK);
    CHECK_EQ_INT((long)errors.len, 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises"), 6);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises WHERE rowid IS NOT"
                          " (CAST(tax_code AS INTEGER) * 2001)"),
                 0);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises_fts WHERE enterprises_fts MATCH 'g'"),
                 1);
    store_close(s);
    buf_free(&errors);
}

struct progress_seen {
    long calls, backwards;
    size_t last, total;
};

static void on_progress(void *arg, const char *table, long records, size_t done, size_t total)
{
    struct progress_seen *p = arg;

    (void)table;
    (void)records;
    p->backwards += done < p->last || done > total;
    p->calls++;
    p->last = done;
    p->total = total;
}

/* Progress only moves forward and ends at the file's size, whether its keys
 * come in order, partly, or not at all. */
static void test_key_order_progress(void)
{
    static const int in_order[] = {10000, 6000, 0}; /* records in order before the rest */
    char path[256], name[32];
    size_t k;
    int i;

    for (k = 0; k < sizeof(in_order) / sizeof(in_order[0]); k++) {
        struct store *s = NULL;
        struct importer *im = NULL;
        struct progress_seen seen = {0, 0, 0, 0};
        struct khu_diag d;
        struct buf csv;

        snprintf(name, sizeof(name), "progress%zu.db", k);
        db_path(path, sizeof(path), name);
        buf_init(&csv, 1 << 22);
        buf_puts(&csv, "tax_code,name,source\n");
        for (i = 0; i < 10000; i++) /* past in_order[k], keys descend */
            buf_printf(&csv, "%010d,Firm %d,t\n", i < in_order[k] ? 100000 + i : 900000 - i, i);
        CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
        if (!s) {
            buf_free(&csv);
            continue;
        }
        CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d), KHU_OK);
        importer_set_progress(im, on_progress, &seen);
        CHECK_EQ_INT(importer_add_csv(im, "enterprises", "p.csv", csv.data, csv.len), KHU_OK);
        CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
        CHECK_EQ_INT(seen.backwards, 0);
        CHECK(seen.calls >= 3);
        CHECK_EQ_INT((long)seen.last, (long)csv.len);
        CHECK_EQ_INT((long)seen.total, (long)csv.len);
        CHECK_EQ_INT(count(s, "SELECT count(*) FROM enterprises"), 10000);
        store_close(s);
        buf_free(&csv);
    }
}

/* The search text keeps each word once, in its first place. */
static void test_search_text_words_once(void)
{
    const struct table_def *t = schema_table("enterprises");
    const char *values[IMPORT_MAX_FIELDS] = {0};
    struct buf out;
    int name = schema_col_index(t, "name"), name_en = schema_col_index(t, "name_en");
    int products = schema_col_index(t, "products"), tax = schema_col_index(t, "tax_code");

    buf_init(&out, 1 << 16);
    values[tax] = "0100008147";
    values[name] = "Công ty TNHH Sunjin Precision Vina";
    values[name_en] = "Sunjin Precision Vina Co., Ltd.";
    values[products] = "linh kiện điện tử, điện tử  công nghiệp; Vina";
    CHECK_EQ_INT(import_search_text(t, values, &out), KHU_OK);
    CHECK_EQ_STR(buf_cstr(&out), "0100008147 cong ty tnhh sunjin precision vina co ltd linh kien"
                                 " dien tu nghiep");
    /* nothing to fold: empty */
    memset(values, 0, sizeof(values));
    CHECK_EQ_INT(import_search_text(t, values, &out), KHU_OK);
    CHECK_EQ_STR(buf_cstr(&out), "");
    buf_free(&out);
}

static int last_finding(void *arg, const char *finding)
{
    snprintf(arg, 256, "%s", finding);
    return 0;
}

/* An enterprise's rowid follows its tax code (migration 5): the importer
 * writes it, and the schema refuses any other, on insert and on a change of
 * the code, whoever writes. */
/* The rowid made from a tax code gives the code back (migration_key_of_rowid),
 * for random codes of the three forms; a number no code makes gives none. */
static void test_tax_code_of_rowid(struct store *s)
{
    migration_key_of_rowid_fn fn = migration_key_of_rowid("enterprises");
    sqlite3_stmt *st = NULL;
    char code[32], back[MIGRATION_KEY_MAX];
    unsigned seed = 7;
    int i;

    CHECK(fn != NULL);
    CHECK(migration_key_of_rowid("zones") == NULL);
    if (!fn || sqlite3_prepare_v2(s->db, "SELECT " SQ_TAX_CODE_ROWID("?1"), -1, &st, NULL))
        return;
    for (i = 0; i < 3000; i++) {
        unsigned long long head;
        seed = seed * 1103515245u + 12345u;
        head = (unsigned long long)seed * 2654435761u % 10000000000ULL;
        if (i % 3 == 0)
            snprintf(code, sizeof(code), "%010llu", head);
        else if (i % 3 == 1)
            snprintf(code, sizeof(code), "%010llu-%03u", head, (seed >> 8) % 1000);
        else
            snprintf(code, sizeof(code), "%010llu%03u", head, (seed >> 8) % 1000);
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
        CHECK_EQ_INT(sqlite3_step(st), SQLITE_ROW);
        CHECK_EQ_INT(fn(sqlite3_column_int64(st, 0), back), strlen(code));
        CHECK_EQ_STR(back, code);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    CHECK_EQ_INT(fn(-1, back), 0);
    CHECK_EQ_INT(fn(10000000000LL * 2001, back), 0);
}

static void test_enterprise_rowid(void)
{
    static const char csv[] = "tax_code,name,source\n0500000001-002,A,t\n0500000001001,B,t\n"
                              "0500000001,C,t\n";
    static const char bad[] = "tax_code,name,zone_code,source\n0500000002,A,,t\n"
                              "0500000001,B,z404,t\n0400000001,C,,t\n";
    char path[256];
    struct store *s = NULL;
    struct importer *im = NULL;
    struct khu_diag d;
    char *msg = NULL;

    db_path(path, sizeof(path), "rowid.db");
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    if (!s)
        return;
    /* a dangling reference is reported at its own line, though rows are
     * not logged in rowid order */
    reported = 0;
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "enterprises", "bad.csv", bad, sizeof(bad) - 1), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_EINVAL);
    CHECK_EQ_INT(reported, 1);
    CHECK_EQ_STR(last_error, "bad.csv:3:14: zone_code: 'z404' is not in zones");
    im = NULL;
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "enterprises", "e.csv", csv, sizeof(csv) - 1), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    CHECK_EQ_INT(count(s, "SELECT rowid FROM enterprises WHERE tax_code = '0500000001'"),
                 500000001LL * 2001);
    CHECK_EQ_INT(count(s, "SELECT rowid FROM enterprises WHERE tax_code = '0500000001-002'"),
                 500000001LL * 2001 + 3);
    CHECK_EQ_INT(count(s, "SELECT rowid FROM enterprises WHERE tax_code = '0500000001001'"),
                 500000001LL * 2001 + 1002);
    CHECK_EQ_INT(count(s, "SELECT count(*) FROM (SELECT rowid r, lag(rowid) OVER"
                          " (ORDER BY tax_code) p FROM enterprises) WHERE p >= r"),
                 0);
    test_tax_code_of_rowid(s);
    CHECK(sqlite3_exec(s->db, "INSERT INTO enterprises(tax_code, name) VALUES ('0600000001', 'D')",
                       NULL, NULL, &msg) == SQLITE_CONSTRAINT_TRIGGER);
    CHECK(msg && strstr(msg, "rowid must be made from the tax code"));
    sqlite3_free(msg);
    CHECK(sqlite3_exec(s->db, "UPDATE enterprises SET tax_code = '0600000001' WHERE name = 'C'",
                       NULL, NULL, NULL) == SQLITE_CONSTRAINT_TRIGGER);
    CHECK(sqlite3_exec(s->db,
                       "UPDATE enterprises SET tax_code = '0600000001', rowid = 600000001 * 2001"
                       " WHERE name = 'C'",
                       NULL, NULL, NULL) == SQLITE_OK);
    /* the full-text index follows the row to its new rowid */
    CHECK_EQ_INT(count(s, "SELECT rowid FROM enterprises_fts WHERE enterprises_fts MATCH 'c'"),
                 600000001LL * 2001);
    /* a rowid changed behind the triggers' back (as a VACUUM may) is found */
    CHECK(sqlite3_exec(s->db,
                       "DROP TRIGGER enterprises_rowid_au;"
                       " UPDATE enterprises SET rowid = 7 WHERE name = 'A'",
                       NULL, NULL, NULL) == SQLITE_OK);
    {
        char finding[256] = "";
        CHECK_EQ_INT(store_check_integrity(s, last_finding, finding, &d), KHU_OK);
        CHECK_EQ_STR(finding, "enterprises: rowids not made from the key: 1 (after a VACUUM?);"
                              " re-import the table");
    }
    store_close(s);
}

/* Every value of every row handed out, as text, one row per line; with
 * hold set, every third row asked about is held. */
struct dump {
    struct buf out;
    int hold, asked;
};

static int dump_row(void *arg, const struct khu_row *row)
{
    struct dump *x = arg;
    int i;

    for (i = 0; i < row->n; i++) {
        const struct khu_value *v = row_at(row, i);
        if (v->type == KHU_V_TEXT)
            buf_printf(&x->out, "%s%.*s", i ? "|" : "", (int)v->n, v->s);
        else if (v->type == KHU_V_NULL)
            buf_puts(&x->out, i ? "|-" : "-");
        else
            buf_printf(&x->out, "%s%.17g", i ? "|" : "", v->r);
    }
    buf_putc(&x->out, '\n');
    return 0;
}

static int hold_every_third(void *arg, const char *key, size_t n)
{
    struct dump *x = arg;

    (void)key;
    (void)n;
    return x->hold && ++x->asked % 3 == 0;
}

/* Lines of text, every third one dropped. */
static void drop_every_third(const char *text, struct buf *out)
{
    int line = 0;

    while (*text) {
        const char *end = strchr(text, '\n');
        size_t n = end ? (size_t)(end - text + 1) : strlen(text);
        if (++line % 3 != 0)
            buf_append(out, text, n);
        text += n;
    }
}

/* The second pass of a sorted page hands rows out in page order even when
 * the database returns them in another: rows that come early are copied
 * whole until their turn, across chunks of the page. */
static void test_rows_out_of_order(void)
{
    char path[256];
    struct store *s = NULL;
    struct importer *im = NULL;
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;
    struct buf csv, want;
    struct dump in_order = {0}, reversed = {0}, held = {0};
    int i;

    db_path(path, sizeof(path), "order2.db");
    buf_init(&csv, 1 << 20);
    buf_init(&want, 1 << 22);
    buf_init(&in_order.out, 1 << 22);
    buf_init(&reversed.out, 1 << 22);
    buf_init(&held.out, 1 << 22);
    buf_puts(&csv, "code,kind,name_vi,status,total_ha,industrial_ha,leased_ha,note,source\n");
    for (i = 0; i < 150; i++) /* more than two chunks; ties on industrial_ha; NULLs */
        buf_printf(&csv, "z-%03d,kcn,\"KCN %d \"\"số\"\"\",operating,%s,%s,%d,%s,t\n",
                   (i * 37) % 150, i, i % 7 ? "" : "12", i % 13 ? "7.5" : "", i % 5,
                   i % 2 ? "ghi chú dài hơn" : "");
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    if (!s)
        goto out;
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, every_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "zones", "z.csv", csv.data, csv.len), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    memset(&q, 0, sizeof(q));
    q.resource = "zones";
    q.sort = "industrial_ha";
    q.desc = 1;
    q.limit = 140;
    q.derived[0] = "available_ha";
    CHECK_EQ_INT(store_list(s, &q, dump_row, &in_order, &page, &d), KHU_OK);
    CHECK_EQ_INT(page.rows, 140);
    CHECK_EQ_INT(page.more, 1);
    /* 7.5 ha before the unknown, ties by code: z-001 (row 73) first */
    CHECK(strstr(buf_cstr(&in_order.out), "z-001|kcn|KCN 73 \"số\"|") == buf_cstr(&in_order.out));
    CHECK(strstr(buf_cstr(&in_order.out), "ghi chú dài hơn") != NULL);
    sq_list_fetch_reversed = 1;
    CHECK_EQ_INT(store_list(s, &q, dump_row, &reversed, &page, &d), KHU_OK);
    CHECK_EQ_STR(buf_cstr(&reversed.out), buf_cstr(&in_order.out));
    CHECK_EQ_INT(page.rows, 140);
    CHECK_EQ_STR(page.last_key, "z-005"); /* the second of the unknown */
    /* with every third row held: the others, in the same order */
    held.hold = 1;
    q.holds = hold_every_third;
    CHECK_EQ_INT(store_list(s, &q, dump_row, &held, &page, &d), KHU_OK);
    CHECK_EQ_INT(held.asked, 140);
    CHECK_EQ_INT(page.rows, 140);
    drop_every_third(buf_cstr(&in_order.out), &want);
    CHECK_EQ_STR(buf_cstr(&held.out), buf_cstr(&want));
    sq_list_fetch_reversed = 0;
    store_close(s);
out:
    buf_free(&csv);
    buf_free(&want);
    buf_free(&in_order.out);
    buf_free(&reversed.out);
    buf_free(&held.out);
}

/* ===== the words of a search as the index's terms ===== */

static unsigned terms_seed = 12345;

static unsigned next_random(void)
{
    terms_seed = terms_seed * 1103515245u + 12345u;
    return (terms_seed >> 16) & 0x7fff;
}

/* A word of 1 to max letters of "abc": few letters, so that prefixes share
 * from one to hundreds of terms. */
static void random_word(char *w, int max)
{
    int n = 1 + (int)(next_random() % (unsigned)max), i;

    for (i = 0; i < n; i++)
        w[i] = "abc"[next_random() % 3];
    w[n] = '\0';
}

static int compare_texts(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The keys a search finds through store_list, sorted, one per line. */
static void keys_found(struct store *s, const char *resource, const char *words, struct buf *out,
                       long *total)
{
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;
    struct dump got = {0};

    memset(&q, 0, sizeof(q));
    q.resource = resource;
    q.search = words;
    q.limit = 5000;
    q.count_cap = 5000;
    buf_init(&got.out, 1 << 22);
    CHECK_EQ_INT(store_list(s, &q, dump_row, &got, &page, &d), KHU_OK);
    CHECK_EQ_INT(page.more, 0);
    *total = page.total;
    /* a page of one: the total is the hits counted (kept for the next
     * search of the same words), exact under the cap, else the cap */
    {
        struct dump one = {0};
        long cap;
        buf_init(&one.out, 1 << 16);
        for (cap = 2; cap <= 5000; cap += 4998) {
            q.limit = 1;
            q.count_cap = cap;
            CHECK_EQ_INT(store_list(s, &q, dump_row, &one, &page, &d), KHU_OK);
            CHECK_EQ_INT(page.total, *total < cap ? *total : cap);
            CHECK_EQ_INT(page.total_exact, *total <= cap);
        }
        buf_free(&one.out);
    }
    /* the keys (before the first '|' of each line), sorted byte by byte
     * as the database sorts them on the other side */
    {
        static char *keys[5000];
        char *p = got.out.len ? got.out.data : "";
        size_t nkeys = 0, i;
        while (*p && nkeys < 5000) {
            char *end = strchr(p, '\n');
            keys[nkeys++] = p;
            p[strcspn(p, "|\n")] = '\0';
            p = end ? end + 1 : p + strlen(p);
        }
        qsort(keys, nkeys, sizeof(keys[0]), compare_texts);
        for (i = 0; i < nkeys; i++)
            buf_printf(out, "%s%s", i ? "\n" : "", keys[i]);
    }
    buf_free(&got.out);
}

/* The keys FTS5 itself finds for the words, each a prefix query "w"*. */
static void keys_of_prefixes(struct store *s, const char *table, const char *key, const char *words,
                             struct buf *out)
{
    struct buf match;
    const char *p;
    char *sql;
    sqlite3_stmt *st = NULL;

    buf_init(&match, 4096);
    for (p = words; *p;) {
        size_t n = strcspn(p, " ");
        buf_printf(&match, "%s\"%.*s\"*", match.len ? " " : "", (int)n, p);
        p += n + (p[n] == ' ');
    }
    sql = sqlite3_mprintf("SELECT coalesce(group_concat(%s, char(10)), '') FROM (SELECT %s FROM %s"
                          " WHERE rowid IN (SELECT rowid FROM %s_fts WHERE %s_fts MATCH ?1)"
                          " ORDER BY %s)",
                          key, key, table, table, table, key);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, buf_cstr(&match), -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            buf_puts(out, (const char *)sqlite3_column_text(st, 0));
    }
    CHECK(st != NULL);
    sqlite3_finalize(st);
    sqlite3_free(sql);
    buf_free(&match);
}

/* The terms of the index that begin with w. */
static long terms_of(struct store *s, const char *table, const char *w)
{
    char sql[512];

    sqlite3_exec(s->db,
                 "CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_zone_terms USING"
                 " fts5vocab(main, zones_fts, row);"
                 "CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_enterprise_terms USING"
                 " fts5vocab(main, enterprises_fts, row)",
                 NULL, NULL, NULL);
    snprintf(sql, sizeof(sql),
             "SELECT count(*) FROM temp.test_%s_terms WHERE substr(term, 1, %d) = '%s'", table,
             (int)strlen(w), w);
    return count(s, sql);
}

/* A search names the index's terms in place of a long prefix (sq_terms.c):
 * over hundreds of random words and pairs, whatever the number of terms a
 * word stands for (none, one, up to SQ_TERMS_MAX, more), it finds exactly
 * the rows FTS5's own prefix query finds, in zones (hits counted first)
 * and in enterprises (the index drives the page in key order); and a word
 * kept by the connection sees a change committed by this connection or by
 * another. */
static void test_search_terms(void)
{
    char path[256], w1[16], w2[16], words[40];
    struct store *s = NULL, *other = NULL;
    struct importer *im = NULL;
    struct khu_diag d;
    struct buf zones, firms, got, want;
    int i, round, kinds[4] = {0};
    long total;

    db_path(path, sizeof(path), "terms.db");
    buf_init(&zones, 1 << 20);
    buf_init(&firms, 1 << 20);
    buf_init(&got, 1 << 20);
    buf_init(&want, 1 << 20);
    buf_puts(&zones, "code,kind,name_vi\n");
    buf_puts(&firms, "tax_code,name,source\n");
    for (i = 0; i < 600; i++) {
        random_word(w1, 8);
        random_word(w2, 8);
        buf_printf(&zones, "z-%03d,kcn,%s %s\n", i, w1, w2);
        random_word(w1, 8);
        random_word(w2, 8);
        buf_printf(&firms, "%010d,%s %s,t\n", 100000000 + i * 7919, w1, w2);
    }
    buf_puts(&zones, "z-cab,kcn,cabbage\n");
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    if (!s)
        goto out;
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, every_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "zones", "z.csv", zones.data, zones.len), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "enterprises", "e.csv", firms.data, firms.len), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    for (round = 0; round < 400; round++) {
        int zone = round % 2;
        long terms;

        random_word(w1, 7);
        random_word(w2, 6);
        snprintf(words, sizeof(words), round % 5 == 4 ? "%s %s" : "%s", w1, w2);
        buf_reset(&got);
        buf_reset(&want);
        keys_found(s, zone ? "zones" : "enterprises", words, &got, &total);
        keys_of_prefixes(s, zone ? "zones" : "enterprises", zone ? "code" : "tax_code", words,
                         &want);
        CHECK_EQ_STR(buf_cstr(&got), buf_cstr(&want));
        terms = terms_of(s, zone ? "zone" : "enterprise", w1);
        if (strlen(w1) >= 5 || strlen(w1) == 1)
            kinds[terms == 0 ? 0 : terms == 1 ? 1 : terms <= SQ_TERMS_MAX ? 2 : 3]++;
    }
    /* every kind of word was met: none, one, a few, too many terms */
    CHECK(kinds[0] > 0 && kinds[1] > 0 && kinds[2] > 0 && kinds[3] > 0);
    /* a word kept by this connection, then a change: by itself, then by another */
    buf_reset(&got);
    keys_found(s, "zones", "cabbage", &got, &total);
    CHECK_EQ_STR(buf_cstr(&got), "z-cab");
    CHECK_EQ_INT(importer_begin(s, &test_actor, 0, 0, every_error, NULL, &im, &d), KHU_OK);
    {
        static const char one[] = "code,kind,name_vi\nz-new,kcn,cabbages\n";
        CHECK_EQ_INT(importer_add_csv(im, "zones", "n.csv", one, strlen(one)), KHU_OK);
    }
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    buf_reset(&got);
    keys_found(s, "zones", "cabbage", &got, &total);
    CHECK_EQ_STR(buf_cstr(&got), "z-cab\nz-new");
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &other, &d), KHU_OK);
    if (other) {
        CHECK_EQ_INT(importer_begin(other, &test_actor, 0, 0, every_error, NULL, &im, &d), KHU_OK);
        static const char one[] = "code,kind,name_vi\nz-other,kcn,cabbageleaf\n";
        CHECK_EQ_INT(importer_add_csv(im, "zones", "o.csv", one, strlen(one)), KHU_OK);
        CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
        store_close(other);
    }
    buf_reset(&got);
    keys_found(s, "zones", "cabbage", &got, &total);
    CHECK_EQ_STR(buf_cstr(&got), "z-cab\nz-new\nz-other");
    CHECK_EQ_INT(total, 3);
    store_close(s);
out:
    buf_free(&zones);
    buf_free(&firms);
    buf_free(&got);
    buf_free(&want);
}

int main(void)
{
    int v;

    if (!mkdtemp(dir))
        return 1;
    test_from_empty();
    for (v = 1; v <= MIGRATION_LATEST; v++)
        test_from_version(v, 0);
    test_from_version(4, 1);
    test_newer_version_refused();
    test_all_or_nothing();
    test_provenance_refused();
    test_bulk_indexes();
    test_enterprise_rowid();
    test_key_order_import();
    test_key_order_streamed();
    test_key_order_progress();
    test_search_text_words_once();
    test_rows_out_of_order();
    test_search_terms();
    {
        /* remove the temporary files, whichever tests made them */
        DIR *dd = opendir(dir);
        struct dirent *e;
        char path[300];
        while (dd && (e = readdir(dd)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            unlink(path);
        }
        if (dd)
            closedir(dd);
        rmdir(dir);
    }
    return test_report("test_store");
}
