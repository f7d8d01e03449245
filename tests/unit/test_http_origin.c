/* SPDX-License-Identifier: MIT */
/*
 * The write guard's rules, one table per question: is this Content-Type
 * JSON, does this Origin name the server the request was sent to, does
 * Sec-Fetch-Site say another site sent it, and which status and message
 * the guard gives for each combination that a browser or curl sends.
 */
#include <string.h>

#include "http/http.h"
#include "http/http_int.h"
#include "test.h"

static void test_json_type(void)
{
    static const struct {
        const char *value;
        int json;
    } cases[] = {
        {"application/json", 1},
        {"application/json; charset=utf-8", 1},
        {"Application/JSON", 1},
        {"  application/json", 1},
        {"application/problem+json", 1},
        {"application/json;charset=UTF-8", 1},
        {"text/plain", 0},
        {"text/plain; charset=utf-8", 0},
        {"application/x-www-form-urlencoded", 0},
        {"multipart/form-data; boundary=x", 0},
        {"text/json", 0},
        {"application/jsonx", 0},
        {"application/+json", 0},
        {"application/", 0},
        {"json", 0},
        {"", 0},
        {NULL, 0},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (http__is_json_type(cases[i].value) == cases[i].json)
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "is_json_type(\"%s\") != %d",
                         cases[i].value ? cases[i].value : "(null)", cases[i].json);
    }
}

static void test_same_origin(void)
{
    static const struct {
        const char *origin, *host;
        int same;
    } cases[] = {
        {"http://127.0.0.1:8080", "127.0.0.1:8080", 1},
        {"http://localhost:8080", "LOCALHOST:8080", 1},
        {"https://khu.example.vn", "khu.example.vn", 1},
        {"http://khu.example.vn", "khu.example.vn:80", 1},
        {"https://khu.example.vn", "khu.example.vn:443", 1},
        {"http://[::1]:8080", "[::1]:8080", 1},
        {"http://127.0.0.1:8080", "127.0.0.1:8081", 0},
        {"http://127.0.0.1", "127.0.0.1:8080", 0},
        {"https://khu.example.vn", "khu.example.vn:80", 0},
        {"http://evil.example", "khu.example.vn", 0},
        {"http://khu.example.vn.evil.example", "khu.example.vn", 0},
        {"http://khu.example", "khu.example.vn", 0},
        {"http://khu.example.vn/", "khu.example.vn", 0},
        {"http://user@khu.example.vn", "khu.example.vn", 0},
        {"null", "khu.example.vn", 0},
        {"file://", "khu.example.vn", 0},
        {"ftp://khu.example.vn", "khu.example.vn", 0},
        {"http://", "", 0},
        {"http://khu.example.vn", NULL, 0},
        {NULL, "khu.example.vn", 0},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        if (http__same_origin(cases[i].origin, cases[i].host) == cases[i].same)
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "same_origin(\"%s\", \"%s\") != %d",
                         cases[i].origin ? cases[i].origin : "(null)",
                         cases[i].host ? cases[i].host : "(null)", cases[i].same);
    }
}

static void test_cross_site_fetch(void)
{
    CHECK(http__cross_site_fetch("cross-site"));
    CHECK(http__cross_site_fetch("same-site"));
    CHECK(http__cross_site_fetch("Cross-Site"));
    CHECK(!http__cross_site_fetch("same-origin"));
    CHECK(!http__cross_site_fetch("none"));
    CHECK(!http__cross_site_fetch(NULL));
}

/* Runs the guard on one set of headers; returns the status it answered,
 * or 0 when it let the request through, and copies the detail. */
static int guard(const char *origin, const char *host, const char *fetch_site, const char *type,
                 char *detail, size_t n)
{
    struct http__write_headers h = {origin, host, fetch_site, type};
    struct http_resp resp;
    int status = 0;

    memset(&resp, 0, sizeof(resp));
    resp.status = 200;
    buf_init(&resp.body, HTTP_MAX_RESPONSE);
    if (http__write_guard(&resp, &h))
        status = resp.status;
    snprintf(detail, n, "%s", resp.body.len ? buf_cstr(&resp.body) : "");
    buf_free(&resp.body);
    return status;
}

static void test_guard(void)
{
    static const char json[] = "application/json";
    static const char site[] = "http://127.0.0.1:8080", host[] = "127.0.0.1:8080";
    char d[1024];

    /* curl, a script: no Origin, no Sec-Fetch-Site */
    CHECK_EQ_INT(guard(NULL, host, NULL, json, d, sizeof(d)), 0);
    CHECK_EQ_INT(guard(NULL, NULL, NULL, json, d, sizeof(d)), 0);
    /* khu's own page */
    CHECK_EQ_INT(guard(site, host, "same-origin", json, d, sizeof(d)), 0);
    CHECK_EQ_INT(guard(site, host, NULL, "application/json; charset=utf-8", d, sizeof(d)), 0);
    /* a form or a script on another site */
    CHECK_EQ_INT(guard("https://evil.example", host, "cross-site", "text/plain", d, sizeof(d)),
                 403);
    CHECK(strstr(d, "Origin \\\"https://evil.example\\\" is not this server (Host "
                    "\\\"127.0.0.1:8080\\\")") != NULL);
    CHECK_EQ_INT(guard("https://evil.example", host, NULL, json, d, sizeof(d)), 403);
    CHECK_EQ_INT(guard("null", host, NULL, json, d, sizeof(d)), 403);
    CHECK_EQ_INT(guard(site, NULL, NULL, json, d, sizeof(d)), 403);
    CHECK(strstr(d, "but no Host to match") != NULL);
    CHECK_EQ_INT(guard(NULL, host, "cross-site", json, d, sizeof(d)), 403);
    CHECK(strstr(d, "Sec-Fetch-Site: cross-site") != NULL);
    CHECK_EQ_INT(guard(NULL, host, "same-site", json, d, sizeof(d)), 403);
    /* not JSON */
    CHECK_EQ_INT(guard(NULL, host, NULL, "text/plain", d, sizeof(d)), 415);
    CHECK_EQ_STR(d, "{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\",\"status\":415,"
                    "\"detail\":\"the request body must be JSON: send Content-Type: "
                    "application/json, not \\\"text/plain\\\"\"}");
    CHECK_EQ_INT(
        guard(site, host, "same-origin", "application/x-www-form-urlencoded", d, sizeof(d)), 415);
    CHECK_EQ_INT(guard(NULL, host, NULL, NULL, d, sizeof(d)), 415);
    CHECK(strstr(d, "send Content-Type: application/json\"") != NULL);
}

/* A document's route: the same origin checks, and a document's type
 * checked apart, once the caller is let in. */
static void test_upload(void)
{
    static const char host[] = "127.0.0.1:8080";
    struct http__write_headers h = {"https://evil.example", host, NULL, "application/pdf", 1};
    struct http_resp resp;

    CHECK_EQ_STR(http__upload_type("application/pdf"), "application/pdf");
    CHECK_EQ_STR(http__upload_type(" IMAGE/PNG; name=x"), "image/png");
    CHECK_EQ_STR(http__upload_type("image/jpeg"), "image/jpeg");
    CHECK(http__upload_type("image/svg+xml") == NULL); /* a picture a browser would run */
    CHECK(http__upload_type("text/html") == NULL);
    CHECK(http__upload_type("application/pdfx") == NULL);
    CHECK(http__upload_type("multipart/form-data") == NULL);
    CHECK(http__upload_type(NULL) == NULL);
    memset(&resp, 0, sizeof(resp));
    buf_init(&resp.body, HTTP_MAX_RESPONSE);
    CHECK_EQ_INT(http__write_guard(&resp, &h), 1); /* another site */
    CHECK_EQ_INT(resp.status, 403);
    buf_reset(&resp.body);
    h.origin = NULL;
    h.content_type = "text/plain";
    CHECK_EQ_INT(http__write_guard(&resp, &h), 0); /* its type: the upload guard's */
    CHECK_EQ_INT(http__upload_guard(&resp, "text/plain"), 1);
    CHECK_EQ_INT(resp.status, 415);
    CHECK(strstr(buf_cstr(&resp.body), "application/pdf, image/png or image/jpeg") != NULL);
    CHECK_EQ_INT(http__upload_guard(&resp, "image/png"), 0);
    buf_free(&resp.body);
}

int main(void)
{
    test_json_type();
    test_same_origin();
    test_cross_site_fetch();
    test_guard();
    test_upload();
    return test_report("test_http_origin");
}
