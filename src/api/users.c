/* SPDX-License-Identifier: MIT */
/*
 * Accounts for admins over HTTP, through the same use cases as `khu user`
 * (app/app_users.h): GET /api/v1/users lists them; POST /api/v1/users
 * adds one {"name","role","org","display_name","password"}; PATCH
 * /api/v1/users/{name} changes one: {"password"} resets its password,
 * {"role","org"} its role, {"disabled": true|false} signs it out and
 * keeps it out, or lets it in again; the parts given run in that order,
 * each its own audited write, and the answer says which were done. An
 * admin cannot take away their own admin role or disable themselves, so
 * that the province is never left without one by a slip. Passwords are
 * hashed on the slow lane (Argon2id takes about 0.1 s and 64 MiB), and
 * every copy of one in the request is wiped once used. GET
 * /api/v1/audit/verify recomputes the audit trail's chain.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/tr.h"
#include "app/app_audit.h"
#include "app/app_users.h"
#include "core/password_hash.h"
#include "store/audit.h"
#include "store/users.h"

/* ===== messages ===== */

/* The message for the rule an account's write broke, in lang. */
static const char *account_message(enum api_lang lang, const struct khu_diag *d)
{
    static const struct {
        const char *rule, *en;
    } m[] = {
        {"user_name", "A user name is 2 to 64 lowercase letters a-z, digits, dots, dashes or "
                      "underscores, and begins with a letter or a digit."},
        {"user_taken", "A user with this name exists already."},
        {"role", "Choose a role: admin, officer, department, investor, supplier or viewer."},
        {"org_none", "This role belongs to no organisation: leave it empty."},
        {"org_department", "This role needs the code of the department the user belongs to."},
        {"org_enterprise", "This role needs the tax code of the user's enterprise."},
        {"org_missing", "There is no department or enterprise with this code."},
        {"password_utf8", "The password is not valid text."},
        {"password_control", "The password holds a control character (such as a tab)."},
        {"password_short", "The password needs at least 12 characters: a few words make a good "
                           "one."},
        {"password_long", "The password is longer than 1024 bytes."},
        {"password_name", "The password must not contain the user name."},
        {"password_common", "This password is too common or too easy to guess: choose a few "
                            "unrelated words."},
        {"email", "Not an e-mail address."},
        {"head", "Only a department's user can be its head."},
    };
    size_t i;

    for (i = 0; d->rule && i < sizeof(m) / sizeof(m[0]); i++)
        if (!strcmp(m[i].rule, d->rule))
            return api_tr(lang, m[i].en);
    return d->message;
}

/* Answers the error of an account's use case: a problem of a field (400,
 * 409) in the request's language, or the general answer. */
static void account_error(struct http_resp *resp, enum api_lang lang, enum khu_err err,
                          const struct khu_diag *d)
{
    struct http_field_problem f = {.param = d->field[0] ? d->field : "name", .rule = d->rule};
    int status = err == KHU_ECONFLICT ? 409 : err == KHU_ENOTFOUND ? 404 : 400;

    if (err != KHU_EINVAL && err != KHU_ECONFLICT && err != KHU_ENOTFOUND) {
        api_error(resp, err, d);
        return;
    }
    if (!strcmp(f.param, "department") || !strcmp(f.param, "tax_code"))
        f.param = "org";
    snprintf(f.detail, sizeof(f.detail), "%.250s", account_message(lang, d));
    http_problem_fields(resp, status, f.detail, &f, 1);
}

/* ===== reading the body ===== */

/* Wipes the password in doc and the request's own copy of the body. */
static void wipe(struct http_req *req, json_t *doc)
{
    json_t *p = doc ? json_object_get(doc, "password") : NULL;

    if (p && json_is_string(p))
        password_wipe((char *)json_string_value(p), json_string_length(p));
    if (req->body)
        password_wipe((char *)req->body, req->body_len);
}

/* The body as a JSON object with only the keys allowed (api/json_body.h).
 * Returns it, or NULL after a 400, the request's own copy of a password
 * wiped. */
static json_t *read_body(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                         const char *const *allowed)
{
    json_t *doc = api_json_body(req, resp, lang, allowed);

    if (!doc)
        wipe(req, NULL);
    return doc;
}

static void actor_of(const struct http_req *req, struct store_actor *a)
{
    const struct api_principal *who = api_principal(req);

    store_actor_set(a, who ? who->who.name : "?", req->client);
}

/* ===== GET /api/v1/users ===== */

static void opt_time(struct jw *w, const char *key, const struct khu_row *row, int i)
{
    char at[40];

    jw_key(w, key);
    if (row_is_null(row, i)) {
        jw_null(w);
        return;
    }
    app_audit_time(row_int(row, i), at, sizeof(at));
    jw_str(w, at);
}

static int write_user(void *arg, const struct khu_row *row)
{
    struct jw *w = arg;

    jw_obj_begin(w);
    jw_opt_str(w, "name", row_text(row, USER_COL_NAME));
    jw_key(w, "display_name");
    if (row_text(row, USER_COL_DISPLAY_NAME))
        jw_str(w, row_text(row, USER_COL_DISPLAY_NAME));
    else
        jw_null(w);
    jw_opt_str(w, "role", row_text(row, USER_COL_ROLE));
    jw_key(w, "org");
    if (row_text(row, USER_COL_DEPARTMENT))
        jw_str(w, row_text(row, USER_COL_DEPARTMENT));
    else if (row_text(row, USER_COL_TAX_CODE))
        jw_str(w, row_text(row, USER_COL_TAX_CODE));
    else
        jw_null(w);
    opt_time(w, "created", row, USER_COL_CREATED_MS);
    opt_time(w, "password_set", row, USER_COL_PASSWORD_MS);
    opt_time(w, "disabled", row, USER_COL_DISABLED_MS);
    jw_key(w, "email");
    if (row_text(row, USER_COL_EMAIL))
        jw_str(w, row_text(row, USER_COL_EMAIL));
    else
        jw_null(w);
    jw_key(w, "head");
    jw_bool(w, row_int(row, USER_COL_HEAD) == 1);
    jw_obj_end(w);
    return 0;
}

void api_users_list(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    struct store *s;
    struct khu_diag d;
    enum khu_err err;
    struct jw w;

    if (http_check_params(req, resp, allowed))
        return;
    s = api_store(req, resp);
    if (!s)
        return;
    resp->cache_control = "no-store";
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "users");
    jw_arr_begin(&w);
    khu_diag_clear(&d);
    err = store_users_list(s, write_user, &w, &d);
    if (err) {
        buf_reset(&resp->body);
        api_error(resp, err, &d);
        return;
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

/* ===== POST /api/v1/users ===== */

static void answer_done(struct http_resp *resp, int status, const char *name,
                        const char *const *done, int n)
{
    struct jw w;
    int i;

    resp->status = status;
    resp->no_etag = 1;
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "name");
    jw_str(&w, name);
    jw_key(&w, "done");
    jw_arr_begin(&w);
    for (i = 0; i < n; i++)
        jw_str(&w, done[i]);
    jw_arr_end(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

void api_users_add(struct http_req *req, struct http_resp *resp)
{
    static const char *const params[] = {"lang", NULL};
    static const char *const allowed[] = {"name", "role", "org", "display_name", "*password", NULL};
    static const char *const done[] = {"added"};
    struct store_actor actor;
    struct store *s;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    const char *p;
    json_t *doc;

    if (http_check_params(req, resp, params) || api_lang(req, resp, &lang))
        return;
    if (http_to_lane(req, resp))
        return; /* a password is hashed: on the lane, and the body read once */
    lang = api_message_lang(req, lang);
    doc = read_body(req, resp, lang, allowed);
    if (!doc)
        return;
    p = api_json_text(doc, "password");
    s = api_writer(req, resp);
    if (s) {
        actor_of(req, &actor);
        khu_diag_clear(&d);
        err = app_user_add(s, &actor, api_json_text(doc, "name") ? api_json_text(doc, "name") : "",
                           api_json_text(doc, "role") ? api_json_text(doc, "role") : "",
                           api_json_text(doc, "org"), api_json_text(doc, "display_name"),
                           p ? p : "", p ? strlen(p) : 0, &d);
        if (err)
            account_error(resp, lang, err, &d);
        else
            answer_done(resp, 201, api_json_text(doc, "name"), done, 1);
    }
    wipe(req, doc);
    json_decref(doc);
}

/* ===== PATCH /api/v1/users/{name} ===== */

/* Refuses a change an admin makes to their own account that would lock
 * them out. Returns -1 after answering 409, else 0. */
static int refuse_self_lockout(const struct http_req *req, struct http_resp *resp,
                               enum api_lang lang, const char *name, json_t *doc)
{
    const struct api_principal *who = api_principal(req);
    const char *role = api_json_text(doc, "role");

    if (!who || strcmp(who->who.name, name) != 0)
        return 0;
    if (json_is_true(json_object_get(doc, "disabled")) || (role && strcmp(role, "admin") != 0)) {
        http_problem(resp, 409, role ? "role" : "disabled", "%s",
                     api_tr(lang, "You cannot disable your own account or take away your own "
                                  "admin role: ask another admin."));
        return -1;
    }
    return 0;
}

struct contact_now {
    char email[256];
    int head;
};

static int take_contact(void *arg, const struct khu_row *row)
{
    struct contact_now *c = arg;

    snprintf(c->email, sizeof(c->email), "%s",
             row_text(row, USER_COL_EMAIL) ? row_text(row, USER_COL_EMAIL) : "");
    c->head = row_int(row, USER_COL_HEAD) == 1;
    return 1;
}

/* Sets the user's e-mail and head flag; the one not given stays. */
static enum khu_err change_contact(struct store *s, const struct store_actor *actor,
                                   const char *name, json_t *doc, struct khu_diag *d)
{
    struct contact_now now = {"", 0};
    json_t *head = json_object_get(doc, "head");
    int found = 0;
    enum khu_err err = store_user_get(s, name, take_contact, &now, &found, d);

    if (!err && !found) {
        khu_diag_set(d, 0, 0, "name", "there is no user called '%s'", name);
        return KHU_ENOTFOUND;
    }
    if (err)
        return err;
    return app_user_contact(s, actor, name,
                            json_object_get(doc, "email") ? api_json_text(doc, "email") : now.email,
                            head ? json_is_true(head) : now.head, d);
}

void api_users_change(struct http_req *req, struct http_resp *resp)
{
    static const char *const params[] = {"lang", NULL};
    static const char *const allowed[] = {"*password", "role",  "org", "!disabled",
                                          "email",     "!head", NULL};
    const char *name = req->path_params[0], *done[4];
    struct store_actor actor;
    struct store *s;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err = KHU_OK;
    json_t *doc, *disabled;
    const char *p;
    int n = 0;

    if (http_check_params(req, resp, params) || api_lang(req, resp, &lang))
        return;
    if (http_to_lane(req, resp))
        return;
    lang = api_message_lang(req, lang);
    doc = read_body(req, resp, lang, allowed);
    if (!doc)
        return;
    if (json_object_size(doc) == 0) {
        http_problem(resp, 400, NULL, "%s",
                     api_tr(lang, "Give a password, a role, disabled, email or head: what to "
                                  "change."));
        goto out;
    }
    if (refuse_self_lockout(req, resp, lang, name, doc))
        goto out;
    s = api_writer(req, resp);
    if (!s)
        goto out;
    actor_of(req, &actor);
    khu_diag_clear(&d);
    p = api_json_text(doc, "password");
    if (p) {
        err = app_user_passwd(s, &actor, name, p, strlen(p), &d);
        if (!err)
            done[n++] = "password";
    }
    if (!err && json_object_get(doc, "role")) {
        err = app_user_role(s, &actor, name,
                            api_json_text(doc, "role") ? api_json_text(doc, "role") : "",
                            api_json_text(doc, "org"), &d);
        if (!err)
            done[n++] = "role";
    }
    disabled = json_object_get(doc, "disabled");
    if (!err && disabled) {
        err = app_user_disable(s, &actor, name, json_is_true(disabled), &d);
        if (!err)
            done[n++] = json_is_true(disabled) ? "disabled" : "enabled";
    }
    if (!err && (json_object_get(doc, "email") || json_object_get(doc, "head"))) {
        err = change_contact(s, &actor, name, doc, &d);
        if (!err)
            done[n++] = "contact";
    }
    if (err)
        account_error(resp, lang, err, &d);
    else
        answer_done(resp, 200, name, done, n);
out:
    wipe(req, doc);
    json_decref(doc);
}

/* ===== GET /api/v1/audit/verify ===== */

void api_audit_verify(struct http_req *req, struct http_resp *resp)
{
    static const char *const params[] = {"lang", NULL};
    struct store_audit_verdict v;
    struct store *s;
    struct khu_diag d;
    enum khu_err err;
    struct jw w;

    if (http_check_params(req, resp, params))
        return;
    if (http_to_lane(req, resp))
        return; /* the whole trail is read */
    s = api_store(req, resp);
    if (!s)
        return;
    khu_diag_clear(&d);
    err = store_audit_verify(s, &v, &d);
    if (err) {
        api_error(resp, err, &d);
        return;
    }
    resp->no_etag = 1;
    resp->cache_control = "no-store";
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "intact");
    jw_bool(&w, v.bad_id == 0);
    jw_key(&w, "records");
    jw_int(&w, v.records);
    jw_key(&w, "head_id");
    jw_int(&w, v.head_id);
    jw_key(&w, "head_hash");
    jw_str(&w, v.head_hash);
    jw_key(&w, "bad_id");
    if (v.bad_id)
        jw_int(&w, v.bad_id);
    else
        jw_null(&w);
    jw_key(&w, "reason");
    if (v.bad_id)
        jw_str(&w, v.reason);
    else
        jw_null(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}
