/* SPDX-License-Identifier: MIT */
/*
 * `khu export TABLE [--format csv|json|geojson] [--output FILE]`: a table streamed
 * to standard output or a file; CSV reads back with `khu import`.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_export.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/schema.h"

static const char export_help[] =
    "usage: khu export TABLE [--format csv|json|geojson] [--db FILE] [--output FILE]\n\n"
    "Writes every row of TABLE in key order. CSV has the import columns and reads\n"
    "back with `khu import` to the same data. GeoJSON (RFC 7946) is for tables with\n"
    "coordinates (zones, units, enterprises).\n";

static int parse_format(const char *s, enum export_format *f)
{
    if (!s || strcmp(s, "csv") == 0)
        *f = EXPORT_CSV;
    else if (strcmp(s, "json") == 0)
        *f = EXPORT_JSON;
    else if (strcmp(s, "geojson") == 0)
        *f = EXPORT_GEOJSON;
    else
        return -1;
    return 0;
}

static int run_export(const char *db, const struct table_def *t, enum export_format format,
                      const char *output)
{
    struct store *s = NULL;
    struct khu_diag d;
    struct buf out;
    FILE *f = stdout;
    enum khu_err err;

    khu_diag_clear(&d);
    if (store_open(db, STORE_READ_ONLY, &s, &d)) {
        fprintf(stderr, "khu export: %s\n", d.message);
        return EXIT_DB;
    }
    if (output && !(f = fopen(output, "wb"))) {
        perror(output);
        store_close(s);
        return 1;
    }
    buf_init(&out, 64 * 1024 * 1024);
    err = app_export(s, t, format, &out, cli_flush_file, f, &d);
    buf_free(&out);
    store_close(s);
    if (f != stdout && fclose(f) != 0 && !err)
        err = KHU_EIO;
    if (err) {
        fprintf(stderr, "khu export: %s\n", d.message[0] ? d.message : khu_err_str(err));
        return err == KHU_EDB ? EXIT_DB : 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}

int cmd_export(int argc, char **argv)
{
    const char *db = NULL, *format = NULL, *output = NULL, *pos[1];
    const struct opt opts[] = {
        {"--db", 1, &db}, {"--format", 1, &format}, {"--output", 1, &output}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 1, &help);
    const struct table_def *t;
    enum export_format f;

    if (help) {
        fputs(export_help, stdout);
        return 0;
    }
    if (npos != 1) {
        if (npos >= 0)
            fputs(export_help, stderr);
        return EXIT_USAGE;
    }
    t = schema_table(pos[0]);
    if (!t) {
        cli_unknown_table("export", pos[0]);
        return EXIT_USAGE;
    }
    if (parse_format(format, &f)) {
        fprintf(stderr, "khu export: --format must be csv, json or geojson\n");
        return EXIT_USAGE;
    }
    return run_export(cli_db_path(db), t, f, output);
}
