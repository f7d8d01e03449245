/* SPDX-License-Identifier: MIT */
/*
 * `khu demo`: makes a new database holding the default data set, as `khu
 * serve` makes it on first start, and the synthetic demonstration layer
 * of app/app_demo.h on top; then prints what it made and the demonstration
 * accounts with their one password, shown only then. A database that could
 * not be made whole is removed.
 */
#include "cli/commands.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_demo.h"
#include "app/app_edit.h"
#include "cli/cli.h"
#include "cli/opts.h"
#include "core/dossier_flow.h"
#include "core/num.h"
#include "core/password_hash.h"
#include "core/xalloc.h"

#define DEMO_DEFAULT_DB "demo.db"

static const char demo_help[] =
    "usage: khu demo [--db FILE] [--today YYYY-MM-DD] [--force] [--quiet]\n"
    "\n"
    "Makes a new database FILE holding the default data set, as khu serve makes it\n"
    "on first start, and a synthetic demonstration layer that shows the dossier\n"
    "workflow and the linkage desk: made-up enterprises and projects in real zones\n"
    "and 24 dossiers at every stage; made-up suppliers, demands and matches from a\n"
    "proposal to a contract; every row citing the source khu-demo (not real data);\n"
    "and one account per role (demo-admin, demo-officer, demo-viewer, demo-investor,\n"
    "demo-department, demo-board, demo-supplier) with one random password, printed\n"
    "at the end.\n"
    "\n"
    "  --db FILE     the new database (default demo.db; KHU_DB is not read)\n"
    "  --today DATE  the day the dossiers' acts lead up to, 2026-01-01 or later\n"
    "                (default KHU_TODAY, else today in the province)\n"
    "  --force       replace FILE when it exists\n"
    "  --quiet       print nothing on standard output (not the password either)\n"
    "\n"
    "Exit status 0 made; 1 the data could not be made (FILE is removed); 2 bad\n"
    "options, or FILE exists without --force; 3 FILE cannot be created.\n";

/* Removes the database at path and the files SQLite keeps beside it.
 * Returns 0, or -1 after printing why path could not be removed. */
static int remove_database(const char *path)
{
    static const char *const beside[] = {"-wal", "-shm", "-journal"};
    char other[4200];
    size_t i;

    if (unlink(path) != 0 && errno != ENOENT) {
        fprintf(stderr, "khu demo: cannot remove %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
        snprintf(other, sizeof(other), "%s%s", path, beside[i]);
        unlink(other); /* absent, mostly */
    }
    return 0;
}

/* The day the demonstration leads up to: --today, else KHU_TODAY when it is
 * a date, else today in the province. Returns 0, or -1 after printing why
 * --today is refused. */
static int today_of(const char *given, char out[16])
{
    const char *env = getenv("KHU_TODAY");
    int32_t day, first;

    if (given && parse_date(given, &day) != KHU_OK) {
        fprintf(stderr, "khu demo: --today must be a date YYYY-MM-DD; got '%.40s'\n", given);
        return -1;
    }
    if (given)
        snprintf(out, 16, "%s", given);
    else if (env && parse_date(env, &day) == KHU_OK)
        snprintf(out, 16, "%s", env);
    else
        app_edit_today(out);
    if (parse_date(out, &day) != KHU_OK || parse_date(APP_DEMO_FIRST_DAY, &first) != KHU_OK ||
        day < first) {
        fprintf(stderr, "khu demo: the day must be %s or later; got %s\n", APP_DEMO_FIRST_DAY, out);
        return -1;
    }
    return 0;
}

static void print_made(const char *path, const char *today, const struct app_demo_result *r)
{
    const struct app_demo_account *a;
    int s;

    printf("khu demo: made %s as of %s: the default data set and a synthetic layer citing\n"
           "  the source %s (not real data): %d enterprises, %d projects, %d dossiers\n",
           path, today, APP_DEMO_SOURCE, r->enterprises, r->projects, r->dossiers);
    printf("  dossiers:");
    for (s = 0; s < APP_DEMO_STAGES; s++) {
        printf("%s %d %s", s ? "," : "", r->stages[s], dossier_stage_name((enum dossier_stage)s));
        if (s == DOSSIER_DECIDED)
            printf(" (%d approved, %d rejected)", r->approved, r->rejected);
    }
    printf("\n");
    if (r->tet)
        printf("  one dossier's clocks run across Tết 2026 (16-20 February)\n");
    printf("  linkage desk: %d suppliers, %d demands, %d matches (%d contracts)\n", r->suppliers,
           r->demands, r->matches, r->contracts);
    printf("\naccounts (sign in at /login; one password for all, shown only now):\n"
           "  password: %s\n",
           r->password);
    for (a = app_demo_accounts; a->name; a++)
        if (a->org)
            printf("  %-16s %-11s %s\n", a->name, a->role, a->org);
        else
            printf("  %-16s %s\n", a->name, a->role);
    printf("\nserve it: khu serve --db %s\n", path);
}

int cmd_demo(int argc, char **argv)
{
    const char *db = NULL, *today = NULL, *force = NULL, *quiet = NULL, *pos[1];
    const struct opt opts[] = {{"--db", 1, &db},
                               {"--today", 1, &today},
                               {"--force", 0, &force},
                               {"--quiet", 0, &quiet},
                               {NULL, 0, NULL}};
    struct app_demo_result *r;
    struct khu_diag d;
    struct store *s;
    char day[16];
    enum khu_err err;
    int help, rc = 0;

    if (opts_parse(argc, argv, opts, pos, 0, &help) < 0)
        return EXIT_USAGE;
    if (help) {
        fputs(demo_help, stdout);
        return 0;
    }
    db = db ? db : DEMO_DEFAULT_DB;
    if (!*db) {
        fprintf(stderr, "khu demo: --db needs a file name\n");
        return EXIT_USAGE;
    }
    if (today_of(today, day))
        return EXIT_USAGE;
    if (access(db, F_OK) == 0) {
        if (!force) {
            fprintf(stderr, "khu demo: %s exists; use --force to replace it\n", db);
            return EXIT_USAGE;
        }
        if (remove_database(db))
            return 1;
    }
    s = cli_open_rw(db, quiet != NULL);
    if (!s) {
        remove_database(db);
        return EXIT_DB;
    }
    r = xcalloc(1, sizeof(*r));
    if (!r || cli_load_default_data(s)) {
        rc = 1;
    } else {
        khu_diag_clear(&d);
        err = app_demo_build(s, day, r, &d);
        if (err) {
            fprintf(stderr, "khu demo: %s\n", d.message[0] ? d.message : khu_err_str(err));
            rc = err == KHU_EDB || err == KHU_EBUSY ? EXIT_DB : 1;
        }
    }
    store_close(s);
    if (rc) {
        fprintf(stderr, "khu demo: nothing was made; %s is removed\n", db);
        remove_database(db);
    } else if (!quiet) {
        print_made(db, day, r);
    }
    if (r)
        password_wipe(r->password, sizeof(r->password));
    xfree(r);
    return rc;
}
