/* SPDX-License-Identifier: MIT */
/*
 * Spreadsheets through libxlsxwriter (see xlsx.h).
 */
#include "report/xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/num.h"
#include "core/utf8.h"
#include "core/xalloc.h"

#define WIDTH_MIN 8
#define WIDTH_MAX 60

struct xlsx_book {
    char path[64];
    lxw_workbook *wb;
    lxw_worksheet *data, *about;
    lxw_format *bold, *date, *datetime, *integer;
    struct xlsx_col cols[XLSX_MAX_COLS];
    size_t ncols;
    double width[XLSX_MAX_COLS]; /* the widest value seen, in characters */
    lxw_row_t row;               /* the current data row (0 is the header) */
    lxw_row_t about_row;
    int failed; /* a write failed: the file is not finished */
};

static void widen(struct xlsx_book *b, size_t col, double chars)
{
    if (chars > b->width[col])
        b->width[col] = chars > WIDTH_MAX ? WIDTH_MAX : chars;
}

enum khu_err xlsx_open(const char *sheet, const struct xlsx_col *cols, size_t ncols,
                       struct xlsx_book **out, struct khu_diag *d)
{
    lxw_workbook_options options = {.constant_memory = LXW_TRUE};
    const char *tmp = getenv("TMPDIR");
    struct xlsx_book *b;
    size_t i;
    int fd;

    *out = NULL;
    if (ncols > XLSX_MAX_COLS)
        return KHU_EINVAL;
    b = xcalloc(1, sizeof(*b));
    if (!b)
        return KHU_ENOMEM;
    /* a name for the library to create: made, then given back to it */
    snprintf(b->path, sizeof(b->path), "%.40s/khu-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    fd = mkstemp(b->path);
    if (fd < 0) {
        khu_diag_set(d, 0, 0, NULL, "no temporary file for the spreadsheet");
        xfree(b);
        return KHU_EIO;
    }
    close(fd);
    b->wb = workbook_new_opt(b->path, &options);
    b->data = b->wb ? workbook_add_worksheet(b->wb, sheet) : NULL;
    if (!b->data) {
        unlink(b->path);
        if (b->wb)
            workbook_close(b->wb);
        xfree(b);
        khu_diag_set(d, 0, 0, NULL, "the spreadsheet could not be started");
        return KHU_EIO;
    }
    b->bold = workbook_add_format(b->wb);
    format_set_bold(b->bold);
    b->date = workbook_add_format(b->wb);
    format_set_num_format(b->date, "yyyy-mm-dd");
    b->datetime = workbook_add_format(b->wb);
    format_set_num_format(b->datetime, "yyyy-mm-dd hh:mm:ss");
    b->integer = workbook_add_format(b->wb);
    format_set_num_format(b->integer, "0");
    b->ncols = ncols;
    memcpy(b->cols, cols, ncols * sizeof(*cols));
    for (i = 0; i < ncols; i++) {
        worksheet_write_string(b->data, 0, (lxw_col_t)i, cols[i].name, b->bold);
        widen(b, i, (double)strlen(cols[i].name) + 2);
        if (cols[i].kind == XLSX_DATE)
            widen(b, i, 12);
        if (cols[i].kind == XLSX_DATETIME)
            widen(b, i, 20);
    }
    worksheet_freeze_panes(b->data, 1, 0);
    b->row = 1;
    *out = b;
    return KHU_OK;
}

static void write_string(struct xlsx_book *b, size_t col, const char *s, size_t n)
{
    widen(b, col, (double)utf8_count(s, n) + 1);
    if (worksheet_write_string(b->data, b->row, (lxw_col_t)col, s, NULL) != LXW_NO_ERROR)
        b->failed = 1;
}

/* Writes YYYY-MM-DD text as a date; returns 0 when it is not one. */
static int write_date(struct xlsx_book *b, size_t col, const char *s)
{
    int32_t days;
    lxw_datetime dt = {0};

    if (!s || strlen(s) != 10 || parse_date(s, &days))
        return 0;
    dt.year = (int)strtol(s, NULL, 10);
    dt.month = (int)strtol(s + 5, NULL, 10);
    dt.day = (int)strtol(s + 8, NULL, 10);
    if (worksheet_write_datetime(b->data, b->row, (lxw_col_t)col, &dt, b->date) != LXW_NO_ERROR)
        b->failed = 1;
    widen(b, col, 12);
    return 1;
}

/* Writes YYYY-MM-DDTHH:MM:SS[.mmm]Z as a date and time; returns 0 when it
 * is not one. */
static int write_datetime(struct xlsx_book *b, size_t col, const char *s)
{
    char day[11];
    int32_t days;
    lxw_datetime dt = {0};
    int h, m;
    double sec;

    if (!s || strlen(s) < 20 || s[10] != 'T' || s[strlen(s) - 1] != 'Z')
        return 0;
    memcpy(day, s, 10);
    day[10] = '\0';
    if (parse_date(day, &days) || sscanf(s + 11, "%2d:%2d:%lf", &h, &m, &sec) != 3 || h > 23 ||
        m > 59 || sec < 0 || sec >= 61)
        return 0;
    dt.year = (int)strtol(day, NULL, 10);
    dt.month = (int)strtol(day + 5, NULL, 10);
    dt.day = (int)strtol(day + 8, NULL, 10);
    dt.hour = h;
    dt.min = m;
    dt.sec = sec;
    if (worksheet_write_datetime(b->data, b->row, (lxw_col_t)col, &dt, b->datetime) != LXW_NO_ERROR)
        b->failed = 1;
    widen(b, col, 20);
    return 1;
}

/* Reads text s[0..n) as a whole decimal number; returns 0 when it is not. */
static int text_number(const char *s, size_t n, double *v)
{
    char text[64], *end;

    if (n == 0 || n >= sizeof(text))
        return 0;
    memcpy(text, s, n);
    text[n] = '\0';
    if (!strchr("-0123456789", text[0]))
        return 0;
    *v = strtod(text, &end);
    return *end == '\0';
}

static void write_number(struct xlsx_book *b, size_t col, double v, int integer)
{
    char text[32];

    snprintf(text, sizeof(text), "%.15g", v);
    widen(b, col, (double)strlen(text) + 2);
    if (worksheet_write_number(b->data, b->row, (lxw_col_t)col, v, integer ? b->integer : NULL) !=
        LXW_NO_ERROR)
        b->failed = 1;
}

void xlsx_value(struct xlsx_book *b, size_t col, const struct khu_value *v)
{
    enum xlsx_kind kind;

    if (!b || col >= b->ncols || !v || v->type == KHU_V_NULL)
        return;
    kind = b->cols[col].kind;
    if (v->type == KHU_V_TEXT) {
        double num;
        if (kind == XLSX_DATE && write_date(b, col, v->s))
            return;
        if (kind == XLSX_DATETIME && write_datetime(b, col, v->s))
            return;
        if (kind == XLSX_BOOL && (!strcmp(v->s, "true") || !strcmp(v->s, "false") ||
                                  !strcmp(v->s, "1") || !strcmp(v->s, "0"))) {
            struct khu_value flag = {.type = KHU_V_INT, .i = v->s[0] == 't' || v->s[0] == '1'};
            flag.r = (double)flag.i;
            xlsx_value(b, col, &flag);
            return;
        }
        if ((kind == XLSX_NUMBER || kind == XLSX_INTEGER || kind == XLSX_AUTO) &&
            text_number(v->s, v->n, &num)) {
            write_number(b, col, num, kind == XLSX_INTEGER);
            return;
        }
        write_string(b, col, v->s, v->n);
        return;
    }
    if (kind == XLSX_BOOL) {
        if (worksheet_write_boolean(b->data, b->row, (lxw_col_t)col, v->r != 0, NULL) !=
            LXW_NO_ERROR)
            b->failed = 1;
        widen(b, col, 7);
        return;
    }
    if (kind == XLSX_TEXT) { /* a number in a column of text: its digits */
        char text[32];
        snprintf(text, sizeof(text), "%.15g", v->type == KHU_V_INT ? (double)v->i : v->r);
        write_string(b, col, text, strlen(text));
        return;
    }
    write_number(b, col, v->type == KHU_V_INT ? (double)v->i : v->r,
                 kind == XLSX_INTEGER || v->type == KHU_V_INT);
}

void xlsx_text(struct xlsx_book *b, size_t col, const char *s)
{
    struct khu_value v = {.type = KHU_V_NULL};

    if (s) {
        v.type = KHU_V_TEXT;
        v.s = s;
        v.n = strlen(s);
    }
    xlsx_value(b, col, &v);
}

void xlsx_end_row(struct xlsx_book *b)
{
    if (b)
        b->row++;
}

void xlsx_about(struct xlsx_book *b, const char *label, const char *value)
{
    if (!b || b->failed)
        return;
    if (!b->about) {
        b->about = workbook_add_worksheet(b->wb, "About");
        if (!b->about) {
            b->failed = 1;
            return;
        }
        worksheet_set_column(b->about, 0, 0, 24, b->bold);
        worksheet_set_column(b->about, 1, 1, 100, NULL);
    }
    worksheet_write_string(b->about, b->about_row, 0, label ? label : "", NULL);
    if (value && value[0])
        worksheet_write_string(b->about, b->about_row, 1, value, NULL);
    b->about_row++;
}

/* Reads the finished file into out. */
static enum khu_err read_file(const char *path, struct buf *out, struct khu_diag *d)
{
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t n;
    enum khu_err err = KHU_OK;

    if (!f) {
        khu_diag_set(d, 0, 0, NULL, "the spreadsheet could not be read back");
        return KHU_EIO;
    }
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if ((err = buf_append(out, chunk, n)) != KHU_OK)
            break;
    if (!err && ferror(f))
        err = KHU_EIO;
    fclose(f);
    if (err)
        khu_diag_set(d, 0, 0, NULL, "the spreadsheet could not be read back");
    return err;
}

enum khu_err xlsx_close(struct xlsx_book *b, struct buf *out, struct khu_diag *d)
{
    enum khu_err err = KHU_OK;
    size_t i;

    for (i = 0; i < b->ncols; i++)
        worksheet_set_column(b->data, (lxw_col_t)i, (lxw_col_t)i,
                             b->width[i] < WIDTH_MIN ? WIDTH_MIN : b->width[i], NULL);
    if (workbook_close(b->wb) != LXW_NO_ERROR || b->failed) {
        khu_diag_set(d, 0, 0, NULL, "the spreadsheet could not be written");
        err = KHU_EIO;
    } else {
        err = read_file(b->path, out, d);
    }
    unlink(b->path);
    xfree(b);
    return err;
}

void xlsx_abort(struct xlsx_book *b)
{
    if (!b)
        return;
    workbook_close(b->wb);
    unlink(b->path);
    xfree(b);
}
