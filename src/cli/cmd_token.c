/* SPDX-License-Identifier: MIT */
/*
 * `khu token add|list|revoke`: API tokens, with which a program acts as a
 * user (Authorization: Bearer TOKEN). add prints the new token once on
 * standard output; khu keeps only its digest, so a lost token is revoked
 * and replaced, never shown again.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app/app_audit.h"
#include "app/app_users.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/password_hash.h"
#include "store/users.h"

static const char usage_text[] = "usage: khu token add NAME [--label TEXT] [--db FILE]\n"
                                 "       khu token list [NAME] [--db FILE]\n"
                                 "       khu token revoke ID [--db FILE]\n\n"
                                 "add prints a new API token of user NAME once; send it as\n"
                                 "`Authorization: Bearer TOKEN`. Only its digest is kept.";

static int add(struct store *s, const char *name, const char *label)
{
    char token[SECRET_MAX + 1], id[APP_TOKEN_ID_MAX];
    struct khu_diag d;
    enum khu_err err;
    ssize_t written;
    size_t n;

    khu_diag_clear(&d);
    err = app_token_add(s, cli_actor(), name, label, token, id, &d);
    if (err) {
        fprintf(stderr, "khu token add: %s\n", d.message[0] ? d.message : khu_err_str(err));
        return err == KHU_ENOTFOUND || err == KHU_EINVAL ? 1 : EXIT_DB;
    }
    fprintf(stderr, "khu: token %s for %s; it is shown only now:\n", id, name);
    /* written straight to the descriptor: no copy left in stdout's buffer */
    fflush(stdout);
    n = strlen(token);
    token[n] = '\n';
    written = write(STDOUT_FILENO, token, n + 1);
    password_wipe(token, sizeof(token));
    return written == (ssize_t)(n + 1) ? 0 : 1;
}

static int revoke_token(struct store *s, const char *id)
{
    struct khu_diag d;
    enum khu_err err;

    khu_diag_clear(&d);
    err = app_token_revoke(s, cli_actor(), id, &d);
    if (err) {
        fprintf(stderr, "khu token revoke: %s\n", d.message[0] ? d.message : khu_err_str(err));
        return err == KHU_ENOTFOUND ? 1 : EXIT_DB;
    }
    printf("revoked token %s\n", id);
    return 0;
}

static int print_token(void *arg, const struct khu_row *row)
{
    int *n = arg;
    char created[40], revoked[40] = "-";
    const char *label = row_text(row, TOKEN_COL_LABEL);

    app_audit_time(row_int(row, TOKEN_COL_CREATED_MS), created, sizeof(created));
    if (!row_is_null(row, TOKEN_COL_REVOKED_MS))
        app_audit_time(row_int(row, TOKEN_COL_REVOKED_MS), revoked, sizeof(revoked));
    printf("%-16s %-20s %-25s %-25s %s\n", row_text(row, TOKEN_COL_ID),
           row_text(row, TOKEN_COL_USER), created, revoked, label ? label : "-");
    (*n)++;
    return 0;
}

static int list(struct store *s, const char *user)
{
    struct khu_diag d;
    int n = 0;

    khu_diag_clear(&d);
    printf("%-16s %-20s %-25s %-25s %s\n", "ID", "USER", "CREATED", "REVOKED", "LABEL");
    if (store_tokens_list(s, user, print_token, &n, &d)) {
        fprintf(stderr, "khu token list: %s\n", d.message);
        return EXIT_DB;
    }
    printf("%d token%s\n", n, n == 1 ? "" : "s");
    return 0;
}

int cmd_token(int argc, char **argv)
{
    const char *db = NULL, *label = NULL, *pos[2];
    const struct opt opts[] = {{"--db", 1, &db}, {"--label", 1, &label}, {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, 2, &help), rc;
    struct store *s;

    if (help) {
        puts(usage_text);
        return 0;
    }
    if (npos < 1 || (strcmp(pos[0], "add") == 0 && npos != 2) ||
        (strcmp(pos[0], "revoke") == 0 && npos != 2) || (strcmp(pos[0], "list") == 0 && npos > 2) ||
        (strcmp(pos[0], "add") && strcmp(pos[0], "revoke") && strcmp(pos[0], "list"))) {
        if (npos >= 0)
            fprintf(stderr, "%s\n", usage_text);
        return EXIT_USAGE;
    }
    s = cli_open_rw(cli_db_path(db), 1);
    if (!s)
        return EXIT_DB;
    if (strcmp(pos[0], "add") == 0)
        rc = add(s, pos[1], label);
    else if (strcmp(pos[0], "revoke") == 0)
        rc = revoke_token(s, pos[1]);
    else
        rc = list(s, npos == 2 ? pos[1] : NULL);
    store_close(s);
    return rc;
}
