/* SPDX-License-Identifier: MIT */
/*
 * `khu import TABLE FILE.csv` and `khu import --dir DIR`: all-or-nothing
 * loading with every error printed as FILE:LINE:COLUMN: field: message,
 * and the status line of progress.h on a terminal.
 */
#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "app/app_changes.h"
#include "app/app_edit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "cli/progress.h"
#include "core/num.h"
#include "core/schema.h"
#include "core/xalloc.h"
#include "store/import.h"

static const char import_help[] =
    "usage: khu import TABLE FILE.csv [--db FILE] [--replace] [--max-errors N] [--quiet]\n"
    "       khu import --dir DIR [--db FILE] [--replace] [--max-errors N] [--quiet]\n\n"
    "Loads CSV (UTF-8, with or without BOM, LF or CRLF, RFC 4180 quoting) in one\n"
    "transaction. The header names the columns (see docs/data-model.md); every\n"
    "error is printed as FILE:LINE:COLUMN: field: message and nothing is written\n"
    "unless the whole input is valid. --dir loads DIR/<table>.csv for every table\n"
    "present. --replace empties each named table first. On a terminal, a status\n"
    "line shows each table's rows, rate and time left; --quiet turns it off.\n"
    "Exit status 0 when loaded, 1 when errors were found (database unchanged),\n"
    "2 usage, 3 database error.\n";

/* Prints an error of the import, after wiping the status line. */
static void report(void *arg, const char *file, const struct khu_diag *d)
{
    progress_clear(arg);
    cli_print_diag(file, d);
}

static enum khu_err add_file(struct importer *im, struct progress *p, const char *table,
                             const char *path)
{
    char *data;
    size_t len;
    enum khu_err err;

    if (cli_read_file(path, CLI_MAX_IMPORT, &data, &len) != 0) {
        progress_clear(p); /* the line was drawn over the message: draw it below */
        return KHU_EIO;
    }
    err = importer_add_csv(im, table, path, data, len);
    xfree(data);
    return err;
}

static enum khu_err add_dir(struct importer *im, struct progress *p, const char *dir, int *files)
{
    const struct table_def *tables;
    size_t i, count;
    char path[4096];
    enum khu_err err, first = KHU_OK;
    FILE *f;

    tables = schema_tables(&count);
    for (i = 0; i < count; i++) {
        snprintf(path, sizeof(path), "%s/%s.csv", dir, tables[i].name);
        f = fopen(path, "rb");
        if (!f)
            continue;
        fclose(f);
        (*files)++;
        err = add_file(im, p, tables[i].name, path);
        if (err && err != KHU_EINVAL)
            return err;
        if (err && !first)
            first = err;
    }
    return first;
}

static void report_change(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    cli_print_diag(file, d);
}

/* After a directory's tables, its changes: DIR/changes/NNN-what.TABLE.csv
 * in the order of their names, each file whole, through the edit path, so
 * that each change is in the audit trail with its source (as the default
 * data set's are on a first start). */
static int apply_changes(const char *db, const char *dir, int quiet)
{
    char pattern[4096], table[64], today[16];
    struct app_changes_result res;
    struct khu_diag d;
    struct store *s;
    glob_t g;
    size_t i;
    int rc = 0;

    snprintf(pattern, sizeof(pattern), "%s/changes/*.csv", dir);
    if (glob(pattern, 0, NULL, &g) != 0)
        return 0; /* none */
    s = cli_open_rw(db, quiet);
    app_edit_today(today);
    for (i = 0; s && i < g.gl_pathc && rc == 0; i++) {
        char *data = NULL;
        size_t len = 0;
        enum khu_err err;
        if (!app_changes_table(g.gl_pathv[i], table, sizeof(table))) {
            fprintf(stderr, "khu import: %s: name it NAME.TABLE.csv\n", g.gl_pathv[i]);
            rc = 1;
            break;
        }
        if (cli_read_file(g.gl_pathv[i], CLI_MAX_IMPORT, &data, &len)) {
            rc = 1;
            break;
        }
        khu_diag_clear(&d);
        err = app_changes_apply(s, cli_actor(), table, g.gl_pathv[i], data, len, today,
                                report_change, NULL, &res, &d);
        xfree(data);
        if (err) {
            fprintf(stderr, "khu import: %s: %s; its changes were not applied\n", g.gl_pathv[i],
                    d.message[0] ? d.message : "problems found");
            rc = err == KHU_EINVAL ? 1 : EXIT_DB;
        } else {
            printf("applied %s: %ld made, %ld changed, %ld already so\n", g.gl_pathv[i], res.made,
                   res.changed, res.unchanged);
        }
    }
    globfree(&g);
    if (!s)
        return EXIT_DB;
    store_close(s);
    return rc;
}

/* One import: the files, then the reference check and COMMIT. quiet: no
 * status line even on a terminal. */
static int run_import(const char *db, const char *table, const char *path, const char *dir,
                      int replace, size_t max_errors, int quiet)
{
    struct store *s = cli_open_rw(db, quiet);
    struct importer *im = NULL;
    struct progress prog;
    struct khu_diag d;
    enum khu_err err;
    long rows = 0;
    int files = 0;

    if (!s)
        return EXIT_DB;
    progress_init(&prog, progress_wanted(quiet));
    khu_diag_clear(&d);
    if (importer_begin(s, cli_actor(), replace, max_errors, report, &prog, &im, &d)) {
        fprintf(stderr, "khu import: %s\n", d.message);
        store_close(s);
        return EXIT_DB;
    }
    importer_set_progress(im, progress_import, &prog);
    err = dir ? add_dir(im, &prog, dir, &files) : add_file(im, &prog, table, path);
    if (err && err != KHU_EINVAL) {
        importer_abort(im);
        store_close(s);
        progress_clear(&prog);
        fprintf(stderr, "khu import: %s; nothing was written\n", khu_err_str(err));
        return err == KHU_EIO ? 1 : EXIT_DB;
    }
    progress_note(&prog, "importing: checking references, building indexes, committing");
    err = importer_finish(im, &rows);
    store_close(s);
    progress_clear(&prog);
    if (err) {
        fprintf(stderr, "khu import: %s; nothing was written\n",
                err == KHU_EINVAL ? "errors found" : khu_err_str(err));
        return err == KHU_EINVAL ? 1 : EXIT_DB;
    }
    if (dir && !files) {
        fprintf(stderr, "khu import: no <table>.csv file found in %s\n", dir);
        return 1;
    }
    printf("imported %ld row%s into %s\n", rows, rows == 1 ? "" : "s", db);
    return dir ? apply_changes(db, dir, quiet) : 0;
}

int cmd_import(int argc, char **argv)
{
    const char *db = NULL, *replace = NULL, *dir = NULL, *max = NULL, *quiet = NULL, *pos[2];
    const struct opt opts[] = {{"--db", 1, &db},       {"--replace", 0, &replace},
                               {"--dir", 1, &dir},     {"--max-errors", 1, &max},
                               {"--quiet", 0, &quiet}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 2, &help);
    int64_t max_errors = 0;

    if (help) {
        fputs(import_help, stdout);
        return 0;
    }
    if (npos < 0)
        return EXIT_USAGE;
    if (max && parse_i64(max, 1, 100000, &max_errors)) {
        fprintf(stderr, "khu import: --max-errors must be a whole number from 1 to 100000\n");
        return EXIT_USAGE;
    }
    if (dir ? npos != 0 : npos != 2) {
        fputs(import_help, stderr);
        return EXIT_USAGE;
    }
    if (!dir && !schema_table(pos[0])) {
        cli_unknown_table("import", pos[0]);
        return EXIT_USAGE;
    }
    return run_import(cli_db_path(db), dir ? NULL : pos[0], dir ? NULL : pos[1], dir,
                      replace != NULL, (size_t)max_errors, quiet != NULL);
}
