/* SPDX-License-Identifier: MIT */
/*
 * A growable byte buffer with a hard maximum. Appending past the maximum, or
 * failing to allocate, sets a sticky error: later appends do nothing, so a
 * chain of appends can be checked once at the end (SQLite's rc-chaining
 * idiom). The data is always NUL-terminated when len > 0 or after buf_cstr.
 */
#ifndef KHU_BUF_H
#define KHU_BUF_H

#include <stddef.h>

#include "core/err.h"

struct buf {
    char *data;       /* owned; NULL until the first append */
    size_t len;       /* bytes in use, not counting the NUL */
    size_t cap;       /* bytes allocated */
    size_t max;       /* hard limit on len */
    enum khu_err err; /* sticky: KHU_OK until an append fails */
    int secret;       /* 1: every block given up is wiped first (buf_init_secret) */
};

/* API */

/* Prepares an empty buffer that may grow to max bytes. Allocates nothing. */
void buf_init(struct buf *b, size_t max);

/* As buf_init, for data that may hold a secret (a request body with a
 * password): a block outgrown, freed or emptied by buf_reset is wiped
 * first, so that no copy is left in freed memory. */
void buf_init_secret(struct buf *b, size_t max);

/* Makes room for extra more bytes (and the NUL) without appending them:
 * a buffer sized once to what is coming. Returns KHU_OK, KHU_ETOOBIG past
 * max or KHU_ENOMEM (sticky, as for an append). */
enum khu_err buf_reserve(struct buf *b, size_t extra);

/* Releases the memory and resets b to empty (max and err are kept). */
void buf_free(struct buf *b);

/* Empties b without releasing memory, and clears the sticky error. */
void buf_reset(struct buf *b);

/* Appends n bytes. Returns KHU_OK, KHU_ETOOBIG past max or KHU_ENOMEM; on
 * error nothing is appended and b->err keeps the first error. */
enum khu_err buf_append(struct buf *b, const void *p, size_t n);
enum khu_err buf_puts(struct buf *b, const char *s);
enum khu_err buf_putc(struct buf *b, char c);
enum khu_err buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Returns the contents as a NUL-terminated string ("" when empty). The
 * pointer stays owned by b and is valid until the next change. */
const char *buf_cstr(struct buf *b);

/* Hands the contents to the caller (who frees them with xfree) and leaves b
 * empty. Returns NULL if b is in error or memory runs out. */
char *buf_steal(struct buf *b, size_t *len);

#endif
