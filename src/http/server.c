/* SPDX-License-Identifier: MIT */
/*
 * The server: libmicrohttpd with a thread pool on epoll, the request limits
 * of http.h, routing, and everything a handler should not have to think
 * about: 404/405/414/413/431 problems, HEAD, CORS preflight, ETag and 304,
 * gzip, and a graceful stop that lets requests in flight finish.
 *
 * Each connection owns one struct req_state, allocated when MHD accepts it
 * and freed when MHD closes it. Every request on the connection reuses it:
 * the URI log callback (the only place MHD shows the raw request target,
 * query string included) fills it, and the completion callback empties it.
 * The connection, not the request, owns the memory because MHD 0.9.75 does
 * not call the completion callback on every path (a request that exhausts
 * the connection's pool never gets one), while the connection notification
 * always comes. The access handler is called at least twice: once when the
 * headers are in, then once per body chunk, then a final time with no data,
 * when the response is built and queued.
 *
 * Connections come from the acceptor (acceptor.c); a request of a slow
 * route is run on the slow lane (lane.c) while its connection is
 * suspended, so that the pool thread goes on with its other connections.
 */
#include "http/http_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/xalloc.h"

/* Connections served at once, over all pool threads. */
#define MAX_CONNECTIONS 1024
/* MHD keeps the request line, the headers and the response headers in one
 * pool per connection; the headers may use HTTP_MAX_HEADER_BYTES of it. */
#define CONN_MEMORY (HTTP_MAX_HEADER_BYTES + 16 * 1024)
/* A body over HTTP_MAX_BODY is read and dropped so that the client sees
 * the 413; past this much the connection is simply closed. */
#define DRAIN_MAX (8 * (size_t)HTTP_MAX_BODY)
/* A declared body up to this size gets its buffer at once. */
#define BODY_PRESIZE_MAX ((size_t)64 * 1024)
/* Slow requests that may wait for a slow lane thread; more get a 503. */
#define SLOW_QUEUE_DEFAULT 64
/* How long http_server_stop waits for requests in flight. */
#define STOP_WAIT_S 10

#define VARY_VALUE "Accept, Accept-Encoding, Accept-Language"
/* What a page may load and who may frame it, when the app names nothing. */
#define DEFAULT_CSP "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
#define CORS_ALLOW  "Accept, Accept-Encoding, Accept-Language, Content-Type, If-None-Match"
#define CORS_MAXAGE "600"

struct http_server {
    struct MHD_Daemon *daemon;
    struct http__lane *lane;         /* runs the requests of slow routes */
    struct http__acceptor *acceptor; /* the listening socket and its thread */
    const struct http_route *routes;
    void *app;
    http_authorize_fn authorize; /* NULL: no route needs anyone signed in */
    char trust_proxy[64];        /* http_config.trust_proxy; "" for none */
    char *csp;                   /* the Content-Security-Policy of every answer; owned */
    unsigned short port;
    atomic_int running;  /* start finished: MHD's log is filtered from now on */
    atomic_int stopping; /* stop began: new requests get 503 */
    pthread_mutex_t lock;
    pthread_cond_t idle; /* signalled when active drops to 0 */
    unsigned active;     /* requests past their headers and not yet completed */
};

struct exchange;

/* One connection's request state; see the comment at the top. */
struct req_state {
    struct http_server *srv;
    struct exchange *job; /* a slow request handed to the lane, or NULL */
    int too_long;         /* the request target is longer than HTTP_MAX_URL */
    int seen;             /* the access handler has been called */
    int counted;          /* included in srv->active */
    size_t drained;       /* body bytes dropped after the limit */
    size_t body_max;      /* HTTP_MAX_BODY, or HTTP_MAX_UPLOAD for a document's route */
    struct buf body;
    char uri[HTTP_MAX_URL + 1]; /* raw request target; "" when too_long */
};

/* One request being answered: what the handler sees, what it fills, and
 * what the server adds around it. */
struct exchange {
    struct MHD_Connection *conn;
    struct req_state *st;
    const struct http_route *route; /* the route matched, NULL when none */
    struct http_req req;
    struct http_resp resp;
    /* read on the pool thread, so that the lane never asks MHD */
    const char *if_none_match;
    const char *accept_encoding;
    int not_modified; /* answer 304: the client's copy is current */
    int gzip;         /* the body is gzipped */
    char *path;       /* decoded, owned */
    char *scratch;    /* route values, owned */
    char allow[96];   /* value of the Allow header, "" when not needed */
    int preflight;    /* answered OPTIONS: 204 with the CORS headers */
    int safe;         /* GET or HEAD: conditional, and readable from any origin */
    int close;        /* ask MHD to close the connection afterwards */
    char etag[HTTP__ETAG_MAX];
};

/* ===== Per-connection state and the in-flight count ===== */

static void count_request(struct http_server *srv, struct req_state *st)
{
    pthread_mutex_lock(&srv->lock);
    srv->active++;
    pthread_mutex_unlock(&srv->lock);
    st->counted = 1;
}

/* Ends the request st holds, if any: wipes and frees its body and takes
 * it out of the in-flight count. Safe to call more than once. A body may
 * hold a password (a sign-in, a user's new password) even when the
 * request was refused before any handler read it (a wrong role, another
 * site's Origin, a rate limit), so every body is wiped, not only those a
 * handler wiped after use. */
static void exchange_free(struct exchange *x);

static void req_end(struct req_state *st)
{
    struct http_server *srv = st->srv;

    exchange_free(st->job); /* answered by the lane, never sent */
    st->job = NULL;
    if (st->counted) {
        pthread_mutex_lock(&srv->lock);
        if (--srv->active == 0)
            pthread_cond_broadcast(&srv->idle);
        pthread_mutex_unlock(&srv->lock);
    }
    st->counted = 0;
    st->seen = 0;
    st->drained = 0;
    st->too_long = 0;
    st->uri[0] = '\0';
    buf_free(&st->body); /* a secret buffer: wiped */
}

/* MHD's connection notification: allocates the connection's req_state
 * when it opens (NULL when memory runs out: its requests are then
 * refused) and frees it when it closes, ending any request left open. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    struct req_state *st = *socket_context;

    (void)conn;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        st = xcalloc(1, sizeof(*st));
        if (st)
            st->srv = cls;
        *socket_context = st;
        return;
    }
    if (st) {
        req_end(st);
        xfree(st);
    }
    *socket_context = NULL;
}

/* Ends the string uri just after its '?', so that MHD sees no query.
 * MHD 0.9.75 stores each query parameter in the connection's pool right
 * after the URI callback; when the pool runs out (about 750 parameters
 * with the default limits) it answers nothing, never calls the completion
 * callback and holds the connection until the timeout. khu parses the raw
 * target itself (req_state.uri), so MHD has no use for the parameters.
 * The target lies in MHD's writable read buffer, which MHD only reads
 * again up to the '?'. */
static void hide_query_from_mhd(const char *uri)
{
    char *q = strchr(uri, '?');

    if (q)
        q[1] = '\0';
}

/* MHD's URI callback, called once per request when its request line is
 * in. Returns the connection's req_state, reset for this request (or NULL
 * when it could not be allocated), which MHD hands back as *con_cls. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    struct req_state *st = info ? info->socket_context : NULL;
    size_t n = uri ? strlen(uri) : 0;

    (void)cls;
    if (!st)
        return NULL;
    req_end(st); /* a request whose completion MHD never reported */
    buf_init_secret(&st->body, HTTP_MAX_BODY);
    st->body_max = HTTP_MAX_BODY;
    st->too_long = n > HTTP_MAX_URL;
    if (!st->too_long)
        memcpy(st->uri, n ? uri : "", n + 1);
    if (uri)
        hide_query_from_mhd(uri);
    return st;
}

/* MHD's completion callback: ends the request; the connection keeps st. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode why)
{
    struct req_state *st = *con_cls;

    (void)cls;
    (void)conn;
    (void)why;
    if (st)
        req_end(st);
    *con_cls = NULL;
}

/* ===== Building and queueing responses ===== */

static void add_header(int *ok, struct MHD_Response *r, const char *name, const char *value)
{
    if (*ok && MHD_add_response_header(r, name, value) != MHD_YES)
        *ok = 0;
}

/* Creates an MHD response that takes ownership of data[0..n). Returns
 * NULL when memory runs out or data is missing. */
static struct MHD_Response *make_response(char *data, size_t n)
{
    struct MHD_Response *r;

    if (n == 0) {
        xfree(data);
        return MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    }
    if (!data)
        return NULL;
    r = MHD_create_response_from_buffer_with_free_callback(n, data, xfree);
    if (!r)
        xfree(data);
    return r;
}

/* Adds the headers every answer to a routed request carries. */
static void common_headers(int *ok, struct MHD_Response *r, const struct exchange *x)
{
    add_header(ok, r, MHD_HTTP_HEADER_CACHE_CONTROL,
               x->resp.cache_control ? x->resp.cache_control : "no-cache");
    add_header(ok, r, MHD_HTTP_HEADER_VARY, VARY_VALUE);
    add_header(ok, r, "X-Content-Type-Options", "nosniff");
    add_header(ok, r, "Content-Security-Policy", x->st->srv->csp);
    add_header(ok, r, "Referrer-Policy", "same-origin");
    add_header(ok, r, "X-Frame-Options", "DENY");
    if (x->safe)
        add_header(ok, r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if (x->etag[0])
        add_header(ok, r, MHD_HTTP_HEADER_ETAG, x->etag);
    if (x->allow[0])
        add_header(ok, r, MHD_HTTP_HEADER_ALLOW, x->allow);
    if (x->close)
        add_header(ok, r, MHD_HTTP_HEADER_CONNECTION, "close");
}

static enum MHD_Result queue(struct exchange *x, int status, struct MHD_Response *r, int ok)
{
    enum MHD_Result rc = MHD_NO;

    if (r && ok)
        rc = MHD_queue_response(x->conn, (unsigned)status, r);
    if (r)
        MHD_destroy_response(r);
    return rc;
}

static enum MHD_Result send_preflight(struct exchange *x)
{
    struct MHD_Response *r = make_response(NULL, 0);
    int ok = r != NULL;

    add_header(&ok, r, MHD_HTTP_HEADER_ALLOW, x->allow);
    add_header(&ok, r, MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    add_header(&ok, r, "Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
    add_header(&ok, r, "Access-Control-Allow-Headers", CORS_ALLOW);
    add_header(&ok, r, "Access-Control-Max-Age", CORS_MAXAGE);
    return queue(x, MHD_HTTP_NO_CONTENT, r, ok);
}

static enum MHD_Result send_not_modified(struct exchange *x)
{
    struct MHD_Response *r = make_response(NULL, 0);
    int ok = r != NULL;

    common_headers(&ok, r, x);
    return queue(x, MHD_HTTP_NOT_MODIFIED, r, ok);
}

/* Sets x->etag for a cacheable answer; returns 1 when the client's copy is
 * current (If-None-Match matches) and a 304 should be sent. */
static int check_etag(struct exchange *x, int gzip)
{
    if (x->resp.status != 200 || x->resp.no_etag)
        return 0;
    http__etag(x->etag, x->resp.etag_version, x->resp.content_type, buf_cstr(&x->resp.body),
               x->resp.body.len, gzip);
    return x->if_none_match && x->safe && http__etag_matches(x->if_none_match, x->etag);
}

/* Returns 1 when the body is big enough to compress and the client takes
 * gzip. */
static int wants_gzip(const struct exchange *x)
{
    return x->resp.body.len >= HTTP_GZIP_MIN_BYTES && http__accepts_gzip(x->accept_encoding);
}

/* Replaces the body by its gzip form. Returns 0, leaving the body as it
 * was, when memory runs out or compression does not make it smaller. */
static int compress_body(struct exchange *x)
{
    char *gz;
    size_t n = 0;

    gz = http__gzip(x->resp.body.data, x->resp.body.len, &n);
    if (!gz || n >= x->resp.body.len) {
        xfree(gz);
        return 0;
    }
    buf_free(&x->resp.body);
    x->resp.body.data = gz;
    x->resp.body.len = n;
    x->resp.body.cap = n;
    return 1;
}

/* Reads the request headers the answer depends on. On the pool thread. */
static void capture_headers(struct exchange *x)
{
    x->if_none_match =
        MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
    x->accept_encoding =
        MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
}

/* Decides between 304 and the body, and compresses the body when the
 * client takes gzip. No call to MHD: the lane runs it too. */
static void finish_answer(struct exchange *x)
{
    x->gzip = wants_gzip(x);
    if (check_etag(x, x->gzip)) {
        x->not_modified = 1;
        return;
    }
    if (x->gzip && !compress_body(x)) {
        x->gzip = 0;
        if (x->etag[0])
            http__etag(x->etag, x->resp.etag_version, x->resp.content_type, buf_cstr(&x->resp.body),
                       x->resp.body.len, 0);
    }
}

/* Sends the answer finish_answer prepared: 304, or the body with its
 * headers. */
static enum MHD_Result send_answer(struct exchange *x)
{
    struct MHD_Response *r;
    int ok;
    char *data, retry[16];
    size_t n;

    if (x->not_modified)
        return send_not_modified(x);
    n = x->resp.body.len;
    data = buf_steal(&x->resp.body, NULL);
    r = make_response(data, n);
    ok = r != NULL;
    add_header(&ok, r, MHD_HTTP_HEADER_CONTENT_TYPE, x->resp.content_type);
    if (x->gzip)
        add_header(&ok, r, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    if (x->resp.content_disposition[0])
        add_header(&ok, r, MHD_HTTP_HEADER_CONTENT_DISPOSITION, x->resp.content_disposition);
    if (x->resp.retry_after > 0) {
        snprintf(retry, sizeof(retry), "%d", x->resp.retry_after);
        add_header(&ok, r, MHD_HTTP_HEADER_RETRY_AFTER, retry);
    }
    if (x->resp.set_cookie[0])
        add_header(&ok, r, MHD_HTTP_HEADER_SET_COOKIE, x->resp.set_cookie);
    common_headers(&ok, r, x);
    return queue(x, x->resp.status, r, ok);
}

/* ===== Checking and routing a request ===== */

static enum MHD_Result sum_header(void *cls, enum MHD_ValueKind kind, const char *key,
                                  const char *value)
{
    size_t *total = cls;

    (void)kind;
    *total += strlen(key) + (value ? strlen(value) : 0) + 4; /* ": " and CRLF */
    return MHD_YES;
}

/* Answers 413, 414 or 431 when the request broke a limit; returns 1 then. */
static int check_limits(struct exchange *x)
{
    size_t headers = 0;

    MHD_get_connection_values(x->conn, MHD_HEADER_KIND, sum_header, &headers);
    if (x->st->too_long)
        http_problem(&x->resp, 414, NULL, "the request target is longer than %d bytes",
                     HTTP_MAX_URL);
    else if (headers > HTTP_MAX_HEADER_BYTES)
        http_problem(&x->resp, 431, NULL, "the request headers take more than %d bytes",
                     HTTP_MAX_HEADER_BYTES);
    else if (x->st->body.err == KHU_ETOOBIG)
        http_problem(&x->resp, 413, NULL, "the request body is larger than %zu bytes",
                     x->st->body_max);
    else if (x->st->body.err)
        http_problem(&x->resp, 503, NULL, "out of memory while reading the request body");
    else
        return 0;
    return 1;
}

/* Decodes the path and the query string of the raw target into x->path and
 * x->req.params; answers 400 (503 when memory runs out) and returns 1 when
 * that fails. */
static int parse_target(struct exchange *x)
{
    const char *uri = x->st->uri, *q = strchr(uri, '?');
    char err[512], param[HTTP__PARAM_NAME_MAX];
    int rc, oom;

    x->path = http__decode_path(uri, q ? (size_t)(q - uri) : strlen(uri), err, sizeof(err), &oom);
    if (!x->path) {
        http_problem(&x->resp, oom ? 503 : 400, NULL, "%s", err);
        return 1;
    }
    rc = http__parse_query(&x->req, q ? q + 1 : "", err, sizeof(err), param, sizeof(param));
    if (rc == -2)
        http_problem(&x->resp, 503, NULL, "%s", err);
    else if (rc)
        http_problem(&x->resp, 400, param[0] ? param : NULL, "%s", err);
    return rc != 0;
}

/* Adds method to the comma-separated list in allow unless it is there. */
static void allow_add(char *allow, size_t n, const char *method)
{
    const char *p = allow;
    size_t len = strlen(method), used = strlen(allow);

    while ((p = strstr(p, method))) {
        if ((p == allow || p[-1] == ' ') && (p[len] == ',' || p[len] == '\0'))
            return;
        p += len;
    }
    snprintf(allow + used, n - used, "%s%s", used ? ", " : "", method);
}

/* Fills x->allow with the methods of every route whose pattern matches
 * the path, plus HEAD for GET and OPTIONS. Returns how many routes match. */
static int collect_allow(struct exchange *x, const struct http_route *routes)
{
    const char *vals[HTTP_MAX_PATH_PARAMS];
    size_t nvals, i;
    int found = 0;

    for (i = 0; routes[i].method; i++) {
        if (!http_route_match(routes[i].pattern, x->path, x->scratch, vals, &nvals))
            continue;
        found++;
        allow_add(x->allow, sizeof(x->allow), routes[i].method);
        if (strcmp(routes[i].method, "GET") == 0)
            allow_add(x->allow, sizeof(x->allow), "HEAD");
    }
    if (found)
        allow_add(x->allow, sizeof(x->allow), "OPTIONS");
    return found;
}

/* Returns the first route for this method and path (HEAD falls back to
 * GET), with its {name} values stored in x->req. */
static const struct http_route *find_route(struct exchange *x, const struct http_route *routes,
                                           const char *method)
{
    int head = strcmp(method, "HEAD") == 0;
    size_t i;

    for (i = 0; routes[i].method; i++) {
        if (strcmp(routes[i].method, method) != 0 &&
            !(head && strcmp(routes[i].method, "GET") == 0))
            continue;
        if (http_route_match(routes[i].pattern, x->path, x->scratch, x->req.path_params,
                             &x->req.npath_params))
            return &routes[i];
    }
    return NULL;
}

/* Chooses the handler for the request, or answers 404, 405 or the OPTIONS
 * preflight itself (returning NULL then). */
static const struct http_route *route(struct exchange *x, const char *method)
{
    const struct http_route *routes = x->st->srv->routes;
    const struct http_route *r = NULL;

    x->scratch = xmalloc(strlen(x->path) + 1);
    if (!x->scratch) {
        http_problem(&x->resp, 503, NULL, "out of memory while routing the request");
        return NULL;
    }
    if (strcmp(method, "OPTIONS") != 0)
        r = find_route(x, routes, method);
    if (r)
        return r;
    if (!collect_allow(x, routes))
        http_problem(&x->resp, 404, NULL, "there is nothing at %s", x->path);
    else if (strcmp(method, "OPTIONS") == 0)
        x->preflight = 1;
    else
        http_problem(&x->resp, 405, NULL, "%s is not allowed here; use %s", method, x->allow);
    return NULL;
}

/* Writes the peer's address as text ("" when it cannot be had). */
static void client_address(struct MHD_Connection *conn, char *out, size_t n)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = info ? info->client_addr : NULL;

    out[0] = '\0';
    if (sa && sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)n);
    else if (sa && sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)n);
}

/* The last X-Forwarded-For and X-Forwarded-Proto headers of a request:
 * the ones the trusted proxy added, after any the client sent. */
struct forwarded {
    const char *for_, *proto;
};

static enum MHD_Result last_forwarded(void *cls, enum MHD_ValueKind kind, const char *key,
                                      const char *value)
{
    struct forwarded *f = cls;

    (void)kind;
    if (strcasecmp(key, "X-Forwarded-For") == 0)
        f->for_ = value;
    else if (strcasecmp(key, "X-Forwarded-Proto") == 0)
        f->proto = value;
    return MHD_YES;
}

/* Fills what the handler reads from the request. */
static void fill_request(struct exchange *x, const char *method)
{
    struct http_req *req = &x->req;

    req->method = method;
    req->path = x->path;
    req->accept = MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
    req->accept_language =
        MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_LANGUAGE);
    req->cookie = MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE);
    req->authorization =
        MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    req->if_match = MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_MATCH);
    req->document_type = http__upload_type(
        MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE));
    req->body = buf_cstr(&x->st->body);
    req->body_len = x->st->body.len;
    req->app = x->st->srv->app;
    client_address(x->conn, req->client, sizeof(req->client));
    if (x->st->srv->trust_proxy[0]) {
        struct forwarded f = {NULL, NULL};
        MHD_get_connection_values(x->conn, MHD_HEADER_KIND, last_forwarded, &f);
        http__forwarded(x->st->srv->trust_proxy, f.for_, f.proto, req->client, sizeof(req->client),
                        &req->secure);
    }
}

/* Asks the authorizer whether the request may run route r; returns 1
 * after it answered (401, 403, 503). */
static int refuse_caller(struct exchange *x, const struct http_route *r)
{
    http_authorize_fn authorize = x->st->srv->authorize;

    return authorize && authorize(&x->req, &x->resp, r->roles) != 0;
}

/* Returns 1 when s holds a byte that may not appear in a header value. */
static int has_ctl(const char *s)
{
    for (; *s; s++) {
        if ((unsigned char)*s < 0x20 || *s == 0x7F)
            return 1;
    }
    return 0;
}

/* Returns 1 when the handler left something the server cannot send. */
static int bad_handler_output(const struct http_resp *resp)
{
    return resp->status < 200 || resp->status > 599 || !resp->content_type ||
           has_ctl(resp->content_type) || has_ctl(resp->content_disposition);
}

static const char *header_value(const struct exchange *x, const char *name)
{
    return MHD_lookup_connection_value(x->conn, MHD_HEADER_KIND, name);
}

/* For a route that changes data: answers 403 or 415 and returns 1 when
 * the request may come from a page of another site (http__write_guard). */
static int refuse_write(struct exchange *x, const struct http_route *r)
{
    struct http__write_headers h;

    if (!(r->flags & HTTP_ROUTE_WRITE))
        return 0;
    h.origin = header_value(x, MHD_HTTP_HEADER_ORIGIN);
    h.host = header_value(x, MHD_HTTP_HEADER_HOST);
    h.sec_fetch_site = header_value(x, "Sec-Fetch-Site");
    h.content_type = header_value(x, MHD_HTTP_HEADER_CONTENT_TYPE);
    h.upload = (r->flags & HTTP_ROUTE_UPLOAD) != 0;
    return http__write_guard(&x->resp, &h);
}

static void run_handler(struct exchange *x, const struct http_route *r)
{
    r->handler(&x->req, &x->resp);
    if (x->resp.to_lane)
        return; /* run again on the lane, from the start */
    if (x->resp.body.err)
        http_problem(&x->resp, 500, NULL, "the response could not be built (%s)",
                     khu_err_str(x->resp.body.err));
    else if (bad_handler_output(&x->resp))
        http_problem(&x->resp, 500, NULL, "the handler produced an invalid response");
}

/* Frees what x owns, not x itself. */
static void exchange_clear(struct exchange *x)
{
    http_req_free_params(&x->req);
    buf_free(&x->resp.body);
    xfree(x->scratch);
    xfree(x->path);
}

/* Frees an exchange the lane held; x may be NULL. */
static void exchange_free(struct exchange *x)
{
    if (x)
        exchange_clear(x);
    xfree(x);
}

static enum MHD_Result send_and_clear(struct exchange *x)
{
    enum MHD_Result rc = x->preflight ? send_preflight(x) : send_answer(x);

    exchange_clear(x);
    return rc;
}

/* What a handler finds in resp before it writes anything. */
static void resp_defaults(struct http_resp *resp)
{
    resp->status = 200;
    resp->content_type = "application/json";
    resp->content_disposition[0] = '\0';
    resp->no_etag = 0;
    resp->cache_control = NULL;
    resp->retry_after = 0;
    resp->to_lane = 0;
    resp->set_cookie[0] = '\0';
    resp->etag_version[0] = '\0';
}

static void lane_busy(struct exchange *x)
{
    http_problem(&x->resp, 503, NULL,
                 "the server is busy with long requests; try again in a few seconds");
    x->resp.retry_after = 2;
    finish_answer(x);
}

/* A slow request on a lane thread: runs the handler again and prepares
 * the answer, then wakes the connection, whose pool thread sends it (the
 * second half of respond). x belongs to the connection from then on. */
static void run_on_lane(void *arg)
{
    struct exchange *x = arg;

    run_handler(x, x->route);
    finish_answer(x);
    MHD_resume_connection(x->conn);
}

/* Moves x (on respond's stack) to the heap, where the lane and the
 * connection share it, with the response as the handler first found it,
 * and suspends the connection until the lane is done. When the lane's
 * queue is full (or memory runs out) the answer is a 503 at once. */
static enum MHD_Result hand_to_lane(struct exchange *x)
{
    struct exchange *job = xmalloc(sizeof(*job));

    if (!job) {
        lane_busy(x);
        return send_and_clear(x);
    }
    *job = *x; /* job owns what x owned from here on */
    buf_reset(&job->resp.body);
    resp_defaults(&job->resp);
    /* the authorizer's cookie (a stale session cleared) stands: the lane
     * runs the handler again, not the authorizer */
    memcpy(job->resp.set_cookie, x->resp.set_cookie, sizeof(job->resp.set_cookie));
    job->req.on_lane = 1;
    job->st->job = job;
    MHD_suspend_connection(job->conn);
    if (http__lane_push(job->st->srv->lane, run_on_lane, job) == 0)
        return MHD_YES;
    lane_busy(job);
    MHD_resume_connection(job->conn);
    return MHD_YES;
}

/* The final call of the access handler: check, route, run, answer. A
 * handler that asks for the lane (http_to_lane) is run again there
 * (hand_to_lane); MHD then calls here once more when the lane resumes the
 * connection, and the answer the lane left in st->job is sent. */
static enum MHD_Result respond(struct MHD_Connection *conn, struct req_state *st,
                               const char *method)
{
    struct exchange *job = st->job, x;
    const struct http_route *r = NULL;
    enum MHD_Result rc;

    if (job) { /* the lane is done with it */
        st->job = NULL;
        rc = send_and_clear(job);
        xfree(job);
        return rc;
    }
    memset(&x, 0, sizeof(x));
    x.conn = conn;
    x.st = st;
    x.safe = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    resp_defaults(&x.resp);
    buf_init(&x.resp.body, HTTP_MAX_RESPONSE);
    capture_headers(&x);
    if (!check_limits(&x) && !parse_target(&x))
        r = route(&x, method);
    if (r && !refuse_write(&x, r)) {
        fill_request(&x, method);
        x.route = r;
        if (!refuse_caller(&x, r) &&
            !((r->flags & HTTP_ROUTE_UPLOAD) &&
              http__upload_guard(&x.resp, header_value(&x, MHD_HTTP_HEADER_CONTENT_TYPE)))) {
            run_handler(&x, r);
            if (x.resp.to_lane)
                return hand_to_lane(&x);
        }
    }
    if (!x.preflight)
        finish_answer(&x);
    return send_and_clear(&x);
}

int http_to_lane(const struct http_req *req, struct http_resp *resp)
{
    if (req->on_lane)
        return 0;
    resp->to_lane = 1;
    return 1;
}

/* ===== The access handler ===== */

/* Parses a Content-Length value; returns 1 when it says more than max. */
static int declared_too_big(const char *cl, size_t max)
{
    unsigned long long v;
    char *end;

    if (!cl)
        return 0;
    errno = 0;
    v = strtoull(cl, &end, 10);
    return end != cl && (errno == ERANGE || v > max);
}

/* Sizes the body's buffer once to the Content-Length cl declares (at
 * most BODY_PRESIZE_MAX: a larger one grows as it comes), so that a
 * sign-in's body is not copied from block to block as it arrives. The
 * body is a secret buffer: a block it outgrows is wiped anyway. */
static void presize_body(struct req_state *st, const char *cl)
{
    unsigned long long v;
    char *end;

    if (!cl)
        return;
    errno = 0;
    v = strtoull(cl, &end, 10);
    if (end != cl && errno == 0 && v > 0)
        (void)buf_reserve(&st->body, v < BODY_PRESIZE_MAX ? (size_t)v : BODY_PRESIZE_MAX);
}

/* 1 when method and the request target uri name a route that takes a
 * document as its body (HTTP_ROUTE_UPLOAD): its body may be larger. */
static int is_upload(const struct http_route *routes, const char *method, const char *uri)
{
    const char *q = strchr(uri, '?'), *vals[HTTP_MAX_PATH_PARAMS];
    char err[128], *path, *scratch;
    size_t i, nvals;
    int oom = 0, found = 0;

    if (strcmp(method, "POST") != 0) /* every document's route is a POST */
        return 0;
    path = http__decode_path(uri, q ? (size_t)(q - uri) : strlen(uri), err, sizeof(err), &oom);
    scratch = path ? xmalloc(strlen(path) + 1) : NULL;
    for (i = 0; scratch && routes[i].method && !found; i++)
        found = (routes[i].flags & HTTP_ROUTE_UPLOAD) && !strcmp(routes[i].method, method) &&
                http_route_match(routes[i].pattern, path, scratch, vals, &nvals);
    xfree(scratch);
    xfree(path);
    return found;
}

/* The first call, when the headers are in. Answers at once (without
 * reading the body) when the server is stopping or the declared body is
 * over the limit; otherwise waits for the body. */
static enum MHD_Result first_call(struct MHD_Connection *conn, struct req_state *st,
                                  const char *method)
{
    const char *cl;
    struct exchange x;
    enum MHD_Result rc;

    st->seen = 1;
    count_request(st->srv, st);
    if (is_upload(st->srv->routes, method, st->uri)) {
        st->body_max = HTTP_MAX_UPLOAD;
        st->body.max = HTTP_MAX_UPLOAD;
    }
    cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (!atomic_load(&st->srv->stopping) && !declared_too_big(cl, st->body_max)) {
        presize_body(st, cl);
        return MHD_YES;
    }
    memset(&x, 0, sizeof(x));
    x.conn = conn;
    x.st = st;
    x.close = 1;
    x.safe = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    buf_init(&x.resp.body, 4096);
    if (atomic_load(&st->srv->stopping))
        http_problem(&x.resp, 503, NULL, "the server is shutting down; try again shortly");
    else
        http_problem(&x.resp, 413, NULL, "the request body is larger than %zu bytes", st->body_max);
    capture_headers(&x);
    finish_answer(&x);
    rc = send_answer(&x);
    buf_free(&x.resp.body);
    return rc;
}

/* A middle call: keeps the chunk, or drops it once the body is over the
 * limit. Returns MHD_NO (closing the connection) past DRAIN_MAX. */
static enum MHD_Result take_upload(struct req_state *st, const char *data, size_t n)
{
    if (!st->body.err) {
        if (buf_append(&st->body, data, n) == KHU_OK)
            return MHD_YES;
        buf_free(&st->body);
    }
    st->drained += n;
    return st->drained > DRAIN_MAX ? MHD_NO : MHD_YES;
}

static enum MHD_Result on_access(void *cls, struct MHD_Connection *conn, const char *url,
                                 const char *method, const char *version, const char *upload_data,
                                 size_t *upload_data_size, void **con_cls)
{
    struct req_state *st = *con_cls;
    enum MHD_Result rc;

    (void)cls;
    (void)url; /* already decoded by MHD; the raw target in st is used */
    (void)version;
    if (!st)
        return MHD_NO; /* out of memory in on_connection */
    if (!st->seen)
        return first_call(conn, st, method);
    if (*upload_data_size) {
        rc = take_upload(st, upload_data, *upload_data_size);
        *upload_data_size = 0;
        return rc;
    }
    return respond(conn, st, method);
}

/* ===== Logging ===== */

/* What MHD 0.9.75 logs about one client that went away, timed out or sent
 * a request MHD answered itself (414, 431, bad chunking). That is normal
 * on a public server, so once the server is up these are not printed;
 * resource and accept errors still are. */
static const char *const client_noise[] = {
    "Error processing request (HTTP response code is",
    "The socket is no longer available for sending",
    "The connection was forcibly closed by remote peer",
    "Socket has been disconnected when reading request",
    "Connection socket is closed when reading request",
    "Connection was closed by remote side with incomplete request",
    "Failed to send ",
    "Received HTTP/1.1 request without `Host' header",
    "value of 'Content-Length' header",
    "Failed to parse `Content-Length' header",
    "Not enough memory in pool to allocate header record",
    "detected connection closure",
    "timed out",
    NULL,
};

static int is_client_noise(const char *msg)
{
    size_t i;

    for (i = 0; client_noise[i]; i++) {
        if (strstr(msg, client_noise[i]))
            return 1;
    }
    return 0;
}

static void on_log(void *cls, const char *fmt, va_list ap)
{
    struct http_server *srv = cls;
    char msg[512];

    vsnprintf(msg, sizeof(msg), fmt, ap);
    if (atomic_load(&srv->running) && is_client_noise(msg))
        return;
    fprintf(stderr, "khu: http: %s%s", msg, strchr(msg, '\n') ? "" : "\n");
}

/* ===== Start and stop ===== */

/* Fills ss from a numeric IPv4 or IPv6 address and a port. Returns 0, or
 * -1 when addr is not a numeric address. */
static int make_sockaddr(struct sockaddr_storage *ss, const char *addr, unsigned short port)
{
    struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;

    memset(ss, 0, sizeof(*ss));
    if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        return 0;
    }
    if (inet_pton(AF_INET6, addr, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        return 0;
    }
    return -1;
}

/* wanted, or one thread per core and at least 2. One per core: with
 * more, the threads take turns on the processors and every connection of
 * a thread that waits its turn waits with it. */
static unsigned threads_or_cores(unsigned wanted)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);

    if (wanted)
        return wanted;
    return cores > 2 ? (unsigned)cores : 2;
}

/* The pool threads serve the connections the acceptor adds; MHD listens
 * on nothing itself. */
static struct MHD_Daemon *start_daemon(struct http_server *srv, const struct http_config *cfg)
{
    unsigned n = threads_or_cores(cfg->threads);
    /* one thread is MHD's own polling thread: no pool option at all */
    struct MHD_OptionItem pool[] = {{MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)n, NULL},
                                    {MHD_OPTION_END, 0, NULL}};
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
                     MHD_USE_ITC | MHD_USE_NO_LISTEN_SOCKET | MHD_ALLOW_SUSPEND_RESUME;

    /* The logger comes first so that MHD routes even option errors to it. */
    return MHD_start_daemon(
        flags, 0, NULL, NULL, on_access, srv, MHD_OPTION_EXTERNAL_LOGGER, on_log, srv,
        MHD_OPTION_ARRAY, n > 1 ? pool : pool + 1, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)HTTP_CONN_TIMEOUT_S, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS, MHD_OPTION_URI_LOG_CALLBACK, on_uri,
        srv, MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv, MHD_OPTION_NOTIFY_CONNECTION,
        on_connection, srv, MHD_OPTION_END);
}

static int init_sync(struct http_server *srv)
{
    pthread_condattr_t attr;
    int rc;

    if (pthread_condattr_init(&attr))
        return -1;
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    rc = pthread_cond_init(&srv->idle, &attr);
    pthread_condattr_destroy(&attr);
    if (rc)
        return -1;
    if (pthread_mutex_init(&srv->lock, NULL)) {
        pthread_cond_destroy(&srv->idle);
        return -1;
    }
    return 0;
}

/* Binds cfg->bind_addr (127.0.0.1 when NULL). */
struct http_server *http_server_start(const struct http_config *cfg)
{
    const char *addr = cfg->bind_addr ? cfg->bind_addr : "127.0.0.1";
    struct http_server *srv = xcalloc(1, sizeof(*srv));
    struct sockaddr_storage ss;

    if (!srv || init_sync(srv)) {
        fprintf(stderr, "khu: http: out of memory starting the server\n");
        xfree(srv);
        return NULL;
    }
    srv->routes = cfg->routes;
    srv->app = cfg->app;
    srv->authorize = cfg->authorize;
    snprintf(srv->trust_proxy, sizeof(srv->trust_proxy), "%s",
             cfg->trust_proxy ? cfg->trust_proxy : "");
    srv->csp = xstrdup(cfg->content_security_policy ? cfg->content_security_policy : DEFAULT_CSP);
    if (!srv->csp) {
        fprintf(stderr, "khu: http: out of memory starting the server\n");
        goto fail;
    }
    if (make_sockaddr(&ss, addr, cfg->port) < 0) {
        fprintf(stderr, "khu: http: %s is not a numeric IPv4 or IPv6 address\n", addr);
        goto fail;
    }
    srv->acceptor = http__acceptor_listen(&ss);
    if (!srv->acceptor) {
        fprintf(stderr, "khu: http: cannot listen on %s port %u: %s\n", addr, cfg->port,
                strerror(errno));
        goto fail;
    }
    srv->port = http__acceptor_port(srv->acceptor);
    srv->daemon = start_daemon(srv, cfg);
    if (!srv->daemon) {
        fprintf(stderr, "khu: http: cannot start the server's threads\n");
        goto fail;
    }
    srv->lane = http__lane_start(threads_or_cores(cfg->slow_threads),
                                 cfg->slow_queue ? cfg->slow_queue : SLOW_QUEUE_DEFAULT);
    if (!srv->lane) {
        fprintf(stderr, "khu: http: cannot start the threads of long requests\n");
        goto fail;
    }
    if (http__acceptor_start(srv->acceptor, srv->daemon)) {
        fprintf(stderr, "khu: http: cannot start the thread that accepts connections\n");
        goto fail;
    }
    atomic_store(&srv->running, 1);
    return srv;
fail:
    http__acceptor_close(srv->acceptor);
    http__lane_stop(srv->lane);
    if (srv->daemon)
        MHD_stop_daemon(srv->daemon);
    pthread_mutex_destroy(&srv->lock);
    pthread_cond_destroy(&srv->idle);
    xfree(srv->csp);
    xfree(srv);
    return NULL;
}

unsigned short http_server_port(const struct http_server *s)
{
    return s->port;
}

/* Waits until no request is in flight or seconds have passed. */
static void wait_idle(struct http_server *srv, int seconds)
{
    struct timespec deadline;

    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += seconds;
    pthread_mutex_lock(&srv->lock);
    while (srv->active > 0) {
        if (pthread_cond_timedwait(&srv->idle, &srv->lock, &deadline) == ETIMEDOUT)
            break;
    }
    pthread_mutex_unlock(&srv->lock);
}

const char *http_engine(void)
{
    static char name[48];

    if (!name[0])
        snprintf(name, sizeof(name), "libmicrohttpd %s", MHD_get_version());
    return name;
}

/* Stops accepting connections, waits up to STOP_WAIT_S for requests in
 * flight (new requests on open connections get 503), then stops MHD.
 * s may be NULL. */
void http_server_stop(struct http_server *s)
{
    if (!s)
        return;
    atomic_store(&s->stopping, 1);
    http__acceptor_close(s->acceptor);
    wait_idle(s, STOP_WAIT_S);
    http__lane_stop(s->lane); /* its last jobs resume their connections */
    MHD_stop_daemon(s->daemon);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->idle);
    xfree(s->csp);
    xfree(s);
}
