/* SPDX-License-Identifier: MIT */
/*
 * The public figures of the dossier workflow (see app_dossier_stats.h).
 */
#include "app/app_dossier_stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_calendar.h"
#include "core/dossier_clock.h"
#include "core/num.h"
#include "core/schema.h"
#include "core/xalloc.h"
#include "store/dossiers.h"

struct build {
    struct app_dossier_stats *out;
    const struct workday_calendar *cal;
    int oom;
};

/* The group called key (rows come sorted by it, so the last one is
 * usually it), made when new. */
static struct app_dossier_group *group_of(struct build *b, const struct khu_row *row, int first)
{
    struct app_dossier_stats *o = b->out;
    const char *key = row_text(row, 0);
    struct app_dossier_group *g;
    size_t i;

    if (!key)
        return NULL;
    for (i = o->n; i > 0; i--)
        if (!strcmp(o->group[i - 1].key, key))
            return &o->group[i - 1];
    g = xrealloc(o->group, (o->n + 1) * sizeof(*g));
    if (!g) {
        b->oom = 1;
        return NULL;
    }
    o->group = g;
    g = &o->group[o->n++];
    memset(g, 0, sizeof(*g));
    snprintf(g->key, sizeof(g->key), "%s", key);
    for (i = 0; i < 3; i++)
        if (row_text(row, first + (int)i))
            g->name[i] = xstrdup(row_text(row, first + (int)i));
    return g;
}

static int32_t day_of(const char *text)
{
    int32_t d;

    return text && !parse_date(text, &d) ? d : WORKDAY_NO_DATE;
}

static int take_done(void *arg, const struct khu_row *row)
{
    struct build *b = arg;
    struct app_dossier_group *g = group_of(b, row, DONE_COL_NAME_VI);
    struct workday_pause *p = NULL;
    int32_t start = day_of(row_text(row, DONE_COL_START)),
            due = day_of(row_text(row, DONE_COL_DUE)), done = day_of(row_text(row, DONE_COL_DONE));
    size_t np = 0;

    if (!g || start == WORKDAY_NO_DATE || done == WORKDAY_NO_DATE)
        return b->oom;
    /* the store writes the text itself: unreadable, it counts as none */
    (void)clock_pauses_read(row_text(row, DONE_COL_PAUSES), &p, &np);
    /* the due day as it stood when done was counted with the pauses */
    dossier_stat_add(&g->done, due != WORKDAY_NO_DATE, due != WORKDAY_NO_DATE && done > due,
                     workday_between(b->cal, start, done, p, np));
    xfree(p);
    b->oom |= g->done.oom;
    return b->oom;
}

static int take_open(void *arg, const struct khu_row *row)
{
    struct build *b = arg;
    struct app_dossier_group *g = group_of(b, row, OPEN_COL_NAME_VI);

    if (g) {
        g->open = (long)row_int(row, OPEN_COL_OPEN);
        g->overdue = (long)row_int(row, OPEN_COL_OVERDUE);
    }
    return b->oom;
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const struct app_dossier_group *)a)->key,
                  ((const struct app_dossier_group *)b)->key);
}

/* Every procedure of the schema has a group. */
static void every_procedure(struct build *b)
{
    const struct table_def *t = schema_table("dossiers");
    const struct col_def *c = &t->cols[schema_col_index(t, "procedure")];
    struct khu_value v[4] = {{.type = KHU_V_TEXT}};
    struct khu_row row = {v, 4};
    size_t i;

    for (i = 0; c->values[i] && !b->oom; i++) {
        v[0].s = c->values[i];
        v[0].n = strlen(c->values[i]);
        group_of(b, &row, 1);
    }
}

/* done 0: the open counts only. */
static enum khu_err stats(struct store *s, int by_procedure, int done, const char *from,
                          const char *to, const char *today, struct app_dossier_stats *out,
                          struct khu_diag *d)
{
    struct app_calendar cal = {0};
    struct build b = {.out = out};
    enum khu_err err;
    int snap;

    memset(out, 0, sizeof(*out));
    err = done ? app_calendar_load(s, &cal, d) : KHU_OK;
    if (err)
        return err;
    b.cal = &cal.cal;
    snap = store_snapshot_begin(s); /* the two reads agree */
    if (by_procedure)
        every_procedure(&b);
    err = done ? store_dossiers_done(s, by_procedure, from, to, take_done, &b, d) : KHU_OK;
    if (!err)
        err = store_dossiers_open(s, by_procedure, today, take_open, &b, d);
    store_snapshot_end(s, snap);
    app_calendar_free(&cal);
    if (!err && b.oom)
        err = KHU_ENOMEM;
    if (err) {
        app_dossier_stats_free(out);
        return err;
    }
    if (out->n)
        qsort(out->group, out->n, sizeof(*out->group), by_key);
    return KHU_OK;
}

enum khu_err app_dossier_stats(struct store *s, int by_procedure, const char *from, const char *to,
                               const char *today, struct app_dossier_stats *out, struct khu_diag *d)
{
    return stats(s, by_procedure, 1, from, to, today, out, d);
}

enum khu_err app_dossier_open(struct store *s, int by_procedure, const char *today,
                              struct app_dossier_stats *out, struct khu_diag *d)
{
    return stats(s, by_procedure, 0, NULL, NULL, today, out, d);
}

void app_dossier_stats_free(struct app_dossier_stats *out)
{
    size_t i;
    int k;

    for (i = 0; i < out->n; i++) {
        for (k = 0; k < 3; k++)
            xfree(out->group[i].name[k]);
        dossier_stat_free(&out->group[i].done);
    }
    xfree(out->group);
    memset(out, 0, sizeof(*out));
}
