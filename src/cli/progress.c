/* SPDX-License-Identifier: MIT */
/*
 * The status line of long commands (see progress.h): pacing, formatting and
 * the terminal. Nothing here knows how the work is done; the importer only
 * calls progress_import every few thousand rows.
 */
#include "cli/progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int progress_wanted(int quiet)
{
    const char *term = getenv("TERM");

    return !quiet && isatty(STDERR_FILENO) && !(term && strcmp(term, "dumb") == 0);
}

void progress_init(struct progress *p, int on)
{
    struct winsize ws;

    memset(p, 0, sizeof(*p));
    p->on = on;
    p->width = 80;
    if (on && ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        p->width = ws.ws_col;
}

/* ===== Formatting ===== */

/* Writes v with a comma between groups of three digits ("120,000"). */
static void group_digits(long v, char out[32])
{
    char digits[24];
    int n = snprintf(digits, sizeof(digits), "%ld", v < 0 ? 0 : v), i, o = 0;

    for (i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
}

/* Writes a duration of s seconds, rounded up: "3 s", "2 min 05 s", "1 h 20 min". */
static void format_duration(double s, char *out, size_t n)
{
    long t = s < 1 ? 1 : (long)(s + 0.999);

    if (t < 60)
        snprintf(out, n, "%ld s", t);
    else if (t < 3600)
        snprintf(out, n, "%ld min %02ld s", t / 60, t % 60);
    else
        snprintf(out, n, "%ld h %02ld min", t / 3600, t / 60 % 60);
}

size_t progress_format(char *out, size_t n, const char *table, long rows, size_t done, size_t total,
                       double elapsed)
{
    char num[32], rate[48] = "", left[64] = "", dur[48];
    unsigned pct = total ? (unsigned)((double)done * 100.0 / (double)total) : 100;
    int len;

    group_digits(rows, num);
    if (elapsed > 0 && rows > 0) {
        char r[32];
        group_digits((long)((double)rows / elapsed), r);
        snprintf(rate, sizeof(rate), ", %s rows/s", r);
    }
    if (done > 0 && done < total && elapsed > 0) {
        format_duration(elapsed * (double)(total - done) / (double)done, dur, sizeof(dur));
        snprintf(left, sizeof(left), ", %s left", dur);
    }
    len = snprintf(out, n, "importing %s: %s rows (%u%%)%s%s", table, num, pct > 100 ? 100 : pct,
                   rate, left);
    if (len < 0)
        len = 0;
    return (size_t)len < n ? (size_t)len : n - 1;
}

size_t progress_format_upgrade(char *out, size_t n, int version, const char *about, double elapsed)
{
    char dur[48] = "", took[64] = "";
    int len;

    if (elapsed >= 1) {
        format_duration(elapsed, dur, sizeof(dur));
        snprintf(took, sizeof(took), " (%s so far)", dur);
    }
    len =
        snprintf(out, n, "upgrading the database to schema version %d%s: %s", version, took, about);
    if (len < 0)
        len = 0;
    return (size_t)len < n ? (size_t)len : n - 1;
}

/* ===== The terminal ===== */

/* Replaces the line on the screen with text, cut to the terminal's width. */
static void draw(struct progress *p, const char *text, size_t len)
{
    size_t max = (size_t)p->width - 1;

    fprintf(stderr, "\r%.*s\033[K", (int)(len < max ? len : max), text);
    fflush(stderr);
    p->shown = 1;
    p->drawn = now_s();
}

void progress_import(void *arg, const char *table, long records, size_t done, size_t total)
{
    struct progress *p = arg;
    char line[PROGRESS_LINE_MAX];
    double now;

    if (!p || !p->on)
        return;
    now = now_s();
    if ((records == 0 && done == 0) || strcmp(p->table, table) != 0) {
        snprintf(p->table, sizeof(p->table), "%s", table);
        p->started = now;
    }
    if (records == 0 && done == 0)
        return; /* nothing to say yet: the first line drawn carries a count */
    if (p->drawn > 0 && now - p->drawn < PROGRESS_REDRAW_S)
        return;
    draw(p, line,
         progress_format(line, sizeof(line), table, records, done, total, now - p->started));
}

void progress_upgrade(struct progress *p, int version, const char *about, int start)
{
    char line[PROGRESS_LINE_MAX];
    double now = now_s();

    if (p->started == 0)
        p->started = now; /* counted even when nothing is shown */
    if (!p->on || (!start && p->drawn > 0 && now - p->drawn < PROGRESS_REDRAW_S))
        return;
    draw(p, line, progress_format_upgrade(line, sizeof(line), version, about, now - p->started));
}

double progress_elapsed(const struct progress *p)
{
    return p->started > 0 ? now_s() - p->started : 0;
}

void progress_note(struct progress *p, const char *text)
{
    if (p->on)
        draw(p, text, strlen(text));
}

void progress_clear(struct progress *p)
{
    if (!p->on || !p->shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    p->shown = 0;
}
