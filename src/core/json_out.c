/* SPDX-License-Identifier: MIT */
/*
 * Streaming JSON writer (see json_out.h).
 */
#include "core/json_out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/num.h"

void jw_init(struct jw *w, struct buf *b)
{
    memset(w, 0, sizeof(*w));
    w->b = b;
}

/* Writes the comma before a value or key when one is due. */
static void before_value(struct jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->count[w->depth])
        buf_putc(w->b, ',');
    if (w->count[w->depth] < 255)
        w->count[w->depth]++;
}

static void open(struct jw *w, char ch)
{
    before_value(w);
    buf_putc(w->b, ch);
    if (w->depth + 1 >= JW_MAX_DEPTH) {
        w->b->err = w->b->err ? w->b->err : KHU_ETOOBIG;
        return;
    }
    w->count[++w->depth] = 0;
}

static void close(struct jw *w, char ch)
{
    buf_putc(w->b, ch);
    if (w->depth > 0)
        w->depth--;
}

void jw_obj_begin(struct jw *w)
{
    open(w, '{');
}

void jw_obj_end(struct jw *w)
{
    close(w, '}');
}

void jw_arr_begin(struct jw *w)
{
    open(w, '[');
}

void jw_arr_end(struct jw *w)
{
    close(w, ']');
}

/* 1 when s[0..n) can go between quotes as it is. */
static int plain(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == '\\')
            return 0;
    return 1;
}

void jw_key(struct jw *w, const char *key)
{
    size_t n = strlen(key);
    char text[64];

    before_value(w);
    w->after_key = 1;
    if (n + 3 <= sizeof(text) && plain(key, n)) { /* a column's name: one append */
        text[0] = '"';
        memcpy(text + 1, key, n);
        text[n + 1] = '"';
        text[n + 2] = ':';
        buf_append(w->b, text, n + 3);
        return;
    }
    json_escape(w->b, key, n);
    buf_putc(w->b, ':');
}

void json_escape(struct buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i, run = 0;

    buf_putc(b, '"');
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x20 && ch != '"' && ch != '\\')
            continue; /* the common case: copied with its run below */
        char esc[7] = {'\\', 'u', '0', '0', 0, 0, 0};
        buf_append(b, s + run, i - run);
        run = i + 1;
        if (ch == '"' || ch == '\\') {
            esc[1] = (char)ch;
            esc[2] = 0;
        } else if (ch == '\n') {
            esc[1] = 'n';
            esc[2] = 0;
        } else if (ch == '\t') {
            esc[1] = 't';
            esc[2] = 0;
        } else if (ch == '\r') {
            esc[1] = 'r';
            esc[2] = 0;
        } else {
            esc[4] = hex[ch >> 4];
            esc[5] = hex[ch & 15];
        }
        buf_puts(b, esc);
    }
    buf_append(b, s + run, n - run);
    buf_putc(b, '"');
}

void jw_strn(struct jw *w, const char *s, size_t n)
{
    before_value(w);
    json_escape(w->b, s, n);
}

void jw_str(struct jw *w, const char *s)
{
    if (!s) {
        jw_null(w);
        return;
    }
    jw_strn(w, s, strlen(s));
}

void jw_opt_real(struct jw *w, const char *key, int known, double v)
{
    jw_key(w, key);
    if (known)
        jw_real(w, v);
    else
        jw_null(w);
}

void jw_opt_str(struct jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    if (s && s[0])
        jw_str(w, s);
    else
        jw_null(w);
}

void jw_int(struct jw *w, int64_t v)
{
    char text[24], *p = text + sizeof(text);
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

    before_value(w);
    do { /* right to left, without a format string */
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    buf_append(w->b, p, (size_t)(text + sizeof(text) - p));
}

void jw_real(struct jw *w, double v)
{
    char text[40];

    if (!isfinite(v)) {
        jw_null(w);
        return;
    }
    before_value(w);
    buf_puts(w->b, format_real(v, text, sizeof(text)));
}

void jw_bool(struct jw *w, int v)
{
    before_value(w);
    buf_puts(w->b, v ? "true" : "false");
}

void jw_null(struct jw *w)
{
    before_value(w);
    buf_puts(w->b, "null");
}

void jw_raw(struct jw *w, const char *json, size_t n)
{
    before_value(w);
    buf_append(w->b, json, n);
}
