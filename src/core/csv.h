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
 * with one empty field.
 *
 * Details: a UTF-8 BOM is skipped only at the very start. A record ends at
 * CRLF, LF or a lone CR outside quotes; line breaks inside a quoted field
 * are kept as written and advance the line count. Only the first error of
 * a record is reported: line and column point at the bad character, at
 * the opening quote of a field that is never closed, at the start of a
 * field that is too long, or at the first field past max_fields. NUL bytes
 * are rejected like invalid UTF-8. Records may have different numbers of
 * fields. d may be NULL. */
int csv_read(struct csv_reader *r, struct csv_field **fields, size_t *count, struct khu_diag *d);

/* The line number (from 1) of the record csv_read returned last. */
long csv_record_line(const struct csv_reader *r);

/* The bytes of the input read so far, from 0 to the document's length;
 * with that length it says how far a reader has got. */
size_t csv_reader_offset(const struct csv_reader *r);

/* KHU_ENOMEM if the reader ran out of memory (csv_read then returned -1
 * with the message "out of memory ..." and treats the input as exhausted),
 * otherwise KHU_OK. Lets a caller tell running out of memory from bad input. */
enum khu_err csv_reader_err(const struct csv_reader *r);

/* Appends one field to out, quoted if it contains a comma, quote, CR or LF
 * or starts/ends with a space or tab, or starts with U+FEFF (which a reader
 * would drop as a BOM at the start of a file); preceded by a comma unless
 * first.
 * Returns KHU_OK or the buffer's error, in which case nothing of the field
 * (nor its comma) is left in out. */
enum khu_err csv_write_field(struct buf *out, const char *s, size_t len, int first);

/* Ends a record with CRLF. Returns KHU_OK or the buffer's error. */
enum khu_err csv_end_record(struct buf *out);

#endif
