/* SPDX-License-Identifier: MIT */
/*
 * What a connection keeps of its text searches while the data it sees is
 * unchanged (see sq.h): the terms of the full-text index a word stands for
 * (sq_terms_match), read from the index's vocabulary through an fts5vocab
 * table in the connection's temp schema, and the number of hits of a
 * search (sq_search_hits). Each is a small direct-mapped table, emptied
 * when a change touches a full-text index (sq_changes_touch).
 */
#include "store/sqlite/sq.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

#define TERMS_SLOTS       512 /* words kept per connection */
#define TERMS_MAX_WORD    64  /* longer words are looked up each time */
#define TERMS_MAX_INDEXES 8   /* full-text indexes with a vocabulary table */
#define PREFIX_MIN_CHARS  2   /* the prefix index's lengths (FTS5_OPTIONS) */
#define PREFIX_MAX_CHARS  4
#define HITS_SLOTS        512  /* searches whose hits are kept per connection */
#define HITS_MAX_MATCH    1024 /* longer searches are counted each time */

struct terms_slot {
    const char *fts; /* the index's name (static, from the resource table) */
    char *word;      /* owned; NULL: empty slot */
    char *expr;      /* owned: what the word stands for in a MATCH */
};

struct hits_slot {
    const char *fts; /* the index's name (static) */
    char *match;     /* owned; NULL: empty slot */
    int64_t max;     /* counted up to this many */
    int64_t hits;    /* found: at most max */
};

struct sq_search_memo {
    uint64_t generation;                  /* store_generation when the slots were filled */
    const char *vocab[TERMS_MAX_INDEXES]; /* indexes whose vocabulary table exists */
    struct terms_slot slot[TERMS_SLOTS];
    struct hits_slot hits[HITS_SLOTS];
};

static void clear_slots(struct sq_search_memo *m)
{
    size_t i;

    for (i = 0; i < TERMS_SLOTS; i++) {
        xfree(m->slot[i].word);
        xfree(m->slot[i].expr);
        memset(&m->slot[i], 0, sizeof(m->slot[i]));
    }
    for (i = 0; i < HITS_SLOTS; i++) {
        xfree(m->hits[i].match);
        memset(&m->hits[i], 0, sizeof(m->hits[i]));
    }
}

void sq_search_free(struct store *s)
{
    if (!s->search)
        return;
    clear_slots(s->search);
    xfree(s->search);
    s->search = NULL;
}

/* sq_touches_fn: the terms and hits kept follow the full-text indexes,
 * which change with a row added or removed, or a column of a row's search
 * text changed (",a,b," in c->columns). */
static int search_touched(void *arg, const struct store_change *c)
{
    const struct table_def *t = schema_table(c->table);
    size_t i;

    (void)arg;
    for (i = 0; t && t->searchable && i < t->ncols; i++)
        if (sq_is_search_col(t->cols[i].name) && sq_change_has_column(c, t->cols[i].name))
            return 1;
    return 0;
}

/* The connection's memo, emptied if the data changed since it was filled;
 * NULL when it cannot be had (*err set, d filled for the database's). */
static struct sq_search_memo *memo_now(struct store *s, enum khu_err *err, struct khu_diag *d)
{
    uint64_t gen;

    if (!s->search && !(s->search = xcalloc(1, sizeof(*s->search)))) {
        *err = KHU_ENOMEM;
        return NULL;
    }
    if (store_generation(s, &gen)) {
        *err = sq_error(s, sqlite3_errcode(s->db), "the search", d);
        return NULL;
    }
    if (gen != s->search->generation) {
        if (sq_changes_touch(s, s->search->generation, gen, search_touched, NULL))
            clear_slots(s->search);
        s->search->generation = gen;
    }
    return s->search;
}

/* Appends t[0..n) to out as an FTS5 string, a quote inside it doubled. */
static void quoted(struct buf *out, const char *t, size_t n)
{
    size_t i;

    buf_putc(out, '"');
    for (i = 0; i < n; i++)
        buf_append(out, t[i] == '"' ? "\"\"" : t + i, t[i] == '"' ? 2 : 1);
    buf_putc(out, '"');
}

/* Creates the vocabulary table of fts in this connection's temp schema,
 * once; the name of the table is written to name. */
static enum khu_err vocabulary(struct store *s, const char *fts, char *name, size_t size,
                               struct khu_diag *d)
{
    struct sq_search_memo *m = s->search;
    char sql[256];
    int i, rc;

    snprintf(name, size, "temp.%s_terms", fts);
    for (i = 0; i < TERMS_MAX_INDEXES && m->vocab[i]; i++)
        if (strcmp(m->vocab[i], fts) == 0)
            return KHU_OK;
    snprintf(sql, sizeof(sql),
             "CREATE VIRTUAL TABLE IF NOT EXISTS %s USING fts5vocab(main, %s, instance)", name,
             fts);
    rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return sq_error(s, rc, "the search's words", d);
    if (i < TERMS_MAX_INDEXES)
        m->vocab[i] = fts;
    return KHU_OK;
}

/* Writes the expression of w[0..n) to out (see sq_terms_match): walks the
 * vocabulary from w, one seek per term (an instance table stops at the
 * first posting; a row table would count each term's postings). */
static enum khu_err read_terms(struct store *s, const char *fts, const char *w, size_t n,
                               struct buf *out, struct khu_diag *d)
{
    char table[128], sql[256];
    struct buf from, terms;
    sqlite3_stmt *st;
    enum khu_err err;
    int count = 0, rc = SQLITE_ROW;

    buf_init(&from, 4096);
    buf_init(&terms, 8192);
    err = vocabulary(s, fts, table, sizeof(table), d);
    if (err)
        return err;
    snprintf(sql, sizeof(sql), "SELECT term FROM %s WHERE term >= ?1 LIMIT 1", table);
    st = sq_prepare(s, sql);
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the search's words", d);
    buf_append(&from, w, n);
    while (count <= SQ_TERMS_MAX && !from.err) {
        const char *t;
        size_t tn;

        sqlite3_bind_text(st, 1, buf_cstr(&from), (int)from.len, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc != SQLITE_ROW)
            break;
        t = (const char *)sqlite3_column_text(st, 0);
        tn = (size_t)sqlite3_column_bytes(st, 0);
        if (!t || tn < n || memcmp(t, w, n) != 0) {
            rc = SQLITE_DONE;
            break;
        }
        if (++count <= SQ_TERMS_MAX) {
            buf_puts(&terms, count > 1 ? " OR " : "");
            quoted(&terms, t, tn);
        }
        /* the next term: the least text after t ("\x01" sorts first, as
         * no term holds a control character) */
        buf_reset(&from);
        buf_append(&from, t, tn);
        buf_putc(&from, '\x01');
        sqlite3_reset(st);
    }
    sq_release(s, st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        err = sq_error(s, rc, "the search's words", d);
    else if (count == 0 || count > SQ_TERMS_MAX) { /* nothing to merge, or too much to name */
        quoted(out, w, n);
        buf_putc(out, '*');
    } else if (count == 1) {
        buf_append(out, terms.data, terms.len);
    } else {
        buf_printf(out, "(%s)", buf_cstr(&terms));
    }
    if (!err && (from.err || terms.err || out->err))
        err = KHU_ENOMEM;
    buf_free(&from);
    buf_free(&terms);
    return err;
}

static size_t slot_of(const char *fts, const char *w, size_t n, size_t slots)
{
    uint32_t h = 2166136261u;
    size_t i;

    for (i = 0; fts[i]; i++)
        h = (h ^ (unsigned char)fts[i]) * 16777619u;
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h % slots;
}

enum khu_err sq_terms_match(struct store *s, const char *fts, const char *w, size_t n,
                            struct buf *match, struct khu_diag *d)
{
    struct sq_search_memo *m;
    struct terms_slot *slot;
    struct buf expr;
    size_t chars = utf8_count(w, n);
    enum khu_err err = KHU_OK;

    if (chars >= PREFIX_MIN_CHARS && chars <= PREFIX_MAX_CHARS) {
        quoted(match, w, n);
        buf_putc(match, '*');
        return match->err ? KHU_ENOMEM : KHU_OK;
    }
    if (!(m = memo_now(s, &err, d)))
        return err;
    slot = &m->slot[slot_of(fts, w, n, TERMS_SLOTS)];
    if (slot->word && strcmp(slot->fts, fts) == 0 && strlen(slot->word) == n &&
        memcmp(slot->word, w, n) == 0) {
        buf_puts(match, slot->expr);
        return match->err ? KHU_ENOMEM : KHU_OK;
    }
    buf_init(&expr, 16384);
    err = read_terms(s, fts, w, n, &expr, d);
    if (!err && n <= TERMS_MAX_WORD) {
        char *word = xmalloc(n + 1), *kept = xstrdup(buf_cstr(&expr));

        if (word && kept) {
            memcpy(word, w, n);
            word[n] = '\0';
            xfree(slot->word);
            xfree(slot->expr);
            slot->fts = fts;
            slot->word = word;
            slot->expr = kept;
        } else { /* not kept: only slower next time */
            xfree(word);
            xfree(kept);
        }
    }
    if (!err)
        buf_append(match, expr.data, expr.len);
    buf_free(&expr);
    return err ? err : match->err ? KHU_ENOMEM : KHU_OK;
}

enum khu_err sq_search_hits(struct store *s, const char *fts, const char *match, int64_t max,
                            int64_t *hits, struct khu_diag *d)
{
    struct sq_search_memo *m;
    struct hits_slot *slot;
    sqlite3_stmt *st;
    enum khu_err err = KHU_OK;
    char sql[256];
    int rc;

    if (!(m = memo_now(s, &err, d)))
        return err;
    slot = &m->hits[slot_of(fts, match, strlen(match), HITS_SLOTS)];
    /* kept: counted as far, or all of them */
    if (slot->match && strcmp(slot->fts, fts) == 0 && strcmp(slot->match, match) == 0 &&
        (slot->max >= max || slot->hits < slot->max)) {
        *hits = slot->hits < max ? slot->hits : max;
        return KHU_OK;
    }
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s MATCH ?1 LIMIT ?2)",
             fts, fts);
    if (!(st = sq_prepare(s, sql)))
        return sq_error(s, sqlite3_errcode(s->db), "the search", d);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, max);
    rc = sqlite3_step(st);
    *hits = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sq_release(s, st);
    if (rc != SQLITE_ROW)
        return sq_error(s, rc, "the search", d);
    if (strlen(match) <= HITS_MAX_MATCH) {
        char *kept = xstrdup(match);
        if (kept) { /* not kept: only slower next time */
            xfree(slot->match);
            slot->fts = fts;
            slot->match = kept;
            slot->max = max;
            slot->hits = *hits;
        }
    }
    return KHU_OK;
}
