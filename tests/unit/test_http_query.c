/* SPDX-License-Identifier: MIT */
/*
 * Query-string parsing (percent-decoding, '+', bad escapes, invalid UTF-8,
 * empty names, the parameter cap), http_param, and the exact problem+json
 * bodies of http_check_params.
 */
#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"
#include "http/http.h"
#include "http/http_int.h"
#include "test.h"

struct qcase {
    const char *query;
    int rc;
    const char *want; /* rc 0: "name=value|..." of the parsed params; rc -1: the message */
};

static const struct qcase cases[] = {
    {"", 0, ""},
    {"a=1&b=x%20y", 0, "a=1|b=x y"},
    {"q=ho+chi+minh", 0, "q=ho chi minh"},
    {"q=%2B1", 0, "q=+1"},
    {"a+b=1", 0, "a b=1"},
    {"%61%62=%e1%BA%a1", 0, "ab=\xE1\xBA\xA1"},
    {"q=Nguy%E1%BB%85n", 0, "q=Nguy\xE1\xBB\x85n"},
    {"q=\xC4\x91\xC3\xA0", 0, "q=\xC4\x91\xC3\xA0"},
    {"a", 0, "a="},
    {"a=", 0, "a="},
    {"a=b=c", 0, "a=b=c"},
    {"a=1&&b=2&", 0, "a=1|b=2"},
    {"&&", 0, ""},
    {"a=1&a=2", 0, "a=1|a=2"},
    {"q=%G1", -1,
     "query parameter \"q\": bad percent escape \"%G1\" (use %XX with two hex digits)"},
    {"q=%4", -1, "query parameter \"q\": bad percent escape \"%4\" (use %XX with two hex digits)"},
    {"q=abc%", -1, "query parameter \"q\": bad percent escape \"%\" (use %XX with two hex digits)"},
    {"q=%\x01Z", -1,
     "query parameter \"q\": bad percent escape \"%\\x01Z\" (use %XX with two hex digits)"},
    {"a=1&%zz=1", -1,
     "query parameter 2: bad percent escape \"%zz\" in the name (use %XX with two hex digits)"},
    {"q=%FF", -1,
     "query parameter \"q\": the value is not valid UTF-8 after percent-decoding (byte 1)"},
    {"q=ab%C3", -1,
     "query parameter \"q\": the value is not valid UTF-8 after percent-decoding (byte 3)"},
    {"q=%ED%A0%80", -1,
     "query parameter \"q\": the value is not valid UTF-8 after percent-decoding (byte 1)"},
    {"q=%C0%AF", -1,
     "query parameter \"q\": the value is not valid UTF-8 after percent-decoding (byte 1)"},
    {"q=\xFF", -1,
     "query parameter \"q\": the value is not valid UTF-8 after percent-decoding (byte 1)"},
    {"%FF=1", -1, "query parameter 1: the name is not valid UTF-8 after percent-decoding"},
    {"q=a%00b", -1, "query parameter \"q\": the value contains %00 (a NUL byte)"},
    {"%00=1", -1, "query parameter 1: the name contains %00 (a NUL byte)"},
    {"a=1&=2", -1, "query parameter 2 has an empty name (write name=value)"},
    {"=", -1, "query parameter 1 has an empty name (write name=value)"},
};

/* Renders the parsed params as "n=v|n=v". */
static void render(const struct http_req *req, char *out, size_t n)
{
    size_t i, used = 0;

    out[0] = '\0';
    for (i = 0; i < req->nparams && used < n; i++)
        used += (size_t)snprintf(out + used, n - used, "%s%s=%s", i ? "|" : "", req->params[i].name,
                                 req->params[i].value);
}

static void test_cases(void)
{
    char err[256], got[256];
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct http_req req;
        int rc;

        memset(&req, 0, sizeof(req));
        rc = http_parse_query(&req, cases[i].query, err, sizeof(err));
        CHECK_EQ_INT(rc, cases[i].rc);
        if (rc == 0) {
            render(&req, got, sizeof(got));
            CHECK_EQ_STR(got, cases[i].want);
        } else {
            CHECK_EQ_STR(err, cases[i].want);
            CHECK_EQ_INT(req.nparams, 0);
        }
        if (rc != cases[i].rc)
            fprintf(stderr, "  case %zu: %s\n", i, cases[i].query);
        http_req_free_params(&req);
    }
}

/* Builds "p0=0&p1=1&..." with n parameters. */
static void many(char *out, size_t size, int n)
{
    size_t used = 0;
    int i;

    out[0] = '\0';
    for (i = 0; i < n; i++)
        used += (size_t)snprintf(out + used, size - used, "%sp%d=%d", i ? "&" : "", i, i);
}

static void test_param_cap(void)
{
    char q[2048], err[256], param[HTTP__PARAM_NAME_MAX];
    struct http_req req;

    memset(&req, 0, sizeof(req));
    many(q, sizeof(q), HTTP_MAX_PARAMS);
    CHECK_EQ_INT(http_parse_query(&req, q, err, sizeof(err)), 0);
    CHECK_EQ_INT(req.nparams, HTTP_MAX_PARAMS);
    CHECK_EQ_STR(http_param(&req, "p63"), "63");
    http_req_free_params(&req);

    many(q, sizeof(q), HTTP_MAX_PARAMS + 1);
    CHECK_EQ_INT(http_parse_query(&req, q, err, sizeof(err)), -1);
    CHECK_EQ_STR(err, "too many query parameters (at most 64 are accepted)");
    CHECK_EQ_INT(req.nparams, 0);

    CHECK_EQ_INT(http__parse_query(&req, "zone=%ZZ", err, sizeof(err), param, sizeof(param)), -1);
    CHECK_EQ_STR(param, "zone");
    CHECK_EQ_INT(http__parse_query(&req, "%ZZ=1", err, sizeof(err), param, sizeof(param)), -1);
    CHECK_EQ_STR(param, "");
}

static void test_param_lookup(void)
{
    char err[256];
    struct http_req req;

    memset(&req, 0, sizeof(req));
    CHECK_EQ_INT(http_parse_query(&req, "a=1&b=&a=3", err, sizeof(err)), 0);
    CHECK_EQ_STR(http_param(&req, "a"), "1");
    CHECK_EQ_STR(http_param(&req, "b"), "");
    CHECK(http_param(&req, "c") == NULL);
    http_req_free_params(&req);
    CHECK_EQ_INT(req.nparams, 0);
    http_req_free_params(&req); /* twice is harmless */
}

/* Parses query, runs http_check_params and compares rc and the body. */
static void check_params_case(const char *query, const char *const *allowed, int want_rc,
                              const char *want_body)
{
    char err[256];
    struct http_req req;
    struct http_resp resp;
    int rc;

    memset(&req, 0, sizeof(req));
    memset(&resp, 0, sizeof(resp));
    resp.status = 200;
    resp.content_type = "application/json";
    buf_init(&resp.body, HTTP_MAX_RESPONSE);
    CHECK_EQ_INT(http_parse_query(&req, query, err, sizeof(err)), 0);
    rc = http_check_params(&req, &resp, allowed);
    CHECK_EQ_INT(rc, want_rc);
    if (want_body) {
        CHECK_EQ_INT(resp.status, 400);
        CHECK_EQ_STR(resp.content_type, "application/problem+json");
        CHECK_EQ_STR(buf_cstr(&resp.body), want_body);
    } else {
        CHECK_EQ_INT(resp.status, 200);
        CHECK_EQ_INT(resp.body.len, 0);
    }
    http_req_free_params(&req);
    buf_free(&resp.body);
}

static void test_check_params(void)
{
    static const char *const allowed[] = {"limit", "cursor", "q", NULL};
    static const char *const none[] = {NULL};

    check_params_case("limit=5&q=x", allowed, 0, NULL);
    check_params_case("", none, 0, NULL);
    check_params_case("limit=5&sort=name", allowed, -1,
                      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                      "\"detail\":\"unknown query parameter \\\"sort\\\"; allowed: limit, "
                      "cursor, q\",\"param\":\"sort\"}");
    check_params_case("limit=5&q=a&limit=6", allowed, -1,
                      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                      "\"detail\":\"query parameter \\\"limit\\\" is given more than once; "
                      "allowed: limit, cursor, q\",\"param\":\"limit\"}");
    check_params_case("x=1", none, -1,
                      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                      "\"detail\":\"unknown query parameter \\\"x\\\"; allowed: none (this "
                      "endpoint takes no query parameters)\",\"param\":\"x\"}");
    check_params_case("a%22%0Ab=1", NULL, -1,
                      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                      "\"detail\":\"unknown query parameter \\\"a\\\"\\nb\\\"; allowed: none "
                      "(this endpoint takes no query parameters)\",\"param\":\"a\\\"\\nb\"}");
}

static void test_oom(void)
{
    char err[256];
    struct http_req req;
    unsigned long n;
    int rc;

    memset(&req, 0, sizeof(req));
    for (n = 1; n < 8; n++) {
        xalloc_fail_after(n);
        rc = http_parse_query(&req, "a=1&b=2&c=3", err, sizeof(err));
        xalloc_fail_after(0);
        CHECK(rc == -1 || rc == 0);
        if (rc == -1)
            CHECK_EQ_STR(err, "out of memory while parsing the query string");
        http_req_free_params(&req);
    }
}

static void test_path(void)
{
    char err[256];
    char *p;
    int oom = -1;

    p = http__decode_path("/api/v1/zones/LA%2D01+x", 23, err, sizeof(err), &oom);
    CHECK_EQ_STR(p, "/api/v1/zones/LA-01+x");
    xfree(p);
    p = http__decode_path("/x/%E1%BA%A1", 12, err, sizeof(err), &oom);
    CHECK_EQ_STR(p, "/x/\xE1\xBA\xA1");
    xfree(p);
    CHECK(http__decode_path("/x%2", 4, err, sizeof(err), &oom) == NULL);
    CHECK_EQ_STR(err, "bad percent escape \"%2\" in the path (use %XX with two hex digits)");
    CHECK(http__decode_path("/x%00", 5, err, sizeof(err), &oom) == NULL);
    CHECK_EQ_STR(err, "the path contains %00 (a NUL byte)");
    CHECK(http__decode_path("/x%C3%28", 8, err, sizeof(err), &oom) == NULL);
    CHECK_EQ_STR(err, "the path is not valid UTF-8 after percent-decoding (byte 3)");
    CHECK_EQ_INT(oom, 0);
    xalloc_fail_after(1);
    p = http__decode_path("/x", 2, err, sizeof(err), &oom);
    xalloc_fail_after(0);
    CHECK(p == NULL);
    CHECK_EQ_INT(oom, 1);
}

int main(void)
{
    test_cases();
    test_param_cap();
    test_param_lookup();
    test_check_params();
    test_oom();
    test_path();
    return test_report("test_http_query");
}
