/* SPDX-License-Identifier: MIT */
/*
 * Accounts (see app_users.h): each use case checks what it is given, then
 * runs one audited write through store_write.
 */
#include "app/app_users.h"

#include <stdio.h>
#include <string.h>

#include "core/password_hash.h"
#include "core/password_policy.h"
#include "core/role.h"
#include "mail/smtp.h"
#include "store/users.h"

#define TOKEN_PREFIX "khu_"

/* ===== checks ===== */

static enum khu_err check_name(const char *name, struct khu_diag *d)
{
    const char *problem = user_name_problem(name);

    if (!problem)
        return KHU_OK;
    khu_diag_set(d, 0, 0, "name", "'%.64s': %s", name ? name : "", problem);
    khu_diag_rule(d, "user_name", NULL);
    return KHU_EINVAL;
}

/* Reads role and org into department or tax_code (the other stays NULL). */
static enum khu_err check_role(const char *role, const char *org, const char **department,
                               const char **tax_code, struct khu_diag *d)
{
    enum role r = role_parse(role);
    char names[96];

    *department = *tax_code = NULL;
    if (r == ROLE_NONE) {
        khu_diag_set(d, 0, 0, "role", "unknown role '%.32s': use one of %s", role ? role : "",
                     role_names(names, sizeof(names)));
        khu_diag_rule(d, "role", NULL);
        return KHU_EINVAL;
    }
    switch (role_org(r)) {
    case ROLE_ORG_DEPARTMENT:
        *department = org;
        break;
    case ROLE_ORG_ENTERPRISE:
        *tax_code = org;
        break;
    case ROLE_ORG_NONE:
        if (org && org[0]) {
            khu_diag_set(d, 0, 0, "org", "a user of role %s belongs to no organisation", role);
            khu_diag_rule(d, "org_none", NULL);
            return KHU_EINVAL;
        }
        return KHU_OK;
    }
    if (!org || !org[0]) {
        khu_diag_set(d, 0, 0, "org", "a user of role %s needs %s", role,
                     *department || role_org(r) == ROLE_ORG_DEPARTMENT
                         ? "the code of the department it belongs to"
                         : "the tax code of the enterprise it belongs to");
        khu_diag_rule(d,
                      *department || role_org(r) == ROLE_ORG_DEPARTMENT ? "org_department"
                                                                        : "org_enterprise",
                      NULL);
        return KHU_EINVAL;
    }
    return KHU_OK;
}

/* Checks p against the policy and hashes it into hash. */
static enum khu_err make_hash(const char *name, const char *p, size_t n,
                              char hash[PASSWORD_HASH_MAX], struct khu_diag *d)
{
    enum password_verdict v = password_check(p, n, name);

    if (v != PASSWORD_OK) {
        static const char *const rules[] = {
            [PASSWORD_NOT_UTF8] = "password_utf8",   [PASSWORD_CONTROL_CHAR] = "password_control",
            [PASSWORD_TOO_SHORT] = "password_short", [PASSWORD_TOO_LONG] = "password_long",
            [PASSWORD_HAS_NAME] = "password_name",   [PASSWORD_COMMON] = "password_common",
        };
        khu_diag_set(d, 0, 0, "password", "%s", password_verdict_text(v));
        khu_diag_rule(d, (size_t)v < sizeof(rules) / sizeof(rules[0]) ? rules[v] : NULL, NULL);
        return KHU_EINVAL;
    }
    if (password_hash(p, n, hash)) {
        khu_diag_set(d, 0, 0, NULL, "the password could not be hashed (out of memory)");
        return KHU_ENOMEM;
    }
    return KHU_OK;
}

/* ===== users ===== */

static enum khu_err insert_user(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    return store_user_insert(tx, arg, d);
}

enum khu_err app_user_add(struct store *s, const struct store_actor *actor, const char *name,
                          const char *role, const char *org, const char *display_name,
                          const char *p, size_t n, struct khu_diag *d)
{
    struct store_user u = {.name = name, .display_name = display_name, .role = role};
    char hash[PASSWORD_HASH_MAX];
    enum khu_err err = check_name(name, d);

    if (!err)
        err = check_role(role, org, &u.department, &u.tax_code, d);
    if (!err)
        err = make_hash(name, p, n, hash, d);
    if (!err) {
        u.password_hash = hash;
        err = store_write(s, actor, insert_user, &u, d);
    }
    password_wipe(hash, sizeof(hash));
    return err;
}

struct user_change {
    const char *name, *hash, *role, *department, *tax_code;
    int disabled;
};

static enum khu_err set_password(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct user_change *c = arg;

    return store_user_set_password(tx, c->name, c->hash, d);
}

enum khu_err app_user_passwd(struct store *s, const struct store_actor *actor, const char *name,
                             const char *p, size_t n, struct khu_diag *d)
{
    char hash[PASSWORD_HASH_MAX];
    struct user_change c = {.name = name, .hash = hash};
    enum khu_err err = make_hash(name, p, n, hash, d);

    if (!err)
        err = store_write(s, actor, set_password, &c, d);
    password_wipe(hash, sizeof(hash));
    return err;
}

static enum khu_err set_role(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct user_change *c = arg;

    return store_user_set_role(tx, c->name, c->role, c->department, c->tax_code, d);
}

enum khu_err app_user_role(struct store *s, const struct store_actor *actor, const char *name,
                           const char *role, const char *org, struct khu_diag *d)
{
    struct user_change c = {.name = name, .role = role};
    enum khu_err err = check_role(role, org, &c.department, &c.tax_code, d);

    return err ? err : store_write(s, actor, set_role, &c, d);
}

static enum khu_err set_disabled(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct user_change *c = arg;

    return store_user_set_disabled(tx, c->name, c->disabled, d);
}

enum khu_err app_user_disable(struct store *s, const struct store_actor *actor, const char *name,
                              int disabled, struct khu_diag *d)
{
    struct user_change c = {.name = name, .disabled = disabled};

    return store_write(s, actor, set_disabled, &c, d);
}

struct contact_change {
    const char *name, *email;
    int head;
};

static enum khu_err set_contact(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct contact_change *c = arg;

    return store_user_set_contact(tx, c->name, c->email, c->head, d);
}

enum khu_err app_user_contact(struct store *s, const struct store_actor *actor, const char *name,
                              const char *email, int head, struct khu_diag *d)
{
    struct contact_change c = {name, email && email[0] ? email : NULL, head != 0};

    if (c.email && !smtp_address_ok(c.email)) {
        khu_diag_set(d, 0, 0, "email", "is not an e-mail address");
        khu_diag_rule(d, "email", NULL);
        return KHU_EINVAL;
    }
    return store_write(s, actor, set_contact, &c, d);
}

/* ===== tokens ===== */

struct token_change {
    const char *id, *user, *hash, *label;
};

static enum khu_err insert_token(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct token_change *c = arg;

    return store_token_insert(tx, c->id, c->user, c->hash, c->label, d);
}

enum khu_err app_token_add(struct store *s, const struct store_actor *actor, const char *name,
                           const char *label, char token[SECRET_MAX], char id[APP_TOKEN_ID_MAX],
                           struct khu_diag *d)
{
    char hash[SECRET_DIGEST_HEX], random[13];
    struct token_change c = {.id = id, .user = name, .hash = hash, .label = label};
    enum khu_err err;

    token[0] = id[0] = '\0';
    if (app_secret_new(TOKEN_PREFIX, token) || app_secret_hex(6, random)) {
        khu_diag_set(d, 0, 0, NULL, "the system's random source failed");
        return KHU_EIO;
    }
    snprintf(id, APP_TOKEN_ID_MAX, "t-%s", random);
    app_secret_digest(token, strlen(token), hash);
    err = store_write(s, actor, insert_token, &c, d);
    if (err) {
        password_wipe(token, SECRET_MAX);
        id[0] = '\0';
    }
    return err;
}

static enum khu_err revoke_token(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    return store_token_revoke(tx, arg, d);
}

enum khu_err app_token_revoke(struct store *s, const struct store_actor *actor, const char *id,
                              struct khu_diag *d)
{
    return store_write(s, actor, revoke_token, (void *)id, d);
}
