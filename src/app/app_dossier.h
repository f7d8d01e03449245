/* SPDX-License-Identifier: MIT */
/*
 * The use cases of the dossier workflow: an investor files a dossier and
 * gets its code and a secret; the receiving officer returns or accepts it
 * (its clock starts with the time limit in force that day, and the
 * consultations of the departments of its procedure open, each with its
 * own clock); departments and the officer ask the investor questions (the
 * asker's clock stops until the answer); departments give opinions; the
 * officer records the appraisal and the decision; the investor may
 * withdraw it. Each act is one write transaction whose rows go through
 * the audited edit path (app_edit.h), so the trail holds who did what,
 * when, and the rows before and after. Which acts each party may do at
 * each stage is core/dossier_flow.h's.
 */
#ifndef KHU_APP_DOSSIER_H
#define KHU_APP_DOSSIER_H

#include <stddef.h>

#include "app/app_secret.h"
#include "core/dossier_flow.h"
#include "core/role.h"
#include "store/store.h"

#define APP_DOSSIER_CODE_MAX   32
#define APP_DOCUMENT_MAX_BYTES (20 * 1024 * 1024) /* the largest document kept */
#define APP_DOSSIER_TEXT_MAX   4000               /* bytes of a question, answer or note */
#define APP_DOSSIER_MAX_DEPTS  16                 /* departments an acceptance may add */

/* Who acts, as the session says. Strings copied. */
struct app_dossier_who {
    struct store_actor actor;
    enum role role;
    char tax_code[16];   /* an investor's enterprise */
    char department[65]; /* a department user's department */
};

struct app_dossier_filing {
    const char *procedure;    /* a value of dossiers.procedure */
    const char *project_code; /* a project of the investor's; NULL: a new one from: */
    const char *project_name; /* the new project's name */
    const char *zone_code;    /* where it is (NULL: outside any zone in the registry) */
};

/* The values of an act; what an act does not use is ignored. */
struct app_dossier_act {
    enum dossier_act act;
    const char *code;   /* the dossier */
    const char *text;   /* return: the missing items; ask: the question; answer: the
                           answer; opinion: the note; appraise: the appraisal */
    const char *choice; /* opinion: agree…; decide: approved or rejected */
    const char *number; /* decide: the certificate's number (may be NULL) */
    long n;             /* answer: the question's number; opinion: a document (0: none) */
    int limit_days;     /* accept: the dossier's limit where no source gives one (-1) */
    const char *limit_kind;
    int consult_days; /* accept: the consultations' limit where none is given (-1) */
    const char *consult_kind;
    const char *departments[APP_DOSSIER_MAX_DEPTS]; /* accept: consulted besides the
                                                       procedure's (NULL-ended) */
};

/* What an act did, or why it was refused. */
struct app_dossier_result {
    char code[APP_DOSSIER_CODE_MAX];
    char secret[SECRET_MAX]; /* filing: the secret to follow the dossier with */
    char stage[16];          /* the stage after the act */
    long n;                  /* ask, upload: the number of the question or document made */
    int forbidden;           /* KHU_EINVAL: 1 when the party may not do it at all */
    int consultations;       /* accept: how many opened */
};

/* API */

/* The party who is for a dossier of the investor investor_tax_code:
 * the investor, an officer, a department consulted on it (consulted 1:
 * who's department has a consultation of it); 0 for nobody (who may not
 * see it). */
enum dossier_party app_dossier_party(const struct app_dossier_who *who,
                                     const char *investor_tax_code, int consulted);

/* Files a dossier for who (an investor) on today (YYYY-MM-DD). Returns
 * KHU_OK with out's code and secret; KHU_EINVAL with d naming the field;
 * or the store's error. */
enum khu_err app_dossier_file(struct store *s, const struct app_dossier_who *who,
                              const struct app_dossier_filing *f, const char *today,
                              struct app_dossier_result *out, struct khu_diag *d);

/* Does act a for who on today. Returns KHU_OK; KHU_ENOTFOUND for a dossier
 * that does not exist or that who may not see; KHU_EINVAL with d (and
 * out->forbidden when who may not do it); KHU_ECONFLICT when the dossier's
 * stage does not allow it, with d saying why; or the store's error. */
enum khu_err app_dossier_do(struct store *s, const struct app_dossier_who *who,
                            const struct app_dossier_act *a, const char *today,
                            struct app_dossier_result *out, struct khu_diag *d);

/* Adds a document to dossier code for who: name, content_type
 * (application/pdf, image/png or image/jpeg, and the bytes must begin as
 * such a file does) and n bytes (at most APP_DOCUMENT_MAX_BYTES), kept
 * with their SHA-256. Returns as app_dossier_do; out->n is its number. */
enum khu_err app_dossier_upload(struct store *s, const struct app_dossier_who *who,
                                const char *code, const char *name, const char *content_type,
                                const void *bytes, size_t n, const char *today,
                                struct app_dossier_result *out, struct khu_diag *d);

/* Whether secret is dossier code's: *ok 1 when it is. */
enum khu_err app_dossier_secret_ok(struct store *s, const char *code, const char *secret, int *ok,
                                   struct khu_diag *d);

#endif
