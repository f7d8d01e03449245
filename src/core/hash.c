/* SPDX-License-Identifier: MIT */
/*
 * 64-bit FNV-1a (see hash.h).
 */
#include "core/hash.h"

#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME  1099511628211ULL

uint64_t hash_fnv1a(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = FNV_OFFSET;
    size_t i;

    for (i = 0; i < n; i++)
        h = (h ^ s[i]) * FNV_PRIME;
    return h;
}
