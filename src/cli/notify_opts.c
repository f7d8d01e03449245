/* SPDX-License-Identifier: MIT */
/*
 * The options of the reminders and alerts (see notify_opts.h).
 */
#include "cli/notify_opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int notify_opts_read(struct notify_opts *o, const char *cmd)
{
    char *end;
    long days = APP_REMIND_DAYS;

    if (!o->smtp)
        o->smtp = getenv("KHU_SMTP");
    if (!o->from)
        o->from = getenv("KHU_MAIL_FROM");
    if (o->remind_days) {
        days = strtol(o->remind_days, &end, 10);
        if (*end || end == o->remind_days || days < 0 || days > 30) {
            fprintf(stderr, "khu %s: --remind-days is a number of working days from 0 to 30\n",
                    cmd);
            return -1;
        }
    }
    memset(&o->config, 0, sizeof(o->config));
    o->config.remind_days = (int)days;
    o->config.site = o->site;
    if (o->smtp && o->smtp[0]) {
        if (smtp_server_parse(o->smtp, &o->server)) {
            fprintf(stderr, "khu %s: --smtp is HOST:PORT; got '%.80s'\n", cmd, o->smtp);
            return -1;
        }
        if (!o->from || !smtp_address_ok(o->from)) {
            fprintf(stderr, "khu %s: mail needs --mail-from (or KHU_MAIL_FROM), an address\n", cmd);
            return -1;
        }
        o->config.smtp = &o->server;
        o->config.from = o->from;
    }
    return 0;
}
