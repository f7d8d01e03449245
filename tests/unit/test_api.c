/* SPDX-License-Identifier: MIT */
/*
 * API tests: import a small fixture (tests/fixture) with the real `khu
 * import`, start the real `khu serve` on a free loopback port and compare
 * what it answers, whole bodies where the body matters, error paths
 * included.
 */
#include <jansson.h>
#include <zlib.h>

#include "api/resource.h"
#include "client.h"
#include "client_json.h"
#include "core/buf.h"
#include "store/store.h"
#include "store/list.h"
#include "test.h"

static struct server srv;
static char db_path[256];

static const char zone_beta_en[] =
    "{\"name\":\"Ben Luc Beta Industrial Park\",\"name_lang\":\"en\",\"code\":\"kcn-beta\","
    "\"kind\":\"kcn\",\"name_vi\":\"KCN Bến Lức Beta\",\"name_en\":\"Ben Luc Beta Industrial "
    "Park\",\"name_ko\":null,\"group_code\":null,\"unit_code\":\"D2\",\"commune\":null,"
    "\"status\":\"operating\",\"planned_year\":null,\"established_on\":null,\"total_ha\":200,"
    "\"industrial_ha\":150,\"leased_ha\":75,\"occupancy_reported_pct\":null,\"lease_usd_m2\":null,"
    "\"lease_until\":null,\"developer\":null,\"lat\":10.6918,\"lon\":106.4512,\"position\":"
    "\"surveyed\",\"km_hcmc\":25,\"km_port\":null,\"wwtp_m3_day\":null,\"power_mva\":null,"
    "\"water_m3_day\":null,\"infra_complete\":null,\"sectors\":\"2610\",\"tenants\":null,"
    "\"source\":\"src-b ; https://unregistered.example.org/x\",\"confidence\":\"medium\","
    "\"as_of\":null,\"note\":null,\"as_of_precision\":null,\"confidence_note\":\"Medium: a "
    "broker page and an unregistered address.\",\"provenance\":null,\"summary\":null,"
    "\"summary_vi\":null,\"summary_ko\":null,\"confidence_note_vi\":null,"
    "\"confidence_note_ko\":\"보통: 중개업체 페이지와 등록되지 않은 주소.\","
    "\"available_ha\":75,\"occupancy_pct\":50,\"lang\":\"%s\",\"source_refs\":[\"broker-b\"],"
    "\"source_unregistered\":[\"https://unregistered.example.org/x\"]}\n";

/* ===== helpers ===== */

static json_t *get_json(const char *target, int want_status)
{
    return client_get_json(srv.port, target, want_status);
}

/* The codes of a page's items, space-separated, into out. */
static const char *codes(json_t *page, const char *key, char *out, size_t n)
{
    size_t i, used = 0;
    json_t *item;

    out[0] = '\0';
    json_array_foreach(json_object_get(page, "items"), i, item) used +=
        (size_t)snprintf(out + used, n - used, "%s%s", used ? " " : "",
                         json_string_value(json_object_get(item, key)));
    return out;
}

/* The codes of one group of a finder answer, space-separated. */
static const char *group_codes(json_t *answer, const char *group, char *out, size_t n)
{
    size_t i, used = 0;
    json_t *item;

    out[0] = '\0';
    json_array_foreach(json_object_get(answer, group), i, item) used +=
        (size_t)snprintf(out + used, n - used, "%s%s", used ? " " : "",
                         json_string_value(json_object_get(item, "code")));
    return out;
}

static void check_list(const char *target, const char *want_codes, long want_total)
{
    char got[2048];
    json_t *j = get_json(target, 200);

    if (!j)
        return;
    if (strcmp(codes(j, "code", got, sizeof(got)), want_codes) != 0)
        TEST_FAIL_AT(__FILE__, __LINE__, "%s: codes \"%s\", want \"%s\"", target, got, want_codes);
    else
        test_passed++;
    CHECK_EQ_INT(json_integer_value(json_object_get(j, "total")), want_total);
    CHECK(json_is_true(json_object_get(j, "total_exact"))); /* the fixture is under the cap */
    json_decref(j);
}

static void check_problem(const char *target, int status, const char *want_body)
{
    struct reply r;

    if (http_get(srv.port, target, NULL, &r)) {
        TEST_FAIL_AT(__FILE__, __LINE__, "no reply for %s", target);
        return;
    }
    CHECK_EQ_INT(r.status, status);
    CHECK_EQ_STR(reply_header(&r, "Content-Type"), "application/problem+json");
    if (strcmp(r.body, want_body) != 0)
        TEST_FAIL_AT(__FILE__, __LINE__, "%s:\n got  %s\n want %s", target, r.body, want_body);
    else
        test_passed++;
    reply_free(&r);
}

/* ===== sources ===== */

/* The array at key of j as its strings, space-separated, into out. */
static const char *strings(json_t *j, const char *key, char *out, size_t n)
{
    size_t i, used = 0;
    json_t *v;

    out[0] = '\0';
    json_array_foreach(json_object_get(j, key), i, v) used +=
        (size_t)snprintf(out + used, n - used, "%s%s", used ? " " : "", json_string_value(v));
    return out;
}

/* The sources: listed, filtered by code, kind and review; every row that
 * has a source text names the registered sources it cites, in the order
 * of the text, and what no source covers; dates keep their precision. */
static void test_sources(void)
{
    json_t *j, *t, *o;
    char got[1024], many[256];
    size_t i, used = 0;

    check_list("/api/v1/sources", "broker-b obs-one press-a prov-t2", 4);
    check_list("/api/v1/sources?code=press-a,obs-one", "obs-one press-a", 2);
    check_list("/api/v1/sources?reviewed=1", "press-a prov-t2", 2);
    check_list("/api/v1/sources?kind=broker,official", "broker-b prov-t2", 2);
    check_list("/api/v1/sources?sort=-published_on", "press-a obs-one prov-t2 broker-b", 4);
    j = get_json("/api/v1/sources/press-a", 200);
    CHECK_EQ_STR(json_string_value(json_object_get(j, "title_ko")), "알파 기사");
    CHECK_EQ_STR(json_string_value(json_object_get(j, "published_precision")), "month");
    CHECK(json_object_get(j, "source_refs") == NULL); /* a source cites nothing itself */
    json_decref(j);
    json_decref(get_json("/api/v1/sources?code=", 400));
    for (i = 0; i < 17; i++)
        used += (size_t)snprintf(many + used, sizeof(many) - used, "%sc%zu", i ? "," : "", i);
    snprintf(got, sizeof(got), "/api/v1/sources?code=%s", many);
    json_decref(get_json(got, 400));
    json_decref(get_json("/api/v1/sources?kind=blog", 400));

    j = get_json("/api/v1/zones/kcn-alpha", 200);
    CHECK_EQ_STR(strings(j, "source_refs", got, sizeof(got)), "press-a");
    CHECK_EQ_STR(strings(j, "source_unregistered", got, sizeof(got)), "");
    CHECK_EQ_STR(json_string_value(json_object_get(j, "provenance")),
                 "total_ha=press-a leased_ha=press-a");
    CHECK_EQ_STR(json_string_value(json_object_get(j, "as_of_precision")), "month");
    json_decref(j);

    j = get_json("/api/v1/targets", 200);
    json_array_foreach(json_object_get(j, "items"), i, t)
    {
        if (strcmp(json_string_value(json_object_get(t, "code")), "t-kcn-count") != 0)
            continue;
        CHECK_EQ_STR(strings(t, "source_refs", got, sizeof(got)), "prov-t2");
        CHECK_EQ_STR(json_string_value(json_object_get(t, "baseline_precision")), "year");
        o = json_array_get(json_object_get(t, "observations"), 0);
        CHECK_EQ_STR(strings(o, "source_refs", got, sizeof(got)), "obs-one");
        CHECK_EQ_STR(json_string_value(json_object_get(o, "observed_precision")), "day");
        o = json_array_get(json_object_get(t, "observations"), 1);
        CHECK_EQ_STR(strings(o, "source_refs", got, sizeof(got)), "");
        CHECK(json_is_null(json_object_get(o, "observed_precision")));
    }
    json_decref(j);
}

/* khu check names what the register of sources does not cover: the
 * fixture's one unregistered address, and nothing else. */
static void test_check_sources(void)
{
    char *out = NULL, *err = NULL;
    int status = run_khu((char *[]){"check", "--db", db_path, NULL}, &out, &err);

    CHECK(status != 0);
    CHECK(strstr(out, "check: 1 problems") != NULL || strstr(out, "check: 1 problem") != NULL);
    CHECK(strstr(out, "zones kcn-beta: source: cites 'https://unregistered.example.org/x', which "
                      "is not a registered source") != NULL);
    free(out);
    free(err);
}

/* ===== zones ===== */

static void test_zone_item(void)
{
    struct reply r;
    char want[4096];

    CHECK(http_get(srv.port, "/api/v1/zones/kcn-beta?lang=en", NULL, &r) == 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(reply_header(&r, "Content-Type"), "application/json");
    snprintf(want, sizeof(want), zone_beta_en, "en");
    CHECK_EQ_STR(r.body, want);
    reply_free(&r);
    /* Korean asked, no Korean name: English with a visible fallback */
    CHECK(http_get(srv.port, "/api/v1/zones/kcn-beta", "Accept-Language: ko-KR, en;q=0.5\r\n",
                   &r) == 0);
    snprintf(want, sizeof(want), zone_beta_en, "ko");
    CHECK_EQ_STR(r.body, want);
    reply_free(&r);
    check_problem("/api/v1/zones/kcn-nowhere", 404,
                  "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":"
                  "\"no zones with code 'kcn-nowhere'\"}");
}

static void test_zone_filters(void)
{
    check_list("/api/v1/zones", "ccn-gamma kcn-alpha kcn-beta kcn-delta-1 kcn-epsilon kcn-umbrella",
               6);
    check_list("/api/v1/zones?kind=kcn&status=operating", "kcn-alpha kcn-beta", 2);
    check_list("/api/v1/zones?kind=ccn,kcn&status=building,planned", "kcn-delta-1 kcn-epsilon", 2);
    check_list("/api/v1/zones?min_available_ha=80", "kcn-alpha", 1);
    check_list("/api/v1/zones?max_lease_usd_m2=100", "kcn-alpha", 1);
    check_list("/api/v1/zones?max_km_hcmc=26", "kcn-beta", 1);
    check_list("/api/v1/zones?max_km_port=50", "kcn-alpha", 1);
    check_list("/api/v1/zones?min_wwtp_m3_day=1000", "kcn-alpha", 1);
    check_list("/api/v1/zones?group=kcn-umbrella", "kcn-delta-1", 1);
    /* units: a district, its old province, and the province that replaced it */
    check_list("/api/v1/zones?unit=D1", "ccn-gamma kcn-alpha", 2);
    check_list("/api/v1/zones?unit=P1&kind=kcn", "kcn-alpha kcn-beta kcn-delta-1 kcn-umbrella", 4);
    check_list("/api/v1/zones?unit=P9&kind=ccn", "ccn-gamma", 1);
    /* sectors: a 2018 code finds zones listing its 2025 successors and back */
    check_list("/api/v1/zones?sector=2610", "kcn-alpha kcn-beta", 2);
    check_list("/api/v1/zones?sector=2619", "kcn-alpha kcn-beta", 2);
    check_list("/api/v1/zones?sector=2611", "kcn-beta", 1);
    check_list("/api/v1/zones?sector=2220", "ccn-gamma kcn-alpha", 2);
}

static void test_zone_search(void)
{
    check_list("/api/v1/zones?q=duc%20hoa", "kcn-alpha", 1);
    check_list("/api/v1/zones?q=%C4%90%E1%BB%A8C+H%C3%92A", "kcn-alpha", 1); /* ĐỨC HÒA */
    check_list("/api/v1/zones?q=nhua", "ccn-gamma", 1);
    check_list("/api/v1/zones?q=nh%E1%BB%B1a", "ccn-gamma", 1);       /* nhựa */
    check_list("/api/v1/zones?q=%ED%94%8C%EB%9D%BC", "ccn-gamma", 1); /* 플라 */
    check_list("/api/v1/zones?q=%EC%95%8C%ED%8C%8C", "kcn-alpha", 1); /* 알파 */
    check_list("/api/v1/zones?q=ben+luc&lang=en", "kcn-beta", 1);
    check_list("/api/v1/zones?q=delta&sort=-total_ha", "kcn-umbrella kcn-delta-1", 2);
    check_list("/api/v1/zones?q=zzzz", "", 0);
}

/* Every filter, sort and derived field the api describes is one the store
 * gives a meaning, and both agree on which resources take a text search:
 * the two tables cannot drift apart. */
static void test_names_agree(void)
{
    const struct resource_def *r;
    const struct filter_def *f;
    const struct sort_def *so;
    const struct derived_def *de;

    for (r = api_resources; r->name; r++) {
        for (f = r->filters; f->param; f++)
            if (!store_list_knows(r->name, STORE_LIST_FILTER, f->param))
                TEST_FAIL_AT(__FILE__, __LINE__, "%s: filter %s unknown to the store", r->name,
                             f->param);
            else
                test_passed++;
        for (so = r->sorts; so->name; so++)
            if (!store_list_knows(r->name, STORE_LIST_SORT, so->name))
                TEST_FAIL_AT(__FILE__, __LINE__, "%s: sort %s unknown to the store", r->name,
                             so->name);
            else
                test_passed++;
        for (de = r->derived; de && de->name; de++)
            if (!store_list_knows(r->name, STORE_LIST_DERIVED, de->name))
                TEST_FAIL_AT(__FILE__, __LINE__, "%s: derived %s unknown to the store", r->name,
                             de->name);
            else
                test_passed++;
        CHECK_EQ_INT(store_list_knows(r->name, STORE_LIST_SEARCH, NULL), r->search);
    }
    CHECK(!store_list_knows("zones", STORE_LIST_FILTER, "no_such_filter"));
}

/* Fetches target and returns its next_cursor copied into out ("" if null). */
static const char *page(const char *target, const char *want_codes, char *out, size_t n)
{
    char got[512];
    json_t *j = get_json(target, 200);
    const char *c;

    out[0] = '\0';
    if (!j)
        return out;
    CHECK_EQ_STR(codes(j, "code", got, sizeof(got)), want_codes);
    c = json_string_value(json_object_get(j, "next_cursor"));
    snprintf(out, n, "%s", c ? c : "");
    json_decref(j);
    return out;
}

static void test_zone_sort_and_cursor(void)
{
    char target[1024], cursor[512];

    check_list("/api/v1/zones?sort=-total_ha",
               "kcn-umbrella kcn-alpha kcn-delta-1 kcn-beta ccn-gamma kcn-epsilon", 6);
    check_list("/api/v1/zones?sort=total_ha",
               "ccn-gamma kcn-beta kcn-delta-1 kcn-alpha kcn-umbrella kcn-epsilon", 6);
    check_list("/api/v1/zones?sort=-occupancy_pct",
               "kcn-alpha kcn-beta ccn-gamma kcn-delta-1 "
               "kcn-epsilon kcn-umbrella",
               6);
    /* page through two at a time: nulls last, every row exactly once */
    page("/api/v1/zones?sort=-industrial_ha&limit=2", "kcn-alpha kcn-beta", cursor, sizeof(cursor));
    CHECK(cursor[0] != '\0');
    snprintf(target, sizeof(target), "/api/v1/zones?sort=-industrial_ha&limit=2&cursor=%s", cursor);
    page(target, "ccn-gamma kcn-delta-1", cursor, sizeof(cursor));
    snprintf(target, sizeof(target), "/api/v1/zones?sort=-industrial_ha&limit=2&cursor=%s", cursor);
    page(target, "kcn-epsilon kcn-umbrella", cursor, sizeof(cursor));
    CHECK_EQ_STR(cursor, "");
    /* the same filters in another order keep their cursor */
    page("/api/v1/zones?kind=kcn&sort=-industrial_ha&limit=1", "kcn-alpha", cursor, sizeof(cursor));
    snprintf(target, sizeof(target), "/api/v1/zones?limit=1&sort=-industrial_ha&kind=kcn&cursor=%s",
             cursor);
    page(target, "kcn-beta", cursor, sizeof(cursor));
    /* a cursor used with another sort is refused */
    page("/api/v1/zones?sort=-industrial_ha&limit=1", "kcn-alpha", cursor, sizeof(cursor));
    snprintf(target, sizeof(target), "/api/v1/zones?sort=total_ha&cursor=%s", cursor);
    check_problem(target, 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"cursor belongs to another filter or sort; start again without it\","
                  "\"param\":\"cursor\"}");
}

static void test_zone_errors(void)
{
    check_problem("/api/v1/zones?kind=park", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"kind must be one of: kcn, ccn, hitech, logistics, economic, port (several "
                  "separated by commas); got 'park'\",\"param\":\"kind\"}");
    check_problem("/api/v1/zones?min_available_ha=1,5", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"min_available_ha must be a number with '.' as the decimal point; got "
                  "'1,5'\",\"param\":\"min_available_ha\"}");
    check_problem("/api/v1/zones?limit=501", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"limit must be a whole number from 1 to 500; got '501'\",\"param\":\"limit\"}");
    check_problem("/api/v1/zones?unit=999", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"unknown unit '999': see /api/v1/units for the codes\",\"param\":\"unit\"}");
    check_problem("/api/v1/zones?sector=9999", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"unknown sector code '9999' (VSIC 2018 or 2025): see /api/v1/sectors\","
                  "\"param\":\"sector\"}");
    check_problem("/api/v1/zones?sort=name", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"sort must be code, total_ha, industrial_ha, leased_ha, available_ha, "
                  "occupancy_pct, occupancy_reported_pct, lease_usd_m2, km_hcmc, km_port, "
                  "wwtp_m3_day, power_mva, water_m3_day, planned_year, with '-' in front for "
                  "descending; got 'name'\",\"param\":\"sort\"}");
    check_problem("/api/v1/zones?cursor=garbage!", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"cursor is not one this server made; start again without it\",\"param\":"
                  "\"cursor\"}");
    check_problem("/api/v1/zones?q=%21%21", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"q must contain at least one letter or digit\",\"param\":\"q\"}");
    {
        char target[1200] = "/api/v1/zones?q=";
        memset(target + strlen(target), 'a', 1001);
        check_problem(target, 400,
                      "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                      "\"detail\":\"q is too long (at most 1000 characters)\",\"param\":\"q\"}");
    }
    check_problem(
        "/healthz?verbose=1", 400,
        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
        "\"unknown query parameter \\\"verbose\\\"; allowed: none (this endpoint takes no query "
        "parameters)\",\"param\":\"verbose\"}");
    check_problem("/api/v1/zones?lang=fr", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"lang must be vi, en or ko; got 'fr'\",\"param\":\"lang\"}");
    check_problem("/api/v1/zones/kcn-beta?kind=kcn", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"unknown query parameter \\\"kind\\\"; allowed: lang\",\"param\":\"kind\"}");
}

/* ===== formats and HTTP behaviour ===== */

static void test_csv_and_geojson(void)
{
    struct reply r;
    json_t *j, *f;
    json_error_t e;

    CHECK(http_get(srv.port, "/api/v1/zones.csv?kind=kcn&status=operating", NULL, &r) == 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(reply_header(&r, "Content-Type"), "text/csv; charset=utf-8");
    CHECK_EQ_STR(reply_header(&r, "Content-Disposition"), "attachment; filename=\"zones.csv\"");
    CHECK_EQ_STR(
        r.body, "code,kind,name_vi,name_en,name_ko,group_code,unit_code,commune,status,"
                "planned_year,established_on,total_ha,industrial_ha,leased_ha,"
                "occupancy_reported_pct,lease_usd_m2,lease_until,developer,lat,lon,position,"
                "km_hcmc,km_port,wwtp_m3_day,power_mva,water_m3_day,infra_complete,sectors,"
                "tenants,source,confidence,as_of,note,as_of_precision,confidence_note,"
                "provenance,summary,summary_vi,summary_ko,confidence_note_vi,confidence_note_ko,"
                "available_ha,occupancy_pct\r\n"
                "kcn-alpha,kcn,KCN Đức Hòa Alpha,Duc Hoa Alpha Industrial Park,득화 알파 산업단지,"
                ",D1,,operating,,,500,400,300,,90,,,10.889,106.4098,approximate,30,40,5000,,,,"
                "2619 2220,,src-a,high,2024-06-01,,month,,total_ha=press-a leased_ha=press-a,"
                "A test park; its area comes from a press report of June 2024.,"
                "Một khu thử nghiệm; diện tích lấy từ một bài báo tháng 6/2024.,,,,100,75\r\n"
                "kcn-beta,kcn,KCN Bến Lức Beta,Ben Luc Beta Industrial Park,,,D2,,operating,,,"
                "200,150,75,,,,,10.6918,106.4512,surveyed,25,,,,,,2610,,src-b ; "
                "https://unregistered.example.org/x,medium,,,,Medium: a broker page and an "
                "unregistered address.,,,,,,보통: 중개업체 페이지와 등록되지 않은 주소.,75,50\r\n");
    reply_free(&r);
    /* the same list through Accept */
    CHECK(http_get(srv.port, "/api/v1/zones?kind=ccn", "Accept: text/csv\r\n", &r) == 0);
    CHECK(strncmp(r.body, "code,kind,", 10) == 0);
    CHECK(strstr(r.body, "\r\nccn-gamma,ccn,") != NULL);
    reply_free(&r);
    CHECK(http_get(srv.port, "/api/v1/zones.geojson?kind=kcn&status=operating", NULL, &r) == 0);
    CHECK_EQ_STR(reply_header(&r, "Content-Type"), "application/geo+json");
    j = json_loads(r.body, 0, &e);
    CHECK(j != NULL);
    CHECK_EQ_STR(json_string_value(json_object_get(j, "type")), "FeatureCollection");
    CHECK_EQ_INT(json_array_size(json_object_get(j, "features")), 2);
    f = json_array_get(json_object_get(j, "features"), 0);
    CHECK_EQ_STR(json_string_value(json_object_get(json_object_get(f, "geometry"), "type")),
                 "Point");
    /* RFC 7946: longitude first */
    CHECK_EQ_DBL(json_real_value(json_array_get(
                     json_object_get(json_object_get(f, "geometry"), "coordinates"), 0)),
                 106.4098, 1e-9);
    CHECK_EQ_STR(json_string_value(json_object_get(json_object_get(f, "properties"), "code")),
                 "kcn-alpha");
    json_decref(j);
    reply_free(&r);
}

/* Returns 1 when every record of the CSV body has as many fields as its
 * header (commas inside quotes are not separators), else 0. */
static int csv_records_match_header(const char *body)
{
    long fields = 1, header = -1;
    int quoted = 0;
    const char *p;

    for (p = body; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == ',')
            fields++;
        else if (!quoted && *p == '\n') {
            if (header < 0)
                header = fields;
            else if (fields != header)
                return 0;
            fields = 1;
        }
    }
    return header > 1;
}

/* ?bom=1: every CSV answer, and only a CSV answer, can begin with the UTF-8
 * byte-order mark for Excel; the rest of the body is the plain CSV. */
static void test_csv_bom(void)
{
    static const char *const plain_and_marked[][2] = {
        {"/api/v1/zones.csv?kind=ccn", "/api/v1/zones.csv?kind=ccn&bom=1"},
        {"/api/v1/stats.csv?lang=ko", "/api/v1/stats.csv?bom=1&lang=ko"},
        {"/api/v1/targets.csv", "/api/v1/targets.csv?bom=1"},
    };
    struct reply plain, marked;
    size_t i;

    for (i = 0; i < sizeof(plain_and_marked) / sizeof(plain_and_marked[0]); i++) {
        CHECK(http_get(srv.port, plain_and_marked[i][0], NULL, &plain) == 0);
        CHECK(http_get(srv.port, plain_and_marked[i][1], NULL, &marked) == 0);
        CHECK_EQ_INT(marked.status, 200);
        CHECK_EQ_STR(reply_header(&marked, "Content-Type"), "text/csv; charset=utf-8");
        CHECK(plain.body_len > 10 && (unsigned char)plain.body[0] != 0xEF);
        CHECK(csv_records_match_header(plain.body));
        CHECK_EQ_INT(marked.body_len, plain.body_len + 3);
        CHECK(memcmp(marked.body, "\xEF\xBB\xBF", 3) == 0);
        CHECK_EQ_STR(marked.body + 3, plain.body);
        reply_free(&plain);
        reply_free(&marked);
    }
    CHECK(http_get(srv.port, "/api/v1/zones?kind=ccn&bom=0", "Accept: text/csv\r\n", &plain) == 0);
    CHECK(strncmp(plain.body, "code,kind,", 10) == 0); /* bom=0: none */
    reply_free(&plain);
    CHECK(http_get(srv.port, "/api/v1/zones?kind=ccn&bom=1", "Accept: text/csv\r\n", &plain) == 0);
    CHECK(strncmp(plain.body,
                  "\xEF\xBB\xBF"
                  "code,kind,",
                  13) == 0);
    reply_free(&plain);
    check_problem("/api/v1/zones?bom=1", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"bom applies to CSV answers only: ask for .csv or Accept: text/csv\",\"param\":"
                  "\"bom\"}");
    check_problem("/api/v1/zones.geojson?bom=1", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"bom applies to CSV answers only: ask for .csv or Accept: text/csv\",\"param\":"
                  "\"bom\"}");
    check_problem("/api/v1/targets?bom=1", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"bom applies to CSV answers only: ask for .csv or Accept: text/csv\",\"param\":"
                  "\"bom\"}");
    check_problem("/api/v1/stats.csv?bom=yes", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"bom must be 1 (a byte-order mark for Excel) or 0; got 'yes'\",\"param\":"
                  "\"bom\"}");
    /* not on routes that never answer CSV */
    check_problem("/api/v1/zones/kcn-beta?bom=1", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"unknown query parameter \\\"bom\\\"; allowed: lang\",\"param\":\"bom\"}");
}

static void test_etag_gzip_cors(void)
{
    struct reply r;
    char etag[128], header[256];
    unsigned char plain[65536];
    uLongf plain_len = sizeof(plain);
    z_stream z;

    CHECK(http_get(srv.port, "/api/v1/zones", NULL, &r) == 0);
    snprintf(etag, sizeof(etag), "%s", reply_header(&r, "ETag") ? reply_header(&r, "ETag") : "");
    CHECK(etag[0] == '"');
    CHECK_EQ_STR(reply_header(&r, "Access-Control-Allow-Origin"), "*");
    reply_free(&r);
    snprintf(header, sizeof(header), "If-None-Match: %s\r\n", etag);
    CHECK(http_get(srv.port, "/api/v1/zones", header, &r) == 0);
    CHECK_EQ_INT(r.status, 304);
    CHECK_EQ_INT(r.body_len, 0);
    reply_free(&r);
    CHECK(http_get(srv.port, "/api/v1/zones", "Accept-Encoding: gzip\r\n", &r) == 0);
    CHECK_EQ_STR(reply_header(&r, "Content-Encoding"), "gzip");
    memset(&z, 0, sizeof(z));
    inflateInit2(&z, 31);
    z.next_in = (unsigned char *)r.body;
    z.avail_in = (uInt)r.body_len;
    z.next_out = plain;
    z.avail_out = (uInt)plain_len - 1;
    CHECK_EQ_INT(inflate(&z, Z_FINISH), Z_STREAM_END);
    plain[z.total_out] = '\0';
    inflateEnd(&z);
    CHECK(strncmp((char *)plain, "{\"items\":[{\"name\":\"CCN Nhựa Gamma\"", 34) == 0);
    reply_free(&r);
}

static void test_method_and_encoding_errors(void)
{
    struct reply r;
    static const char post[] = "POST /api/v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                               "Content-Length: 2\r\n\r\n{}";

    CHECK(http_raw(srv.port, post, sizeof(post) - 1, &r) == 0);
    CHECK_EQ_INT(r.status, 405);
    CHECK(reply_header(&r, "Allow") && strstr(reply_header(&r, "Allow"), "GET"));
    reply_free(&r);
    CHECK(http_get(srv.port, "/api/v1/zones?q=%FF%FE", NULL, &r) == 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(strstr(r.body, "UTF-8") != NULL);
    reply_free(&r);
    CHECK(http_get(srv.port, "/api/v1/nothing", NULL, &r) == 0);
    CHECK_EQ_INT(r.status, 404);
    reply_free(&r);
    /* the server is still serving after all of that */
    CHECK(http_get(srv.port, "/healthz", NULL, &r) == 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(r.body, "{\"status\":\"ok\"}\n");
    reply_free(&r);
}

/* ===== other resources ===== */

static void test_other_resources(void)
{
    json_t *j;
    char got[512];

    check_list("/api/v1/units", "D1 D2 P1 P9", 4);
    check_list("/api/v1/units?level=district&parent=P1", "D1 D2", 2);
    check_list("/api/v1/units?valid_on=2025-08-01", "P9", 1);
    check_list("/api/v1/units?under=P9", "D1 D2 P1 P9", 4);
    check_list("/api/v1/units?q=duc+hoa", "D1", 1);
    check_list("/api/v1/sectors?version=2025", "2220 2611 2619", 3);
    j = get_json("/api/v1/enterprises?q=nhua", 200);
    CHECK_EQ_STR(codes(j, "tax_code", got, sizeof(got)), "0300000001");
    json_decref(j);
    j = get_json("/api/v1/enterprises?ownership=fdi&sector=2610&unit=P9", 200);
    CHECK_EQ_STR(codes(j, "tax_code", got, sizeof(got)), "0300000002");
    json_decref(j);
    j = get_json("/api/v1/enterprises/0300000002", 200);
    CHECK_EQ_STR(json_string_value(json_object_get(j, "country")), "KR");
    CHECK_EQ_INT(json_integer_value(json_object_get(j, "employees")), 900);
    json_decref(j);
    check_list("/api/v1/projects?zone=kcn-alpha&status=operating", "prj-1", 1);
    check_list("/api/v1/projects?q=linh+kien", "prj-1", 1);
    check_list("/api/v1/projects?status=lead", "", 0);
}

static json_t *find_item(json_t *page, const char *code)
{
    size_t i;
    json_t *item;

    json_array_foreach(json_object_get(page, "items"), i,
                       item) if (strcmp(json_string_value(json_object_get(item, "code")), code) ==
                                 0) return item;
    return NULL;
}

static void test_targets(void)
{
    json_t *j = get_json("/api/v1/targets?lang=ko", 200), *t;
    struct reply r;

    if (!j)
        return;
    CHECK_EQ_INT(json_integer_value(json_object_get(j, "total")), 2);
    t = find_item(j, "t-kcn-count");
    CHECK(t != NULL);
    CHECK_EQ_STR(json_string_value(json_object_get(t, "name")), "산업단지 수");
    CHECK_EQ_DBL(json_number_value(json_object_get(t, "value")), 4, 1e-9);
    CHECK_EQ_STR(json_string_value(json_object_get(t, "value_on")), "2024-01-01");
    CHECK_EQ_DBL(json_number_value(json_object_get(t, "share_done")), 0.5, 1e-9);
    CHECK_EQ_DBL(json_number_value(json_object_get(t, "projected")), 7, 0.01);
    CHECK_EQ_STR(json_string_value(json_object_get(t, "verdict")), "on_track");
    CHECK(json_is_null(json_object_get(t, "verdict_why"))); /* present, and null when known */
    /* the registry's own count beside the reported one: alpha, beta, delta-1 */
    CHECK_EQ_DBL(json_number_value(json_object_get(json_object_get(t, "registry"), "value")), 3,
                 1e-9);
    CHECK_EQ_INT(json_array_size(json_object_get(t, "observations")), 2);
    t = find_item(j, "t-infra");
    CHECK_EQ_STR(json_string_value(json_object_get(t, "name_lang")), "en");
    CHECK_EQ_DBL(json_number_value(json_object_get(t, "value")), 100, 1e-9);
    CHECK_EQ_STR(json_string_value(json_object_get(t, "verdict")), "met");
    CHECK(json_is_null(json_object_get(t, "verdict_why")));
    json_decref(j);
    /* the CSV names why in its last column, empty when the verdict is known */
    CHECK(http_get(srv.port, "/api/v1/targets.csv", NULL, &r) == 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(r.body && strstr(r.body, ",projected,verdict,verdict_why\r\n") != NULL);
    CHECK(r.body && strstr(r.body, ",on_track,\r\n") != NULL);
    reply_free(&r);
}

static void test_stats(void)
{
    json_t *j = get_json("/api/v1/stats", 200), *rec, *umb;

    if (!j)
        return;
    rec = json_array_get(json_object_get(j, "reconciliation"), 0);
    CHECK_EQ_STR(json_string_value(json_object_get(rec, "kind")), "kcn");
    CHECK_EQ_INT(json_integer_value(json_object_get(rec, "registry_count")), 3);
    CHECK_EQ_DBL(json_number_value(json_object_get(rec, "registry_ha")), 1000, 1e-9);
    CHECK_EQ_DBL(json_number_value(json_object_get(rec, "reported_count")), 4, 1e-9);
    CHECK_EQ_DBL(json_number_value(json_object_get(rec, "difference_count")), -1, 1e-9);
    umb = json_array_get(json_object_get(j, "umbrellas"), 0);
    CHECK_EQ_STR(json_string_value(json_object_get(umb, "code")), "kcn-umbrella");
    CHECK_EQ_INT(json_integer_value(json_object_get(umb, "members")), 1);
    /* umbrella rows are never in the groups; members are */
    CHECK_EQ_INT(json_array_size(json_object_get(j, "groups")), 5);
    json_decref(j);
}

/* The number of zones the list filter gives (JSON total of
 * /api/v1/zones?filter), or -1. */
static long zones_total(const char *filter)
{
    char path[512];
    json_t *j;
    long n = -1;

    snprintf(path, sizeof(path), "/api/v1/zones?limit=500&%s", filter);
    j = get_json(path, 200);
    if (j && json_is_true(json_object_get(j, "total_exact")))
        n = (long)json_integer_value(json_object_get(j, "total"));
    json_decref(j);
    return n;
}

static double num(json_t *o, const char *key)
{
    return json_number_value(json_object_get(o, key));
}

/* One definition of "counted": the reconciliation, the targets' registry
 * figures and the land sums count the same zones, and each figure's
 * filter lists exactly the zones behind it. */
static void test_counted_agrees(void)
{
    json_t *j = get_json("/api/v1/stats", 200), *t = get_json("/api/v1/targets", 200);
    json_t *rec, *x, *land, *kcn = NULL, *reg;
    size_t i;

    if (!j || !t)
        goto out;
    rec = json_array_get(json_object_get(j, "reconciliation"), 0);
    /* alpha, beta and delta-1 are established; the umbrella and the
     * planned epsilon (no unit, so outside the target's scope) are not */
    CHECK_EQ_STR(json_string_value(json_object_get(rec, "zones")), "kind=kcn&counted=1&unit=P1");
    CHECK_EQ_STR(json_string_value(json_object_get(rec, "scope_unit")), "P1");
    CHECK_EQ_INT(zones_total(json_string_value(json_object_get(rec, "zones"))), 3);
    check_list("/api/v1/zones?kind=kcn&counted=1", "kcn-alpha kcn-beta kcn-delta-1", 3);
    check_list("/api/v1/zones?kind=kcn&counted=0", "kcn-epsilon kcn-umbrella", 2);
    check_list("/api/v1/zones?umbrella=1", "kcn-umbrella", 1);
    check_list("/api/v1/zones?missing=status", "kcn-umbrella", 1);
    check_list("/api/v1/zones?missing=unit_code,industrial_ha&kind=kcn",
               "kcn-delta-1 kcn-epsilon kcn-umbrella", 3);
    check_list("/api/v1/zones?unit_code=D2", "kcn-beta kcn-delta-1 kcn-umbrella", 3);
    json_array_foreach(json_object_get(rec, "not_counted"), i, x)
    {
        const char *reason = json_string_value(json_object_get(x, "reason"));
        long want = strcmp(reason, "umbrella") == 0 ? 1 : 0;
        CHECK_EQ_INT(json_integer_value(json_object_get(x, "count")), want);
        CHECK_EQ_INT(zones_total(json_string_value(json_object_get(x, "zones"))), want);
    }
    CHECK_EQ_INT(json_array_size(json_object_get(rec, "not_counted")), 4);
    /* the target counts what the reconciliation counts */
    json_array_foreach(json_object_get(t, "items"), i, x)
    {
        reg = json_object_get(x, "registry");
        if (!json_is_object(reg))
            continue;
        CHECK_EQ_INT(zones_total(json_string_value(json_object_get(reg, "zones"))),
                     json_integer_value(json_object_get(reg, "counted")) +
                         json_integer_value(json_object_get(reg, "unknown")));
        if (json_is_string(json_object_get(reg, "unknown_zones")))
            CHECK_EQ_INT(zones_total(json_string_value(json_object_get(reg, "unknown_zones"))),
                         json_integer_value(json_object_get(reg, "unknown")));
        if (strcmp(json_string_value(json_object_get(x, "metric")), "kcn_count") == 0)
            CHECK_EQ_DBL(num(reg, "value"), 3, 1e-9);
    }
    /* land: counted zones only, each sum with the zones it is known for */
    land = json_object_get(j, "land");
    json_array_foreach(json_object_get(land, "by_kind"), i, x)
    {
        CHECK_EQ_INT(zones_total(json_string_value(json_object_get(x, "zones"))),
                     json_integer_value(json_object_get(x, "count")));
        if (strcmp(json_string_value(json_object_get(x, "key")), "kcn") == 0)
            kcn = x;
    }
    CHECK(kcn != NULL);
    if (kcn) {
        CHECK_EQ_INT(json_integer_value(json_object_get(kcn, "count")), 3);
        CHECK_EQ_DBL(num(kcn, "total_ha"), 1000, 1e-9);
        CHECK_EQ_INT(json_integer_value(json_object_get(kcn, "total_known")), 3);
        CHECK_EQ_DBL(num(kcn, "industrial_ha"), 550, 1e-9);
        CHECK_EQ_INT(json_integer_value(json_object_get(kcn, "industrial_known")), 2);
        CHECK_EQ_DBL(num(kcn, "available_ha"), 175, 1e-9);
        CHECK_EQ_DBL(num(kcn, "occupancy_pct"), 100.0 * 375 / 550, 1e-9);
        CHECK_EQ_INT(json_integer_value(json_object_get(kcn, "occupancy_known")), 2);
    }
    json_array_foreach(json_object_get(land, "by_unit"), i, x)
        CHECK_EQ_INT(zones_total(json_string_value(json_object_get(x, "zones"))),
                     json_integer_value(json_object_get(x, "count")));
    x = json_object_get(land, "total");
    CHECK_EQ_INT(json_integer_value(json_object_get(x, "count")), 4);
    CHECK_EQ_DBL(num(x, "total_ha"), 1050, 1e-9);
    CHECK_EQ_INT(json_integer_value(json_object_get(x, "leased_known")), 2);
    /* ccn-gamma: industrial land known, lease not: occupancy unknown, not 0 */
    json_array_foreach(json_object_get(land, "by_kind"), i,
                       x) if (strcmp(json_string_value(json_object_get(x, "key")), "ccn") == 0)
    {
        CHECK(json_is_null(json_object_get(x, "occupancy_pct")));
        CHECK(json_is_null(json_object_get(x, "leased_ha")));
        CHECK_EQ_INT(json_integer_value(json_object_get(x, "leased_known")), 0);
    }
out:
    json_decref(j);
    json_decref(t);
}

static void test_counted_filters_refuse(void)
{
    check_problem("/api/v1/zones?missing=nope", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                  "\"detail\":\"missing must name columns of zones, comma-separated (see"
                  " /api/v1/openapi.json); got 'nope'\",\"param\":\"missing\"}");
    check_problem("/api/v1/zones?missing=total_ha,code", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                  "\"detail\":\"missing: code is required, so it is never missing\","
                  "\"param\":\"missing\"}");
    check_problem("/api/v1/zones?counted=yes", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                  "\"detail\":\"counted must be 0 or 1; got 'yes'\",\"param\":\"counted\"}");
}

/* The dashboard as one CSV: the reconciliation, every target and the land,
 * one figure per record. */
static void test_dashboard_csv(void)
{
    struct reply r;

    CHECK(http_get(srv.port, "/api/v1/dashboard.csv?lang=en&bom=1", NULL, &r) == 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(reply_header(&r, "Content-Type"), "text/csv; charset=utf-8");
    CHECK(r.body && strncmp(r.body,
                            "\xEF\xBB\xBFsection,subject,name,measure,value,as_of,known_for,"
                            "of_zones,zones,source\r\n",
                            strlen("\xEF\xBB\xBFsection,subject,name,measure,value,as_of,known_for,"
                                   "of_zones,zones,source\r\n")) == 0);
    CHECK(r.body && strstr(r.body, "\r\nreconciliation,kcn,,registry_count,3,,,,"
                                   "kind=kcn&counted=1&unit=P1,\r\n") != NULL);
    CHECK(r.body && strstr(r.body, "\r\nreconciliation,kcn,,reported_count,4,2024-01-01,") != NULL);
    CHECK(r.body && strstr(r.body, "\r\nreconciliation,kcn,,not_counted_umbrella,1,") != NULL);
    CHECK(r.body && strstr(r.body, ",verdict,on_track,") != NULL);
    CHECK(r.body && strstr(r.body, "\r\nland_by_kind,kcn,,occupancy_pct,68.18") != NULL);
    CHECK(r.body &&
          strstr(r.body, "\r\nland_by_kind,ccn,,leased_ha,,,0,1,kind=ccn&counted=1,") != NULL);
    CHECK(r.body && strstr(r.body, "\r\nland_total,,,total_ha,1050,,4,4,counted=1,\r\n") != NULL);
    reply_free(&r);
    check_problem("/api/v1/dashboard.csv?sort=x", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                  "\"detail\":\"unknown query parameter \\\"sort\\\"; allowed: lang, bom\","
                  "\"param\":\"sort\"}");
}

/* ===== the answer cache ===== */

/* Sets the status of zone kcn-beta by importing the fixture's zones.csv
 * again (--replace) with that status, through a `khu import` process of its
 * own: a change committed by another connection, as an officer's would be. */
static void set_beta_status(const char *status)
{
    char path[512], csv_path[512], *csv = NULL, *line, *out = NULL, *err = NULL;
    const char *fx = getenv("KHU_FIXTURE");
    struct buf b;
    FILE *f;
    size_t n;

    snprintf(path, sizeof(path), "%s/zones.csv", fx ? fx : "tests/fixture");
    snprintf(csv_path, sizeof(csv_path), "%s.zones.csv", db_path);
    f = fopen(path, "rb");
    csv = calloc(1, 1 << 16);
    n = f && csv ? fread(csv, 1, (1 << 16) - 1, f) : 0;
    if (f)
        fclose(f);
    line = n ? strstr(csv, "\nkcn-beta,") : NULL;
    CHECK(line != NULL);
    if (line)
        line = strstr(line, ",operating,");
    if (line) {
        buf_init(&b, 1 << 17);
        buf_append(&b, csv, (size_t)(line - csv));
        buf_printf(&b, ",%s,%s", status, line + strlen(",operating,"));
        CHECK_EQ_INT(write_file(csv_path, buf_cstr(&b)), 0);
        buf_free(&b);
        CHECK_EQ_INT(
            run_khu((char *[]){"import", "zones", csv_path, "--replace", "--db", db_path, NULL},
                    &out, &err),
            0);
        free(out);
        free(err);
        unlink(csv_path);
    }
    free(csv);
}

static long stats_kcn_count(void)
{
    json_t *j = get_json("/api/v1/stats", 200);
    long n = -1;

    if (j)
        n = (long)json_integer_value(json_object_get(
            json_array_get(json_object_get(j, "reconciliation"), 0), "registry_count"));
    json_decref(j);
    return n;
}

/* Answers are cached, but a change committed by another connection shows
 * in the very next answer, whichever server thread answers it. */
static void test_cache_sees_changes(void)
{
    int i;

    for (i = 0; i < 12; i++) {
        check_list("/api/v1/zones?kind=kcn&status=operating", "kcn-alpha kcn-beta", 2);
        CHECK_EQ_INT(stats_kcn_count(), 3);
    }
    set_beta_status("cancelled");
    for (i = 0; i < 12; i++) {
        check_list("/api/v1/zones?kind=kcn&status=operating", "kcn-alpha", 1);
        CHECK_EQ_INT(stats_kcn_count(), 2);
    }
    set_beta_status("operating");
    for (i = 0; i < 12; i++) {
        check_list("/api/v1/zones?kind=kcn&status=operating", "kcn-alpha kcn-beta", 2);
        CHECK_EQ_INT(stats_kcn_count(), 3);
    }
}

/* The status of zone code in a list page built from the database (each
 * limit spelled differently, so that no answer comes from the answer
 * cache), and the page's body into body when not NULL. */
static char *status_in_page(const char *code, int spelling, char *body, size_t n)
{
    static char status[32];
    char path[128];
    json_t *j, *item;
    size_t i;

    snprintf(path, sizeof(path), "/api/v1/zones?sort=-total_ha&limit=%0*d", 3 + spelling, 50);
    j = get_json(path, 200);
    status[0] = '\0';
    json_array_foreach(json_object_get(j, "items"), i, item)
    {
        if (strcmp(json_string_value(json_object_get(item, "code")), code) == 0)
            snprintf(status, sizeof(status), "%s",
                     json_string_value(json_object_get(item, "status")));
    }
    if (body) {
        char *text = json_dumps(j, JSON_COMPACT);
        snprintf(body, n, "%s", text ? text : "");
        free(text);
    }
    json_decref(j);
    return status;
}

/* Rows written once are kept for later pages (api/row_memo.c), but a change
 * committed by another connection shows in the very next page built. */
static void test_row_memo_sees_changes(void)
{
    static char first[1 << 16], again[1 << 16];
    int i, spelling = 0;

    status_in_page("kcn-beta", spelling++, first, sizeof(first));
    for (i = 0; i < 8; i++) { /* the same page from kept rows, byte for byte */
        CHECK_EQ_STR(status_in_page("kcn-beta", spelling++, again, sizeof(again)), "operating");
        CHECK_EQ_STR(again, first);
    }
    set_beta_status("planned");
    for (i = 0; i < 8; i++)
        CHECK_EQ_STR(status_in_page("kcn-beta", spelling++, NULL, 0), "planned");
    set_beta_status("operating");
    for (i = 0; i < 8; i++)
        CHECK_EQ_STR(status_in_page("kcn-beta", spelling++, NULL, 0), "operating");
}

static void test_openapi(void)
{
    json_t *j = get_json("/api/v1/openapi.json", 200), *paths;
    static const char *const must[] = {"/api/v1/zones",
                                       "/api/v1/zones.csv",
                                       "/api/v1/zones.geojson",
                                       "/api/v1/zones/{code}",
                                       "/api/v1/units",
                                       "/api/v1/sectors",
                                       "/api/v1/enterprises",
                                       "/api/v1/projects",
                                       "/api/v1/targets",
                                       "/api/v1/stats",
                                       NULL};
    const char *const *p;
    json_t *params;
    size_t i;
    json_t *prm;
    int has_min_available = 0;

    if (!j)
        return;
    CHECK_EQ_STR(json_string_value(json_object_get(j, "openapi")), "3.1.0");
    paths = json_object_get(j, "paths");
    for (p = must; *p; p++)
        CHECK(json_object_get(paths, *p) != NULL);
    params = json_object_get(json_object_get(json_object_get(paths, "/api/v1/zones"), "get"),
                             "parameters");
    json_array_foreach(params, i, prm) has_min_available |=
        strcmp(json_string_value(json_object_get(prm, "name")), "min_available_ha") == 0;
    CHECK(has_min_available);
    json_decref(j);
}

/* ===== site finder ===== */

static void test_match(void)
{
    json_t *j, *item;
    struct reply r;
    char got[512];
    static const char body[] = "{\"land_ha\": 80, \"units\": [\"D1\"], \"limit\": 5}";
    char post[512];
    int n = snprintf(post, sizeof(post),
                     "POST /api/v1/match/sites?lang=en HTTP/1.1\r\nHost: x\r\nConnection: "
                     "close\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                     sizeof(body) - 1, body);

    /* 80 ha: alpha (100 ha available) fits; gamma's free land is unknown, so it may fit but
     * is unverified and says what to ask; beta (75) is excluded and says why */
    j = get_json("/api/v1/match/sites?land_ha=80&units=D1&lang=en", 200);
    CHECK_EQ_STR(group_codes(j, "fits", got, sizeof(got)), "kcn-alpha");
    CHECK_EQ_STR(group_codes(j, "unverified", got, sizeof(got)), "ccn-gamma");
    CHECK_EQ_STR(group_codes(j, "excluded", got, sizeof(got)), "kcn-beta kcn-delta-1 kcn-epsilon");
    CHECK_EQ_INT(json_integer_value(json_object_get(json_object_get(j, "counts"), "fits")), 1);
    CHECK_EQ_INT(json_integer_value(json_object_get(json_object_get(j, "counts"), "unverified")),
                 1);
    CHECK_EQ_INT(json_integer_value(json_object_get(json_object_get(j, "counts"), "excluded")), 3);
    CHECK(json_object_get(j, "items") == NULL);
    item = json_array_get(json_object_get(j, "fits"), 0);
    CHECK_EQ_STR(json_string_value(json_object_get(item, "group")), "fits");
    CHECK_EQ_INT(json_integer_value(json_object_get(item, "rank")), 1);
    CHECK_EQ_STR(json_string_value(json_object_get(json_object_get(item, "checks"), "land")),
                 "met");
    CHECK(json_object_get(json_object_get(item, "checks"), "price") == NULL); /* not asked */
    CHECK_EQ_DBL(json_number_value(json_object_get(json_object_get(item, "facts"), "available_ha")),
                 100, 0);
    CHECK_EQ_DBL(json_number_value(json_object_get(json_object_get(item, "facts"), "total_ha")),
                 500, 0);
    CHECK_EQ_STR(json_string_value(json_object_get(json_object_get(item, "facts"), "source")),
                 "src-a");
    CHECK(json_is_null(json_object_get(json_object_get(item, "facts"), "power_mva")));
    item = json_array_get(json_object_get(j, "unverified"), 0);
    CHECK_EQ_STR(json_string_value(json_object_get(json_object_get(item, "checks"), "land")),
                 "unknown");
    CHECK_EQ_STR(json_string_value(
                     json_object_get(json_array_get(json_object_get(item, "reasons"), 0), "text")),
                 "available land unknown, so not verified: ask the zone how many hectares are "
                 "available to lease now");
    item = json_array_get(json_object_get(j, "excluded"), 0);
    CHECK_EQ_STR(json_string_value(json_object_get(item, "code")), "kcn-beta");
    CHECK_EQ_STR(json_string_value(
                     json_object_get(json_array_get(json_object_get(item, "reasons"), 0), "text")),
                 "needs 80 ha; 75 ha available");
    json_decref(j);
    /* the next page of one group: its ranks go on, the other groups are left out */
    j = get_json("/api/v1/match/sites?land_ha=80&units=D1&lang=en&group=excluded&offset=1&limit=1",
                 200);
    CHECK_EQ_STR(group_codes(j, "excluded", got, sizeof(got)), "kcn-delta-1");
    CHECK_EQ_INT(json_integer_value(
                     json_object_get(json_array_get(json_object_get(j, "excluded"), 0), "rank")),
                 2);
    CHECK(json_object_get(j, "fits") == NULL);
    CHECK_EQ_INT(json_integer_value(json_object_get(json_object_get(j, "counts"), "fits")), 1);
    json_decref(j);
    /* the same needs as a JSON body give the same answer */
    CHECK(http_raw(srv.port, post, (size_t)n, &r) == 0);
    CHECK_EQ_INT(r.status, 200);
    j = json_loads(r.body, 0, NULL);
    CHECK_EQ_STR(group_codes(j, "fits", got, sizeof(got)), "kcn-alpha");
    CHECK_EQ_STR(group_codes(j, "unverified", got, sizeof(got)), "ccn-gamma");
    json_decref(j);
    reply_free(&r);
    /* Vietnamese reasons with Vietnamese numbers */
    j = get_json("/api/v1/match/sites?land_ha=80.5", 200);
    item = json_array_get(json_object_get(j, "excluded"), 0);
    CHECK_EQ_STR(json_string_value(
                     json_object_get(json_array_get(json_object_get(item, "reasons"), 0), "text")),
                 "cần 80,5 ha; còn trống 75 ha");
    json_decref(j);
    check_problem("/api/v1/match/sites?land_ha=-1", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"land_ha must be a number from 0 to 100000; got '-1'\",\"param\":\"land_ha\","
                  "\"errors\":[{\"param\":\"land_ha\",\"detail\":\"land_ha must be a number from 0 "
                  "to 100000; got '-1'\"}]}");
    check_problem("/api/v1/match/sites?group=maybe", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"group must be fits, unverified or excluded; got 'maybe'\",\"param\":\"group\","
                  "\"errors\":[{\"param\":\"group\",\"detail\":\"group must be fits, unverified or "
                  "excluded; got 'maybe'\"}]}");
    /* every bad value at once, in the language asked for */
    check_problem(
        "/api/v1/match/sites?offset=-3&land_ha=x&lang=ko", 400,
        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
        "\"2개 항목을 확인하세요: offset, land_ha.\",\"param\":\"offset\",\"errors\":["
        "{\"param\":\"offset\",\"detail\":\"offset은(는) 0에서 200000 사이의 정수여야 합니다. "
        "입력값: '-3'\"},{\"param\":\"land_ha\",\"detail\":\"land_ha은(는) 0에서 100000 사이의 "
        "숫자여야 합니다. 입력값: 'x'\"}]}");
    check_problem("/api/v1/match/sites?units=Z9", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"unknown unit 'Z9': see /api/v1/units for the codes\",\"param\":\"units\"}");
}

static void test_match_post_errors(void)
{
    static const char *const bodies[][2] = {
        {"{\"land_ha\": \"x\"}", "land_ha must be a number from 0 to 100000; got 'x'"},
        {"{\"colour\": 1}", "unknown field \\\"colour\\\""},
        {"{\"units\": 5}", "units has the wrong type"},
        {"[1,2]", "the body must be a JSON object: not an object"},
        {"{\"a\":1,\"a\":2}", "the body must be a JSON object: duplicate object key"},
    };
    char req[1024];
    struct reply r;
    size_t i;

    for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        int n = snprintf(req, sizeof(req),
                         "POST /api/v1/match/sites HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                         "Content-Length: %zu\r\n\r\n%s",
                         strlen(bodies[i][0]), bodies[i][0]);
        CHECK(http_raw(srv.port, req, (size_t)n, &r) == 0);
        CHECK_EQ_INT(r.status, 400);
        if (!strstr(r.body, bodies[i][1]))
            TEST_FAIL_AT(__FILE__, __LINE__, "body %s: %s", bodies[i][0], r.body);
        else
            test_passed++;
        reply_free(&r);
    }
}

static void test_brief(void)
{
    struct reply r;

    CHECK(http_get(srv.port, "/api/v1/brief.pdf?zones=kcn-alpha,kcn-beta&land_ha=80&lang=ko", NULL,
                   &r) == 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK_EQ_STR(reply_header(&r, "Content-Type"), "application/pdf");
    CHECK(r.body_len > 1000 && memcmp(r.body, "%PDF-", 5) == 0);
    reply_free(&r);
    check_problem("/api/v1/brief.pdf?zones=kcn-alpha,kcn-nowhere", 404,
                  "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":"
                  "\"no zone with code 'kcn-nowhere'\",\"param\":\"zones\"}");
    check_problem("/api/v1/brief.pdf?zones=a,b,c,d,e,f,g,h,i", 400,
                  "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":"
                  "\"zones must be 1 to 8 zone codes separated by commas\",\"param\":\"zones\"}");
}

/* POSTs body to /api/v1/leads with the given header lines. */
static int post_lead_as(const char *headers, const char *body, struct reply *r)
{
    char req[16384];
    int n = snprintf(req, sizeof(req),
                     "POST /api/v1/leads HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                     "%sContent-Length: %zu\r\n\r\n%s",
                     headers, strlen(body), body);
    return http_raw(srv.port, req, (size_t)n, r);
}

static int post_lead(const char *body, struct reply *r)
{
    return post_lead_as("Content-Type: application/json\r\nAccept-Language: vi-VN,vi\r\n", body, r);
}

static void check_lead_error(const char *body, const char *want_detail)
{
    struct reply r;

    CHECK(post_lead(body, &r) == 0);
    CHECK_EQ_INT(r.status, 400);
    if (!strstr(r.body, want_detail))
        TEST_FAIL_AT(__FILE__, __LINE__, "%s: %s", body, r.body);
    else
        test_passed++;
    reply_free(&r);
}

static void test_leads(void)
{
    static const char good[] =
        "{\"name\":\"Kim Min-jun\",\"company\":\"Hanil <b>Parts</b>\",\"country\":\"KR\","
        "\"email\":\"kim@hanil.example\",\"message\":\"10 ha\\nplease\",\"zones\":[\"kcn-alpha\"]}";
    char big[7000], *out = NULL, *err = NULL;
    struct reply r;
    int i, accepted = 0, limited = 0;

    check_lead_error("{\"company\":\"A\",\"email\":\"a@b.vn\"}",
                     "\"detail\":\"Trường này là bắt buộc.\"");
    check_lead_error("{\"name\":\"A\",\"company\":\"A\",\"email\":\"a@b\"}",
                     "{\"param\":\"email\",\"detail\":\"Không phải địa chỉ e-mail.\"}");
    check_lead_error("{\"name\":\"A\",\"company\":\"A\",\"email\":\"a@b.vn\",\"country\":\"kr\"}",
                     "\"param\":\"country\",\"detail\":\"Hãy chọn một quốc gia trong danh sách");
    check_lead_error("{\"name\":\"A\",\"company\":\"A\",\"email\":\"a@b.vn\",\"zones\":[\"nope\"]}",
                     "Khu thứ 1 trong danh sách không phải mã khu.");
    check_lead_error("{\"name\":\"A\",\"company\":\"A\",\"email\":\"a@b.vn\",\"phone\":1}",
                     "\"detail\":\"Trường không xác định \\\"phone\\\".\",\"param\":\"phone\"}");
    check_lead_error("{\"name\":\"A\\u0007\",\"company\":\"A\",\"email\":\"a@b.vn\"}",
                     "{\"param\":\"name\",\"detail\":\"Có ký tự điều khiển");
    check_lead_error("[]", "Nội dung phải là một đối tượng JSON");
    snprintf(big, sizeof(big),
             "{\"name\":\"A\",\"company\":\"A\",\"email\":\"a@b.vn\","
             "\"message\":\"%05000d%01000d\"}",
             0, 0);
    check_lead_error(big, "{\"param\":\"message\",\"detail\":\"Tối đa 5000 ký tự.\"}");
    /* every problem at once, each with its field, in the request's language */
    CHECK(post_lead_as("Content-Type: application/json\r\nAccept-Language: ko-KR,ko;q=0.9\r\n",
                       "{\"email\":\"nope\",\"country\":\"한국\"}", &r) == 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK_EQ_STR(
        r.body,
        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
        "\"detail\":\"4개 항목을 확인하세요: name, company, country, email.\","
        "\"param\":\"name\",\"errors\":[{\"param\":\"name\",\"detail\":\"필수 항목입니다.\"},"
        "{\"param\":\"company\",\"detail\":\"필수 항목입니다.\"},"
        "{\"param\":\"country\",\"detail\":\"목록에서 국가를 선택하세요(ISO 3166 alpha-2 "
        "코드, 예: KR).\"},"
        "{\"param\":\"email\",\"detail\":\"이메일 주소가 아닙니다.\"}]}");
    reply_free(&r);
    /* ?lang= wins over the browser's languages */
    {
        char req[1024];
        int n = snprintf(req, sizeof(req),
                         "POST /api/v1/leads?lang=en HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                         "Content-Type: application/json\r\nAccept-Language: ko\r\n"
                         "Content-Length: 2\r\n\r\n{}");
        CHECK(http_raw(srv.port, req, (size_t)n, &r) == 0);
        CHECK(r.body &&
              strstr(r.body, "\"detail\":\"Check 3 fields: name, company, email.\"") != NULL);
        reply_free(&r);
    }
    /* what a page of another site can send is refused before it is read */
    CHECK(post_lead_as("Content-Type: text/plain\r\n", good, &r) == 0);
    CHECK_EQ_INT(r.status, 415);
    CHECK(strstr(r.body, "send Content-Type: application/json") != NULL);
    reply_free(&r);
    CHECK(post_lead_as("Content-Type: application/json\r\nOrigin: https://evil.example\r\n", good,
                       &r) == 0);
    CHECK_EQ_INT(r.status, 403);
    CHECK_EQ_STR(reply_header(&r, "Content-Type"), "application/problem+json");
    reply_free(&r);
    CHECK(post_lead_as("Content-Type: application/json\r\nSec-Fetch-Site: cross-site\r\n", good,
                       &r) == 0);
    CHECK_EQ_INT(r.status, 403);
    reply_free(&r);
    /* five accepted from one address, then 429 */
    for (i = 0; i < 7; i++) {
        CHECK(post_lead(good, &r) == 0);
        accepted += r.status == 201 && strstr(r.body, "\"code\":\"lead-") != NULL;
        limited += r.status == 429;
        reply_free(&r);
    }
    CHECK_EQ_INT(accepted, 5);
    CHECK_EQ_INT(limited, 2);
    /* the officers see them, the text as typed */
    CHECK_EQ_INT(run_khu((char *[]){"leads", "--db", db_path, NULL}, &out, &err), 0);
    CHECK(strstr(out, "Hanil <b>Parts</b> (KR)  Kim Min-jun <kim@hanil.example>") != NULL);
    CHECK(strstr(out, "5 leads") != NULL);
    free(out);
    free(err);
}

/* An inquiry posted while another connection (an import, here this test)
 * holds the write lock waits out the busy timeout and is refused with 503
 * and Retry-After, not acknowledged and lost; once the lock is gone the
 * same inquiry is stored. Runs on a fresh server, so the earlier inquiries
 * count against no rate limit. */
static void test_leads_busy(void)
{
    static const char good[] = "{\"name\":\"Lee\",\"company\":\"Busy Co\",\"email\":"
                               "\"lee@busy.example\",\"zones\":[\"kcn-beta\"]}";
    static const struct store_actor importer = {"cli", ""};
    struct store *s = NULL;
    struct store_tx *tx = NULL;
    struct khu_diag d;
    struct reply r;
    char *out = NULL, *err = NULL;
    const char *h;

    CHECK_EQ_INT(server_start(&srv, db_path, NULL), 0);
    CHECK_EQ_INT(store_open(db_path, STORE_READ_WRITE, &s, &d), KHU_OK);
    CHECK_EQ_INT(store_tx_begin(s, &importer, &tx, &d), KHU_OK);
    CHECK(post_lead(good, &r) == 0);
    CHECK_EQ_INT(r.status, 503);
    h = reply_header(&r, "Retry-After");
    CHECK(h && strcmp(h, "5") == 0);
    h = reply_header(&r, "Content-Type");
    CHECK(h && strcmp(h, "application/problem+json") == 0);
    CHECK(strstr(r.body, "\"detail\":\"the database is busy with another write") != NULL);
    CHECK(!strstr(r.body, "locked") && !strstr(r.body, "lead-"));
    reply_free(&r);
    store_tx_rollback(tx);
    CHECK(post_lead(good, &r) == 0);
    CHECK_EQ_INT(r.status, 201);
    CHECK(strstr(r.body, "\"code\":\"lead-") != NULL);
    CHECK(!reply_header(&r, "Retry-After"));
    reply_free(&r);
    store_close(s);
    /* five from test_leads and the retry: the refused one was not stored */
    CHECK_EQ_INT(run_khu((char *[]){"leads", "--db", db_path, NULL}, &out, &err), 0);
    CHECK(strstr(out, "6 leads") != NULL);
    CHECK(strstr(out, "Busy Co () ") != NULL);
    free(out);
    free(err);
    CHECK_EQ_INT(server_stop(&srv), 0);
}

int main(void)
{
    char dir[] = "/tmp/khu-api-XXXXXX", fixture[512];
    const char *fx = getenv("KHU_FIXTURE");
    char *out = NULL, *err = NULL;
    int rc;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db_path, sizeof(db_path), "%s/api.db", dir);
    snprintf(fixture, sizeof(fixture), "%s", fx ? fx : "tests/fixture");
    rc = run_khu((char *[]){"import", "--dir", fixture, "--db", db_path, NULL}, &out, &err);
    CHECK_EQ_INT(rc, 0);
    if (rc)
        fprintf(stderr, "%s%s", out, err);
    free(out);
    free(err);
    setenv("KHU_TODAY", "2025-01-01", 1);
    if (server_start(&srv, db_path, NULL) != 0) {
        TEST_FAIL_AT(__FILE__, __LINE__, "khu serve did not start");
        return test_report("test_api");
    }
    test_names_agree();
    test_zone_item();
    test_zone_filters();
    test_zone_search();
    test_zone_sort_and_cursor();
    test_zone_errors();
    test_csv_and_geojson();
    test_csv_bom();
    test_etag_gzip_cors();
    test_method_and_encoding_errors();
    test_other_resources();
    test_targets();
    test_sources();
    test_check_sources();
    test_stats();
    test_counted_agrees();
    test_counted_filters_refuse();
    test_dashboard_csv();
    test_cache_sees_changes();
    test_row_memo_sees_changes();
    test_openapi();
    test_match();
    test_match_post_errors();
    test_brief();
    test_leads();
    CHECK_EQ_INT(server_stop(&srv), 0); /* SIGTERM: clean exit */
    test_leads_busy();
    unlink(db_path);
    rmdir(dir);
    return test_report("test_api");
}
