/* SPDX-License-Identifier: MIT */
/*
 * Random secrets and their digests through libsodium (see app_secret.h).
 */
#include "app/app_secret.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

int app_secret_new(const char *prefix, char out[SECRET_MAX])
{
    unsigned char raw[SECRET_RANDOM_BYTES];
    size_t p = strlen(prefix);

    out[0] = '\0';
    if (p > 8 || sodium_init() < 0)
        return -1;
    randombytes_buf(raw, sizeof(raw));
    memcpy(out, prefix, p);
    sodium_bin2base64(out + p, SECRET_MAX - p, raw, sizeof(raw),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof(raw));
    return 0;
}

void app_secret_digest(const char *s, size_t n, char hex[SECRET_DIGEST_HEX])
{
    uint8_t digest[AUDIT_HASH_BYTES];

    crypto_generichash(digest, sizeof(digest), (const uint8_t *)s, n, NULL, 0);
    audit_hash_hex(digest, hex);
}

int app_secret_hex(size_t n, char *out)
{
    unsigned char raw[64];

    out[0] = '\0';
    if (n > sizeof(raw) || sodium_init() < 0)
        return -1;
    randombytes_buf(raw, n);
    sodium_bin2hex(out, 2 * n + 1, raw, n);
    return 0;
}
