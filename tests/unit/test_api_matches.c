/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's pipeline over HTTP, from a buyer's demand to a
 * contract that moves the local supply share, on the default data set with
 * a test's two buyers and two suppliers in Long An: the buyer proposes two
 * suppliers (one with the expression of interest at once), the second is
 * sent its interest later and declines; the first accepts, meets the buyer
 * online, and the contract is recorded, which makes a linkage and marks
 * the demand matched. Who sees which matches and may do which act, the
 * refusals (for the party, 403; for the stage, 409, in the reader's
 * language; another's match, 404; a bad value, 400 naming it), and the
 * audit record of every step.
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

static char dir[] = "/tmp/khu-matches-XXXXXX";
static char db[300];
static struct server srv;
static char buyer[128], other_buyer[128], sup1[128], sup2[128], officer[128], dept[128];

#define B1 "0311111111"
#define S1 "0300000001"
#define S2 "0300000002"
#define M1 "/api/v1/matches/D1/" S1
#define M2 "/api/v1/matches/D1/" S2

#define call(token, method, target, body, want)                                                    \
    world_call(srv.port, token, method, target, body, NULL, want)
#define str world_str

static const char enterprises[] = "tax_code,name,country,ownership,unit_code,supplier\n"
                                  "0311111111,Daesung Vina,KR,fdi,794,0\n"
                                  "0322222222,Hanil Vina,KR,fdi,794,0\n"
                                  "0300000001,An Phat Plastics,VN,domestic,795,1\n"
                                  "0300000002,Binh Minh Plastics,VN,domestic,796,1\n";
static const char demands[] = "code,buyer_tax_code,title,vsic,annual_usd,status,posted_on\n"
                              "D1,0311111111,Plastic housings,2220,100000,open,2026-01-10\n"
                              "D2,0322222222,Plastic caps,2220,50000,open,2026-01-10\n";

/* The stage the answer j reports; j freed. */
static const char *stage_of(json_t *j, char *out, size_t n)
{
    snprintf(out, n, "%s", j ? str(j, "stage") : "(no answer)");
    json_decref(j);
    return out;
}

/* Checks that the refusal j says part in its detail; j freed. */
static void says(json_t *j, const char *part)
{
    if (j && !strstr(str(j, "detail"), part))
        TEST_FAIL_AT(__FILE__, __LINE__, "'%s' lacks '%s'", str(j, "detail"), part);
    json_decref(j);
}

/* The acts the reader of token may do on its first listed match. */
static const char *acts(const char *token, const char *query, char *out, size_t n)
{
    char target[160];
    json_t *j, *a;
    size_t i;

    snprintf(target, sizeof(target), "/api/v1/matches%s", query);
    j = call(token, "GET", target, NULL, 200);
    out[0] = '\0';
    json_array_foreach(json_object_get(json_array_get(json_object_get(j, "items"), 0), "acts"), i,
                       a)
        snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? "," : "", json_string_value(a));
    json_decref(j);
    return out;
}

static void test_journey(void)
{
    char st[32], list[128];
    json_t *j;

    /* the buyer proposes S1 with the interest at once, S2 without */
    CHECK_EQ_STR(stage_of(call(buyer, "POST", "/api/v1/matches",
                               "{\"demand\":\"D1\",\"supplier\":\"" S1
                               "\",\"interest\":true,\"note\":\"We need 20,000 housings a year.\"}",
                               201),
                          st, sizeof(st)),
                 "interest");
    CHECK_EQ_STR(stage_of(call(buyer, "POST", "/api/v1/matches",
                               "{\"demand\":\"D1\",\"supplier\":\"" S2 "\"}", 201),
                          st, sizeof(st)),
                 "proposed");
    says(call(buyer, "POST", "/api/v1/matches?lang=en",
              "{\"demand\":\"D1\",\"supplier\":\"" S2 "\"}", 409),
         "proposed for the demand already");
    /* another buyer's demand, a supplier that is not one, a supplier proposing */
    json_decref(call(other_buyer, "POST", "/api/v1/matches",
                     "{\"demand\":\"D1\",\"supplier\":\"" S1 "\"}", 404));
    says(call(buyer, "POST", "/api/v1/matches?lang=en",
              "{\"demand\":\"D1\",\"supplier\":\"0322222222\"}", 404),
         "No supplier has this tax code");
    json_decref(
        call(sup1, "POST", "/api/v1/matches", "{\"demand\":\"D1\",\"supplier\":\"" S1 "\"}", 403));
    /* S2 cannot answer before the interest is sent (said in Vietnamese) */
    says(call(sup2, "POST", M2 "/accept?lang=vi", "{}", 409), "chưa gửi thư bày tỏ quan tâm");
    CHECK_EQ_STR(stage_of(call(buyer, "POST", M2 "/interest", "{\"note\":\"Interested?\"}", 200),
                          st, sizeof(st)),
                 "interest");
    CHECK_EQ_STR(stage_of(call(sup2, "POST", M2 "/decline",
                               "{\"note\":\"Our presses are full until 2027.\"}", 200),
                          st, sizeof(st)),
                 "declined");
    says(call(buyer, "POST", M2 "/contract?lang=en",
              "{\"annual_usd\":1000,\"since\":\"2026-02-01\"}", 409),
         "declined this match");
    /* each sees its own, with the acts it may do */
    CHECK_EQ_STR(acts(sup1, "", list, sizeof(list)), "accept,decline");
    j = call(sup1, "GET", "/api/v1/matches", NULL, 200);
    if (j) {
        CHECK_EQ_INT((long)json_array_size(json_object_get(j, "items")), 1);
        json_decref(j);
    }
    CHECK_EQ_STR(acts(buyer, "?supplier=" S1, list, sizeof(list)), "close");
    json_decref(call(other_buyer, "POST", M1 "/close", "{}", 404));
    json_decref(call(sup2, "POST", M1 "/accept", "{}", 404));
    json_decref(call(buyer, "POST", M1 "/accept", "{}", 403));
    /* S1 accepts; the meeting; the contract */
    CHECK_EQ_STR(stage_of(call(sup1, "POST", M1 "/accept", "{}", 200), st, sizeof(st)), "accepted");
    CHECK_EQ_STR(acts(buyer, "?supplier=" S1, list, sizeof(list)), "meet,contract,close");
    j = call(buyer, "POST", M1 "/meet?lang=en", "{\"meeting_on\":\"2026-02-25\"}", 400);
    if (j) {
        CHECK_EQ_STR(str(j, "param"), "meeting_place");
        json_decref(j);
    }
    json_decref(
        call(buyer, "POST", M1 "/meet", "{\"meeting_on\":\"2026-03-09\",\"online\":true}", 400));
    CHECK_EQ_STR(stage_of(call(sup1, "POST", M1 "/meet",
                               "{\"meeting_on\":\"2026-02-25\",\"online\":true,"
                               "\"note\":\"Samples approved; price agreed.\"}",
                               200),
                          st, sizeof(st)),
                 "meeting");
    says(call(buyer, "POST", M1 "/contract?lang=en", "{\"since\":\"2026-02-01\"}", 400),
         "required");
    /* the share before the contract (kept in the answer cache: the contract
     * must make it new) */
    j = call(NULL, "GET", "/api/v1/linkage/share?unit=80&on=2026-03-01", NULL, 200);
    if (j) {
        CHECK(json_number_value(json_object_get(json_object_get(j, "overall"), "local_usd")) == 0);
        json_decref(j);
    }
    j = call(buyer, "POST", M1 "/contract",
             "{\"annual_usd\":60000,\"since\":\"2026-02-01\",\"demand_matched\":true}", 200);
    if (j) {
        CHECK_EQ_STR(str(j, "stage"), "contract");
        CHECK_EQ_STR(str(j, "linkage_code"), "LK-D1-" S1);
        json_decref(j);
    }
    says(call(buyer, "POST", M1 "/close?lang=ko", "{}", 409), "계약이 체결");
    json_decref(call(buyer, "POST", M1 "/sing", "{}", 404));
}

static void test_after_the_contract(void)
{
    json_t *j = call(NULL, "GET", "/api/v1/demands/D1", NULL, 200), *o;

    if (j) {
        CHECK_EQ_STR(str(j, "status"), "matched");
        json_decref(j);
    }
    /* the linkage answers D1 from a supplier in Long An: 60% of its 100,000 */
    j = call(NULL, "GET", "/api/v1/linkage/share?unit=80&on=2026-03-01", NULL, 200);
    if (j) {
        o = json_object_get(j, "overall");
        CHECK(fabs(json_number_value(json_object_get(o, "local_usd")) - 60000) < 1e-6);
        CHECK(fabs(json_number_value(json_object_get(o, "base_usd")) - 150000) < 1e-6);
        json_decref(j);
    }
    /* the officer's board: one contract, one declined */
    j = call(officer, "GET", "/api/v1/matches", NULL, 200);
    if (j) {
        json_t *c = json_object_get(j, "counts");
        CHECK_EQ_INT((long)json_integer_value(json_object_get(c, "contract")), 1);
        CHECK_EQ_INT((long)json_integer_value(json_object_get(c, "declined")), 1);
        json_decref(j);
    }
    json_decref(call(dept, "GET", "/api/v1/matches", NULL, 403));
    json_decref(call(NULL, "GET", "/api/v1/matches", NULL, 401));
    /* every step has its audit record, by who did it */
    j = call(officer, "GET", "/api/v1/audit?table=matches&key=D1/" S1, NULL, 200);
    if (j) {
        json_t *records = json_object_get(j, "records");
        CHECK_EQ_INT((long)json_array_size(records), 4); /* propose, accept, meet, contract */
        CHECK_EQ_STR(str(json_array_get(records, 0), "actor"), "daesung.buyer");
        json_decref(j);
    }
    j = call(officer, "GET", "/api/v1/audit?table=linkages&key=LK-D1-" S1, NULL, 200);
    if (j) {
        CHECK_EQ_INT((long)json_array_size(json_object_get(j, "records")), 1);
        json_decref(j);
    }
}

/* The outcomes of the journey, by sector and by month, and as CSV. */
static void test_outcomes(void)
{
    json_t *j = call(officer, "GET", "/api/v1/linkage/outcomes?by=sector", NULL, 200), *g;
    struct reply r;

    if (j) {
        g = json_array_get(json_object_get(j, "groups"), 0);
        CHECK_EQ_STR(str(g, "key"), "22");
        CHECK_EQ_INT((long)json_integer_value(json_object_get(g, "demands")), 2);
        CHECK_EQ_INT((long)json_integer_value(json_object_get(g, "proposed")), 2);
        CHECK_EQ_INT((long)json_integer_value(json_object_get(g, "interests")), 2);
        CHECK_EQ_INT((long)json_integer_value(json_object_get(g, "meetings")), 1);
        CHECK_EQ_INT((long)json_integer_value(json_object_get(g, "contracts")), 1);
        CHECK(fabs(json_number_value(json_object_get(g, "contract_usd")) - 60000) < 1e-6);
        json_decref(j);
    }
    /* by month: posted in January, met and contracted (from 1 February) in
     * February, proposed and interested on the server's today in March */
    j = call(NULL, "GET", "/api/v1/linkage/outcomes?by=period&period=month", NULL, 200);
    if (j) {
        json_t *gs = json_object_get(j, "groups");
        CHECK_EQ_INT((long)json_array_size(gs), 3);
        CHECK_EQ_STR(str(json_array_get(gs, 0), "key"), "2026-01");
        g = json_array_get(gs, 1);
        CHECK_EQ_STR(str(g, "key"), "2026-02");
        CHECK_EQ_INT((long)json_integer_value(json_object_get(g, "meetings")), 1);
        CHECK_EQ_INT((long)json_integer_value(json_object_get(g, "contracts")), 1);
        g = json_array_get(gs, 2);
        CHECK_EQ_INT((long)json_integer_value(json_object_get(g, "proposed")), 2);
        json_decref(j);
    }
    j = call(NULL, "GET", "/api/v1/linkage/outcomes?by=period&to=2026-01-31", NULL, 200);
    if (j) {
        CHECK_EQ_INT(
            (long)json_integer_value(json_object_get(json_object_get(j, "total"), "proposed")), 0);
        json_decref(j);
    }
    if (http_get(srv.port, "/api/v1/linkage/outcomes.csv?by=sector", NULL, &r) == 0) {
        CHECK_EQ_INT(r.status, 200);
        CHECK(r.body &&
              strstr(r.body,
                     "key,demands,proposed,interests,meetings,contracts,"
                     "contract_usd,contracts_unvalued\r\n22,2,2,2,1,1,60000.00,0\r\n") != NULL);
        CHECK(r.body && strstr(r.body, "\r\ntotal,2,2,2,1,1,60000.00,0\r\n") != NULL);
        reply_free(&r);
    }
    says(call(NULL, "GET", "/api/v1/linkage/outcomes?by=colour&lang=en", NULL, 400), "sector");
}

int main(void)
{
    char *out = NULL;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/matches.db", dir);
    CHECK_EQ_INT(world_khu(NULL, (char *[]){"import", "--dir", "data", "--db", db, NULL}, &out), 0);
    free(out);
    world_import(db, (const char *const[]){"enterprises", enterprises, "demands", demands, NULL});
    world_user(db, "daesung.buyer", "investor", B1, buyer, sizeof(buyer));
    world_user(db, "hanil.buyer", "investor", "0322222222", other_buyer, sizeof(other_buyer));
    world_user(db, "an.phat", "supplier", S1, sup1, sizeof(sup1));
    world_user(db, "binh.minh", "supplier", S2, sup2, sizeof(sup2));
    world_user(db, "le.officer", "officer", NULL, officer, sizeof(officer));
    world_user(db, "sxd.user", "department", "tay-ninh-so-xay-dung", dept, sizeof(dept));
    setenv("KHU_TODAY", "2026-03-02", 1);
    if (server_start(&srv, db, "") == 0) {
        test_journey();
        test_after_the_contract();
        test_outcomes();
        CHECK_EQ_INT(server_stop(&srv), 0);
    } else {
        TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start");
    }
    if (!getenv("KEEP"))
        remove_tree(dir);
    return test_report("test_api_matches");
}
