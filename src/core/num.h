/* SPDX-License-Identifier: MIT */
/*
 * Parsing of numbers and dates that come from outside (CSV cells, query
 * parameters, JSON strings), always with a range. Nothing here accepts
 * leading or trailing spaces, a sign where none is allowed, hex, inf or nan.
 */
#ifndef KHU_NUM_H
#define KHU_NUM_H

#include <stdint.h>

#include "core/err.h"

/* API */

/* Parses a decimal integer ("-12", "42"): an optional '-' and one or more
 * digits, nothing else (leading zeros are allowed). Returns KHU_OK,
 * KHU_EINVAL if s is NULL or not an integer, KHU_ERANGE if it is outside
 * [min, max] or int64_t. *out is written only on success. */
enum khu_err parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);

/* Parses a decimal number with '.' as the separator and an optional
 * exponent ("9251.6", "-0.5", "1e3", ".5", "5."): an optional '-', digits
 * with at most one '.', at least one digit, then optionally e/E, an
 * optional sign and digits. A comma is rejected (KHU_EINVAL) so that
 * "9,251.6" is never read as 9. A value too large for a double is
 * KHU_ERANGE; one too small rounds to 0 (or a subnormal); "-0" gives +0.
 * Range and *out as parse_i64. Assumes the "C" LC_NUMERIC locale, which
 * khu never changes. */
enum khu_err parse_f64(const char *s, double min, double max, double *out);

/* Parses a calendar date "YYYY-MM-DD" (years 1000-9999, real days only) and
 * stores the number of days since 1970-01-01 in *days. KHU_EINVAL otherwise. */
enum khu_err parse_date(const char *s, int32_t *days);

/* Writes days (since 1970-01-01) as "YYYY-MM-DD" into out. Days before
 * 1000-01-01 or after 9999-12-31 (never produced by parse_date) are
 * clamped to those dates, so out always holds 10 characters and a NUL. */
void format_date(int32_t days, char out[11]);

/* The last day of the period of precision ("month", "year"; "day" or NULL:
 * the day itself) that days (since 1970-01-01) falls in: a date known only
 * to its month or year may be any day from days to this one. */
int32_t date_period_end(int32_t days, const char *precision);

/* Formats v with up to 15 significant digits and no trailing zeros
 * ("9251.6", "12", "0.25") into out (size n). Values whose magnitude is in
 * [1e-6, 1e15) never use an exponent ("0.000001", "123456789012345");
 * others are written like "%.15g" ("1e-07", "1.5e+20"); zero, including
 * -0, is "0", and non-finite values are "inf", "-inf" or "nan". A buffer of
 * 32 bytes always suffices; a shorter one receives a truncated, NUL-terminated
 * result. Returns out. */
char *format_real(double v, char *out, unsigned n);

#endif
