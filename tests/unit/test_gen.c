/* SPDX-License-Identifier: MIT */
/*
 * Tests for the generator (src/gen) and `khu gen` (cli/cmd_gen.c) over
 * it. The province scale is generated
 * twice with one seed (the bytes must match) and once with another (they
 * must differ). Every file of the first set is then read back with the
 * CSV reader and held to core/schema.c: the header, every cell through
 * validate_cell, every row through validate_row, unique keys, and every
 * reference resolved inside the set. Then a few invariants of the data
 * itself, the module's API called directly (its errors, and the same
 * bytes as the command), and the command's usage errors and exit codes.
 */
#include "cli/commands.h"

#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/csv.h"
#include "core/schema.h"
#include "core/validate.h"
#include "core/xalloc.h"
#include "gen/gen.h"
#include "rmtree.h"
#include "test.h"

#define MAX_COLS 64
#define SEED     "42"

/* ===== Helpers ===== */

static char tmp_root[64];

static void path_of(char *out, size_t n, const char *dir, const char *file)
{
    snprintf(out, n, "%s/%s%s%s", tmp_root, dir, file ? "/" : "", file ? file : "");
}

/* Reads a whole file; returns NULL if it cannot. The caller xfrees it. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    long n;

    if (!f)
        return NULL;
    n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    if (n >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        data = xmalloc((size_t)n + 1);
        if (data && fread(data, 1, (size_t)n, f) != (size_t)n) {
            xfree(data);
            data = NULL;
        }
        if (data) {
            data[n] = '\0';
            *len = (size_t)n;
        }
    }
    fclose(f);
    return data;
}

static int run_gen(const char *scale, const char *seed, const char *dir, int force)
{
    char path[256];
    char *argv[10];
    int argc = 0;

    path_of(path, sizeof(path), dir, NULL);
    argv[argc++] = "gen";
    argv[argc++] = "--quiet";
    argv[argc++] = "--scale";
    argv[argc++] = (char *)scale;
    argv[argc++] = "--seed";
    argv[argc++] = (char *)seed;
    if (force)
        argv[argc++] = "--force";
    argv[argc++] = path;
    argv[argc] = NULL;
    return cmd_gen(argc, argv);
}

static int run_args(int argc, char **argv)
{
    return cmd_gen(argc, argv);
}

/* Returns 1 if the two files have the same bytes. */
static int same_file(const char *dir1, const char *dir2, const char *name)
{
    char p1[256], p2[256];
    size_t n1 = 0, n2 = 0;
    char *a, *b;
    int same;

    path_of(p1, sizeof(p1), dir1, name);
    path_of(p2, sizeof(p2), dir2, name);
    a = slurp(p1, &n1);
    b = slurp(p2, &n2);
    same = a && b && n1 == n2 && memcmp(a, b, n1) == 0;
    xfree(a);
    xfree(b);
    return same;
}

/* Sends stdout and stderr to /dev/null while the command prints text the
 * test expects (help, usage errors, out of memory); restores them after. */
static int saved_fd[3] = {-1, -1, -1};

static void quiet_begin(void)
{
    FILE *null = fopen("/dev/null", "w");
    int fd;

    fflush(stdout);
    fflush(stderr);
    for (fd = 1; fd <= 2; fd++) {
        saved_fd[fd] = dup(fd);
        if (null)
            dup2(fileno(null), fd);
    }
    if (null)
        fclose(null);
}

static void quiet_end(void)
{
    int fd;

    fflush(stdout);
    fflush(stderr);
    for (fd = 1; fd <= 2; fd++) {
        if (saved_fd[fd] >= 0) {
            dup2(saved_fd[fd], fd);
            close(saved_fd[fd]);
            saved_fd[fd] = -1;
        }
    }
}

/* ===== A loaded data set ===== */

/* One table read back: its rows as arrays of NUL-terminated cells. */
struct table {
    const struct table_def *def;
    char ***rows; /* rows[r][c] */
    size_t nrows;
    char **keys; /* the row keys, joined with '\x1f', sorted */
};

static struct table set[32];
static size_t nset;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct table *table_of(const char *name)
{
    size_t i;

    for (i = 0; i < nset; i++)
        if (strcmp(set[i].def->name, name) == 0)
            return &set[i];
    return NULL;
}

static char *row_key(const struct table_def *t, char **row)
{
    struct buf b;
    const char *const *k;

    buf_init(&b, 4096);
    for (k = t->key; *k; k++) {
        if (k != t->key)
            buf_putc(&b, '\x1f');
        buf_puts(&b, row[schema_col_index(t, *k)]);
    }
    return buf_steal(&b, NULL);
}

/* Reads DIR/<t>.csv, checking its header and that every row is valid
 * against the schema. */
static void load_table(const char *dir, const struct table_def *t)
{
    struct table *tb = &set[nset++];
    struct csv_reader *r;
    struct csv_field *f;
    struct buf scratch[MAX_COLS];
    struct cell cells[MAX_COLS];
    struct khu_diag d;
    char path[256], name[80];
    size_t len = 0, count, c, cap = 0;
    char *data;
    int rc, header = 1, bad_cells = 0, bad_rows = 0, ragged = 0;

    memset(tb, 0, sizeof(*tb));
    tb->def = t;
    snprintf(name, sizeof(name), "%s.csv", t->name);
    path_of(path, sizeof(path), dir, name);
    data = slurp(path, &len);
    CHECK(data != NULL);
    if (!data)
        return;
    for (c = 0; c < MAX_COLS; c++)
        buf_init(&scratch[c], 1 << 20);
    r = csv_reader_new(data, len, 1 << 20, MAX_COLS);
    for (rc = csv_read(r, &f, &count, &d); rc == 1; rc = csv_read(r, &f, &count, &d)) {
        if (header) {
            int ok = count == t->ncols;
            for (c = 0; ok && c < count; c++)
                ok = strcmp(f[c].text, t->cols[c].name) == 0;
            if (!ok)
                fprintf(stderr, "%s: header differs from the schema\n", t->name);
            CHECK(ok);
            header = 0;
            continue;
        }
        if (count != t->ncols) {
            ragged++;
            continue;
        }
        for (c = 0; c < count; c++) {
            if (validate_cell(&t->cols[c], f[c].text, f[c].len, &scratch[c], &cells[c], &d)) {
                if (bad_cells++ < 3)
                    fprintf(stderr, "%s line %ld: %s %s ('%s')\n", t->name, csv_record_line(r),
                            d.field, d.message, f[c].text);
            }
        }
        if (validate_row(t, cells, &d) != KHU_OK && bad_rows++ < 3)
            fprintf(stderr, "%s line %ld: %s %s\n", t->name, csv_record_line(r), d.field,
                    d.message);
        if (tb->nrows == cap) {
            cap = cap ? cap * 2 : 256;
            tb->rows = xrealloc(tb->rows, cap * sizeof(*tb->rows));
        }
        tb->rows[tb->nrows] = xcalloc(count, sizeof(char *));
        for (c = 0; c < count; c++)
            tb->rows[tb->nrows][c] = xstrndup(f[c].text, f[c].len);
        tb->nrows++;
    }
    if (rc < 0)
        fprintf(stderr, "%s: CSV error at %ld:%ld: %s\n", t->name, d.line, d.column, d.message);
    CHECK_EQ_INT(rc, 0);
    CHECK(!header);
    CHECK_EQ_INT(ragged, 0);
    CHECK_EQ_INT(bad_cells, 0);
    CHECK_EQ_INT(bad_rows, 0);
    csv_reader_free(r);
    for (c = 0; c < MAX_COLS; c++)
        buf_free(&scratch[c]);
    xfree(data);

    tb->keys = xcalloc(tb->nrows ? tb->nrows : 1, sizeof(char *));
    for (c = 0; c < tb->nrows; c++)
        tb->keys[c] = row_key(t, tb->rows[c]);
    qsort(tb->keys, tb->nrows, sizeof(char *), cmp_str);
}

static void free_set(void)
{
    size_t i, r, c;

    for (i = 0; i < nset; i++) {
        for (r = 0; r < set[i].nrows; r++) {
            for (c = 0; c < set[i].def->ncols; c++)
                xfree(set[i].rows[r][c]);
            xfree(set[i].rows[r]);
            xfree(set[i].keys[r]);
        }
        xfree(set[i].rows);
        xfree(set[i].keys);
    }
    nset = 0;
}

static int has_key(const struct table *tb, const char *key)
{
    return tb && bsearch(&key, tb->keys, tb->nrows, sizeof(char *), cmp_str) != NULL;
}

/* ===== Checks over the set ===== */

static void check_unique_keys(void)
{
    size_t i, r;

    for (i = 0; i < nset; i++) {
        int dups = 0;
        for (r = 1; r < set[i].nrows; r++)
            if (strcmp(set[i].keys[r - 1], set[i].keys[r]) == 0 && dups++ < 3)
                fprintf(stderr, "%s: duplicate key %s\n", set[i].def->name, set[i].keys[r]);
        CHECK_EQ_INT(dups, 0);
    }
}

/* Every non-empty cell of a column with a reference names a row that is
 * in the set (references point at single-column keys). */
static void check_references(void)
{
    size_t i, r, c;

    for (i = 0; i < nset; i++) {
        const struct table_def *t = set[i].def;
        for (c = 0; c < t->ncols; c++) {
            const struct table *to;
            int missing = 0;
            if (!t->cols[c].ref_table)
                continue;
            to = table_of(t->cols[c].ref_table);
            CHECK(to != NULL);
            for (r = 0; to && r < set[i].nrows; r++) {
                const char *v = set[i].rows[r][c];
                if (v[0] && !has_key(to, v) && missing++ < 3)
                    fprintf(stderr, "%s.%s: '%s' not in %s\n", t->name, t->cols[c].name, v,
                            to->def->name);
            }
            CHECK_EQ_INT(missing, 0);
        }
    }
    /* sector_map points at (version, code) pairs of sectors. */
    {
        const struct table *m = table_of("sector_map"), *s = table_of("sectors");
        int missing = 0;
        for (r = 0; m && r < m->nrows; r++) {
            char key[64];
            snprintf(key, sizeof(key), "%s\x1f%s", m->rows[r][0], m->rows[r][1]);
            missing += !has_key(s, key);
            snprintf(key, sizeof(key), "%s\x1f%s", m->rows[r][2], m->rows[r][3]);
            missing += !has_key(s, key);
        }
        CHECK(m && m->nrows > 0);
        CHECK_EQ_INT(missing, 0);
    }
}

static double num(const char *s)
{
    return strtod(s, NULL);
}

static const char *cell(const struct table *tb, size_t r, const char *col)
{
    return tb->rows[r][schema_col_index(tb->def, col)];
}

static void check_zones(void)
{
    const struct table *z = table_of("zones"), *s = table_of("sectors");
    int bad_area = 0, bad_pos = 0, bad_sector = 0, bad_source = 0, empty = 0, numbered = 0;
    int vietnamese = 0, hangul = 0;
    size_t r;

    for (r = 0; z && r < z->nrows; r++) {
        const char *tot = cell(z, r, "total_ha"), *ind = cell(z, r, "industrial_ha");
        const char *lea = cell(z, r, "leased_ha"), *sec = cell(z, r, "sectors");
        double lat = num(cell(z, r, "lat")), lon = num(cell(z, r, "lon"));
        if (tot[0] && ind[0] && num(ind) > num(tot))
            bad_area++;
        if (ind[0] && lea[0] && num(lea) > num(ind))
            bad_area++;
        if (tot[0] && (num(tot) < 5 || num(tot) > 2000))
            bad_area++;
        if (lat < 8.3 || lat > 23.5 || lon < 102 || lon > 110)
            bad_pos++;
        empty += !tot[0] || !ind[0] || !cell(z, r, "wwtp_m3_day")[0];
        numbered += strchr(cell(z, r, "name_vi"), ' ') && cell(z, r, "code")[0] &&
                    strpbrk(cell(z, r, "code"), "0123456789") != NULL;
        vietnamese +=
            strstr(cell(z, r, "name_vi"), "\xc3") || strstr(cell(z, r, "name_vi"), "\xe1");
        hangul += (unsigned char)cell(z, r, "name_ko")[0] >= 0xea;
        bad_source += strcmp(cell(z, r, "source"), "synthetic (khu gen seed " SEED ")") != 0;
        while (*sec) {
            char key[32];
            size_t n = strcspn(sec, " ");
            snprintf(key, sizeof(key), "2018\x1f%.*s", (int)n, sec);
            bad_sector += !has_key(s, key);
            sec += n;
            while (*sec == ' ')
                sec++;
        }
    }
    CHECK(z != NULL);
    CHECK_EQ_INT(bad_area, 0);
    CHECK_EQ_INT(bad_pos, 0);
    CHECK_EQ_INT(bad_sector, 0);
    CHECK_EQ_INT(bad_source, 0);
    CHECK(empty > 0);      /* some figures are left unknown */
    CHECK(numbered > 0);   /* "KCN Đức Hòa 3" siblings exist */
    CHECK(vietnamese > 0); /* diacritics */
    CHECK(hangul > 0);
}

static void check_enterprises(void)
{
    const struct table *e = table_of("enterprises");
    int bad_tax = 0, branch = 0, dd = 0, hangul = 0, fdi = 0, supplier = 0;
    size_t r;

    for (r = 0; e && r < e->nrows; r++) {
        const char *tax = cell(e, r, "tax_code"), *name = cell(e, r, "name");
        size_t n = strlen(tax), digits = strspn(tax, "0123456789");
        if (n == 14)
            branch += digits == 10 && tax[10] == '-' && strspn(tax + 11, "0123456789") == 3;
        else
            bad_tax += n != 10 || digits != 10;
        dd += strstr(name, "đ") || strstr(name, "Đ");
        hangul += strstr(name, "\xeb\xb9\x84\xeb\x82\x98") != NULL; /* 비나 */
        fdi += strcmp(cell(e, r, "ownership"), "fdi") == 0;
        supplier += strcmp(cell(e, r, "supplier"), "1") == 0;
    }
    CHECK(e != NULL);
    CHECK_EQ_INT(bad_tax, 0);
    CHECK(branch > 0);
    CHECK(dd > 0);
    CHECK(hangul > 0);
    CHECK(fdi > 0 && fdi < (int)(e ? e->nrows : 0));
    CHECK(supplier > 0);
}

/* 1 when tb has a row whose column col is value. */
static int has_value(const struct table *tb, const char *col, const char *value)
{
    size_t r;

    for (r = 0; tb && r < tb->nrows; r++)
        if (!strcmp(cell(tb, r, col), value))
            return 1;
    return 0;
}

static void check_consulted(const struct table *c, const struct table *d, const struct table *depts)
{
    size_t r, bad_dept = 0, bad_stage = 0, bad_receiver = 0;

    for (r = 0; c && r < c->nrows; r++)
        bad_dept += !has_value(depts, "code", cell(c, r, "department"));
    for (r = 0; d && r < d->nrows; r++) {
        const char *st = cell(d, r, "status");
        if ((!strcmp(st, "received") || !strcmp(st, "returned")) &&
            has_value(c, "dossier_code", cell(d, r, "code")))
            bad_stage++;
        bad_receiver += !has_value(depts, "code", cell(d, r, "receiving_department"));
    }
    CHECK_EQ_INT(bad_dept, 0);
    CHECK_EQ_INT(bad_stage, 0);
    CHECK_EQ_INT(bad_receiver, 0);
}

static void check_counts(void)
{
    static const struct {
        const char *table;
        size_t rows;
    } want[] = {
        {"units", 76},     {"departments", 8}, {"zones", 80},    {"enterprises", 2000},
        {"projects", 400}, {"dossiers", 1000}, {"demands", 100}, {"linkages", 300},
        {"targets", 8},    {"partners", 10},   {"events", 20},   {"leads", 100},
    };
    const struct table *c = table_of("consultations"), *d = table_of("dossiers");
    size_t i;

    for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        const struct table *t = table_of(want[i].table);
        CHECK(t != NULL);
        if (t && t->nrows != want[i].rows)
            fprintf(stderr, "%s: %zu rows, want %zu\n", want[i].table, t->nrows, want[i].rows);
        CHECK(t && t->nrows == want[i].rows);
    }
    /* Five to seven consultations per dossier accepted (about four in five
     * are), each of a department of the set, none on a dossier received
     * or returned (consultations open on acceptance). */
    CHECK(c && d && c->nrows > d->nrows * 4 && c->nrows < d->nrows * 11 / 2);
    check_consulted(c, d, table_of("departments"));
    CHECK(table_of("observations") && table_of("observations")->nrows > 0);
    CHECK(table_of("sectors") && table_of("sectors")->nrows > 0);
}

/* Units: one province, districts closed with the district level, some
 * communes closed and replaced. */
static void check_units(void)
{
    const struct table *u = table_of("units");
    int provinces = 0, replaced = 0;
    size_t r;

    for (r = 0; u && r < u->nrows; r++) {
        provinces += strcmp(cell(u, r, "level"), "province") == 0;
        replaced += cell(u, r, "replaced_by")[0] != '\0';
    }
    CHECK_EQ_INT(provinces, 1);
    CHECK(replaced > 0);
}

/* ===== Tests ===== */

static void test_deterministic(void)
{
    const struct table_def *tables;
    size_t n, i;
    int differ = 0;

    CHECK_EQ_INT(run_gen("province", SEED, "a", 0), 0);
    CHECK_EQ_INT(run_gen("province", SEED, "b", 0), 0);
    CHECK_EQ_INT(run_gen("province", "43", "c", 0), 0);
    tables = schema_tables(&n);
    for (i = 0; i < n; i++) {
        char name[80];
        snprintf(name, sizeof(name), "%s.csv", tables[i].name);
        if (!same_file("a", "b", name))
            fprintf(stderr, "%s differs between two runs with one seed\n", name);
        CHECK(same_file("a", "b", name));
        differ += !same_file("a", "c", name);
    }
    CHECK(differ >= 8); /* every table that draws anything changes */
}

static void test_valid(void)
{
    const struct table_def *tables;
    size_t n, i;

    tables = schema_tables(&n);
    CHECK(n <= sizeof(set) / sizeof(set[0]));
    for (i = 0; i < n && i < sizeof(set) / sizeof(set[0]); i++)
        load_table("a", &tables[i]);
    check_unique_keys();
    check_references();
    check_counts();
    check_zones();
    check_enterprises();
    check_units();
    free_set();
}

/* gen_write_dir without the command: the same bytes for the same seed,
 * the counts it reports, and its errors. */
static void test_module_api(void)
{
    struct gen_report rep;
    char dir[256], missing[256];
    const struct table_def *tables;
    size_t n, i;
    long rows = 0;

    tables = schema_tables(&n);
    path_of(dir, sizeof(dir), "api", NULL);
    path_of(missing, sizeof(missing), "no/such/dir", NULL);
    CHECK_EQ_INT(mkdir(dir, 0700), 0);
    CHECK_EQ_INT(gen_write_dir(dir, "province", 42, &rep), KHU_OK);
    CHECK_EQ_INT(rep.files, n);
    CHECK_EQ_STR(rep.message, "");
    for (i = 0; i < n; i++) {
        char name[80];
        snprintf(name, sizeof(name), "%s.csv", tables[i].name);
        CHECK(same_file("a", "api", name)); /* "a" came from `khu gen --seed 42` */
    }
    for (i = 0; i < n && i < sizeof(set) / sizeof(set[0]); i++)
        load_table("api", &tables[i]);
    for (i = 0; i < nset; i++)
        rows += (long)set[i].nrows;
    free_set();
    CHECK_EQ_INT(rep.rows, rows); /* the data rows of the files, headers not counted */

    CHECK(gen_scale_known("national"));
    CHECK(!gen_scale_known("galaxy"));
    CHECK(!gen_scale_known(NULL));
    CHECK_EQ_INT(gen_write_dir(dir, "galaxy", 1, &rep), KHU_EINVAL);
    CHECK_EQ_STR(rep.message, "unknown scale 'galaxy'");
    CHECK_EQ_INT(gen_write_dir(missing, "province", 1, &rep), KHU_EIO);
    CHECK(strncmp(rep.message, "cannot create ", 14) == 0);
    CHECK(strstr(rep.message, "sources.csv: No such file or directory") != NULL);
    CHECK_EQ_INT(rep.files, 0);
}

static void test_usage(void)
{
    char dir[256], file[256], below[256];
    char *help[] = {"gen", "--help", NULL};
    char *none[] = {"gen", "--quiet", NULL};
    char *scale[] = {"gen", "--scale", "galaxy", dir, NULL};
    char *seed[] = {"gen", "--seed", "-1", dir, NULL};
    char *seed2[] = {"gen", "--seed=12x", dir, NULL};
    char *unknown[] = {"gen", "--fast", dir, NULL};
    char *two[] = {"gen", dir, dir, NULL};
    char *under_file[] = {"gen", "--quiet", below, NULL};
    char *notdir[] = {"gen", "--quiet", file, NULL};
    FILE *f;

    path_of(dir, sizeof(dir), "u", NULL);
    path_of(file, sizeof(file), "plain-file", NULL);
    path_of(below, sizeof(below), "plain-file/sub", NULL);
    f = fopen(file, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);

    int rc[13], i;

    quiet_begin();
    rc[0] = run_args(2, help);
    rc[1] = run_args(2, none);
    rc[2] = run_args(4, scale);
    rc[3] = run_args(4, seed);
    rc[4] = run_args(3, seed2);
    rc[5] = run_args(3, unknown);
    rc[6] = run_args(3, two);
    rc[7] = run_args(3, notdir);
    rc[8] = run_args(3, under_file); /* cannot create the directory */
    /* A non-empty directory needs --force; nested missing parents are made. */
    rc[9] = run_gen("province", "7", "a", 0);
    rc[10] = run_gen("province", "7", "a", 1);
    rc[11] = run_gen("province", "7", "deep/er/dir", 0);
    quiet_end();
    CHECK_EQ_INT(rc[0], 0);
    for (i = 1; i <= 7; i++)
        CHECK_EQ_INT(rc[i], EXIT_USAGE);
    CHECK_EQ_INT(rc[8], 1);
    CHECK_EQ_INT(rc[9], EXIT_USAGE);
    CHECK_EQ_INT(rc[10], 0);
    CHECK_EQ_INT(rc[11], 0);
    CHECK(same_file("a", "deep/er/dir", "zones.csv"));
}

/* Out of memory anywhere reports failure instead of crashing. */
static void test_alloc_failure(void)
{
    int n, failures = 0, ok = 0;

    quiet_begin();
    for (n = 1; n <= 400 && !ok; n++) {
        int rc;
        xalloc_fail_after((unsigned long)n);
        rc = run_gen("province", "9", "oom", 1);
        xalloc_fail_after(0);
        if (rc == 0)
            ok = 1;
        else
            failures += rc == 1;
    }
    quiet_end();
    CHECK(failures > 0);
    CHECK(ok);
}

int main(void)
{
    snprintf(tmp_root, sizeof(tmp_root), "/tmp/khu-test-gen-XXXXXX");
    if (!mkdtemp(tmp_root)) {
        perror("mkdtemp");
        return 1;
    }
    test_deterministic();
    test_valid();
    test_module_api();
    test_usage();
    test_alloc_failure();
    CHECK_EQ_INT(remove_tree(tmp_root), 0);
    return test_report("test_gen");
}
