/* SPDX-License-Identifier: MIT */
/*
 * Shared lookups (see lookup.h).
 */
#include "store/lookup.h"
#include "store/sqlite/sq.h"

#include <stdio.h>

int store_sector_codes(struct store *s, const char *code, char codes[][SECTOR_CODE_MAX], int max)
{
    sqlite3_stmt *st = sq_prepare(s, "SELECT code FROM sectors WHERE code = ?1"
                                     " UNION SELECT to_code FROM sector_map WHERE from_code = ?1"
                                     " UNION SELECT from_code FROM sector_map WHERE to_code = ?1");
    int n = 0;

    if (!st)
        return 0;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    while (n < max && sqlite3_step(st) == SQLITE_ROW)
        snprintf(codes[n++], SECTOR_CODE_MAX, "%s", (const char *)sqlite3_column_text(st, 0));
    sq_release(s, st);
    return n;
}

int store_unit_exists(struct store *s, const char *code)
{
    sqlite3_stmt *st = sq_prepare(s, "SELECT 1 FROM units WHERE code = ?1");
    int found = 0;

    if (!st)
        return 0;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
    sq_release(s, st);
    return found;
}
