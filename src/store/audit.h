/* SPDX-License-Identifier: MIT */
/*
 * The audit trail: one record for every write, appended by the store in
 * the write's own transaction (no use case here appends; the write use
 * cases do it themselves, and a transaction that changed rows without its
 * record is refused at commit). Each record names the actor, the time,
 * the action, the table and key, the row before and after as JSON, the
 * source the writer gave, and a hash chained to the record before
 * (core/audit_chain.h). Records are never changed or removed: the
 * database itself refuses it, and the chain shows it when someone does it
 * behind the database's back.
 */
#ifndef KHU_STORE_AUDIT_H
#define KHU_STORE_AUDIT_H

#include <stdint.h>

#include "core/audit_chain.h"
#include "store/store.h"

/* The values of a record handed out by the use cases below, in this order. */
enum store_audit_col {
    AUDIT_COL_ID,      /* integer */
    AUDIT_COL_AT_MS,   /* integer: milliseconds since 1970-01-01 UTC */
    AUDIT_COL_ACTOR,   /* text */
    AUDIT_COL_ADDRESS, /* text or NULL */
    AUDIT_COL_ACTION,  /* text */
    AUDIT_COL_TABLE,   /* text */
    AUDIT_COL_KEY,     /* text or NULL */
    AUDIT_COL_BEFORE,  /* JSON text or NULL */
    AUDIT_COL_AFTER,   /* JSON text or NULL */
    AUDIT_COL_SOURCE,  /* text or NULL */
    AUDIT_COL_HASH,    /* 64 hex digits */
    AUDIT_COL_AS_OF,   /* text (YYYY-MM-DD) or NULL: the date the changed figures are as of */
    AUDIT_NCOLS,
};

/* Which records store_audit_list hands out; a NULL or 0 field does not
 * filter. */
struct store_audit_filter {
    const char *table;
    const char *key; /* only with table */
    const char *actor;
    int64_t from_ms;   /* at or after */
    int64_t to_ms;     /* before */
    int64_t before_id; /* records with a smaller id: the next page after the last one seen */
    int limit;         /* at most this many (1..); 0: no limit */
};

/* What store_audit_verify found. */
struct store_audit_verdict {
    int64_t records;                /* records read */
    int64_t bad_id;                 /* the first record that does not match; 0 when all match */
    char reason[200];               /* why it does not match, in English; "" when all match */
    int64_t head_id;                /* the last record's id (0 for an empty trail) */
    char head_hash[AUDIT_HASH_HEX]; /* its hash; "" for an empty trail */
};

/* API */

/* Hands the records that pass f to fn, newest first, as values in the
 * order of enum store_audit_col. Returns KHU_OK (also when fn stopped), or
 * an error with d filled. */
enum khu_err store_audit_list(struct store *s, const struct store_audit_filter *f, store_row_fn fn,
                              void *arg, struct khu_diag *d);

/* Hands every record with an id above after_id to fn, oldest first (for
 * an export). Returns as store_audit_list. */
enum khu_err store_audit_scan(struct store *s, int64_t after_id, store_row_fn fn, void *arg,
                              struct khu_diag *d);

/* Recomputes the whole chain, oldest first, and fills v. A record whose
 * id does not follow the one before, or whose hash is not the hash of its
 * fields chained to the record before, stops the walk: v->bad_id names it
 * and v->reason says what is wrong. Returns KHU_OK whether or not the
 * chain holds (read v), or an error with d filled when it could not be
 * read. */
enum khu_err store_audit_verify(struct store *s, struct store_audit_verdict *v, struct khu_diag *d);

#endif
