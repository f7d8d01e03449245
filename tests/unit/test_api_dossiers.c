/* SPDX-License-Identifier: MIT */
/*
 * The dossier workflow over HTTP, on the default data set with two test
 * enterprises and one consulted department added: an investor files for
 * a new project in Long Hậu park (the Economic Zone Management Board
 * receives it); the officer accepts it on 9/2/2026 (the law's 35 calendar
 * days for the dossier; 7 working days set by the officer for the
 * consultations, whose limit no source gives), and the consultations open
 * for the procedure's department and the one the officer names; a
 * department's queue and the public stage by code and secret; on 27/2 a
 * question answered restarts its clock, an opinion is given (the investor
 * sees that it was, not what it says), the dossier is appraised and
 * decided. Who may see and do what, the problems named, and the audit
 * trail of each act.
 */
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "client.h"
#include "store/import.h"
#include "store/store.h"
#include "api_world.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-dossiers-XXXXXX";
static char db[300];
static struct server srv;
static char investor[128], other_investor[128], officer[128], construction[128], environment[128],
    admin[128], viewer[128];
static char code[64], secret[128];

#define PASSWORD     WORLD_PASSWORD
#define BOARD        "tay-ninh-ban-quan-ly-khu-kinh-te"
#define CONSTRUCTION "tay-ninh-so-xay-dung"
#define ENVIRONMENT  "tay-ninh-so-nong-nghiep-moi-truong"

/* Two enterprises to invest, and a department the procedure consults (a
 * test's configuration: the shipped data names none). */
static void add_test_rows(void)
{
    static const char enterprises[] = "tax_code,name,ownership\n0312345678,Hanil Vina,fdi\n"
                                      "0399999999,Other Co,domestic\n";
    static const char consulted[] = "procedure,location,department,role\n"
                                    "policy_approval,in_park," ENVIRONMENT ",consulted\n";

    world_import(db, (const char *const[]){"enterprises", enterprises, "procedure_departments",
                                           consulted, NULL});
}

/* method target as the holder of token (NULL: nobody) with a JSON body. */
static int send_as(const char *token, const char *method, const char *target, const char *body,
                   struct reply *r)
{
    char headers[512];

    snprintf(headers, sizeof(headers), "Content-Type: application/json\r\n%s%s%s",
             token ? "Authorization: Bearer " : "", token ? token : "", token ? "\r\n" : "");
    return http_send(srv.port, method, target, headers, body, r);
}

#define call(token, method, target, body, want)                                                    \
    world_call(srv.port, token, method, target, body, NULL, want)
#define str world_str

static long long num(json_t *o, const char *key)
{
    return json_integer_value(json_object_get(o, key));
}

static char *path(const char *fmt)
{
    static char out[4][200];
    static int i;

    i = (i + 1) % 4;
    snprintf(out[i], sizeof(out[i]), fmt, code);
    return out[i];
}

/* The consultation of dept in the dossier j. */
static json_t *consultation(json_t *j, const char *dept)
{
    size_t i;
    json_t *c;

    json_array_foreach(json_object_get(j, "consultations"), i,
                       c) if (!strcmp(str(c, "department"), dept)) return c;
    return NULL;
}

static int start_on(const char *day)
{
    setenv("KHU_TODAY", day, 1);
    return server_start(&srv, db, "");
}

/* POSTs body (text, no NUL) as a document of type to the dossier, as token,
 * with more header lines (may be ""). */
static int upload(const char *token, const char *type, const char *name, const char *body,
                  const char *more, struct reply *r)
{
    char headers[512], target[200];

    snprintf(headers, sizeof(headers), "Content-Type: %s\r\nAuthorization: Bearer %s\r\n%s", type,
             token, more);
    snprintf(target, sizeof(target), "/api/v1/dossiers/%s/documents?name=%s", code, name);
    return http_send(srv.port, "POST", target, headers, body, r);
}

/* Documents: the types and bytes a browser would not run, the size, who
 * may add and read them, and how they are served. */
static void test_documents(void)
{
    static const char pdf[] = "%PDF-1.7\n% a plan of the site\n%%EOF\n";
    char raw[512], *big;
    struct reply r;
    json_t *j;
    size_t n = 3 * 1024 * 1024;

    CHECK_EQ_INT(upload(investor, "application/pdf", "site-plan.pdf", pdf, "", &r), 0);
    CHECK_EQ_INT(r.status, 201);
    j = json_loads(r.body ? r.body : "", 0, NULL);
    CHECK_EQ_INT(num(j, "n"), 1);
    json_decref(j);
    reply_free(&r);
    /* a page's script, whatever it is called */
    CHECK_EQ_INT(upload(investor, "text/html", "x.html", "<script>alert(1)</script>", "", &r), 0);
    CHECK_EQ_INT(r.status, 415);
    reply_free(&r);
    CHECK_EQ_INT(upload(investor, "application/pdf", "x.pdf", "<script>alert(1)</script>", "", &r),
                 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(r.body && strstr(r.body, "document_bytes") != NULL);
    reply_free(&r);
    /* another site's page may not send one */
    CHECK_EQ_INT(
        upload(investor, "application/pdf", "x.pdf", pdf, "Origin: https://evil.example\r\n", &r),
        0);
    CHECK_EQ_INT(r.status, 403);
    reply_free(&r);
    CHECK_EQ_INT(upload(other_investor, "application/pdf", "x.pdf", pdf, "", &r), 0);
    CHECK_EQ_INT(r.status, 404);
    reply_free(&r);
    /* over 20 MB: refused from its declared length, before the body */
    snprintf(raw, sizeof(raw),
             "POST /api/v1/dossiers/%s/documents?name=big.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n"
             "Connection: close\r\nContent-Type: application/pdf\r\nAuthorization: Bearer "
             "%s\r\nContent-Length: %d\r\n\r\n",
             code, investor, 20 * 1024 * 1024 + 1);
    CHECK_EQ_INT(http_raw(srv.port, raw, strlen(raw), &r), 0);
    CHECK_EQ_INT(r.status, 413);
    reply_free(&r);
    /* 3 MB, larger than any JSON body may be */
    big = malloc(n + 1);
    CHECK(big != NULL);
    if (big) {
        memset(big, 'a', n);
        memcpy(big, "%PDF-", 5);
        big[n] = '\0';
        CHECK_EQ_INT(upload(investor, "application/pdf", "scan.pdf", big, "", &r), 0);
        CHECK_EQ_INT(r.status, 201);
        reply_free(&r);
        free(big);
    }
    /* served as an attachment, byte for byte, to those who may see it */
    CHECK_EQ_INT(send_as(officer, "GET", path("/api/v1/dossiers/%s/documents/1"), NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_INT(r.body_len, sizeof(pdf) - 1);
    CHECK(r.body && !memcmp(r.body, pdf, sizeof(pdf) - 1));
    CHECK_EQ_STR(reply_header(&r, "Content-Type"), "application/pdf");
    CHECK_EQ_STR(reply_header(&r, "Content-Disposition"), "attachment; filename=\"site-plan.pdf\"");
    CHECK_EQ_STR(reply_header(&r, "X-Content-Type-Options"), "nosniff");
    reply_free(&r);
    json_decref(call(other_investor, "GET", path("/api/v1/dossiers/%s/documents/1"), NULL, 404));
    json_decref(call(officer, "GET", path("/api/v1/dossiers/%s/documents/9"), NULL, 404));
    j = call(investor, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    CHECK_EQ_INT(json_array_size(json_object_get(j, "documents")), 2);
    CHECK_EQ_INT(num(json_array_get(json_object_get(j, "documents"), 1), "bytes"), (long long)n);
    json_decref(j);
}

/* 9/2/2026: filing, who sees it, acceptance, the queue, the public stage. */
static void test_first_day(void)
{
    struct reply r;
    json_t *j, *c;

    /* refused before anything is written */
    j = call(NULL, "POST", "/api/v1/dossiers", "{\"procedure\":\"irc_issue\"}", 401);
    json_decref(j);
    j = call(officer, "POST", "/api/v1/dossiers", "{\"procedure\":\"irc_issue\"}", 403);
    json_decref(j);
    j = call(investor, "POST", "/api/v1/dossiers?lang=ko",
             "{\"procedure\":\"visa\",\"project_name\":\"x\"}", 400);
    CHECK(j && strstr(str(j, "detail"), "procedure") != NULL);
    json_decref(j);
    /* a value's own rule, said in the language asked, on the field the investor gave */
    j = call(investor, "POST", "/api/v1/dossiers?lang=ko",
             "{\"procedure\":\"irc_issue\",\"project_name\":\"Kho\\u0001\"}", 400);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "errors"), 0), "param"), "project_name");
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "errors"), 0), "rule"), "control");
    CHECK(strstr(str(j, "detail"), "Contains") == NULL); /* not the English */
    json_decref(j);
    j = call(investor, "POST", "/api/v1/dossiers?lang=en",
             "{\"procedure\":\"irc_issue\",\"project_name\":\"Kho\",\"zone_code\":\"nope\"}", 400);
    CHECK_EQ_STR(str(j, "detail"), "Names no row of zones.");
    json_decref(j);
    j = call(investor, "POST", "/api/v1/dossiers", "{\"procedure\":\"irc_issue\",\"x\":1}", 400);
    CHECK_EQ_STR(str(j, "detail"), "Unknown field \"x\".");
    json_decref(j);
    j = call(investor, "POST", "/api/v1/dossiers", "{\"procedure\":\"irc_issue\"}", 400);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "errors"), 0), "param"), "project_name");
    json_decref(j);
    CHECK_EQ_INT(http_send(srv.port, "POST", "/api/v1/dossiers",
                           "Content-Type: text/plain\r\nAuthorization: Bearer x\r\n",
                           "{\"procedure\":\"irc_issue\"}", &r),
                 0);
    CHECK(r.status == 415 || r.status == 401);
    reply_free(&r);

    /* filed for a new project in Long Hậu park */
    j = call(investor, "POST", "/api/v1/dossiers",
             "{\"procedure\":\"policy_approval\",\"project_name\":\"Nhà máy linh kiện Hanil\","
             "\"zone_code\":\"kcn-long-hau\"}",
             201);
    snprintf(code, sizeof(code), "%s", str(j, "code"));
    snprintf(secret, sizeof(secret), "%s", str(j, "secret"));
    CHECK(!strncmp(code, "hs-20260209-", 12));
    CHECK(!strncmp(secret, "khu_ds_", 7));
    CHECK_EQ_STR(str(j, "stage"), "received");
    json_decref(j);
    test_documents();

    /* the investor and the staff see it; another investor and a
     * department not consulted do not */
    j = call(investor, "GET", "/api/v1/dossiers", NULL, 200);
    CHECK_EQ_INT(num(j, "total"), 1);
    json_decref(j);
    j = call(other_investor, "GET", "/api/v1/dossiers", NULL, 200);
    CHECK_EQ_INT(num(j, "total"), 0);
    json_decref(j);
    json_decref(call(other_investor, "GET", path("/api/v1/dossiers/%s"), NULL, 404));
    json_decref(call(construction, "GET", path("/api/v1/dossiers/%s"), NULL, 404));
    j = call(officer, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    CHECK_EQ_STR(str(j, "receiving_department"), BOARD);
    CHECK_EQ_STR(str(j, "zone_code"), "kcn-long-hau");
    CHECK_EQ_STR(str(json_object_get(j, "clock"), "state"), "not_started");
    json_decref(j);

    /* accepted: the law gives 35 calendar days for the dossier, and no
     * limit for a consultation, which the officer sets */
    j = call(officer, "POST", path("/api/v1/dossiers/%s/accept"),
             "{\"limit_days\":20,\"limit_kind\":\"working\"}", 400);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "errors"), 0), "rule"), "limit_known");
    json_decref(j);
    json_decref(call(investor, "POST", path("/api/v1/dossiers/%s/accept"), "{}", 403));
    json_decref(call(officer, "POST", path("/api/v1/dossiers/%s/approve"), "{}", 404));
    j = call(officer, "POST", path("/api/v1/dossiers/%s/accept"),
             /* the procedure's department named again, and one twice: one each */
             "{\"departments\":[\"" CONSTRUCTION "\",\"" ENVIRONMENT "\",\"" CONSTRUCTION
             "\"],\"consult_days\":7,\"consult_kind\":\"working\"}",
             200);
    CHECK_EQ_STR(str(j, "stage"), "consulting");
    CHECK_EQ_INT(num(j, "consultations"), 2); /* the procedure's and the officer's */
    json_decref(j);
    j = call(officer, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    CHECK_EQ_STR(str(j, "limit_code"), "policy-approval-total-law61");
    CHECK_EQ_STR(str(json_object_get(j, "clock"), "due"), "2026-03-16");
    CHECK_EQ_INT(num(json_object_get(j, "clock"), "working_days_left"), 20);
    c = consultation(j, CONSTRUCTION);
    CHECK(c != NULL);
    CHECK(json_is_null(json_object_get(c, "limit_code"))); /* the officer's, not a law's */
    CHECK_EQ_INT(num(c, "limit_days"), 7);
    CHECK_EQ_STR(str(json_object_get(c, "clock"), "due"), "2026-02-25"); /* across Tết */
    CHECK(consultation(j, ENVIRONMENT) != NULL);
    json_decref(j);
    json_decref(call(officer, "POST", path("/api/v1/dossiers/%s/accept"), "{}", 409));

    /* the department's queue: its own, soonest first */
    j = call(construction, "GET", "/api/v1/departments/" CONSTRUCTION "/queue", NULL, 200);
    CHECK_EQ_INT(json_array_size(json_object_get(j, "items")), 1);
    c = json_array_get(json_object_get(j, "items"), 0);
    CHECK_EQ_STR(str(c, "dossier_code"), code);
    CHECK_EQ_STR(str(c, "project_name"), "Nhà máy linh kiện Hanil");
    CHECK_EQ_INT(num(json_object_get(c, "clock"), "working_days_left"), 7);
    json_decref(j);
    json_decref(call(environment, "GET", "/api/v1/departments/" CONSTRUCTION "/queue", NULL, 404));
    json_decref(call(officer, "GET", "/api/v1/departments/nowhere/queue", NULL, 404));

    /* the stage, by code and secret, without signing in */
    j = call(NULL, "POST", "/api/v1/dossier_stage", "{\"code\":\"x\",\"secret\":\"khu_ds_guess\"}",
             404);
    json_decref(j);
    /* a secret left out is said to be missing, not looked up */
    j = call(NULL, "POST", "/api/v1/dossier_stage", "{\"code\":\"x\"}", 400);
    CHECK_EQ_STR(str(j, "param"), "secret");
    json_decref(j);
    {
        char body[300];
        snprintf(body, sizeof(body), "{\"code\":\"%s\",\"secret\":\"%s\"}", code, secret);
        j = call(NULL, "POST", "/api/v1/dossier_stage", body, 200);
        CHECK_EQ_STR(str(j, "stage"), "consulting");
        CHECK_EQ_INT(json_array_size(json_object_get(j, "departments")), 2);
        CHECK(json_is_false(
            json_object_get(json_array_get(json_object_get(j, "departments"), 0), "answered")));
        json_decref(j);
    }

    /* the Department of Construction asks the investor: its clock stops */
    j = call(construction, "POST", path("/api/v1/dossiers/%s/ask"),
             "{\"question\":\"Xin bản vẽ mặt bằng tổng thể\"}", 200);
    CHECK_EQ_INT(num(j, "n"), 1);
    json_decref(j);
    /* the queue asked for again shows it at once (the answer kept is dropped) */
    j = call(construction, "GET", "/api/v1/departments/" CONSTRUCTION "/queue", NULL, 200);
    c = json_array_get(json_object_get(j, "items"), 0);
    CHECK_EQ_STR(str(json_object_get(c, "clock"), "state"), "paused");
    json_decref(j);
    json_decref(
        call(construction, "POST", path("/api/v1/dossiers/%s/ask"), "{\"question\":1}", 400));
}

/* An admin makes the environment department's user its head, with an
 * address: alerted when its opinions are overdue. */
static void test_contact(void)
{
    json_t *j;

    j = call(admin, "PATCH", "/api/v1/users/snnmt.user", "{\"email\":\"not mail\"}", 400);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "errors"), 0), "rule"), "email");
    json_decref(j);
    json_decref(call(admin, "PATCH", "/api/v1/users/le.officer", "{\"head\":true}", 400));
    json_decref(call(officer, "PATCH", "/api/v1/users/snnmt.user", "{\"head\":true}", 403));
    j = call(admin, "PATCH", "/api/v1/users/snnmt.user",
             "{\"email\":\"head@snnmt.example\",\"head\":true}", 200);
    json_decref(j);
    j = call(admin, "GET", "/api/v1/users", NULL, 200);
    {
        size_t i;
        json_t *u;
        int seen = 0;
        json_array_foreach(json_object_get(j, "users"), i,
                           u) if (!strcmp(str(u, "name"), "snnmt.user"))
        {
            seen = 1;
            CHECK_EQ_STR(str(u, "email"), "head@snnmt.example");
            CHECK(json_is_true(json_object_get(u, "head")));
        }
        CHECK(seen);
    }
    json_decref(j);
}

/* The alerts made when the server started on 27/2 (its reminder thread
 * runs at once): the environment department's opinion, due 25/2, is
 * overdue; the officer and the department's head are told, in the web
 * app (no relay is named: nothing is mailed). */
static void test_alerts(void)
{
    json_t *j = NULL, *n;
    int tries;

    for (tries = 0; tries < 50; tries++) { /* the thread runs beside the requests */
        json_decref(j);
        j = call(officer, "GET", "/api/v1/notifications", NULL, 200);
        if (json_array_size(json_object_get(j, "items")) > 0)
            break;
        usleep(100000);
    }
    n = json_array_get(json_object_get(j, "items"), 0);
    CHECK_EQ_STR(str(n, "kind"), "overdue");
    CHECK_EQ_STR(str(n, "department"), ENVIRONMENT);
    CHECK_EQ_STR(str(n, "due_on"), "2026-02-25");
    CHECK(json_is_null(json_object_get(n, "mailed")));
    CHECK(json_is_null(json_object_get(n, "read")));
    {
        char target[80];
        snprintf(target, sizeof(target), "/api/v1/notifications/%lld/read", num(n, "id"));
        json_decref(call(environment, "POST", target, "{}", 404)); /* not theirs */
        json_decref(call(officer, "POST", target, "{}", 200));
    }
    json_decref(j);
    j = call(officer, "GET", "/api/v1/notifications", NULL, 200);
    CHECK(!json_is_null(json_object_get(json_array_get(json_object_get(j, "items"), 0), "read")));
    json_decref(j);
    j = call(environment, "GET", "/api/v1/notifications", NULL, 200);
    CHECK_EQ_INT(json_array_size(json_object_get(j, "items")), 1); /* the head's */
    json_decref(j);
    j = call(construction, "GET", "/api/v1/notifications", NULL, 200);
    CHECK_EQ_INT(json_array_size(json_object_get(j, "items")), 0); /* its clock stood still */
    json_decref(j);
    json_decref(call(NULL, "GET", "/api/v1/notifications", NULL, 401));
}

/* 27/2/2026: the answer that restarts a clock, opinions, appraisal and
 * decision, and the trail. */
/* The acts a dossier's answer offers its reader, joined by spaces. */
static const char *acts_of(json_t *j, char *out, size_t n)
{
    json_t *v;
    size_t i, o = 0;

    out[0] = '\0';
    json_array_foreach(json_object_get(j, "acts"), i, v) o +=
        (size_t)snprintf(out + o, o < n ? n - o : 0, "%s%s", i ? " " : "", json_string_value(v));
    return out;
}

/* A clock that counts into a year whose calendar is provisional says so,
 * and one within an official year does not. */
static void test_year_end(void)
{
    char year_end[64], acts[128];
    json_t *j, *c;

    j = call(investor, "POST", "/api/v1/dossiers",
             "{\"procedure\":\"irc_adjust\",\"project_name\":\"Xưởng mở rộng\","
             "\"zone_code\":\"kcn-long-hau\"}",
             201);
    snprintf(year_end, sizeof(year_end), "/api/v1/dossiers/%s", str(j, "code"));
    json_decref(j);
    snprintf(code, sizeof(code), "%s", year_end + strlen("/api/v1/dossiers/"));
    j = call(officer, "POST", path("/api/v1/dossiers/%s/accept"),
             "{\"limit_days\":15,\"limit_kind\":\"working\",\"consult_days\":3,"
             "\"consult_kind\":\"working\",\"departments\":[\"" CONSTRUCTION "\"]}",
             200);
    json_decref(j);
    j = call(officer, "GET", year_end, NULL, 200);
    c = json_object_get(j, "clock");
    CHECK_EQ_STR(str(c, "state"), "running");
    CHECK(strncmp(str(c, "due"), "2027-01-", 8) == 0);
    CHECK_EQ_STR(str(c, "calendar"), "provisional");
    /* three working days from Mon 21/12 end within 2026 */
    c = json_object_get(consultation(j, CONSTRUCTION), "clock");
    CHECK_EQ_STR(str(c, "due"), "2026-12-24");
    CHECK_EQ_STR(str(c, "calendar"), "official");
    CHECK_EQ_STR(acts_of(j, acts, sizeof(acts)), "ask appraise");
    json_decref(j);
    /* each party is offered its own acts, a viewer none */
    j = call(investor, "GET", year_end, NULL, 200);
    CHECK_EQ_STR(acts_of(j, acts, sizeof(acts)), "upload answer withdraw");
    json_decref(j);
    j = call(construction, "GET", year_end, NULL, 200);
    CHECK_EQ_STR(acts_of(j, acts, sizeof(acts)), "upload ask opinion");
    json_decref(j);
    j = call(viewer, "GET", year_end, NULL, 200);
    CHECK(j && !json_object_get(j, "acts"));
    json_decref(j);
}

static void test_later_day(void)
{
    json_t *j, *c;

    test_alerts();
    j = call(construction, "GET", "/api/v1/departments/" CONSTRUCTION "/queue", NULL, 200);
    c = json_array_get(json_object_get(j, "items"), 0);
    CHECK_EQ_STR(str(json_object_get(c, "clock"), "state"), "paused");
    /* should it be answered today: 7 working days from Mon 2/3 */
    CHECK_EQ_STR(str(json_object_get(c, "clock"), "due"), "2026-03-10");
    json_decref(j);

    /* no appraisal while a department's own question stops its clock (the
     * other department, overdue, no longer holds it up) */
    j = call(officer, "POST", path("/api/v1/dossiers/%s/appraise"), "{\"appraisal\":\"x\"}", 409);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "errors"), 0), "rule"), "waiting");
    json_decref(j);

    /* the investor answers; the officer may not */
    json_decref(call(officer, "POST", path("/api/v1/dossiers/%s/answer"),
                     "{\"n\":1,\"answer\":\"x\"}", 403));
    j = call(investor, "POST", path("/api/v1/dossiers/%s/answer"),
             "{\"n\":1,\"answer\":\"Bản vẽ đã nộp kèm\"}", 200);
    json_decref(j);
    json_decref(call(investor, "POST", path("/api/v1/dossiers/%s/answer"),
                     "{\"n\":1,\"answer\":\"again\"}", 409));
    j = call(construction, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    c = consultation(j, CONSTRUCTION);
    CHECK_EQ_STR(str(c, "due_on"), "2026-03-10");
    CHECK_EQ_STR(str(json_object_get(c, "clock"), "state"), "running");
    CHECK_EQ_INT(num(json_object_get(c, "clock"), "working_days_left"), 7);
    /* the other department's clock ran on: due Wed 25/2, overdue by Thu 26, Fri 27 */
    c = consultation(j, ENVIRONMENT);
    CHECK(json_is_true(json_object_get(json_object_get(c, "clock"), "overdue")));
    CHECK_EQ_INT(num(json_object_get(c, "clock"), "working_days_left"), -2);
    json_decref(j);

    /* a department's attachment is part of its opinion: not for the investor */
    {
        static const char pdf[] = "%PDF-1.7\n% conditions of the fire police\n%%EOF\n";
        struct reply r;
        CHECK_EQ_INT(upload(construction, "application/pdf", "conditions.pdf", pdf, "", &r), 0);
        CHECK_EQ_INT(r.status, 201);
        reply_free(&r);
    }
    json_decref(call(officer, "GET", path("/api/v1/dossiers/%s/documents/3"), NULL, 200));
    json_decref(call(investor, "GET", path("/api/v1/dossiers/%s/documents/3"), NULL, 404));
    j = call(investor, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    CHECK_EQ_INT(json_array_size(json_object_get(j, "documents")), 2);
    json_decref(j);
    j = call(officer, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    CHECK_EQ_INT(json_array_size(json_object_get(j, "documents")), 3);
    json_decref(j);

    /* opinions */
    j = call(construction, "POST", path("/api/v1/dossiers/%s/opinion?lang=vi"),
             "{\"opinion\":\"agree_with_conditions\"}", 400);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "errors"), 0), "param"), "note");
    json_decref(j);
    json_decref(call(construction, "POST", path("/api/v1/dossiers/%s/opinion"),
                     "{\"opinion\":\"agree_with_conditions\",\"note\":\"Bổ sung phương án "
                     "PCCC\"}",
                     200));
    json_decref(call(construction, "POST", path("/api/v1/dossiers/%s/opinion"),
                     "{\"opinion\":\"agree\"}", 409));
    json_decref(call(environment, "POST", path("/api/v1/dossiers/%s/opinion"),
                     "{\"opinion\":\"agree\"}", 200));
    /* the investor sees that they answered, not what they said */
    j = call(investor, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    c = consultation(j, CONSTRUCTION);
    CHECK_EQ_STR(str(c, "answered_on"), "2026-02-27");
    CHECK(json_object_get(c, "opinion") == NULL && json_object_get(c, "note") == NULL);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "questions"), 0), "answer"),
                 "Bản vẽ đã nộp kèm");
    json_decref(j);
    j = call(officer, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    c = consultation(j, CONSTRUCTION);
    CHECK_EQ_STR(str(c, "opinion"), "agree_with_conditions");
    CHECK(json_is_false(json_object_get(json_object_get(c, "clock"), "late")));
    CHECK(json_is_true(
        json_object_get(json_object_get(consultation(j, ENVIRONMENT), "clock"), "late")));
    json_decref(j);

    /* appraisal and decision */
    json_decref(call(officer, "POST", path("/api/v1/dossiers/%s/decide"),
                     "{\"decision\":\"approved\"}", 409));
    json_decref(call(officer, "POST", path("/api/v1/dossiers/%s/appraise"),
                     "{\"appraisal\":\"Đủ điều kiện chấp thuận\"}", 200));
    j = call(officer, "POST", path("/api/v1/dossiers/%s/decide"),
             "{\"decision\":\"approved\",\"certificate_no\":\"15/QĐ-UBND\"}", 200);
    CHECK_EQ_STR(str(j, "stage"), "decided");
    json_decref(j);
    j = call(investor, "GET", path("/api/v1/dossiers/%s"), NULL, 200);
    CHECK_EQ_STR(str(j, "certificate_no"), "15/QĐ-UBND");
    c = json_object_get(j, "clock");
    CHECK_EQ_STR(str(c, "state"), "done");
    CHECK(json_is_false(json_object_get(c, "late")));
    CHECK_EQ_INT(num(c, "working_days_taken"), 9); /* 10 .. 13/2, 23 .. 27/2 */
    json_decref(j);
    j = call(investor, "POST", path("/api/v1/dossiers/%s/withdraw"), "{}", 409);
    CHECK(strstr(str(j, "detail"), "the dossier is decided") != NULL);
    json_decref(j);
    j = call(investor, "POST", path("/api/v1/dossiers/%s/withdraw?lang=ko"), "{}", 409);
    CHECK(strstr(str(j, "detail"), "결정이 내려졌습니다") != NULL);
    json_decref(j);

    /* the public figures: counts and days, no dossier named */
    j = call(NULL, "GET", "/api/v1/dossier_stats?by=department&lang=en", NULL, 200);
    {
        json_t *items = json_object_get(j, "items"), *g;
        size_t i;
        int seen = 0;
        json_array_foreach(items, i, g)
        {
            if (!strcmp(str(g, "group"), CONSTRUCTION)) {
                seen++;
                CHECK_EQ_INT(num(g, "handled"), 1);
                CHECK_EQ_INT(num(g, "on_time"), 1);
                /* asked on the day it was sent, answered the day it gave its opinion:
                 * its clock never ran */
                CHECK_EQ_DBL(json_number_value(json_object_get(g, "median_working_days")), 0, 0);
                CHECK_EQ_STR(str(g, "name"), "Tay Ninh Department of Construction");
            }
            if (!strcmp(str(g, "group"), ENVIRONMENT)) {
                seen++;
                CHECK_EQ_INT(num(g, "on_time"), 0);
                CHECK_EQ_DBL(json_number_value(json_object_get(g, "on_time_share")), 0, 0);
                CHECK_EQ_DBL(json_number_value(json_object_get(g, "p90_working_days")), 9, 0);
            }
            CHECK_EQ_INT(num(g, "overdue"), 0);
        }
        CHECK_EQ_INT(seen, 2);
        {
            char *text = json_dumps(j, 0);
            CHECK(text && !strstr(text, code) && !strstr(text, "Hanil")); /* no dossier named */
            free(text);
        }
    }
    json_decref(j);
    j = call(NULL, "GET", "/api/v1/dossier_stats?by=procedure", NULL, 200);
    {
        json_t *items = json_object_get(j, "items"), *g;
        size_t i;
        CHECK_EQ_INT(json_array_size(items), 6); /* every procedure, handled or not */
        json_array_foreach(items, i, g) if (!strcmp(str(g, "group"), "policy_approval"))
        {
            CHECK_EQ_INT(num(g, "handled"), 1);
            CHECK_EQ_DBL(json_number_value(json_object_get(g, "on_time_share")), 1, 0);
            CHECK_EQ_DBL(json_number_value(json_object_get(g, "median_working_days")), 9, 0);
        }
        else CHECK_EQ_INT(num(g, "handled"), 0);
    }
    json_decref(j);
    {
        struct reply r;
        CHECK_EQ_INT(http_get(srv.port, "/api/v1/dossier_stats.csv?by=procedure", NULL, &r), 0);
        CHECK_EQ_INT(r.status, 200);
        CHECK(r.body && strstr(r.body, "policy_approval,,,,1,1,1,1,9,9,0,0\r\n") != NULL);
        reply_free(&r);
        CHECK_EQ_INT(http_get(srv.port, "/api/v1/dossier_stats.xlsx", NULL, &r), 0);
        CHECK_EQ_INT(r.status, 200);
        CHECK(r.body_len > 4 && !memcmp(r.body, "PK", 2)); /* a zip: the workbook */
        reply_free(&r);
    }
    json_decref(call(NULL, "GET", "/api/v1/dossier_stats?by=investor", NULL, 400));
    json_decref(call(NULL, "GET", "/api/v1/dossier_stats?from=2026-13-01", NULL, 400));
    j = call(NULL, "GET", "/api/v1/dossier_stats?by=procedure&from=2026-03-01", NULL, 200);
    CHECK_EQ_INT(num(json_array_get(json_object_get(j, "items"), 0), "handled"), 0);
    json_decref(j);

    /* every act in the trail, with its actor */
    j = call(officer, "GET", path("/api/v1/audit?table=dossiers&key=%s"), NULL, 200);
    CHECK(j != NULL);
    if (j) {
        json_t *items = json_object_get(j, "records");
        CHECK_EQ_INT(json_array_size(items), 4); /* filed, accepted, appraised, decided */
        CHECK_EQ_STR(str(json_array_get(items, 0), "actor"), "le.officer");
        CHECK_EQ_STR(str(json_array_get(items, json_array_size(items) - 1), "actor"),
                     "hanil.investor");
    }
    json_decref(j);
}

int main(void)
{
    char *out = NULL;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/dossiers.db", dir);
    CHECK_EQ_INT(world_khu(NULL, (char *[]){"import", "--dir", "data", "--db", db, NULL}, &out), 0);
    free(out);
    add_test_rows();
    world_user(db, "hanil.investor", "investor", "0312345678", investor, sizeof(investor));
    world_user(db, "other.investor", "investor", "0399999999", other_investor,
               sizeof(other_investor));
    world_user(db, "le.officer", "officer", NULL, officer, sizeof(officer));
    world_user(db, "sxd.user", "department", CONSTRUCTION, construction, sizeof(construction));
    world_user(db, "snnmt.user", "department", ENVIRONMENT, environment, sizeof(environment));
    world_user(db, "root.admin", "admin", NULL, admin, sizeof(admin));
    world_user(db, "an.viewer", "viewer", NULL, viewer, sizeof(viewer));
    if (start_on("2026-02-09") == 0) {
        test_first_day();
        test_contact();
        CHECK_EQ_INT(server_stop(&srv), 0);
        if (start_on("2026-02-27") == 0) {
            test_later_day();
            CHECK_EQ_INT(server_stop(&srv), 0);
            if (start_on("2026-12-21") == 0) {
                test_year_end();
                CHECK_EQ_INT(server_stop(&srv), 0);
            } else
                TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start on 2026-12-21");
        } else
            TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start again");
    } else {
        TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start");
    }
    remove_tree(dir);
    return test_report("test_api_dossiers");
}
