/* SPDX-License-Identifier: MIT */
/*
 * Row versions (see row_version.h).
 */
#include "core/row_version.h"

#include <sodium.h>
#include <string.h>

#include "core/buf.h"
#include "core/json_out.h"

#define ROW_VERSION_BYTES 8
#define ROW_JSON_MAX      (16 * 1024 * 1024)

void row_version_of_json(const char *json, size_t n, char out[ROW_VERSION_HEX])
{
    unsigned char digest[ROW_VERSION_BYTES];

    crypto_generichash(digest, sizeof(digest), (const unsigned char *)json, n, NULL, 0);
    sodium_bin2hex(out, ROW_VERSION_HEX, digest, sizeof(digest));
}

int row_version(const struct table_def *t, const struct khu_row *row, int first,
                char out[ROW_VERSION_HEX])
{
    struct buf json;
    struct jw w;
    int rc = 0;

    out[0] = '\0';
    buf_init(&json, ROW_JSON_MAX);
    jw_init(&w, &json);
    jw_obj_begin(&w);
    row_json_fields(&w, t, row, first);
    jw_obj_end(&w);
    if (json.err)
        rc = -1;
    else
        row_version_of_json(buf_cstr(&json), json.len, out);
    buf_free(&json);
    return rc;
}

int row_version_matches(const char *if_match, const char *version)
{
    size_t vlen = strlen(version);
    const char *p = if_match;

    if (!p || !vlen)
        return 0;
    while (*p) {
        const char *end;
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (p[0] == 'W' && p[1] == '/') { /* weak: skip it */
            p += 2;
            if (*p == '"' && (end = strchr(p + 1, '"')) != NULL)
                p = end + 1;
            else
                return 0;
            continue;
        }
        if (*p != '"' || !(end = strchr(p + 1, '"')))
            return 0;
        if ((size_t)(end - p - 1) >= vlen && memcmp(p + 1, version, vlen) == 0 &&
            (p[1 + vlen] == '"' || p[1 + vlen] == '.'))
            return 1;
        p = end + 1;
    }
    return 0;
}
