/* SPDX-License-Identifier: MIT */
/*
 * The audit trail through the store's public interface only, so that
 * every backend must pass it: each write use case (an inquiry, an import,
 * accounts and tokens) leaves exactly one record in its own transaction,
 * with the actor, the row before and after and no secret; a write that
 * fails leaves none; records are listed with filters and exported in
 * order; the chain verifies, also after writers on several connections
 * and threads raced each other.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/audit.h"
#include "store/import.h"
#include "store/leads.h"
#include "store/store.h"
#include "store/users.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-audit-XXXXXX";
static const struct store_actor tester = {"tester", "192.0.2.7"};

static struct store *open_rw(const char *name)
{
    char path[256];
    struct store *s = NULL;
    struct khu_diag d;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    khu_diag_clear(&d);
    if (store_open(path, STORE_READ_WRITE, &s, &d) != KHU_OK)
        TEST_FAIL_AT(__FILE__, __LINE__, "store_open %s: %s", name, d.message);
    return s;
}

/* ===== reading the trail into memory ===== */

#define MAX_RECORDS 64

struct record {
    long long id;
    char actor[64], address[64], action[32], table[32], key[80], source[80];
    char *before, *after; /* NULL when the record has none */
    char hash[AUDIT_HASH_HEX];
};

struct trail {
    struct record r[MAX_RECORDS];
    int n;
};

static void copy(char *out, size_t n, const struct khu_row *row, int i)
{
    const char *s = row_text(row, i);

    snprintf(out, n, "%s", s ? s : "");
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int keep(void *arg, const struct khu_row *row)
{
    struct trail *t = arg;
    struct record *r;

    if (t->n == MAX_RECORDS)
        return 1;
    r = &t->r[t->n++];
    r->id = row_int(row, AUDIT_COL_ID);
    copy(r->actor, sizeof(r->actor), row, AUDIT_COL_ACTOR);
    copy(r->address, sizeof(r->address), row, AUDIT_COL_ADDRESS);
    copy(r->action, sizeof(r->action), row, AUDIT_COL_ACTION);
    copy(r->table, sizeof(r->table), row, AUDIT_COL_TABLE);
    copy(r->key, sizeof(r->key), row, AUDIT_COL_KEY);
    copy(r->source, sizeof(r->source), row, AUDIT_COL_SOURCE);
    copy(r->hash, sizeof(r->hash), row, AUDIT_COL_HASH);
    r->before = dup_or_null(row_text(row, AUDIT_COL_BEFORE));
    r->after = dup_or_null(row_text(row, AUDIT_COL_AFTER));
    return 0;
}

static void trail_free(struct trail *t)
{
    int i;

    for (i = 0; i < t->n; i++) {
        free(t->r[i].before);
        free(t->r[i].after);
    }
    t->n = 0;
}

/* Reads every record after id after, oldest first. */
static void read_trail(struct store *s, long long after, struct trail *t)
{
    struct khu_diag d;

    memset(t, 0, sizeof(*t));
    CHECK_EQ_INT(store_audit_scan(s, after, keep, t, &d), KHU_OK);
}

static long long records(struct store *s)
{
    struct store_audit_verdict v;
    struct khu_diag d;

    CHECK_EQ_INT(store_audit_verify(s, &v, &d), KHU_OK);
    return v.bad_id ? -1 : v.records;
}

/* 1 when text (may be NULL) contains needle. */
static int has(const char *text, const char *needle)
{
    return text && strstr(text, needle);
}

/* ===== an inquiry ===== */

static enum khu_err insert_lead(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct store_lead lead = {.code = arg,
                              .company = "Hanil Parts",
                              .country = "KR",
                              .contact = "Kim <kim@hanil.example>",
                              .received_on = "2026-11-20",
                              .note = "10 ha near the port"};

    return store_lead_insert(tx, &lead, d);
}

static void test_lead_recorded(void)
{
    struct store *s = open_rw("lead.db");
    struct store_audit_verdict v;
    struct trail t;
    struct khu_diag d;

    CHECK_EQ_INT(store_audit_verify(s, &v, &d), KHU_OK);
    CHECK_EQ_INT(v.records, 0);
    CHECK_EQ_INT(v.head_id, 0);
    CHECK_EQ_STR(v.head_hash, "");
    CHECK_EQ_INT(store_write(s, &tester, insert_lead, "lead-1", &d), KHU_OK);
    read_trail(s, 0, &t);
    CHECK_EQ_INT(t.n, 1);
    CHECK_EQ_INT(t.r[0].id, 1);
    CHECK_EQ_STR(t.r[0].actor, "tester");
    CHECK_EQ_STR(t.r[0].address, "192.0.2.7");
    CHECK_EQ_STR(t.r[0].action, "insert");
    CHECK_EQ_STR(t.r[0].table, "leads");
    CHECK_EQ_STR(t.r[0].key, "lead-1");
    CHECK(t.r[0].before == NULL);
    CHECK(has(t.r[0].after, "\"company\":\"Hanil Parts\""));
    CHECK(has(t.r[0].after, "\"note\":\"10 ha near the port\""));
    CHECK_EQ_INT(strlen(t.r[0].hash), 64);
    trail_free(&t);

    /* a write that fails (the code is taken) leaves no record */
    CHECK_EQ_INT(store_write(s, &tester, insert_lead, "lead-1", &d), KHU_ECONFLICT);
    CHECK_EQ_INT(records(s), 1);
    CHECK_EQ_INT(store_write(s, &tester, insert_lead, "lead-2", &d), KHU_OK);
    CHECK_EQ_INT(store_audit_verify(s, &v, &d), KHU_OK);
    CHECK_EQ_INT(v.records, 2);
    CHECK_EQ_INT(v.bad_id, 0);
    CHECK_EQ_INT(v.head_id, 2);
    CHECK_EQ_INT(strlen(v.head_hash), 64);
    store_close(s);
}

/* ===== an import ===== */

static const char zones_csv[] = "code,kind,name_vi,status\n"
                                "z-a,kcn,KCN A,operating\n"
                                "z-b,ccn,CCN B,planned\n";
static const char zones2_csv[] = "code,kind,name_vi\nz-c,kcn,KCN C\n";

static void ignore(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    (void)file;
    (void)d;
}

static enum khu_err import(struct store *s, int replace, const char *csv)
{
    struct importer *im;
    struct khu_diag d;
    enum khu_err err = importer_begin(s, &tester, replace, 0, ignore, NULL, &im, &d);

    if (err)
        return err;
    err = importer_add_csv(im, "zones", "zones.csv", csv, strlen(csv));
    if (err) {
        importer_abort(im);
        return err;
    }
    return importer_finish(im, NULL);
}

static void digest_hex(const char *data, char hex[AUDIT_HASH_HEX])
{
    uint8_t h[AUDIT_HASH_BYTES];

    crypto_generichash(h, sizeof(h), (const uint8_t *)data, strlen(data), NULL, 0);
    audit_hash_hex(h, hex);
}

static void test_import_recorded(void)
{
    struct store *s = open_rw("import.db");
    char hex[AUDIT_HASH_HEX], want[200];
    struct trail t;

    CHECK_EQ_INT(import(s, 0, zones_csv), KHU_OK);
    read_trail(s, 0, &t);
    CHECK_EQ_INT(t.n, 1);
    CHECK_EQ_STR(t.r[0].action, "import");
    CHECK_EQ_STR(t.r[0].table, "zones");
    CHECK_EQ_STR(t.r[0].key, "zones.csv");
    CHECK_EQ_STR(t.r[0].source, "zones.csv");
    digest_hex(zones_csv, hex);
    snprintf(want, sizeof(want), "{\"rows\":2,\"blake2b\":\"%s\"}", hex);
    CHECK_EQ_STR(t.r[0].after, want);
    CHECK(t.r[0].before == NULL);
    trail_free(&t);

    /* an import with an error writes nothing, not even its record */
    CHECK_EQ_INT(import(s, 0, "code,kind,name_vi\nz-x,park,Bad\n"), KHU_EINVAL);
    CHECK_EQ_INT(records(s), 1);

    /* a replace says how many rows it removed */
    CHECK_EQ_INT(import(s, 1, zones2_csv), KHU_OK);
    read_trail(s, 1, &t);
    CHECK_EQ_INT(t.n, 1);
    CHECK_EQ_STR(t.r[0].action, "replace");
    CHECK_EQ_STR(t.r[0].before, "{\"rows\":2}");
    digest_hex(zones2_csv, hex);
    snprintf(want, sizeof(want), "{\"rows\":1,\"blake2b\":\"%s\"}", hex);
    CHECK_EQ_STR(t.r[0].after, want);
    trail_free(&t);
    CHECK_EQ_INT(records(s), 2);
    store_close(s);
}

/* ===== accounts and tokens ===== */

#define FAKE_HASH  "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"
#define TOKEN_HASH "1111111111111111111111111111111111111111111111111111111111111111"

struct account_step {
    int step;
};

static enum khu_err account_write(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct account_step *a = arg;
    struct store_user u = {.name = "lan.officer",
                           .display_name = "Nguyễn Thị Lan",
                           .role = "officer",
                           .password_hash = FAKE_HASH};

    switch (a->step) {
    case 0:
        return store_user_insert(tx, &u, d);
    case 1:
        return store_user_set_password(tx, "lan.officer", FAKE_HASH "x", d);
    case 2:
        return store_user_set_role(tx, "lan.officer", "viewer", NULL, NULL, d);
    case 3:
        return store_user_set_disabled(tx, "lan.officer", 1, d);
    case 4:
        return store_user_set_disabled(tx, "lan.officer", 1, d); /* again: no change */
    case 5:
        return store_token_insert(tx, "t-1", "lan.officer", TOKEN_HASH, "nightly sync", d);
    case 6:
        return store_token_revoke(tx, "t-1", d);
    case 7:
        return store_user_set_role(tx, "lan.officer", "department", "no-such-dept", NULL, d);
    case 8:
        return store_user_set_password(tx, "nobody", FAKE_HASH, d);
    case 10:
        return store_user_set_role(tx, "lan.officer", "viewer", NULL, NULL, d); /* as it is */
    case 11:
        return store_user_set_disabled(tx, "lan.officer", 0, d);
    case 12:
        return store_user_set_disabled(tx, "lan.officer", 0, d); /* enabled already */
    default:
        return store_user_insert(tx, &u, d); /* the name is taken */
    }
}

static enum khu_err step(struct store *s, int n, struct khu_diag *d)
{
    struct account_step a = {n};

    khu_diag_clear(d);
    return store_write(s, &tester, account_write, &a, d);
}

static void test_accounts_recorded(void)
{
    struct store *s = open_rw("accounts.db"), *other = open_rw("accounts.db");
    uint64_t before, after, seen;
    struct khu_diag d;
    struct trail t;
    int i;

    CHECK_EQ_INT(store_generation(s, &before), KHU_OK);
    for (i = 0; i <= 6; i++)
        CHECK_EQ_INT(step(s, i, &d), KHU_OK);
    /* accounts and tokens are not data: what was kept of the data holds,
     * on this connection and on another */
    CHECK_EQ_INT(store_generation(s, &after), KHU_OK);
    CHECK(after == before);
    CHECK_EQ_INT(store_generation(other, &seen), KHU_OK);
    CHECK(seen == before);
    CHECK_EQ_INT(store_write(s, &tester, insert_lead, "lead-gen", &d), KHU_OK);
    CHECK_EQ_INT(store_generation(s, &after), KHU_OK);
    CHECK(after != before);
    CHECK_EQ_INT(store_generation(other, &seen), KHU_OK);
    CHECK(seen == after);
    store_close(other);
    CHECK_EQ_INT(step(s, 7, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "department");
    CHECK(strstr(d.message, "no-such-dept") != NULL);
    CHECK_EQ_INT(step(s, 8, &d), KHU_ENOTFOUND);
    CHECK(strstr(d.message, "nobody") != NULL);
    CHECK_EQ_INT(step(s, 9, &d), KHU_ECONFLICT);
    CHECK_EQ_STR(d.field, "name");

    read_trail(s, 0, &t);
    /* add, password, role, disable, token add, token revoke: the second
     * disable changed nothing and the failed writes left nothing; then the
     * inquiry */
    CHECK_EQ_INT(t.n, 7);
    if (t.n == 7) {
        static const char *const actions[] = {"user.add",     "user.password", "user.role",
                                              "user.disable", "token.add",     "token.revoke"};
        for (i = 0; i < 6; i++) {
            CHECK_EQ_STR(t.r[i].action, actions[i]);
            CHECK_EQ_INT(t.r[i].id, i + 1);
            /* no secret in any record, not even its hash */
            CHECK(!has(t.r[i].before, "argon2") && !has(t.r[i].after, "argon2"));
            CHECK(!has(t.r[i].before, TOKEN_HASH) && !has(t.r[i].after, TOKEN_HASH));
        }
        CHECK_EQ_STR(t.r[0].table, "users");
        CHECK_EQ_STR(t.r[0].key, "lan.officer");
        CHECK(t.r[0].before == NULL);
        CHECK(has(t.r[0].after, "\"role\":\"officer\""));
        CHECK(has(t.r[0].after, "\"display_name\":\"Nguyễn Thị Lan\""));
        /* a password change shows as its time only, and is recorded even
         * when that time reads as before (the same millisecond) */
        CHECK(has(t.r[1].before, "\"password_ms\":"));
        CHECK(has(t.r[1].after, "\"password_ms\":"));
        CHECK(has(t.r[2].before, "\"role\":\"officer\""));
        CHECK(has(t.r[2].after, "\"role\":\"viewer\""));
        CHECK(has(t.r[3].before, "\"disabled_ms\":null"));
        CHECK(t.r[3].after && !has(t.r[3].after, "\"disabled_ms\":null"));
        CHECK_EQ_STR(t.r[4].table, "api_tokens");
        CHECK_EQ_STR(t.r[4].key, "t-1");
        CHECK(has(t.r[4].after, "\"label\":\"nightly sync\""));
        CHECK(has(t.r[5].before, "\"revoked_ms\":null"));
        CHECK(t.r[5].after && !has(t.r[5].after, "\"revoked_ms\":null"));
    }
    trail_free(&t);
    CHECK_EQ_INT(records(s), 7);
    /* a change to what a user already is changes nothing and records
     * nothing; it is not refused either */
    CHECK_EQ_INT(step(s, 10, &d), KHU_OK);
    CHECK_EQ_INT(records(s), 7);
    CHECK_EQ_INT(step(s, 11, &d), KHU_OK);
    CHECK_EQ_INT(records(s), 8);
    CHECK_EQ_INT(step(s, 12, &d), KHU_OK);
    CHECK_EQ_INT(records(s), 8);
    store_close(s);
}

/* ===== listing ===== */

static int count(void *arg, const struct khu_row *row)
{
    long long *last = arg;

    last[0]++;
    last[1] = row_int(row, AUDIT_COL_ID);
    return 0;
}

static long long listed(struct store *s, struct store_audit_filter f, long long *last_id)
{
    long long acc[2] = {0, 0};
    struct khu_diag d;

    CHECK_EQ_INT(store_audit_list(s, &f, count, acc, &d), KHU_OK);
    if (last_id)
        *last_id = acc[1];
    return acc[0];
}

static void test_list_filters(void)
{
    static const struct store_actor other = {"someone.else", ""};
    struct store *s = open_rw("list.db");
    struct khu_diag d;
    long long last;
    char code[32];
    int i;

    for (i = 0; i < 5; i++) {
        snprintf(code, sizeof(code), "lead-%d", i);
        CHECK_EQ_INT(store_write(s, i == 4 ? &other : &tester, insert_lead, code, &d), KHU_OK);
    }
    CHECK_EQ_INT(import(s, 0, zones_csv), KHU_OK);
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){0}, &last), 6);
    CHECK_EQ_INT(last, 1); /* newest first */
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){.table = "leads"}, NULL), 5);
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){.table = "leads", .key = "lead-3"}, &last),
                 1);
    CHECK_EQ_INT(last, 4);
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){.actor = "someone.else"}, &last), 1);
    CHECK_EQ_INT(last, 5);
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){.limit = 2}, &last), 2);
    CHECK_EQ_INT(last, 5);
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){.limit = 2, .before_id = 5}, &last), 2);
    CHECK_EQ_INT(last, 3);
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){.from_ms = 1, .to_ms = 2}, NULL), 0);
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){.from_ms = 1}, NULL), 6);
    CHECK_EQ_INT(listed(s, (struct store_audit_filter){.table = "users"}, NULL), 0);
    store_close(s);
}

/* ===== writers racing ===== */

#define WRITERS 4
#define WRITES  25

static void *writer(void *arg)
{
    long w = (long)arg;
    struct store *s = open_rw("race.db");
    struct khu_diag d;
    char code[32];
    int i, failed = 0;

    for (i = 0; s && i < WRITES; i++) {
        snprintf(code, sizeof(code), "lead-%ld-%d", w, i);
        failed += store_write(s, &tester, insert_lead, code, &d) != KHU_OK;
    }
    store_close(s);
    return (void *)(long)failed;
}

static void test_writers_race(void)
{
    pthread_t t[WRITERS];
    struct store *s = open_rw("race.db");
    void *failed;
    long i;

    for (i = 0; i < WRITERS; i++)
        pthread_create(&t[i], NULL, writer, (void *)i);
    for (i = 0; i < WRITERS; i++) {
        pthread_join(t[i], &failed);
        CHECK_EQ_INT((long)failed, 0);
    }
    CHECK_EQ_INT(records(s), WRITERS * WRITES);
    store_close(s);
}

int main(void)
{
    if (!mkdtemp(dir) || sodium_init() < 0)
        return 1;
    test_lead_recorded();
    test_import_recorded();
    test_accounts_recorded();
    test_list_filters();
    test_writers_race();
    remove_tree(dir);
    return test_report("test_store_audit");
}
