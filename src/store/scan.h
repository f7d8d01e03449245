/* SPDX-License-Identifier: MIT */
/*
 * Reading a whole table in key order, one row at a time: what `khu export`
 * (and `khu leads --csv`) encode. The store hands out values only; the
 * encoding lives in core/export.
 */
#ifndef KHU_STORE_SCAN_H
#define KHU_STORE_SCAN_H

#include "core/schema.h"
#include "store/store.h"

/* API */

/* Hands every row of table t to fn in key order (t->key), as t's columns
 * in schema order. Reads one consistent snapshot. Returns KHU_OK (also
 * when fn stopped early), or the store's error with d filled. */
enum khu_err store_scan(struct store *s, const struct table_def *t, store_row_fn fn, void *arg,
                        struct khu_diag *d);

#endif
