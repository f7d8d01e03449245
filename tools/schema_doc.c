/* SPDX-License-Identifier: MIT */
/*
 * Prints docs/data-model.md from core/schema.c, so the documented data
 * model is the one the importer enforces, with what each table holds and
 * each column means from the data dictionary (core/dictionary.c). `make
 * docs` writes the file; a test compares it with this output.
 */
#include <stdio.h>
#include <string.h>

#include "core/schema.h"
#include "core/dictionary.h"

static const char intro[] =
    "# Data model\n\n"
    "The columns of every table, in CSV column order: the header of `khu import` files, the\n"
    "columns of `khu export` and the keys of the JSON API. This file is generated from\n"
    "`src/core/schema.c` (`make docs`), which the importer enforces; the database adds the\n"
    "same rules as SQL constraints.\n\n"
    "- Empty cells mean unknown (JSON `null`). Text is UTF-8, stored NFC.\n"
    "- Dates are `YYYY-MM-DD`. Decimals use `.`; a comma is rejected, so `9,251.6` is never\n"
    "  read as 9.\n"
    "- *tokens* are space-separated (`cnc-machining injection-molding`).\n"
    "- A header may leave out columns that are not required; they are empty.\n"
    "- References must name an existing row; they are checked at the end of an import, so\n"
    "  the order of rows and files does not matter.\n"
    "- Derived in the API, never stored (zones): `available_ha = industrial_ha - leased_ha`,\n"
    "  `occupancy_pct = 100 x leased_ha / industrial_ha`.\n";

static const char *type_name(enum col_type t)
{
    static const char *const names[] = {"text", "integer", "decimal", "date",
                                        "enum", "0/1",     "tokens"};
    return names[t];
}

static void print_range(const struct col_def *c)
{
    char list[512];

    if (strstr(c->name, "tax_code"))
        printf("10 or 13 digits (`0123456789`, `0123456789-001`)");
    else if (strcmp(c->name, "country") == 0)
        printf("ISO 3166 alpha-2 in capitals (`VN`, `KR`)");
    else if (c->type == COL_ENUM)
        printf("%s", schema_enum_list(c, list, sizeof(list)));
    else if (c->type == COL_DATE)
        printf("YYYY-MM-DD");
    else if (c->type == COL_BOOL)
        printf("0 or 1");
    else if (c->type == COL_TEXT || c->type == COL_TOKENS)
        printf("%g to %g bytes", c->min, c->max);
    else
        printf("%g to %g", c->min, c->max);
    if (c->unit)
        printf(" (%s)", c->unit);
}

/* The English meaning of table.column, or "" when the dictionary lacks it. */
static const char *meaning(const char *table, const char *column)
{
    const struct dict_text *m = dict_column_meaning(table, column);

    return m ? dict_pick(m, "en") : "";
}

/* The section's heading, what the table holds, its key and its search. */
static void print_head(const struct table_def *t)
{
    const struct dict_text *about = dict_table_about(t->name);
    size_t k;

    printf("\n## %s\n\n", t->name);
    if (about)
        printf("%s\n\n", dict_pick(about, "en"));
    printf("Key:");
    for (k = 0; t->key[k]; k++)
        printf("%s `%s`", k ? "," : "", t->key[k]);
    printf(".%s\n\n",
           t->searchable
               ? " Text search covers its code and name columns (and a zone's developer, an\n"
                 "enterprise's products)."
               : "");
}

/* The column table of t, with each column's English meaning. */
static void print_columns(const struct table_def *t)
{
    size_t k;

    printf("| column | type | required | allowed values or range | references | meaning |\n");
    printf("| --- | --- | --- | --- | --- | --- |\n");
    for (k = 0; k < t->ncols; k++) {
        const struct col_def *c = &t->cols[k];
        printf("| `%s` | %s | %s | ", c->name, type_name(c->type), c->required ? "yes" : "");
        print_range(c);
        if (c->ref_table)
            printf(" | %s.%s", c->ref_table, c->ref_col);
        else
            printf(" |");
        printf(" | %s |\n", meaning(t->name, c->name));
    }
}

/* The fields the dictionary gives t beyond its columns: those the API
 * derives (zones: available_ha, occupancy_pct). */
static void print_derived(const struct table_def *t)
{
    const struct dict_column *d;
    int n, i, any = 0;

    d = dict_columns(&n);
    for (i = 0; i < n; i++) {
        if (strcmp(d[i].table, t->name) != 0 || schema_col_index(t, d[i].column) >= 0)
            continue;
        if (!any++)
            printf("\nDerived in the API, never stored:\n\n| field | meaning |\n| --- | --- |\n");
        printf("| `%s` | %s |\n", d[i].column, dict_pick(&d[i].meaning, "en"));
    }
}

int main(void)
{
    const struct table_def *t;
    size_t n, i;

    fputs(intro, stdout);
    t = schema_tables(&n);
    for (i = 0; i < n; i++) {
        print_head(&t[i]);
        print_columns(&t[i]);
        print_derived(&t[i]);
    }
    return 0;
}
