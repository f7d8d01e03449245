/* SPDX-License-Identifier: MIT */
/*
 * Heap wrappers with an allocation-failure injector for torture tests.
 */
#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

static unsigned long alloc_count;
static unsigned long alloc_fail_at;

static int should_fail(void)
{
    alloc_count++;
    return alloc_fail_at && alloc_count >= alloc_fail_at;
}

unsigned long xalloc_fail_after(unsigned long n)
{
    unsigned long seen = alloc_count;

    alloc_count = 0;
    alloc_fail_at = n;
    return seen;
}

void *xmalloc(size_t n)
{
    if (should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *xcalloc(size_t count, size_t size)
{
    if (should_fail())
        return NULL;
    return calloc(count ? count : 1, size ? size : 1);
}

void *xrealloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

char *xstrndup(const char *s, size_t n)
{
    char *copy = xmalloc(n + 1);

    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void xfree(void *p)
{
    free(p);
}
