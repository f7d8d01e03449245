/* SPDX-License-Identifier: MIT */
/*
 * Test support: start the real `khu` binary (KHU_BIN) as a child process,
 * talk HTTP/1.1 to it over a loopback socket, and run CLI commands
 * capturing their output. Header-only so each test binary stays one file.
 */
#ifndef KHU_TEST_CLIENT_H
#define KHU_TEST_CLIENT_H

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

struct reply {
    int status;
    char head[16384]; /* status line and headers, NUL-terminated */
    char *body;       /* malloc'd, NUL-terminated */
    size_t body_len;
};

struct server {
    pid_t pid;
    unsigned short port;
};

static inline const char *khu_bin(void)
{
    const char *b = getenv("KHU_BIN");
    return b ? b : "./khu";
}

/* Splits KHU_WRAP ("valgrind -q ...") and the arguments into argv. */
static inline void build_argv(char **argv, int max, char *wrap_copy, char *const *args)
{
    int n = 0;
    char *p = wrap_copy;

    while (p && *p && n < max - 2) {
        while (*p == ' ')
            *p++ = '\0';
        if (!*p)
            break;
        argv[n++] = p;
        while (*p && *p != ' ')
            p++;
    }
    argv[n++] = (char *)khu_bin();
    for (; *args && n < max - 1; args++)
        argv[n++] = *args;
    argv[n] = NULL;
}

static inline char *wrap_env(void)
{
    const char *w = getenv("KHU_WRAP");
    return w && *w ? strdup(w) : NULL;
}

/* Starts `khu serve --db DB --port 0 [extra]` and waits for its "listening"
 * line. Returns 0 with s filled, -1 on failure. */
static inline int server_start(struct server *s, const char *db, const char *extra)
{
    int out[2], n = 7;
    char line[512], *argv[32], *wrap = wrap_env(), *more = extra ? strdup(extra) : NULL, *t;
    char *args[16] = {"serve", "--db", (char *)db, "--port", "0", "--threads", "4", NULL};
    FILE *f;
    char *p;

    /* extra: more options, separated by spaces */
    for (t = more ? strtok(more, " ") : NULL; t && n < 15; t = strtok(NULL, " ")) /* lint: allow */
        args[n++] = t;
    args[n] = NULL;
    if (pipe(out))
        return -1;
    s->pid = fork();
    if (s->pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        build_argv(argv, 32, wrap, args);
        execvp(argv[0], argv);
        _exit(127);
    }
    free(wrap);
    free(more);
    close(out[1]);
    f = fdopen(out[0], "r");
    if (!f || !fgets(line, sizeof(line), f)) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    p = strrchr(line, ':');
    s->port = p ? (unsigned short)strtoul(p + 1, NULL, 10) : 0;
    return s->port ? 0 : -1;
}

/* Sends SIGTERM and returns the exit status (or -1 if it did not exit
 * normally). */
static inline int server_stop(struct server *s)
{
    int status = 0;

    kill(s->pid, SIGTERM);
    if (waitpid(s->pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static inline int send_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Sends raw request bytes (a full HTTP/1.1 request with Connection: close)
 * and reads the whole reply. Returns 0, or -1 when no reply came. */
static inline int http_raw(unsigned short port, const char *request, size_t len, struct reply *r)
{
    struct sockaddr_in a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    char *data = NULL, *sep;
    size_t n = 0, cap = 0;
    ssize_t got;

    memset(r, 0, sizeof(*r));
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) || send_all(fd, request, len)) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    for (;;) {
        if (n + 65536 > cap) {
            cap = cap ? cap * 2 : 131072;
            data = realloc(data, cap + 1);
        }
        got = read(fd, data + n, cap - n);
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    if (!data || !n) {
        free(data);
        return -1;
    }
    data[n] = '\0';
    sep = strstr(data, "\r\n\r\n");
    r->status = (int)strtol(data + 9, NULL, 10);
    snprintf(r->head, sizeof(r->head), "%.*s", sep ? (int)(sep - data) : (int)n, data);
    r->body_len = sep ? n - (size_t)(sep + 4 - data) : 0;
    r->body = malloc(r->body_len + 1);
    memcpy(r->body, sep ? sep + 4 : "", r->body_len);
    r->body[r->body_len] = '\0';
    free(data);
    return 0;
}

/* GET target with optional extra header lines ("Accept: text/csv\r\n"). */
static inline int http_get(unsigned short port, const char *target, const char *headers,
                           struct reply *r)
{
    char req[8192];
    int n = snprintf(req, sizeof(req),
                     "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n", target,
                     headers ? headers : "");
    return http_raw(port, req, (size_t)n, r);
}

/* Sends method target with the extra header lines and body (NULL: none). */
static inline int http_send(unsigned short port, const char *method, const char *target,
                            const char *headers, const char *body, struct reply *r)
{
    size_t blen = body ? strlen(body) : 0, cap = blen + 8192;
    char *req = malloc(cap);
    int n, rc;

    if (!req)
        return -1;
    n = snprintf(req, cap,
                 "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s"
                 "Content-Length: %zu\r\n\r\n%s",
                 method, target, headers ? headers : "", blen, body ? body : "");
    rc = n < 0 || (size_t)n >= cap ? -1 : http_raw(port, req, (size_t)n, r);
    free(req);
    return rc;
}

/* Returns the value of header name (case-insensitive) in a static buffer,
 * or NULL. */
static inline const char *reply_header(const struct reply *r, const char *name)
{
    static char value[1024];
    const char *p = r->head;
    size_t n = strlen(name);

    while ((p = strstr(p, "\r\n"))) {
        p += 2;
        if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1, *end = strstr(v, "\r\n");
            while (*v == ' ')
                v++;
            snprintf(value, sizeof(value), "%.*s", end ? (int)(end - v) : (int)strlen(v), v);
            return value;
        }
    }
    return NULL;
}

static inline void reply_free(struct reply *r)
{
    free(r->body);
    r->body = NULL;
}

/* Runs khu with args (NULL-terminated) and input (NULL: the test's own
 * standard input) as its standard input, capturing stdout and stderr into
 * out/err (malloc'd). Returns the exit status, or -1. */
static inline int run_khu_input(char *const *args, const char *input, char **out, char **err)
{
    char tmpl_o[] = "/tmp/khu-test-outXXXXXX", tmpl_e[] = "/tmp/khu-test-errXXXXXX";
    char tmpl_i[] = "/tmp/khu-test-inXXXXXX";
    int fo = mkstemp(tmpl_o), fe = mkstemp(tmpl_e), fi = -1, status = 0;
    char *argv[48], *wrap = wrap_env();
    pid_t pid;
    struct stat st;
    int i, fds[2] = {fo, fe};
    char **dst[2] = {out, err};

    if (input) {
        fi = mkstemp(tmpl_i);
        if (fi >= 0 && write(fi, input, strlen(input)) < 0)
            input = NULL;
        unlink(tmpl_i);
    }
    pid = fork();
    if (pid == 0) {
        dup2(fo, 1);
        dup2(fe, 2);
        if (fi >= 0) {
            lseek(fi, 0, SEEK_SET);
            dup2(fi, 0);
        }
        build_argv(argv, 48, wrap, args);
        execvp(argv[0], argv);
        _exit(127);
    }
    free(wrap);
    if (fi >= 0)
        close(fi);
    waitpid(pid, &status, 0);
    for (i = 0; i < 2; i++) {
        fstat(fds[i], &st);
        *dst[i] = calloc(1, (size_t)st.st_size + 1);
        if (pread(fds[i], *dst[i], (size_t)st.st_size, 0) < 0)
            (*dst[i])[0] = '\0';
        close(fds[i]);
    }
    unlink(tmpl_o);
    unlink(tmpl_e);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Runs khu with args as run_khu_input, with the test's standard input. */
static inline int run_khu(char *const *args, char **out, char **err)
{
    return run_khu_input(args, NULL, out, err);
}

/* Writes text to path. Returns 0 or -1. */
static inline int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    int rc;

    if (!f)
        return -1;
    rc = fputs(text, f) < 0 ? -1 : 0;
    return fclose(f) || rc ? -1 : 0;
}

#endif
