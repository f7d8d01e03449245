/* SPDX-License-Identifier: MIT */
/*
 * The server end to end: it is started on 127.0.0.1 with port 0 and a small
 * route table of test handlers, and spoken to over plain sockets with raw
 * HTTP/1.1 bytes, so that what is checked is exactly what a client sees:
 * status, headers and body for routing, limits, HEAD, CORS, ETag/304, gzip,
 * bad queries, and a graceful stop with a request in flight; and the slow
 * lane: requests of slow routes answered as any other, quick requests
 * answered while the lane is busy, a full lane answered 503 at once.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "http/http.h"
#include "test.h"

#define REPLY_MAX (4 * 1024 * 1024)

/* ===== A tiny HTTP/1.1 client ===== */

struct reply {
    int status; /* 0 when no status line came back */
    char *raw;  /* everything received, NUL-terminated */
    size_t raw_len;
    char *head; /* status line and headers, NUL-terminated (inside raw) */
    char *body; /* after the blank line (inside raw) */
    size_t body_len;
};

static int connect_to(unsigned short port)
{
    struct sockaddr_in sa;
    struct timeval tv = {5, 0};
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Sends all of p[0..n); stops quietly when the server has closed. */
static void send_all(int fd, const char *p, size_t n)
{
    ssize_t k;

    while (n > 0) {
        k = send(fd, p, n, MSG_NOSIGNAL);
        if (k <= 0)
            return;
        p += k;
        n -= (size_t)k;
    }
}

/* Reads until the server closes the connection (or REPLY_MAX). */
static void read_all(int fd, struct reply *r)
{
    size_t cap = 65536;
    ssize_t k;

    r->raw = malloc(cap + 1);
    r->raw_len = 0;
    while (r->raw && r->raw_len < REPLY_MAX) {
        if (r->raw_len == cap) {
            char *p = realloc(r->raw, 2 * cap + 1);

            if (!p)
                break;
            r->raw = p;
            cap *= 2;
        }
        k = recv(fd, r->raw + r->raw_len, cap - r->raw_len, 0);
        if (k <= 0)
            break;
        r->raw_len += (size_t)k;
    }
    if (r->raw)
        r->raw[r->raw_len] = '\0';
}

/* Splits raw into status, head and body. */
static void split(struct reply *r)
{
    char *end;

    if (!r->raw || strncmp(r->raw, "HTTP/1.", 7) != 0 || r->raw_len < 12)
        return;
    r->status = (int)strtol(r->raw + 9, NULL, 10);
    end = strstr(r->raw, "\r\n\r\n");
    if (!end)
        return;
    *end = '\0';
    r->head = r->raw;
    r->body = end + 4;
    r->body_len = r->raw_len - (size_t)(r->body - r->raw);
}

/* Sends a request (headers, then an optional body) and reads the reply. */
static void exchange(unsigned short port, const char *req, const char *body, size_t body_len,
                     struct reply *r)
{
    int fd = connect_to(port);

    memset(r, 0, sizeof(*r));
    if (fd < 0)
        return;
    send_all(fd, req, strlen(req));
    if (body)
        send_all(fd, body, body_len);
    read_all(fd, r);
    close(fd);
    split(r);
}

static void get(unsigned short port, const char *req, struct reply *r)
{
    exchange(port, req, NULL, 0, r);
}

/* Returns the value of header name in r (copied into out), or NULL. */
static const char *header(const struct reply *r, const char *name, char *out, size_t n)
{
    size_t len = strlen(name);
    const char *p = r->head ? strstr(r->head, "\r\n") : NULL;
    const char *eol;

    while (p) {
        p += 2;
        eol = strstr(p, "\r\n");
        if (strncasecmp(p, name, len) == 0 && p[len] == ':') {
            size_t vlen;

            p += len + 1;
            while (*p == ' ')
                p++;
            vlen = eol ? (size_t)(eol - p) : strlen(p);
            snprintf(out, n, "%.*s", (int)vlen, p);
            return out;
        }
        p = eol;
    }
    return NULL;
}

static void reply_free(struct reply *r)
{
    free(r->raw);
    memset(r, 0, sizeof(*r));
}

/* ===== Test handlers ===== */

static atomic_int slow_started;

static void h_hello(struct http_req *req, struct http_resp *resp)
{
    (void)req;
    buf_puts(&resp->body, "{\"hello\":\"world\"}");
}

static void h_zone(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"q", "limit", NULL};
    const char *q;

    if (http_check_params(req, resp, allowed))
        return;
    q = http_param(req, "q");
    buf_printf(&resp->body, "{\"code\":\"%s\",\"q\":\"%s\",\"n\":%zu}", req->path_params[0],
               q ? q : "", req->npath_params);
}

static void h_zone_post(struct http_req *req, struct http_resp *resp)
{
    resp->status = 201;
    buf_printf(&resp->body, "{\"created\":\"%s\"}", req->path_params[0]);
}

static void h_big(struct http_req *req, struct http_resp *resp)
{
    int i;

    (void)req;
    buf_putc(&resp->body, '[');
    for (i = 0; i < 400; i++)
        buf_printf(&resp->body, "%s{\"id\":%d,\"name\":\"zone\"}", i ? "," : "", i);
    buf_putc(&resp->body, ']');
}

static void h_echo(struct http_req *req, struct http_resp *resp)
{
    resp->content_type = "text/plain";
    buf_printf(&resp->body, "%zu:", req->body_len);
    buf_append(&resp->body, req->body, req->body_len);
}

static void h_info(struct http_req *req, struct http_resp *resp)
{
    buf_printf(&resp->body, "%s|%s|%s|%s|%s", req->method, req->path,
               req->accept ? req->accept : "-", req->accept_language ? req->accept_language : "-",
               (const char *)req->app);
}

static void h_csv(struct http_req *req, struct http_resp *resp)
{
    (void)req;
    resp->content_type = "text/csv; charset=utf-8";
    snprintf(resp->content_disposition, sizeof(resp->content_disposition),
             "attachment; filename=\"zones.csv\"");
    buf_puts(&resp->body, "code,name\r\nLA-01,A\r\n");
}

static void h_noetag(struct http_req *req, struct http_resp *resp)
{
    (void)req;
    resp->no_etag = 1;
    buf_puts(&resp->body, "{}");
}

static void h_fail(struct http_req *req, struct http_resp *resp)
{
    (void)req;
    buf_puts(&resp->body, "{\"partial\":");
    resp->body.err = KHU_ENOMEM;
}

static void h_badtype(struct http_req *req, struct http_resp *resp)
{
    (void)req;
    resp->content_type = "text/plain\r\nSet-Cookie: x=1";
    buf_puts(&resp->body, "x");
}

static void h_slow(struct http_req *req, struct http_resp *resp)
{
    struct timespec ts = {0, 200 * 1000 * 1000};

    (void)req;
    atomic_store(&slow_started, 1);
    nanosleep(&ts, NULL);
    buf_puts(&resp->body, "{\"slow\":true}");
}

/* The lane's handler: holds its lane thread until the test opens the gate
 * (5 s at most), then says whether it was opened. */
static atomic_int lane_entered, lane_gate;

static void h_lane_wait(struct http_req *req, struct http_resp *resp)
{
    struct timespec tick = {0, 1000 * 1000};
    int i;

    if (!req->on_lane) { /* the server drops this when it goes to the lane */
        buf_puts(&resp->body, "not sent");
        resp->status = 404;
        resp->content_type = "text/plain";
    }
    if (http_to_lane(req, resp))
        return;
    atomic_fetch_add(&lane_entered, 1);
    for (i = 0; i < 5000 && !atomic_load(&lane_gate); i++)
        nanosleep(&tick, NULL);
    buf_printf(&resp->body, "{\"gate\":%s}", atomic_load(&lane_gate) ? "\"open\"" : "\"shut\"");
}

/* h_big, on the lane when the query asks for it. */
static void h_lane_big(struct http_req *req, struct http_resp *resp)
{
    if (http_param(req, "slow") && http_to_lane(req, resp))
        return;
    h_big(req, resp);
}

static void h_lane_fail(struct http_req *req, struct http_resp *resp)
{
    if (http_to_lane(req, resp))
        return;
    h_fail(req, resp);
}

static void h_params(struct http_req *req, struct http_resp *resp)
{
    buf_printf(&resp->body, "{\"n\":%zu}", req->nparams);
}

static atomic_int writes_run;

static void h_write(struct http_req *req, struct http_resp *resp)
{
    atomic_fetch_add(&writes_run, 1);
    resp->status = 201;
    buf_printf(&resp->body, "{\"got\":%zu}", req->body_len);
}

static const struct http_route routes[] = {
    {"GET", "/params", h_params},
    {"POST", "/write", h_write, HTTP_ROUTE_WRITE},
    {"GET", "/hello", h_hello},
    {"GET", "/zones/{code}", h_zone},
    {"POST", "/zones/{code}", h_zone_post},
    {"GET", "/big", h_big},
    {"POST", "/echo", h_echo},
    {"GET", "/info/{x}", h_info},
    {"GET", "/csv", h_csv},
    {"GET", "/noetag", h_noetag},
    {"GET", "/fail", h_fail},
    {"GET", "/slow", h_slow},
    {"GET", "/badtype", h_badtype},
    {"GET", "/lane/wait", h_lane_wait},
    {"GET", "/lane/big", h_lane_big},
    {"GET", "/lane/fail", h_lane_fail},
    {NULL, NULL, NULL},
};

static struct http_server *start_with(unsigned threads, unsigned slow_threads, unsigned slow_queue)
{
    static char app[] = "the-app";
    struct http_config cfg;

    memset(&cfg, 0, sizeof(cfg));
    cfg.bind_addr = "127.0.0.1";
    cfg.port = 0;
    cfg.threads = threads;
    cfg.slow_threads = slow_threads;
    cfg.slow_queue = slow_queue;
    cfg.routes = routes;
    cfg.app = app;
    return http_server_start(&cfg);
}

static struct http_server *start(void)
{
    return start_with(4, 0, 0);
}

/* ===== Tests ===== */

static void test_hello(unsigned short port)
{
    struct reply r;
    char v[256];

    get(port, "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "{\"hello\":\"world\"}");
    CHECK_EQ_STR(header(&r, "Content-Type", v, sizeof(v)), "application/json");
    CHECK_EQ_STR(header(&r, "Content-Length", v, sizeof(v)), "17");
    CHECK_EQ_STR(header(&r, "Access-Control-Allow-Origin", v, sizeof(v)), "*");
    CHECK_EQ_STR(header(&r, "Vary", v, sizeof(v)), "Accept, Accept-Encoding, Accept-Language");
    CHECK_EQ_STR(header(&r, "Cache-Control", v, sizeof(v)), "no-cache");
    CHECK(header(&r, "ETag", v, sizeof(v)) != NULL);
    CHECK(header(&r, "Content-Encoding", v, sizeof(v)) == NULL);
    reply_free(&r);
}

static void test_request_fields(unsigned short port)
{
    struct reply r;

    get(port,
        "GET /info/a%20b HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n"
        "Accept-Language: vi\r\nConnection: close\r\n\r\n",
        &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "GET|/info/a b|text/csv|vi|the-app");
    reply_free(&r);
}

static void test_path_params(unsigned short port)
{
    struct reply r;
    char v[256];

    get(port, "GET /zones/LA-01?q=Nguy%E1%BB%85n+A HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "{\"code\":\"LA-01\",\"q\":\"Nguy\xE1\xBB\x85n A\",\"n\":1}");
    reply_free(&r);

    get(port, "GET /zones/LA-01?sort=x HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 400);
    CHECK_EQ_STR(header(&r, "Content-Type", v, sizeof(v)), "application/problem+json");
    CHECK_EQ_STR(r.body, "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                         "\"detail\":\"unknown query parameter \\\"sort\\\"; allowed: q, "
                         "limit\",\"param\":\"sort\"}");
    CHECK(header(&r, "ETag", v, sizeof(v)) == NULL);
    reply_free(&r);

    get(port, "GET /zones/LA-01?q=1&q=2 HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 400);
    CHECK(strstr(r.body, "is given more than once") != NULL);
    reply_free(&r);
}

static void test_not_found(unsigned short port)
{
    struct reply r;
    char v[256];

    get(port, "GET /nope HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 404);
    CHECK_EQ_STR(header(&r, "Content-Type", v, sizeof(v)), "application/problem+json");
    CHECK_EQ_STR(r.body, "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                         "\"detail\":\"there is nothing at /nope\"}");
    reply_free(&r);

    get(port, "GET /hello/ HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 404);
    reply_free(&r);

    get(port, "GET /zones/ HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 404);
    reply_free(&r);
}

static void test_method_not_allowed(unsigned short port)
{
    struct reply r;
    char v[256];

    get(port, "DELETE /hello HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 405);
    CHECK_EQ_STR(header(&r, "Allow", v, sizeof(v)), "GET, HEAD, OPTIONS");
    CHECK_EQ_STR(r.body, "{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\","
                         "\"status\":405,\"detail\":\"DELETE is not allowed here; use GET, "
                         "HEAD, OPTIONS\"}");
    CHECK(header(&r, "Access-Control-Allow-Origin", v, sizeof(v)) == NULL);
    reply_free(&r);

    get(port, "PUT /zones/LA-01 HTTP/1.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 405);
    CHECK_EQ_STR(header(&r, "Allow", v, sizeof(v)), "GET, HEAD, POST, OPTIONS");
    reply_free(&r);

    get(port, "POST /zones/LA-02 HTTP/1.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 201);
    CHECK_EQ_STR(r.body, "{\"created\":\"LA-02\"}");
    CHECK(header(&r, "ETag", v, sizeof(v)) == NULL);
    CHECK(header(&r, "Access-Control-Allow-Origin", v, sizeof(v)) == NULL);
    reply_free(&r);
}

static void test_head(unsigned short port)
{
    struct reply r;
    char v[256], etag[256];

    get(port, "GET /big HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 200);
    snprintf(etag, sizeof(etag), "%s", header(&r, "ETag", v, sizeof(v)) ? v : "?");
    reply_free(&r);

    get(port, "HEAD /big HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_INT(r.body_len, 0);
    CHECK_EQ_STR(header(&r, "Content-Length", v, sizeof(v)), "9891");
    CHECK_EQ_STR(header(&r, "ETag", v, sizeof(v)), etag);
    CHECK_EQ_STR(header(&r, "Access-Control-Allow-Origin", v, sizeof(v)), "*");
    reply_free(&r);

    get(port, "HEAD /nope HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 404);
    CHECK_EQ_INT(r.body_len, 0);
    reply_free(&r);
}

static void test_options(unsigned short port)
{
    struct reply r;
    char v[256];

    get(port,
        "OPTIONS /zones/LA-01 HTTP/1.1\r\nOrigin: http://example.org\r\n"
        "Access-Control-Request-Method: GET\r\nConnection: close\r\n\r\n",
        &r);
    CHECK_EQ_INT(r.status, 204);
    CHECK_EQ_INT(r.body_len, 0);
    CHECK_EQ_STR(header(&r, "Access-Control-Allow-Origin", v, sizeof(v)), "*");
    CHECK_EQ_STR(header(&r, "Access-Control-Allow-Methods", v, sizeof(v)), "GET, HEAD, OPTIONS");
    CHECK_EQ_STR(header(&r, "Access-Control-Allow-Headers", v, sizeof(v)),
                 "Accept, Accept-Encoding, Accept-Language, Content-Type, If-None-Match");
    CHECK_EQ_STR(header(&r, "Access-Control-Max-Age", v, sizeof(v)), "600");
    CHECK_EQ_STR(header(&r, "Allow", v, sizeof(v)), "GET, HEAD, POST, OPTIONS");
    reply_free(&r);

    get(port, "OPTIONS /nope HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 404);
    reply_free(&r);
}

/* Fetches path with one extra header line (may be ""), returns the reply. */
static void get_with(unsigned short port, const char *path, const char *extra, struct reply *r)
{
    char req[1024];

    snprintf(req, sizeof(req), "GET %s HTTP/1.1\r\nHost: x\r\n%sConnection: close\r\n\r\n", path,
             extra);
    get(port, req, r);
}

static void test_etag(unsigned short port)
{
    struct reply r;
    char v[256], etag[256], extra[512];

    get_with(port, "/hello", "", &r);
    CHECK(header(&r, "ETag", v, sizeof(v)) != NULL);
    snprintf(etag, sizeof(etag), "%s", v);
    CHECK_EQ_INT(strlen(etag), 18);
    reply_free(&r);

    snprintf(extra, sizeof(extra), "If-None-Match: %s\r\n", etag);
    get_with(port, "/hello", extra, &r);
    CHECK_EQ_INT(r.status, 304);
    CHECK_EQ_INT(r.body_len, 0);
    CHECK_EQ_STR(header(&r, "ETag", v, sizeof(v)), etag);
    CHECK_EQ_STR(header(&r, "Cache-Control", v, sizeof(v)), "no-cache");
    reply_free(&r);

    snprintf(extra, sizeof(extra), "If-None-Match: \"0000\", W/%s\r\n", etag);
    get_with(port, "/hello", extra, &r);
    CHECK_EQ_INT(r.status, 304);
    reply_free(&r);

    get_with(port, "/hello", "If-None-Match: *\r\n", &r);
    CHECK_EQ_INT(r.status, 304);
    reply_free(&r);

    get_with(port, "/hello", "If-None-Match: \"0123456789abcdef\"\r\n", &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "{\"hello\":\"world\"}");
    reply_free(&r);

    snprintf(extra, sizeof(extra), "If-None-Match: %s\r\n", etag);
    get_with(port, "/noetag", extra, &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK(header(&r, "ETag", v, sizeof(v)) == NULL);
    reply_free(&r);
}

/* Inflates a gzip body; returns the length, or -1. */
static long inflate_body(const char *in, size_t n, char *out, size_t outn)
{
    z_stream z;
    long len = -1;

    memset(&z, 0, sizeof(z));
    if (inflateInit2(&z, 31) != Z_OK)
        return -1;
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)outn;
    if (inflate(&z, Z_FINISH) == Z_STREAM_END)
        len = (long)z.total_out;
    inflateEnd(&z);
    return len;
}

/* path answers h_big, on a pool thread or on the slow lane. */
static void test_gzip(unsigned short port, const char *path)
{
    struct reply plain, gz, r;
    char v[256], etag[256], extra[512], back[16384];
    long n;

    get_with(port, path, "", &plain);
    CHECK_EQ_INT(plain.status, 200);
    CHECK_EQ_INT(plain.body_len, 9891);
    get_with(port, path, "Accept-Encoding: br, gzip\r\n", &gz);
    CHECK_EQ_INT(gz.status, 200);
    CHECK_EQ_STR(header(&gz, "Content-Encoding", v, sizeof(v)), "gzip");
    CHECK(gz.body_len < plain.body_len);
    n = inflate_body(gz.body, gz.body_len, back, sizeof(back));
    CHECK_EQ_INT(n, (long)plain.body_len);
    CHECK(n > 0 && memcmp(back, plain.body, (size_t)n) == 0);
    CHECK(header(&gz, "ETag", etag, sizeof(etag)) != NULL);
    CHECK(header(&plain, "ETag", v, sizeof(v)) != NULL);
    CHECK(strcmp(etag, v) != 0);
    CHECK_EQ_INT(strlen(etag), 21);
    CHECK(strncmp(etag, v, 17) == 0 && strcmp(etag + 17, "-gz\"") == 0);

    snprintf(extra, sizeof(extra), "Accept-Encoding: gzip\r\nIf-None-Match: %s\r\n", etag);
    get_with(port, path, extra, &r);
    CHECK_EQ_INT(r.status, 304);
    CHECK_EQ_STR(header(&r, "ETag", v, sizeof(v)), etag);
    reply_free(&r);

    get_with(port, path, "Accept-Encoding: gzip;q=0, br\r\n", &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK(header(&r, "Content-Encoding", v, sizeof(v)) == NULL);
    CHECK_EQ_INT(r.body_len, 9891);
    reply_free(&r);

    get_with(port, "/hello", "Accept-Encoding: gzip\r\n", &r);
    CHECK(header(&r, "Content-Encoding", v, sizeof(v)) == NULL);
    reply_free(&r);

    snprintf(extra, sizeof(extra),
             "HEAD %s HTTP/1.1\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n", path);
    get(port, extra, &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_INT(r.body_len, 0);
    snprintf(extra, sizeof(extra), "%zu", gz.body_len);
    CHECK_EQ_STR(header(&r, "Content-Length", v, sizeof(v)), extra);
    reply_free(&r);
    reply_free(&plain);
    reply_free(&gz);
}

static void test_headers_misc(unsigned short port)
{
    struct reply r;
    char v[256];

    get_with(port, "/csv", "", &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(header(&r, "Content-Type", v, sizeof(v)), "text/csv; charset=utf-8");
    CHECK_EQ_STR(header(&r, "Content-Disposition", v, sizeof(v)),
                 "attachment; filename=\"zones.csv\"");
    reply_free(&r);

    get_with(port, "/fail", "", &r);
    CHECK_EQ_INT(r.status, 500);
    CHECK_EQ_STR(r.body, "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\","
                         "\"status\":500,\"detail\":\"the response could not be built (out of "
                         "memory)\"}");
    reply_free(&r);
    get_with(port, "/lane/fail", "", &r); /* the same handler, on the lane */
    CHECK_EQ_INT(r.status, 500);
    CHECK(r.body && strstr(r.body, "the response could not be built (out of memory)") != NULL);
    reply_free(&r);

    get_with(port, "/badtype", "", &r);
    CHECK_EQ_INT(r.status, 500);
    CHECK(header(&r, "Set-Cookie", v, sizeof(v)) == NULL);
    CHECK(r.body && strstr(r.body, "the handler produced an invalid response") != NULL);
    reply_free(&r);
}

static void test_body(unsigned short port)
{
    struct reply r;

    exchange(port,
             "POST /echo HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n"
             "Connection: close\r\n\r\n",
             "hello world", 11, &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "11:hello world");
    reply_free(&r);

    exchange(port, "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
             "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", 26, &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "11:hello world");
    reply_free(&r);
}

/* A declared Content-Length over the limit is answered at once, without
 * reading the body; a chunked body that grows past it is read, dropped and
 * answered 413 at the end. */
static void test_body_too_big(unsigned short port)
{
    static const char chunked_head[] =
        "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    struct reply r;
    char req[256], chunk_head[32];
    size_t total = HTTP_MAX_BODY + 10, chunk = 64 * 1024, sent;
    char *data = malloc(chunk);
    int fd;

    snprintf(req, sizeof(req),
             "POST /echo HTTP/1.1\r\nContent-Length: %d\r\nConnection: close\r\n\r\n",
             HTTP_MAX_BODY + 1);
    get(port, req, &r);
    CHECK_EQ_INT(r.status, 413);
    CHECK(r.body && strstr(r.body, "\"title\":\"Content Too Large\",\"status\":413") != NULL);
    reply_free(&r);

    memset(data, 'x', chunk);
    fd = connect_to(port);
    CHECK(fd >= 0);
    memset(&r, 0, sizeof(r));
    send_all(fd, chunked_head, strlen(chunked_head));
    for (sent = 0; sent < total; sent += chunk) {
        snprintf(chunk_head, sizeof(chunk_head), "%zx\r\n", chunk);
        send_all(fd, chunk_head, strlen(chunk_head));
        send_all(fd, data, chunk);
        send_all(fd, "\r\n", 2);
    }
    send_all(fd, "0\r\n\r\n", 5);
    read_all(fd, &r);
    close(fd);
    split(&r);
    CHECK_EQ_INT(r.status, 413);
    CHECK(r.body && strstr(r.body, "larger than 1048576 bytes") != NULL);
    reply_free(&r);
    free(data);
}

/* Builds "GET <path>?x=aaaa... HTTP/1.1" with a target of target_len bytes. */
static char *long_target_request(size_t target_len)
{
    size_t n = target_len + 64;
    char *req = malloc(n);
    size_t used = (size_t)snprintf(req, n, "GET /hello?x=");

    memset(req + used, 'a', target_len - 9);
    used += target_len - 9;
    snprintf(req + used, n - used, " HTTP/1.1\r\nConnection: close\r\n\r\n");
    return req;
}

static void test_long_url(unsigned short port)
{
    struct reply r;
    char *req;

    req = long_target_request(HTTP_MAX_URL);
    get(port, req, &r);
    CHECK_EQ_INT(r.status, 200); /* exactly at the limit */
    reply_free(&r);
    free(req);

    req = long_target_request(HTTP_MAX_URL + 1);
    get(port, req, &r);
    CHECK_EQ_INT(r.status, 414);
    CHECK(r.body && strstr(r.body, "\"title\":\"URI Too Long\"") != NULL);
    reply_free(&r);
    free(req);

    /* Far past MHD's per-connection memory: MHD answers by itself. */
    req = long_target_request(200 * 1024);
    get(port, req, &r);
    CHECK_EQ_INT(r.status, 414);
    reply_free(&r);
    free(req);
}

/* Sends GET /hello with one header line of n bytes of value. */
static void long_header(unsigned short port, size_t n, struct reply *r)
{
    char *req = malloc(n + 128);
    size_t used = (size_t)snprintf(req, n + 128, "GET /hello HTTP/1.1\r\nX-Big: ");

    memset(req + used, 'b', n);
    snprintf(req + used + n, 128, "\r\nConnection: close\r\n\r\n");
    get(port, req, r);
    free(req);
}

static void test_long_header(unsigned short port)
{
    struct reply r;

    long_header(port, 30 * 1024, &r);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);

    long_header(port, HTTP_MAX_HEADER_BYTES + 1024, &r);
    CHECK_EQ_INT(r.status, 431);
    CHECK(r.body && strstr(r.body, "\"title\":\"Request Header Fields Too Large\"") != NULL);
    reply_free(&r);

    /* Past what MHD will hold: MHD answers 431 itself (an HTML body). */
    long_header(port, 100 * 1024, &r);
    CHECK_EQ_INT(r.status, 431);
    reply_free(&r);

    get(port, "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);
}

static void test_bad_query(unsigned short port)
{
    struct reply r;

    get(port, "GET /zones/LA-01?q=%FF HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 400);
    CHECK_EQ_STR(r.body, "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                         "\"detail\":\"query parameter \\\"q\\\": the value is not valid UTF-8 "
                         "after percent-decoding (byte 1)\",\"param\":\"q\"}");
    reply_free(&r);

    get(port, "GET /zones/LA-01?q=\xC3\x28 HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);

    get(port, "GET /zones/LA-01?q=%G1 HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 400);
    CHECK(r.body && strstr(r.body, "bad percent escape \\\"%G1\\\"") != NULL);
    reply_free(&r);

    get(port, "GET /zones/%ZZ HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 400);
    CHECK(r.body && strstr(r.body, "in the path") != NULL);
    reply_free(&r);

    get(port, "GET /zones/LA%00 HTTP/1.1\r\nConnection: close\r\n\r\n", &r);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);
}

/* Two requests on one connection: keep-alive works. */
static void test_keep_alive(unsigned short port)
{
    struct reply r;
    const char *second;

    get(port,
        "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /zones/B HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        &r);
    CHECK_EQ_INT(r.status, 200);
    second = r.body ? strstr(r.body, "HTTP/1.1 200") : NULL;
    CHECK(second != NULL);
    CHECK(second && strstr(second, "{\"code\":\"B\",\"q\":\"\",\"n\":1}") != NULL);
    reply_free(&r);
}

struct slow_call {
    unsigned short port;
    struct reply r;
};

static void *slow_client(void *arg)
{
    struct slow_call *c = arg;

    get(c->port, "GET /slow HTTP/1.1\r\nConnection: close\r\n\r\n", &c->r);
    return NULL;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ===== Refused shapes are answered at once ===== */

/* The longest a refusal may take, from the last byte sent to the end of
 * the answer. */
#define ANSWER_MS 100.0

/* Sends req on a new connection and reads the answer; *ms is the time from
 * the last byte sent to the server's close (5 s at most: SO_RCVTIMEO). */
static void timed_get(unsigned short port, const char *req, struct reply *r, double *ms)
{
    int fd = connect_to(port);
    double t0;

    memset(r, 0, sizeof(*r));
    *ms = 0;
    if (fd < 0)
        return;
    send_all(fd, req, strlen(req));
    t0 = now_s();
    read_all(fd, r);
    *ms = (now_s() - t0) * 1000.0;
    close(fd);
    split(r);
}

/* Returns "GET /params?p&p&...&p HTTP/1.1 ..." with n parameters (a
 * request target of 2n + 7 bytes); the caller frees it. */
static char *params_request(size_t n)
{
    static const char head[] = "GET /params?", tail[] = " HTTP/1.1\r\nHost: x\r\n"
                                                        "Connection: close\r\n\r\n";
    size_t len = sizeof(head) - 1 + 2 * n + sizeof(tail), i;
    char *req = malloc(len), *p = req;

    memcpy(p, head, sizeof(head) - 1);
    p += sizeof(head) - 1;
    for (i = 0; i < n; i++) {
        *p++ = 'p';
        *p++ = '&';
    }
    memcpy(p - 1, tail, sizeof(tail)); /* the last '&' becomes the space */
    return req;
}

/* Sends a request with n query parameters and checks the status, the
 * problem+json detail (when want_detail is not NULL) and that the answer
 * came within ANSWER_MS. */
static void check_params_answer(unsigned short port, size_t n, int want_status,
                                const char *want_detail)
{
    char *req = params_request(n);
    struct reply r;
    char v[256];
    double ms;

    timed_get(port, req, &r, &ms);
    if (r.status != want_status)
        TEST_FAIL_AT(__FILE__, __LINE__, "%zu parameters: status %d, want %d (after %.0f ms)", n,
                     r.status, want_status, ms);
    else
        test_passed++;
    if (ms >= ANSWER_MS)
        TEST_FAIL_AT(__FILE__, __LINE__, "%zu parameters: answered after %.1f ms", n, ms);
    else
        test_passed++;
    if (want_detail) {
        CHECK_EQ_STR(header(&r, "Content-Type", v, sizeof(v)), "application/problem+json");
        if (!r.body || !strstr(r.body, want_detail))
            TEST_FAIL_AT(__FILE__, __LINE__, "%zu parameters: body %s", n,
                         r.body ? r.body : "(none)");
        else
            test_passed++;
    }
    reply_free(&r);
    free(req);
}

/* Too many parameters are a 400 naming HTTP_MAX_PARAMS while the target is
 * within HTTP_MAX_URL, and a 414 naming HTTP_MAX_URL past it, however many
 * parameters it holds; past what MHD keeps for the request line, MHD's own
 * 414. Every one is answered at once (before, 750 parameters were held
 * until the connection timed out, and each leaked its request state). */
static void test_many_params(unsigned short port)
{
    static const char too_many[] =
        "\"detail\":\"too many query parameters (at most 64 are accepted)\"";
    static const char too_long[] = "\"detail\":\"the request target is longer than 4096 bytes\"";
    char *req = params_request(HTTP_MAX_PARAMS);
    struct reply r;

    get(port, req, &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "{\"n\":64}");
    reply_free(&r);
    free(req);
    check_params_answer(port, HTTP_MAX_PARAMS + 1, 400, too_many);
    check_params_answer(port, 750, 400, too_many);
    check_params_answer(port, (HTTP_MAX_URL - 7) / 2, 400, too_many); /* 4095 bytes */
    check_params_answer(port, (HTTP_MAX_URL - 7) / 2 + 1, 414, too_long);
    check_params_answer(port, 3000, 414, too_long);
    check_params_answer(port, 20000, 414, too_long);
    check_params_answer(port, 100000, 414, NULL); /* 200 KB: MHD answers */
    req = params_request(2);
    get(port, req, &r);
    CHECK_EQ_STR(r.body, "{\"n\":2}");
    reply_free(&r);
    free(req);
}

/* POSTs body to path with the given extra header lines; returns the status
 * and leaves the reply in r. */
static int post_with(unsigned short port, const char *path, const char *headers, struct reply *r)
{
    static const char body[] = "{\"name\":\"A\"}";
    char req[1024];

    snprintf(req, sizeof(req),
             "POST %s HTTP/1.1\r\n%sContent-Length: %zu\r\nConnection: close\r\n\r\n", path,
             headers, sizeof(body) - 1);
    exchange(port, req, body, sizeof(body) - 1, r);
    return r->status;
}

/* A route flagged HTTP_ROUTE_WRITE refuses what a page of another site
 * can send, before its handler runs; curl and khu's own pages get through,
 * and routes without the flag are not affected. */
static void test_write_guard(unsigned short port)
{
    static const char json[] = "Content-Type: application/json\r\n";
    struct reply r;
    char v[256], own[256];
    int before = atomic_load(&writes_run);

    CHECK_EQ_INT(post_with(port, "/write", "Host: x\r\nContent-Type: text/plain\r\n", &r), 415);
    CHECK_EQ_STR(header(&r, "Content-Type", v, sizeof(v)), "application/problem+json");
    CHECK(r.body && strstr(r.body, "send Content-Type: application/json") != NULL);
    reply_free(&r);
    CHECK_EQ_INT(post_with(port, "/write",
                           "Host: x\r\nOrigin: https://evil.example\r\nSec-Fetch-Site: "
                           "cross-site\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                           &r),
                 403);
    CHECK(r.body && strstr(r.body, "\"title\":\"Forbidden\",\"status\":403") != NULL);
    CHECK(r.body &&
          strstr(r.body, "Origin \\\"https://evil.example\\\" is not this server") != NULL);
    reply_free(&r);
    snprintf(own, sizeof(own), "Host: x\r\nOrigin: http://evil.example\r\n%s", json);
    CHECK_EQ_INT(post_with(port, "/write", own, &r), 403);
    reply_free(&r);
    snprintf(own, sizeof(own), "Host: x\r\nSec-Fetch-Site: same-site\r\n%s", json);
    CHECK_EQ_INT(post_with(port, "/write", own, &r), 403);
    reply_free(&r);
    CHECK_EQ_INT(atomic_load(&writes_run), before);
    /* khu's own page, then curl */
    snprintf(own, sizeof(own),
             "Host: 127.0.0.1:%u\r\nOrigin: http://127.0.0.1:%u\r\nSec-Fetch-Site: "
             "same-origin\r\n%s",
             port, port, json);
    CHECK_EQ_INT(post_with(port, "/write", own, &r), 201);
    CHECK_EQ_STR(r.body, "{\"got\":12}");
    reply_free(&r);
    snprintf(own, sizeof(own), "Host: 127.0.0.1:%u\r\n%s", port, json);
    CHECK_EQ_INT(post_with(port, "/write", own, &r), 201);
    reply_free(&r);
    CHECK_EQ_INT(atomic_load(&writes_run), before + 2);
    /* a route without the flag */
    CHECK_EQ_INT(post_with(port, "/echo", "Origin: https://evil.example\r\n", &r), 200);
    reply_free(&r);
}

/* ===== The slow lane ===== */

/* A client on its own thread: GET path, then done is set. */
struct lane_call {
    unsigned short port;
    const char *path;
    struct reply r;
    atomic_int done;
    pthread_t thread;
};

static void *lane_client(void *arg)
{
    struct lane_call *c = arg;

    get_with(c->port, c->path, "", &c->r);
    atomic_store(&c->done, 1);
    return NULL;
}

static void lane_call_start(struct lane_call *c, unsigned short port, const char *path)
{
    memset(&c->r, 0, sizeof(c->r));
    c->port = port;
    c->path = path;
    atomic_store(&c->done, 0);
    CHECK_EQ_INT(pthread_create(&c->thread, NULL, lane_client, c), 0);
}

/* Waits (5 s at most) until *counter reaches n; returns 1 when it did. */
static int wait_count(atomic_int *counter, int n)
{
    struct timespec tick = {0, 1000 * 1000};
    int i;

    for (i = 0; i < 5000 && atomic_load(counter) < n; i++)
        nanosleep(&tick, NULL);
    return atomic_load(counter) >= n;
}

/* A server for one lane test, its gate shut; NULL (a failed check) when
 * it cannot start. */
static struct http_server *lane_server(unsigned threads, unsigned slow_threads, unsigned slow_queue,
                                       unsigned short *port)
{
    struct http_server *s = start_with(threads, slow_threads, slow_queue);

    CHECK(s != NULL);
    *port = s ? http_server_port(s) : 0;
    atomic_store(&lane_entered, 0);
    atomic_store(&lane_gate, 0);
    return s;
}

/* With one pool thread and both lane threads held by slow requests, a
 * quick request is still answered, before either slow one ends: the pool
 * thread never ran them. (Run inline, the first would have held the only
 * pool thread until its gate opened.) */
static void test_lane_frees_pool_threads(void)
{
    unsigned short port;
    struct http_server *s = lane_server(1, 2, 0, &port);
    struct lane_call a, b;
    struct reply r;
    char v[64];

    if (!s)
        return;
    lane_call_start(&a, port, "/lane/wait");
    lane_call_start(&b, port, "/lane/wait");
    CHECK(wait_count(&lane_entered, 2));
    get_with(port, "/hello", "", &r);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "{\"hello\":\"world\"}");
    CHECK_EQ_INT(atomic_load(&a.done) + atomic_load(&b.done), 0);
    reply_free(&r);
    atomic_store(&lane_gate, 1);
    pthread_join(a.thread, NULL);
    pthread_join(b.thread, NULL);
    CHECK_EQ_INT(a.r.status, 200);
    CHECK_EQ_STR(a.r.body, "{\"gate\":\"open\"}");
    CHECK_EQ_STR(header(&a.r, "Content-Type", v, sizeof(v)), "application/json");
    CHECK_EQ_INT(b.r.status, 200);
    CHECK_EQ_STR(b.r.body, "{\"gate\":\"open\"}");
    reply_free(&a.r);
    reply_free(&b.r);
    http_server_stop(s);
}

/* One lane thread and room for one waiting request: with one running and
 * one waiting, a third slow request is answered 503 with Retry-After at
 * once, while the other two are still held; they finish afterwards. */
static void test_lane_full(void)
{
    unsigned short port;
    struct http_server *s = lane_server(2, 1, 1, &port);
    struct lane_call a, b, c;
    struct lane_call *refused, *queued;
    char v[64];
    int i;

    if (!s)
        return;
    lane_call_start(&a, port, "/lane/wait");
    CHECK(wait_count(&lane_entered, 1));
    lane_call_start(&b, port, "/lane/wait");
    lane_call_start(&c, port, "/lane/wait");
    for (i = 0; i < 5000 && !atomic_load(&b.done) && !atomic_load(&c.done); i++)
        nanosleep(&(struct timespec){0, 1000 * 1000}, NULL);
    CHECK_EQ_INT(atomic_load(&a.done), 0); /* still held by the gate */
    refused = atomic_load(&b.done) ? &b : &c;
    queued = refused == &b ? &c : &b;
    pthread_join(refused->thread, NULL);
    CHECK_EQ_INT(refused->r.status, 503);
    CHECK_EQ_STR(header(&refused->r, "Retry-After", v, sizeof(v)), "2");
    CHECK(refused->r.body && strstr(refused->r.body, "busy with long requests") != NULL);
    atomic_store(&lane_gate, 1);
    pthread_join(a.thread, NULL);
    pthread_join(queued->thread, NULL);
    CHECK_EQ_INT(a.r.status, 200);
    CHECK_EQ_STR(a.r.body, "{\"gate\":\"open\"}");
    CHECK_EQ_INT(queued->r.status, 200);
    CHECK_EQ_STR(queued->r.body, "{\"gate\":\"open\"}");
    CHECK_EQ_INT(atomic_load(&lane_entered), 2);
    reply_free(&a.r);
    reply_free(&b.r);
    reply_free(&c.r);
    http_server_stop(s);
}

struct stopper {
    struct http_server *s;
    double waited;
};

static void *stop_server(void *arg)
{
    struct stopper *st = arg;
    double t0 = now_s();

    http_server_stop(st->s);
    st->waited = now_s() - t0;
    return NULL;
}

/* Waits (up to 5 s) until the slow handler has started. */
static int wait_slow_started(void)
{
    struct timespec tick = {0, 1000 * 1000};
    int i;

    for (i = 0; i < 5000 && !atomic_load(&slow_started); i++)
        nanosleep(&tick, NULL);
    return atomic_load(&slow_started);
}

#define IDLE_CONNS 8

/* Sends a request on each already-open connection and counts the replies:
 * 503 with "Connection: close" (the request reached a free pool thread
 * while the server was stopping) or nothing at all (it sat unread on the
 * thread busy with the slow request and was cut when MHD stopped). */
static void late_requests(const int *fds, int *got_503, int *got_other)
{
    static const char late_req[] = "GET /hello HTTP/1.1\r\n\r\n";
    struct reply late;
    char v[256];
    int i;

    for (i = 0; i < IDLE_CONNS; i++)
        send_all(fds[i], late_req, strlen(late_req));
    for (i = 0; i < IDLE_CONNS; i++) {
        memset(&late, 0, sizeof(late));
        read_all(fds[i], &late);
        close(fds[i]);
        split(&late);
        if (late.status == 503 && header(&late, "Connection", v, sizeof(v)) &&
            strcmp(v, "close") == 0 && late.body && strstr(late.body, "shutting down"))
            (*got_503)++;
        else if (late.raw_len != 0)
            (*got_other)++;
        reply_free(&late);
    }
}

/* One run: a slow request in flight and IDLE_CONNS open connections when
 * http_server_stop is called. The slow request must finish, the stop must
 * wait for it, and new connections must be refused afterwards. Returns how
 * many late requests got the 503. */
static int stop_run(void)
{
    struct http_server *s = start();
    struct slow_call c;
    struct stopper st;
    struct timespec pause = {0, 50 * 1000 * 1000};
    pthread_t client, stopper_thread;
    int fds[IDLE_CONNS], i, got_503 = 0, got_other = 0;

    CHECK(s != NULL);
    if (!s)
        return 0;
    memset(&c, 0, sizeof(c));
    c.port = http_server_port(s);
    for (i = 0; i < IDLE_CONNS; i++)
        fds[i] = connect_to(c.port);
    nanosleep(&pause, NULL); /* let MHD accept them */
    atomic_store(&slow_started, 0);
    CHECK_EQ_INT(pthread_create(&client, NULL, slow_client, &c), 0);
    CHECK(wait_slow_started());
    st.s = s;
    st.waited = 0;
    CHECK_EQ_INT(pthread_create(&stopper_thread, NULL, stop_server, &st), 0);
    nanosleep(&pause, NULL);
    late_requests(fds, &got_503, &got_other);
    pthread_join(stopper_thread, NULL);
    pthread_join(client, NULL);
    CHECK_EQ_INT(c.r.status, 200);
    CHECK_EQ_STR(c.r.body, "{\"slow\":true}");
    CHECK(st.waited > 0.1 && st.waited < 5.0);
    CHECK_EQ_INT(got_other, 0);
    reply_free(&c.r);
    CHECK(connect_to(c.port) < 0);
    return got_503;
}

/* http_server_stop lets the request in flight finish and answers 503 to
 * new requests on connections that were already open. MHD puts a burst of
 * connections on one pool thread, which may be the one blocked in the slow
 * handler; then none of them is read before the stop, so the run is
 * repeated (a few times at most) until one reaches a free thread. */
static void test_graceful_stop(void)
{
    int run, got_503 = 0;

    for (run = 0; run < 5 && got_503 == 0; run++)
        got_503 = stop_run();
    CHECK(got_503 > 0);
}

/* http_server_stop waits for a request the lane is running; it is
 * answered in full, and the stop returns after it. */
static void test_lane_stop(void)
{
    unsigned short port;
    struct http_server *s = lane_server(2, 1, 0, &port);
    struct lane_call a;
    struct stopper st;
    pthread_t stopper_thread;

    if (!s)
        return;
    lane_call_start(&a, port, "/lane/wait");
    CHECK(wait_count(&lane_entered, 1));
    st.s = s;
    st.waited = 0;
    CHECK_EQ_INT(pthread_create(&stopper_thread, NULL, stop_server, &st), 0);
    nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
    atomic_store(&lane_gate, 1);
    pthread_join(stopper_thread, NULL);
    pthread_join(a.thread, NULL);
    CHECK_EQ_INT(a.r.status, 200);
    CHECK_EQ_STR(a.r.body, "{\"gate\":\"open\"}");
    CHECK(st.waited >= 0.1);
    reply_free(&a.r);
}

static void test_bad_bind(void)
{
    struct http_config cfg;

    memset(&cfg, 0, sizeof(cfg));
    cfg.routes = routes;
    cfg.bind_addr = "not-an-address";
    CHECK(http_server_start(&cfg) == NULL);
    http_server_stop(NULL);
}

int main(void)
{
    struct http_server *s = start();
    unsigned short port;

    CHECK(s != NULL);
    if (!s)
        return test_report("test_http_server");
    port = http_server_port(s);
    CHECK(port != 0);
    test_hello(port);
    test_request_fields(port);
    test_path_params(port);
    test_not_found(port);
    test_method_not_allowed(port);
    test_head(port);
    test_options(port);
    test_etag(port);
    test_gzip(port, "/big");
    test_gzip(port, "/lane/big?slow=1");
    test_headers_misc(port);
    test_body(port);
    test_body_too_big(port);
    test_long_url(port);
    test_long_header(port);
    test_bad_query(port);
    test_keep_alive(port);
    test_many_params(port);
    test_write_guard(port);
    http_server_stop(s);
    test_graceful_stop();
    test_lane_frees_pool_threads();
    test_lane_full();
    test_lane_stop();
    test_bad_bind();
    return test_report("test_http_server");
}
