/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's outcomes as a use case: every fact of the pipeline
 * read from the store and counted by core/outcomes between two days,
 * grouped by sector, period, event or partner. GET
 * /api/v1/linkage/outcomes runs it.
 */
#ifndef KHU_APP_OUTCOMES_H
#define KHU_APP_OUTCOMES_H

#include <stddef.h>

#include "core/err.h"
#include "core/outcomes.h"
#include "store/store.h"

#define OUTCOME_MAX_GROUPS 1000

/* API */

/* Counts into t (outcomes_init done by the caller, with room for its
 * groups) and sorts its groups. Returns KHU_OK or the store's error. */
enum khu_err app_outcomes(struct store *s, struct outcome_table *t, struct khu_diag *d);

#endif
