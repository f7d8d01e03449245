/* SPDX-License-Identifier: MIT */
/*
 * RFC 9457 problem details: every error the HTTP layer or a handler reports
 * is an application/problem+json body with the reason phrase as its title.
 * The JSON is written by hand with an escaper that turns any byte string,
 * including user text with quotes, control characters or broken UTF-8, into
 * a valid JSON string.
 */
#include "http/http_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "core/utf8.h"

/* The detail is cut at this many bytes (before escaping). */
#define DETAIL_MAX 2048

struct reason {
    int status;
    const char *phrase;
};

static const struct reason reasons[] = {
    {200, "OK"},
    {201, "Created"},
    {204, "No Content"},
    {304, "Not Modified"},
    {400, "Bad Request"},
    {401, "Unauthorized"},
    {403, "Forbidden"},
    {404, "Not Found"},
    {405, "Method Not Allowed"},
    {406, "Not Acceptable"},
    {409, "Conflict"},
    {412, "Precondition Failed"},
    {413, "Content Too Large"},
    {414, "URI Too Long"},
    {415, "Unsupported Media Type"},
    {422, "Unprocessable Content"},
    {428, "Precondition Required"},
    {429, "Too Many Requests"},
    {431, "Request Header Fields Too Large"},
    {500, "Internal Server Error"},
    {501, "Not Implemented"},
    {503, "Service Unavailable"},
};

const char *http__reason(int status)
{
    size_t i;

    for (i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
        if (reasons[i].status == status)
            return reasons[i].phrase;
    }
    return "Unknown Status";
}

/* Appends the escape for one ASCII byte that JSON does not allow raw, or
 * the byte itself. */
static void json_ascii(struct buf *b, unsigned char c)
{
    switch (c) {
    case '"':
        buf_puts(b, "\\\"");
        break;
    case '\\':
        buf_puts(b, "\\\\");
        break;
    case '\n':
        buf_puts(b, "\\n");
        break;
    case '\r':
        buf_puts(b, "\\r");
        break;
    case '\t':
        buf_puts(b, "\\t");
        break;
    default:
        if (c < 0x20 || c == 0x7F)
            buf_printf(b, "\\u%04x", c);
        else
            buf_putc(b, (char)c);
    }
}

void http__json_string(struct buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, len;
    uint32_t cp;

    buf_putc(b, '"');
    while (i < n) {
        if (u[i] < 0x80) {
            json_ascii(b, u[i++]);
            continue;
        }
        len = utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD for one bad byte */
            i++;
            continue;
        }
        buf_append(b, s + i, len);
        i += len;
    }
    buf_putc(b, '"');
}

void http_problem(struct http_resp *resp, int status, const char *param, const char *fmt, ...)
{
    char detail[DETAIL_MAX];
    const char *title = http__reason(status);
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(detail, sizeof(detail), fmt, ap);
    va_end(ap);
    if (n < 0)
        detail[0] = '\0';
    buf_reset(&resp->body);
    resp->status = status;
    resp->content_type = "application/problem+json";
    resp->content_disposition[0] = '\0';
    resp->no_etag = 1;
    resp->cache_control = NULL;
    resp->retry_after = 0;
    buf_puts(&resp->body, "{\"type\":\"about:blank\",\"title\":");
    http__json_string(&resp->body, title, strlen(title));
    buf_printf(&resp->body, ",\"status\":%d,\"detail\":", status);
    http__json_string(&resp->body, detail, strlen(detail));
    if (param) {
        buf_puts(&resp->body, ",\"param\":");
        http__json_string(&resp->body, param, strlen(param));
    }
    buf_puts(&resp->body, "}");
}

void http_problem_fields(struct http_resp *resp, int status, const char *detail,
                         const struct http_field_problem *fields, int n)
{
    int i;

    http_problem(resp, status, n > 0 ? fields[0].param : NULL, "%s", detail);
    if (resp->body.len > 0) /* reopen the object: its closing brace is the last byte */
        resp->body.len--;
    buf_puts(&resp->body, ",\"errors\":[");
    for (i = 0; i < n; i++) {
        buf_puts(&resp->body, i ? ",{\"param\":" : "{\"param\":");
        http__json_string(&resp->body, fields[i].param, strlen(fields[i].param));
        buf_puts(&resp->body, ",\"detail\":");
        http__json_string(&resp->body, fields[i].detail, strlen(fields[i].detail));
        if (fields[i].rule) {
            buf_puts(&resp->body, ",\"rule\":");
            http__json_string(&resp->body, fields[i].rule, strlen(fields[i].rule));
        }
        buf_putc(&resp->body, '}');
    }
    buf_puts(&resp->body, "]}");
}
