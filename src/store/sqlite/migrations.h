/* SPDX-License-Identifier: MIT */
/*
 * Versioned schema migrations (PRAGMA user_version).
 */
#ifndef KHU_MIGRATIONS_H
#define KHU_MIGRATIONS_H

#include <stddef.h>
#include <stdint.h>

#define MIGRATION_LATEST 19

/* Returns the SQL that brings the schema from version-1 to version, or NULL
 * when version is not in 1..MIGRATION_LATEST. */
const char *migration_sql(int version);

/* What migration version does, one line in English ("" outside
 * 1..MIGRATION_LATEST). */
const char *migration_about(int version);

/* The rowid every row of table must have, as an SQL expression of its key
 * named k (the table's first column), or NULL when any rowid will do. Today
 * only enterprises, whose rowid follows the tax code (version 5). */
const char *migration_key_rowid(const char *table);

/* Writes to out (at least MIGRATION_KEY_MAX bytes) the key of the row whose
 * rowid is rowid, for a table of migration_key_rowid; returns its length,
 * or 0 when rowid is not one such a key makes. */
#define MIGRATION_KEY_MAX 24
typedef size_t (*migration_key_of_rowid_fn)(int64_t rowid, char *out);

/* The inverse of migration_key_rowid for table, or NULL when it has none:
 * a page in key order may then read its keys without reading its rows. */
migration_key_of_rowid_fn migration_key_of_rowid(const char *table);

#endif
