/* SPDX-License-Identifier: MIT */
/*
 * RFC 4180 CSV: a reader over an in-memory document that reports the line
 * and column of every problem, and a writer that quotes only when needed.
 * The reader accepts a UTF-8 BOM, CRLF or LF line ends, quoted fields with
 * commas, doubled quotes and newlines; it rejects invalid UTF-8, bare quotes
 * inside unquoted fields, text after a closing quote, and fields longer than
 * the limit given at init.
 */
#ifndef KHU_CSV_H
#define KHU_CSV_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"

struct csv_field {
    char *text;  /* unescaped, NUL-terminated; owned by the reader */
    size_t len;  /* bytes, not counting the NUL */
    long line;   /* where the field starts, from 1 */
    long column; /* in characters, from 1 */
};

struct csv_reader; /* opaque */

/* API */

/* Creates a reader over data[0..len), which must stay valid while the
 * reader is used. max_field limits one field in bytes, max_fields the
 * fields of one row. Returns NULL when memory runs out. Free with
 * csv_reader_free. */
struct csv_reader *csv_reader_new(const char *data, size_t len, size_t max_field,
                                  size_t max_fields);
void csv_reader_free(struct csv_reader *r);

/* Reads the next record. Returns 1 and sets *fields / *count (valid until
 * the next call) when a record was read, 0 at the end of the input, -1 on
 * a syntax error, with d saying where and why. After an error the reader
 * has moved past the bad record, so the caller may call again to find more
 * errors; 0 follows once the input is exhausted. Blank lines are records
 * with one empty field. */
int csv_read(struct csv_reader *r, struct csv_field **fields, size_t *count, struct khu_diag *d);

/* The line number (from 1) of the record csv_read returned last. */
long csv_record_line(const struct csv_reader *r);

/* Appends one field to out, quoted if it contains a comma, quote, CR or LF
 * or starts/ends with a space; preceded by a comma unless first. */
enum khu_err csv_write_field(struct buf *out, const char *s, size_t len, int first);

/* Ends a record with CRLF. */
enum khu_err csv_end_record(struct buf *out);

#endif
