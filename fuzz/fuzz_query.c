/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for the request-target parsers of src/http: the query
 * string parser, the path decoder and the route matcher. Whatever the
 * input, they must not crash or leak; what they accept must hold their
 * promises: parameter names non-empty, names and values valid UTF-8, at
 * most HTTP_MAX_PARAMS of them; route values non-empty single segments
 * that fit the caller's strlen(path) + 1 scratch; problem bodies that a
 * check produces well-formed as far as quotes and braces go.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "http/http.h"
#include "http/http_int.h"

/* Parses s as a query string and checks what came back. */
static void check_query(const char *s)
{
    static const char *const allowed[] = {"q", "limit", "cursor", NULL};
    char err[256], param[HTTP__PARAM_NAME_MAX];
    struct http_req req;
    struct http_resp resp;
    size_t i;

    memset(&req, 0, sizeof(req));
    if (http__parse_query(&req, s, err, sizeof(err), param, sizeof(param)) != 0) {
        if (req.nparams != 0 || err[0] == '\0')
            abort();
        return;
    }
    if (req.nparams > HTTP_MAX_PARAMS)
        abort();
    for (i = 0; i < req.nparams; i++) {
        const char *n = req.params[i].name, *v = req.params[i].value;

        if (!n[0] || !utf8_valid(n, strlen(n), NULL) || !utf8_valid(v, strlen(v), NULL))
            abort();
        if (http_param(&req, n) == NULL)
            abort();
    }
    memset(&resp, 0, sizeof(resp));
    resp.status = 200;
    resp.content_type = "application/json";
    buf_init(&resp.body, HTTP_MAX_RESPONSE);
    if (http_check_params(&req, &resp, allowed) != 0) {
        const char *b = buf_cstr(&resp.body);

        if (resp.status != 400 || b[0] != '{' || b[resp.body.len - 1] != '}')
            abort();
        if (!utf8_valid(b, resp.body.len, NULL))
            abort();
    }
    buf_free(&resp.body);
    http_req_free_params(&req);
}

/* Decodes s as a path; an accepted path is valid UTF-8 with no NUL. */
static void check_path(const char *s, size_t n)
{
    char err[256];
    int oom;
    char *p = http__decode_path(s, n, err, sizeof(err), &oom);

    if (!p)
        return;
    if (!utf8_valid(p, strlen(p), NULL))
        abort();
    free(p);
}

/* Splits s at the first '\n' into a pattern and a path and matches them. */
static void check_route(const char *s)
{
    const char *nl = strchr(s, '\n');
    const char *vals[HTTP_MAX_PATH_PARAMS];
    char *pattern, *scratch;
    size_t nvals = 0, i;

    if (!nl)
        return;
    pattern = strndup(s, (size_t)(nl - s));
    scratch = malloc(strlen(nl + 1) + 1);
    if (!pattern || !scratch)
        abort();
    if (http_route_match(pattern, nl + 1, scratch, vals, &nvals)) {
        if (nvals > HTTP_MAX_PATH_PARAMS)
            abort();
        for (i = 0; i < nvals; i++) {
            if (!vals[i][0] || strchr(vals[i], '/'))
                abort();
        }
    } else if (nvals != 0) {
        abort();
    }
    free(pattern);
    free(scratch);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);

    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    check_query(s);
    check_path(s, strlen(s));
    check_route(s);
    free(s);
    return 0;
}
