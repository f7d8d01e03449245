/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/dossier_stats (.csv, .xlsx): how each department answers
 * its consultations, or how each procedure's dossiers are decided, for
 * everyone: handled in a period, the share on time, the median and 90th
 * percentile of working days taken, open and overdue today. Only counts
 * and days: never a dossier, an investor or an opinion.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/cache.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "api/xlsx_answer.h"
#include "app/app_dossier_stats.h"
#include "core/csv.h"
#include "core/json_out.h"
#include "core/num.h"

static const struct xlsx_col stats_xlsx[] = {
    {"group", XLSX_TEXT},
    {"name_vi", XLSX_TEXT},
    {"name_en", XLSX_TEXT},
    {"name_ko", XLSX_TEXT},
    {"handled", XLSX_INTEGER},
    {"with_due", XLSX_INTEGER},
    {"on_time", XLSX_INTEGER},
    {"on_time_share", XLSX_NUMBER},
    {"median_working_days", XLSX_NUMBER},
    {"p90_working_days", XLSX_NUMBER},
    {"open", XLSX_INTEGER},
    {"overdue", XLSX_INTEGER},
};

static const char csv_header[] = "group,name_vi,name_en,name_ko,handled,with_due,on_time,"
                                 "on_time_share,median_working_days,p90_working_days,open,"
                                 "overdue\r\n";

/* A CSV field (core/csv.h's quoting), then a comma or the record's end. */
static void csv_text(struct buf *b, const char *s, int last)
{
    csv_write_field(b, s ? s : "", s ? strlen(s) : 0, 1);
    buf_puts(b, last ? "\r\n" : ",");
}

static void csv_number(struct buf *b, double v, int last)
{
    if (v >= 0)
        buf_printf(b, "%.6g", v);
    buf_puts(b, last ? "\r\n" : ",");
}

static void write_csv(struct buf *b, struct app_dossier_stats *st)
{
    size_t i;
    int k;

    for (i = 0; i < st->n; i++) {
        struct app_dossier_group *g = &st->group[i];
        csv_text(b, g->key, 0);
        for (k = 0; k < 3; k++)
            csv_text(b, g->name[k], 0);
        buf_printf(b, "%ld,%ld,%ld,", g->done.handled, g->done.with_due, g->done.on_time);
        csv_number(b, dossier_stat_on_time(&g->done), 0);
        csv_number(b, dossier_stat_quantile(&g->done, 0.5), 0);
        csv_number(b, dossier_stat_quantile(&g->done, 0.9), 0);
        buf_printf(b, "%ld,%ld\r\n", g->open, g->overdue);
    }
}

static void opt_number(struct jw *w, const char *key, double v)
{
    jw_key(w, key);
    if (v < 0)
        jw_null(w);
    else
        jw_real(w, v);
}

static void write_json(struct jw *w, struct app_dossier_stats *st, enum api_lang lang,
                       const char *by, const char *from, const char *to, const char *today)
{
    size_t i;

    jw_obj_begin(w);
    jw_key(w, "by");
    jw_str(w, by);
    jw_opt_str(w, "from", from);
    jw_opt_str(w, "to", to);
    jw_key(w, "today");
    jw_str(w, today);
    jw_key(w, "items");
    jw_arr_begin(w);
    for (i = 0; i < st->n; i++) {
        struct app_dossier_group *g = &st->group[i];
        const char *name = g->name[lang == LANG_EN ? 1 : lang == LANG_KO ? 2 : 0];
        jw_obj_begin(w);
        jw_key(w, "group");
        jw_str(w, g->key);
        jw_opt_str(w, "name", name ? name : g->name[0]);
        jw_key(w, "handled");
        jw_int(w, g->done.handled);
        jw_key(w, "with_due");
        jw_int(w, g->done.with_due);
        jw_key(w, "on_time");
        jw_int(w, g->done.on_time);
        opt_number(w, "on_time_share", dossier_stat_on_time(&g->done));
        opt_number(w, "median_working_days", dossier_stat_quantile(&g->done, 0.5));
        opt_number(w, "p90_working_days", dossier_stat_quantile(&g->done, 0.9));
        jw_key(w, "open");
        jw_int(w, g->open);
        jw_key(w, "overdue");
        jw_int(w, g->overdue);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_key(w, "note");
    jw_str(w, api_tr(lang, "Handled: consultations answered (dossiers decided) in the period. On "
                           "time: of those whose time limit was known, the share done by the due "
                           "day. Working days leave out weekends, days off and the days a "
                           "question to the investor stopped the clock. Open and overdue: today."));
    jw_key(w, "lang");
    jw_str(w, api_lang_code(lang));
    jw_obj_end(w);
    buf_putc(w->b, '\n');
}

void api_dossier_stats(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"by", "from", "to", "only", "lang", "bom", NULL};
    const char *by = http_param(req, "by"), *from = http_param(req, "from"),
               *to = http_param(req, "to"), *only = http_param(req, "only");
    enum api_format format = api_format(req, 0);
    struct api_cache_ticket ticket;
    struct app_dossier_stats st;
    char today[16], name[48];
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;
    int32_t day;
    int bom, i;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang) ||
        api_csv_bom(req, resp, format, &bom))
        return;
    by = by ? by : "department";
    if (strcmp(by, "department") != 0 && strcmp(by, "procedure") != 0) {
        http_problem(resp, 400, "by", api_tr(lang, "%s must be one of: %s; got '%.40s'"), "by",
                     "department, procedure", by);
        return;
    }
    if (only && strcmp(only, "open") != 0) {
        http_problem(resp, 400, "only", api_tr(lang, "%s must be one of: %s; got '%.40s'"), "only",
                     "open", only);
        return;
    }
    for (i = 0; i < 2; i++) {
        const char *v = i ? to : from;
        if (v && parse_date(v, &day)) {
            http_problem(resp, 400, i ? "to" : "from",
                         api_tr(lang, "%s must be a date YYYY-MM-DD; got '%.40s'"),
                         i ? "to" : "from", v);
            return;
        }
    }
    s = api_store(req, resp);
    api_today(req, today);
    /* today is part of the answer (what is overdue): part of its key too */
    snprintf(name, sizeof(name), "dossier_stats@%s", today);
    if (!s || api_cache_get(&ticket, s, name, req, lang, format, resp))
        return;
    if (!only && http_to_lane(req, resp)) /* built over every dossier done */
        return;
    khu_diag_clear(&d);
    err = only ? app_dossier_open(s, !strcmp(by, "procedure"), today, &st, &d)
               : app_dossier_stats(s, !strcmp(by, "procedure"), from, to, today, &st, &d);
    if (err) {
        api_error(resp, err, &d);
        return;
    }
    if (format == FORMAT_CSV || format == FORMAT_XLSX) {
        api_csv_begin(resp, "dossier_stats", bom, csv_header);
        write_csv(&resp->body, &st);
        if (format == FORMAT_XLSX)
            api_xlsx_from_csv(req, resp, s, "dossier_stats", stats_xlsx, XLSX_NCOLS(stats_xlsx),
                              NULL);
    } else {
        struct jw w;
        jw_init(&w, &resp->body);
        write_json(&w, &st, lang, by, from, to, today);
    }
    app_dossier_stats_free(&st);
    api_cache_keep(&ticket, resp);
}
