/* SPDX-License-Identifier: MIT */
/*
 * Reading a zone's provenance tokens (see provenance.h).
 */
#include "core/provenance.h"

#include <string.h>

#define PROVENANCE_MAX_TOKENS 64

static const char *const figure_columns[] = {
    "status",
    "planned_year",
    "established_on",
    "total_ha",
    "industrial_ha",
    "leased_ha",
    "occupancy_reported_pct",
    "lease_usd_m2",
    "lease_until",
    "developer",
    "km_hcmc",
    "km_port",
    "wwtp_m3_day",
    "power_mva",
    "water_m3_day",
    "infra_complete",
    "sectors",
    "tenants",
    "lat", /* where it is, and what kind of place the point is */
    "lon",
    "position",
    "commune",
    NULL,
};

int provenance_column_ok(const char *column, size_t len)
{
    const char *const *c;

    for (c = figure_columns; *c; c++)
        if (strlen(*c) == len && memcmp(*c, column, len) == 0)
            return 1;
    return 0;
}

int provenance_code_ok(const char *s, size_t len)
{
    size_t i;

    if (len == 0 || len > 64)
        return 0;
    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return 0;
    }
    return 1;
}

static enum khu_err bad(struct khu_diag *d, const char *tok, size_t len, const char *why)
{
    khu_diag_set(d, 0, 0, "provenance", "'%.*s' %s", (int)(len > 80 ? 80 : len), tok, why);
    return KHU_EINVAL;
}

enum khu_err provenance_parse(const char *text, size_t len, provenance_fn fn, void *arg,
                              struct khu_diag *d)
{
    const char *seen[PROVENANCE_MAX_TOKENS];
    size_t seen_len[PROVENANCE_MAX_TOKENS], nseen = 0, at = 0, i;

    while (at < len) {
        size_t start, tlen, clen;
        const char *eq;
        while (at < len && text[at] == ' ')
            at++;
        start = at;
        while (at < len && text[at] != ' ')
            at++;
        tlen = at - start;
        if (tlen == 0)
            continue;
        eq = memchr(text + start, '=', tlen);
        if (!eq)
            return bad(d, text + start, tlen, "is not column=source_code");
        clen = (size_t)(eq - (text + start));
        if (!provenance_column_ok(text + start, clen))
            return bad(d, text + start, tlen, "does not name a figure of a zone");
        if (!provenance_code_ok(eq + 1, tlen - clen - 1))
            return bad(d, text + start, tlen, "does not end in a source code");
        for (i = 0; i < nseen; i++)
            if (seen_len[i] == clen && memcmp(seen[i], text + start, clen) == 0)
                return bad(d, text + start, tlen, "names a column a second time");
        if (nseen == PROVENANCE_MAX_TOKENS)
            return bad(d, text + start, tlen, "is one token too many");
        seen[nseen] = text + start;
        seen_len[nseen++] = clen;
        if (fn && fn(arg, text + start, clen, eq + 1, tlen - clen - 1))
            break;
    }
    return KHU_OK;
}
