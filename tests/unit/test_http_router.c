/* SPDX-License-Identifier: MIT */
/*
 * Route patterns: literal segments match exactly, {name} matches one
 * non-empty segment, a trailing slash is a different path, and the values
 * come back in order.
 */
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "test.h"

struct rcase {
    const char *pattern;
    const char *path;
    int match;
    const char *vals; /* values joined by '|' */
};

static const struct rcase cases[] = {
    {"/", "/", 1, ""},
    {"/api/v1/zones", "/api/v1/zones", 1, ""},
    {"/api/v1/zones", "/api/v1/zones/", 0, ""},
    {"/api/v1/zones/", "/api/v1/zones", 0, ""},
    {"/api/v1/zones", "/api/v1/zone", 0, ""},
    {"/api/v1/zones", "/api/v1/zonesx", 0, ""},
    {"/api/v1/zones", "/API/v1/zones", 0, ""},
    {"/api/v1/zones", "/api/v1", 0, ""},
    {"/api/v1/zones/{code}", "/api/v1/zones/LA-01", 1, "LA-01"},
    {"/api/v1/zones/{code}", "/api/v1/zones/", 0, ""},
    {"/api/v1/zones/{code}", "/api/v1/zones", 0, ""},
    {"/api/v1/zones/{code}", "/api/v1/zones/LA-01/", 0, ""},
    {"/api/v1/zones/{code}", "/api/v1/zones/LA-01/x", 0, ""},
    {"/api/v1/zones/{code}", "/api/v1/zones/Khu c\xC3\xB4ng nghi\xE1\xBB\x87p", 1,
     "Khu c\xC3\xB4ng nghi\xE1\xBB\x87p"},
    {"/z/{a}/t/{b}", "/z/1/t/2", 1, "1|2"},
    {"/z/{a}/t/{b}", "/z/1/u/2", 0, ""},
    {"/z/{a}/{b}/{c}/{d}", "/z/1/2/3/4", 1, "1|2|3|4"},
    {"/z/{a}/{b}/{c}/{d}/{e}", "/z/1/2/3/4/5", 0, ""},
    {"/z//x", "/z//x", 1, ""},
    {"/z/{a}/x", "/z//x", 0, ""},
    {"/{x}", "/", 0, ""},
    {"/{x}", "//", 0, ""},
    {"/{x}", "/a", 1, "a"},
    {"/{}", "/{}", 1, ""},
    {"/a", "", 0, ""},
    {"/a", "a", 0, ""},
    {"", "/a", 0, ""},
};

static void join(const char **vals, size_t n, char *out, size_t size)
{
    size_t i, used = 0;

    out[0] = '\0';
    for (i = 0; i < n && used < size; i++)
        used += (size_t)snprintf(out + used, size - used, "%s%s", i ? "|" : "", vals[i]);
}

static void test_cases(void)
{
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char scratch[256], got[256];
        const char *vals[HTTP_MAX_PATH_PARAMS];
        size_t nvals = 99;
        int m = http_route_match(cases[i].pattern, cases[i].path, scratch, vals, &nvals);

        CHECK_EQ_INT(m, cases[i].match);
        if (m != cases[i].match)
            fprintf(stderr, "  case %zu: %s vs %s\n", i, cases[i].pattern, cases[i].path);
        if (!m) {
            CHECK_EQ_INT(nvals, 0);
            continue;
        }
        join(vals, nvals, got, sizeof(got));
        CHECK_EQ_STR(got, cases[i].vals);
    }
}

/* The scratch contract: strlen(path) + 1 bytes are enough, even when every
 * segment is a value. */
static void test_scratch_size(void)
{
    const char *path = "/a/bb/c/dd";
    char *scratch = malloc(strlen(path) + 1);
    const char *vals[HTTP_MAX_PATH_PARAMS];
    size_t nvals = 0;

    CHECK(scratch != NULL);
    CHECK_EQ_INT(http_route_match("/{w}/{x}/{y}/{z}", path, scratch, vals, &nvals), 1);
    CHECK_EQ_INT(nvals, 4);
    CHECK_EQ_STR(vals[0], "a");
    CHECK_EQ_STR(vals[3], "dd");
    free(scratch);
}

int main(void)
{
    test_cases();
    test_scratch_size();
    return test_report("test_http_router");
}
