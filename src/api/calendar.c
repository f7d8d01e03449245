/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/calendar (the working-day calendar, by year) and GET
 * /api/v1/calendar/deadline (the due day of a time limit, with the days
 * off it skipped), both public: investors plan with them too. The counting
 * is core/workday.h's; the calendar comes from app/app_calendar.h.
 */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "app/app_calendar.h"
#include "core/json_out.h"
#include "core/num.h"

/* The name of day i in lang, or in Vietnamese when it has none there. */
static const char *day_name(const struct app_calendar *c, long i, enum api_lang lang)
{
    const char *n = c->day[i].name[lang == LANG_EN ? 1 : lang == LANG_KO ? 2 : 0];

    return n && n[0] ? n : c->day[i].name[0];
}

static void put_date(struct jw *w, const char *key, int32_t day)
{
    char s[11];

    format_date(day, s);
    jw_key(w, key);
    jw_str(w, s);
}

/* Writes row i of c as an object, with its source when with_source. */
static void put_day(struct jw *w, const struct app_calendar *c, long i, enum api_lang lang,
                    int with_source)
{
    jw_obj_begin(w);
    put_date(w, "date", c->rows[i].day);
    jw_key(w, "kind");
    jw_str(w, workday_kind_name(c->rows[i].kind));
    jw_key(w, "name");
    jw_str(w, day_name(c, i, lang));
    jw_key(w, "provisional");
    jw_bool(w, c->rows[i].provisional);
    if (with_source)
        jw_opt_str(w, "source", c->day[i].source);
    jw_obj_end(w);
}

/* Writes "years": how far the calendar knows each year from first to
 * last; sets *provisional and *unknown when one of them is so. */
static void put_years(struct jw *w, const struct app_calendar *c, int first, int last,
                      int *provisional, int *unknown)
{
    int y;

    jw_key(w, "years");
    jw_arr_begin(w);
    for (y = first; y <= last; y++) {
        enum app_year_state st = app_calendar_year(c, y);
        *provisional |= st == APP_YEAR_PROVISIONAL;
        *unknown |= st == APP_YEAR_UNKNOWN;
        jw_obj_begin(w);
        jw_key(w, "year");
        jw_int(w, y);
        jw_key(w, "calendar");
        jw_str(w, app_year_state_name(st));
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

/* Loads the calendar for a handler; answers and returns -1 on failure. */
static int load(struct http_req *req, struct http_resp *resp, struct app_calendar *c)
{
    struct store *s = api_store(req, resp);
    struct khu_diag d;
    enum khu_err err;

    if (!s)
        return -1;
    khu_diag_clear(&d);
    err = app_calendar_load(s, c, &d);
    if (err) {
        api_error(resp, err, &d);
        return -1;
    }
    return 0;
}

void api_calendar(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"year", "lang", NULL};
    struct app_calendar c;
    enum api_lang lang;
    struct jw w;
    int64_t year = 0;
    int provisional = 0, unknown = 0, first, last;
    size_t i;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang) ||
        api_int_param(req, resp, lang, "year", 1000, 9999, &year) || load(req, resp, &c))
        return;
    first = year ? (int)year : c.cal.nrows ? app_calendar_year_of(c.rows[0].day) : 0;
    last = year ? (int)year : c.cal.nrows ? app_calendar_year_of(c.rows[c.cal.nrows - 1].day) : -1;
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "items");
    jw_arr_begin(&w);
    for (i = 0; i < c.cal.nrows; i++)
        if (!year || app_calendar_year_of(c.rows[i].day) == year)
            put_day(&w, &c, (long)i, lang, 1);
    jw_arr_end(&w);
    put_years(&w, &c, first, last, &provisional, &unknown);
    jw_key(&w, "weekends");
    jw_str(&w, api_tr(lang, "Saturdays and Sundays are days off unless a row makes a Saturday a "
                            "working day."));
    jw_key(&w, "lang");
    jw_str(&w, api_lang_code(lang));
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
    app_calendar_free(&c);
}

/* Writes the days off in (from, due] that the count skipped: weekends and
 * the calendar's days off. */
static void put_skipped(struct jw *w, const struct app_calendar *c, int32_t from, int32_t due,
                        enum api_lang lang)
{
    int32_t day;

    jw_key(w, "skipped");
    jw_arr_begin(w);
    for (day = from + 1; day <= due; day++) {
        long i = app_calendar_find(c, day);
        if (workday_is_working(&c->cal, day))
            continue;
        if (i >= 0 && c->rows[i].kind != WORKDAY_WORKING_SATURDAY) {
            put_day(w, c, i, lang, 0);
        } else {
            jw_obj_begin(w);
            put_date(w, "date", day);
            jw_key(w, "kind");
            jw_str(w, "weekend");
            jw_obj_end(w);
        }
    }
    jw_arr_end(w);
}

/* Writes the calendar's rows in (from, due] that were counted as working
 * days though they are rows: working Saturdays and conditional days. */
static void put_counted(struct jw *w, const struct app_calendar *c, int32_t from, int32_t due,
                        enum api_lang lang)
{
    size_t i;

    jw_key(w, "counted");
    jw_arr_begin(w);
    for (i = 0; i < c->cal.nrows; i++)
        if (c->rows[i].day > from && c->rows[i].day <= due &&
            workday_is_working(&c->cal, c->rows[i].day))
            put_day(w, c, (long)i, lang, 0);
    jw_arr_end(w);
}

void api_calendar_deadline(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"from", "days", "kind", "lang", NULL};
    const char *from_text = http_param(req, "from"), *kind = http_param(req, "kind");
    enum workday_count count = WORKDAY_COUNT_WORKING;
    struct app_calendar c;
    enum api_lang lang;
    int32_t from = 0, due, last = 0;
    int64_t days = -1;
    int provisional = 0, unknown = 0;
    struct jw w;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    if (!from_text || parse_date(from_text, &from)) {
        http_problem(resp, 400, "from", api_tr(lang, "%s must be a date YYYY-MM-DD; got '%.40s'"),
                     "from", from_text ? from_text : "");
        return;
    }
    if (api_int_param(req, resp, lang, "days", 0, WORKDAY_MAX_DAYS, &days))
        return;
    if (days < 0) {
        http_problem(resp, 400, "days",
                     api_tr(lang, "%s must be a whole number from %g to %g; got '%.40s'"), "days",
                     0.0, (double)WORKDAY_MAX_DAYS, "");
        return;
    }
    if (kind && !strcmp(kind, "calendar"))
        count = WORKDAY_COUNT_CALENDAR;
    else if (kind && strcmp(kind, "working")) {
        http_problem(resp, 400, "kind", api_tr(lang, "%s must be working or calendar; got '%.40s'"),
                     "kind", kind);
        return;
    }
    if (load(req, resp, &c))
        return;
    due = workday_due(&c.cal, from, (int)days, count, NULL, 0);
    if (parse_date("9999-12-31", &last) || due > last) {
        http_problem(resp, 400, "days", "%s",
                     api_tr(lang, "The due day would fall after 9999-12-31."));
        app_calendar_free(&c);
        return;
    }
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    put_date(&w, "from", from);
    jw_key(&w, "days");
    jw_int(&w, days);
    jw_key(&w, "kind");
    jw_str(&w, count == WORKDAY_COUNT_CALENDAR ? "calendar" : "working");
    put_date(&w, "due", due);
    jw_key(&w, "working_days");
    jw_int(&w, workday_between(&c.cal, from, due, NULL, 0));
    put_skipped(&w, &c, from, due, lang);
    put_counted(&w, &c, from, due, lang);
    put_years(&w, &c, app_calendar_year_of(from), app_calendar_year_of(due), &provisional,
              &unknown);
    jw_key(&w, "provisional");
    jw_bool(&w, provisional);
    jw_key(&w, "calendar_complete");
    jw_bool(&w, !unknown);
    jw_key(&w, "rule");
    if (count == WORKDAY_COUNT_CALENDAR)
        jw_str(&w, api_tr(lang, "The day of receipt is not counted; a limit in calendar days that "
                                "ends on a day off ends on the next working day (Civil Code, Arts. "
                                "147-148)."));
    else
        jw_str(&w, api_tr(lang, "The day of receipt is not counted; only working days are counted: "
                                "not weekends, public holidays or the Government's days off; a "
                                "Saturday it makes a working day counts."));
    if (unknown) {
        jw_key(&w, "warning");
        jw_str(&w, api_tr(lang, "The calendar has no days off for a year this count crosses: only "
                                "weekends were skipped there, and the due day may move once the "
                                "year's holidays are known."));
    } else if (provisional) {
        jw_key(&w, "warning");
        jw_str(&w, api_tr(lang, "The calendar of a year this count crosses is provisional, worked "
                                "out from the Labour Code's rules: the due day may move once the "
                                "Government announces the year's days off."));
    }
    jw_key(&w, "lang");
    jw_str(&w, api_lang_code(lang));
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
    app_calendar_free(&c);
}
