/* SPDX-License-Identifier: MIT */
/*
 * The audit trail's hash chain (core/audit_chain): known answers for the
 * encoding, computed independently (Python's hashlib.blake2b with
 * digest_size=32 over the encoding that audit_chain.c describes), so that
 * a change of the encoding, which would break every stored chain, cannot
 * pass unnoticed; and the properties that make the chain useful: every
 * field, NULL against "", the boundary between two fields and the record
 * before all change the hash.
 */
#include <stdint.h>

#include "core/audit_chain.h"
#include "test.h"

static const struct audit_record first = {
    .id = 1,
    .at_ms = 1764000000123,
    .actor = "cli:root",
    .address = NULL,
    .action = "import",
    .table = "zones",
    .key = "zones.csv",
    .before = NULL,
    .after = "{\"rows\":2}",
    .source = "zones.csv",
};

static const struct audit_record second = {
    .id = 2,
    .at_ms = 1764000000999,
    .actor = "lan.officer",
    .address = "192.0.2.7",
    .action = "user.role",
    .table = "users",
    .key = "lan.officer",
    .before = "{\"role\":\"officer\"}",
    .after = "{\"role\":\"viewer\"}",
    .source = NULL,
};

static void hash_of(const uint8_t prev[AUDIT_HASH_BYTES], const struct audit_record *r,
                    char hex[AUDIT_HASH_HEX])
{
    uint8_t h[AUDIT_HASH_BYTES];

    audit_chain_hash(prev, r, h);
    audit_hash_hex(h, hex);
}

static void test_known_answers(void)
{
    uint8_t zero[AUDIT_HASH_BYTES] = {0}, prev[AUDIT_HASH_BYTES];
    char hex[AUDIT_HASH_HEX];

    hash_of(zero, &first, hex);
    CHECK_EQ_STR(hex, "93118f8bc85f2ac715314e9c423dddeed167b409a1d678d8320418e469f7eb2c");
    CHECK_EQ_INT(audit_hash_parse(hex, prev), 0);
    hash_of(prev, &second, hex);
    CHECK_EQ_STR(hex, "7606ed98ded71ccda76b10a36dc3e641f4fb0a287f950ea82db382aab91f29c5");
}

/* Every change to a record gives another hash. */
static void test_every_field_counts(void)
{
    uint8_t zero[AUDIT_HASH_BYTES] = {0}, other_prev[AUDIT_HASH_BYTES] = {1};
    char base[AUDIT_HASH_HEX], hex[AUDIT_HASH_HEX];
    struct audit_record r;
    const char **text[] = {&r.actor, &r.address, &r.action, &r.table,
                           &r.key,   &r.before,  &r.after,  &r.source};
    size_t i;

    struct audit_record full = second; /* every field set */

    full.source = "QĐ 152/QĐ-UBND";
    hash_of(zero, &full, base);
    for (i = 0; i < sizeof(text) / sizeof(text[0]); i++) {
        r = full;
        *text[i] = "changed";
        hash_of(zero, &r, hex);
        CHECK(strcmp(hex, base) != 0);
        r = full;
        *text[i] = NULL; /* none differs from every text */
        hash_of(zero, &r, hex);
        CHECK(strcmp(hex, base) != 0);
    }
    r = full;
    r.id = 3;
    hash_of(zero, &r, hex);
    CHECK(strcmp(hex, base) != 0);
    r = full;
    r.at_ms++;
    hash_of(zero, &r, hex);
    CHECK(strcmp(hex, base) != 0);
    hash_of(other_prev, &full, hex);
    CHECK(strcmp(hex, base) != 0);
}

static void test_boundaries(void)
{
    uint8_t zero[AUDIT_HASH_BYTES] = {0};
    char a[AUDIT_HASH_HEX], b[AUDIT_HASH_HEX];
    struct audit_record r = second, s = second;

    r.table = "ab";
    r.key = "c";
    s.table = "a";
    s.key = "bc";
    hash_of(zero, &r, a);
    hash_of(zero, &s, b);
    CHECK(strcmp(a, b) != 0);
    r = s = second;
    r.source = "";
    s.source = NULL;
    hash_of(zero, &r, a);
    hash_of(zero, &s, b);
    CHECK(strcmp(a, b) != 0);
}

/* The as-of date of a change (schema 9) is hashed when present, and only
 * then: every record written before it keeps its hash (the known answers
 * above have none), and a record with one has its own known answer. */
static void test_as_of(void)
{
    static const struct audit_record edit = {
        .id = 3,
        .at_ms = 1764000001500,
        .actor = "lan.officer",
        .address = "192.0.2.7",
        .action = "update",
        .table = "zones",
        .key = "kcn-long-hau",
        .before = "{\"total_ha\":425}",
        .after = "{\"total_ha\":430.5}",
        .source = "Báo cáo 2026",
        .as_of = "2026-10-01",
    };
    uint8_t zero[AUDIT_HASH_BYTES] = {0};
    char with[AUDIT_HASH_HEX], without[AUDIT_HASH_HEX], other[AUDIT_HASH_HEX];
    struct audit_record r = edit;

    hash_of(zero, &edit, with);
    CHECK_EQ_STR(with, "fc3e5f0b06b48889dc48587fffb222c63f13d76c6a3371b925a9d208358aa853");
    r.as_of = NULL;
    hash_of(zero, &r, without);
    CHECK(strcmp(with, without) != 0);
    r.as_of = "2026-10-02";
    hash_of(zero, &r, other);
    CHECK(strcmp(with, other) != 0);
    r = edit; /* the date cannot pass for the end of the source */
    r.source = "Báo cáo 20262026-10-01";
    r.as_of = NULL;
    hash_of(zero, &r, other);
    CHECK(strcmp(with, other) != 0);
}

static void test_hex(void)
{
    uint8_t h[AUDIT_HASH_BYTES], back[AUDIT_HASH_BYTES];
    char hex[AUDIT_HASH_HEX], bad[AUDIT_HASH_HEX];
    int i;

    for (i = 0; i < AUDIT_HASH_BYTES; i++)
        h[i] = (uint8_t)(i * 37 + 11);
    audit_hash_hex(h, hex);
    CHECK_EQ_INT(strlen(hex), 64);
    CHECK_EQ_INT(audit_hash_parse(hex, back), 0);
    CHECK(memcmp(h, back, sizeof(h)) == 0);
    memcpy(bad, hex, sizeof(bad));
    bad[10] = 'G';
    CHECK_EQ_INT(audit_hash_parse(bad, back), -1);
    CHECK_EQ_INT(back[0], 0); /* a failed parse leaves zeros */
    bad[10] = 'A';            /* upper case is not what khu writes */
    CHECK_EQ_INT(audit_hash_parse(bad, back), -1);
    CHECK_EQ_INT(audit_hash_parse("abcd", back), -1);
    CHECK_EQ_INT(audit_hash_parse(NULL, back), -1);
    bad[63] = '\0';
    CHECK_EQ_INT(audit_hash_parse(bad, back), -1);
}

int main(void)
{
    test_known_answers();
    test_every_field_counts();
    test_boundaries();
    test_as_of();
    test_hex();
    return test_report("test_audit_chain");
}
