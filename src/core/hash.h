/* SPDX-License-Identifier: MIT */
/*
 * The one hash of bytes the in-memory tables use to find a slot (the
 * answer cache, the row memo, the statement cache, the account of changed
 * rows): 64-bit FNV-1a. Fast and well spread over short keys; not for
 * anything an attacker must not steer (secrets use libsodium).
 */
#ifndef KHU_HASH_H
#define KHU_HASH_H

#include <stddef.h>
#include <stdint.h>

/* API */

/* Returns the 64-bit FNV-1a hash of p[0..n). */
uint64_t hash_fnv1a(const void *p, size_t n);

#endif
