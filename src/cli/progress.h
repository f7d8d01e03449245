/* SPDX-License-Identifier: MIT */
/*
 * Progress of long work on a terminal: one status line on stderr, naming
 * the table, the rows done, the rate and the time left, redrawn in place at
 * most every PROGRESS_REDRAW_S seconds and wiped before any other message
 * and at the end. Commands switch it on only when stderr is a terminal and
 * --quiet was not given; off, every call does nothing.
 */
#ifndef KHU_PROGRESS_H
#define KHU_PROGRESS_H

#include <stddef.h>

#define PROGRESS_LINE_MAX 160  /* bytes of one status line */
#define PROGRESS_REDRAW_S 0.25 /* least time between two redraws */

/* The state of one status line; the caller owns it (no heap). */
struct progress {
    int on;         /* 0: every call does nothing */
    int shown;      /* a line is on the screen */
    int width;      /* terminal columns; lines are cut to width - 1 */
    char table[64]; /* table of the file being read (its clock) */
    double started; /* when that file started (monotonic seconds) */
    double drawn;   /* when the line was last drawn, 0: never */
};

/* API */

/* Returns 1 when progress should be shown: quiet is 0, stderr is a
 * terminal and TERM is not "dumb". */
int progress_wanted(int quiet);

/* Sets p up, on or off. */
void progress_init(struct progress *p, int on);

/* An import_progress_fn (store/import.h); arg is a struct progress. Starts
 * the clock of a table when its file starts and redraws the line when
 * PROGRESS_REDRAW_S has passed since the last one. */
void progress_import(void *arg, const char *table, long records, size_t done, size_t total);

/* An upgrade of the database's schema: shows "upgrading the database to
 * schema version V (N s so far): ABOUT" now when the step starts (start 1),
 * otherwise when PROGRESS_REDRAW_S has passed since the last line. The
 * clock runs from the first step started. */
void progress_upgrade(struct progress *p, int version, const char *about, int start);

/* Seconds since the clock of p started (0 when it has not). */
double progress_elapsed(const struct progress *p);

/* Writes the status line of a schema upgrade into out (size n, always
 * terminated). Returns the length written. Pure, like progress_format. */
size_t progress_format_upgrade(char *out, size_t n, int version, const char *about, double elapsed);

/* Shows text as the status line now, e.g. the last step of an import. */
void progress_note(struct progress *p, const char *text);

/* Wipes the status line if one is shown, so that a message or the result
 * can be printed. */
void progress_clear(struct progress *p);

/* Writes the status line of a table into out (size n, always terminated):
 * "importing zones: 120,000 rows (48%), 61,000 rows/s, 3 s left". The rate
 * is left out until time has passed, the time left until bytes have been
 * read. Returns the length written. Pure: the tests call it directly. */
size_t progress_format(char *out, size_t n, const char *table, long rows, size_t done, size_t total,
                       double elapsed);

#endif
