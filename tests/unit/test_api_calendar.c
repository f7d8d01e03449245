/* SPDX-License-Identifier: MIT */
/*
 * The working-day calendar over HTTP, on the default data set: GET
 * /api/v1/calendar by year, and GET /api/v1/calendar/deadline on the
 * Government's 2026 schedule (the Tết break, a make-up Saturday, the
 * conditional Culture Day), on the provisional 2027 and on a year the
 * calendar does not know; every bad parameter named; and the deadlines
 * the route gives agree with core/workday over the rows the calendar route
 * lists.
 */
#include <jansson.h>
#include <stdlib.h>
#include <unistd.h>

#include "client.h"
#include "client_json.h"
#include "core/num.h"
#include "core/workday.h"
#include "test.h"

static struct server srv;
static char db[256];

static json_t *get_json(const char *target, int want_status)
{
    return client_get_json(srv.port, target, want_status);
}

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The entry of array a whose "date" is date, or NULL. */
static json_t *on(json_t *a, const char *date)
{
    size_t i;
    json_t *v;

    json_array_foreach(a, i, v) if (str(v, "date") && !strcmp(str(v, "date"), date)) return v;
    return NULL;
}

static void test_tet(void)
{
    json_t *j = get_json("/api/v1/calendar/deadline?from=2026-02-12&days=5&kind=working&lang=ko",
                         200),
           *sk, *d;

    if (!j)
        return;
    CHECK_EQ_STR(str(j, "due"), "2026-02-26");
    CHECK_EQ_INT(json_integer_value(json_object_get(j, "working_days")), 5);
    sk = json_object_get(j, "skipped");
    /* the weekend before, the five days of Tết, the weekend after */
    CHECK_EQ_INT(json_array_size(sk), 9);
    d = on(sk, "2026-02-17");
    CHECK(d != NULL);
    CHECK_EQ_STR(str(d, "kind"), "holiday");
    CHECK_EQ_STR(str(d, "name"), "설날(뗏)");
    CHECK_EQ_STR(str(on(sk, "2026-02-14"), "kind"), "weekend");
    CHECK(on(sk, "2026-02-13") == NULL); /* a Friday, counted */
    CHECK(json_is_false(json_object_get(j, "provisional")));
    CHECK(json_is_true(json_object_get(j, "calendar_complete")));
    CHECK(json_object_get(j, "warning") == NULL);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "years"), 0), "calendar"), "official");
    CHECK(strstr(str(j, "rule"), "접수일") != NULL);
    json_decref(j);

    /* 15 calendar days that end inside the break end on the Monday after it */
    j = get_json("/api/v1/calendar/deadline?from=2026-02-05&days=15&kind=calendar&lang=en", 200);
    CHECK_EQ_STR(str(j, "due"), "2026-02-23");
    CHECK(strstr(str(j, "rule"), "Civil Code") != NULL);
    json_decref(j);
}

static void test_made_working_and_conditional(void)
{
    json_t *j = get_json("/api/v1/calendar/deadline?from=2026-01-08&days=2", 200), *c;

    if (!j)
        return;
    CHECK_EQ_STR(str(j, "due"), "2026-01-10"); /* the make-up Saturday counts */
    c = json_object_get(j, "counted");
    CHECK_EQ_INT(json_array_size(c), 1);
    CHECK_EQ_STR(str(on(c, "2026-01-10"), "kind"), "working_saturday");
    json_decref(j);
    /* 24/11 waits on a law: counted as a working day, and said so */
    j = get_json("/api/v1/calendar/deadline?from=2026-11-23&days=1&lang=en", 200);
    CHECK_EQ_STR(str(j, "due"), "2026-11-24");
    CHECK_EQ_STR(str(on(json_object_get(j, "counted"), "2026-11-24"), "kind"), "conditional");
    CHECK_EQ_STR(str(on(json_object_get(j, "counted"), "2026-11-24"), "name"),
                 "Vietnam Culture Day");
    json_decref(j);
}

static void test_provisional_and_unknown(void)
{
    json_t *j = get_json("/api/v1/calendar/deadline?from=2026-12-28&days=10&lang=en", 200), *y, *d;

    if (!j)
        return;
    /* 29, 30, 31/12; 1/1/2027 off (provisional); 4-8/1, 11 and 12/1 */
    CHECK_EQ_STR(str(j, "due"), "2027-01-12");
    d = on(json_object_get(j, "skipped"), "2027-01-01");
    CHECK(d != NULL && json_is_true(json_object_get(d, "provisional")));
    CHECK(json_is_true(json_object_get(j, "provisional")));
    y = json_object_get(j, "years");
    CHECK_EQ_INT(json_array_size(y), 2);
    CHECK_EQ_STR(str(json_array_get(y, 1), "calendar"), "provisional");
    CHECK(str(j, "warning") && strstr(str(j, "warning"), "provisional") != NULL);
    json_decref(j);
    /* into a year the calendar has no rows for */
    j = get_json("/api/v1/calendar/deadline?from=2027-12-20&days=15&lang=en", 200);
    CHECK(json_is_false(json_object_get(j, "calendar_complete")));
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "years"), 1), "calendar"), "unknown");
    CHECK(str(j, "warning") && strstr(str(j, "warning"), "only weekends") != NULL);
    json_decref(j);
}

static void check_problem(const char *query, const char *param, const char *detail)
{
    char target[256];
    json_t *j;

    snprintf(target, sizeof(target), "/api/v1/calendar/deadline?%s", query);
    j = get_json(target, 400);
    if (!j)
        return;
    CHECK_EQ_STR(str(j, "param"), param);
    if (!str(j, "detail") || !strstr(str(j, "detail"), detail))
        TEST_FAIL_AT(__FILE__, __LINE__, "%s: detail %s, want %s", query, str(j, "detail"), detail);
    else
        test_passed++;
    json_decref(j);
}

static void test_bad_parameters(void)
{
    check_problem("days=3&lang=en", "from", "from must be a date YYYY-MM-DD; got ''");
    check_problem("from=2026-02-30&days=3&lang=en", "from", "got '2026-02-30'");
    check_problem("from=2026-02-10&lang=en", "days", "from 0 to 3650");
    check_problem("from=2026-02-10&days=-1&lang=en", "days", "got '-1'");
    check_problem("from=2026-02-10&days=3651&lang=en", "days", "got '3651'");
    check_problem("from=2026-02-10&days=1e3&lang=en", "days", "got '1e3'");
    check_problem("from=2026-02-10&days=3&kind=hours&lang=en", "kind",
                  "kind must be working or calendar; got 'hours'");
    check_problem("from=2026-02-10&days=3&kind=hours", "kind", "phải là working");
    check_problem("from=2026-02-10&days=3&at=1", "at", "unknown query parameter");
    check_problem("from=9999-12-20&days=30&lang=en", "days", "after 9999-12-31");
}

/* The calendar's rows, from the route, as core rows. */
static size_t rows_of(json_t *items, struct workday_row *rows, size_t max)
{
    static const char *const kinds[] = {"holiday", "day_off", "compensatory", "working_saturday",
                                        "conditional"};
    size_t i, k, n = 0;
    json_t *v;

    json_array_foreach(items, i, v)
    {
        if (n == max || parse_date(str(v, "date"), &rows[n].day))
            break;
        for (k = 0; k < 5 && strcmp(kinds[k], str(v, "kind")); k++)
            ;
        rows[n].kind = (enum workday_kind)k;
        rows[n].provisional = json_is_true(json_object_get(v, "provisional"));
        n++;
    }
    return n;
}

static void test_calendar_route_and_agreement(void)
{
    json_t *j = get_json("/api/v1/calendar?year=2026&lang=en", 200), *all, *v;
    struct workday_row rows[256];
    struct workday_calendar cal = {rows, 0};
    uint32_t seed = 2026;
    int i, bad = 0;
    size_t k;

    if (!j)
        return;
    CHECK_EQ_INT(json_array_size(json_object_get(j, "items")), 17);
    json_array_foreach(json_object_get(j, "items"), k, v)
    {
        CHECK(!strncmp(str(v, "date"), "2026-", 5));
        CHECK(str(v, "source") && strlen(str(v, "source")) > 20);
    }
    CHECK_EQ_STR(str(on(json_object_get(j, "items"), "2026-04-27"), "name"),
                 "Compensatory day for Hùng Kings' Commemoration Day");
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "years"), 0), "calendar"), "official");
    json_decref(j);
    j = get_json("/api/v1/calendar?year=2030", 200);
    CHECK_EQ_INT(json_array_size(json_object_get(j, "items")), 0);
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "years"), 0), "calendar"), "unknown");
    json_decref(j);
    json_decref(get_json("/api/v1/calendar?year=26", 400));

    /* the route counts on the rows the calendar lists */
    all = get_json("/api/v1/calendar", 200);
    cal.nrows = rows_of(json_object_get(all, "items"), rows, 256);
    CHECK(cal.nrows >= 45);
    CHECK_EQ_INT(workday_calendar_check(&cal), 0);
    for (i = 0; i < 40; i++) {
        char target[160], from[11];
        int32_t start = 20089 + (int32_t)((seed = seed * 1103515245u + 12345u) >> 8) % 1000;
        int days = (int)((seed = seed * 1103515245u + 12345u) >> 8) % 90;
        int calendar = (seed >> 20) & 1;
        json_t *d;
        char want[11];

        format_date(start, from);
        snprintf(target, sizeof(target), "/api/v1/calendar/deadline?from=%s&days=%d&kind=%s", from,
                 days, calendar ? "calendar" : "working");
        d = get_json(target, 200);
        format_date(workday_due(&cal, start, days,
                                calendar ? WORKDAY_COUNT_CALENDAR : WORKDAY_COUNT_WORKING, NULL, 0),
                    want);
        if (!d || !str(d, "due") || strcmp(str(d, "due"), want)) {
            TEST_FAIL_AT(__FILE__, __LINE__, "%s: due %s, want %s", target,
                         d ? str(d, "due") : "(none)", want);
            bad++;
        }
        json_decref(d);
    }
    CHECK_EQ_INT(bad, 0);
    json_decref(all);
}

/* `khu calendar fill`: a year not announced, from the Labour Code's rules,
 * through the audited edit path; the routes see it at once. */
static void test_fill(void)
{
    char *out = NULL, *err = NULL;
    json_t *j;

    CHECK_EQ_INT(run_khu((char *[]){"calendar", "fill", "2028", "--tet", "2028-01-26",
                                    "--hung-kings", "2028-04-04", "--db", db, NULL},
                         &out, &err),
                 0);
    CHECK(out && strstr(out, "calendar 2028: 15 provisional days made, 0 days already") != NULL);
    free(out);
    free(err);
    j = get_json("/api/v1/calendar?year=2028&lang=en", 200);
    CHECK_EQ_INT(json_array_size(json_object_get(j, "items")), 15);
    CHECK_EQ_STR(str(on(json_object_get(j, "items"), "2028-01-03"), "name"),
                 "Compensatory day for New Year's Day");
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "years"), 0), "calendar"), "provisional");
    json_decref(j);
    j = get_json("/api/v1/calendar/deadline?from=2027-12-20&days=15", 200);
    CHECK(json_is_true(json_object_get(j, "calendar_complete")));
    CHECK(json_is_true(json_object_get(j, "provisional")));
    CHECK_EQ_STR(str(j, "due"), "2028-01-11"); /* Mon 3/1 makes up New Year's Saturday */
    json_decref(j);
    /* again: nothing new; the days of 2027 in the data are kept as they are */
    out = err = NULL;
    CHECK_EQ_INT(run_khu((char *[]){"calendar", "fill", "2027", "--tet", "2027-02-06",
                                    "--hung-kings", "2027-04-16", "--db", db, NULL},
                         &out, &err),
                 0);
    CHECK(out && strstr(out, "0 provisional days made, 14 days already had a row") != NULL);
    free(out);
    free(err);
    /* dates that cannot be that year's lunar dates, and a bad year */
    out = err = NULL;
    CHECK_EQ_INT(run_khu((char *[]){"calendar", "fill", "2029", "--tet", "2028-01-26",
                                    "--hung-kings", "2028-04-04", "--db", db, NULL},
                         &out, &err),
                 1);
    CHECK(err && strstr(err, "cannot be the lunar dates of 2029") != NULL);
    free(out);
    free(err);
    out = err = NULL;
    CHECK_EQ_INT(run_khu((char *[]){"calendar", "fill", "20x8", "--tet", "2028-01-26",
                                    "--hung-kings", "2028-04-04", "--db", db, NULL},
                         &out, &err),
                 2);
    free(out);
    free(err);
    /* each day made is in the trail, by the command's actor */
    out = err = NULL;
    CHECK_EQ_INT(run_khu((char *[]){"audit", "export", "--db", db, NULL}, &out, &err), 0);
    CHECK(out && strstr(out, "\"2028-09-04\"") != NULL && strstr(out, "\"cli:") != NULL);
    free(out);
    free(err);
}

/* The codes of the items of j, space-separated, in out. */
static void codes(json_t *j, char *out, size_t n)
{
    size_t i, len = 0;
    json_t *v;

    out[0] = '\0';
    json_array_foreach(json_object_get(j, "items"), i, v)
    {
        len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s", len ? " " : "",
                                str(v, "code"));
        if (len >= n)
            break;
    }
}

/* The time limits in force on a day, with the unknown ones said so. */
static void test_time_limits(void)
{
    json_t *j =
        get_json("/api/v1/time_limits?procedure=policy_approval&on=2025-10-01&lang=en", 200);
    char list[1024];

    if (!j)
        return;
    /* Decree 239's four steps (their kind of days unknown) and the law's total */
    codes(j, list, sizeof(list));
    CHECK_EQ_STR(list, "policy-approval-appraisal-decree239 policy-approval-consultation-decree239 "
                       "policy-approval-decision-decree239 policy-approval-send-for-opinions-"
                       "decree239 policy-approval-total-law61");
    CHECK(json_is_false(json_object_get(json_array_get(json_object_get(j, "items"), 1), "known")));
    CHECK_EQ_INT(
        json_integer_value(json_object_get(json_array_get(json_object_get(j, "items"), 1), "days")),
        7);
    CHECK(json_is_true(json_object_get(json_array_get(json_object_get(j, "items"), 4), "known")));
    CHECK_EQ_INT(json_array_size(json_object_get(j, "unknown_procedures")), 0);
    json_decref(j);
    /* before Decree 239: Decree 31's steps, known */
    j = get_json("/api/v1/time_limits?procedure=irc_issue&on=2021-06-01", 200);
    codes(j, list, sizeof(list));
    CHECK_EQ_STR(list, "irc-issue-after-policy-law61 irc-issue-other-law61");
    json_decref(j);
    /* under Law 143/2025 the limits are unknown, and land leases have none */
    j = get_json("/api/v1/time_limits?on=2026-04-01", 200);
    CHECK(json_is_null(json_object_get(json_array_get(json_object_get(j, "items"), 2),
                                       "days"))); /* irc-adjust-law143 */
    CHECK_EQ_STR(str(json_array_get(json_object_get(j, "items"), 2), "code"), "irc-adjust-law143");
    CHECK_EQ_INT(json_array_size(json_object_get(j, "unknown_procedures")), 1);
    CHECK_EQ_STR(json_string_value(json_array_get(json_object_get(j, "unknown_procedures"), 0)),
                 "land_lease");
    json_decref(j);
    j = get_json("/api/v1/time_limits?procedure=visa&lang=en", 400);
    CHECK_EQ_STR(str(j, "param"), "procedure");
    json_decref(j);
    j = get_json("/api/v1/time_limits?on=2026-02-30", 400);
    CHECK_EQ_STR(str(j, "param"), "on");
    json_decref(j);
}

int main(void)
{
    char dir[] = "/tmp/khu-api-cal-XXXXXX";

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/k.db", dir);
    if (server_start(&srv, db, NULL) != 0) { /* a new database: the default data */
        TEST_FAIL_AT(__FILE__, __LINE__, "khu serve did not start");
        return test_report("test_api_calendar");
    }
    test_tet();
    test_made_working_and_conditional();
    test_provisional_and_unknown();
    test_bad_parameters();
    test_calendar_route_and_agreement();
    test_fill();
    test_time_limits();
    CHECK_EQ_INT(server_stop(&srv), 0);
    remove(db);
    {
        char p[300];
        snprintf(p, sizeof(p), "%s-wal", db);
        remove(p);
        snprintf(p, sizeof(p), "%s-shm", db);
        remove(p);
    }
    rmdir(dir);
    return test_report("test_api_calendar");
}
