/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's profiles and demands over HTTP, on the default data
 * set with two suppliers and two buyers added (a test's rows): who sees a
 * supplier's contact (a buyer, an officer, the supplier itself; not the
 * public, not another supplier); a supplier keeps its own profile (its
 * figures stated by itself, dated, in the audit trail) and only its own:
 * another's rows are not found, what only an officer sets (a verification,
 * an audited process, its name) is refused naming the field; a buyer
 * posts a demand (its own, posted today) that the supplier finder then
 * matches; an officer verifies a profile.
 */
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "client.h"
#include "api_world.h"
#include "rmtree.h"
#include "store/import.h"
#include "store/store.h"
#include "test.h"

static char dir[] = "/tmp/khu-profiles-XXXXXX";
static char db[300];
static struct server srv;
static char sup1[128], sup2[128], buyer[128], officer[128], viewer[128];

#define S1 "0300000001"
#define S2 "0300000002"
#define B1 "0311111111"

#define call(token, method, target, body, if_match, want)                                          \
    world_call(srv.port, token, method, target, body, if_match, want)
#define str world_str

static const char enterprises[] =
    "tax_code,name,name_en,country,ownership,vsic,capabilities,certifications,supplier,lat,lon\n"
    "0300000001,Công ty TNHH An Phát,An Phat Precision,VN,domestic,2592,cnc-machining,"
    "iso9001,1,10.70,106.50\n"
    "0300000002,Công ty TNHH Bình Minh,Binh Minh Metal,VN,domestic,2592,stamping,,1,10.65,106.45\n"
    "0311111111,Công ty TNHH Daesung Vina,Daesung Vina,KR,fdi,2930,,,0,10.6417,106.4875\n"
    "0322222222,Công ty TNHH Hanil Vina,Hanil Vina,KR,fdi,2610,,,0,10.80,106.60\n";
static const char certifications[] = "tax_code,standard,number,issuer,valid_from,valid_to\n"
                                     "0300000001,iso9001,Q-1,Test Body,2023-01-01,2025-12-31\n"
                                     "0300000001,iso14001,E-1,Test Body,2025-01-01,2027-12-31\n";
static const char contacts[] = "tax_code,name,email,phone\n"
                               "0300000001,Chị Lan,lan@anphat.example,+84 272 000 0001\n"
                               "0300000002,Anh Minh,minh@binhminh.example,+84 272 000 0002\n";
static const char demands[] = "code,buyer_tax_code,title,status\n"
                              "NC-H1,0322222222,Hanil's own demand,open\n";

/* The ETag of target as token sees it, in out. */
static void etag_of(const char *token, const char *target, char *out, size_t n)
{
    struct reply r;
    const char *e;

    out[0] = '\0';
    if (world_send(srv.port, token, "GET", target, NULL, NULL, &r))
        return;
    e = reply_header(&r, "ETag");
    snprintf(out, n, "%s", e ? e : "");
    reply_free(&r);
}

/* The rule of the first problem of a 400 about field. */
static const char *rule_of(json_t *j, const char *field)
{
    json_t *e;
    size_t i;

    json_array_foreach(json_object_get(j, "errors"), i,
                       e) if (!strcmp(str(e, "param"), field)) return str(e, "rule");
    return "(no problem)";
}

static void test_contact_visibility(void)
{
    json_t *j = call(NULL, "GET", "/api/v1/suppliers/" S1 "?lang=en", NULL, NULL, 200), *c;
    size_t i;

    if (j) {
        CHECK(json_is_null(json_object_get(j, "contact")));
        CHECK(strstr(str(j, "contact_note"), "Sign in") != NULL);
        CHECK_EQ_STR(str(j, "name_en"), "An Phat Precision");
        /* each certificate's state on the server's today (2026-03-02) */
        json_array_foreach(json_object_get(j, "certifications"), i, c) CHECK_EQ_STR(
            str(c, "state"), !strcmp(str(c, "standard"), "iso9001") ? "expired" : "valid");
        CHECK_EQ_INT((long)json_array_size(json_object_get(j, "certifications")), 2);
        json_decref(j);
    }
    j = call(buyer, "GET", "/api/v1/suppliers/" S1, NULL, NULL, 200);
    if (j) {
        CHECK_EQ_STR(str(json_object_get(j, "contact"), "email"), "lan@anphat.example");
        json_decref(j);
    }
    j = call(officer, "GET", "/api/v1/suppliers/" S1, NULL, NULL, 200);
    if (j) {
        CHECK_EQ_STR(str(json_object_get(j, "contact"), "phone"), "+84 272 000 0001");
        json_decref(j);
    }
    j = call(sup1, "GET", "/api/v1/suppliers/" S1, NULL, NULL, 200);
    if (j) {
        CHECK_EQ_STR(str(json_object_get(j, "contact"), "name"), "Chị Lan");
        json_decref(j);
    }
    j = call(sup2, "GET", "/api/v1/suppliers/" S1 "?lang=vi", NULL, NULL, 200);
    if (j) {
        CHECK(json_is_null(json_object_get(j, "contact")));
        CHECK(strstr(str(j, "contact_note"), "đăng nhập") != NULL);
        json_decref(j);
    }
    json_decref(call(sup2, "GET", "/api/v1/supplier_contacts/" S1, NULL, NULL, 404));
    json_decref(call(NULL, "GET", "/api/v1/supplier_contacts/" S1, NULL, NULL, 401));
    j = call(sup2, "GET", "/api/v1/supplier_contacts/" S2, NULL, NULL, 200);
    if (j) {
        CHECK_EQ_STR(str(j, "email"), "minh@binhminh.example");
        json_decref(j);
    }
    /* not a supplier: no profile */
    json_decref(call(NULL, "GET", "/api/v1/suppliers/" B1 "?lang=en", NULL, NULL, 404));
}

static void test_supplier_keeps_profile(void)
{
    char etag[160];
    json_t *j;

    etag_of(sup1, "/api/v1/enterprises/" S1, etag, sizeof(etag));
    CHECK(strlen(etag) > 10);
    j = call(sup1, "PATCH", "/api/v1/enterprises/" S1,
             "{\"fields\":{\"capacity_month\":5000,\"capacity_unit\":\"pieces\","
             "\"equipment\":\"12 CNC machining centres\",\"languages\":\"vi en ko\"}}",
             etag, 200);
    json_decref(j);
    j = call(NULL, "GET", "/api/v1/suppliers/" S1, NULL, NULL, 200);
    if (j) {
        CHECK_EQ_INT((long)json_integer_value(json_object_get(j, "capacity_month")), 5000);
        CHECK_EQ_STR(str(j, "equipment"), "12 CNC machining centres");
        CHECK_EQ_INT((long)json_array_size(json_object_get(j, "languages")), 3);
        json_decref(j);
    }
    /* the figure's source is the enterprise's own word, in the trail */
    j = call(officer, "GET", "/api/v1/audit?table=enterprises&key=" S1, NULL, NULL, 200);
    if (j) {
        json_t *rec = json_array_get(json_object_get(j, "records"), 0);
        CHECK(strstr(str(rec, "source"), "stated by the enterprise " S1) != NULL);
        CHECK_EQ_STR(str(rec, "actor"), "an.phat");
        json_decref(j);
    }
    /* another's row is not found; what only an officer sets is refused */
    etag_of(sup1, "/api/v1/enterprises/" S2, etag, sizeof(etag));
    json_decref(call(sup1, "PATCH", "/api/v1/enterprises/" S2, "{\"fields\":{\"equipment\":\"x\"}}",
                     etag, 404));
    etag_of(sup1, "/api/v1/enterprises/" S1, etag, sizeof(etag));
    j = call(sup1, "PATCH", "/api/v1/enterprises/" S1 "?lang=en",
             "{\"fields\":{\"verified_on\":\"2026-03-01\",\"name\":\"Mới\"}}", etag, 400);
    if (j) {
        CHECK_EQ_STR(rule_of(j, "verified_on"), "read_only");
        CHECK_EQ_STR(rule_of(j, "name"), "read_only");
        json_decref(j);
    }
    json_decref(call(sup1, "POST", "/api/v1/enterprises",
                     "{\"fields\":{\"tax_code\":\"0300000009\",\"name\":\"New\"}}", NULL, 403));
    json_decref(call(buyer, "PATCH", "/api/v1/enterprises/" B1,
                     "{\"fields\":{\"equipment\":\"x\"}}", "\"1.x\"", 403));
}

static void test_processes_and_certificates(void)
{
    json_t *j;

    j = call(sup1, "POST", "/api/v1/capabilities",
             "{\"fields\":{\"process\":\"cnc-machining\",\"level\":\"in_volume\"}}", NULL, 201);
    if (j) {
        CHECK_EQ_STR(str(j, "key"), S1 "/cnc-machining");
        json_decref(j);
    }
    j = call(sup1, "POST", "/api/v1/capabilities?lang=en",
             "{\"fields\":{\"tax_code\":\"" S2 "\",\"process\":\"welding\",\"level\":\"can_do\"}}",
             NULL, 400);
    if (j) {
        CHECK_EQ_STR(rule_of(j, "tax_code"), "own_enterprise");
        CHECK(strstr(str(j, "detail"), "own enterprise") != NULL);
        json_decref(j);
    }
    j = call(sup1, "POST", "/api/v1/capabilities?lang=ko",
             "{\"fields\":{\"process\":\"stamping\",\"level\":\"audited\"}}", NULL, 400);
    if (j) {
        CHECK_EQ_STR(rule_of(j, "level"), "audited_by_officer");
        json_decref(j);
    }
    json_decref(call(officer, "POST", "/api/v1/capabilities",
                     "{\"fields\":{\"tax_code\":\"" S1 "\",\"process\":\"stamping\","
                     "\"level\":\"audited\"},\"source\":\"site visit 2026-03-01\"}",
                     NULL, 201));
    json_decref(call(sup1, "POST", "/api/v1/certifications",
                     "{\"fields\":{\"standard\":\"iatf16949\",\"number\":\"IATF-77\","
                     "\"issuer\":\"Test Body\",\"valid_from\":\"2026-01-01\","
                     "\"valid_to\":\"2028-12-31\"}}",
                     NULL, 201));
    j = call(NULL, "GET", "/api/v1/suppliers/" S1, NULL, NULL, 200);
    if (j) {
        CHECK_EQ_INT((long)json_array_size(json_object_get(j, "capabilities")), 2);
        CHECK_EQ_INT((long)json_array_size(json_object_get(j, "certifications")), 3);
        json_decref(j);
    }
    json_decref(call(viewer, "POST", "/api/v1/capabilities",
                     "{\"fields\":{\"tax_code\":\"" S1
                     "\",\"process\":\"x\",\"level\":\"can_do\"}}",
                     NULL, 403));
}

static void test_buyer_posts_demand(void)
{
    char etag[160], today[16] = "";
    json_t *j;

    j = call(buyer, "POST", "/api/v1/demands",
             "{\"fields\":{\"code\":\"NC-B1\",\"title\":\"CNC brackets\",\"vsic\":\"2930\","
             "\"capabilities\":\"cnc-machining stamping\",\"annual_usd\":120000,"
             "\"needed_by\":\"2026-09-30\",\"status\":\"open\",\"annual_volume\":24000,"
             "\"volume_unit\":\"pieces\"}}",
             NULL, 201);
    json_decref(j);
    j = call(NULL, "GET", "/api/v1/demands/NC-B1", NULL, NULL, 200);
    if (j) {
        CHECK_EQ_STR(str(j, "buyer_tax_code"), B1);
        snprintf(today, sizeof(today), "%s", str(j, "posted_on"));
        CHECK_EQ_STR(today, "2026-03-02"); /* the server's today */
        json_decref(j);
    }
    j = call(NULL, "GET", "/api/v1/demands?buyer=" B1, NULL, NULL, 200);
    if (j) {
        CHECK_EQ_INT((long)json_integer_value(json_object_get(j, "total")), 1);
        json_decref(j);
    }
    /* another buyer's demand is not found */
    etag_of(buyer, "/api/v1/demands/NC-H1", etag, sizeof(etag));
    json_decref(call(buyer, "PATCH", "/api/v1/demands/NC-H1",
                     "{\"fields\":{\"status\":\"closed\"}}", etag, 404));
    json_decref(
        call(sup1, "POST", "/api/v1/demands", "{\"fields\":{\"code\":\"NC-S1\"}}", NULL, 403));
    /* the desk matches it: S1 does both processes */
    j = call(NULL, "GET", "/api/v1/match/suppliers?demand=NC-B1&lang=en", NULL, NULL, 200);
    if (j) {
        json_t *first = json_array_get(json_object_get(j, "fits"), 0);
        CHECK_EQ_STR(str(first, "tax_code"), S1);
        CHECK_EQ_INT(
            (long)json_integer_value(json_object_get(json_object_get(j, "counts"), "excluded")),
            1); /* S2 does not machine */
        json_decref(j);
    }
    /* an officer verifies S1's profile on the day the demand was posted */
    json_decref(call(sup1, "POST", "/api/v1/suppliers/" S1 "/verify", NULL, NULL, 403));
    j = call(officer, "POST", "/api/v1/suppliers/" S1 "/verify", NULL, NULL, 200);
    if (j) {
        CHECK_EQ_STR(str(j, "verified_on"), today);
        json_decref(j);
    }
    j = call(NULL, "GET", "/api/v1/suppliers/" S1, NULL, NULL, 200);
    if (j) {
        CHECK_EQ_STR(str(j, "verified_by"), "le.officer");
        CHECK_EQ_STR(str(j, "verified_on"), today);
        json_decref(j);
    }
    json_decref(call(officer, "POST", "/api/v1/suppliers/0300000099/verify", NULL, NULL, 404));
}

int main(void)
{
    char *out = NULL;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/profiles.db", dir);
    CHECK_EQ_INT(world_khu(NULL, (char *[]){"import", "--dir", "data", "--db", db, NULL}, &out), 0);
    free(out);
    world_import(db,
                 (const char *const[]){"enterprises", enterprises, "certifications", certifications,
                                       "supplier_contacts", contacts, "demands", demands, NULL});
    world_user(db, "an.phat", "supplier", S1, sup1, sizeof(sup1));
    world_user(db, "binh.minh", "supplier", S2, sup2, sizeof(sup2));
    world_user(db, "daesung.buyer", "investor", B1, buyer, sizeof(buyer));
    world_user(db, "le.officer", "officer", NULL, officer, sizeof(officer));
    world_user(db, "an.viewer", "viewer", NULL, viewer, sizeof(viewer));
    setenv("KHU_TODAY", "2026-03-02", 1);
    if (server_start(&srv, db, "") == 0) {
        test_contact_visibility();
        test_supplier_keeps_profile();
        test_processes_and_certificates();
        test_buyer_posts_demand();
        CHECK_EQ_INT(server_stop(&srv), 0);
    } else {
        TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start");
    }
    remove_tree(dir);
    return test_report("test_api_suppliers");
}
