/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/num: integer and decimal parsing with ranges and every
 * rejection (sign, spaces, comma, hex, inf/nan, empty), calendar dates
 * including leap years and the exact day numbers around 1970 and the year
 * ends, and the canonical output of dates and decimals.
 */
#include "core/num.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

/* ===== Integers ===== */

struct i64_case {
    const char *s;
    int64_t min, max;
    enum khu_err want;
    int64_t value;
};

static const struct i64_case i64_cases[] = {
    {"0", INT64_MIN, INT64_MAX, KHU_OK, 0},
    {"42", INT64_MIN, INT64_MAX, KHU_OK, 42},
    {"-12", INT64_MIN, INT64_MAX, KHU_OK, -12},
    {"-0", INT64_MIN, INT64_MAX, KHU_OK, 0},
    {"007", INT64_MIN, INT64_MAX, KHU_OK, 7},
    {"9223372036854775807", INT64_MIN, INT64_MAX, KHU_OK, INT64_MAX},
    {"-9223372036854775808", INT64_MIN, INT64_MAX, KHU_OK, INT64_MIN},
    {"9223372036854775808", INT64_MIN, INT64_MAX, KHU_ERANGE, 0},
    {"-9223372036854775809", INT64_MIN, INT64_MAX, KHU_ERANGE, 0},
    {"99999999999999999999999999", INT64_MIN, INT64_MAX, KHU_ERANGE, 0},
    {"10", 0, 10, KHU_OK, 10},
    {"11", 0, 10, KHU_ERANGE, 0},
    {"-1", 0, 10, KHU_ERANGE, 0},
    {"1990", 1900, 2100, KHU_OK, 1990},
    {"", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"-", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"+1", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {" 1", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"1 ", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"1,000", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"1.0", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"1e3", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"0x10", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"--1", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"12a", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"99999999999999999999x", INT64_MIN, INT64_MAX, KHU_EINVAL, 0},
    {"١٢", INT64_MIN, INT64_MAX, KHU_EINVAL, 0}, /* Arabic-Indic digits */
};

static void test_i64(void)
{
    size_t i;

    for (i = 0; i < sizeof(i64_cases) / sizeof(i64_cases[0]); i++) {
        const struct i64_case *c = &i64_cases[i];
        int64_t v = 777;

        CHECK_EQ_INT(parse_i64(c->s, c->min, c->max, &v), c->want);
        CHECK_EQ_INT(v, c->want == KHU_OK ? c->value : 777); /* untouched on error */
    }
    CHECK_EQ_INT(parse_i64(NULL, 0, 1, NULL), KHU_EINVAL);
}

/* ===== Decimals ===== */

struct f64_case {
    const char *s;
    double min, max;
    enum khu_err want;
    double value;
};

#define ANY -1e308, 1e308

static const struct f64_case f64_cases[] = {
    {"9251.6", ANY, KHU_OK, 9251.6},
    {"-0.5", ANY, KHU_OK, -0.5},
    {"1e3", ANY, KHU_OK, 1000},
    {"1E3", ANY, KHU_OK, 1000},
    {"2.5e-3", ANY, KHU_OK, 0.0025},
    {"2.5e+3", ANY, KHU_OK, 2500},
    {"-1.25E2", ANY, KHU_OK, -125},
    {"42", ANY, KHU_OK, 42},
    {".5", ANY, KHU_OK, 0.5},
    {"5.", ANY, KHU_OK, 5},
    {"0", ANY, KHU_OK, 0},
    {"-0", ANY, KHU_OK, 0},
    {"1e-400", ANY, KHU_OK, 0}, /* underflow rounds to zero */
    {"100", 0, 100, KHU_OK, 100},
    {"100.0000001", 0, 100, KHU_ERANGE, 0},
    {"-0.001", 0, 100, KHU_ERANGE, 0},
    {"1e309", -1e308, 1e308, KHU_ERANGE, 0},
    {"1e308", -1e308, 1e308, KHU_OK, 1e308},
    {"", ANY, KHU_EINVAL, 0},
    {"-", ANY, KHU_EINVAL, 0},
    {".", ANY, KHU_EINVAL, 0},
    {"-.", ANY, KHU_EINVAL, 0},
    {"+1", ANY, KHU_EINVAL, 0},
    {"9,251.6", ANY, KHU_EINVAL, 0},
    {"9251,6", ANY, KHU_EINVAL, 0},
    {" 1", ANY, KHU_EINVAL, 0},
    {"1 ", ANY, KHU_EINVAL, 0},
    {"1 000", ANY, KHU_EINVAL, 0},
    {"inf", ANY, KHU_EINVAL, 0},
    {"-inf", ANY, KHU_EINVAL, 0},
    {"Infinity", ANY, KHU_EINVAL, 0},
    {"nan", ANY, KHU_EINVAL, 0},
    {"NAN", ANY, KHU_EINVAL, 0},
    {"0x1p3", ANY, KHU_EINVAL, 0},
    {"0x10", ANY, KHU_EINVAL, 0},
    {"1e", ANY, KHU_EINVAL, 0},
    {"1e+", ANY, KHU_EINVAL, 0},
    {"e3", ANY, KHU_EINVAL, 0},
    {"1.2.3", ANY, KHU_EINVAL, 0},
    {"1..2", ANY, KHU_EINVAL, 0},
    {"--1", ANY, KHU_EINVAL, 0},
    {"12ha", ANY, KHU_EINVAL, 0},
    {"1d", ANY, KHU_EINVAL, 0},
};

static void test_f64(void)
{
    size_t i;
    double v;

    for (i = 0; i < sizeof(f64_cases) / sizeof(f64_cases[0]); i++) {
        const struct f64_case *c = &f64_cases[i];

        v = 777;
        CHECK_EQ_INT(parse_f64(c->s, c->min, c->max, &v), c->want);
        CHECK_EQ_DBL(v, c->want == KHU_OK ? c->value : 777, 0);
    }
    CHECK_EQ_INT(parse_f64("-0", ANY, &v), KHU_OK);
    CHECK(!signbit(v)); /* "-0" is stored as +0 */
    CHECK_EQ_INT(parse_f64(NULL, ANY, &v), KHU_EINVAL);
}

/* ===== Dates ===== */

struct date_case {
    const char *s;
    enum khu_err want;
    int32_t days;
};

static const struct date_case date_cases[] = {
    {"1970-01-01", KHU_OK, 0},
    {"1970-01-02", KHU_OK, 1},
    {"1969-12-31", KHU_OK, -1},
    {"1971-01-01", KHU_OK, 365},
    {"1972-03-01", KHU_OK, 790}, /* 365 + 365 + 31 + 29 */
    {"2000-01-01", KHU_OK, 10957},
    {"2000-02-29", KHU_OK, 11016},
    {"2024-02-29", KHU_OK, 19782},
    {"2024-03-01", KHU_OK, 19783},
    {"2025-12-31", KHU_OK, 20453},
    {"1000-01-01", KHU_OK, -354285},
    {"9999-12-31", KHU_OK, 2932896},
    {"1900-03-01", KHU_OK, -25508},
    {"2023-02-29", KHU_EINVAL, 0},
    {"1900-02-29", KHU_EINVAL, 0}, /* divisible by 100, not by 400 */
    {"2100-02-29", KHU_EINVAL, 0},
    {"2023-13-01", KHU_EINVAL, 0},
    {"2023-00-10", KHU_EINVAL, 0},
    {"2023-01-00", KHU_EINVAL, 0},
    {"2023-01-32", KHU_EINVAL, 0},
    {"2023-04-31", KHU_EINVAL, 0},
    {"2023-06-31", KHU_EINVAL, 0},
    {"2023-09-31", KHU_EINVAL, 0},
    {"2023-11-31", KHU_EINVAL, 0},
    {"2023-1-01", KHU_EINVAL, 0},
    {"2023-01-1", KHU_EINVAL, 0},
    {"23-01-01", KHU_EINVAL, 0},
    {"0999-12-31", KHU_EINVAL, 0},
    {"10000-01-01", KHU_EINVAL, 0},
    {"2023/01/01", KHU_EINVAL, 0},
    {"01/02/2023", KHU_EINVAL, 0},
    {"2023-01-01T00:00", KHU_EINVAL, 0},
    {"2023-01-01 ", KHU_EINVAL, 0},
    {" 2023-01-01", KHU_EINVAL, 0},
    {"2023-0a-01", KHU_EINVAL, 0},
    {"+023-01-01", KHU_EINVAL, 0},
    {"", KHU_EINVAL, 0},
};

static void test_dates(void)
{
    char out[11];
    size_t i;
    int32_t days;

    for (i = 0; i < sizeof(date_cases) / sizeof(date_cases[0]); i++) {
        const struct date_case *c = &date_cases[i];

        days = 777;
        CHECK_EQ_INT(parse_date(c->s, &days), c->want);
        CHECK_EQ_INT(days, c->want == KHU_OK ? c->days : 777);
        if (c->want == KHU_OK) {
            format_date(days, out);
            CHECK_EQ_STR(out, c->s);
        }
    }
    CHECK_EQ_INT(parse_date(NULL, &days), KHU_EINVAL);
}

/* The end of a date's month or year: leap Februaries, December, a date
 * already at its end, and a day precision that leaves the date. */
static void test_period_end(void)
{
    static const struct {
        const char *date, *precision, *end;
    } cases[] = {
        {"2025-07-01", "month", "2025-07-31"}, {"2024-02-01", "month", "2024-02-29"},
        {"2100-02-01", "month", "2100-02-28"}, {"2000-02-15", "month", "2000-02-29"},
        {"2025-12-01", "month", "2025-12-31"}, {"2025-12-31", "month", "2025-12-31"},
        {"2025-01-01", "year", "2025-12-31"},  {"2025-07-01", "day", "2025-07-01"},
        {"2025-07-01", NULL, "2025-07-01"},    {"2025-07-01", "decade", "2025-07-01"},
    };
    char out[11];
    size_t i;
    int32_t days = 0;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        CHECK_EQ_INT(parse_date(cases[i].date, &days), KHU_OK);
        format_date(date_period_end(days, cases[i].precision), out);
        CHECK_EQ_STR(out, cases[i].end);
    }
}

/* Every day from 1000-01-01 to 9999-12-31 formats to a date that parses
 * back to the same day, and consecutive days are one apart. */
static void test_date_round_trip(void)
{
    int32_t first = -354285, last = 2932896, d, back, prev_parsed = first - 1;
    int bad = 0;
    char out[11];

    for (d = first; d <= last; d++) {
        format_date(d, out);
        if (parse_date(out, &back) != KHU_OK || back != d || back != prev_parsed + 1)
            bad++;
        prev_parsed = back;
    }
    CHECK_EQ_INT(bad, 0);
    format_date(first - 1, out); /* clamped */
    CHECK_EQ_STR(out, "1000-01-01");
    format_date(INT32_MIN, out);
    CHECK_EQ_STR(out, "1000-01-01");
    format_date(INT32_MAX, out);
    CHECK_EQ_STR(out, "9999-12-31");
}

/* ===== Output of decimals ===== */

struct real_case {
    double v;
    const char *want;
};

static const struct real_case real_cases[] = {
    {0, "0"},
    {-0.0, "0"},
    {9251.6, "9251.6"},
    {12, "12"},
    {-12, "-12"},
    {0.25, "0.25"},
    {0.1 + 0.2, "0.3"},
    {1.0 / 3, "0.333333333333333"},
    {-2.0 / 3, "-0.666666666666667"},
    {1e-6, "0.000001"},
    {-1e-5, "-0.00001"},
    {1e-7, "1e-07"},
    {123456789012345, "123456789012345"},
    {99999999999999.9, "99999999999999.9"},
    {1e15, "1e+15"},
    {1.5e20, "1.5e+20"},
    {123456789.123456789, "123456789.123457"},
    {100, "100"},
    {1000000, "1000000"},
    {2.5e-3, "0.0025"},
    {INFINITY, "inf"},
    {-INFINITY, "-inf"},
};

static void test_format_real(void)
{
    char out[32], small[5];
    size_t i;
    double back;

    for (i = 0; i < sizeof(real_cases) / sizeof(real_cases[0]); i++) {
        CHECK_EQ_STR(format_real(real_cases[i].v, out, sizeof(out)), real_cases[i].want);
        if (isfinite(real_cases[i].v)) {
            CHECK_EQ_INT(parse_f64(out, -1e308, 1e308, &back), KHU_OK);
            CHECK_EQ_DBL(back, real_cases[i].v, fabs(real_cases[i].v) * 1e-14);
        }
    }
    CHECK_EQ_STR(format_real(NAN, out, sizeof(out)), "nan");
    CHECK_EQ_STR(format_real(9251.6, small, sizeof(small)), "9251");
    CHECK(format_real(1, out, 0) == out);
}

/* format_real as it was written with printf alone: the reference for the
 * faster way it now takes. */
static void slow_real(double v, char *out, size_t n)
{
    char tmp[64], *end;
    const char *e;
    int prec;

    snprintf(tmp, sizeof(tmp), "%.14e", v);
    e = strchr(tmp, 'e');
    prec = 14 - (int)strtol(e + 1, NULL, 10);
    snprintf(out, n, "%.*f", prec > 0 ? prec : 0, v);
    if (strchr(out, '.')) {
        end = out + strlen(out);
        while (end[-1] == '0')
            *--end = '\0';
        if (end[-1] == '.')
            end[-1] = '\0';
    }
}

static uint64_t next_random(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Random values in [1e-6, 1e15): raw doubles, short decimals, halves
 * (ties at the 15th digit are common among those) and quotients. */
static void test_format_real_agrees(void)
{
    char got[40], want[64];
    uint64_t seed = 88172645463325252ULL, r;
    double v;
    long i, bad = 0;

    for (i = 0; i < 300000; i++) {
        r = next_random(&seed);
        if (i % 4 == 0)
            v = ldexp((double)(r >> 11) / 9007199254740992.0, (int)(r % 70) - 19);
        else if (i % 4 == 1)
            v = (double)(r % 2000000000000ULL) / pow(10, (double)(r % 13));
        else if (i % 4 == 2)
            v = ((double)(r % 100000) + 0.5) / pow(10, (double)(r % 9));
        else
            v = (double)(r % 10000000) / (double)(1 + r % 9999) * pow(10, (double)(r % 15) - 5);
        v = (r & 1) ? -v : v;
        if (fabs(v) < 1e-6 || fabs(v) >= 1e15)
            continue;
        format_real(v, got, sizeof(got));
        slow_real(v, want, sizeof(want));
        if (strcmp(got, want) != 0 && bad++ < 5)
            TEST_FAIL_AT(__FILE__, __LINE__, "%.17g: \"%s\", want \"%s\"", v, got, want);
    }
    /* just below and above every power of ten, where the exponent turns */
    for (i = -6 * 401; i < 15 * 401; i++) {
        v = pow(10, (double)(i >= 0 ? i / 401 : -((-i + 400) / 401))) *
            (1 + (double)(((i % 401) + 401) % 401 - 200) * 1e-16);
        if (fabs(v) < 1e-6 || fabs(v) >= 1e15)
            continue;
        format_real(v, got, sizeof(got));
        slow_real(v, want, sizeof(want));
        if (strcmp(got, want) != 0 && bad++ < 5)
            TEST_FAIL_AT(__FILE__, __LINE__, "%.17g: \"%s\", want \"%s\"", v, got, want);
    }
    CHECK_EQ_INT(bad, 0);
}

int main(void)
{
    test_i64();
    test_f64();
    test_dates();
    test_date_round_trip();
    test_period_end();
    test_format_real();
    test_format_real_agrees();
    return test_report("test_num");
}
