/* SPDX-License-Identifier: MIT */
/*
 * `khu check`: proves the database is sound (SQLite integrity, references,
 * every row against the data model) and prints the reconciliation of the
 * registry's parks and clusters with the province's reported totals. A
 * difference is a finding: it is printed, never hidden.
 */
#include <stdio.h>
#include <string.h>

#include "store/sqlite/sq.h" /* TRANSITIONAL: until this file goes through the store interface */
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/num.h"
#include "core/schema.h"
#include "core/validate.h"
#include "store/metrics.h"

#define CHECK_MAX_REPORTED 50

static long pragma_problems(struct store *s, const char *sql, const char *what)
{
    sqlite3_stmt *st = NULL;
    long problems = 0;

    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return 1;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        if (text && strcmp(text, "ok") == 0)
            continue;
        if (problems++ < CHECK_MAX_REPORTED)
            printf("  %s: %s %s\n", what, text ? text : "",
                   sqlite3_column_count(st) > 2 ? (const char *)sqlite3_column_text(st, 2) : "");
    }
    sqlite3_finalize(st);
    return problems;
}

static long check_row(const struct table_def *t, sqlite3_stmt *st, struct buf *scratch,
                      struct cell *cells)
{
    struct khu_diag d;
    size_t i;
    long bad = 0;

    for (i = 0; i < t->ncols; i++) {
        const char *v = (const char *)sqlite3_column_text(st, (int)i);
        char num[40];
        if (sqlite3_column_type(st, (int)i) == SQLITE_FLOAT)
            v = format_real(sqlite3_column_double(st, (int)i), num, sizeof(num));
        khu_diag_clear(&d);
        if (validate_cell(&t->cols[i], v ? v : "", v ? strlen(v) : 0, &scratch[i], &cells[i], &d)) {
            printf("  %s %s: %s: %s\n", t->name, sqlite3_column_text(st, (int)t->ncols), d.field,
                   d.message);
            bad++;
        }
    }
    khu_diag_clear(&d);
    if (!bad && validate_row(t, cells, &d)) {
        printf("  %s %s: %s: %s\n", t->name, sqlite3_column_text(st, (int)t->ncols), d.field,
               d.message);
        bad++;
    }
    return bad;
}

static long check_table(struct store *s, const struct table_def *t)
{
    struct buf sql, scratch[64];
    struct cell cells[64];
    sqlite3_stmt *st = NULL;
    size_t i;
    long bad = 0;

    buf_init(&sql, 1 << 16);
    buf_puts(&sql, "SELECT ");
    for (i = 0; i < t->ncols; i++)
        buf_printf(&sql, "%s,", t->cols[i].name);
    buf_printf(&sql, "%s FROM %s", t->key[0], t->name);
    for (i = 0; i < t->ncols; i++)
        buf_init(&scratch[i], 1 << 24);
    if (sql.err || sqlite3_prepare_v2(s->db, buf_cstr(&sql), -1, &st, NULL) != SQLITE_OK)
        bad = 1;
    while (st && sqlite3_step(st) == SQLITE_ROW)
        bad += check_row(t, st, scratch, cells);
    sqlite3_finalize(st);
    for (i = 0; i < t->ncols; i++)
        buf_free(&scratch[i]);
    buf_free(&sql);
    return bad;
}

static void print_figure(int has, double v, const char *unit)
{
    char text[40];

    if (has)
        printf(" %12s %-5s", format_real(v, text, sizeof(text)), unit);
    else
        printf(" %12s %-5s", "unknown", "");
}

static void print_recon_row(const struct recon_row *r, int established)
{
    char count[32];

    snprintf(count, sizeof(count), "%ld", r->registry_count);
    printf("  %-9s %-44s %6s", r->kind, r->label, count);
    print_figure(r->registry_area_unknown < r->registry_count, r->registry_ha, "ha");
    if (r->registry_area_unknown)
        printf(" (%ld without area)", r->registry_area_unknown);
    printf("\n");
    if (!established)
        return;
    printf("  %-9s %-44s", r->kind, "reported by the province");
    if (r->has_reported_count)
        printf(" %6.0f", r->reported_count);
    else
        printf(" %6s", "?");
    print_figure(r->has_reported_ha, r->reported_ha, "ha");
    printf(" as of %s\n", r->reported_on[0] ? r->reported_on : "unknown");
    printf("  %-9s %-44s", r->kind, "difference (registry - reported)");
    if (r->has_reported_count)
        printf(" %+6.0f", (double)r->registry_count - r->reported_count);
    else
        printf(" %6s", "?");
    if (r->has_reported_ha)
        printf(" %+12.1f ha", r->registry_ha - r->reported_ha);
    printf("\n            source: %s\n", r->source[0] ? r->source : "none recorded");
}

/* Umbrella zones are listed apart: their own area beside their members'. */
static void print_umbrellas(struct store *s)
{
    sqlite3_stmt *st = NULL;
    char a[40], b[40];

    if (sqlite3_prepare_v2(s->db,
                           "SELECT g.kind, g.code, g.total_ha, count(m.code), sum(m.total_ha),"
                           " count(m.code) - count(m.total_ha) FROM zones g"
                           " JOIN zones m ON m.group_code = g.code GROUP BY g.code ORDER BY g.code",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    printf("\numbrella zones (not counted; their members are):\n");
    while (sqlite3_step(st) == SQLITE_ROW) {
        format_real(sqlite3_column_double(st, 2), a, sizeof(a));
        format_real(sqlite3_column_double(st, 4), b, sizeof(b));
        printf("  %-9s %-44s %s ha; %d members with %s ha (%d without area)\n",
               sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
               sqlite3_column_type(st, 2) == SQLITE_NULL ? "unknown" : a, sqlite3_column_int(st, 3),
               sqlite3_column_type(st, 4) == SQLITE_NULL ? "unknown" : b,
               sqlite3_column_int(st, 5));
    }
    sqlite3_finalize(st);
}

static void print_reconciliation(struct store *s)
{
    struct recon_row rows[64];
    int n = 0, i;

    if (metric_reconcile(s, rows, 64, &n)) {
        printf("reconciliation: could not be computed\n");
        return;
    }
    printf("\nreconciliation: registry (umbrella zones not added to their members)"
           " vs the province's reported totals\n");
    printf("  %-9s %-44s %6s %15s\n", "kind", "", "count", "area");
    for (i = 0; i < 2 && i < n; i++)
        print_recon_row(&rows[i], 1);
    printf("\nregistry by kind and status:\n");
    for (; i < n; i++)
        print_recon_row(&rows[i], 0);
    print_umbrellas(s);
}

int cmd_check(int argc, char **argv)
{
    const char *db = NULL, *pos[1];
    const struct opt opts[] = {{"--db", 1, &db}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 0, &help);
    const struct table_def *tables;
    struct store *s = NULL;
    struct khu_diag d;
    size_t i, count;
    long problems = 0;

    if (help) {
        puts("usage: khu check [--db FILE]\n\nValidates the database and prints how the"
             " registry compares with the province's reported totals.\nExit status 0 when"
             " sound, 1 when problems were found.");
        return 0;
    }
    if (npos != 0)
        return EXIT_USAGE;
    khu_diag_clear(&d);
    if (store_open(cli_db_path(db), STORE_READ_ONLY, &s, &d)) {
        fprintf(stderr, "khu check: %s\n", d.message);
        return EXIT_DB;
    }
    problems += pragma_problems(s, "PRAGMA integrity_check", "integrity");
    problems += pragma_problems(s, "PRAGMA foreign_key_check", "dangling reference in");
    tables = schema_tables(&count);
    for (i = 0; i < count; i++)
        problems += check_table(s, &tables[i]);
    printf("check: %ld problem%s in %s\n", problems, problems == 1 ? "" : "s", cli_db_path(db));
    print_reconciliation(s);
    store_close(s);
    return problems ? 1 : 0;
}
