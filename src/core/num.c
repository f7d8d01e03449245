/* SPDX-License-Identifier: MIT */
/*
 * Strict parsers for integers, decimals and calendar dates from outside,
 * and their canonical output forms. The grammar is checked by hand before
 * any libc conversion runs, so locale, leading spaces, '+', hex, "inf" and
 * "nan" can never slip through. Dates are counted in days since 1970-01-01
 * on the proleptic Gregorian calendar.
 */
#include "core/num.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DATE_YEAR_MIN 1000
#define DATE_YEAR_MAX 9999

/* ===== Integers ===== */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

enum khu_err parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
    int neg = 0, overflow = 0, d;
    int64_t v = 0; /* accumulated as a negative number to reach INT64_MIN */

    if (!s)
        return KHU_EINVAL;
    if (*s == '-') {
        neg = 1;
        s++;
    }
    if (!*s)
        return KHU_EINVAL;
    for (; *s; s++) {
        if (!is_digit(*s))
            return KHU_EINVAL;
        d = *s - '0';
        if (v < (INT64_MIN + d) / 10)
            overflow = 1;
        else
            v = v * 10 - d;
    }
    if (overflow || (!neg && v == INT64_MIN))
        return KHU_ERANGE;
    if (!neg)
        v = -v;
    if (v < min || v > max)
        return KHU_ERANGE;
    *out = v;
    return KHU_OK;
}

/* ===== Decimals ===== */

/* Skips a run of digits and returns how many there were. */
static size_t skip_digits(const char **p)
{
    const char *start = *p;

    while (is_digit(**p))
        (*p)++;
    return (size_t)(*p - start);
}

/* Checks the grammar  -? (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?
 * and returns 1 if all of s matches. */
static int decimal_syntax_ok(const char *s)
{
    size_t int_digits, frac_digits = 0;

    if (*s == '-')
        s++;
    int_digits = skip_digits(&s);
    if (*s == '.') {
        s++;
        frac_digits = skip_digits(&s);
    }
    if (int_digits + frac_digits == 0)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (skip_digits(&s) == 0)
            return 0;
    }
    return *s == '\0';
}

enum khu_err parse_f64(const char *s, double min, double max, double *out)
{
    char *end = NULL;
    double v;

    if (!s || !decimal_syntax_ok(s))
        return KHU_EINVAL;
    errno = 0;
    v = strtod(s, &end);
    if (!end || *end != '\0')
        return KHU_EINVAL; /* only when LC_NUMERIC is not "C" */
    if (errno == ERANGE && isinf(v))
        return KHU_ERANGE;
    if (v == 0)
        v = 0; /* "-0" and underflow to -0 become +0 */
    if (!(v >= min && v <= max))
        return KHU_ERANGE;
    *out = v;
    return KHU_OK;
}

/* ===== Dates ===== */

static int is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int64_t y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a valid civil date (H. Hinnant's algorithm,
 * computed in eras of 400 years). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    int64_t era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Reads exactly n digits at s into *v; returns 0 if any is not a digit. */
static int fixed_digits(const char *s, int n, int *v)
{
    int i;

    *v = 0;
    for (i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

enum khu_err parse_date(const char *s, int32_t *days)
{
    int y, m, d;

    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return KHU_EINVAL;
    if (!fixed_digits(s, 4, &y) || !fixed_digits(s + 5, 2, &m) || !fixed_digits(s + 8, 2, &d))
        return KHU_EINVAL;
    if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX || m < 1 || m > 12 || d < 1 ||
        d > days_in_month(y, m))
        return KHU_EINVAL;
    *days = (int32_t)days_from_civil(y, m, d);
    return KHU_OK;
}

void format_date(int32_t days, char out[11])
{
    int64_t lo = days_from_civil(DATE_YEAR_MIN, 1, 1);
    int64_t hi = days_from_civil(DATE_YEAR_MAX, 12, 31);
    int64_t z = days, y;
    int m, d;

    if (z < lo)
        z = lo;
    if (z > hi)
        z = hi;
    char text[32];

    civil_from_days(z, &y, &m, &d);
    snprintf(text, sizeof(text), "%04d-%02d-%02d", (int)y, m, d);
    memcpy(out, text, 10);
    out[10] = '\0';
}

int32_t date_period_end(int32_t days, const char *precision)
{
    int64_t y;
    int m, d;

    if (!precision || (strcmp(precision, "month") != 0 && strcmp(precision, "year") != 0))
        return days;
    civil_from_days(days, &y, &m, &d);
    if (strcmp(precision, "year") == 0)
        return (int32_t)days_from_civil(y, 12, 31);
    return (int32_t)days_from_civil(y, m, days_in_month(y, m));
}

/* ===== Output of decimals ===== */

/* Drops trailing zeros after a decimal point, and the point itself. */
static void trim_fraction(char *s)
{
    char *end;

    if (!strchr(s, '.'))
        return;
    end = s + strlen(s);
    while (end > s && end[-1] == '0')
        *--end = '\0';
    if (end > s && end[-1] == '.')
        end[-1] = '\0';
}

/* The decimal exponent of v once rounded to 15 significant digits. */
static int exponent15(double v)
{
    char tmp[40];
    const char *e;

    snprintf(tmp, sizeof(tmp), "%.14e", v);
    e = strchr(tmp, 'e');
    return e ? (int)strtol(e + 1, NULL, 10) : 0;
}

#if LDBL_MANT_DIG >= 64
/* Writes |v| rounded to 15 significant digits in fixed notation, exactly
 * as the "%.14e" exponent plus "%.*f" of format_real would, without
 * printf's multi-precision arithmetic (a tenth of the time of writing a
 * JSON page went there). 10^k is exact in long double for k <= 27, and
 * |v| * 10^k (below 10^15) is off by at most 1.2e-4 after one rounding, so
 * the digits are those of the exact value unless it lies within 1e-3 of a
 * tie; then, and outside the range handled, returns 0 for the slow way. */
/* The 15 digits of a * 10^k rounded to an integer into *m; 0 when k is out
 * of range or a * 10^k lies too near a tie to tell. */
static int digits15(long double a, int k, unsigned long long *m)
{
    static const long double p10[] = {1e0L,  1e1L,  1e2L,  1e3L,  1e4L,  1e5L,  1e6L,
                                      1e7L,  1e8L,  1e9L,  1e10L, 1e11L, 1e12L, 1e13L,
                                      1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
                                      1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L};
    long double scaled, whole;

    if (k < 0 || k > 27)
        return 0;
    scaled = a * p10[k];
    whole = floorl(scaled);
    if (fabsl(scaled - whole - 0.5L) < 1e-3L)
        return 0;
    *m = (unsigned long long)whole + (scaled - whole > 0.5L);
    return 1;
}

static int fixed15(double v, char out[40])
{
    long double a = fabsl((long double)v);
    unsigned long long m = 0, lower = 0;
    int e = (int)floor(log10(fabs(v))), k, tries, lead, i; /* the loop corrects e */
    char digits[15], *p = out;

    for (tries = 0; tries < 4; tries++) {
        if (!digits15(a, 14 - e, &m))
            return 0;
        if (m >= 1000000000000000ULL)
            e++;
        else if (m < 100000000000000ULL)
            e--;
        else
            break;
    }
    /* 10^14 also comes out of an exponent one too high when the value is
     * just below a power of ten: the exponent below is the right one when
     * its digits do not round up to 10^15 */
    if (tries == 4 || (m == 100000000000000ULL && !digits15(a, 15 - e, &lower)))
        return 0;
    if (m == 100000000000000ULL && lower < 1000000000000000ULL) {
        e--;
        m = lower;
    }
    k = 14 - e;
    for (i = 15; i-- > 0; m /= 10)
        digits[i] = (char)('0' + m % 10);
    lead = 15 - k; /* digits before the point */
    if (v < 0)
        *p++ = '-';
    if (lead <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (i = 0; i < -lead; i++)
            *p++ = '0';
    }
    for (i = 0; i < 15; i++) {
        if (i == lead && lead > 0)
            *p++ = '.';
        *p++ = digits[i];
    }
    *p = '\0';
    return 1;
}
#else
static int fixed15(double v, char out[40])
{
    (void)v;
    (void)out;
    return 0;
}
#endif

/* Writes v in decimal digits, without snprintf's cost (figures are
 * formatted by the thousand in a list). */
static void format_whole(long long v, char out[40])
{
    char digits[24];
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    int n = 0;

    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *out++ = '-';
    while (n)
        *out++ = digits[--n];
    *out = '\0';
}

char *format_real(double v, char *out, unsigned n)
{
    char tmp[64];
    double a = fabs(v);
    int prec;

    if (a < 1e15 && v == (double)(long long)v) { /* a whole number, the usual figure */
        format_whole((long long)v, tmp);
    } else if (a >= 1e-6 && a < 1e15 && fixed15(v, tmp)) {
        trim_fraction(tmp);
    } else if (a >= 1e-6 && a < 1e15) {
        prec = 14 - exponent15(v);
        snprintf(tmp, sizeof(tmp), "%.*f", prec > 0 ? prec : 0, v);
        trim_fraction(tmp);
    } else {
        snprintf(tmp, sizeof(tmp), "%.15g", v);
    }
    if (n) {
        size_t len = strlen(tmp);
        len = len < n - 1 ? len : n - 1;
        memcpy(out, tmp, len);
        out[len] = '\0';
    }
    return out;
}
