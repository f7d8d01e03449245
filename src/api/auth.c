/* SPDX-License-Identifier: MIT */
/*
 * The one check of who may call a route (see auth.h): the session cookie
 * or the API token is looked up, the route's roles are compared, and the
 * refusal is answered here, before any handler runs.
 */
#include "api/auth.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "api/api.h"
#include "api/session_idle.h"
#include "api/tr.h"

const struct api_principal *api_principal(const struct http_req *req)
{
    const struct api_principal *p = (const struct api_principal *)req->principal;

    return p->signed_in ? p : NULL;
}

/* Copies the value of cookie name from a Cookie header to out (size n).
 * Returns 0, or -1 when it is absent, empty or too long. */
static int cookie_value(const char *header, const char *name, char *out, size_t n)
{
    size_t len = strlen(name);
    const char *p = header;

    while (p && *p) {
        p += strspn(p, " \t;");
        if (strncmp(p, name, len) == 0 && p[len] == '=') {
            size_t v = strcspn(p + len + 1, "; \t");
            if (v == 0 || v >= n)
                return -1;
            memcpy(out, p + len + 1, v);
            out[v] = '\0';
            return 0;
        }
        p = strchr(p, ';');
    }
    return -1;
}

/* The token of an "Authorization: Bearer TOKEN" header, or NULL. */
static const char *bearer(const char *header, char *out, size_t n)
{
    const char *t;
    size_t len;

    if (!header || strncasecmp(header, "Bearer ", 7) != 0)
        return NULL;
    t = header + 7 + strspn(header + 7, " ");
    len = strcspn(t, " \t");
    if (len == 0 || len >= n || t[len + strspn(t + len, " \t")])
        return NULL;
    memcpy(out, t, len);
    out[len] = '\0';
    return out;
}

void api_session_cookie(const struct http_req *req, struct http_resp *resp, const char *token,
                        long max_age_s)
{
    snprintf(resp->set_cookie, sizeof(resp->set_cookie),
             "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Strict%s", API_SESSION_COOKIE,
             token ? token : "", token ? max_age_s : 0, req->secure ? "; Secure" : "");
}

/* Ends a session found idle in the database too, so that it cannot come
 * back when this process forgets it. Failing that, the session still ends
 * here; the database's absolute end stays. */
static void end_idle(struct http_req *req, struct http_resp *resp, const char *digest)
{
    struct store *w = api_writer(req, resp);
    struct store_actor actor;
    struct khu_diag d;

    if (!w)
        return;
    store_actor_set(&actor, "khu", req->client);
    khu_diag_clear(&d);
    app_logout(w, &actor, digest, &d);
}

/* Fills p from the request's session cookie. Returns 1 when a cookie was
 * sent that does not hold (so the answer clears it), 0 otherwise; -1
 * after answering 503. */
static int from_cookie(struct http_req *req, struct http_resp *resp, struct api_principal *p)
{
    char token[SECRET_MAX];
    struct store *s;
    struct khu_diag d;
    int64_t now = app_now_ms();
    enum khu_err err;

    if (!req->cookie || cookie_value(req->cookie, API_SESSION_COOKIE, token, sizeof(token)))
        return req->cookie && strstr(req->cookie, API_SESSION_COOKIE "=") ? 1 : 0;
    s = api_store(req, resp);
    if (!s)
        return -1;
    khu_diag_clear(&d);
    err = app_identify_session(s, token, now, &p->who, &d);
    if (err == KHU_ENOTFOUND)
        return 1;
    if (err) {
        api_error(resp, err, &d);
        return -1;
    }
    if (!api_session_fresh(p->who.session, p->who.created_ms, now, APP_SESSION_IDLE_MS)) {
        end_idle(req, resp, p->who.session);
        memset(&p->who, 0, sizeof(p->who));
        return 1;
    }
    p->signed_in = 1;
    p->role = role_parse(p->who.role);
    return 0;
}

/* Fills p from the request's Authorization header. Returns 0 when there
 * is none or it holds; -1 after answering (401 for a token that does not
 * hold, 503). */
static int from_token(struct http_req *req, struct http_resp *resp, struct api_principal *p)
{
    enum api_lang lang = api_refusal_lang(req);
    char token[SECRET_MAX];
    struct store *s;
    struct khu_diag d;
    enum khu_err err;

    if (!req->authorization)
        return 0;
    if (!bearer(req->authorization, token, sizeof(token))) {
        http_problem(resp, 401, NULL, "%s",
                     api_tr(lang, "Send an API token as \"Authorization: Bearer TOKEN\"."));
        return -1;
    }
    s = api_store(req, resp);
    if (!s)
        return -1;
    khu_diag_clear(&d);
    err = app_identify_token(s, token, &p->who, &d);
    if (err == KHU_ENOTFOUND) {
        http_problem(resp, 401, NULL, "%s",
                     api_tr(lang, "This API token is not valid: it is unknown or was revoked, "
                                  "or its user is disabled."));
        return -1;
    }
    if (err) {
        api_error(resp, err, &d);
        return -1;
    }
    p->signed_in = 1;
    p->role = role_parse(p->who.role);
    return 0;
}

void api_sign_in_first(const struct http_req *req, struct http_resp *resp)
{
    http_problem(resp, 401, NULL, "%s",
                 api_tr(api_refusal_lang(req), "Sign in first: this needs an account."));
}

int api_authorize(struct http_req *req, struct http_resp *resp, unsigned roles)
{
    struct api_principal *p = (struct api_principal *)req->principal;
    int stale = 0;

    /* on every request: no more than this unless a user is named */
    p->signed_in = 0;
    p->role = ROLE_NONE;
    if (req->authorization) {
        if (from_token(req, resp, p))
            return 1;
    } else if (req->cookie) {
        stale = from_cookie(req, resp, p);
        if (stale < 0)
            return 1;
    }
    if (stale)
        api_session_cookie(req, resp, NULL, 0);
    if (!roles)
        return 0;
    if (!p->signed_in) {
        if (!stale) {
            api_sign_in_first(req, resp);
            return 1;
        }
        http_problem(resp, 401, NULL, "%s",
                     api_tr(api_refusal_lang(req), "Your session has ended; sign in again."));
        api_session_cookie(req, resp, NULL, 0);
        return 1;
    }
    if (!(p->role & roles)) {
        http_problem(resp, 403, NULL,
                     api_tr(api_refusal_lang(req), "Your role (%s) may not do this."),
                     role_name(p->role));
        return 1;
    }
    return 0;
}
