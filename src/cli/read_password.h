/* SPDX-License-Identifier: MIT */
/*
 * Reading a password for `khu user add` and `khu user passwd`: from a file
 * (--password-file), from standard input when it is not a terminal (a
 * script's pipe), or typed at the terminal without echo, twice. Never
 * from the command line, where other users could read it.
 */
#ifndef KHU_READ_PASSWORD_H
#define KHU_READ_PASSWORD_H

#include <stddef.h>

#define CLI_PASSWORD_MAX                                                                           \
    1025 /* one more than core/password_policy allows, to tell it is too long */

/* API */

/* Reads the first line of file (stdin when file is NULL; from a terminal,
 * asks twice without echo) into out (CLI_PASSWORD_MAX bytes, NUL-ended,
 * without the line end) and sets *len. Returns 0, or -1 after printing
 * why to stderr (out is then wiped). The caller wipes out after use. */
int cli_read_password(const char *file, char out[CLI_PASSWORD_MAX], size_t *len);

#endif
