/* SPDX-License-Identifier: MIT */
/*
 * When each session was last used, kept in memory: a session unused for
 * APP_SESSION_IDLE_MS ends, without a write to the database at every
 * request. A session this process has not seen yet counts as used when it
 * began or when the process started, whichever is later; so a restart
 * gives a session at most one more idle period, never past its absolute
 * end (in the database).
 */
#ifndef KHU_API_SESSION_IDLE_H
#define KHU_API_SESSION_IDLE_H

#include <stdint.h>

/* API */

/* Returns 1 when the session with digest (64 hex digits) begun at
 * created_ms was used less than idle_ms before now_ms, and records now_ms
 * as its last use; returns 0 (and forgets it) when it has been idle
 * longer. */
int api_session_fresh(const char *digest, int64_t created_ms, int64_t now_ms, int64_t idle_ms);

/* Forgets the session with digest (signed out). */
void api_session_forget(const char *digest);

#endif
