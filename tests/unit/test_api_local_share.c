/* SPDX-License-Identifier: MIT */
/*
 * The local supply share over HTTP, on the default data set (its
 * supporting-industry set of sectors and its 70% target) with a handful
 * of a test's buyers, suppliers, demands and linkages in Long An (unit 80)
 * and outside it (Tây Ninh before the merger, unit 72). The figures are
 * worked out here by hand: the base with a demand of unknown value (in the
 * coverage only), one outside the set of sectors, one of a buyer outside
 * the place, one imported without a posting day; the shares by location
 * and by ownership overall and per code; the whole registry as the place;
 * the target card's value; and the refusals.
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

static char dir[] = "/tmp/khu-share-XXXXXX";
static char db[300];
static struct server srv;

static const char enterprises[] = "tax_code,name,country,ownership,unit_code,supplier\n"
                                  "0311111111,Buyer in Long An,KR,fdi,794,0\n"
                                  "0322222222,Buyer in Tay Ninh,JP,fdi,72,0\n"
                                  "0300000001,Local domestic supplier,VN,domestic,795,1\n"
                                  "0300000002,Local FDI supplier,KR,fdi,796,1\n"
                                  "0300000003,Domestic supplier elsewhere,VN,state,72,1\n";

/* D1 plastics 100k; D2 metal, value unknown; D3 electronics of the buyer
 * outside; D4 garments (not in the set); D5 electronics 80k, no posting
 * day (counts from the import) */
static const char demands[] = "code,buyer_tax_code,title,vsic,annual_usd,status,posted_on\n"
                              "D1,0311111111,Plastic parts,2220,100000,open,2026-01-10\n"
                              "D2,0311111111,Metal brackets,2592,,open,2026-01-10\n"
                              "D3,0322222222,Boards,2610,500000,open,2026-01-10\n"
                              "D4,0311111111,Uniforms,1410,300000,open,2026-01-10\n"
                              "D5,0311111111,Sensors,2610,80000,open,\n";

static const char linkages[] =
    "code,supplier_tax_code,buyer_tax_code,demand_code,annual_usd,since\n"
    "L1,0300000001,0311111111,D1,60000,2026-01-20\n"
    "L2,0300000002,0311111111,D1,30000,2026-02-01\n"
    "L3,0300000003,0311111111,D5,40000,2026-02-01\n"
    "L4,0300000001,0311111111,D4,100000,2026-02-01\n";

#define get(target, want) world_call(srv.port, NULL, "GET", target, NULL, NULL, want)

static double num(json_t *o, const char *key)
{
    return json_number_value(json_object_get(o, key));
}

static json_t *sector(json_t *j, const char *vsic)
{
    json_t *x;
    size_t i;

    json_array_foreach(json_object_get(j, "sectors"), i,
                       x) if (!strcmp(json_string_value(json_object_get(x, "vsic")),
                                      vsic)) return json_object_get(x, "share");
    return NULL;
}

static void test_in_long_an(void)
{
    json_t *j = get("/api/v1/linkage/share?unit=80&on=2099-12-31&lang=en", 200), *o, *s;

    if (!j)
        return;
    o = json_object_get(j, "overall");
    /* base: D1 and D5 (D2 unknown, D3 outside, D4 not in the set) */
    CHECK_EQ_DBL(num(o, "base_usd"), 180000, 1e-6);
    CHECK_EQ_DBL(num(o, "demands"), 3, 0);
    CHECK_EQ_DBL(num(o, "demands_valued"), 2, 0);
    CHECK_EQ_DBL(num(o, "coverage_pct"), 100.0 * 2 / 3, 1e-9);
    /* by location: L1 and L2 (their suppliers are in Long An) */
    CHECK_EQ_DBL(num(o, "local_usd"), 90000, 1e-6);
    CHECK_EQ_DBL(num(o, "by_location_pct"), 50, 1e-9);
    /* by ownership: L1 and L3 (domestic and state), wherever */
    CHECK_EQ_DBL(num(o, "by_ownership_pct"), 100.0 * 100000 / 180000, 1e-9);
    CHECK_EQ_DBL(num(o, "linkages"), 3, 0);
    CHECK_EQ_DBL(num(j, "undated_demands"), 1, 0);
    CHECK(json_is_string(json_object_get(j, "demands_imported_on")));
    s = sector(j, "22");
    CHECK(s && fabs(num(s, "by_location_pct") - 90) < 1e-9 &&
          fabs(num(s, "by_ownership_pct") - 60) < 1e-9);
    s = sector(j, "25");
    CHECK(s && json_is_null(json_object_get(s, "by_location_pct")) && num(s, "demands") == 1 &&
          num(s, "coverage_pct") == 0);
    s = sector(j, "26");
    CHECK(s && num(s, "by_location_pct") == 0 && fabs(num(s, "by_ownership_pct") - 50) < 1e-9);
    CHECK(strstr(json_string_value(json_object_get(j, "definition")), "wherever") != NULL);
    json_decref(j);
    /* before the linkages began: a base, nothing met */
    j = get("/api/v1/linkage/share?unit=80&on=2026-01-15&lang=vi", 200);
    if (j) {
        o = json_object_get(j, "overall");
        CHECK_EQ_DBL(num(o, "base_usd"), 100000, 1e-6); /* D5 not yet imported then */
        CHECK_EQ_DBL(num(o, "by_location_pct"), 0, 0);
        CHECK(strstr(json_string_value(json_object_get(j, "definition")), "Cơ sở nhu cầu") != NULL);
        json_decref(j);
    }
}

static void test_everywhere(void)
{
    json_t *j = get("/api/v1/linkage/share?on=2099-12-31", 200), *o;

    if (!j)
        return;
    o = json_object_get(j, "overall");
    /* D3's buyer counts now; every supplier is local to the whole registry */
    CHECK_EQ_DBL(num(o, "base_usd"), 680000, 1e-6);
    CHECK_EQ_DBL(num(o, "local_usd"), 130000, 1e-6);
    CHECK_EQ_DBL(num(o, "by_location_pct"), 100.0 * 130000 / 680000, 1e-9);
    json_decref(j);
}

/* The target card counts the share by location in its scope (unit 80) on
 * the server's today, 2 March 2026: D5, imported after it, is not yet in
 * the base. */
static void test_target_card(void)
{
    json_t *j = get("/api/v1/targets?lang=en", 200), *t;
    size_t i;
    int seen = 0;

    if (!j)
        return;
    json_array_foreach(json_object_get(j, "items"), i, t)
    {
        if (strcmp(json_string_value(json_object_get(t, "code")), "supporting-industry-2025"))
            continue;
        seen = 1;
        CHECK_EQ_DBL(num(json_object_get(t, "registry"), "value"), 90, 1e-9);
    }
    CHECK(seen);
    json_decref(j);
}

static void test_refusals(void)
{
    json_t *j = get("/api/v1/linkage/share?unit=nowhere&lang=en", 400);

    json_decref(j);
    json_decref(get("/api/v1/linkage/share?group=none&lang=en", 404));
    json_decref(get("/api/v1/linkage/share?on=2026-02-30", 400));
    json_decref(get("/api/v1/linkage/share?sector=22", 400));
}

int main(void)
{
    char *out = NULL, *err = NULL;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/share.db", dir);
    CHECK_EQ_INT(run_khu((char *[]){"import", "--dir", "data", "--db", db, NULL}, &out, &err), 0);
    free(out);
    free(err);
    world_import(db, (const char *const[]){"enterprises", enterprises, "demands", demands,
                                           "linkages", linkages, NULL});
    setenv("KHU_TODAY", "2026-03-02", 1);
    if (server_start(&srv, db, "") == 0) {
        test_in_long_an();
        test_everywhere();
        test_target_card();
        test_refusals();
        CHECK_EQ_INT(server_stop(&srv), 0);
    } else {
        TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start");
    }
    remove_tree(dir);
    return test_report("test_api_local_share");
}
