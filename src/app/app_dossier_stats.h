/* SPDX-License-Identifier: MIT */
/*
 * The public figures of the dossier workflow: per department (its
 * consultations) or per procedure (its dossiers), how many were handled
 * in a period, the share done on time, the median and 90th percentile of
 * the working days they took, and how many are open and overdue today.
 * Working days are counted on the calendar (core/workday.h), less the
 * days a question to the investor stopped the clock.
 */
#ifndef KHU_APP_DOSSIER_STATS_H
#define KHU_APP_DOSSIER_STATS_H

#include "core/dossier_stats.h"
#include "store/store.h"

struct app_dossier_group {
    char key[65];  /* the department's code, or the procedure */
    char *name[3]; /* the department's name in vi, en, ko (NULL: none) */
    struct dossier_stat done;
    long open, overdue;
};

struct app_dossier_stats {
    struct app_dossier_group *group; /* by key */
    size_t n;
};

/* API */

/* Fills out by department (by_procedure 0) or procedure (1) for what was
 * done from from to to (YYYY-MM-DD, both included; NULL: open) and what
 * is open on today. By procedure every procedure has a group, handled or
 * not. Returns KHU_OK, or an error with d filled (out then empty). */
enum khu_err app_dossier_stats(struct store *s, int by_procedure, const char *from, const char *to,
                               const char *today, struct app_dossier_stats *out,
                               struct khu_diag *d);

/* As app_dossier_stats, the open and overdue counts only (what the
 * province's dashboard asks all day; the figures of a period are left
 * empty). */
enum khu_err app_dossier_open(struct store *s, int by_procedure, const char *today,
                              struct app_dossier_stats *out, struct khu_diag *d);

/* Frees what out owns. */
void app_dossier_stats_free(struct app_dossier_stats *out);

#endif
