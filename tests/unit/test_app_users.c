/* SPDX-License-Identifier: MIT */
/*
 * The use cases of accounts (app/app_users.h) on a real store: what is
 * refused and how (the field named, nothing written), what is kept
 * (Argon2id hashes only, verifiable with the password and not with
 * another), and that each write leaves its audit record.
 */
#include <stdlib.h>
#include <unistd.h>

#include "app/app_users.h"
#include "core/password_hash.h"
#include "store/audit.h"
#include "store/import.h"
#include "store/store.h"
#include "store/users.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-users-XXXXXX";
static const struct store_actor admin = {"root.admin", "192.0.2.1"};
static struct store *s;

#define GOOD "Mùa lúa chín ở Đức Hòa"

static void ignore(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    (void)file;
    (void)d;
}

/* A department and an enterprise for users to belong to. */
static void load_orgs(void)
{
    static const char units[] = "code,name_vi,level\ntn,Tỉnh Tây Ninh,province\n";
    static const char departments[] = "code,name_vi,scope_unit\nso-tai-chinh,Sở Tài chính,tn\n";
    static const char enterprises[] = "tax_code,name,ownership\n0312345678,Hanil Vina,fdi\n";
    struct importer *im;
    struct khu_diag d;

    CHECK_EQ_INT(importer_begin(s, &admin, 0, 0, ignore, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "units", "u.csv", units, strlen(units)), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "departments", "d.csv", departments, strlen(departments)),
                 KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "enterprises", "e.csv", enterprises, strlen(enterprises)),
                 KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
}

static long long records(void)
{
    struct store_audit_verdict v;
    struct khu_diag d;

    CHECK_EQ_INT(store_audit_verify(s, &v, &d), KHU_OK);
    CHECK_EQ_INT(v.bad_id, 0);
    return v.records;
}

static enum khu_err add(const char *name, const char *role, const char *org, const char *password,
                        struct khu_diag *d)
{
    khu_diag_clear(d);
    return app_user_add(s, &admin, name, role, org, NULL, password, strlen(password), d);
}

/* ===== what is refused ===== */

static void test_refusals(void)
{
    static const struct {
        const char *name, *role, *org, *password;
        enum khu_err err;
        const char *field, *says;
    } cases[] = {
        {"A", "officer", NULL, GOOD, KHU_EINVAL, "name", "2 to 64"},
        {"Lan", "officer", NULL, GOOD, KHU_EINVAL, "name", "lowercase"},
        {"-lan", "officer", NULL, GOOD, KHU_EINVAL, "name", "begins"},
        {"khu", "officer", NULL, GOOD, KHU_EINVAL, "name", "audit trail"},
        {"anonymous", "viewer", NULL, GOOD, KHU_EINVAL, "name", "audit trail"},
        {"lan", "boss", NULL, GOOD, KHU_EINVAL, "role", "admin, officer, department"},
        {"lan", NULL, NULL, GOOD, KHU_EINVAL, "role", "unknown role"},
        {"lan", "officer", "so-tai-chinh", GOOD, KHU_EINVAL, "org", "no organisation"},
        {"lan", "department", NULL, GOOD, KHU_EINVAL, "org", "department"},
        {"lan", "investor", "", GOOD, KHU_EINVAL, "org", "tax code"},
        {"lan", "department", "so-khong-co", GOOD, KHU_EINVAL, "department", "so-khong-co"},
        {"lan", "supplier", "0399999999", GOOD, KHU_EINVAL, "tax_code", "0399999999"},
        {"lan", "officer", NULL, "short", KHU_EINVAL, "password", "12"},
        {"lan", "officer", NULL, "password1234", KHU_EINVAL, "password", "common"},
        {"lan", "officer", NULL, "lan-lan-lan-lan-2026", KHU_EINVAL, "password", ""},
    };
    struct khu_diag d;
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        enum khu_err err = add(cases[i].name, cases[i].role, cases[i].org, cases[i].password, &d);
        if (err != cases[i].err || strcmp(d.field, cases[i].field) != 0 ||
            !strstr(d.message, cases[i].says))
            TEST_FAIL_AT(__FILE__, __LINE__, "case %zu: %s, %s: %s", i, khu_err_str(err), d.field,
                         d.message);
        else
            test_passed++;
    }
    CHECK_EQ_INT(records(), 3); /* the three files of load_orgs, nothing else */
}

/* ===== what is kept ===== */

struct seen {
    char role[16], department[32], tax_code[16], hash[PASSWORD_HASH_MAX];
    int disabled;
};

static int see(void *arg, const struct khu_row *row)
{
    struct seen *v = arg;
    const char *dep = row_text(row, USER_COL_DEPARTMENT), *tax = row_text(row, USER_COL_TAX_CODE);

    snprintf(v->role, sizeof(v->role), "%s", row_text(row, USER_COL_ROLE));
    snprintf(v->department, sizeof(v->department), "%s", dep ? dep : "");
    snprintf(v->tax_code, sizeof(v->tax_code), "%s", tax ? tax : "");
    snprintf(v->hash, sizeof(v->hash), "%s", row_text(row, USER_COL_PASSWORD_HASH));
    v->disabled = !row_is_null(row, USER_COL_DISABLED_MS);
    return 0;
}

static struct seen user(const char *name)
{
    struct seen v;
    struct khu_diag d;
    int found = 0;

    memset(&v, 0, sizeof(v));
    CHECK_EQ_INT(store_user_get(s, name, see, &v, &found, &d), KHU_OK);
    CHECK(found);
    return v;
}

static void test_accounts(void)
{
    struct khu_diag d;
    struct seen v;
    long long before = records();
    const char *other = "Gió chướng thổi qua Cần Giuộc";

    CHECK_EQ_INT(add("lan.officer", "officer", NULL, GOOD, &d), KHU_OK);
    CHECK_EQ_INT(add("lan.officer", "viewer", NULL, GOOD, &d), KHU_ECONFLICT);
    CHECK_EQ_INT(add("tai-chinh.1", "department", "so-tai-chinh", GOOD, &d), KHU_OK);
    CHECK_EQ_INT(add("hanil", "investor", "0312345678", GOOD, &d), KHU_OK);
    CHECK_EQ_INT(records(), before + 3);

    v = user("lan.officer");
    CHECK_EQ_STR(v.role, "officer");
    CHECK(strncmp(v.hash, "$argon2id$", 10) == 0);
    CHECK(!password_needs_rehash(v.hash));
    CHECK(password_verify(v.hash, GOOD, strlen(GOOD)));
    CHECK(!password_verify(v.hash, other, strlen(other)));
    CHECK_EQ_STR(user("tai-chinh.1").department, "so-tai-chinh");
    CHECK_EQ_STR(user("hanil").tax_code, "0312345678");

    khu_diag_clear(&d);
    CHECK_EQ_INT(app_user_passwd(s, &admin, "lan.officer", other, strlen(other), &d), KHU_OK);
    v = user("lan.officer");
    CHECK(password_verify(v.hash, other, strlen(other)));
    CHECK(!password_verify(v.hash, GOOD, strlen(GOOD)));
    CHECK_EQ_INT(app_user_passwd(s, &admin, "nobody", other, strlen(other), &d), KHU_ENOTFOUND);
    CHECK_EQ_INT(app_user_passwd(s, &admin, "lan.officer", "qwertyuiop123", 13, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "password");

    CHECK_EQ_INT(app_user_role(s, &admin, "lan.officer", "department", "so-tai-chinh", &d), KHU_OK);
    v = user("lan.officer");
    CHECK_EQ_STR(v.role, "department");
    CHECK_EQ_STR(v.department, "so-tai-chinh");
    CHECK_EQ_INT(app_user_role(s, &admin, "lan.officer", "admin", NULL, &d), KHU_OK);
    v = user("lan.officer");
    CHECK_EQ_STR(v.role, "admin");
    CHECK_EQ_STR(v.department, "");

    CHECK_EQ_INT(app_user_disable(s, &admin, "hanil", 1, &d), KHU_OK);
    CHECK(user("hanil").disabled);
    CHECK_EQ_INT(app_user_disable(s, &admin, "hanil", 0, &d), KHU_OK);
    CHECK(!user("hanil").disabled);
    CHECK_EQ_INT(app_user_disable(s, &admin, "nobody", 1, &d), KHU_ENOTFOUND);
    /* passwd, two roles, disable, enable */
    CHECK_EQ_INT(records(), before + 3 + 5);
}

/* ===== tokens ===== */

static int token_row(void *arg, const struct khu_row *row)
{
    int *revoked = arg;

    revoked[0]++;
    revoked[1] += !row_is_null(row, TOKEN_COL_REVOKED_MS);
    return 0;
}

static void test_tokens(void)
{
    char t1[SECRET_MAX], t2[SECRET_MAX], id1[APP_TOKEN_ID_MAX], id2[APP_TOKEN_ID_MAX];
    char digest[SECRET_DIGEST_HEX];
    struct khu_diag d;
    int n[2] = {0, 0};

    khu_diag_clear(&d);
    CHECK_EQ_INT(app_token_add(s, &admin, "hanil", "erp", t1, id1, &d), KHU_OK);
    CHECK_EQ_INT(app_token_add(s, &admin, "hanil", NULL, t2, id2, &d), KHU_OK);
    CHECK(strncmp(t1, "khu_", 4) == 0 && strlen(t1) == 4 + 43);
    CHECK(strcmp(t1, t2) != 0 && strcmp(id1, id2) != 0);
    CHECK(strncmp(id1, "t-", 2) == 0);
    app_secret_digest(t1, strlen(t1), digest);
    CHECK_EQ_INT(strlen(digest), 64);
    CHECK_EQ_INT(app_token_add(s, &admin, "nobody", NULL, t1, id1, &d), KHU_ENOTFOUND);
    CHECK_EQ_STR(t1, ""); /* nothing handed out for a token not stored */
    CHECK_EQ_INT(app_token_revoke(s, &admin, id2, &d), KHU_OK);
    CHECK_EQ_INT(app_token_revoke(s, &admin, "t-none", &d), KHU_ENOTFOUND);
    CHECK_EQ_INT(store_tokens_list(s, "hanil", token_row, n, &d), KHU_OK);
    CHECK_EQ_INT(n[0], 2);
    CHECK_EQ_INT(n[1], 1);
}

int main(void)
{
    char path[256];
    struct khu_diag d;

    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof(path), "%s/users.db", dir);
    if (store_open(path, STORE_READ_WRITE, &s, &d) != KHU_OK)
        return 1;
    load_orgs();
    test_refusals();
    test_accounts();
    test_tokens();
    store_close(s);
    remove_tree(dir);
    return test_report("test_app_users");
}
