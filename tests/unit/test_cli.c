/* SPDX-License-Identifier: MIT */
/*
 * CLI tests with the real binary: import errors as FILE:LINE:COLUMN:
 * field: message with the database unchanged, export then import giving the
 * same data, --replace, backup, check, usage errors, the import's status
 * line (only on a terminal, never with --quiet), and a crash test that
 * kills the importer with SIGKILL in the middle of a large import.
 */
#include <jansson.h>
#include <time.h>

#include "cli/progress.h"
#include "client.h"
#include "old_database.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-cli-XXXXXX";
static char db[300];

static char *path_in(const char *name)
{
    static char p[4][400];
    static int i;

    i = (i + 1) % 4;
    snprintf(p[i], sizeof(p[i]), "%s/%s", dir, name);
    return p[i];
}

/* Runs khu, returns its exit status and keeps its output in out and err. */
static int khu(char **out, char **err, char *const *args)
{
    return run_khu(args, out, err);
}

static char *export_table(const char *database, const char *table)
{
    char *out = NULL, *err = NULL;
    int rc = khu(&out, &err, (char *[]){"export", (char *)table, "--db", (char *)database, NULL});

    CHECK_EQ_INT(rc, 0);
    free(err);
    return out;
}

static void load_default(const char *database)
{
    char *out = NULL, *err = NULL;
    const char *data = getenv("KHU_DATA") ? getenv("KHU_DATA") : "data";

    CHECK_EQ_INT(khu(&out, &err,
                     (char *[]){"import", "--dir", (char *)data, "--db", (char *)database, NULL}),
                 0);
    CHECK(strstr(out, "imported ") != NULL);
    free(out);
    free(err);
}

/* ===== import errors ===== */

static const char bad_zones[] = "\xEF\xBB\xBF"
                                "code,kind,name_vi,unit_code,total_ha,established_on\r\n"
                                "z-ok,kcn,KCN Tốt,,12.5,2020-01-01\r\n"
                                "z-kind,park,KCN Sai,,1,\r\n"
                                "z-num,kcn,KCN Số,,\"9,251.6\",\r\n"
                                "z-date,kcn,\"KCN\r\nNgày\",,5,2023-02-29\r\n"
                                "z-ok,kcn,KCN Trùng,,,\r\n"
                                "z-ref,kcn,KCN Tham chiếu,999,,\r\n"
                                "z-utf,kcn,KCN \xff,,,\r\n"
                                "z-short,kcn\r\n";

static void test_import_errors(void)
{
    char *before = export_table(db, "zones"), *after, *out = NULL, *err = NULL;
    char *file = path_in("bad.csv");
    char want[4096];
    int rc;

    write_file(file, bad_zones);
    rc = khu(&out, &err, (char *[]){"import", "zones", file, "--db", db, NULL});
    CHECK_EQ_INT(rc, 1);
    snprintf(want, sizeof(want),
             "%1$s:3:8: kind: must be one of: kcn, ccn, hitech, logistics, economic, port; got "
             "'park'\n"
             "%1$s:4:19: total_ha: must be a number with '.' as the decimal point; got "
             "'9,251.6'\n"
             "%1$s:6:10: established_on: must be a real date written YYYY-MM-DD; got "
             "'2023-02-29'\n"
             "%1$s:7:1: code: duplicate key 'z-ok': a row with this code is already in the "
             "database or earlier in this file\n"
             "%1$s:9:15: invalid UTF-8 byte 0xFF; save the file with UTF-8 encoding\n"
             "%1$s:10:9: expected 6 fields as in the header, found 2\n"
             "%1$s:8:26: unit_code: '999' is not in units\n"
             "khu import: errors found; nothing was written\n",
             file);
    CHECK_EQ_STR(err, want);
    free(out);
    free(err);
    after = export_table(db, "zones");
    CHECK_EQ_STR(after, before); /* the database is unchanged */
    free(before);
    free(after);
}

static void test_header_errors(void)
{
    char *out = NULL, *err = NULL, *file = path_in("header.csv"), want[1024];

    write_file(file, "code,colour,kind,kind\nz1,red,kcn,kcn\n");
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"import", "zones", file, "--db", db, NULL}), 1);
    snprintf(want, sizeof(want),
             "%1$s:1:6: colour: unknown column 'colour' for table zones\n"
             "%1$s:1:18: kind: column 'kind' appears twice in the header\n"
             "%1$s:1:1: name_vi: required column 'name_vi' is missing from the header\n"
             "khu import: errors found; nothing was written\n",
             file);
    CHECK_EQ_STR(err, want);
    free(out);
    free(err);
}

/* ===== round trips ===== */

static void test_round_trip(void)
{
    static const char *const tables[] = {
        "units",        "departments", "sectors",  "sector_map",  "zones", "targets",
        "observations", "time_limits", "partners", "enterprises", NULL};
    const char *const *t;
    char *copy = path_in("copy.db"), *exdir = path_in("export"), *out = NULL, *err = NULL;
    char file[512];

    mkdir(exdir, 0700);
    for (t = tables; *t; t++) {
        char *csv = export_table(db, *t);
        snprintf(file, sizeof(file), "%s/%s.csv", exdir, *t);
        write_file(file, csv);
        free(csv);
    }
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"import", "--dir", exdir, "--db", copy, NULL}), 0);
    free(out);
    free(err);
    for (t = tables; *t; t++) {
        char *a = export_table(db, *t), *b = export_table(copy, *t);
        if (strcmp(a, b) != 0)
            TEST_FAIL_AT(__FILE__, __LINE__, "table %s differs after export and import", *t);
        else
            test_passed++;
        free(a);
        free(b);
    }
}

static int lines(const char *s)
{
    int n = 0;

    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void test_geojson_and_json(void)
{
    char *out = NULL, *err = NULL, *csv = export_table(db, "zones");
    json_t *j;
    json_error_t e;

    CHECK_EQ_INT(
        khu(&out, &err, (char *[]){"export", "zones", "--format", "geojson", "--db", db, NULL}), 0);
    j = json_loads(out, 0, &e);
    CHECK(j != NULL);
    CHECK_EQ_STR(json_string_value(json_object_get(j, "type")), "FeatureCollection");
    CHECK_EQ_INT(json_array_size(json_object_get(j, "features")), lines(csv) - 1);
    json_decref(j);
    free(out);
    free(err);
    free(csv);
    CHECK_EQ_INT(
        khu(&out, &err, (char *[]){"export", "units", "--format", "json", "--db", db, NULL}), 0);
    j = json_loads(out, 0, &e);
    CHECK(json_is_array(j));
    CHECK(json_array_size(j) > 0);
    json_decref(j);
    free(out);
    free(err);
}

static void test_replace(void)
{
    char *copy = path_in("copy.db"), *file = path_in("one.csv"), *out = NULL, *err = NULL, *csv;

    write_file(file, "code,kind,name_vi\nkcn-solo,kcn,KCN Độc Nhất\n");
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"import", "zones", file, "--db", copy, NULL}), 0);
    free(out);
    free(err);
    csv = export_table(copy, "zones");
    CHECK(strstr(csv, "\r\nkcn-solo,kcn,KCN Độc Nhất,") != NULL);
    CHECK(strstr(csv, "kcn-long-hau,") != NULL);
    free(csv);
    CHECK_EQ_INT(
        khu(&out, &err, (char *[]){"import", "zones", file, "--replace", "--db", copy, NULL}), 0);
    free(out);
    free(err);
    csv = export_table(copy, "zones");
    CHECK_EQ_INT(lines(csv), 2);
    free(csv);
}

/* ===== backup, check, usage ===== */

static void test_backup_and_check(void)
{
    char *copy = path_in("backup.db"), *out = NULL, *err = NULL, *a, *b;

    CHECK_EQ_INT(khu(&out, &err, (char *[]){"backup", copy, "--db", db, NULL}), 0);
    free(out);
    free(err);
    a = export_table(db, "zones");
    b = export_table(copy, "zones");
    CHECK_EQ_STR(a, b);
    free(a);
    free(b);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"check", "--db", db, NULL}), 0);
    CHECK(strncmp(out, "check: 0 problems", 17) == 0);
    CHECK(strstr(out, "reported by the province") != NULL);
    CHECK(strstr(out, "difference (registry - reported)") != NULL);
    free(out);
    free(err);
}

static void test_usage(void)
{
    char *out = NULL, *err = NULL;

    CHECK_EQ_INT(khu(&out, &err, (char *[]){"frobnicate", NULL}), 2);
    CHECK(strstr(err, "unknown command 'frobnicate'") != NULL);
    free(out);
    free(err);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"import", "nosuch", "x.csv", NULL}), 2);
    CHECK_EQ_STR(err, "khu import: unknown table 'nosuch'\n");
    free(out);
    free(err);
    /* a near miss names the table meant, before any file is read */
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"import", "zone", "x.csv", "--db", db, NULL}), 2);
    CHECK_EQ_STR(err, "khu import: unknown table 'zone'; did you mean 'zones'?\n");
    free(out);
    free(err);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"export", "Enterprise", "--db", db, NULL}), 2);
    CHECK_EQ_STR(err, "khu export: unknown table 'Enterprise'; did you mean 'enterprises'?\n");
    CHECK_EQ_STR(out, "");
    free(out);
    free(err);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"export", "zones", "--format", "xml", NULL}), 2);
    CHECK_EQ_STR(err, "khu export: --format must be csv, json or geojson\n");
    free(out);
    free(err);
    CHECK_EQ_INT(
        khu(&out, &err, (char *[]){"import", "zones", "/nonexistent.csv", "--db", db, NULL}), 1);
    CHECK(strstr(err, "cannot read /nonexistent.csv") != NULL);
    free(out);
    free(err);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"serve", "--port", "70000", NULL}), 2);
    free(out);
    free(err);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"serve", "--row-memo", "2048", NULL}), 2);
    CHECK_EQ_STR(err, "khu serve: --row-memo must be a whole number of MB from 0 to 1024\n");
    free(out);
    free(err);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"version", NULL}), 0);
    CHECK(strncmp(out, "khu ", 4) == 0);
    free(out);
    free(err);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"import", "--help", NULL}), 0);
    CHECK(strstr(out, "FILE:LINE:COLUMN") != NULL);
    free(out);
    free(err);
}

/* ===== progress ===== */

static void test_progress_format(void)
{
    char line[PROGRESS_LINE_MAX], tiny[16];

    progress_format(line, sizeof(line), "enterprises", 120000, 480, 1000, 2.0);
    CHECK_EQ_STR(line, "importing enterprises: 120,000 rows (48%), 60,000 rows/s, 3 s left");
    progress_format(line, sizeof(line), "zones", 5, 100, 100, 0.5);
    CHECK_EQ_STR(line, "importing zones: 5 rows (100%), 10 rows/s");
    progress_format(line, sizeof(line), "zones", 0, 0, 100, 0);
    CHECK_EQ_STR(line, "importing zones: 0 rows (0%)");
    progress_format(line, sizeof(line), "units", 1234567, 1, 1000, 0.9);
    CHECK_EQ_STR(line, "importing units: 1,234,567 rows (0%), 1,371,741 rows/s, 15 min 00 s left");
    progress_format(line, sizeof(line), "units", 999, 1, 10000, 1.0);
    CHECK_EQ_STR(line, "importing units: 999 rows (0%), 999 rows/s, 2 h 46 min left");
    progress_format(line, sizeof(line), "units", 10, 0, 0, 1.0);
    CHECK_EQ_STR(line, "importing units: 10 rows (100%), 10 rows/s");
    CHECK_EQ_INT(progress_format(tiny, sizeof(tiny), "enterprises", 1, 1, 2, 1.0), 15);
    CHECK_EQ_STR(tiny, "importing enter");
}

/* Runs khu with stderr on a pipe (stdout to /dev/null); returns the exit
 * status with stderr in *err. */
static int khu_stderr_pipe(char **err, char *const *args)
{
    char *argv[48], *wrap = wrap_env(), chunk[4096];
    size_t len = 0;
    ssize_t got;
    int fds[2], status = 0;
    pid_t pid;

    *err = calloc(1, 1);
    if (pipe(fds) != 0)
        return -1;
    pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        build_argv(argv, 48, wrap, args);
        execvp(argv[0], argv);
        _exit(127);
    }
    free(wrap);
    close(fds[1]);
    while ((got = read(fds[0], chunk, sizeof(chunk))) > 0) {
        char *more = realloc(*err, len + (size_t)got + 1);
        if (!more)
            break;
        *err = more;
        memcpy(*err + len, chunk, (size_t)got);
        len += (size_t)got;
        (*err)[len] = '\0';
    }
    close(fds[0]);
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Runs `khu import zones FILE --db DB [--quiet]` on a terminal of its own
 * (script(1) from util-linux) and returns what the terminal showed, or NULL
 * when script is not installed. */
static char *import_on_tty(const char *file, const char *database, int quiet)
{
    const char *wrap = getenv("KHU_WRAP");
    char cmd[2048], chunk[4096], *text = calloc(1, 1);
    size_t len = 0, got;
    FILE *p;

    if (access("/usr/bin/script", X_OK) != 0 && access("/bin/script", X_OK) != 0) {
        free(text);
        return NULL;
    }
    snprintf(cmd, sizeof(cmd),
             "TERM=xterm script -qec '%s%s%s import zones %s --db %s%s' /dev/null </dev/null",
             wrap && *wrap ? wrap : "", wrap && *wrap ? " " : "", khu_bin(), file, database,
             quiet ? " --quiet" : "");
    p = popen(cmd, "r");
    while (p && (got = fread(chunk, 1, sizeof(chunk), p)) > 0) {
        char *more = realloc(text, len + got + 1);
        if (!more)
            break;
        text = more;
        memcpy(text + len, chunk, got);
        len += got;
        text[len] = '\0';
    }
    if (p)
        pclose(p);
    return text;
}

static const char three_zones[] = "code,kind,name_vi\n"
                                  "kcn-p1,kcn,KCN Một\n"
                                  "kcn-p2,kcn,KCN Hai\n"
                                  "kcn-p3,kcn,KCN Ba\n";

/* On a pipe there is no status line, with or without --quiet; --quiet is
 * accepted and changes nothing else. */
static void test_progress_not_on_pipe(void)
{
    char *file = path_in("three.csv"), *out = NULL, *err = NULL;

    write_file(file, three_zones);
    CHECK_EQ_INT(khu_stderr_pipe(
                     &err, (char *[]){"import", "zones", file, "--db", path_in("pipe.db"), NULL}),
                 0);
    CHECK_EQ_STR(err, "");
    free(err);
    CHECK_EQ_INT(
        khu(&out, &err,
            (char *[]){"import", "zones", file, "--quiet", "--db", path_in("quiet.db"), NULL}),
        0);
    CHECK_EQ_STR(err, "");
    CHECK(strncmp(out, "imported 3 rows into ", 21) == 0);
    free(out);
    free(err);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"import", "--help", NULL}), 0);
    CHECK(strstr(out, "--quiet") != NULL);
    free(out);
    free(err);
}

/* A database an older khu wrote is upgraded when opened for writing, and
 * one line says so (a status line shows on a terminal while it runs); a
 * database already at the latest version, or a new one, says nothing, nor
 * does --quiet. */
static void test_upgrade_said(void)
{
    static const char other_zones[] = "code,kind,name_vi\nkcn-q1,kcn,KCN Bốn\n";
    char file[400], other[400], old[400], *err = NULL, *seen, want[96];

    snprintf(file, sizeof(file), "%s", path_in("three.csv"));
    snprintf(other, sizeof(other), "%s", path_in("other.csv"));
    snprintf(old, sizeof(old), "%s", path_in("old.db"));

    write_file(file, three_zones);
    write_file(other, other_zones);
    CHECK_EQ_INT(write_old_database(old), 0);
    CHECK_EQ_INT(khu_stderr_pipe(&err, (char *[]){"import", "zones", file, "--db", old, NULL}), 0);
    snprintf(want, sizeof(want), "khu: upgraded the database from schema version %d to %d in ",
             OLD_DATABASE_LATEST - 1, OLD_DATABASE_LATEST);
    CHECK(err && strncmp(err, want, strlen(want)) == 0 && strstr(err, " s\n") &&
          !strchr(err, '\r'));
    free(err);
    CHECK_EQ_INT(khu_stderr_pipe(&err, (char *[]){"import", "zones", other, "--db", old, NULL}), 0);
    CHECK_EQ_STR(err, "");
    free(err);
    snprintf(old, sizeof(old), "%s", path_in("old-tty.db"));
    CHECK_EQ_INT(write_old_database(old), 0);
    seen = import_on_tty(file, old, 0);
    snprintf(want, sizeof(want),
             "\rupgrading the database to schema version %d: ", OLD_DATABASE_LATEST);
    CHECK(!seen || (strstr(seen, want) && strstr(seen, "\r\033[Kkhu: upgraded the database")));
    free(seen);
    snprintf(old, sizeof(old), "%s", path_in("old-quiet.db"));
    CHECK_EQ_INT(write_old_database(old), 0);
    CHECK_EQ_INT(
        khu_stderr_pipe(&err, (char *[]){"import", "zones", file, "--quiet", "--db", old, NULL}),
        0);
    CHECK_EQ_STR(err, "");
    free(err);
}

static void test_upgrade_format(void)
{
    char line[PROGRESS_LINE_MAX];

    progress_format_upgrade(line, sizeof(line), 5, "numbering enterprises", 0.4);
    CHECK_EQ_STR(line, "upgrading the database to schema version 5: numbering enterprises");
    progress_format_upgrade(line, sizeof(line), 6, "x", 75.0);
    CHECK_EQ_STR(line, "upgrading the database to schema version 6 (1 min 15 s so far): x");
}

/* On a terminal the status line names the table and its row count, is
 * redrawn in place (CR, erase to the end of the line) and wiped before the
 * result; --quiet keeps it off. */
static void test_progress_on_tty(void)
{
    char *file = path_in("three.csv"), *seen;

    write_file(file, three_zones);
    seen = import_on_tty(file, path_in("tty.db"), 0);
    if (!seen) {
        fprintf(stderr, "test_cli: script(1) not installed; terminal progress not tested\n");
        return;
    }
    CHECK(strstr(seen, "\rimporting zones: 3 rows (100%)") != NULL);
    CHECK(strstr(seen, "\r\033[Kimported 3 rows into ") != NULL);
    free(seen);
    seen = import_on_tty(file, path_in("tty-quiet.db"), 1);
    CHECK(seen && strstr(seen, "imported 3 rows into ") != NULL);
    CHECK(seen && strstr(seen, "importing") == NULL);
    free(seen);
}

/* ===== serve ===== */

/* A database that exists is served as it is: the default data is loaded
 * into new files only. */
static void test_serve_keeps_own_data(void)
{
    const char *data = getenv("KHU_DATA") ? getenv("KHU_DATA") : "data";
    char *own = path_in("own.db"), sectors[512], *out = NULL, *err = NULL;
    struct server srv;
    struct reply r;

    snprintf(sectors, sizeof(sectors), "%s/sectors.csv", data);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"import", "sectors", sectors, "--db", own, NULL}), 0);
    free(out);
    free(err);
    CHECK(server_start(&srv, own, NULL) == 0);
    CHECK(http_get(srv.port, "/api/v1/zones", NULL, &r) == 0);
    CHECK(strstr(r.body, "\"total\":0,") != NULL);
    reply_free(&r);
    CHECK(http_get(srv.port, "/api/v1/sectors?limit=1", NULL, &r) == 0);
    CHECK(strstr(r.body, "\"total\":0,") == NULL);
    reply_free(&r);
    CHECK_EQ_INT(server_stop(&srv), 0);
}

/* ===== crash ===== */

static void write_big_enterprises(const char *file, long rows)
{
    FILE *f = fopen(file, "w");
    long i;

    fputs("tax_code,name,name_en,country,ownership,employees,supplier\n", f);
    for (i = 0; i < rows; i++)
        fprintf(f, "%010ld,Công ty TNHH Số %ld,Company %ld,VN,domestic,%ld,%ld\n", 1000000000 + i,
                i, i, i % 5000, i % 2);
    fclose(f);
}

static void test_kill_during_import(void)
{
    char *file = path_in("big.csv"), *before = export_table(db, "enterprises"), *after;
    char *out = NULL, *err = NULL, *argv[48], *wrap = wrap_env();
    char *args[] = {"import", "enterprises", file, "--db", db, NULL};
    struct timespec pause = {0, 100 * 1000 * 1000};
    char wal[400];
    int status = 0, tries;
    pid_t pid;

    write_big_enterprises(file, 300000);
    pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        build_argv(argv, 48, wrap, args);
        execvp(argv[0], argv);
        _exit(127);
    }
    free(wrap);
    /* wait until the import has written a good part of its transaction to
     * the write-ahead log (bounded: 60 s), then kill it */
    snprintf(wal, sizeof(wal), "%s-wal", db);
    for (tries = 0; tries < 600; tries++) {
        struct stat st;
        if (stat(wal, &st) == 0 && st.st_size > 4 * 1024 * 1024)
            break;
        nanosleep(&pause, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    /* it was killed mid-way, not finished */
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    after = export_table(db, "enterprises");
    CHECK_EQ_STR(after, before);
    CHECK_EQ_INT(khu(&out, &err, (char *[]){"check", "--db", db, NULL}), 0);
    free(out);
    free(err);
    free(before);
    free(after);
    unlink(file);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/main.db", dir);
    load_default(db);
    test_import_errors();
    test_header_errors();
    test_round_trip();
    test_geojson_and_json();
    test_replace();
    test_backup_and_check();
    test_usage();
    test_progress_format();
    test_upgrade_format();
    test_upgrade_said();
    test_progress_not_on_pipe();
    test_progress_on_tty();
    test_serve_keeps_own_data();
    test_kill_during_import();
    remove_tree(dir);
    return test_report("test_cli");
}
