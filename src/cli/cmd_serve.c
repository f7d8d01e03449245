/* SPDX-License-Identifier: MIT */
/*
 * `khu serve`: creates the database with the default data on first start,
 * serves the API and page until SIGTERM or SIGINT, then lets requests in
 * flight finish and exits 0.
 */
#include <arpa/inet.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "app/app_checkpointer.h"
#include "app/app_demo.h"
#include "app/app_generation.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "api/row_memo.h"
#include "cli/notify_opts.h"
#include "cli/opts.h"
#include "core/num.h"
#include "store/store.h"

static const char serve_help[] =
    "usage: khu serve [--db FILE] [--bind ADDR] [--port N] [--threads N] [--empty]\n"
    "                 [--tiles URL] [--tiles-attribution TEXT] [--row-memo MB]\n"
    "                 [--promotion-contact TEXT] [--publisher TEXT] [--data-licence TEXT]\n"
    "                 [--trust-proxy ADDR] [--smtp HOST:PORT --mail-from ADDRESS]\n"
    "                 [--remind-days N] [--site URL]\n\n"
    "Serves the read API under /api/v1 and the web app at / (default 127.0.0.1:8080).\n"
    "A new database is created and loaded with the embedded Long An data set unless\n"
    "--empty is given. Stops cleanly on SIGTERM or SIGINT. The environment variable\n"
    "KHU_TODAY (YYYY-MM-DD) fixes the date used for target progress and dossiers' clocks.\n"
    "The web app's map draws no tiles unless --tiles (or KHU_TILES) gives a tile URL\n"
    "such as https://tile.example.org/{z}/{x}/{y}.png; --tiles-attribution (or\n"
    "KHU_TILES_ATTRIBUTION) credits its source.\n"
    "--row-memo MB (default 8, 0 for none) is the memory kept for rows written as JSON\n"
    "until the database changes, so that pages built later reuse them.\n"
    "--promotion-contact TEXT (or KHU_PROMOTION_CONTACT) is the province's\n"
    "investment-promotion contact printed in site briefs; none by default.\n"
    "--publisher TEXT (or KHU_PUBLISHER) names who publishes the data on the open-data\n"
    "page, and --data-licence TEXT (or KHU_DATA_LICENCE) its licence; without them the\n"
    "page says that the data set was compiled from public sources, each row naming its\n"
    "own, and that no licence was set.\n"
    "--trust-proxy ADDR names the reverse proxy (a numeric address) whose\n"
    "X-Forwarded-For gives the client's address (for the limits of sign-ins and\n"
    "inquiries) and whose X-Forwarded-Proto: https marks the session cookie Secure;\n"
    "without it these headers are ignored.\n"
    "Every hour (and at start) the departments whose opinions are due within\n"
    "--remind-days working days (default 2) are reminded, and the officers and the\n"
    "department's head alerted of those overdue, in the web app; by mail too when\n"
    "--smtp (or KHU_SMTP) names a relay, from --mail-from (or KHU_MAIL_FROM), with\n"
    "links to --site. khu needs no mail server: without --smtp nothing is mailed.\n";

/* A database file created now gets the default data (unless --empty); an
 * existing one is never added to, even when it holds no zones yet. A file
 * left empty by an interrupted first start counts as new. Sets *synthetic
 * to 1 when the data are made up (app_data_synthetic), which the web app
 * then says on every page. */
static int prepare_database(const char *path, int empty, int *synthetic)
{
    int is_new = access(path, F_OK) != 0;
    struct store *s = cli_open_rw(path, 0);
    struct khu_diag d;
    int rc = 0;

    if (!s)
        return EXIT_DB;
    if (!empty && (is_new || store_is_blank(s)))
        rc = cli_load_default_data(s);
    khu_diag_clear(&d);
    if (!rc && app_data_synthetic(s, synthetic, &d)) {
        fprintf(stderr, "khu: %s\n", d.message);
        rc = EXIT_DB;
    }
    store_close(s);
    return rc;
}

/* 1 when KHU_TODAY names a valid date. */
static int today_given(void)
{
    const char *env = getenv("KHU_TODAY");
    int32_t d;

    return env && parse_date(env, &d) == KHU_OK;
}

static int32_t today(void)
{
    const char *env = getenv("KHU_TODAY");
    int32_t d;

    if (env && parse_date(env, &d) == KHU_OK)
        return d;
    return (int32_t)(time(NULL) / 86400);
}

/* Copies the map tile settings (option, else environment) into app. */
static int tile_options(struct api_app *app, const char *tiles, const char *attribution)
{
    if (!tiles)
        tiles = getenv("KHU_TILES");
    if (!attribution)
        attribution = getenv("KHU_TILES_ATTRIBUTION");
    if (tiles && *tiles && (strlen(tiles) >= sizeof(app->tiles) || strncmp(tiles, "http", 4))) {
        fprintf(stderr, "khu serve: --tiles must be an http(s) URL of at most %zu bytes\n",
                sizeof(app->tiles) - 1);
        return -1;
    }
    if (attribution && strlen(attribution) >= sizeof(app->tiles_attribution)) {
        fprintf(stderr, "khu serve: --tiles-attribution must be at most %zu bytes\n",
                sizeof(app->tiles_attribution) - 1);
        return -1;
    }
    snprintf(app->tiles, sizeof(app->tiles), "%s", tiles ? tiles : "");
    snprintf(app->tiles_attribution, sizeof(app->tiles_attribution), "%s",
             attribution ? attribution : "");
    return 0;
}

/* A text option, else its environment variable, else "", into out. */
static int text_option(const char *name, const char *value, const char *env, char *out, size_t n)
{
    if (!value)
        value = getenv(env);
    if (value && strlen(value) >= n) {
        fprintf(stderr, "khu serve: %s must be at most %zu bytes\n", name, n - 1);
        return -1;
    }
    snprintf(out, n, "%s", value ? value : "");
    return 0;
}

static int numeric_address(const char *s)
{
    unsigned char bin[16];

    return inet_pton(AF_INET, s, bin) == 1 || inet_pton(AF_INET6, s, bin) == 1;
}

static int parse_options(int argc, char **argv, struct http_config *cfg, struct api_app *app,
                         struct notify_opts *notify, const char **db, int *empty, int *help)
{
    const char *port = NULL, *threads = NULL, *bind = NULL, *empty_flag = NULL, *pos[1];
    const char *tiles = NULL, *attribution = NULL, *row_memo = NULL, *promotion = NULL;
    const char *publisher = NULL, *licence = NULL, *proxy = NULL;
    const struct opt opts[] = {{"--db", 1, db},
                               {"--bind", 1, &bind},
                               {"--port", 1, &port},
                               {"--threads", 1, &threads},
                               {"--empty", 0, &empty_flag},
                               {"--tiles", 1, &tiles},
                               {"--tiles-attribution", 1, &attribution},
                               {"--row-memo", 1, &row_memo},
                               {"--promotion-contact", 1, &promotion},
                               {"--publisher", 1, &publisher},
                               {"--data-licence", 1, &licence},
                               {"--trust-proxy", 1, &proxy},
                               {"--smtp", 1, &notify->smtp},
                               {"--mail-from", 1, &notify->from},
                               {"--remind-days", 1, &notify->remind_days},
                               {"--site", 1, &notify->site},
                               {NULL, 0, NULL}};
    int64_t v;

    if (opts_parse(argc, argv, opts, pos, 0, help) != 0)
        return -1;
    if (tile_options(app, tiles, attribution) || notify_opts_read(notify, "serve"))
        return -1;
    if (text_option("--promotion-contact", promotion, "KHU_PROMOTION_CONTACT",
                    app->promotion_contact, sizeof(app->promotion_contact)) ||
        text_option("--publisher", publisher, "KHU_PUBLISHER", app->publisher,
                    sizeof(app->publisher)) ||
        text_option("--data-licence", licence, "KHU_DATA_LICENCE", app->data_licence,
                    sizeof(app->data_licence)))
        return -1;
    cfg->bind_addr = bind ? bind : "127.0.0.1";
    cfg->port = 8080;
    if (port && parse_i64(port, 0, 65535, &v)) {
        fprintf(stderr, "khu serve: --port must be a whole number from 0 to 65535\n");
        return -1;
    }
    if (port)
        cfg->port = (unsigned short)v;
    if (threads && parse_i64(threads, 1, 256, &v)) {
        fprintf(stderr, "khu serve: --threads must be a whole number from 1 to 256\n");
        return -1;
    }
    cfg->threads = threads ? (unsigned)v : 0;
    if (row_memo && parse_i64(row_memo, 0, 1024, &v)) {
        fprintf(stderr, "khu serve: --row-memo must be a whole number of MB from 0 to 1024\n");
        return -1;
    }
    if (row_memo)
        api_row_memo_set_room((size_t)v << 20);
    if (proxy && !numeric_address(proxy)) {
        fprintf(stderr, "khu serve: --trust-proxy must be a numeric IPv4 or IPv6 address\n");
        return -1;
    }
    cfg->trust_proxy = proxy;
    *empty = empty_flag != NULL;
    return 0;
}

/* Keeps freed memory in the allocator instead of giving it back to the
 * kernel after every request. An answer built from the database allocates
 * and frees a few hundred KiB (statement text, SQLite's page cache for a
 * temporary b-tree); with glibc's defaults each free trimmed the worker's
 * arena (madvise) and the next request faulted the same pages back in,
 * which took most of the time of a list built from the database (a
 * perf profile: 30% of all cycles in page faults; 3x fewer answers a
 * second). Blocks up to 32 MiB (glibc's largest threshold) come from the
 * arena too: a site finder run over 100,000 zones takes 13 MiB, and given
 * fresh pages by mmap each time it spent 90% of its time faulting them in
 * (94 ms a run instead of 8). The cost is memory the process has used once
 * staying mapped. */
static void keep_freed_memory(void)
{
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
}

int cmd_serve(int argc, char **argv)
{
    static struct api_app app;
    static struct notify_opts notify;
    static char csp[2048];
    struct app_notifier *notifier;
    struct http_config cfg;
    struct http_server *server;
    struct store *watch = NULL;
    struct app_checkpointer *checkpointer;
    struct khu_diag d;
    const char *db = NULL;
    sigset_t signals;
    int empty, help, sig, rc;

    memset(&cfg, 0, sizeof(cfg));
    if (parse_options(argc, argv, &cfg, &app, &notify, &db, &empty, &help))
        return EXIT_USAGE;
    if (help) {
        fputs(serve_help, stdout);
        return 0;
    }
    keep_freed_memory();
    db = cli_db_path(db);
    rc = prepare_database(db, empty, &app.synthetic);
    if (rc)
        return rc;
    snprintf(app.db_path, sizeof(app.db_path), "%s", db);
    app.today = today();
    app.today_fixed = today_given();
    cfg.routes = api_routes;
    cfg.app = &app;
    cfg.authorize = api_authorize;
    web_security_policy(&app, csp, sizeof(csp));
    cfg.content_security_policy = csp;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, NULL); /* worker threads inherit the mask */
    if (store_open(db, STORE_READ_ONLY, &watch, &d) == KHU_OK)
        app_generation_watch(watch); /* else each worker's first request counts as a change */
    checkpointer = app_checkpointer_start(db);
    app.checkpoint_apart = checkpointer != NULL;
    server = http_server_start(&cfg);
    if (!server) {
        app_checkpointer_stop(checkpointer);
        app_generation_watch(NULL);
        store_close(watch);
        return 1;
    }
    printf("khu: listening on http://%s:%u\n", cfg.bind_addr, http_server_port(server));
    fflush(stdout);
    notifier = app_notifier_start(db, &notify.config, app.today_fixed ? getenv("KHU_TODAY") : NULL);
    sigwait(&signals, &sig);
    fprintf(stderr, "khu: %s received, finishing requests in flight\n",
            sig == SIGTERM ? "SIGTERM" : "SIGINT");
    app_notifier_stop(notifier);
    http_server_stop(server);
    app_checkpointer_stop(checkpointer);
    app_generation_watch(NULL);
    store_close(watch);
    return 0;
}
