/* SPDX-License-Identifier: MIT */
/*
 * Progress of a planning target and whether its trend reaches it in time:
 * pure arithmetic over a baseline, a target, a due date and dated
 * observations. No I/O.
 */
#ifndef KHU_TARGET_H
#define KHU_TARGET_H

#include <stddef.h>
#include <stdint.h>

struct target_point {
    int32_t day; /* days since 1970-01-01: the first it may be */
    double value;
    int32_t day_last; /* a date known only to its month or year: the last day
                       * it may be; day_last <= day: exactly day */
};

#define TARGET_DATE_CORNERS_MAX 8 /* imprecise points whose every combination of ends is tried */

struct target_input {
    int has_baseline;
    double baseline;
    int32_t baseline_day;
    int32_t baseline_day_last; /* as target_point.day_last */
    int has_target;
    double target;
    int32_t due_day;
    int decrease;                   /* 1: the target is to go down */
    const struct target_point *obs; /* any order */
    size_t nobs;
    int32_t today;
};

enum target_verdict {
    TARGET_UNKNOWN,   /* too little data to say */
    TARGET_MET,       /* the latest value already reaches the target */
    TARGET_ON_TRACK,  /* the trend reaches it by the due date */
    TARGET_OFF_TRACK, /* the trend does not reach it by the due date */
    TARGET_MISSED,    /* the due date has passed and the target was not reached */
};

/* Why a verdict is TARGET_UNKNOWN. */
enum target_why_unknown {
    TARGET_WHY_NONE,      /* the verdict is known */
    TARGET_WHY_NO_TARGET, /* no target value */
    TARGET_WHY_NO_DATA,   /* no observation (a baseline alone says nothing of now) */
    TARGET_WHY_NO_TREND,  /* not reached, not past due, and no trend: the baseline
                           * and observations give fewer than two days */
    TARGET_WHY_DATES,     /* the trend says on track or off track depending on
                           * where in its month or year an imprecise date falls */
};

struct target_progress {
    int has_current;
    double current; /* latest observation */
    int32_t current_day;
    int has_share;
    double share_done; /* (current - baseline) / (target - baseline), not clamped */
    int has_trend;
    double slope_per_year; /* least-squares slope over baseline + observations */
    double projected;      /* trend value at the due date */
    enum target_verdict verdict;
    enum target_why_unknown why_unknown;
};

/* API */

/* Computes progress for in. Never fails: what cannot be computed is marked
 * absent (has_* = 0, verdict TARGET_UNKNOWN). A trend needs at least two
 * points on different days.
 *
 * The rules: current is the observation with the latest day (the last one
 * given among several on that day). share_done needs a current value, a
 * baseline and a target different from the baseline. The trend is the
 * least-squares line through the baseline point (if any) and every
 * observation; slope_per_year is its slope times 365.25 and projected its
 * value at due_day. The verdict, in this order: UNKNOWN without a target or
 * with neither a current value nor a trend; MET when current reaches the
 * target (>= it, or <= it when decrease is set); MISSED when today is after
 * due_day; ON_TRACK when projected reaches the target; OFF_TRACK when it
 * does not; UNKNOWN when there is no trend to say either (one value, or
 * values of one day only): "off track" is said only of a trend.
 * why_unknown names the reason of every UNKNOWN, TARGET_WHY_NONE otherwise.
 *
 * Dates known only to a month or a year (day_last after day): the trend
 * and projected are those of the first possible days, but ON_TRACK or
 * OFF_TRACK is said only when the trend says the same with each such
 * point at either end of its period (every combination of ends for up to
 * TARGET_DATE_CORNERS_MAX such points; beyond, all first and all last);
 * otherwise UNKNOWN with TARGET_WHY_DATES. */
void target_compute(const struct target_input *in, struct target_progress *out);

/* A stable token for why a verdict is unknown: "no_target",
 * "no_observations", "no_trend", "dates_uncertain"; NULL for
 * TARGET_WHY_NONE. */
const char *target_why_unknown_name(enum target_why_unknown why);

/* A stable English token for a verdict: "unknown", "met", "on_track",
 * "off_track", "missed". */
const char *target_verdict_name(enum target_verdict v);

#endif
