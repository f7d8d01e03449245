/* SPDX-License-Identifier: MIT */
/*
 * The use cases of accounts, shared by `khu user`, `khu token` and the
 * API: checking a name, a role and its organisation and a password
 * against the policy, hashing the password, and writing through the
 * store's audited write path. Passwords are taken as bytes with a length
 * and never kept: the caller wipes its copy (password_wipe).
 */
#ifndef KHU_APP_USERS_H
#define KHU_APP_USERS_H

#include <stddef.h>

#include "app/app_secret.h"
#include "store/store.h"

#define APP_TOKEN_ID_MAX 24

/* API */

/* Adds user name with role (core/role.h) and the organisation it needs
 * (org: a department code for role department, an enterprise's tax code
 * for investor and supplier, NULL otherwise), display_name (may be NULL)
 * and the password p[0..n), which must pass the policy
 * (core/password_policy.h). Returns KHU_OK; KHU_EINVAL with d naming the
 * field (name, role, org, password); KHU_ECONFLICT when the name is taken;
 * or the store's error. */
enum khu_err app_user_add(struct store *s, const struct store_actor *actor, const char *name,
                          const char *role, const char *org, const char *display_name,
                          const char *p, size_t n, struct khu_diag *d);

/* Sets the password of user name to p[0..n) (policy checked). Returns as
 * app_user_add, and KHU_ENOTFOUND for an unknown user. */
enum khu_err app_user_passwd(struct store *s, const struct store_actor *actor, const char *name,
                             const char *p, size_t n, struct khu_diag *d);

/* Gives user name role and its organisation org (as app_user_add). */
enum khu_err app_user_role(struct store *s, const struct store_actor *actor, const char *name,
                           const char *role, const char *org, struct khu_diag *d);

/* Disables (disabled 1) or enables user name: a disabled user cannot sign
 * in, its sessions end and its tokens are refused. */
enum khu_err app_user_disable(struct store *s, const struct store_actor *actor, const char *name,
                              int disabled, struct khu_diag *d);

/* Makes a new API token for user name with label (may be NULL): writes
 * the secret to token (shown once, never stored) and its public id to
 * id. Returns as app_user_passwd. */
/* Sets where user name's reminders and alerts are mailed (email NULL or
 * "": nowhere) and whether it is the head of its department (head 0 or
 * 1), as actor. KHU_EINVAL with d's field "email" for an address that is
 * not one, or "head" for a user of no department. */
enum khu_err app_user_contact(struct store *s, const struct store_actor *actor, const char *name,
                              const char *email, int head, struct khu_diag *d);

enum khu_err app_token_add(struct store *s, const struct store_actor *actor, const char *name,
                           const char *label, char token[SECRET_MAX], char id[APP_TOKEN_ID_MAX],
                           struct khu_diag *d);

/* Revokes the token with public id. KHU_ENOTFOUND when there is none. */
enum khu_err app_token_revoke(struct store *s, const struct store_actor *actor, const char *id,
                              struct khu_diag *d);

#endif
