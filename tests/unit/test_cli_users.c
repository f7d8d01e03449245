/* SPDX-License-Identifier: MIT */
/*
 * `khu user`, `khu token` and `khu audit` with the real binary: passwords
 * from standard input or a file and never from the command line, the
 * policy's refusals with exit status 1 and nothing written, roles and the
 * organisations they need, disabling, tokens shown once, and the audit
 * trail of it all: verified, exported as JSON lines naming the system user
 * who ran each command, and free of any secret.
 */
#include <jansson.h>
#include <pwd.h>

#include "client.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-cli-users-XXXXXX";
static char db[300];

#define GOOD  "Mùa lúa chín ở Đức Hòa"
#define GOOD2 "Gió chướng thổi qua Cần Giuộc"

/* Runs khu with input on its standard input; keeps stdout and stderr in
 * out and err (freed by the next call). Returns the exit status. */
static char *out, *err;
static int khu_in(const char *input, char *const *args)
{
    free(out);
    free(err);
    out = err = NULL;
    return run_khu_input(args, input ? input : "", &out, &err);
}

#define KHU(input, ...) khu_in(input, (char *[]){__VA_ARGS__, "--db", db, NULL})

static int has(const char *text, const char *needle)
{
    return text && strstr(text, needle);
}

static void setup(void)
{
    static const char departments[] =
        "code,name_vi,scope_unit\nso-tai-chinh,Sở Tài chính,tay-ninh-2025\n";
    char file[400];

    snprintf(db, sizeof(db), "%s/users.db", dir);
    snprintf(file, sizeof(file), "%s/departments.csv", dir);
    write_file(file, departments);
    /* the default data set (its units), then a department */
    CHECK_EQ_INT(khu_in(NULL, (char *[]){"import", "--dir", "data", "--db", db, NULL}), 0);
    CHECK_EQ_INT(khu_in(NULL, (char *[]){"import", "departments", file, "--db", db, NULL}), 0);
}

static void test_add_and_refuse(void)
{
    char file[400];

    CHECK_EQ_INT(KHU(GOOD "\n", "user", "add", "lan", "--role", "officer"), 0);
    CHECK(has(out, "added user lan (officer)"));
    /* from a file, with a Windows line end */
    snprintf(file, sizeof(file), "%s/pw.txt", dir);
    write_file(file, GOOD2 "\r\nsecond line ignored\n");
    CHECK_EQ_INT(KHU(NULL, "user", "add", "minh", "--role", "department", "--org", "so-tai-chinh",
                     "--display-name", "Trần Văn Minh", "--password-file", file),
                 0);
    /* never on the command line: there is no such option */
    CHECK_EQ_INT(KHU(NULL, "user", "add", "hoa", "--role", "viewer", "--password", GOOD), 2);
    CHECK_EQ_INT(KHU("short\n", "user", "add", "hoa", "--role", "viewer"), 1);
    CHECK(has(err, "password: "));
    CHECK(has(err, "12"));
    CHECK_EQ_INT(KHU("", "user", "add", "hoa", "--role", "viewer"), 1);
    CHECK(has(err, "no password"));
    CHECK_EQ_INT(KHU(GOOD "\n", "user", "add", "hoa", "--role", "department"), 1);
    CHECK(has(err, "org"));
    CHECK_EQ_INT(KHU(GOOD "\n", "user", "add", "hoa", "--role", "chief"), 1);
    CHECK(has(err, "unknown role 'chief'"));
    CHECK_EQ_INT(KHU(GOOD "\n", "user", "add", "lan", "--role", "viewer"), 1);
    CHECK(has(err, "exists already"));
    CHECK_EQ_INT(KHU(NULL, "user", "add", "hoa"), 2);
    CHECK_EQ_INT(KHU(NULL, "user", "list"), 0);
    CHECK(has(out, "lan ") && has(out, "minh ") && !has(out, "hoa"));
    CHECK(has(out, "so-tai-chinh") && has(out, "Trần Văn Minh"));
    CHECK(has(out, "2 users"));
}

static void test_change(void)
{
    CHECK_EQ_INT(KHU(GOOD2 "\n", "user", "passwd", "lan"), 0);
    CHECK_EQ_INT(KHU(GOOD2 "\n", "user", "passwd", "nobody"), 1);
    CHECK(has(err, "no user called 'nobody'"));
    CHECK_EQ_INT(KHU(NULL, "user", "role", "lan", "department", "--org", "so-khac"), 1);
    CHECK(has(err, "so-khac"));
    CHECK_EQ_INT(KHU(NULL, "user", "role", "lan", "viewer"), 0);
    CHECK_EQ_INT(KHU(NULL, "user", "disable", "minh"), 0);
    CHECK_EQ_INT(KHU(NULL, "user", "list"), 0);
    CHECK(has(out, "viewer") && has(out, "disabled"));
    CHECK_EQ_INT(KHU(NULL, "user", "enable", "minh"), 0);
    CHECK_EQ_INT(KHU(NULL, "user", "list"), 0);
    CHECK(!has(out, "disabled"));
}

static char token[128];

static void test_tokens(void)
{
    char id[64] = "";
    const char *p;

    CHECK_EQ_INT(KHU(NULL, "token", "add", "lan", "--label", "nightly report"), 0);
    CHECK(strncmp(out, "khu_", 4) == 0 && strlen(out) == 4 + 43 + 1);
    snprintf(token, sizeof(token), "%.*s", (int)strcspn(out, "\n"), out);
    p = strstr(err, "token t-");
    CHECK(p != NULL);
    if (p)
        snprintf(id, sizeof(id), "%.*s", (int)strcspn(p + 6, " "), p + 6);
    CHECK_EQ_INT(KHU(NULL, "token", "list"), 0);
    CHECK(has(out, id) && has(out, "nightly report") && !has(out, token));
    CHECK_EQ_INT(KHU(NULL, "token", "revoke", id), 0);
    CHECK_EQ_INT(KHU(NULL, "token", "revoke", "t-nothing"), 1);
    CHECK_EQ_INT(KHU(NULL, "token", "add", "nobody"), 1);
    CHECK_EQ_INT(KHU(NULL, "token", "add"), 2);
}

static void test_audit(void)
{
    struct passwd *pw = getpwuid(geteuid());
    char actor[80];
    json_error_t jerr;
    const char *line;
    int lines = 0, by_cli = 0, secrets = 0, last_id = 0;

    snprintf(actor, sizeof(actor), "cli:%s", pw ? pw->pw_name : "");
    CHECK_EQ_INT(KHU(NULL, "audit", "verify"), 0);
    CHECK(has(out, "the chain holds"));
    CHECK_EQ_INT(KHU(NULL, "audit", "export"), 0);
    for (line = out; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        size_t n = strcspn(line, "\n");
        json_t *rec = json_loadb(line, n, 0, &jerr);
        CHECK(rec != NULL);
        if (!rec)
            continue;
        lines++;
        CHECK_EQ_INT(json_integer_value(json_object_get(rec, "id")), last_id + 1);
        last_id = (int)json_integer_value(json_object_get(rec, "id"));
        by_cli += json_string_value(json_object_get(rec, "actor")) &&
                  strcmp(json_string_value(json_object_get(rec, "actor")), actor) == 0;
        secrets += !!memmem(line, n, "argon2", 6) + !!memmem(line, n, token, strlen(token));
        json_decref(rec);
    }
    CHECK(lines >= 2 + 2 + 4 + 2); /* imports, two users, four changes, a token and its end */
    CHECK_EQ_INT(by_cli, lines);
    CHECK_EQ_INT(secrets, 0);
    CHECK_EQ_INT(KHU(NULL, "audit", "list", "--table", "users", "--limit", "2"), 0);
    CHECK(has(out, "user.enable") && has(out, "2 records"));
    CHECK_EQ_INT(KHU(NULL, "audit", "list", "--limit", "0"), 2);
    CHECK_EQ_INT(KHU(NULL, "audit", "export", "--after", "x"), 2);
    CHECK_EQ_INT(KHU(NULL, "audit", "bogus"), 2);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    setup();
    test_add_and_refuse();
    test_change();
    test_tokens();
    test_audit();
    free(out);
    free(err);
    remove_tree(dir);
    return test_report("test_cli_users");
}
