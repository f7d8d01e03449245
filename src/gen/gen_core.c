/* SPDX-License-Identifier: MIT */
/*
 * The machinery under `khu gen`: the seeded random source (splitmix64 to
 * seed, xoshiro256** to draw; never the C library's rand), the row writer
 * that holds a generator to the schema's column order, calendar dates, and
 * the sizes of each scale.
 */
#include "gen/gen_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/csv.h"

/* Output is handed to stdio in blocks of about this size. */
#define GEN_FLUSH_BYTES (256 * 1024)
#define GEN_CELL_MAX    1024

/* ===== Random numbers ===== */

uint64_t gen_mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

void gen_rng_seed(struct gen_rng *r, uint64_t seed, uint64_t salt, uint64_t index)
{
    uint64_t x = gen_mix(seed ^ gen_mix(salt ^ gen_mix(index)));
    int i;

    for (i = 0; i < 4; i++) {
        x += 0x9e3779b97f4a7c15ULL;
        r->s[i] = gen_mix(x);
    }
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t gen_next(struct gen_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t gen_below(struct gen_rng *r, uint64_t n)
{
    /* The modulo bias is below 2^-40 for every n used here. */
    return gen_next(r) % n;
}

long gen_range(struct gen_rng *r, long lo, long hi)
{
    return lo + (long)gen_below(r, (uint64_t)(hi - lo) + 1);
}

int gen_pct(struct gen_rng *r, unsigned pct)
{
    return gen_below(r, 100) < pct;
}

double gen_unit(struct gen_rng *r)
{
    return (double)(gen_next(r) >> 11) * 0x1.0p-53;
}

/* ===== Dates ===== */

/* Howard Hinnant's days_from_civil / civil_from_days. */
long gen_days(int y, int m, int d)
{
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

    return era * 146097 + doe - 719468;
}

void gen_format_date(long days, char out[11])
{
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2);

    unsigned yy = (unsigned)(y % 10000 + 10000) % 10000u;

    /* By hand rather than snprintf: a million-row table formats millions. */
    out[0] = (char)('0' + yy / 1000);
    out[1] = (char)('0' + yy / 100 % 10);
    out[2] = (char)('0' + yy / 10 % 10);
    out[3] = (char)('0' + yy % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* ===== Row writer ===== */

static int gen_next_col(struct gen *g, const char *col)
{
    if (g->err)
        return 0;
    if (g->col >= g->t->ncols || strcmp(g->t->cols[g->col].name, col) != 0) {
        g->err = KHU_EINVAL;
        snprintf(g->errmsg, sizeof(g->errmsg), "%s: column %zu is \"%s\", generator wrote \"%s\"",
                 g->t->name, g->col + 1, g->col < g->t->ncols ? g->t->cols[g->col].name : "(none)",
                 col);
        return 0;
    }
    return 1;
}

static void gen_put(struct gen *g, const char *col, const char *s, size_t len)
{
    enum khu_err err;

    if (!gen_next_col(g, col))
        return;
    err = csv_write_field(&g->line, s, len, g->col == 0);
    if (err) {
        g->err = err;
        snprintf(g->errmsg, sizeof(g->errmsg), "%s.%s: %s", g->t->name, col, khu_err_str(err));
        return;
    }
    g->col++;
}

void gen_text(struct gen *g, const char *col, const char *s)
{
    gen_put(g, col, s ? s : "", s ? strlen(s) : 0);
}

void gen_textf(struct gen *g, const char *col, const char *fmt, ...)
{
    va_list ap;
    char s[GEN_CELL_MAX];
    int n;

    va_start(ap, fmt);
    n = vsnprintf(s, sizeof(s), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(s)) {
        if (g->err == KHU_OK) {
            g->err = KHU_ETOOBIG;
            snprintf(g->errmsg, sizeof(g->errmsg), "%s.%s: formatted cell too long", g->t->name,
                     col);
        }
        return;
    }
    gen_put(g, col, s, (size_t)n);
}

void gen_empty(struct gen *g, const char *col)
{
    gen_put(g, col, "", 0);
}

void gen_int(struct gen *g, const char *col, long v)
{
    char s[32];
    int n = snprintf(s, sizeof(s), "%ld", v);

    gen_put(g, col, s, (size_t)n);
}

void gen_tenths(struct gen *g, const char *col, long tenths)
{
    char s[40];
    int n = snprintf(s, sizeof(s), "%ld.%ld", tenths / 10, tenths % 10);

    gen_put(g, col, s, (size_t)n);
}

void gen_real(struct gen *g, const char *col, double v, int decimals)
{
    char s[64];
    int n = snprintf(s, sizeof(s), "%.*f", decimals, v);

    gen_put(g, col, s, n > 0 && (size_t)n < sizeof(s) ? (size_t)n : 0);
}

void gen_date(struct gen *g, const char *col, long days)
{
    char s[11];

    gen_format_date(days, s);
    gen_put(g, col, s, 10);
}

void gen_header(struct gen *g)
{
    size_t i;

    for (i = 0; i < g->t->ncols; i++)
        gen_text(g, g->t->cols[i].name, g->t->cols[i].name);
    gen_end_row(g);
    g->rows = 0;
}

void gen_flush(struct gen *g)
{
    if (g->line.len && fwrite(g->line.data, 1, g->line.len, g->out) != g->line.len &&
        g->err == KHU_OK) {
        g->err = KHU_EIO;
        snprintf(g->errmsg, sizeof(g->errmsg), "%s.csv: write failed", g->t->name);
    }
    buf_reset(&g->line);
}

void gen_end_row(struct gen *g)
{
    enum khu_err err;

    if (g->err)
        return;
    if (g->col != g->t->ncols) {
        g->err = KHU_EINVAL;
        snprintf(g->errmsg, sizeof(g->errmsg), "%s: row ends after %zu of %zu columns", g->t->name,
                 g->col, g->t->ncols);
        return;
    }
    err = csv_end_record(&g->line);
    if (err) {
        g->err = err;
        snprintf(g->errmsg, sizeof(g->errmsg), "%s: %s", g->t->name, khu_err_str(err));
        return;
    }
    g->col = 0;
    g->rows++;
    if (g->line.len >= GEN_FLUSH_BYTES)
        gen_flush(g);
}

/* ===== Scales ===== */

static const struct gen_scale scales[] = {
    {"province", 1, 15, 60, 80, 2000, 400, 100, 300, 1000, 8, 10, 20, 100},
    {"national", 40, 160, 500, 2000, 200000, 40000, 5000, 20000, 100000, 200, 40, 200, 2000},
    {"world", 63, 700, 10000, 100000, 1000000, 200000, 25000, 100000, 500000, 504, 100, 1000,
     10000},
};

const struct gen_scale *gen_scale_find(const char *name)
{
    size_t i;

    for (i = 0; i < sizeof(scales) / sizeof(scales[0]); i++)
        if (strcmp(scales[i].name, name) == 0)
            return &scales[i];
    return NULL;
}
