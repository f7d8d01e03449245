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

extern const struct demo_enterprise demo_enterprises[];
extern const size_t demo_nenterprises;
extern const struct demo_project demo_projects[];
extern const size_t demo_nprojects;
extern const struct demo_dossier demo_dossiers[];
extern const size_t demo_ndossiers;

#endif
