/* SPDX-License-Identifier: MIT */
/*
 * The scope of a unit for lists (see sq.h, sq_unit_scope_json and
 * sq_unit_scope_zones): the codes at or under it, read with
 * SQ_UNIT_SCOPE_CTE, and the zones there, each kept per connection as a
 * JSON array in a small direct-mapped table while no change the
 * connection sees touches units or where zones are (sq_changes_touch).
 */
#include "store/sqlite/sq.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

static void free_slot(struct sq_scope_slot *slot)
{
    xfree(slot->unit);
    xfree(slot->codes);
    xfree(slot->zones);
    xfree(slot->zone_ids);
    memset(slot, 0, sizeof(*slot));
}

void sq_scope_free(struct store *s)
{
    size_t i;

    for (i = 0; i < SQ_SCOPE_SLOTS; i++)
        free_slot(&s->scope.slot[i]);
}

/* Runs sql, whose ?1 is bound to the text t[0..n), for the one text it
 * answers; *out is a new copy of it. */
static enum khu_err one_text(struct store *s, const char *sql, const char *t, size_t n, char **out,
                             struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, sql);
    enum khu_err err;
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), "the units", d);
    sqlite3_bind_text(st, 1, t, (int)n, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) {
        *out = xstrdup((const char *)sqlite3_column_text(st, 0));
        err = *out ? KHU_OK : KHU_ENOMEM;
        if (err)
            khu_diag_set(d, 0, 0, NULL, "out of memory reading the units");
    } else {
        err = sq_error(s, rc == SQLITE_ROW ? SQLITE_ERROR : rc, "the units", d);
    }
    sq_release(s, st);
    return err;
}

/* sq_touches_fn: a unit's scope (its codes, the zones there) changes with
 * any unit, and with a zone's unit or commune, or a zone added. */
static int scope_touched(void *arg, const struct store_change *c)
{
    (void)arg;
    if (strcmp(c->table, "units") == 0)
        return 1;
    return strcmp(c->table, "zones") == 0 &&
           (sq_change_has_column(c, "unit_code") || sq_change_has_column(c, "commune"));
}

/* The slot of unit, its codes read when it was not kept. */
static enum khu_err scope_slot(struct store *s, const char *unit, size_t n,
                               struct sq_scope_slot **out, struct khu_diag *d)
{
    struct sq_scope_memo *m = &s->scope;
    struct sq_scope_slot *slot;
    uint32_t h = 2166136261u;
    uint64_t gen;
    enum khu_err err;
    size_t i;

    *out = NULL;
    if (store_generation(s, &gen))
        return sq_error(s, SQLITE_ERROR, "the units", d);
    if (gen != m->generation) {
        if (sq_changes_touch(s, m->generation, gen, scope_touched, NULL))
            sq_scope_free(s);
        m->generation = gen;
    }
    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)unit[i]) * 16777619u;
    slot = &m->slot[h % SQ_SCOPE_SLOTS];
    if (slot->unit && strlen(slot->unit) == n && memcmp(slot->unit, unit, n) == 0) {
        *out = slot;
        return KHU_OK;
    }
    free_slot(slot);
    err =
        one_text(s, "WITH RECURSIVE " SQ_UNIT_SCOPE_CTE " SELECT json_group_array(code) FROM scope",
                 unit, n, &slot->codes, d);
    if (!err && !(slot->unit = xmalloc(n + 1))) {
        khu_diag_set(d, 0, 0, NULL, "out of memory reading the units");
        err = KHU_ENOMEM;
    }
    if (err) {
        free_slot(slot);
        return err;
    }
    memcpy(slot->unit, unit, n);
    slot->unit[n] = '\0';
    *out = slot;
    return KHU_OK;
}

enum khu_err sq_unit_scope_json(struct store *s, const char *unit, size_t n, const char **json,
                                struct khu_diag *d)
{
    struct sq_scope_slot *slot;
    enum khu_err err = scope_slot(s, unit, n, &slot, d);

    *json = err ? NULL : slot->codes;
    return err;
}

/* The slot of unit with its zones read. */
static enum khu_err zones_slot(struct store *s, const char *unit, size_t n,
                               struct sq_scope_slot **out, struct khu_diag *d)
{
    struct sq_scope_slot *slot;
    enum khu_err err = scope_slot(s, unit, n, &slot, d);

    *out = NULL;
    if (err)
        return err;
    if (!slot->zones) {
        err = one_text(s,
                       "WITH scope(code) AS (SELECT value FROM json_each(?1))"
                       " SELECT json_group_array(rowid) FROM (" SQ_ZONES_IN_SCOPE ")",
                       slot->codes, strlen(slot->codes), &slot->zones, d);
        if (err)
            return err;
    }
    *out = slot;
    return KHU_OK;
}

enum khu_err sq_unit_scope_zones(struct store *s, const char *unit, size_t n, const char **json,
                                 struct khu_diag *d)
{
    struct sq_scope_slot *slot;
    enum khu_err err = zones_slot(s, unit, n, &slot, d);

    *json = err ? NULL : slot->zones;
    return err;
}

static int by_rowid(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

    return (x > y) - (x < y);
}

/* The whole numbers of a JSON array of them, sorted: one per comma, so at
 * most that many plus one. */
static enum khu_err parse_ids(const char *json, int64_t **out, size_t *n)
{
    const char *p;
    size_t max = 1;
    int64_t *ids;
    char *end;

    for (p = json; *p; p++)
        max += *p == ',';
    if (!(ids = xmalloc(sizeof(*ids) * max)))
        return KHU_ENOMEM;
    *n = 0;
    for (p = json; *p;) {
        if (*p == '-' || (*p >= '0' && *p <= '9')) {
            ids[(*n)++] = strtoll(p, &end, 10);
            p = end;
        } else {
            p++;
        }
    }
    qsort(ids, *n, sizeof(*ids), by_rowid);
    *out = ids;
    return KHU_OK;
}

enum khu_err sq_unit_scope_zone_ids(struct store *s, const char *unit, size_t n,
                                    const int64_t **ids, size_t *nids, struct khu_diag *d)
{
    struct sq_scope_slot *slot;
    enum khu_err err = zones_slot(s, unit, n, &slot, d);

    *ids = NULL;
    *nids = 0;
    if (!err && !slot->zone_ids && parse_ids(slot->zones, &slot->zone_ids, &slot->nzone_ids)) {
        khu_diag_set(d, 0, 0, NULL, "out of memory reading the units");
        err = KHU_ENOMEM;
    }
    if (!err) {
        *ids = slot->zone_ids;
        *nids = slot->nzone_ids;
    }
    return err;
}
