/* SPDX-License-Identifier: MIT */
/*
 * Route patterns. A pattern is a path whose segments are either literal
 * text, compared exactly, or a {name} placeholder that matches one
 * non-empty segment. There are no wildcards, no optional parts and no
 * trailing-slash folding: "/zones/" does not match "/zones". The matcher
 * works on the decoded path and never allocates.
 */
#include "http/http.h"

#include <string.h>

/* Returns the length of the segment starting at s (up to '/' or the end). */
static size_t seg_len(const char *s)
{
    const char *slash = strchr(s, '/');

    return slash ? (size_t)(slash - s) : strlen(s);
}

static int is_placeholder(const char *p, size_t n)
{
    return n > 2 && p[0] == '{' && p[n - 1] == '}';
}

/* Walks pattern and path ('/'-separated, both starting after a '/') side by
 * side. Placeholder values are copied into scratch. Returns 1 on a match. */
static int match_segments(const char *pat, const char *path, char *scratch, const char **vals,
                          size_t *nvals)
{
    size_t plen, slen;

    for (;;) {
        plen = seg_len(pat);
        slen = seg_len(path);
        if (is_placeholder(pat, plen)) {
            if (slen == 0 || *nvals >= HTTP_MAX_PATH_PARAMS)
                return 0;
            memcpy(scratch, path, slen);
            scratch[slen] = '\0';
            vals[(*nvals)++] = scratch;
            scratch += slen + 1;
        } else if (plen != slen || memcmp(pat, path, slen) != 0) {
            return 0;
        }
        pat += plen;
        path += slen;
        if (*pat == '\0' || *path == '\0')
            return *pat == '\0' && *path == '\0';
        pat++; /* both are at a '/' */
        path++;
    }
}

/* A pattern with more than HTTP_MAX_PATH_PARAMS placeholders never matches.
 * On no match *nvals is 0. */
int http_route_match(const char *pattern, const char *path, char *scratch, const char **vals,
                     size_t *nvals)
{
    *nvals = 0;
    if (pattern[0] != '/' || path[0] != '/')
        return 0;
    if (match_segments(pattern + 1, path + 1, scratch, vals, nvals))
        return 1;
    *nvals = 0;
    return 0;
}
