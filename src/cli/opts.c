/* SPDX-License-Identifier: MIT */
/*
 * Subcommand option parsing (see opts.h).
 */
#include "cli/opts.h"

#include <stdio.h>
#include <string.h>

static const struct opt *find(const struct opt *opts, const char *arg, size_t len)
{
    for (; opts->name; opts++)
        if (strlen(opts->name) == len && strncmp(opts->name, arg, len) == 0)
            return opts;
    return NULL;
}

int opts_parse(int argc, char **argv, const struct opt *opts, const char **positional, int max_pos,
               int *help)
{
    int i, npos = 0;

    *help = 0;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i], *eq = strchr(arg, '=');
        const struct opt *o;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            *help = 1;
            continue;
        }
        if (strncmp(arg, "--", 2) != 0 || strcmp(arg, "-") == 0) {
            if (npos == max_pos) {
                fprintf(stderr, "khu %s: unexpected argument '%s'\n", argv[0], arg);
                return -1;
            }
            positional[npos++] = arg;
            continue;
        }
        o = find(opts, arg, eq ? (size_t)(eq - arg) : strlen(arg));
        if (!o) {
            fprintf(stderr, "khu %s: unknown option '%s' (see khu %s --help)\n", argv[0], arg,
                    argv[0]);
            return -1;
        }
        if (!o->takes_value) {
            *o->value = "1";
        } else if (eq) {
            *o->value = eq + 1;
        } else if (i + 1 < argc) {
            *o->value = argv[++i];
        } else {
            fprintf(stderr, "khu %s: option %s needs a value\n", argv[0], o->name);
            return -1;
        }
    }
    return npos;
}
