/* SPDX-License-Identifier: MIT */
/*
 * The Labour Code's days off of a year (workday_rules.h).
 */
#include "core/workday_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"

static const struct {
    const char *what;
    const char *names[3];
} holiday_names[] = {
    {"new_year", {"Tết Dương lịch", "New Year's Day", "신정"}},
    {"tet", {"Tết Nguyên đán", "Lunar New Year (Tết)", "설날(뗏)"}},
    {"hung_kings", {"Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day", "흥왕 기념일"}},
    {"reunification", {"Ngày Chiến thắng", "Reunification Day", "남부 해방 기념일"}},
    {"labour_day", {"Ngày Quốc tế Lao động", "International Labour Day", "노동절"}},
    {"national_day", {"Quốc khánh", "National Day", "국경절"}},
};

const char *const *workday_rules_names(const char *what)
{
    size_t i;

    for (i = 0; what && i < sizeof(holiday_names) / sizeof(holiday_names[0]); i++)
        if (strcmp(holiday_names[i].what, what) == 0)
            return holiday_names[i].names;
    return NULL;
}

static int32_t day_of(int year, int month, int mday)
{
    char s[16];
    int32_t d = 0;

    snprintf(s, sizeof(s), "%04d-%02d-%02d", year, month, mday);
    return parse_date(s, &d) ? -1 : d;
}

static int by_day(const void *a, const void *b)
{
    const struct workday_rule_day *x = a, *y = b;

    return (x->day > y->day) - (x->day < y->day);
}

/* 1 when day is one of out[0..n) */
static int taken(const struct workday_rule_day *out, size_t n, int32_t day)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (out[i].day == day)
            return 1;
    return 0;
}

size_t workday_rules_year(int year, int32_t tet, int32_t hung_kings,
                          struct workday_rule_day out[WORKDAY_RULES_MAX])
{
    int32_t first = day_of(year, 1, 1), last = day_of(year, 12, 31);
    size_t n = 0, holidays, i;
    int k;

    if (first < 0 || tet < first || tet > last || hung_kings < first || hung_kings > last)
        return 0;
    /* mùng 1 Tết falls from 21 January to 20 February, and 10/3 two lunar
     * months and nine days later, or three with a leap month between */
    if (tet < day_of(year, 1, 21) || tet > day_of(year, 2, 20) ||
        !((hung_kings - tet >= 67 && hung_kings - tet <= 69) ||
          (hung_kings - tet >= 96 && hung_kings - tet <= 99)))
        return 0;
    out[n++] = (struct workday_rule_day){first, WORKDAY_HOLIDAY, "new_year"};
    for (k = -1; k <= 3; k++)
        out[n++] = (struct workday_rule_day){tet + k, WORKDAY_HOLIDAY, "tet"};
    out[n++] = (struct workday_rule_day){hung_kings, WORKDAY_HOLIDAY, "hung_kings"};
    out[n++] = (struct workday_rule_day){day_of(year, 4, 30), WORKDAY_HOLIDAY, "reunification"};
    out[n++] = (struct workday_rule_day){day_of(year, 5, 1), WORKDAY_HOLIDAY, "labour_day"};
    out[n++] = (struct workday_rule_day){day_of(year, 9, 1), WORKDAY_HOLIDAY, "national_day"};
    out[n++] = (struct workday_rule_day){day_of(year, 9, 2), WORKDAY_HOLIDAY, "national_day"};
    holidays = n;
    qsort(out, holidays, sizeof(*out), by_day);
    /* each holiday on a Saturday or a Sunday: the next weekday that is not
     * off already */
    for (i = 0; i < holidays; i++) {
        int32_t d = out[i].day;
        if (workday_weekday(d) < 6)
            continue;
        do
            d++;
        while (workday_weekday(d) >= 6 || taken(out, n, d));
        out[n++] = (struct workday_rule_day){d, WORKDAY_COMPENSATORY, out[i].what};
    }
    qsort(out, n, sizeof(*out), by_day);
    return n;
}
