/* SPDX-License-Identifier: MIT */
/*
 * The client's address behind a reverse proxy. X-Forwarded-For can be
 * written by anyone, so it is believed only when the connection comes
 * from the one proxy the operator named (khu serve --trust-proxy ADDR),
 * and then only its last entry: the address that proxy itself saw. Any
 * entries before it were sent by the client and prove nothing. The same
 * proxy's X-Forwarded-Proto tells whether the client used TLS.
 */
#include "http/http_int.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Copies the last comma-separated entry of list, without spaces, to out.
 * Returns 0, or -1 when it is empty or too long. */
static int last_entry(const char *list, char *out, size_t n)
{
    const char *start = strrchr(list, ',');
    size_t len;

    start = start ? start + 1 : list;
    start += strspn(start, " \t");
    len = strcspn(start, " \t");
    if (len == 0 || len >= n || start[len + strspn(start + len, " \t")] != '\0')
        return -1;
    memcpy(out, start, len);
    out[len] = '\0';
    return 0;
}

/* Returns 1 when s is a numeric IPv4 or IPv6 address. */
static int is_address(const char *s)
{
    unsigned char bin[16];

    return inet_pton(AF_INET, s, bin) == 1 || inet_pton(AF_INET6, s, bin) == 1;
}

void http__forwarded(const char *trust, const char *forwarded_for, const char *forwarded_proto,
                     char *client, size_t n, int *secure)
{
    char seen[64];

    *secure = 0;
    if (!trust || !trust[0] || strcmp(client, trust) != 0)
        return;
    if (forwarded_proto && strcasecmp(forwarded_proto, "https") == 0)
        *secure = 1;
    if (forwarded_for && last_entry(forwarded_for, seen, sizeof(seen)) == 0 && is_address(seen))
        snprintf(client, n, "%s", seen);
}
