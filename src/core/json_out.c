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

void jw_key(struct jw *w, const char *key)
{
    before_value(w);
    json_escape(w->b, key, strlen(key));
    buf_putc(w->b, ':');
    w->after_key = 1;
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

void jw_int(struct jw *w, int64_t v)
{
    before_value(w);
    buf_printf(w->b, "%lld", (long long)v);
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
