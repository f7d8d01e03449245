/* SPDX-License-Identifier: MIT */
/*
 * The check use case: is the database sound? The engine's own checks (an
 * intact file, no reference to a missing row) and every row of every table
 * held against the data model (core/validate), every address in a source
 * text covered by a registered source and every provenance token naming a
 * source its row cites (app_sources.h), each problem handed out as a
 * sentence.
 */
#ifndef KHU_APP_CHECK_H
#define KHU_APP_CHECK_H

#include "store/check.h"
#include "store/store.h"

/* API */

/* Checks s, handing fn (may be NULL) every problem found, and sets
 * *problems to their number. Returns KHU_OK when every check ran, whether
 * or not it found problems; otherwise the error that stopped them, with d
 * filled (*problems then counts what was found before). */
enum khu_err app_check(struct store *s, store_finding_fn fn, void *arg, long *problems,
                       struct khu_diag *d);

#endif
