/* SPDX-License-Identifier: MIT */
/*
 * The database's generation as one process sees it: a number that moves
 * whenever the process notices that the database has changed. Whatever a
 * process keeps that was built from the data (the read API's answers, the
 * site finder's snapshot of the zones, the live metrics of targets) is
 * labelled with the generation read before its data was read, and served
 * only while that is still the current generation. The rule, and why it
 * never serves data older than the database, is in app_generation.c.
 */
#ifndef KHU_APP_GENERATION_H
#define KHU_APP_GENERATION_H

#include <stdint.h>

#include "core/err.h"
#include "store/store.h"

/* before = the generation read before any data is read (label what is
 * built with it), now = the current one after noticing this connection's
 * changes (serve what is labelled with it). Generations only grow. db =
 * the connection's own store_generation, the data it reads (what is kept
 * of single rows is labelled with it: app_changed_rows.h). */
struct app_generation {
    uint64_t before, now, db;
};

/* API */

/* Reads the generation for a request on connection s (one connection per
 * thread), moving it first when s shows a change since this thread last
 * asked. Call it before reading any data; inside a store snapshot, make it
 * the snapshot's first read (the snapshot is taken then, after g->before
 * was read; a snapshot taken earlier could predate the moment the
 * generation last moved, and what is built from it would be labelled too
 * new). It also brings the account of changed rows to g->db
 * (app_changed_rows_follow). Returns KHU_OK, or the store's
 * error when s cannot be asked (then nothing kept may be served). */
enum khu_err app_generation_read(struct store *s, struct app_generation *g);

/* Returns 1 while gen is still the current generation. */
int app_generation_current(uint64_t gen);

/* Gives the process a connection of its own to the database (opened by the
 * caller, read-only, used by nothing else) so that a thread's first look
 * at the database through a new connection moves the generation only when
 * the database has changed since the generation last moved: without it,
 * every new connection counts as a change, and each worker's first
 * request throws away what the others had built. NULL stops using it. The
 * caller closes it after app_generation_watch(NULL). */
void app_generation_watch(struct store *watch);

#endif
