/* SPDX-License-Identifier: MIT */
/*
 * The acceptor: the server's listening socket and the one thread that
 * accepts its connections and hands each to MHD (MHD_add_connection),
 * which gives it to pool thread fd % threads, so that the pool threads
 * share the connections evenly.
 *
 * MHD can listen itself, on every pool thread; then a burst of new
 * connections goes to whichever thread wakes first, up to ten at a time.
 * Under 64 keep-alive connections one thread held 23 and another 5, and
 * the requests queued on the crowded thread made the slowest answers.
 */
#include "http/http_int.h"

#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/xalloc.h"

/* How long the acceptor pauses when it runs out of descriptors. */
#define OUT_OF_FDS_PAUSE_MS 100

struct http__acceptor {
    int listen_fd;
    int wake[2]; /* a byte written to wake[1] stops the thread */
    struct MHD_Daemon *daemon;
    pthread_t thread; /* valid when started */
    int started;
};

struct http__acceptor *http__acceptor_listen(const struct sockaddr_storage *ss)
{
    int family = ss->ss_family, on = 1, saved;
    socklen_t len = family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
    struct http__acceptor *a;
    int fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

    if (fd < 0)
        return NULL;
    /* An IPv6 address listens for IPv6 only, as MHD did. */
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) ||
        (family == AF_INET6 && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on))) ||
        bind(fd, (const struct sockaddr *)ss, len) || listen(fd, SOMAXCONN))
        goto fail;
    a = xcalloc(1, sizeof(*a));
    if (!a) {
        errno = ENOMEM;
        goto fail;
    }
    a->listen_fd = fd;
    return a;
fail:
    saved = errno;
    close(fd);
    errno = saved;
    return NULL;
}

unsigned short http__acceptor_port(const struct http__acceptor *a)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);

    if (getsockname(a->listen_fd, (struct sockaddr *)&ss, &len))
        return 0;
    if (ss.ss_family == AF_INET6)
        return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
    return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

/* Accepts every connection waiting and gives each to MHD, which closes it
 * when all pool threads are at their limit. Returns 0, or -1 when accept
 * failed for want of descriptors or memory: the caller then pauses rather
 * than spin on a queue it cannot empty. */
static int accept_waiting(struct http__acceptor *a)
{
    for (;;) {
        struct sockaddr_storage peer;
        socklen_t len = sizeof(peer);
        int fd =
            accept4(a->listen_fd, (struct sockaddr *)&peer, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);

        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                return -1;
            return 0; /* EAGAIN: the queue is empty */
        }
        MHD_add_connection(a->daemon, fd, (const struct sockaddr *)&peer, len);
    }
}

static void *accept_loop(void *arg)
{
    struct http__acceptor *a = arg;
    struct pollfd fds[2] = {{.fd = a->listen_fd, .events = POLLIN},
                            {.fd = a->wake[0], .events = POLLIN}};

    for (;;) {
        int n = poll(fds, 2, -1);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || fds[1].revents)
            return NULL;
        if ((fds[0].revents & POLLIN) && accept_waiting(a) < 0) {
            fprintf(stderr, "khu: http: cannot accept a connection: %s\n", strerror(errno));
            poll(&fds[1], 1, OUT_OF_FDS_PAUSE_MS); /* let connections close first */
        }
    }
}

int http__acceptor_start(struct http__acceptor *a, struct MHD_Daemon *daemon)
{
    a->daemon = daemon;
    if (pipe2(a->wake, O_CLOEXEC))
        return -1;
    if (pthread_create(&a->thread, NULL, accept_loop, a)) {
        close(a->wake[0]);
        close(a->wake[1]);
        return -1;
    }
    a->started = 1;
    return 0;
}

void http__acceptor_close(struct http__acceptor *a)
{
    if (!a)
        return;
    if (a->started) {
        while (write(a->wake[1], "x", 1) < 0 && errno == EINTR)
            ;
        pthread_join(a->thread, NULL);
        close(a->wake[0]);
        close(a->wake[1]);
    }
    close(a->listen_fd);
    xfree(a);
}
