/* SPDX-License-Identifier: MIT */
/*
 * The demonstration data set behind `khu demo`: on a database holding the
 * default data, a synthetic layer that shows the dossier workflow, every
 * row of it citing the source khu-demo ("not real data"). Made-up
 * enterprises and projects in real zones are written through the audited
 * edit path (app_edit.h); dossiers are filed and moved through every stage
 * by the dossier use cases (app_dossier.h) on dates relative to today, so
 * that the open clocks look current; made-up suppliers with their profiles
 * and the FDI enterprises' demands, matched through the linkage desk's
 * pipeline (app_match.h) to every stage; and one account per role is made
 * (app_users.h) with one random password. Also tells whether a database
 * holds synthetic data (khu-demo or khu gen's khu-gen).
 */
#ifndef KHU_APP_DEMO_H
#define KHU_APP_DEMO_H

#include <stddef.h>

#include "store/store.h"

#define APP_DEMO_SOURCE       "khu-demo" /* the code of the source every row cites */
#define APP_DEMO_PASSWORD_MAX 32
#define APP_DEMO_FIRST_DAY    "2026-01-01" /* the earliest today a demonstration takes */
#define APP_DEMO_STAGES       6            /* received … withdrawn (core/dossier_flow.h) */

/* One account of the demonstration. */
struct app_demo_account {
    const char *name;
    const char *role;
    const char *org; /* the department's code or the enterprise's tax code; NULL: none */
};

/* What app_demo_build made. */
struct app_demo_result {
    int enterprises, projects, dossiers;
    int stages[APP_DEMO_STAGES];                /* dossiers by stage (enum dossier_stage) */
    int approved, rejected;                     /* of the decided ones */
    int tet;                                    /* 1: a dossier's clock runs across Tết 2026 */
    int suppliers, demands, matches, contracts; /* the linkage desk's layer */
    char password[APP_DEMO_PASSWORD_MAX];       /* of every account; wiped by the caller */
};

/* The accounts app_demo_build makes, NULL-named at the end. */
extern const struct app_demo_account app_demo_accounts[];

/* API */

/* Writes the synthetic layer into s, which holds the default data set
 * (units, zones, departments, time limits, the calendar), as of today
 * (YYYY-MM-DD, APP_DEMO_FIRST_DAY or later): the source khu-demo, the
 * enterprises and projects, the accounts of app_demo_accounts with the
 * random password written to out->password, and the dossiers, each act on
 * a working day before today (the dossier across Tết 2026 only when today
 * is after its decision). Every write is one transaction with its audit
 * record. Returns KHU_OK with out filled; KHU_EIO when the random source
 * failed; otherwise the error of the first write refused, with d saying
 * which step (what was written before it stays: the caller removes the
 * database). */
enum khu_err app_demo_build(struct store *s, const char *today, struct app_demo_result *out,
                            struct khu_diag *d);

/* Sets *synthetic to 1 when s holds a synthetic data set: the source
 * khu-demo of `khu demo` or khu-gen of `khu gen`. Returns KHU_OK or the
 * store's error with d filled. */
enum khu_err app_data_synthetic(struct store *s, int *synthetic, struct khu_diag *d);

#endif
