/* SPDX-License-Identifier: MIT */
/*
 * `khu export`: a whole table as CSV (which `khu import` reads back to the
 * same data), JSON or GeoJSON, streamed in key order through a flush
 * callback so that a million rows never sit in memory at once.
 */
#ifndef KHU_EXPORT_H
#define KHU_EXPORT_H

#include "core/buf.h"
#include "core/schema.h"
#include "store/store.h"

enum export_format { EXPORT_CSV, EXPORT_JSON, EXPORT_GEOJSON };

/* Called whenever out holds more than a chunk; must consume (and reset) it.
 * Returns 0, or -1 to stop the export with KHU_EIO. */
typedef int (*export_flush_fn)(void *arg, struct buf *out);

/* API */

/* Writes table t to out in format, calling flush as it goes and once at the
 * end. GeoJSON needs a table with lat/lon (KHU_EINVAL otherwise). */
enum khu_err store_export(struct store *s, const struct table_def *t, enum export_format format,
                          struct buf *out, export_flush_fn flush, void *arg, struct khu_diag *d);

#endif
