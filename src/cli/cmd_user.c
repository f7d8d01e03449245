/* SPDX-License-Identifier: MIT */
/*
 * `khu user add|list|passwd|disable|enable|role|contact`: the accounts of khu from
 * the server's command line. Each write goes through the same use case
 * as the API (app/app_users.h) and leaves its audit record, its actor the
 * system user who ran the command. Passwords come from standard input or
 * --password-file, never from the command line.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_audit.h"
#include "app/app_users.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "cli/read_password.h"
#include "core/password_hash.h"
#include "store/users.h"

static const char usage_text[] =
    "usage: khu user add NAME --role ROLE [--org CODE] [--display-name TEXT]\n"
    "                     [--password-file FILE] [--db FILE]\n"
    "       khu user list [--db FILE]\n"
    "       khu user passwd NAME [--password-file FILE] [--db FILE]\n"
    "       khu user disable NAME [--db FILE]\n"
    "       khu user enable NAME [--db FILE]\n"
    "       khu user role NAME ROLE [--org CODE] [--db FILE]\n"
    "       khu user contact NAME [--email ADDRESS] [--head yes|no] [--db FILE]\n\n"
    "Roles: admin, officer, department (--org: the department's code), investor and\n"
    "supplier (--org: the enterprise's tax code), viewer. The password is read from\n"
    "--password-file, or from standard input (typed twice at a terminal); it has at\n"
    "least 12 characters and is not a common password. contact sets where a user's\n"
    "reminders and alerts of dossiers' clocks are mailed (no --email: nowhere) and\n"
    "whether a department's user is its head (alerted when its opinions are overdue).";

/* The options of every subcommand. */
struct args {
    const char *db, *role, *org, *display_name, *password_file, *email, *head;
    const char *pos[3];
    int npos;
};

static int report(const char *what, enum khu_err err, const struct khu_diag *d)
{
    if (d->field[0])
        fprintf(stderr, "khu user %s: %s: %s\n", what, d->field, d->message);
    else
        fprintf(stderr, "khu user %s: %s\n", what, d->message[0] ? d->message : khu_err_str(err));
    return err == KHU_EINVAL || err == KHU_ECONFLICT || err == KHU_ENOTFOUND ? 1 : EXIT_DB;
}

static int add(struct store *s, const struct args *a)
{
    char password[CLI_PASSWORD_MAX];
    struct khu_diag d;
    enum khu_err err;
    size_t len;

    if (!a->role) {
        fprintf(stderr, "khu user add: --role is required\n%s\n", usage_text);
        return EXIT_USAGE;
    }
    if (cli_read_password(a->password_file, password, &len))
        return 1;
    khu_diag_clear(&d);
    err = app_user_add(s, cli_actor(), a->pos[1], a->role, a->org, a->display_name, password, len,
                       &d);
    password_wipe(password, sizeof(password));
    if (err)
        return report("add", err, &d);
    printf("added user %s (%s)\n", a->pos[1], a->role);
    return 0;
}

static int passwd(struct store *s, const struct args *a)
{
    char password[CLI_PASSWORD_MAX];
    struct khu_diag d;
    enum khu_err err;
    size_t len;

    if (cli_read_password(a->password_file, password, &len))
        return 1;
    khu_diag_clear(&d);
    err = app_user_passwd(s, cli_actor(), a->pos[1], password, len, &d);
    password_wipe(password, sizeof(password));
    if (err)
        return report("passwd", err, &d);
    printf("changed the password of %s\n", a->pos[1]);
    return 0;
}

static int disable(struct store *s, const struct args *a, int disabled)
{
    struct khu_diag d;
    enum khu_err err;

    khu_diag_clear(&d);
    err = app_user_disable(s, cli_actor(), a->pos[1], disabled, &d);
    if (err)
        return report(disabled ? "disable" : "enable", err, &d);
    printf("%s user %s\n", disabled ? "disabled" : "enabled", a->pos[1]);
    return 0;
}

static int role(struct store *s, const struct args *a)
{
    struct khu_diag d;
    enum khu_err err;

    khu_diag_clear(&d);
    err = app_user_role(s, cli_actor(), a->pos[1], a->pos[2], a->org, &d);
    if (err)
        return report("role", err, &d);
    printf("%s is now %s\n", a->pos[1], a->pos[2]);
    return 0;
}

static const char *or_dash(const struct khu_row *row, int i)
{
    const char *s = row_text(row, i);

    return s && s[0] ? s : "-";
}

static int print_user(void *arg, const struct khu_row *row)
{
    int *n = arg;
    char since[40] = "-";

    if (!row_is_null(row, USER_COL_DISABLED_MS))
        app_audit_time(row_int(row, USER_COL_DISABLED_MS), since, sizeof(since));
    printf("%-24s %-10s %-14s %-9s %s\n", or_dash(row, USER_COL_NAME), or_dash(row, USER_COL_ROLE),
           row_text(row, USER_COL_DEPARTMENT) ? or_dash(row, USER_COL_DEPARTMENT)
                                              : or_dash(row, USER_COL_TAX_CODE),
           row_is_null(row, USER_COL_DISABLED_MS) ? "active" : "disabled",
           or_dash(row, USER_COL_DISPLAY_NAME));
    (*n)++;
    return 0;
}

static int list(struct store *s)
{
    struct khu_diag d;
    int n = 0;

    khu_diag_clear(&d);
    printf("%-24s %-10s %-14s %-9s %s\n", "NAME", "ROLE", "ORGANISATION", "STATE", "DISPLAY NAME");
    if (store_users_list(s, print_user, &n, &d)) {
        fprintf(stderr, "khu user list: %s\n", d.message);
        return EXIT_DB;
    }
    printf("%d user%s\n", n, n == 1 ? "" : "s");
    return 0;
}

static int contact(struct store *s, const struct args *a)
{
    struct khu_diag d;
    enum khu_err err;
    int head = a->head && !strcmp(a->head, "yes");

    if (a->head && strcmp(a->head, "yes") != 0 && strcmp(a->head, "no") != 0) {
        fprintf(stderr, "khu user contact: --head is yes or no\n");
        return EXIT_USAGE;
    }
    khu_diag_clear(&d);
    err = app_user_contact(s, cli_actor(), a->pos[1], a->email, head, &d);
    if (err)
        return report("contact", err, &d);
    printf("%s: mail to %s%s\n", a->pos[1], a->email && a->email[0] ? a->email : "nowhere",
           head ? "; head of its department" : "");
    return 0;
}

/* The number of positional arguments (the subcommand included) each
 * subcommand takes. */
static int wants(const char *sub)
{
    static const struct {
        const char *name;
        int npos;
    } subs[] = {{"add", 2},    {"list", 1}, {"passwd", 2}, {"disable", 2},
                {"enable", 2}, {"role", 3}, {"contact", 2}};
    size_t i;

    for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
        if (strcmp(subs[i].name, sub) == 0)
            return subs[i].npos;
    return -1;
}

static int run(struct store *s, const struct args *a)
{
    const char *sub = a->pos[0];

    if (strcmp(sub, "add") == 0)
        return add(s, a);
    if (strcmp(sub, "list") == 0)
        return list(s);
    if (strcmp(sub, "passwd") == 0)
        return passwd(s, a);
    if (strcmp(sub, "role") == 0)
        return role(s, a);
    if (strcmp(sub, "contact") == 0)
        return contact(s, a);
    return disable(s, a, strcmp(sub, "disable") == 0);
}

int cmd_user(int argc, char **argv)
{
    struct args a = {0};
    const struct opt opts[] = {{"--db", 1, &a.db},
                               {"--role", 1, &a.role},
                               {"--org", 1, &a.org},
                               {"--display-name", 1, &a.display_name},
                               {"--password-file", 1, &a.password_file},
                               {"--email", 1, &a.email},
                               {"--head", 1, &a.head},
                               {NULL, 0, NULL}};
    int help, rc;
    struct store *s;

    a.npos = opts_parse(argc, argv, opts, a.pos, 3, &help);
    if (help) {
        puts(usage_text);
        return 0;
    }
    if (a.npos < 1 || wants(a.pos[0]) != a.npos) {
        if (a.npos >= 0)
            fprintf(stderr, "%s\n", usage_text);
        return EXIT_USAGE;
    }
    s = cli_open_rw(cli_db_path(a.db), 1);
    if (!s)
        return EXIT_DB;
    rc = run(s, &a);
    store_close(s);
    return rc;
}
