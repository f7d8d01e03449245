/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/csv. Each document is read to the end and turned into a
 * transcript, one line per record ("LINE [f1|f2]") or error ("! LINE:COL
 * message up to the ';'"), which is compared whole with the expected one:
 * BOM, CRLF, quotes, embedded newlines and the line numbers after them,
 * ragged rows, invalid UTF-8 positions, limits, recovery after errors,
 * 10 MB fields, the writer, and an allocation-failure torture loop.
 */
#include "core/csv.h"

#include <stdlib.h>
#include <time.h>

#include "core/xalloc.h"
#include "test.h"

#define BIG (10u * 1024 * 1024)

/* ===== Transcripts ===== */

static void put_escaped(struct buf *t, const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        if (s[i] == '\n')
            buf_puts(t, "\\n");
        else if (s[i] == '\r')
            buf_puts(t, "\\r");
        else
            buf_putc(t, s[i]);
    }
}

static void put_error(struct buf *t, const struct khu_diag *d)
{
    const char *semi = strchr(d->message, ';');
    int n = semi ? (int)(semi - d->message) : (int)strlen(d->message);

    buf_printf(t, "! %ld:%ld %.*s\n", d->line, d->column, n, d->message);
}

/* Reads data to the end with the given limits and returns the transcript
 * (caller frees), or NULL if the reader itself could not be made. */
static char *transcript(const char *data, size_t len, size_t max_field, size_t max_fields)
{
    struct csv_reader *r = csv_reader_new(data, len, max_field, max_fields);
    struct csv_field *f;
    struct khu_diag d;
    struct buf t;
    size_t n, i;
    int rc, guard = 0;

    if (!r)
        return NULL;
    buf_init(&t, 1 << 20);
    while ((rc = csv_read(r, &f, &n, &d)) != 0 && guard++ < 1000) {
        if (rc < 0) {
            put_error(&t, &d);
            continue;
        }
        buf_printf(&t, "%ld [", csv_record_line(r));
        for (i = 0; i < n; i++) {
            if (i)
                buf_putc(&t, '|');
            put_escaped(&t, f[i].text, f[i].len);
        }
        buf_puts(&t, "]\n");
    }
    csv_reader_free(r);
    buf_putc(&t, '\0');
    return buf_steal(&t, NULL);
}

struct doc_case {
    const char *name;
    const char *data;
    size_t len; /* 0: strlen(data) */
    size_t max_field, max_fields;
    const char *want;
};

static const struct doc_case doc_cases[] = {
    {"empty", "", 0, 100, 10, ""},
    {"BOM only", "\xEF\xBB\xBF", 0, 100, 10, ""},
    {"one blank line", "\n", 0, 100, 10, "1 []\n"},
    {"CRLF", "a,b,c\r\nd,e,f\r\n", 0, 100, 10, "1 [a|b|c]\n2 [d|e|f]\n"},
    {"LF, no final newline", "a,b\nc,d", 0, 100, 10, "1 [a|b]\n2 [c|d]\n"},
    {"lone CR", "a\rb\r", 0, 100, 10, "1 [a]\n2 [b]\n"},
    {"BOM", "\xEF\xBB\xBFid,name\n1,x\n", 0, 100, 10, "1 [id|name]\n2 [1|x]\n"},
    {"BOM kept after the start",
     "a\n\xEF\xBB\xBF"
     "b\n",
     0, 100, 10,
     "1 [a]\n2 [\xEF\xBB\xBF"
     "b]\n"},
    {"BOM does not count as a column",
     "\xEF\xBB\xBF"
     "ab\"c\n",
     0, 100, 10, "! 1:3 unexpected '\"' inside an unquoted field\n"},
    {"quoted fields", "\"a,b\",\"he said \"\"hi\"\"\",\"\"\n", 0, 100, 10,
     "1 [a,b|he said \"hi\"|]\n"},
    {"quoted then CRLF", "\"a\"\r\n\"b\"", 0, 100, 10, "1 [a]\n2 [b]\n"},
    {"embedded newlines", "\"line1\nline2\",x\nnext,y\r\n\"a\r\nb\",z\n\"\n\n\"\nlast\n", 0, 100,
     10, "1 [line1\\nline2|x]\n3 [next|y]\n4 [a\\r\\nb|z]\n6 [\\n\\n]\n9 [last]\n"},
    {"ragged rows", "a,b,c\nd\ne,f\n", 0, 100, 10, "1 [a|b|c]\n2 [d]\n3 [e|f]\n"},
    {"blank lines", "a\n\nb\r\n\r\nc", 0, 100, 10, "1 [a]\n2 []\n3 [b]\n4 []\n5 [c]\n"},
    {"empty fields", "a,\n,\n,,x\n", 0, 100, 10, "1 [a|]\n2 [|]\n3 [||x]\n"},
    {"spaces kept", " a , b \n", 0, 100, 10, "1 [ a | b ]\n"},
    {"bare quote", "id,name\n1,ab\"c\n2,ok\n", 0, 100, 10,
     "1 [id|name]\n! 2:5 unexpected '\"' inside an unquoted field\n3 [2|ok]\n"},
    {"text after closing quote", "\"abc\"x,y\nok\n", 0, 100, 10,
     "! 1:6 unexpected text after the closing '\"' of a quoted field\n2 [ok]\n"},
    {"space after closing quote", "a,\"b\" \n", 0, 100, 10,
     "! 1:6 unexpected text after the closing '\"' of a quoted field\n"},
    {"unterminated quote", "a,b\nc,\"open\nmore\nlines\n", 0, 100, 10,
     "1 [a|b]\n! 2:3 quoted field is never closed\n"},
    {"unterminated after multibyte", "Đức,Hòa,\"x", 0, 100, 10,
     "! 1:9 quoted field is never closed\n"},
    {"invalid UTF-8", "Đức,Hòa\nLong An,Tân\xFFTập\n3,x\n", 0, 100, 10,
     "1 [Đức|Hòa]\n! 2:12 invalid UTF-8 byte 0xFF\n3 [3|x]\n"},
    {"truncated sequence", "Đức Hòa,\xC3(\n", 0, 100, 10, "! 1:9 invalid UTF-8 byte 0xC3\n"},
    {"overlong", "ab\xC0\xAF\n", 0, 100, 10, "! 1:3 invalid UTF-8 byte 0xC0\n"},
    {"surrogate", "x,\"\xED\xA0\x80\"\n", 0, 100, 10, "! 1:4 invalid UTF-8 byte 0xED\n"},
    {"invalid UTF-8 in a quoted multi-line field", "\"ab\ncd\xC0\"\nok\n", 0, 100, 10,
     "! 2:3 invalid UTF-8 byte 0xC0\n3 [ok]\n"},
    {"NUL byte", "a\0b\nc\n", 6, 100, 10, "! 1:2 NUL byte (0x00) in the text\n2 [c]\n"},
    {"UTF-16",
     "\xFF\xFE"
     "a\0,\0",
     6, 100, 10, "! 1:1 the file is UTF-16 encoded\n"},
    {"errors then recovery", "a\"b\n\"c\"d\nok,1\n\"x\n", 0, 100, 10,
     "! 1:2 unexpected '\"' inside an unquoted field\n"
     "! 2:4 unexpected text after the closing '\"' of a quoted field\n"
     "3 [ok|1]\n"
     "! 4:1 quoted field is never closed\n"},
    {"only the first error of a record", "a\"b\"c,\xFF\nz\n", 0, 100, 10,
     "! 1:2 unexpected '\"' inside an unquoted field\n2 [z]\n"},
    {"skipping honours quotes", "a\"b,\"x\ny\",c\nz\n", 0, 100, 10,
     "! 1:2 unexpected '\"' inside an unquoted field\n3 [z]\n"},
    {"too many fields", "a,b,c\na,b,c,d\nx\n", 0, 100, 3,
     "1 [a|b|c]\n! 2:7 more than 3 fields in one record\n3 [x]\n"},
    {"field too long", "12345,123456\n\"abcdef\",x\n\"ab\"\"cd\"\nok\n", 0, 5, 10,
     "! 1:7 field longer than 5 bytes\n! 2:1 field longer than 5 bytes\n3 [ab\"cd]\n"
     "4 [ok]\n"},
    {"too long counts bytes", "ĐĐĐ\n", 0, 5, 10, "! 1:1 field longer than 5 bytes\n"},
};

static void test_documents(void)
{
    size_t i;
    char *got;

    for (i = 0; i < sizeof(doc_cases) / sizeof(doc_cases[0]); i++) {
        const struct doc_case *c = &doc_cases[i];
        size_t len = c->len ? c->len : strlen(c->data);

        got = transcript(c->data, len, c->max_field, c->max_fields);
        if (!got || strcmp(got, c->want) != 0)
            fprintf(stderr, "case: %s\n", c->name);
        CHECK_EQ_STR(got, c->want);
        xfree(got);
    }
}

/* ===== Positions and messages ===== */

static void test_field_positions(void)
{
    static const char doc[] = "Đức,\"Hòa\",x\n\"a\nb\",서울\n";
    struct csv_reader *r = csv_reader_new(doc, sizeof(doc) - 1, 100, 10);
    struct csv_field *f = NULL;
    size_t n = 0;

    CHECK(r != NULL);
    CHECK_EQ_INT(csv_read(r, &f, &n, NULL), 1);
    CHECK_EQ_INT(n, 3);
    CHECK_EQ_INT(f[0].line, 1);
    CHECK_EQ_INT(f[0].column, 1);
    CHECK_EQ_INT(f[1].column, 5); /* the opening quote */
    CHECK_EQ_STR(f[1].text, "Hòa");
    CHECK_EQ_INT(f[1].len, strlen("Hòa"));
    CHECK_EQ_INT(f[2].column, 11);
    CHECK_EQ_INT(csv_record_line(r), 1);
    CHECK_EQ_INT(csv_read(r, &f, &n, NULL), 1);
    CHECK_EQ_INT(n, 2);
    CHECK_EQ_INT(csv_record_line(r), 2);
    CHECK_EQ_INT(f[1].line, 3);
    CHECK_EQ_INT(f[1].column, 4);
    CHECK_EQ_STR(f[1].text, "서울");
    CHECK_EQ_INT(csv_read(r, &f, &n, NULL), 0);
    CHECK_EQ_INT(csv_read(r, &f, &n, NULL), 0);
    CHECK_EQ_INT(csv_reader_err(r), KHU_OK);
    csv_reader_free(r);
    csv_reader_free(NULL);
}

/* The whole messages a person reads. */
static void test_messages(void)
{
    static const struct {
        const char *data;
        const char *message;
    } cases[] = {
        {"ab\"c", "unexpected '\"' inside an unquoted field; quote the whole field and write each "
                  "'\"' in it as \"\""},
        {"\"a\"b", "unexpected text after the closing '\"' of a quoted field; end the field at the "
                   "quote, or write a '\"' that belongs to the field as \"\""},
        {"\"a", "quoted field is never closed; add the closing '\"' (a '\"' inside a field is "
                "written as \"\")"},
        {"\xFE", "invalid UTF-8 byte 0xFE; save the file with UTF-8 encoding"},
        {"abcdefghijk", "field longer than 10 bytes; shorten it, or look for a missing closing "
                        "'\"' before it"},
        {"a,b,c,d", "more than 3 fields in one record; remove the extra commas, or quote the "
                    "values that contain commas"},
    };
    struct csv_reader *r;
    struct csv_field *f;
    struct khu_diag d;
    size_t i, n;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        r = csv_reader_new(cases[i].data, strlen(cases[i].data), 10, 3);
        CHECK_EQ_INT(csv_read(r, &f, &n, &d), -1);
        CHECK_EQ_STR(d.message, cases[i].message);
        CHECK_EQ_STR(d.field, "");
        csv_reader_free(r);
    }
}

/* ===== Large input ===== */

/* A 10 MB field (ASCII, Vietnamese and doubled quotes) is read whole in
 * linear time when it fits, and reported at its start when it does not;
 * the next record still reads. */
static void test_big_field(void)
{
    size_t i, len, field_len = 0;
    char *doc = malloc(BIG + 64);
    struct csv_reader *r;
    struct csv_field *f;
    struct khu_diag d;
    clock_t t0;
    size_t n;

    if (!doc) {
        CHECK(doc != NULL);
        return;
    }
    memcpy(doc, "id,\"", 4);
    len = 4;
    for (i = 0; len < BIG; i++) {
        if (i % 1000 == 999) {
            memcpy(doc + len, "\"\"", 2); /* one quote in the field */
            len += 2;
            field_len += 1;
        } else if (i % 3 == 0) {
            memcpy(doc + len, "ệ", 3);
            len += 3;
            field_len += 3;
        } else {
            doc[len++] = 'x';
            field_len++;
        }
    }
    memcpy(doc + len, "\"\r\nnext,1\r\n", 11);
    len += 11;

    t0 = clock();
    r = csv_reader_new(doc, len, field_len, 10);
    CHECK_EQ_INT(csv_read(r, &f, &n, &d), 1);
    CHECK_EQ_INT(n, 2);
    CHECK_EQ_INT(f[1].len, field_len);
    CHECK(f[1].len > BIG / 2);
    CHECK_EQ_INT(f[1].text[f[1].len], '\0');
    CHECK_EQ_INT(csv_read(r, &f, &n, &d), 1);
    CHECK_EQ_STR(f[0].text, "next");
    CHECK_EQ_INT(csv_record_line(r), 2);
    csv_reader_free(r);

    r = csv_reader_new(doc, len, field_len - 1, 10);
    CHECK_EQ_INT(csv_read(r, &f, &n, &d), -1);
    CHECK_EQ_INT(d.line, 1);
    CHECK_EQ_INT(d.column, 4);
    CHECK(strstr(d.message, "field longer than") != NULL);
    CHECK_EQ_INT(csv_read(r, &f, &n, &d), 1);
    CHECK_EQ_STR(f[0].text, "next");
    CHECK_EQ_INT(csv_read(r, &f, &n, &d), 0);
    csv_reader_free(r);
    /* two passes over 10 MB take well under a few seconds, even with
     * sanitizers or valgrind; a quadratic reader would take hours */
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 60);
    free(doc);
}

/* 200,000 one-character fields on one line: the column of the last field
 * is right and counting columns stays linear. */
static void test_many_fields(void)
{
    size_t nf = 200000, i, n;
    char *doc = malloc(nf * 2);
    struct csv_reader *r;
    struct csv_field *f;

    if (!doc) {
        CHECK(doc != NULL);
        return;
    }
    for (i = 0; i < nf; i++) {
        doc[2 * i] = 'a';
        doc[2 * i + 1] = ',';
    }
    doc[nf * 2 - 1] = '\n';
    r = csv_reader_new(doc, nf * 2, 10, nf);
    CHECK_EQ_INT(csv_read(r, &f, &n, NULL), 1);
    CHECK_EQ_INT(n, nf);
    CHECK_EQ_INT(f[nf - 1].column, (long)(2 * nf - 1));
    CHECK_EQ_STR(f[nf - 1].text, "a");
    csv_reader_free(r);
    free(doc);
}

/* ===== Writer ===== */

struct write_case {
    const char *in;
    const char *want;
};

static const struct write_case write_cases[] = {
    {"plain", "plain"},
    {"", ""},
    {"Đức Hòa", "Đức Hòa"},
    {"a,b", "\"a,b\""},
    {"say \"hi\"", "\"say \"\"hi\"\"\""},
    {"\"", "\"\"\"\""},
    {"two\nlines", "\"two\nlines\""},
    {"cr\r", "\"cr\r\""},
    {" lead", "\" lead\""},
    {"trail ", "\"trail \""},
    {"\ttab", "\"\ttab\""},
    {"in side", "in side"},
    {"\xEF\xBB\xBFid", "\"\xEF\xBB\xBFid\""}, /* not a BOM when the file starts with it */
};

static void test_writer(void)
{
    struct buf b;
    size_t i;

    buf_init(&b, 1 << 16);
    for (i = 0; i < sizeof(write_cases) / sizeof(write_cases[0]); i++) {
        buf_reset(&b);
        CHECK_EQ_INT(csv_write_field(&b, write_cases[i].in, strlen(write_cases[i].in), 1), KHU_OK);
        CHECK_EQ_STR(buf_cstr(&b), write_cases[i].want);
    }
    buf_reset(&b);
    csv_write_field(&b, "id", 2, 1);
    csv_write_field(&b, "name", 4, 0);
    csv_end_record(&b);
    csv_write_field(&b, "1", 1, 1);
    csv_write_field(&b, "a,\"b\"", 5, 0);
    CHECK_EQ_INT(csv_end_record(&b), KHU_OK);
    CHECK_EQ_STR(buf_cstr(&b), "id,name\r\n1,\"a,\"\"b\"\"\"\r\n");
    buf_free(&b);

    /* a field that does not fit leaves nothing behind, not even its comma */
    buf_init(&b, 8);
    CHECK_EQ_INT(csv_write_field(&b, "abc", 3, 1), KHU_OK);
    CHECK_EQ_INT(csv_write_field(&b, "x\"y", 3, 0), KHU_ETOOBIG);
    CHECK_EQ_STR(buf_cstr(&b), "abc");
    CHECK_EQ_INT(b.len, 3);
    buf_free(&b);
}

/* Every write case, as one record, reads back to itself. */
static void test_round_trip(void)
{
    size_t i, n, count = sizeof(write_cases) / sizeof(write_cases[0]);
    struct csv_reader *r;
    struct csv_field *f;
    struct buf b;

    buf_init(&b, 1 << 16);
    for (i = 0; i < count; i++)
        csv_write_field(&b, write_cases[i].in, strlen(write_cases[i].in), i == 0);
    csv_end_record(&b);
    csv_write_field(&b, "after", 5, 1);
    csv_end_record(&b);
    r = csv_reader_new(b.data, b.len, 100, 100);
    CHECK_EQ_INT(csv_read(r, &f, &n, NULL), 1);
    CHECK_EQ_INT(n, count);
    for (i = 0; i < n && i < count; i++)
        CHECK_EQ_STR(f[i].text, write_cases[i].in);
    CHECK_EQ_INT(csv_read(r, &f, &n, NULL), 1);
    CHECK_EQ_INT(csv_record_line(r), 4); /* two line breaks inside the first record */
    CHECK_EQ_STR(f[0].text, "after");
    csv_reader_free(r);
    buf_free(&b);
}

/* ===== Out of memory ===== */

/* Fails each allocation in turn while reading a document that needs the
 * record buffer and the field array to grow: every failure ends in NULL
 * from csv_reader_new or -1 with KHU_ENOMEM, then 0; nothing leaks. */
static void test_torture(void)
{
    struct buf doc;
    struct csv_reader *r;
    struct csv_field *f;
    struct khu_diag d;
    unsigned long k;
    size_t i, n;
    int rc, failures = 0, wrong = 0, done = 0, records;

    buf_init(&doc, 1 << 20);
    buf_puts(&doc, "\xEF\xBB\xBFid,name\r\n");
    for (i = 0; i < 40; i++)
        buf_printf(&doc, "%zu,", i);
    buf_puts(&doc, "\"long");
    for (i = 0; i < 500; i++)
        buf_puts(&doc, " Đức Hòa \"\"x\"\"\n");
    buf_puts(&doc, "\"\r\nbad\"quote\r\nlast,1\r\n");

    for (k = 1; k < 10000 && !done; k++) {
        xalloc_fail_after(k);
        r = csv_reader_new(doc.data, doc.len, 1 << 20, 100);
        if (!r) {
            xalloc_fail_after(0);
            failures++;
            continue;
        }
        records = 0;
        while ((rc = csv_read(r, &f, &n, &d)) != 0)
            records += rc == 1;
        if (csv_reader_err(r) == KHU_ENOMEM) {
            failures++;
            wrong += csv_read(r, &f, &n, &d) != 0;
        } else {
            done = 1;
            wrong += records != 3;
        }
        xalloc_fail_after(0);
        csv_reader_free(r);
    }
    CHECK(done);
    CHECK(failures >= 3);
    CHECK_EQ_INT(wrong, 0);
    buf_free(&doc);
}

int main(void)
{
    test_documents();
    test_field_positions();
    test_messages();
    test_big_field();
    test_many_fields();
    test_writer();
    test_round_trip();
    test_torture();
    return test_report("test_csv");
}
