/* SPDX-License-Identifier: MIT */
/*
 * Which rows of the data model changed, as one process knows it: a
 * process-wide account, kept from store_changes, of the last generation
 * (store_generation) at which each row, and each table as a whole,
 * changed, over a window of generations (known_from, known_to]. What a
 * process keeps of single rows (the read API's row memo) asks it whether
 * a row read at one generation is still the row another generation sees,
 * so that an edit of one zone leaves every other row kept.
 *
 * The window follows the requests: app_generation_read brings it to the
 * generation its connection sees. When the changes cannot be known (the
 * database kept too few, or more rows changed than the account holds), it
 * starts again at that generation, and nothing read before is the same.
 */
#ifndef KHU_APP_CHANGED_ROWS_H
#define KHU_APP_CHANGED_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "store/rows.h"
#include "store/store.h"

#define APP_CHANGED_ROWS_MAX 4096 /* rows the account holds before it starts again */

/* API */

/* Brings the account to generation db, the store_generation that s (the
 * caller's connection, inside the snapshot that read db) answered, by
 * asking s for the changes since the newest it knows. Cheap when it knows
 * db already. s must not be inside a write transaction: what the account
 * learns must be committed. */
void app_changed_rows_follow(struct store *s, uint64_t db);

/* Returns 1 when the row of table whose key is key[0..n) (as the audit
 * trail names it, store_row_key) is known to be the same at generations a
 * and b: neither it nor its table as a whole changed between them. 0 when
 * it changed, or when the account does not cover both. */
int app_changed_rows_same(const char *table, const char *key, size_t n, uint64_t a, uint64_t b);

/* The oldest generation the account covers: nothing read before it is
 * known the same as anything read since (0 until the first follow). */
uint64_t app_changed_rows_known_from(void);

/* Forgets everything (tests). */
void app_changed_rows_reset(void);

#endif
