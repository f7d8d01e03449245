/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's outcomes (see app_outcomes.h).
 */
#include "app/app_outcomes.h"

#include "core/num.h"
#include "store/linkage.h"

static int take_fact(void *arg, const struct store_outcome_fact *x)
{
    struct outcome_table *t = arg;
    struct outcome_fact_row f = {
        (enum outcome_fact)x->kind, 0, x->vsic, x->event, x->partner, x->value.v, x->value.known};

    if (x->kind < 0 || x->kind >= FACT_KINDS || !x->day || parse_date(x->day, &f.day))
        return 0;
    outcomes_add(t, &f);
    return 0;
}

enum khu_err app_outcomes(struct store *s, struct outcome_table *t, struct khu_diag *d)
{
    enum khu_err err = store_outcome_facts(s, take_fact, t, d);

    if (!err)
        outcomes_sort(t);
    return err;
}
