/* SPDX-License-Identifier: MIT */
/*
 * The reminders and alerts of dossiers' clocks in SQL (see
 * notifications.h).
 */
#include "store/notifications.h"

#include <stdio.h>

#include "core/json_out.h"
#include "store/sqlite/sq.h"

enum khu_err store_notify_clocks(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    static const char sql[] =
        "SELECT c.dossier_code, c.department, c.due_on, x.procedure, p.name"
        " FROM consultations c JOIN dossiers x ON x.code = c.dossier_code"
        " AND x.status = 'consulting' LEFT JOIN projects p ON p.code = x.project_code"
        " WHERE c.answered_on IS NULL AND c.closed_on IS NULL AND c.due_on IS NOT NULL"
        " ORDER BY c.due_on, c.dossier_code, c.department";

    return sq_each_sql(s, sql, "the clocks", fn, arg, d);
}

enum khu_err store_notify_people(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    static const char sql[] =
        "SELECT name, role, department, coalesce(head, 0), email FROM users"
        " WHERE disabled_ms IS NULL AND role IN ('officer', 'department') ORDER BY name";

    return sq_each_sql(s, sql, "the people to tell", fn, arg, d);
}

/* The notification id as the trail shows it. */
static enum khu_err audit_note(struct store_tx *tx, int64_t id, const char *action,
                               const char *after, struct khu_diag *d)
{
    char key[24];
    struct sq_change c = {.action = action, .table = "notifications", .key = key, .after = after};

    snprintf(key, sizeof(key), "%lld", (long long)id);
    return sq_audit_append(tx, &c, d);
}

enum khu_err store_notification_add(struct store_tx *tx, const char *user, const char *kind,
                                    const char *dossier, const char *department, const char *due_on,
                                    int64_t *id, struct khu_diag *d)
{
    static const char sql[] =
        "INSERT INTO notifications (user_name, kind, dossier_code, department, due_on,"
        " created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING";
    struct store *s = tx->s;
    sqlite3_stmt *st = sq_prepare(s, sql);
    struct buf after;
    struct jw w;
    enum khu_err err;
    int rc;

    *id = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the notification", d);
    sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, dossier, -1, SQLITE_STATIC);
    if (department)
        sqlite3_bind_text(st, 4, department, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, due_on, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, sq_now_ms());
    rc = sqlite3_step(st);
    sq_release(s, st);
    if (rc != SQLITE_DONE)
        return sq_error(s, rc, "the notification", d);
    if (sqlite3_changes(s->db) == 0)
        return KHU_OK; /* made before */
    *id = sqlite3_last_insert_rowid(s->db);
    buf_init(&after, 4096);
    jw_init(&w, &after);
    jw_obj_begin(&w);
    jw_key(&w, "user_name");
    jw_str(&w, user);
    jw_key(&w, "kind");
    jw_str(&w, kind);
    jw_key(&w, "dossier_code");
    jw_str(&w, dossier);
    jw_opt_str(&w, "department", department);
    jw_key(&w, "due_on");
    jw_str(&w, due_on);
    jw_obj_end(&w);
    err = after.err ? after.err : audit_note(tx, *id, "insert", buf_cstr(&after), d);
    buf_free(&after);
    return err;
}

enum khu_err store_notification_take(struct store_tx *tx, int64_t id, int64_t lease_ms, int *taken,
                                     struct khu_diag *d)
{
    static const char sql[] = "UPDATE notifications SET mailing_ms = ?2 WHERE id = ?1"
                              " AND mailed_ms IS NULL AND mail_error IS NULL"
                              " AND (mailing_ms IS NULL OR mailing_ms <= ?2 - ?3)";
    struct store *s = tx->s;
    sqlite3_stmt *st = sq_prepare(s, sql);
    int64_t now = sq_now_ms();
    char after[64];
    int rc;

    *taken = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the notification", d);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, now);
    sqlite3_bind_int64(st, 3, lease_ms);
    rc = sqlite3_step(st);
    sq_release(s, st);
    if (rc != SQLITE_DONE)
        return sq_error(s, rc, "the notification", d);
    if (sqlite3_changes(s->db) != 1)
        return KHU_OK;
    *taken = 1;
    snprintf(after, sizeof(after), "{\"mailing_ms\":%lld}", (long long)now);
    return audit_note(tx, id, "notification.mailing", after, d);
}

enum khu_err store_notification_mailed(struct store_tx *tx, int64_t id, const char *error,
                                       struct khu_diag *d)
{
    struct store *s = tx->s;
    sqlite3_stmt *st = sq_prepare(s, error ? "UPDATE notifications SET mail_error = ?2"
                                             " WHERE id = ?1"
                                           : "UPDATE notifications SET mailed_ms = ?3"
                                             " WHERE id = ?1");
    char after[400];
    struct buf b;
    struct jw w;
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the notification", d);
    sqlite3_bind_int64(st, 1, id);
    if (error)
        sqlite3_bind_text(st, 2, error, -1, SQLITE_STATIC);
    else
        sqlite3_bind_int64(st, 3, sq_now_ms());
    rc = sqlite3_step(st);
    sq_release(s, st);
    if (rc != SQLITE_DONE)
        return sq_error(s, rc, "the notification", d);
    buf_init(&b, sizeof(after));
    jw_init(&w, &b);
    jw_obj_begin(&w);
    jw_key(&w, error ? "mail_error" : "mailed");
    if (error)
        jw_str(&w, error);
    else
        jw_bool(&w, 1);
    jw_obj_end(&w);
    snprintf(after, sizeof(after), "%s", b.err ? "{}" : buf_cstr(&b));
    buf_free(&b);
    return audit_note(tx, id, error ? "notification.mail_failed" : "notification.mailed", after, d);
}

#define NOTE_COLUMNS                                                                               \
    "n.id, n.user_name, n.kind, n.dossier_code, n.department, n.due_on, n.created_ms,"             \
    " n.read_ms, n.mailed_ms, n.mail_error, u.email, dp.name_vi, dp.name_en, dp.name_ko,"          \
    " (SELECT p.name FROM dossiers d JOIN projects p ON p.code = d.project_code"                   \
    " WHERE d.code = n.dossier_code)"
#define NOTE_FROM                                                                                  \
    " FROM notifications n JOIN users u ON u.name = n.user_name"                                   \
    " LEFT JOIN departments dp ON dp.code = n.department"

enum khu_err store_notifications_unmailed(struct store *s, store_row_fn fn, void *arg,
                                          struct khu_diag *d)
{
    static const char sql[] = "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.mailed_ms IS NULL"
                              " AND n.mail_error IS NULL AND u.email IS NOT NULL"
                              " AND u.disabled_ms IS NULL ORDER BY n.id";

    return sq_each_sql(s, sql, "the notifications", fn, arg, d);
}

enum khu_err store_notifications_of(struct store *s, const char *user, int limit, store_row_fn fn,
                                    void *arg, struct khu_diag *d)
{
    static const char sql[] = "SELECT " NOTE_COLUMNS NOTE_FROM " WHERE n.user_name = ?1"
                              " ORDER BY n.id DESC LIMIT ?2";
    sqlite3_stmt *st = sq_prepare(s, sql);
    enum khu_err err;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the notifications", d);
    sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, limit > 0 ? limit : 50);
    err = sq_each(s, st, fn, arg, d);
    sq_release(s, st);
    return err;
}

enum khu_err store_notification_read(struct store_tx *tx, const char *user, int64_t id,
                                     struct khu_diag *d)
{
    struct store *s = tx->s;
    sqlite3_stmt *st = sq_prepare(s, "UPDATE notifications SET read_ms = ?3"
                                     " WHERE id = ?1 AND user_name = ?2 AND read_ms IS NULL");
    int rc, changed;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the notification", d);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, sq_now_ms());
    rc = sqlite3_step(st);
    sq_release(s, st);
    if (rc != SQLITE_DONE)
        return sq_error(s, rc, "the notification", d);
    changed = sqlite3_changes(s->db) > 0;
    if (!changed) {
        st = sq_prepare(s, "SELECT 1 FROM notifications WHERE id = ?1 AND user_name = ?2");
        if (!st)
            return sq_error(s, sqlite3_errcode(s->db), "the notification", d);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        sq_release(s, st);
        if (rc == SQLITE_ROW)
            return KHU_OK; /* read already */
        khu_diag_set(d, 0, 0, NULL, "no notification of yours has this number");
        return KHU_ENOTFOUND;
    }
    return audit_note(tx, id, "notification.read", "{\"read\":true}", d);
}
