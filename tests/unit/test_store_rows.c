/* SPDX-License-Identifier: MIT */
/*
 * Writes of one row (store/rows.h) through the store's public interface
 * only, so that every backend must pass it: a row inserted and changed
 * inside a write transaction, each with exactly one audit record holding
 * the row before and after, the source and the as-of date; the version a
 * write hands back is the version of the row read back; a taken key, a
 * missing row and a reference to nothing leave nothing behind; the data's
 * generation moves; the chain verifies. A change's record holds only the
 * columns that changed. A writer that leaves checkpoints to another
 * connection grows the log, which a checkpoint in the writers' turn copies
 * whole. The changes a write made are told row by row and column by
 * column (store_changes) while they are among the newest kept, and as
 * unknown once pruned or for a range not all of which happened.
 */
#include <ftw.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/row_version.h"
#include "store/audit.h"
#include "store/rows.h"
#include "store/store.h"
#include "test.h"

static char dir[] = "/tmp/khu-rows-XXXXXX";
static const struct store_actor officer = {"lan.officer", "192.0.2.7"};

static struct store *open_rw(void)
{
    char path[256];
    struct store *s = NULL;
    struct khu_diag d;

    snprintf(path, sizeof(path), "%s/rows.db", dir);
    khu_diag_clear(&d);
    if (store_open(path, STORE_READ_WRITE, &s, &d) != KHU_OK)
        TEST_FAIL_AT(__FILE__, __LINE__, "store_open: %s", d.message);
    return s;
}

/* A row of cells in schema order, all NULL but those set. */
struct cells {
    const struct table_def *t;
    struct cell c[64];
};

static void cells_init(struct cells *x, const char *table)
{
    memset(x, 0, sizeof(*x));
    x->t = schema_table(table);
}

static void text(struct cells *x, const char *col, const char *s)
{
    struct cell *c = &x->c[schema_col_index(x->t, col)];

    c->kind = CELL_TEXT;
    c->text = s;
    c->len = strlen(s);
}

static void real(struct cells *x, const char *col, double r)
{
    struct cell *c = &x->c[schema_col_index(x->t, col)];

    c->kind = CELL_REAL;
    c->r = r;
}

/* ===== the audit trail, newest first ===== */

struct last {
    int n;
    char action[32], key[80], source[80], as_of[16];
    char before[4096], after[4096];
    int has_before;
};

static void copy(char *out, size_t n, const struct khu_row *row, int i)
{
    snprintf(out, n, "%s", row_text(row, i) ? row_text(row, i) : "");
}

static int keep_last(void *arg, const struct khu_row *row)
{
    struct last *l = arg;

    if (l->n++)
        return 0;
    copy(l->action, sizeof(l->action), row, AUDIT_COL_ACTION);
    copy(l->key, sizeof(l->key), row, AUDIT_COL_KEY);
    copy(l->source, sizeof(l->source), row, AUDIT_COL_SOURCE);
    copy(l->as_of, sizeof(l->as_of), row, AUDIT_COL_AS_OF);
    copy(l->before, sizeof(l->before), row, AUDIT_COL_BEFORE);
    copy(l->after, sizeof(l->after), row, AUDIT_COL_AFTER);
    l->has_before = row_text(row, AUDIT_COL_BEFORE) != NULL;
    return 0;
}

static void records_of(struct store *s, const char *table, const char *key, struct last *l)
{
    struct store_audit_filter f = {.table = table, .key = key};
    struct khu_diag d;

    memset(l, 0, sizeof(*l));
    CHECK_EQ_INT(store_audit_list(s, &f, keep_last, l, &d), KHU_OK);
}

static int take_version(void *arg, const struct khu_row *row)
{
    row_version(schema_table("zones"), row, 0, arg);
    return 0;
}

/* ===== writes ===== */

struct job {
    struct cells *rows[4];
    int nrows;
    int update;
    struct store_row_note note;
    char version[ROW_VERSION_HEX];
};

static enum khu_err run_job(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct job *j = arg;
    enum khu_err err = KHU_OK;
    int i;

    for (i = 0; i < j->nrows && !err; i++)
        err = j->update
                  ? store_row_update(tx, j->rows[i]->t, j->rows[i]->c, &j->note, j->version, d)
                  : store_row_insert(tx, j->rows[i]->t, j->rows[i]->c, &j->note, j->version, d);
    return err;
}

static void test_changes(struct store *s, uint64_t gen0);

static void test_insert_and_update(struct store *s)
{
    struct cells unit, zone;
    struct job j = {.note = {.source = "dtm-2026", .as_of = "2026-10-01"}};
    struct last l;
    struct khu_diag d;
    char read_back[ROW_VERSION_HEX];
    const char *key[] = {"kcn-thu"};
    uint64_t gen0 = 0, gen1 = 0;

    cells_init(&unit, "units");
    text(&unit, "code", "80");
    text(&unit, "name_vi", "Long An");
    text(&unit, "level", "province");
    cells_init(&zone, "zones");
    text(&zone, "code", "kcn-thu");
    text(&zone, "kind", "kcn");
    text(&zone, "name_vi", "KCN Thử");
    text(&zone, "unit_code", "80");
    real(&zone, "total_ha", 120);
    j.rows[0] = &unit;
    j.rows[1] = &zone;
    j.nrows = 2;
    CHECK_EQ_INT(store_generation(s, &gen0), KHU_OK);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_write(s, &officer, run_job, &j, &d), KHU_OK);
    CHECK_EQ_INT(store_generation(s, &gen1), KHU_OK);
    CHECK(gen1 != gen0);
    CHECK_EQ_INT(strlen(j.version), 16);
    CHECK_EQ_INT(store_row_get(s, zone.t, key, take_version, read_back, &d), KHU_OK);
    CHECK_EQ_STR(j.version, read_back);

    records_of(s, "zones", "kcn-thu", &l);
    CHECK_EQ_INT(l.n, 1);
    CHECK_EQ_STR(l.action, "insert");
    CHECK_EQ_STR(l.source, "dtm-2026");
    CHECK_EQ_STR(l.as_of, "2026-10-01");
    CHECK_EQ_INT(l.has_before, 0);
    CHECK(strstr(l.after, "\"total_ha\":120") != NULL);
    CHECK(strstr(l.after, "\"name_vi\":\"KCN Thử\"") != NULL);
    records_of(s, "units", "80", &l);
    CHECK_EQ_INT(l.n, 1);

    real(&zone, "total_ha", 130.25);
    j.rows[0] = &zone;
    j.nrows = 1;
    j.update = 1;
    j.note.as_of = "2026-11-01";
    CHECK_EQ_INT(store_write(s, &officer, run_job, &j, &d), KHU_OK);
    records_of(s, "zones", "kcn-thu", &l);
    CHECK_EQ_INT(l.n, 2);
    CHECK_EQ_STR(l.action, "update");
    CHECK_EQ_STR(l.as_of, "2026-11-01");
    CHECK_EQ_STR(l.before, "{\"total_ha\":120}"); /* only what changed */
    CHECK_EQ_STR(l.after, "{\"total_ha\":130.25}");
    CHECK(strcmp(j.version, read_back) != 0);
    CHECK_EQ_INT(store_row_get(s, zone.t, key, take_version, read_back, &d), KHU_OK);
    CHECK_EQ_STR(j.version, read_back);
    test_changes(s, gen0);
}

/* ===== the account of changes ===== */

struct seen {
    int n;
    uint64_t gen[8];
    char table[8][32], key[8][80], columns[8][80];
    int null_key[8], null_columns[8];
};

static int keep_change(void *arg, const struct store_change *c)
{
    struct seen *v = arg;

    if (v->n < 8) {
        v->gen[v->n] = c->gen;
        snprintf(v->table[v->n], sizeof(v->table[0]), "%s", c->table);
        snprintf(v->key[v->n], sizeof(v->key[0]), "%s", c->key ? c->key : "");
        snprintf(v->columns[v->n], sizeof(v->columns[0]), "%s", c->columns ? c->columns : "");
        v->null_key[v->n] = !c->key;
        v->null_columns[v->n] = !c->columns;
    }
    v->n++;
    return 0;
}

/* The insert of a unit and a zone, then a change of the zone's area: three
 * generations, each told with its row, and the update with its column. */
static void test_changes(struct store *s, uint64_t gen0)
{
    struct seen v;
    uint64_t now = 0;

    CHECK_EQ_INT(store_generation(s, &now), KHU_OK);
    CHECK_EQ_INT((int)(now - gen0), 3);
    memset(&v, 0, sizeof(v));
    CHECK_EQ_INT(store_changes(s, gen0, now, keep_change, &v), KHU_OK);
    CHECK_EQ_INT(v.n, 3);
    CHECK(v.gen[0] == gen0 + 1 && v.gen[2] == now);
    CHECK_EQ_STR(v.table[0], "units");
    CHECK_EQ_STR(v.key[0], "80");
    CHECK_EQ_INT(v.null_columns[0], 1); /* a new row: any column */
    CHECK_EQ_STR(v.table[1], "zones");
    CHECK_EQ_STR(v.key[1], "kcn-thu");
    CHECK_EQ_STR(v.table[2], "zones");
    CHECK_EQ_STR(v.columns[2], ",total_ha,");
    CHECK_EQ_INT(v.null_columns[2], 0);

    memset(&v, 0, sizeof(v)); /* a range in part still to come is not known */
    CHECK_EQ_INT(store_changes(s, gen0, now + 1, keep_change, &v), KHU_ENOTFOUND);
    memset(&v, 0, sizeof(v));
    CHECK_EQ_INT(store_changes(s, now, now, keep_change, &v), KHU_OK);
    CHECK_EQ_INT(v.n, 0);
}

/* Many changes in one write: the oldest are pruned and then not known,
 * the newest still are; an update that changed nothing says so. */
struct many {
    struct cells *zone;
    int n;
};

static enum khu_err run_many(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct many *m = arg;
    struct store_row_note note = {.source = "x", .as_of = "2026-01-02"};
    char version[ROW_VERSION_HEX];
    enum khu_err err = KHU_OK;
    int i;

    for (i = 0; i < m->n && !err; i++) {
        real(m->zone, "total_ha", 1000 + i);
        err = store_row_update(tx, m->zone->t, m->zone->c, &note, version, d);
    }
    if (!err) /* the same value again: a change of no column */
        err = store_row_update(tx, m->zone->t, m->zone->c, &note, version, d);
    return err;
}

static void test_changes_pruned(struct store *s)
{
    struct cells zone;
    struct many m = {&zone, 4500};
    struct seen v;
    struct khu_diag d;
    uint64_t before = 0, now = 0;

    cells_init(&zone, "zones");
    text(&zone, "code", "kcn-thu");
    text(&zone, "kind", "kcn");
    text(&zone, "name_vi", "KCN Thử");
    text(&zone, "unit_code", "80");
    CHECK_EQ_INT(store_generation(s, &before), KHU_OK);
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_write(s, &officer, run_many, &m, &d), KHU_OK);
    CHECK_EQ_INT(store_generation(s, &now), KHU_OK);
    CHECK_EQ_INT((int)(now - before), m.n + 1);
    memset(&v, 0, sizeof(v));
    CHECK_EQ_INT(store_changes(s, before, before + 10, keep_change, &v), KHU_ENOTFOUND);
    CHECK_EQ_INT(store_changes(s, before, now, keep_change, &v), KHU_ENOTFOUND);
    memset(&v, 0, sizeof(v));
    CHECK_EQ_INT(store_changes(s, now - 2, now, keep_change, &v), KHU_OK);
    CHECK_EQ_INT(v.n, 2);
    CHECK_EQ_STR(v.columns[0], ",total_ha,");
    CHECK_EQ_STR(v.columns[1], ",");
    CHECK_EQ_STR(v.key[1], "kcn-thu");
}

/* Refused writes leave neither the row nor a record. */
static void test_refusals(struct store *s)
{
    struct cells zone;
    struct job j = {.nrows = 1};
    struct last before, after;
    struct store_audit_verdict v;
    struct khu_diag d;
    const char *key[] = {"kcn-nowhere"};
    char version[ROW_VERSION_HEX];

    records_of(s, NULL, NULL, &before);
    cells_init(&zone, "zones");
    text(&zone, "code", "kcn-thu");
    text(&zone, "kind", "kcn");
    text(&zone, "name_vi", "Trùng mã");
    j.rows[0] = &zone;
    khu_diag_clear(&d);
    CHECK_EQ_INT(store_write(s, &officer, run_job, &j, &d), KHU_ECONFLICT);
    CHECK_EQ_STR(d.field, "code");

    text(&zone, "code", "kcn-nowhere"); /* a change to a row that is not there */
    j.update = 1;
    CHECK_EQ_INT(store_write(s, &officer, run_job, &j, &d), KHU_ENOTFOUND);

    text(&zone, "unit_code", "no-such-unit"); /* a reference to nothing: refused at commit */
    j.update = 0;
    CHECK(store_write(s, &officer, run_job, &j, &d) != KHU_OK);
    CHECK_EQ_INT(store_row_get(s, zone.t, key, take_version, version, &d), KHU_ENOTFOUND);

    records_of(s, NULL, NULL, &after);
    CHECK_EQ_INT(after.n, before.n);
    CHECK_EQ_INT(store_audit_verify(s, &v, &d), KHU_OK);
    CHECK_EQ_INT(v.bad_id, 0);
    CHECK(v.records >= 3);
}

/* Writes left to another connection's checkpoint: the log grows, and one
 * checkpoint in the writers' turn copies all of it. */
static void test_checkpoint_apart(struct store *s)
{
    struct cells zone;
    struct job j = {.nrows = 1, .update = 1, .note = {.source = "x", .as_of = "2026-01-01"}};
    struct khu_diag d;
    struct store *other = open_rw();
    long frames = 0, copied = -1, before = 0;
    int i;

    if (!other)
        return;
    store_set_self_checkpoint(s, 0);
    CHECK_EQ_INT(store_checkpoint(other, 1, &before, &copied, &d), KHU_OK);
    cells_init(&zone, "zones");
    text(&zone, "code", "kcn-thu");
    text(&zone, "kind", "kcn");
    text(&zone, "name_vi", "KCN Thử");
    text(&zone, "unit_code", "80");
    j.rows[0] = &zone;
    for (i = 0; i < 300; i++) {
        real(&zone, "total_ha", 200 + i);
        CHECK_EQ_INT(store_write(s, &officer, run_job, &j, &d), KHU_OK);
    }
    CHECK_EQ_INT(store_checkpoint(other, 1, &frames, &copied, &d), KHU_OK);
    CHECK(frames > 300); /* every commit appended pages, none was copied back */
    CHECK_EQ_INT(copied, frames);
    store_set_self_checkpoint(s, 1);
    store_close(other);
}

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
    (void)sb;
    (void)flag;
    (void)f;
    return remove(p);
}

int main(void)
{
    struct store *s;

    if (!mkdtemp(dir))
        return 1;
    s = open_rw();
    if (s) {
        test_insert_and_update(s);
        test_refusals(s);
        test_checkpoint_apart(s);
        test_changes_pruned(s);
        store_close(s);
    }
    nftw(dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
    return test_report("test_store_rows");
}
