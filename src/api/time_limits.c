/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/time_limits: the statutory time limits, of a procedure and
 * in force on a day when asked, each saying whether it is known; and the
 * procedures that have no limit in force that day, shown as unknown rather
 * than left out. Public: an investor plans with them.
 */
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "app/app_time_limits.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/schema.h"

struct encode {
    struct jw *w;
    const struct table_def *t;
    const struct col_def *procedures;
    int seen[16]; /* procedures that have a row, by index in procedures->values */
    long n;
};

static int procedure_index(const struct col_def *c, const char *p)
{
    int i;

    for (i = 0; p && c->values[i]; i++)
        if (strcmp(c->values[i], p) == 0)
            return i;
    return -1;
}

static int encode_limit(void *arg, const struct khu_row *row)
{
    struct encode *e = arg;
    int i = procedure_index(e->procedures, row_text(row, TIME_LIMIT_PROCEDURE));

    if (i >= 0 && i < 16)
        e->seen[i] = 1;
    jw_obj_begin(e->w);
    row_json_fields(e->w, e->t, row, 0);
    jw_key(e->w, "known");
    jw_bool(e->w, app_time_limit_known(row));
    jw_obj_end(e->w);
    e->n++;
    return 0;
}

void api_time_limits(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"procedure", "on", "lang", NULL};
    const char *procedure = http_param(req, "procedure"), *on = http_param(req, "on");
    const struct table_def *t = schema_table("time_limits");
    struct encode e = {0};
    enum api_lang lang;
    struct khu_diag d;
    struct store *s;
    enum khu_err err;
    char list[256];
    int32_t day;
    struct jw w;
    int i;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    e.t = t;
    e.procedures = &t->cols[schema_col_index(t, "procedure")];
    if (procedure && procedure_index(e.procedures, procedure) < 0) {
        http_problem(resp, 400, "procedure", api_tr(lang, "%s must be one of: %s; got '%.40s'"),
                     "procedure", schema_enum_list(e.procedures, list, sizeof(list)), procedure);
        return;
    }
    if (on && parse_date(on, &day)) {
        http_problem(resp, 400, "on", api_tr(lang, "%s must be a date YYYY-MM-DD; got '%.40s'"),
                     "on", on);
        return;
    }
    s = api_store(req, resp);
    if (!s)
        return;
    jw_init(&w, &resp->body);
    e.w = &w;
    jw_obj_begin(&w);
    jw_key(&w, "items");
    jw_arr_begin(&w);
    khu_diag_clear(&d);
    err = app_time_limits_on(s, procedure, on, encode_limit, &e, &d);
    if (err) {
        buf_reset(&resp->body);
        api_error(resp, err, &d);
        return;
    }
    jw_arr_end(&w);
    jw_key(&w, "total");
    jw_int(&w, e.n);
    if (on) {
        jw_key(&w, "on");
        jw_str(&w, on);
        /* the procedures with no limit in force that day: unknown, not none */
        jw_key(&w, "unknown_procedures");
        jw_arr_begin(&w);
        for (i = 0; e.procedures->values[i]; i++)
            if (!e.seen[i] && (!procedure || !strcmp(procedure, e.procedures->values[i])))
                jw_str(&w, e.procedures->values[i]);
        jw_arr_end(&w);
    }
    jw_key(&w, "note");
    jw_str(&w, api_tr(lang, "A limit with known false, or a procedure with no limit in force, "
                            "is one no source read gives: it is unknown, not none."));
    jw_key(&w, "lang");
    jw_str(&w, api_lang_code(lang));
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}
