/* SPDX-License-Identifier: MIT */
/*
 * Stores that share one write connection (store_share_writes) and save
 * the writes queued for it together: the writes queued while another
 * holds the writers' turn are run in one transaction; a write that fails
 * or forgets its audit record is undone alone, with its own answer, and
 * the others are saved and chained; reads stay on each store and see the
 * writes; the last store to leave closes the connection. And a rollback
 * makes a store forget the generation it read inside the transaction.
 */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "client.h"
#include "store/audit.h"
#include "store/leads.h"
#include "store/sqlite/sq.h"
#include "sq_single.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-sq-shared-XXXXXX";
static char path[256];
static const struct store_actor tester = {"tester", ""};

static struct store *open_shared(void)
{
    struct store *s = NULL;
    struct khu_diag d;

    khu_diag_clear(&d);
    if (store_open(path, STORE_READ_WRITE, &s, &d) != KHU_OK)
        TEST_FAIL_AT(__FILE__, __LINE__, "store_open: %s", d.message);
    if (store_share_writes(s, &d) != KHU_OK)
        TEST_FAIL_AT(__FILE__, __LINE__, "store_share_writes: %s", d.message);
    return s;
}

static long long leads_named(struct store *s, const char *code)
{
    char sql[160];

    snprintf(sql, sizeof(sql), "SELECT count(*) FROM leads WHERE code = '%s'", code);
    return sq_single(s, sql);
}

static enum khu_err insert_lead(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct store_lead lead = {.code = arg, .company = "Hanil Parts", .received_on = "2026-11-20"};

    return store_lead_insert(tx, &lead, d);
}

/* writes its lead and its record, then changes its mind */
static enum khu_err insert_then_fail(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    enum khu_err err = insert_lead(tx, arg, d);

    if (err)
        return err;
    khu_diag_set(d, 0, 0, "company", "refused after writing");
    return KHU_EINVAL;
}

/* writes a row with no audit record */
static enum khu_err unaudited(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    char sql[160];

    snprintf(sql, sizeof(sql), "INSERT INTO leads (code, company) VALUES ('%s', 'X')",
             (const char *)arg);
    return sq_exec(tx->s, sql, d);
}

/* ===== sharing ===== */

static void test_reads_see_shared_writes(void)
{
    struct store *a = open_shared(), *b = open_shared(), *c;
    struct khu_diag d;
    unsigned long groups = sq_shared_groups(a);

    CHECK(sq_writer_of(a) == sq_writer_of(b));
    CHECK(sq_writer_of(a) != a && sq_writer_of(a) != b);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_write(a, &tester, insert_lead, "shared-1", &d), KHU_OK);
    CHECK_EQ_INT(leads_named(b, "shared-1"), 1);
    CHECK_EQ_INT(leads_named(a, "shared-1"), 1);
    CHECK_EQ_INT(sq_shared_groups(b), groups + 1);
    /* a transaction begun on a sharing store runs on the shared connection too */
    {
        struct store_tx *tx, *again;
        CHECK_EQ_INT(store_tx_begin(b, &tester, &tx, &d), KHU_OK);
        CHECK(store_tx_store(tx) == sq_writer_of(b));
        CHECK_EQ_INT(store_tx_begin(b, &tester, &again, &d), KHU_ECONFLICT);
        CHECK_EQ_INT(insert_lead(tx, "shared-2", &d), KHU_OK);
        CHECK_EQ_INT(store_tx_commit(tx, &d), KHU_OK);
    }
    CHECK_EQ_INT(leads_named(a, "shared-2"), 1);
    /* the last store to leave closes the connection; sharing again opens another */
    store_close(a);
    CHECK(sq_writer_of(b) != b);
    store_close(b);
    c = open_shared();
    CHECK_EQ_INT(sq_shared_groups(c), 0);
    CHECK_EQ_INT(store_write(c, &tester, insert_lead, "shared-3", &d), KHU_OK);
    CHECK_EQ_INT(leads_named(c, "shared-3"), 1);
    store_close(c);
}

static void test_read_only_cannot_share(void)
{
    struct store *s = NULL;
    struct khu_diag d;

    khu_diag_clear(&d);
    CHECK_EQ_INT(store_open(path, STORE_READ_ONLY, &s, &d), KHU_OK);
    CHECK_EQ_INT(store_share_writes(s, &d), KHU_EINVAL);
    CHECK(strstr(d.message, "read-only") != NULL);
    store_close(s);
}

/* ===== writes queued together ===== */

struct writer {
    store_write_fn fn;
    char code[32];
    enum khu_err err;
    struct khu_diag d;
};

static void *write_one(void *arg)
{
    struct writer *w = arg;
    struct store *s = open_shared();

    khu_diag_clear(&w->d);
    w->err = store_write(s, &tester, w->fn, w->code, &w->d);
    store_close(s);
    return NULL;
}

static void test_queued_writes_share_a_commit(void)
{
    enum { N = 6 };
    struct writer w[N];
    pthread_t t[N];
    struct store *holder = open_shared(), *reader;
    struct store_tx *tx;
    struct store_audit_verdict v;
    struct khu_diag d;
    long long audited = sq_single(holder, "SELECT count(*) FROM audit");
    unsigned long groups;
    int i, waited;

    for (i = 0; i < N; i++) {
        w[i].fn = i == 2 ? insert_then_fail : i == 4 ? unaudited : insert_lead;
        snprintf(w[i].code, sizeof(w[i].code), "queued-%d", i);
    }
    khu_diag_clear(&d);
    /* hold the writers' turn while the writes queue up behind it */
    CHECK_EQ_INT(store_tx_begin(holder, &tester, &tx, &d), KHU_OK);
    groups = sq_shared_groups(holder);
    for (i = 0; i < N; i++)
        CHECK_EQ_INT(pthread_create(&t[i], NULL, write_one, &w[i]), 0);
    for (waited = 0; sq_shared_queued(holder) < N && waited < 5000; waited++)
        nanosleep(&(struct timespec){0, 1000000}, NULL);
    CHECK_EQ_INT(sq_shared_queued(holder), N);
    CHECK_EQ_INT(insert_lead(tx, "holder", &d), KHU_OK);
    CHECK_EQ_INT(store_tx_commit(tx, &d), KHU_OK);
    for (i = 0; i < N; i++)
        pthread_join(t[i], NULL);

    /* one transaction for all six */
    CHECK_EQ_INT(sq_shared_groups(holder), groups + 1);
    CHECK_EQ_INT(sq_shared_queued(holder), 0);
    reader = open_shared();
    for (i = 0; i < N; i++) {
        int good = w[i].fn == insert_lead;
        CHECK_EQ_INT(w[i].err, good ? KHU_OK : w[i].fn == unaudited ? KHU_EDB : KHU_EINVAL);
        CHECK_EQ_INT(leads_named(reader, w[i].code), good);
    }
    CHECK(strstr(w[2].d.message, "refused after writing") != NULL);
    CHECK(strstr(w[4].d.message, "audit trail") != NULL);
    /* the holder's and the four good writes are recorded, in one chain */
    CHECK_EQ_INT(sq_single(reader, "SELECT count(*) FROM audit"), audited + 5);
    CHECK_EQ_INT(store_audit_verify(reader, &v, &d), KHU_OK);
    CHECK_EQ_INT(v.bad_id, 0);
    CHECK_EQ_INT(v.records, audited + 5);
    store_close(reader);
    store_close(holder);
}

/* Many writers at once, some failing: every answer is the write's own. */
struct racer {
    int id;
    int ok, failed;
};

static void *race(void *arg)
{
    struct racer *r = arg;
    struct store *s = open_shared();
    struct khu_diag d;
    char code[32];
    int i;

    for (i = 0; i < 40; i++) {
        int fail = (i + r->id) % 5 == 0;
        snprintf(code, sizeof(code), "race-%d-%d", r->id, i);
        khu_diag_clear(&d);
        if (store_write(s, &tester, fail ? insert_then_fail : insert_lead, code, &d) == KHU_OK)
            r->ok++;
        else
            r->failed++;
        CHECK_EQ_INT(leads_named(s, code), !fail);
    }
    store_close(s);
    return NULL;
}

static void test_racing_writers(void)
{
    enum { N = 8 };
    struct racer r[N];
    pthread_t t[N];
    struct store *s = open_shared();
    struct store_audit_verdict v;
    struct khu_diag d;
    long long before = sq_single(s, "SELECT count(*) FROM leads WHERE code LIKE 'race-%'");
    int i, ok = 0;

    CHECK_EQ_INT(before, 0);
    for (i = 0; i < N; i++) {
        r[i] = (struct racer){.id = i};
        CHECK_EQ_INT(pthread_create(&t[i], NULL, race, &r[i]), 0);
    }
    for (i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        CHECK_EQ_INT(r[i].ok, 32);
        CHECK_EQ_INT(r[i].failed, 8);
        ok += r[i].ok;
    }
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM leads WHERE code LIKE 'race-%'"), ok);
    CHECK_EQ_INT(store_audit_verify(s, &v, &d), KHU_OK);
    CHECK_EQ_INT(v.bad_id, 0);
    store_close(s);
}

/* ===== a rollback forgets the generation read inside it ===== */

static enum khu_err insert_read_fail(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    uint64_t *inside = arg;
    enum khu_err err = insert_lead(tx, "rolled-back", d);

    if (!err)
        err = store_generation(store_tx_store(tx), inside);
    return err ? err : KHU_EINVAL;
}

static void test_rollback_forgets_generation(void)
{
    char own[300];
    struct store *s = NULL, *shared = open_shared();
    struct khu_diag d;
    uint64_t before = 0, inside = 0, after = 0;

    snprintf(own, sizeof(own), "%s", path);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_open(own, STORE_READ_WRITE, &s, &d), KHU_OK);
    /* a store of its own (store_tx_rollback) and a sharing one (a savepoint) */
    CHECK_EQ_INT(store_generation(s, &before), KHU_OK);
    CHECK_EQ_INT(store_write(s, &tester, insert_read_fail, &inside, &d), KHU_EINVAL);
    CHECK(inside == before + 1);
    CHECK_EQ_INT(store_generation(s, &after), KHU_OK);
    CHECK(after == before);
    inside = 0;
    CHECK_EQ_INT(store_write(shared, &tester, insert_read_fail, &inside, &d), KHU_EINVAL);
    CHECK(inside == before + 1);
    CHECK_EQ_INT(store_generation(sq_writer_of(shared), &after), KHU_OK);
    CHECK(after == before);
    CHECK_EQ_INT(leads_named(s, "rolled-back"), 0);
    store_close(s);
    store_close(shared);
}

int main(void)
{
    struct store *s = NULL;
    struct khu_diag d;

    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof(path), "%s/shared.db", dir);
    khu_diag_clear(&d);
    if (store_open(path, STORE_READ_WRITE, &s, &d) != KHU_OK) /* made and migrated */
        return 1;
    store_close(s);
    test_reads_see_shared_writes();
    test_read_only_cannot_share();
    test_queued_writes_share_a_commit();
    test_racing_writers();
    test_rollback_forgets_generation();
    remove_tree(dir);
    return test_report("test_store_sqlite_shared");
}
