/* SPDX-License-Identifier: MIT */
/*
 * The store: the one door to the database. Everything above it (api, cli,
 * report) calls use cases declared here and in the other headers of
 * src/store; none of them names the database engine, its types or its SQL.
 * A backend (src/store/sqlite today, PostgreSQL later) implements every
 * function. A struct store is one connection and belongs to one thread at a
 * time. Every write goes through one transaction that carries its actor
 * (store_tx_begin / store_tx_commit, or store_write).
 */
#ifndef KHU_STORE_H
#define KHU_STORE_H

#include <stdint.h>

#include "core/err.h"
#include "core/row.h"

#define STORE_BUSY_TIMEOUT_MS 5000 /* a write waits this long for another writer */
#define STORE_ACTOR_MAX       64

enum store_mode {
    STORE_READ_ONLY,  /* the database must exist and be at the latest version */
    STORE_READ_WRITE, /* creates the database if missing and migrates it */
};

struct store;    /* opaque: one connection */
struct store_tx; /* opaque: one write transaction of a store */

/* Who writes: a user name, "cli" for a command run on the server, or
 * "anonymous" for a public form (an inquiry). address is the client's
 * address when the write came over HTTP, "" otherwise. */
struct store_actor {
    char name[STORE_ACTOR_MAX];
    char address[64];
};

/* Receives one row of a result: borrowed, valid only during the call.
 * Returns 0 to go on, or non-zero to stop (the use case then returns
 * KHU_OK unless it failed for another reason). */
typedef int (*store_row_fn)(void *arg, const struct khu_row *row);

/* The body of a write: runs inside tx and returns KHU_OK to commit, or an
 * error (with d filled) to roll everything back. */
typedef enum khu_err (*store_write_fn)(struct store_tx *tx, void *arg, struct khu_diag *d);

/* What store_open_with tells of each schema migration it runs. */
enum store_migration_step {
    STORE_MIGRATION_START,   /* about to begin */
    STORE_MIGRATION_WORKING, /* still at it: said every STORE_MIGRATION_TICK steps of work */
    STORE_MIGRATION_DONE,    /* committed */
};

#define STORE_MIGRATION_TICK 1000000 /* engine steps between two WORKING reports */

struct store_migration {
    enum store_migration_step step;
    int from;          /* the version the database had when opened (0: a new database) */
    int version;       /* the version this migration reaches */
    int latest;        /* the last version the store knows */
    const char *about; /* what the migration does, one line in English */
};

typedef void (*store_migration_fn)(void *arg, const struct store_migration *m);

/* API */

/* Opens the database at path. In STORE_READ_WRITE mode creates and migrates
 * it to the latest schema version. Returns KHU_OK and sets *out (free with
 * store_close), or an error with a sentence in d. */
enum khu_err store_open(const char *path, enum store_mode mode, struct store **out,
                        struct khu_diag *d);

/* As store_open; in STORE_READ_WRITE mode fn(arg, ...) is told of each
 * migration run (a large database may take seconds per step): when it
 * starts, while it works, and once committed. fn NULL: store_open. */
enum khu_err store_open_with(const char *path, enum store_mode mode, store_migration_fn fn,
                             void *arg, struct store **out, struct khu_diag *d);

/* Closes the connection and frees s. NULL is a no-op. */
void store_close(struct store *s);

/* Migrates from the current schema version up to version (at most
 * store_latest_version()), one transaction per step. */
enum khu_err store_migrate(struct store *s, int version, struct khu_diag *d);

/* Returns the schema version of the database, or -1 on error. */
int store_version(struct store *s);

/* Returns the schema version this build creates. */
int store_latest_version(void);

/* Returns the backend's name and library version, e.g. "SQLite 3.40.1". */
const char *store_engine(void);

/* Returns 1 if the database has no zones and no units. */
int store_is_empty(struct store *s);

/* Returns 1 if no table of the data model holds a row. */
int store_is_blank(struct store *s);

/* Sets *gen to a number that grows by one with each change any connection
 * commits to the data model's tables (this connection's own writes
 * included); a write of accounts, sessions or tokens alone leaves it.
 * Returns KHU_OK, or an error when the database cannot be asked. */
enum khu_err store_generation(struct store *s, uint64_t *gen);

/* One change to the data model, as store_changes reports it: the
 * generation it moved store_generation to, its table, the key of the row
 * it changed (NULL: the whole table, as an import changes it, or a row a
 * key of one column does not name) and the columns it changed, written
 * ",a,b," (NULL: any, as for a new row). */
struct store_change {
    uint64_t gen;
    const char *table;
    const char *key;
    const char *columns;
};

/* Receives one change (valid during the call); returns nonzero to stop. */
typedef int (*store_change_fn)(void *arg, const struct store_change *c);

/* Calls fn with each change whose generation is in (from, to], in order,
 * so that what was read of the data under from can be kept where no
 * change touched it. Returns KHU_OK when every change of the range was
 * reported (or fn stopped); KHU_ENOTFOUND when some are no longer known (only
 * the newest few thousand are kept), so that the caller must take
 * everything as changed; or the database's error. */
enum khu_err store_changes(struct store *s, uint64_t from, uint64_t to, store_change_fn fn,
                           void *arg);

/* A snapshot: from store_snapshot_begin until store_snapshot_end, every
 * read through s sees the database as of its first read after the begin;
 * what others commit meanwhile is not seen. An answer built from several
 * reads (a code checked, a page, its count) so agrees with itself, and
 * pays for one read transaction instead of one per read. Begins nest:
 * inside an open snapshot begin returns 0 and the matching end does
 * nothing. A write begun inside a snapshot is refused (store_tx_begin
 * answers KHU_ECONFLICT). Returns the token that store_snapshot_end takes. */
int store_snapshot_begin(struct store *s);

/* Ends the snapshot of the store_snapshot_begin that returned token. */
void store_snapshot_end(struct store *s, int token);

/* Writes a consistent copy of the database to dest; safe while other
 * connections read and write. */
enum khu_err store_backup(struct store *s, const char *dest, struct khu_diag *d);

/* ===== the write path ===== */

/* Begins the one write transaction of s for actor, waiting up to
 * STORE_BUSY_TIMEOUT_MS for another writer. Returns KHU_OK and *out, or
 * KHU_EBUSY when the database stayed locked, or another error in d. End it
 * with store_tx_commit or store_tx_rollback. */
enum khu_err store_tx_begin(struct store *s, const struct store_actor *actor, struct store_tx **out,
                            struct khu_diag *d);

/* Commits tx and frees it. On failure everything is rolled back, tx is
 * freed all the same, and the error is returned with d filled. */
enum khu_err store_tx_commit(struct store_tx *tx, struct khu_diag *d);

/* Rolls tx back and frees it. NULL is a no-op. */
void store_tx_rollback(struct store_tx *tx);

/* The actor of tx. */
const struct store_actor *store_tx_actor(const struct store_tx *tx);

/* The connection tx writes through: what a use case reads inside the
 * transaction (a user, a reference) it reads through this. */
struct store *store_tx_store(struct store_tx *tx);

/* Runs fn in one write transaction for actor: begins, calls fn, commits
 * when fn returns KHU_OK, rolls back otherwise. Returns fn's error or the
 * transaction's. */
enum khu_err store_write(struct store *s, const struct store_actor *actor, store_write_fn fn,
                         void *arg, struct khu_diag *d);

/* 1 (as opened): a commit of s that grows the write-ahead log past 1000
 * pages copies the log into the database before it returns; 0: never, and
 * another connection must (store_checkpoint), so that no write waits for
 * a copy of everyone's pages. */
void store_set_self_checkpoint(struct store *s, int on);

/* Copies what the write-ahead log holds into the database as far as the
 * readers allow, without waiting for or blocking anyone. Sets *frames
 * (may be NULL) to the log's length in pages and *copied to how many of
 * them are in the database now. catch_up: first wait for the writers of
 * this process to pause (their turn), so that the copy catches up with
 * the log and the next write starts the log anew: under a steady stream
 * of writes a copy made beside them never does, and the log only grew. */
enum khu_err store_checkpoint(struct store *s, int catch_up, long *frames, long *copied,
                              struct khu_diag *d);

/* Lets the write transactions of s (opened STORE_READ_WRITE) run on one
 * connection shared by every store of this process that shares its writes
 * to the same file, opened now by the first of them and closed with the
 * last. Reads outside a transaction stay on s. For a server whose threads
 * each keep a store: the shared connection's cache of pages stays warm
 * from one write to the next. Takes s's busy timeout and checkpoint
 * setting when it opens the connection. Returns KHU_OK, KHU_EINVAL for a
 * read-only s, or the error of opening with d filled. */
enum khu_err store_share_writes(struct store *s, struct khu_diag *d);

/* Sets how long a write transaction of s waits for another connection's
 * write lock before store_tx_begin gives up with KHU_EBUSY (ms >= 0;
 * store_open sets STORE_BUSY_TIMEOUT_MS). For tests and tools that must not
 * wait that long. */
void store_set_busy_timeout(struct store *s, int ms);

/* Fills a with name and address (both may be NULL: ""). */
void store_actor_set(struct store_actor *a, const char *name, const char *address);

#endif
