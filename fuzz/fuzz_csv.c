/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for the CSV reader and writer. The first two bytes
 * choose the limits; the rest is the document. Every record read must hold
 * valid, NUL-free UTF-8 with sane positions, reading must end, and writing
 * a record and reading it back must give the same fields.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/utf8.h"

static void check_fields(const struct csv_field *f, size_t n, long record_line)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (f[i].text[f[i].len] != '\0' || memchr(f[i].text, '\0', f[i].len))
            abort();
        if (!utf8_valid(f[i].text, f[i].len, NULL))
            abort();
        if (f[i].line < record_line || f[i].column < 1)
            abort();
    }
}

/* Writes the record and reads it back; the fields must be the same. */
static void check_round_trip(const struct csv_field *f, size_t n, size_t max_field,
                             size_t max_fields)
{
    struct csv_reader *r;
    struct csv_field *g;
    size_t i, m;
    struct buf b;

    buf_init(&b, 1 << 24);
    for (i = 0; i < n; i++)
        csv_write_field(&b, f[i].text, f[i].len, i == 0);
    if (csv_end_record(&b))
        abort();
    r = csv_reader_new(b.data, b.len, max_field, max_fields);
    if (!r || csv_read(r, &g, &m, NULL) != 1 || m != n)
        abort();
    for (i = 0; i < n; i++) {
        if (g[i].len != f[i].len || memcmp(g[i].text, f[i].text, f[i].len) != 0)
            abort();
    }
    if (csv_read(r, &g, &m, NULL) != 0)
        abort();
    csv_reader_free(r);
    buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t max_field, max_fields, n, calls = 0;
    struct csv_reader *r;
    struct csv_field *f;
    struct khu_diag d;
    long last_line = 0;
    int rc;

    if (size < 2)
        return 0;
    max_field = 1 + data[0] * 16u;
    max_fields = 1 + data[1] % 64u;
    r = csv_reader_new((const char *)data + 2, size - 2, max_field, max_fields);
    if (!r)
        abort();
    while ((rc = csv_read(r, &f, &n, &d)) != 0) {
        if (++calls > size + 2)
            abort(); /* the reader must always make progress */
        if (rc < 0) {
            if (d.line < 1 || d.column < 1 || !d.message[0])
                abort();
            continue;
        }
        if (csv_record_line(r) <= last_line || n < 1 || n > max_fields)
            abort();
        last_line = csv_record_line(r);
        check_fields(f, n, last_line);
        check_round_trip(f, n, max_field, max_fields);
    }
    csv_reader_free(r);
    return 0;
}
