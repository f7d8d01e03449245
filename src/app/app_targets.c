/* SPDX-License-Identifier: MIT */
/*
 * The targets use case (see app_targets.h). Two reads of the store: every
 * observation first, kept in memory (a few per target), then the targets,
 * each joined with its observations and its live metric. A live metric is
 * computed once per (metric, scope) however many targets share it, and,
 * when the caller gives the database generation, once per generation for
 * every caller.
 */
#include "app/app_targets.h"

#include "app/app_local_share.h"
#include "core/buf.h"
#include "core/num.h"
#include "core/schema.h"
#include "core/xalloc.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define OBS_MAX_ROWS (1L << 20) /* observations held at once */
#define MEMO_MAX     256        /* distinct (metric, scope) pairs remembered */

/* ===== every observation, copied out of the store ===== */

struct obs_set {
    int ncols;
    long n, cap;
    struct khu_value *vals; /* n rows of ncols values; text in text */
    struct khu_row *rows;   /* n rows, made by obs_finish */
    struct buf text;
    enum khu_err err;
};

static int obs_add(void *arg, const struct khu_row *row)
{
    struct obs_set *o = arg;
    struct khu_value *v;
    int i;

    if (o->n == o->cap) {
        long cap = o->cap ? o->cap * 2 : 512;
        void *p = cap <= OBS_MAX_ROWS
                      ? xrealloc(o->vals, (size_t)cap * (size_t)o->ncols * sizeof(*o->vals))
                      : NULL;
        if (!p) {
            o->err = cap <= OBS_MAX_ROWS ? KHU_ENOMEM : KHU_ETOOBIG;
            return 1;
        }
        o->vals = p;
        o->cap = cap;
    }
    v = &o->vals[o->n++ * o->ncols];
    for (i = 0; i < o->ncols; i++) {
        v[i] = *row_at(row, i);
        if (v[i].type != KHU_V_TEXT)
            continue;
        /* until obs_finish, a text value holds its offset in text */
        v[i].i = (int64_t)o->text.len;
        v[i].s = NULL;
        buf_append(&o->text, row_at(row, i)->s, row_at(row, i)->n);
        buf_putc(&o->text, '\0');
    }
    if (o->text.err)
        o->err = o->text.err;
    return o->err != KHU_OK;
}

/* Points text values at the copied text and makes the rows. */
static enum khu_err obs_finish(struct obs_set *o)
{
    long r;
    int i;

    if (o->err)
        return o->err;
    o->rows = xcalloc((size_t)o->n + 1, sizeof(*o->rows));
    if (!o->rows)
        return KHU_ENOMEM;
    for (r = 0; r < o->n; r++) {
        struct khu_value *v = &o->vals[r * o->ncols];
        for (i = 0; i < o->ncols; i++) {
            if (v[i].type != KHU_V_TEXT)
                continue;
            v[i].s = o->text.data + v[i].i;
            v[i].i = 0;
        }
        o->rows[r].v = v;
        o->rows[r].n = o->ncols;
    }
    return KHU_OK;
}

static void obs_free(struct obs_set *o)
{
    xfree(o->vals);
    xfree(o->rows);
    buf_free(&o->text);
}

/* ===== live metrics, once per (metric, scope) and generation ===== */

struct memo_entry {
    char metric[METRIC_NAME_MAX];
    char scope[64]; /* "" for a metric that does not depend on the scope */
    int32_t today;
    struct metric_value value;
};

struct memo {
    struct memo_entry e[MEMO_MAX];
    int n;
};

/* The live metrics of one database generation, shared by every thread:
 * computing them is most of the cost of an answer (a scan of every
 * linkage, or of every zone of a province), and they change only when the
 * data does. Entries are kept under the generation read before their data
 * and served only to a request whose current generation is that one
 * (the rule of the answer cache, api/cache.c). */
static pthread_mutex_t shared_lock = PTHREAD_MUTEX_INITIALIZER;
static struct memo shared;
static uint64_t shared_gen;

static const struct memo_entry *memo_find(const struct memo *m, const char *metric,
                                          const char *scope, int32_t today)
{
    int i;

    for (i = 0; i < m->n; i++)
        if (m->e[i].today == today && strcmp(m->e[i].metric, metric) == 0 &&
            strcmp(m->e[i].scope, scope) == 0)
            return &m->e[i];
    return NULL;
}

static void memo_add(struct memo *m, const char *metric, const char *scope, int32_t today,
                     const struct metric_value *v)
{
    struct memo_entry *e;

    if (m->n == MEMO_MAX)
        return;
    e = &m->e[m->n++];
    snprintf(e->metric, sizeof(e->metric), "%s", metric);
    snprintf(e->scope, sizeof(e->scope), "%s", scope);
    e->today = today;
    e->value = *v;
}

static int shared_get(const struct app_generation *g, const char *metric, const char *scope,
                      int32_t today, struct metric_value *out)
{
    const struct memo_entry *e = NULL;

    pthread_mutex_lock(&shared_lock);
    if (shared_gen == g->now)
        e = memo_find(&shared, metric, scope, today);
    if (e)
        *out = e->value;
    pthread_mutex_unlock(&shared_lock);
    return e != NULL;
}

static void shared_put(const struct app_generation *g, const char *metric, const char *scope,
                       int32_t today, const struct metric_value *v)
{
    pthread_mutex_lock(&shared_lock);
    if (g->before > shared_gen) { /* a newer generation: the old values go */
        shared.n = 0;
        shared_gen = g->before;
    }
    if (g->before == shared_gen && !memo_find(&shared, metric, scope, today))
        memo_add(&shared, metric, scope, today, v);
    pthread_mutex_unlock(&shared_lock);
}

/* The metrics computed live: the registry's in SQL (store/metrics.h),
 * and the local supply share (app/app_local_share.h). */
static int metric_is_live(const char *metric)
{
    return store_metric_is_live(metric) || app_local_share_is_metric(metric);
}

static int metric_is_scoped(const char *metric)
{
    return store_metric_is_scoped(metric) || app_local_share_is_metric(metric);
}

static enum khu_err compute(struct store *s, const char *metric, const char *scope,
                            const char *today_text, struct metric_value *out, struct khu_diag *d)
{
    if (app_local_share_is_metric(metric))
        return app_local_share_metric(s, scope, today_text, out, d);
    return store_metric_live(s, metric, scope, today_text, out, d);
}

static enum khu_err live_metric(struct store *s, struct memo *m, const struct app_generation *g,
                                const char *metric, const char *scope_unit, int32_t today,
                                const char *today_text, struct metric_value *out,
                                struct khu_diag *d)
{
    const struct memo_entry *e;
    const char *scope = metric_is_scoped(metric) && scope_unit ? scope_unit : "";
    enum khu_err err;

    memset(out, 0, sizeof(*out));
    out->result = METRIC_NOT_LIVE;
    if (!metric_is_live(metric) || strlen(metric) >= sizeof(m->e[0].metric) ||
        strlen(scope) >= sizeof(m->e[0].scope))
        return compute(s, metric, scope[0] ? scope : NULL, today_text, out, d);
    e = memo_find(m, metric, scope, today);
    if (e) {
        *out = e->value;
        return KHU_OK;
    }
    if (!g || !shared_get(g, metric, scope, today, out)) {
        err = compute(s, metric, scope[0] ? scope : NULL, today_text, out, d);
        if (err)
            return err;
        if (g)
            shared_put(g, metric, scope, today, out);
    }
    memo_add(m, metric, scope, today, out);
    return KHU_OK;
}

/* ===== each target ===== */

struct run {
    struct store *s;
    int32_t today;
    char today_text[11];
    struct obs_set obs;
    long next_obs; /* where the observations of the next target should start */
    struct memo memo;
    const struct app_generation *gen;
    struct target_point points[APP_TARGET_MAX_OBS + 1];
    app_target_fn fn;
    void *arg;
    enum khu_err err;
    struct khu_diag *d;
};

static int32_t day_of(const struct khu_row *row, int i)
{
    int32_t d = 0;
    const char *s = row_text(row, i);

    if (s)
        parse_date(s, &d);
    return d;
}

/* The observations of code: [*first, *first + n). Observations come
 * grouped by target in the targets' order, so the next group is usually
 * the right one; otherwise they are looked for from the start. */
static long observations_of(struct run *r, const char *code, long *first)
{
    const struct obs_set *o = &r->obs;
    long i = r->next_obs, n = 0;
    const char *c;

    if (i >= o->n || !(c = row_text(&o->rows[i], 0)) || strcmp(c, code) != 0)
        for (i = 0; i < o->n; i++)
            if ((c = row_text(&o->rows[i], 0)) && strcmp(c, code) == 0)
                break;
    *first = i;
    while (i + n < o->n && (c = row_text(&o->rows[i + n], 0)) && strcmp(c, code) == 0)
        n++;
    if (n)
        r->next_obs = i + n;
    return n;
}

/* The last day the date of column col of row may be, as the column of
 * its precision (precision_col) says. */
static int32_t day_last_of(const struct khu_row *row, int col, int precision_col)
{
    return date_period_end(day_of(row, col),
                           precision_col >= 0 ? row_text(row, precision_col) : NULL);
}

/* The input of core/target.h from the target's row and observations. */
static void target_input_of(struct run *r, const struct khu_row *row, const struct khu_row *obs,
                            long nobs, struct target_input *in)
{
    const char *dir = row_text(row, TARGET_DIRECTION);
    long i, from = nobs > APP_TARGET_MAX_OBS ? nobs - APP_TARGET_MAX_OBS : 0;
    int baseline_precision = schema_col_index(schema_table("targets"), "baseline_precision");
    int observed_precision = schema_col_index(schema_table("observations"), "observed_precision");

    memset(in, 0, sizeof(*in));
    in->has_baseline = !row_is_null(row, TARGET_BASELINE);
    in->baseline = row_real(row, TARGET_BASELINE);
    in->baseline_day = day_of(row, TARGET_BASELINE_ON);
    in->baseline_day_last = day_last_of(
        row, TARGET_BASELINE_ON, baseline_precision >= 0 ? TARGET_ROW + baseline_precision : -1);
    in->has_target = !row_is_null(row, TARGET_VALUE) && !row_is_null(row, TARGET_DUE_ON);
    in->target = row_real(row, TARGET_VALUE);
    in->due_day = day_of(row, TARGET_DUE_ON);
    in->decrease = dir && strcmp(dir, "decrease") == 0;
    in->today = r->today;
    in->obs = r->points;
    /* newest first, as the trend has always summed them */
    for (i = nobs - 1; i >= from; i--) {
        r->points[in->nobs].day = day_of(&obs[i], 1);
        r->points[in->nobs].day_last = day_last_of(&obs[i], 1, observed_precision);
        r->points[in->nobs++].value = row_real(&obs[i], 2);
    }
}

static int one_target(void *arg, const struct khu_row *row)
{
    struct run *r = arg;
    struct app_target t;
    struct target_input in;
    const char *code = row_text(row, TARGET_CODE), *basis = row_text(row, TARGET_BASIS);
    long first = 0, nobs = code ? observations_of(r, code, &first) : 0;

    memset(&t, 0, sizeof(t));
    t.row = row;
    t.obs = nobs ? &r->obs.rows[first] : NULL;
    t.nobs = (int)nobs;
    r->err = live_metric(r->s, &r->memo, r->gen,
                         row_text(row, TARGET_METRIC) ? row_text(row, TARGET_METRIC) : "",
                         row_text(row, TARGET_SCOPE_UNIT), r->today, r->today_text, &t.live, r->d);
    if (r->err)
        return 1;
    if (nobs) {
        const struct khu_row *last = &t.obs[nobs - 1];
        t.has_reported = 1;
        t.reported = row_real(last, 2);
        snprintf(t.reported_on, sizeof(t.reported_on), "%s",
                 row_text(last, 1) ? row_text(last, 1) : "");
    }
    target_input_of(r, row, t.obs, nobs, &in);
    if (basis && strcmp(basis, "registry") == 0 && t.live.result == METRIC_OK) {
        r->points[in.nobs].day = r->today;
        r->points[in.nobs].day_last = r->today;
        r->points[in.nobs++].value = t.live.value;
    }
    target_compute(&in, &t.progress);
    return r->fn(r->arg, &t);
}

enum khu_err app_targets(struct store *s, int32_t today, const struct app_generation *gen,
                         app_target_fn fn, void *arg, struct khu_diag *d)
{
    struct run *r = xcalloc(1, sizeof(*r));
    enum khu_err err;

    if (!r) {
        khu_diag_set(d, 0, 0, NULL, "out of memory");
        return KHU_ENOMEM;
    }
    r->s = s;
    r->today = today;
    r->gen = gen;
    format_date(today, r->today_text);
    r->fn = fn;
    r->arg = arg;
    r->d = d;
    r->obs.ncols = (int)schema_table("observations")->ncols;
    buf_init(&r->obs.text, 64 << 20);
    err = store_observations(s, obs_add, &r->obs, d);
    if (!err)
        err = obs_finish(&r->obs);
    if (err == KHU_ENOMEM || err == KHU_ETOOBIG)
        khu_diag_set(d, 0, 0, NULL, "the observations do not fit in memory");
    if (!err)
        err = store_targets(s, one_target, r, d);
    if (!err)
        err = r->err;
    obs_free(&r->obs);
    xfree(r);
    return err;
}
