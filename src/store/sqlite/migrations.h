/* SPDX-License-Identifier: MIT */
/*
 * Versioned schema migrations (PRAGMA user_version).
 */
#ifndef KHU_MIGRATIONS_H
#define KHU_MIGRATIONS_H

#define MIGRATION_LATEST 5

/* Returns the SQL that brings the schema from version-1 to version, or NULL
 * when version is not in 1..MIGRATION_LATEST. */
const char *migration_sql(int version);

/* The rowid every row of table must have, as an SQL expression of its key
 * named k (the table's first column), or NULL when any rowid will do. Today
 * only enterprises, whose rowid follows the tax code (version 5). */
const char *migration_key_rowid(const char *table);

#endif
