/* SPDX-License-Identifier: MIT */
/*
 * Accounts over HTTP with the real server: every route with every role
 * and with nobody signed in (401 where a route needs a user, 403 where
 * the role may not call it, neither where it may); signing in and out
 * with the session cookie and its attributes; API tokens; refusals that
 * say nothing of whether a user exists; the limits on failed sign-ins
 * per account and per address (behind a trusted proxy); cross-site
 * writes refused; the security headers of every answer; the audit trail
 * of sign-ins read back through GET /api/v1/audit; accounts managed by an
 * admin over HTTP (each problem with its rule, in the request's language;
 * no admin can lock themselves out; a disabled user's token stops
 * working) and the chain verified over HTTP.
 */
#include <jansson.h>
#include <sodium.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/session_idle.h"
#include "client.h"
#include "core/role.h"
#include "http/http_int.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-auth-XXXXXX";
static char db[300];
static struct server srv;

#define PASSWORD "Mùa lúa chín ở Đức Hòa"
#define TAX_CODE "0312345678"

static const struct {
    const char *name, *role, *org;
    enum role r;
} people[] = {
    {"an.admin", "admin", NULL, ROLE_ADMIN},
    {"lan.officer", "officer", NULL, ROLE_OFFICER},
    {"minh.dept", "department", "tay-ninh-so-tai-chinh", ROLE_DEPARTMENT},
    {"hanil.investor", "investor", TAX_CODE, ROLE_INVESTOR},
    {"phuc.supplier", "supplier", TAX_CODE, ROLE_SUPPLIER},
    {"hoa.viewer", "viewer", NULL, ROLE_VIEWER},
};
#define NPEOPLE (sizeof(people) / sizeof(people[0]))

static char tokens[NPEOPLE][128];

/* ===== setup through the commands ===== */

static int khu(const char *input, char *const *args, char **out)
{
    char *err = NULL;
    int rc = run_khu_input(args, input ? input : "", out, &err);

    if (rc != 0)
        fprintf(stderr, "khu %s %s: %s", args[0], args[1] ? args[1] : "", err);
    free(err);
    return rc;
}

static void setup(void)
{
    char file[400], *out = NULL;
    size_t i;

    snprintf(db, sizeof(db), "%s/auth.db", dir);
    snprintf(file, sizeof(file), "%s/enterprises.csv", dir);
    write_file(file, "tax_code,name,ownership\n" TAX_CODE ",Hanil Vina,fdi\n");
    CHECK_EQ_INT(khu(NULL, (char *[]){"import", "--dir", "data", "--db", db, NULL}, &out), 0);
    free(out);
    CHECK_EQ_INT(khu(NULL, (char *[]){"import", "enterprises", file, "--db", db, NULL}, &out), 0);
    free(out);
    for (i = 0; i < NPEOPLE; i++) {
        char *args[] = {"user",
                        "add",
                        (char *)people[i].name,
                        "--role",
                        (char *)people[i].role,
                        "--db",
                        db,
                        people[i].org ? "--org" : NULL,
                        (char *)people[i].org,
                        NULL};
        CHECK_EQ_INT(khu(PASSWORD "\n", args, &out), 0);
        free(out);
        CHECK_EQ_INT(
            khu(NULL, (char *[]){"token", "add", (char *)people[i].name, "--db", db, NULL}, &out),
            0);
        snprintf(tokens[i], sizeof(tokens[i]), "%.*s", (int)strcspn(out, "\n"), out);
        free(out);
    }
}

/* ===== requests ===== */

/* Sends method target with the extra header lines and body (NULL: none). */
static int request(const char *method, const char *target, const char *headers, const char *body,
                   struct reply *r)
{
    return http_send(srv.port, method, target, headers, body, r);
}

#define JSON_TYPE "Content-Type: application/json\r\n"

/* POST /api/v1/login as user from address (X-Forwarded-For, the server
 * trusts 127.0.0.1 as its proxy; NULL: none). */
static int login(const char *user, const char *password, const char *address, const char *more,
                 struct reply *r)
{
    char headers[512], body[512];

    snprintf(headers, sizeof(headers), JSON_TYPE "%s%s%s%s", address ? "X-Forwarded-For: " : "",
             address ? address : "", address ? "\r\n" : "", more ? more : "");
    snprintf(body, sizeof(body), "{\"user\":\"%s\",\"password\":\"%s\"}", user, password);
    return request("POST", "/api/v1/login?lang=en", headers, body, r);
}

/* The session cookie "khu_session=..." a sign-in set, in out. */
static void cookie_of(const struct reply *r, char *out, size_t n)
{
    const char *v = reply_header(r, "Set-Cookie");

    snprintf(out, n, "%.*s", v ? (int)strcspn(v, ";") : 0, v ? v : "");
}

static int has(const char *text, const char *needle)
{
    return text && strstr(text, needle);
}

/* ===== every route, every role ===== */

/* Writes the route's pattern with every {x} replaced by x. */
static void target_of(const char *pattern, char *out, size_t n)
{
    size_t o = 0;

    for (; *pattern && o + 2 < n; pattern++) {
        if (*pattern == '{') {
            out[o++] = 'x';
            pattern += strcspn(pattern, "}");
            continue;
        }
        out[o++] = *pattern;
    }
    out[o] = '\0';
}

static void test_every_route_every_role(void)
{
    const struct http_route *rt;
    int routes = 0, guarded = 0;

    for (rt = api_routes; rt->method; rt++) {
        char target[256], headers[256];
        size_t who;
        routes++;
        guarded += rt->roles != 0;
        target_of(rt->pattern, target, sizeof(target));
        for (who = 0; who <= NPEOPLE; who++) { /* NPEOPLE: nobody */
            struct reply r;
            int want_refusal = 0;
            if (who < NPEOPLE)
                snprintf(headers, sizeof(headers), JSON_TYPE "Authorization: Bearer %s\r\n",
                         tokens[who]);
            else
                snprintf(headers, sizeof(headers), JSON_TYPE);
            if (rt->roles && who == NPEOPLE)
                want_refusal = 401;
            else if (rt->roles && !(rt->roles & people[who].r))
                want_refusal = 403;
            if (request(rt->method, target, headers, strcmp(rt->method, "POST") ? NULL : "{}",
                        &r)) {
                TEST_FAIL_AT(__FILE__, __LINE__, "%s %s: no answer", rt->method, target);
                continue;
            }
            if (want_refusal ? r.status == want_refusal
                             : r.status != 401 && r.status != 403 && r.status < 500)
                test_passed++;
            else
                TEST_FAIL_AT(__FILE__, __LINE__, "%s %s as %s: %d, wanted %s%d (%.200s)",
                             rt->method, target, who < NPEOPLE ? people[who].role : "nobody",
                             r.status, want_refusal ? "" : "not 401/403, ", want_refusal, r.body);
            reply_free(&r);
        }
    }
    CHECK(routes > 40);
    CHECK(guarded >= 2);
}

/* ===== accounts, for admins ===== */

static int as_admin(const char *method, const char *target, const char *body, struct reply *r)
{
    char headers[256];

    snprintf(headers, sizeof(headers), JSON_TYPE "Authorization: Bearer %s\r\n", tokens[0]);
    return request(method, target, headers, body, r);
}

static void test_admin_accounts(void)
{
    struct reply r;
    char headers[256], *out = NULL;

    CHECK_EQ_INT(as_admin("GET", "/api/v1/users", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"name\":\"lan.officer\",\"display_name\":null,\"role\":\"officer\""));
    CHECK(has(r.body, "\"org\":\"" TAX_CODE "\""));
    CHECK(!has(r.body, "argon2"));
    reply_free(&r);

    CHECK_EQ_INT(as_admin("POST", "/api/v1/users?lang=vi",
                          "{\"name\":\"thu.officer\",\"role\":\"officer\","
                          "\"password\":\"password1234\"}",
                          &r),
                 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(has(r.body, "\"rule\":\"password_common\""));
    CHECK(has(r.body, "Mật khẩu này quá phổ biến"));
    reply_free(&r);
    CHECK_EQ_INT(as_admin("POST", "/api/v1/users",
                          "{\"name\":\"thu.dept\",\"role\":\"department\",\"password\":\"" PASSWORD
                          "\"}",
                          &r),
                 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(has(r.body, "\"param\":\"org\"") && has(r.body, "\"rule\":\"org_department\""));
    reply_free(&r);
    CHECK_EQ_INT(as_admin("POST", "/api/v1/users",
                          "{\"name\":\"thu.officer\",\"role\":\"officer\",\"password\":\"" PASSWORD
                          "\",\"display_name\":\"Trần Thu\"}",
                          &r),
                 0);
    CHECK_EQ_INT(r.status, 201);
    reply_free(&r);
    CHECK_EQ_INT(as_admin("POST", "/api/v1/users",
                          "{\"name\":\"thu.officer\",\"role\":\"officer\",\"password\":\"" PASSWORD
                          "\"}",
                          &r),
                 0);
    CHECK_EQ_INT(r.status, 409);
    reply_free(&r);
    CHECK_EQ_INT(login("thu.officer", PASSWORD, NULL, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);

    /* an admin does not lock themselves out */
    CHECK_EQ_INT(as_admin("PATCH", "/api/v1/users/an.admin", "{\"disabled\":true}", &r), 0);
    CHECK_EQ_INT(r.status, 409);
    reply_free(&r);
    CHECK_EQ_INT(as_admin("PATCH", "/api/v1/users/an.admin", "{\"role\":\"viewer\"}", &r), 0);
    CHECK_EQ_INT(r.status, 409);
    reply_free(&r);
    CHECK_EQ_INT(as_admin("PATCH", "/api/v1/users/thu.officer", "{\"disabled\":\"yes\"}", &r), 0);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);
    CHECK_EQ_INT(as_admin("PATCH", "/api/v1/users/nobody", "{\"disabled\":true}", &r), 0);
    CHECK_EQ_INT(r.status, 404);
    reply_free(&r);

    /* a disabled user's token stops working at once */
    CHECK_EQ_INT(khu(NULL, (char *[]){"token", "add", "thu.officer", "--db", db, NULL}, &out), 0);
    snprintf(headers, sizeof(headers), "Authorization: Bearer %.*s\r\n", (int)strcspn(out, "\n"),
             out);
    free(out);
    CHECK_EQ_INT(request("GET", "/api/v1/me", headers, NULL, &r), 0);
    CHECK(has(r.body, "\"user\":\"thu.officer\""));
    reply_free(&r);
    CHECK_EQ_INT(as_admin("PATCH", "/api/v1/users/thu.officer",
                          "{\"role\":\"viewer\",\"disabled\":true}", &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"done\":[\"role\",\"disabled\"]"));
    reply_free(&r);
    CHECK_EQ_INT(request("GET", "/api/v1/me", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 401);
    reply_free(&r);

    /* the trail of it, verified over HTTP */
    CHECK_EQ_INT(as_admin("GET", "/api/v1/audit?table=users&key=thu.officer", NULL, &r), 0);
    CHECK(has(r.body, "\"action\":\"user.disable\"") && has(r.body, "\"action\":\"user.add\""));
    CHECK(has(r.body, "\"actor\":\"an.admin\""));
    reply_free(&r);
    CHECK_EQ_INT(as_admin("GET", "/api/v1/audit/verify", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"intact\":true") && has(r.body, "\"bad_id\":null"));
    reply_free(&r);
}

/* ===== signing in and out ===== */

static void test_session(void)
{
    struct reply r;
    char cookie[200], headers[300];
    const char *set;
    json_t *j;

    CHECK_EQ_INT(login("lan.officer", PASSWORD, "198.51.100.1", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    set = reply_header(&r, "Set-Cookie");
    CHECK(has(set, "khu_session=ks_"));
    CHECK(has(set, "; HttpOnly") && has(set, "; SameSite=Strict") && has(set, "; Path=/"));
    CHECK(has(set, "Max-Age=43200"));
    CHECK(!has(set, "Secure")); /* plain HTTP */
    CHECK_EQ_STR(reply_header(&r, "Cache-Control"), "no-store");
    j = json_loads(r.body, 0, NULL);
    CHECK_EQ_STR(json_string_value(json_object_get(j, "user")), "lan.officer");
    CHECK_EQ_STR(json_string_value(json_object_get(j, "role")), "officer");
    CHECK_EQ_STR(json_string_value(json_object_get(j, "signed_in_with")), "session");
    json_decref(j);
    cookie_of(&r, cookie, sizeof(cookie));
    reply_free(&r);

    snprintf(headers, sizeof(headers), "Cookie: theme=dark; %s\r\n", cookie);
    CHECK_EQ_INT(request("GET", "/api/v1/me", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"signed_in\":true,\"user\":\"lan.officer\""));
    reply_free(&r);
    CHECK_EQ_INT(request("GET", "/api/v1/audit?table=sessions&limit=1", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    j = json_loads(r.body, 0, NULL);
    {
        json_t *rec = json_array_get(json_object_get(j, "records"), 0);
        CHECK_EQ_STR(json_string_value(json_object_get(rec, "action")), "session.start");
        CHECK_EQ_STR(json_string_value(json_object_get(rec, "actor")), "lan.officer");
        CHECK_EQ_STR(json_string_value(json_object_get(rec, "address")), "198.51.100.1");
        CHECK(!has(r.body, cookie + strlen("khu_session="))); /* never the secret */
    }
    json_decref(j);
    reply_free(&r);

    /* sign out: the cookie is cleared and no longer holds */
    snprintf(headers, sizeof(headers), JSON_TYPE "Cookie: %s\r\n", cookie);
    CHECK_EQ_INT(request("POST", "/api/v1/logout", headers, "{}", &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(reply_header(&r, "Set-Cookie"), "khu_session=; Path=/; Max-Age=0"));
    reply_free(&r);
    snprintf(headers, sizeof(headers), "Cookie: %s\r\n", cookie);
    CHECK_EQ_INT(request("GET", "/api/v1/audit?lang=vi", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 401);
    CHECK(has(r.body, "Phiên làm việc đã kết thúc"));
    CHECK(has(reply_header(&r, "Set-Cookie"), "Max-Age=0"));
    reply_free(&r);
    /* /me says so without an error */
    CHECK_EQ_INT(request("GET", "/api/v1/me", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"signed_in\":false,\"user\":null,\"display_name\":null,\"role\":null"));
    reply_free(&r);
    /* an ended session on a public route: served as anyone, cookie cleared */
    CHECK_EQ_INT(request("GET", "/api/v1/zones?limit=1", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(reply_header(&r, "Set-Cookie"), "Max-Age=0"));
    reply_free(&r);
    /* a signed-in user's inquiry is recorded as theirs, not anonymous */
    snprintf(headers, sizeof(headers), JSON_TYPE "Authorization: Bearer %s\r\n", tokens[3]);
    CHECK_EQ_INT(request("POST", "/api/v1/leads", headers,
                         "{\"name\":\"Kim\",\"company\":\"Hanil Vina\","
                         "\"email\":\"kim@hanil.example\"}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 201);
    reply_free(&r);
    snprintf(headers, sizeof(headers), "Authorization: Bearer %s\r\n", tokens[1]);
    CHECK_EQ_INT(request("GET", "/api/v1/audit?table=leads&limit=1", headers, NULL, &r), 0);
    CHECK(has(r.body, "\"actor\":\"hanil.investor\""));
    CHECK(has(r.body, "\"company\":\"Hanil Vina\""));
    reply_free(&r);
    /* a token does not sign out */
    snprintf(headers, sizeof(headers), JSON_TYPE "Authorization: Bearer %s\r\n", tokens[1]);
    CHECK_EQ_INT(request("POST", "/api/v1/logout", headers, "{}", &r), 0);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);

    /* the proxy's own X-Forwarded-For is the last one, after any the client sent */
    CHECK_EQ_INT(login("hoa.viewer", PASSWORD, NULL,
                       "X-Forwarded-For: 6.6.6.6\r\nX-Forwarded-For: 198.51.100.77\r\n", &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    cookie_of(&r, cookie, sizeof(cookie));
    reply_free(&r);
    snprintf(headers, sizeof(headers), "Authorization: Bearer %s\r\n", tokens[1]);
    CHECK_EQ_INT(request("GET", "/api/v1/audit?table=sessions&limit=1", headers, NULL, &r), 0);
    CHECK(has(r.body, "\"address\":\"198.51.100.77\""));
    CHECK(!has(r.body, "6.6.6.6"));
    reply_free(&r);
    /* a new password signs the user out everywhere */
    {
        char *out = NULL;
        CHECK_EQ_INT(khu("Gió chướng thổi qua Cần Giuộc\n",
                         (char *[]){"user", "passwd", "hoa.viewer", "--db", db, NULL}, &out),
                     0);
        free(out);
    }
    snprintf(headers, sizeof(headers), "Cookie: %s\r\n", cookie);
    CHECK_EQ_INT(request("GET", "/api/v1/me", headers, NULL, &r), 0);
    CHECK(has(r.body, "\"signed_in\":false"));
    reply_free(&r);

    /* behind TLS (the trusted proxy says so) the cookie is Secure */
    CHECK_EQ_INT(login("lan.officer", PASSWORD, "198.51.100.1", "X-Forwarded-Proto: https\r\n", &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(reply_header(&r, "Set-Cookie"), "; Secure"));
    reply_free(&r);
}

/* ===== refusals ===== */

static void test_refusals(void)
{
    struct reply wrong, unknown, r;
    char *out = NULL, headers[300], cookie[200];

    CHECK_EQ_INT(login("hoa.viewer", "not the password at all", "198.51.100.2", NULL, &wrong), 0);
    CHECK_EQ_INT(login("nobody.here", PASSWORD, "198.51.100.2", NULL, &unknown), 0);
    CHECK_EQ_INT(wrong.status, 401);
    CHECK_EQ_INT(unknown.status, 401);
    CHECK_EQ_STR(wrong.body, unknown.body); /* nothing says whether the user exists */
    CHECK(has(wrong.body, "Wrong user name or password."));
    CHECK(!has(wrong.head, "Set-Cookie"));
    reply_free(&wrong);
    reply_free(&unknown);

    /* a disabled user: sign-in refused alike, its session and token end */
    CHECK_EQ_INT(login("phuc.supplier", PASSWORD, "198.51.100.3", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    cookie_of(&r, cookie, sizeof(cookie));
    reply_free(&r);
    CHECK_EQ_INT(khu(NULL, (char *[]){"user", "disable", "phuc.supplier", "--db", db, NULL}, &out),
                 0);
    free(out);
    CHECK_EQ_INT(login("phuc.supplier", PASSWORD, "198.51.100.3", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 401);
    CHECK(has(r.body, "Wrong user name or password."));
    reply_free(&r);
    snprintf(headers, sizeof(headers), "Cookie: %s\r\n", cookie);
    CHECK_EQ_INT(request("GET", "/api/v1/me", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"signed_in\":false"));
    reply_free(&r);
    snprintf(headers, sizeof(headers), "Authorization: Bearer %s\r\n", tokens[4]);
    CHECK_EQ_INT(request("GET", "/api/v1/me", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 401);
    reply_free(&r);

    /* malformed or unknown tokens */
    CHECK_EQ_INT(request("GET", "/api/v1/zones?limit=1", "Authorization: Basic YTpi\r\n", NULL, &r),
                 0);
    CHECK_EQ_INT(r.status, 401);
    CHECK(has(r.body, "Bearer"));
    reply_free(&r);
    CHECK_EQ_INT(request("GET", "/api/v1/me", "Authorization: Bearer khu_forged\r\n", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 401);
    reply_free(&r);

    /* bad bodies say which field */
    CHECK_EQ_INT(request("POST", "/api/v1/login", JSON_TYPE, "{\"user\":\"x\"}", &r), 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(has(r.body, "\"param\":\"password\""));
    reply_free(&r);
    CHECK_EQ_INT(request("POST", "/api/v1/login", JSON_TYPE,
                         "{\"user\":\"x\",\"password\":\"y\","
                         "\"remember\":true}",
                         &r),
                 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(has(r.body, "\"param\":\"remember\""));
    reply_free(&r);
    CHECK_EQ_INT(request("POST", "/api/v1/login", JSON_TYPE, "[1,2", &r), 0);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);

    /* another site's page cannot sign in, nor send a form */
    CHECK_EQ_INT(login("lan.officer", PASSWORD, NULL, "Origin: https://evil.example\r\n", &r), 0);
    CHECK_EQ_INT(r.status, 403);
    CHECK(!has(r.head, "Set-Cookie"));
    reply_free(&r);
    CHECK_EQ_INT(request("POST", "/api/v1/login", "Content-Type: text/plain\r\n",
                         "{\"user\":\"lan.officer\",\"password\":\"" PASSWORD "\"}", &r),
                 0);
    CHECK_EQ_INT(r.status, 415);
    reply_free(&r);
    /* CORS stays read-only: a preflight never allows POST */
    CHECK_EQ_INT(request("OPTIONS", "/api/v1/login",
                         "Origin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\n",
                         NULL, &r),
                 0);
    CHECK(!has(reply_header(&r, "Access-Control-Allow-Methods"), "POST"));
    reply_free(&r);

    /* the audit trail: staff only, and its parameters checked */
    snprintf(headers, sizeof(headers), "Authorization: Bearer %s\r\n", tokens[0]);
    CHECK_EQ_INT(request("GET", "/api/v1/audit?limit=0", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);
    CHECK_EQ_INT(request("GET", "/api/v1/audit?from=2026-13-01", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 400);
    CHECK(has(r.body, "\"param\":\"from\""));
    reply_free(&r);
    CHECK_EQ_INT(request("GET", "/api/v1/audit?key=lan.officer", headers, NULL, &r), 0);
    CHECK_EQ_INT(r.status, 400);
    reply_free(&r);
    CHECK_EQ_INT(request("GET", "/api/v1/audit?table=users&key=phuc.supplier", headers, NULL, &r),
                 0);
    CHECK_EQ_INT(r.status, 200);
    CHECK(has(r.body, "\"action\":\"user.disable\"") && has(r.body, "\"action\":\"user.add\""));
    CHECK(!has(r.body, "argon2"));
    reply_free(&r);
}

/* ===== limits on failures ===== */

static void test_limits(void)
{
    struct reply r;
    char address[32], user[32];
    int i;

    /* five failures for an account, from five addresses: the sixth try is
     * refused before any check, even with the right password */
    for (i = 0; i < 5; i++) {
        snprintf(address, sizeof(address), "203.0.113.%d", i + 1);
        CHECK_EQ_INT(login("minh.dept", "wrong wrong wrong", address, NULL, &r), 0);
        CHECK_EQ_INT(r.status, 401);
        reply_free(&r);
    }
    CHECK_EQ_INT(login("minh.dept", PASSWORD, "203.0.113.9", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 429);
    CHECK(reply_header(&r, "Retry-After") && strtol(reply_header(&r, "Retry-After"), NULL, 10) > 0);
    CHECK(has(r.body, "Too many failed sign-ins"));
    reply_free(&r);
    /* another account is not affected */
    CHECK_EQ_INT(login("an.admin", PASSWORD, "203.0.113.9", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);

    /* twenty failures from one address, over unknown accounts: that
     * address is refused, another is not */
    for (i = 0; i < 20; i++) {
        snprintf(user, sizeof(user), "guess%d", i);
        CHECK_EQ_INT(login(user, "wrong wrong wrong", "192.0.2.99", NULL, &r), 0);
        CHECK_EQ_INT(r.status, 401);
        reply_free(&r);
    }
    CHECK_EQ_INT(login("an.admin", PASSWORD, "192.0.2.99", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 429);
    reply_free(&r);
    CHECK_EQ_INT(login("an.admin", PASSWORD, "192.0.2.100", NULL, &r), 0);
    CHECK_EQ_INT(r.status, 200);
    reply_free(&r);
}

/* ===== headers of every answer ===== */

static void test_security_headers(void)
{
    static const char *const targets[] = {"/", "/api/v1/zones?limit=1", "/api/v1/nothing",
                                          "/api/v1/me", NULL};
    unsigned char digest[crypto_hash_sha256_BYTES];
    char b64[64], want[100], etag[64];
    const char *const *t, *start, *end;
    struct reply r;

    for (t = targets; *t; t++) {
        char csp[1024];
        CHECK_EQ_INT(http_get(srv.port, *t, NULL, &r), 0);
        /* reply_header's buffer is reused by the next call: keep a copy */
        snprintf(csp, sizeof(csp), "%s",
                 reply_header(&r, "Content-Security-Policy")
                     ? reply_header(&r, "Content-Security-Policy")
                     : "");
        CHECK(has(csp, "frame-ancestors 'none'"));
        CHECK(has(csp, "script-src 'self' 'sha256-"));
        CHECK(!has(csp, "'unsafe-inline';") || has(csp, "style-src 'self' 'unsafe-inline'"));
        CHECK(!has(csp, "script-src 'self' 'unsafe-inline'"));
        CHECK_EQ_STR(reply_header(&r, "X-Content-Type-Options"), "nosniff");
        CHECK_EQ_STR(reply_header(&r, "Referrer-Policy"), "same-origin");
        CHECK_EQ_STR(reply_header(&r, "X-Frame-Options"), "DENY");
        if (strcmp(*t, "/") == 0) {
            /* the policy allows the page's inline script by its hash */
            start = strstr(r.body, "<script>");
            end = start ? strstr(start, "</script>") : NULL;
            CHECK(end != NULL);
            if (end) {
                start += 8;
                crypto_hash_sha256(digest, (const unsigned char *)start,
                                   (unsigned long long)(end - start));
                sodium_bin2base64(b64, sizeof(b64), digest, sizeof(digest),
                                  sodium_base64_VARIANT_ORIGINAL);
                snprintf(want, sizeof(want), "'sha256-%s'", b64);
                CHECK(has(csp, want));
            }
        }
        reply_free(&r);
    }
    /* a 304 carries them too */
    CHECK_EQ_INT(http_get(srv.port, "/api/v1/zones?limit=1", NULL, &r), 0);
    snprintf(etag, sizeof(etag), "If-None-Match: %s\r\n",
             reply_header(&r, "ETag") ? reply_header(&r, "ETag") : "");
    reply_free(&r);
    CHECK_EQ_INT(http_get(srv.port, "/api/v1/zones?limit=1", etag, &r), 0);
    CHECK_EQ_INT(r.status, 304);
    CHECK(has(reply_header(&r, "Content-Security-Policy"), "frame-ancestors 'none'"));
    reply_free(&r);
}

/* ===== pure parts ===== */

static void test_forwarded(void)
{
    char client[64];
    int secure;

    snprintf(client, sizeof(client), "127.0.0.1");
    http__forwarded(NULL, "198.51.100.7", "https", client, sizeof(client), &secure);
    CHECK_EQ_STR(client, "127.0.0.1"); /* no trusted proxy: headers ignored */
    CHECK_EQ_INT(secure, 0);
    http__forwarded("10.0.0.1", "198.51.100.7", "https", client, sizeof(client), &secure);
    CHECK_EQ_STR(client, "127.0.0.1"); /* not from the proxy */
    http__forwarded("127.0.0.1", "6.6.6.6, 198.51.100.7", "https", client, sizeof(client), &secure);
    CHECK_EQ_STR(client, "198.51.100.7"); /* the proxy's own entry, not the client's claim */
    CHECK_EQ_INT(secure, 1);
    snprintf(client, sizeof(client), "127.0.0.1");
    http__forwarded("127.0.0.1", "198.51.100.7, not-an-address", NULL, client, sizeof(client),
                    &secure);
    CHECK_EQ_STR(client, "127.0.0.1");
    CHECK_EQ_INT(secure, 0);
    http__forwarded("127.0.0.1", " 2001:db8::1 ", "http", client, sizeof(client), &secure);
    CHECK_EQ_STR(client, "2001:db8::1");
}

static void test_idle(void)
{
    const char *a = "aaaaaaaaaaaaaaaa0000000000000000000000000000000000000000000000000";
    const char *b = "bbbbbbbbbbbbbbbb0000000000000000000000000000000000000000000000000";
    int64_t t0 = 1000000000000LL;

    CHECK_EQ_INT(api_session_fresh(a, t0, t0 + 10, 100), 1);
    CHECK_EQ_INT(api_session_fresh(a, t0, t0 + 100, 100), 1); /* used 90 ms before */
    CHECK_EQ_INT(api_session_fresh(a, t0, t0 + 199, 100), 1);
    CHECK_EQ_INT(api_session_fresh(a, t0, t0 + 300, 100), 0); /* idle 101 ms */
    CHECK_EQ_INT(api_session_fresh(b, t0 + 150, t0 + 200, 100), 1);
    api_session_forget(b);
    /* forgotten: counts from the later of its start and the first check */
    CHECK_EQ_INT(api_session_fresh(b, t0 + 150, t0 + 20000, 100), 0);
}

int main(void)
{
    if (!mkdtemp(dir) || sodium_init() < 0)
        return 1;
    test_forwarded();
    test_idle();
    setup();
    if (server_start(&srv, db, "--trust-proxy 127.0.0.1") == 0) {
        test_every_route_every_role();
        test_session();
        test_refusals();
        test_limits();
        test_security_headers();
        test_admin_accounts();
        CHECK_EQ_INT(server_stop(&srv), 0);
    } else {
        TEST_FAIL_AT(__FILE__, __LINE__, "the server did not start");
    }
    remove_tree(dir);
    return test_report("test_api_auth");
}
