/* SPDX-License-Identifier: MIT */
/*
 * The pages of zones chosen in memory (src/store/sqlite/sq_list_mem.c)
 * against the same pages chosen by SQL: random zones with NULLs, ties and
 * keys that BINARY collation orders, random queries (every filter of
 * zones, unit scopes over time, text search, every sort both ways, limits,
 * counts, cursors walked to the end), and each answer compared row for
 * row, value for value, page field for page field. Then what memory must
 * leave to SQL, and a change of the data seen at once: an edit of one
 * zone's row read again alone, queries agreeing after each, and an edit
 * that other rows' values read (a group) making memory read all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/num.h"
#include "core/row_edit.h"
#include "store/import.h"
#include "store/list.h"
#include "store/rows.h"
#include "store/sqlite/sq.h"
#include "store/sqlite/sq_list.h"
#include "store/store.h"
#include "test.h"

static char dir[] = "/tmp/khu-store-sqlite-list-XXXXXX";
static const struct store_actor test_actor = {"test", ""};
static struct store *st;
static uint64_t seed = 0x9e3779b97f4a7c15ULL;

static unsigned next(unsigned n)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return (unsigned)(seed % n);
}

#define PICK(a) ((a)[next(sizeof(a) / sizeof((a)[0]))])

static const char *const kinds[] = {"kcn", "ccn", "hitech", "logistics", "economic", "port"};
static const char *const statuses[] = {"planned", "approved", "building", "operating", "cancelled"};
static const char *const confidences[] = {"high", "medium", "low"};
static const char *const units[] = {"P9", "P1", "D1", "D2"};
static const char *const sectors[] = {"2610 2620", "2610",     "1520 2610", "2620",
                                      "",          "C26 2610", "c26"};
static const char *const words[] = {"Đức", "Hòa", "Bến", "Lức", "Tân", "An", "Long", "Hậu"};
static const char *const total_ha[] = {"0", "5", "12.5", "100", "250", "1000.25", ""};
static const char *const industrial_ha[] = {"0", "4", "10", "80", "200", ""};
static const char *const leased_ha[] = {"0", "2", "4", "10", "50", ""};
static const char *const percents[] = {"0", "50", "67.5", "100", ""};
static const char *const prices[] = {"45", "60", "60.5", "90", ""};
static const char *const distances[] = {"10", "25", "40.5", "100", ""};
static const char *const capacities[] = {"0", "1000", "5000", ""};
static const char *const years[] = {"2020", "2025", "2030", ""};
static const char *const flags[] = {"0", "1", ""};

#define ZONES 400

static void zone_code(int i, char *out, size_t n)
{
    /* unpadded numbers ("z-10" before "z-2"), capitals before small letters */
    snprintf(out, n, "%s-%d", i % 9 == 0 ? "Z" : i % 11 == 0 ? "zz" : "z", i);
}

/* The number written s ("" reads as 0). */
static double figure(const char *s)
{
    double r = 0;

    return *s && parse_f64(s, -1e9, 1e9, &r) == KHU_OK ? r : 0;
}

static void on_error(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    fprintf(stderr, "import: %s:%ld: %s: %s\n", file, d->line, d->field, d->message);
}

/* Adds the rows of csv to table, keeping the others. */
static enum khu_err import(const char *table, const char *csv, size_t len)
{
    struct importer *im = NULL;
    struct khu_diag d;
    enum khu_err err = importer_begin(st, &test_actor, 0, 1, on_error, NULL, &im, &d);

    if (err)
        return err;
    importer_add_csv(im, table, "t.csv", csv, len);
    return importer_finish(im, NULL);
}

static int load(void)
{
    struct buf csv;
    char code[32], group[32];
    FILE *f = fopen("tests/fixture/units.csv", "rb");
    size_t n;
    char chunk[4096];
    int i, ok;

    buf_init(&csv, 1 << 22);
    while (f && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        buf_append(&csv, chunk, n);
    if (f)
        fclose(f);
    if (!f || import("units", csv.data, csv.len)) {
        buf_free(&csv);
        return -1;
    }
    buf_reset(&csv);
    buf_puts(&csv, "code,kind,name_vi,group_code,unit_code,commune,status,planned_year,total_ha,"
                   "industrial_ha,leased_ha,occupancy_reported_pct,lease_usd_m2,km_hcmc,km_port,"
                   "wwtp_m3_day,power_mva,water_m3_day,infra_complete,sectors,confidence,source\n");
    for (i = 0; i < ZONES; i++) {
        const char *total = PICK(total_ha), *ind = PICK(industrial_ha), *leased = PICK(leased_ha);
        if (*ind && *total && figure(ind) > figure(total))
            ind = "";
        if (*leased && (!*ind || figure(leased) > figure(ind)))
            leased = "";
        zone_code(i, code, sizeof(code));
        group[0] = '\0';
        if (i >= 10 && next(5) == 0)
            zone_code(i % 10, group, sizeof(group));
        buf_printf(
            &csv, "%s,%s,KCN %s %s %s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,t\n",
            code, PICK(kinds), PICK(words), PICK(words), code, group, next(4) ? PICK(units) : "",
            next(3) ? "" : PICK(units), next(5) ? PICK(statuses) : "", PICK(years), total, ind,
            leased, PICK(percents), PICK(prices), PICK(distances), PICK(distances),
            PICK(capacities), PICK(capacities), PICK(capacities), PICK(flags), PICK(sectors),
            next(4) ? PICK(confidences) : "");
    }
    ok = import("zones", csv.data, csv.len) == KHU_OK;
    buf_free(&csv);
    return ok ? 0 : -1;
}

/* ===== one query, by memory or by SQL ===== */

static int dump_row(void *arg, const struct khu_row *row)
{
    struct buf *out = arg;
    int i;

    for (i = 0; i < row->n; i++) {
        const struct khu_value *v = row_at(row, i);
        if (v->type == KHU_V_TEXT)
            buf_printf(out, "%s%.*s", i ? "|" : "", (int)v->n, v->s);
        else if (v->type == KHU_V_NULL)
            buf_puts(out, i ? "|-" : "-");
        else
            buf_printf(out, "%s%.17g", i ? "|" : "", v->r);
    }
    buf_putc(out, '\n');
    return 0;
}

/* Every page of q, cursor after cursor, as text: rows, then the page's
 * account. An error ends it with its message. */
static void walk(struct store_list_query q, struct buf *out)
{
    struct store_page page;
    struct khu_diag d;
    char key[STORE_KEY_MAX];
    int pages;
    enum khu_err err;

    for (pages = 0; pages < 100; pages++) {
        err = store_list(st, &q, dump_row, out, &page, &d);
        if (err) {
            buf_printf(out, "error %d %s: %s\n", (int)err, d.field, d.message);
            return;
        }
        buf_printf(out, "rows=%ld more=%d total=%ld exact=%d last=%d/%.17g/%s\n", page.rows,
                   page.more, page.total, page.total_exact, page.last_null, page.last_value,
                   page.last_key);
        if (!page.more)
            return;
        snprintf(key, sizeof(key), "%s", page.last_key);
        q.after = 1;
        q.after_null = page.last_null;
        q.after_value = page.last_value;
        q.after_key = key;
    }
}

/* Walks q by memory and by SQL; returns 1 when they agree (the first
 * disagreement is shown), and adds the pages memory chose to *chosen. */
static int agree(const struct store_list_query *q, long *chosen, int show)
{
    struct buf mem, sql;
    long before = sq_list_mem_answered(st);
    int same;

    buf_init(&mem, 1 << 24);
    buf_init(&sql, 1 << 24);
    walk(*q, &mem);
    *chosen += sq_list_mem_answered(st) - before;
    sq_list_mem_off = 1;
    walk(*q, &sql);
    sq_list_mem_off = 0;
    same = strcmp(buf_cstr(&mem), buf_cstr(&sql)) == 0;
    if (!same && show)
        CHECK_EQ_STR(buf_cstr(&mem), buf_cstr(&sql));
    buf_free(&mem);
    buf_free(&sql);
    return same;
}

static struct store_list_filter *filter(struct store_list_query *q, const char *name)
{
    struct store_list_filter *f = &q->filters[q->nfilters++];

    memset(f, 0, sizeof(*f));
    f->name = name;
    return f;
}

static void text(struct store_list_filter *f, const char *s)
{
    f->v[f->n++] = (struct khu_value){KHU_V_TEXT, 0, 0, s, strlen(s)};
}

static void number(struct store_list_filter *f, const char *s)
{
    double r = *s ? figure(s) : 7;

    if (next(3) == 0 && r == (double)(int64_t)r)
        f->v[f->n++] = (struct khu_value){KHU_V_INT, (int64_t)r, r, NULL, 0};
    else
        f->v[f->n++] = (struct khu_value){KHU_V_REAL, 0, r, NULL, 0};
}

static const char *const sorts[] = {NULL,
                                    "total_ha",
                                    "industrial_ha",
                                    "leased_ha",
                                    "available_ha",
                                    "occupancy_pct",
                                    "occupancy_reported_pct",
                                    "lease_usd_m2",
                                    "km_hcmc",
                                    "km_port",
                                    "wwtp_m3_day",
                                    "power_mva",
                                    "water_m3_day",
                                    "planned_year"};
static const char *const searches[] = {"duc",      "hoa", "ben luc", "tan", "an",
                                       "long hau", "kcn", "lu",      "z",   "nothing"};
static const char *const groups[] = {"z-1", "z-2", "Z-0", "z-5", "none"};
static const char *const tokens[] = {"2610", "2620", "1520", "26", "C26"};
static const char *const derived[] = {"available_ha", "occupancy_pct", NULL};

static void random_query(struct store_list_query *q)
{
    static const char *const mins[] = {"min_available_ha", "min_industrial_ha", "min_total_ha",
                                       "max_lease_usd_m2", "max_km_hcmc",       "max_km_port",
                                       "min_wwtp_m3_day",  "min_power_mva"};
    int nf = (int)next(4), i;
    unsigned used = 0;

    memset(q, 0, sizeof(*q));
    q->resource = "zones";
    q->sort = PICK(sorts);
    q->desc = (int)next(2);
    q->limit = 1 + (long)next(25);
    q->count_cap = next(3) == 0 ? 0 : next(2) ? 3 : 1000;
    if (next(3) == 0) {
        q->derived[0] = derived[0];
        q->derived[1] = derived[1];
    }
    if (next(4) == 0)
        q->search = PICK(searches);
    for (i = 0; i < nf; i++) {
        unsigned which = next(8);
        struct store_list_filter *f;
        if (used & (1u << which))
            continue;
        used |= 1u << which;
        switch (which) {
        case 0:
            f = filter(q, "kind");
            text(f, PICK(kinds));
            if (next(2))
                text(f, next(4) ? PICK(kinds) : "nope");
            break;
        case 1:
            text(filter(q, "status"), PICK(statuses));
            break;
        case 2:
            text(filter(q, "confidence"), PICK(confidences));
            break;
        case 3:
            text(filter(q, "group"), PICK(groups));
            break;
        case 4:
            f = filter(q, "infra_complete");
            f->v[f->n++] = (struct khu_value){KHU_V_INT, next(2), 0, NULL, 0};
            f->v[0].r = (double)f->v[0].i;
            break;
        case 5:
            text(filter(q, "unit"), next(6) ? PICK(units) : "X");
            break;
        case 6:
            f = filter(q, "sector");
            text(f, PICK(tokens));
            if (next(2))
                text(f, PICK(tokens));
            break;
        default: {
            const char *name = PICK(mins);
            number(filter(q, name), strstr(name, "km")      ? PICK(distances)
                                    : strstr(name, "lease") ? PICK(prices)
                                    : strstr(name, "power") || strstr(name, "wwtp")
                                        ? PICK(capacities)
                                        : PICK(total_ha));
            break;
        }
        }
    }
}

/* ===== tests ===== */

/* Thousands of random queries: memory and SQL hand out the same pages,
 * and memory chose them (at least one page a query). */
static void test_random_queries_agree(void)
{
    struct store_list_query q;
    long chosen = 0;
    int i, differ = 0;

    for (i = 0; i < 1500; i++) {
        random_query(&q);
        differ += !agree(&q, &chosen, differ == 0);
    }
    CHECK_EQ_INT(differ, 0);
    CHECK(chosen >= 1500);
}

/* What memory leaves to SQL, which still answers it: an IN value of
 * another type than the column's, LIKE's wildcards in a sector. */
static void test_left_to_sql(void)
{
    struct store_list_query q;
    struct store_list_filter *f;
    long chosen = 0;

    memset(&q, 0, sizeof(q));
    q.resource = "zones";
    q.limit = 10;
    q.count_cap = 1000;
    f = filter(&q, "infra_complete");
    text(f, "1"); /* a text for an INTEGER column: SQLite converts it */
    CHECK(agree(&q, &chosen, 1));
    CHECK_EQ_INT(chosen, 0);
    q.nfilters = 0;
    text(filter(&q, "sector"), "26%"); /* a wildcard: every token beginning 26 */
    CHECK(agree(&q, &chosen, 1));
    CHECK_EQ_INT(chosen, 0);
    q.nfilters = 0;
    text(filter(&q, "kind"), "kcn"); /* and memory takes it again */
    CHECK(agree(&q, &chosen, 1));
    CHECK(chosen > 0);
}

/* ===== edits of one row ===== */

struct edit_job {
    const char *code, *column, *value;
    struct row_edit e;
    int begun;
};

static int begin_edit(void *arg, const struct khu_row *row)
{
    struct edit_job *j = arg;

    j->begun = row_edit_begin(&j->e, schema_table("zones"), row, 0) == KHU_OK;
    return 0;
}

static enum khu_err run_edit(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct edit_job *j = arg;
    const struct table_def *t = schema_table("zones");
    const struct store_row_note note = {"t", "2026-01-01"};
    const char *key[] = {j->code};
    char version[ROW_VERSION_HEX];
    enum khu_err err = store_row_read(tx, t, key, begin_edit, j, d);

    if (err || !j->begun)
        return err ? err : KHU_ENOMEM;
    if (row_edit_set(&j->e, j->column, j->value, strlen(j->value)) ||
        row_edit_check(&j->e, "t", "2026-01-01", "2026-06-01", 0))
        return KHU_EINVAL; /* a value the row's rules refuse: nothing written */
    return store_row_update(tx, t, j->e.cells, &note, version, d);
}

/* Sets column of zone code to value; returns the store's answer. */
static enum khu_err edit(const char *code, const char *column, const char *value)
{
    static const struct store_actor officer = {"test.officer", ""};
    struct edit_job j = {code, column, value, {0}, 0};
    struct khu_diag d;
    enum khu_err err = store_write(st, &officer, run_edit, &j, &d);

    if (j.begun)
        row_edit_free(&j.e);
    return err;
}

/* Hundreds of edits of single zones, each followed by random queries
 * (with the umbrella and counted flags, which read other rows): memory
 * and SQL agree throughout; an edit of one row reads that row again, an
 * edit of a group reads the table whole. */
static void test_row_edits_followed(void)
{
    static const char *const columns[] = {
        "total_ha", "industrial_ha", "leased_ha", "lease_usd_m2", "km_hcmc",
        "km_port",  "status",        "kind",      "sectors",      "unit_code",
        "commune",  "confidence",    "name_vi",   "group_code",   "infra_complete"};
    struct store_list_query q;
    long chosen = 0, loads, written = 0, grouped = 0;
    char code[32], value[32];
    int i, k, differ = 0;

    loads = sq_list_mem_loads(st);
    for (i = 0; i < 160; i++) {
        const char *column = PICK(columns);
        zone_code((int)next(ZONES), code, sizeof(code));
        if (strcmp(column, "group_code") == 0 && next(4) == 0)
            value[0] = '\0';                        /* out of its group */
        else if (strcmp(column, "group_code") == 0) /* often a zone no group names yet */
            zone_code((int)next(60), value, sizeof(value));
        else if (strcmp(column, "status") == 0)
            snprintf(value, sizeof(value), "%s", PICK(statuses));
        else if (strcmp(column, "kind") == 0)
            snprintf(value, sizeof(value), "%s", PICK(kinds));
        else if (strcmp(column, "sectors") == 0)
            snprintf(value, sizeof(value), "%s", PICK(sectors));
        else if (strcmp(column, "unit_code") == 0 || strcmp(column, "commune") == 0)
            snprintf(value, sizeof(value), "%s", next(4) ? PICK(units) : "");
        else if (strcmp(column, "confidence") == 0)
            snprintf(value, sizeof(value), "%s", PICK(confidences));
        else if (strcmp(column, "name_vi") == 0)
            snprintf(value, sizeof(value), "KCN %s %s", PICK(words), PICK(words));
        else if (strcmp(column, "infra_complete") == 0)
            snprintf(value, sizeof(value), "%s", PICK(flags));
        else if (strncmp(column, "km", 2) == 0)
            snprintf(value, sizeof(value), "%s", PICK(distances));
        else if (strcmp(column, "lease_usd_m2") == 0)
            snprintf(value, sizeof(value), "%s", PICK(prices));
        else
            snprintf(value, sizeof(value), "%s", PICK(total_ha));
        if (strcmp(column, "group_code") == 0 && strcmp(value, code) == 0)
            continue;
        if (edit(code, column, value) == KHU_OK) {
            written++;
            grouped += strcmp(column, "group_code") == 0;
        }
        for (k = 0; k < 5; k++) {
            random_query(&q);
            if (next(3) == 0 && q.nfilters < STORE_LIST_MAX_FILTERS) {
                struct store_list_filter *f = filter(&q, next(2) ? "umbrella" : "counted");
                f->v[f->n++] = (struct khu_value){KHU_V_INT, next(2), 0, NULL, 0};
                f->v[0].r = (double)f->v[0].i;
            }
            differ += !agree(&q, &chosen, differ == 0);
        }
    }
    CHECK_EQ_INT(differ, 0);
    CHECK(written >= 80);
    CHECK(chosen >= 160 * 5);
    /* each whole read is owed to a group changed (or its first after the
     * last such): the other edits read their row alone */
    CHECK(sq_list_mem_loads(st) - loads <= grouped + 1);
    CHECK(sq_list_mem_loads(st) - loads < written / 2);
}

/* A change of the data is seen by the next page: memory reads the table
 * again. */
static void test_data_change_seen(void)
{
    static const char csv[] = "code,kind,name_vi,total_ha,source\n"
                              "a-new,port,KCN Mới,99999,t\n";
    struct store_list_query q;
    struct store_page page;
    struct khu_diag d;
    struct buf out;

    memset(&q, 0, sizeof(q));
    q.resource = "zones";
    q.sort = "total_ha";
    q.desc = 1;
    q.limit = 1;
    buf_init(&out, 1 << 20);
    CHECK_EQ_INT(store_list(st, &q, dump_row, &out, &page, &d), KHU_OK);
    CHECK(strstr(buf_cstr(&out), "a-new") == NULL);
    CHECK_EQ_INT(import("zones", csv, sizeof(csv) - 1), KHU_OK);
    buf_reset(&out);
    CHECK_EQ_INT(store_list(st, &q, dump_row, &out, &page, &d), KHU_OK);
    CHECK(strncmp(buf_cstr(&out), "a-new|port|", 11) == 0);
    CHECK_EQ_STR(page.last_key, "a-new");
    buf_free(&out);
}

int main(void)
{
    char path[256];
    struct khu_diag d;

    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof(path), "%s/mem.db", dir);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &st, &d), KHU_OK);
    if (st && load() == 0) {
        test_random_queries_agree();
        test_left_to_sql();
        test_row_edits_followed();
        test_data_change_seen();
    } else {
        CHECK(0);
    }
    store_close(st);
    unlink(path);
    snprintf(path, sizeof(path), "%s/mem.db-wal", dir);
    unlink(path);
    snprintf(path, sizeof(path), "%s/mem.db-shm", dir);
    unlink(path);
    rmdir(dir);
    return test_report("test_store_sqlite_list");
}
