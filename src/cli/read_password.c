/* SPDX-License-Identifier: MIT */
/*
 * Reading a password (see read_password.h).
 */
#include "cli/read_password.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/password_hash.h"

/* Reads one line of f into out; returns its length without the line end,
 * or -1 when nothing could be read. A line longer than the buffer is read
 * to its end and kept cut at CLI_PASSWORD_MAX - 1 bytes (then too long
 * for the policy, which says so: CLI_PASSWORD_MAX is two more than it
 * allows). */
static long read_line(FILE *f, char out[CLI_PASSWORD_MAX])
{
    size_t n = 0;
    int c;

    while ((c = getc(f)) != EOF && c != '\n')
        if (n < CLI_PASSWORD_MAX - 1)
            out[n++] = (char)c;
    if (c == EOF && n == 0 && ferror(f))
        return -1;
    if (n && out[n - 1] == '\r')
        n--;
    out[n] = '\0';
    return c == EOF && n == 0 ? -1 : (long)n;
}

/* Reads a line from the terminal with echo off. */
static long read_hidden(const char *prompt, char out[CLI_PASSWORD_MAX])
{
    struct termios old, quiet;
    long n;

    fputs(prompt, stderr);
    fflush(stderr);
    setvbuf(stdin, NULL, _IONBF, 0);
    if (tcgetattr(STDIN_FILENO, &old) != 0)
        return read_line(stdin, out);
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    n = read_line(stdin, out);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    fputc('\n', stderr);
    return n;
}

static int from_terminal(char out[CLI_PASSWORD_MAX], size_t *len)
{
    char again[CLI_PASSWORD_MAX];
    long n = read_hidden("password: ", out), m;
    int rc = -1;

    if (n < 0) {
        fprintf(stderr, "khu: no password was typed\n");
        return -1;
    }
    m = read_hidden("the same password again: ", again);
    if (m != n || memcmp(out, again, (size_t)n) != 0)
        fprintf(stderr, "khu: the two passwords differ; nothing was changed\n");
    else {
        *len = (size_t)n;
        rc = 0;
    }
    password_wipe(again, sizeof(again));
    return rc;
}

int cli_read_password(const char *file, char out[CLI_PASSWORD_MAX], size_t *len)
{
    FILE *f = stdin;
    long n;

    *len = 0;
    if (!file && isatty(STDIN_FILENO)) {
        if (from_terminal(out, len) == 0)
            return 0;
        password_wipe(out, CLI_PASSWORD_MAX);
        return -1;
    }
    if (file && !(f = fopen(file, "r"))) {
        fprintf(stderr, "khu: cannot read the password file '%s'\n", file);
        return -1;
    }
    setvbuf(f, NULL, _IONBF, 0); /* no copy of the password left in a stdio buffer */
    n = read_line(f, out);
    if (f != stdin)
        fclose(f);
    if (n < 0) {
        fprintf(stderr, "khu: no password in %s\n", file ? file : "standard input");
        password_wipe(out, CLI_PASSWORD_MAX);
        return -1;
    }
    *len = (size_t)n;
    return 0;
}
