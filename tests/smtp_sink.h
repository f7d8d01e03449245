/* SPDX-License-Identifier: MIT */
/*
 * An SMTP server for tests, on 127.0.0.1 and a port the system chooses,
 * in a thread: it speaks enough SMTP (RFC 5321) for a client to deliver,
 * and keeps what each delivery said (the envelope and the data). It can
 * refuse recipients, or say nothing at all (a server that hangs). Include
 * in one test file.
 */
#ifndef KHU_TEST_SMTP_SINK_H
#define KHU_TEST_SMTP_SINK_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define SINK_MAX_MAILS 32

struct sink_mail {
    char from[256], to[256];
    char *data; /* malloc'd: what came after DATA, as sent (dot-stuffed, CRLF) */
};

struct smtp_sink {
    int fd;
    unsigned short port;
    pthread_t thread;
    int refuse_rcpt; /* 1: 550 to every RCPT */
    int silent;      /* 1: accept, then say nothing */
    int stop;
    struct sink_mail mail[SINK_MAX_MAILS];
    int nmails;
    pthread_mutex_t lock;
};

/* Reads one line (up to and without CRLF) into line; returns its length,
 * or -1 when the client went away. */
static int sink_line(int fd, char *line, size_t n)
{
    size_t i = 0;
    char c;

    while (read(fd, &c, 1) == 1) {
        if (c == '\n') {
            if (i && line[i - 1] == '\r')
                i--;
            line[i] = '\0';
            return (int)i;
        }
        if (i + 1 < n)
            line[i++] = c;
    }
    return -1;
}

static void sink_say(int fd, const char *s)
{
    if (write(fd, s, strlen(s)) < 0)
        return;
}

static void sink_talk(struct smtp_sink *k, int fd)
{
    char line[2048], from[256] = "", to[256] = "";
    size_t cap = 1 << 16, len = 0;
    char *data = NULL;

    if (k->silent) {
        while (sink_line(fd, line, sizeof(line)) >= 0)
            ;
        return;
    }
    sink_say(fd, "220 sink.test ESMTP\r\n");
    while (sink_line(fd, line, sizeof(line)) >= 0) {
        if (!strncasecmp(line, "EHLO", 4))
            sink_say(fd, "250-sink.test\r\n250 8BITMIME\r\n");
        else if (!strncasecmp(line, "MAIL FROM:", 10)) {
            snprintf(from, sizeof(from), "%.255s", line + 10);
            sink_say(fd, "250 ok\r\n");
        } else if (!strncasecmp(line, "RCPT TO:", 8)) {
            snprintf(to, sizeof(to), "%.255s", line + 8);
            sink_say(fd, k->refuse_rcpt ? "550 5.1.1 no such user here\r\n" : "250 ok\r\n");
        } else if (!strcasecmp(line, "DATA")) {
            sink_say(fd, "354 go on\r\n");
            data = malloc(cap);
            len = 0;
            for (;;) {
                int n = sink_line(fd, line, sizeof(line));
                if (n < 0 || !strcmp(line, "."))
                    break;
                if (len + (size_t)n + 3 > cap)
                    data = realloc(data, cap *= 2);
                memcpy(data + len, line, (size_t)n);
                len += (size_t)n;
                memcpy(data + len, "\r\n", 2);
                len += 2;
            }
            data[len] = '\0';
            pthread_mutex_lock(&k->lock);
            if (k->nmails < SINK_MAX_MAILS) {
                struct sink_mail *m = &k->mail[k->nmails++];
                snprintf(m->from, sizeof(m->from), "%s", from);
                snprintf(m->to, sizeof(m->to), "%s", to);
                m->data = data;
                data = NULL;
            }
            pthread_mutex_unlock(&k->lock);
            free(data);
            data = NULL;
            sink_say(fd, "250 queued\r\n");
        } else if (!strcasecmp(line, "QUIT")) {
            sink_say(fd, "221 bye\r\n");
            return;
        } else
            sink_say(fd, "502 not here\r\n");
    }
}

static void *sink_run(void *arg)
{
    struct smtp_sink *k = arg;

    while (!k->stop) {
        int fd = accept(k->fd, NULL, NULL);
        if (fd < 0)
            break;
        if (!k->stop)
            sink_talk(k, fd);
        close(fd);
    }
    return NULL;
}

/* Starts k (zeroed, its flags set). Returns 0, or -1. */
static int sink_start(struct smtp_sink *k)
{
    struct sockaddr_in a;
    socklen_t al = sizeof(a);

    pthread_mutex_init(&k->lock, NULL);
    k->fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (k->fd < 0 || bind(k->fd, (struct sockaddr *)&a, sizeof(a)) || listen(k->fd, 8) ||
        getsockname(k->fd, (struct sockaddr *)&a, &al))
        return -1;
    k->port = ntohs(a.sin_port);
    return pthread_create(&k->thread, NULL, sink_run, k) ? -1 : 0;
}

/* Stops k; what it kept stays until sink_free. */
static void sink_stop(struct smtp_sink *k)
{
    k->stop = 1;
    shutdown(k->fd, SHUT_RDWR);
    close(k->fd);
    pthread_join(k->thread, NULL);
    pthread_mutex_destroy(&k->lock);
}

/* Frees what a stopped k kept. */
static void sink_free(struct smtp_sink *k)
{
    int i;

    for (i = 0; i < k->nmails; i++)
        free(k->mail[i].data);
    k->nmails = 0;
}

#endif
