/* SPDX-License-Identifier: MIT */
/*
 * One row's write, merged and checked in core (core/row_edit, and the
 * row's version of core/row_version): values checked as import checks
 * them, every problem kept with its field and rule; a key never changes;
 * a figure needs a source and an as-of date not after today; a zone's
 * provenance follows its figures; another table's source column takes the
 * write's source; a change that changes nothing is seen as such; and the
 * version of a row and the If-Match that names it.
 */
#include <string.h>

#include "core/row_edit.h"
#include "core/row_version.h"
#include "test.h"

#define TODAY "2026-11-24"

/* A zone as stored: the values of the columns named, NULL elsewhere. */
struct stored {
    struct khu_value v[ROW_EDIT_MAX_COLS];
    struct khu_row row;
};

static void put_text(struct stored *st, const struct table_def *t, const char *col, const char *s)
{
    int i = schema_col_index(t, col);

    st->v[i] = (struct khu_value){.type = KHU_V_TEXT, .s = s, .n = strlen(s)};
}

static void put_real(struct stored *st, const struct table_def *t, const char *col, double r)
{
    int i = schema_col_index(t, col);

    st->v[i] = (struct khu_value){.type = KHU_V_REAL, .r = r};
}

static void long_hau(struct stored *st)
{
    const struct table_def *z = schema_table("zones");

    memset(st, 0, sizeof(*st));
    put_text(st, z, "code", "kcn-long-hau");
    put_text(st, z, "kind", "kcn");
    put_text(st, z, "name_vi", "KCN Long Hậu");
    put_text(st, z, "status", "operating");
    put_real(st, z, "total_ha", 425);
    put_real(st, z, "industrial_ha", 300);
    put_text(st, z, "provenance", "total_ha=nso-2022 developer=broker-2022");
    st->row.v = st->v;
    st->row.n = (int)z->ncols;
}

static int has_problem(const struct row_edit *e, const char *field, const char *rule)
{
    int i;

    for (i = 0; i < e->nproblems; i++)
        if (!strcmp(e->problem[i].field, field) && e->problem[i].rule &&
            !strcmp(e->problem[i].rule, rule))
            return 1;
    return 0;
}

static const char *text_of(const struct row_edit *e, const char *col)
{
    int i = schema_col_index(e->t, col);

    return e->cells[i].kind == CELL_TEXT ? e->cells[i].text : NULL;
}

static int changed(const struct row_edit *e, const char *col)
{
    return e->changed[schema_col_index(e->t, col)];
}

static void set(struct row_edit *e, const char *col, const char *text)
{
    CHECK_EQ_INT(row_edit_set(e, col, text, text ? strlen(text) : 0), KHU_OK);
}

/* A registered source whose code a token cannot hold ("BQL 2025") names
 * no figure: the old token goes all the same. */
static void test_code_a_token_cannot_hold(void)
{
    struct stored st;
    struct row_edit e;

    long_hau(&st);
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "total_ha", "431");
    CHECK_EQ_INT(row_edit_check(&e, "BQL 2025", "2026-10-01", TODAY, 1), 0);
    CHECK_EQ_STR(text_of(&e, "provenance"), "developer=broker-2022");
    row_edit_free(&e);

    /* a position and its kind are named by the source that gave them */
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "lat", "10.638725");
    set(&e, "position", "area_centre");
    CHECK_EQ_INT(row_edit_check(&e, "osm-way-368243702", "2026-10-07", TODAY, 1), 0);
    CHECK_EQ_STR(text_of(&e, "provenance"), "total_ha=nso-2022 developer=broker-2022 "
                                            "lat=osm-way-368243702 position=osm-way-368243702");
    row_edit_free(&e);
}

/* A figure changed with a registered source: the provenance names it for
 * that figure and keeps the others. */
static void test_figure_with_registered_source(void)
{
    struct stored st;
    struct row_edit e;

    long_hau(&st);
    CHECK_EQ_INT(row_edit_begin(&e, schema_table("zones"), &st.row, 0), KHU_OK);
    set(&e, "total_ha", "430.5");
    CHECK_EQ_INT(row_edit_check(&e, "dtm-2026", "2026-10-01", TODAY, 1), 0);
    CHECK(changed(&e, "total_ha"));
    CHECK_EQ_DBL(e.cells[schema_col_index(e.t, "total_ha")].r, 430.5, 1e-9);
    CHECK(changed(&e, "provenance"));
    CHECK_EQ_STR(text_of(&e, "provenance"), "developer=broker-2022 total_ha=dtm-2026");
    CHECK_EQ_INT(e.nchanged, 2);
    CHECK(e.figures_changed);
    row_edit_free(&e);
}

/* With a source that is not registered, the old token goes: it no longer
 * vouches for the new figure. */
static void test_figure_with_free_source(void)
{
    struct stored st;
    struct row_edit e;

    long_hau(&st);
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "total_ha", "431");
    CHECK_EQ_INT(row_edit_check(&e, "https://example.org/a", "2026-10-01", TODAY, 0), 0);
    CHECK_EQ_STR(text_of(&e, "provenance"), "developer=broker-2022");
    row_edit_free(&e);
}

static void test_figure_needs_source_and_date(void)
{
    struct stored st;
    struct row_edit e;

    long_hau(&st);
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "industrial_ha", "310");
    CHECK_EQ_INT(row_edit_check(&e, NULL, NULL, TODAY, 0), 2);
    CHECK(has_problem(&e, "source", "source_needed"));
    CHECK(has_problem(&e, "as_of", "as_of_needed"));
    row_edit_free(&e);

    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "industrial_ha", "310");
    CHECK_EQ_INT(row_edit_check(&e, "x", "2026-11-25", TODAY, 0), 1);
    CHECK(has_problem(&e, "as_of", "as_of_future"));
    row_edit_free(&e);

    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "industrial_ha", "310");
    CHECK_EQ_INT(row_edit_check(&e, "x", "2026-02-30", TODAY, 0), 1);
    CHECK(has_problem(&e, "as_of", "as_of_date"));
    row_edit_free(&e);

    /* the last day that may be named is today */
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "industrial_ha", "310");
    CHECK_EQ_INT(row_edit_check(&e, "x", TODAY, TODAY, 0), 0);
    row_edit_free(&e);
}

/* A text change needs no source; a given source is still checked. */
static void test_text_needs_no_source(void)
{
    struct stored st;
    struct row_edit e;

    long_hau(&st);
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "name_en", "Long Hau Industrial Park");
    CHECK_EQ_INT(row_edit_check(&e, NULL, NULL, TODAY, 0), 0);
    CHECK_EQ_INT(e.figures_changed, 0);
    CHECK_EQ_STR(text_of(&e, "provenance"), "total_ha=nso-2022 developer=broker-2022");
    row_edit_free(&e);

    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "name_en", "Long Hau");
    CHECK_EQ_INT(row_edit_check(&e, "line one\nline two", NULL, TODAY, 0), 1);
    CHECK(has_problem(&e, "source", "source_text"));
    row_edit_free(&e);
}

/* Every problem at once, each with its field and rule. */
static void test_every_problem(void)
{
    struct stored st;
    struct row_edit e;

    long_hau(&st);
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "kind", "factory");
    set(&e, "occupancy_reported_pct", "120");
    set(&e, "established_on", "2026-13-01");
    set(&e, "lat", "ten");
    set(&e, "colour", "red");
    set(&e, "code", "kcn-other");
    set(&e, "name_vi", NULL);
    set(&e, "infra_complete", "2");
    CHECK_EQ_INT(row_edit_check(&e, NULL, NULL, TODAY, 0), 8);
    CHECK(has_problem(&e, "kind", "enum"));
    CHECK(has_problem(&e, "occupancy_reported_pct", "range"));
    CHECK(has_problem(&e, "established_on", "date"));
    CHECK(has_problem(&e, "lat", "number"));
    CHECK(has_problem(&e, "colour", "unknown"));
    CHECK(has_problem(&e, "code", "key"));
    CHECK(has_problem(&e, "name_vi", "required"));
    CHECK(has_problem(&e, "infra_complete", "bool"));
    row_edit_free(&e);
}

/* The rules of a whole row, as import checks them. */
static void test_row_rules(void)
{
    struct stored st;
    struct row_edit e;

    long_hau(&st);
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "industrial_ha", "500");
    CHECK_EQ_INT(row_edit_check(&e, "x", "2026-01-01", TODAY, 0), 1);
    CHECK(has_problem(&e, "industrial_ha", "more_than"));
    CHECK_EQ_STR(e.problem[0].other, "total_ha");
    row_edit_free(&e);

    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "group_code", "kcn-long-hau");
    CHECK_EQ_INT(row_edit_check(&e, NULL, NULL, TODAY, 0), 1);
    CHECK(has_problem(&e, "group_code", "self"));
    row_edit_free(&e);
}

/* The same value again is no change; the key given as it is, is no
 * problem. A column given twice is. */
static void test_nothing_changed(void)
{
    struct stored st;
    struct row_edit e;

    long_hau(&st);
    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "total_ha", "425");
    set(&e, "code", "kcn-long-hau");
    set(&e, "status", "operating");
    CHECK_EQ_INT(row_edit_check(&e, NULL, NULL, TODAY, 0), 0);
    CHECK_EQ_INT(e.nchanged, 0);
    CHECK_EQ_INT(e.figures_changed, 0);
    row_edit_free(&e);

    row_edit_begin(&e, schema_table("zones"), &st.row, 0);
    set(&e, "status", "cancelled");
    set(&e, "status", "planned");
    CHECK_EQ_INT(row_edit_check(&e, NULL, NULL, TODAY, 0), 1);
    CHECK(has_problem(&e, "status", "twice"));
    row_edit_free(&e);
}

/* A new row: the required columns must be given. */
static void test_new_row(void)
{
    struct row_edit e;

    row_edit_begin(&e, schema_table("zones"), NULL, 0);
    set(&e, "kind", "ccn");
    CHECK_EQ_INT(row_edit_check(&e, NULL, NULL, TODAY, 0), 2);
    CHECK(has_problem(&e, "code", "required"));
    CHECK(has_problem(&e, "name_vi", "required"));
    row_edit_free(&e);

    row_edit_begin(&e, schema_table("zones"), NULL, 0);
    set(&e, "code", "ccn-moi");
    set(&e, "kind", "ccn");
    set(&e, "name_vi", "CCN Mới");
    set(&e, "total_ha", "50");
    CHECK_EQ_INT(row_edit_check(&e, "dtm-2026", "2026-11-01", TODAY, 1), 0);
    CHECK_EQ_STR(text_of(&e, "provenance"), "total_ha=dtm-2026");
    CHECK_EQ_INT(e.nchanged, 5);
    row_edit_free(&e);
}

/* An observation's own source column takes the write's source with a new
 * value, unless the writer set it. */
static void test_source_column(void)
{
    const struct table_def *o = schema_table("observations");
    struct stored st;
    struct row_edit e;

    memset(&st, 0, sizeof(st));
    put_text(&st, o, "target_code", "kcn-area-2030");
    put_text(&st, o, "observed_on", "2024-06-01");
    put_real(&st, o, "value", 9251.6);
    put_text(&st, o, "source", "the province's statement");
    st.row.v = st.v;
    st.row.n = (int)o->ncols;

    row_edit_begin(&e, o, &st.row, 0);
    set(&e, "value", "9300");
    CHECK_EQ_INT(row_edit_check(&e, "Báo cáo 12/2026", "2024-06-01", TODAY, 0), 0);
    CHECK_EQ_STR(text_of(&e, "source"), "Báo cáo 12/2026");
    CHECK(changed(&e, "source"));
    row_edit_free(&e);

    row_edit_begin(&e, o, &st.row, 0);
    set(&e, "value", "9300");
    set(&e, "source", "the row's own citation");
    CHECK_EQ_INT(row_edit_check(&e, "Báo cáo 12/2026", "2024-06-01", TODAY, 0), 0);
    CHECK_EQ_STR(text_of(&e, "source"), "the row's own citation");
    row_edit_free(&e);

    row_edit_begin(&e, o, &st.row, 0);
    set(&e, "observed_on", "2024-07-01");
    CHECK_EQ_INT(row_edit_check(&e, NULL, NULL, TODAY, 0), 1);
    CHECK(has_problem(&e, "observed_on", "key"));
    row_edit_free(&e);
}

/* ===== versions ===== */

static void test_version(void)
{
    const struct table_def *z = schema_table("zones");
    struct stored st;
    char a[ROW_VERSION_HEX], b[ROW_VERSION_HEX], tag[64];

    long_hau(&st);
    CHECK_EQ_INT(row_version(z, &st.row, 0, a), 0);
    CHECK_EQ_INT(strlen(a), 16);
    CHECK_EQ_INT(row_version(z, &st.row, 0, b), 0);
    CHECK_EQ_STR(a, b);
    put_real(&st, z, "total_ha", 425.5);
    row_version(z, &st.row, 0, b);
    CHECK(strcmp(a, b) != 0);

    snprintf(tag, sizeof(tag), "\"%s.0123456789abcdef\"", a);
    CHECK_EQ_INT(row_version_matches(tag, a), 1);
    CHECK_EQ_INT(row_version_matches(tag, b), 0);
    snprintf(tag, sizeof(tag), "\"%s\"", a);
    CHECK_EQ_INT(row_version_matches(tag, a), 1);
    snprintf(tag, sizeof(tag), "\"other\", \"%s.x\"", a);
    CHECK_EQ_INT(row_version_matches(tag, a), 1);
    snprintf(tag, sizeof(tag), "W/\"%s.x\"", a); /* weak never matches */
    CHECK_EQ_INT(row_version_matches(tag, a), 0);
    snprintf(tag, sizeof(tag), "\"%sff.x\"", a); /* a longer version is another */
    CHECK_EQ_INT(row_version_matches(tag, a), 0);
    CHECK_EQ_INT(row_version_matches("*", a), 0); /* a change names its version */
    CHECK_EQ_INT(row_version_matches("", a), 0);
    CHECK_EQ_INT(row_version_matches(NULL, a), 0);
    CHECK_EQ_INT(row_version_matches("\"unclosed", a), 0);
}

int main(void)
{
    test_figure_with_registered_source();
    test_figure_with_free_source();
    test_code_a_token_cannot_hold();
    test_figure_needs_source_and_date();
    test_text_needs_no_source();
    test_every_problem();
    test_row_rules();
    test_nothing_changed();
    test_new_row();
    test_source_column();
    test_version();
    return test_report("test_row_edit");
}
