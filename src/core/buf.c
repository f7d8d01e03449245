/* SPDX-License-Identifier: MIT */
/*
 * Bounded growable buffer; see buf.h for the contract.
 */
#include "core/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"

void buf_init(struct buf *b, size_t max)
{
    memset(b, 0, sizeof(*b));
    b->max = max;
}

void buf_init_secret(struct buf *b, size_t max)
{
    buf_init(b, max);
    b->secret = 1;
}

void buf_free(struct buf *b)
{
    if (b->secret && b->data)
        explicit_bzero(b->data, b->cap);
    xfree(b->data);
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void buf_reset(struct buf *b)
{
    if (b->secret && b->data)
        explicit_bzero(b->data, b->len);
    b->len = 0;
    b->err = KHU_OK;
    if (b->data)
        b->data[0] = '\0';
}

/* A larger block for b's data: realloc's, or for a secret a new block
 * the old is copied into and then wiped. NULL when memory ran out. */
static char *grown(struct buf *b, size_t cap)
{
    char *p;

    if (!b->secret)
        return xrealloc(b->data, cap);
    p = xmalloc(cap);
    if (p && b->data) {
        memcpy(p, b->data, b->len + 1 <= b->cap ? b->len + 1 : b->cap);
        explicit_bzero(b->data, b->cap);
        xfree(b->data);
    }
    return p;
}

enum khu_err buf_reserve(struct buf *b, size_t extra)
{
    size_t need, cap;
    char *p;

    if (b->err)
        return b->err;
    if (extra > b->max || b->len > b->max - extra)
        return b->err = KHU_ETOOBIG;
    need = b->len + extra + 1;
    if (need <= b->cap)
        return KHU_OK;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > ((size_t)-1) / 2 ? need : cap * 2;
    p = grown(b, cap);
    if (!p)
        return b->err = KHU_ENOMEM;
    b->data = p;
    b->cap = cap;
    return KHU_OK;
}

enum khu_err buf_append(struct buf *b, const void *p, size_t n)
{
    enum khu_err err = buf_reserve(b, n);

    if (err)
        return err;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return KHU_OK;
}

enum khu_err buf_puts(struct buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

enum khu_err buf_putc(struct buf *b, char c)
{
    if (!b->err && b->len + 2 <= b->cap && b->len < b->max) { /* room already: most calls */
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return KHU_OK;
    }
    return buf_append(b, &c, 1);
}

enum khu_err buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    size_t room = b->err || !b->data ? 0 : b->cap - b->len;
    int n;
    enum khu_err err;

    /* formatted once into the room there is; a second time only if it was
     * too small */
    va_start(ap, fmt);
    n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n < 0) {
        if (room)
            b->data[b->len] = '\0';
        return b->err ? b->err : (b->err = KHU_EINVAL);
    }
    if ((size_t)n < room && b->len + (size_t)n <= b->max) {
        b->len += (size_t)n;
        return KHU_OK;
    }
    if (room)
        b->data[b->len] = '\0';
    err = buf_reserve(b, (size_t)n);
    if (err)
        return err;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return KHU_OK;
}

const char *buf_cstr(struct buf *b)
{
    return b->data ? b->data : "";
}

char *buf_steal(struct buf *b, size_t *len)
{
    char *p;

    if (b->err)
        return NULL;
    if (!b->data) {
        if (buf_reserve(b, 0))
            return NULL;
        b->data[0] = '\0';
    }
    p = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    return p;
}
