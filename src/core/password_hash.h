/* SPDX-License-Identifier: MIT */
/*
 * Password hashing: Argon2id through libsodium's string form, which
 * carries its own salt and parameters, so that a hash made under older
 * parameters still verifies and can be told to be made again. The
 * parameters make one hash take about 100 ms and 64 MiB on one core of
 * the machine khu was measured on (docs/internals/accounts.md): a login
 * is slow for a guesser and quick enough for a person.
 */
#ifndef KHU_PASSWORD_HASH_H
#define KHU_PASSWORD_HASH_H

#include <stddef.h>

#include "core/err.h"

#define PASSWORD_HASH_MAX 128                 /* bytes of a hash string, with its NUL */
#define PASSWORD_HASH_OPS 2                   /* Argon2id passes */
#define PASSWORD_HASH_MEM (64u * 1024 * 1024) /* Argon2id memory, bytes */

/* API */

/* Hashes p[0..n) into out (a NUL-terminated string). Returns KHU_OK, or
 * KHU_ENOMEM when the memory could not be had. */
enum khu_err password_hash(const char *p, size_t n, char out[PASSWORD_HASH_MAX]);

/* Returns 1 when p[0..n) is the password hash was made from, else 0 (also
 * for a hash that is not an Argon2id string). Takes as long as hashing. */
int password_verify(const char *hash, const char *p, size_t n);

/* Returns 1 when hash was made with other parameters than today's (or
 * is not a hash khu can read), so that it should be made again from the
 * password just verified. */
int password_needs_rehash(const char *hash);

/* Overwrites n bytes at p with zeros in a way the compiler cannot drop. */
void password_wipe(void *p, size_t n);

#endif
