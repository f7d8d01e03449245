/* SPDX-License-Identifier: MIT */
/*
 * Targets and observations in SQL (see targets.h).
 */
#include "store/targets.h"
#include "store/sqlite/sq.h"

static const char targets_sql[] =
    "SELECT code, metric, scope_unit, name_vi, name_en, name_ko, basis, direction,"
    " baseline_value, baseline_on, target_value, due_on, code, metric, scope, scope_unit,"
    " name_vi, name_en, name_ko, measure_unit, basis, direction, baseline_value, baseline_on,"
    " target_value, due_on, source, baseline_precision, scope_vi, scope_ko FROM targets"
    " ORDER BY code";

static const char observations_sql[] =
    "SELECT target_code, observed_on, value, source, note, observed_precision, note_vi, note_ko"
    " FROM observations ORDER BY target_code, observed_on";

enum khu_err store_targets(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    return sq_each_sql(s, targets_sql, "the targets", fn, arg, d);
}

enum khu_err store_observations(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d)
{
    return sq_each_sql(s, observations_sql, "the observations", fn, arg, d);
}
