/* SPDX-License-Identifier: MIT */
/*
 * The clock of a dossier or of one department's consultation, pure: from
 * the day it started, its time limit, the days it stood still while the
 * investor was asked something, and the day it was done, what a user sees
 * today: the due day, the working days left or by how many it is overdue,
 * and, once done, whether it was on time and how many working days it
 * took. Counting is core/workday.h's.
 */
#ifndef KHU_DOSSIER_CLOCK_H
#define KHU_DOSSIER_CLOCK_H

#include "core/workday.h"

enum clock_state {
    CLOCK_NOT_STARTED, /* no start day: a dossier not yet accepted */
    CLOCK_UNKNOWN,     /* started, but no time limit is known: no due day */
    CLOCK_RUNNING,     /* counting toward its due day */
    CLOCK_PAUSED,      /* stopped: a question to the investor is open */
    CLOCK_DONE,        /* answered, or decided */
};

#define CLOCK_NO_LIMIT (-1) /* clock_facts.days when no source gives the limit */

/* What is known of a clock. Days as core/workday.h counts them. */
struct clock_facts {
    int32_t start;                      /* WORKDAY_NO_DATE: not started */
    int days;                           /* 0..WORKDAY_MAX_DAYS, or CLOCK_NO_LIMIT */
    enum workday_count count;           /* how days is counted */
    const struct workday_pause *pauses; /* resumed WORKDAY_OPEN: still stopped */
    size_t npauses;
    int32_t done;  /* the day it was done, or WORKDAY_NO_DATE */
    int32_t today; /* the caller's clock */
};

struct clock_view {
    enum clock_state state;
    /* the due day (WORKDAY_NO_DATE when none); PAUSED: the due day should the
     * investor answer today */
    int32_t due;
    /* RUNNING or PAUSED with a due day: working days from today to the due
     * day (0: due today; negative: overdue by that many working days) */
    long left;
    int overdue; /* RUNNING or PAUSED: 1 when today is after the due day (left may
                    be 0: no working day since, as on the weekend after it) */
    int late;    /* DONE with a due day: 1 when done after it */
    long took;   /* DONE: working days from start to done, less the pauses */
};

/* API */

/* Reads the pauses of text ("YYYY-MM-DD/YYYY-MM-DD" separated by spaces;
 * nothing after the '/' for a pause still open) into out (room for max).
 * Returns how many were read, or -1 when text is not so written or holds
 * more than max. NULL or "": 0. */
int clock_pauses_parse(const char *text, struct workday_pause *out, size_t max);

/* As clock_pauses_parse, into an array made to fit (free it with xfree;
 * NULL when there is none) and *n its length. Returns 0, or -1 when text
 * is not so written or memory ran out (*out NULL, *n 0). */
int clock_pauses_read(const char *text, struct workday_pause **out, size_t *n);

/* Fills out from f, counted on calendar c. */
void dossier_clock(const struct workday_calendar *c, const struct clock_facts *f,
                   struct clock_view *out);

/* The name of state s: "not_started", "unknown", "running", "paused" or
 * "done". */
const char *clock_state_name(enum clock_state s);

#endif
