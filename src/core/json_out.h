/* SPDX-License-Identifier: MIT */
/*
 * A streaming JSON writer into a bounded buffer. It places commas itself,
 * escapes strings (input must be valid UTF-8), and writes numbers the way a
 * person wrote them (9251.6, not 9251.6000000000004). Errors stick in the
 * buffer (buf.err) and are checked once at the end.
 */
#ifndef KHU_JSON_OUT_H
#define KHU_JSON_OUT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define JW_MAX_DEPTH 32

struct jw {
    struct buf *b;
    int depth;
    int after_key;
    unsigned char count[JW_MAX_DEPTH]; /* values written at each depth (saturating) */
};

/* API */

/* Starts writing into b (appending). */
void jw_init(struct jw *w, struct buf *b);

void jw_obj_begin(struct jw *w);
void jw_obj_end(struct jw *w);
void jw_arr_begin(struct jw *w);
void jw_arr_end(struct jw *w);

/* Writes an object key; the next value call writes its value. */
void jw_key(struct jw *w, const char *key);

void jw_str(struct jw *w, const char *s);
void jw_strn(struct jw *w, const char *s, size_t n);
void jw_int(struct jw *w, int64_t v);
void jw_real(struct jw *w, double v); /* non-finite values are written as null */
void jw_bool(struct jw *w, int v);
void jw_null(struct jw *w);

/* Writes key and v, or key and null when v is not known. */
void jw_opt_real(struct jw *w, const char *key, int known, double v);

/* Writes key and the string s, or key and null when s is NULL or "". */
void jw_opt_str(struct jw *w, const char *key, const char *s);

/* Writes already-encoded JSON text as one value. */
void jw_raw(struct jw *w, const char *json, size_t n);

/* Appends s[0..n) to b as a JSON string literal with quotes. */
void json_escape(struct buf *b, const char *s, size_t n);

#endif
