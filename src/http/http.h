/* SPDX-License-Identifier: MIT */
/*
 * The HTTP layer's contract with the API layer: a parsed request, a response
 * being built, a route table, and the server that runs them on
 * libmicrohttpd. The http layer owns parsing, limits, ETag/304, gzip, CORS
 * and problem+json; handlers only fill a status, a content type and a body.
 */
#ifndef KHU_HTTP_H
#define KHU_HTTP_H

#include <stddef.h>

#include "core/buf.h"

/* Room for what the authorizer keeps of a request's signed-in user
 * (http_config.authorize; the http layer never looks inside). */
#define HTTP_PRINCIPAL_BYTES 1024

/* Named limits (answer 414, 431, 413 or 400 when passed). A request
 * target over HTTP_MAX_URL is a 414 whatever it holds; under it, more than
 * HTTP_MAX_PARAMS query parameters are a 400. */
#define HTTP_MAX_URL          4096
#define HTTP_MAX_HEADER_BYTES (32 * 1024)
#define HTTP_MAX_BODY         (1024 * 1024)
#define HTTP_MAX_UPLOAD       (20 * 1024 * 1024) /* the body of an HTTP_ROUTE_UPLOAD route */
#define HTTP_MAX_PARAMS       64
#define HTTP_MAX_PATH_PARAMS  4
#define HTTP_CONN_TIMEOUT_S   30
#define HTTP_MAX_RESPONSE     (256 * 1024 * 1024)
#define HTTP_GZIP_MIN_BYTES   1024

struct http_param {
    char *name;  /* percent-decoded, valid UTF-8 */
    char *value; /* percent-decoded ('+' is a space), valid UTF-8 */
};

struct http_req {
    const char *method; /* "GET", ... */
    const char *path;   /* decoded path, without the query string */
    struct http_param params[HTTP_MAX_PARAMS];
    size_t nparams;
    const char *path_params[HTTP_MAX_PATH_PARAMS]; /* values of {name} segments, in order */
    size_t npath_params;
    const char *accept; /* header values or NULL */
    const char *accept_language;
    const char *cookie;        /* the Cookie header, or NULL */
    const char *authorization; /* the Authorization header, or NULL */
    const char *if_match;      /* the If-Match header, or NULL */
    const char *document_type; /* the body's type when it is a document (HTTP_ROUTE_UPLOAD):
                                  "application/pdf", "image/png" or "image/jpeg"; else NULL */
    char client[64];           /* the client's address ("127.0.0.1"), "" when unknown; behind a
                                  trusted proxy, the address the proxy was asked by */
    int secure;                /* 1: the client came over TLS (a trusted proxy said so) */
    const char *body;
    size_t body_len;
    void *app;   /* the pointer given to http_server_start */
    int on_lane; /* 1: the handler runs on the slow lane (http_to_lane) */
    /* who is signed in, as http_config.authorize wrote it (zeros: nobody) */
    _Alignas(16) unsigned char principal[HTTP_PRINCIPAL_BYTES];
};

#define HTTP_ETAG_VERSION_MAX 24 /* characters of http_resp.etag_version */

struct http_resp {
    int status;                    /* 200 unless set */
    const char *content_type;      /* static string; default "application/json" */
    struct buf body;               /* capped at HTTP_MAX_RESPONSE */
    char content_disposition[160]; /* optional header value, "" when unset */
    int no_etag;                   /* 1: never answer 304 for this response */
    const char *cache_control;     /* static string; NULL: "no-cache" */
    int retry_after;               /* seconds for a Retry-After header (503, 429); 0: none */
    int to_lane;                   /* set by http_to_lane */
    char set_cookie[320];          /* a Set-Cookie header value, "" when unset */
    /* the version of what the body shows (a row's), put first in the
     * ETag so that a later If-Match can name it; "" when none */
    char etag_version[HTTP_ETAG_VERSION_MAX + 1];
};

typedef void (*http_handler)(struct http_req *req, struct http_resp *resp);

/* Route flags. HTTP_ROUTE_WRITE: the route changes data, so the server
 * refuses the request before the handler runs unless its body is declared
 * as JSON (415) and no browser header says another site sent it (403):
 * see http__write_guard. */
#define HTTP_ROUTE_WRITE 0x1u
/* HTTP_ROUTE_UPLOAD (with HTTP_ROUTE_WRITE): the body is a document of
 * up to HTTP_MAX_UPLOAD bytes, declared application/pdf, image/png or
 * image/jpeg (none of which another site's page can send without asking
 * first), instead of JSON. */
#define HTTP_ROUTE_UPLOAD 0x2u

struct http_route {
    const char *method;  /* "GET" */
    const char *pattern; /* "/api/v1/zones/{code}"; a {x} matches one segment */
    http_handler handler;
    unsigned flags; /* HTTP_ROUTE_*; 0 for reads */
    unsigned roles; /* who may call it, in the authorizer's terms; 0: everyone */
};

/* Decides who the request comes from (its cookie, its Authorization
 * header), writes that into req->principal, and checks that it may call a
 * route open to roles (0: everyone). Returns 0 to run the route's handler,
 * or non-zero after answering (401, 403, 503). Called for every routed
 * request, on the thread that serves its connection, before the handler. */
typedef int (*http_authorize_fn)(struct http_req *req, struct http_resp *resp, unsigned roles);

struct http_server; /* opaque */

struct http_config {
    const char *bind_addr;               /* "127.0.0.1" */
    unsigned short port;                 /* 0: pick a free port */
    unsigned threads;                    /* pool threads; 0: one per core, at least 2 */
    unsigned slow_threads;               /* slow lane threads; 0: one per core, at least 2 */
    unsigned slow_queue;                 /* slow requests waiting at most; 0: 64 */
    const struct http_route *routes;     /* ends with a row whose method is NULL */
    void *app;                           /* handed to every handler as req->app */
    http_authorize_fn authorize;         /* NULL: every route is open to everyone */
    const char *trust_proxy;             /* the address of a reverse proxy whose X-Forwarded-For and
                                            X-Forwarded-Proto are believed; NULL: none */
    const char *content_security_policy; /* sent with every answer; NULL: a strict default */
};

/* API */

/* For a handler about to do work that may take long (more than a few
 * milliseconds: a PDF, a large export, figures built over the whole
 * registry). Returns 1 when the handler runs on a thread that serves
 * connections: it must then return at once, and the server runs it again
 * from the start on its slow lane (req->on_lane set), so that this thread
 * goes on with its other connections; whatever it put in resp is dropped.
 * Returns 0 on the lane: go on. Quick answers (a refusal, an answer from
 * a cache) should come before the call, so that they never wait. */
int http_to_lane(const struct http_req *req, struct http_resp *resp);

/* Returns the value of query parameter name, or NULL when absent. */
const char *http_param(const struct http_req *req, const char *name);

/* Answers 400 problem+json naming the first query parameter that is not in
 * allowed (NULL-terminated), or that appears twice, and returns -1.
 * Returns 0 when every parameter is known. */
int http_check_params(const struct http_req *req, struct http_resp *resp,
                      const char *const *allowed);

/* Replaces resp with an application/problem+json body:
 * {"type":"about:blank","title":<reason phrase>,"status":N,"detail":detail,
 *  "param":param} ("param" only when not NULL). Clears the response's other
 * headers (disposition, cache control, retry-after); set them afterwards. */
void http_problem(struct http_resp *resp, int status, const char *param, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* One field's problem, for http_problem_fields. */
struct http_field_problem {
    const char *param; /* the field */
    char detail[256];  /* what is wrong with it, for a person */
    const char *rule;  /* the rule it breaks, for a program ("required", ...); NULL: none */
};

/* Answers status with every field's problem at once: problem+json whose
 * detail sums them up, whose param is the first field's (as
 * http_problem's), and whose "errors" lists each {param, detail} (and
 * rule when set), so that a form can show each message next to its field. */
void http_problem_fields(struct http_resp *resp, int status, const char *detail,
                         const struct http_field_problem *fields, int n);

/* Matches path against pattern; on a match stores up to
 * HTTP_MAX_PATH_PARAMS segment values (pointers into scratch, which must
 * hold strlen(path)+1 bytes) and returns 1. */
int http_route_match(const char *pattern, const char *path, char *scratch, const char **vals,
                     size_t *nvals);

/* Parses a raw query string ("a=1&b=x%20y") into req->params. Returns 0, or
 * -1 with a message in err (size errn) for bad percent escapes, invalid
 * UTF-8, an empty name or more than HTTP_MAX_PARAMS parameters. The strings
 * are allocated; free them with http_req_free_params. */
int http_parse_query(struct http_req *req, const char *query, char *err, size_t errn);
void http_req_free_params(struct http_req *req);

/* Starts serving on cfg's address. Returns NULL (and prints why to stderr)
 * when the address cannot be bound. */
struct http_server *http_server_start(const struct http_config *cfg);

/* The port actually bound (useful with port 0). */
unsigned short http_server_port(const struct http_server *s);

/* Returns the HTTP library's name and version, e.g. "libmicrohttpd 0.9.75". */
const char *http_engine(void);

/* Stops accepting, lets requests in flight finish, frees s. */
void http_server_stop(struct http_server *s);

#endif
