/* SPDX-License-Identifier: MIT */
/*
 * The script of the demonstration data set, shared by app_demo.c (which
 * plays it through the use cases) and app_demo_script.c (which holds it):
 * made-up enterprises and projects, and each dossier's acts, dated in
 * working days before today or, for the dossier across Tết 2026, on days
 * of their own.
 */
#ifndef KHU_APP_DEMO_INT_H
#define KHU_APP_DEMO_INT_H

#include <stddef.h>
#include <stdint.h>

#include "app/app_demo.h"
#include "core/err.h"

/* What every row of the layer cites (the source's cite, core/cite.h). */
#define DEMO_CITE "Synthetic demonstration data made by khu demo (not real data)"

#define DEMO_STEPS_MAX     12
#define DEMO_CONSULTED_MAX 4

/* The department codes of the default data set that the script names. */
#define DEMO_BOARD        "tay-ninh-ban-quan-ly-khu-kinh-te"
#define DEMO_CONSTRUCTION "tay-ninh-so-xay-dung"
#define DEMO_ENVIRONMENT  "tay-ninh-so-nong-nghiep-moi-truong"
#define DEMO_FINANCE      "tay-ninh-so-tai-chinh"

struct demo_enterprise {
    const char *tax_code, *name, *name_en, *country, *ownership;
    const char *zone, *unit; /* where it is: a zone of the default data, or a unit */
    const char *vsic, *products;
    int employees, founded;
};

struct demo_project {
    const char *code, *name;
    int enterprise; /* index in demo_enterprises */
    const char *zone, *unit, *vsic;
    double capital_usd, land_ha;
    int jobs;
};

enum demo_op {
    OP_END,
    OP_FILE,     /* the investor files the dossier */
    OP_UPLOAD,   /* the investor (dept NULL) or a department adds a PDF named text */
    OP_RETURN,   /* the officer returns it: text the missing items */
    OP_RESUBMIT, /* the investor files it again */
    OP_ACCEPT,   /* the officer accepts it; the dossier's consulted departments open */
    OP_ASK,      /* a department (dept) or the officer (NULL) asks the investor text */
    OP_ANSWER,   /* the investor answers the last question with text */
    OP_OPINION,  /* dept gives its opinion choice, with note text (and its last document) */
    OP_APPRAISE, /* the officer records the appraisal text */
    OP_DECIDE,   /* the officer decides choice, with the certificate's number */
    OP_WITHDRAW, /* the investor withdraws it */
};

struct demo_step {
    enum demo_op op;
    int back;         /* the act's day: this many working days before today */
    const char *on;   /* or this day (YYYY-MM-DD) */
    const char *dept; /* the department that acts (OP_UPLOAD, OP_ASK, OP_OPINION) */
    const char *text; /* see enum demo_op */
    const char *choice;
    const char *number;
};

struct demo_dossier {
    int project; /* index in demo_projects */
    const char *procedure;
    const char *consulted[DEMO_CONSULTED_MAX]; /* at acceptance, NULL-ended */
    struct demo_step steps[DEMO_STEPS_MAX];    /* in order, ending with OP_END */
};

/* ===== the linkage desk's part (app_demo_linkage.c) ===== */

struct demo; /* one build, app_demo.c's */
struct app_edit_field;

/* What the linkage part uses of a build: the day n working days before
 * today; one row through the audited edit as actor (key NULL: new;
 * workflow 1: any column, no source needed) on day; d's message made to
 * say what failed; the store and d. */
int32_t demo_back(const struct demo *g, int n);
enum khu_err demo_put(struct demo *g, const char *actor, const char *table, const char *const *key,
                      const struct app_edit_field *f, size_t n, int workflow, int32_t on);
enum khu_err demo_failed(struct demo *g, enum khu_err err, const char *what);
struct store *demo_store(struct demo *g);
struct khu_diag *demo_diag(struct demo *g);

/* Writes the linkage desk's synthetic layer: first the suppliers with
 * their profiles (before the accounts, one of which is a supplier's), then
 * the FDI enterprises' demands and matches played through the pipeline to
 * every stage, two of them to a contract. Counts in out. */
enum khu_err demo_suppliers(struct demo *g, struct app_demo_result *out);
enum khu_err demo_linkage(struct demo *g, struct app_demo_result *out);

extern const struct demo_enterprise demo_enterprises[];
extern const size_t demo_nenterprises;
extern const struct demo_project demo_projects[];
extern const size_t demo_nprojects;
extern const struct demo_dossier demo_dossiers[];
extern const size_t demo_ndossiers;

#endif
