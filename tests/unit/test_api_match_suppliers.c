/* SPDX-License-Identifier: MIT */
/*
 * The supplier finder over HTTP, on the default data set with a small,
 * hand-made supplier base added (a test's rows, not the province's): a
 * Korean car-parts buyer's demand for CNC machining and stamping under
 * IATF 16949 within 100 km. Supplier A fits (its score worked out here
 * from the rule), D lists the processes and the certificate only as
 * tokens, its certificate undated (unverified), B's certificate lapsed before the needed-by day, C
 * does not do CNC machining, E is 1,100 km away, F is not a supplier.
 * Checked: the groups and counts with and without the excluded listed
 * (the pre-filter changes nothing), each reason in en, vi and ko, the
 * same answer from the demand's fields (GET and POST), the open demands
 * for a supplier, the refusals, and a certificate added by another
 * process moving D to the fits at the next request.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

#include "client.h"
#include "api_world.h"
#include "rmtree.h"
#include "store/import.h"
#include "store/store.h"
#include "test.h"

static char dir[] = "/tmp/khu-suppliers-XXXXXX";
static char db[300];
static struct server srv;

static const char enterprises[] =
    "tax_code,name,name_en,country,ownership,vsic,capabilities,certifications,supplier,lat,lon,"
    "capacity_month,capacity_unit\n"
    "0311111111,Công ty TNHH Daesung Vina,Daesung Vina,KR,fdi,2930,,,0,10.6417,106.4875,,\n"
    "0322222222,Công ty TNHH Hanil Vina,Hanil Vina,KR,fdi,2610,,,0,10.80,106.60,,\n"
    "0300000001,Công ty TNHH An Phát,An Phat Precision,VN,domestic,2592,,,1,10.70,106.50,10000,"
    "pieces\n"
    "0300000002,Công ty TNHH Bình Minh,Binh Minh Metal,VN,domestic,2592,,,1,10.65,106.45,,\n"
    "0300000003,Công ty TNHH Cửu Long,Cuu Long Plastics,VN,domestic,2220,,,1,10.60,106.40,,\n"
    "0300000004,Công ty TNHH Đức Hòa,Duc Hoa Mechanics,VN,domestic,2592,cnc-machining "
    "stamping,iatf16949,1,10.66,106.47,,\n"
    "0300000005,Công ty TNHH Hà Nội,Ha Noi Parts,VN,state,2930,,,1,21.03,105.85,,\n"
    "0300000006,Công ty TNHH Giả,Not A Supplier,VN,domestic,2930,cnc-machining "
    "stamping,iatf16949,0,10.64,106.48,,\n";

static const char capabilities[] = "tax_code,process,level\n"
                                   "0300000001,cnc-machining,audited\n"
                                   "0300000001,stamping,in_volume\n"
                                   "0300000002,cnc-machining,can_do\n"
                                   "0300000002,stamping,can_do\n"
                                   "0300000003,injection-molding,can_do\n"
                                   "0300000005,cnc-machining,audited\n"
                                   "0300000005,stamping,audited\n";

static const char certifications[] =
    "tax_code,standard,number,issuer,valid_from,valid_to\n"
    "0300000001,iatf16949,IATF-1,Test Body,2024-01-01,2026-12-31\n"
    "0300000002,iatf16949,IATF-2,Test Body,2021-01-01,2024-12-31\n"
    "0300000005,iatf16949,IATF-5,Test Body,2024-01-01,2027-12-31\n";

static const char linkages[] = "code,supplier_tax_code,buyer_tax_code,annual_usd,since\n"
                               "LK-T1,0300000001,0322222222,1000,2024-01-01\n";

static const char demands[] =
    "code,buyer_tax_code,title,vsic,capabilities,certifications,annual_usd,needed_by,status,"
    "annual_volume,volume_unit,max_km,withdrawn_on\n"
    "NC-T1,0311111111,Brackets,2930,cnc-machining stamping,iatf16949,500000,2026-06-30,open,"
    "60000,pieces,100,\n"
    "NC-T2,0311111111,Closed one,2930,cnc-machining,,1000,2026-06-30,closed,,,,\n"
    "NC-T3,0311111111,Withdrawn one,2220,injection-molding,,1000,2026-06-30,open,,,,2026-01-05\n"
    "NC-T4,0311111111,Plastic caps,2220,injection-molding,,20000,2026-06-30,open,,,,\n";

#define call(method, target, body, want)                                                           \
    world_call(srv.port, NULL, method, target, body, NULL, want)
#define str         world_str
#define import(...) world_import(db, __VA_ARGS__)

/* The tax codes of group g of j, comma-separated, into out. */
static const char *codes(json_t *j, const char *g, char *out, size_t n)
{
    json_t *x;
    size_t i;

    out[0] = '\0';
    json_array_foreach(json_object_get(j, g), i, x)
        snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? "," : "",
                 json_object_get(x, "tax_code") ? str(x, "tax_code") : str(x, "code"));
    return out;
}

static long count(json_t *j, const char *g)
{
    return (long)json_integer_value(json_object_get(json_object_get(j, "counts"), g));
}

/* The reasons' texts of the entry with code in group g, joined by " | ". */
static const char *reasons(json_t *j, const char *g, const char *code, char *out, size_t n)
{
    json_t *x, *r;
    size_t i, k;

    out[0] = '\0';
    json_array_foreach(json_object_get(j, g), i, x)
    {
        if (strcmp(str(x, "tax_code"), code))
            continue;
        json_array_foreach(json_object_get(x, "reasons"), k, r)
            snprintf(out + strlen(out), n - strlen(out), "%s%s", k ? " | " : "", str(r, "text"));
    }
    return out;
}

static json_t *entry(json_t *j, const char *g, const char *code)
{
    json_t *x;
    size_t i;

    json_array_foreach(json_object_get(j, g), i, x) if (!strcmp(str(x, "tax_code"), code)) return x;
    return NULL;
}

/* A's score from the rule (weights 3, 2, 1, 2, 1, 1): both processes
 * (audited 1, in volume 2/3), its certificate valid, another division, a
 * year's capacity twice the volume, its distance against 100 km, one
 * Korean buyer supplied. */
static double score_of_a(void)
{
    const double rad = M_PI / 180;
    double dlat = (10.70 - 10.6417) * rad, dlon = (106.50 - 106.4875) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) +
               cos(10.6417 * rad) * cos(10.70 * rad) * sin(dlon / 2) * sin(dlon / 2);
    double km = 2 * 6371.0088 * asin(sqrt(h));

    return 10 *
           (3 * (1 + 2.0 / 3) / 2 + 2 * 1 + 1 * 0 + 2 * 1 + 1 * (1 - km / 200) + 1 * (1.0 / 3));
}

static void test_by_code(void)
{
    char list[256], why[1024];
    json_t *j = call("GET", "/api/v1/match/suppliers?demand=NC-T1&lang=en", NULL, 200), *a;
    json_t *all;

    if (!j)
        return;
    CHECK_EQ_STR(codes(j, "fits", list, sizeof(list)), "0300000001");
    CHECK_EQ_STR(codes(j, "unverified", list, sizeof(list)), "0300000004");
    CHECK(json_object_get(j, "excluded") == NULL); /* counted, not listed */
    CHECK_EQ_INT(count(j, "fits"), 1);
    CHECK_EQ_INT(count(j, "unverified"), 1);
    CHECK_EQ_INT(count(j, "excluded"), 3);
    CHECK_EQ_INT(json_integer_value(json_object_get(j, "suppliers")), 5); /* F is not one */
    a = entry(j, "fits", "0300000001");
    CHECK(a && fabs(json_number_value(json_object_get(a, "score")) - score_of_a()) < 0.051);
    CHECK_EQ_STR(str(json_object_get(a, "checks"), "certification"), "met");
    CHECK_EQ_STR(str(a, "name"), "An Phat Precision");
    CHECK_EQ_STR(str(json_object_get(j, "demand"), "buyer_tax_code"), "0311111111");
    reasons(j, "unverified", "0300000004", why, sizeof(why));
    CHECK(strstr(why, "IATF 16949") != NULL); /* held, until when not known */
    CHECK_EQ_STR(
        str(json_object_get(entry(j, "unverified", "0300000004"), "checks"), "certification"),
        "unknown");
    /* the excluded listed: the same counts, each with its reason */
    all = call("GET", "/api/v1/match/suppliers?demand=NC-T1&group=excluded&lang=en", NULL, 200);
    if (all) {
        CHECK_EQ_INT(count(all, "fits"), 1);
        CHECK_EQ_INT(count(all, "excluded"), 3);
        CHECK(json_object_get(all, "fits") == NULL);
        codes(all, "excluded", list, sizeof(list));
        CHECK(strstr(list, "0300000002") && strstr(list, "0300000003") &&
              strstr(list, "0300000005"));
        CHECK(strstr(reasons(all, "excluded", "0300000002", why, sizeof(why)), "31/12/2024") !=
              NULL);
        CHECK(strstr(reasons(all, "excluded", "0300000003", why, sizeof(why)), "cnc-machining") !=
              NULL);
        CHECK(strstr(reasons(all, "excluded", "0300000005", why, sizeof(why)), "100") != NULL);
        json_decref(all);
    }
    json_decref(j);
    /* the reasons in the reader's language */
    j = call("GET", "/api/v1/match/suppliers?demand=NC-T1&group=excluded&lang=vi", NULL, 200);
    if (j) {
        reasons(j, "excluded", "0300000002", why, sizeof(why));
        CHECK(strstr(why, "IATF 16949") && strstr(why, "31/12/2024"));
        CHECK_EQ_STR(str(j, "lang"), "vi");
        json_decref(j);
    }
    j = call("GET", "/api/v1/match/suppliers?demand=NC-T1&group=excluded&lang=ko", NULL, 200);
    if (j) {
        reasons(j, "excluded", "0300000003", why, sizeof(why));
        CHECK(strstr(why, "cnc-machining") != NULL && strstr(why, "\xea") != NULL); /* Hangul */
        json_decref(j);
    }
}

/* The demand's fields give the answer its code gives. */
static void test_by_fields(void)
{
    static const char query[] =
        "/api/v1/match/suppliers?processes=cnc-machining,stamping&certifications=iatf16949"
        "&vsic=2930&needed_by=2026-06-30&annual_volume=60000&volume_unit=pieces&max_km=100"
        "&lat=10.6417&lon=106.4875&country=KR&lang=en";
    static const char body[] =
        "{\"processes\":[\"cnc-machining\",\"stamping\"],\"certifications\":[\"iatf16949\"],"
        "\"vsic\":\"2930\",\"needed_by\":\"2026-06-30\",\"annual_volume\":60000,"
        "\"volume_unit\":\"pieces\",\"max_km\":100,\"lat\":10.6417,\"lon\":106.4875,"
        "\"country\":\"KR\"}";
    char list[256];
    json_t *g = call("GET", query, NULL, 200),
           *p = call("POST", "/api/v1/match/suppliers?lang=en", body, 200);

    if (g && p) {
        CHECK_EQ_STR(codes(g, "fits", list, sizeof(list)), "0300000001");
        CHECK_EQ_STR(codes(p, "unverified", list, sizeof(list)), "0300000004");
        CHECK_EQ_INT(count(p, "excluded"), 3);
        CHECK(fabs(json_number_value(json_object_get(entry(g, "fits", "0300000001"), "score")) -
                   score_of_a()) < 0.051);
        CHECK(json_equal(json_object_get(g, "fits"), json_object_get(p, "fits")));
        CHECK(json_object_get(json_object_get(g, "demand"), "code") == json_null());
    }
    json_decref(g);
    json_decref(p);
    /* a zero weight removes its criterion from the score */
    g = call("GET",
             "/api/v1/match/suppliers?demand=NC-T1&weight_distance=0&weight_experience=0&lang=en",
             NULL, 200);
    if (g) {
        json_t *c = json_object_get(entry(g, "fits", "0300000001"), "contributions");
        CHECK(json_object_get(c, "distance") == NULL && json_object_get(c, "experience") == NULL);
        CHECK(json_object_get(c, "capability") != NULL);
        json_decref(g);
    }
}

static void test_demands_for_supplier(void)
{
    char list[256];
    json_t *j = call("GET", "/api/v1/match/demands?supplier=0300000003&lang=en", NULL, 200);

    if (!j)
        return;
    /* the closed and the withdrawn demands are not open */
    CHECK_EQ_STR(codes(j, "fits", list, sizeof(list)), "NC-T4");
    CHECK_EQ_INT(count(j, "fits") + count(j, "unverified") + count(j, "excluded"), 2);
    CHECK_EQ_INT(count(j, "excluded"), 1);
    json_decref(j);
    j = call("GET", "/api/v1/match/demands?supplier=0300000003&group=excluded&lang=en", NULL, 200);
    if (j) {
        CHECK_EQ_STR(codes(j, "excluded", list, sizeof(list)), "NC-T1");
        json_decref(j);
    }
}

static void expect_problem(const char *target, int status, const char *param, const char *part)
{
    json_t *j = call("GET", target, NULL, status);

    if (!j)
        return;
    CHECK_EQ_STR(str(j, "param"), param);
    if (!strstr(str(j, "detail"), part))
        TEST_FAIL_AT(__FILE__, __LINE__, "%s: '%s' lacks '%s'", target, str(j, "detail"), part);
    json_decref(j);
}

static void test_refusals(void)
{
    expect_problem("/api/v1/match/suppliers?demand=NC-NONE&lang=en", 404, "demand", "NC-NONE");
    expect_problem("/api/v1/match/suppliers?demand=NC-NONE&lang=vi", 404, "demand",
                   "Không có nhu cầu");
    expect_problem("/api/v1/match/suppliers?demand=NC-T1&vsic=2930&lang=en", 400, "demand",
                   "not both");
    expect_problem("/api/v1/match/suppliers?lat=10.6&lang=en", 400, "lon", "both");
    expect_problem("/api/v1/match/suppliers?processes=CNC&lang=en", 400, "processes", "lowercase");
    expect_problem("/api/v1/match/suppliers?processes=cnc,&lang=en", 400, "processes", "'cnc,'");
    expect_problem("/api/v1/match/suppliers?processes=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q&lang=en",
                   400, "processes", "1 to 16 codes");
    expect_problem("/api/v1/match/suppliers?volume_unit=boxes&lang=en", 400, "volume_unit",
                   "pieces");
    expect_problem("/api/v1/match/suppliers?country=kor&lang=ko", 400, "country", "ISO 3166");
    expect_problem("/api/v1/match/suppliers?limit=201&lang=en", 400, "limit", "200");
    expect_problem("/api/v1/match/suppliers?supplier=0300000001&lang=en", 400, "supplier",
                   "unknown query parameter");
    expect_problem("/api/v1/match/demands?lang=en", 400, "supplier", "required");
    expect_problem("/api/v1/match/demands?supplier=0300000006&lang=en", 404, "supplier",
                   "0300000006"); /* an enterprise, not a supplier */
}

/* Another process adds D's certificate with its dates: the next request
 * sees D fit. */
static void test_fresh_after_change(void)
{
    static const char cert[] = "tax_code,standard,number,issuer,valid_from,valid_to\n"
                               "0300000004,iatf16949,IATF-4,Test Body,2025-01-01,2027-12-31\n";
    static const char caps[] = "tax_code,process,level\n"
                               "0300000004,cnc-machining,in_volume\n"
                               "0300000004,stamping,in_volume\n";
    char list[256];
    json_t *j;

    import((const char *const[]){"certifications", cert, "capabilities", caps, NULL});
    j = call("GET", "/api/v1/match/suppliers?demand=NC-T1&lang=en", NULL, 200);
    if (!j)
        return;
    codes(j, "fits", list, sizeof(list));
    CHECK(strstr(list, "0300000004") != NULL);
    CHECK_EQ_INT(count(j, "fits"), 2);
    json_decref(j);
}

int main(void)
{
    char *out = NULL, *err = NULL;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/suppliers.db", dir);
    CHECK_EQ_INT(run_khu((char *[]){"import", "--dir", "data", "--db", db, NULL}, &out, &err), 0);
    free(out);
    free(err);
    import((const char *const[]){"enterprises", enterprises, "capabilities", capabilities,
                                 "certifications", certifications, "linkages", linkages, "demands",
                                 demands, NULL});
    setenv("KHU_TODAY", "2026-03-02", 1);
    if (server_start(&srv, db, "") == 0) {
        test_by_code();
        test_by_fields();
        test_demands_for_supplier();
        test_refusals();
        test_fresh_after_change();
        CHECK_EQ_INT(server_stop(&srv), 0);
    } else {
        TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start");
    }
    remove_tree(dir);
    return test_report("test_api_match_suppliers");
}
