/* SPDX-License-Identifier: MIT */
/*
 * Argon2id password hashes through libsodium (see password_hash.h).
 */
#include "core/password_hash.h"

#include <sodium.h>
#include <string.h>

_Static_assert(PASSWORD_HASH_MAX >= crypto_pwhash_STRBYTES, "room for libsodium's hash string");

enum khu_err password_hash(const char *p, size_t n, char out[PASSWORD_HASH_MAX])
{
    memset(out, 0, PASSWORD_HASH_MAX);
    if (sodium_init() < 0)
        return KHU_ENOMEM;
    if (crypto_pwhash_str_alg(out, p, n, PASSWORD_HASH_OPS, PASSWORD_HASH_MEM,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return KHU_ENOMEM;
    return KHU_OK;
}

int password_verify(const char *hash, const char *p, size_t n)
{
    if (!hash || sodium_init() < 0 || strnlen(hash, PASSWORD_HASH_MAX) == PASSWORD_HASH_MAX)
        return 0;
    return crypto_pwhash_str_verify(hash, p, n) == 0;
}

int password_needs_rehash(const char *hash)
{
    if (!hash || strnlen(hash, PASSWORD_HASH_MAX) == PASSWORD_HASH_MAX)
        return 1;
    return crypto_pwhash_str_needs_rehash(hash, PASSWORD_HASH_OPS, PASSWORD_HASH_MEM) != 0;
}

void password_wipe(void *p, size_t n)
{
    sodium_memzero(p, n);
}
