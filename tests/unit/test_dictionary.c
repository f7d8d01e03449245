/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/dictionary: every table and column of the schema
 * (core/schema.c) has its text in the three languages, each valid UTF-8,
 * non-empty, trimmed and ending like a sentence; the dictionary names no
 * table or column the schema lacks (but the derived fields of zones) and
 * nothing twice; lookups miss what does not exist; dict_pick picks by
 * language and gives English for any other.
 */
#include <stddef.h>
#include <string.h>

#include "core/dictionary.h"
#include "core/schema.h"
#include "core/utf8.h"

#include "test.h"

static const char *const derived_zone_fields[] = {"available_ha", "occupancy_pct", NULL};

static int is_derived(const char *table, const char *column)
{
    const char *const *f;

    if (strcmp(table, "zones") != 0)
        return 0;
    for (f = derived_zone_fields; *f; f++)
        if (strcmp(*f, column) == 0)
            return 1;
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Why s is not a good text ("" when it is). */
static const char *text_fault(const char *s)
{
    size_t n;

    if (!s)
        return "NULL";
    n = strlen(s);
    if (n == 0)
        return "empty";
    if (!utf8_valid(s, n, NULL))
        return "not valid UTF-8";
    if (is_space(s[0]) || is_space(s[n - 1]))
        return "leading or trailing white space";
    if (strchr(s, '\n') || strchr(s, '|'))
        return "a line break or '|' (breaks the table of docs/data-model.md)";
    /* a full stop, or an ellipsis (U+2026, E2 80 A6) */
    if (s[n - 1] != '.' && !(n >= 3 && strcmp(s + n - 3, "\xE2\x80\xA6") == 0))
        return "no full stop at the end";
    return "";
}

/* Checks the three texts of t, naming what (table or table.column) on failure. */
static void check_text(const struct dict_text *t, const char *what, const char *col, int line)
{
    const char *langs[] = {"vi", "en", "ko"};
    const char *texts[3];
    int i;

    if (!t) {
        TEST_FAIL_AT(__FILE__, line, "%s%s%s: not in the dictionary", what, col ? "." : "",
                     col ? col : "");
        return;
    }
    texts[0] = t->vi;
    texts[1] = t->en;
    texts[2] = t->ko;
    for (i = 0; i < 3; i++) {
        const char *fault = text_fault(texts[i]);
        if (!*fault)
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, line, "%s%s%s (%s): %s", what, col ? "." : "", col ? col : "",
                         langs[i], fault);
    }
}

/* Every table of the schema is described, and every column has a meaning. */
static void test_schema_covered(void)
{
    const struct table_def *t;
    size_t n, i, k, ncols = 0;
    int nt, nc;

    t = schema_tables(&n);
    CHECK(n >= 18);
    for (i = 0; i < n; i++) {
        check_text(dict_table_about(t[i].name), t[i].name, NULL, __LINE__);
        for (k = 0; k < t[i].ncols; k++)
            check_text(dict_column_meaning(t[i].name, t[i].cols[k].name), t[i].name,
                       t[i].cols[k].name, __LINE__);
        ncols += t[i].ncols;
    }
    for (k = 0; derived_zone_fields[k]; k++)
        check_text(dict_column_meaning("zones", derived_zone_fields[k]), "zones",
                   derived_zone_fields[k], __LINE__);
    /* with nothing named twice and nothing unknown (below), the counts agree */
    dict_tables(&nt);
    dict_columns(&nc);
    CHECK_EQ_INT(nt, n);
    CHECK_EQ_INT(nc, ncols + 2);
}

/* Every entry names a real table and column, once, and its texts are good. */
static void test_entries_real(void)
{
    const struct dict_table *dt;
    const struct dict_column *dc;
    int nt, nc, i, j;

    dt = dict_tables(&nt);
    dc = dict_columns(&nc);
    CHECK(nt > 0 && nc > 0);
    for (i = 0; i < nt; i++) {
        if (schema_table(dt[i].table))
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "dictionary table %s: not in the schema", dt[i].table);
        check_text(&dt[i].about, dt[i].table, NULL, __LINE__);
        for (j = i + 1; j < nt; j++)
            if (strcmp(dt[i].table, dt[j].table) == 0)
                TEST_FAIL_AT(__FILE__, __LINE__, "dictionary table %s: twice", dt[i].table);
    }
    for (i = 0; i < nc; i++) {
        const struct table_def *t = schema_table(dc[i].table);
        if (t && (schema_col_index(t, dc[i].column) >= 0 || is_derived(dc[i].table, dc[i].column)))
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "dictionary column %s.%s: not in the schema",
                         dc[i].table, dc[i].column);
        check_text(&dc[i].meaning, dc[i].table, dc[i].column, __LINE__);
        for (j = i + 1; j < nc; j++)
            if (strcmp(dc[i].table, dc[j].table) == 0 && strcmp(dc[i].column, dc[j].column) == 0)
                TEST_FAIL_AT(__FILE__, __LINE__, "dictionary column %s.%s: twice", dc[i].table,
                             dc[i].column);
    }
}

/* Lookups find the entries of the arrays and miss what does not exist. */
static void test_lookups(void)
{
    const struct dict_column *dc;
    const struct dict_table *dt;
    int nt, nc, i;

    dt = dict_tables(&nt);
    dc = dict_columns(&nc);
    for (i = 0; i < nt; i++)
        CHECK(dict_table_about(dt[i].table) == &dt[i].about);
    for (i = 0; i < nc; i++)
        CHECK(dict_column_meaning(dc[i].table, dc[i].column) == &dc[i].meaning);
    CHECK(dict_table_about("zone") == NULL);
    CHECK(dict_table_about("") == NULL);
    CHECK(dict_table_about("users") == NULL);
    CHECK(dict_column_meaning("zones", "no_such_column") == NULL);
    CHECK(dict_column_meaning("zones", "") == NULL);
    CHECK(dict_column_meaning("zones", "search") == NULL);
    CHECK(dict_column_meaning("no_such_table", "code") == NULL);
    /* a column of another table, a derived field outside zones */
    CHECK(dict_column_meaning("units", "kind") == NULL);
    CHECK(dict_column_meaning("units", "available_ha") == NULL);
    CHECK(dict_column_meaning("projects", "occupancy_pct") == NULL);
    CHECK(dict_column_meaning("zones", "occupancy_pct") != NULL);
    CHECK(dict_column_meaning("sources", "cite") != NULL);
}

/* dict_pick: vi and ko by name, English for anything else, NULL included. */
static void test_pick(void)
{
    static const struct dict_text t = {"xin chào", "hello", "안녕하세요"};
    const struct dict_text *leads;

    CHECK_EQ_STR(dict_pick(&t, "vi"), "xin chào");
    CHECK_EQ_STR(dict_pick(&t, "en"), "hello");
    CHECK_EQ_STR(dict_pick(&t, "ko"), "안녕하세요");
    CHECK_EQ_STR(dict_pick(&t, "fr"), "hello");
    CHECK_EQ_STR(dict_pick(&t, ""), "hello");
    CHECK_EQ_STR(dict_pick(&t, NULL), "hello");
    CHECK_EQ_STR(dict_pick(&t, "VI"), "hello");
    CHECK_EQ_STR(dict_pick(&t, "vi-VN"), "hello");
    CHECK_EQ_STR(dict_pick(&t, "k"), "hello");
    /* on a real entry, the three texts differ */
    leads = dict_table_about("leads");
    CHECK(leads != NULL);
    if (!leads)
        return;
    CHECK(dict_pick(leads, "vi") == leads->vi);
    CHECK(dict_pick(leads, "ko") == leads->ko);
    CHECK(dict_pick(leads, "fr") == leads->en);
    CHECK(strcmp(leads->vi, leads->en) != 0 && strcmp(leads->ko, leads->en) != 0);
    /* leads hold personal data: the dictionary says so */
    CHECK(strstr(leads->en, "personal data") != NULL);
    CHECK(strstr(leads->en, "never published") != NULL);
}

int main(void)
{
    test_schema_covered();
    test_entries_real();
    test_lookups();
    test_pick();
    return test_report("test_dictionary");
}
