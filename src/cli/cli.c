/* SPDX-License-Identifier: MIT */
/*
 * Shared helpers of the subcommands (see cli.h).
 */
#include "cli/cli.h"
#include "cli/progress.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app_changes.h"
#include "app/app_edit.h"
#include "core/nearest.h"
#include "core/schema.h"
#include "core/xalloc.h"
#include "http/assets.h"
#include "store/import.h"

const char *cli_db_path(const char *opt)
{
    const char *env = getenv("KHU_DB");

    if (opt)
        return opt;
    return env && *env ? env : CLI_DEFAULT_DB;
}

int cli_read_file(const char *path, size_t max, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    struct stat st;
    char *p = NULL;
    int rc = -1;

    *data = NULL;
    if (!f || fstat(fileno(f), &st) != 0) {
        fprintf(stderr, "khu: cannot read %s: %s\n", path, strerror(errno));
        goto out;
    }
    if (!S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
        fprintf(stderr, "khu: %s: not a regular file of at most %zu bytes\n", path, max);
        goto out;
    }
    p = xmalloc((size_t)st.st_size + 1);
    if (!p || fread(p, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
        fprintf(stderr, "khu: cannot read %s\n", path);
        goto out;
    }
    p[st.st_size] = '\0';
    *len = (size_t)st.st_size;
    *data = p;
    p = NULL;
    rc = 0;
out:
    xfree(p);
    if (f)
        fclose(f);
    return rc;
}

void cli_print_diag(const char *file, const struct khu_diag *d)
{
    if (file && *file)
        fprintf(stderr, "%s:", file);
    if (d->line > 0)
        fprintf(stderr, "%ld:", d->line);
    if (d->column > 0)
        fprintf(stderr, "%ld:", d->column);
    if (d->field[0])
        fprintf(stderr, " %s:", d->field);
    fprintf(stderr, " %s\n", d->message);
}

static void report_to_stderr(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    cli_print_diag(file, d);
}

static const struct asset *data_file(const char *name)
{
    const struct asset *a;

    for (a = khu_data_files; a->path; a++)
        if (strcmp(a->path, name) == 0)
            return a;
    return NULL;
}

const struct store_actor *cli_actor(void)
{
    static struct store_actor actor;

    if (!actor.name[0]) {
        struct passwd *pw = getpwuid(geteuid());
        char name[STORE_ACTOR_MAX];
        if (pw && pw->pw_name)
            snprintf(name, sizeof(name), "cli:%.56s", pw->pw_name);
        else
            snprintf(name, sizeof(name), "cli:uid-%lu", (unsigned long)geteuid());
        store_actor_set(&actor, name, "");
    }
    return &actor;
}

/* The data set's own corrections (data/changes/NNN-what.TABLE.csv), in
 * the order of their names, through the edit path: each change is in the
 * audit trail with its source, and in the zone's history. */
static int apply_default_changes(struct store *s, const struct store_actor *actor)
{
    const struct asset *a;
    struct app_changes_result res;
    struct khu_diag d;
    char table[64], today[16];
    long rows = 0;
    enum khu_err err;

    app_edit_today(today);
    for (a = khu_data_files; a->path; a++) {
        if (strncmp(a->path, "changes/", 8) != 0)
            continue;
        if (!app_changes_table(a->path, table, sizeof(table))) {
            fprintf(stderr, "khu: %s names no table\n", a->path);
            return 1;
        }
        khu_diag_clear(&d);
        err = app_changes_apply(s, actor, table, a->path, (const char *)a->data, (size_t)a->len,
                                today, report_to_stderr, NULL, &res, &d);
        if (err) {
            fprintf(stderr, "khu: the changes of %s could not be applied (%s)\n", a->path,
                    d.message[0] ? d.message : khu_err_str(err));
            return 1;
        }
        rows += res.rows;
    }
    if (rows)
        fprintf(stderr, "khu: applied the data set's changes (%ld rows)\n", rows);
    return 0;
}

int cli_load_default_data(struct store *s)
{
    /* the program itself, loading the data it was built with */
    static const struct store_actor system_actor = {"khu", ""};
    struct importer *im;
    struct khu_diag d;
    const struct table_def *tables;
    size_t i, count;
    char name[96];
    long rows = 0;
    enum khu_err err;

    khu_diag_clear(&d);
    if (importer_begin(s, &system_actor, 0, 0, report_to_stderr, NULL, &im, &d)) {
        cli_print_diag("khu", &d);
        return 1;
    }
    tables = schema_tables(&count);
    for (i = 0; i < count; i++) {
        const struct asset *a;
        snprintf(name, sizeof(name), "%s.csv", tables[i].name);
        a = data_file(name);
        if (!a)
            continue;
        err = importer_add_csv(im, tables[i].name, name, (const char *)a->data, (size_t)a->len);
        if (err && err != KHU_EINVAL)
            break;
    }
    err = importer_finish(im, &rows);
    if (err) {
        fprintf(stderr, "khu: the default data could not be loaded (%s)\n", khu_err_str(err));
        return 1;
    }
    fprintf(stderr, "khu: loaded the default data set (%ld rows)\n", rows);
    return apply_default_changes(s, &system_actor);
}

/* What a command shows of the schema upgrades it runs (see cli_open_rw). */
struct upgrade_view {
    struct progress line;
    int from, to; /* versions: before the first step, after the last (0: none ran) */
};

static void on_migration(void *arg, const struct store_migration *m)
{
    struct upgrade_view *v = arg;

    if (m->from == 0)
        return; /* a new database is made, not upgraded: nothing to tell */
    v->from = m->from;
    if (m->step == STORE_MIGRATION_DONE)
        v->to = m->version;
    else
        progress_upgrade(&v->line, m->version, m->about, m->step == STORE_MIGRATION_START);
}

struct store *cli_open_rw(const char *path, int quiet)
{
    struct store *s = NULL;
    struct upgrade_view view;
    struct khu_diag d;

    memset(&view, 0, sizeof(view));
    progress_init(&view.line, progress_wanted(quiet));
    khu_diag_clear(&d);
    if (store_open_with(path, STORE_READ_WRITE, on_migration, &view, &s, &d)) {
        progress_clear(&view.line);
        fprintf(stderr, "khu: %s\n", d.message);
        return NULL;
    }
    progress_clear(&view.line);
    if (view.to && !quiet)
        fprintf(stderr, "khu: upgraded the database from schema version %d to %d in %.1f s\n",
                view.from, view.to, progress_elapsed(&view.line));
    return s;
}

int cli_flush_file(void *arg, struct buf *out)
{
    FILE *f = arg;

    if (out->len && fwrite(out->data, 1, out->len, f) != out->len)
        return -1;
    buf_reset(out);
    return 0;
}

void cli_unknown_table(const char *cmd, const char *name)
{
    const char *near = nearest_table(name);

    if (near)
        fprintf(stderr, "khu %s: unknown table '%s'; did you mean '%s'?\n", cmd, name, near);
    else
        fprintf(stderr, "khu %s: unknown table '%s'\n", cmd, name);
}
