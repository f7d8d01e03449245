/* SPDX-License-Identifier: MIT */
/*
 * The registered sources and what a text cites (see app_sources.h).
 */
#include "app/app_sources.h"
#include "core/row.h"
#include "core/schema.h"
#include "core/xalloc.h"
#include "store/scan.h"

#include <string.h>

static char *copy(const char *s)
{
    size_t n = strlen(s);
    char *out = xmalloc(n + 1);

    if (out)
        memcpy(out, s, n + 1);
    return out;
}

enum khu_err app_cites_add(struct app_cites *c, const char *code, const char *cite)
{
    char *a, *b;

    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        char **nc = xrealloc(c->code, cap * sizeof(*nc));
        if (!nc)
            return KHU_ENOMEM;
        c->code = nc;
        nc = xrealloc(c->cite, cap * sizeof(*nc));
        if (!nc)
            return KHU_ENOMEM;
        c->cite = nc;
        c->cap = cap;
    }
    a = copy(code);
    b = copy(cite);
    if (!a || !b) {
        xfree(a);
        xfree(b);
        return KHU_ENOMEM;
    }
    c->code[c->n] = a;
    c->cite[c->n++] = b;
    return KHU_OK;
}

struct load {
    struct app_cites *c;
    int code, cite;
    enum khu_err err;
};

/* store_row_fn: one source into the registry. */
static int add_row(void *arg, const struct khu_row *row)
{
    struct load *l = arg;
    const char *code = row_text(row, l->code), *cite = row_text(row, l->cite);

    if (code && cite)
        l->err = app_cites_add(l->c, code, cite);
    return l->err != KHU_OK;
}

enum khu_err app_cites_load(struct store *s, struct app_cites *c, struct khu_diag *d)
{
    const struct table_def *t = schema_table("sources");
    struct load l = {c, schema_col_index(t, "code"), schema_col_index(t, "cite"), KHU_OK};
    enum khu_err err;

    app_cites_free(c);
    err = store_scan(s, t, add_row, &l, d);
    if (!err && l.err) {
        khu_diag_set(d, 0, 0, NULL, "out of memory");
        err = l.err;
    }
    if (err)
        app_cites_free(c);
    return err;
}

size_t app_cites_find(const struct app_cites *c, const char *text, struct cite_match *m)
{
    size_t n;

    if (!text || c->n == 0)
        return 0;
    n = cite_find(text, (const char *const *)c->cite, c->n, m, APP_CITES_MAX);
    if (n == CITE_NOMEM)
        return 0;
    return n < APP_CITES_MAX ? n : APP_CITES_MAX;
}

long app_cites_index(const struct app_cites *c, const char *code, size_t len)
{
    size_t i;

    for (i = 0; i < c->n; i++)
        if (strlen(c->code[i]) == len && memcmp(c->code[i], code, len) == 0)
            return (long)i;
    return -1;
}

void app_cites_free(struct app_cites *c)
{
    size_t i;

    for (i = 0; i < c->n; i++) {
        xfree(c->code[i]);
        xfree(c->cite[i]);
    }
    xfree(c->code);
    xfree(c->cite);
    memset(c, 0, sizeof(*c));
}
