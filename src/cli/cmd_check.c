/* SPDX-License-Identifier: MIT */
/*
 * `khu check`: proves the database is sound (SQLite integrity, references,
 * every row against the data model) and prints the reconciliation of the
 * registry's parks and clusters with the province's reported totals. A
 * difference is a finding: it is printed, never hidden.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_check.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/num.h"
#include "store/metrics.h"

#define CHECK_MAX_SHOWN 100 /* problems printed; the rest are only counted */

static int print_finding(void *arg, const char *finding)
{
    long *shown = arg;

    if ((*shown)++ < CHECK_MAX_SHOWN)
        printf("  %s\n", finding);
    return 0;
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
    if (r->scope_unit[0])
        printf("\n            scope of both figures: the unit %s\n", r->scope_unit);
    else
        printf("\n            scope of both figures: the whole registry\n");
    printf("            source: %s\n", r->source[0] ? r->source : "none recorded");
}

/* Umbrella zones are listed apart: their own area beside their members'. */
static int print_umbrella(void *arg, const struct khu_row *row)
{
    char a[40], b[40];

    (void)arg;
    format_real(row_real(row, UMBRELLA_TOTAL_HA), a, sizeof(a));
    format_real(row_real(row, UMBRELLA_MEMBERS_TOTAL_HA), b, sizeof(b));
    printf("  %-9s %-44s %s ha; %lld members with %s ha (%lld without area)\n",
           row_text(row, UMBRELLA_KIND), row_text(row, UMBRELLA_CODE),
           row_is_null(row, UMBRELLA_TOTAL_HA) ? "unknown" : a,
           (long long)row_int(row, UMBRELLA_MEMBERS),
           row_is_null(row, UMBRELLA_MEMBERS_TOTAL_HA) ? "unknown" : b,
           (long long)row_int(row, UMBRELLA_MEMBERS_AREA_UNKNOWN));
    return 0;
}

static void print_reconciliation(struct store *s)
{
    struct recon_row rows[64];
    struct khu_diag d;
    int n = 0, i;

    khu_diag_clear(&d);
    if (store_reconcile(s, rows, 64, &n, &d)) {
        printf("reconciliation: could not be computed: %s\n", d.message);
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
    printf("\numbrella zones (not counted; their members are):\n");
    khu_diag_clear(&d);
    if (store_umbrellas(s, print_umbrella, NULL, &d))
        printf("  could not be listed: %s\n", d.message);
}

int cmd_check(int argc, char **argv)
{
    const char *db = NULL, *pos[1];
    const struct opt opts[] = {{"--db", 1, &db}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 0, &help);
    struct store *s = NULL;
    struct khu_diag d;
    long problems = 0, shown = 0;
    enum khu_err err;

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
    err = app_check(s, print_finding, &shown, &problems, &d);
    if (shown > CHECK_MAX_SHOWN)
        printf("  ... and %ld more\n", shown - CHECK_MAX_SHOWN);
    if (err) {
        fprintf(stderr, "khu check: the check stopped: %s\n", d.message);
        problems++;
    }
    printf("check: %ld problem%s in %s\n", problems, problems == 1 ? "" : "s", cli_db_path(db));
    print_reconciliation(s);
    store_close(s);
    return problems ? 1 : 0;
}
