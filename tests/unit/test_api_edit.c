/* SPDX-License-Identifier: MIT */
/*
 * The registry's edits over HTTP with the real server and the default
 * data: a PATCH needs If-Match (428) and is refused when the row changed
 * since it was read (412: two officers never overwrite each other); every
 * problem of a body comes back at once next to its field, with its rule,
 * in the request's language; a figure needs a source and an as-of date;
 * a written change is in the item (whose ETag leads with the new
 * version), in the lists kept in the answer cache, in the zone's history
 * and in a chain that verifies; a zone is made, never deleted, and marked
 * cancelled; an observation takes the write's source; a viewer changes
 * nothing. The inquiries' inbox: filtered by status and owner, a lead's
 * follow-up set (never the investor's own words), its CSV export safe to
 * open in a spreadsheet.
 */
#include <jansson.h>

#include "client.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-edit-XXXXXX";
static char db[300];
static struct server srv;
static char officer[128], other_officer[128], viewer[128];

#define PASSWORD "Mùa lúa chín ở Đức Hòa"
#define ZONE     "/api/v1/zones/kcn-long-hau"

static int khu(const char *input, char *const *args, char **out)
{
    char *err = NULL;
    int rc = run_khu_input(args, input ? input : "", out, &err);

    if (rc != 0)
        fprintf(stderr, "khu %s: %s", args[0], err ? err : "");
    free(err);
    return rc;
}

static void add_user(const char *name, const char *role, char *token, size_t n)
{
    char *out = NULL;

    CHECK_EQ_INT(
        khu(PASSWORD "\n",
            (char *[]){"user", "add", (char *)name, "--role", (char *)role, "--db", db, NULL},
            &out),
        0);
    free(out);
    out = NULL;
    CHECK_EQ_INT(khu(NULL, (char *[]){"token", "add", (char *)name, "--db", db, NULL}, &out), 0);
    snprintf(token, n, "%.*s", out ? (int)strcspn(out, "\n") : 0, out ? out : "");
    free(out);
}

/* method target as the holder of token (NULL: nobody), with If-Match
 * (NULL: none) and a JSON body (NULL: none). */
static int send_as(const char *token, const char *method, const char *target, const char *if_match,
                   const char *body, struct reply *r)
{
    char headers[512];

    snprintf(headers, sizeof(headers), "Content-Type: application/json\r\n%s%s%s%s%s%s",
             token ? "Authorization: Bearer " : "", token ? token : "", token ? "\r\n" : "",
             if_match ? "If-Match: " : "", if_match ? if_match : "", if_match ? "\r\n" : "");
    return http_send(srv.port, method, target, headers, body, r);
}

/* The ETag of target, in out. */
static void etag_of(const char *target, char *out, size_t n)
{
    struct reply r;
    const char *e;

    out[0] = '\0';
    if (http_get(srv.port, target, NULL, &r))
        return;
    e = reply_header(&r, "ETag");
    snprintf(out, n, "%s", e ? e : "");
    reply_free(&r);
}

/* The member path of the JSON at target ("total_ha", "source"), as JSON
 * text, in out. */
static void member_of(const char *target, const char *member, char *out, size_t n)
{
    struct reply r;
    json_t *doc, *v;
    char *text;

    out[0] = '\0';
    if (http_get(srv.port, target, NULL, &r))
        return;
    doc = json_loads(r.body, 0, NULL);
    v = doc ? json_object_get(doc, member) : NULL;
    text = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;
    snprintf(out, n, "%s", text ? text : "");
    free(text);
    json_decref(doc);
    reply_free(&r);
}

/* Whether the problem answer r lists field with rule. */
static int lists_problem(const struct reply *r, const char *field, const char *rule)
{
    json_t *doc = json_loads(r->body, 0, NULL), *e;
    size_t i;
    int found = 0;

    json_array_foreach(json_object_get(doc, "errors"), i, e)
    {
        found |= !strcmp(json_string_value(json_object_get(e, "param")) ?: "", field) &&
                 !strcmp(json_string_value(json_object_get(e, "rule")) ?: "", rule);
    }
    json_decref(doc);
    return found;
}

static void test_preconditions(void)
{
    struct reply r;
    char etag[128], value[64];

    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, NULL, "{\"fields\":{\"name_en\":\"x\"}}", &r), 0);
    CHECK_EQ_INT(r.status, 428);
    CHECK(strstr(r.body, "If-Match") != NULL);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, "*", "{\"fields\":{\"name_en\":\"x\"}}", &r), 0);
    CHECK_EQ_INT(r.status, 412); /* a change names the version it was made on */
    reply_free(&r);

    etag_of(ZONE, etag, sizeof(etag));
    CHECK(strlen(etag) > 20 && strchr(etag, '.'));
    /* a weak tag never matches */
    {
        char weak[160];
        snprintf(weak, sizeof(weak), "W/%s", etag);
        CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, weak, "{\"fields\":{\"name_en\":\"x\"}}", &r),
                     0);
        CHECK_EQ_INT(r.status, 412);
        reply_free(&r);
    }
    member_of(ZONE, "name_en", value, sizeof(value));
    CHECK_EQ_STR(value, "\"Long Hau Industrial Park\"");
}

/* Two officers read the same version; the second write is refused and the
 * first one stays. */
static void test_two_officers(void)
{
    struct reply r;
    char etag[128], value[64], target[160];

    etag_of(ZONE, etag, sizeof(etag));
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, etag,
                         "{\"fields\":{\"total_ha\":430.5},\"source\":\"Báo cáo của Ban quản "
                         "lý 10/2026\",\"as_of\":\"2026-10-01\"}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(strstr(r.body, "\"changed\":[\"total_ha\"]") != NULL);
    {
        json_t *doc = json_loads(r.body, 0, NULL);
        const char *version = json_string_value(json_object_get(doc, "version"));
        char now[128];
        etag_of(ZONE, now, sizeof(now));
        CHECK(version && strncmp(now + 1, version, strlen(version)) == 0);
        json_decref(doc);
    }
    reply_free(&r);
    CHECK_EQ_INT(
        send_as(other_officer, "PATCH", ZONE, etag,
                "{\"fields\":{\"total_ha\":999},\"source\":\"x\",\"as_of\":\"2026-10-01\"}", &r),
        0);
    CHECK_EQ_INT(r.status, 412);
    reply_free(&r);
    member_of(ZONE, "total_ha", value, sizeof(value));
    CHECK_EQ_STR(value, "430.5");

    /* the history names who, when, what and on what source */
    snprintf(target, sizeof(target), "%s/history", ZONE);
    CHECK_EQ_INT(http_get(srv.port, target, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(strstr(r.body, "\"actor\":\"lan.officer\"") != NULL);
    CHECK(strstr(r.body, "\"field\":\"total_ha\",\"before\":425,\"after\":430.5") != NULL);
    CHECK(strstr(r.body, "\"source\":\"Báo cáo của Ban quản lý 10/2026\"") != NULL);
    CHECK(strstr(r.body, "\"as_of\":\"2026-10-01\"") != NULL);
    CHECK(strstr(r.body, "192.0.2") == NULL && strstr(r.body, "127.0.0.1") == NULL);
    reply_free(&r);
}

/* Every problem at once, with its rule, in the request's language. */
static void test_problems(void)
{
    static const char bad[] =
        "{\"fields\":{\"kind\":\"factory\",\"leased_ha\":-1,"
        "\"colour\":\"red\",\"code\":\"kcn-other\",\"unit_code\":\"nowhere\"}}";
    struct reply r, vi;
    char etag[128], before[128];

    etag_of(ZONE, etag, sizeof(etag));
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE "?lang=en", etag, bad, &r), 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(lists_problem(&r, "kind", "enum"));
    CHECK(lists_problem(&r, "leased_ha", "range"));
    CHECK(lists_problem(&r, "colour", "unknown"));
    CHECK(lists_problem(&r, "code", "key"));
    CHECK(lists_problem(&r, "unit_code", "reference"));
    CHECK(strstr(r.body, "Must be one of: kcn, ccn") != NULL);
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE "?lang=vi", etag, bad, &vi), 0);
    CHECK_EQ_INT(vi.status, 400);
    CHECK(lists_problem(&vi, "kind", "enum"));
    CHECK(strcmp(r.body, vi.body) != 0); /* the messages are Vietnamese */
    reply_free(&r);
    reply_free(&vi);

    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, etag, "{\"fields\":{\"leased_ha\":10}}", &r), 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(lists_problem(&r, "source", "source_needed"));
    CHECK(lists_problem(&r, "as_of", "as_of_needed"));
    reply_free(&r);
    CHECK_EQ_INT(
        send_as(officer, "PATCH", ZONE, etag,
                "{\"fields\":{\"leased_ha\":10},\"source\":\"x\",\"as_of\":\"2999-01-01\"}", &r),
        0);
    CHECK(lists_problem(&r, "as_of", "as_of_future"));
    reply_free(&r);

    /* an empty source and date are none: a change of text needs neither */
    CHECK_EQ_INT(send_as(officer, "PATCH", "/api/v1/zones/kcn-long-hau?lang=en", etag,
                         "{\"fields\":{\"name_ko\":\"롱하우 산업단지 1\"},\"source\":\"\","
                         "\"as_of\":\"\"}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);
    etag_of(ZONE, etag, sizeof(etag));
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, etag, "{\"fields\":{},\"why\":1}", &r), 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(strstr(r.body, "why") != NULL);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, etag, "{\"fields\":[1]}", &r), 0);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, etag, "{\"fields\":{\"name_en\":[1]}}", &r), 0);
    CHECK(lists_problem(&r, "name_en", "type"));
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, etag, "{\"fields\":", &r), 0);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);
    etag_of(ZONE, before, sizeof(before));
    CHECK_EQ_STR(before, etag); /* nothing was written */

    /* a value another row holds, beside the key: named as such */
    CHECK_EQ_INT(send_as(officer, "POST", "/api/v1/sources", NULL,
                         "{\"fields\":{\"code\":\"bql-2025\",\"cite\":\"Ban quản lý 2025\"}}", &r),
                 0);
    CHECK_EQ_INT(r.status, 201);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "POST", "/api/v1/sources", NULL,
                         "{\"fields\":{\"code\":\"bql-2025-b\",\"cite\":\"Ban quản lý 2025\"}}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 409);
    CHECK(strstr(r.body, "\"param\":\"cite\"") != NULL);
    reply_free(&r);
}

/* A kept list answer sees the change at once. */
static void test_lists_see_the_change(void)
{
    static const char list[] = "/api/v1/zones?q=long%20hau&limit=50";
    struct reply r;
    char etag[128];

    CHECK_EQ_INT(http_get(srv.port, list, NULL, &r), 0); /* now kept */
    CHECK(strstr(r.body, "\"developer\":\"Công ty CP Long Hậu\"") != NULL);
    reply_free(&r);
    etag_of(ZONE, etag, sizeof(etag));
    CHECK_EQ_INT(send_as(officer, "PATCH", ZONE, etag,
                         "{\"fields\":{\"developer\":\"Long Hau Corporation\"}}", &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);
    CHECK_EQ_INT(http_get(srv.port, list, NULL, &r), 0);
    CHECK(strstr(r.body, "\"developer\":\"Long Hau Corporation\"") != NULL);
    reply_free(&r);
}

/* A zone is made, never deleted, and marked cancelled. */
static void test_new_and_cancelled(void)
{
    static const char body[] =
        "{\"fields\":{\"code\":\"ccn-thu-nghiem\",\"kind\":\"ccn\",\"name_vi\":\"CCN Thử "
        "nghiệm\",\"status\":\"planned\",\"total_ha\":50},\"source\":\"QĐ 1/2026\","
        "\"as_of\":\"2026-11-01\"}";
    struct reply r;
    char etag[128], value[64];

    CHECK_EQ_INT(send_as(officer, "POST", "/api/v1/zones", NULL, body, &r), 0);
    CHECK_EQ_INT(r.status, 201);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "POST", "/api/v1/zones", NULL, body, &r), 0);
    CHECK_EQ_INT(r.status, 409);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "DELETE", "/api/v1/zones/ccn-thu-nghiem", NULL, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 405);
    reply_free(&r);
    etag_of("/api/v1/zones/ccn-thu-nghiem", etag, sizeof(etag));
    CHECK_EQ_INT(send_as(officer, "PATCH", "/api/v1/zones/ccn-thu-nghiem", etag,
                         "{\"fields\":{\"status\":\"cancelled\"}}", &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);
    member_of("/api/v1/zones/ccn-thu-nghiem", "status", value, sizeof(value));
    CHECK_EQ_STR(value, "\"cancelled\"");

    /* a viewer changes nothing */
    etag_of("/api/v1/zones/ccn-thu-nghiem", etag, sizeof(etag));
    CHECK_EQ_INT(send_as(viewer, "PATCH", "/api/v1/zones/ccn-thu-nghiem", etag,
                         "{\"fields\":{\"status\":\"planned\"}}", &r),
                 0);
    CHECK_EQ_INT(r.status, 403);
    reply_free(&r);
    member_of("/api/v1/zones/ccn-thu-nghiem", "status", value, sizeof(value));
    CHECK_EQ_STR(value, "\"cancelled\"");
}

/* Whether the answer of GET target names code (a row of a list). */
static int lists_code(const char *target, const char *code)
{
    struct reply r;
    char want[128];
    int found;

    if (http_get(srv.port, target, NULL, &r))
        return -1;
    snprintf(want, sizeof(want), "\"code\":\"%s\"", code);
    found = r.status == 200 && strstr(r.body, want) != NULL;
    reply_free(&r);
    return found;
}

/* PATCH target's fields with its current ETag, on a source; returns the
 * status. */
static int patch(const char *target, const char *fields)
{
    struct reply r;
    char etag[128], body[512];
    int status;

    etag_of(target, etag, sizeof(etag));
    snprintf(body, sizeof(body),
             "{\"fields\":%s,\"source\":\"QĐ 3/2026\",\"as_of\":\"2026-11-03\"}", fields);
    if (send_as(officer, "PATCH", target, etag, body, &r))
        return -1;
    status = r.status;
    if (status != 200)
        fprintf(stderr, "PATCH %s: %s\n", target, r.body);
    reply_free(&r);
    return status;
}

/* What the servers' connections keep of a search and of a unit's scope
 * follows the changes that touch it, and only those: a unit that now
 * counts under another, a zone moved into it, a name changed. */
static void test_kept_scopes_and_searches(void)
{
    static const char unit_body[] =
        "{\"fields\":{\"code\":\"80799\",\"name_vi\":\"Xã Thử\",\"level\":\"commune\","
        "\"parent_code\":\"807\"},\"source\":\"QĐ 2/2026\",\"as_of\":\"2026-11-02\"}";
    static const char *const under = "/api/v1/zones?unit=807&limit=200";
    static const char *const zone = "/api/v1/zones/ccn-thu-nghiem";
    struct reply r;
    int i;

    for (i = 0; i < 4; i++) /* each connection keeps the scope and the search */
        CHECK_EQ_INT(lists_code(under, "ccn-thu-nghiem"), 0);
    CHECK_EQ_INT(lists_code("/api/v1/zones?q=song%20xanh", "ccn-thu-nghiem"), 0);
    CHECK_EQ_INT(send_as(officer, "POST", "/api/v1/units", NULL, unit_body, &r), 0);
    CHECK_EQ_INT(r.status, 201);
    reply_free(&r);
    CHECK_EQ_INT(patch(zone, "{\"commune\":\"80799\"}"), 200);
    for (i = 0; i < 4; i++)
        CHECK_EQ_INT(lists_code(under, "ccn-thu-nghiem"), 1);
    CHECK_EQ_INT(patch(zone, "{\"total_ha\":55}"), 200); /* neither scope nor name */
    for (i = 0; i < 4; i++)
        CHECK_EQ_INT(lists_code(under, "ccn-thu-nghiem"), 1);
    CHECK_EQ_INT(patch("/api/v1/units/80799", "{\"parent_code\":\"80\"}"), 200);
    for (i = 0; i < 4; i++) /* 80799 is no longer under 807 */
        CHECK_EQ_INT(lists_code(under, "ccn-thu-nghiem"), 0);

    CHECK_EQ_INT(patch(zone, "{\"name_vi\":\"CCN Sông Xanh\"}"), 200);
    for (i = 0; i < 4; i++)
        CHECK_EQ_INT(lists_code("/api/v1/zones?q=song%20xanh", "ccn-thu-nghiem"), 1);
}

/* An observation's own source column takes the write's source. */
static void test_observation(void)
{
    static const char item[] = "/api/v1/observations/ccn-area-2030/2024-06-01";
    struct reply r;
    char etag[128], value[256];

    etag_of(item, etag, sizeof(etag));
    CHECK(strchr(etag, '.') != NULL);
    CHECK_EQ_INT(send_as(officer, "PATCH", item, etag,
                         "{\"fields\":{\"value\":2200},\"source\":\"Báo cáo 12/2026\","
                         "\"as_of\":\"2024-06-01\"}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);
    member_of(item, "value", value, sizeof(value));
    CHECK_EQ_STR(value, "2200");
    member_of(item, "source", value, sizeof(value));
    CHECK_EQ_STR(value, "\"Báo cáo 12/2026\"");
    CHECK_EQ_INT(http_get(srv.port, "/api/v1/observations/ccn-area-2030/2099-01-01", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 404);
    reply_free(&r);
}

/* The calendar: an admin adds the days off the Government announces and
 * confirms a provisional one, with a source; an officer may not; a working
 * Saturday must be a Saturday; the deadlines follow. */
static void test_calendar_days(void)
{
    static const char day[] = "{\"fields\":{\"date\":\"2027-12-31\",\"kind\":\"%s\","
                              "\"name_vi\":\"Nghỉ cuối năm\"}%s}";
    static const char sourced[] = ",\"source\":\"Thông báo thử 1/2026\",\"as_of\":\"2026-11-20\"";
    char admin[128], body[512], etag[128], v[256];
    struct reply r;

    add_user("an.admin", "admin", admin, sizeof(admin));
    snprintf(body, sizeof(body), day, "day_off", sourced);
    CHECK_EQ_INT(send_as(officer, "POST", "/api/v1/calendar_days", NULL, body, &r), 0);
    CHECK_EQ_INT(r.status, 403);
    reply_free(&r);
    snprintf(body, sizeof(body), day, "working_saturday", sourced);
    CHECK_EQ_INT(send_as(admin, "POST", "/api/v1/calendar_days", NULL, body, &r), 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(lists_problem(&r, "kind", "not_saturday"));
    reply_free(&r);
    snprintf(body, sizeof(body), day, "day_off", "");
    CHECK_EQ_INT(send_as(admin, "POST", "/api/v1/calendar_days", NULL, body, &r), 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(lists_problem(&r, "source", "source_needed"));
    reply_free(&r);
    /* Thu 30/12/2027 + 1 working day: Fri 31/12, until it is a day off */
    member_of("/api/v1/calendar/deadline?from=2027-12-30&days=1", "due", v, sizeof(v));
    CHECK_EQ_STR(v, "\"2027-12-31\"");
    snprintf(body, sizeof(body), day, "day_off", sourced);
    CHECK_EQ_INT(send_as(admin, "POST", "/api/v1/calendar_days", NULL, body, &r), 0);
    CHECK_EQ_INT(r.status, 201);
    reply_free(&r);
    member_of("/api/v1/calendar/deadline?from=2027-12-30&days=1", "due", v, sizeof(v));
    CHECK_EQ_STR(v, "\"2028-01-03\"");
    /* confirming a provisional day takes the new source */
    etag_of("/api/v1/calendar_days/2027-01-01", etag, sizeof(etag));
    CHECK(strchr(etag, '.') != NULL);
    CHECK_EQ_INT(send_as(admin, "PATCH", "/api/v1/calendar_days/2027-01-01", etag,
                         "{\"fields\":{\"provisional\":0},\"source\":\"Thông báo thử 1/2026\","
                         "\"as_of\":\"2026-11-20\"}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);
    member_of("/api/v1/calendar_days/2027-01-01", "provisional", v, sizeof(v));
    CHECK_EQ_STR(v, "0");
    member_of("/api/v1/calendar_days/2027-01-01", "source", v, sizeof(v));
    CHECK_EQ_STR(v, "\"Thông báo thử 1/2026\"");
    /* both in the trail */
    CHECK_EQ_INT(send_as(admin, "GET", "/api/v1/audit?table=calendar_days", NULL, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(r.body && strstr(r.body, "2027-12-31") && strstr(r.body, "2027-01-01"));
    reply_free(&r);
}

/* An admin enters a limit no source had given, with its source; an
 * officer may not. */
static void test_time_limit(void)
{
    static const char item[] = "/api/v1/time_limits/irc-issue-law143";
    static const char change[] = "{\"fields\":{\"days\":10,\"day_kind\":\"calendar\"}%s}";
    char admin[128], body[256], etag[128], v[256];
    struct reply r;

    add_user("binh.admin", "admin", admin, sizeof(admin));
    etag_of(item, etag, sizeof(etag));
    CHECK(strchr(etag, '.') != NULL);
    snprintf(body, sizeof(body), change,
             ",\"source\":\"Nghị định 96/2026\",\"as_of\":\"2026-03-31\"");
    CHECK_EQ_INT(send_as(officer, "PATCH", item, etag, body, &r), 0);
    CHECK_EQ_INT(r.status, 403);
    reply_free(&r);
    snprintf(body, sizeof(body), change, "");
    CHECK_EQ_INT(send_as(admin, "PATCH", item, etag, body, &r), 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(lists_problem(&r, "source", "source_needed"));
    reply_free(&r);
    snprintf(body, sizeof(body), change,
             ",\"source\":\"Nghị định 96/2026\",\"as_of\":\"2026-03-31\"");
    CHECK_EQ_INT(send_as(admin, "PATCH", item, etag, body, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);
    member_of(item, "days", v, sizeof(v));
    CHECK_EQ_STR(v, "10");
    member_of(item, "source", v, sizeof(v));
    CHECK_EQ_STR(v, "\"Nghị định 96/2026\"");
}

/* The code of the newest lead in the inbox answer r, in out. */
static void first_code(const struct reply *r, char *out, size_t n)
{
    json_t *doc = json_loads(r->body, 0, NULL);
    json_t *first = json_array_get(json_object_get(doc, "items"), 0);

    snprintf(out, n, "%s", json_string_value(json_object_get(first, "code")) ?: "");
    json_decref(doc);
}

static void test_inbox(void)
{
    struct reply r;
    char code[96], target[160], etag[128], value[128];

    CHECK_EQ_INT(send_as(NULL, "POST", "/api/v1/leads", NULL,
                         "{\"name\":\"Kim\",\"company\":\"=HYPERLINK(\\\"x\\\")\","
                         "\"email\":\"kim@example.kr\",\"country\":\"KR\"}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 201);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "GET", "/api/v1/leads?status=new", NULL, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(strstr(r.body, "\"status\":\"new\"") != NULL);
    CHECK(strstr(r.body, "\"owner\":null") != NULL);
    first_code(&r, code, sizeof(code));
    CHECK(strncmp(code, "lead-", 5) == 0);
    CHECK_EQ_STR(reply_header(&r, "Cache-Control"), "no-store");
    reply_free(&r);

    snprintf(target, sizeof(target), "/api/v1/leads/%s", code);
    CHECK_EQ_INT(send_as(officer, "GET", target, NULL, NULL, &r), 0);
    snprintf(etag, sizeof(etag), "%s", reply_header(&r, "ETag") ?: "");
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "PATCH", target, etag,
                         "{\"fields\":{\"company\":\"Other\",\"owner\":\"hoa.viewer\"}}", &r),
                 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(lists_problem(&r, "company", "read_only"));
    CHECK(lists_problem(&r, "owner", "owner"));
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "PATCH", target, etag,
                         "{\"fields\":{\"status\":\"contacted\",\"owner\":\"minh.officer\","
                         "\"notes\":\"Gọi điện ngày 24/11\"}}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);

    CHECK_EQ_INT(send_as(officer, "GET", "/api/v1/leads?status=new", NULL, NULL, &r), 0);
    CHECK(strstr(r.body, code) == NULL);
    reply_free(&r);
    CHECK_EQ_INT(send_as(other_officer, "GET", "/api/v1/leads?owner=me", NULL, NULL, &r), 0);
    CHECK(strstr(r.body, code) != NULL);
    CHECK(strstr(r.body, "\"notes\":\"Gọi điện ngày 24/11\"") != NULL);
    CHECK(strstr(r.body, "\"total\":1") != NULL);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "GET", "/api/v1/leads?owner=me", NULL, NULL, &r), 0);
    CHECK(strstr(r.body, "\"total\":0") != NULL);
    reply_free(&r);
    CHECK_EQ_INT(send_as(officer, "GET", "/api/v1/leads?status=won", NULL, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);

    /* the export: every lead, a formula written as text */
    CHECK_EQ_INT(send_as(officer, "GET", "/api/v1/leads.csv?status=contacted", NULL, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(strncmp(r.body, "code,received_on,company,", 25) == 0);
    CHECK(strstr(r.body, ",'=HYPERLINK(") != NULL || strstr(r.body, ",\"'=HYPERLINK(") != NULL);
    CHECK(strstr(r.body, ",contacted,minh.officer,") != NULL);
    reply_free(&r);
    CHECK_EQ_INT(send_as(viewer, "GET", "/api/v1/leads", NULL, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 403);
    reply_free(&r);
    member_of("/api/v1/leads", "total", value, sizeof(value)); /* nobody signed in */
    CHECK_EQ_STR(value, "");
}

/* The trail of all of it verifies. */
static void test_chain(void)
{
    char *out = NULL;

    CHECK_EQ_INT(khu(NULL, (char *[]){"audit", "verify", "--db", db, NULL}, &out), 0);
    free(out);
}

/* The trail a page at a time: each full page names the id to go on from,
 * every record of the next is older, and the walk ends on a null cursor
 * having seen each record once. */
static void test_trail_pages(void)
{
    char target[128];
    json_int_t cursor = 0, last = 0;
    long seen = 0, pages = 0;
    int ended = 0;

    while (!ended && pages < 1000) {
        struct reply r;
        json_t *doc, *items, *next;
        size_t i;

        snprintf(target, sizeof(target), "/api/v1/audit?limit=7%s%lld", cursor ? "&cursor=" : "",
                 cursor ? (long long)cursor : 0LL);
        if (!cursor)
            target[strlen(target) - 1] = '\0'; /* no cursor: the newest */
        CHECK_EQ_INT(send_as(officer, "GET", target, NULL, NULL, &r), 0);
        CHECK_EQ_INT(r.status, 200);
        doc = json_loads(r.body, 0, NULL);
        reply_free(&r);
        items = doc ? json_object_get(doc, "records") : NULL;
        next = doc ? json_object_get(doc, "next_cursor") : NULL;
        CHECK(json_is_array(items) && next != NULL);
        if (!json_is_array(items) || !next) {
            json_decref(doc);
            return;
        }
        for (i = 0; i < json_array_size(items); i++) {
            json_int_t id = json_integer_value(json_object_get(json_array_get(items, i), "id"));
            CHECK(id > 0 && (last == 0 || id < last)); /* newest first, never twice */
            last = id;
            seen++;
        }
        if (json_is_null(next)) {
            ended = 1;
        } else {
            CHECK_EQ_INT((long)json_array_size(items), 7);
            CHECK(json_integer_value(next) == last);
            cursor = json_integer_value(next);
        }
        pages++;
        json_decref(doc);
    }
    CHECK_EQ_INT(ended, 1);
    CHECK(pages >= 2);
    CHECK_EQ_INT((long)last, 1); /* down to the first record */
    CHECK(seen >= 7);
}

int main(void)
{
    char *out = NULL;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/edit.db", dir);
    CHECK_EQ_INT(khu(NULL, (char *[]){"import", "--dir", "data", "--db", db, NULL}, &out), 0);
    free(out);
    add_user("lan.officer", "officer", officer, sizeof(officer));
    add_user("minh.officer", "officer", other_officer, sizeof(other_officer));
    add_user("hoa.viewer", "viewer", viewer, sizeof(viewer));
    if (server_start(&srv, db, "") == 0) {
        test_preconditions();
        test_two_officers();
        test_problems();
        test_lists_see_the_change();
        test_new_and_cancelled();
        test_kept_scopes_and_searches();
        test_observation();
        test_calendar_days();
        test_time_limit();
        test_inbox();
        test_trail_pages();
        CHECK_EQ_INT(server_stop(&srv), 0);
        test_chain();
    } else {
        TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start");
    }
    remove_tree(dir);
    return test_report("test_api_edit");
}
