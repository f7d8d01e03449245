/* SPDX-License-Identifier: MIT */
/*
 * Lookups that several readers share: whether a unit code exists, the set
 * of administrative units a unit covers (its descendants and the units it
 * replaced), and the VSIC codes equivalent to a code across the 2018 and
 * 2025 versions.
 */
#ifndef KHU_LOOKUP_H
#define KHU_LOOKUP_H

#include "store/store.h"

#define SECTOR_CODE_MAX 9 /* bytes of a VSIC code with its NUL */

/* API */

/* Stores in codes (room for max) the VSIC codes equivalent to code in
 * either version, code itself first when it is a known sector. Returns how
 * many; 0 when code is in no version. */
int store_sector_codes(struct store *s, const char *code, char codes[][SECTOR_CODE_MAX], int max);

/* Returns 1 when an administrative unit (current or historical) has the
 * code code, 0 when none has or the database cannot be asked. */
int store_unit_exists(struct store *s, const char *code);

#endif
