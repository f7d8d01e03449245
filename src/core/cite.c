/* SPDX-License-Identifier: MIT */
/*
 * Finding registered sources in a row's source text (see cite.h).
 */
#include "core/cite.h"
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

static int is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A character that continues an address or a word: a match may not be
 * followed by one (a '.' only when something word-like follows it, so that
 * "….html." at the end of a sentence still ends the address). */
static int continues(const char *p)
{
    unsigned char c = (unsigned char)p[0];

    if (c == '\0')
        return 0;
    if (c == '.')
        return is_alnum((unsigned char)p[1]) || p[1] == '/';
    return is_alnum(c) || c >= 0x80 || strchr("/-_?=%&#+", c) != NULL;
}

/* A character that may not precede a match. */
static int glued_before(unsigned char c)
{
    return c != '\0' && (is_alnum(c) || c >= 0x80 || strchr("./-_:%", c) != NULL);
}

static int overlaps(const struct cite_match *m, size_t n, size_t at, size_t len)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (at < m[i].at + m[i].len && m[i].at < at + len)
            return 1;
    return 0;
}

/* A cite in the order of search: longer first, then as given. */
struct cite_order {
    size_t len;
    int index;
};

static int longer_first(const void *a, const void *b)
{
    const struct cite_order *x = a, *y = b;

    if (x->len != y->len)
        return x->len > y->len ? -1 : 1;
    return x->index - y->index;
}

static int earlier_first(const void *a, const void *b)
{
    const struct cite_match *x = a, *y = b;

    return x->at < y->at ? -1 : x->at > y->at;
}

/* The first occurrence of cite in text that stands apart and overlaps no
 * match so far; returns its offset or (size_t)-1. */
static size_t free_occurrence(const char *text, const char *cite, size_t len,
                              const struct cite_match *m, size_t n)
{
    const char *p = text;

    while ((p = strstr(p, cite)) != NULL) {
        size_t at = (size_t)(p - text);
        int apart =
            (at == 0 || !glued_before((unsigned char)text[at - 1])) && !continues(text + at + len);
        if (apart && !overlaps(m, n, at, len))
            return at;
        p++;
    }
    return (size_t)-1;
}

size_t cite_find(const char *text, const char *const *cites, size_t n, struct cite_match *out,
                 size_t max)
{
    struct cite_order *order;
    size_t i, found = 0, kept = 0, k = 0;

    if (!text || !cites || n == 0)
        return 0;
    order = xcalloc(n, sizeof(*order));
    if (!order)
        return CITE_NOMEM;
    for (i = 0; i < n; i++)
        if (cites[i] && cites[i][0])
            order[k++] = (struct cite_order){strlen(cites[i]), (int)i};
    qsort(order, k, sizeof(order[0]), longer_first);
    for (i = 0; i < k; i++) {
        size_t at = free_occurrence(text, cites[order[i].index], order[i].len, out, kept);
        if (at == (size_t)-1)
            continue;
        found++;
        if (kept < max)
            out[kept++] = (struct cite_match){at, order[i].len, order[i].index};
    }
    xfree(order);
    qsort(out, kept, sizeof(out[0]), earlier_first);
    return found;
}

static int ends_in_domain(const char *w, size_t len)
{
    static const char *const tlds[] = {".vn",  ".com", ".net",  ".org", ".gov",
                                       ".edu", ".io",  ".info", ".kr",  NULL};
    const char *const *t;
    size_t end = len;
    const char *slash = memchr(w, '/', len);

    if (slash)
        end = (size_t)(slash - w);
    while (end > 0 && strchr(").,;:'\"", w[end - 1]))
        end--;
    for (t = tlds; *t; t++) {
        size_t tl = strlen(*t);
        if (end > tl && memcmp(w + end - tl, *t, tl) == 0 && is_alnum((unsigned char)w[0]))
            return 1;
    }
    return 0;
}

static int looks_like_address(const char *w, size_t len)
{
    if ((len > 7 && memcmp(w, "http://", 7) == 0) || (len > 8 && memcmp(w, "https://", 8) == 0))
        return 1;
    if (len > 4 && memcmp(w, "www.", 4) == 0)
        return 1;
    if (w[0] == '(' && len > 1)
        return looks_like_address(w + 1, len - 1);
    return ends_in_domain(w, len);
}

size_t cite_uncovered(const char *text, const struct cite_match *m, size_t nm, cite_word_fn fn,
                      void *arg)
{
    size_t at = 0, handed = 0;

    if (!text)
        return 0;
    while (text[at]) {
        size_t start, len;
        while (text[at] == ' ' || text[at] == '\t' || text[at] == '\n')
            at++;
        start = at;
        while (text[at] && text[at] != ' ' && text[at] != '\t' && text[at] != '\n')
            at++;
        len = at - start;
        if (len == 0 || overlaps(m, nm, start, len) || !looks_like_address(text + start, len))
            continue;
        handed++;
        if (fn && fn(arg, text + start, len))
            break;
    }
    return handed;
}
