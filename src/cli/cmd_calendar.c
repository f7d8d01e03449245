/* SPDX-License-Identifier: MIT */
/*
 * `khu calendar fill YEAR --tet DATE --hung-kings DATE`: a year whose
 * schedule the Government has not announced, filled with the days off the
 * Labour Code's rules give (app_calendar_fill), as provisional rows that an
 * admin confirms or edits once it is. The same audited edit path as the
 * admin's POST /api/v1/calendar_days; the actor is cli:<system user>.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_calendar.h"
#include "app/app_edit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/num.h"

static const char usage_text[] =
    "usage: khu calendar fill YEAR --tet YYYY-MM-DD --hung-kings YYYY-MM-DD [--db FILE]\n\n"
    "Adds the days off of YEAR that the Labour Code's rules give (Art. 112: New\n"
    "Year, five days of Tết from the day before mùng 1, the Hùng Kings' day, 30/4,\n"
    "1/5, 2/9 and the day before; Art. 111(3): a compensatory day for each that\n"
    "falls on a weekend) as provisional rows of the working-day calendar. --tet is\n"
    "the day of mùng 1 Tết and --hung-kings the 10th day of the 3rd lunar month,\n"
    "both in YEAR. Days that have a row already are left as they are. Every row\n"
    "is in the audit trail.\n"
    "exit status: 0 done, 1 bad dates, 2 usage, 3 database.";

static int bad_date(const char *what, const char *s, int32_t *day)
{
    if (s && parse_date(s, day) == KHU_OK)
        return 0;
    fprintf(stderr, "khu calendar: %s must be a date YYYY-MM-DD; got '%.40s'\n", what, s ? s : "");
    return 1;
}

int cmd_calendar(int argc, char **argv)
{
    const char *db = NULL, *tet = NULL, *hung = NULL, *pos[3];
    const struct opt opts[] = {
        {"--db", 1, &db}, {"--tet", 1, &tet}, {"--hung-kings", 1, &hung}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 3, &help), added = 0, kept = 0;
    int32_t tet_day = 0, hung_day = 0;
    char today[16], *end;
    struct khu_diag d;
    struct store *s;
    enum khu_err err;
    long year;

    if (help) {
        puts(usage_text);
        return 0;
    }
    if (npos != 2 || strcmp(pos[0], "fill") != 0) {
        fprintf(stderr, "%s\n", usage_text);
        return EXIT_USAGE;
    }
    year = strtol(pos[1], &end, 10);
    if (*end || end == pos[1] || year < 1000 || year > 9999) {
        fprintf(stderr, "khu calendar: YEAR must be a year from 1000 to 9999; got '%.40s'\n",
                pos[1]);
        return EXIT_USAGE;
    }
    if (bad_date("--tet", tet, &tet_day) || bad_date("--hung-kings", hung, &hung_day))
        return 1;
    s = cli_open_rw(cli_db_path(db), 1);
    if (!s)
        return EXIT_DB;
    app_edit_today(today);
    khu_diag_clear(&d);
    err = app_calendar_fill(s, cli_actor(), (int)year, tet_day, hung_day, today, &added, &kept, &d);
    store_close(s);
    if (err) {
        fprintf(stderr, "khu calendar: %s; nothing was written\n",
                d.message[0] ? d.message : khu_err_str(err));
        return err == KHU_EINVAL ? 1 : EXIT_DB;
    }
    printf("calendar %ld: %d provisional %s made, %d %s already had a row\n", year, added,
           added == 1 ? "day" : "days", kept, kept == 1 ? "day" : "days");
    return 0;
}
