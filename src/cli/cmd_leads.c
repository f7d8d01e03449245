/* SPDX-License-Identifier: MIT */
/*
 * `khu leads [--csv]`: the investors' inquiries, newest first, for the
 * province's officers; --csv writes them as CSV (the import columns).
 */
#include <stdio.h>
#include <string.h>

#include "store/sqlite/sq.h" /* TRANSITIONAL: until this file goes through the store interface */
#include "app/app_export.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/schema.h"

static int list_leads(struct store *s)
{
    sqlite3_stmt *st = NULL;
    int n = 0;

    if (sqlite3_prepare_v2(s->db,
                           "SELECT coalesce(received_on, ''), code, company, coalesce(country, ''),"
                           " coalesce(contact, ''), coalesce(zones, ''), coalesce(note, '')"
                           " FROM leads ORDER BY received_on DESC, code DESC",
                           -1, &st, NULL) != SQLITE_OK)
        return EXIT_DB;
    while (sqlite3_step(st) == SQLITE_ROW) {
        printf("%s  %s  %s (%s)  %s\n    zones: %s\n    %.300s\n", sqlite3_column_text(st, 0),
               sqlite3_column_text(st, 1), sqlite3_column_text(st, 2), sqlite3_column_text(st, 3),
               sqlite3_column_text(st, 4), sqlite3_column_text(st, 5), sqlite3_column_text(st, 6));
        n++;
    }
    sqlite3_finalize(st);
    printf("%d lead%s\n", n, n == 1 ? "" : "s");
    return 0;
}

int cmd_leads(int argc, char **argv)
{
    const char *db = NULL, *csv = NULL, *pos[1];
    const struct opt opts[] = {{"--db", 1, &db}, {"--csv", 0, &csv}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 0, &help), rc;
    struct store *s = NULL;
    struct khu_diag d;
    struct buf out;

    if (help) {
        puts("usage: khu leads [--csv] [--db FILE]\n\nLists the investors' inquiries, newest"
             " first; --csv writes them as CSV.");
        return 0;
    }
    if (npos != 0)
        return EXIT_USAGE;
    khu_diag_clear(&d);
    if (store_open(cli_db_path(db), STORE_READ_ONLY, &s, &d)) {
        fprintf(stderr, "khu leads: %s\n", d.message);
        return EXIT_DB;
    }
    if (csv) {
        buf_init(&out, 64 * 1024 * 1024);
        rc = app_export(s, schema_table("leads"), EXPORT_CSV, &out, cli_flush_file, stdout, &d) ? 1
                                                                                                : 0;
        buf_free(&out);
    } else {
        rc = list_leads(s);
    }
    store_close(s);
    return rc;
}
