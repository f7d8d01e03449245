/* SPDX-License-Identifier: MIT */
/*
 * Listing a resource of the data model: a validated query (filters by
 * name with their values, folded search text, sort, the position a cursor
 * decoded to, a limit) in; rows through a store_row_fn and a page (is there
 * more, where the page ended, how many rows match as far as counted) out.
 * The caller (api/list.c) names filters, sorts and derived fields; the
 * backend owns what each name means in its query language, and refuses a
 * name it does not know. One row by key likewise.
 */
#ifndef KHU_STORE_LIST_H
#define KHU_STORE_LIST_H

#include "core/row.h"
#include "store/store.h"

#define STORE_LIST_MAX_FILTERS 24  /* filters in one query */
#define STORE_LIST_MAX_VALUES  16  /* values of one filter (an enum list, sector codes) */
#define STORE_LIST_MAX_DERIVED 8   /* derived fields asked for */
#define STORE_KEY_MAX          256 /* bytes of a row's key with its NUL */

/* What a name of store_list_knows is. */
enum store_list_name {
    STORE_LIST_FILTER,  /* a filter name */
    STORE_LIST_SORT,    /* a sort name (the key is always a sort, by NULL) */
    STORE_LIST_DERIVED, /* a derived field */
    STORE_LIST_SEARCH,  /* NULL name: the resource has a text search */
};

/* One filter: its name and its values, already validated by the caller.
 * Values are typed: KHU_V_TEXT for enum members, codes and dates (s and n;
 * no NUL needed), KHU_V_REAL for minimums and maximums, KHU_V_INT 0 or 1
 * for booleans. Several values mean "any of them" (an enum list, the
 * equivalent codes of a sector). Text is borrowed for the call. */
struct store_list_filter {
    const char *name;
    int n;
    struct khu_value v[STORE_LIST_MAX_VALUES];
};

struct store_list_query {
    const char *resource; /* "zones" */
    struct store_list_filter filters[STORE_LIST_MAX_FILTERS];
    int nfilters;
    const char *search; /* folded text, words separated by one space; NULL: none */
    const char *sort;   /* a sort name, or NULL: by key */
    int desc;           /* descending (NULL sort values stay last) */
    const char *derived[STORE_LIST_MAX_DERIVED + 1]; /* derived fields, NULL-terminated */
    /* where the previous page ended (a decoded cursor), when after is set */
    int after;
    int after_null;        /* the sort value there was NULL */
    double after_value;    /* the sort value there otherwise */
    const char *after_key; /* the key there */
    long limit;            /* rows to hand out, at least 1 */
    long count_cap;        /* count matching rows up to this many; 0: do not count */
    /* Optional, for a caller that keeps what it made of rows (see
     * api/row_memo.h): asked with each row's key (borrowed for the call),
     * in page order, before the row's columns are read; returns 1 when the
     * caller holds that row already. A held row is counted in the page but
     * neither read nor handed to fn; fn gets the others, in page order. It
     * gets the arg of store_list. NULL: every row goes to fn. */
    int (*holds)(void *arg, const char *key, size_t n);
};

/* What a page knows once its rows are out. */
struct store_page {
    long rows;                    /* rows handed out */
    int more;                     /* another row follows the last one handed out */
    int last_null;                /* the last row's sort value is NULL (or the sort is the key) */
    double last_value;            /* the last row's sort value otherwise */
    char last_key[STORE_KEY_MAX]; /* the last row's key ("" when no row) */
    long total;                   /* matching rows on all pages (see total_exact) */
    int total_exact;              /* total is exact; otherwise more than total rows match */
};

/* API */

/* Returns 1 when the backend knows name as a filter, sort or derived field
 * of resource (for STORE_LIST_SEARCH, name is ignored: 1 when resource has
 * a text search), 0 otherwise (also for an unknown resource). */
int store_list_knows(const char *resource, enum store_list_name kind, const char *name);

/* Lists q->resource: hands each row to fn (the table's columns in schema
 * order, then q->derived in that order; borrowed for the call), at most
 * q->limit rows, in the order of q->sort (NULL values last, the key breaking
 * ties, ascending) after q's cursor position, and fills page. The total
 * counts at most q->count_cap + 1 rows: exact up to the cap; beyond it
 * total is the cap and total_exact 0 (more than that many match). The work
 * of a text search in key order is bounded by the page, not by its hits. Returns KHU_OK (also when
 * fn stopped early), KHU_EINVAL with d naming the field for an unknown resource, filter, sort or
 * derived name or a value of the wrong type, or a database error in d. */
enum khu_err store_list(struct store *s, const struct store_list_query *q, store_row_fn fn,
                        void *arg, struct store_page *page, struct khu_diag *d);

/* Hands the row of resource whose key is key to fn (columns as store_list,
 * then derived, a NULL-terminated list that may be NULL). Returns KHU_OK,
 * KHU_ENOTFOUND when there is no such row, KHU_EINVAL for an unknown
 * resource or derived name, or a database error in d. */
enum khu_err store_item(struct store *s, const char *resource, const char *key,
                        const char *const *derived, store_row_fn fn, void *arg, struct khu_diag *d);

#endif
