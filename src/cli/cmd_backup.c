/* SPDX-License-Identifier: MIT */
/*
 * `khu backup FILE`: a consistent copy through SQLite's online backup,
 * safe while `khu serve` runs.
 */
#include <stdio.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"

int cmd_backup(int argc, char **argv)
{
    const char *db = NULL, *pos[1];
    const struct opt opts[] = {{"--db", 1, &db}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 1, &help);
    struct store *s = NULL;
    struct khu_diag d;
    enum khu_err err;

    if (help) {
        puts("usage: khu backup FILE [--db FILE]\n\nCopies the database to FILE while it may be"
             " in use.");
        return 0;
    }
    if (npos != 1) {
        fputs("usage: khu backup FILE [--db FILE]\n", stderr);
        return EXIT_USAGE;
    }
    khu_diag_clear(&d);
    if (store_open(cli_db_path(db), STORE_READ_ONLY, &s, &d)) {
        fprintf(stderr, "khu backup: %s\n", d.message);
        return EXIT_DB;
    }
    err = store_backup(s, pos[0], &d);
    store_close(s);
    if (err) {
        fprintf(stderr, "khu backup: %s\n", d.message);
        return 1;
    }
    printf("backed up %s to %s\n", cli_db_path(db), pos[0]);
    return 0;
}
