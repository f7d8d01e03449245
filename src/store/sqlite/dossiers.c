/* SPDX-License-Identifier: MIT */
/*
 * The dossier workflow's reads and its writes beside the data model's
 * rows, in SQL (see dossiers.h).
 */
#include "store/dossiers.h"

#include <stdio.h>
#include <string.h>

#include "store/sqlite/sq.h"

#define DOSSIER_COLS                                                                               \
    "d.code, d.project_code, d.procedure, d.submitted_on, d.due_on, d.status, d.decision,"         \
    " d.decided_on, d.receiving_department, d.accepted_on, d.returned_on, d.missing,"              \
    " d.limit_code, d.limit_days, d.limit_kind, d.appraised_on, d.appraisal, d.certificate_no,"    \
    " p.name, p.investor_tax_code, p.zone_code, z.kind,"                                           \
    " (SELECT group_concat(q.asked_on || '/' || coalesce(q.answered_on, ''), ' ')"                 \
    "  FROM dossier_questions q WHERE q.dossier_code = d.code AND q.department IS NULL)"
#define DOSSIER_FROM                                                                               \
    " FROM dossiers d LEFT JOIN projects p ON p.code = d.project_code"                             \
    " LEFT JOIN zones z ON z.code = p.zone_code"

#define CONSULT_COLS                                                                               \
    "c.dossier_code, c.department, c.requested_on, c.due_on, c.answered_on, c.opinion, c.note,"    \
    " c.limit_code, c.limit_days, c.limit_kind, c.document, c.closed_on,"                          \
    " (SELECT group_concat(q.asked_on || '/' || coalesce(q.answered_on, ''), ' ')"                 \
    "  FROM dossier_questions q WHERE q.dossier_code = c.dossier_code"                             \
    "  AND q.department = c.department),"                                                          \
    " d.procedure, p.name"
#define CONSULT_FROM                                                                               \
    " FROM consultations c JOIN dossiers d ON d.code = c.dossier_code"                             \
    " LEFT JOIN projects p ON p.code = d.project_code"

static void bind_or_null(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* Runs sql with the text values vals[0..n) bound (NULL binds NULL) and
 * hands its rows to fn. *rows (may be NULL) counts them. */
static enum khu_err each_bound(struct store *s, const char *sql, const char *what,
                               const char *const *vals, int n, store_row_fn fn, void *arg,
                               long *rows, struct khu_diag *d)
{
    struct khu_value v[DOSSIER_NCOLS + 4];
    struct khu_row row;
    sqlite3_stmt *st = sq_prepare(s, sql);
    enum khu_err err = KHU_OK;
    int i, rc, stop = 0;

    if (rows)
        *rows = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), what, d);
    for (i = 0; i < n; i++)
        bind_or_null(st, i + 1, vals[i]);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (rows)
            ++*rows;
        if (stop || !fn)
            continue;
        sq_row(st, v, (int)(sizeof(v) / sizeof(v[0])), &row);
        stop = fn(arg, &row);
    }
    if (rc != SQLITE_DONE)
        err = sq_error(s, rc, what, d);
    sq_release(s, st);
    return err;
}

enum khu_err store_dossier_get(struct store *s, const char *code, store_row_fn fn, void *arg,
                               struct khu_diag *d)
{
    static const char sql[] = "SELECT " DOSSIER_COLS DOSSIER_FROM " WHERE d.code = ?1";
    long rows = 0;
    enum khu_err err = each_bound(s, sql, "the dossier", &code, 1, fn, arg, &rows, d);

    return err ? err : rows ? KHU_OK : KHU_ENOTFOUND;
}

#define DOSSIER_FILTER                                                                             \
    " WHERE (?1 IS NULL OR d.status = ?1) AND (?2 IS NULL OR d.procedure = ?2)"                    \
    " AND (?3 IS NULL OR p.investor_tax_code = ?3)"                                                \
    " AND (?4 IS NULL OR EXISTS (SELECT 1 FROM consultations c WHERE c.dossier_code = d.code"      \
    "  AND c.department = ?4))"

enum khu_err store_dossiers_list(struct store *s, const struct store_dossier_filter *f,
                                 store_row_fn fn, void *arg, long *total, struct khu_diag *d)
{
    static const char count_sql[] = "SELECT count(*)" DOSSIER_FROM DOSSIER_FILTER;
    static const char sql[] = "SELECT " DOSSIER_COLS DOSSIER_FROM DOSSIER_FILTER
                              " ORDER BY d.submitted_on DESC, d.code DESC LIMIT ?5 OFFSET ?6";
    const char *vals[4] = {f->status, f->procedure, f->investor, f->department};
    sqlite3_stmt *st;
    enum khu_err err;
    char limit[24], offset[24];
    const char *all[6];
    int rc;

    snprintf(limit, sizeof(limit), "%d", f->limit > 0 ? f->limit : -1);
    snprintf(offset, sizeof(offset), "%d", f->offset > 0 ? f->offset : 0);
    memcpy(all, vals, sizeof(vals));
    all[4] = limit;
    all[5] = offset;
    err = each_bound(s, sql, "the dossiers", all, 6, fn, arg, NULL, d);
    if (err || !total)
        return err;
    st = sq_prepare(s, count_sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the dossiers", d);
    for (rc = 0; rc < 4; rc++)
        bind_or_null(st, rc + 1, vals[rc]);
    rc = sqlite3_step(st);
    *total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sq_release(s, st);
    return rc == SQLITE_ROW ? KHU_OK : sq_error(s, rc, "the dossiers", d);
}

enum khu_err store_dossier_consultations(struct store *s, const char *code, store_row_fn fn,
                                         void *arg, struct khu_diag *d)
{
    static const char sql[] =
        "SELECT " CONSULT_COLS CONSULT_FROM " WHERE c.dossier_code = ?1 ORDER BY c.department";

    return each_bound(s, sql, "the consultations", &code, 1, fn, arg, NULL, d);
}

enum khu_err store_dossier_questions(struct store *s, const char *code, store_row_fn fn, void *arg,
                                     struct khu_diag *d)
{
    static const char sql[] = "SELECT dossier_code, n, department, asked_on, question,"
                              " answered_on, answer FROM dossier_questions WHERE dossier_code = ?1"
                              " ORDER BY n";

    return each_bound(s, sql, "the questions", &code, 1, fn, arg, NULL, d);
}

enum khu_err store_dossier_documents(struct store *s, const char *code, store_row_fn fn, void *arg,
                                     struct khu_diag *d)
{
    static const char sql[] = "SELECT dossier_code, n, name, content_type, bytes, sha256,"
                              " uploaded_on, department FROM dossier_documents"
                              " WHERE dossier_code = ?1 ORDER BY n";

    return each_bound(s, sql, "the documents", &code, 1, fn, arg, NULL, d);
}

enum khu_err store_department_queue(struct store *s, const char *department, store_row_fn fn,
                                    void *arg, struct khu_diag *d)
{
    static const char sql[] =
        "SELECT " CONSULT_COLS CONSULT_FROM " WHERE c.department = ?1 AND c.answered_on IS NULL"
        " AND c.closed_on IS NULL ORDER BY c.due_on IS NULL, c.due_on, c.requested_on,"
        " c.dossier_code";

    return each_bound(s, sql, "the department's queue", &department, 1, fn, arg, NULL, d);
}

enum khu_err store_dossiers_done(struct store *s, int by_procedure, const char *from,
                                 const char *to, store_row_fn fn, void *arg, struct khu_diag *d)
{
    static const char by_department[] =
        "SELECT c.department, dp.name_vi, dp.name_en, dp.name_ko, c.requested_on, c.due_on,"
        " c.answered_on,"
        " (SELECT group_concat(q.asked_on || '/' || coalesce(q.answered_on, ''), ' ')"
        "  FROM dossier_questions q WHERE q.dossier_code = c.dossier_code"
        "  AND q.department = c.department)"
        " FROM consultations c LEFT JOIN departments dp ON dp.code = c.department"
        " WHERE c.answered_on IS NOT NULL AND (?1 IS NULL OR c.answered_on >= ?1)"
        " AND (?2 IS NULL OR c.answered_on <= ?2) ORDER BY c.department";
    static const char by_proc[] =
        "SELECT d.procedure, NULL, NULL, NULL, d.accepted_on, d.due_on, d.decided_on,"
        " (SELECT group_concat(q.asked_on || '/' || coalesce(q.answered_on, ''), ' ')"
        "  FROM dossier_questions q WHERE q.dossier_code = d.code AND q.department IS NULL)"
        " FROM dossiers d WHERE d.status = 'decided' AND d.accepted_on IS NOT NULL"
        " AND d.decided_on IS NOT NULL AND (?1 IS NULL OR d.decided_on >= ?1)"
        " AND (?2 IS NULL OR d.decided_on <= ?2) ORDER BY d.procedure";
    const char *vals[2] = {from, to};

    return each_bound(s, by_procedure ? by_proc : by_department, "the dossiers handled", vals, 2,
                      fn, arg, NULL, d);
}

enum khu_err store_dossiers_open(struct store *s, int by_procedure, const char *today,
                                 store_row_fn fn, void *arg, struct khu_diag *d)
{
    static const char by_department[] =
        "SELECT o.department, dp.name_vi, dp.name_en, dp.name_ko, o.open, o.overdue"
        " FROM (SELECT department, count(*) AS open, sum(due_on < ?1) AS overdue"
        "  FROM consultations WHERE answered_on IS NULL AND closed_on IS NULL"
        "  GROUP BY department) o LEFT JOIN departments dp ON dp.code = o.department"
        " ORDER BY o.department";
    static const char by_proc[] =
        "SELECT procedure, NULL, NULL, NULL, count(*), sum(due_on IS NOT NULL AND due_on < ?1)"
        " FROM dossiers WHERE status IN ('received', 'consulting') GROUP BY procedure"
        " ORDER BY procedure";

    return each_bound(s, by_procedure ? by_proc : by_department, "the dossiers open", &today, 1, fn,
                      arg, NULL, d);
}

enum khu_err store_procedure_departments_on(struct store *s, const char *procedure,
                                            const char *location, const char *day, store_row_fn fn,
                                            void *arg, struct khu_diag *d)
{
    static const char sql[] =
        "SELECT procedure, location, department, role, valid_from, valid_to, source"
        " FROM procedure_departments WHERE procedure = ?1 AND location = ?2"
        " AND (valid_from IS NULL OR valid_from <= ?3) AND (valid_to IS NULL OR valid_to >= ?3)"
        " ORDER BY role DESC, department";
    const char *vals[3] = {procedure, location, day};

    return each_bound(s, sql, "the departments of the procedure", vals, 3, fn, arg, NULL, d);
}

enum khu_err store_dossier_next_n(struct store_tx *tx, const char *table, const char *code, long *n,
                                  struct khu_diag *d)
{
    const char *sql = !strcmp(table, "dossier_questions")
                          ? "SELECT coalesce(max(n), 0) + 1 FROM dossier_questions"
                            " WHERE dossier_code = ?1"
                          : "SELECT coalesce(max(n), 0) + 1 FROM dossier_documents"
                            " WHERE dossier_code = ?1";
    struct store *s = tx->s;
    sqlite3_stmt *st = sq_prepare(s, sql);
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "numbering", d);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
    sq_release(s, st);
    return rc == SQLITE_ROW ? KHU_OK : sq_error(s, rc, "numbering", d);
}

enum khu_err store_document_put(struct store_tx *tx, const char *sha256, const char *content_type,
                                const void *bytes, size_t n, struct khu_diag *d)
{
    static const char sql[] = "INSERT INTO documents (sha256, content_type, bytes, content)"
                              " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (sha256) DO NOTHING";
    struct store *s = tx->s;
    sqlite3_stmt *st = sq_prepare(s, sql);
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "keeping the document", d);
    sqlite3_bind_text(st, 1, sha256, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, content_type, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)n);
    sqlite3_bind_blob64(st, 4, bytes, n, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "keeping the document", d);
}

enum khu_err store_dossier_document(struct store *s, const char *code, long n, store_document_fn fn,
                                    void *arg, struct khu_diag *d)
{
    static const char sql[] =
        "SELECT dd.content_type, dd.name, doc.content, dd.department FROM dossier_documents dd"
        " JOIN documents doc ON doc.sha256 = dd.sha256 WHERE dd.dossier_code = ?1 AND dd.n = ?2";
    sqlite3_stmt *st = sq_prepare(s, sql);
    enum khu_err err = KHU_ENOTFOUND;
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the document", d);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, n);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        fn(arg, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
           (const char *)sqlite3_column_text(st, 3), sqlite3_column_blob(st, 2),
           (size_t)sqlite3_column_bytes(st, 2));
        err = KHU_OK;
    } else if (rc != SQLITE_DONE)
        err = sq_error(s, rc, "the document", d);
    sq_release(s, st);
    return err;
}

enum khu_err store_dossier_secret_put(struct store_tx *tx, const char *code, const char *hash,
                                      struct khu_diag *d)
{
    static const char sql[] = "INSERT INTO dossier_secrets (dossier_code, hash) VALUES (?1, ?2)";
    struct store *s = tx->s;
    sqlite3_stmt *st = sq_prepare(s, sql);
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the dossier's secret", d);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    sq_release(s, st);
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, "the dossier's secret", d);
}

enum khu_err store_dossier_secret_matches(struct store *s, const char *code, const char *hash,
                                          int *ok, struct khu_diag *d)
{
    static const char sql[] = "SELECT hash FROM dossier_secrets WHERE dossier_code = ?1";
    sqlite3_stmt *st = sq_prepare(s, sql);
    int rc;

    *ok = 0;
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the dossier's secret", d);
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const unsigned char *h = sqlite3_column_text(st, 0);
        size_t i, n = strlen(hash);
        unsigned diff = h && strlen((const char *)h) == n ? 0 : 1;
        for (i = 0; h && !diff && i < n; i++) /* the same time whatever the first mismatch */
            diff |= (unsigned)(h[i] ^ (unsigned char)hash[i]);
        *ok = !diff;
    }
    sq_release(s, st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? KHU_OK
                                                 : sq_error(s, rc, "the dossier's secret", d);
}
