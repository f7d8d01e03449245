/* SPDX-License-Identifier: MIT */
/*
 * Versioned schema migrations (PRAGMA user_version).
 */
#ifndef KHU_MIGRATIONS_H
#define KHU_MIGRATIONS_H

#define MIGRATION_LATEST 4

/* Returns the SQL that brings the schema from version-1 to version, or NULL
 * when version is not in 1..MIGRATION_LATEST. */
const char *migration_sql(int version);

#endif
