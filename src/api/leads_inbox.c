/* SPDX-License-Identifier: MIT */
/*
 * The officers' inbox of investors' inquiries: GET /api/v1/leads (JSON, or
 * CSV with .csv or Accept: text/csv) newest first, filtered by status and
 * owner ("me" for the caller, "none" for the leads nobody follows up), a
 * page at a time; GET /api/v1/leads/{code} is one lead with the ETag a
 * PATCH names (api/row_item.c), and PATCH /api/v1/leads/{code} sets its
 * status, owner and notes (api/edit.c). For admins and officers only: a
 * lead holds a person's contact.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "api/xlsx_answer.h"
#include "core/csv.h"
#include "core/num.h"
#include "core/schema.h"
#include "store/leads.h"

#define INBOX_PAGE_DEFAULT 50
#define INBOX_PAGE_MAX     1000
#define INBOX_OFFSET_MAX   1000000

static const char *const inbox_columns[] = {"code",    "received_on", "company",    "country",
                                            "contact", "zones",       "note",       "status",
                                            "owner",   "notes",       "event_code", NULL};

/* The value of each column of inbox_columns in a row of store_leads_list. */
static const int inbox_values[] = {LEAD_COL_CODE,    LEAD_COL_RECEIVED_ON, LEAD_COL_COMPANY,
                                   LEAD_COL_COUNTRY, LEAD_COL_CONTACT,     LEAD_COL_ZONES,
                                   LEAD_COL_NOTE,    LEAD_COL_STATUS,      LEAD_COL_OWNER,
                                   LEAD_COL_NOTES,   LEAD_COL_EVENT};

/* The columns of the CSV answer, typed for a spreadsheet. */
static const struct xlsx_col leads_xlsx[] = {
    {"code", XLSX_TEXT},    {"received_on", XLSX_DATE}, {"company", XLSX_TEXT},
    {"country", XLSX_TEXT}, {"contact", XLSX_TEXT},     {"zones", XLSX_TEXT},
    {"note", XLSX_TEXT},    {"status", XLSX_TEXT},      {"owner", XLSX_TEXT},
    {"notes", XLSX_TEXT},   {"event_code", XLSX_TEXT},
};

struct inbox {
    enum api_format format;
    struct http_resp *resp;
    struct jw w;
    int n;
};

static void write_zones(struct jw *w, const char *zones)
{
    const char *p = zones;

    jw_arr_begin(w);
    while (p && *p) {
        size_t n = strcspn(p, " ");
        if (n) {
            char code[80];
            snprintf(code, sizeof(code), "%.*s", (int)n, p);
            jw_str(w, code);
        }
        p += n;
        p += strspn(p, " ");
    }
    jw_arr_end(w);
}

/* A CSV field of the export. Its text comes from the public inquiry form
 * and goes to an officer's spreadsheet, which would run a field that
 * begins like a formula: such a field is written after an apostrophe,
 * which spreadsheets take as "text follows" and do not show. */
static void csv_text(struct buf *out, const char *s, int first)
{
    if (s && strchr("=+-@\t\r", s[0]) && s[0]) {
        struct buf quoted;
        buf_init(&quoted, strlen(s) + 2);
        buf_putc(&quoted, '\'');
        buf_puts(&quoted, s);
        csv_write_field(out, buf_cstr(&quoted), quoted.len, first);
        buf_free(&quoted);
        return;
    }
    csv_write_field(out, s ? s : "", s ? strlen(s) : 0, first);
}

static int write_lead(void *arg, const struct khu_row *row)
{
    struct inbox *in = arg;
    size_t i;

    if (in->format != FORMAT_JSON) {
        for (i = 0; inbox_columns[i]; i++) {
            const char *s = row_text(row, inbox_values[i]);
            if (in->format == FORMAT_CSV)
                csv_text(&in->resp->body, s, i == 0);
            else /* a spreadsheet's cell of text is never a formula */
                csv_write_field(&in->resp->body, s ? s : "", s ? strlen(s) : 0, i == 0);
        }
        csv_end_record(&in->resp->body);
    } else {
        jw_obj_begin(&in->w);
        for (i = 0; inbox_columns[i]; i++) {
            const char *s = row_text(row, inbox_values[i]);
            jw_key(&in->w, inbox_columns[i]);
            if (inbox_values[i] == LEAD_COL_ZONES)
                write_zones(&in->w, s);
            else if (s)
                jw_str(&in->w, s);
            else
                jw_null(&in->w);
        }
        jw_obj_end(&in->w);
    }
    in->n++;
    return 0;
}

/* Reads the filters of req into f. Returns 0, or -1 after a 400. */
static int read_filter(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                       struct store_lead_filter *f)
{
    const struct col_def *status =
        &schema_table("leads")->cols[schema_col_index(schema_table("leads"), "status")];
    const struct api_principal *who = api_principal(req);
    const char *v;
    int64_t n;
    char list[160];

    f->status = http_param(req, "status");
    if (f->status && !schema_enum_ok(status, f->status)) {
        http_problem(resp, 400, "status", api_tr(lang, "status must be one of: %s; got '%.40s'"),
                     schema_enum_list(status, list, sizeof(list)), f->status);
        return -1;
    }
    v = http_param(req, "owner");
    if (v && !strcmp(v, "me"))
        f->owner = who ? who->who.name : "";
    else if (v && !strcmp(v, "none"))
        f->owner = "";
    else
        f->owner = v;
    f->limit = INBOX_PAGE_DEFAULT;
    if ((v = http_param(req, "limit"))) {
        if (parse_i64(v, 1, INBOX_PAGE_MAX, &n)) {
            http_problem(resp, 400, "limit",
                         api_tr(lang, "%s must be a whole number from %g to %g; got '%.40s'"),
                         "limit", 1.0, (double)INBOX_PAGE_MAX, v);
            return -1;
        }
        f->limit = (int)n;
    }
    if ((v = http_param(req, "offset"))) {
        if (parse_i64(v, 0, INBOX_OFFSET_MAX, &n)) {
            http_problem(resp, 400, "offset",
                         api_tr(lang, "%s must be a whole number from %g to %g; got '%.40s'"),
                         "offset", 0.0, (double)INBOX_OFFSET_MAX, v);
            return -1;
        }
        f->offset = (int)n;
    }
    return 0;
}

void api_leads_inbox(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"status", "owner", "limit", "offset",
                                          "lang",   "bom",   NULL};
    struct store_lead_filter f = {0};
    struct inbox in = {.resp = resp};
    struct khu_diag d;
    struct store *s;
    enum api_lang lang;
    enum khu_err err;
    long total = 0;
    int bom;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    lang = api_message_lang(req, lang);
    in.format = api_format(req, 0);
    if (api_csv_bom(req, resp, in.format, &bom) || read_filter(req, resp, lang, &f))
        return;
    s = api_store(req, resp);
    if (!s)
        return;
    resp->cache_control = "no-store"; /* a person's contact: never kept on the way */
    if (in.format == FORMAT_CSV || in.format == FORMAT_XLSX) {
        struct buf header;
        size_t i;
        buf_init(&header, 4096);
        for (i = 0; inbox_columns[i]; i++)
            csv_write_field(&header, inbox_columns[i], strlen(inbox_columns[i]), i == 0);
        csv_end_record(&header);
        api_csv_begin(resp, "leads", bom, buf_cstr(&header));
        buf_free(&header);
        f.limit = 0; /* an export is every lead that passes the filter */
        f.offset = 0;
    } else {
        jw_init(&in.w, &resp->body);
        jw_obj_begin(&in.w);
        jw_key(&in.w, "items");
        jw_arr_begin(&in.w);
    }
    khu_diag_clear(&d);
    err = store_leads_list(s, &f, write_lead, &in, &total, &d);
    if (err) {
        buf_reset(&resp->body);
        resp->content_type = "application/json";
        resp->content_disposition[0] = '\0';
        api_error(resp, err, &d);
        return;
    }
    if (in.format == FORMAT_XLSX)
        api_xlsx_from_csv(req, resp, s, "leads", leads_xlsx, XLSX_NCOLS(leads_xlsx), NULL);
    if (in.format != FORMAT_JSON)
        return;
    jw_arr_end(&in.w);
    jw_key(&in.w, "total");
    jw_int(&in.w, total);
    jw_key(&in.w, "limit");
    jw_int(&in.w, f.limit);
    jw_key(&in.w, "offset");
    jw_int(&in.w, f.offset);
    jw_obj_end(&in.w);
    buf_putc(&resp->body, '\n');
}
