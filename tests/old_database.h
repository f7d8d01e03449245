/* SPDX-License-Identifier: MIT */
/*
 * Test fixture: a database file as the khu before the latest schema version
 * left it (every migration but the last, its version written), for tests of
 * what a command does when it opens one. It knows the SQLite backend, as
 * the backend's own test does (tools/lint-layers allows this file).
 */
#ifndef KHU_TEST_OLD_DATABASE_H
#define KHU_TEST_OLD_DATABASE_H

#include <sqlite3.h>
#include <stdio.h>

#include "store/sqlite/migrations.h"

#define OLD_DATABASE_LATEST MIGRATION_LATEST /* the version opening it reaches */

/* Writes the database at path (which must not exist). Returns 0, or -1
 * when SQLite refused a step. */
static inline int write_old_database(const char *path)
{
    sqlite3 *db = NULL;
    char pragma[64];
    int v, rc = sqlite3_open(path, &db) == SQLITE_OK ? 0 : -1;

    for (v = 1; rc == 0 && v < MIGRATION_LATEST; v++)
        rc = sqlite3_exec(db, migration_sql(v), NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
    snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", MIGRATION_LATEST - 1);
    if (rc == 0)
        rc = sqlite3_exec(db, pragma, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
    sqlite3_close(db);
    return rc;
}

#endif
