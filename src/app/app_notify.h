/* SPDX-License-Identifier: MIT */
/*
 * Reminders and alerts of the departments' clocks. A department's users
 * are reminded when an open consultation is due within a number of
 * working days; once it is overdue, the province's officers and the
 * department's head are alerted. Each notification is made once (per
 * person, clock, kind and due day), recorded with its audit record, shown
 * in the web app, and, when an SMTP relay is configured and the person
 * has an address, mailed; what came of the mailing is recorded too. khu
 * runs without any mail server: the notifications are then in-app only.
 */
#ifndef KHU_APP_NOTIFY_H
#define KHU_APP_NOTIFY_H

#include <stdatomic.h>

#include "mail/smtp.h"
#include "store/store.h"

struct app_notifier; /* opaque: the server's thread */

#define APP_REMIND_DAYS    2    /* working days before a due day, by default */
#define APP_NOTIFY_EVERY_S 3600 /* how often khu serve looks */
#define APP_NOTIFY_BATCH   200  /* clocks whose notifications one transaction makes */

struct app_notify_config {
    int remind_days;                /* 0..30 */
    const struct smtp_server *smtp; /* NULL: no mail */
    const char *from;               /* the sender's address (with smtp) */
    const char *site;               /* the web app's address for links; NULL: none */
    const atomic_int *stop;         /* may be NULL; once nonzero, no more mails are sent */
    long lease_ms; /* how long a notification another sender took is left to it (0: the
                      default, APP_NOTIFY_LEASE_MS) */
};

/* How long a sender holds a notification it took for mailing: longer than
 * a relay's slowest answer, short enough that one that died lets go soon. */
#define APP_NOTIFY_LEASE_MS (10L * 60 * 1000)

struct app_notify_report {
    long reminders, alerts; /* made by this run */
    long mailed, failed;    /* mails sent and refused by this run */
};

/* API */

/* Looks at every open clock on today (YYYY-MM-DD), makes the
 * notifications due and mails those not yet mailed. Returns KHU_OK (a
 * mail refused is counted, not an error), or the store's error. */
enum khu_err app_notify(struct store *s, const char *today, const struct app_notify_config *c,
                        struct app_notify_report *out, struct khu_diag *d);

/* Runs app_notify on the database at path every APP_NOTIFY_EVERY_S
 * seconds in a thread of its own, the first time at once, until
 * app_notifier_stop; today_fixed (may be NULL) stands for today (tests,
 * demonstrations). c and what it points to are copied. Returns NULL when
 * the thread cannot start. */
struct app_notifier *app_notifier_start(const char *path, const struct app_notify_config *c,
                                        const char *today_fixed);

/* Stops the thread and frees n. NULL is a no-op. */
void app_notifier_stop(struct app_notifier *n);

#endif
