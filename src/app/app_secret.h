/* SPDX-License-Identifier: MIT */
/*
 * Secrets handed to clients (API tokens, session cookies): made from the
 * system's random source, shown once, and kept only as a digest, so that
 * a copy of the database lets no one sign in.
 */
#ifndef KHU_APP_SECRET_H
#define KHU_APP_SECRET_H

#include <stddef.h>

#include "core/audit_chain.h"

#define SECRET_RANDOM_BYTES 32 /* 256 bits */
#define SECRET_MAX          80 /* a prefix, 43 base64url characters and the NUL */
#define SECRET_DIGEST_HEX   AUDIT_HASH_HEX

/* API */

/* Writes prefix followed by SECRET_RANDOM_BYTES random bytes in base64url
 * without padding to out (SECRET_MAX bytes). prefix has at most 8
 * characters. Returns 0, or -1 when the random source failed. */
int app_secret_new(const char *prefix, char out[SECRET_MAX]);

/* Writes the BLAKE2b-256 digest of s[0..n) as 64 hex digits to hex. */
void app_secret_digest(const char *s, size_t n, char hex[SECRET_DIGEST_HEX]);

/* Writes n random bytes as 2n hex digits to out (2n+1 bytes). Returns 0,
 * or -1 when the random source failed. */
int app_secret_hex(size_t n, char *out);

#endif
