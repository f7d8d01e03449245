/* SPDX-License-Identifier: MIT */
/*
 * Conditional requests and content coding, kept apart from libmicrohttpd so
 * they can be tested as plain functions: the strong ETag of a response
 * (a 64-bit hash of content type and body), If-None-Match matching,
 * reading Accept-Encoding (q=0 means "not this one") and gzip compression
 * through zlib with allocations routed through core/xalloc.
 */
#define ZLIB_CONST
#include "http/http_int.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "core/xalloc.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL

/* ===== ETag ===== */

static uint64_t fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *u = p;
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= u[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* One step of a lane of body_hash: xor in a word, then a bijective mix
 * (odd multiplier, xor-shift), so that a lane's state differs at the end
 * whenever exactly one of its words differs. */
static uint64_t lane(uint64_t h, const unsigned char *p)
{
    uint64_t w;

    memcpy(&w, p, sizeof(w));
    h = (h ^ w) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
}

/* Hashes n bytes 32 at a time in four independent lanes (FNV-1a byte by
 * byte is one multiply per byte in a single dependency chain: most of the
 * time of a large cached answer went there), then folds the lanes, the
 * length and the tail in with FNV-1a. */
static uint64_t body_hash(uint64_t h, const char *body, size_t n)
{
    const unsigned char *p = (const unsigned char *)body;
    uint64_t l[4] = {h, h ^ 0x0123456789ABCDEFULL, ~h, h ^ 0xFEDCBA9876543210ULL};
    size_t i = 0;

    for (; i + 32 <= n; i += 32) {
        l[0] = lane(l[0], p + i);
        l[1] = lane(l[1], p + i + 8);
        l[2] = lane(l[2], p + i + 16);
        l[3] = lane(l[3], p + i + 24);
    }
    h = fnv1a(h, l, sizeof(l));
    h = fnv1a(h, &n, sizeof(n));
    return n > i ? fnv1a(h, p + i, n - i) : h;
}

void http__etag(char out[HTTP__ETAG_MAX], const char *version, const char *content_type,
                const char *body, size_t n, int gzip)
{
    uint64_t h = fnv1a(FNV_OFFSET, content_type, strlen(content_type) + 1);
    int tagged = version && version[0];

    h = body_hash(h, body, n);
    snprintf(out, HTTP__ETAG_MAX, "\"%.*s%s%016" PRIx64 "%s\"", tagged ? HTTP_ETAG_VERSION_MAX : 0,
             tagged ? version : "", tagged ? "." : "", h, gzip ? "-gz" : "");
}

static const char *skip_list_space(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == ',')
        p++;
    return p;
}

int http__etag_matches(const char *if_none_match, const char *etag)
{
    size_t elen = strlen(etag);
    const char *p = if_none_match, *end;

    for (;;) {
        p = skip_list_space(p);
        if (*p == '*')
            return 1;
        if (p[0] == 'W' && p[1] == '/')
            p += 2; /* If-None-Match uses the weak comparison */
        if (*p != '"')
            return 0;
        end = strchr(p + 1, '"');
        if (!end)
            return 0;
        if ((size_t)(end - p + 1) == elen && memcmp(p, etag, elen) == 0)
            return 1;
        p = end + 1;
    }
}

/* ===== Accept-Encoding ===== */

static int is_ows(char c)
{
    return c == ' ' || c == '\t';
}

/* Returns 1 when the parameters of one list element (s[0..n), after the
 * coding) carry a q value of zero: "q=0", "q=0.", "q=0.000". */
static int q_is_zero(const char *s, size_t n)
{
    size_t i = 0, j;

    while (i < n) {
        while (i < n && (is_ows(s[i]) || s[i] == ';'))
            i++;
        if (i + 1 < n && (s[i] == 'q' || s[i] == 'Q') && s[i + 1] == '=') {
            i += 2;
            if (i >= n || s[i] != '0')
                return 0;
            j = i + 1;
            if (j < n && s[j] == '.')
                j++;
            while (j < n && s[j] == '0')
                j++;
            return j == n || is_ows(s[j]) || s[j] == ';';
        }
        while (i < n && s[i] != ';')
            i++;
    }
    return 0;
}

/* Compares the coding at the start of element s[0..n) with name. */
static int coding_is(const char *s, size_t n, const char *name)
{
    size_t len = strlen(name);

    return n >= len && strncasecmp(s, name, len) == 0 &&
           (n == len || is_ows(s[len]) || s[len] == ';');
}

int http__accepts_gzip(const char *accept_encoding)
{
    const char *p = accept_encoding, *comma;
    int gzip = -1, star = -1;
    size_t n;

    while (p && *p) {
        while (is_ows(*p) || *p == ',')
            p++;
        comma = strchr(p, ',');
        n = comma ? (size_t)(comma - p) : strlen(p);
        if (coding_is(p, n, "gzip") || coding_is(p, n, "x-gzip"))
            gzip = !q_is_zero(p, n);
        else if (coding_is(p, n, "*"))
            star = !q_is_zero(p, n);
        p += n;
    }
    if (gzip >= 0)
        return gzip;
    return star > 0;
}

/* ===== gzip ===== */

static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
    (void)opaque;
    return xcalloc(items, size);
}

static void z_free(voidpf opaque, voidpf p)
{
    (void)opaque;
    xfree(p);
}

char *http__gzip(const char *in, size_t n, size_t *outn)
{
    z_stream z;
    char *out = NULL;
    uLong bound;

    if (n > UINT_MAX / 2)
        return NULL;
    memset(&z, 0, sizeof(z));
    z.zalloc = z_alloc;
    z.zfree = z_free;
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return NULL;
    bound = deflateBound(&z, (uLong)n);
    out = xmalloc(bound);
    if (!out)
        goto out;
    z.next_in = (const Bytef *)in;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)bound;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) {
        xfree(out);
        out = NULL;
        goto out;
    }
    *outn = z.total_out;
out:
    deflateEnd(&z);
    return out;
}
