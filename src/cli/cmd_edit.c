/* SPDX-License-Identifier: MIT */
/*
 * `khu edit`: a change to one row of the registry from the command line,
 * through the same use case as PATCH and POST /api/v1/{table}
 * (app/app_edit.h): the same checks, the same audit record, the actor
 * cli:<system user>. The row is changed as it stands when the command
 * reads it; a change made by someone else between that read and the write
 * is refused, never overwritten.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_edit.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"

#define EDIT_MAX_ARGS (ROW_EDIT_MAX_COLS + 8)

static const char usage_text[] =
    "usage: khu edit TABLE KEY... COLUMN=VALUE... [--source TEXT] [--as-of YYYY-MM-DD]\n"
    "                [--db FILE]\n"
    "       khu edit TABLE --new COLUMN=VALUE... [--source TEXT] [--as-of YYYY-MM-DD]\n\n"
    "Changes one row of zones, units, targets, observations, partners, events,\n"
    "sources, calendar_days, time_limits or leads (a lead's status, owner and\n"
    "notes), or makes a new one (--new). KEY is the row's key: a code, a\n"
    "calendar day's date, or for an observation its target and date. COLUMN=\n"
    "(nothing after =) clears a column. A change to a figure (a number, or a\n"
    "calendar day's date, kind or provisional flag) needs --source and --as-of.\n"
    "Every change is in the audit trail.";

static int take_version(void *arg, const struct khu_row *row)
{
    struct {
        const struct table_def *t;
        char tag[ROW_VERSION_HEX + 2];
    } *v = arg;
    char version[ROW_VERSION_HEX];

    if (row_version(v->t, row, 0, version) == 0)
        snprintf(v->tag, sizeof(v->tag), "\"%s\"", version);
    return 0;
}

static void print_problems(const struct app_edit_result *out)
{
    int i;

    for (i = 0; i < out->nproblems; i++)
        fprintf(stderr, "khu edit: %s: %s\n", out->problem[i].field, out->problem[i].message);
}

static int run(struct store *s, struct app_edit_request *r, const struct table_def *t)
{
    struct {
        const struct table_def *t;
        char tag[ROW_VERSION_HEX + 2];
    } current = {t, ""};
    struct app_edit_result out;
    struct khu_diag d;
    enum khu_err err;
    int i;

    khu_diag_clear(&d);
    if (r->key) {
        err = store_row_get(s, t, r->key, take_version, &current, &d);
        if (err) {
            fprintf(stderr, "khu edit: %s\n",
                    err == KHU_ENOTFOUND ? "no row has this key" : khu_err_str(err));
            return err == KHU_ENOTFOUND ? 1 : EXIT_DB;
        }
        r->if_match = current.tag;
    }
    err = app_edit(s, cli_actor(), r, &out, &d);
    if (err == KHU_EINVAL && out.nproblems) {
        print_problems(&out);
        fprintf(stderr, "khu edit: nothing was written\n");
        return 1;
    }
    if (err == KHU_ESTALE) {
        fprintf(stderr, "khu edit: the row was changed meanwhile; nothing was written: run the "
                        "command again\n");
        return 1;
    }
    if (err) {
        fprintf(stderr, "khu edit: %s; nothing was written\n",
                d.message[0] ? d.message : khu_err_str(err));
        return err == KHU_ECONFLICT || err == KHU_EINVAL ? 1 : EXIT_DB;
    }
    if (out.nchanged == 0) {
        printf("%s %s: already so; nothing written\n", r->table, out.key);
        return 0;
    }
    printf("%s %s %s:", r->key ? "changed" : "made", r->table, out.key);
    for (i = 0; i < out.nchanged; i++)
        printf(" %s", out.changed[i]);
    printf(" (version %s)\n", out.version);
    return 0;
}

int cmd_edit(int argc, char **argv)
{
    const char *db = NULL, *source = NULL, *as_of = NULL, *is_new = NULL, *pos[EDIT_MAX_ARGS];
    const struct opt opts[] = {{"--db", 1, &db},
                               {"--source", 1, &source},
                               {"--as-of", 1, &as_of},
                               {"--new", 0, &is_new},
                               {NULL, 0, NULL}};
    int help, npos = opts_parse(argc, argv, opts, pos, EDIT_MAX_ARGS, &help), i, nkeys = 0, rc;
    struct app_edit_field fields[ROW_EDIT_MAX_COLS];
    const char *key[8];
    const struct table_def *t;
    struct app_edit_request r;
    char today[16];
    size_t nfields = 0, want_keys = 0;
    struct store *s;

    if (help) {
        puts(usage_text);
        return 0;
    }
    t = npos >= 1 && app_edit_writable(pos[0]) ? schema_table(pos[0]) : NULL;
    if (npos >= 1 && !t)
        fprintf(stderr, "khu edit: %s cannot be edited here\n", pos[0]);
    while (t && t->key[want_keys])
        want_keys++;
    for (i = 1; t && i < npos; i++) {
        const char *eq = strchr(pos[i], '=');
        if (!eq && nkeys < 8 && nfields == 0) {
            key[nkeys++] = pos[i];
            continue;
        }
        if (!eq || nfields == ROW_EDIT_MAX_COLS || eq == pos[i]) {
            fprintf(stderr, "khu edit: '%s' is not COLUMN=VALUE\n", pos[i]);
            t = NULL;
            break;
        }
        fields[nfields].name = pos[i]; /* up to the '=': cut below */
        fields[nfields].text = eq + 1;
        fields[nfields].len = strlen(eq + 1);
        nfields++;
    }
    if (!t || nfields == 0 || (is_new ? nkeys != 0 : (size_t)nkeys != want_keys)) {
        if (npos >= 0)
            fprintf(stderr, "%s\n", usage_text);
        return EXIT_USAGE;
    }
    for (i = 0; i < (int)nfields; i++)
        *strchr((char *)fields[i].name, '=') = '\0'; /* argv is ours to cut */
    app_edit_today(today);
    r = (struct app_edit_request){.table = t->name,
                                  .key = is_new ? NULL : key,
                                  .fields = fields,
                                  .nfields = nfields,
                                  .source = source,
                                  .as_of = as_of,
                                  .today = today};
    s = cli_open_rw(cli_db_path(db), 1);
    if (!s)
        return EXIT_DB;
    rc = run(s, &r, t);
    store_close(s);
    return rc;
}
