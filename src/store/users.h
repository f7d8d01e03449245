/* SPDX-License-Identifier: MIT */
/*
 * User accounts and API tokens: adding a user, changing its password,
 * role or state, and the tokens programs sign in with. Every write here
 * runs inside a write transaction and appends its audit record (without
 * any secret: a password change shows as its time). The store keeps only
 * hashes: an Argon2id string for a password, a BLAKE2b digest for a token.
 */
#ifndef KHU_STORE_USERS_H
#define KHU_STORE_USERS_H

#include <stdint.h>

#include "store/store.h"

/* A user to add. Strings are borrowed; the optional ones may be NULL. */
struct store_user {
    const char *name;          /* core/role.h user_name_problem() is NULL for it */
    const char *display_name;  /* optional */
    const char *role;          /* "officer", ... (core/role.h) */
    const char *department;    /* departments.code, for role department; else NULL */
    const char *tax_code;      /* enterprises.tax_code, for investor and supplier; else NULL */
    const char *password_hash; /* Argon2id string (core/password_hash.h) */
};

/* The values of a user handed out by store_user_get and store_users_list,
 * in this order (never the password hash, except where named). */
enum store_user_col {
    USER_COL_NAME,
    USER_COL_DISPLAY_NAME,
    USER_COL_ROLE,
    USER_COL_DEPARTMENT,
    USER_COL_TAX_CODE,
    USER_COL_CREATED_MS,
    USER_COL_PASSWORD_MS,   /* when the password was last set; NULL: never */
    USER_COL_DISABLED_MS,   /* when the user was disabled; NULL: active */
    USER_COL_EMAIL,         /* where reminders and alerts are sent; NULL: nowhere */
    USER_COL_HEAD,          /* 1: the head of its department; NULL or 0: not */
    USER_COL_PASSWORD_HASH, /* only from store_user_get */
    USER_NCOLS,
};

/* The values of a token handed out by store_tokens_list, in this order. */
enum store_token_col {
    TOKEN_COL_ID,
    TOKEN_COL_USER,
    TOKEN_COL_LABEL,
    TOKEN_COL_CREATED_MS,
    TOKEN_COL_REVOKED_MS,
    TOKEN_NCOLS,
};

/* The values of the user behind a session or a token, handed out by
 * store_session_find and store_token_find, in this order. */
enum store_identity_col {
    IDENT_COL_NAME,
    IDENT_COL_DISPLAY_NAME,
    IDENT_COL_ROLE,
    IDENT_COL_DEPARTMENT,
    IDENT_COL_TAX_CODE,
    IDENT_COL_DISABLED_MS, /* NULL: the user is active */
    IDENT_COL_CREATED_MS,  /* when the session or token was made */
    IDENT_COL_EXPIRES_MS,  /* a session's absolute end; NULL for a token */
    IDENT_COL_ENDED_MS,    /* when the session ended or the token was revoked; NULL: not */
    IDENT_NCOLS,
};

/* API */

/* Adds u inside tx (created now). Returns KHU_OK; KHU_ECONFLICT when the
 * name is taken; KHU_EINVAL when the department or enterprise does not
 * exist or the role does not fit them (d names the field); or another
 * error. */
enum khu_err store_user_insert(struct store_tx *tx, const struct store_user *u, struct khu_diag *d);

/* Hands the user called name to fn (values in the order of enum
 * store_user_col, with its password hash) and sets *found; *found is 0
 * and fn is not called when there is no such user. */
enum khu_err store_user_get(struct store *s, const char *name, store_row_fn fn, void *arg,
                            int *found, struct khu_diag *d);

/* Hands every user to fn, by name (without the password hash). */
enum khu_err store_users_list(struct store *s, store_row_fn fn, void *arg, struct khu_diag *d);

/* Sets the password hash of user name inside tx and ends the user's
 * sessions. KHU_ENOTFOUND when there is no such user. */
enum khu_err store_user_set_password(struct store_tx *tx, const char *name, const char *hash,
                                     struct khu_diag *d);

/* Gives user name a role and the organisation it needs (department or
 * tax_code, the other NULL; both NULL for a role that needs none).
 * Errors as store_user_insert, and KHU_ENOTFOUND for an unknown user. */
enum khu_err store_user_set_role(struct store_tx *tx, const char *name, const char *role,
                                 const char *department, const char *tax_code, struct khu_diag *d);

/* Disables user name (its sessions end; its tokens no longer sign in) or
 * enables it again. KHU_ENOTFOUND when there is no such user. Disabling a
 * disabled user changes nothing and returns KHU_OK. */
enum khu_err store_user_set_disabled(struct store_tx *tx, const char *name, int disabled,
                                     struct khu_diag *d);

/* Sets where user name's reminders and alerts are sent (email NULL:
 * nowhere) and whether it is its department's head (head 0 or 1).
 * KHU_ENOTFOUND when there is no such user; KHU_EINVAL when head is set
 * for a user who belongs to no department. */
enum khu_err store_user_set_contact(struct store_tx *tx, const char *name, const char *email,
                                    int head, struct khu_diag *d);

/* Adds an API token of user: id (public, shown in lists), hash (64 hex
 * digits of the secret's digest), label (optional). Errors as
 * store_user_set_password. */
enum khu_err store_token_insert(struct store_tx *tx, const char *id, const char *user,
                                const char *hash, const char *label, struct khu_diag *d);

/* Revokes the token id. KHU_ENOTFOUND when there is no such token;
 * revoking a revoked token changes nothing. */
enum khu_err store_token_revoke(struct store_tx *tx, const char *id, struct khu_diag *d);

/* Hands the tokens of user (every user's when user is NULL) to fn,
 * newest first. */
enum khu_err store_tokens_list(struct store *s, const char *user, store_row_fn fn, void *arg,
                               struct khu_diag *d);

/* Sets the password hash of user name again, made from the same password
 * under today's parameters (a sign-in found old_hash outdated), recorded
 * as user.rehash, password_ms kept; only while the stored hash is still
 * old_hash (a password set meanwhile stays; KHU_OK, nothing written). */
enum khu_err store_user_rehash(struct store_tx *tx, const char *name, const char *old_hash,
                               const char *hash, struct khu_diag *d);

/* Starts a session of user: hash is the digest of its secret (64 hex
 * digits), expires_ms its absolute end, address the client's (may be "").
 * The audit record names the session by the first 16 digits of hash.
 * KHU_ENOTFOUND when there is no such user or it is disabled. */
enum khu_err store_session_insert(struct store_tx *tx, const char *hash, const char *user,
                                  int64_t expires_ms, const char *address, struct khu_diag *d);

/* Ends the session whose secret has digest hash. KHU_ENOTFOUND when there
 * is no such session; ending an ended session changes nothing. */
enum khu_err store_session_end(struct store_tx *tx, const char *hash, struct khu_diag *d);

/* Hands the user of the session whose secret has digest hash to fn (the
 * order of enum store_identity_col) and sets *found (0: no such session;
 * an ended, expired or disabled one is handed out: the caller decides). */
enum khu_err store_session_find(struct store *s, const char *hash, store_row_fn fn, void *arg,
                                int *found, struct khu_diag *d);

/* The same for the API token whose digest is hash. */
enum khu_err store_token_find(struct store *s, const char *hash, store_row_fn fn, void *arg,
                              int *found, struct khu_diag *d);

#endif
