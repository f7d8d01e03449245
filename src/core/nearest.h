/* SPDX-License-Identifier: MIT */
/*
 * "Did you mean ...?": the edit distance between two short names and the
 * nearest of a list of names, used when a user gives an unknown table name
 * (`zone` suggests `zones`). Pure functions over bounded strings.
 */
#ifndef KHU_NEAREST_H
#define KHU_NEAREST_H

#include <stddef.h>

#define NEAREST_MAX_LEN 64                    /* longer names are never compared */
#define NEAREST_FAR     (NEAREST_MAX_LEN + 1) /* the distance of what is not compared */

/* API */

/* Returns the optimal-string-alignment distance between a and b: the
 * fewest insertions, deletions, substitutions and swaps of two adjacent
 * bytes that turn a into b. ASCII letters compare without regard to case.
 * Returns NEAREST_FAR when either string is longer than NEAREST_MAX_LEN
 * bytes. */
size_t nearest_distance(const char *a, const char *b);

/* Returns the name of names[0..n) nearest to word, if it is near enough to
 * be a slip of the keyboard: at most 2 edits, and fewer than half the
 * length of that name. Ties go to the earlier name. Returns NULL when no
 * name is near enough, or word is NULL or empty. The result points into
 * names. */
const char *nearest_name(const char *word, const char *const *names, size_t n);

/* nearest_name over the table names of core/schema.c. */
const char *nearest_table(const char *word);

#endif
