/* SPDX-License-Identifier: MIT */
/*
 * POST /api/v1/login, POST /api/v1/logout and GET /api/v1/me (open to
 * everyone: it says whether anyone is signed in). A sign-in
 * checks an Argon2id hash (about 0.1 s of one core and 64 MiB), so it runs
 * on the slow lane, at most LOGIN_AT_ONCE at a time, and never holds up
 * the threads that answer reads. Failed sign-ins are counted per account
 * and per client address; past the limit the answer is 429 with
 * Retry-After, before any hash is checked. The answer to a failed sign-in
 * never says whether the user exists.
 */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/rate_limit.h"
#include "api/session_idle.h"
#include "api/tr.h"
#include "core/json_out.h"
#include "core/password_hash.h"
#include "core/password_policy.h"

#define LOGIN_AT_ONCE       2   /* hashes checked at the same time */
#define LOGIN_WAIT_S        5   /* how long a sign-in waits for its turn */
#define LOGIN_FAILS_ACCOUNT 5   /* failures one account may have ... */
#define LOGIN_FAILS_ADDRESS 20  /* ... and one client address ... */
#define LOGIN_WINDOW_S      900 /* ... in this many seconds */

static struct rate_limit account_fails = RATE_LIMIT_INIT(LOGIN_FAILS_ACCOUNT, LOGIN_WINDOW_S);
static struct rate_limit address_fails = RATE_LIMIT_INIT(LOGIN_FAILS_ADDRESS, LOGIN_WINDOW_S);

/* ===== taking turns ===== */

static pthread_mutex_t turn_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t turn_free = PTHREAD_COND_INITIALIZER;
static int turns_taken;

/* Waits up to LOGIN_WAIT_S for one of LOGIN_AT_ONCE turns; returns 0 with
 * a turn (give it back with give_turn), or -1. */
static int take_turn(void)
{
    struct timespec deadline;
    int rc = 0;

    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += LOGIN_WAIT_S;
    pthread_mutex_lock(&turn_lock);
    while (turns_taken >= LOGIN_AT_ONCE && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&turn_free, &turn_lock, &deadline);
    if (turns_taken < LOGIN_AT_ONCE)
        turns_taken++;
    else
        rc = -1;
    pthread_mutex_unlock(&turn_lock);
    return rc == -1 ? -1 : 0;
}

static void give_turn(void)
{
    pthread_mutex_lock(&turn_lock);
    turns_taken--;
    pthread_cond_signal(&turn_free);
    pthread_mutex_unlock(&turn_lock);
}

/* ===== the answer ===== */

/* Writes who as the JSON answer of /login and /me. */
static void identity_json(struct http_resp *resp, const struct app_identity *who)
{
    char at[40];
    struct jw w;

    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "signed_in");
    jw_bool(&w, who->name[0] != '\0');
    jw_opt_str(&w, "user", who->name);
    jw_opt_str(&w, "display_name", who->display_name);
    jw_opt_str(&w, "role", who->role);
    jw_opt_str(&w, "department", who->department);
    jw_opt_str(&w, "tax_code", who->tax_code);
    jw_key(&w, "signed_in_with");
    if (who->name[0])
        jw_str(&w, who->via_token ? "token" : "session");
    else
        jw_null(&w);
    jw_key(&w, "expires_at");
    if (who->expires_ms) {
        time_t t = (time_t)(who->expires_ms / 1000);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
        jw_str(&w, at);
    } else {
        jw_null(&w);
    }
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
    resp->no_etag = 1;
    resp->cache_control = "no-store";
}

/* ===== POST /api/v1/login ===== */

struct credentials {
    const char *user, *password;
    size_t password_len;
};

/* Reads {"user": ..., "password": ...}; answers 400 naming the field and
 * returns -1 when the body is not that. */
static int read_credentials(json_t *doc, struct credentials *c, enum api_lang lang,
                            struct http_resp *resp)
{
    json_t *user = json_object_get(doc, "user"), *password = json_object_get(doc, "password");
    const char *key;
    json_t *v;

    json_object_foreach(doc, key, v)
    {
        if (strcmp(key, "user") && strcmp(key, "password")) {
            http_problem(resp, 400, key, api_tr(lang, "Unknown field \"%.60s\"."), key);
            return -1;
        }
    }
    if (!json_is_string(user) || !json_string_length(user)) {
        http_problem(resp, 400, "user", "%s", api_tr(lang, "This field is required."));
        return -1;
    }
    if (!json_is_string(password) || !json_string_length(password)) {
        http_problem(resp, 400, "password", "%s", api_tr(lang, "This field is required."));
        return -1;
    }
    if (json_string_length(user) > USER_NAME_MAX ||
        json_string_length(password) > PASSWORD_MAX_BYTES) {
        http_problem(resp, 400, json_string_length(user) > USER_NAME_MAX ? "user" : "password",
                     api_tr(lang, "At most %zu characters."),
                     json_string_length(user) > USER_NAME_MAX ? (size_t)USER_NAME_MAX
                                                              : (size_t)PASSWORD_MAX_BYTES);
        return -1;
    }
    c->user = json_string_value(user);
    c->password = json_string_value(password);
    c->password_len = json_string_length(password);
    return 0;
}

/* Answers 429: wait more seconds. */
static void refuse_for(struct http_resp *resp, enum api_lang lang, long wait)
{
    http_problem(resp, 429, NULL,
                 api_tr(lang, "Too many failed sign-ins; try again in %ld minutes."),
                 (wait + 59) / 60);
    resp->retry_after = (int)wait;
}

/* Writes the keys of the account and the address; answers 429 and returns
 * 1 when either failed too often. */
static int too_many(const struct credentials *c, const char *client, enum api_lang lang,
                    struct http_resp *resp, char *account_key, char *address_key)
{
    time_t now = time(NULL);
    long wait, by_address;

    snprintf(account_key, RATE_KEY_MAX, "u:%s", c->user);
    snprintf(address_key, RATE_KEY_MAX, "a:%s", client);
    wait = rate_limit_wait(&account_fails, account_key, now);
    by_address = rate_limit_wait(&address_fails, address_key, now);
    if (by_address > wait)
        wait = by_address;
    if (wait)
        refuse_for(resp, lang, wait);
    return wait != 0;
}

/* Counts the attempt for the account and the address; answers 429 and
 * returns 0 (counting nothing) when either refuses. */
static int take_attempt(enum api_lang lang, struct http_resp *resp, const char *account_key,
                        const char *address_key)
{
    time_t now = time(NULL);
    long wait = rate_limit_take(&account_fails, account_key, now);

    if (!wait) {
        wait = rate_limit_take(&address_fails, address_key, now);
        if (wait)
            rate_limit_refund(&account_fails, account_key);
    }
    if (wait)
        refuse_for(resp, lang, wait);
    return wait == 0;
}

/* Checks the credentials and starts the session (on the lane, in turn). */
static void sign_in(struct http_req *req, struct http_resp *resp, const struct credentials *c,
                    enum api_lang lang)
{
    char account_key[RATE_KEY_MAX], address_key[RATE_KEY_MAX], token[SECRET_MAX];
    struct app_identity who;
    struct khu_diag d;
    struct store *s;
    enum khu_err err;

    if (too_many(c, req->client, lang, resp, account_key, address_key))
        return;
    s = api_writer(req, resp);
    if (!s)
        return;
    if (take_turn()) {
        http_problem(resp, 503, NULL, "%s",
                     api_tr(lang, "Too many sign-ins at once; try again in a few seconds."));
        resp->retry_after = 2;
        return;
    }
    /* asked again in turn, and the attempt counted as a failure before the
     * check in the same step (taken back if it holds), so that sign-ins
     * checked at the same time never get past the limit together */
    if (!take_attempt(lang, resp, account_key, address_key)) {
        give_turn();
        return;
    }
    khu_diag_clear(&d);
    err = app_login(s, req->client, c->user, c->password, c->password_len, token, &who, &d);
    give_turn();
    if (err == KHU_EINVAL) {
        http_problem(resp, 401, NULL, "%s", api_tr(lang, "Wrong user name or password."));
        return;
    }
    rate_limit_refund(&address_fails, address_key);
    if (err) {
        rate_limit_refund(&account_fails, account_key);
        api_error(resp, err, &d);
        return;
    }
    rate_limit_clear(&account_fails, account_key);
    api_session_cookie(req, resp, token, (long)(APP_SESSION_MAX_MS / 1000));
    password_wipe(token, sizeof(token));
    identity_json(resp, &who);
}

void api_login(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    struct credentials c;
    enum api_lang lang;
    json_error_t e;
    json_t *doc = NULL;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    if (http_to_lane(req, resp))
        return; /* the body is read on the lane, once */
    lang = api_message_lang(req, lang);
    doc = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &e);
    if (!doc || !json_is_object(doc))
        http_problem(resp, 400, NULL,
                     api_tr(lang, "The body must be a JSON object: %s (line %d, column %d)."),
                     doc ? "not an object" : e.text, e.line, e.column);
    else if (read_credentials(doc, &c, lang, resp) == 0)
        sign_in(req, resp, &c, lang);
    if (doc && json_is_string(json_object_get(doc, "password")))
        password_wipe((char *)json_string_value(json_object_get(doc, "password")),
                      json_string_length(json_object_get(doc, "password")));
    json_decref(doc);
    /* the request's own copy of the password: read only here, and only once */
    if (req->body)
        password_wipe((char *)req->body, req->body_len);
}

/* ===== POST /api/v1/logout, GET /api/v1/me ===== */

void api_logout(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    const struct api_principal *p = api_principal(req);
    struct store_actor actor;
    struct khu_diag d;
    struct store *s;
    enum api_lang lang;
    enum khu_err err;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    lang = api_message_lang(req, lang);
    if (p->who.via_token) {
        http_problem(resp, 400, NULL, "%s",
                     api_tr(lang, "An API token does not sign out; revoke it with khu token "
                                  "revoke."));
        return;
    }
    s = api_writer(req, resp);
    if (!s)
        return;
    store_actor_set(&actor, p->who.name, req->client);
    khu_diag_clear(&d);
    err = app_logout(s, &actor, p->who.session, &d);
    if (err && err != KHU_ENOTFOUND) {
        api_error(resp, err, &d);
        return;
    }
    api_session_forget(p->who.session);
    api_session_cookie(req, resp, NULL, 0);
    resp->no_etag = 1;
    resp->cache_control = "no-store";
    buf_puts(&resp->body, "{\"signed_out\":true}\n");
}

/* Open to everyone, so that a page can ask without an error in the
 * browser's console: {"signed_in":false, every other field null} when
 * nobody is. */
void api_me(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {NULL};
    const struct api_principal *p = api_principal(req);
    struct app_identity nobody;

    if (http_check_params(req, resp, allowed))
        return;
    memset(&nobody, 0, sizeof(nobody));
    identity_json(resp, p ? &p->who : &nobody);
}
