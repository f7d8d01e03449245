/* SPDX-License-Identifier: MIT */
/*
 * The audit trail's hash chain (see audit_chain.h). The encoding hashed:
 * the label "khu-audit-v1" and a NUL, the previous hash, then each field
 * in the order of struct audit_record as an 8-byte little-endian length
 * followed by its bytes; a NULL field is the length 2^64-1 with no bytes,
 * and the two integers are written in decimal. A length before every
 * field keeps ("ab","c") and ("a","bc") apart. as_of came later (schema
 * 9): it is hashed, as one more field, only when it is not NULL, so that
 * every record written before it keeps its hash.
 */
#include "core/audit_chain.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const char label[] = "khu-audit-v1";

static void put_field(crypto_generichash_state *h, const char *s)
{
    uint64_t n = s ? (uint64_t)strlen(s) : UINT64_MAX;
    uint8_t len[8];
    int i;

    for (i = 0; i < 8; i++)
        len[i] = (uint8_t)(n >> (8 * i));
    crypto_generichash_update(h, len, sizeof(len));
    if (s)
        crypto_generichash_update(h, (const uint8_t *)s, (unsigned long long)n);
}

static void put_int(crypto_generichash_state *h, int64_t v)
{
    char text[24];

    snprintf(text, sizeof(text), "%lld", (long long)v);
    put_field(h, text);
}

void audit_chain_hash(const uint8_t prev[AUDIT_HASH_BYTES], const struct audit_record *r,
                      uint8_t out[AUDIT_HASH_BYTES])
{
    crypto_generichash_state h;

    crypto_generichash_init(&h, NULL, 0, AUDIT_HASH_BYTES);
    crypto_generichash_update(&h, (const uint8_t *)label, sizeof(label)); /* with its NUL */
    crypto_generichash_update(&h, prev, AUDIT_HASH_BYTES);
    put_int(&h, r->id);
    put_int(&h, r->at_ms);
    put_field(&h, r->actor);
    put_field(&h, r->address);
    put_field(&h, r->action);
    put_field(&h, r->table);
    put_field(&h, r->key);
    put_field(&h, r->before);
    put_field(&h, r->after);
    put_field(&h, r->source);
    if (r->as_of)
        put_field(&h, r->as_of);
    crypto_generichash_final(&h, out, AUDIT_HASH_BYTES);
}

void audit_hash_hex(const uint8_t hash[AUDIT_HASH_BYTES], char hex[AUDIT_HASH_HEX])
{
    static const char digits[] = "0123456789abcdef";
    int i;

    for (i = 0; i < AUDIT_HASH_BYTES; i++) {
        hex[2 * i] = digits[hash[i] >> 4];
        hex[2 * i + 1] = digits[hash[i] & 15];
    }
    hex[2 * AUDIT_HASH_BYTES] = '\0';
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

int audit_hash_parse(const char *hex, uint8_t hash[AUDIT_HASH_BYTES])
{
    int i;

    memset(hash, 0, AUDIT_HASH_BYTES);
    if (!hex || strlen(hex) != 2 * AUDIT_HASH_BYTES)
        return -1;
    for (i = 0; i < AUDIT_HASH_BYTES; i++) {
        int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            memset(hash, 0, AUDIT_HASH_BYTES);
            return -1;
        }
        hash[i] = (uint8_t)(hi << 4 | lo);
    }
    return 0;
}
