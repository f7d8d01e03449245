/* SPDX-License-Identifier: MIT */
/*
 * `khu apply FILE...`: files of changes to the registry (app/app_changes.h)
 * applied through the edit path, one file at a time, each whole or not at
 * all, each row one audit record naming the row's source.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_changes.h"
#include "app/app_edit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/xalloc.h"

#define APPLY_MAX_FILES 64
#define APPLY_MAX_BYTES (64 * 1024 * 1024)

static const char usage_text[] =
    "usage: khu apply FILE.csv... [--table TABLE] [--db FILE]\n\n"
    "Applies files of changes to zones, units, targets, observations, partners,\n"
    "events, sources, calendar_days or time_limits. A file's header names the table's key columns, "
    "the\n"
    "columns to set, change_source (required) and change_as_of; a row whose key\n"
    "exists is changed (empty cells leave a column as it is), any other row is\n"
    "made. The table comes from --table or the file's name (NAME.TABLE.csv).\n"
    "Each file is applied whole or not at all; every row is in the audit trail.\n"
    "exit status: 0 applied, 1 problems found (nothing written), 2 usage, 3 database.";

static void print_problem(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    cli_print_diag(file, d);
}

static int apply_file(struct store *s, const char *path, const char *table)
{
    char name[64], today[16];
    struct app_changes_result res;
    struct khu_diag d;
    char *data = NULL;
    size_t len = 0;
    enum khu_err err;

    if (!table && !(table = app_changes_table(path, name, sizeof(name)))) {
        fprintf(stderr, "khu apply: %s: name it NAME.TABLE.csv or give --table\n", path);
        return EXIT_USAGE;
    }
    if (cli_read_file(path, APPLY_MAX_BYTES, &data, &len))
        return 1;
    app_edit_today(today);
    khu_diag_clear(&d);
    err = app_changes_apply(s, cli_actor(), table, path, data, len, today, print_problem, NULL,
                            &res, &d);
    xfree(data);
    if (err == KHU_EINVAL && !d.message[0]) {
        fprintf(stderr, "khu apply: %s: problems found; nothing was written\n", path);
        return 1;
    }
    if (err) {
        fprintf(stderr, "khu apply: %s\n", d.message[0] ? d.message : khu_err_str(err));
        return err == KHU_EINVAL ? 1 : EXIT_DB;
    }
    printf("%s: %ld %s: %ld made, %ld changed, %ld already so\n", path, res.rows,
           res.rows == 1 ? "row" : "rows", res.made, res.changed, res.unchanged);
    return 0;
}

int cmd_apply(int argc, char **argv)
{
    const char *db = NULL, *table = NULL, *pos[APPLY_MAX_FILES];
    const struct opt opts[] = {{"--db", 1, &db}, {"--table", 1, &table}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, APPLY_MAX_FILES, &help), i, rc = 0;
    struct store *s;

    if (help) {
        puts(usage_text);
        return 0;
    }
    if (npos < 1) {
        if (npos >= 0)
            fprintf(stderr, "%s\n", usage_text);
        return EXIT_USAGE;
    }
    s = cli_open_rw(cli_db_path(db), 1);
    if (!s)
        return EXIT_DB;
    for (i = 0; i < npos && rc == 0; i++)
        rc = apply_file(s, pos[i], table);
    store_close(s);
    return rc;
}
