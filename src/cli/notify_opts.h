/* SPDX-License-Identifier: MIT */
/*
 * The options of the reminders and alerts that `khu notify` and
 * `khu serve` share: the SMTP relay (--smtp, else KHU_SMTP), the sender
 * (--mail-from, else KHU_MAIL_FROM), the working days before a due day to
 * remind (--remind-days) and the web app's address for links (--site).
 */
#ifndef KHU_CLI_NOTIFY_OPTS_H
#define KHU_CLI_NOTIFY_OPTS_H

#include "app/app_notify.h"

struct notify_opts {
    const char *smtp, *from, *remind_days, *site; /* as given; NULL: not */
    struct smtp_server server;
    struct app_notify_config config; /* points into this struct */
};

/* Fills o->config from what was given (and the environment). Returns 0,
 * or -1 after printing what is wrong as cmd's error. */
int notify_opts_read(struct notify_opts *o, const char *cmd);

#endif
