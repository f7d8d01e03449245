/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/audit: the audit trail for admins and officers, newest
 * first, filtered by table, key, actor and dates (from and to, UTC days,
 * both included), a page at a time: "next_cursor" is the id to pass as
 * cursor for the records after the page.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "api/xlsx_answer.h"
#include "app/app_audit.h"
#include "core/num.h"
#include "store/audit.h"

#define AUDIT_PAGE_DEFAULT 50
#define AUDIT_PAGE_MAX     500
#define AUDIT_CURSOR_MAX   1000000000 /* record ids a cursor may name */
#define DAY_MS             86400000LL

struct page {
    struct jw w;
    struct xlsx_book *book; /* an XLSX answer's workbook, else NULL */
    int64_t last_id;
    int n;
};

/* The columns of an XLSX answer, in the order of enum store_audit_col. */
static const struct xlsx_col audit_xlsx[] = {
    {"id", XLSX_INTEGER},  {"at", XLSX_DATETIME}, {"actor", XLSX_TEXT}, {"address", XLSX_TEXT},
    {"action", XLSX_TEXT}, {"table", XLSX_TEXT},  {"key", XLSX_TEXT},   {"before", XLSX_TEXT},
    {"after", XLSX_TEXT},  {"source", XLSX_TEXT}, {"hash", XLSX_TEXT},  {"as_of", XLSX_DATE},
};

static int write_record(void *arg, const struct khu_row *row)
{
    struct page *p = arg;

    if (p->book) {
        char at[40];
        size_t i;
        for (i = 0; i < XLSX_NCOLS(audit_xlsx); i++) {
            if (i == AUDIT_COL_AT_MS) {
                app_audit_time(row_int(row, AUDIT_COL_AT_MS), at, sizeof(at));
                xlsx_text(p->book, i, at);
            } else {
                xlsx_value(p->book, i, row_at(row, (int)i));
            }
        }
        xlsx_end_row(p->book);
        p->last_id = row_int(row, AUDIT_COL_ID);
        p->n++;
        return 0;
    }
    app_audit_json(&p->w, row);
    p->last_id = row_int(row, AUDIT_COL_ID);
    p->n++;
    return 0;
}

/* Reads a date parameter as the millisecond its UTC day begins (end: the
 * day after). Returns 0 (also when absent: *ms 0), or -1 after a 400. */
static int day_param(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                     const char *name, int end, int64_t *ms)
{
    const char *v = http_param(req, name);
    int32_t days;

    *ms = 0;
    if (!v)
        return 0;
    if (parse_date(v, &days) || days < 0) {
        http_problem(resp, 400, name, api_tr(lang, "%s must be a date YYYY-MM-DD; got '%.40s'"),
                     name, v);
        return -1;
    }
    *ms = ((int64_t)days + (end ? 1 : 0)) * DAY_MS;
    return 0;
}

void api_audit(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"table", "key",    "actor", "from", "to",
                                          "limit", "cursor", "lang",  NULL};
    struct store_audit_filter f = {0};
    int64_t limit = AUDIT_PAGE_DEFAULT, cursor = 0;
    struct store *s;
    struct khu_diag d;
    struct page p;
    enum api_lang lang;
    enum khu_err err;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    lang = api_message_lang(req, lang);
    if (day_param(req, resp, lang, "from", 0, &f.from_ms) ||
        day_param(req, resp, lang, "to", 1, &f.to_ms) ||
        api_int_param(req, resp, lang, "limit", 1, AUDIT_PAGE_MAX, &limit) ||
        api_int_param(req, resp, lang, "cursor", 1, AUDIT_CURSOR_MAX, &cursor))
        return;
    f.table = http_param(req, "table");
    f.key = http_param(req, "key");
    f.actor = http_param(req, "actor");
    if (f.key && !f.table) {
        http_problem(resp, 400, "key", "%s",
                     api_tr(lang, "key filters the records of one table: give table too."));
        return;
    }
    f.before_id = cursor;
    s = api_store(req, resp);
    if (!s)
        return;
    memset(&p, 0, sizeof(p));
    if (api_format(req, 0) == FORMAT_XLSX) {
        struct api_xlsx x;
        if (http_to_lane(req, resp))
            return;
        if (api_xlsx_open(&x, resp, "audit", audit_xlsx, XLSX_NCOLS(audit_xlsx)))
            return;
        p.book = x.book;
        f.limit = limit == AUDIT_PAGE_DEFAULT && !http_param(req, "limit") ? 0 : (int)limit;
        khu_diag_clear(&d);
        err = store_audit_list(s, &f, write_record, &p, &d);
        if (err) {
            api_xlsx_abort(&x);
            api_error(resp, err, &d);
            return;
        }
        api_xlsx_finish(&x, req, resp, "audit");
        resp->cache_control = "no-store";
        return;
    }
    jw_init(&p.w, &resp->body);
    jw_obj_begin(&p.w);
    jw_key(&p.w, "records");
    jw_arr_begin(&p.w);
    khu_diag_clear(&d);
    f.limit = (int)limit;
    err = store_audit_list(s, &f, write_record, &p, &d);
    if (err) {
        api_error(resp, err, &d);
        return;
    }
    jw_arr_end(&p.w);
    api_trail_page_end(&p.w, &resp->body, p.n, limit, p.last_id);
    resp->cache_control = "no-store";
}
