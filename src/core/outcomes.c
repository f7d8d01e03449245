/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's outcomes (see outcomes.h). Groups are found by a
 * linear search: a table has tens of groups, not thousands.
 */
#include "core/outcomes.h"

#include <stdio.h>
#include <stdlib.h> /* qsort */
#include <string.h>

#include "core/num.h"

void outcomes_init(struct outcome_table *t, enum outcome_by by, enum outcome_period period,
                   int32_t from, int32_t to, struct outcome_group *room, size_t cap)
{
    memset(t, 0, sizeof(*t));
    t->by = by;
    t->period = period;
    t->from = from;
    t->to = to;
    t->groups = room;
    t->cap = cap;
}

void outcome_key(const struct outcome_table *t, const struct outcome_fact_row *f,
                 char out[OUTCOME_KEY_MAX])
{
    char iso[11];

    out[0] = '\0';
    switch (t->by) {
    case BY_SECTOR:
        if (f->vsic && strlen(f->vsic) >= 2)
            snprintf(out, OUTCOME_KEY_MAX, "%.2s", f->vsic);
        break;
    case BY_EVENT:
        if (f->event)
            snprintf(out, OUTCOME_KEY_MAX, "%s", f->event);
        break;
    case BY_PARTNER:
        if (f->partner)
            snprintf(out, OUTCOME_KEY_MAX, "%s", f->partner);
        break;
    case BY_PERIOD:
        format_date(f->day, iso);
        if (t->period == PERIOD_YEAR)
            snprintf(out, OUTCOME_KEY_MAX, "%.4s", iso);
        else if (t->period == PERIOD_QUARTER)
            snprintf(out, OUTCOME_KEY_MAX, "%.4s-Q%d", iso,
                     ((iso[5] - '0') * 10 + (iso[6] - '0') - 1) / 3 + 1);
        else
            snprintf(out, OUTCOME_KEY_MAX, "%.7s", iso);
        break;
    }
}

static void count_in(struct outcome_group *g, const struct outcome_fact_row *f)
{
    g->count[f->kind]++;
    if (f->kind != FACT_CONTRACT)
        return;
    if (f->value_known)
        g->contract_usd += f->value;
    else
        g->contracts_unvalued++;
}

void outcomes_add(struct outcome_table *t, const struct outcome_fact_row *f)
{
    char key[OUTCOME_KEY_MAX];
    size_t i;

    if ((unsigned)f->kind >= FACT_KINDS || f->day < t->from || f->day > t->to)
        return;
    outcome_key(t, f, key);
    count_in(&t->total, f);
    for (i = 0; i < t->n; i++)
        if (strcmp(t->groups[i].key, key) == 0)
            break;
    if (i == t->n) {
        if (t->n == t->cap) {
            t->dropped++;
            return;
        }
        memset(&t->groups[t->n], 0, sizeof(t->groups[0]));
        snprintf(t->groups[t->n].key, sizeof(t->groups[0].key), "%s", key);
        t->n++;
    }
    count_in(&t->groups[i], f);
}

static int compare_groups(const void *pa, const void *pb)
{
    const struct outcome_group *a = pa, *b = pb;

    if (!a->key[0] != !b->key[0])
        return a->key[0] ? -1 : 1; /* "" (none) last */
    return strcmp(a->key, b->key);
}

void outcomes_sort(struct outcome_table *t)
{
    if (t->n > 1)
        qsort(t->groups, t->n, sizeof(t->groups[0]), compare_groups);
}

const char *outcome_fact_name(enum outcome_fact f)
{
    static const char *const names[FACT_KINDS] = {"demands", "proposed", "interests", "meetings",
                                                  "contracts"};
    return (unsigned)f < FACT_KINDS ? names[f] : "";
}

const char *outcome_by_name(enum outcome_by b)
{
    static const char *const names[] = {"sector", "period", "event", "partner"};
    return (unsigned)b <= BY_PARTNER ? names[b] : "";
}

const char *outcome_period_name(enum outcome_period p)
{
    static const char *const names[] = {"month", "quarter", "year"};
    return (unsigned)p <= PERIOD_YEAR ? names[p] : "";
}
