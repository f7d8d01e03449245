/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/utf8: every boundary of RFC 3629 (shortest form, the
 * surrogate hole, the U+10FFFF ceiling, truncated and stray continuation
 * bytes), the offset of the first bad byte, code point counting, and the
 * encoder round trip.
 */
#include "core/utf8.h"

#include "test.h"

struct decode_case {
    const char *bytes;
    size_t n;
    size_t want_len; /* 0: invalid */
    uint32_t want_cp;
};

static const struct decode_case decode_cases[] = {
    {"A", 1, 1, 0x41},
    {"\x00", 1, 1, 0x00},
    {"\x7F", 1, 1, 0x7F},
    {"\xC2\x80", 2, 2, 0x80},
    {"\xDF\xBF", 2, 2, 0x7FF},
    {"\xC4\x91", 2, 2, 0x111}, /* đ */
    {"\xE0\xA0\x80", 3, 3, 0x800},
    {"\xE1\xBA\xA3", 3, 3, 0x1EA3}, /* ả */
    {"\xED\x9F\xBF", 3, 3, 0xD7FF},
    {"\xEE\x80\x80", 3, 3, 0xE000},
    {"\xEF\xBF\xBF", 3, 3, 0xFFFF},
    {"\xEA\xB0\x80", 3, 3, 0xAC00}, /* 가 */
    {"\xF0\x90\x80\x80", 4, 4, 0x10000},
    {"\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF},
    {"\xF0\x9F\x98\x80", 4, 4, 0x1F600},
    /* overlong forms */
    {"\xC0\x80", 2, 0, 0},
    {"\xC1\xBF", 2, 0, 0},
    {"\xE0\x80\x80", 3, 0, 0},
    {"\xE0\x9F\xBF", 3, 0, 0},
    {"\xF0\x80\x80\x80", 4, 0, 0},
    {"\xF0\x8F\xBF\xBF", 4, 0, 0},
    /* surrogates and beyond U+10FFFF */
    {"\xED\xA0\x80", 3, 0, 0},
    {"\xED\xBF\xBF", 3, 0, 0},
    {"\xF4\x90\x80\x80", 4, 0, 0},
    {"\xF5\x80\x80\x80", 4, 0, 0},
    {"\xFF", 1, 0, 0},
    {"\xFE", 1, 0, 0},
    /* stray continuation bytes, truncated sequences, bad continuations */
    {"\x80", 1, 0, 0},
    {"\xBF", 1, 0, 0},
    {"\xC2", 1, 0, 0},
    {"\xE1\xBA", 2, 0, 0},
    {"\xF0\x9F\x98", 3, 0, 0},
    {"\xC2\x41", 2, 0, 0},
    {"\xE1\xBA\x41", 3, 0, 0},
    {"\xF0\x9F\x98\xC0", 4, 0, 0},
    {"", 0, 0, 0},
};

static void test_decode(void)
{
    size_t i;

    for (i = 0; i < sizeof(decode_cases) / sizeof(decode_cases[0]); i++) {
        const struct decode_case *c = &decode_cases[i];
        uint32_t cp = 0xFFFFFFFF;
        size_t got = utf8_decode(c->bytes, c->n, &cp);

        CHECK_EQ_INT(got, c->want_len);
        if (c->want_len)
            CHECK_EQ_INT(cp, c->want_cp);
    }
}

/* Decoding every code point's encoding gives it back; surrogates do not
 * encode at all. */
static void test_encode_round_trip(void)
{
    uint32_t cp, back;
    char enc[4];
    size_t n, bad_round_trips = 0, encoded = 0;

    for (cp = 0; cp <= 0x10FFFF; cp++) {
        n = utf8_encode(cp, enc);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            if (n != 0)
                bad_round_trips++;
            continue;
        }
        encoded++;
        if (n == 0 || utf8_decode(enc, n, &back) != n || back != cp || !utf8_valid(enc, n, NULL))
            bad_round_trips++;
    }
    CHECK_EQ_INT(bad_round_trips, 0);
    CHECK_EQ_INT(encoded, 0x110000 - 0x800);
    CHECK_EQ_INT(utf8_encode(0x110000, enc), 0);
    CHECK_EQ_INT(utf8_encode(0x7FF, enc), 2);
    CHECK_EQ_INT(utf8_encode(0x800, enc), 3);
    CHECK_EQ_INT(utf8_encode(0x10000, enc), 4);
}

struct valid_case {
    const char *s;
    int want_valid;
    size_t want_bad;
};

static const struct valid_case valid_cases[] = {
    {"", 1, 0},
    {"Long An", 1, 0},
    {"Đức Hòa – 서울", 1, 0},
    {"abc\xFF", 0, 3},
    {"\x80"
     "abc",
     0, 0},
    {"Hòa\xC3", 0, 4},
    {"ab\xED\xA0\x80"
     "cd",
     0, 2},
    {"x\xC0\xAFy", 0, 1},
    {"ok \xF0\x9F\x98\x80 \xF4\x90\x80\x80", 0, 8},
};

static void test_valid(void)
{
    size_t i;

    for (i = 0; i < sizeof(valid_cases) / sizeof(valid_cases[0]); i++) {
        const struct valid_case *c = &valid_cases[i];
        size_t bad = 12345;
        int ok = utf8_valid(c->s, strlen(c->s), &bad);

        CHECK_EQ_INT(ok, c->want_valid);
        if (!c->want_valid)
            CHECK_EQ_INT(bad, c->want_bad);
        else
            CHECK_EQ_INT(bad, 12345); /* untouched when valid */
    }
    CHECK(!utf8_valid("\xFF", 1, NULL));
}

static void test_count(void)
{
    CHECK_EQ_INT(utf8_count("", 0), 0);
    CHECK_EQ_INT(utf8_count("abc", 3), 3);
    CHECK_EQ_INT(utf8_count("Đức Hòa", strlen("Đức Hòa")), 7);
    CHECK_EQ_INT(utf8_count("서울", strlen("서울")), 2);
    CHECK_EQ_INT(utf8_count("\xF0\x9F\x98\x80", 4), 1);
    /* each invalid byte counts as one column */
    CHECK_EQ_INT(utf8_count("a\xFF\xFE"
                            "b",
                            4),
                 4);
    CHECK_EQ_INT(utf8_count("\xE1\xBA", 2), 2);
    /* a truncated count stops inside a sequence */
    CHECK_EQ_INT(utf8_count("\xC4\x91", 1), 1);
}

/* A cut never splits a letter: every prefix utf8_fit gives is valid UTF-8
 * when the text is, and as long as it can be. */
static void test_fit_and_copy(void)
{
    const char *text = "Đức Hòa 득화 ok"; /* 1-, 2- and 3-byte letters */
    static const char bad[] = {'\xff', '\xff', 'a', 'b', '\0'};
    size_t n = strlen(text), max, fit;
    char out[16];

    for (max = 0; max <= n + 1; max++) {
        fit = utf8_fit(text, n, max);
        CHECK(fit <= max);
        CHECK(utf8_valid(text, fit, NULL));
        /* one more letter would not fit */
        if (fit < n) {
            uint32_t cp;
            CHECK(fit + utf8_decode(text + fit, n - fit, &cp) > max);
        }
    }
    CHECK_EQ_INT(utf8_fit(bad, 4, 3), 3); /* invalid bytes count one each */
    CHECK_EQ_INT(utf8_copy(out, sizeof(out), "short"), 0);
    CHECK_EQ_STR(out, "short");
    CHECK_EQ_INT(utf8_copy(out, sizeof(out), text), 1);
    CHECK(utf8_valid(out, strlen(out), NULL));
    CHECK(strlen(out) < sizeof(out));
    CHECK_EQ_STR(out, "Đức Hòa …"); /* 12 bytes of text fit: the next is a space */
    CHECK_EQ_INT(utf8_copy(out, 4, "득화"), 1);
    CHECK_EQ_STR(out, "…");
}

int main(void)
{
    test_decode();
    test_encode_round_trip();
    test_valid();
    test_count();
    test_fit_and_copy();
    return test_report("test_utf8");
}
