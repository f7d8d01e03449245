/* SPDX-License-Identifier: MIT */
/*
 * The audit trail as people and programs read it: one record as a JSON
 * object (for `khu audit export` and GET /api/v1/audit), and the time of
 * a record as an ISO 8601 UTC timestamp.
 */
#ifndef KHU_APP_AUDIT_H
#define KHU_APP_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/json_out.h"
#include "core/row.h"

/* API */

/* Writes ms (milliseconds since 1970-01-01 UTC) as "2026-11-24T09:10:50.123Z"
 * into out (at least 32 bytes). */
void app_audit_time(int64_t ms, char *out, size_t n);

/* Writes one record (values in the order of enum store_audit_col) as a
 * JSON object: id, at (ISO 8601), actor, address, action, table, key,
 * before and after (the JSON objects themselves, or null), source, hash. */
void app_audit_json(struct jw *w, const struct khu_row *row);

#endif
