/* SPDX-License-Identifier: MIT */
/*
 * CSV import in one transaction (see import.h). Each record is validated
 * cell by cell against core/schema, inserted with a reused prepared
 * statement, and remembered (rowid -> line, columns of its references) so
 * that the reference check at the end can point at the line that is wrong.
 */
#include "store/import.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sq.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/audit_chain.h"
#include "core/csv.h"
#include "core/text_fold.h"
#include "core/validate.h"
#include "core/xalloc.h"

#define MAX_REFS 4 /* reference columns per table */
/* Page cache of the importing connection, in KiB (allocated as used). A
 * national import changes ~170 MB of pages in one transaction; with the
 * connection's usual 16 MB, SQLite spilled and re-read them from the
 * write-ahead log over and over (660 MB written for a 170 MB database). */
#define IMPORT_CACHE_KIB       (256 * 1024)
#define FTS5_DEFAULT_AUTOMERGE 4 /* FTS5's own default for 'automerge' */

/* Where each inserted row of one table came from. */
struct row_origin {
    sqlite3_int64 rowid;
    long line;
    int ref_column[MAX_REFS]; /* column (characters) of each reference field */
};

struct table_log {
    const struct table_def *t;
    char *file;
    uint8_t digest[AUDIT_HASH_BYTES]; /* BLAKE2b-256 of the file's bytes, for the audit record */
    long removed;                     /* rows a replace removed first; -1: not a replace */
    int ref_cols[MAX_REFS];           /* schema index of each reference column, -1 unused */
    struct row_origin *rows;
    size_t n, cap;
};

struct importer {
    struct store *s;
    struct store_tx *tx; /* the write transaction the whole import runs in */
    int replace;
    int fts_deferred;            /* triggers are off: full-text indexes are rebuilt before COMMIT */
    struct buf deferred_indexes; /* CREATE INDEX statements to run again before COMMIT */
    int cache_size;              /* the connection's PRAGMA cache_size before the import */
    size_t max_errors;
    size_t errors;
    long rows;
    import_report_fn report;
    void *arg;
    import_progress_fn progress;
    void *progress_arg;
    struct table_log logs[32];
    size_t nlogs;
};

/* Per-file state while reading one CSV document. */
struct file_ctx {
    struct importer *im;
    const struct table_def *t;
    struct table_log *log;
    const char *file;
    size_t len;                 /* bytes of the document */
    long records;               /* records read after the header */
    int map[IMPORT_MAX_FIELDS]; /* CSV field index -> schema column, -1 unknown */
    size_t nfields;
    sqlite3_stmt *insert;
    struct buf scratch[IMPORT_MAX_FIELDS];
    struct buf search;
};

/* ===== reporting ===== */

static void report(struct importer *im, const char *file, long line, long column, const char *field,
                   const char *msg)
{
    struct khu_diag d;

    im->errors++;
    if (im->errors > im->max_errors)
        return;
    khu_diag_set(&d, line, column, field, "%s", msg);
    if (im->errors == im->max_errors)
        snprintf(d.message + strlen(d.message), sizeof(d.message) - strlen(d.message),
                 " (stopping after %zu errors)", im->max_errors);
    im->report(im->arg, file, &d);
}

static int too_many(const struct importer *im)
{
    return im->errors >= im->max_errors;
}

/* ===== full-text indexes ===== */

/* The only triggers of the schema keep the full-text indexes in step, one
 * row at a time; in a bulk import that costs more than everything else
 * together (FTS5 flushes its pending terms at every statement). So when
 * those are the only triggers there are (besides the ones that check a
 * rowid made from the key, which the import's INSERT makes with the very
 * same expression: migration_key_rowid, and the audit trail's refusal to
 * change a record, which an import never does), the import turns triggers off on
 * its own connection and rebuilds the index of every table it wrote just
 * before COMMIT, in the same transaction: the index then holds exactly the
 * entries the triggers would have written (its pages are laid out
 * differently, as after an FTS5 'optimize'), and a failed or killed import
 * leaves both as they were. */
static int only_fts_triggers(struct store *s)
{
    sqlite3_stmt *st = NULL;
    int only = 0;

    if (sqlite3_prepare_v2(s->db,
                           "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name"
                           " NOT IN (tbl_name || '_fts_ai', tbl_name || '_fts_ad',"
                           " tbl_name || '_fts_au', tbl_name || '_rowid_ai',"
                           " tbl_name || '_rowid_au', 'audit_no_update', 'audit_no_delete')",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        only = sqlite3_column_int(st, 0) == 0;
    sqlite3_finalize(st);
    return only;
}

/* The value of a one-number pragma, or fallback when it cannot be read. */
static int pragma_int(struct store *s, const char *sql, int fallback)
{
    sqlite3_stmt *st = NULL;
    int v = fallback;

    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void set_cache_size(struct store *s, int size)
{
    char sql[64];

    snprintf(sql, sizeof(sql), "PRAGMA cache_size=%d", size);
    sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

/* Turns the triggers of the connection on or off; returns 1 when they are
 * now as asked. */
static int set_triggers(struct store *s, int on)
{
    int now = -1;

    return sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, on, &now) == SQLITE_OK &&
           now == on;
}

/* A large file goes faster into a table without its secondary indexes:
 * they are dropped here (inside the import's transaction, so a rollback
 * brings them back) and built again, sorted, by restore_indexes before
 * COMMIT. Keys and uniqueness are untouched (those are not dropped). */
static enum khu_err defer_indexes(struct importer *im, const char *table)
{
    sqlite3_stmt *st = NULL;
    struct buf drops;
    struct khu_diag d;
    enum khu_err err = KHU_OK;

    buf_init(&drops, 1 << 16);
    if (sqlite3_prepare_v2(im->s->db,
                           "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                           " AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE '%UNIQUE%'",
                           -1, &st, NULL) != SQLITE_OK)
        return KHU_EDB;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        buf_printf(&drops, "DROP INDEX \"%s\";", sqlite3_column_text(st, 0));
        buf_printf(&im->deferred_indexes, "%s;", sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    if (drops.err || im->deferred_indexes.err)
        err = KHU_ENOMEM;
    else if (drops.len)
        err = sq_exec(im->s, buf_cstr(&drops), &d);
    buf_free(&drops);
    return err;
}

static enum khu_err restore_indexes(struct importer *im)
{
    struct khu_diag d;

    if (!im->deferred_indexes.len)
        return KHU_OK;
    return sq_exec(im->s, buf_cstr(&im->deferred_indexes), &d);
}

static enum khu_err rebuild_fts(struct importer *im)
{
    struct khu_diag d;
    char sql[512];
    size_t i, j;
    enum khu_err err = KHU_OK;

    for (i = 0; i < im->nlogs && !err; i++) {
        const struct table_def *t = im->logs[i].t;
        for (j = 0; j < i && im->logs[j].t != t; j++)
            ;
        if (j < i || !t->searchable)
            continue; /* done already, or no index */
        /* with no merging while it builds, then one merge into a single
         * segment: 30% less time than merging as it goes (0.6 s of 2.1 s
         * for 200,000 enterprises), and a search then reads one segment,
         * not seven. Merging as rows change is the default again after. */
        snprintf(sql, sizeof(sql),
                 "INSERT INTO %1$s_fts(%1$s_fts, rank) VALUES('automerge', 0);"
                 "INSERT INTO %1$s_fts(%1$s_fts) VALUES('rebuild');"
                 "INSERT INTO %1$s_fts(%1$s_fts) VALUES('optimize');"
                 "INSERT INTO %1$s_fts(%1$s_fts, rank) VALUES('automerge', %2$d);",
                 t->name, FTS5_DEFAULT_AUTOMERGE);
        err = sq_exec(im->s, sql, &d);
    }
    return err;
}

/* ===== setup ===== */

enum khu_err importer_begin(struct store *s, const struct store_actor *actor, int replace,
                            size_t max_errors, import_report_fn fn, void *arg,
                            struct importer **out, struct khu_diag *d)
{
    struct importer *im = xcalloc(1, sizeof(*im));
    enum khu_err err;

    *out = NULL;
    if (!im)
        return KHU_ENOMEM;
    im->s = s;
    im->replace = replace;
    im->max_errors = max_errors ? max_errors : IMPORT_MAX_ERRORS;
    im->report = fn;
    im->arg = arg;
    im->cache_size = pragma_int(s, "PRAGMA cache_size", -2000);
    buf_init(&im->deferred_indexes, 1 << 16);
    set_cache_size(s, -IMPORT_CACHE_KIB);
    err = store_tx_begin(s, actor, &im->tx, d);
    if (err) {
        set_cache_size(s, im->cache_size);
        buf_free(&im->deferred_indexes);
        xfree(im);
        return err;
    }
    if (only_fts_triggers(s)) {
        im->fts_deferred = 1; /* set first: importer_free turns them back on */
        if (!set_triggers(s, 0)) {
            khu_diag_set(d, 0, 0, NULL, "database: cannot turn triggers off for the import");
            importer_abort(im);
            return KHU_EDB;
        }
    }
    *out = im;
    return KHU_OK;
}

static void free_logs(struct importer *im)
{
    size_t i;

    for (i = 0; i < im->nlogs; i++) {
        xfree(im->logs[i].rows);
        xfree(im->logs[i].file);
    }
    im->nlogs = 0;
}

/* Frees im; turns the connection's triggers back on. */
static void importer_free(struct importer *im)
{
    if (im->fts_deferred)
        set_triggers(im->s, 1);
    set_cache_size(im->s, im->cache_size);
    buf_free(&im->deferred_indexes);
    free_logs(im);
    xfree(im);
}

void importer_abort(struct importer *im)
{
    if (!im)
        return;
    store_tx_rollback(im->tx);
    importer_free(im);
}

static struct table_log *log_for(struct importer *im, const struct table_def *t, const char *file)
{
    struct table_log *log;
    size_t i, r = 0;

    if (im->nlogs == sizeof(im->logs) / sizeof(im->logs[0]))
        return NULL;
    log = &im->logs[im->nlogs];
    memset(log, 0, sizeof(*log));
    log->t = t;
    log->file = xstrdup(file);
    if (!log->file)
        return NULL;
    for (i = 0; i < MAX_REFS; i++)
        log->ref_cols[i] = -1;
    for (i = 0; i < t->ncols && r < MAX_REFS; i++)
        if (t->cols[i].ref_table)
            log->ref_cols[r++] = (int)i;
    im->nlogs++;
    return log;
}

/* ===== search text ===== */

int sq_is_search_col(const char *name)
{
    static const char *const cols[] = {"code", "tax_code", "name_vi",   "name_en", "name_ko",
                                       "name", "products", "developer", NULL};
    const char *const *c;

    for (c = cols; *c; c++)
        if (strcmp(*c, name) == 0)
            return 1;
    return 0;
}

/* Drops every word of the space-separated text in out that an earlier
 * word repeats. The full-text indexes keep no positions (detail=none), so
 * the second "sunjin" of a name given in Vietnamese and in English adds
 * nothing to them but the time to index it (a fifth of the words of the
 * enterprises). */
static void drop_repeated_words(struct buf *out)
{
    enum { SLOTS = 128 };
    struct {
        size_t at, len;
    } seen[SLOTS];
    unsigned char used[SLOTS] = {0};
    size_t r = 0, w = 0, words = 0;
    char *p = out->data;

    while (r < out->len) {
        size_t len = strcspn(p + r, " "), slot;
        uint32_t h = 2166136261u;
        int repeated = 0;

        if (r + len > out->len)
            len = out->len - r;
        for (slot = 0; slot < len; slot++)
            h = (h ^ (unsigned char)p[r + slot]) * 16777619u;
        for (slot = h % SLOTS; used[slot]; slot = (slot + 1) % SLOTS) {
            if (seen[slot].len == len && memcmp(p + seen[slot].at, p + r, len) == 0) {
                repeated = 1;
                break;
            }
        }
        if (!repeated && len) {
            if (w)
                p[w++] = ' ';
            memmove(p + w, p + r, len);
            if (words < SLOTS / 2) { /* beyond that, words are kept without a check */
                used[slot] = 1;
                seen[slot].at = w;
                seen[slot].len = len;
                words++;
            }
            w += len;
        }
        r += len + 1;
    }
    out->len = w;
    if (out->data)
        out->data[w] = '\0';
}

enum khu_err import_search_text(const struct table_def *t, const char *const *values,
                                struct buf *out)
{
    size_t i;
    enum khu_err err = KHU_OK;

    buf_reset(out);
    for (i = 0; i < t->ncols && !err; i++) {
        if (!values[i] || !sq_is_search_col(t->cols[i].name))
            continue;
        if (out->len)
            buf_putc(out, ' ');
        err = text_fold(values[i], strlen(values[i]), out);
    }
    if (!err && !out->err)
        drop_repeated_words(out);
    return err ? err : out->err;
}

/* ===== header ===== */

static void report_field(struct file_ctx *fc, const struct csv_field *f, const char *field,
                         const char *msg)
{
    report(fc->im, fc->file, f->line, f->column, field, msg);
}

static int map_header(struct file_ctx *fc, struct csv_field *fields, size_t count)
{
    const struct table_def *t = fc->t;
    int seen[IMPORT_MAX_FIELDS] = {0};
    char msg[KHU_DIAG_MESSAGE_MAX];
    size_t i;
    int ok = 1;

    fc->nfields = count;
    for (i = 0; i < count; i++) {
        const char *name = fields[i].text;
        int col = schema_col_index(t, name);
        fc->map[i] = col;
        if (col < 0) {
            snprintf(msg, sizeof(msg), "unknown column '%.60s' for table %s", name, t->name);
            report_field(fc, &fields[i], name, msg);
            ok = 0;
        } else if (seen[col]++) {
            snprintf(msg, sizeof(msg), "column '%s' appears twice in the header", name);
            report_field(fc, &fields[i], name, msg);
            ok = 0;
        }
    }
    for (i = 0; i < t->ncols; i++) {
        if (!seen[i] && t->cols[i].required) {
            snprintf(msg, sizeof(msg), "required column '%s' is missing from the header",
                     t->cols[i].name);
            report(fc->im, fc->file, fields[0].line, 1, t->cols[i].name, msg);
            ok = 0;
        }
    }
    return ok;
}

void sq_insert_sql(struct buf *sql, const struct table_def *t)
{
    const char *key_rowid = migration_key_rowid(t->name);
    size_t i;

    buf_printf(sql, "INSERT INTO \"%s\" (%s", t->name, key_rowid ? "rowid, " : "");
    for (i = 0; i < t->ncols; i++)
        buf_printf(sql, "%s\"%s\"", i ? ", " : "", t->cols[i].name);
    buf_puts(sql, t->searchable ? ", search) VALUES (" : ") VALUES (");
    if (key_rowid) /* the rowid the schema's triggers demand, from the key (?1) */
        buf_printf(sql, "(SELECT %s FROM (SELECT ?1 AS k)), ", key_rowid);
    for (i = 0; i < t->ncols + (t->searchable ? 1 : 0); i++)
        buf_printf(sql, "%s?%zu", i ? ", " : "", i + 1);
    buf_putc(sql, ')');
}

static enum khu_err prepare_insert(struct file_ctx *fc)
{
    const struct table_def *t = fc->t;
    struct buf sql;
    enum khu_err err = KHU_OK;

    buf_init(&sql, 1 << 16);
    sq_insert_sql(&sql, t);
    if (sql.err)
        err = sql.err;
    else if (sqlite3_prepare_v3(fc->im->s->db, buf_cstr(&sql), -1, SQLITE_PREPARE_PERSISTENT,
                                &fc->insert, NULL) != SQLITE_OK)
        err = KHU_EDB;
    buf_free(&sql);
    return err;
}

/* ===== records ===== */

void sq_bind_cell(sqlite3_stmt *st, int index, const struct cell *c)
{
    switch (c->kind) {
    case CELL_NULL:
        sqlite3_bind_null(st, index);
        break;
    case CELL_TEXT:
        sqlite3_bind_text(st, index, c->text, (int)c->len, SQLITE_STATIC);
        break;
    case CELL_INT:
        sqlite3_bind_int64(st, index, c->i);
        break;
    case CELL_REAL:
        sqlite3_bind_double(st, index, c->r);
        break;
    }
}

/* Validates the fields of one record into cells (schema order). Returns
 * the number of errors reported. */
static int check_record(struct file_ctx *fc, struct csv_field *fields, struct cell *cells,
                        long *columns)
{
    size_t i;
    int bad = 0;
    struct khu_diag d;

    for (i = 0; i < fc->t->ncols; i++) {
        cells[i].kind = CELL_NULL;
        columns[i] = 1;
    }
    for (i = 0; i < fc->nfields; i++) {
        int col = fc->map[i];
        const struct col_def *c = &fc->t->cols[col];
        columns[col] = fields[i].column;
        khu_diag_clear(&d);
        if (validate_cell(c, fields[i].text, fields[i].len, &fc->scratch[col], &cells[col], &d)) {
            report_field(fc, &fields[i], c->name, d.message[0] ? d.message : "out of memory");
            bad++;
        }
    }
    for (i = 0; i < fc->t->ncols && !bad; i++) {
        if (cells[i].kind == CELL_NULL && fc->t->cols[i].required) {
            report(fc->im, fc->file, fields[0].line, 1, fc->t->cols[i].name, "is required");
            bad++;
        }
    }
    khu_diag_clear(&d);
    if (!bad && validate_row(fc->t, cells, &d)) {
        int col = schema_col_index(fc->t, d.field);
        report(fc->im, fc->file, fields[0].line, col >= 0 ? columns[col] : 1, d.field, d.message);
        bad++;
    }
    return bad;
}

static enum khu_err bind_search(struct file_ctx *fc, const struct cell *cells)
{
    const char *values[IMPORT_MAX_FIELDS];
    size_t i;
    enum khu_err err;

    for (i = 0; i < fc->t->ncols; i++)
        values[i] = cells[i].kind == CELL_TEXT ? cells[i].text : NULL;
    err = import_search_text(fc->t, values, &fc->search);
    if (!err)
        sqlite3_bind_text(fc->insert, (int)fc->t->ncols + 1, buf_cstr(&fc->search),
                          (int)fc->search.len, SQLITE_STATIC);
    return err;
}

static enum khu_err remember_row(struct file_ctx *fc, long line, const long *columns)
{
    struct table_log *log = fc->log;
    struct row_origin *o;
    size_t r;

    if (log->n == log->cap) {
        size_t cap = log->cap ? log->cap * 2 : 1024;
        struct row_origin *rows = xrealloc(log->rows, cap * sizeof(*rows));
        if (!rows)
            return KHU_ENOMEM;
        log->rows = rows;
        log->cap = cap;
    }
    o = &log->rows[log->n++];
    o->rowid = sqlite3_last_insert_rowid(fc->im->s->db);
    o->line = line;
    for (r = 0; r < MAX_REFS; r++)
        o->ref_column[r] = log->ref_cols[r] >= 0 ? (int)columns[log->ref_cols[r]] : 0;
    return KHU_OK;
}

/* The column of a UNIQUE constraint that failed ("UNIQUE constraint failed:
 * sources.cite"), or -1 when it is another failure or several columns. */
static int unique_column(struct file_ctx *fc, int rc)
{
    const char *m = sqlite3_errmsg(fc->im->s->db), *dot;

    if (rc != SQLITE_CONSTRAINT_UNIQUE || !(dot = strstr(m, fc->t->name)) ||
        dot[strlen(fc->t->name)] != '.' || strchr(dot, ','))
        return -1;
    return schema_col_index(fc->t, dot + strlen(fc->t->name) + 1);
}

static void report_insert_error(struct file_ctx *fc, long line, int rc, const struct cell *cells,
                                const long *columns)
{
    const struct table_def *t = fc->t;
    char msg[KHU_DIAG_MESSAGE_MAX];
    int key = schema_col_index(t, t->key[0]), col = unique_column(fc, rc);

    if (col >= 0 && col != key && cells[col].kind == CELL_TEXT) {
        snprintf(msg, sizeof(msg),
                 "duplicate %s '%.80s': another row in the database or earlier in this file "
                 "has it",
                 t->cols[col].name, cells[col].text);
        report(fc->im, fc->file, line, columns[col], t->cols[col].name, msg);
        return;
    }
    /* a rowid made from the key clashes before the key itself does */
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE ||
        rc == SQLITE_CONSTRAINT_ROWID) {
        snprintf(msg, sizeof(msg),
                 "duplicate key '%.80s': a row with this %s is already in the database or "
                 "earlier in this file",
                 cells[key].kind == CELL_TEXT ? cells[key].text : "", t->key[0]);
        report(fc->im, fc->file, line, columns[key], t->key[0], msg);
        return;
    }
    snprintf(msg, sizeof(msg), "rejected by the database: %s", sqlite3_errmsg(fc->im->s->db));
    report(fc->im, fc->file, line, 1, "", msg);
}

/* Checks one record: its field count, every cell, the row. Returns 1 when
 * it can be inserted, with cells and columns filled; 0 after reporting
 * what is wrong. */
static int record_ok(struct file_ctx *fc, struct csv_field *fields, size_t count,
                     struct cell *cells, long *columns)
{
    char msg[KHU_DIAG_MESSAGE_MAX];

    if (count != fc->nfields) {
        snprintf(msg, sizeof(msg), "expected %zu fields as in the header, found %zu", fc->nfields,
                 count);
        report(fc->im, fc->file, fields[0].line, fields[count - 1].column, "", msg);
        return 0;
    }
    return check_record(fc, fields, cells, columns) == 0;
}

static enum khu_err insert_cells(struct file_ctx *fc, long line, const struct cell *cells,
                                 const long *columns)
{
    size_t i;
    int rc;
    enum khu_err err;

    sqlite3_reset(fc->insert);
    for (i = 0; i < fc->t->ncols; i++)
        sq_bind_cell(fc->insert, (int)i + 1, &cells[i]);
    if (fc->t->searchable && (err = bind_search(fc, cells)) != KHU_OK)
        return err;
    rc = sqlite3_step(fc->insert);
    if (rc == SQLITE_DONE) {
        fc->im->rows++;
        return remember_row(fc, line, columns);
    }
    if ((rc & 0xFF) != SQLITE_CONSTRAINT)
        return KHU_EDB;
    report_insert_error(fc, line, rc, cells, columns);
    return KHU_OK;
}

static enum khu_err insert_record(struct file_ctx *fc, struct csv_field *fields, size_t count)
{
    struct cell cells[IMPORT_MAX_FIELDS];
    long columns[IMPORT_MAX_FIELDS];

    if (!record_ok(fc, fields, count, cells, columns))
        return KHU_OK;
    return insert_cells(fc, fields[0].line, cells, columns);
}

/* ===== progress ===== */

void importer_set_progress(struct importer *im, import_progress_fn fn, void *arg)
{
    im->progress = fn;
    im->progress_arg = arg;
}

static void progress(const struct file_ctx *fc, size_t done)
{
    if (fc->im->progress)
        fc->im->progress(fc->im->progress_arg, fc->t->name, fc->records, done, fc->len);
}

/* ===== records in key order ===== */

/* Where a table's rowid is made from its key (migration_key_rowid), rows
 * inserted in the file's order land all over the table's b-tree: a fifth
 * of the time of importing 200,000 enterprises. The records of such a file
 * are checked in the file's order (so that errors are reported line by
 * line). A record whose key is not below the last one inserted goes in
 * at once: for a registry's export sorted by tax code, every record, and
 * the b-tree grows at its end. The others are kept as checked cells and
 * inserted once the file is read, in key order (for a file in no order,
 * about as much memory as the file). A key seen twice is still refused at
 * its second line: a kept record goes in after every record read before
 * it, and a later record with a kept key is kept too (the last key
 * inserted only grows). The rowid's order is the key's byte order (sq.h,
 * SQ_TAX_CODE_ROWID), so comparing the keys as bytes is enough; the order
 * only makes the import faster: the rowids, and which line is refused, do
 * not depend on it. */
#define SORT_KEY_MAX 24

struct keyed_record {
    char key[SORT_KEY_MAX]; /* the key (?1 of the insert), cut to fit */
    size_t at;              /* where its cells start in the arena */
    long line;
};

struct keyed_records {
    struct keyed_record *v;
    size_t n, cap;
    struct buf arena;        /* per column: int32 column, uint8 kind, the value */
    char last[SORT_KEY_MAX]; /* the last key inserted at once, cut to fit */
    size_t kept_bytes;       /* bytes of the file whose records were kept */
};

static void keyed_init(struct keyed_records *k)
{
    memset(k, 0, sizeof(*k));
    buf_init(&k->arena, PTRDIFF_MAX);
}

static void keyed_free(struct keyed_records *k)
{
    xfree(k->v);
    buf_free(&k->arena);
}

static void cut_key(const struct cell *key, char out[SORT_KEY_MAX])
{
    memset(out, 0, SORT_KEY_MAX);
    if (key->kind == CELL_TEXT)
        memcpy(out, key->text, key->len < SORT_KEY_MAX - 1 ? key->len : SORT_KEY_MAX - 1);
}

/* Whether the record with this key goes in at once: it is not below the
 * last one that went in (the same key is in order: its insert reports the
 * duplicate). */
static int in_key_order(struct keyed_records *k, const struct cell *key)
{
    char cut[SORT_KEY_MAX];

    cut_key(key, cut);
    if (strcmp(cut, k->last) < 0)
        return 0;
    memcpy(k->last, cut, SORT_KEY_MAX);
    return 1;
}

static void put_cell(struct buf *arena, const struct cell *c, long column)
{
    int32_t col = (int32_t)column;
    uint8_t kind = (uint8_t)c->kind;
    uint32_t len;

    buf_append(arena, &col, sizeof(col));
    buf_append(arena, &kind, sizeof(kind));
    switch (c->kind) {
    case CELL_NULL:
        break;
    case CELL_INT:
        buf_append(arena, &c->i, sizeof(c->i));
        break;
    case CELL_REAL:
        buf_append(arena, &c->r, sizeof(c->r));
        break;
    case CELL_TEXT:
        len = (uint32_t)c->len;
        buf_append(arena, &len, sizeof(len));
        buf_append(arena, c->text, c->len);
        buf_putc(arena, '\0');
        break;
    }
}

/* Reads back the ncols cells put_cell wrote at p; text points into the
 * arena. */
static void get_cells(const char *p, size_t ncols, struct cell *cells, long *columns)
{
    size_t i;
    int32_t col;
    uint8_t kind;
    uint32_t len;

    for (i = 0; i < ncols; i++) {
        memcpy(&col, p, sizeof(col));
        p += sizeof(col);
        memcpy(&kind, p, sizeof(kind));
        p += sizeof(kind);
        columns[i] = col;
        memset(&cells[i], 0, sizeof(cells[i]));
        cells[i].kind = (enum cell_kind)kind;
        switch (cells[i].kind) {
        case CELL_NULL:
            break;
        case CELL_INT:
            memcpy(&cells[i].i, p, sizeof(cells[i].i));
            p += sizeof(cells[i].i);
            break;
        case CELL_REAL:
            memcpy(&cells[i].r, p, sizeof(cells[i].r));
            p += sizeof(cells[i].r);
            break;
        case CELL_TEXT:
            memcpy(&len, p, sizeof(len));
            p += sizeof(len);
            cells[i].text = p;
            cells[i].len = len;
            p += len + 1;
            break;
        }
    }
}

static enum khu_err keep_record(struct keyed_records *k, size_t ncols, const struct cell *cells,
                                const long *columns, long line)
{
    struct keyed_record *rec;
    size_t i;

    if (k->n == k->cap) {
        size_t cap = k->cap ? k->cap * 2 : 4096;
        struct keyed_record *grown = xrealloc(k->v, cap * sizeof(*grown));
        if (!grown)
            return KHU_ENOMEM;
        k->v = grown;
        k->cap = cap;
    }
    rec = &k->v[k->n++];
    cut_key(&cells[0], rec->key);
    rec->at = k->arena.len;
    rec->line = line;
    for (i = 0; i < ncols; i++)
        put_cell(&k->arena, &cells[i], columns[i]);
    return k->arena.err;
}

/* Key order; the same key in the file's order, so that a duplicate is
 * reported at its second line. */
static int by_key(const void *a, const void *b)
{
    const struct keyed_record *x = a, *y = b;
    int c = strcmp(x->key, y->key);

    return c ? c : (x->line > y->line) - (x->line < y->line);
}

static enum khu_err insert_in_key_order(struct file_ctx *fc, struct keyed_records *k)
{
    struct cell cells[IMPORT_MAX_FIELDS];
    long columns[IMPORT_MAX_FIELDS];
    size_t i;
    size_t base = fc->len - k->kept_bytes / 2; /* a kept record's bytes count half read */
    enum khu_err err = KHU_OK;

    if (k->n > 1)
        qsort(k->v, k->n, sizeof(k->v[0]), by_key);
    for (i = 0; i < k->n && !err && !too_many(fc->im); i++) {
        get_cells(k->arena.data + k->v[i].at, fc->t->ncols, cells, columns);
        err = insert_cells(fc, k->v[i].line, cells, columns);
        if ((i + 1) % IMPORT_PROGRESS_ROWS == 0)
            progress(fc,
                     base + (size_t)((double)(k->kept_bytes / 2) * (double)(i + 1) / (double)k->n));
    }
    return err;
}

/* ===== one file ===== */

static enum khu_err read_records(struct file_ctx *fc, struct csv_reader *r,
                                 struct keyed_records *keyed)
{
    struct cell cells[IMPORT_MAX_FIELDS];
    long columns[IMPORT_MAX_FIELDS];
    struct csv_field *fields;
    size_t count, at = 0;
    struct khu_diag d;
    int header_ok = 0, got;
    enum khu_err err = KHU_OK;

    while (!err && !too_many(fc->im)) {
        khu_diag_clear(&d);
        at = csv_reader_offset(r);
        got = csv_read(r, &fields, &count, &d);
        if (got == 0)
            break;
        if (got < 0) {
            report(fc->im, fc->file, d.line, d.column, d.field, d.message);
            continue;
        }
        if (!fc->nfields) {
            header_ok = map_header(fc, fields, count);
            if (!header_ok)
                return KHU_OK;
            err = prepare_insert(fc);
            continue;
        }
        if (count == 1 && fields[0].len == 0)
            continue; /* a blank line */
        if (!keyed) {
            err = insert_record(fc, fields, count);
        } else if (record_ok(fc, fields, count, cells, columns)) {
            if (in_key_order(keyed, &cells[0])) {
                err = insert_cells(fc, fields[0].line, cells, columns);
            } else {
                err = keep_record(keyed, fc->t->ncols, cells, columns, fields[0].line);
                keyed->kept_bytes += csv_reader_offset(r) - at;
            }
        }
        if (++fc->records % IMPORT_PROGRESS_ROWS == 0)
            progress(fc, csv_reader_offset(r) - (keyed ? keyed->kept_bytes / 2 : 0));
    }
    if (!err && !fc->nfields && !too_many(fc->im))
        report(fc->im, fc->file, 1, 1, "", "the file is empty: expected a header row");
    if (!err && keyed && keyed->n) {
        progress(fc, fc->len - keyed->kept_bytes / 2);
        err = insert_in_key_order(fc, keyed);
    }
    return err;
}

enum khu_err importer_add_csv(struct importer *im, const char *table, const char *file,
                              const char *data, size_t len)
{
    struct file_ctx fc;
    struct keyed_records keyed;
    struct csv_reader *r = NULL;
    size_t i, before = im->errors;
    long removed = -1;
    char sql[128];
    enum khu_err err = KHU_OK;
    struct khu_diag d;

    memset(&fc, 0, sizeof(fc));
    keyed_init(&keyed);
    fc.im = im;
    fc.file = file;
    fc.len = len;
    fc.t = schema_table(table);
    if (!fc.t) {
        report(im, file, 0, 0, "", "unknown table");
        return KHU_EINVAL;
    }
    if (im->replace) {
        snprintf(sql, sizeof(sql), "DELETE FROM %s", fc.t->name);
        err = sq_exec(im->s, sql, &d);
        if (err)
            return err;
        removed = sqlite3_changes64(im->s->db);
    }
    if (len >= IMPORT_BULK_BYTES && (err = defer_indexes(im, fc.t->name)) != KHU_OK)
        return err;
    for (i = 0; i < IMPORT_MAX_FIELDS; i++)
        buf_init(&fc.scratch[i], IMPORT_MAX_FIELD * 2);
    buf_init(&fc.search, IMPORT_MAX_FIELD * 4);
    fc.log = log_for(im, fc.t, file);
    if (fc.log) {
        fc.log->removed = removed;
        crypto_generichash(fc.log->digest, AUDIT_HASH_BYTES, (const uint8_t *)data, len, NULL, 0);
    }
    r = csv_reader_new(data, len, IMPORT_MAX_FIELD, IMPORT_MAX_FIELDS);
    progress(&fc, 0);
    if (!fc.log || !r)
        err = KHU_ENOMEM;
    else
        err = read_records(&fc, r, migration_key_rowid(fc.t->name) ? &keyed : NULL);
    progress(&fc, len);
    keyed_free(&keyed);
    csv_reader_free(r);
    sqlite3_finalize(fc.insert);
    for (i = 0; i < IMPORT_MAX_FIELDS; i++)
        buf_free(&fc.scratch[i]);
    buf_free(&fc.search);
    if (err)
        return err;
    return im->errors > before ? KHU_EINVAL : KHU_OK;
}

/* ===== references and commit ===== */

static const struct row_origin *origin_of(const struct table_log *log, sqlite3_int64 rowid)
{
    size_t lo = 0, hi = log->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (log->rows[mid].rowid < rowid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < log->n && log->rows[lo].rowid == rowid ? &log->rows[lo] : NULL;
}

/* Finds the column (the "from" of foreign key fkid) of table. */
static int fk_column(struct store *s, const char *table, int fkid, char *col, size_t n)
{
    sqlite3_stmt *st = NULL;
    char sql[128];
    int found = 0;

    snprintf(sql, sizeof(sql), "SELECT \"from\" FROM pragma_foreign_key_list('%s') WHERE id=%d",
             table, fkid);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        snprintf(col, n, "%s", (const char *)sqlite3_column_text(st, 0));
        found = 1;
    }
    sqlite3_finalize(st);
    return found;
}

static void fk_value(struct store *s, const char *table, const char *col, sqlite3_int64 rowid,
                     char *out, size_t n)
{
    sqlite3_stmt *st = NULL;
    char sql[160];

    out[0] = '\0';
    snprintf(sql, sizeof(sql), "SELECT %s FROM %s WHERE rowid=?", col, table);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, rowid);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            snprintf(out, n, "%.80s", (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
}

static void report_dangling(struct importer *im, const char *table, sqlite3_int64 rowid,
                            const char *parent, int fkid)
{
    char col[64] = "", value[96], msg[KHU_DIAG_MESSAGE_MAX];
    struct table_log *log = NULL;
    const struct row_origin *o = NULL;
    long column = 1;
    size_t l;
    int i;

    /* the file this row came from: a table may have been loaded from several */
    for (l = 0; l < im->nlogs && !o; l++) {
        if (strcmp(im->logs[l].t->name, table) != 0)
            continue;
        log = &im->logs[l];
        o = origin_of(log, rowid);
    }

    fk_column(im->s, table, fkid, col, sizeof(col));
    fk_value(im->s, table, col, rowid, value, sizeof(value));
    if (o) {
        for (i = 0; i < MAX_REFS; i++)
            if (log->ref_cols[i] >= 0 && strcmp(log->t->cols[log->ref_cols[i]].name, col) == 0)
                column = o->ref_column[i];
        snprintf(msg, sizeof(msg), "'%s' is not in %s", value, parent);
        report(im, log->file, o->line, column, col, msg);
        return;
    }
    snprintf(msg, sizeof(msg),
             "a row of %s already in the database refers to %s '%s', which this "
             "import removes",
             table, parent, value);
    report(im, table, 0, 0, col, msg);
}

static int by_rowid(const void *a, const void *b)
{
    sqlite3_int64 x = ((const struct row_origin *)a)->rowid;
    sqlite3_int64 y = ((const struct row_origin *)b)->rowid;

    return (x > y) - (x < y);
}

static enum khu_err check_references(struct importer *im)
{
    sqlite3_stmt *st = NULL;
    size_t i;
    int rc;

    /* origin_of searches by rowid; rows are logged in the order of the file,
     * which is not rowid order where the rowid is made from the key */
    for (i = 0; i < im->nlogs; i++)
        if (im->logs[i].n > 1)
            qsort(im->logs[i].rows, im->logs[i].n, sizeof(im->logs[i].rows[0]), by_rowid);

    if (sqlite3_prepare_v2(im->s->db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
        return KHU_EDB;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && !too_many(im))
        report_dangling(im, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
                        (const char *)sqlite3_column_text(st, 2), sqlite3_column_int(st, 3));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? KHU_OK : KHU_EDB;
}

/* Records, in the import's transaction, that each table it loaded changed
 * now, and who loaded it. */
static enum khu_err mark_updated(struct importer *im)
{
    size_t i;
    enum khu_err err = KHU_OK;

    for (i = 0; i < im->nlogs && !err; i++)
        err = sq_mark_updated(im->tx, im->logs[i].t->name, NULL);
    return err;
}

/* Appends one audit record per file loaded: a whole file is one write,
 * named by its label and its digest, with the rows it added (and, for a
 * replace, the rows it removed first). The rows themselves are the file's:
 * whoever keeps the file can show what was loaded. */
static enum khu_err audit_files(struct importer *im)
{
    struct khu_diag d;
    size_t i;

    for (i = 0; i < im->nlogs; i++) {
        const struct table_log *log = &im->logs[i];
        char hex[AUDIT_HASH_HEX], before[64], after[160];
        struct sq_change c = {.action = log->removed >= 0 ? "replace" : "import",
                              .table = log->t->name,
                              .key = log->file,
                              .after = after,
                              .source = log->file,
                              .whole_table = 1};
        enum khu_err err;

        audit_hash_hex(log->digest, hex);
        snprintf(after, sizeof(after), "{\"rows\":%zu,\"blake2b\":\"%s\"}", log->n, hex);
        if (log->removed >= 0) {
            snprintf(before, sizeof(before), "{\"rows\":%ld}", log->removed);
            c.before = before;
        }
        err = sq_audit_append(im->tx, &c, &d);
        if (err)
            return err;
    }
    return KHU_OK;
}

enum khu_err importer_finish(struct importer *im, long *rows)
{
    enum khu_err err = KHU_OK;
    struct khu_diag d;

    /* references are checked even after other errors, so that one run
     * reports every problem of the input */
    if (!too_many(im))
        err = check_references(im);
    if (!err && im->errors)
        err = KHU_EINVAL;
    if (!err)
        err = restore_indexes(im);
    if (!err && im->fts_deferred)
        err = rebuild_fts(im);
    if (!err)
        err = mark_updated(im);
    if (!err)
        err = audit_files(im);
    if (err) {
        importer_abort(im);
        return err;
    }
    err = store_tx_commit(im->tx, &d);
    im->tx = NULL;
    if (err) {
        importer_free(im);
        return err;
    }
    if (rows)
        *rows = im->rows;
    importer_free(im);
    return KHU_OK;
}
