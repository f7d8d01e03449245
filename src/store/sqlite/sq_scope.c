/* SPDX-License-Identifier: MIT */
/*
 * The scope of a unit for lists (see sq.h, sq_unit_scope_json): the codes
 * at or under it, read with SQ_UNIT_SCOPE_CTE and kept per connection as a
 * JSON array while the connection sees the same data.
 */
#include "store/sqlite/sq.h"

#include <string.h>

#include "core/xalloc.h"

enum khu_err sq_unit_scope_json(struct store *s, const char *unit, size_t n, const char **json,
                                struct khu_diag *d)
{
    struct sq_scope_memo *m = &s->scope;
    sqlite3_stmt *st;
    uint64_t gen;
    enum khu_err err;
    int rc;

    *json = NULL;
    err = store_generation(s, &gen);
    if (err)
        return sq_error(s, SQLITE_ERROR, "the units", d);
    if (m->json && m->generation == gen && strlen(m->unit) == n && memcmp(m->unit, unit, n) == 0) {
        *json = m->json;
        return KHU_OK;
    }
    sq_scope_free(s);
    st = sq_prepare(s, "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE " SELECT json_group_array(code)"
                       " FROM scope");
    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the units", d);
    sqlite3_bind_text(st, 1, unit, (int)n, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) {
        m->json = xstrdup((const char *)sqlite3_column_text(st, 0));
        m->unit = xmalloc(n + 1);
        if (m->unit) {
            memcpy(m->unit, unit, n);
            m->unit[n] = '\0';
        }
        err = m->json && m->unit ? KHU_OK : KHU_ENOMEM;
    } else {
        err = sq_error(s, rc == SQLITE_ROW ? SQLITE_ERROR : rc, "the units", d);
    }
    sq_release(s, st);
    if (err) {
        if (err == KHU_ENOMEM)
            khu_diag_set(d, 0, 0, NULL, "out of memory reading the units");
        sq_scope_free(s);
        return err;
    }
    m->generation = gen;
    *json = m->json;
    return KHU_OK;
}

void sq_scope_free(struct store *s)
{
    xfree(s->scope.unit);
    xfree(s->scope.json);
    memset(&s->scope, 0, sizeof(s->scope));
}
