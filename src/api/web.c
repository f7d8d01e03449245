/* SPDX-License-Identifier: MIT */
/*
 * The web app's side of the server: its pages (one HTML shell for every
 * page route), its embedded assets under /static/VERSION/NAME, and the small
 * settings document /api/v1/config it reads at start.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "api/handlers.h"
#include "api/match.h"
#include "api/resource.h"
#include "http/assets.h"

#define LONG_CACHE "public, max-age=31536000, immutable"

static const struct {
    const char *ext;
    const char *type;
} content_types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".json", "application/json"},
    {".txt", "text/plain; charset=utf-8"},
    {".woff2", "font/woff2"},
    {NULL, NULL},
};

static const struct asset *find_asset(const char *name)
{
    const struct asset *a;

    for (a = khu_assets; a->path; a++)
        if (a->path[0] == '/' && strcmp(a->path + 1, name) == 0)
            return a;
    return NULL;
}

static const char *content_type(const char *name)
{
    size_t n = strlen(name), e;
    int i;

    for (i = 0; content_types[i].ext; i++) {
        e = strlen(content_types[i].ext);
        if (n > e && strcmp(name + n - e, content_types[i].ext) == 0)
            return content_types[i].type;
    }
    return "application/octet-stream";
}

/* Answers with the HTML shell of the web app; the app draws the page that
 * the path names. Allowed query parameters: lang, and with_filters the
 * zone filters, q and sort (the finder and the map keep their filter in
 * the URL), or with match the site finder's parameters (the investor page
 * keeps its form in the URL), and extra (may be NULL) besides. */
static void page_params(struct http_req *req, struct http_resp *resp, int with_filters, int match,
                        const char *extra)
{
    const struct resource_def *zones = api_resource("zones");
    const struct filter_def *f;
    const char *allowed[64];
    const struct asset *a;
    size_t n = 0;

    if (with_filters && zones) {
        for (f = zones->filters; f->param && n < 60; f++)
            allowed[n++] = f->param;
        allowed[n++] = "q";
        allowed[n++] = "sort";
    }
    allowed[n++] = "lang";
    if (extra)
        allowed[n++] = extra;
    allowed[n] = NULL;
    if (match) {
        const char *names[40];
        if (http_check_params(req, resp, match_param_names(names, NULL)))
            return;
    } else if (http_check_params(req, resp, allowed))
        return;
    a = find_asset("index.html");
    if (!a) {
        http_problem(resp, 404, NULL, "this build has no web app");
        return;
    }
    resp->content_type = "text/html; charset=utf-8";
    buf_append(&resp->body, a->data, (size_t)a->len);
}

static void page(struct http_req *req, struct http_resp *resp, int with_filters)
{
    page_params(req, resp, with_filters, 0, NULL);
}

void web_page(struct http_req *req, struct http_resp *resp)
{
    page(req, resp, 0);
}

void web_page_filtered(struct http_req *req, struct http_resp *resp)
{
    page(req, resp, 1);
}

void web_page_investor(struct http_req *req, struct http_resp *resp)
{
    page_params(req, resp, 0, 1, NULL);
}

void web_page_track(struct http_req *req, struct http_resp *resp)
{
    page_params(req, resp, 0, 0, "code"); /* the secret never comes in the address */
}

void web_asset(struct http_req *req, struct http_resp *resp)
{
    static const char *const none[] = {NULL};
    const char *version = req->npath_params > 0 ? req->path_params[0] : "";
    const char *name = req->npath_params > 1 ? req->path_params[1] : "";
    const struct asset *a;

    if (http_check_params(req, resp, none))
        return;
    a = find_asset(name);
    if (!a) {
        http_problem(resp, 404, NULL, "no such file: %.80s", name);
        return;
    }
    resp->content_type = content_type(name);
    /* an asset of this build never changes; one asked for under another
     * build's version is answered with today's bytes, to be revalidated */
    if (strcmp(version, khu_assets_version) == 0)
        resp->cache_control = LONG_CACHE;
    buf_append(&resp->body, a->data, (size_t)a->len);
}

void web_config(struct http_req *req, struct http_resp *resp)
{
    static const char *const none[] = {NULL};
    const struct api_app *app = req->app;
    struct jw w;

    if (http_check_params(req, resp, none))
        return;
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_opt_str(&w, "tiles", app ? app->tiles : "");
    jw_opt_str(&w, "tiles_attribution", app ? app->tiles_attribution : "");
    jw_key(&w, "assets_version");
    jw_str(&w, khu_assets_version);
    jw_key(&w, "languages");
    jw_arr_begin(&w);
    jw_str(&w, "vi");
    jw_str(&w, "en");
    jw_str(&w, "ko");
    jw_arr_end(&w);
    jw_key(&w, "synthetic");
    jw_bool(&w, app && app->synthetic);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

/* ===== the Content-Security-Policy ===== */

/* Writes 'sha256-...' of the inline script of index.html (the requests
 * each page starts first, before the other scripts load) to out; "" when
 * the page has none. */
static void inline_script_hash(char *out, size_t n)
{
    const struct asset *a = find_asset("index.html");
    const char *text = a ? (const char *)a->data : NULL, *start, *end;
    unsigned char digest[crypto_hash_sha256_BYTES];
    char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];

    out[0] = '\0';
    start = text ? strstr(text, "<script>") : NULL;
    end = start ? strstr(start, "</script>") : NULL;
    if (!end || sodium_init() < 0)
        return;
    start += strlen("<script>");
    crypto_hash_sha256(digest, (const unsigned char *)start, (unsigned long long)(end - start));
    sodium_bin2base64(b64, sizeof(b64), digest, sizeof(digest), sodium_base64_VARIANT_ORIGINAL);
    snprintf(out, n, " 'sha256-%s'", b64);
}

/* Writes " scheme://host" of a tile URL template to out ("" when it has
 * none); a {s} subdomain becomes *. */
static void tile_origin(const char *tiles, char *out, size_t n)
{
    const char *host = strstr(tiles, "://");
    size_t len, i, o = 0;

    out[0] = '\0';
    if (!host || n < 8)
        return;
    len = (size_t)(host - tiles) + 3 + strcspn(host + 3, "/?#");
    out[o++] = ' ';
    for (i = 0; i < len && o + 2 < n; i++) {
        if (strncmp(tiles + i, "{s}", 3) == 0) {
            out[o++] = '*';
            i += 2;
        } else if ((unsigned char)tiles[i] <= ' ' || tiles[i] == 0x7f || tiles[i] == ';' ||
                   tiles[i] == ',' || tiles[i] == '\'' || tiles[i] == '"') {
            out[0] = '\0';
            return;
        } else {
            out[o++] = tiles[i];
        }
    }
    out[o] = '\0';
}

void web_security_policy(const struct api_app *app, char *out, size_t n)
{
    char script[80], tiles[300];

    inline_script_hash(script, sizeof(script));
    tile_origin(app && app->tiles[0] ? app->tiles : "", tiles, sizeof(tiles));
    snprintf(out, n,
             "default-src 'self'; script-src 'self'%s; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data:%s; connect-src 'self'; font-src 'self'; object-src 'none'; "
             "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
             script, tiles);
}
