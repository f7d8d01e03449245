/* SPDX-License-Identifier: MIT */
/*
 * The audit trail in SQLite (store/audit.h): appending a record inside a
 * write transaction, listing and exporting records, and recomputing the
 * chain. The table refuses UPDATE and DELETE by triggers (migration 8).
 * The next id and the previous hash are read inside the transaction,
 * which holds the write lock from its start (BEGIN IMMEDIATE), so two
 * writers can never chain to the same record.
 */
#include "store/audit.h"
#include "store/sqlite/sq.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/json_out.h"
#include "core/schema.h"

#define DATA_CHANGES_PRUNE 256 /* generations between two prunings */

#define AUDIT_COLUMNS                                                                              \
    "id, at_ms, actor, address, action, table_name, row_key, before_json, after_json, source, "    \
    "hash, as_of"

int64_t sq_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads the last record's id and hash (0 and all zero for an empty trail). */
static enum khu_err chain_head(struct store *s, int64_t *id, uint8_t hash[AUDIT_HASH_BYTES],
                               struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    enum khu_err err = KHU_OK;
    int rc;

    *id = 0;
    memset(hash, 0, AUDIT_HASH_BYTES);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the audit trail", d);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        if (audit_hash_parse((const char *)sqlite3_column_text(st, 1), hash)) {
            khu_diag_set(d, 0, 0, NULL, "the audit trail's last record has no valid hash");
            err = KHU_EDB;
        }
    } else if (rc != SQLITE_DONE) {
        err = sq_error(s, rc, "reading the audit trail", d);
    }
    sq_release(s, st);
    return err;
}

static void bind_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Moves data_generation and records, under the generation it moved to,
 * which row of which table changed (data_changes, read by store_changes).
 * Every DATA_CHANGES_PRUNE generations, the changes older than the newest
 * SQ_DATA_CHANGES_KEPT are dropped. */
static enum khu_err note_data_change(struct store *s, const struct sq_change *c, struct khu_diag *d)
{
    const struct table_def *t = schema_table(c->table);
    sqlite3_stmt *st = sq_prepare(s, "UPDATE data_generation SET n = n + 1 WHERE id = 1"
                                     " RETURNING n");
    int64_t n = 0;
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "counting the change", d);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(st);
    sq_release(s, st);
    if (rc != SQLITE_DONE || n < 1)
        return sq_error(s, rc == SQLITE_DONE ? SQLITE_ERROR : rc, "counting the change", d);
    st = sq_prepare(s, "INSERT INTO data_changes (n, table_name, row_key, columns)"
                       " VALUES (?, ?, ?, ?)");
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "recording the change", d);
    sqlite3_bind_int64(st, 1, n);
    sqlite3_bind_text(st, 2, c->table, -1, SQLITE_STATIC);
    /* a key of several columns is written joined, as nothing else names
     * the row: readers drop the whole table for it */
    bind_or_null(st, 3, c->whole_table || !t || !t->key[0] || t->key[1] ? NULL : c->key);
    bind_or_null(st, 4, c->whole_table ? NULL : c->columns);
    rc = sqlite3_step(st);
    sq_release(s, st);
    if (rc != SQLITE_DONE)
        return sq_error(s, rc, "recording the change", d);
    if (n % DATA_CHANGES_PRUNE)
        return KHU_OK;
    st = sq_prepare(s, "DELETE FROM data_changes WHERE n <= ?");
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "recording the change", d);
    sqlite3_bind_int64(st, 1, n - SQ_DATA_CHANGES_KEPT);
    rc = sqlite3_step(st);
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "recording the change", d);
}

enum khu_err sq_audit_append(struct store_tx *tx, const struct sq_change *c, struct khu_diag *d)
{
    static const char sql[] = "INSERT INTO audit (" AUDIT_COLUMNS ")"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    struct store *s = tx->s;
    uint8_t prev[AUDIT_HASH_BYTES], hash[AUDIT_HASH_BYTES];
    char hex[AUDIT_HASH_HEX];
    struct audit_record r;
    sqlite3_stmt *st;
    enum khu_err err;
    int64_t last;
    int rc;

    if (schema_table(c->table)) {
        /* a write to the data model: what was kept of it is stale. Before
         * the record, which must be the transaction's last change. */
        err = note_data_change(s, c, d);
        if (err)
            return err;
    }
    err = chain_head(s, &last, prev, d);
    if (err)
        return err;
    r = (struct audit_record){
        .id = last + 1,
        .at_ms = sq_now_ms(),
        .actor = tx->actor.name,
        .address = tx->actor.address[0] ? tx->actor.address : NULL,
        .action = c->action,
        .table = c->table,
        .key = c->key,
        .before = c->before,
        .after = c->after,
        .source = c->source,
        .as_of = c->as_of,
    };
    audit_chain_hash(prev, &r, hash);
    audit_hash_hex(hash, hex);
    st = sq_prepare(s, sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "writing the audit record", d);
    sqlite3_bind_int64(st, 1, r.id);
    sqlite3_bind_int64(st, 2, r.at_ms);
    bind_or_null(st, 3, r.actor);
    bind_or_null(st, 4, r.address);
    bind_or_null(st, 5, r.action);
    bind_or_null(st, 6, r.table);
    bind_or_null(st, 7, r.key);
    bind_or_null(st, 8, r.before);
    bind_or_null(st, 9, r.after);
    bind_or_null(st, 10, r.source);
    sqlite3_bind_text(st, 11, hex, -1, SQLITE_STATIC);
    bind_or_null(st, 12, r.as_of);
    rc = sqlite3_step(st);
    sq_release(s, st);
    if (rc != SQLITE_DONE)
        return sq_error(s, rc, "writing the audit record", d);
    tx->changes_audited = sqlite3_total_changes64(s->db);
    return KHU_OK;
}

/* ===== reading ===== */

static void bind_filter_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v && v[0])
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_filter_int(sqlite3_stmt *st, int i, int64_t v)
{
    if (v)
        sqlite3_bind_int64(st, i, v);
    else
        sqlite3_bind_null(st, i);
}

enum khu_err store_audit_list(struct store *s, const struct store_audit_filter *f, store_row_fn fn,
                              void *arg, struct khu_diag *d)
{
    /* Each filter is one parameter that is NULL when not used. With a
     * table, the index (table_name, row_key, id) answers; else the id. */
    static const char sql[] = "SELECT " AUDIT_COLUMNS " FROM audit"
                              " WHERE (?1 IS NULL OR table_name = ?1)"
                              " AND (?2 IS NULL OR row_key = ?2)"
                              " AND (?3 IS NULL OR actor = ?3)"
                              " AND (?4 IS NULL OR at_ms >= ?4)"
                              " AND (?5 IS NULL OR at_ms < ?5)"
                              " AND (?6 IS NULL OR id < ?6)"
                              " ORDER BY id DESC LIMIT ?7";
    sqlite3_stmt *st = sq_prepare(s, sql);
    enum khu_err err;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the audit trail", d);
    bind_filter_text(st, 1, f->table);
    bind_filter_text(st, 2, f->table ? f->key : NULL);
    bind_filter_text(st, 3, f->actor);
    bind_filter_int(st, 4, f->from_ms);
    bind_filter_int(st, 5, f->to_ms);
    bind_filter_int(st, 6, f->before_id);
    sqlite3_bind_int64(st, 7, f->limit > 0 ? f->limit : -1);
    err = sq_each(s, st, fn, arg, d);
    sq_release(s, st);
    return err;
}

enum khu_err store_audit_scan(struct store *s, int64_t after_id, store_row_fn fn, void *arg,
                              struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, "SELECT " AUDIT_COLUMNS " FROM audit WHERE id > ?"
                                     " ORDER BY id");
    enum khu_err err;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "reading the audit trail", d);
    sqlite3_bind_int64(st, 1, after_id);
    err = sq_each(s, st, fn, arg, d);
    sq_release(s, st);
    return err;
}

/* ===== verifying ===== */

struct verify {
    struct store_audit_verdict *v;
    uint8_t prev[AUDIT_HASH_BYTES];
};

static void blame(struct store_audit_verdict *v, int64_t id, const char *reason)
{
    v->bad_id = id;
    snprintf(v->reason, sizeof(v->reason), "%s", reason);
}

static int verify_record(void *arg, const struct khu_row *row)
{
    struct verify *w = arg;
    struct store_audit_verdict *v = w->v;
    uint8_t stored[AUDIT_HASH_BYTES], computed[AUDIT_HASH_BYTES];
    struct audit_record r = {
        .id = row_int(row, AUDIT_COL_ID),
        .at_ms = row_int(row, AUDIT_COL_AT_MS),
        .actor = row_text(row, AUDIT_COL_ACTOR),
        .address = row_text(row, AUDIT_COL_ADDRESS),
        .action = row_text(row, AUDIT_COL_ACTION),
        .table = row_text(row, AUDIT_COL_TABLE),
        .key = row_text(row, AUDIT_COL_KEY),
        .before = row_text(row, AUDIT_COL_BEFORE),
        .after = row_text(row, AUDIT_COL_AFTER),
        .source = row_text(row, AUDIT_COL_SOURCE),
        .as_of = row_text(row, AUDIT_COL_AS_OF),
    };

    v->records++;
    if (r.id != v->head_id + 1) {
        char why[120];
        snprintf(why, sizeof(why),
                 "the record before it is missing: the ids jump from %lld to %lld",
                 (long long)v->head_id, (long long)r.id);
        blame(v, r.id, why);
        return 1;
    }
    if (audit_hash_parse(row_text(row, AUDIT_COL_HASH), stored)) {
        blame(v, r.id, "its hash is not 64 hexadecimal digits");
        return 1;
    }
    audit_chain_hash(w->prev, &r, computed);
    if (memcmp(stored, computed, AUDIT_HASH_BYTES) != 0) {
        blame(v, r.id,
              "its hash does not match its content and the record before it: the record was "
              "changed, or a record before it was changed or removed");
        return 1;
    }
    memcpy(w->prev, stored, AUDIT_HASH_BYTES);
    v->head_id = r.id;
    audit_hash_hex(stored, v->head_hash);
    return 0;
}

enum khu_err store_audit_verify(struct store *s, struct store_audit_verdict *v, struct khu_diag *d)
{
    struct verify w;

    memset(v, 0, sizeof(*v));
    memset(&w, 0, sizeof(w));
    w.v = v;
    return store_audit_scan(s, 0, verify_record, &w, d);
}
