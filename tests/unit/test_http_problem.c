/* SPDX-License-Identifier: MIT */
/*
 * problem+json bodies (always valid JSON, whatever the detail holds),
 * reason phrases, and the negotiation helpers: ETag, If-None-Match,
 * Accept-Encoding and gzip.
 */
#include <jansson.h>
#include <string.h>
#include <zlib.h>

#include "core/xalloc.h"
#include "http/http.h"
#include "http/http_int.h"
#include "test.h"

static void resp_init(struct http_resp *resp)
{
    memset(resp, 0, sizeof(*resp));
    resp->status = 200;
    resp->content_type = "application/json";
    buf_init(&resp->body, HTTP_MAX_RESPONSE);
}

static void test_problem_shape(void)
{
    struct http_resp resp;

    resp_init(&resp);
    buf_puts(&resp.body, "{\"half\":");
    snprintf(resp.content_disposition, sizeof(resp.content_disposition), "attachment");
    http_problem(&resp, 404, NULL, "no zone %s", "LA-99");
    CHECK_EQ_INT(resp.status, 404);
    CHECK_EQ_STR(resp.content_type, "application/problem+json");
    CHECK_EQ_STR(resp.content_disposition, "");
    CHECK_EQ_STR(buf_cstr(&resp.body), "{\"type\":\"about:blank\",\"title\":\"Not Found\","
                                       "\"status\":404,\"detail\":\"no zone LA-99\"}");
    http_problem(&resp, 400, "limit", "bad");
    CHECK_EQ_STR(buf_cstr(&resp.body), "{\"type\":\"about:blank\",\"title\":\"Bad Request\","
                                       "\"status\":400,\"detail\":\"bad\",\"param\":\"limit\"}");
    buf_free(&resp.body);
}

/* Whatever bytes the detail holds, the body parses and the detail comes
 * back with bad bytes replaced by U+FFFD. */
static void test_problem_escaping(void)
{
    static const struct {
        const char *detail;
        const char *want;
    } cases[] = {
        {"say \"hi\"\\", "say \"hi\"\\"},
        {"tab\tnl\ncr\r\x01\x1f\x7f", "tab\tnl\ncr\r\x01\x1f\x7f"},
        {"Nguy\xE1\xBB\x85n \xEC\x9A\xB8\xEC\x82\xB0",
         "Nguy\xE1\xBB\x85n \xEC\x9A\xB8\xEC\x82\xB0"},
        {"bad \xFF end", "bad \xEF\xBF\xBD end"},
        {"cut \xE1\xBB", "cut \xEF\xBF\xBD\xEF\xBF\xBD"},
        {"sur \xED\xA0\x80", "sur \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"</script>", "</script>"},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct http_resp resp;
        json_error_t jerr;
        json_t *j;

        resp_init(&resp);
        http_problem(&resp, 500, cases[i].detail, "%s", cases[i].detail);
        j = json_loads(buf_cstr(&resp.body), 0, &jerr);
        CHECK(j != NULL);
        if (j) {
            CHECK_EQ_STR(json_string_value(json_object_get(j, "detail")), cases[i].want);
            CHECK_EQ_STR(json_string_value(json_object_get(j, "param")), cases[i].want);
            CHECK_EQ_STR(json_string_value(json_object_get(j, "title")), "Internal Server Error");
            CHECK_EQ_INT(json_integer_value(json_object_get(j, "status")), 500);
        }
        json_decref(j);
        buf_free(&resp.body);
    }
}

static void test_problem_long_detail(void)
{
    struct http_resp resp;
    char big[5000];
    json_t *j;

    memset(big, 'x', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    resp_init(&resp);
    http_problem(&resp, 413, NULL, "%s", big);
    j = json_loads(buf_cstr(&resp.body), 0, NULL);
    CHECK(j != NULL);
    CHECK_EQ_INT(strlen(json_string_value(json_object_get(j, "detail"))), 2047);
    json_decref(j);
    buf_free(&resp.body);
}

static void test_reasons(void)
{
    CHECK_EQ_STR(http__reason(400), "Bad Request");
    CHECK_EQ_STR(http__reason(404), "Not Found");
    CHECK_EQ_STR(http__reason(405), "Method Not Allowed");
    CHECK_EQ_STR(http__reason(406), "Not Acceptable");
    CHECK_EQ_STR(http__reason(413), "Content Too Large");
    CHECK_EQ_STR(http__reason(414), "URI Too Long");
    CHECK_EQ_STR(http__reason(431), "Request Header Fields Too Large");
    CHECK_EQ_STR(http__reason(500), "Internal Server Error");
    CHECK_EQ_STR(http__reason(503), "Service Unavailable");
    CHECK_EQ_STR(http__reason(299), "Unknown Status");
}

static void test_etag(void)
{
    char a[HTTP__ETAG_MAX], b[HTTP__ETAG_MAX], gz[HTTP__ETAG_MAX];

    http__etag(a, NULL, "application/json", "{}", 2, 0);
    http__etag(b, NULL, "text/csv", "{}", 2, 0);
    http__etag(gz, NULL, "application/json", "{}", 2, 1);
    CHECK_EQ_INT(strlen(a), 18);
    CHECK(a[0] == '"' && a[17] == '"');
    CHECK(strcmp(a, b) != 0);
    CHECK_EQ_INT(strlen(gz), 21);
    CHECK(strncmp(a, gz, 17) == 0);
    CHECK_EQ_STR(gz + 17, "-gz\"");
    {
        char v[HTTP__ETAG_MAX], v2[HTTP__ETAG_MAX];
        http__etag(v, "0123456789abcdef", "application/json", "{}", 2, 0);
        http__etag(v2, "0123456789abcdef", "application/json", "{}", 2, 1);
        CHECK_EQ_INT(strlen(v), 35);
        CHECK(strncmp(v, "\"0123456789abcdef.", 18) == 0);
        CHECK_EQ_STR(v + 18, a + 1); /* then the body's hash, as without a version */
        CHECK_EQ_STR(v2 + 18, gz + 1);
    }

    CHECK_EQ_INT(http__etag_matches(a, a), 1);
    CHECK_EQ_INT(http__etag_matches("*", a), 1);
    CHECK_EQ_INT(http__etag_matches(gz, a), 0);
    CHECK_EQ_INT(http__etag_matches("\"x\", W/\"y\"", "\"y\""), 1);
    CHECK_EQ_INT(http__etag_matches("\"x\",\"y\"", "\"y\""), 1);
    CHECK_EQ_INT(http__etag_matches("\"x\", \"z\"", "\"y\""), 0);
    CHECK_EQ_INT(http__etag_matches("y", "\"y\""), 0);
    CHECK_EQ_INT(http__etag_matches("\"y", "\"y\""), 0);
    CHECK_EQ_INT(http__etag_matches("", "\"y\""), 0);
}

static void test_accept_encoding(void)
{
    static const struct {
        const char *ae;
        int want;
    } cases[] = {
        {NULL, 0},
        {"", 0},
        {"gzip", 1},
        {"GZip", 1},
        {"x-gzip", 1},
        {"deflate, gzip, br", 1},
        {"gzip;q=0", 0},
        {"gzip; q=0.000", 0},
        {"gzip;q=0.001", 1},
        {"gzip;Q=0.", 0},
        {"gzip;q=1.0", 1},
        {"br;q=1, gzip;q=0, *", 0},
        {"*", 1},
        {"*;q=0", 0},
        {"*;q=0, gzip", 1},
        {"identity", 0},
        {"gzipx", 0},
        {"br, deflate", 0},
    };
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        CHECK_EQ_INT(http__accepts_gzip(cases[i].ae), cases[i].want);
        if (http__accepts_gzip(cases[i].ae) != cases[i].want)
            fprintf(stderr, "  case %zu: %s\n", i, cases[i].ae ? cases[i].ae : "(null)");
    }
}

static void test_gzip(void)
{
    char in[5000], back[6000];
    size_t i, n = 0;
    uLongf backn = sizeof(back);
    z_stream z;
    char *gz;

    for (i = 0; i < sizeof(in); i++)
        in[i] = (char)('a' + i % 7);
    gz = http__gzip(in, sizeof(in), &n);
    CHECK(gz != NULL);
    CHECK(n > 10 && n < sizeof(in));
    CHECK((unsigned char)gz[0] == 0x1f && (unsigned char)gz[1] == 0x8b);
    memset(&z, 0, sizeof(z));
    CHECK_EQ_INT(inflateInit2(&z, 31), Z_OK);
    z.next_in = (Bytef *)gz;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)back;
    z.avail_out = (uInt)backn;
    CHECK_EQ_INT(inflate(&z, Z_FINISH), Z_STREAM_END);
    CHECK_EQ_INT(z.total_out, sizeof(in));
    CHECK(memcmp(in, back, sizeof(in)) == 0);
    inflateEnd(&z);
    xfree(gz);

    xalloc_fail_after(1);
    gz = http__gzip(in, sizeof(in), &n);
    xalloc_fail_after(0);
    CHECK(gz == NULL);
}

int main(void)
{
    test_problem_shape();
    test_problem_escaping();
    test_problem_long_detail();
    test_reasons();
    test_etag();
    test_accept_encoding();
    test_gzip();
    return test_report("test_http_problem");
}
