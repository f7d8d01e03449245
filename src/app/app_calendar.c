/* SPDX-License-Identifier: MIT */
/*
 * The working-day calendar, loaded (app_calendar.h).
 */
#include "app/app_calendar.h"

#include <string.h>

#include "core/num.h"
#include "core/xalloc.h"
#include "store/calendar.h"

static const char *const kinds[] = {
    [WORKDAY_HOLIDAY] = "holiday",           [WORKDAY_DAY_OFF] = "day_off",
    [WORKDAY_COMPENSATORY] = "compensatory", [WORKDAY_WORKING_SATURDAY] = "working_saturday",
    [WORKDAY_CONDITIONAL] = "conditional",
};

struct load {
    struct app_calendar *c;
    size_t cap;
    enum khu_err err;
    struct khu_diag *d;
};

static char *copy(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static int take_day(void *arg, const struct khu_row *row)
{
    struct load *l = arg;
    struct app_calendar *c = l->c;
    size_t n = c->cal.nrows, k;
    const char *date = row_text(row, CALENDAR_DATE), *kind = row_text(row, CALENDAR_KIND);
    struct workday_row r = {0};

    if (!date || parse_date(date, &r.day)) {
        khu_diag_set(l->d, 0, 0, "date", "the calendar has a day that is not a date: %.40s",
                     date ? date : "(none)");
        l->err = KHU_EDB;
        return 1;
    }
    for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]) && (!kind || strcmp(kinds[k], kind)); k++)
        ;
    if (k == sizeof(kinds) / sizeof(kinds[0])) {
        khu_diag_set(l->d, 0, 0, "kind", "the calendar's day %s has an unknown kind", date);
        l->err = KHU_EDB;
        return 1;
    }
    r.kind = (enum workday_kind)k;
    r.provisional = row_int(row, CALENDAR_PROVISIONAL) == 1;
    if (n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        struct workday_row *rows = xrealloc(c->rows, cap * sizeof(*rows));
        struct app_calendar_day *day = rows ? xrealloc(c->day, cap * sizeof(*day)) : NULL;
        if (rows)
            c->rows = rows;
        if (!rows || !day) {
            l->err = KHU_ENOMEM;
            return 1;
        }
        c->day = day;
        l->cap = cap;
    }
    c->rows[n] = r;
    memset(&c->day[n], 0, sizeof(c->day[n]));
    c->day[n].name[0] = copy(row_text(row, CALENDAR_NAME_VI));
    c->day[n].name[1] = copy(row_text(row, CALENDAR_NAME_EN));
    c->day[n].name[2] = copy(row_text(row, CALENDAR_NAME_KO));
    c->day[n].source = copy(row_text(row, CALENDAR_SOURCE));
    c->cal.rows = c->rows;
    c->cal.nrows = n + 1;
    return 0;
}

enum khu_err app_calendar_load(struct store *s, struct app_calendar *c, struct khu_diag *d)
{
    struct load l = {c, 0, KHU_OK, d};
    enum khu_err err;
    size_t bad;

    memset(c, 0, sizeof(*c));
    err = store_calendar_days(s, take_day, &l, d);
    if (!err)
        err = l.err;
    if (!err && (bad = workday_calendar_check(&c->cal)) != 0) {
        char date[11];
        format_date(c->rows[bad - 1].day, date);
        khu_diag_set(d, 0, 0, "kind",
                     "the calendar's day %s is a working Saturday but not a Saturday", date);
        err = KHU_EDB;
    }
    if (err)
        app_calendar_free(c);
    return err;
}

void app_calendar_free(struct app_calendar *c)
{
    size_t i, k;

    for (i = 0; c->day && i < c->cal.nrows; i++) {
        for (k = 0; k < 3; k++)
            xfree(c->day[i].name[k]);
        xfree(c->day[i].source);
    }
    xfree(c->rows);
    xfree(c->day);
    memset(c, 0, sizeof(*c));
}

long app_calendar_find(const struct app_calendar *c, int32_t day)
{
    const struct workday_row *r = workday_row_of(&c->cal, day);

    return r ? (long)(r - c->cal.rows) : -1;
}

int app_calendar_year_of(int32_t day)
{
    char s[11];

    format_date(day, s);
    return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

enum app_year_state app_calendar_year(const struct app_calendar *c, int year)
{
    enum app_year_state st = APP_YEAR_UNKNOWN;
    size_t i;

    for (i = 0; i < c->cal.nrows; i++) {
        if (app_calendar_year_of(c->rows[i].day) != year)
            continue;
        if (!c->rows[i].provisional)
            return APP_YEAR_OFFICIAL;
        st = APP_YEAR_PROVISIONAL;
    }
    return st;
}

const char *app_year_state_name(enum app_year_state st)
{
    return st == APP_YEAR_OFFICIAL      ? "official"
           : st == APP_YEAR_PROVISIONAL ? "provisional"
                                        : "unknown";
}
