/* SPDX-License-Identifier: MIT */
/*
 * Strict UTF-8 decoding after RFC 3629: every code point must use its
 * shortest form, surrogates (U+D800-U+DFFF) and anything above U+10FFFF are
 * refused. Everything that reads text from outside (CSV, JSON, query
 * strings, the text folder) validates through here.
 */
#include "core/utf8.h"

#include <string.h>

/* The allowed range of the second byte of a sequence, indexed by the lead
 * byte (RFC 3629, section 4). The third and fourth bytes are always
 * 0x80-0xBF. */
static int second_range(unsigned char lead, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (lead == 0xE0)
        *lo = 0xA0;
    else if (lead == 0xED)
        *hi = 0x9F;
    else if (lead == 0xF0)
        *lo = 0x90;
    else if (lead == 0xF4)
        *hi = 0x8F;
    if (lead >= 0xC2 && lead <= 0xDF)
        return 2;
    if (lead >= 0xE0 && lead <= 0xEF)
        return 3;
    if (lead >= 0xF0 && lead <= 0xF4)
        return 4;
    return 0;
}

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char lo, hi;
    uint32_t v;
    int len, i;

    if (n == 0)
        return 0;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    len = second_range(p[0], &lo, &hi);
    if (len == 0 || n < (size_t)len || p[1] < lo || p[1] > hi)
        return 0;
    v = p[0] & (0xFF >> (len + 1));
    for (i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    *cp = v;
    return (size_t)len;
}

int utf8_valid(const char *s, size_t n, size_t *bad)
{
    size_t i = 0, k;
    uint32_t cp;

    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += k;
    }
    return 1;
}

size_t utf8_count(const char *s, size_t n)
{
    size_t i = 0, count = 0, k;
    uint32_t cp;

    while (i < n) {
        k = utf8_decode(s + i, n - i, &cp);
        i += k ? k : 1;
        count++;
    }
    return count;
}

size_t utf8_fit(const char *s, size_t n, size_t max)
{
    size_t i = 0, k;
    uint32_t cp;

    while (i < n) {
        k = utf8_decode(s + i, n - i, &cp);
        k = k ? k : 1;
        if (i + k > max)
            break;
        i += k;
    }
    return i;
}

int utf8_copy(char *out, size_t n, const char *s)
{
    static const char ellipsis[] = "\xe2\x80\xa6"; /* … */
    size_t len = strlen(s), keep;

    if (len < n) {
        memcpy(out, s, len + 1);
        return 0;
    }
    keep = utf8_fit(s, len, n - sizeof(ellipsis));
    memcpy(out, s, keep);
    memcpy(out + keep, ellipsis, sizeof(ellipsis));
    return 1;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    unsigned char *p = (unsigned char *)out;

    if (cp < 0x80) {
        p[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        p[0] = (unsigned char)(0xC0 | (cp >> 6));
        p[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        p[0] = (unsigned char)(0xE0 | (cp >> 12));
        p[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        p[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp > 0x10FFFF)
        return 0;
    p[0] = (unsigned char)(0xF0 | (cp >> 18));
    p[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    p[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    p[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
