/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/nearest: the edit distance (insertions, deletions,
 * substitutions, adjacent swaps, case, empty and over-long strings), the
 * nearest of a list (the threshold, ties, nothing near) and the schema's
 * table names as users mistype them.
 */
#include "core/nearest.h"

#include <string.h>

#include "test.h"

struct dist_case {
    const char *a, *b;
    size_t want;
};

static const struct dist_case dist_cases[] = {
    {"", "", 0},
    {"zones", "zones", 0},
    {"", "zones", 5},
    {"zones", "", 5},
    {"zone", "zones", 1},   /* insertion */
    {"zoness", "zones", 1}, /* deletion */
    {"zonas", "zones", 1},  /* substitution */
    {"zoens", "zones", 1},  /* adjacent swap */
    {"ZONES", "zones", 0},  /* ASCII case is ignored */
    {"Zone", "zones", 1},
    {"kitten", "sitting", 3}, /* the classic */
    {"ca", "abc", 3},         /* OSA: no edit of a swapped pair */
    {"sectors", "sector_map", 4},
    {"units", "events", 4},
};

static void test_distance(void)
{
    size_t i;

    for (i = 0; i < sizeof(dist_cases) / sizeof(dist_cases[0]); i++) {
        size_t got = nearest_distance(dist_cases[i].a, dist_cases[i].b);
        if (got != dist_cases[i].want)
            TEST_FAIL_AT(__FILE__, __LINE__, "distance('%s', '%s') = %zu, want %zu",
                         dist_cases[i].a, dist_cases[i].b, got, dist_cases[i].want);
        else
            test_passed++;
        /* symmetric */
        CHECK_EQ_INT(nearest_distance(dist_cases[i].b, dist_cases[i].a), got);
    }
}

static void test_long_strings(void)
{
    char longer[NEAREST_MAX_LEN + 2], limit[NEAREST_MAX_LEN + 1];

    memset(longer, 'a', sizeof(longer) - 1);
    longer[sizeof(longer) - 1] = '\0';
    memset(limit, 'a', sizeof(limit) - 1);
    limit[sizeof(limit) - 1] = '\0';
    CHECK_EQ_INT(nearest_distance(limit, limit), 0);
    CHECK_EQ_INT(nearest_distance(limit, ""), NEAREST_MAX_LEN);
    CHECK_EQ_INT(nearest_distance(longer, "a"), NEAREST_FAR);
    CHECK_EQ_INT(nearest_distance("a", longer), NEAREST_FAR);
    CHECK(nearest_table(longer) == NULL);
}

static void test_nearest_name(void)
{
    static const char *const names[] = {"units", "zones", "zonal", "leads", "ab"};
    const size_t n = sizeof(names) / sizeof(names[0]);

    CHECK_EQ_STR(nearest_name("zone", names, n), "zones");
    CHECK_EQ_STR(nearest_name("zonas", names, n), "zones"); /* tie with zonal: the earlier */
    CHECK_EQ_STR(nearest_name("zonal", names, n), "zonal");
    CHECK_EQ_STR(nearest_name("leeds", names, n), "leads");
    CHECK_EQ_STR(nearest_name("lds", names, n), "leads"); /* 2 edits of 5 letters */
    CHECK(nearest_name("ld", names, n) == NULL);          /* 3 edits */
    CHECK(nearest_name("b", names, n) == NULL);           /* 1 edit is half of "ab" */
    CHECK(nearest_name("nosuch", names, n) == NULL);
    CHECK(nearest_name("", names, n) == NULL);
    CHECK(nearest_name(NULL, names, n) == NULL);
    CHECK(nearest_name("zone", names, 0) == NULL);
}

static void test_tables(void)
{
    static const struct {
        const char *typed, *want;
    } cases[] = {
        {"zone", "zones"},
        {"Zones", "zones"},
        {"unit", "units"},
        {"enterprise", "enterprises"},
        {"sector", "sectors"},
        {"sectormap", "sector_map"},
        {"sector-map", "sector_map"},
        {"targts", "targets"},
        {"obsevations", "observations"},
        {"timelimits", "time_limits"},
        {"lead", "leads"},
        {"dosiers", "dossiers"},
        {"nosuch", NULL},
        {"x", NULL},
        {"zzz", NULL},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const char *got = nearest_table(cases[i].typed);
        int ok = cases[i].want ? got && strcmp(got, cases[i].want) == 0 : got == NULL;
        if (!ok)
            TEST_FAIL_AT(__FILE__, __LINE__, "nearest_table('%s') = %s, want %s", cases[i].typed,
                         got ? got : "NULL", cases[i].want ? cases[i].want : "NULL");
        else
            test_passed++;
    }
}

int main(void)
{
    test_distance();
    test_long_strings();
    test_nearest_name();
    test_tables();
    return test_report("test_nearest");
}
