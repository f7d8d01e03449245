/* SPDX-License-Identifier: MIT */
/*
 * A process-wide memo of rows as the read API writes them in a JSON page:
 * the object of one row of a resource, in one language, labelled with the
 * database's generation its data was read at (app_generation.db). A page
 * is still chosen, ordered and counted by the database on every request;
 * only the writing of a row already written is saved, and a kept row is
 * served at another generation only when that row is known not to have
 * changed between the two (app/app_changed_rows.h): an edit of one zone
 * leaves the other rows kept. It holds at most its room
 * (API_ROW_MEMO_MAX_BYTES unless set), one row per slot of a fixed table
 * (a newer row takes the slot of an older one). A row's object is written
 * from its own row alone (its columns and expressions over them), which
 * is what makes the row's own changes the only ones that matter.
 */
#ifndef KHU_API_ROW_MEMO_H
#define KHU_API_ROW_MEMO_H

#include <stddef.h>
#include <stdint.h>

#include "api/api.h"
#include "core/buf.h"

#define API_ROW_MEMO_MAX_BYTES (8 * 1024 * 1024) /* keys and rows together, by default */
#define API_ROW_MEMO_SLOTS     16384             /* rows at most */

/* API */

/* Appends to out the JSON kept for the row of resource (the name of its
 * table) whose key is key[0..n), written in lang, and returns 1, when the
 * row it was written from is the row a reader at database generation db
 * sees; returns 0 and leaves out alone otherwise. */
int api_row_memo_get(uint64_t db, const char *resource, enum api_lang lang, const char *key,
                     size_t n, struct buf *out);

/* Keeps json[0..len) as that row's JSON, written from data read at
 * database generation db, when the memo has room; otherwise does
 * nothing. */
void api_row_memo_put(uint64_t db, const char *resource, enum api_lang lang, const char *key,
                      size_t n, const char *json, size_t len);

/* Sets the room of the memo in bytes (API_ROW_MEMO_MAX_BYTES until set);
 * 0 keeps nothing, so that every row is read from the database. Rows held
 * beyond a smaller room are dropped as their slots are taken. */
void api_row_memo_set_room(size_t bytes);

/* Bytes held now (for tests and the bench's account of memory). */
size_t api_row_memo_bytes(void);

/* Drops every row (for tests). */
void api_row_memo_clear(void);

#endif
