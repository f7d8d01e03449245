/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for number and date parsing. Whatever the input, the
 * parsers must not crash; what they accept must come back from the output
 * functions: dates exactly, decimals to 15 significant digits, integers
 * exactly.
 */
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"

static void check_i64(const char *s)
{
    int64_t v, back;
    char out[32];

    if (parse_i64(s, INT64_MIN, INT64_MAX, &v) != KHU_OK)
        return;
    snprintf(out, sizeof(out), "%" PRId64, v);
    if (parse_i64(out, v, v, &back) != KHU_OK || back != v)
        abort();
    if (v != INT64_MAX && parse_i64(s, v + 1, INT64_MAX, &back) != KHU_ERANGE)
        abort();
}

static void check_f64(const char *s)
{
    double v, back;
    char out[32];

    if (parse_f64(s, -HUGE_VAL, HUGE_VAL, &v) != KHU_OK)
        return;
    if (!isfinite(v) || strchr(s, ','))
        abort();
    format_real(v, out, sizeof(out));
    if (parse_f64(out, -HUGE_VAL, HUGE_VAL, &back) != KHU_OK)
        abort();
    if (fabs(back - v) > fabs(v) * 1e-14)
        abort();
}

static void check_date(const char *s)
{
    int32_t days;
    char out[11];

    if (parse_date(s, &days) != KHU_OK)
        return;
    format_date(days, out);
    if (strcmp(out, s) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s;

    if (size > 4096)
        return 0;
    s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    check_i64(s);
    check_f64(s);
    check_date(s);
    free(s);
    return 0;
}
