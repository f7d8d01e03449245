/* SPDX-License-Identifier: MIT */
/*
 * A small option parser for the subcommands: "--name value", "--name=value"
 * and flags, described by a table, with a clear message for anything
 * unknown or missing.
 */
#ifndef KHU_OPTS_H
#define KHU_OPTS_H

struct opt {
    const char *name;   /* "--db" */
    int takes_value;    /* 1: needs a value */
    const char **value; /* receives the value (or "1" for a flag) */
};

/* API */

/* Parses argv[1..argc) against opts (ending with a NULL name). Arguments
 * that do not start with "--" are collected in positional (at most
 * max_pos). Returns the number of positional arguments, or -1 after
 * printing a message naming the problem to stderr. "--help" sets *help. */
int opts_parse(int argc, char **argv, const struct opt *opts, const char **positional, int max_pos,
               int *help);

#endif
