/* SPDX-License-Identifier: MIT */
/*
 * The days off of a year as the Labour Code's rules alone give them, for a
 * year whose schedule the Government has not announced (it is then
 * provisional in the calendar, until an admin confirms or edits it). Art.
 * 112 gives eleven public holidays: 1 January; five days of Tết; the Hùng
 * Kings' commemoration (10/3 of the lunar calendar); 30 April; 1 May; and 2
 * September with the day before or after. Art. 111(3): a holiday that falls
 * on the weekly rest day (Saturday or Sunday for public agencies) gives a
 * compensatory day off on the next working day. Which five days of Tết,
 * and which day beside 2 September, the Government chooses each year; the
 * rules here take the choice of 2026 (the day before mùng 1 and mùng 1 to
 * 4; the day before 2 September). Lunar dates are given, not computed.
 * Pure.
 */
#ifndef KHU_WORKDAY_RULES_H
#define KHU_WORKDAY_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "core/workday.h"

#define WORKDAY_RULES_MAX 24 /* eleven holidays and their compensatory days */

/* One day off the rules give. */
struct workday_rule_day {
    int32_t day;
    enum workday_kind kind; /* WORKDAY_HOLIDAY or WORKDAY_COMPENSATORY */
    const char *what;       /* "new_year", "tet", "hung_kings", "reunification",
                               "labour_day", "national_day"; for a compensatory day,
                               the holiday it makes up for */
};

/* The names of a holiday the rules give, by its what: vi, en, ko. NULL for
 * an unknown what. */
const char *const *workday_rules_names(const char *what);

/* Fills out with the days off of year, in date order, given the day of
 * mùng 1 Tết and of the Hùng Kings' commemoration that year (days since
 * 1970-01-01). Returns how many, or 0 when the lunar dates cannot be those
 * of year: mùng 1 Tết falls from 21 January to 20 February, and 10/3 of
 * the lunar year 67 to 69 days after it, or 96 to 99 with a leap month
 * between. */
size_t workday_rules_year(int year, int32_t tet, int32_t hung_kings,
                          struct workday_rule_day out[WORKDAY_RULES_MAX]);

#endif
