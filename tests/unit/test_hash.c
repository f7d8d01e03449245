/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/hash: 64-bit FNV-1a against the published test vectors,
 * bytes past a NUL counted, and one byte changed changing the hash.
 */
#include "core/hash.h"

#include <string.h>

#include "test.h"

static void test_vectors(void)
{
    CHECK(hash_fnv1a("", 0) == 0xcbf29ce484222325ULL);
    CHECK(hash_fnv1a("a", 1) == 0xaf63dc4c8601ec8cULL);
    CHECK(hash_fnv1a("foobar", 6) == 0x85944171f73967e8ULL);
}

static void test_bytes(void)
{
    static const char a[] = "zones\0vi\0kcn-a", b[] = "zones\0vi\0kcn-b";

    CHECK(hash_fnv1a(a, sizeof(a) - 1) != hash_fnv1a(a, 5)); /* past the NUL */
    CHECK(hash_fnv1a(a, sizeof(a) - 1) != hash_fnv1a(b, sizeof(b) - 1));
    CHECK(hash_fnv1a(a, sizeof(a) - 1) == hash_fnv1a(a, sizeof(a) - 1));
}

int main(void)
{
    test_vectors();
    test_bytes();
    return test_report("test_hash");
}
