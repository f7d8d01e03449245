/* SPDX-License-Identifier: MIT */
/*
 * The subcommands of the khu binary. Each takes the arguments after its
 * name (argv[0] is the command name) and returns the process exit status:
 * 0 success, 1 the work failed (bad data, errors reported), 2 usage error,
 * 3 the database could not be opened or written.
 */
#ifndef KHU_COMMANDS_H
#define KHU_COMMANDS_H

#define EXIT_USAGE 2
#define EXIT_DB    3

int cmd_serve(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_brief(int argc, char **argv);
int cmd_leads(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_edit(int argc, char **argv);
int cmd_apply(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_notify(int argc, char **argv);
int cmd_bench(int argc, char **argv);
int cmd_version(int argc, char **argv);

#endif
