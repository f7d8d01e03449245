/* SPDX-License-Identifier: MIT */
/*
 * Tests of the store through its public interface only (no engine header,
 * nothing behind struct store), so that every backend must pass them:
 * opening and its errors, the one write path (commit, rollback of
 * everything a failed write did, one transaction per connection, the
 * actor, a busy database), the change generation seen from another
 * connection, the map of engine errors to khu's, and the use cases of
 * leads, whole-table scans and export.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "app/app_export.h"
#include "core/export.h"
#include "core/schema.h"
#include "store/import.h"
#include "store/leads.h"
#include "store/scan.h"
#include "store/store.h"
#include "test.h"

static char dir[] = "/tmp/khu-store-if-XXXXXX";
static const struct store_actor tester = {"test", ""};

static void path_in(char *out, size_t n, const char *name)
{
    snprintf(out, n, "%s/%s", dir, name);
}

static struct store *open_rw(const char *name)
{
    char path[256];
    struct store *s = NULL;
    struct khu_diag d;

    path_in(path, sizeof(path), name);
    khu_diag_clear(&d);
    if (store_open(path, STORE_READ_WRITE, &s, &d) != KHU_OK)
        TEST_FAIL_AT(__FILE__, __LINE__, "store_open %s: %s", name, d.message);
    return s;
}

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static struct store_lead lead(const char *code)
{
    return (struct store_lead){.code = code,
                               .company = "Hanil Parts",
                               .country = "KR",
                               .contact = "Kim <kim@hanil.example>",
                               .zones = NULL,
                               .received_on = "2025-01-02",
                               .note = "10 ha"};
}

static int count_row(void *arg, const struct khu_row *row)
{
    (void)row;
    ++*(long *)arg;
    return 0;
}

/* Leads in s, or -1 when the store fails. */
static long count_leads(struct store *s)
{
    struct khu_diag d;
    long n = 0;

    return store_leads_list(s, NULL, count_row, &n, NULL, &d) == KHU_OK ? n : -1;
}

/* 1 when text mentions none of: a path of this test, SQL, SQLite's own
 * words. */
static int safe_message(const char *text)
{
    return !strstr(text, dir) && !strchr(text, '/') && !strstr(text, "INSERT") &&
           !strstr(text, "UNIQUE") && !strstr(text, "locked") && !strstr(text, "SQL");
}

/* ===== opening ===== */

static void test_open_errors(void)
{
    char path[256];
    struct store *s = (struct store *)&s; /* must be reset to NULL */
    struct khu_diag d;
    unsigned char v[4];
    int fd, version;

    path_in(path, sizeof(path), "missing.db");
    khu_diag_clear(&d);
    CHECK(store_open(path, STORE_READ_ONLY, &s, &d) != KHU_OK);
    CHECK(s == NULL);
    CHECK(d.message[0] != '\0');
    if (!safe_message(d.message))
        TEST_FAIL_AT(__FILE__, __LINE__, "message names a path or the engine: %s", d.message);
    CHECK(access(path, F_OK) != 0); /* a read-only open creates nothing */

    /* a database written by a newer khu: schema version above this build's */
    s = open_rw("newer.db");
    version = store_latest_version();
    CHECK_EQ_INT(store_version(s), version);
    CHECK(store_is_empty(s) && store_is_blank(s));
    store_close(s);
    /* the version lives in the file's header (bytes 60-63, big-endian) */
    path_in(path, sizeof(path), "newer.db");
    fd = open(path, O_WRONLY);
    CHECK(fd >= 0);
    version++;
    v[0] = (unsigned char)(version >> 24);
    v[1] = (unsigned char)(version >> 16);
    v[2] = (unsigned char)(version >> 8);
    v[3] = (unsigned char)version;
    CHECK_EQ_INT(pwrite(fd, v, 4, 60), 4);
    close(fd);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_EINVAL);
    CHECK(s == NULL);
    CHECK(strstr(d.message, "newer than this khu") != NULL);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_open(path, STORE_READ_ONLY, &s, &d), KHU_EINVAL);
    CHECK(strstr(d.message, "schema version") != NULL);
    store_close(NULL); /* a no-op */
}

/* ===== the write path ===== */

struct two_leads {
    int fail_after; /* 0: commit; 1: fail after the first insert; 2: after both */
    int calls;
};

static enum khu_err insert_two(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct two_leads *w = arg;
    struct store_lead a = lead("lead-a"), b = lead("lead-b");
    enum khu_err err;

    w->calls++;
    err = store_lead_insert(tx, &a, d);
    if (!err && w->fail_after == 1)
        goto refuse;
    if (!err)
        err = store_lead_insert(tx, &b, d);
    if (!err && w->fail_after == 2)
        goto refuse;
    return err;
refuse:
    khu_diag_set(d, 0, 0, "zones", "refused on purpose");
    return KHU_EINVAL;
}

static void test_write_commits_and_rolls_back(void)
{
    struct store *s = open_rw("write.db"), *other = open_rw("write.db");
    struct two_leads w = {2, 0};
    struct store_tx *tx = NULL;
    struct store_lead c = lead("lead-c");
    struct khu_diag d;

    /* a failing write leaves nothing of what it did */
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_write(s, &tester, insert_two, &w, &d), KHU_EINVAL);
    CHECK_EQ_INT(w.calls, 1);
    CHECK_EQ_STR(d.message, "refused on purpose");
    CHECK_EQ_STR(d.field, "zones");
    CHECK_EQ_INT(count_leads(s), 0);
    CHECK_EQ_INT(count_leads(other), 0);
    /* the connection is free again: a good write commits, seen elsewhere */
    w.fail_after = 0;
    CHECK_EQ_INT(store_write(s, &tester, insert_two, &w, &d), KHU_OK);
    CHECK_EQ_INT(count_leads(s), 2);
    CHECK_EQ_INT(count_leads(other), 2);
    /* an explicit transaction rolled back, and one left open at close */
    CHECK_EQ_INT(store_tx_begin(s, &tester, &tx, &d), KHU_OK);
    CHECK_EQ_INT(store_lead_insert(tx, &c, &d), KHU_OK);
    CHECK_EQ_INT(count_leads(s), 3); /* the write sees itself */
    CHECK_EQ_INT(count_leads(other), 2);
    store_tx_rollback(tx);
    CHECK_EQ_INT(count_leads(s), 2);
    store_tx_rollback(NULL); /* a no-op */
    CHECK_EQ_INT(store_tx_begin(other, &tester, &tx, &d), KHU_OK);
    CHECK_EQ_INT(store_lead_insert(tx, &c, &d), KHU_OK);
    store_close(other); /* rolls back */
    CHECK_EQ_INT(count_leads(s), 2);
    /* an explicit transaction committed */
    CHECK_EQ_INT(store_tx_begin(s, &tester, &tx, &d), KHU_OK);
    CHECK_EQ_INT(store_lead_insert(tx, &c, &d), KHU_OK);
    CHECK_EQ_INT(store_tx_commit(tx, &d), KHU_OK);
    CHECK_EQ_INT(count_leads(s), 3);
    store_close(s);
}

static void test_one_tx_and_an_actor(void)
{
    struct store *s = open_rw("tx.db");
    struct store_tx *tx = NULL, *tx2 = (struct store_tx *)&tx2;
    struct store_actor anon, empty;
    struct two_leads w = {0, 0};
    struct khu_diag d;

    store_actor_set(&anon, "anonymous", "203.0.113.9");
    store_actor_set(&empty, NULL, NULL);
    CHECK_EQ_STR(empty.name, "");
    CHECK_EQ_STR(empty.address, "");
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_tx_begin(s, NULL, &tx, &d), KHU_EINVAL);
    CHECK(tx == NULL);
    CHECK(strstr(d.message, "actor") != NULL);
    CHECK_EQ_INT(store_tx_begin(s, &empty, &tx, &d), KHU_EINVAL);
    CHECK_EQ_INT(store_write(s, &empty, insert_two, &w, &d), KHU_EINVAL);
    CHECK_EQ_INT(w.calls, 0);

    CHECK_EQ_INT(store_tx_begin(s, &anon, &tx, &d), KHU_OK);
    CHECK_EQ_STR(store_tx_actor(tx)->name, "anonymous");
    CHECK_EQ_STR(store_tx_actor(tx)->address, "203.0.113.9");
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_tx_begin(s, &tester, &tx2, &d), KHU_ECONFLICT);
    CHECK(tx2 == NULL);
    CHECK(d.message[0] != '\0');
    CHECK_EQ_INT(store_write(s, &tester, insert_two, &w, &d), KHU_ECONFLICT);
    CHECK_EQ_INT(w.calls, 0);
    store_tx_rollback(tx);
    CHECK_EQ_INT(count_leads(s), 0);
    CHECK_EQ_INT(store_tx_begin(s, &tester, &tx2, &d), KHU_OK); /* free again */
    store_tx_rollback(tx2);
    store_close(s);
}

static void test_busy(void)
{
    struct store *a = open_rw("busy.db"), *b = open_rw("busy.db");
    struct store_tx *tx = NULL, *tx2 = NULL;
    struct two_leads w = {0, 0};
    struct importer *im = NULL;
    struct khu_diag d;
    double t0, waited;

    store_set_busy_timeout(b, 300);
    CHECK_EQ_INT(store_tx_begin(a, &tester, &tx, &d), KHU_OK);
    khu_diag_clear(&d);
    t0 = now_ms();
    CHECK_EQ_INT(store_tx_begin(b, &tester, &tx2, &d), KHU_EBUSY);
    waited = now_ms() - t0;
    CHECK(tx2 == NULL);
    if (waited < 250 || waited > 3000)
        TEST_FAIL_AT(__FILE__, __LINE__, "waited %.0f ms for a 300 ms busy timeout", waited);
    else
        test_passed++;
    CHECK(strstr(d.message, "busy") != NULL);
    if (!safe_message(d.message))
        TEST_FAIL_AT(__FILE__, __LINE__, "message names the engine: %s", d.message);
    /* store_write and the importer take the same path */
    CHECK_EQ_INT(store_write(b, &tester, insert_two, &w, &d), KHU_EBUSY);
    CHECK_EQ_INT(w.calls, 0);
    CHECK_EQ_INT(importer_begin(b, &tester, 1, 0, NULL, NULL, &im, &d), KHU_EBUSY);
    CHECK(im == NULL);
    /* readers are not blocked by the writer */
    CHECK_EQ_INT(count_leads(b), 0);
    store_tx_rollback(tx);
    CHECK_EQ_INT(store_write(b, &tester, insert_two, &w, &d), KHU_OK);
    CHECK_EQ_INT(count_leads(a), 2);
    store_close(a);
    store_close(b);
}

static void test_generation(void)
{
    struct store *a = open_rw("gen.db"), *b = open_rw("gen.db");
    struct two_leads w = {0, 0};
    uint64_t g1 = 0, g2 = 0, g3 = 0;
    struct khu_diag d;

    CHECK_EQ_INT(store_generation(a, &g1), KHU_OK);
    CHECK_EQ_INT(store_generation(a, &g2), KHU_OK);
    CHECK(g1 == g2); /* nothing happened */
    w.fail_after = 2;
    CHECK_EQ_INT(store_write(b, &tester, insert_two, &w, &d), KHU_EINVAL);
    CHECK_EQ_INT(store_generation(a, &g2), KHU_OK);
    CHECK(g1 == g2); /* a rolled-back write changes nothing */
    w.fail_after = 0;
    CHECK_EQ_INT(store_write(b, &tester, insert_two, &w, &d), KHU_OK);
    CHECK_EQ_INT(store_generation(a, &g2), KHU_OK);
    CHECK(g2 != g1); /* another connection committed */
    CHECK_EQ_INT(store_generation(b, &g3), KHU_OK);
    CHECK_EQ_INT(store_generation(b, &g1), KHU_OK);
    CHECK(g1 == g3);
    store_close(a);
    store_close(b);
}

/* A snapshot sees the database as of its first read, for the generation
 * and the data alike; an inner begin nests; after the end, reads are new. */
static void test_snapshot(void)
{
    struct store *a = open_rw("snap.db"), *b = open_rw("snap.db");
    struct two_leads w = {0, 0};
    uint64_t g1 = 0, g2 = 0, g3 = 0;
    struct store_tx *tx = (struct store_tx *)&tx;
    struct khu_diag d;
    int outer, inner;

    outer = store_snapshot_begin(a);
    CHECK_EQ_INT(outer, 1);
    CHECK_EQ_INT(store_generation(a, &g1), KHU_OK); /* the snapshot is taken here */
    CHECK_EQ_INT(store_write(b, &tester, insert_two, &w, &d), KHU_OK);
    CHECK_EQ_INT(count_leads(b), 2);
    CHECK_EQ_INT(count_leads(a), 0); /* b's commit came after a's snapshot */
    CHECK_EQ_INT(store_generation(a, &g2), KHU_OK);
    CHECK(g1 == g2);
    inner = store_snapshot_begin(a);
    CHECK_EQ_INT(inner, 0);
    store_snapshot_end(a, inner); /* the outer snapshot stays */
    CHECK_EQ_INT(count_leads(a), 0);
    store_snapshot_end(a, outer);
    CHECK_EQ_INT(count_leads(a), 2);
    CHECK_EQ_INT(store_generation(a, &g3), KHU_OK);
    CHECK(g3 != g1);
    /* a write inside a snapshot is refused before it begins */
    outer = store_snapshot_begin(a);
    CHECK_EQ_INT(count_leads(a), 2);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_tx_begin(a, &tester, &tx, &d), KHU_ECONFLICT);
    CHECK(tx == NULL);
    CHECK_EQ_STR(d.message, "a write cannot begin inside a read snapshot");
    store_snapshot_end(a, outer);
    CHECK_EQ_INT(store_tx_begin(a, &tester, &tx, &d), KHU_OK); /* and allowed after it */
    store_tx_rollback(tx);
    store_close(a);
    store_close(b);
}

/* ===== errors of the engine, as khu's ===== */

static void test_error_map(void)
{
    struct store *s = open_rw("errors.db"), *ro = NULL;
    struct store_lead dup = lead("lead-dup"), bad = lead("lead-bad");
    struct store_tx *tx = NULL;
    struct khu_diag d;
    char path[256];

    CHECK_EQ_INT(store_tx_begin(s, &tester, &tx, &d), KHU_OK);
    CHECK_EQ_INT(store_lead_insert(tx, &dup, &d), KHU_OK);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_lead_insert(tx, &dup, &d), KHU_ECONFLICT); /* the key is taken */
    CHECK(strstr(d.message, "inquiry") != NULL);
    if (!safe_message(d.message))
        TEST_FAIL_AT(__FILE__, __LINE__, "message names SQL or the engine: %s", d.message);
    bad.country = "KOR"; /* the table allows two letters */
    CHECK_EQ_INT(store_lead_insert(tx, &bad, &d), KHU_ECONFLICT);
    bad.country = "KR";
    bad.company = NULL; /* required */
    CHECK_EQ_INT(store_lead_insert(tx, &bad, &d), KHU_ECONFLICT);
    CHECK_EQ_INT(store_tx_commit(tx, &d), KHU_OK); /* the good row stays */
    CHECK_EQ_INT(count_leads(s), 1);

    /* a read-only connection cannot begin a write */
    path_in(path, sizeof(path), "errors.db");
    CHECK_EQ_INT(store_open(path, STORE_READ_ONLY, &ro, &d), KHU_OK);
    khu_diag_clear(&d);
    tx = NULL;
    if (store_tx_begin(ro, &tester, &tx, &d) == KHU_OK) {
        CHECK(store_lead_insert(tx, &bad, &d) != KHU_OK);
        store_tx_rollback(tx);
    } else {
        test_passed++;
    }
    CHECK(d.message[0] != '\0');
    CHECK_EQ_INT(count_leads(ro), 1);
    store_close(ro);
    store_close(s);
}

/* ===== use cases: zones, leads, scans, export ===== */

static enum khu_err import_zones(struct store *s, struct khu_diag *d)
{
    static const char zones[] = "code,kind,name_vi,status\n"
                                "kcn-b,kcn,KCN B,operating\n"
                                "kcn-a,kcn,KCN A,planned\n";
    struct importer *im = NULL;
    enum khu_err err = importer_begin(s, &tester, 0, 0, NULL, NULL, &im, d);
    long rows = 0;

    if (err)
        return err;
    err = importer_add_csv(im, "zones", "zones.csv", zones, sizeof(zones) - 1);
    if (err) {
        importer_abort(im);
        return err;
    }
    return importer_finish(im, &rows);
}

/* The codes a row callback saw: value code_at of each row. */
struct seen {
    char codes[8][64];
    int n;
    int code_at;
    int stop_after; /* stop after this many rows; 0: never */
};

static int remember(void *arg, const struct khu_row *row)
{
    struct seen *s = arg;
    const char *code = row_text(row, s->code_at);

    if (s->n < 8)
        snprintf(s->codes[s->n], sizeof(s->codes[0]), "%s", code ? code : "(null)");
    s->n++;
    return s->stop_after && s->n >= s->stop_after;
}

static int fail_flush(void *arg, struct buf *out)
{
    (void)arg;
    (void)out;
    return -1;
}

static int keep_flush(void *arg, struct buf *out)
{
    struct buf *all = arg;

    buf_append(all, out->data, out->len);
    buf_reset(out);
    return 0;
}

static void test_use_cases(void)
{
    struct store *s = open_rw("cases.db");
    struct store_lead l1 = lead("lead-2"), l2 = lead("lead-1"), l3 = lead("lead-3");
    const struct table_def *leads = schema_table("leads"), *zones = schema_table("zones");
    struct store_tx *tx = NULL;
    struct seen seen;
    struct khu_diag d;
    struct buf out, all;
    int found = -1;

    CHECK_EQ_INT(store_zone_exists(s, "kcn-a", &found, &d), KHU_OK);
    CHECK_EQ_INT(found, 0);
    khu_diag_clear(&d);
    CHECK_EQ_INT(import_zones(s, &d), KHU_OK);
    if (d.message[0])
        fprintf(stderr, "import: %s\n", d.message);
    CHECK_EQ_INT(store_zone_exists(s, "kcn-a", &found, &d), KHU_OK);
    CHECK_EQ_INT(found, 1);
    CHECK_EQ_INT(store_zone_exists(s, "kcn-", &found, &d), KHU_OK);
    CHECK_EQ_INT(found, 0);

    /* newest first: by date, then code, undated last */
    l1.received_on = "2025-03-01";
    l2.received_on = "2025-03-01";
    l3.received_on = NULL;
    l1.zones = "kcn-a kcn-b";
    CHECK_EQ_INT(store_tx_begin(s, &tester, &tx, &d), KHU_OK);
    CHECK_EQ_INT(store_lead_insert(tx, &l3, &d), KHU_OK);
    CHECK_EQ_INT(store_lead_insert(tx, &l1, &d), KHU_OK);
    CHECK_EQ_INT(store_lead_insert(tx, &l2, &d), KHU_OK);
    CHECK_EQ_INT(store_tx_commit(tx, &d), KHU_OK);
    memset(&seen, 0, sizeof(seen));
    seen.code_at = LEAD_COL_CODE;
    CHECK_EQ_INT(store_leads_list(s, NULL, remember, &seen, NULL, &d), KHU_OK);
    CHECK_EQ_INT(seen.n, 3);
    CHECK_EQ_STR(seen.codes[0], "lead-2");
    CHECK_EQ_STR(seen.codes[1], "lead-1");
    CHECK_EQ_STR(seen.codes[2], "lead-3");
    memset(&seen, 0, sizeof(seen));
    seen.code_at = LEAD_COL_CODE;
    seen.stop_after = 1; /* a callback may stop early */
    CHECK_EQ_INT(store_leads_list(s, NULL, remember, &seen, NULL, &d), KHU_OK);
    CHECK_EQ_INT(seen.n, 1);

    /* a whole table in key order, t's columns */
    memset(&seen, 0, sizeof(seen));
    CHECK_EQ_INT(store_scan(s, zones, remember, &seen, &d), KHU_OK);
    CHECK_EQ_INT(seen.n, 2);
    CHECK_EQ_STR(seen.codes[0], "kcn-a");
    CHECK_EQ_STR(seen.codes[1], "kcn-b");
    memset(&seen, 0, sizeof(seen));
    CHECK_EQ_INT(store_scan(s, leads, remember, &seen, &d), KHU_OK);
    CHECK_EQ_INT(seen.n, 3);
    CHECK_EQ_STR(seen.codes[0], "lead-1");
    CHECK_EQ_STR(seen.codes[2], "lead-3");

    /* export: the store's rows through the pure encoder */
    buf_init(&out, 1 << 20);
    buf_init(&all, 1 << 20);
    CHECK_EQ_INT(app_export(s, leads, EXPORT_CSV, &out, keep_flush, &all, &d), KHU_OK);
    CHECK(strncmp(buf_cstr(&all), "code,event_code,company,country,vsic,contact,zones,", 51) == 0);
    CHECK(strstr(buf_cstr(&all), "\nlead-2,,Hanil Parts,KR,,Kim <kim@hanil.example>,"
                                 "kcn-a kcn-b,2025-03-01,10 ha,new,,\r\n") != NULL ||
          strstr(buf_cstr(&all), "\nlead-2,,Hanil Parts,KR,,Kim <kim@hanil.example>,"
                                 "kcn-a kcn-b,2025-03-01,10 ha,new,,\n") != NULL);
    buf_reset(&all);
    CHECK_EQ_INT(app_export(s, zones, EXPORT_GEOJSON, &out, keep_flush, &all, &d), KHU_OK);
    CHECK(strncmp(buf_cstr(&all), "{\"type\":\"FeatureCollection\",\"features\":[{", 41) == 0);
    CHECK(strstr(buf_cstr(&all), "\"geometry\":null") != NULL);
    buf_reset(&all);
    CHECK_EQ_INT(app_export(s, leads, EXPORT_JSON, &out, keep_flush, &all, &d), KHU_OK);
    CHECK(strncmp(buf_cstr(&all), "[{\"code\":\"lead-1\"", 17) == 0);
    khu_diag_clear(&d);
    CHECK_EQ_INT(app_export(s, leads, EXPORT_GEOJSON, &out, keep_flush, &all, &d), KHU_EINVAL);
    CHECK(strstr(d.message, "GeoJSON needs lat/lon") != NULL);
    CHECK_EQ_INT(app_export(s, leads, EXPORT_CSV, &out, fail_flush, NULL, &d), KHU_EIO);
    buf_free(&out);
    buf_free(&all);
    store_close(s);
}

static void remove_dir(void)
{
    static const char *const names[] = {"newer.db", "write.db",  "tx.db",    "busy.db",
                                        "gen.db",   "errors.db", "cases.db", NULL};
    static const char *const suffixes[] = {"", "-wal", "-shm", NULL};
    char path[256];
    int i, j;

    for (i = 0; names[i]; i++) {
        for (j = 0; suffixes[j]; j++) {
            snprintf(path, sizeof(path), "%s/%s%s", dir, names[i], suffixes[j]);
            unlink(path);
        }
    }
    rmdir(dir);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    test_open_errors();
    test_write_commits_and_rolls_back();
    test_one_tx_and_an_actor();
    test_busy();
    test_generation();
    test_snapshot();
    test_error_map();
    test_use_cases();
    remove_dir();
    return test_report("test_store");
}
