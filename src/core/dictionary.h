/* SPDX-License-Identifier: MIT */
/*
 * The data dictionary: what each table of the data model (core/schema.c)
 * holds and what each of its columns means, in Vietnamese, English and
 * Korean, for the open-data page, the datasets answer of the API and
 * docs/data-model.md. Pure data, no I/O. A unit test proves that every
 * table and column of the schema has its three texts and that the
 * dictionary names nothing the schema does not have.
 */
#ifndef KHU_DICTIONARY_H
#define KHU_DICTIONARY_H

/* One text in the three languages of the app; none is NULL or empty. */
struct dict_text {
    const char *vi;
    const char *en;
    const char *ko;
};

/* What a table holds: one or two sentences. */
struct dict_table {
    const char *table;
    struct dict_text about;
};

/* What a column means: one sentence, with what empty means where that is
 * not simply "unknown". column may also name a derived field of the API
 * (zones: available_ha, occupancy_pct). */
struct dict_column {
    const char *table;
    const char *column;
    struct dict_text meaning;
};

/* API */

/* Returns what table holds, or NULL when the dictionary does not know it. */
const struct dict_text *dict_table_about(const char *table);

/* Returns what column of table means, or NULL. */
const struct dict_text *dict_column_meaning(const char *table, const char *column);

/* Returns the text of t in lang ("vi", "en" or "ko"); any other lang gives
 * English. t must not be NULL. */
const char *dict_pick(const struct dict_text *t, const char *lang);

/* The whole dictionary, for tests and tools: *n receives the count. */
const struct dict_table *dict_tables(int *n);
const struct dict_column *dict_columns(int *n);

#endif
