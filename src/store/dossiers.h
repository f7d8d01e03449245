/* SPDX-License-Identifier: MIT */
/*
 * What the dossier workflow reads, and what it writes beside the rows of
 * the data model (those go through store/rows.h, audited): a dossier with
 * its project, its consultations, questions and documents; a department's
 * queue; the departments that handle a procedure; a document's bytes,
 * kept once per SHA-256; the digest of the secret that shows a dossier's
 * stage to whoever holds it.
 *
 * Pauses travel as text: "YYYY-MM-DD/YYYY-MM-DD" (asked/answered; an open
 * question ends with "/") separated by spaces, the questions that stop one
 * clock (core/dossier_clock.h).
 */
#ifndef KHU_STORE_DOSSIERS_H
#define KHU_STORE_DOSSIERS_H

#include <stddef.h>

#include "store/store.h"

/* The values of a row of store_dossier_get and store_dossiers_list: the
 * columns of dossiers in schema order (core/schema.c), then these. */
enum store_dossier_col {
    DOSSIER_COL_CODE = 0,
    DOSSIER_COL_PROJECT = 1,
    DOSSIER_COL_PROCEDURE = 2,
    DOSSIER_COL_SUBMITTED_ON = 3,
    DOSSIER_COL_STATUS = 5,
    DOSSIER_COL_DECIDED_ON = 7,
    DOSSIER_COL_RECEIVING = 8,
    DOSSIER_COL_ACCEPTED_ON = 9,
    DOSSIER_COL_LIMIT_DAYS = 13,
    DOSSIER_COL_LIMIT_KIND = 14,
    DOSSIER_COL_APPRAISED_ON = 15,
    DOSSIER_NCOLS_OWN = 18, /* the dossiers table's own columns */
    DOSSIER_COL_PROJECT_NAME = 18,
    DOSSIER_COL_INVESTOR,  /* the project's investor_tax_code */
    DOSSIER_COL_ZONE,      /* the project's zone_code */
    DOSSIER_COL_ZONE_KIND, /* that zone's kind */
    DOSSIER_COL_PAUSES,    /* the officer's questions (see the top) */
    DOSSIER_NCOLS,
};

/* The values of a row of store_dossier_consultations and
 * store_department_queue: the columns of consultations in schema order,
 * then these. */
enum store_consultation_col {
    CONSULT_COL_DOSSIER = 0,
    CONSULT_COL_DEPARTMENT = 1,
    CONSULT_COL_REQUESTED_ON = 2,
    CONSULT_COL_DUE_ON = 3,
    CONSULT_COL_ANSWERED_ON = 4,
    CONSULT_COL_OPINION = 5,
    CONSULT_COL_LIMIT_DAYS = 8,
    CONSULT_COL_LIMIT_KIND = 9,
    CONSULT_COL_CLOSED_ON = 11,
    CONSULT_NCOLS_OWN = 12,
    CONSULT_COL_PAUSES = 12, /* the department's questions (see the top) */
    CONSULT_COL_PROCEDURE,   /* the dossier's */
    CONSULT_COL_PROJECT_NAME,
    CONSULT_NCOLS,
};

/* Which dossiers store_dossiers_list hands out; NULL or 0: no filter. */
struct store_dossier_filter {
    const char *status;     /* a value of dossiers.status */
    const char *procedure;  /* a value of dossiers.procedure */
    const char *investor;   /* dossiers of this enterprise's projects (tax code) */
    const char *department; /* dossiers this department is consulted on */
    int limit, offset;
};

/* Receives a document: its type, name, the department that attached it
 * (NULL: the investor's) and its bytes (borrowed for the call). */
typedef void (*store_document_fn)(void *arg, const char *content_type, const char *name,
                                  const char *department, const void *bytes, size_t n);

/* The values of a row of store_dossiers_done: a consultation answered (by
 * department) or a dossier decided (by procedure). */
enum store_done_col {
    DONE_COL_GROUP,   /* the department's code, or the procedure */
    DONE_COL_NAME_VI, /* the department's names (NULL by procedure) */
    DONE_COL_NAME_EN,
    DONE_COL_NAME_KO,
    DONE_COL_START,  /* requested_on, or accepted_on */
    DONE_COL_DUE,    /* due_on as it stood when done: NULL when no limit was known */
    DONE_COL_DONE,   /* answered_on, or decided_on */
    DONE_COL_PAUSES, /* the questions that stopped its clock (see the top) */
    DONE_NCOLS,
};

/* The values of a row of store_dossiers_open. */
enum store_open_col {
    OPEN_COL_GROUP,
    OPEN_COL_NAME_VI,
    OPEN_COL_NAME_EN,
    OPEN_COL_NAME_KO,
    OPEN_COL_OPEN,    /* not yet answered (decided), on dossiers still open */
    OPEN_COL_OVERDUE, /* of them, those whose due day is before today */
    OPEN_NCOLS,
};

/* API */

/* Hands the dossier called code to fn (values as enum store_dossier_col).
 * Returns KHU_OK, KHU_ENOTFOUND, or the store's error with d filled. */
enum khu_err store_dossier_get(struct store *s, const char *code, store_row_fn fn, void *arg,
                               struct khu_diag *d);

/* Hands the dossiers that pass f to fn, the newest filed first, and sets
 * *total (may be NULL) to how many pass f. */
enum khu_err store_dossiers_list(struct store *s, const struct store_dossier_filter *f,
                                 store_row_fn fn, void *arg, long *total, struct khu_diag *d);

/* Hands the consultations of dossier code to fn by department (values as
 * enum store_consultation_col). */
enum khu_err store_dossier_consultations(struct store *s, const char *code, store_row_fn fn,
                                         void *arg, struct khu_diag *d);

/* Hands the questions (dossier_questions, schema order) or the documents
 * (dossier_documents, schema order) of dossier code to fn, by number. */
enum khu_err store_dossier_questions(struct store *s, const char *code, store_row_fn fn, void *arg,
                                     struct khu_diag *d);
enum khu_err store_dossier_documents(struct store *s, const char *code, store_row_fn fn, void *arg,
                                     struct khu_diag *d);

/* Hands fn the consultations that department has not answered and that
 * are not closed (their dossier decided or withdrawn), the soonest due
 * first (those with no due day last, then by the day they were asked). */
enum khu_err store_department_queue(struct store *s, const char *department, store_row_fn fn,
                                    void *arg, struct khu_diag *d);

/* Hands fn every consultation answered (by_procedure 0) or dossier
 * decided (1) from from to to (YYYY-MM-DD, both included; NULL: open),
 * grouped by department or procedure. */
enum khu_err store_dossiers_done(struct store *s, int by_procedure, const char *from,
                                 const char *to, store_row_fn fn, void *arg, struct khu_diag *d);

/* Hands fn, by department (by_procedure 0) or procedure (1), how many
 * consultations are open (not answered, not closed), or dossiers (received
 * or consulted on), and how many of them were due before today
 * (YYYY-MM-DD). A clock stopped by a question has no due day and is not
 * overdue. */
enum khu_err store_dossiers_open(struct store *s, int by_procedure, const char *today,
                                 store_row_fn fn, void *arg, struct khu_diag *d);

/* Hands fn the rows of procedure_departments (schema order) for procedure
 * at location ("in_park" or "outside_park") in force on day (YYYY-MM-DD). */
enum khu_err store_procedure_departments_on(struct store *s, const char *procedure,
                                            const char *location, const char *day, store_row_fn fn,
                                            void *arg, struct khu_diag *d);

/* Sets *n to the number the next row of table ("dossier_questions" or
 * "dossier_documents") of dossier code takes: one more than the last. */
enum khu_err store_dossier_next_n(struct store_tx *tx, const char *table, const char *code, long *n,
                                  struct khu_diag *d);

/* Keeps the bytes of a document under sha256 (hex), once: the same
 * digest kept already is the same document. */
enum khu_err store_document_put(struct store_tx *tx, const char *sha256, const char *content_type,
                                const void *bytes, size_t n, struct khu_diag *d);

/* Hands fn the document number n of dossier code. Returns KHU_OK,
 * KHU_ENOTFOUND, or the store's error. */
enum khu_err store_dossier_document(struct store *s, const char *code, long n, store_document_fn fn,
                                    void *arg, struct khu_diag *d);

/* Keeps hash (hex) as the digest of dossier code's secret. */
enum khu_err store_dossier_secret_put(struct store_tx *tx, const char *code, const char *hash,
                                      struct khu_diag *d);

/* Sets *ok to 1 when dossier code's secret has the digest hash. */
enum khu_err store_dossier_secret_matches(struct store *s, const char *code, const char *hash,
                                          int *ok, struct khu_diag *d);

#endif
