/* SPDX-License-Identifier: MIT */
/*
 * Query strings and request paths: a strict percent-decoder (a bad or
 * truncated escape, an encoded NUL or invalid UTF-8 is an error, never
 * guessed at), the parsed parameter list of struct http_req, and the check
 * that a handler was given only the parameters it knows, each once. Error
 * messages name the parameter and say what is wrong, so a person can fix
 * the URL from the problem+json detail alone.
 */
#include "http/http_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

/* How much of a parameter name is quoted back in a message. */
#define NAME_SHOWN_MAX 64

enum decode_rc { DECODE_OK = 0, DECODE_BAD_ESCAPE, DECODE_NUL };

/* ===== UTF-8 ===== */

/* Returns the longest prefix of s (at most max bytes) that does not end in
 * the middle of a UTF-8 sequence. */
static size_t utf8_prefix(const char *s, size_t max)
{
    size_t n = strlen(s);

    if (n <= max)
        return n;
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

/* ===== Percent-decoding ===== */

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s[0..n) into out (room for n + 1 bytes) and NUL-terminates it.
 * plus_space turns '+' into ' ' (query strings only). On a bad escape or an
 * encoded NUL, *at is the offset of the '%'. */
static enum decode_rc pct_decode(const char *s, size_t n, int plus_space, char *out, size_t *outn,
                                 size_t *at)
{
    size_t i, o = 0;
    int hi, lo;

    for (i = 0; i < n; i++) {
        if (s[i] == '+' && plus_space) {
            out[o++] = ' ';
            continue;
        }
        if (s[i] != '%') {
            out[o++] = s[i];
            continue;
        }
        *at = i;
        hi = i + 1 < n ? hex_value(s[i + 1]) : -1;
        lo = i + 2 < n ? hex_value(s[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            return DECODE_BAD_ESCAPE;
        if (hi == 0 && lo == 0)
            return DECODE_NUL;
        out[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    out[o] = '\0';
    *outn = o;
    return DECODE_OK;
}

/* Writes the (at most three byte) escape at s[at..n) into show as printable
 * ASCII, so that a message can quote it whatever the client sent. */
static void show_escape(const char *s, size_t n, size_t at, char *show, size_t shown)
{
    size_t i, o = 0;
    unsigned char c;

    for (i = at; i < n && i < at + 3 && o + 5 < shown; i++) {
        c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F)
            show[o++] = (char)c;
        else
            o += (size_t)snprintf(show + o, shown - o, "\\x%02X", c);
    }
    show[o] = '\0';
}

/* ===== Query strings ===== */

struct qctx {
    struct http_req *req;
    char *err;
    size_t errn;
    char *param;
    size_t paramn;
    size_t index; /* 1-based position of the parameter being parsed */
};

static int qfail(struct qctx *q, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records a parse error: the message, and the parameter name when known. */
static int qfail(struct qctx *q, const char *name, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(q->err, q->errn, fmt, ap);
    va_end(ap);
    snprintf(q->param, q->paramn, "%s", name ? name : "");
    return -1;
}

/* Decodes and checks one parameter name. Returns the allocated name, or
 * NULL after qfail (or on out of memory, with *oom set). */
static char *decode_name(struct qctx *q, const char *s, size_t n, int *oom)
{
    char *name = xmalloc(n + 1);
    char show[16];
    size_t len = 0, at = 0;
    enum decode_rc rc;

    if (!name) {
        *oom = 1;
        return NULL;
    }
    rc = pct_decode(s, n, 1, name, &len, &at);
    if (rc == DECODE_BAD_ESCAPE) {
        show_escape(s, n, at, show, sizeof(show));
        qfail(q, NULL,
              "query parameter %zu: bad percent escape \"%s\" in the name (use %%XX with two hex "
              "digits)",
              q->index, show);
    } else if (rc == DECODE_NUL) {
        qfail(q, NULL, "query parameter %zu: the name contains %%00 (a NUL byte)", q->index);
    } else if (len == 0) {
        qfail(q, NULL, "query parameter %zu has an empty name (write name=value)", q->index);
    } else if (!utf8_valid(name, len, NULL)) {
        qfail(q, NULL, "query parameter %zu: the name is not valid UTF-8 after percent-decoding",
              q->index);
    } else {
        return name;
    }
    xfree(name);
    return NULL;
}

/* Decodes and checks the value of parameter name. Returns the allocated
 * value, or NULL after qfail (or on out of memory, with *oom set). */
static char *decode_value(struct qctx *q, const char *name, const char *s, size_t n, int *oom)
{
    char *value = xmalloc(n + 1);
    char show[16];
    size_t len = 0, at = 0, bad = 0;
    int shown = (int)utf8_prefix(name, NAME_SHOWN_MAX);
    enum decode_rc rc;

    if (!value) {
        *oom = 1;
        return NULL;
    }
    rc = pct_decode(s, n, 1, value, &len, &at);
    if (rc == DECODE_BAD_ESCAPE) {
        show_escape(s, n, at, show, sizeof(show));
        qfail(q, name,
              "query parameter \"%.*s\": bad percent escape \"%s\" (use %%XX with two hex digits)",
              shown, name, show);
    } else if (rc == DECODE_NUL) {
        qfail(q, name, "query parameter \"%.*s\": the value contains %%00 (a NUL byte)", shown,
              name);
    } else if (!utf8_valid(value, len, &bad)) {
        qfail(q, name,
              "query parameter \"%.*s\": the value is not valid UTF-8 after percent-decoding "
              "(byte %zu)",
              shown, name, bad + 1);
    } else {
        return value;
    }
    xfree(value);
    return NULL;
}

/* Parses one non-empty "name[=value]" segment into the next parameter slot.
 * Returns 0, -1 for bad input or -2 when memory runs out. */
static int parse_pair(struct qctx *q, const char *s, size_t n)
{
    const char *eq = memchr(s, '=', n);
    size_t name_len = eq ? (size_t)(eq - s) : n;
    struct http_param *p;
    char *name, *value;
    int oom = 0;

    if (q->req->nparams >= HTTP_MAX_PARAMS)
        return qfail(q, NULL, "too many query parameters (at most %d are accepted)",
                     HTTP_MAX_PARAMS);
    name = decode_name(q, s, name_len, &oom);
    if (!name)
        return oom ? -2 : -1;
    value = eq ? decode_value(q, name, eq + 1, n - name_len - 1, &oom)
               : decode_value(q, name, "", 0, &oom);
    if (!value) {
        xfree(name);
        return oom ? -2 : -1;
    }
    p = &q->req->params[q->req->nparams++];
    p->name = name;
    p->value = value;
    return 0;
}

int http__parse_query(struct http_req *req, const char *query, char *err, size_t errn, char *param,
                      size_t paramn)
{
    struct qctx q = {req, err, errn, param, paramn, 0};
    const char *s = query ? query : "";
    const char *amp;
    size_t n;
    int rc = 0;

    req->nparams = 0;
    if (errn)
        err[0] = '\0';
    if (paramn)
        param[0] = '\0';
    while (rc == 0 && *s) {
        amp = strchr(s, '&');
        n = amp ? (size_t)(amp - s) : strlen(s);
        if (n > 0) {
            q.index++;
            rc = parse_pair(&q, s, n);
        }
        s += amp ? n + 1 : n;
    }
    if (rc == -2)
        qfail(&q, NULL, "out of memory while parsing the query string");
    if (rc)
        http_req_free_params(req);
    return rc;
}

/* Empty segments ("a=1&&b=2", a trailing '&') are skipped; an empty name
 * ("=x") is an error. On failure no parameters are kept. */
int http_parse_query(struct http_req *req, const char *query, char *err, size_t errn)
{
    char param[HTTP__PARAM_NAME_MAX];

    return http__parse_query(req, query, err, errn, param, sizeof(param)) ? -1 : 0;
}

void http_req_free_params(struct http_req *req)
{
    size_t i;

    for (i = 0; i < req->nparams; i++) {
        xfree(req->params[i].name);
        xfree(req->params[i].value);
        req->params[i].name = NULL;
        req->params[i].value = NULL;
    }
    req->nparams = 0;
}

const char *http_param(const struct http_req *req, const char *name)
{
    size_t i;

    for (i = 0; i < req->nparams; i++) {
        if (strcmp(req->params[i].name, name) == 0)
            return req->params[i].value;
    }
    return NULL;
}

/* ===== Parameter checks ===== */

static int is_allowed(const char *name, const char *const *allowed)
{
    size_t i;

    for (i = 0; allowed && allowed[i]; i++) {
        if (strcmp(allowed[i], name) == 0)
            return 1;
    }
    return 0;
}

/* Fills list with "a, b, c" (or a sentence when nothing is allowed). */
static void allowed_list(struct buf *list, const char *const *allowed)
{
    size_t i;

    if (!allowed || !allowed[0]) {
        buf_puts(list, "none (this endpoint takes no query parameters)");
        return;
    }
    for (i = 0; allowed[i]; i++)
        buf_printf(list, "%s%s", i ? ", " : "", allowed[i]);
}

/* Answers the 400 problem for parameter name, which is unknown or (when
 * repeated is set) given more than once. */
static void param_problem(struct http_resp *resp, int repeated, const char *name,
                          const char *const *allowed)
{
    struct buf list;
    const char *shown_list;
    int shown = (int)utf8_prefix(name, NAME_SHOWN_MAX);

    buf_init(&list, 4096);
    allowed_list(&list, allowed);
    shown_list = list.err ? "(list too long)" : buf_cstr(&list);
    if (repeated)
        http_problem(resp, 400, name,
                     "query parameter \"%.*s\" is given more than once; allowed: %s", shown, name,
                     shown_list);
    else
        http_problem(resp, 400, name, "unknown query parameter \"%.*s\"; allowed: %s", shown, name,
                     shown_list);
    buf_free(&list);
}

int http_check_params(const struct http_req *req, struct http_resp *resp,
                      const char *const *allowed)
{
    size_t i, j;

    for (i = 0; i < req->nparams; i++) {
        const char *name = req->params[i].name;

        if (!is_allowed(name, allowed)) {
            param_problem(resp, 0, name, allowed);
            return -1;
        }
        for (j = 0; j < i; j++) {
            if (strcmp(req->params[j].name, name) == 0) {
                param_problem(resp, 1, name, allowed);
                return -1;
            }
        }
    }
    return 0;
}

/* ===== Paths ===== */

char *http__decode_path(const char *raw, size_t n, char *err, size_t errn, int *oom)
{
    char *path = xmalloc(n + 1);
    char show[16];
    size_t len = 0, at = 0, bad = 0;
    enum decode_rc rc;

    *oom = 0;
    if (!path) {
        snprintf(err, errn, "out of memory while decoding the path");
        *oom = 1;
        return NULL;
    }
    rc = pct_decode(raw, n, 0, path, &len, &at);
    if (rc == DECODE_BAD_ESCAPE) {
        show_escape(raw, n, at, show, sizeof(show));
        snprintf(err, errn, "bad percent escape \"%s\" in the path (use %%XX with two hex digits)",
                 show);
    } else if (rc == DECODE_NUL) {
        snprintf(err, errn, "the path contains %%00 (a NUL byte)");
    } else if (!utf8_valid(path, len, &bad)) {
        snprintf(err, errn, "the path is not valid UTF-8 after percent-decoding (byte %zu)",
                 bad + 1);
    } else {
        return path;
    }
    xfree(path);
    return NULL;
}
