/* SPDX-License-Identifier: MIT */
/*
 * Roles and user names (see role.h).
 */
#include "core/role.h"

#include <stdio.h>
#include <string.h>

static const struct {
    enum role role;
    const char *name;
    enum role_org org;
} roles[] = {
    {ROLE_ADMIN, "admin", ROLE_ORG_NONE},
    {ROLE_OFFICER, "officer", ROLE_ORG_NONE},
    {ROLE_DEPARTMENT, "department", ROLE_ORG_DEPARTMENT},
    {ROLE_INVESTOR, "investor", ROLE_ORG_ENTERPRISE},
    {ROLE_SUPPLIER, "supplier", ROLE_ORG_ENTERPRISE},
    {ROLE_VIEWER, "viewer", ROLE_ORG_NONE},
};

#define NROLES (sizeof(roles) / sizeof(roles[0]))

enum role role_parse(const char *name)
{
    size_t i;

    for (i = 0; name && i < NROLES; i++)
        if (strcmp(roles[i].name, name) == 0)
            return roles[i].role;
    return ROLE_NONE;
}

const char *role_name(enum role r)
{
    size_t i;

    for (i = 0; i < NROLES; i++)
        if (roles[i].role == r)
            return roles[i].name;
    return "";
}

const char *role_names(char *out, size_t n)
{
    size_t i, used = 0;

    if (n)
        out[0] = '\0';
    for (i = 0; i < NROLES && used < n; i++) {
        int w = snprintf(out + used, n - used, "%s%s", i ? ", " : "", roles[i].name);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return out;
}

enum role_org role_org(enum role r)
{
    size_t i;

    for (i = 0; i < NROLES; i++)
        if (roles[i].role == r)
            return roles[i].org;
    return ROLE_ORG_NONE;
}

static int name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

const char *user_name_problem(const char *name)
{
    size_t n = name ? strlen(name) : 0, i;

    if (n < USER_NAME_MIN || n > USER_NAME_MAX)
        return "a user name has 2 to 64 characters";
    for (i = 0; i < n; i++)
        if (!name_char(name[i]))
            return "a user name holds only lowercase letters a-z, digits and . _ -";
    if (!((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= '0' && name[0] <= '9')))
        return "a user name begins with a letter or a digit";
    /* the actors the audit trail names for writes of no user */
    if (strcmp(name, "khu") == 0 || strcmp(name, "anonymous") == 0)
        return "khu and anonymous name the program and the public in the audit trail; choose "
               "another name";
    return NULL;
}
