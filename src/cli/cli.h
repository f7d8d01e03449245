/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the subcommands: where the database is, reading a file
 * with a size limit, printing a diagnostic as FILE:LINE:COLUMN: field:
 * message, and loading the embedded default data set.
 */
#ifndef KHU_CLI_H
#define KHU_CLI_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

#define CLI_DEFAULT_DB "khu.db"
#define CLI_MAX_IMPORT ((size_t)1 << 30) /* bytes in one imported file */

/* API */

/* Returns opt if not NULL, else $KHU_DB if set, else CLI_DEFAULT_DB. */
const char *cli_db_path(const char *opt);

/* Reads the whole file at path into *data (caller frees with xfree). Fails
 * with a message on stderr when it cannot be read or is over max bytes. */
int cli_read_file(const char *path, size_t max, char **data, size_t *len);

/* Prints d to stderr as FILE:LINE:COLUMN: field: message (parts that do not
 * apply are left out). */
void cli_print_diag(const char *file, const struct khu_diag *d);

/* Loads every table of the embedded default data set (the CSV files of data/ at build
 * time) into s in one transaction. Returns 0, or 1 after printing errors. */
int cli_load_default_data(struct store *s);

/* An export flush callback (core/export.h) writing to the FILE * in arg. */
int cli_flush_file(void *arg, struct buf *out);

/* The actor of every write a command makes: "cli:" and the name of the
 * system user who runs it ("cli:root"). The default data set loaded on a
 * first start is written by "khu". */
const struct store_actor *cli_actor(void);

/* Prints "khu CMD: unknown table 'NAME'" to stderr, with "; did you mean
 * 'TABLE'?" when a table of the schema is a likely slip for it. */
void cli_unknown_table(const char *cmd, const char *name);

/* Opens the database for writing (creating and migrating it), printing the
 * error and returning NULL on failure. A database written by an older khu
 * is upgraded with a status line on a terminal, then "upgraded the
 * database from schema version A to B in N s" on stderr unless quiet. */
struct store *cli_open_rw(const char *path, int quiet);

#endif
