/* SPDX-License-Identifier: MIT */
/*
 * Sending one e-mail through an SMTP server (RFC 5321): the mail relay
 * the province names in khu's configuration, reached in plain SMTP on its
 * network (the relay carries the mail on, over TLS where it must). One
 * connection per message, with a time limit on every step; what the
 * server refused is said in err. Headers are checked so that no value can
 * add one of its own; the subject is encoded for Vietnamese and Korean
 * (RFC 2047), the body sent as UTF-8 text.
 */
#ifndef KHU_SMTP_H
#define KHU_SMTP_H

#include <stddef.h>

#define SMTP_TIMEOUT_MS 10000 /* for the connection and each reply */

struct smtp_server {
    char host[256];
    char port[8];
    int timeout_ms; /* 0: SMTP_TIMEOUT_MS */
};

struct smtp_message {
    const char *from;    /* an address: "khu@example.org" */
    const char *to;      /* an address */
    const char *subject; /* one line of UTF-8 */
    const char *body;    /* UTF-8 text; lines end in \n or \r\n */
};

/* API */

/* Reads "host:port" (or "host", port 25; "[v6]:port") into out. Returns
 * 0, or -1 when text is not so written. */
int smtp_server_parse(const char *text, struct smtp_server *out);

/* Returns 1 when addr can be given to SMTP as an address: local@domain,
 * printable ASCII or UTF-8, no space, no angle bracket, no line end. */
int smtp_address_ok(const char *addr);

/* Sends m through srv. Returns 0, or -1 with what went wrong in err (n
 * bytes), such as "the server refused the recipient: 550 no such user". */
int smtp_send(const struct smtp_server *srv, const struct smtp_message *m, char *err, size_t n);

#endif
