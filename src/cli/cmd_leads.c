/* SPDX-License-Identifier: MIT */
/*
 * `khu leads [--csv]`: the investors' inquiries, newest first, for the
 * province's officers; --csv writes them as CSV (the import columns, in
 * key order, as `khu export leads` does).
 */
#include <stdio.h>
#include <string.h>

#include "app/app_export.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/schema.h"
#include "store/leads.h"

/* Value i of row as text, "" when NULL. */
static const char *text_or_empty(const struct khu_row *row, int i)
{
    const char *s = row_text(row, i);

    return s ? s : "";
}

static int print_lead(void *arg, const struct khu_row *row)
{
    int *n = arg;

    printf("%s  %s  %s (%s)  %s\n    %s%s%s  zones: %s\n    %.300s\n",
           text_or_empty(row, LEAD_COL_RECEIVED_ON), text_or_empty(row, LEAD_COL_CODE),
           text_or_empty(row, LEAD_COL_COMPANY), text_or_empty(row, LEAD_COL_COUNTRY),
           text_or_empty(row, LEAD_COL_CONTACT), text_or_empty(row, LEAD_COL_STATUS),
           row_text(row, LEAD_COL_OWNER) ? ", followed up by " : "",
           text_or_empty(row, LEAD_COL_OWNER), text_or_empty(row, LEAD_COL_ZONES),
           text_or_empty(row, LEAD_COL_NOTE));
    (*n)++;
    return 0;
}

static int list_leads(struct store *s, struct khu_diag *d)
{
    int n = 0;

    if (store_leads_list(s, NULL, print_lead, &n, NULL, d)) {
        fprintf(stderr, "khu leads: %s\n", d->message);
        return EXIT_DB;
    }
    printf("%d lead%s\n", n, n == 1 ? "" : "s");
    return 0;
}

static int write_csv(struct store *s, struct khu_diag *d)
{
    struct buf out;
    enum khu_err err;

    buf_init(&out, 64 * 1024 * 1024);
    err = app_export(s, schema_table("leads"), EXPORT_CSV, &out, cli_flush_file, stdout, d);
    buf_free(&out);
    if (err) {
        fprintf(stderr, "khu leads: %s\n", d->message[0] ? d->message : khu_err_str(err));
        return 1;
    }
    return 0;
}

int cmd_leads(int argc, char **argv)
{
    const char *db = NULL, *csv = NULL, *pos[1];
    const struct opt opts[] = {{"--db", 1, &db}, {"--csv", 0, &csv}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 0, &help), rc;
    struct store *s = NULL;
    struct khu_diag d;

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
    rc = csv ? write_csv(s, &d) : list_leads(s, &d);
    store_close(s);
    return rc;
}
