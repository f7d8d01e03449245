/* SPDX-License-Identifier: MIT */
/*
 * Running the site finder (see app_finder.h): the codes of the needs
 * checked against the database, the preferred units widened to their
 * scope, each zone of the shared snapshot viewed for this run's sector,
 * units and language, and the best ones ranked by core/site_match.
 */
#include "app/app_finder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_finder_snapshot.h"
#include "core/num.h"
#include "core/xalloc.h"
#include "store/finder.h"
#include "store/lookup.h"

void app_finder_input_init(struct finder_input *in, int32_t today)
{
    char date[16];

    memset(in, 0, sizeof(*in));
    site_default_weights(&in->q);
    in->limit = FINDER_DEFAULT_LIMIT;
    in->groups = (1u << SITE_GROUPS) - 1;
    in->lang = SITE_VI;
    in->msg_lang = SITE_EN;
    if (today > 0) {
        format_date(today, date);
        in->q.today_year = (int)strtol(date, NULL, 10);
    }
}

/* ===== the run's codes ===== */

/* The codes of sector `code` in both VSIC versions, space-padded for a
 * token search: " 2610 2611 2619 ". Returns 0 when the code is unknown. */
static int sector_tokens(struct store *s, const char *code, char *out, size_t n)
{
    char codes[32][SECTOR_CODE_MAX];
    int i, count = store_sector_codes(s, code, codes, 32);

    snprintf(out, n, " ");
    for (i = 0; i < count; i++)
        snprintf(out + strlen(out), n - strlen(out), "%s ", codes[i]);
    return count > 0;
}

static enum khu_err check_codes(struct store *s, const struct finder_input *in, char *tokens,
                                size_t n, struct khu_diag *d)
{
    int i;

    if (in->limit < 1 || in->limit > FINDER_MAX_LIMIT) {
        khu_diag_set(d, 0, 0, "limit", "limit must be a whole number from 1 to %d; got %ld",
                     FINDER_MAX_LIMIT, in->limit);
        return KHU_EINVAL;
    }
    if (in->offset < 0 || in->offset > FINDER_MAX_ZONES) {
        khu_diag_set(d, 0, 0, "offset", "offset must be a whole number from 0 to %d; got %ld",
                     FINDER_MAX_ZONES, in->offset);
        return KHU_EINVAL;
    }
    if (in->q.has_sector && !sector_tokens(s, in->sector, tokens, n)) {
        khu_diag_set(d, 0, 0, "sector",
                     "unknown sector code '%.40s' (VSIC 2018 or 2025): see /api/v1/sectors",
                     in->sector);
        return KHU_EINVAL;
    }
    for (i = 0; i < in->nunits; i++) {
        if (!store_unit_exists(s, in->units[i])) {
            khu_diag_set(d, 0, 0, "units", "unknown unit '%.72s': see /api/v1/units for the codes",
                         in->units[i]);
            return KHU_EINVAL;
        }
    }
    return KHU_OK;
}

/* The unit codes at or under the preferred units (and those they replaced),
 * sorted for bsearch. */
struct unit_scope {
    char (*codes)[FINDER_CODE_MAX];
    size_t n, cap;
    int nomem;
};

static int compare_codes(const void *a, const void *b)
{
    return strcmp(a, b);
}

static int add_scope_code(void *arg, const char *code)
{
    struct unit_scope *scope = arg;

    if (scope->n == scope->cap) {
        size_t cap = scope->cap ? scope->cap * 2 : 64;
        void *grown = xrealloc(scope->codes, cap * FINDER_CODE_MAX);
        if (!grown) {
            scope->nomem = 1;
            return 1;
        }
        scope->codes = grown;
        scope->cap = cap;
    }
    snprintf(scope->codes[scope->n++], FINDER_CODE_MAX, "%s", code);
    return 0;
}

static enum khu_err load_scope(struct store *s, const struct finder_input *in,
                               struct unit_scope *scope, struct khu_diag *d)
{
    enum khu_err err = KHU_OK;
    int i;

    for (i = 0; i < in->nunits && !err; i++) {
        err = store_unit_scope(s, in->units[i], add_scope_code, scope, d);
        if (!err && scope->nomem) {
            khu_diag_set(d, 0, 0, NULL, "out of memory reading the units");
            err = KHU_ENOMEM;
        }
    }
    if (scope->n)
        qsort(scope->codes, scope->n, FINDER_CODE_MAX, compare_codes);
    return err;
}

static int in_scope(const struct unit_scope *scope, const char *unit, const char *commune)
{
    if (!scope->n)
        return 0;
    return (unit && bsearch(unit, scope->codes, scope->n, FINDER_CODE_MAX, compare_codes)) ||
           (commune && bsearch(commune, scope->codes, scope->n, FINDER_CODE_MAX, compare_codes));
}

/* ===== one run's view of the zones ===== */

static int zone_has_sector(const char *sectors, const char *tokens)
{
    const char *p = sectors;

    if (!sectors || !*sectors)
        return -1;
    while (*p) {
        char token[24];
        size_t n = strcspn(p, " ");
        if (n && n < sizeof(token) - 2) {
            snprintf(token, sizeof(token), " %.*s ", (int)n, p);
            if (strstr(tokens, token))
                return 1;
        }
        p += n + (p[n] == ' ');
    }
    return 0;
}

/* Fills z from the snapshot's zone for this run's sector and units. */
static void view_zone(const struct snap_zone *sz, const struct finder_input *in, const char *tokens,
                      const struct unit_scope *scope, struct site_zone *z)
{
    *z = sz->site;
    z->sector = in->q.has_sector ? zone_has_sector(sz->sectors, tokens) : -1;
    z->sector_allowed = !in->q.has_sector || site_kind_allows(sz->kind, in->sector);
    z->in_preferred_unit = in->q.has_units && in_scope(scope, sz->unit, sz->commune);
}

/* ===== the run ===== */

void app_finder_run_free(struct finder_run *run)
{
    app_finder__snapshot_release(run->snap);
    xfree(run->zones);
    xfree(run->keys);
    xfree(run->results);
    memset(run, 0, sizeof(*run));
}

int app_finder_score_zone(const struct finder_run *run, const struct finder_input *in,
                          const char *code, struct site_result *out)
{
    long i;

    for (i = 0; i < run->n; i++) {
        if (strcmp(run->zones[i].code, code) == 0) {
            site_score(&in->q, &run->zones[i], out);
            return 0;
        }
    }
    return -1;
}

struct finder_zone app_finder_zone_of(const struct finder_run *run, const struct finder_input *in,
                                      const struct site_result *r)
{
    static const char *const langs[] = {"vi", "en", "ko"};
    const struct snap_zone *sz = &run->snap->z[r->zone - run->zones];
    int l = in->lang <= SITE_KO ? (int)in->lang : 0;
    struct finder_zone m;

    while (l > 0 && !sz->names[l])
        l--;
    m.code = sz->site.code;
    m.name = sz->names[l] ? sz->names[l] : sz->site.code;
    m.name_lang = langs[l];
    m.name_vi = sz->names[0];
    m.status = sz->status;
    m.source = sz->source;
    m.developer = sz->developer;
    m.total_ha = sz->total_ha;
    m.industrial_ha = sz->industrial_ha;
    m.site = r->zone;
    return m;
}

enum khu_err app_finder_run(struct store *s, const struct finder_input *in, struct finder_run *run,
                            struct khu_diag *d)
{
    char tokens[512] = " ";
    struct unit_scope scope;
    struct site_page page;
    enum khu_err err;
    size_t listed = 0;
    long i, n;
    int g;

    memset(run, 0, sizeof(*run));
    memset(&scope, 0, sizeof(scope));
    err = check_codes(s, in, tokens, sizeof(tokens), d);
    if (!err)
        err = load_scope(s, in, &scope, d);
    if (!err)
        err = app_finder__snapshot_acquire(s, &run->snap, d);
    if (err)
        goto out;
    n = run->n = run->snap->n;
    for (g = 0; g < SITE_GROUPS; g++)
        listed += (in->groups >> g) & 1u;
    /* no group holds more than n zones: a far offset costs no memory */
    page.groups = in->groups;
    page.offset = (size_t)in->offset < (size_t)n ? (size_t)in->offset : (size_t)n;
    page.limit =
        (size_t)in->limit < (size_t)n - page.offset ? (size_t)in->limit : (size_t)n - page.offset;
    run->zones = xmalloc((size_t)(n ? n : 1) * sizeof(*run->zones));
    run->keys =
        xmalloc((listed ? listed : 1) * (page.offset + page.limit + 1) * sizeof(*run->keys));
    run->results = xmalloc((listed ? listed : 1) * (page.limit + 1) * sizeof(*run->results));
    if (!run->zones || !run->keys || !run->results) {
        khu_diag_set(d, 0, 0, NULL, "out of memory ranking the zones");
        err = KHU_ENOMEM;
        goto out;
    }
    for (i = 0; i < n; i++)
        view_zone(&run->snap->z[i], in, tokens, &scope, &run->zones[i]);
    run->nresults =
        site_rank_page(&in->q, run->zones, (size_t)n, &page, run->keys, run->results, run->count);
out:
    xfree(scope.codes);
    if (err)
        app_finder_run_free(run);
    return err;
}
