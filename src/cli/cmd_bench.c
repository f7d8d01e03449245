/* SPDX-License-Identifier: MIT */
/*
 * `khu bench match --db FILE [--runs N] [--zone CODE]`: in-process timings
 * of the site finder (loading and ranking every zone, and ranking alone)
 * and of drawing one zone's PDF brief; medians and 90th percentiles over N
 * runs. bench/match runs it over the national and world sets and adds the
 * same requests over HTTP.
 *
 * `khu bench suppliers --db FILE [--runs N]`: the supplier finder for N
 * different open demands (each ranked against every supplier), after one
 * run that loads the shared snapshot; and the open demands for N
 * suppliers of those results.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_brief.h"
#include "app/app_finder.h"
#include "app/app_supplier_finder.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/num.h"
#include "core/xalloc.h"

#define BENCH_MAX_RUNS 10000

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

static void report(const char *what, double *ms, int n)
{
    qsort(ms, (size_t)n, sizeof(*ms), compare_double);
    printf("%-28s runs=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f\n", what, n, ms[n / 2],
           ms[(n * 9) / 10], ms[(n * 99) / 100], ms[n - 1]);
}

/* An investor's typical needs: 20 ha, within 60 km of Ho Chi Minh City. */
static void typical_query(struct finder_input *in)
{
    app_finder_input_init(in, (int32_t)(time(NULL) / 86400));
    in->q.land_ha = 20;
    in->q.max_km_hcmc.known = 1;
    in->q.max_km_hcmc.v = 60;
    in->lang = SITE_EN;
}

static int bench_match(struct store *s, int runs, double *ms)
{
    struct finder_input in;
    struct finder_run run;
    struct khu_diag d;
    int i;
    long zones = 0;

    khu_diag_clear(&d);
    typical_query(&in);
    for (i = 0; i < runs; i++) {
        double t0 = now_ms();
        if (app_finder_run(s, &in, &run, &d)) {
            fprintf(stderr, "khu bench: %s\n", d.message);
            return -1;
        }
        ms[i] = now_ms() - t0;
        zones = run.n;
        app_finder_run_free(&run);
    }
    printf("zones %ld\n", zones);
    report("match load+rank", ms, runs);
    return 0;
}

static int bench_rank(struct store *s, int runs, double *ms)
{
    struct finder_input in;
    struct finder_run run;
    struct khu_diag d;
    int i;

    khu_diag_clear(&d);
    typical_query(&in);
    if (app_finder_run(s, &in, &run, &d)) {
        fprintf(stderr, "khu bench: %s\n", d.message);
        return -1;
    }
    for (i = 0; i < runs; i++) {
        double t0 = now_ms();
        struct site_page page = {0, (size_t)in.limit, in.groups};
        size_t count[SITE_GROUPS];
        site_rank_page(&in.q, run.zones, (size_t)run.n, &page, run.keys, run.results, count);
        ms[i] = now_ms() - t0;
    }
    app_finder_run_free(&run);
    report("match rank only", ms, runs);
    return 0;
}

static int bench_brief(struct store *s, const char *zone, int runs, double *ms)
{
    struct brief *b = xcalloc(1, sizeof(*b));
    struct brief_zone *z = xcalloc(1, sizeof(*z));
    struct brief_input in = {&zone, 1, SITE_VI, "today", NULL};
    struct khu_diag d;
    struct buf pdf;
    int i, rc = -1;

    buf_init(&pdf, 64 << 20);
    khu_diag_clear(&d);
    for (i = 0; b && z && i < runs; i++) {
        double t0 = now_ms();
        memset(b, 0, sizeof(*b));
        buf_reset(&pdf);
        if (app_brief_load(s, &in, b, z, &d)) {
            fprintf(stderr, "khu bench: %s\n", d.message);
            goto out;
        }
        if (brief_render_pdf(b, &pdf))
            goto out;
        ms[i] = now_ms() - t0;
    }
    if (!b || !z)
        goto out;
    printf("brief bytes %zu\n", pdf.len);
    report("brief one zone (PDF)", ms, runs);
    rc = 0;
out:
    buf_free(&pdf);
    xfree(z);
    xfree(b);
    return rc;
}

static int bench_suppliers(struct store *s, int runs, double *ms)
{
    char(*codes)[72] = xmalloc((size_t)runs * sizeof(*codes)), suppliers[64][16];
    struct supplier_input in;
    struct supplier_run run;
    struct demand_run drun;
    struct khu_diag d;
    long n, i, nsup = 0;
    double t0;

    khu_diag_clear(&d);
    app_supplier_input_init(&in, (int32_t)(time(NULL) / 86400));
    t0 = now_ms();
    n = codes ? app_supplier_demand_sample(s, codes, runs, &d) : -1;
    if (n <= 0) {
        fprintf(stderr, "khu bench: %s\n", n < 0 ? d.message : "no open demand to match");
        xfree(codes);
        return -1;
    }
    snprintf(in.demand_code, sizeof(in.demand_code), "%s", codes[0]);
    if (app_supplier_run(s, &in, &run, &d) == KHU_OK) /* the snapshot as the runs share it */
        app_supplier_run_free(&run);
    printf("suppliers load %.1f ms; demands sampled %ld\n", now_ms() - t0, n);
    for (i = 0; i < n; i++) {
        snprintf(in.demand_code, sizeof(in.demand_code), "%s", codes[i]);
        t0 = now_ms();
        if (app_supplier_run(s, &in, &run, &d)) {
            fprintf(stderr, "khu bench: %s\n", d.message);
            xfree(codes);
            return -1;
        }
        ms[i] = now_ms() - t0;
        if (run.nresults && nsup < 64)
            snprintf(suppliers[nsup++], sizeof(suppliers[0]), "%s",
                     run.results[0].supplier->tax_code);
        app_supplier_run_free(&run);
    }
    report("suppliers for a demand", ms, (int)n);
    for (i = 0; i < nsup; i++) {
        t0 = now_ms();
        if (app_demand_run(s, suppliers[i], &in, &drun, &d)) {
            fprintf(stderr, "khu bench: %s\n", d.message);
            xfree(codes);
            return -1;
        }
        ms[i] = now_ms() - t0;
        app_demand_run_free(&drun);
    }
    if (nsup)
        report("demands for a supplier", ms, (int)nsup);
    xfree(codes);
    return 0;
}

int cmd_bench(int argc, char **argv)
{
    const char *db = NULL, *runs_text = NULL, *zone = NULL, *pos[1];
    const struct opt opts[] = {
        {"--db", 1, &db}, {"--runs", 1, &runs_text}, {"--zone", 1, &zone}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 1, &help), rc = 0;
    int64_t runs = 50;
    struct store *s = NULL;
    struct khu_diag d;
    double *ms;

    if (help || npos != 1 || (strcmp(pos[0], "match") && strcmp(pos[0], "suppliers"))) {
        fputs("usage: khu bench match [--db FILE] [--runs N] [--zone CODE]\n"
              "       khu bench suppliers [--db FILE] [--runs N]\n",
              help ? stdout : stderr);
        return help ? 0 : EXIT_USAGE;
    }
    if (runs_text && parse_i64(runs_text, 1, BENCH_MAX_RUNS, &runs)) {
        fprintf(stderr, "khu bench: --runs must be from 1 to %d\n", BENCH_MAX_RUNS);
        return EXIT_USAGE;
    }
    khu_diag_clear(&d);
    if (store_open(cli_db_path(db), STORE_READ_ONLY, &s, &d)) {
        fprintf(stderr, "khu bench: %s\n", d.message);
        return EXIT_DB;
    }
    ms = xmalloc((size_t)runs * sizeof(*ms));
    if (!ms)
        rc = 1;
    else if (strcmp(pos[0], "suppliers") == 0)
        rc = bench_suppliers(s, (int)runs, ms) ? 1 : 0;
    else if (bench_match(s, (int)runs, ms) || bench_rank(s, (int)runs, ms) ||
             (zone && bench_brief(s, zone, (int)runs, ms)))
        rc = 1;
    xfree(ms);
    store_close(s);
    return rc;
}
