/* SPDX-License-Identifier: MIT */
/*
 * The export use case: a whole table read from the store in key order and
 * encoded as CSV, JSON or GeoJSON (core/export), streamed through a flush
 * callback. `khu export` and `khu leads --csv` call it.
 */
#ifndef KHU_APP_EXPORT_H
#define KHU_APP_EXPORT_H

#include "core/buf.h"
#include "core/export.h"
#include "core/schema.h"
#include "store/store.h"

/* API */

/* Writes table t of s to out in format, calling flush as it goes and once
 * at the end. Returns KHU_OK, KHU_EINVAL for GeoJSON of a table without
 * lat/lon, KHU_EIO when flush failed, or the store's error; d says why
 * (empty after a failed flush). */
enum khu_err app_export(struct store *s, const struct table_def *t, enum export_format format,
                        struct buf *out, export_flush_fn flush, void *arg, struct khu_diag *d);

#endif
