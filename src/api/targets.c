/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/targets: each planning target with the value now (live from
 * the registry or the latest reported figure, as the target's basis says),
 * both figures side by side, the share done, the trend and whether it
 * reaches the target by its date.
 */
#include <string.h>

#include "store/sqlite/sq.h" /* TRANSITIONAL: until this file goes through the store interface */
#include "api/api.h"
#include "api/handlers.h"
#include "core/csv.h"
#include "core/num.h"
#include "core/target.h"
#include "core/xalloc.h"
#include "store/metrics.h"
#include "store/sqlite/rows.h"

#define MAX_OBS 256

struct target_row {
    struct target_input in;
    struct target_point obs[MAX_OBS + 1];
    struct metric_value live;
    int has_reported;
    double reported;
    char reported_on[11];
    struct target_progress out;
};

enum {
    T_CODE,
    T_METRIC,
    T_SCOPE_UNIT,
    T_NAME_VI,
    T_NAME_EN,
    T_NAME_KO,
    T_BASIS,
    T_DIRECTION,
    T_BASELINE,
    T_BASELINE_ON,
    T_TARGET,
    T_DUE_ON
};

static const char target_sql[] =
    "SELECT code, metric, scope_unit, name_vi, name_en, name_ko, basis, direction,"
    " baseline_value, baseline_on, target_value, due_on, * FROM targets ORDER BY code";

static int32_t day_of(sqlite3_stmt *st, int col)
{
    int32_t d = 0;
    const char *s = (const char *)sqlite3_column_text(st, col);

    if (s)
        parse_date(s, &d);
    return d;
}

static void load_observations(struct store *s, const char *code, struct target_row *t)
{
    sqlite3_stmt *st = NULL;

    t->in.nobs = 0;
    /* the latest MAX_OBS observations, newest first: the first is the value now */
    if (sqlite3_prepare_v2(s->db,
                           "SELECT observed_on, value FROM observations"
                           " WHERE target_code = ? ORDER BY observed_on DESC LIMIT 256",
                           -1, &st, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW && t->in.nobs < MAX_OBS) {
        t->obs[t->in.nobs].day = day_of(st, 0);
        t->obs[t->in.nobs++].value = sqlite3_column_double(st, 1);
        if (t->has_reported)
            continue;
        t->has_reported = 1;
        t->reported = sqlite3_column_double(st, 1);
        snprintf(t->reported_on, sizeof(t->reported_on), "%s", sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
}

static void compute_row(struct store *s, sqlite3_stmt *st, int32_t today, struct target_row *t)
{
    const char *basis = (const char *)sqlite3_column_text(st, T_BASIS);
    const char *dir = (const char *)sqlite3_column_text(st, T_DIRECTION);

    memset(t, 0, sizeof(*t));
    t->in.has_baseline = sqlite3_column_type(st, T_BASELINE) != SQLITE_NULL;
    t->in.baseline = sqlite3_column_double(st, T_BASELINE);
    t->in.baseline_day = day_of(st, T_BASELINE_ON);
    t->in.has_target = sqlite3_column_type(st, T_TARGET) != SQLITE_NULL &&
                       sqlite3_column_type(st, T_DUE_ON) != SQLITE_NULL;
    t->in.target = sqlite3_column_double(st, T_TARGET);
    t->in.due_day = day_of(st, T_DUE_ON);
    t->in.decrease = dir && strcmp(dir, "decrease") == 0;
    t->in.today = today;
    t->in.obs = t->obs;
    load_observations(s, (const char *)sqlite3_column_text(st, T_CODE), t);
    metric_live(s, (const char *)sqlite3_column_text(st, T_METRIC),
                (const char *)sqlite3_column_text(st, T_SCOPE_UNIT), &t->live);
    if (strcmp(basis, "registry") == 0 && t->live.result == METRIC_OK) {
        t->obs[t->in.nobs].day = today;
        t->obs[t->in.nobs++].value = t->live.value;
    }
    target_compute(&t->in, &t->out);
}

static void json_opt_real(struct jw *w, const char *key, int has, double v)
{
    jw_key(w, key);
    if (has)
        jw_real(w, v);
    else
        jw_null(w);
}

static void write_json_figures(struct jw *w, const struct target_row *t)
{
    char day[11];

    json_opt_real(w, "value", t->out.has_current, t->out.current);
    jw_key(w, "value_on");
    format_date(t->out.current_day, day);
    jw_str(w, t->out.has_current ? day : NULL);
    jw_key(w, "registry");
    if (t->live.result == METRIC_NOT_LIVE) {
        jw_null(w);
    } else {
        jw_obj_begin(w);
        json_opt_real(w, "value", t->live.result == METRIC_OK, t->live.value);
        jw_key(w, "counted");
        jw_int(w, t->live.counted);
        jw_key(w, "unknown");
        jw_int(w, t->live.unknown);
        jw_obj_end(w);
    }
    jw_key(w, "reported");
    if (t->has_reported) {
        jw_obj_begin(w);
        jw_key(w, "value");
        jw_real(w, t->reported);
        jw_key(w, "observed_on");
        jw_str(w, t->reported_on);
        jw_obj_end(w);
    } else {
        jw_null(w);
    }
    json_opt_real(w, "share_done", t->out.has_share, t->out.share_done);
    json_opt_real(w, "trend_per_year", t->out.has_trend, t->out.slope_per_year);
    json_opt_real(w, "projected", t->out.has_trend, t->out.projected);
    jw_key(w, "verdict");
    jw_str(w, target_verdict_name(t->out.verdict));
}

static void write_observations(struct jw *w, struct store *s, const char *code)
{
    sqlite3_stmt *st = NULL;
    const struct table_def *t = schema_table("observations");

    jw_key(w, "observations");
    jw_arr_begin(w);
    if (sqlite3_prepare_v2(s->db,
                           "SELECT * FROM observations WHERE target_code = ?"
                           " ORDER BY observed_on",
                           -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            jw_obj_begin(w);
            rows_json_fields(w, t, st, 0);
            jw_obj_end(w);
        }
    }
    sqlite3_finalize(st);
    jw_arr_end(w);
}

static void write_name(struct jw *w, sqlite3_stmt *st, enum api_lang lang)
{
    int col = lang == LANG_KO ? T_NAME_KO : lang == LANG_EN ? T_NAME_EN : T_NAME_VI;
    const char *langs[] = {"vi", "en", "ko"};
    int l = (int)lang;

    while (col > T_NAME_VI && sqlite3_column_type(st, col) == SQLITE_NULL) {
        col--;
        l--;
    }
    jw_key(w, "name");
    jw_str(w, (const char *)sqlite3_column_text(st, col));
    jw_key(w, "name_lang");
    jw_str(w, langs[l]);
}

static void write_csv_row(struct buf *b, sqlite3_stmt *st, const struct target_row *t)
{
    char num[40], day[11];
    const char *cols[] = {(const char *)sqlite3_column_text(st, T_CODE),
                          (const char *)sqlite3_column_text(st, T_METRIC),
                          (const char *)sqlite3_column_text(st, T_NAME_VI),
                          (const char *)sqlite3_column_text(st, T_BASIS)};
    size_t i;

    for (i = 0; i < 4; i++)
        csv_write_field(b, cols[i] ? cols[i] : "", cols[i] ? strlen(cols[i]) : 0, i == 0);
    rows_csv_fields(b, st, T_BASELINE, 4, 0);
    format_real(t->out.current, num, sizeof(num));
    csv_write_field(b, t->out.has_current ? num : "", t->out.has_current ? strlen(num) : 0, 0);
    format_date(t->out.current_day, day);
    csv_write_field(b, t->out.has_current ? day : "", t->out.has_current ? 10 : 0, 0);
    format_real(t->out.share_done, num, sizeof(num));
    csv_write_field(b, t->out.has_share ? num : "", t->out.has_share ? strlen(num) : 0, 0);
    format_real(t->out.projected, num, sizeof(num));
    csv_write_field(b, t->out.has_trend ? num : "", t->out.has_trend ? strlen(num) : 0, 0);
    csv_write_field(b, target_verdict_name(t->out.verdict),
                    strlen(target_verdict_name(t->out.verdict)), 0);
    csv_end_record(b);
}

void api_targets(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    static const char csv_header[] = "code,metric,name_vi,basis,baseline_value,baseline_on,"
                                     "target_value,due_on,value,value_on,share_done,projected,"
                                     "verdict\r\n";
    struct api_app *app = req->app;
    struct store *s;
    struct target_row *t = NULL;
    sqlite3_stmt *st = NULL;
    enum api_lang lang;
    enum api_format format = api_format(req, 0);
    const struct table_def *def = schema_table("targets");
    struct jw w;
    long n = 0;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    s = api_store(req, resp);
    t = s ? xmalloc(sizeof(*t)) : NULL;
    if (!s || !t || sqlite3_prepare_v2(s->db, target_sql, -1, &st, NULL) != SQLITE_OK) {
        if (s)
            api_db_error(resp, s);
        goto out;
    }
    jw_init(&w, &resp->body);
    if (format == FORMAT_CSV) {
        resp->content_type = "text/csv; charset=utf-8";
        snprintf(resp->content_disposition, sizeof(resp->content_disposition),
                 "attachment; filename=\"targets.csv\"");
        buf_puts(&resp->body, csv_header);
    } else {
        jw_obj_begin(&w);
        jw_key(&w, "items");
        jw_arr_begin(&w);
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        n++;
        compute_row(s, st, app->today, t);
        if (format == FORMAT_CSV) {
            write_csv_row(&resp->body, st, t);
            continue;
        }
        jw_obj_begin(&w);
        write_name(&w, st, lang);
        rows_json_fields(&w, def, st, T_DUE_ON + 1);
        write_json_figures(&w, t);
        write_observations(&w, s, (const char *)sqlite3_column_text(st, T_CODE));
        jw_obj_end(&w);
    }
    if (format != FORMAT_CSV) {
        jw_arr_end(&w);
        jw_key(&w, "total");
        jw_int(&w, n);
        jw_key(&w, "lang");
        jw_str(&w, api_lang_code(lang));
        jw_obj_end(&w);
        buf_putc(&resp->body, '\n');
    }
out:
    sqlite3_finalize(st);
    xfree(t);
}
