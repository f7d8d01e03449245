/* SPDX-License-Identifier: MIT */
/*
 * The khu binary: a table of subcommands that drives both dispatch and
 * `khu help`.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    {"serve", cmd_serve, "serve the API and web page (creates the database on first start)"},
    {"import", cmd_import, "load CSV files into the database, all or nothing"},
    {"export", cmd_export, "write a table as CSV, JSON or GeoJSON"},
    {"check", cmd_check, "validate the database and reconcile it with reported totals"},
    {"backup", cmd_backup, "copy the database safely while it is in use"},
    {"brief", cmd_brief, "write the PDF site brief of one zone or a shortlist"},
    {"leads", cmd_leads, "list the investors' inquiries (--csv for CSV)"},
    {"user", cmd_user, "add, list, disable users; set passwords and roles"},
    {"token", cmd_token, "make, list and revoke API tokens"},
    {"edit", cmd_edit, "change or make one row of the registry, with its source"},
    {"apply", cmd_apply, "apply files of changes to the registry, each row with its source"},
    {"calendar", cmd_calendar, "fill a year of the working-day calendar from the Labour Code"},
    {"notify", cmd_notify, "remind departments of opinions due, alert officers of those overdue"},
    {"audit", cmd_audit, "verify, export or list the audit trail of every write"},
    {"gen", cmd_gen, "write a synthetic data set for tests and benchmarks"},
    {"demo", cmd_demo, "make a database with labelled synthetic dossiers to try the workflow"},
    {"bench", cmd_bench, "time the site finder and the brief in process"},
    {"version", cmd_version, "print the version"},
    {NULL, NULL, NULL},
};

static int usage(FILE *out)
{
    const struct command *c;

    fprintf(out, "usage: khu COMMAND [OPTIONS]\n\n"
                 "khu keeps a province's registry of industrial parks and clusters and serves\n"
                 "it as an API and web app.\n\ncommands:\n");
    for (c = commands; c->name; c++)
        fprintf(out, "  %-9s %s\n", c->name, c->summary);
    fprintf(out, "\n`khu COMMAND --help` describes each command.\n"
                 "exit status: 0 ok, 1 the work failed (errors are printed), 2 usage error,\n"
                 "3 the database could not be opened or written.\n");
    return out == stdout ? 0 : EXIT_USAGE;
}

int main(int argc, char **argv)
{
    const struct command *c;

    if (argc < 2)
        return usage(stderr);
    if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "-h") == 0)
        return usage(stdout);
    for (c = commands; c->name; c++)
        if (strcmp(c->name, argv[1]) == 0)
            return c->run(argc - 1, argv + 1);
    fprintf(stderr, "khu: unknown command '%s'\n\n", argv[1]);
    return usage(stderr);
}
