/* SPDX-License-Identifier: MIT */
/*
 * Progress of a planning target: the latest observation, the share of the
 * way from baseline to target already covered, a least-squares trend over
 * the baseline and the observations, its value at the due date, and a
 * verdict. Pure arithmetic; see target.h for the rules.
 */
#include "core/target.h"

#define DAYS_PER_YEAR 365.25

/* The points the trend is fitted to: the baseline (when there is one) and
 * then every observation. */
static size_t point_count(const struct target_input *in)
{
    return in->nobs + (in->has_baseline ? 1 : 0);
}

static struct target_point point_at(const struct target_input *in, size_t i)
{
    struct target_point p;

    if (in->has_baseline) {
        if (i == 0) {
            p.day = in->baseline_day;
            p.value = in->baseline;
            p.day_last = in->baseline_day_last;
            return p;
        }
        i--;
    }
    return in->obs[i];
}

static int imprecise(struct target_point p)
{
    return p.day_last > p.day;
}

/* The day of point p in a reading of the dates: ends holds one bit per
 * imprecise point, in their order (*k counts them), 1 for its last day;
 * every bit of all_last set reads every one at its last. */
static int32_t day_in(struct target_point p, unsigned ends, int all_last, size_t *k)
{
    int last;

    if (!imprecise(p))
        return p.day;
    last = all_last || (*k < 32 && (ends >> *k) & 1u);
    (*k)++;
    return last ? p.day_last : p.day;
}

/* The latest observation; among several on the same day, the last given. */
static void find_current(const struct target_input *in, struct target_progress *out)
{
    size_t i;

    for (i = 0; i < in->nobs; i++) {
        if (!out->has_current || in->obs[i].day >= out->current_day) {
            out->has_current = 1;
            out->current = in->obs[i].value;
            out->current_day = in->obs[i].day;
        }
    }
}

/* Fits value = a + b * day by least squares, centred on the mean day for
 * accuracy, with the days of one reading (day_in). Needs two different
 * days; returns 1 and sets the slope per year and the value at the due
 * day, else returns 0. */
static int fit_reading(const struct target_input *in, unsigned ends, int all_last,
                       double *slope_per_year, double *projected)
{
    size_t i, k, n = point_count(in);
    double mean_x = 0, mean_y = 0, sxx = 0, sxy = 0, dx, slope;
    struct target_point p;

    if (n < 2)
        return 0;
    for (i = 0, k = 0; i < n; i++) {
        p = point_at(in, i);
        mean_x += day_in(p, ends, all_last, &k);
        mean_y += p.value;
    }
    mean_x /= (double)n;
    mean_y /= (double)n;
    for (i = 0, k = 0; i < n; i++) {
        p = point_at(in, i);
        dx = day_in(p, ends, all_last, &k) - mean_x;
        sxx += dx * dx;
        sxy += dx * (p.value - mean_y);
    }
    if (sxx <= 0)
        return 0;
    slope = sxy / sxx;
    *slope_per_year = slope * DAYS_PER_YEAR;
    *projected = mean_y + slope * (in->due_day - mean_x);
    return 1;
}

/* The trend of the first possible days. */
static void fit_trend(const struct target_input *in, struct target_progress *out)
{
    out->has_trend = fit_reading(in, 0, 0, &out->slope_per_year, &out->projected);
}

static int reaches(const struct target_input *in, double v)
{
    return in->decrease ? v <= in->target : v >= in->target;
}

/* 1 when every reading of the imprecise dates gives a trend whose
 * projection reaches the target as the first days' does (on_track). */
static int dates_agree(const struct target_input *in, int on_track)
{
    size_t i, k = 0, n = point_count(in);
    unsigned ends, corners;
    double slope, projected;

    for (i = 0; i < n; i++)
        k += imprecise(point_at(in, i));
    if (!k)
        return 1;
    if (k <= TARGET_DATE_CORNERS_MAX) {
        corners = 1u << k;
        for (ends = 1; ends < corners; ends++)
            if (!fit_reading(in, ends, 0, &slope, &projected) || reaches(in, projected) != on_track)
                return 0;
        return 1;
    }
    return fit_reading(in, 0, 1, &slope, &projected) && reaches(in, projected) == on_track;
}

static enum target_verdict judge(const struct target_input *in, struct target_progress *p)
{
    if (!in->has_target) {
        p->why_unknown = TARGET_WHY_NO_TARGET;
        return TARGET_UNKNOWN;
    }
    if (!p->has_current && !p->has_trend) {
        p->why_unknown = TARGET_WHY_NO_DATA;
        return TARGET_UNKNOWN;
    }
    if (p->has_current && reaches(in, p->current))
        return TARGET_MET;
    if (in->today > in->due_day)
        return TARGET_MISSED;
    if (!p->has_trend) {
        p->why_unknown = TARGET_WHY_NO_TREND;
        return TARGET_UNKNOWN;
    }
    if (!dates_agree(in, reaches(in, p->projected))) {
        p->why_unknown = TARGET_WHY_DATES;
        return TARGET_UNKNOWN;
    }
    return reaches(in, p->projected) ? TARGET_ON_TRACK : TARGET_OFF_TRACK;
}

void target_compute(const struct target_input *in, struct target_progress *out)
{
    struct target_progress p = {0};

    find_current(in, &p);
    if (p.has_current && in->has_baseline && in->has_target && in->target != in->baseline) {
        p.has_share = 1;
        p.share_done = (p.current - in->baseline) / (in->target - in->baseline);
    }
    fit_trend(in, &p);
    p.verdict = judge(in, &p);
    *out = p;
}

const char *target_why_unknown_name(enum target_why_unknown why)
{
    switch (why) {
    case TARGET_WHY_NO_TARGET:
        return "no_target";
    case TARGET_WHY_NO_DATA:
        return "no_observations";
    case TARGET_WHY_NO_TREND:
        return "no_trend";
    case TARGET_WHY_DATES:
        return "dates_uncertain";
    default:
        return NULL;
    }
}

const char *target_verdict_name(enum target_verdict v)
{
    static const char *const names[] = {
        [TARGET_UNKNOWN] = "unknown",   [TARGET_MET] = "met",
        [TARGET_ON_TRACK] = "on_track", [TARGET_OFF_TRACK] = "off_track",
        [TARGET_MISSED] = "missed",
    };

    if ((unsigned)v >= sizeof(names) / sizeof(names[0]))
        return "unknown";
    return names[v];
}
