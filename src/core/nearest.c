/* SPDX-License-Identifier: MIT */
/*
 * Edit distance and nearest names (see nearest.h): the optimal string
 * alignment variant of Damerau-Levenshtein, three rows of a bounded table,
 * so that a swapped pair of letters (`zoens`) counts as one slip.
 */
#include "core/nearest.h"

#include <string.h>

#include "core/schema.h"

#define NEAREST_MAX_EDITS 2

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static size_t min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;

    return m < c ? m : c;
}

size_t nearest_distance(const char *a, const char *b)
{
    size_t rows[3][NEAREST_MAX_LEN + 1];
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;

    if (la > NEAREST_MAX_LEN || lb > NEAREST_MAX_LEN)
        return NEAREST_FAR;
    for (j = 0; j <= lb; j++)
        prev[j] = j;
    for (i = 1; i <= la; i++) {
        cur[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t cost = lower(a[i - 1]) != lower(b[j - 1]);
            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
        }
        t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

const char *nearest_name(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t best_d = NEAREST_FAR, i;

    if (!word || !*word)
        return NULL;
    for (i = 0; i < n; i++) {
        size_t d = nearest_distance(word, names[i]);
        if (d <= NEAREST_MAX_EDITS && d * 2 < strlen(names[i]) && d < best_d) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}

const char *nearest_table(const char *word)
{
    const char *names[64];
    const struct table_def *tables = NULL;
    size_t n = 0, i;

    tables = schema_tables(&n);
    if (n > sizeof(names) / sizeof(names[0]))
        n = sizeof(names) / sizeof(names[0]);
    for (i = 0; i < n; i++)
        names[i] = tables[i].name;
    return nearest_name(word, names, n);
}
