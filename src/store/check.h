/* SPDX-License-Identifier: MIT */
/*
 * What `khu check` asks the database: the engine's own soundness (the file
 * intact, every reference pointing at a row that exists) and every row of
 * a table, for the check use case (app/app_check.h) to hold against the
 * data model.
 */
#ifndef KHU_STORE_CHECK_H
#define KHU_STORE_CHECK_H

#include "core/schema.h"
#include "store/store.h"

#define STORE_FINDING_MAX 512 /* bytes of one finding with its NUL */

/* Receives one problem found, as a sentence (borrowed). Returns 0 to go
 * on, non-zero to stop looking. */
typedef int (*store_finding_fn)(void *arg, const char *finding);

/* API */

/* Checks the database file's integrity and that every reference points at
 * a row that exists, handing fn each problem found. Returns KHU_OK when
 * the checks ran (whether or not they found problems), or the error that
 * stopped them with d filled. */
enum khu_err store_check_integrity(struct store *s, store_finding_fn fn, void *arg,
                                   struct khu_diag *d);

#endif
