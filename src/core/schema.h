/* SPDX-License-Identifier: MIT */
/*
 * The data model of DESIGN.md as a table: for every table that import and
 * export know, its columns in CSV order, their types, allowed values, ranges
 * and references. The store's migrations create the same tables in SQL; a
 * test proves the two agree. Pure data, no I/O.
 */
#ifndef KHU_SCHEMA_H
#define KHU_SCHEMA_H

#include <stddef.h>

enum col_type {
    COL_TEXT,   /* UTF-8 text, NFC */
    COL_INT,    /* integer in [min, max] */
    COL_REAL,   /* decimal with '.' in [min, max] */
    COL_DATE,   /* ISO 8601 calendar date */
    COL_ENUM,   /* one of values */
    COL_BOOL,   /* 0 or 1 */
    COL_TOKENS, /* space-separated tokens */
};

struct col_def {
    const char *name;
    enum col_type type;
    int required;              /* 1: may not be empty */
    double min, max;           /* COL_INT, COL_REAL; text: max length in bytes */
    const char *const *values; /* COL_ENUM: NULL-terminated allowed values */
    const char *ref_table;     /* foreign key target table, or NULL */
    const char *ref_col;       /* foreign key target column */
    const char *unit;          /* unit of measure for documentation ("ha") */
};

struct table_def {
    const char *name;       /* SQL table and CSV/API name: "zones" */
    const char *const *key; /* NULL-terminated key columns */
    const struct col_def *cols;
    size_t ncols;
    int searchable; /* has a folded "search" column and FTS index */
};

/* API */

/* Returns the definition of the table called name, or NULL. */
const struct table_def *schema_table(const char *name);

/* Returns the table definitions in load order (referenced tables first);
 * *count receives how many. */
const struct table_def *schema_tables(size_t *count);

/* Returns the index of column name in t, or -1. */
int schema_col_index(const struct table_def *t, const char *name);

/* Returns a space-separated list of the allowed values of an enum column in
 * a static buffer-free form: writes into out (size n) and returns out. */
char *schema_enum_list(const struct col_def *c, char *out, size_t n);

/* Returns 1 if value is allowed for enum column c. */
int schema_enum_ok(const struct col_def *c, const char *value);

#endif
