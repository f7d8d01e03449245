/* SPDX-License-Identifier: MIT */
/*
 * The reminders and alerts of dossiers' clocks: the clocks to look at,
 * the people to tell, and the notifications made (one per person, clock,
 * kind and due day, never twice), each with its audit record; what came
 * of mailing it; a user's own list, and marking one read.
 */
#ifndef KHU_STORE_NOTIFICATIONS_H
#define KHU_STORE_NOTIFICATIONS_H

#include <stdint.h>

#include "store/store.h"

/* The values of a row of store_notify_clocks: an open consultation with
 * a due day, on a dossier still consulted on. */
enum store_clock_col {
    CLOCK_COL_DOSSIER,
    CLOCK_COL_DEPARTMENT,
    CLOCK_COL_DUE_ON,
    CLOCK_COL_PROCEDURE,
    CLOCK_COL_PROJECT_NAME,
    CLOCK_NCOLS,
};

/* The values of a row of store_notify_people: an active officer or
 * department user. */
enum store_person_col {
    PERSON_COL_NAME,
    PERSON_COL_ROLE,
    PERSON_COL_DEPARTMENT,
    PERSON_COL_HEAD,  /* 1: the department's head */
    PERSON_COL_EMAIL, /* NULL: none */
    PERSON_NCOLS,
};

/* The values of a row of store_notifications_of and store_notifications_unmailed. */
enum store_notification_col {
    NOTE_COL_ID,
    NOTE_COL_USER,
    NOTE_COL_KIND, /* "reminder" or "overdue" */
    NOTE_COL_DOSSIER,
    NOTE_COL_DEPARTMENT,
    NOTE_COL_DUE_ON,
    NOTE_COL_CREATED_MS,
    NOTE_COL_READ_MS,
    NOTE_COL_MAILED_MS,
    NOTE_COL_MAIL_ERROR,
    NOTE_COL_EMAIL, /* the user's address now (NULL: none) */
    /* the department's names and the dossier's project (NULL: unknown) */
    NOTE_COL_DEPT_VI,
    NOTE_COL_DEPT_EN,
    NOTE_COL_DEPT_KO,
    NOTE_COL_PROJECT,
    NOTE_NCOLS,
};

/* API */

enum khu_err store_notify_clocks(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

enum khu_err store_notify_people(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

/* Makes the notification of user about the clock of dossier (and
 * department) due on due_on, unless it was made already. Sets *id to the
 * new one's number, or 0 when it existed. */
enum khu_err store_notification_add(struct store_tx *tx, const char *user, const char *kind,
                                    const char *dossier, const char *department, const char *due_on,
                                    int64_t *id, struct khu_diag *d);

/* Takes notification id for mailing, unless it was mailed (or refused)
 * or another sender took it less than lease_ms ago: *taken is 1 when the
 * caller may send it now (with its audit record), 0 when it must not. */
enum khu_err store_notification_take(struct store_tx *tx, int64_t id, int64_t lease_ms, int *taken,
                                     struct khu_diag *d);

/* Records what came of mailing notification id: error NULL, sent. */
enum khu_err store_notification_mailed(struct store_tx *tx, int64_t id, const char *error,
                                       struct khu_diag *d);

/* Hands fn the notifications not yet mailed (nor failed) whose user has
 * an address, oldest first. */
enum khu_err store_notifications_unmailed(struct store *s, store_row_fn fn, void *arg,
                                          struct khu_diag *d);

/* Hands fn user's notifications, newest first, at most limit (1..). */
enum khu_err store_notifications_of(struct store *s, const char *user, int limit, store_row_fn fn,
                                    void *arg, struct khu_diag *d);

/* Marks user's notification id read. KHU_ENOTFOUND when user has none
 * such; one read already stays as it was. */
enum khu_err store_notification_read(struct store_tx *tx, const char *user, int64_t id,
                                     struct khu_diag *d);

#endif
