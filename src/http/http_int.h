/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the files of src/http and by nothing else: the strict percent-decoder used for
 * paths and query strings, reason phrases and the JSON string escaper behind problem+json. Names
 * carry the http__ prefix so that no other module is tempted to call them.
 */
#ifndef KHU_HTTP_INT_H
#define KHU_HTTP_INT_H

#include <stddef.h>

#include "core/buf.h"
#include "http/http.h"

/* Room for a quoted ETag: '"', 16 hex digits, "-gz", '"', NUL. */
#define HTTP__ETAG_MAX (24 + HTTP_ETAG_VERSION_MAX)

/* Size of the buffer that receives the offending parameter's name. */
#define HTTP__PARAM_NAME_MAX 128

/* Like http_parse_query, and also copies into param (size paramn) the
 * decoded name of the parameter that was rejected, or "" when no name can be
 * given (an empty name, a name that is not UTF-8, too many parameters). */
int http__parse_query(struct http_req *req, const char *query, char *err, size_t errn, char *param,
                      size_t paramn);

/* Percent-decodes the path part of a request target (n bytes at raw, '+'
 * stays '+'). Returns a NUL-terminated copy the caller frees with xfree, or
 * NULL with a message in err (size errn) for a bad escape, an encoded NUL,
 * invalid UTF-8, or when memory runs out (then *oom is set to 1). */
char *http__decode_path(const char *raw, size_t n, char *err, size_t errn, int *oom);

/* Returns the static reason phrase for an HTTP status ("Not Found"); never
 * NULL ("Unknown Status" for codes outside the table). */
const char *http__reason(int status);

/* Appends s[0..n) to b as a quoted JSON string. Quotes, backslashes and
 * control characters are escaped; bytes that are not valid UTF-8 become
 * U+FFFD, so the output is always valid JSON. Errors stay in b->err. */
void http__json_string(struct buf *b, const char *s, size_t n);

/* Writes into out the strong, quoted ETag of a body with this content
 * type; gzip selects the variant for the compressed body ("...-gz").
 * version (NULL or "": none) is the handler's version of what the body
 * shows, put first: "version.hash". */
void http__etag(char out[HTTP__ETAG_MAX], const char *version, const char *content_type,
                const char *body, size_t n, int gzip);

/* Returns 1 when the If-None-Match header value (a list of entity tags, or
 * "*") matches etag, comparing weakly as RFC 9110 asks. */
int http__etag_matches(const char *if_none_match, const char *etag);

/* Returns 1 when the Accept-Encoding header value (NULL when absent) allows
 * gzip: "gzip" or "x-gzip" with a non-zero q, or "*" with a non-zero q and
 * no explicit gzip entry. */
int http__accepts_gzip(const char *accept_encoding);

/* Behind the reverse proxy at address trust (NULL or "": none): when
 * client (size n) is that proxy, replaces it by the last address of
 * forwarded_for (X-Forwarded-For) when that is a numeric address, and sets
 * *secure when forwarded_proto (X-Forwarded-Proto) is "https". Otherwise
 * leaves client as it is and sets *secure to 0. */
void http__forwarded(const char *trust, const char *forwarded_for, const char *forwarded_proto,
                     char *client, size_t n, int *secure);

/* Compresses in[0..n) into a gzip member. Returns the output, which the
 * caller frees with xfree, and its length in *outn; or NULL when memory
 * runs out or the input is too large for one zlib call. */
char *http__gzip(const char *in, size_t n, size_t *outn);

/* The request headers the write guard reads; each is NULL when absent. */
struct http__write_headers {
    const char *origin;
    const char *host;
    const char *sec_fetch_site;
    const char *content_type;
    int upload; /* 1: the body is a document (HTTP_ROUTE_UPLOAD), not JSON: its type is
                   http__upload_guard's */
};

/* Returns the document type content_type names (its parameters ignored):
 * one of "application/pdf", "image/png", "image/jpeg" (a static string),
 * or NULL for any other. */
const char *http__upload_type(const char *content_type);

/* For an HTTP_ROUTE_UPLOAD route, after the caller was let in: answers 415
 * and returns 1 unless content_type names a document type. */
int http__upload_guard(struct http_resp *resp, const char *content_type);

/* Returns 1 when a Content-Type value names JSON: application/json or an
 * application/...+json type, in any case, with or without parameters. */
int http__is_json_type(const char *content_type);

/* Returns 1 when the Origin header value (scheme://host[:port]) names the
 * server the request was sent to: its host[:port] equals the Host header,
 * ignoring case and the scheme's default port. "null", other schemes and
 * malformed values never match. */
int http__same_origin(const char *origin, const char *host);

/* Returns 1 when a Sec-Fetch-Site value says another site sent the
 * request ("cross-site" or "same-site"). */
int http__cross_site_fetch(const char *sec_fetch_site);

/* The check made before the handler of a HTTP_ROUTE_WRITE route. Answers
 * 403 when Origin is present and is not this server, or Sec-Fetch-Site
 * says another site sent the request; 415 when the body is not declared
 * as JSON; returns 1 then. Returns 0, leaving resp alone, otherwise. */
int http__write_guard(struct http_resp *resp, const struct http__write_headers *h);

/* The acceptor (acceptor.c): the listening socket and the thread that
 * hands its connections to MHD. */
struct http__acceptor;
struct MHD_Daemon;
struct sockaddr_storage;

/* Binds and listens on ss. Returns NULL with errno set when it cannot. */
struct http__acceptor *http__acceptor_listen(const struct sockaddr_storage *ss);

/* The port bound (the kernel's choice when ss asked for port 0). */
unsigned short http__acceptor_port(const struct http__acceptor *a);

/* Starts the thread that accepts connections into daemon. Returns 0 or -1. */
int http__acceptor_start(struct http__acceptor *a, struct MHD_Daemon *daemon);

/* Stops accepting (new connections are then refused by the kernel) and
 * frees a. a may be NULL. */
void http__acceptor_close(struct http__acceptor *a);

/* The slow lane (lane.c): nthreads threads that run queued jobs in order,
 * at most queue_max waiting. Returns NULL when threads or memory cannot be
 * had. */
struct http__lane;
struct http__lane *http__lane_start(unsigned nthreads, unsigned queue_max);

/* Queues run(arg). Returns 0, or -1 when the queue is full or the lane is
 * stopping: then run is never called and the caller answers itself. */
int http__lane_push(struct http__lane *l, void (*run)(void *), void *arg);

/* Runs every job still queued, then joins the threads and frees the lane.
 * l may be NULL. */
void http__lane_stop(struct http__lane *l);

#endif
