/* SPDX-License-Identifier: MIT */
/*
 * The hash chain of the audit trail. Each audit record carries a hash over
 * its own fields and the hash of the record before it, so that a record
 * changed, removed or inserted after the fact breaks every hash from there
 * on. The hash is BLAKE2b-256 (libsodium) over a fixed, unambiguous
 * encoding of the fields: any backend and any later version of khu
 * recompute the same bytes.
 */
#ifndef KHU_AUDIT_CHAIN_H
#define KHU_AUDIT_CHAIN_H

#include <stddef.h>
#include <stdint.h>

#define AUDIT_HASH_BYTES 32                         /* BLAKE2b-256 */
#define AUDIT_HASH_HEX   (2 * AUDIT_HASH_BYTES + 1) /* hex digits and the NUL */

/* One record of the trail. The strings are borrowed; NULL is "none" and
 * hashes differently from "". */
struct audit_record {
    int64_t id;          /* 1, 2, 3 ... with no gap */
    int64_t at_ms;       /* when, milliseconds since 1970-01-01 UTC */
    const char *actor;   /* user name, "cli:<system user>", "anonymous", "khu" */
    const char *address; /* the client's address for a write over HTTP */
    const char *action;  /* "insert", "update", "import", "user.add", ... */
    const char *table;   /* the table written */
    const char *key;     /* the key of the row written (or the file imported) */
    const char *before;  /* JSON of the row before, NULL when there was none */
    const char *after;   /* JSON of the row after, NULL when there is none */
    const char *source;  /* the source the writer gave for the change */
    const char *as_of;   /* the date the changed figures are as of (YYYY-MM-DD), or NULL */
};

/* API */

/* Computes the hash of r chained to prev (AUDIT_HASH_BYTES; all zero for
 * the first record) into out. */
void audit_chain_hash(const uint8_t prev[AUDIT_HASH_BYTES], const struct audit_record *r,
                      uint8_t out[AUDIT_HASH_BYTES]);

/* Writes hash as lowercase hex (AUDIT_HASH_HEX bytes with the NUL) to hex. */
void audit_hash_hex(const uint8_t hash[AUDIT_HASH_BYTES], char hex[AUDIT_HASH_HEX]);

/* Reads AUDIT_HASH_BYTES from 64 hex digits at hex. Returns 0, or -1 when
 * hex is not exactly that (hash is then all zero). */
int audit_hash_parse(const char *hex, uint8_t hash[AUDIT_HASH_BYTES]);

#endif
