/* SPDX-License-Identifier: MIT */
/*
 * The OpenAPI document against the route table (api_routes): every route
 * of the API (under /api/v1, and /healthz) is an operation of
 * /api/v1/openapi.json, and every operation of the document is a route.
 * Then what the table says of each route is in its operation: a route
 * open to some roles only names the ways to sign in and answers 401 and
 * 403, one open to everyone names none; a change to a row of the
 * registry's edits names If-Match and answers 409, 412 and 428; a
 * spreadsheet (.xlsx) answers its media type, and so does the path
 * without .xlsx, which gives it for Accept; a path under an item (a
 * zone's history) comes right after the item, and the paths of one name
 * come together, as the API documentation page draws them. The document
 * is the handler's own answer, built in this process.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "app/app_edit.h"
#include "report/xlsx.h"
#include "test.h"

static const char *const methods[] = {"get",   "put",   "post",    "delete", "head",
                                      "patch", "trace", "options", NULL};

/* 1 when pattern is a route of the API, not a page or a static file. */
static int is_api(const char *pattern)
{
    return strcmp(pattern, "/healthz") == 0 ||
           (strncmp(pattern, "/api/v1", 7) == 0 && (pattern[7] == '\0' || pattern[7] == '/'));
}

static void lower(const char *method, char *out, size_t n)
{
    size_t i;

    for (i = 0; method[i] && i + 1 < n; i++)
        out[i] = (char)tolower((unsigned char)method[i]);
    out[i] = '\0';
}

/* The document as GET /api/v1/openapi.json answers it, or NULL. */
static json_t *load_document(void)
{
    struct http_req req;
    struct http_resp resp;
    json_error_t e;
    json_t *doc;

    memset(&req, 0, sizeof(req));
    memset(&resp, 0, sizeof(resp));
    req.method = "GET";
    req.path = "/api/v1/openapi.json";
    resp.status = 200;
    buf_init(&resp.body, HTTP_MAX_RESPONSE);
    api_openapi(&req, &resp);
    CHECK_EQ_INT(resp.status, 200);
    doc = json_loadb(resp.body.data ? resp.body.data : "", resp.body.len, 0, &e);
    if (!doc)
        TEST_FAIL_AT(__FILE__, __LINE__, "the document is not JSON: %s (line %d)", e.text, e.line);
    buf_free(&resp.body);
    return doc;
}

/* The operation of method (as the route table writes it) on path, or NULL. */
static json_t *operation_of(json_t *doc, const char *method, const char *path)
{
    char m[16];

    lower(method, m, sizeof(m));
    return json_object_get(json_object_get(json_object_get(doc, "paths"), path), m);
}

static const struct http_route *route_of(const char *method, const char *pattern)
{
    const struct http_route *rt;

    for (rt = api_routes; rt->method; rt++)
        if (strcmp(rt->method, method) == 0 && strcmp(rt->pattern, pattern) == 0)
            return rt;
    return NULL;
}

/* Every route of the API is in the document. */
static void test_routes_documented(json_t *doc)
{
    const struct http_route *rt;
    int n = 0;

    for (rt = api_routes; rt->method; rt++) {
        if (!is_api(rt->pattern))
            continue;
        n++;
        if (operation_of(doc, rt->method, rt->pattern))
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__,
                         "%s %s: a route of api_routes that the OpenAPI document does not describe",
                         rt->method, rt->pattern);
    }
    CHECK(n > 40); /* the walk saw the table */
}

/* Every operation of the document is a route. */
static void test_operations_routed(json_t *doc)
{
    const char *path, *const *m;
    json_t *item;
    int n = 0;

    json_object_foreach(json_object_get(doc, "paths"), path, item)
    {
        for (m = methods; *m; m++) {
            char method[16];
            size_t i;
            if (!json_object_get(item, *m))
                continue;
            n++;
            for (i = 0; (*m)[i] && i + 1 < sizeof(method); i++)
                method[i] = (char)toupper((unsigned char)(*m)[i]);
            method[i] = '\0';
            if (route_of(method, path) && is_api(path))
                test_passed++;
            else
                TEST_FAIL_AT(__FILE__, __LINE__,
                             "%s %s: in the OpenAPI document but not an API route of api_routes",
                             method, path);
        }
    }
    CHECK(n > 40);
}

static int has_answer(json_t *op, const char *status)
{
    return json_object_get(json_object_get(op, "responses"), status) != NULL;
}

/* Who may call a route, as the table says it. */
static void test_security(json_t *doc)
{
    const struct http_route *rt;

    for (rt = api_routes; rt->method; rt++) {
        json_t *op = is_api(rt->pattern) ? operation_of(doc, rt->method, rt->pattern) : NULL;
        json_t *security = json_object_get(op, "security");
        if (!op)
            continue;
        if (rt->roles &&
            !(json_array_size(security) == 2 && has_answer(op, "401") && has_answer(op, "403")))
            TEST_FAIL_AT(__FILE__, __LINE__,
                         "%s %s: open to some roles only, but the document names no way to sign"
                         " in, or no 401 and 403",
                         rt->method, rt->pattern);
        else if (!rt->roles && security)
            TEST_FAIL_AT(__FILE__, __LINE__,
                         "%s %s: open to everyone, but the document asks to sign in", rt->method,
                         rt->pattern);
        else
            test_passed++;
    }
}

static int names_parameter(json_t *op, const char *name, const char *in)
{
    size_t i;
    json_t *p;

    json_array_foreach(json_object_get(op, "parameters"), i, p)
    {
        const char *n = json_string_value(json_object_get(p, "name"));
        const char *where = json_string_value(json_object_get(p, "in"));
        if (n && where && strcmp(n, name) == 0 && strcmp(where, in) == 0)
            return 1;
    }
    return 0;
}

/* A change to a row of the registry's edits names If-Match and its answers. */
static void test_changes(json_t *doc)
{
    const struct http_route *rt;
    int n = 0;

    for (rt = api_routes; rt->method; rt++) {
        char table[64];
        json_t *op;
        if (strcmp(rt->method, "PATCH") != 0 || strncmp(rt->pattern, "/api/v1/", 8) != 0)
            continue;
        snprintf(table, sizeof(table), "%.*s", (int)strcspn(rt->pattern + 8, "/"), rt->pattern + 8);
        op = operation_of(doc, rt->method, rt->pattern);
        if (!app_edit_writable(table) || !op)
            continue;
        n++;
        if (names_parameter(op, "If-Match", "header") && has_answer(op, "409") &&
            has_answer(op, "412") && has_answer(op, "428") && has_answer(op, "404"))
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__,
                         "%s %s: a change to a row without If-Match, or without 404, 409, 412"
                         " and 428",
                         rt->method, rt->pattern);
    }
    CHECK(n >= 8);
}

static int answers_xlsx(json_t *op)
{
    json_t *ok = json_object_get(json_object_get(op, "responses"), "200");

    return json_object_get(json_object_get(ok, "content"), XLSX_MEDIA_TYPE) != NULL;
}

/* A spreadsheet route answers one, and the path without .xlsx gives it
 * for Accept. */
static void test_spreadsheets(json_t *doc)
{
    const struct http_route *rt;
    int n = 0;

    for (rt = api_routes; rt->method; rt++) {
        size_t len = strlen(rt->pattern);
        char plain[160];
        json_t *op;
        if (!is_api(rt->pattern) || len < 5 || strcmp(rt->pattern + len - 5, ".xlsx") != 0)
            continue;
        n++;
        op = operation_of(doc, rt->method, rt->pattern);
        if (op && answers_xlsx(op))
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "%s %s: no 200 of %s in the document", rt->method,
                         rt->pattern, XLSX_MEDIA_TYPE);
        snprintf(plain, sizeof(plain), "%.*s", (int)(len - 5), rt->pattern);
        if (!route_of(rt->method, plain))
            continue; /* dashboard.xlsx: no path without the suffix */
        op = operation_of(doc, rt->method, plain);
        if (op && answers_xlsx(op))
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__,
                         "%s %s: gives a spreadsheet for Accept, but its 200 does not say so",
                         rt->method, plain);
    }
    CHECK(n >= 12);
}

/* A path under an item (.../{code}/history) comes right after the item,
 * or after another path under it. */
static void test_order(json_t *doc)
{
    const char *path, *before = NULL;
    json_t *item, *paths = json_object_get(doc, "paths");
    int n = 0;

    json_object_foreach(paths, path, item)
    {
        const char *slash = strrchr(path, '/');
        char parent[160];
        size_t len;
        (void)item;
        if (slash && slash > path && slash[-1] == '}') {
            len = (size_t)(slash - path);
            snprintf(parent, sizeof(parent), "%.*s", (int)len, path);
            if (json_object_get(paths, parent)) {
                n++;
                if (before && strncmp(before, parent, len) == 0 &&
                    (before[len] == '\0' || before[len] == '/'))
                    test_passed++;
                else
                    TEST_FAIL_AT(__FILE__, __LINE__, "%s comes after %s, not right after %s", path,
                                 before ? before : "nothing", parent);
            }
        }
        before = path;
    }
    CHECK(n >= 1); /* /api/v1/zones/{code}/history */
}

/* The group of path as the API documentation page makes one: the first
 * segment after /api/v1 without its extension ("zones" for
 * /api/v1/zones.csv and /api/v1/zones/{code}/history); another path is
 * its own. */
static void group_of(const char *path, char *out, size_t n)
{
    if (strncmp(path, "/api/v1/", 8) == 0)
        snprintf(out, n, "%.*s", (int)strcspn(path + 8, "/."), path + 8);
    else
        snprintf(out, n, "%s", path); /* /api/v1, /healthz */
}

/* The paths of one group come together: the page draws them together, in
 * the document's order. */
static void test_groups(json_t *doc)
{
    const char *path;
    char group[64], last[64] = "", ended[64][64];
    json_t *item;
    int nended = 0, i, n = 0;

    json_object_foreach(json_object_get(doc, "paths"), path, item)
    {
        (void)item;
        group_of(path, group, sizeof(group));
        n++;
        if (strcmp(group, last) == 0) {
            test_passed++;
            continue;
        }
        for (i = 0; i < nended && strcmp(ended[i], group) != 0; i++)
            ;
        if (i < nended)
            TEST_FAIL_AT(__FILE__, __LINE__, "%s: apart from the other paths of %s", path, group);
        else
            test_passed++;
        if (last[0] && nended < 64)
            snprintf(ended[nended++], sizeof(ended[0]), "%s", last);
        snprintf(last, sizeof(last), "%s", group);
    }
    CHECK(n > 40);
}

int main(void)
{
    json_t *doc = load_document();

    if (!doc)
        return test_report("test_openapi_routes");
    test_routes_documented(doc);
    test_operations_routed(doc);
    test_security(doc);
    test_changes(doc);
    test_spreadsheets(doc);
    test_order(doc);
    test_groups(doc);
    json_decref(doc);
    return test_report("test_openapi_routes");
}
