/* SPDX-License-Identifier: MIT */
/*
 * User accounts and API tokens in SQLite (see store/users.h). The rows the
 * audit trail records are described here as tables of columns (as
 * core/schema describes the data model) without their secrets, so a
 * record shows who has which role, never a hash.
 */
#include "store/users.h"
#include "store/sqlite/sq.h"

#include <stdio.h>
#include <string.h>

#include "core/schema.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const key_name[] = {"name", NULL};
static const char *const key_id[] = {"id", NULL};

static const struct col_def user_cols[] = {
    {"name", COL_TEXT},       {"display_name", COL_TEXT}, {"role", COL_TEXT},
    {"department", COL_TEXT}, {"tax_code", COL_TEXT},     {"created_ms", COL_INT},
    {"password_ms", COL_INT}, {"disabled_ms", COL_INT},   {"email", COL_TEXT},
    {"head", COL_INT},
};
static const struct table_def users_def = {"users", key_name, user_cols, N(user_cols), 0};

static const struct col_def token_cols[] = {
    {"id", COL_TEXT},        {"user_name", COL_TEXT}, {"label", COL_TEXT},
    {"created_ms", COL_INT}, {"revoked_ms", COL_INT},
};
static const struct table_def tokens_def = {"api_tokens", key_id, token_cols, N(token_cols), 0};

/* A session as the trail shows it: never the digest of its secret. */
static const char *const key_hash[] = {"hash", NULL};
static const struct col_def session_cols[] = {
    {"user_name", COL_TEXT}, {"created_ms", COL_INT}, {"expires_ms", COL_INT},
    {"ended_ms", COL_INT},   {"address", COL_TEXT},
};
static const struct table_def sessions_def = {"sessions", key_hash, session_cols, N(session_cols),
                                              0};

/* ===== the audit record of a change ===== */

/* What one write changes: the row before it, read before it runs. */
struct change {
    const struct table_def *t;
    const char *key;        /* the row's key, to read it */
    const char *record_key; /* what the audit record names it by */
    const char *action;
    struct buf before, after;
    int existed;
    int64_t changes; /* the connection's count of changed rows before the write */
};

static enum khu_err change_begin(struct store_tx *tx, struct change *c, const struct table_def *t,
                                 const char *key, const char *action, struct khu_diag *d)
{
    const char *keys[] = {key};

    memset(c, 0, sizeof(*c));
    c->t = t;
    c->key = key;
    c->record_key = key;
    c->action = action;
    buf_init(&c->before, 64 * 1024);
    buf_init(&c->after, 64 * 1024);
    c->changes = sqlite3_total_changes64(tx->s->db);
    return sq_row_json(tx->s, t, keys, &c->before, &c->existed, d);
}

/* Frees what c holds. */
static void change_drop(struct change *c)
{
    buf_free(&c->before);
    buf_free(&c->after);
}

/* Reads the row after the write and appends the record; frees c. A write
 * that changed nothing (the row is as it was) leaves no record. Whether it
 * changed something is what the database counts, not only whether the row
 * reads differently: a new password hash, which the record never shows,
 * set in the same millisecond as the one before, reads the same. */
static enum khu_err change_end(struct store_tx *tx, struct change *c, struct khu_diag *d)
{
    const char *keys[] = {c->key};
    enum khu_err err;
    int exists;

    err = sq_row_json(tx->s, c->t, keys, &c->after, &exists, d);
    if (!err &&
        (sqlite3_total_changes64(tx->s->db) != c->changes || c->before.len != c->after.len ||
         memcmp(buf_cstr(&c->before), buf_cstr(&c->after), c->after.len) != 0)) {
        struct sq_change rec = {.action = c->action,
                                .table = c->t->name,
                                .key = c->record_key,
                                .before = c->existed ? buf_cstr(&c->before) : NULL,
                                .after = exists ? buf_cstr(&c->after) : NULL};
        err = sq_audit_append(tx, &rec, d);
    }
    change_drop(c);
    return err;
}

/* Ends the change c of a write that returned err: its record when the
 * write succeeded, else nothing. Returns err or the record's error. */
static enum khu_err change_finish(struct store_tx *tx, struct change *c, enum khu_err err,
                                  struct khu_diag *d)
{
    if (!err)
        return change_end(tx, c, d);
    change_drop(c);
    return err;
}

/* ===== checks ===== */

static enum khu_err exists(struct store *s, const char *sql, const char *value, int *found,
                           struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, sql);
    enum khu_err err = KHU_OK;
    int rc;

    *found = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "looking up the organisation", d);
    sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *found = 1;
    else if (rc != SQLITE_DONE)
        err = sq_error(s, rc, "looking up the organisation", d);
    sq_release(s, st);
    return err;
}

/* Checks that the organisation a user is given exists: a department or
 * an enterprise. KHU_EINVAL with d naming the field when it does not. */
static enum khu_err check_org(struct store *s, const char *department, const char *tax_code,
                              struct khu_diag *d)
{
    enum khu_err err = KHU_OK;
    int found = 1;

    if (department) {
        err = exists(s, "SELECT 1 FROM departments WHERE code = ?", department, &found, d);
        if (!err && !found) {
            khu_diag_set(d, 0, 0, "department", "there is no department with code '%s'",
                         department);
            khu_diag_rule(d, "org_missing", NULL);
        }
    } else if (tax_code) {
        err = exists(s, "SELECT 1 FROM enterprises WHERE tax_code = ?", tax_code, &found, d);
        if (!err && !found) {
            khu_diag_set(d, 0, 0, "tax_code", "there is no enterprise with tax code '%s'",
                         tax_code);
            khu_diag_rule(d, "org_missing", NULL);
        }
    }
    return err ? err : found ? KHU_OK : KHU_EINVAL;
}

static void bind_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

/* Runs a prepared write; KHU_ENOTFOUND when it changed no row. */
static enum khu_err run_write(struct store *s, sqlite3_stmt *st, const char *what,
                              struct khu_diag *d)
{
    int rc = sqlite3_step(st);
    enum khu_err err = KHU_OK;

    if (rc != SQLITE_DONE)
        err = sq_error(s, rc, what, d);
    else if (sqlite3_changes(s->db) == 0)
        err = KHU_ENOTFOUND;
    sq_release(s, st);
    return err;
}

/* ===== users ===== */

enum khu_err store_user_insert(struct store_tx *tx, const struct store_user *u, struct khu_diag *d)
{
    static const char sql[] = "INSERT INTO users (name, display_name, role, department, tax_code,"
                              " password_hash, created_ms, password_ms)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    struct store *s = tx->s;
    struct change c;
    sqlite3_stmt *st;
    int64_t now = sq_now_ms();
    enum khu_err err = check_org(s, u->department, u->tax_code, d);

    if (err)
        return err;
    err = change_begin(tx, &c, &users_def, u->name, "user.add", d);
    if (!err && c.existed) {
        khu_diag_set(d, 0, 0, "name", "a user called '%s' exists already", u->name);
        khu_diag_rule(d, "user_taken", NULL);
        err = KHU_ECONFLICT;
    }
    st = err ? NULL : sq_prepare(s, sql);
    if (!err && !st)
        err = sq_error(s, sqlite3_errcode(s->db), "adding the user", d);
    if (!err) {
        bind_or_null(st, 1, u->name);
        bind_or_null(st, 2, u->display_name);
        bind_or_null(st, 3, u->role);
        bind_or_null(st, 4, u->department);
        bind_or_null(st, 5, u->tax_code);
        bind_or_null(st, 6, u->password_hash);
        sqlite3_bind_int64(st, 7, now);
        if (u->password_hash)
            sqlite3_bind_int64(st, 8, now);
        err = run_write(s, st, "adding the user", d);
    }
    return change_finish(tx, &c, err, d);
}

#define USER_COLUMNS                                                                               \
    "name, display_name, role, department, tax_code, created_ms, password_ms, disabled_ms, email," \
    " head"

/* Runs sql (one parameter: key) and hands its one row, if any, to fn;
 * sets *found. what names the data in an error message. */
static enum khu_err find_one(struct store *s, const char *sql, const char *key, const char *what,
                             store_row_fn fn, void *arg, int *found, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, sql);
    struct khu_value vals[SQ_MAX_COLS];
    struct khu_row row;
    enum khu_err err = KHU_OK;
    int rc;

    *found = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), what, d);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *found = 1;
        sq_row(st, vals, SQ_MAX_COLS, &row);
        fn(arg, &row);
    } else if (rc != SQLITE_DONE) {
        err = sq_error(s, rc, what, d);
    }
    sq_release(s, st);
    return err;
}

enum khu_err store_user_get(struct store *s, const char *name, store_row_fn fn, void *arg,
                            int *found, struct khu_diag *d)
{
    return find_one(s, "SELECT " USER_COLUMNS ", password_hash FROM users WHERE name = ?", name,
                    "reading the user", fn, arg, found, d);
}

enum khu_err store_users_list(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    return sq_each_sql(s, "SELECT " USER_COLUMNS " FROM users ORDER BY name", "the users", fn, arg,
                       d);
}

/* Runs sql (its last parameter the user's name, ?9) on user name as one
 * audited change. */
static enum khu_err change_user(struct store_tx *tx, const char *name, const char *action,
                                sqlite3_stmt *st, struct khu_diag *d)
{
    struct change c;
    enum khu_err err = change_begin(tx, &c, &users_def, name, action, d);

    if (!err && !c.existed) {
        khu_diag_set(d, 0, 0, "name", "there is no user called '%s'", name);
        err = KHU_ENOTFOUND;
    }
    if (err) {
        sq_release(tx->s, st);
        change_drop(&c);
        return err;
    }
    sqlite3_bind_text(st, 9, name, -1, SQLITE_STATIC);
    err = run_write(tx->s, st, "changing the user", d);
    if (err == KHU_ENOTFOUND) /* the row is as it was */
        err = KHU_OK;
    return change_finish(tx, &c, err, d);
}

/* Ends every open session of user name (a disabled user is signed out). */
static enum khu_err end_sessions(struct store_tx *tx, const char *name, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(tx->s, "UPDATE sessions SET ended_ms = ?1"
                                         " WHERE user_name = ?2 AND ended_ms IS NULL");
    enum khu_err err;

    if (!st)
        return sq_error(tx->s, sqlite3_errcode(tx->s->db), "ending the sessions", d);
    sqlite3_bind_int64(st, 1, sq_now_ms());
    sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
    err = run_write(tx->s, st, "ending the sessions", d);
    return err == KHU_ENOTFOUND ? KHU_OK : err;
}

enum khu_err store_user_set_password(struct store_tx *tx, const char *name, const char *hash,
                                     struct khu_diag *d)
{
    sqlite3_stmt *st;
    /* a new password signs the user out everywhere */
    enum khu_err err = end_sessions(tx, name, d);

    if (err)
        return err;
    st = sq_prepare(tx->s, "UPDATE users SET password_hash = ?1, password_ms = ?2"
                           " WHERE name = ?9");
    if (!st)
        return sq_error(tx->s, sqlite3_errcode(tx->s->db), "changing the password", d);
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, sq_now_ms());
    return change_user(tx, name, "user.password", st, d);
}

enum khu_err store_user_rehash(struct store_tx *tx, const char *name, const char *old_hash,
                               const char *hash, struct khu_diag *d)
{
    /* only while the password is still the one just checked: a reset made
     * meanwhile is never undone */
    sqlite3_stmt *st = sq_prepare(tx->s, "UPDATE users SET password_hash = ?1"
                                         " WHERE name = ?9 AND password_hash = ?2");
    struct change c;
    enum khu_err err;

    if (!st)
        return sq_error(tx->s, sqlite3_errcode(tx->s->db), "changing the password", d);
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, old_hash, -1, SQLITE_STATIC);
    /* the row the trail shows does not change (no hash in it): record the
     * rehash all the same, so that every changed row has its record */
    err = change_begin(tx, &c, &users_def, name, "user.rehash", d);
    if (!err && !c.existed)
        err = KHU_ENOTFOUND;
    if (!err)
        err = run_write(tx->s, st, "changing the password", d);
    else
        sq_release(tx->s, st);
    if (err == KHU_ENOTFOUND && c.existed) { /* changed meanwhile: nothing to do */
        change_drop(&c);
        return KHU_OK;
    }
    if (!err) {
        struct sq_change rec = {.action = "user.rehash",
                                .table = "users",
                                .key = name,
                                .before = buf_cstr(&c.before),
                                .after = buf_cstr(&c.before)};
        err = sq_audit_append(tx, &rec, d);
    }
    change_drop(&c);
    return err;
}

enum khu_err store_user_set_role(struct store_tx *tx, const char *name, const char *role,
                                 const char *department, const char *tax_code, struct khu_diag *d)
{
    sqlite3_stmt *st;
    enum khu_err err = check_org(tx->s, department, tax_code, d);

    if (err)
        return err;
    st = sq_prepare(tx->s, "UPDATE users SET role = ?1, department = ?2, tax_code = ?3"
                           " WHERE name = ?9 AND (role IS NOT ?1 OR department IS NOT ?2"
                           " OR tax_code IS NOT ?3)");
    if (!st)
        return sq_error(tx->s, sqlite3_errcode(tx->s->db), "changing the role", d);
    bind_or_null(st, 1, role);
    bind_or_null(st, 2, department);
    bind_or_null(st, 3, tax_code);
    return change_user(tx, name, "user.role", st, d);
}

enum khu_err store_user_set_disabled(struct store_tx *tx, const char *name, int disabled,
                                     struct khu_diag *d)
{
    sqlite3_stmt *st;
    enum khu_err err = KHU_OK;

    if (disabled)
        err = end_sessions(tx, name, d);
    if (err)
        return err;
    st = sq_prepare(tx->s, disabled ? "UPDATE users SET disabled_ms = ?1"
                                      " WHERE name = ?9 AND disabled_ms IS NULL"
                                    : "UPDATE users SET disabled_ms = NULL"
                                      " WHERE name = ?9 AND disabled_ms IS NOT NULL");
    if (!st)
        return sq_error(tx->s, sqlite3_errcode(tx->s->db), "changing the user", d);
    if (disabled)
        sqlite3_bind_int64(st, 1, sq_now_ms());
    return change_user(tx, name, disabled ? "user.disable" : "user.enable", st, d);
}

enum khu_err store_user_set_contact(struct store_tx *tx, const char *name, const char *email,
                                    int head, struct khu_diag *d)
{
    sqlite3_stmt *st;

    if (head) {
        int found = 0;
        enum khu_err err = exists(tx->s,
                                  "SELECT 1 FROM users WHERE name = ? AND department IS NOT"
                                  " NULL",
                                  name, &found, d);
        if (err)
            return err;
        if (!found) {
            khu_diag_set(d, 0, 0, "head", "only a department's user can be its head");
            khu_diag_rule(d, "head", NULL);
            return KHU_EINVAL;
        }
    }
    st = sq_prepare(tx->s, "UPDATE users SET email = ?1, head = ?2"
                           " WHERE name = ?9 AND (email IS NOT ?1 OR coalesce(head, 0) IS NOT ?2)");
    if (!st)
        return sq_error(tx->s, sqlite3_errcode(tx->s->db), "changing the user", d);
    bind_or_null(st, 1, email);
    sqlite3_bind_int(st, 2, head ? 1 : 0);
    return change_user(tx, name, "user.contact", st, d);
}

/* ===== tokens ===== */

enum khu_err store_token_insert(struct store_tx *tx, const char *id, const char *user,
                                const char *hash, const char *label, struct khu_diag *d)
{
    static const char sql[] = "INSERT INTO api_tokens (id, user_name, hash, label, created_ms)"
                              " SELECT ?, name, ?, ?, ? FROM users WHERE name = ?";
    struct change c;
    sqlite3_stmt *st;
    enum khu_err err = change_begin(tx, &c, &tokens_def, id, "token.add", d);

    st = err ? NULL : sq_prepare(tx->s, sql);
    if (!err && !st)
        err = sq_error(tx->s, sqlite3_errcode(tx->s->db), "adding the token", d);
    if (!err) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
        bind_or_null(st, 3, label);
        sqlite3_bind_int64(st, 4, sq_now_ms());
        sqlite3_bind_text(st, 5, user, -1, SQLITE_STATIC);
        err = run_write(tx->s, st, "adding the token", d);
        if (err == KHU_ENOTFOUND)
            khu_diag_set(d, 0, 0, "name", "there is no user called '%s'", user);
    }
    return change_finish(tx, &c, err, d);
}

enum khu_err store_token_revoke(struct store_tx *tx, const char *id, struct khu_diag *d)
{
    struct change c;
    sqlite3_stmt *st;
    enum khu_err err = change_begin(tx, &c, &tokens_def, id, "token.revoke", d);

    if (!err && !c.existed) {
        khu_diag_set(d, 0, 0, "id", "there is no token '%s'", id);
        err = KHU_ENOTFOUND;
    }
    st = err ? NULL
             : sq_prepare(tx->s, "UPDATE api_tokens SET revoked_ms = ?"
                                 " WHERE id = ? AND revoked_ms IS NULL");
    if (!err && !st)
        err = sq_error(tx->s, sqlite3_errcode(tx->s->db), "revoking the token", d);
    if (!err) {
        sqlite3_bind_int64(st, 1, sq_now_ms());
        sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
        err = run_write(tx->s, st, "revoking the token", d);
        if (err == KHU_ENOTFOUND) /* revoked already */
            err = KHU_OK;
    }
    return change_finish(tx, &c, err, d);
}

enum khu_err store_tokens_list(struct store *s, const char *user, store_row_fn fn, void *arg,
                               struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, "SELECT id, user_name, label, created_ms, revoked_ms"
                                     " FROM api_tokens WHERE ?1 IS NULL OR user_name = ?1"
                                     " ORDER BY created_ms DESC, id DESC");
    enum khu_err err;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "listing the tokens", d);
    bind_or_null(st, 1, user);
    err = sq_each(s, st, fn, arg, d);
    sq_release(s, st);
    return err;
}

/* ===== sessions ===== */

enum khu_err store_session_insert(struct store_tx *tx, const char *hash, const char *user,
                                  int64_t expires_ms, const char *address, struct khu_diag *d)
{
    static const char sql[] = "INSERT INTO sessions (hash, user_name, created_ms, expires_ms,"
                              " address) SELECT ?, name, ?, ?, ? FROM users"
                              " WHERE name = ? AND disabled_ms IS NULL";
    char id[20];
    struct change c;
    sqlite3_stmt *st;
    enum khu_err err = change_begin(tx, &c, &sessions_def, hash, "session.start", d);

    snprintf(id, sizeof(id), "s-%.16s", hash);
    c.record_key = id;
    st = err ? NULL : sq_prepare(tx->s, sql);
    if (!err && !st)
        err = sq_error(tx->s, sqlite3_errcode(tx->s->db), "starting the session", d);
    if (!err) {
        sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 2, sq_now_ms());
        sqlite3_bind_int64(st, 3, expires_ms);
        bind_or_null(st, 4, address && address[0] ? address : NULL);
        sqlite3_bind_text(st, 5, user, -1, SQLITE_STATIC);
        err = run_write(tx->s, st, "starting the session", d);
    }
    return change_finish(tx, &c, err, d);
}

enum khu_err store_session_end(struct store_tx *tx, const char *hash, struct khu_diag *d)
{
    char id[20];
    struct change c;
    sqlite3_stmt *st;
    enum khu_err err = change_begin(tx, &c, &sessions_def, hash, "session.end", d);

    snprintf(id, sizeof(id), "s-%.16s", hash);
    c.record_key = id;
    if (!err && !c.existed)
        err = KHU_ENOTFOUND;
    st = err ? NULL
             : sq_prepare(tx->s, "UPDATE sessions SET ended_ms = ?"
                                 " WHERE hash = ? AND ended_ms IS NULL");
    if (!err && !st)
        err = sq_error(tx->s, sqlite3_errcode(tx->s->db), "ending the session", d);
    if (!err) {
        sqlite3_bind_int64(st, 1, sq_now_ms());
        sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
        err = run_write(tx->s, st, "ending the session", d);
        if (err == KHU_ENOTFOUND) /* ended already */
            err = KHU_OK;
    }
    return change_finish(tx, &c, err, d);
}

#define IDENTITY_USER "u.name, u.display_name, u.role, u.department, u.tax_code, u.disabled_ms"

enum khu_err store_session_find(struct store *s, const char *hash, store_row_fn fn, void *arg,
                                int *found, struct khu_diag *d)
{
    return find_one(s,
                    "SELECT " IDENTITY_USER ", x.created_ms, x.expires_ms, x.ended_ms"
                    " FROM sessions x JOIN users u ON u.name = x.user_name WHERE x.hash = ?",
                    hash, "looking up who signed in", fn, arg, found, d);
}

enum khu_err store_token_find(struct store *s, const char *hash, store_row_fn fn, void *arg,
                              int *found, struct khu_diag *d)
{
    return find_one(s,
                    "SELECT " IDENTITY_USER ", x.created_ms, NULL, x.revoked_ms"
                    " FROM api_tokens x JOIN users u ON u.name = x.user_name WHERE x.hash = ?",
                    hash, "looking up who signed in", fn, arg, found, d);
}
