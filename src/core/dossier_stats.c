/* SPDX-License-Identifier: MIT */
/*
 * How a department or a procedure performs (see dossier_stats.h).
 */
#include "core/dossier_stats.h"

#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

void dossier_stat_add(struct dossier_stat *s, int has_due, int late, long took)
{
    s->handled++;
    if (has_due) {
        s->with_due++;
        s->on_time += !late;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        long *more = xrealloc(s->took, cap * sizeof(*more));
        if (!more) {
            s->oom = 1;
            return;
        }
        s->took = more;
        s->cap = cap;
    }
    s->took[s->n++] = took;
}

static int by_value(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;

    return (x > y) - (x < y);
}

double dossier_stat_quantile(struct dossier_stat *s, double q)
{
    double h, lo;
    size_t i;

    if (!s->n)
        return -1;
    qsort(s->took, s->n, sizeof(*s->took), by_value);
    if (q <= 0)
        return (double)s->took[0];
    if (q >= 1)
        return (double)s->took[s->n - 1];
    h = q * (double)(s->n - 1);
    i = (size_t)h;
    lo = (double)s->took[i];
    return i + 1 < s->n ? lo + (h - (double)i) * ((double)s->took[i + 1] - lo) : lo;
}

double dossier_stat_on_time(const struct dossier_stat *s)
{
    return s->with_due ? (double)s->on_time / (double)s->with_due : -1;
}

void dossier_stat_free(struct dossier_stat *s)
{
    xfree(s->took);
    memset(s, 0, sizeof(*s));
}
