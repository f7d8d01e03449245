/* SPDX-License-Identifier: MIT */
/*
 * `khu demo` with the real binary: a new database with the default data
 * and the synthetic layer, whose dossiers reach every stage (received,
 * returned, consulting in time, with a question open and with a
 * department overdue, appraised, approved with a certificate, rejected,
 * withdrawn, and one whose clock runs across Tết 2026), every row citing
 * khu-demo; the database passes khu check and its audit trail holds; the
 * accounts exist with their roles and the printed password signs in; an
 * existing file is refused without --force; and /api/v1/config says the
 * data are synthetic on it and not on the default data.
 */
#include <jansson.h>

#include "client.h"
#include "rmtree.h"
#include "test.h"

#define TODAY "2026-11-25"
#define CITE  "Synthetic demonstration data made by khu demo (not real data)"

static char dir[] = "/tmp/khu-cli-demo-XXXXXX";
static char db[300], password[64];
static char *out, *err;

/* Runs khu with args (NULL-terminated); keeps stdout and stderr in out and
 * err (freed by the next call). Returns the exit status. */
static int khu(char *const *args)
{
    free(out);
    free(err);
    out = err = NULL;
    return run_khu(args, &out, &err);
}

#define KHU(...) khu((char *[]){__VA_ARGS__, NULL})

static int has(const char *text, const char *needle)
{
    return text && strstr(text, needle);
}

/* The rows of table as a JSON array (owned by the caller), or NULL. */
static json_t *rows_of(const char *table)
{
    json_error_t jerr;

    if (KHU("export", (char *)table, "--format", "json", "--db", db) != 0)
        return NULL;
    return json_loads(out, 0, &jerr);
}

static const char *text(json_t *row, const char *key)
{
    const char *s = json_string_value(json_object_get(row, key));

    return s ? s : "";
}

static int null(json_t *row, const char *key)
{
    return json_is_null(json_object_get(row, key));
}

static void test_make(void)
{
    const char *p;

    snprintf(db, sizeof(db), "%s/demo.db", dir);
    CHECK_EQ_INT(KHU("demo", "--db", db, "--today", TODAY), 0);
    CHECK(has(out, "24 dossiers"));
    CHECK(has(out, "Tết 2026"));
    CHECK(has(out, "demo-investor    investor    9999000011"));
    p = strstr(out ? out : "", "password: ");
    CHECK(p != NULL);
    if (p)
        snprintf(password, sizeof(password), "%.*s", (int)strcspn(p + 10, "\n"), p + 10);
    CHECK_EQ_INT((int)strlen(password), 19); /* four groups of four */
    /* the database is new: an existing file is refused without --force */
    CHECK_EQ_INT(KHU("demo", "--db", db, "--today", TODAY), 2);
    CHECK(has(err, "exists") && has(err, "--force"));
    CHECK_EQ_INT(KHU("demo", "--db", db, "--today", "2025-12-31"), 2);
    CHECK_EQ_INT(KHU("demo", "--db", db, "--today", "yesterday"), 2);
    CHECK_EQ_INT(KHU("demo", "--db", db, "extra"), 2);
}

static void test_sound(void)
{
    CHECK_EQ_INT(KHU("check", "--db", db), 0);
    CHECK(has(out, "check: 0 problems"));
    CHECK_EQ_INT(KHU("audit", "verify", "--db", db), 0);
    CHECK(has(out, "the chain holds"));
    /* the default data set, as khu serve makes it, is there beneath */
    CHECK_EQ_INT(KHU("audit", "list", "--actor", "khu", "--limit", "1", "--db", db), 0);
    CHECK(has(out, "1 record"));
}

/* Every enterprise and project is the demonstration's and cites it. */
static void test_cited(void)
{
    json_t *rows = rows_of("sources"), *row;
    size_t i;
    int found = 0, bad = 0;

    json_array_foreach(rows, i, row)
    {
        if (strcmp(text(row, "code"), "khu-demo") != 0)
            continue;
        found = 1;
        CHECK_EQ_STR(text(row, "cite"), CITE);
        CHECK(has(text(row, "title_vi"), "không phải dữ liệu thật"));
        CHECK(has(text(row, "title_ko"), "실제 데이터 아님"));
    }
    CHECK(found);
    json_decref(rows);
    rows = rows_of("enterprises");
    CHECK_EQ_INT((int)json_array_size(rows), 14); /* 8, and 6 suppliers of the linkage desk */
    json_array_foreach(rows, i, row)
    {
        bad += strcmp(text(row, "source"), CITE) != 0;
        bad += !has(text(row, "name"), "(dữ liệu minh hoạ)");
        bad += !has(text(row, "name_en"), "(demonstration data)");
        bad += strncmp(text(row, "tax_code"), "99990", 5) != 0;
    }
    CHECK_EQ_INT(bad, 0);
    json_decref(rows);
    rows = rows_of("projects");
    CHECK(json_array_size(rows) >= 8);
    json_array_foreach(rows, i, row)
    {
        bad += strcmp(text(row, "source"), CITE) != 0;
        bad += strncmp(text(row, "code"), "prj-demo-", 9) != 0;
    }
    CHECK_EQ_INT(bad, 0);
    json_decref(rows);
}

/* The linkage desk's layer: its demands are made up, its matches reach
 * every stage, and its two contracts (one with a Korean-owned supplier
 * located in Long An) make the shares by location and by ownership
 * differ: 350,000 and 150,000 of a base of 1,240,000 USD. */
static void test_linkage(void)
{
    json_t *rows = rows_of("demands"), *row;
    struct server srv;
    struct reply r = {0};
    char stages[256] = "";
    size_t i;
    int bad = 0;

    CHECK_EQ_INT((int)json_array_size(rows), 5);
    json_array_foreach(rows, i, row) bad += !has(text(row, "title"), "(dữ liệu minh hoạ)");
    CHECK_EQ_INT(bad, 0);
    json_decref(rows);
    rows = rows_of("matches");
    json_array_foreach(rows, i, row) snprintf(
        stages + strlen(stages), sizeof(stages) - strlen(stages), " %s", text(row, "stage"));
    json_decref(rows);
    CHECK(has(stages, "proposed") && has(stages, "interest") && has(stages, "meeting") &&
          has(stages, "declined") && has(stages, "closed") && has(stages, "contract"));
    rows = rows_of("capabilities");
    json_array_foreach(rows, i, row) bad += strcmp(text(row, "source"), CITE) != 0;
    CHECK(json_array_size(rows) >= 10);
    CHECK_EQ_INT(bad, 0);
    json_decref(rows);
    CHECK_EQ_INT(server_start(&srv, db, NULL), 0);
    CHECK_EQ_INT(http_get(srv.port, "/api/v1/linkage/share?unit=80", NULL, &r), 0);
    CHECK(has(r.body, "\"local_usd\":350000,\"domestic_usd\":150000"));
    CHECK(has(r.body, "\"base_usd\":1240000"));
    reply_free(&r);
    CHECK_EQ_INT(server_stop(&srv), 0);
}

/* The dossiers by stage, each stage there. */
static void test_stages(void)
{
    json_t *rows = rows_of("dossiers"), *row;
    int received = 0, returned = 0, consulting = 0, appraising = 0, approved = 0, rejected = 0;
    int withdrawn = 0, bad = 0;
    size_t i;

    CHECK_EQ_INT((int)json_array_size(rows), 24);
    json_array_foreach(rows, i, row)
    {
        const char *status = text(row, "status");
        bad += strncmp(text(row, "project_code"), "prj-demo-", 9) != 0;
        bad += strcmp(text(row, "submitted_on"), TODAY) > 0;
        received += !strcmp(status, "received");
        returned += !strcmp(status, "returned") && !null(row, "missing");
        consulting += !strcmp(status, "consulting") && null(row, "appraised_on");
        appraising += !strcmp(status, "consulting") && !null(row, "appraised_on");
        approved += !strcmp(status, "decided") && !strcmp(text(row, "decision"), "approved") &&
                    text(row, "certificate_no")[0];
        rejected += !strcmp(status, "decided") && !strcmp(text(row, "decision"), "rejected");
        withdrawn += !strcmp(status, "withdrawn");
    }
    CHECK_EQ_INT(bad, 0);
    CHECK(received >= 2);
    CHECK(returned >= 2);
    CHECK(consulting >= 4);
    CHECK(appraising >= 1);
    CHECK(approved >= 2);
    CHECK(rejected >= 1);
    CHECK(withdrawn >= 1);
    json_decref(rows);
}

/* The consultations: in time, paused by a question, overdue; across Tết. */
static void test_clocks(void)
{
    json_t *rows = rows_of("consultations"), *row;
    int in_time = 0, paused = 0, overdue = 0, tet = 0, closed = 0;
    size_t i;

    json_array_foreach(rows, i, row)
    {
        int open = null(row, "answered_on") && null(row, "closed_on");
        const char *due = text(row, "due_on");
        in_time += open && due[0] && strcmp(due, TODAY) >= 0;
        paused += open && !due[0] && !null(row, "limit_days");
        overdue += open && due[0] && strcmp(due, TODAY) < 0;
        tet += strcmp(text(row, "requested_on"), "2026-02-16") < 0 &&
               strcmp(due, "2026-02-20") > 0 && strcmp(text(row, "answered_on"), "2026-02-20") > 0;
        closed += !null(row, "closed_on");
    }
    CHECK(in_time >= 2);
    CHECK(paused >= 2);
    CHECK(overdue >= 2);
    CHECK(tet >= 1);
    CHECK(closed >= 1);
    json_decref(rows);
    /* a department's question open, and one answered */
    rows = rows_of("dossier_questions");
    paused = in_time = 0;
    json_array_foreach(rows, i, row)
    {
        paused += null(row, "answered_on") && !null(row, "department");
        in_time += !null(row, "answered_on");
    }
    CHECK(paused >= 1);
    CHECK(in_time >= 1);
    json_decref(rows);
    /* documents: the investors' and a department's, tiny PDFs */
    rows = rows_of("dossier_documents");
    CHECK(json_array_size(rows) >= 5);
    closed = 0;
    json_array_foreach(rows, i, row)
    {
        closed += !null(row, "department");
    }
    CHECK(closed >= 1);
    json_decref(rows);
}

static void test_accounts(void)
{
    static const char *const expect[][2] = {
        {"demo-admin", "admin"},           {"demo-officer", "officer"},
        {"demo-viewer", "viewer"},         {"demo-investor", "investor"},
        {"demo-department", "department"}, {"demo-board", "department"},
        {"demo-supplier", "supplier"},
    };
    char line[128];
    size_t i;

    CHECK_EQ_INT(KHU("user", "list", "--db", db), 0);
    for (i = 0; i < sizeof(expect) / sizeof(expect[0]); i++) {
        const char *p = strstr(out ? out : "", expect[i][0]);
        snprintf(line, sizeof(line), "%.*s", p ? (int)strcspn(p, "\n") : 0, p ? p : "");
        CHECK(has(line, expect[i][1]));
        if (!has(line, expect[i][1]))
            fprintf(stderr, "  no %s %s in: %s\n", expect[i][0], expect[i][1], out);
    }
    CHECK(has(out, "tay-ninh-ban-quan-ly-khu-kinh-te"));
    CHECK(has(out, "tay-ninh-so-xay-dung"));
    CHECK(has(out, "9999000011"));
    CHECK(has(out, "9999000101"));
    CHECK(has(out, "7 users"));
}

static void test_served(void)
{
    struct server srv;
    struct reply r = {0};
    char body[256], other[300];

    CHECK_EQ_INT(server_start(&srv, db, NULL), 0);
    CHECK_EQ_INT(http_get(srv.port, "/api/v1/config", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"synthetic\":true"));
    reply_free(&r);
    snprintf(body, sizeof(body), "{\"user\":\"demo-investor\",\"password\":\"%s\"}", password);
    CHECK_EQ_INT(http_send(srv.port, "POST", "/api/v1/login?lang=en",
                           "Content-Type: application/json\r\n", body, &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.head, "khu_session="));
    reply_free(&r);
    snprintf(body, sizeof(body), "{\"user\":\"demo-investor\",\"password\":\"%s-x\"}", password);
    CHECK_EQ_INT(http_send(srv.port, "POST", "/api/v1/login?lang=en",
                           "Content-Type: application/json\r\n", body, &r),
                 0);
    CHECK_EQ_INT(r.status, 401);
    reply_free(&r);
    CHECK_EQ_INT(server_stop(&srv), 0);

    /* the default data set is real */
    snprintf(other, sizeof(other), "%s/default.db", dir);
    CHECK_EQ_INT(server_start(&srv, other, NULL), 0);
    CHECK_EQ_INT(http_get(srv.port, "/api/v1/config", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"synthetic\":false"));
    reply_free(&r);
    CHECK_EQ_INT(server_stop(&srv), 0);
}

static void test_force(void)
{
    char *copy;

    /* --force replaces it: a new password, nothing printed with --quiet */
    CHECK_EQ_INT(KHU("demo", "--db", db, "--force", "--quiet", "--today", TODAY), 0);
    CHECK_EQ_STR(out, "");
    CHECK_EQ_INT(KHU("audit", "verify", "--db", db), 0);
    /* KHU_TODAY is the day when --today is not given; before Tết's decision
     * the dossier across it is left out */
    setenv("KHU_TODAY", "2026-03-02", 1);
    CHECK_EQ_INT(KHU("demo", "--db", db, "--force"), 0);
    unsetenv("KHU_TODAY");
    CHECK(has(out, "as of 2026-03-02"));
    CHECK(has(out, "23 dossiers"));
    CHECK(!has(out, "Tết"));
    copy = out ? strdup(out) : NULL;
    CHECK(copy && !has(copy, password)); /* a new password each time */
    free(copy);
    CHECK_EQ_INT(KHU("check", "--db", db), 0);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    test_make();
    test_sound();
    test_cited();
    test_stages();
    test_linkage();
    test_clocks();
    test_accounts();
    test_served();
    test_force();
    free(out);
    free(err);
    remove_tree(dir);
    return test_report("test_cli_demo");
}
