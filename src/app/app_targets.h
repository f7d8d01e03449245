/* SPDX-License-Identifier: MIT */
/*
 * The targets use case: every planning target with its progress as of a
 * day: the value now (the registry's live figure or the latest reported
 * one, as the target's basis says), both figures side by side, the share
 * done, the trend and whether it reaches the target by its date
 * (core/target.h). The route and any command that shows targets call
 * this; they only encode what it hands out.
 */
#ifndef KHU_APP_TARGETS_H
#define KHU_APP_TARGETS_H

#include <stdint.h>

#include "app/app_generation.h"
#include "core/target.h"
#include "store/metrics.h"
#include "store/store.h"
#include "store/targets.h"

#define APP_TARGET_MAX_OBS 256 /* latest observations that go into a trend */

/* One target with its progress. Everything is borrowed: valid during the
 * callback only. */
struct app_target {
    const struct khu_row *row; /* values as in enum target_col (store/targets.h) */
    const struct khu_row *obs; /* its observations, oldest first (observations columns) */
    int nobs;
    struct metric_value live; /* the registry's figure; METRIC_NOT_LIVE when it has none */
    int has_reported;         /* the latest observation: */
    double reported;
    char reported_on[11];
    struct target_progress progress;
};

/* Receives one target; returns 0 to go on, non-zero to stop. */
typedef int (*app_target_fn)(void *arg, const struct app_target *t);

/* API */

/* Computes every target's progress as of today (days since 1970-01-01)
 * and hands each to fn, ordered by code. With gen (may be NULL), the live
 * metrics are computed once per generation and shared by every thread
 * (values computed in generation gen->before serve callers whose gen->now
 * is the same); without it, once per call. Thread-safe. Returns KHU_OK
 * (also when fn stopped early), or the error of the store (or KHU_ENOMEM)
 * with d filled. */
enum khu_err app_targets(struct store *s, int32_t today, const struct app_generation *gen,
                         app_target_fn fn, void *arg, struct khu_diag *d);

#endif
