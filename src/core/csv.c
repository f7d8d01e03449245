/* SPDX-License-Identifier: MIT */
/*
 * RFC 4180 CSV over memory. The reader scans the document once, copying
 * runs of plain bytes into one buffer per record, so a 10 MB field costs
 * linear time; it tracks the line and the column (in code points) of every
 * byte to point at each problem exactly. After an error it keeps scanning
 * the bad record in "skip" mode, honouring quotes, and stops at the next
 * line end outside quotes. The writer quotes only when it must.
 */
#include "core/csv.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

#define CSV_FIELDS_INITIAL 16

#define MSG_BARE_QUOTE                                                                             \
    "unexpected '\"' inside an unquoted field; quote the whole field and write each '\"' "         \
    "in it as \"\""
#define MSG_AFTER_QUOTE                                                                            \
    "unexpected text after the closing '\"' of a quoted field; end the field at the quote, "       \
    "or write a '\"' that belongs to the field as \"\""
#define MSG_UNCLOSED                                                                               \
    "quoted field is never closed; add the closing '\"' (a '\"' inside a field is written as "     \
    "\"\")"
#define MSG_BAD_UTF8 "invalid UTF-8 byte 0x%02X; save the file with UTF-8 encoding"
#define MSG_UTF16                                                                                  \
    "the file is UTF-16 encoded; save it as UTF-8 (\"CSV UTF-8\" in spreadsheet programs)"
#define MSG_NUL                                                                                    \
    "NUL byte (0x00) in the text; save the file as UTF-8 text, not UTF-16 or a binary format"
#define MSG_TOO_LONG                                                                               \
    "field longer than %zu bytes; shorten it, or look for a missing closing '\"' before it"
#define MSG_TOO_MANY                                                                               \
    "more than %zu fields in one record; remove the extra commas, or quote the values that "       \
    "contain commas"
#define MSG_NOMEM "out of memory while reading the CSV data"

/* How a field ended. */
enum field_end {
    END_COMMA, /* another field of the same record follows */
    END_LINE,  /* the record ended at a line break */
    END_EOF,   /* the record ended with the input */
};

struct csv_reader {
    const char *data;
    size_t len;
    size_t pos;        /* next byte to read */
    size_t max_field;  /* limit on one field, in bytes */
    size_t max_fields; /* limit on the fields of one record */
    long line;         /* line of data[pos], from 1 */
    long col;          /* column of data[pos] in code points, from 1 */
    long record_line;  /* first line of the current record */
    struct buf text;   /* the current record's fields, each NUL-terminated */
    struct csv_field *fields;
    size_t nfields;
    size_t cap_fields;
    size_t field_start; /* offset in text of the current field */
    long field_line;    /* where the current field starts */
    long field_col;
    int failed;           /* the current record has an error: skip to its end */
    enum khu_err err;     /* KHU_ENOMEM once memory ran out, else KHU_OK */
    struct khu_diag diag; /* the first error of the current record */
};

/* ===== Errors ===== */

/* Records the first error of the record and switches to skip mode. */
static void fail(struct csv_reader *r, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void fail(struct csv_reader *r, long line, long col, const char *fmt, ...)
{
    char msg[KHU_DIAG_MESSAGE_MAX];
    va_list ap;

    if (r->failed)
        return;
    r->failed = 1;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    khu_diag_set(&r->diag, line, col, NULL, "%s", msg);
}

/* Out of memory ends the reading: the record fails and the input is
 * treated as exhausted. */
static void fail_nomem(struct csv_reader *r)
{
    fail(r, r->line, r->col, MSG_NOMEM);
    r->err = KHU_ENOMEM;
    r->pos = r->len;
}

/* The byte at pos is a NUL or starts an invalid UTF-8 sequence: report it
 * and step over it. */
static void fail_bad_byte(struct csv_reader *r)
{
    unsigned char c = (unsigned char)r->data[r->pos];
    int utf16 = r->pos == 0 && r->len >= 2 &&
                ((c == 0xFF && (unsigned char)r->data[1] == 0xFE) ||
                 (c == 0xFE && (unsigned char)r->data[1] == 0xFF));

    if (utf16)
        fail(r, r->line, r->col, MSG_UTF16);
    else if (c == 0)
        fail(r, r->line, r->col, MSG_NUL);
    else
        fail(r, r->line, r->col, MSG_BAD_UTF8, c);
    r->pos++;
    r->col++;
}

/* ===== Field text ===== */

/* Adds n bytes to the current field unless the record already failed;
 * enforces max_field. */
static void append(struct csv_reader *r, const char *p, size_t n)
{
    if (r->failed || n == 0)
        return;
    if (n > r->max_field || r->text.len - r->field_start > r->max_field - n) {
        fail(r, r->field_line, r->field_col, MSG_TOO_LONG, r->max_field);
        return;
    }
    if (buf_append(&r->text, p, n))
        fail_nomem(r);
}

static int is_line_end(char c)
{
    return c == '\n' || c == '\r';
}

/* Steps over one line end (CRLF, LF or a lone CR) at pos. */
static void skip_line_end(struct csv_reader *r)
{
    if (r->data[r->pos] == '\r' && r->pos + 1 < r->len && r->data[r->pos + 1] == '\n')
        r->pos++;
    r->pos++;
    r->line++;
    r->col = 1;
}

/* Copies the run of ordinary characters at pos into the field and stops at
 * a quote, a line end, a NUL, invalid UTF-8, the end, or (outside quotes)
 * a comma. */
static void scan_plain(struct csv_reader *r, int quoted)
{
    const unsigned char *d = (const unsigned char *)r->data;
    size_t i = r->pos, k;
    long col = r->col;
    uint32_t cp;
    unsigned char c;

    while (i < r->len) {
        c = d[i];
        if (c >= 0x80) {
            k = utf8_decode(r->data + i, r->len - i, &cp);
            if (k == 0)
                break;
            i += k;
            col++;
            continue;
        }
        if (c == '"' || c == '\n' || c == '\r' || c == '\0' || (c == ',' && !quoted))
            break;
        i++;
        col++;
    }
    append(r, r->data + r->pos, i - r->pos);
    r->pos = i;
    r->col = col;
}

/* ===== Fields ===== */

static enum field_end scan_unquoted(struct csv_reader *r)
{
    char c;

    for (;;) {
        scan_plain(r, 0);
        if (r->pos >= r->len)
            return END_EOF;
        c = r->data[r->pos];
        if (c == ',') {
            r->pos++;
            r->col++;
            return END_COMMA;
        }
        if (is_line_end(c)) {
            skip_line_end(r);
            return END_LINE;
        }
        if (c == '"') {
            fail(r, r->line, r->col, MSG_BARE_QUOTE);
            r->pos++;
            r->col++;
            continue;
        }
        fail_bad_byte(r);
    }
}

/* What may follow the closing quote: a comma, a line end or the end. */
static enum field_end after_quote(struct csv_reader *r)
{
    char c;

    if (r->pos >= r->len)
        return END_EOF;
    c = r->data[r->pos];
    if (c == ',') {
        r->pos++;
        r->col++;
        return END_COMMA;
    }
    if (is_line_end(c)) {
        skip_line_end(r);
        return END_LINE;
    }
    fail(r, r->line, r->col, MSG_AFTER_QUOTE);
    return scan_unquoted(r); /* skips the rest of the field */
}

static enum field_end scan_quoted(struct csv_reader *r)
{
    long open_line = r->line, open_col = r->col;
    size_t at;
    char c;

    r->pos++; /* the opening quote */
    r->col++;
    for (;;) {
        scan_plain(r, 1);
        if (r->pos >= r->len) {
            fail(r, open_line, open_col, MSG_UNCLOSED);
            return END_EOF;
        }
        c = r->data[r->pos];
        if (c == '"') {
            if (r->pos + 1 < r->len && r->data[r->pos + 1] == '"') {
                append(r, "\"", 1);
                r->pos += 2;
                r->col += 2;
                continue;
            }
            r->pos++;
            r->col++;
            return after_quote(r);
        }
        if (is_line_end(c)) {
            at = r->pos;
            skip_line_end(r);
            append(r, r->data + at, r->pos - at); /* kept as written */
            continue;
        }
        fail_bad_byte(r);
    }
}

/* Makes room for one more field and notes where it starts. */
static void start_field(struct csv_reader *r)
{
    size_t cap;
    struct csv_field *grown;

    if (r->failed)
        return;
    if (r->nfields >= r->max_fields) {
        fail(r, r->line, r->col, MSG_TOO_MANY, r->max_fields);
        return;
    }
    if (r->nfields == r->cap_fields) {
        cap = r->cap_fields ? r->cap_fields * 2 : CSV_FIELDS_INITIAL;
        if (cap > r->max_fields)
            cap = r->max_fields;
        grown = xrealloc(r->fields, cap * sizeof(*grown));
        if (!grown) {
            fail_nomem(r);
            return;
        }
        r->fields = grown;
        r->cap_fields = cap;
    }
    r->field_start = r->text.len;
    r->field_line = r->line;
    r->field_col = r->col;
}

static void finish_field(struct csv_reader *r)
{
    struct csv_field *f;

    if (r->failed)
        return;
    f = &r->fields[r->nfields];
    f->text = NULL; /* set by link_fields once the buffer stops moving */
    f->len = r->text.len - r->field_start;
    f->line = r->field_line;
    f->column = r->field_col;
    if (buf_putc(&r->text, '\0')) {
        fail_nomem(r);
        return;
    }
    r->nfields++;
}

static enum field_end read_field(struct csv_reader *r)
{
    enum field_end end;

    start_field(r);
    if (r->pos < r->len && r->data[r->pos] == '"')
        end = scan_quoted(r);
    else
        end = scan_unquoted(r);
    finish_field(r);
    return end;
}

/* Points each field into the record buffer, where they lie one after the
 * other, each followed by its NUL. */
static void link_fields(struct csv_reader *r)
{
    char *p = r->text.data;
    size_t i;

    for (i = 0; i < r->nfields; i++) {
        r->fields[i].text = p;
        p += r->fields[i].len + 1;
    }
}

/* ===== Reader API ===== */

struct csv_reader *csv_reader_new(const char *data, size_t len, size_t max_field, size_t max_fields)
{
    struct csv_reader *r = xcalloc(1, sizeof(*r));

    if (!r)
        return NULL;
    r->data = data;
    r->len = len;
    r->max_field = max_field;
    r->max_fields = max_fields;
    r->line = 1;
    r->col = 1;
    buf_init(&r->text, PTRDIFF_MAX);
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
    return r;
}

void csv_reader_free(struct csv_reader *r)
{
    if (!r)
        return;
    buf_free(&r->text);
    xfree(r->fields);
    xfree(r);
}

int csv_read(struct csv_reader *r, struct csv_field **fields, size_t *count, struct khu_diag *d)
{
    enum field_end end;

    khu_diag_clear(d);
    if (r->pos >= r->len)
        return 0;
    buf_reset(&r->text);
    r->nfields = 0;
    r->failed = 0;
    r->record_line = r->line;
    khu_diag_clear(&r->diag);
    do {
        end = read_field(r);
    } while (end == END_COMMA);
    if (r->failed) {
        if (d)
            *d = r->diag;
        return -1;
    }
    link_fields(r);
    *fields = r->fields;
    *count = r->nfields;
    return 1;
}

long csv_record_line(const struct csv_reader *r)
{
    return r->record_line;
}

size_t csv_reader_offset(const struct csv_reader *r)
{
    return r->pos;
}

enum khu_err csv_reader_err(const struct csv_reader *r)
{
    return r->err;
}

/* ===== Writer ===== */

static int needs_quotes(const char *s, size_t len)
{
    size_t i;

    if (len && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t'))
        return 1;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        return 1; /* at the start of a file it would be taken for a BOM */
    for (i = 0; i < len; i++) {
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            return 1;
    }
    return 0;
}

/* Writes s between quotes, doubling each quote inside. */
static enum khu_err put_quoted(struct buf *out, const char *s, size_t len)
{
    enum khu_err err = buf_putc(out, '"');
    const char *q;

    while (!err && len) {
        q = memchr(s, '"', len);
        if (!q) {
            err = buf_append(out, s, len);
            break;
        }
        err = buf_append(out, s, (size_t)(q - s) + 1);
        if (!err)
            err = buf_putc(out, '"');
        len -= (size_t)(q - s) + 1;
        s = q + 1;
    }
    return err ? err : buf_putc(out, '"');
}

enum khu_err csv_write_field(struct buf *out, const char *s, size_t len, int first)
{
    size_t start = out->len;
    enum khu_err err = KHU_OK;

    if (!first)
        err = buf_putc(out, ',');
    if (!err)
        err = needs_quotes(s, len) ? put_quoted(out, s, len) : buf_append(out, s, len);
    if (err) {
        out->len = start;
        if (out->data)
            out->data[start] = '\0';
    }
    return err;
}

enum khu_err csv_end_record(struct buf *out)
{
    return buf_append(out, "\r\n", 2);
}
