/* SPDX-License-Identifier: MIT */
/*
 * The clock of a dossier or a consultation (see dossier_clock.h).
 */
#include "core/dossier_clock.h"

#include <string.h>

#include "core/num.h"
#include "core/xalloc.h"

#define PAUSES_FEW 16 /* pauses of one clock closed at today without an allocation */

const char *clock_state_name(enum clock_state s)
{
    switch (s) {
    case CLOCK_NOT_STARTED:
        return "not_started";
    case CLOCK_UNKNOWN:
        return "unknown";
    case CLOCK_RUNNING:
        return "running";
    case CLOCK_PAUSED:
        return "paused";
    case CLOCK_DONE:
        return "done";
    }
    return "";
}

/* Reads a date of 10 characters at p into *day. */
static int date_at(const char *p, int32_t *day)
{
    char text[11];

    memcpy(text, p, 10);
    text[10] = '\0';
    return parse_date(text, day) ? -1 : 0;
}

int clock_pauses_parse(const char *text, struct workday_pause *out, size_t max)
{
    const char *p = text;
    size_t n = 0;

    while (p && *p) {
        if (n == max || strlen(p) < 11 || date_at(p, &out[n].stopped) || p[10] != '/')
            return -1;
        p += 11;
        out[n].resumed = WORKDAY_OPEN;
        if (*p && *p != ' ') {
            if (strlen(p) < 10 || date_at(p, &out[n].resumed))
                return -1;
            p += 10;
        }
        if (*p == ' ')
            p++;
        else if (*p)
            return -1;
        n++;
    }
    return (int)n;
}

int clock_pauses_read(const char *text, struct workday_pause **out, size_t *n)
{
    size_t slashes = 0;
    const char *p;
    int got;

    *out = NULL;
    *n = 0;
    for (p = text; p && *p; p++)
        slashes += *p == '/';
    if (!slashes)
        return text && *text ? -1 : 0;
    *out = xmalloc(slashes * sizeof(**out));
    if (!*out)
        return -1;
    got = clock_pauses_parse(text, *out, slashes);
    if (got < 0) {
        xfree(*out);
        *out = NULL;
        return -1;
    }
    *n = (size_t)got;
    return 0;
}

/* Working days from today to due: 0 on the due day, negative once past. */
static long days_left(const struct workday_calendar *c, int32_t today, int32_t due)
{
    return workday_between(c, today, due, NULL, 0);
}

/* dossier_clock over the pauses closed[0..n), open 1 when one was open. */
static void clock_with(const struct workday_calendar *c, const struct clock_facts *f,
                       const struct workday_pause *closed, size_t n, int open,
                       struct clock_view *out)
{
    if (f->days != CLOCK_NO_LIMIT)
        out->due = workday_due(c, f->start, f->days, f->count, closed, n);
    if (f->done != WORKDAY_NO_DATE) {
        out->state = CLOCK_DONE;
        out->took = workday_between(c, f->start, f->done, closed, n);
        out->late = out->due != WORKDAY_NO_DATE && f->done > out->due;
        return;
    }
    if (f->days == CLOCK_NO_LIMIT) {
        out->state = open ? CLOCK_PAUSED : CLOCK_UNKNOWN;
        return;
    }
    out->state = open ? CLOCK_PAUSED : CLOCK_RUNNING;
    if (out->due != WORKDAY_NO_DATE) {
        out->left = days_left(c, f->today, out->due);
        out->overdue = f->today > out->due;
    }
}

void dossier_clock(const struct workday_calendar *c, const struct clock_facts *f,
                   struct clock_view *out)
{
    struct workday_pause few[PAUSES_FEW], *closed = few;
    size_t i, n = f->npauses;
    int32_t end;
    int open = 0;

    memset(out, 0, sizeof(*out));
    out->due = WORKDAY_NO_DATE;
    if (f->start == WORKDAY_NO_DATE) {
        out->state = CLOCK_NOT_STARTED;
        return;
    }
    if (n > PAUSES_FEW && !(closed = xmalloc(n * sizeof(*closed)))) {
        closed = few; /* out of memory: the first few only */
        n = PAUSES_FEW;
    }
    /* a pause still open is counted as if it ended today (the due day
     * should the investor answer today), or on the day the clock was done */
    end = f->done != WORKDAY_NO_DATE ? f->done : f->today;
    for (i = 0; i < n; i++) {
        closed[i] = f->pauses[i];
        if (closed[i].resumed == WORKDAY_OPEN) {
            open = 1;
            closed[i].resumed = end > closed[i].stopped ? end : closed[i].stopped;
        }
    }
    clock_with(c, f, closed, n, open, out);
    if (closed != few)
        xfree(closed);
}
