/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/zones/{code}/history: who changed which field of a zone,
 * when, from what to what, and on what source, newest first, read from
 * the audit trail (a page at a time, like GET /api/v1/audit). Public, as
 * the zone is: a public registry says who changed it. The client's
 * address, which the trail keeps, is not shown. A file import is recorded
 * per file, not per zone, so the history begins with the first change
 * made row by row (through the API or a command).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "app/app_audit.h"
#include "core/num.h"
#include "store/audit.h"
#include "store/leads.h"

#define HISTORY_PAGE_DEFAULT 50
#define HISTORY_PAGE_MAX     200
#define HISTORY_CURSOR_MAX   1000000000

struct page {
    struct jw w;
    int64_t last_id;
    int n;
};

static void json_value(struct jw *w, json_t *v)
{
    char *text;

    if (!v) {
        jw_null(w);
        return;
    }
    text = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    if (text) {
        jw_raw(w, text, strlen(text));
        free(text);
    } else {
        jw_null(w);
    }
}

/* The fields whose values differ between before and after (either may be
 * NULL: a row made or removed). */
static void write_changes(struct jw *w, const char *before, const char *after)
{
    json_t *b = before ? json_loads(before, 0, NULL) : NULL;
    json_t *a = after ? json_loads(after, 0, NULL) : NULL;
    json_t *keys = a ? a : b, *v;
    const char *key;

    jw_arr_begin(w);
    json_object_foreach(keys, key, v)
    {
        json_t *old = b ? json_object_get(b, key) : NULL;
        json_t *new = a ? json_object_get(a, key) : NULL;
        if ((old ? old : json_null()) == (new ? new : json_null()) ||
            json_equal(old ? old : json_null(), new ? new : json_null()))
            continue;
        jw_obj_begin(w);
        jw_key(w, "field");
        jw_str(w, key);
        jw_key(w, "before");
        json_value(w, old);
        jw_key(w, "after");
        json_value(w, new);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    json_decref(b);
    json_decref(a);
}

static int write_change(void *arg, const struct khu_row *row)
{
    struct page *p = arg;
    char at[40];

    app_audit_time(row_int(row, AUDIT_COL_AT_MS), at, sizeof(at));
    jw_obj_begin(&p->w);
    jw_key(&p->w, "id");
    jw_int(&p->w, row_int(row, AUDIT_COL_ID));
    jw_key(&p->w, "at");
    jw_str(&p->w, at);
    jw_opt_str(&p->w, "actor", row_text(row, AUDIT_COL_ACTOR));
    jw_opt_str(&p->w, "action", row_text(row, AUDIT_COL_ACTION));
    jw_key(&p->w, "source");
    if (row_text(row, AUDIT_COL_SOURCE))
        jw_str(&p->w, row_text(row, AUDIT_COL_SOURCE));
    else
        jw_null(&p->w);
    jw_key(&p->w, "as_of");
    if (row_text(row, AUDIT_COL_AS_OF))
        jw_str(&p->w, row_text(row, AUDIT_COL_AS_OF));
    else
        jw_null(&p->w);
    jw_key(&p->w, "changes");
    write_changes(&p->w, row_text(row, AUDIT_COL_BEFORE), row_text(row, AUDIT_COL_AFTER));
    jw_obj_end(&p->w);
    p->last_id = row_int(row, AUDIT_COL_ID);
    p->n++;
    return 0;
}

void api_zone_history(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"limit", "cursor", "lang", NULL};
    const char *code = req->path_params[0];
    struct store_audit_filter f = {.table = "zones"};
    int64_t limit = HISTORY_PAGE_DEFAULT, cursor = 0;
    const char *v;
    struct store *s;
    struct khu_diag d;
    struct page p;
    enum api_lang lang;
    enum khu_err err;
    int found = 0;
    int token;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    lang = api_message_lang(req, lang);
    if ((v = http_param(req, "limit")) && parse_i64(v, 1, HISTORY_PAGE_MAX, &limit)) {
        http_problem(resp, 400, "limit",
                     api_tr(lang, "%s must be a whole number from %g to %g; got '%.40s'"), "limit",
                     1.0, (double)HISTORY_PAGE_MAX, v);
        return;
    }
    if ((v = http_param(req, "cursor")) && parse_i64(v, 1, HISTORY_CURSOR_MAX, &cursor)) {
        http_problem(resp, 400, "cursor",
                     api_tr(lang, "%s must be a whole number from %g to %g; got '%.40s'"), "cursor",
                     1.0, (double)HISTORY_CURSOR_MAX, v);
        return;
    }
    s = api_store(req, resp);
    if (!s)
        return;
    token = store_snapshot_begin(s);
    khu_diag_clear(&d);
    err = store_zone_exists(s, code, &found, &d);
    if (!err && !found) {
        http_problem(resp, 404, NULL, "no zones with code '%.80s'", code);
        goto out;
    }
    memset(&p, 0, sizeof(p));
    jw_init(&p.w, &resp->body);
    jw_obj_begin(&p.w);
    jw_key(&p.w, "zone");
    jw_str(&p.w, code);
    jw_key(&p.w, "changes");
    jw_arr_begin(&p.w);
    f.key = code;
    f.before_id = cursor;
    f.limit = (int)limit;
    if (!err)
        err = store_audit_list(s, &f, write_change, &p, &d);
    if (err) {
        buf_reset(&resp->body);
        api_error(resp, err, &d);
        goto out;
    }
    jw_arr_end(&p.w);
    api_trail_page_end(&p.w, &resp->body, p.n, limit, p.last_id);
out:
    store_snapshot_end(s, token);
}
