/* SPDX-License-Identifier: MIT */
/*
 * A zone's provenance: which registered source gave which of its figures,
 * written as space-separated tokens "column=source_code" (total_ha=nso-2022
 * occupancy_reported_pct=nso-2022). Reads and checks the tokens; whether
 * each source exists and is cited by the row is for the caller, who knows
 * the sources. Pure logic, no I/O.
 */
#ifndef KHU_PROVENANCE_H
#define KHU_PROVENANCE_H

#include <stddef.h>

#include "core/err.h"

/* Called with each token's column and source code (not NUL-terminated);
 * returns nonzero to stop. */
typedef int (*provenance_fn)(void *arg, const char *column, size_t column_len, const char *code,
                             size_t code_len);

/* API */

/* Returns 1 if column (len bytes) is a figure of a zone that provenance may
 * name (areas, occupancy, prices, distances, utilities, status, dates,
 * developer, sectors, tenants, the position and its kind, the commune), 0
 * otherwise. */
int provenance_column_ok(const char *column, size_t len);

/* Returns 1 if s[0..len) can be named as a source in a token: 1 to 64 of
 * a-z 0-9 - _ . (a registered source's code may be any text). */
int provenance_code_ok(const char *s, size_t len);

/* Reads text[0..len): hands fn (may be NULL) each token. Returns KHU_OK, or
 * KHU_EINVAL with d's field "provenance" and a message naming the bad token:
 * not "column=code", a column that is not a zone's figure, a code that is
 * not a code, or a column named twice. */
enum khu_err provenance_parse(const char *text, size_t len, provenance_fn fn, void *arg,
                              struct khu_diag *d);

#endif
