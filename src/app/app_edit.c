/* SPDX-License-Identifier: MIT */
/*
 * Edits of the registry (see app_edit.h).
 */
#include "app/app_edit.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/xalloc.h"
#include "store/users.h"

const char *const app_edit_tables[] = {"zones",
                                       "units",
                                       "targets",
                                       "observations",
                                       "partners",
                                       "events",
                                       "sources",
                                       "leads",
                                       "calendar_days",
                                       "time_limits",
                                       "procedure_departments",
                                       "enterprises",
                                       "capabilities",
                                       "certifications",
                                       "supplier_contacts",
                                       "demands",
                                       NULL};

/* What an enterprise's own user may write: the rows whose column names
 * its enterprise, and of those the columns listed (NULL: all). It keeps
 * its profile but does not verify it, name itself anew or make another
 * enterprise; it says what it can do, but only an officer records an
 * audit. */
static const struct {
    const char *table, *column;
    int no_new;
    const char *const *columns;
} owned[] = {
    {"enterprises", "tax_code", 1,
     (const char *const[]){"name_en", "vsic", "products", "capabilities", "certifications",
                           "employees", "lat", "lon", "equipment", "capacity_month",
                           "capacity_unit", "customers", "languages", NULL}},
    {"capabilities", "tax_code", 0, NULL},
    {"certifications", "tax_code", 0, NULL},
    {"supplier_contacts", "tax_code", 0, NULL},
    {"demands", "buyer_tax_code", 0,
     (const char *const[]){"code", "buyer_tax_code", "title", "vsic", "capabilities",
                           "certifications", "annual_usd", "needed_by", "status", "annual_volume",
                           "volume_unit", "target_price_usd", "prefer_unit", "max_km",
                           "withdrawn_on", NULL}},
};

static int owned_index(const char *table)
{
    size_t i;

    for (i = 0; table && i < sizeof(owned) / sizeof(owned[0]); i++)
        if (strcmp(owned[i].table, table) == 0)
            return (int)i;
    return -1;
}

const char *app_edit_owner_column(const char *table)
{
    int i = owned_index(table);

    return i < 0 ? NULL : owned[i].column;
}

static int owner_may_set(int o, const char *column)
{
    const char *const *c;

    if (!owned[o].columns)
        return 1;
    for (c = owned[o].columns; *c; c++)
        if (strcmp(*c, column) == 0)
            return 1;
    return 0;
}

/* The columns an edit may set, by table; a table not named here: all. A
 * lead's columns are the investor's own words, except its follow-up, and
 * a lead is made only by the inquiry form. */
static const struct {
    const char *table;
    int no_new;
    const char *const *columns;
} editable[] = {
    {"leads", 1, (const char *const[]){"status", "owner", "notes", NULL}},
};

static int column_editable(const char *table, const char *column)
{
    size_t i;
    const char *const *c;

    for (i = 0; i < sizeof(editable) / sizeof(editable[0]); i++) {
        if (strcmp(editable[i].table, table) != 0)
            continue;
        for (c = editable[i].columns; *c; c++)
            if (strcmp(*c, column) == 0)
                return 1;
        return 0;
    }
    return 1;
}

const char *const *app_edit_columns(const char *table)
{
    size_t i;

    for (i = 0; i < sizeof(editable) / sizeof(editable[0]); i++)
        if (strcmp(editable[i].table, table) == 0)
            return editable[i].columns;
    return NULL;
}

static int new_rows_allowed(const char *table)
{
    size_t i;

    for (i = 0; i < sizeof(editable) / sizeof(editable[0]); i++)
        if (strcmp(editable[i].table, table) == 0)
            return !editable[i].no_new;
    return 1;
}

struct owner {
    int staff;  /* an officer or an admin */
    int active; /* not disabled */
};

static int take_owner(void *arg, const struct khu_row *row)
{
    struct owner *o = arg;
    const char *role = row_text(row, USER_COL_ROLE);

    o->staff = role && (!strcmp(role, "officer") || !strcmp(role, "admin"));
    o->active = row_is_null(row, USER_COL_DISABLED_MS);
    return 0;
}

/* A lead's owner is someone who follows leads up: an officer or an admin
 * who can sign in. Adds the problem to e. */
static enum khu_err check_owner(struct store *s, const struct app_edit_field *f, struct row_edit *e,
                                struct khu_diag *d)
{
    char name[80];
    struct owner o = {0};
    int found = 0;
    enum khu_err err;

    if (!f->text || !f->len)
        return KHU_OK; /* no owner: unassigned */
    if (f->len >= sizeof(name)) {
        row_edit_problem(e, "owner", "owner", NULL, "is not an officer who can sign in");
        return KHU_OK;
    }
    memcpy(name, f->text, f->len);
    name[f->len] = '\0';
    err = store_user_get(s, name, take_owner, &o, &found, d);
    if (err)
        return err;
    if (!found || !o.staff || !o.active)
        row_edit_problem(e, "owner", "owner", NULL, "is not an officer who can sign in");
    return KHU_OK;
}

void app_edit_today(char out[16])
{
    time_t now = time(NULL) + 7 * 3600;
    struct tm tm;

    if (!gmtime_r(&now, &tm) || !strftime(out, 16, "%Y-%m-%d", &tm))
        snprintf(out, 16, "%s", "");
}

int app_edit_writable(const char *table)
{
    const char *const *t;

    for (t = app_edit_tables; table && *t; t++)
        if (strcmp(*t, table) == 0)
            return 1;
    return 0;
}

struct edit {
    struct store *s; /* the connection of the write: what it reads beside its rows */
    const struct app_edit_request *r;
    struct app_edit_result *out;
    const struct table_def *t;
    struct row_edit *e;
    int begun;        /* e is begun (and must be freed) */
    int stale;        /* the row is not the version If-Match names */
    enum khu_err err; /* of row_edit_begin inside the read's callback */
};

/* Receives the row as it stands: starts the edit from it and checks its
 * version. */
static int take_row(void *arg, const struct khu_row *row)
{
    struct edit *x = arg;

    x->err = row_edit_begin(x->e, x->t, row, 0);
    x->begun = 1;
    if (!x->err && row_version(x->t, row, 0, x->out->version))
        x->err = KHU_ENOMEM;
    if (!x->err && !row_version_matches(x->r->if_match, x->out->version))
        x->stale = 1;
    return 0;
}

/* Checks that every reference the row makes names a row. */
static enum khu_err check_references(struct store_tx *tx, struct edit *x, struct khu_diag *d)
{
    size_t i;

    for (i = 0; i < x->t->ncols; i++) {
        const struct col_def *c = &x->t->cols[i];
        const struct cell *v = &x->e->cells[i];
        char msg[160];
        int found = 0;
        enum khu_err err;
        if (!c->ref_table || !x->e->given[i] || v->kind != CELL_TEXT)
            continue;
        err = store_row_exists(tx, c->ref_table, c->ref_col, v->text, &found, d);
        if (err)
            return err;
        if (!found) {
            snprintf(msg, sizeof(msg), "names no row of %s", c->ref_table);
            row_edit_problem(x->e, c->name, "reference", c->ref_table, msg);
        }
    }
    return KHU_OK;
}

static void keep_problems(struct edit *x)
{
    int i;

    x->out->nproblems = x->e->nproblems;
    for (i = 0; i < x->e->nproblems; i++)
        x->out->problem[i] = x->e->problem[i];
}

/* The text of column of the row being edited, or "" when it is empty. */
static const char *cell_text(const struct edit *x, const char *column, size_t *len)
{
    int i = schema_col_index(x->t, column);
    const struct cell *c = i >= 0 ? &x->e->cells[i] : NULL;

    if (!c || c->kind != CELL_TEXT) {
        *len = 0;
        return "";
    }
    *len = c->len;
    return c->text;
}

static int is_owner(const struct edit *x, const char *column)
{
    size_t len;
    const char *v = cell_text(x, column, &len);

    return len == strlen(x->r->owner) && memcmp(v, x->r->owner, len) == 0;
}

/* Before an owner's fields: a row it changes must be its own (else, as
 * for a row that does not exist, KHU_ENOTFOUND); a row it makes is made
 * its own. */
static enum khu_err own_before(struct edit *x, int o, struct khu_diag *d)
{
    size_t i;

    if (x->r->key && !is_owner(x, owned[o].column)) {
        khu_diag_set(d, 0, 0, NULL, "no row of %s has this key", x->t->name);
        return KHU_ENOTFOUND;
    }
    if (!x->r->key && owned[o].no_new) {
        row_edit_problem(x->e, owned[o].column, "read_only", NULL,
                         "an enterprise is registered by an officer");
        return KHU_OK;
    }
    for (i = 0; i < x->r->nfields; i++)
        if (strcmp(x->r->fields[i].name, owned[o].column) == 0)
            return KHU_OK; /* given: checked after */
    if (!x->r->key)
        return row_edit_set(x->e, owned[o].column, x->r->owner, strlen(x->r->owner));
    return KHU_OK;
}

/* After an owner's fields: the row is still its own, and it recorded no
 * audit of its own processes. */
static void own_after(struct edit *x, int o)
{
    size_t len;
    const char *level;

    if (!is_owner(x, owned[o].column))
        row_edit_problem(x->e, owned[o].column, "own_enterprise", NULL,
                         "must be the tax code of your own enterprise");
    if (strcmp(x->t->name, "capabilities") == 0) {
        int i = schema_col_index(x->t, "level");
        const struct cell *was = &x->e->base[i];
        level = cell_text(x, "level", &len);
        if (len == 7 && memcmp(level, "audited", 7) == 0 && x->e->given[i] &&
            !(was->kind == CELL_TEXT && was->len == 7 && memcmp(was->text, "audited", 7) == 0))
            row_edit_problem(x->e, "level", "audited_by_officer", NULL,
                             "audited is recorded by an officer who audited it");
    }
}

/* A demand made without a posting day is posted today. */
static enum khu_err posted_today(struct edit *x)
{
    int i = schema_col_index(x->t, "posted_on");

    if (x->r->key || strcmp(x->t->name, "demands") != 0 || i < 0 || x->e->given[i] ||
        !x->r->today || !x->r->today[0])
        return KHU_OK;
    return row_edit_set(x->e, "posted_on", x->r->today, strlen(x->r->today));
}

static enum khu_err edit_in_tx(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct edit *x = arg;
    const struct app_edit_request *r = x->r;
    /* an empty source or date was not given */
    const char *source = r->source && r->source[0] ? r->source : NULL;
    const char *as_of = r->as_of && r->as_of[0] ? r->as_of : NULL;
    struct store_row_note note = {.source = source, .as_of = as_of};
    int registered = 0, o = -1;
    enum khu_err err;
    size_t i;

    if (r->key) {
        err = store_row_read(tx, x->t, r->key, take_row, x, d);
        if (!err)
            err = x->err;
        if (err)
            return err;
        if (x->stale && !r->as_it_stands)
            return KHU_ESTALE;
    } else {
        err = row_edit_begin(x->e, x->t, NULL, 0);
        x->begun = 1;
        if (err)
            return err;
    }
    if (r->owner && (o = owned_index(r->table)) < 0) {
        khu_diag_set(d, 0, 0, NULL, "%s is written by staff only", r->table);
        return KHU_ENOTFOUND;
    }
    if (r->owner && (err = own_before(x, o, d)) != KHU_OK)
        return err;
    for (i = 0; i < r->nfields; i++) {
        const struct app_edit_field *f = &r->fields[i];
        if (!r->workflow && schema_col_index(x->t, f->name) >= 0 &&
            (!column_editable(r->table, f->name) || (r->owner && !owner_may_set(o, f->name)))) {
            row_edit_problem(x->e, f->name, "read_only", NULL, "cannot be changed here");
            continue;
        }
        err = row_edit_set(x->e, f->name, f->text ? f->text : "", f->text ? f->len : 0);
        if (!err && !strcmp(r->table, "leads") && !strcmp(f->name, "owner"))
            err = check_owner(x->s, f, x->e, d);
        if (err)
            return err;
    }
    if (r->owner)
        own_after(x, o);
    err = posted_today(x);
    if (!err)
        err = check_references(tx, x, d);
    if (!err && source)
        err = store_row_exists(tx, "sources", "code", source, &registered, d);
    if (err)
        return err;
    x->e->no_provenance = r->workflow;
    if (row_edit_check(x->e, source, as_of, r->today, registered)) {
        keep_problems(x);
        return KHU_EINVAL;
    }
    store_row_key(x->t, x->e->cells, x->out->key);
    for (i = 0; i < x->t->ncols; i++)
        if (x->e->changed[i] && x->out->nchanged < ROW_EDIT_MAX_COLS)
            snprintf(x->out->changed[x->out->nchanged++], KHU_DIAG_FIELD_MAX, "%s",
                     x->t->cols[i].name);
    if (!x->e->nchanged)
        return KHU_OK; /* already so: nothing written, no record */
    return r->key ? store_row_update(tx, x->t, x->e->cells, &note, x->out->version, d)
                  : store_row_insert(tx, x->t, x->e->cells, &note, x->out->version, d);
}

/* Which table r may write, or NULL after filling d and out. */
static const struct table_def *edit_table(const struct app_edit_request *r,
                                          struct app_edit_result *out, struct khu_diag *d)
{
    const struct table_def *t =
        r->workflow || app_edit_writable(r->table) ? schema_table(r->table) : NULL;

    if (t && !r->workflow && !r->key && !new_rows_allowed(r->table))
        t = NULL;
    if (!t) {
        khu_diag_set(d, 0, 0, NULL, "%s cannot be edited", r->table ? r->table : "(none)");
        return NULL;
    }
    if (r->key && !r->as_it_stands && (!r->if_match || !r->if_match[0])) {
        khu_diag_set(d, 0, 0, "if_match",
                     "a change needs the version of the row it was made on (If-Match)");
        khu_diag_rule(d, "if_match", NULL);
        out->problem[0] = *d;
        out->nproblems = 1;
        return NULL;
    }
    return t;
}

enum khu_err app_edit_in(struct store_tx *tx, const struct app_edit_request *r,
                         struct app_edit_result *out, struct khu_diag *d)
{
    struct edit x = {.s = store_tx_store(tx), .r = r, .out = out};
    enum khu_err err;

    memset(out, 0, sizeof(*out));
    x.t = edit_table(r, out, d);
    if (!x.t)
        return KHU_EINVAL;
    x.e = xmalloc(sizeof(*x.e));
    if (!x.e)
        return KHU_ENOMEM;
    err = edit_in_tx(tx, &x, d);
    if (x.begun)
        row_edit_free(x.e);
    xfree(x.e);
    return err;
}

struct whole {
    const struct app_edit_request *r;
    struct app_edit_result *out;
};

static enum khu_err whole_edit(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct whole *w = arg;

    return app_edit_in(tx, w->r, w->out, d);
}

enum khu_err app_edit(struct store *s, const struct store_actor *actor,
                      const struct app_edit_request *r, struct app_edit_result *out,
                      struct khu_diag *d)
{
    struct whole w = {r, out};

    memset(out, 0, sizeof(*out));
    if (!edit_table(r, out, d)) /* refused before the write lock is taken */
        return KHU_EINVAL;
    return store_write(s, actor, whole_edit, &w, d);
}

enum khu_err app_edit_put(struct store_tx *tx, const char *table, const char *const *key,
                          const struct app_edit_field *fields, size_t n, const char *today,
                          struct khu_diag *d)
{
    struct app_edit_request r = {.table = table,
                                 .key = key,
                                 .as_it_stands = 1,
                                 .fields = fields,
                                 .nfields = n,
                                 .today = today,
                                 .workflow = 1};
    struct app_edit_result *out = xcalloc(1, sizeof(*out));
    enum khu_err err;

    if (!out)
        return KHU_ENOMEM;
    err = app_edit_in(tx, &r, out, d);
    if (err == KHU_EINVAL && out->nproblems)
        *d = out->problem[0];
    xfree(out);
    return err;
}
