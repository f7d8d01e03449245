/* SPDX-License-Identifier: MIT */
/*
 * Sending one e-mail through an SMTP server (see smtp.h).
 */
#include "mail/smtp.h"

#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"

#define LINE_MAX_BYTES 1000 /* a reply line longer than this is not SMTP */

struct conn {
    int fd;
    int timeout_ms;
    char in[4096];
    size_t len;
};

int smtp_server_parse(const char *text, struct smtp_server *out)
{
    const char *port = NULL, *host = text;
    size_t hn;

    memset(out, 0, sizeof(*out));
    if (!text || !text[0])
        return -1;
    if (text[0] == '[') { /* [v6]:port */
        const char *end = strchr(text, ']');
        if (!end)
            return -1;
        host = text + 1;
        hn = (size_t)(end - host);
        port = end[1] == ':' ? end + 2 : end[1] ? NULL : "";
        if (!port)
            return -1;
    } else {
        const char *colon = strrchr(text, ':');
        hn = colon ? (size_t)(colon - text) : strlen(text);
        port = colon ? colon + 1 : "";
    }
    if (!hn || hn >= sizeof(out->host) || strlen(port) >= sizeof(out->port))
        return -1;
    memcpy(out->host, host, hn);
    snprintf(out->port, sizeof(out->port), "%s", port[0] ? port : "25");
    for (port = out->port; *port; port++)
        if (*port < '0' || *port > '9')
            return -1;
    return 0;
}

int smtp_address_ok(const char *addr)
{
    const char *at = addr ? strchr(addr, '@') : NULL;
    const unsigned char *p;

    if (!at || at == addr || !at[1] || strchr(at + 1, '@') || strlen(addr) > 254)
        return 0;
    for (p = (const unsigned char *)addr; *p; p++)
        if (*p <= ' ' || *p == '<' || *p == '>' || *p == '"' || *p == '\\' || *p == 0x7f)
            return 0;
    return 1;
}

/* Waits for fd to be ready for events; returns 0, or -1 on a timeout. */
static int wait_for(const struct conn *c, short events)
{
    struct pollfd p = {c->fd, events, 0};
    int rc;

    do
        rc = poll(&p, 1, c->timeout_ms);
    while (rc < 0 && errno == EINTR);
    return rc > 0 ? 0 : -1;
}

static int send_all(struct conn *c, const char *data, size_t n, char *err, size_t errn)
{
    while (n) {
        ssize_t w;
        if (wait_for(c, POLLOUT)) {
            snprintf(err, errn, "the server did not take what was sent in time");
            return -1;
        }
        w = send(c->fd, data, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            snprintf(err, errn, "the connection to the server was lost: %s", strerror(errno));
            return -1;
        }
        data += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads one reply (its last line "NNN text"); returns its code, or -1
 * with err filled. The last line goes to line (n bytes). */
static int read_reply(struct conn *c, char *line, size_t n, char *err, size_t errn)
{
    for (;;) {
        char *eol = memchr(c->in, '\n', c->len);
        if (eol) {
            size_t ll = (size_t)(eol - c->in) + 1;
            int last = ll >= 4 && c->in[3] != '-';
            int code = ll >= 4 && c->in[0] >= '2' && c->in[0] <= '5'
                           ? (c->in[0] - '0') * 100 + (c->in[1] - '0') * 10 + (c->in[2] - '0')
                           : -1;
            snprintf(line, n, "%.*s", (int)(ll > 2 ? ll - 2 : 0), c->in);
            memmove(c->in, c->in + ll, c->len - ll);
            c->len -= ll;
            if (code < 0) {
                snprintf(err, errn, "the server's reply is not SMTP: %.80s", line);
                return -1;
            }
            if (last)
                return code;
            continue;
        }
        if (c->len >= sizeof(c->in) - 1 || c->len > LINE_MAX_BYTES) {
            snprintf(err, errn, "the server's reply is not SMTP: a line too long");
            return -1;
        }
        if (wait_for(c, POLLIN)) {
            snprintf(err, errn, "the server did not answer in time");
            return -1;
        }
        {
            ssize_t r = recv(c->fd, c->in + c->len, sizeof(c->in) - 1 - c->len, 0);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                snprintf(err, errn, "the server closed the connection");
                return -1;
            }
            c->len += (size_t)r;
        }
    }
}

/* Sends cmd (ending in CRLF) and checks that the reply's code is want (or
 * want2). what says what the step was, for err. */
static int step(struct conn *c, const char *cmd, int want, int want2, const char *what, char *err,
                size_t errn)
{
    char line[512], e[256];
    int code;

    if (cmd && send_all(c, cmd, strlen(cmd), err, errn))
        return -1;
    code = read_reply(c, line, sizeof(line), e, sizeof(e));
    if (code < 0) {
        snprintf(err, errn, "%s: %s", what, e);
        return -1;
    }
    if (code != want && code != want2) {
        snprintf(err, errn, "the server refused %s: %.200s", what, line);
        return -1;
    }
    return 0;
}

static int connect_to(const struct smtp_server *srv, struct conn *c, char *err, size_t errn)
{
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL, *a;
    int rc = getaddrinfo(srv->host, srv->port, &hints, &res);

    c->fd = -1;
    if (rc) {
        snprintf(err, errn, "the mail server %s cannot be found: %s", srv->host, gai_strerror(rc));
        return -1;
    }
    for (a = res; a && c->fd < 0; a = a->ai_next) {
        int fd =
            socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        int soerr = 0;
        socklen_t sl = sizeof(soerr);
        if (fd < 0)
            continue;
        c->fd = fd;
        if (connect(fd, a->ai_addr, a->ai_addrlen) == 0 ||
            (errno == EINPROGRESS && !wait_for(c, POLLOUT) &&
             !getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) && !soerr))
            break;
        close(fd);
        c->fd = -1;
    }
    freeaddrinfo(res);
    if (c->fd < 0) {
        snprintf(err, errn, "the mail server %s:%s cannot be reached", srv->host, srv->port);
        return -1;
    }
    return 0;
}

/* A subject as RFC 2047 words of UTF-8 in base64, each under 76 bytes. */
static void encode_subject(struct buf *b, const char *s)
{
    size_t n = strlen(s), at = 0;
    const unsigned char *u = (const unsigned char *)s;

    buf_puts(b, "Subject:");
    while (at < n) {
        char enc[128];
        size_t take = n - at < 45 ? n - at : 45;
        while (at + take < n && (u[at + take] & 0xC0) == 0x80) /* whole characters */
            take--;
        sodium_bin2base64(enc, sizeof(enc), u + at, take, sodium_base64_VARIANT_ORIGINAL);
        buf_printf(b, " =?UTF-8?B?%s?=\r\n", enc);
        at += take;
    }
    if (!n)
        buf_puts(b, "\r\n");
}

/* The message: headers, then the body with CRLF line ends and a dot
 * doubled at the start of a line, then the end. */
static void compose(struct buf *b, const struct smtp_message *m)
{
    char date[64], id[33];
    unsigned char rnd[16];
    time_t now = time(NULL);
    struct tm tm;
    const char *p;

    gmtime_r(&now, &tm);
    strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
    randombytes_buf(rnd, sizeof(rnd));
    sodium_bin2hex(id, sizeof(id), rnd, sizeof(rnd));
    buf_printf(b, "From: %s\r\nTo: %s\r\nDate: %s\r\nMessage-ID: <%s@khu>\r\n", m->from, m->to,
               date, id);
    encode_subject(b, m->subject ? m->subject : "");
    buf_puts(b, "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n");
    for (p = m->body ? m->body : ""; *p;) {
        size_t ll = strcspn(p, "\r\n");
        if (*p == '.')
            buf_putc(b, '.');
        buf_append(b, p, ll);
        buf_puts(b, "\r\n");
        p += ll;
        if (*p == '\r')
            p++;
        if (*p == '\n')
            p++;
    }
    buf_puts(b, ".\r\n");
}

int smtp_send(const struct smtp_server *srv, const struct smtp_message *m, char *err, size_t n)
{
    struct conn c = {.timeout_ms = srv->timeout_ms > 0 ? srv->timeout_ms : SMTP_TIMEOUT_MS};
    char cmd[600];
    struct buf msg;
    int rc = -1;

    err[0] = '\0';
    if (!smtp_address_ok(m->from) || !smtp_address_ok(m->to)) {
        snprintf(err, n, "not an e-mail address: %.80s",
                 smtp_address_ok(m->from) ? m->to ? m->to : ""
                 : m->from                ? m->from
                                          : "");
        return -1;
    }
    if (m->subject && strpbrk(m->subject, "\r\n")) {
        snprintf(err, n, "the subject holds a line end");
        return -1;
    }
    if (connect_to(srv, &c, err, n))
        return -1;
    buf_init(&msg, 4 * 1024 * 1024);
    compose(&msg, m);
    if (msg.err)
        snprintf(err, n, "the message could not be made");
    else if (!step(&c, NULL, 220, 220, "the greeting", err, n) &&
             !step(&c, "EHLO khu\r\n", 250, 250, "EHLO", err, n) &&
             (snprintf(cmd, sizeof(cmd), "MAIL FROM:<%s>\r\n", m->from),
              !step(&c, cmd, 250, 250, "the sender", err, n)) &&
             (snprintf(cmd, sizeof(cmd), "RCPT TO:<%s>\r\n", m->to),
              !step(&c, cmd, 250, 251, "the recipient", err, n)) &&
             !step(&c, "DATA\r\n", 354, 354, "DATA", err, n) &&
             !send_all(&c, buf_cstr(&msg), msg.len, err, n) &&
             !step(&c, NULL, 250, 250, "the message", err, n)) {
        rc = 0;
        (void)step(&c, "QUIT\r\n", 221, 221, "QUIT", cmd, sizeof(cmd)); /* sent: done */
    }
    buf_free(&msg);
    close(c.fd);
    return rc;
}
