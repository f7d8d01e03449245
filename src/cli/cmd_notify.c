/* SPDX-License-Identifier: MIT */
/*
 * `khu notify`: looks once at every open clock of the departments'
 * consultations, makes the reminders and alerts due (app_notify), and
 * mails them when an SMTP relay is named. khu serve does the same every
 * hour; this is for a run from cron, or to see at once what would be sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_edit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/notify_opts.h"
#include "cli/opts.h"
#include "core/num.h"

static const char usage_text[] =
    "usage: khu notify [--today YYYY-MM-DD] [--remind-days N] [--smtp HOST:PORT\n"
    "                   --mail-from ADDRESS] [--site URL] [--db FILE]\n\n"
    "Reminds a department's users of each consultation due within N working days\n"
    "(default 2), and alerts the officers and the department's head of each one\n"
    "overdue; each once, in the web app, and by mail to those with an address when\n"
    "--smtp (or KHU_SMTP) names a relay. --today stands for today (else KHU_TODAY,\n"
    "else today in the province). Every notification is in the audit trail.\n"
    "exit status: 0 done (mails a relay refused are counted), 2 usage, 3 database.";

int cmd_notify(int argc, char **argv)
{
    struct notify_opts o = {0};
    const char *db = NULL, *today = NULL, *pos[1];
    const struct opt opts[] = {
        {"--db", 1, &db},       {"--today", 1, &today},      {"--remind-days", 1, &o.remind_days},
        {"--smtp", 1, &o.smtp}, {"--mail-from", 1, &o.from}, {"--site", 1, &o.site},
        {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 1, &help);
    struct app_notify_report r;
    char day[16];
    struct khu_diag d;
    struct store *s;
    enum khu_err err;
    int32_t check;

    if (help) {
        puts(usage_text);
        return 0;
    }
    if (npos != 0) {
        fprintf(stderr, "%s\n", usage_text);
        return EXIT_USAGE;
    }
    if (notify_opts_read(&o, "notify"))
        return EXIT_USAGE;
    if (!today)
        today = getenv("KHU_TODAY");
    if (today && parse_date(today, &check)) {
        fprintf(stderr, "khu notify: --today must be a date YYYY-MM-DD; got '%.40s'\n", today);
        return EXIT_USAGE;
    }
    if (today)
        snprintf(day, sizeof(day), "%s", today);
    else
        app_edit_today(day);
    s = cli_open_rw(cli_db_path(db), 1);
    if (!s)
        return EXIT_DB;
    khu_diag_clear(&d);
    err = app_notify(s, day, &o.config, &r, &d);
    store_close(s);
    if (err) {
        fprintf(stderr, "khu notify: %s\n", d.message[0] ? d.message : khu_err_str(err));
        return EXIT_DB;
    }
    printf("notify %s: %ld reminder%s and %ld alert%s made; %ld mail%s sent, %ld refused\n", day,
           r.reminders, r.reminders == 1 ? "" : "s", r.alerts, r.alerts == 1 ? "" : "s", r.mailed,
           r.mailed == 1 ? "" : "s", r.failed);
    return 0;
}
