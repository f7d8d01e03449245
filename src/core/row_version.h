/* SPDX-License-Identifier: MIT */
/*
 * The version of one row of a data-model table: a short digest of the row
 * as JSON, written exactly as core/row.h writes its columns. It is what the
 * API gives as the row's ETag and what a PATCH names in If-Match, so that a
 * write made against a row that has changed since it was read is refused.
 * Any reader of the row (the API's item, the store inside a write) computes
 * the same version from the same values. Pure.
 */
#ifndef KHU_ROW_VERSION_H
#define KHU_ROW_VERSION_H

#include "core/row.h"
#include "core/schema.h"

#define ROW_VERSION_HEX 17 /* 16 hex digits (64 bits of BLAKE2b) and the NUL */

/* API */

/* Writes the version of the columns of t, read from row starting at value
 * first, into out. Returns 0, or -1 when out of memory (out is then ""). */
int row_version(const struct table_def *t, const struct khu_row *row, int first,
                char out[ROW_VERSION_HEX]);

/* Writes the version of a row whose JSON (as row_version writes it) is
 * json[0..n) into out. */
void row_version_of_json(const char *json, size_t n, char out[ROW_VERSION_HEX]);

/* Returns 1 when the If-Match header value names version: a list of
 * entity-tags one of which is strong and begins with the version (the
 * API's tags add a part after a '.'). Weak tags never match, as RFC 9110
 * asks of If-Match, and neither does "*": a change must name the version
 * it was made on, so that nobody overwrites a change unseen. */
int row_version_matches(const char *if_match, const char *version);

#endif
