/* SPDX-License-Identifier: MIT */
/*
 * What every handler shares: the per-thread database connection, language
 * and format negotiation, database error answers, and the end of a page
 * of the audit trail.
 */
#include "api/api.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/tr.h"
#include "app/app_edit.h"
#include "core/json_out.h"
#include "core/num.h"

/* One key per kind of connection; each thread opens its own on first use,
 * and the key's destructor closes it when the thread ends. */
static pthread_key_t store_keys[2];
static pthread_once_t store_keys_once = PTHREAD_ONCE_INIT;

static void close_thread_store(void *p)
{
    store_close(p);
}

static void make_store_keys(void)
{
    pthread_key_create(&store_keys[STORE_READ_ONLY], close_thread_store);
    pthread_key_create(&store_keys[STORE_READ_WRITE], close_thread_store);
}

static struct store *thread_store(struct http_req *req, struct http_resp *resp,
                                  enum store_mode mode)
{
    struct api_app *app = req->app;
    struct store *s;
    struct khu_diag d;

    pthread_once(&store_keys_once, make_store_keys);
    s = pthread_getspecific(store_keys[mode]);
    if (s)
        return s;
    khu_diag_clear(&d);
    if (store_open(app->db_path, mode, &s, &d)) {
        fprintf(stderr, "khu: %s\n", d.message);
        http_problem(resp, 503, NULL, "the database is not available%s; try again later",
                     mode == STORE_READ_WRITE ? " for writing" : "");
        return NULL;
    }
    if (mode == STORE_READ_WRITE && app->checkpoint_apart)
        store_set_self_checkpoint(s, 0);
    /* the threads' writes run on one connection, whose cache stays warm */
    if (mode == STORE_READ_WRITE && store_share_writes(s, &d)) {
        fprintf(stderr, "khu: %s\n", d.message);
        store_close(s);
        http_problem(resp, 503, NULL, "the database is not available for writing; try again later");
        return NULL;
    }
    pthread_setspecific(store_keys[mode], s);
    return s;
}

struct store *api_store(struct http_req *req, struct http_resp *resp)
{
    return thread_store(req, resp, STORE_READ_ONLY);
}

struct store *api_live_store(struct http_req *req, struct http_resp *resp,
                             struct app_generation *gen)
{
    struct store *s;

    if (http_to_lane(req, resp))
        return NULL;
    s = api_store(req, resp);
    if (s && app_generation_read(s, gen)) {
        api_error(resp, KHU_EDB, NULL);
        return NULL;
    }
    return s;
}

struct store *api_writer(struct http_req *req, struct http_resp *resp)
{
    return thread_store(req, resp, STORE_READ_WRITE);
}

const char *api_lang_code(enum api_lang lang)
{
    return lang == LANG_EN ? "en" : lang == LANG_KO ? "ko" : "vi";
}

static int lang_from_tag(const char *tag, size_t n, enum api_lang *lang)
{
    if (n >= 2 && strncasecmp(tag, "vi", 2) == 0 && (n == 2 || tag[2] == '-'))
        *lang = LANG_VI;
    else if (n >= 2 && strncasecmp(tag, "en", 2) == 0 && (n == 2 || tag[2] == '-'))
        *lang = LANG_EN;
    else if (n >= 2 && strncasecmp(tag, "ko", 2) == 0 && (n == 2 || tag[2] == '-'))
        *lang = LANG_KO;
    else
        return 0;
    return 1;
}

/* Picks the supported language with the highest q in an Accept-Language
 * value; ties go to the first listed. */
static enum api_lang lang_from_header(const char *h)
{
    enum api_lang best = LANG_VI, l;
    double best_q = 0;

    while (h && *h) {
        const char *end = strchr(h, ','), *semi;
        size_t n = end ? (size_t)(end - h) : strlen(h);
        double q = 1;
        while (*h == ' ' && n) {
            h++;
            n--;
        }
        semi = memchr(h, ';', n);
        if (semi && strncmp(semi, ";q=", 3) == 0)
            q = strtod(semi + 3, NULL);
        if (lang_from_tag(h, semi ? (size_t)(semi - h) : n, &l) && q > best_q) {
            best = l;
            best_q = q;
        }
        h = end ? end + 1 : NULL;
    }
    return best;
}

enum api_lang api_refusal_lang(const struct http_req *req)
{
    const char *p = http_param(req, "lang");
    enum api_lang lang = LANG_EN;

    if (p && (strcmp(p, "vi") == 0 || strcmp(p, "ko") == 0))
        lang_from_tag(p, 2, &lang);
    else if (!p && req->accept_language && req->accept_language[0])
        lang = lang_from_header(req->accept_language);
    return lang;
}

int api_lang(struct http_req *req, struct http_resp *resp, enum api_lang *lang)
{
    const char *p = http_param(req, "lang");

    if (p) {
        if (strcmp(p, "vi") == 0 || strcmp(p, "en") == 0 || strcmp(p, "ko") == 0) {
            lang_from_tag(p, 2, lang);
            return 0;
        }
        http_problem(resp, 400, "lang", "lang must be vi, en or ko; got '%.40s'", p);
        return -1;
    }
    *lang = lang_from_header(req->accept_language);
    return 0;
}

enum api_lang api_message_lang(const struct http_req *req, enum api_lang lang)
{
    return http_param(req, "lang") || (req->accept_language && req->accept_language[0]) ? lang
                                                                                        : LANG_EN;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);

    return n >= m && strcmp(s + n - m, suffix) == 0;
}

enum api_format api_format(const struct http_req *req, int geojson_allowed)
{
    if (ends_with(req->path, ".csv"))
        return FORMAT_CSV;
    if (ends_with(req->path, ".geojson"))
        return FORMAT_GEOJSON;
    if (ends_with(req->path, ".xlsx"))
        return FORMAT_XLSX;
    if (req->accept && strstr(req->accept, "text/csv"))
        return FORMAT_CSV;
    if (req->accept && strstr(req->accept, "spreadsheetml.sheet"))
        return FORMAT_XLSX;
    if (geojson_allowed && req->accept && strstr(req->accept, "application/geo+json"))
        return FORMAT_GEOJSON;
    return FORMAT_JSON;
}

int api_csv_bom(const struct http_req *req, struct http_resp *resp, enum api_format format,
                int *bom)
{
    const char *v = http_param(req, "bom");

    *bom = 0;
    if (!v || strcmp(v, "0") == 0)
        return 0;
    if (strcmp(v, "1") != 0) {
        http_problem(resp, 400, "bom",
                     "bom must be 1 (a byte-order mark for Excel) or 0; got '%.40s'", v);
        return -1;
    }
    if (format != FORMAT_CSV) {
        http_problem(resp, 400, "bom",
                     "bom applies to CSV answers only: ask for .csv or Accept: text/csv");
        return -1;
    }
    *bom = 1;
    return 0;
}

void api_csv_begin(struct http_resp *resp, const char *name, int bom, const char *header)
{
    resp->content_type = "text/csv; charset=utf-8";
    snprintf(resp->content_disposition, sizeof(resp->content_disposition),
             "attachment; filename=\"%s.csv\"", name);
    if (bom)
        buf_puts(&resp->body, "\xEF\xBB\xBF");
    buf_puts(&resp->body, header);
}

/* The one map from a use case's error to an HTTP answer. A 4xx answer
 * carries the diagnostic's message, which names the field and says what is
 * wrong; a 5xx answer says only what kind of failure it was (the store has
 * logged the details), so no path, SQL or library message reaches a
 * client. */
static const struct {
    enum khu_err err;
    int status;
    int client_fault; /* 1: the diagnostic is shown */
    int retry_after;  /* seconds for a Retry-After header; 0: none */
    const char *fallback;
} error_answers[] = {
    {KHU_EINVAL, 400, 1, 0, "the request is not valid"},
    {KHU_ERANGE, 400, 1, 0, "a value is out of range"},
    {KHU_ETOOBIG, 413, 1, 0, "the request is too large"},
    {KHU_ENOTFOUND, 404, 1, 0, "not found"},
    {KHU_ECONFLICT, 409, 1, 0, "the request conflicts with data already stored"},
    {KHU_ESTALE, 412, 1, 0, "the row was changed since it was read"},
    {KHU_EBUSY, 503, 0, API_BUSY_RETRY_S,
     "the database is busy with another write; try again in a few seconds"},
    {KHU_ENOMEM, 503, 0, 0, "the server is out of memory; try again later"},
    {KHU_EIO, 500, 0, 0, "the database could not be read or written"},
    {KHU_EDB, 500, 0, 0, "the database could not answer"},
};

void api_error(struct http_resp *resp, enum khu_err err, const struct khu_diag *d)
{
    size_t i;

    for (i = 0; i < sizeof(error_answers) / sizeof(error_answers[0]); i++) {
        if (error_answers[i].err != err)
            continue;
        if (error_answers[i].client_fault && d && d->message[0])
            http_problem(resp, error_answers[i].status, d->field[0] ? d->field : NULL, "%s",
                         d->message);
        else
            http_problem(resp, error_answers[i].status, NULL, "%s", error_answers[i].fallback);
        resp->retry_after = error_answers[i].retry_after;
        return;
    }
    http_problem(resp, 500, NULL, "internal error (%s)", khu_err_str(err));
}

void api_trail_page_end(struct jw *w, struct buf *body, int n, int limit, int64_t last_id)
{
    jw_key(w, "next_cursor");
    if (n == limit && last_id > 1)
        jw_int(w, last_id);
    else
        jw_null(w);
    jw_obj_end(w);
    buf_putc(body, '\n');
}

int api_int_param(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                  const char *name, int64_t min, int64_t max, int64_t *out)
{
    const char *v = http_param(req, name);

    if (!v)
        return 0;
    if (parse_i64(v, min, max, out)) {
        http_problem(resp, 400, name,
                     api_tr(lang, "%s must be a whole number from %g to %g; got '%.40s'"), name,
                     (double)min, (double)max, v);
        return -1;
    }
    return 0;
}

void api_today(const struct http_req *req, char out[16])
{
    const struct api_app *app = req->app;

    if (app && app->today_fixed)
        format_date(app->today, out);
    else
        app_edit_today(out);
}
