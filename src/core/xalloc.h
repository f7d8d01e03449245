/* SPDX-License-Identifier: MIT */
/*
 * The one door to the heap. Every allocation in khu goes through these
 * wrappers so that tests can make the Nth allocation fail (torture mode) and
 * prove that each caller reports ENOMEM instead of crashing or leaking.
 */
#ifndef KHU_XALLOC_H
#define KHU_XALLOC_H

#include <stddef.h>

/* API */

/* Like malloc/calloc/realloc/strdup; return NULL on failure (or when the
 * failure injector says so). The caller owns the result and frees it with
 * xfree. xrealloc leaves p untouched on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
void xfree(void *p);

/* Test hook: make the allocation number n (counting from 1, from now) and
 * every later one fail. n = 0 turns injection off. Returns how many
 * allocations happened since the last call. Not thread-safe; tests only. */
unsigned long xalloc_fail_after(unsigned long n);

#endif
