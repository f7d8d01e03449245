/* SPDX-License-Identifier: MIT */
/*
 * `khu audit verify|export|list`: the audit trail from the command line.
 * verify recomputes the hash chain and exits 1 naming the first record
 * that does not match; export writes the records as JSON lines, oldest
 * first; list shows the newest records for a person, with filters.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_audit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/num.h"
#include "store/audit.h"

static const char usage_text[] =
    "usage: khu audit verify [--db FILE]\n"
    "       khu audit export [--after ID] [--db FILE]\n"
    "       khu audit list [--table T] [--key K] [--actor NAME] [--limit N] [--db FILE]\n\n"
    "verify  recomputes the hash chain of the audit trail; exits 1 and names the first\n"
    "        record that does not match (changed, removed or inserted after the fact).\n"
    "        Prints the last record's id and hash: keep them elsewhere, so that records\n"
    "        removed from the end can be noticed too.\n"
    "export  writes every record (after record ID) as one JSON object per line.\n"
    "list    shows the newest records (20 unless --limit), filtered.";

static int verify(struct store *s)
{
    struct store_audit_verdict v;
    struct khu_diag d;

    khu_diag_clear(&d);
    if (store_audit_verify(s, &v, &d)) {
        fprintf(stderr, "khu audit verify: %s\n", d.message);
        return EXIT_DB;
    }
    if (v.bad_id) {
        fprintf(stderr, "khu audit verify: record %lld does not match: %s\n", (long long)v.bad_id,
                v.reason);
        printf("%lld records read; the chain is broken at record %lld\n", (long long)v.records,
               (long long)v.bad_id);
        return 1;
    }
    printf("%lld records, the chain holds; last record %lld, hash %s\n", (long long)v.records,
           (long long)v.head_id, v.head_id ? v.head_hash : "(none)");
    return 0;
}

struct lines {
    struct buf out;
    int failed;
};

static int export_record(void *arg, const struct khu_row *row)
{
    struct lines *l = arg;
    struct jw w;

    jw_init(&w, &l->out);
    app_audit_json(&w, row);
    buf_putc(&l->out, '\n');
    if (l->out.err || cli_flush_file(stdout, &l->out)) {
        l->failed = 1;
        return 1;
    }
    return 0;
}

static int export(struct store *s, const char *after)
{
    struct lines l;
    struct khu_diag d;
    int64_t from = 0;
    enum khu_err err;

    khu_diag_clear(&d);
    if (after && parse_i64(after, 0, INT64_MAX, &from)) {
        fprintf(stderr, "khu audit export: --after must be a record id (0 or more), not '%s'\n",
                after);
        return EXIT_USAGE;
    }
    memset(&l, 0, sizeof(l));
    buf_init(&l.out, 64 * 1024 * 1024);
    err = store_audit_scan(s, from, export_record, &l, &d);
    buf_free(&l.out);
    if (err) {
        fprintf(stderr, "khu audit export: %s\n", d.message);
        return EXIT_DB;
    }
    if (l.failed || fflush(stdout)) {
        fprintf(stderr, "khu audit export: the output could not be written\n");
        return 1;
    }
    return 0;
}

static const char *or_dash(const char *s)
{
    return s && s[0] ? s : "-";
}

static int print_record(void *arg, const struct khu_row *row)
{
    int *n = arg;
    char at[40];

    app_audit_time(row_int(row, AUDIT_COL_AT_MS), at, sizeof(at));
    printf("%6lld  %s  %-14s %-12s %s %s\n", (long long)row_int(row, AUDIT_COL_ID), at,
           or_dash(row_text(row, AUDIT_COL_ACTOR)), or_dash(row_text(row, AUDIT_COL_ACTION)),
           or_dash(row_text(row, AUDIT_COL_TABLE)), or_dash(row_text(row, AUDIT_COL_KEY)));
    if (row_text(row, AUDIT_COL_SOURCE))
        printf("        source: %.200s\n", row_text(row, AUDIT_COL_SOURCE));
    if (row_text(row, AUDIT_COL_AS_OF))
        printf("        as of:  %s\n", row_text(row, AUDIT_COL_AS_OF));
    if (row_text(row, AUDIT_COL_BEFORE))
        printf("        before: %.300s\n", row_text(row, AUDIT_COL_BEFORE));
    if (row_text(row, AUDIT_COL_AFTER))
        printf("        after:  %.300s\n", row_text(row, AUDIT_COL_AFTER));
    (*n)++;
    return 0;
}

static int list(struct store *s, struct store_audit_filter *f, const char *limit)
{
    struct khu_diag d;
    int64_t n = 20;
    int shown = 0;

    khu_diag_clear(&d);
    if (limit && parse_i64(limit, 1, 100000, &n)) {
        fprintf(stderr, "khu audit list: --limit must be a number from 1 to 100000, not '%s'\n",
                limit);
        return EXIT_USAGE;
    }
    f->limit = (int)n;
    if (store_audit_list(s, f, print_record, &shown, &d)) {
        fprintf(stderr, "khu audit list: %s\n", d.message);
        return EXIT_DB;
    }
    printf("%d record%s\n", shown, shown == 1 ? "" : "s");
    return 0;
}

int cmd_audit(int argc, char **argv)
{
    const char *db = NULL, *after = NULL, *limit = NULL, *pos[1];
    struct store_audit_filter f = {0};
    const struct opt opts[] = {{"--db", 1, &db},         {"--after", 1, &after},
                               {"--table", 1, &f.table}, {"--key", 1, &f.key},
                               {"--actor", 1, &f.actor}, {"--limit", 1, &limit},
                               {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 1, &help), rc;
    struct store *s = NULL;
    struct khu_diag d;

    if (help) {
        puts(usage_text);
        return 0;
    }
    if (npos != 1 ||
        (strcmp(pos[0], "verify") && strcmp(pos[0], "export") && strcmp(pos[0], "list"))) {
        if (npos >= 0)
            fprintf(stderr, "%s\n", usage_text);
        return EXIT_USAGE;
    }
    khu_diag_clear(&d);
    if (store_open(cli_db_path(db), STORE_READ_ONLY, &s, &d)) {
        fprintf(stderr, "khu audit: %s\n", d.message);
        return EXIT_DB;
    }
    if (strcmp(pos[0], "verify") == 0)
        rc = verify(s);
    else if (strcmp(pos[0], "export") == 0)
        rc = export(s, after);
    else
        rc = list(s, &f, limit);
    store_close(s);
    return rc;
}
