/* SPDX-License-Identifier: MIT */
/*
 * The working-day calendar, loaded (app_calendar.h).
 */
#include "app/app_calendar.h"

#include <stdio.h>
#include <string.h>

#include "app/app_edit.h"
#include "core/num.h"
#include "core/workday_rules.h"
#include "store/rows.h"
#include "core/xalloc.h"
#include "store/calendar.h"

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
    size_t n = c->cal.nrows;
    const char *date = row_text(row, CALENDAR_DATE), *kind = row_text(row, CALENDAR_KIND);
    struct workday_row r = {0};

    if (!date || parse_date(date, &r.day)) {
        khu_diag_set(l->d, 0, 0, "date", "the calendar has a day that is not a date: %.40s",
                     date ? date : "(none)");
        l->err = KHU_EDB;
        return 1;
    }
    if (workday_kind_parse(kind, &r.kind)) {
        khu_diag_set(l->d, 0, 0, "kind", "the calendar's day %s has an unknown kind", date);
        l->err = KHU_EDB;
        return 1;
    }
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
    c->cal.nrows = n + 1; /* freed with the rest, even half-copied */
    if (!c->day[n].name[0] || (row_text(row, CALENDAR_NAME_EN) && !c->day[n].name[1]) ||
        (row_text(row, CALENDAR_NAME_KO) && !c->day[n].name[2]) ||
        (row_text(row, CALENDAR_SOURCE) && !c->day[n].source)) {
        l->err = KHU_ENOMEM;
        return 1;
    }
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

struct fill {
    const struct workday_rule_day *days;
    size_t n;
    const char *source, *today;
    int added, kept;
};

/* Writes the rows of f that the calendar does not have, in one write. */
static enum khu_err fill_in_tx(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct fill *f = arg;
    struct app_edit_result out;
    enum khu_err err = KHU_OK;
    size_t i;

    f->added = f->kept = 0;
    for (i = 0; i < f->n && !err; i++) {
        const char *const *names = workday_rules_names(f->days[i].what);
        int comp = f->days[i].kind == WORKDAY_COMPENSATORY, exists = 0;
        char date[11], vi[160], en[160], ko[160];
        format_date(f->days[i].day, date);
        err = store_row_exists(tx, "calendar_days", "date", date, &exists, d);
        if (err || exists) {
            f->kept += exists;
            continue;
        }
        snprintf(vi, sizeof(vi), "%s%s", comp ? "Nghỉ bù " : "", names ? names[0] : "");
        snprintf(en, sizeof(en), "%s%s", comp ? "Compensatory day for " : "",
                 names ? names[1] : "");
        snprintf(ko, sizeof(ko), "%s%s", names ? names[2] : "", comp ? " 대체 휴일" : "");
        {
            const struct app_edit_field fields[] = {
                {"date", date, strlen(date)},
                {"kind", workday_kind_name(f->days[i].kind),
                 strlen(workday_kind_name(f->days[i].kind))},
                {"name_vi", vi, strlen(vi)},
                {"name_en", en, strlen(en)},
                {"name_ko", ko, strlen(ko)},
                {"provisional", "1", 1},
            };
            const struct app_edit_request r = {.table = "calendar_days",
                                               .fields = fields,
                                               .nfields = sizeof(fields) / sizeof(fields[0]),
                                               .source = f->source,
                                               .as_of = f->today,
                                               .today = f->today};
            err = app_edit_in(tx, &r, &out, d);
            if (err == KHU_EINVAL && out.nproblems)
                *d = out.problem[0];
        }
        f->added += !err;
    }
    return err;
}

enum khu_err app_calendar_fill(struct store *s, const struct store_actor *actor, int year,
                               int32_t tet, int32_t hung_kings, const char *today, int *added,
                               int *kept, struct khu_diag *d)
{
    struct workday_rule_day days[WORKDAY_RULES_MAX];
    char source[400], t[11], h[11];
    struct fill f = {days, 0, source, today, 0, 0};
    enum khu_err err;

    *added = *kept = 0;
    f.n = workday_rules_year(year, tet, hung_kings, days);
    if (!f.n) {
        khu_diag_set(d, 0, 0, "tet",
                     "these cannot be the lunar dates of %d: mùng 1 Tết falls from 21 January to "
                     "20 February, and the Hùng Kings' day 67 to 69 days after it (96 to 99 with "
                     "a leap month between)",
                     year);
        return KHU_EINVAL;
    }
    format_date(tet, t);
    format_date(hung_kings, h);
    snprintf(source, sizeof(source),
             "Worked out from the Labour Code's rules (Art. 112 and 111(3)) with mùng 1 Tết on %s "
             "and the Hùng Kings' commemoration on %s, as given to khu calendar fill; no "
             "official schedule for %d yet",
             t, h, year);
    err = store_write(s, actor, fill_in_tx, &f, d);
    if (!err) {
        *added = f.added;
        *kept = f.kept;
    }
    return err;
}
