/* SPDX-License-Identifier: MIT */
/*
 * `khu edit` with the real binary: the same checks as the API (a figure
 * without its source and date is refused, every problem named, nothing
 * written, exit 1), a change and a new row written with their audit
 * record under cli:<system user>, a change that changes nothing written
 * as nothing, and usage errors (exit 2).
 */
#include <ftw.h>
#include <pwd.h>

#include "client.h"
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

static int remove_entry(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
    (void)sb;
    (void)flag;
    (void)f;
    return remove(p);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/edit.db", dir);
    CHECK_EQ_INT(khu((char *[]){"import", "--dir", "data", "--db", db, NULL}), 0);
    test_edit();
    free(out);
    free(err);
    nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    return test_report("test_cli_edit");
}
