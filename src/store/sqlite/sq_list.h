/* SPDX-License-Identifier: MIT */
/*
 * Inside the SQLite backend: what each name of store/list.h means in SQL.
 * One description per listable resource: its FROM, key and FTS table, and
 * the expression of every filter, sort and derived field. sq_list_defs.c
 * holds the descriptions, sq_list.c runs them.
 */
#ifndef KHU_SQ_LIST_H
#define KHU_SQ_LIST_H

enum sq_filter_kind {
    SQF_IN,         /* expr is one of the values */
    SQF_MIN,        /* expr >= the value */
    SQF_MAX,        /* expr <= the value */
    SQF_UNIT,       /* expr uses "scope": the unit's codes (SQ_UNIT_SCOPE_CTE) */
    SQF_UNIT_ZONES, /* expr uses "scope_zone": the rowids of the zones in the
                     * unit's scope (sq_unit_scope_zones) */
    SQF_TOKENS,     /* expr is a space-separated list holding one of the values */
    SQF_VALID_ON,   /* the row's valid_from..valid_to (of alias) covers the date */
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
};

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

#endif
