/* SPDX-License-Identifier: MIT */
/*
 * The audit trail inside the SQLite backend: a transaction that changes
 * rows without an audit record after them is refused at commit and leaves
 * nothing; the database refuses to change or remove a record; a record
 * changed or removed behind its back (its triggers dropped) is found by
 * store_audit_verify, which names the first record that does not match;
 * and the stored hash is the hash of the stored fields (core/audit_chain).
 */
#include <stdlib.h>
#include <unistd.h>

#include "client.h"
#include "core/audit_chain.h"
#include "store/audit.h"
#include "store/leads.h"
#include "store/sqlite/sq.h"
#include "sq_single.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-sq-audit-XXXXXX";
static const struct store_actor tester = {"tester", ""};

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

static enum khu_err insert_lead(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct store_lead lead = {.code = arg, .company = "Hanil Parts", .received_on = "2026-11-20"};

    return store_lead_insert(tx, &lead, d);
}

/* ===== the commit refuses unaudited changes ===== */

static enum khu_err raw_insert(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    (void)arg;
    return sq_exec(tx->s, "INSERT INTO leads (code, company) VALUES ('sneaky', 'X')", d);
}

static enum khu_err audited_then_raw(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    enum khu_err err = insert_lead(tx, arg, d);

    return err ? err : raw_insert(tx, NULL, d);
}

static enum khu_err nothing(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    (void)tx;
    (void)arg;
    (void)d;
    return KHU_OK;
}

static void test_unaudited_refused(void)
{
    struct store *s = open_rw("refuse.db");
    struct khu_diag d;

    khu_diag_clear(&d);
    CHECK_EQ_INT(store_write(s, &tester, raw_insert, NULL, &d), KHU_EDB);
    CHECK(strstr(d.message, "audit trail") != NULL);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM leads"), 0);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM audit"), 0);
    /* a change after the record is refused as well, with the record */
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_write(s, &tester, audited_then_raw, "lead-1", &d), KHU_EDB);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM leads"), 0);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM audit"), 0);
    /* a write that changes nothing needs no record; the connection is free again */
    CHECK_EQ_INT(store_write(s, &tester, nothing, NULL, &d), KHU_OK);
    CHECK_EQ_INT(store_write(s, &tester, insert_lead, "lead-1", &d), KHU_OK);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM audit"), 1);
    store_close(s);
}

/* ===== the database keeps records as they are ===== */

static void test_append_only(void)
{
    struct store *s = open_rw("append.db");
    struct khu_diag d;

    CHECK_EQ_INT(store_write(s, &tester, insert_lead, "lead-1", &d), KHU_OK);
    CHECK(sqlite3_exec(s->db, "UPDATE audit SET actor = 'x'", NULL, NULL, NULL) != SQLITE_OK);
    CHECK(strstr(sqlite3_errmsg(s->db), "append-only") != NULL);
    CHECK(sqlite3_exec(s->db, "DELETE FROM audit", NULL, NULL, NULL) != SQLITE_OK);
    CHECK(strstr(sqlite3_errmsg(s->db), "append-only") != NULL);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM audit WHERE actor = 'tester'"), 1);
    store_close(s);
}

/* ===== tampering is found ===== */

/* Makes a trail of n records in a new database called name. */
static struct store *trail_of(const char *name, int n)
{
    struct store *s = open_rw(name);
    struct khu_diag d;
    char code[32];
    int i;

    for (i = 1; i <= n; i++) {
        snprintf(code, sizeof(code), "lead-%d", i);
        CHECK_EQ_INT(store_write(s, &tester, insert_lead, code, &d), KHU_OK);
    }
    return s;
}

static void verify(struct store *s, struct store_audit_verdict *v)
{
    struct khu_diag d;

    CHECK_EQ_INT(store_audit_verify(s, v, &d), KHU_OK);
}

static void tamper(struct store *s, const char *sql)
{
    CHECK_EQ_INT(sqlite3_exec(s->db,
                              "DROP TRIGGER IF EXISTS audit_no_update;"
                              "DROP TRIGGER IF EXISTS audit_no_delete;",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    CHECK_EQ_INT(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

static void test_tampering_found(void)
{
    struct store_audit_verdict v;
    struct store *s;

    s = trail_of("whole.db", 5);
    verify(s, &v);
    CHECK_EQ_INT(v.records, 5);
    CHECK_EQ_INT(v.bad_id, 0);
    CHECK_EQ_STR(v.reason, "");
    store_close(s);

    s = trail_of("changed.db", 5);
    tamper(s, "UPDATE audit SET after_json = replace(after_json, 'Hanil', 'Hanul') WHERE id = 3");
    verify(s, &v);
    CHECK_EQ_INT(v.bad_id, 3);
    CHECK(strstr(v.reason, "does not match") != NULL);
    CHECK_EQ_INT(v.head_id, 2); /* the last record that holds */
    store_close(s);

    s = trail_of("rehashed.db", 5); /* a new hash for the changed record breaks the next */
    tamper(s, "UPDATE audit SET actor = 'x', hash = '" /* any well-formed hash */
              "0000000000000000000000000000000000000000000000000000000000000000' WHERE id = 4");
    verify(s, &v);
    CHECK_EQ_INT(v.bad_id, 4);
    store_close(s);

    s = trail_of("removed.db", 5);
    tamper(s, "DELETE FROM audit WHERE id = 2");
    verify(s, &v);
    CHECK_EQ_INT(v.bad_id, 3);
    CHECK(strstr(v.reason, "from 1 to 3") != NULL);
    store_close(s);

    s = trail_of("first.db", 3);
    tamper(s, "DELETE FROM audit WHERE id = 1");
    verify(s, &v);
    CHECK_EQ_INT(v.bad_id, 2);
    CHECK(strstr(v.reason, "from 0 to 2") != NULL);
    store_close(s);

    s = trail_of("badhash.db", 2);
    tamper(s, "UPDATE audit SET hash = upper(hash) WHERE id = 2");
    verify(s, &v);
    CHECK_EQ_INT(v.bad_id, 2);
    CHECK(strstr(v.reason, "hexadecimal") != NULL);
    store_close(s);
}

/* The hash stored is the chain hash of the fields stored. */
static void test_hash_of_fields(void)
{
    struct store *s = trail_of("fields.db", 2);
    uint8_t prev[AUDIT_HASH_BYTES] = {0}, h[AUDIT_HASH_BYTES];
    char hex[AUDIT_HASH_HEX];
    sqlite3_stmt *st = NULL;
    int rows = 0;

    CHECK_EQ_INT(sqlite3_prepare_v2(s->db,
                                    "SELECT id, at_ms, actor, address, action, table_name, "
                                    "row_key, before_json, after_json, source, hash FROM audit "
                                    "ORDER BY id",
                                    -1, &st, NULL),
                 SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
        struct audit_record r = {
            .id = sqlite3_column_int64(st, 0),
            .at_ms = sqlite3_column_int64(st, 1),
            .actor = (const char *)sqlite3_column_text(st, 2),
            .address = (const char *)sqlite3_column_text(st, 3),
            .action = (const char *)sqlite3_column_text(st, 4),
            .table = (const char *)sqlite3_column_text(st, 5),
            .key = (const char *)sqlite3_column_text(st, 6),
            .before = (const char *)sqlite3_column_text(st, 7),
            .after = (const char *)sqlite3_column_text(st, 8),
            .source = (const char *)sqlite3_column_text(st, 9),
        };
        audit_chain_hash(prev, &r, h);
        audit_hash_hex(h, hex);
        CHECK_EQ_STR(hex, (const char *)sqlite3_column_text(st, 10));
        memcpy(prev, h, sizeof(prev));
        rows++;
    }
    sqlite3_finalize(st);
    CHECK_EQ_INT(rows, 2);
    store_close(s);
}

/* `khu audit verify` says the same, with its exit status. */
static void test_cli_verify(void)
{
    char path[256], *out = NULL, *err = NULL;
    struct store *s = trail_of("cli.db", 4);

    snprintf(path, sizeof(path), "%s/cli.db", dir);
    CHECK_EQ_INT(run_khu((char *[]){"audit", "verify", "--db", path, NULL}, &out, &err), 0);
    CHECK(strstr(out, "4 records, the chain holds; last record 4, hash ") != NULL);
    free(out);
    free(err);
    tamper(s, "UPDATE audit SET at_ms = at_ms + 1 WHERE id = 2");
    store_close(s);
    CHECK_EQ_INT(run_khu((char *[]){"audit", "verify", "--db", path, NULL}, &out, &err), 1);
    CHECK(strstr(err, "record 2 does not match") != NULL);
    CHECK(strstr(out, "broken at record 2") != NULL);
    free(out);
    free(err);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    test_unaudited_refused();
    test_append_only();
    test_tampering_found();
    test_hash_of_fields();
    test_cli_verify();
    remove_tree(dir);
    return test_report("test_store_sqlite_audit");
}
