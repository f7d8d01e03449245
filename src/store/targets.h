/* SPDX-License-Identifier: MIT */
/*
 * The planning targets and their dated observations, as rows. What a
 * target's progress is (core/target.h) and its live value (metrics.h) are
 * computed from these by the targets use case (app/app_targets.h).
 */
#ifndef KHU_STORE_TARGETS_H
#define KHU_STORE_TARGETS_H

#include "store/store.h"

/* The first values of a row of store_targets, in this order; every column
 * of the targets table follows, from TARGET_ROW, in schema order. */
enum target_col {
    TARGET_CODE,
    TARGET_METRIC,
    TARGET_SCOPE_UNIT,
    TARGET_NAME_VI,
    TARGET_NAME_EN,
    TARGET_NAME_KO,
    TARGET_BASIS,
    TARGET_DIRECTION,
    TARGET_BASELINE,
    TARGET_BASELINE_ON,
    TARGET_VALUE,
    TARGET_DUE_ON,
    TARGET_ROW
};

/* API */

/* Hands fn every target ordered by code, with values as in enum
 * target_col. Returns KHU_OK (also when fn stopped early), or the error
 * with d filled. */
enum khu_err store_targets(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

/* Hands fn every observation of every target, ordered by target code then
 * day (oldest first), with the columns of the observations table in schema
 * order. Returns as store_targets does. */
enum khu_err store_observations(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

#endif
