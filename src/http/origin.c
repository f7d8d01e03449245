/* SPDX-License-Identifier: MIT */
/*
 * The guard in front of every route that changes data (HTTP_ROUTE_WRITE).
 * A page of any other site can make a browser send a POST here: a plain
 * HTML form sends text/plain or a urlencoded body without asking anyone.
 * So a write is accepted only when its body is declared as JSON (which a
 * form cannot send, and which a script of another site cannot send without
 * a CORS preflight that khu does not grant for POST), and only when the
 * browser does not say it comes from another site: an Origin header, when
 * present, must name this server (the Host the request was sent to), and
 * Sec-Fetch-Site must not be cross-site or same-site. Clients that are not
 * browsers (curl, scripts) send neither header and are not affected.
 */
#include "http/http_int.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* How much of a client's header value is quoted back in a message. */
#define SHOWN_MAX 120

/* Returns 1 when s[0..n) equals the NUL-terminated word, ignoring case. */
static int word_is(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

int http__is_json_type(const char *content_type)
{
    const char *s = content_type, *slash, *end;
    size_t n;

    if (!s)
        return 0;
    s += strspn(s, " \t");
    n = strcspn(s, "; \t");
    end = s + n;
    slash = memchr(s, '/', n);
    if (!slash || !word_is(s, (size_t)(slash - s), "application"))
        return 0;
    slash++;
    if (word_is(slash, (size_t)(end - slash), "json"))
        return 1;
    /* a structured syntax suffix: application/problem+json and the like */
    return end - slash > 5 && word_is(end - 5, 5, "+json");
}

/* Returns the length of host[:port] without a default port for scheme
 * ("example.org:80" counts as "example.org" for http). */
static size_t without_default_port(const char *host, size_t n, int https)
{
    const char *port = https ? ":443" : ":80";
    size_t pn = strlen(port);

    if (n > pn && strncmp(host + n - pn, port, pn) == 0)
        return n - pn;
    return n;
}

int http__same_origin(const char *origin, const char *host)
{
    const char *o;
    size_t on, hn;
    int https;

    if (!origin || !host)
        return 0;
    if (strncasecmp(origin, "http://", 7) == 0)
        https = 0;
    else if (strncasecmp(origin, "https://", 8) == 0)
        https = 1;
    else
        return 0; /* "null" (a sandboxed page, a file) or another scheme */
    o = origin + (https ? 8 : 7);
    on = strlen(o);
    hn = strlen(host);
    if (on == 0 || hn == 0 || strpbrk(o, "/?#@ \t") || strpbrk(host, "/?#@ \t"))
        return 0;
    on = without_default_port(o, on, https);
    hn = without_default_port(host, hn, https);
    return on == hn && strncasecmp(o, host, on) == 0;
}

int http__cross_site_fetch(const char *sec_fetch_site)
{
    return sec_fetch_site && (strcasecmp(sec_fetch_site, "cross-site") == 0 ||
                              strcasecmp(sec_fetch_site, "same-site") == 0);
}

const char *http__upload_type(const char *content_type)
{
    static const char *const types[] = {"application/pdf", "image/png", "image/jpeg"};
    const char *s = content_type;
    size_t i, n;

    if (!s)
        return NULL;
    s += strspn(s, " \t");
    n = strcspn(s, "; \t");
    for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (word_is(s, n, types[i]))
            return types[i];
    return NULL;
}

int http__upload_guard(struct http_resp *resp, const char *content_type)
{
    if (http__upload_type(content_type))
        return 0;
    http_problem(resp, 415, NULL,
                 "the request body must be a document: send Content-Type application/pdf, "
                 "image/png or image/jpeg, not \"%.*s\"",
                 SHOWN_MAX, content_type ? content_type : "");
    return 1;
}

int http__write_guard(struct http_resp *resp, const struct http__write_headers *h)
{
    static const char own[] = "writes are accepted only from this site's own pages";

    if (h->origin && !h->host)
        http_problem(resp, 403, NULL, "%s: the request has Origin \"%.*s\" but no Host to match",
                     own, SHOWN_MAX, h->origin);
    else if (h->origin && !http__same_origin(h->origin, h->host))
        http_problem(resp, 403, NULL, "%s: Origin \"%.*s\" is not this server (Host \"%.*s\")", own,
                     SHOWN_MAX, h->origin, SHOWN_MAX, h->host);
    else if (http__cross_site_fetch(h->sec_fetch_site))
        http_problem(resp, 403, NULL,
                     "%s: the browser says this request comes from another site "
                     "(Sec-Fetch-Site: %.*s)",
                     own, SHOWN_MAX, h->sec_fetch_site);
    else if (h->upload)
        return 0; /* its type is checked once the caller may call it (http__upload_guard) */
    else if (!h->content_type)
        http_problem(resp, 415, NULL,
                     "the request body must be JSON: send Content-Type: application/json");
    else if (!http__is_json_type(h->content_type))
        http_problem(resp, 415, NULL,
                     "the request body must be JSON: send Content-Type: application/json, not "
                     "\"%.*s\"",
                     SHOWN_MAX, h->content_type);
    else
        return 0;
    return 1;
}
