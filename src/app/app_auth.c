/* SPDX-License-Identifier: MIT */
/*
 * Signing in, signing out and identifying a request (see app_auth.h).
 */
#include "app/app_auth.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/password_hash.h"
#include "store/users.h"

int64_t app_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ===== reading a user ===== */

struct account {
    struct app_identity who;
    char hash[PASSWORD_HASH_MAX];
    int disabled;
    int64_t ended_ms; /* 0: not ended */
};

static void text(char *out, size_t n, const struct khu_row *row, int i)
{
    const char *s = row_text(row, i);

    snprintf(out, n, "%s", s ? s : "");
}

static int read_identity(void *arg, const struct khu_row *row)
{
    struct account *a = arg;

    text(a->who.name, sizeof(a->who.name), row, IDENT_COL_NAME);
    text(a->who.display_name, sizeof(a->who.display_name), row, IDENT_COL_DISPLAY_NAME);
    text(a->who.role, sizeof(a->who.role), row, IDENT_COL_ROLE);
    text(a->who.department, sizeof(a->who.department), row, IDENT_COL_DEPARTMENT);
    text(a->who.tax_code, sizeof(a->who.tax_code), row, IDENT_COL_TAX_CODE);
    a->disabled = !row_is_null(row, IDENT_COL_DISABLED_MS);
    a->who.created_ms = row_int(row, IDENT_COL_CREATED_MS);
    a->who.expires_ms = row_int(row, IDENT_COL_EXPIRES_MS);
    a->ended_ms = row_is_null(row, IDENT_COL_ENDED_MS) ? 0 : row_int(row, IDENT_COL_ENDED_MS);
    return 0;
}

static int read_user(void *arg, const struct khu_row *row)
{
    struct account *a = arg;

    text(a->who.name, sizeof(a->who.name), row, USER_COL_NAME);
    text(a->who.display_name, sizeof(a->who.display_name), row, USER_COL_DISPLAY_NAME);
    text(a->who.role, sizeof(a->who.role), row, USER_COL_ROLE);
    text(a->who.department, sizeof(a->who.department), row, USER_COL_DEPARTMENT);
    text(a->who.tax_code, sizeof(a->who.tax_code), row, USER_COL_TAX_CODE);
    text(a->hash, sizeof(a->hash), row, USER_COL_PASSWORD_HASH);
    a->disabled = !row_is_null(row, USER_COL_DISABLED_MS);
    return 0;
}

/* ===== signing in ===== */

static char dummy_hash[PASSWORD_HASH_MAX];
static pthread_mutex_t dummy_lock = PTHREAD_MUTEX_INITIALIZER;

/* A hash of a password no one knows, checked for a user that does not
 * exist, so that the answer takes as long as for one that does. Made on
 * first use; made again later if that failed (out of memory). Returns 0
 * when there is one. */
static int make_dummy(void)
{
    char secret[SECRET_MAX];
    int ok;

    pthread_mutex_lock(&dummy_lock);
    if (!dummy_hash[0] && app_secret_new("", secret) == 0)
        password_hash(secret, strlen(secret), dummy_hash);
    ok = dummy_hash[0] != '\0';
    pthread_mutex_unlock(&dummy_lock);
    password_wipe(secret, sizeof(secret));
    return ok ? 0 : -1;
}

struct new_session {
    const char *name, *digest, *address, *old_hash, *rehash;
    int64_t expires_ms;
};

static enum khu_err start_session(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct new_session *n = arg;
    enum khu_err err = KHU_OK;

    if (n->rehash)
        err = store_user_rehash(tx, n->name, n->old_hash, n->rehash, d);
    if (!err)
        err = store_session_insert(tx, n->digest, n->name, n->expires_ms, n->address, d);
    return err;
}

/* Verifies p against the account (or the dummy hash) and says whether the
 * sign-in may go on. */
static int credentials_hold(const struct account *a, int found, const char *p, size_t n)
{
    int ok;

    if (!found || !a->hash[0]) {
        if (make_dummy() == 0)
            password_verify(dummy_hash, p, n);
        else /* never answer faster for a user that does not exist */
            password_hash(p, n, (char[PASSWORD_HASH_MAX]){0});
        return 0;
    }
    ok = password_verify(a->hash, p, n);
    return ok && !a->disabled;
}

enum khu_err app_login(struct store *s, const char *address, const char *name, const char *p,
                       size_t n, char token[SECRET_MAX], struct app_identity *who,
                       struct khu_diag *d)
{
    struct account a;
    struct new_session ns;
    struct store_actor actor;
    char digest[SECRET_DIGEST_HEX], rehash[PASSWORD_HASH_MAX];
    int found = 0;
    enum khu_err err = KHU_OK;

    memset(&a, 0, sizeof(a));
    token[0] = '\0';
    if (!user_name_problem(name))
        err = store_user_get(s, name, read_user, &a, &found, d);
    if (err)
        goto out;
    if (!credentials_hold(&a, found, p, n)) {
        khu_diag_set(d, 0, 0, NULL, APP_LOGIN_FAILED);
        err = KHU_EINVAL;
        goto out;
    }
    if (app_secret_new(APP_SESSION_PREFIX, token)) {
        khu_diag_set(d, 0, 0, NULL, "the system's random source failed");
        err = KHU_EIO;
        goto out;
    }
    app_secret_digest(token, strlen(token), digest);
    ns = (struct new_session){.name = a.who.name,
                              .digest = digest,
                              .address = address,
                              .expires_ms = app_now_ms() + APP_SESSION_MAX_MS};
    if (password_needs_rehash(a.hash) && password_hash(p, n, rehash) == KHU_OK) {
        ns.old_hash = a.hash;
        ns.rehash = rehash;
    }
    store_actor_set(&actor, a.who.name, address);
    err = store_write(s, &actor, start_session, &ns, d);
    if (err == KHU_ENOTFOUND) { /* disabled (or removed) since its hash was read */
        khu_diag_set(d, 0, 0, NULL, APP_LOGIN_FAILED);
        err = KHU_EINVAL;
    }
    if (!err) {
        *who = a.who;
        who->expires_ms = ns.expires_ms;
        who->created_ms = ns.expires_ms - APP_SESSION_MAX_MS;
        snprintf(who->session, sizeof(who->session), "%s", digest);
    }
    password_wipe(rehash, sizeof(rehash));
out:
    password_wipe(a.hash, sizeof(a.hash));
    if (err)
        password_wipe(token, SECRET_MAX);
    return err;
}

/* ===== identifying a request ===== */

/* Finds the user of the session (via_token 0) or token whose secret is
 * token; see app_identify_session. */
static enum khu_err identify(struct store *s, const char *token, int via_token, int64_t now_ms,
                             struct app_identity *who, struct khu_diag *d)
{
    struct account a;
    char digest[SECRET_DIGEST_HEX];
    int found = 0;
    enum khu_err err;

    memset(&a, 0, sizeof(a));
    app_secret_digest(token, strlen(token), digest);
    err = via_token ? store_token_find(s, digest, read_identity, &a, &found, d)
                    : store_session_find(s, digest, read_identity, &a, &found, d);
    if (err)
        return err;
    if (!found || a.disabled || a.ended_ms || (!via_token && now_ms >= a.who.expires_ms))
        return KHU_ENOTFOUND;
    *who = a.who;
    who->via_token = via_token;
    if (via_token)
        who->expires_ms = 0;
    snprintf(who->session, sizeof(who->session), "%s", via_token ? "" : digest);
    return KHU_OK;
}

enum khu_err app_identify_session(struct store *s, const char *token, int64_t now_ms,
                                  struct app_identity *who, struct khu_diag *d)
{
    return identify(s, token, 0, now_ms, who, d);
}

enum khu_err app_identify_token(struct store *s, const char *token, struct app_identity *who,
                                struct khu_diag *d)
{
    return identify(s, token, 1, 0, who, d);
}

static enum khu_err end_session(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    return store_session_end(tx, arg, d);
}

enum khu_err app_logout(struct store *s, const struct store_actor *actor, const char *session,
                        struct khu_diag *d)
{
    return store_write(s, actor, end_session, (void *)session, d);
}
