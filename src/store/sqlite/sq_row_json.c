/* SPDX-License-Identifier: MIT */
/*
 * One row of a data-model table as JSON, read by its key: what the audit
 * trail records as a row's "before" and "after". The columns and their
 * types are core/schema's, written by core/row.h as the API writes them;
 * the row is read as the edits read it (store_row_get, rows.c).
 */
#include "store/rows.h"
#include "store/sqlite/sq.h"

#include "core/json_out.h"

struct row_json {
    const struct table_def *t;
    struct buf *out;
};

static int write_row(void *arg, const struct khu_row *row)
{
    struct row_json *r = arg;
    struct jw w;

    jw_init(&w, r->out);
    jw_obj_begin(&w);
    row_json_fields(&w, r->t, row, 0);
    jw_obj_end(&w);
    return 0;
}

enum khu_err sq_row_json(struct store *s, const struct table_def *t, const char *const *key,
                         struct buf *out, int *found, struct khu_diag *d)
{
    struct row_json r = {t, out};
    struct khu_diag missing;
    enum khu_err err;

    khu_diag_clear(&missing);
    err = store_row_get(s, t, key, write_row, &r, &missing);
    *found = err == KHU_OK;
    if (err == KHU_ENOTFOUND)
        return KHU_OK; /* no such row: nothing written */
    if (err && d)
        *d = missing;
    return err;
}
