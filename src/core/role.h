/* SPDX-License-Identifier: MIT */
/*
 * The roles of khu's users, what organisation each needs, and the rules
 * for a user name. Pure data and checks: the route table names roles, the
 * store keeps them, and the commands and the API check names through here.
 */
#ifndef KHU_ROLE_H
#define KHU_ROLE_H

#include <stddef.h>

#define USER_NAME_MIN 2
#define USER_NAME_MAX 64

enum role {
    ROLE_NONE = 0,            /* no session: the public */
    ROLE_ADMIN = 1 << 0,      /* users, the audit trail, everything an officer does */
    ROLE_OFFICER = 1 << 1,    /* the province: registry, inquiries, dossiers, linkage */
    ROLE_DEPARTMENT = 1 << 2, /* one department's consultations */
    ROLE_INVESTOR = 1 << 3,   /* its own dossiers and inquiries */
    ROLE_SUPPLIER = 1 << 4,   /* its own enterprise profile */
    ROLE_VIEWER = 1 << 5,     /* reads what officers read, writes nothing */
};

/* What a role's user belongs to. */
enum role_org {
    ROLE_ORG_NONE,       /* nothing (admin, officer, viewer) */
    ROLE_ORG_DEPARTMENT, /* a department (departments.code) */
    ROLE_ORG_ENTERPRISE, /* an enterprise (enterprises.tax_code) */
};

/* API */

/* Returns the role called name ("officer"), or ROLE_NONE when there is
 * none such. */
enum role role_parse(const char *name);

/* Returns the name of role r ("officer"); "" for ROLE_NONE or a set of
 * several roles. */
const char *role_name(enum role r);

/* Writes the names of every role, separated by ", ", to out (size n) and
 * returns out. */
const char *role_names(char *out, size_t n);

/* What a user of role r must belong to. */
enum role_org role_org(enum role r);

/* Returns NULL when name is a valid user name: USER_NAME_MIN to
 * USER_NAME_MAX characters of a-z, 0-9, '.', '_' and '-', beginning with
 * a letter or digit, and not "khu" or "anonymous" (actors of the audit
 * trail). Otherwise returns a sentence saying what is wrong. */
const char *user_name_problem(const char *name);

#endif
