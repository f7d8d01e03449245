/* SPDX-License-Identifier: MIT */
/*
 * A process-wide memo of rows as the read API writes them in a JSON page:
 * the object of one row of a resource, in one language, labelled with the
 * generation its data was read in. A page is still chosen, ordered and
 * counted by the database on every request; only the writing of a row
 * already written in this generation is saved. It holds at most
 * its room (API_ROW_MEMO_MAX_BYTES unless set), one row per slot of a fixed table (a newer row
 * takes the slot of an older one), and serves nothing of an older
 * generation (the rule of app/app_generation.c, as for the answer cache).
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

/* Appends to out the JSON kept for the row of resource whose key is
 * key[0..n), written in lang, and returns 1, when it was kept under the
 * current generation; returns 0 and leaves out alone otherwise. */
int api_row_memo_get(const char *resource, enum api_lang lang, const char *key, size_t n,
                     struct buf *out);

/* Keeps json[0..len) as that row's JSON, written from data read under
 * generation gen (read before the data), when gen is still the current
 * generation and the memo has room; otherwise does nothing. */
void api_row_memo_put(uint64_t gen, const char *resource, enum api_lang lang, const char *key,
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
