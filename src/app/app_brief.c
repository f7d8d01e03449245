/* SPDX-License-Identifier: MIT */
/*
 * Loading a site brief (see app_brief.h): each zone's row from the store,
 * its sectors named, its score when the investor's needs are given, and
 * the districts' centroids for the sketch.
 */
#include "app/app_brief.h"

#include <stdio.h>
#include <string.h>

#include "report/brief_data.h"
#include "store/brief.h"

struct zone_fill {
    struct store *s;
    enum site_lang lang;
    struct brief_zone *z;
    enum khu_err err;
    struct khu_diag *d;
};

/* Appends s to the string in out (size n), cutting it when full. */
static void append(char *out, size_t n, const char *s)
{
    size_t used = strlen(out), len = strlen(s);

    if (used + 1 >= n)
        return;
    if (len > n - used - 1)
        len = n - used - 1;
    memcpy(out + used, s, len);
    out[used + len] = '\0';
}

/* Names the sectors of a token list in lang ("2610 Manufacture of ...;
 * 2220 ..."); a code no version knows keeps an empty name. */
static enum khu_err sector_names(struct store *s, const char *tokens, enum site_lang lang,
                                 char *out, size_t n, struct khu_diag *d)
{
    char code[16], name[256];
    const char *p = tokens;

    out[0] = '\0';
    while (*p) {
        size_t len = strcspn(p, " ");
        enum khu_err err;
        snprintf(code, sizeof(code), "%.*s", (int)(len < 15 ? len : 15), p);
        err = store_sector_name(s, code, lang, name, sizeof(name), d);
        if (err && err != KHU_ENOTFOUND)
            return err;
        if (out[0])
            append(out, n, "; ");
        append(out, n, code);
        append(out, n, " ");
        append(out, n, name);
        p += len + (p[len] == ' ');
    }
    return KHU_OK;
}

static int fill_zone(void *arg, const struct khu_row *row)
{
    struct zone_fill *f = arg;
    const char *tokens = row_text(row, BRIEF_COL_SECTORS);
    char sectors[sizeof(f->z->facts[0].value)];

    if (tokens)
        f->err = sector_names(f->s, tokens, f->lang, sectors, sizeof(sectors), f->d);
    brief_fill_zone(row, tokens ? sectors : NULL, f->lang, f->z);
    return 0;
}

/* Names the needs' sector and units in lang and states the needs in b. */
static enum khu_err fill_needs(struct store *s, const struct finder_input *needs,
                               enum site_lang lang, struct brief *b, struct khu_diag *d)
{
    char sector[320] = "", units[640] = "", name[256];
    enum khu_err err = KHU_OK;
    int i;

    if (needs->q.has_sector) {
        err = store_sector_name(s, needs->sector, lang, name, sizeof(name), d);
        if (err && err != KHU_ENOTFOUND)
            return err;
        snprintf(sector, sizeof(sector), "%s %s", needs->sector, name);
    }
    for (i = 0; i < needs->nunits; i++) {
        err = store_unit_name(s, needs->units[i], lang, name, sizeof(name), d);
        if (err && err != KHU_ENOTFOUND)
            return err;
        if (i)
            append(units, sizeof(units), ", ");
        append(units, sizeof(units), err ? needs->units[i] : name);
    }
    brief_fill_needs(&needs->q, needs->q.has_sector ? sector : NULL, needs->nunits ? units : NULL,
                     lang, b);
    return KHU_OK;
}

static int add_point(void *arg, double lat, double lon, const char *label)
{
    struct brief *b = arg;
    struct brief_point *pt;

    if (b->nframe >= BRIEF_MAX_POINTS)
        return 1;
    pt = &b->frame[b->nframe++];
    pt->lat = lat;
    pt->lon = lon;
    snprintf(pt->label, sizeof(pt->label), "%s", label ? label : "");
    return 0;
}

enum khu_err app_brief_load(struct store *s, const struct brief_input *in, struct brief *b,
                            struct brief_zone *zones, struct khu_diag *d)
{
    struct finder_run run;
    struct site_result r;
    struct zone_fill f = {s, in->lang, NULL, KHU_OK, d};
    enum khu_err err = KHU_OK;
    int i;

    memset(&run, 0, sizeof(run));
    if (in->needs)
        err = app_finder_run(s, in->needs, &run, d);
    for (i = 0; i < in->n && !err; i++) {
        f.z = &zones[i];
        err = store_brief_zone(s, in->codes[i], fill_zone, &f, d);
        if (!err)
            err = f.err;
        if (!err && in->needs && app_finder_score_zone(&run, in->needs, in->codes[i], &r) == 0)
            brief_fill_score(&r, in->lang, &zones[i]);
    }
    if (!err) {
        brief_fill_labels(in->lang, in->today, in->promotion, b);
        b->needs[0] = '\0';
        if (in->needs)
            err = fill_needs(s, in->needs, in->lang, b, d);
    }
    if (!err) {
        b->nframe = 0;
        err = store_district_points(s, in->lang, BRIEF_MAX_POINTS, add_point, b, d);
    }
    b->zones = zones;
    b->nzones = in->n;
    app_finder_run_free(&run);
    return err;
}
