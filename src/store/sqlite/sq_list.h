/* SPDX-License-Identifier: MIT */
/*
 * Inside the SQLite backend: what each name of store/list.h means in SQL.
 * One description per listable resource: its FROM, key and FTS table, and
 * the expression of every filter, sort and derived field. sq_list_defs.c
 * holds the descriptions, sq_list.c runs them, sq_list_mem.c chooses the
 * pages of the small tables in memory.
 */
#ifndef KHU_SQ_LIST_H
#define KHU_SQ_LIST_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/list.h"

struct store;

enum sq_filter_kind {
    SQF_IN,         /* expr is one of the values */
    SQF_MIN,        /* expr >= the value */
    SQF_MAX,        /* expr <= the value */
    SQF_UNIT,       /* expr uses "scope": the unit's codes (SQ_UNIT_SCOPE_CTE) */
    SQF_UNIT_ZONES, /* expr uses "scope_zone": the rowids of the zones in the
                     * unit's scope (sq_unit_scope_zones) */
    SQF_TOKENS,     /* expr is a space-separated list holding one of the values */
    SQF_VALID_ON,   /* the row's valid_from..valid_to (of alias) covers the date */
    SQF_MISSING,    /* the values name columns of the table; any of them is NULL */
};

struct sq_filter {
    const char *name;
    enum sq_filter_kind kind;
    const char *expr;
};

struct sq_named {
    const char *name;
    const char *expr;
};

struct sq_resource {
    const char *name;                /* "zones" */
    const char *table;               /* the schema table (core/schema.h) */
    const char *from;                /* "zones z" */
    const char *alias;               /* "z" */
    const char *key;                 /* "z.code": unique, never NULL */
    const char *fts;                 /* FTS5 table over the search column, or NULL */
    const struct sq_filter *filters; /* end with a NULL name */
    const struct sq_named *sorts;
    const struct sq_named *derived;
    /* a small table whose pages are chosen from a copy in memory of its
     * filter and sort values (sq_list_mem.c) */
    int in_memory;
    /* the columns of a row that the values of other rows read (a zone is
     * an umbrella when another names it in group_code), each ending in a
     * NUL, the list in an empty one; NULL: none. A change to one of them
     * makes the copy in memory read whole, to any other only its row. */
    const char *cross_columns;
};

/* The first pass of a page: its rows in order (at most limit + 1), each
 * with its rowid, sort value and key (the keys' texts in one buffer). */
struct sq_page_ids {
    long n, cap;
    int64_t *rowid;
    double *value;
    unsigned char *is_null;
    size_t *key_at, *key_len;
    struct buf keys;
};

/* Tests only: when set, no page is chosen in memory (sq_list_mem.c): SQL
 * chooses every page, the answer the memory's must equal. */
extern int sq_list_mem_off;

/* Tests only: when set, the second pass of a page asks for its rows in
 * reverse, so that they come back out of page order and are copied until
 * their turn. */
extern int sq_list_fetch_reversed;

/* API */

/* Returns the description of the resource called name, or NULL. */
const struct sq_resource *sq_list_resource(const char *name);

/* Returns the filter called name of r, or NULL. */
const struct sq_filter *sq_list_filter(const struct sq_resource *r, const char *name);

/* Returns the sort or derived field (from list) called name, or NULL. */
const struct sq_named *sq_list_named(const struct sq_named *list, const char *name);

/* An empty list of page rows; sq_ids_free releases what sq_ids_add took. */
void sq_ids_init(struct sq_page_ids *ids);
void sq_ids_free(struct sq_page_ids *ids);

/* Appends a row: its rowid, whether its sort value is NULL, that value, and
 * its key key[0..n). Returns KHU_OK or KHU_ENOMEM. */
enum khu_err sq_ids_add(struct sq_page_ids *ids, int64_t rowid, int is_null, double value,
                        const char *key, size_t n);

/* Chooses the page of q over r (r->in_memory) from the copy in memory of
 * r's rows as this connection sees them now (read again when the data
 * changed): the rows that pass every filter, and match, an FTS5 query
 * over r->fts (NULL: no search), ordered as the SQL of sq_list.c orders
 * them, after the cursor. Appends the first limit + 1 to ids and sets
 * *matches to the rows that pass without the cursor. Sets *answered to 0,
 * leaving ids empty, when a filter or value asks what SQL alone decides
 * alike (sq_list_mem.c lists them); the caller then runs the SQL. Call in
 * a read transaction. Returns KHU_OK, KHU_ENOMEM, or the error of the
 * database with d filled. */
enum khu_err sq_list_mem_page(struct store *s, const struct sq_resource *r,
                              const struct store_list_query *q, const char *match,
                              struct sq_page_ids *ids, long *matches, int *answered,
                              struct khu_diag *d);

/* Tests: the pages s chose in memory so far. */
long sq_list_mem_answered(const struct store *s);

/* Tests: the times s read a table in memory whole. */
long sq_list_mem_loads(const struct store *s);

/* Frees what s->lists keeps. */
void sq_list_mem_free(struct store *s);

#endif
