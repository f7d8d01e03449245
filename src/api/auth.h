/* SPDX-License-Identifier: MIT */
/*
 * Who a request comes from, and the one place that checks it may call a
 * route. The route table names the roles each route is open to
 * (http_route.roles, a set of enum role from core/role.h; 0 for
 * everyone); api_authorize, which the server calls before every handler,
 * finds the user from the session cookie or the API token and answers 401
 * (nobody signed in, or a session that ended) or 403 (a role the route is
 * not open to) before the handler runs.
 */
#ifndef KHU_API_AUTH_H
#define KHU_API_AUTH_H

#include "app/app_auth.h"
#include "core/role.h"
#include "http/http.h"

#define API_SESSION_COOKIE "khu_session"

/* Route role sets. */
#define API_SIGNED_IN                                                                              \
    (ROLE_ADMIN | ROLE_OFFICER | ROLE_DEPARTMENT | ROLE_INVESTOR | ROLE_SUPPLIER | ROLE_VIEWER)
#define API_STAFF (ROLE_ADMIN | ROLE_OFFICER)

/* What api_authorize keeps in http_req.principal. */
struct api_principal {
    int signed_in;
    enum role role;
    struct app_identity who;
};

_Static_assert(sizeof(struct api_principal) <= HTTP_PRINCIPAL_BYTES,
               "the principal fits in the request");

/* API */

/* The http_authorize_fn of khu serve (see the top of this file). A
 * session cookie that no longer holds is ignored on a route open to
 * everyone (and the answer clears it); an Authorization header that is
 * not a valid token is refused everywhere (401). */
int api_authorize(struct http_req *req, struct http_resp *resp, unsigned roles);

/* Answers 401: nobody is signed in, in the language the refusal is asked
 * in. */
void api_sign_in_first(const struct http_req *req, struct http_resp *resp);

/* The signed-in user of req, or NULL when nobody is signed in. */
const struct api_principal *api_principal(const struct http_req *req);

/* Writes the value of a Set-Cookie header that stores token as the
 * session (max_age_s seconds; Secure when the client came over TLS), or,
 * token NULL, one that removes the session cookie, into resp. */
void api_session_cookie(const struct http_req *req, struct http_resp *resp, const char *token,
                        long max_age_s);

#endif
