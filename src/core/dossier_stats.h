/* SPDX-License-Identifier: MIT */
/*
 * How a department or a procedure performs, pure: of the consultations a
 * department answered (or the dossiers of a procedure decided) in a
 * period, how many, the share done by the due day, and the median and
 * 90th percentile of the working days they took. The numbers come in one
 * by one; the caller counts the days (core/dossier_clock.h).
 */
#ifndef KHU_DOSSIER_STATS_H
#define KHU_DOSSIER_STATS_H

#include <stddef.h>

struct dossier_stat {
    long handled;  /* answered (decided) in the period */
    long with_due; /* of them, those whose due day was known */
    long on_time;  /* of those, done on or before it */
    long *took;    /* working days each took (owned) */
    size_t n, cap; /* of took */
    int oom;       /* 1: a value could not be kept (the percentiles leave it out) */
};

/* API */

/* Adds one done: has_due 1 when its due day was known, late 1 when done
 * after it, took the working days it took. */
void dossier_stat_add(struct dossier_stat *s, int has_due, int late, long took);

/* The q-quantile (0..1) of the days taken, interpolated between the two
 * nearest ranks (as a spreadsheet's PERCENTILE and R's type 7 do); sorts
 * s->took. Returns -1 when nothing was taken. */
double dossier_stat_quantile(struct dossier_stat *s, double q);

/* The share on time, 0..1, of those with a due day; -1 when none had one. */
double dossier_stat_on_time(const struct dossier_stat *s);

/* Frees what s owns and empties it. */
void dossier_stat_free(struct dossier_stat *s);

#endif
