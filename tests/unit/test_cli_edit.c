/* SPDX-License-Identifier: MIT */
/*
 * `khu edit` with the real binary: the same checks as the API (a figure
 * without its source and date is refused, every problem named, nothing
 * written, exit 1), a change and a new row written with their audit
 * record under cli:<system user>, a change that changes nothing written
 * as nothing, and usage errors (exit 2). `khu apply`: a file of changes
 * applied whole or not at all, rows made and changed, each with its
 * source, a second run changing nothing; a bad file names file, line and
 * field and writes nothing.
 */
#include <pwd.h>

#include "client.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-cli-edit-XXXXXX";
static char db[300];
static char *out, *err;

static int khu(char *const *args)
{
    free(out);
    free(err);
    out = err = NULL;
    return run_khu_input(args, "", &out, &err);
}

#define KHU(...) khu((char *[]){__VA_ARGS__, "--db", db, NULL})

static int has(const char *text, const char *needle)
{
    return text && strstr(text, needle);
}

static void test_edit(void)
{
    char actor[96];
    struct passwd *pw = getpwuid(getuid());

    snprintf(actor, sizeof(actor), "cli:%s", pw ? pw->pw_name : "?");
    CHECK_EQ_INT(KHU("edit", "zones", "kcn-long-hau", "total_ha=440", "kind=factory"), 1);
    CHECK(has(err, "kind: must be one of"));
    CHECK(has(err, "source: is required with a change to a figure"));
    CHECK(has(err, "as_of: is required"));
    CHECK(has(err, "nothing was written"));
    CHECK_EQ_INT(KHU("export", "zones"), 0);
    CHECK(has(out, "\nkcn-long-hau,kcn,KCN Long Hậu,Long Hau Industrial Park,롱하우 산업단지,,807,,"
                   "operating,,,425,"));

    CHECK_EQ_INT(KHU("edit", "zones", "kcn-long-hau", "total_ha=440", "--source",
                     "Báo cáo của Ban quản lý 11/2026", "--as-of", "2026-11-01"),
                 0);
    CHECK(has(out, "changed zones kcn-long-hau: total_ha (version "));
    CHECK_EQ_INT(KHU("export", "zones"), 0);
    CHECK(has(out, "operating,,,440,"));
    CHECK_EQ_INT(KHU("edit", "zones", "kcn-long-hau", "total_ha=440", "--source", "x", "--as-of",
                     "2026-11-01"),
                 0);
    CHECK(has(out, "already so; nothing written"));

    CHECK_EQ_INT(KHU("edit", "zones", "--new", "code=ccn-cli", "kind=ccn", "name_vi=CCN Dòng lệnh"),
                 0);
    CHECK(has(out, "made zones ccn-cli: code kind name_vi"));
    CHECK_EQ_INT(KHU("edit", "zones", "--new", "code=ccn-cli", "kind=ccn", "name_vi=x"), 1);

    CHECK_EQ_INT(KHU("audit", "list", "--table", "zones"), 0);
    CHECK(has(out, actor));
    CHECK(has(out, "source: Báo cáo của Ban quản lý 11/2026"));
    CHECK(has(out, "as of:  2026-11-01"));
    CHECK_EQ_INT(KHU("audit", "verify"), 0);

    CHECK_EQ_INT(KHU("edit", "zones", "no-such-zone", "name_en=x"), 1);
    CHECK(has(err, "no row has this key"));
    CHECK_EQ_INT(KHU("edit", "dossiers", "d-1", "status=decided"), 2);
    CHECK_EQ_INT(KHU("edit", "zones", "kcn-long-hau"), 2);
    CHECK_EQ_INT(KHU("edit", "zones", "kcn-long-hau", "=x"), 2);
    CHECK_EQ_INT(KHU("edit", "observations", "ccn-area-2030", "note=x"), 2); /* half a key */
}

static void test_apply(void)
{
    char good[400], bad[400], sources[400];

    snprintf(sources, sizeof(sources), "%s/001-osm.sources.csv", dir);
    /* the data set's own changes (data/changes) already hold the real ways
     * and centres: a source and a zone they do not touch */
    write_file(sources, "code,cite,url,kind,change_source,change_as_of\n"
                        "osm-way-test,OpenStreetMap way (test),"
                        "https://www.openstreetmap.org/way/1,dataset,"
                        "https://www.openstreetmap.org/way/1,2026-10-07\n");
    snprintf(good, sizeof(good), "%s/002-osm.zones.csv", dir);
    write_file(good, "code,lat,lon,position,change_source,change_as_of\n"
                     "kcn-long-hau-2,10.64,106.73,area_centre,osm-way-test,2026-10-07\n"
                     "\n"
                     "ccn-file,,,,QĐ 9/2026,2026-11-01\n");
    /* ccn-file does not exist: made, so its required columns must be given */
    CHECK_EQ_INT(KHU("apply", sources, good), 1);
    CHECK(has(err, "002-osm.zones.csv:4: kind: is required"));
    CHECK(has(err, "nothing was written"));
    CHECK(has(out, "001-osm.sources.csv: 1 row: 1 made"));
    CHECK_EQ_INT(KHU("export", "zones"), 0);
    CHECK(!has(out, "10.64,106.73,area_centre")); /* the zones file was not applied at all */

    write_file(good, "code,kind,name_vi,lat,lon,position,change_source,change_as_of\n"
                     "kcn-long-hau-2,,,10.64,106.73,area_centre,osm-way-test,2026-10-07\n"
                     "ccn-file,ccn,CCN Từ tệp,,,,QĐ 9/2026,2026-11-01\n");
    CHECK_EQ_INT(KHU("apply", good), 0);
    CHECK(has(out, "2 rows: 1 made, 1 changed, 0 already so"));
    CHECK_EQ_INT(KHU("export", "zones"), 0);
    CHECK(has(out, "10.64,106.73,area_centre,"));
    CHECK(has(out, "lat=osm-way-test lon=osm-way-test position=osm-way-test"));
    CHECK(has(out, "\nccn-file,ccn,CCN Từ tệp,"));
    CHECK_EQ_INT(KHU("apply", good), 0);
    CHECK(has(out, "2 rows: 0 made, 0 changed, 2 already so"));
    CHECK_EQ_INT(KHU("audit", "list", "--table", "zones", "--key", "ccn-file"), 0);
    CHECK(has(out, "insert") && has(out, "source: QĐ 9/2026"));

    snprintf(bad, sizeof(bad), "%s/bad.zones.csv", dir);
    write_file(bad, "code,colour,change_as_of\nkcn-long-hau,red,2026-01-01\n");
    CHECK_EQ_INT(KHU("apply", bad), 1);
    CHECK(has(err, "colour") && has(err, "change_source"));
    CHECK_EQ_INT(KHU("apply", bad, "--table", "dossiers"), 1);
    CHECK(has(err, "cannot be applied"));
    snprintf(bad, sizeof(bad), "%s/noname.csv", dir);
    write_file(bad, "code,change_source\nkcn-long-hau,x\n");
    CHECK_EQ_INT(KHU("apply", bad), 2);
    CHECK_EQ_INT(KHU("audit", "verify"), 0);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/edit.db", dir);
    CHECK_EQ_INT(khu((char *[]){"import", "--dir", "data", "--db", db, NULL}), 0);
    test_edit();
    test_apply();
    free(out);
    free(err);
    remove_tree(dir);
    return test_report("test_cli_edit");
}
