/* SPDX-License-Identifier: MIT */
/*
 * The server's checkpointer: a thread with its own connection that copies
 * the write-ahead log into the database every few milliseconds, while the
 * connections that write never do (store_set_self_checkpoint 0). A write
 * then never holds the writers' turn while a thousand pages are copied
 * (with the copy inside the commit, one write in a hundred waited for it:
 * p99 17 ms, 40 ms with a longer log).
 */
#ifndef KHU_APP_CHECKPOINTER_H
#define KHU_APP_CHECKPOINTER_H

#define APP_CHECKPOINT_EVERY_MS 50
#define APP_CHECKPOINT_CATCH_UP 4096 /* pages of log past which a copy waits for a pause */

struct app_checkpointer; /* opaque */

/* API */

/* Starts the checkpointer of the database at path. Returns it, or NULL
 * when it could not start (the writers must then checkpoint themselves). */
struct app_checkpointer *app_checkpointer_start(const char *path);

/* Stops c after a last checkpoint and frees it. NULL is a no-op. */
void app_checkpointer_stop(struct app_checkpointer *c);

#endif
