/* SPDX-License-Identifier: MIT */
/*
 * Signing in and out, and who a request comes from: the use cases behind
 * POST /api/v1/login, POST /api/v1/logout and every request that carries
 * a session cookie or an API token. A session's secret and a token are
 * known only to the client; the store keeps their digests. A failed
 * sign-in says nothing of why (no such user, disabled, wrong password)
 * and takes as long whatever the reason.
 */
#ifndef KHU_APP_AUTH_H
#define KHU_APP_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "app/app_secret.h"
#include "core/role.h"
#include "store/store.h"

#define APP_SESSION_MAX_MS  (12LL * 3600 * 1000) /* a session ends this long after sign-in */
#define APP_SESSION_IDLE_MS (2LL * 3600 * 1000)  /* ... or after this long unused */
#define APP_SESSION_PREFIX  "ks_"                /* the secret of a session cookie */
#define APP_LOGIN_FAILED    "wrong user name or password"

/* Who a request comes from. */
struct app_identity {
    char name[USER_NAME_MAX + 1];
    char display_name[256];
    char role[16];
    char department[65];             /* "" unless role department */
    char tax_code[16];               /* "" unless role investor or supplier */
    int64_t created_ms;              /* when the session or token was made */
    int64_t expires_ms;              /* a session's absolute end; 0 for a token */
    int via_token;                   /* 1: an API token, 0: a session */
    char session[SECRET_DIGEST_HEX]; /* a session's digest (for sign-out); "" for a token */
};

/* API */

/* Checks user name and password p[0..n) and starts a session for
 * APP_SESSION_MAX_MS: writes its secret (for the cookie; shown once) to
 * token and the user to who. A hash made under older parameters is made
 * again. Returns KHU_OK; KHU_EINVAL with APP_LOGIN_FAILED in d for any
 * failed check (an unknown or disabled user is checked against a dummy
 * hash, so that the answer takes as long); or the store's error. */
enum khu_err app_login(struct store *s, const char *address, const char *name, const char *p,
                       size_t n, char token[SECRET_MAX], struct app_identity *who,
                       struct khu_diag *d);

/* Finds the user of the session whose secret is token at time now_ms.
 * Returns KHU_OK with who filled; KHU_ENOTFOUND when there is no such
 * session, or it ended, expired, or its user is disabled; or the store's
 * error. */
enum khu_err app_identify_session(struct store *s, const char *token, int64_t now_ms,
                                  struct app_identity *who, struct khu_diag *d);

/* The same for an API token (KHU_ENOTFOUND also when revoked). */
enum khu_err app_identify_token(struct store *s, const char *token, struct app_identity *who,
                                struct khu_diag *d);

/* Ends the session whose digest is session (audited, by actor). Returns
 * KHU_OK (also when it had ended), KHU_ENOTFOUND, or the store's error. */
enum khu_err app_logout(struct store *s, const struct store_actor *actor, const char *session,
                        struct khu_diag *d);

/* Milliseconds since 1970-01-01 UTC, from the system clock. */
int64_t app_now_ms(void);

#endif
