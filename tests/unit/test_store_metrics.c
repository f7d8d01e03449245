/* SPDX-License-Identifier: MIT */
/*
 * Tests of the store's figures through its interface only: stats groups,
 * umbrellas, live metrics (with the day passed in), the reconciliation,
 * targets and observations, and the use cases built on them (targets with
 * progress, the check), on the small fixture of tests/fixture; and their
 * errors (a day that is not a date, too little room, a damaged file).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/app_check.h"
#include "app/app_targets.h"
#include "core/num.h"
#include "core/schema.h"
#include "store/import.h"
#include "store/metrics.h"
#include "store/targets.h"
#include "test.h"

static char dir[] = "/tmp/khu-metrics-XXXXXX";
static char db[300], broken[300];
static const struct store_actor test_actor = {"test", ""};

/* Two linkages from the domestic firm: one ended on 2024-06-30. */
static const char linkages[] = "code,supplier_tax_code,buyer_tax_code,annual_usd,since,until\n"
                               "l1,0300000001,0300000002,300,2020-01-01,2024-06-30\n"
                               "l2,0300000002,0300000001,100,2020-01-01,\n";

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *p = NULL;
    long n;

    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        p = malloc((size_t)n + 1);
        if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
            free(p);
            p = NULL;
        }
        *len = (size_t)n;
    }
    fclose(f);
    return p;
}

static void on_error(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    fprintf(stderr, "import: %s:%ld: %s: %s\n", file, d->line, d->field, d->message);
}

/* Creates path with the fixture and the linkages above. */
static int load_fixture(const char *path)
{
    static const char *const tables[] = {"sources",      "units",       "sectors",  "sector_map",
                                         "zones",        "enterprises", "projects", "targets",
                                         "observations", NULL};
    const char *fx = getenv("KHU_FIXTURE");
    struct store *s = NULL;
    struct importer *im = NULL;
    struct khu_diag d;
    char file[600];
    size_t i, len;
    int ok = 1;

    if (store_open(path, STORE_READ_WRITE, &s, &d) ||
        importer_begin(s, &test_actor, 0, 0, on_error, NULL, &im, &d)) {
        store_close(s);
        return 0;
    }
    for (i = 0; tables[i]; i++) {
        char *csv;
        snprintf(file, sizeof(file), "%s/%s.csv", fx ? fx : "tests/fixture", tables[i]);
        csv = slurp(file, &len);
        ok = ok && csv && importer_add_csv(im, tables[i], file, csv, len) == KHU_OK;
        free(csv);
    }
    ok = ok &&
         importer_add_csv(im, "linkages", "linkages.csv", linkages, sizeof(linkages) - 1) == KHU_OK;
    ok = importer_finish(im, NULL) == KHU_OK && ok;
    store_close(s);
    return ok;
}

/* ===== stats groups and umbrellas ===== */

struct seen {
    int rows, ncols_ok;
    char codes[256];
};

/* Appends text and a separator to s->codes (bounded). */
static void seen_add(struct seen *s, const char *text, const char *sep)
{
    size_t n = strlen(s->codes);

    snprintf(s->codes + n, sizeof(s->codes) - n, "%s%s", text ? text : "", sep);
}

static int count_group(void *arg, const struct khu_row *row)
{
    struct seen *s = arg;

    s->rows++;
    s->ncols_ok += row->n == STATS_NCOLS;
    seen_add(s, row_text(row, STATS_KIND), ":");
    return 0;
}

static int stop_at_once(void *arg, const struct khu_row *row)
{
    (void)row;
    ++*(int *)arg;
    return 1;
}

static int umbrella_row(void *arg, const struct khu_row *row)
{
    struct seen *s = arg;

    s->rows++;
    CHECK_EQ_INT(row->n, UMBRELLA_NCOLS);
    CHECK_EQ_STR(row_text(row, UMBRELLA_CODE), "kcn-umbrella");
    CHECK_EQ_STR(row_text(row, UMBRELLA_KIND), "kcn");
    CHECK_EQ_INT(row_int(row, UMBRELLA_MEMBERS), 1);
    return 0;
}

static void test_groups(struct store *s)
{
    struct seen seen = {0};
    struct khu_diag d;
    int calls = 0;

    CHECK_EQ_INT(store_stats_groups(s, count_group, &seen, &d), KHU_OK);
    CHECK_EQ_INT(seen.rows, 5); /* as GET /api/v1/stats: the umbrella is not a group */
    CHECK_EQ_INT(seen.ncols_ok, 5);
    /* a callback that stops: KHU_OK, one call */
    CHECK_EQ_INT(store_stats_groups(s, stop_at_once, &calls, &d), KHU_OK);
    CHECK_EQ_INT(calls, 1);
    memset(&seen, 0, sizeof(seen));
    CHECK_EQ_INT(store_umbrellas(s, umbrella_row, &seen, &d), KHU_OK);
    CHECK_EQ_INT(seen.rows, 1);
}

/* ===== live metrics and the reconciliation ===== */

static void test_metrics(struct store *s)
{
    struct metric_value v;
    struct khu_diag d;

    CHECK(store_metric_is_live("kcn_count"));
    CHECK(!store_metric_is_live("fdi_capital_usd_m"));
    CHECK_EQ_INT(store_metric_live(s, "kcn_count", "P1", "2025-01-01", &v, &d), KHU_OK);
    CHECK_EQ_INT(v.result, METRIC_OK);
    CHECK_EQ_DBL(v.value, 3, 1e-9); /* alpha, beta, delta-1; not the umbrella */
    /* a successor province covers its predecessors */
    CHECK_EQ_INT(store_metric_live(s, "kcn_count", "P9", "2025-01-01", &v, &d), KHU_OK);
    CHECK_EQ_DBL(v.value, 3, 1e-9);
    CHECK_EQ_INT(store_metric_live(s, "ccn_infra_complete_pct", "P1", "2025-01-01", &v, &d),
                 KHU_OK);
    CHECK_EQ_DBL(v.value, 100, 1e-9);
    /* the local supply share is counted over demands by app/app_local_share
     * (test_api_local_share), not by the store's SQL */
    CHECK(!store_metric_is_live("local_supply_share_pct"));
    CHECK_EQ_INT(store_metric_live(s, "local_supply_share_pct", NULL, "2024-01-01", &v, &d),
                 KHU_OK);
    CHECK_EQ_INT(v.result, METRIC_NOT_LIVE);
    /* not a metric the registry computes: no value, no error */
    CHECK_EQ_INT(store_metric_live(s, "no_such_metric", NULL, "2025-01-01", &v, &d), KHU_OK);
    CHECK_EQ_INT(v.result, METRIC_NOT_LIVE);
    /* a day that is not a date */
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_metric_live(s, "kcn_count", NULL, "now", &v, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "today");
    CHECK_EQ_INT(store_metric_live(s, "kcn_count", NULL, NULL, &v, &d), KHU_EINVAL);
}

static void test_reconcile(struct store *s)
{
    struct recon_row rows[16];
    struct khu_diag d;
    int n = -1, i, total = 0;

    CHECK_EQ_INT(store_reconcile(s, rows, 16, &n, &d), KHU_OK);
    CHECK(n > 2);
    CHECK_EQ_STR(rows[0].kind, "kcn");
    CHECK_EQ_INT(rows[0].registry_count, 3);
    CHECK_EQ_DBL(rows[0].registry_ha, 1000, 1e-9);
    CHECK(rows[0].has_reported_count);
    CHECK_EQ_DBL(rows[0].reported_count, 4, 1e-9);
    CHECK_EQ_STR(rows[0].reported_on, "2024-01-01");
    CHECK_EQ_STR(rows[1].kind, "ccn");
    CHECK(!rows[1].has_reported_count);
    for (i = 2; i < n; i++)
        total += (int)rows[i].registry_count;
    CHECK_EQ_INT(total, 5); /* every zone but the umbrella, by kind and status */
    /* room for the two established rows only */
    CHECK_EQ_INT(store_reconcile(s, rows, 2, &n, &d), KHU_OK);
    CHECK_EQ_INT(n, 2);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_reconcile(s, rows, 1, &n, &d), KHU_EINVAL);
    CHECK_EQ_INT(n, 0);
    CHECK(d.message[0] != '\0');
}

/* ===== targets, observations and progress ===== */

static int target_row(void *arg, const struct khu_row *row)
{
    struct seen *s = arg;

    s->rows++;
    CHECK_EQ_INT(row->n, TARGET_ROW + (int)schema_table("targets")->ncols);
    CHECK_EQ_STR(row_text(row, TARGET_CODE), row_text(row, TARGET_ROW));
    seen_add(s, row_text(row, TARGET_CODE), " ");
    return 0;
}

static int observation_row(void *arg, const struct khu_row *row)
{
    struct seen *s = arg;

    s->rows++;
    CHECK_EQ_INT(row->n, (int)schema_table("observations")->ncols);
    seen_add(s, row_text(row, 1), " ");
    return 0;
}

struct progress_seen {
    int n;
    int stop_after;
};

static int progress_row(void *arg, const struct app_target *t)
{
    struct progress_seen *p = arg;
    const char *code = row_text(t->row, TARGET_CODE);

    p->n++;
    if (strcmp(code, "t-kcn-count") == 0) {
        CHECK_EQ_INT(t->nobs, 2);
        CHECK_EQ_STR(row_text(&t->obs[1], 1), "2024-01-01");
        CHECK(t->has_reported);
        CHECK_EQ_DBL(t->reported, 4, 1e-9);
        CHECK_EQ_DBL(t->progress.current, 4, 1e-9);
        CHECK_EQ_DBL(t->progress.share_done, 0.5, 1e-9);
        CHECK_EQ_INT(t->progress.verdict, TARGET_ON_TRACK);
        CHECK_EQ_INT(t->live.result, METRIC_OK);
        CHECK_EQ_DBL(t->live.value, 3, 1e-9);
    } else {
        CHECK_EQ_STR(code, "t-infra");
        CHECK_EQ_INT(t->nobs, 0);
        CHECK(!t->has_reported);
        CHECK_EQ_DBL(t->progress.current, 100, 1e-9); /* registry basis: the live figure */
        CHECK_EQ_INT(t->progress.verdict, TARGET_MET);
    }
    return p->n == p->stop_after;
}

static void test_targets(struct store *s)
{
    struct seen seen = {0};
    struct progress_seen p = {0, 0};
    struct khu_diag d;
    int32_t today;

    CHECK_EQ_INT(store_targets(s, target_row, &seen, &d), KHU_OK);
    CHECK_EQ_INT(seen.rows, 2);
    CHECK_EQ_STR(seen.codes, "t-infra t-kcn-count ");
    memset(&seen, 0, sizeof(seen));
    CHECK_EQ_INT(store_observations(s, observation_row, &seen, &d), KHU_OK);
    CHECK_EQ_STR(seen.codes, "2022-01-01 2024-01-01 ");
    CHECK_EQ_INT(parse_date("2025-01-01", &today), KHU_OK);
    CHECK_EQ_INT(app_targets(s, today, NULL, progress_row, &p, &d), KHU_OK);
    CHECK_EQ_INT(p.n, 2);
    p = (struct progress_seen){0, 1};
    CHECK_EQ_INT(app_targets(s, today, NULL, progress_row, &p, &d), KHU_OK);
    CHECK_EQ_INT(p.n, 1);
}

/* The live metric of t-kcn-count (kcn_count in P1) as app_targets gives it. */
static int kcn_live(void *arg, const struct app_target *t)
{
    if (strcmp(row_text(t->row, TARGET_CODE), "t-kcn-count") == 0)
        *(double *)arg = t->live.value;
    return 0;
}

/* With a generation, live metrics are computed once per generation and
 * shared: a change is seen as soon as the caller's generation moves. */
static void test_generation(void)
{
    struct store *s = NULL;
    struct importer *im = NULL;
    struct khu_diag d;
    struct app_generation g10 = {10, 10}, g11 = {10, 11}, g12 = {11, 11};
    double live = -1;
    char file[600], *csv, *at;
    const char *fx = getenv("KHU_FIXTURE");
    size_t len;

    CHECK_EQ_INT(store_open(db, STORE_READ_WRITE, &s, &d), KHU_OK);
    if (!s)
        return;
    CHECK_EQ_INT(app_targets(s, 20089, &g10, kcn_live, &live, &d), KHU_OK);
    CHECK_EQ_DBL(live, 3, 1e-9);
    /* kcn-beta cancelled: one established park fewer */
    snprintf(file, sizeof(file), "%s/zones.csv", fx ? fx : "tests/fixture");
    csv = slurp(file, &len);
    at = csv ? strstr(csv, ",D2,operating,") : NULL;
    CHECK(at != NULL);
    if (at)
        memcpy(at, ",D2,cancelled,", 14);
    CHECK_EQ_INT(importer_begin(s, &test_actor, 1, 0, on_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "zones", file, csv, len), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    free(csv);
    /* same generation: the kept value (the caller has not seen the change) */
    CHECK_EQ_INT(app_targets(s, 20089, &g10, kcn_live, &live, &d), KHU_OK);
    CHECK_EQ_DBL(live, 3, 1e-9);
    /* the generation moved: computed again */
    CHECK_EQ_INT(app_targets(s, 20089, &g11, kcn_live, &live, &d), KHU_OK);
    CHECK_EQ_DBL(live, 2, 1e-9);
    CHECK_EQ_INT(app_targets(s, 20089, &g12, kcn_live, &live, &d), KHU_OK);
    CHECK_EQ_DBL(live, 2, 1e-9);
    /* a caller still at an older generation computes afresh */
    CHECK_EQ_INT(app_targets(s, 20089, &g10, kcn_live, &live, &d), KHU_OK);
    CHECK_EQ_DBL(live, 2, 1e-9);
    store_close(s);
}

/* ===== the check, and a damaged file ===== */

static int count_finding(void *arg, const char *finding)
{
    char *last = arg;

    snprintf(last, 512, "%s", finding);
    return 0;
}

/* The fixture is sound but for one address its register of sources does
 * not cover, which the check names. */
static void test_check(struct store *s)
{
    struct khu_diag d;
    long problems = -1;
    char last[512] = "";

    CHECK_EQ_INT(app_check(s, count_finding, last, &problems, &d), KHU_OK);
    CHECK_EQ_INT(problems, 1);
    CHECK_EQ_STR(last, "zones kcn-beta: source: cites 'https://unregistered.example.org/x', which"
                       " is not a registered source (sources: cite)");
}

/* Overwrites every page after the first. */
static int damage(const char *path)
{
    FILE *f = fopen(path, "r+b");
    char junk[4096];
    long size, at;

    if (!f)
        return 0;
    memset(junk, 0x5a, sizeof(junk));
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    for (at = 4096; at < size; at += (long)sizeof(junk)) {
        fseek(f, at, SEEK_SET);
        fwrite(junk, 1, sizeof(junk), f);
    }
    fclose(f);
    return size > 4096;
}

static void test_damaged(void)
{
    struct store *s = NULL;
    struct khu_diag d;
    struct metric_value v;
    struct recon_row rows[4];
    struct seen seen = {0};
    long problems = 0;
    int n;
    char last[512] = "";
    enum khu_err err;

    CHECK(load_fixture(broken));
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_open(broken, STORE_READ_ONLY, &s, &d), KHU_OK);
    if (!s)
        return;
    /* damaged under the open store (as by a failing disk): the schema it
     * has read stays, every table's pages are garbage */
    CHECK(damage(broken));
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_stats_groups(s, count_group, &seen, &d), KHU_EDB);
    CHECK(strstr(d.message, "damaged") != NULL);
    CHECK(strstr(d.message, "SELECT") == NULL); /* never SQL in a message */
    CHECK(store_metric_live(s, "kcn_count", NULL, "2025-01-01", &v, &d) != KHU_OK);
    CHECK(store_reconcile(s, rows, 4, &n, &d) != KHU_OK);
    CHECK(store_targets(s, target_row, &seen, &d) != KHU_OK);
    /* the check tells: either findings or an error that stopped it */
    err = app_check(s, count_finding, last, &problems, &d);
    CHECK(err != KHU_OK || problems > 0);
    store_close(s);
}

int main(void)
{
    struct store *s = NULL;
    struct khu_diag d;
    char path[400];
    static const char *const names[] = {"fixture.db", "broken.db", NULL};
    const char *const *p;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/fixture.db", dir);
    snprintf(broken, sizeof(broken), "%s/broken.db", dir);
    CHECK(load_fixture(db));
    CHECK_EQ_INT(store_open(db, STORE_READ_ONLY, &s, &d), KHU_OK);
    if (s) {
        test_groups(s);
        test_metrics(s);
        test_reconcile(s);
        test_targets(s);
        test_check(s);
        store_close(s);
    }
    test_generation();
    test_damaged();
    for (p = names; *p; p++) {
        snprintf(path, sizeof(path), "%s/%s", dir, *p);
        unlink(path);
        snprintf(path, sizeof(path), "%s/%s-wal", dir, *p);
        unlink(path);
        snprintf(path, sizeof(path), "%s/%s-shm", dir, *p);
        unlink(path);
    }
    rmdir(dir);
    return test_report("test_store_metrics");
}
