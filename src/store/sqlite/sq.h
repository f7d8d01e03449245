/* SPDX-License-Identifier: MIT */
/*
 * Inside the SQLite backend: the connection behind struct store, the cache
 * of prepared statements, reading a result row into khu's typed values,
 * mapping SQLite's result codes to khu's errors (one table), and the SQL
 * fragments of the domain written once (which zones count toward totals,
 * available land, the scope of an administrative unit over time). Only
 * files under src/store/sqlite include this header.
 */
#ifndef KHU_SQ_H
#define KHU_SQ_H

#include <sqlite3.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/row.h"
#include "store/store.h"

#define SQ_MAX_COLS 128 /* values of one result row handed out at once */

struct stmt_cache;

/* The scopes of units as JSON arrays, kept while the data this connection
 * sees is unchanged (sq_scope.c): a few dozen units, one slot each. */
#define SQ_SCOPE_SLOTS 64
struct sq_scope_slot {
    char *unit;        /* owned; NULL: an empty slot */
    char *codes;       /* owned: the codes at or under the unit */
    char *zones;       /* owned: the rowids of the zones there; NULL until asked */
    int64_t *zone_ids; /* owned: the same rowids, ascending; NULL until asked */
    size_t nzone_ids;
};
struct sq_scope_memo {
    uint64_t generation; /* store_generation when the slots were filled */
    struct sq_scope_slot slot[SQ_SCOPE_SLOTS];
};

struct sq_search_memo;   /* what a connection keeps of its searches (sq_search.c) */
struct sq_list_mem;      /* the resources a connection keeps in memory (sq_list_mem.c) */
struct sq_shared_writer; /* a write connection shared by a process (sq_shared_writer.c) */

struct store {
    sqlite3 *db;
    char path[4096];
    struct stmt_cache *stmts;        /* kept prepared statements (sq_stmt_cache.c); owned */
    struct store_tx *tx;             /* the open write transaction, or NULL */
    int busy_timeout_ms;             /* how long a write waits for the lock */
    int self_checkpoint;             /* store_set_self_checkpoint's last word; 1 at first */
    struct sq_shared_writer *shared; /* where writes run (store_share_writes), or NULL */
    struct sq_scope_memo scope;      /* the unit scopes lists asked for (sq_scope.c) */
    struct sq_search_memo *search;   /* owned; NULL until a search needs it */
    struct sq_list_mem *lists;       /* owned; NULL until a list needs it */
    /* store_generation's last answer, and what it was read under */
    int gen_known;
    int64_t gen_data_version, gen_total_changes;
    uint64_t gen;
};

struct store_tx {
    struct store *s;      /* the connection the transaction runs on */
    struct store *caller; /* the store it was begun on: s, or one sharing s */
    struct store_actor actor;
    int64_t changes_at_begin; /* sqlite3_total_changes64 when the transaction began */
    int64_t changes_audited;  /* ... right after its last audit record; -1: none yet */
};

/* One change as its writer describes it, for sq_audit_append. The strings
 * are borrowed; NULL is "none". */
struct sq_change {
    const char *action; /* "insert", "update", "import", "user.add", ... */
    const char *table;
    const char *key;
    const char *before; /* JSON or NULL */
    const char *after;  /* JSON or NULL */
    const char *source;
    const char *as_of; /* YYYY-MM-DD or NULL */
    /* for the readers' account of changes (data_changes): the columns an
     * update changed, ",a,b,", or NULL (any); whole_table: the change
     * touched the table as a whole (an import), not the row of key */
    const char *columns;
    int whole_table;
};

/* ===== the domain's SQL, written once ===== */

/* The set of unit codes at or under ?1, including units that were replaced
 * by one of them (so a new province covers its predecessors). Use after
 * WITH RECURSIVE; ?1 must be the first parameter of the query. */
#define SQ_UNIT_SCOPE_CTE                                                                          \
    "scope(code) AS (SELECT ?1 UNION SELECT u.code FROM units u, scope s"                          \
    " WHERE u.parent_code = s.code OR u.replaced_by = s.code)"

/* Sets *json to the scope of unit (SQ_UNIT_SCOPE_CTE) as a JSON array of
 * codes, for `WITH scope(code) AS (SELECT value FROM json_each(?))`: read
 * once and kept while this connection sees the same data (a list with a
 * unit filter spent a third of its time walking the units again). The
 * text stays valid until the next call on s or store_close. Returns
 * KHU_OK, or the error of the database with d filled. */
enum khu_err sq_unit_scope_json(struct store *s, const char *unit, size_t n, const char **json,
                                struct khu_diag *d);

/* The zones in the scope of unit (SQ_ZONES_IN_SCOPE): sets *json to their
 * rowids as a JSON array, for `z.rowid IN (SELECT value FROM
 * json_each(?))`, kept like the codes: the list's page then seeks each
 * zone in the index it filters by (kind, status) instead of walking the
 * scope's codes through two indexes for every page and its count (a third
 * less time a page, a tenth for a count). Valid, and returned, as for
 * sq_unit_scope_json. */
enum khu_err sq_unit_scope_zones(struct store *s, const char *unit, size_t n, const char **json,
                                 struct khu_diag *d);

/* The same zones as sorted rowids: *ids (n of them) for a list chosen in
 * memory (sq_list_mem.c), kept and valid as for sq_unit_scope_json. */
enum khu_err sq_unit_scope_zone_ids(struct store *s, const char *unit, size_t n,
                                    const int64_t **ids, size_t *nids, struct khu_diag *d);

/* The zones in a unit's scope (after a CTE named scope of its codes): those
 * whose district or commune is in it. */
#define SQ_ZONES_IN_SCOPE                                                                          \
    "SELECT rowid FROM zones WHERE unit_code IN scope"                                             \
    " UNION SELECT rowid FROM zones WHERE commune IN scope"

/* Frees what s->scope keeps. */
void sq_scope_free(struct store *s);

/* Appends to match the FTS5 query for one folded word w[0..n) of a search
 * in the full-text index fts, matching every indexed term that begins with
 * the word: the terms themselves, `"t"` or `("t1" OR "t2" ...)`, when the
 * index holds at most SQ_TERMS_MAX of them; else the prefix `"w"*`. FTS5
 * answers a prefix without its own prefix index (prefix='2 3 4') by
 * merging the posting lists of all those terms in memory, for the page and
 * again for the count: 15 ms for "company" over 200,000 enterprises, 60 us
 * for the same term named. Words of 2 to 4 characters keep the prefix
 * form, which that index answers lazily. The terms are read from the
 * index's vocabulary and kept per connection while the data it sees is
 * unchanged. Returns KHU_OK, KHU_ENOMEM, or the database's error in d. */
#define SQ_TERMS_MAX 16
enum khu_err sq_terms_match(struct store *s, const char *fts, const char *w, size_t n,
                            struct buf *match, struct khu_diag *d);

/* Sets *hits to the number of rows the FTS5 query match finds in the
 * full-text index fts, counting at most max of them: a bounded walk of
 * the index that never reads the table, kept per connection while the
 * data it sees is unchanged (every page of a search, and every search of
 * a common word, needs the same count: 70 us over 200,000 enterprises).
 * Returns KHU_OK, KHU_ENOMEM, or the database's error in d. */
enum khu_err sq_search_hits(struct store *s, const char *fts, const char *match, int64_t max,
                            int64_t *hits, struct khu_diag *d);

/* Frees what s->search keeps. */
void sq_search_free(struct store *s);

/* The rowid of the enterprise whose tax code is the SQL expression x: a
 * number in the order of the tax codes themselves (core/validate: 10
 * digits, then nothing, "-NNN" or "NNN"; '-' sorts before the digits), so
 * that rowid order is key order. Ten digits times 2001 stays below 2^63. */
#define SQ_TAX_CODE_ROWID(x)                                                                       \
    "(CAST(substr(" x ", 1, 10) AS INTEGER) * 2001 + CASE length(" x ") WHEN 10 THEN 0"            \
    " WHEN 14 THEN 1 + CAST(substr(" x ", 12, 3) AS INTEGER)"                                      \
    " ELSE 1001 + CAST(substr(" x ", 11, 3) AS INTEGER) END)"

/* Zones z that are not an umbrella of other zones: an umbrella's members
 * are counted, never the umbrella itself as well. */
#define SQ_ZONE_NOT_UMBRELLA "NOT EXISTS (SELECT 1 FROM zones m WHERE m.group_code = z.code)"

/* Zones z established: approved, building or operating. */
#define SQ_ZONE_ESTABLISHED "z.status IN ('approved','building','operating')"

/* Zones z counted toward the province's totals: established and not an
 * umbrella. The one definition behind the reconciliation, the targets'
 * registry figures, the stats' `counted` groups and the `counted` filter. */
#define SQ_ZONE_COUNTED "(" SQ_ZONE_ESTABLISHED " AND " SQ_ZONE_NOT_UMBRELLA ")"

/* 1 when zone z is counted, else 0 (also when its status is unknown). */
#define SQ_ZONE_COUNTED_FLAG "(CASE WHEN " SQ_ZONE_COUNTED " THEN 1 ELSE 0 END)"

/* 1 when zone z is an umbrella of other zones, else 0. */
#define SQ_ZONE_UMBRELLA_FLAG "(CASE WHEN " SQ_ZONE_NOT_UMBRELLA " THEN 0 ELSE 1 END)"

/* Land still available in zone z (ha); NULL when either figure is unknown. */
#define SQ_ZONE_AVAILABLE                                                                          \
    "(CASE WHEN z.industrial_ha IS NOT NULL AND z.leased_ha IS NOT NULL"                           \
    " THEN z.industrial_ha - z.leased_ha END)"

/* Occupancy of zone z in percent, two decimals; NULL when unknown. */
#define SQ_ZONE_OCCUPANCY                                                                          \
    "(CASE WHEN z.industrial_ha > 0 AND z.leased_ha IS NOT NULL"                                   \
    " THEN round(100.0 * z.leased_ha / z.industrial_ha, 2) END)"

/* API */

/* Appends the audit record of change c to the trail, inside tx and after
 * the change itself (store_tx_commit refuses a transaction whose last
 * changes have no record): the actor and address of tx, the time from the
 * system clock, the next id and the hash chained to the last record.
 * Returns KHU_OK, or the database's error with d filled. */
enum khu_err sq_audit_append(struct store_tx *tx, const struct sq_change *c, struct khu_diag *d);

/* The writers' turn (sq_write.c): every write transaction of this process
 * runs inside it. sq_turn_take waits up to ms; returns 0, or -1 when the
 * time ran out. */
int sq_turn_take(int ms);
void sq_turn_give(void);

/* KHU_OK when a write may begin on s for actor; otherwise fills d and
 * returns KHU_ECONFLICT (a write or a read snapshot open on s) or
 * KHU_EINVAL (no actor). */
enum khu_err sq_tx_may_begin(struct store *s, const struct store_actor *actor, struct khu_diag *d);

/* 1 when tx changed rows after its last audit record (or changed rows and
 * wrote none): a write use case that forgot its record, which must not be
 * saved. sq_tx_refuse_unaudited fills d with why and logs it. */
int sq_tx_unaudited(const struct store_tx *tx);
void sq_tx_refuse_unaudited(struct khu_diag *d);

/* Forgets what s knew of the data's generation and drops the memos kept
 * by it (scopes, searches, lists): after a rollback, a generation read
 * inside the transaction can come again with other data. */
void sq_forget_generation(struct store *s);

/* store_write on a store that shares its writes (store_share_writes): the
 * write joins the queue of the shared connection, and whoever is first in
 * it runs the writes queued behind it in one transaction, each in its own
 * savepoint, so that one commit saves them all (sq_shared_writer.c). */
enum khu_err sq_shared_write(struct store *s, const struct store_actor *actor, store_write_fn fn,
                             void *arg, struct khu_diag *d);

/* For tests: how many writes wait in the queue of the connection s
 * shares, and how many transactions were run for that queue so far (0
 * when s shares none). */
long sq_shared_queued(struct store *s);
unsigned long sq_shared_groups(struct store *s);

/* The connection the write transactions of s run on: the one it shares
 * (store_share_writes), or s itself. */
struct store *sq_writer_of(struct store *s);

/* Stops s sharing a write connection; the last store to leave closes it.
 * For store_close. */
void sq_shared_writer_leave(struct store *s);

/* Records, inside tx, that table changed now and who changed it (what
 * GET /api/v1/datasets shows as its date of change). */
enum khu_err sq_mark_updated(struct store_tx *tx, const char *table, struct khu_diag *d);

/* 1 when column name's text goes into its row's folded search text
 * (import.c), else 0. */
int sq_is_search_col(const char *name);

/* The newest changes data_changes keeps (audit.c prunes the older ones;
 * store_changes answers nothing older). */
#define SQ_DATA_CHANGES_KEPT 4096

/* Whether change c touches what a memo holds (nonzero: it does). */
typedef int (*sq_touches_fn)(void *arg, const struct store_change *c);

/* Whether a change in generations (from, to] touches what a memo read
 * under from holds, as touches says of each change; 1 also when the
 * changes are not known (too old, or the database could not be asked),
 * or when to < from. 0 when from == to. */
int sq_changes_touch(struct store *s, uint64_t from, uint64_t to, sq_touches_fn touches, void *arg);

/* 1 when change c may have changed column (its columns name it, or are
 * not known), else 0. */
int sq_change_has_column(const struct store_change *c, const char *column);

/* Returns the system clock's time in milliseconds since 1970-01-01 UTC:
 * the time of audit records and accounts (taken here, never from SQL). */
int64_t sq_now_ms(void);

/* Writes the row of table t whose key columns equal key (as many values
 * as t has key columns) as a JSON object of its columns (core/row.h) to
 * out; writes nothing and sets *found to 0 when there is no such row.
 * Returns KHU_OK, or an error with d filled. */
enum khu_err sq_row_json(struct store *s, const struct table_def *t, const char *const *key,
                         struct buf *out, int *found, struct khu_diag *d);

struct cell;

/* Appends to sql the INSERT of one row of t: every column of core/schema
 * bound as ?1..?ncols, then the folded search text (?ncols+1) when t is
 * searchable, and the rowid the schema's triggers demand, from the key
 * (?1), for the tables that have one (migration_key_rowid). The importer
 * and the row writes insert the same way (import.c). */
void sq_insert_sql(struct buf *sql, const struct table_def *t);

/* Binds the value of cell c (core/validate.h) as parameter index of st:
 * NULL, text (not copied: c must outlive the step), integer or real. The
 * importer and the row writes bind cells the same way (import.c). */
void sq_bind_cell(sqlite3_stmt *st, int index, const struct cell *c);

/* Returns a prepared statement for sql, reset and with no values bound:
 * one kept from an earlier call with the same text when there is one, else
 * a new one that is kept for later. Give it back with sq_release before
 * the next request (a statement not released keeps its read transaction
 * open). Returns NULL on failure, with the message in sqlite3_errmsg. */
sqlite3_stmt *sq_prepare(struct store *s, const char *sql);

/* Gives back a statement from sq_prepare: resets it and clears its
 * bindings for the next use (or finalizes it when it was not kept). NULL
 * is a no-op. */
void sq_release(struct store *s, sqlite3_stmt *st);

/* Finalizes the kept statements (store_close calls it). */
void sq_stmts_free(struct store *s);

/* Fills vals (room for max) with the current row of st and points row at
 * them. The values borrow st's memory until the next step or reset. */
void sq_row(sqlite3_stmt *st, struct khu_value *vals, int max, struct khu_row *row);

/* Steps st to its end, handing each row to fn. Returns KHU_OK (also when
 * fn stopped early), or the error of the failed step with d filled. */
enum khu_err sq_each(struct store *s, sqlite3_stmt *st, store_row_fn fn, void *arg,
                     struct khu_diag *d);

/* Prepares sql through the statement cache (no parameters) and steps it
 * into fn as sq_each does; what names the data in error messages. */
enum khu_err sq_each_sql(struct store *s, const char *sql, const char *what, store_row_fn fn,
                         void *arg, struct khu_diag *d);

/* Maps a SQLite result code to khu's error and fills d (may be NULL) with
 * what went wrong, in words a person can act on, naming what (e.g. "the
 * lead") but never a file path or SQL. The engine's own message goes to
 * the log (stderr). */
enum khu_err sq_error(struct store *s, int rc, const char *what, struct khu_diag *d);

/* Runs sql (no results). On failure fills d as sq_error does. */
enum khu_err sq_exec(struct store *s, const char *sql, struct khu_diag *d);

#endif
