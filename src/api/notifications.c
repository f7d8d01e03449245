/* SPDX-License-Identifier: MIT */
/*
 * A signed-in user's reminders and alerts (app/app_notify.h):
 * GET /api/v1/notifications lists one's own, newest first;
 * POST /api/v1/notifications/{id}/read marks one read.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "app/app_audit.h"
#include "core/json_out.h"
#include "core/num.h"
#include "store/notifications.h"

static void opt_time(struct jw *w, const char *key, const struct khu_row *row, int i)
{
    char at[40];

    jw_key(w, key);
    if (row_is_null(row, i))
        jw_null(w);
    else {
        app_audit_time(row_int(row, i), at, sizeof(at));
        jw_str(w, at);
    }
}

static int write_note(void *arg, const struct khu_row *row)
{
    struct jw *w = arg;
    char href[120];

    jw_obj_begin(w);
    jw_key(w, "id");
    jw_int(w, row_int(row, NOTE_COL_ID));
    jw_opt_str(w, "kind", row_text(row, NOTE_COL_KIND));
    jw_opt_str(w, "dossier_code", row_text(row, NOTE_COL_DOSSIER));
    jw_opt_str(w, "department", row_text(row, NOTE_COL_DEPARTMENT));
    jw_opt_str(w, "due_on", row_text(row, NOTE_COL_DUE_ON));
    opt_time(w, "created", row, NOTE_COL_CREATED_MS);
    opt_time(w, "read", row, NOTE_COL_READ_MS);
    opt_time(w, "mailed", row, NOTE_COL_MAILED_MS);
    jw_opt_str(w, "mail_error", row_text(row, NOTE_COL_MAIL_ERROR));
    snprintf(href, sizeof(href), "/api/v1/dossiers/%s",
             row_text(row, NOTE_COL_DOSSIER) ? row_text(row, NOTE_COL_DOSSIER) : "");
    jw_key(w, "dossier");
    jw_str(w, href);
    jw_obj_end(w);
    return 0;
}

void api_notifications(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"limit", "lang", NULL};
    const struct api_principal *who = api_principal(req);
    int64_t limit = 50;
    enum khu_err err;
    enum api_lang lang;
    struct khu_diag d;
    struct store *s;
    struct jw w;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang) ||
        api_int_param(req, resp, lang, "limit", 1, 500, &limit))
        return;
    if (!who) {
        api_sign_in_first(req, resp);
        return;
    }
    s = api_store(req, resp);
    if (!s)
        return;
    resp->cache_control = "no-store";
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "items");
    jw_arr_begin(&w);
    khu_diag_clear(&d);
    err = store_notifications_of(s, who->who.name, (int)limit, write_note, &w, &d);
    if (err) {
        buf_reset(&resp->body);
        api_error(resp, err, &d);
        return;
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

struct reading {
    const char *user;
    int64_t id;
};

static enum khu_err read_one(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct reading *r = arg;

    return store_notification_read(tx, r->user, r->id, d);
}

void api_notification_read(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    const struct api_principal *who = api_principal(req);
    struct reading r;
    struct store_actor actor;
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    lang = api_message_lang(req, lang);
    if (!who) {
        api_sign_in_first(req, resp);
        return;
    }
    r.user = who->who.name;
    if (parse_i64(req->path_params[0], 1, INT64_MAX, &r.id)) {
        http_problem(resp, 404, NULL, "%s",
                     api_tr(lang, "No notification of yours has this number."));
        return;
    }
    s = api_writer(req, resp);
    if (!s)
        return;
    store_actor_set(&actor, who->who.name, req->client);
    khu_diag_clear(&d);
    err = store_write(s, &actor, read_one, &r, &d);
    if (err == KHU_ENOTFOUND)
        http_problem(resp, 404, NULL, "%s",
                     api_tr(lang, "No notification of yours has this number."));
    else if (err)
        api_error(resp, err, &d);
    else {
        resp->cache_control = "no-store";
        buf_printf(&resp->body, "{\"id\":%lld,\"read\":true}\n", (long long)r.id);
    }
}
