/* SPDX-License-Identifier: MIT */
/*
 * The dossier workflow's use cases (see app_dossier.h).
 */
#include "app/app_dossier.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/app_calendar.h"
#include "app/app_edit.h"
#include "app/app_time_limits.h"
#include "core/dossier_clock.h"
#include "core/num.h"
#include "core/schema.h"
#include "core/xalloc.h"
#include "store/dossiers.h"

#define FIELDS_MAX 12

/* The dossier as the act finds it. */
struct dossier_now {
    char code[APP_DOSSIER_CODE_MAX];
    char procedure[32];
    char status[16];
    char investor[16];
    char zone_kind[16];
    char accepted_on[11];
    int limit_days; /* CLOCK_NO_LIMIT: none */
    char limit_kind[16];
    int appraised;
    char *pauses; /* the officer's questions (store/dossiers.h); owned */
    enum dossier_stage stage;
    int bad; /* a status that is not the schema's */
};

static void copy(char *out, size_t n, const char *s)
{
    snprintf(out, n, "%s", s ? s : "");
}

static int take_dossier(void *arg, const struct khu_row *row)
{
    struct dossier_now *x = arg;

    copy(x->code, sizeof(x->code), row_text(row, DOSSIER_COL_CODE));
    copy(x->procedure, sizeof(x->procedure), row_text(row, DOSSIER_COL_PROCEDURE));
    copy(x->status, sizeof(x->status), row_text(row, DOSSIER_COL_STATUS));
    copy(x->investor, sizeof(x->investor), row_text(row, DOSSIER_COL_INVESTOR));
    copy(x->zone_kind, sizeof(x->zone_kind), row_text(row, DOSSIER_COL_ZONE_KIND));
    copy(x->accepted_on, sizeof(x->accepted_on), row_text(row, DOSSIER_COL_ACCEPTED_ON));
    x->limit_days = row_is_null(row, DOSSIER_COL_LIMIT_DAYS)
                        ? CLOCK_NO_LIMIT
                        : (int)row_int(row, DOSSIER_COL_LIMIT_DAYS);
    copy(x->limit_kind, sizeof(x->limit_kind), row_text(row, DOSSIER_COL_LIMIT_KIND));
    x->appraised = !row_is_null(row, DOSSIER_COL_APPRAISED_ON);
    xfree(x->pauses);
    x->pauses =
        row_text(row, DOSSIER_COL_PAUSES) ? xstrdup(row_text(row, DOSSIER_COL_PAUSES)) : NULL;
    x->bad = dossier_stage_of(x->status, x->appraised, &x->stage) != 0;
    return 1;
}

/* One consultation as the act finds it. */
struct consult_now {
    const char *department; /* the one looked for; NULL: all (to list them) */
    struct dossier_now *dossier;
    int found, answered, unanswered_not_due;
    char requested_on[11];
    int limit_days;
    char limit_kind[16];
    char *pauses; /* owned */
    int32_t today;
};

static int take_consultation(void *arg, const struct khu_row *row)
{
    struct consult_now *c = arg;
    const char *dept = row_text(row, CONSULT_COL_DEPARTMENT);
    int open = row_is_null(row, CONSULT_COL_ANSWERED_ON) && row_is_null(row, CONSULT_COL_CLOSED_ON);
    int32_t due;

    /* a department is waited for until its due day, and while its own
     * question to the investor stops its clock (a limit but no due day) */
    if (open && (row_text(row, CONSULT_COL_DUE_ON)
                     ? !parse_date(row_text(row, CONSULT_COL_DUE_ON), &due) && due >= c->today
                     : !row_is_null(row, CONSULT_COL_LIMIT_DAYS)))
        c->unanswered_not_due = 1;
    if (!c->department || !dept || strcmp(dept, c->department) != 0)
        return 0;
    c->found = 1;
    c->answered = !row_is_null(row, CONSULT_COL_ANSWERED_ON);
    copy(c->requested_on, sizeof(c->requested_on), row_text(row, CONSULT_COL_REQUESTED_ON));
    c->limit_days = row_is_null(row, CONSULT_COL_LIMIT_DAYS)
                        ? CLOCK_NO_LIMIT
                        : (int)row_int(row, CONSULT_COL_LIMIT_DAYS);
    copy(c->limit_kind, sizeof(c->limit_kind), row_text(row, CONSULT_COL_LIMIT_KIND));
    xfree(c->pauses);
    c->pauses =
        row_text(row, CONSULT_COL_PAUSES) ? xstrdup(row_text(row, CONSULT_COL_PAUSES)) : NULL;
    return 0;
}

enum dossier_party app_dossier_party(const struct app_dossier_who *who,
                                     const char *investor_tax_code, int consulted)
{
    if (who->role == ROLE_OFFICER || who->role == ROLE_ADMIN)
        return DOSSIER_OFFICER;
    if (who->role == ROLE_INVESTOR && who->tax_code[0] && investor_tax_code &&
        !strcmp(who->tax_code, investor_tax_code))
        return DOSSIER_INVESTOR;
    if (who->role == ROLE_DEPARTMENT && who->department[0] && consulted)
        return DOSSIER_DEPARTMENT;
    return 0;
}

/* Writes one row through the audited edit path (app_edit_put). */
static enum khu_err put_row(struct store_tx *tx, const char *table, const char *const *key,
                            const struct app_edit_field *f, size_t n, const char *today,
                            struct khu_diag *d)
{
    return app_edit_put(tx, table, key, f, n, today, d);
}

/* One value to write: text NULL clears the column. */
static struct app_edit_field val(const char *name, const char *text)
{
    struct app_edit_field f = {name, text, text ? strlen(text) : 0};

    return f;
}

/* ===== the clocks ===== */

static enum workday_count count_of(const char *kind)
{
    return kind && !strcmp(kind, "calendar") ? WORKDAY_COUNT_CALENDAR : WORKDAY_COUNT_WORKING;
}

/* Writes the due day of a clock begun on start (YYYY-MM-DD) with a limit
 * of days (CLOCK_NO_LIMIT: none) counted as kind and stopped over pauses
 * (text) into out: "" when there is none (no limit, or a question open). */
static enum khu_err due_of(struct store_tx *tx, const char *start, int days, const char *kind,
                           const char *pauses, char out[11], struct khu_diag *d)
{
    struct workday_pause *p = NULL;
    struct app_calendar cal;
    int32_t from, due;
    size_t np = 0;
    enum khu_err err;

    out[0] = '\0';
    if (days == CLOCK_NO_LIMIT || !start || parse_date(start, &from))
        return KHU_OK;
    if (clock_pauses_read(pauses, &p, &np)) {
        khu_diag_set(d, 0, 0, NULL, "the dossier's questions cannot be read");
        return KHU_EDB;
    }
    err = app_calendar_load(store_tx_store(tx), &cal, d);
    if (err) {
        xfree(p);
        return err;
    }
    due = workday_due(&cal.cal, from, days, count_of(kind), p, np);
    app_calendar_free(&cal);
    xfree(p);
    if (due != WORKDAY_NO_DATE)
        format_date(due, out);
    return KHU_OK;
}

/* The limit of procedure's step in force on day, from the time limits:
 * *days CLOCK_NO_LIMIT when none is known. */
struct limit_find {
    const char *step;
    char code[65];
    int days;
    char kind[16];
};

static int take_limit(void *arg, const struct khu_row *row)
{
    struct limit_find *l = arg;

    if (!row_text(row, TIME_LIMIT_STEP) || strcmp(row_text(row, TIME_LIMIT_STEP), l->step) != 0)
        return 0;
    copy(l->code, sizeof(l->code), row_text(row, TIME_LIMIT_CODE));
    if (app_time_limit_known(row)) {
        l->days = (int)row_int(row, TIME_LIMIT_DAYS);
        copy(l->kind, sizeof(l->kind), row_text(row, TIME_LIMIT_DAY_KIND));
    }
    return 1;
}

/* Finds the limit of step for procedure on day; where none is known, takes
 * the officer's (days, kind) when given. A known limit and the officer's
 * both given is refused: the dossier's clock follows the law. */
static enum khu_err limit_of(struct store_tx *tx, const char *procedure, const char *step,
                             const char *day, int days, const char *kind, const char *field,
                             struct limit_find *l, struct khu_diag *d)
{
    enum khu_err err;

    memset(l, 0, sizeof(*l));
    l->step = step;
    l->days = CLOCK_NO_LIMIT;
    err = app_time_limits_on(store_tx_store(tx), procedure, day, take_limit, l, d);
    if (err)
        return err;
    if (l->days != CLOCK_NO_LIMIT && days >= 0) {
        khu_diag_set(d, 0, 0, field, "the law gives this time limit (%s): it cannot be set here",
                     l->code);
        khu_diag_rule(d, "limit_known", NULL);
        return KHU_EINVAL;
    }
    if (l->days == CLOCK_NO_LIMIT && days >= 0) {
        if (days > WORKDAY_MAX_DAYS || !kind ||
            (strcmp(kind, "working") != 0 && strcmp(kind, "calendar") != 0)) {
            khu_diag_set(d, 0, 0, field, "must be 0 to %d days, working or calendar",
                         WORKDAY_MAX_DAYS);
            khu_diag_rule(d, "limit", NULL);
            return KHU_EINVAL;
        }
        l->code[0] = '\0'; /* the officer's, not a law's */
        l->days = days;
        copy(l->kind, sizeof(l->kind), kind);
    }
    return KHU_OK; /* unknown: the code of the law in force that gives none, if any */
}

/* ===== filing ===== */

struct filing {
    const struct app_dossier_who *who;
    const struct app_dossier_filing *f;
    const char *today;
    struct app_dossier_result *out;
};

struct project_find {
    char investor[16];
    char zone[65];
    int found;
};

static int take_project(void *arg, const struct khu_row *row)
{
    struct project_find *p = arg;
    const struct table_def *t = schema_table("projects");

    p->found = 1;
    copy(p->investor, sizeof(p->investor), row_text(row, schema_col_index(t, "investor_tax_code")));
    copy(p->zone, sizeof(p->zone), row_text(row, schema_col_index(t, "zone_code")));
    return 1;
}

struct zone_find {
    char kind[16];
};

static int take_zone(void *arg, const struct khu_row *row)
{
    struct zone_find *z = arg;

    copy(z->kind, sizeof(z->kind), row_text(row, schema_col_index(schema_table("zones"), "kind")));
    return 1;
}

/* Where a project in a zone of kind is, as procedure_departments says. */
static const char *location_of(const char *zone_kind)
{
    return dossier_in_park(zone_kind) ? "in_park" : "outside_park";
}

struct role_find {
    const char *role;
    char first[65];
    const char *list[APP_DOSSIER_MAX_DEPTS * 2];
    char names[APP_DOSSIER_MAX_DEPTS * 2][65];
    int n;
};

static int take_department(void *arg, const struct khu_row *row)
{
    struct role_find *r = arg;
    const char *role = row_text(row, 3), *dept = row_text(row, 2);

    if (!role || !dept || strcmp(role, r->role) != 0)
        return 0;
    if (!r->first[0])
        copy(r->first, sizeof(r->first), dept);
    if (r->n < (int)(sizeof(r->names) / sizeof(r->names[0]))) {
        copy(r->names[r->n], sizeof(r->names[0]), dept);
        r->list[r->n] = r->names[r->n];
        r->n++;
    }
    return 0;
}

static enum khu_err departments_of(struct store_tx *tx, const char *procedure,
                                   const char *zone_kind, const char *today, const char *role,
                                   struct role_find *r, struct khu_diag *d)
{
    memset(r, 0, sizeof(*r));
    r->role = role;
    return store_procedure_departments_on(store_tx_store(tx), procedure, location_of(zone_kind),
                                          today, take_department, r, d);
}

static enum khu_err bad_field(struct khu_diag *d, const char *field, const char *rule,
                              const char *message)
{
    khu_diag_set(d, 0, 0, field, "%s", message);
    khu_diag_rule(d, rule, NULL);
    return KHU_EINVAL;
}

static enum khu_err file_in_tx(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct filing *x = arg;
    const struct app_dossier_filing *f = x->f;
    struct project_find p = {0};
    struct zone_find z = {{0}};
    struct role_find *r = xcalloc(1, sizeof(*r));
    char project[APP_DOSSIER_CODE_MAX], hex[17], digest[SECRET_DIGEST_HEX], day[9];
    const char *key[2] = {NULL, NULL};
    enum khu_err err = KHU_OK;

    if (!r)
        return KHU_ENOMEM;
    project[0] = '\0';
    if (f->project_code && f->project_code[0]) {
        key[0] = f->project_code;
        err = store_row_read(tx, schema_table("projects"), key, take_project, &p, d);
        if (err == KHU_ENOTFOUND || (!err && strcmp(p.investor, x->who->tax_code) != 0))
            err = bad_field(d, "project_code", "not_yours", "is not a project of your enterprise");
        copy(project, sizeof(project), f->project_code);
    } else {
        if (!f->project_name || !f->project_name[0])
            err = bad_field(d, "project_name", "required",
                            "is required: the project's name, or an existing project_code");
        else if (app_secret_hex(6, hex))
            err = KHU_EIO;
        else {
            struct app_edit_field pf[] = {
                val("code", project),
                val("name", f->project_name),
                val("investor_tax_code", x->who->tax_code),
                val("zone_code", f->zone_code && f->zone_code[0] ? f->zone_code : NULL),
                val("status", "dossier"),
            };
            memcpy(day, x->today, 4);
            memcpy(day + 4, x->today + 5, 2);
            memcpy(day + 6, x->today + 8, 2);
            day[8] = '\0';
            snprintf(project, sizeof(project), "prj-%s-%s", day, hex);
            pf[0] = val("code", project);
            err = put_row(tx, "projects", NULL, pf, sizeof(pf) / sizeof(pf[0]), x->today, d);
            if (err == KHU_EINVAL && !strcmp(d->field, "name")) /* the filing's name of it */
                snprintf(d->field, sizeof(d->field), "%s", "project_name");
            copy(p.zone, sizeof(p.zone), f->zone_code);
        }
    }
    if (!err && p.zone[0]) {
        key[0] = p.zone;
        err = store_row_read(tx, schema_table("zones"), key, take_zone, &z, d);
    }
    if (!err)
        err = departments_of(tx, f->procedure, z.kind, x->today, "receiving", r, d);
    if (!err && (app_secret_hex(4, hex) || app_secret_new("khu_ds_", x->out->secret)))
        err = KHU_EIO;
    if (!err) {
        struct app_edit_field df[] = {
            val("code", NULL),
            val("project_code", project),
            val("procedure", f->procedure),
            val("submitted_on", x->today),
            val("status", "received"),
            val("receiving_department", r->first[0] ? r->first : NULL),
        };
        memcpy(day, x->today, 4);
        memcpy(day + 4, x->today + 5, 2);
        memcpy(day + 6, x->today + 8, 2);
        day[8] = '\0';
        snprintf(x->out->code, sizeof(x->out->code), "hs-%s-%s", day, hex);
        df[0] = val("code", x->out->code);
        /* the secret's digest first: the audit record of the dossier's row
         * that follows covers the whole write */
        app_secret_digest(x->out->secret, strlen(x->out->secret), digest);
        err = store_dossier_secret_put(tx, x->out->code, digest, d);
        if (!err)
            err = put_row(tx, "dossiers", NULL, df, sizeof(df) / sizeof(df[0]), x->today, d);
    }
    copy(x->out->stage, sizeof(x->out->stage), "received");
    xfree(r);
    return err;
}

enum khu_err app_dossier_file(struct store *s, const struct app_dossier_who *who,
                              const struct app_dossier_filing *f, const char *today,
                              struct app_dossier_result *out, struct khu_diag *d)
{
    struct filing x = {who, f, today, out};

    memset(out, 0, sizeof(*out));
    if (who->role != ROLE_INVESTOR || !who->tax_code[0]) {
        out->forbidden = 1;
        return bad_field(d, NULL, "forbidden", "only an investor's account may file a dossier");
    }
    if (!today || strlen(today) != 10)
        return bad_field(d, NULL, "today", "the server's date is not known");
    return store_write(s, &who->actor, file_in_tx, &x, d);
}

/* ===== the acts ===== */

struct acting {
    const struct app_dossier_who *who;
    const struct app_dossier_act *a;
    const char *today;
    struct app_dossier_result *out;
    struct dossier_now now;
    struct consult_now mine; /* the acting department's consultation */
    enum dossier_party party;
    /* upload */
    const char *name, *content_type;
    const void *bytes;
    size_t nbytes;
    char sha256[2 * crypto_hash_sha256_BYTES + 1]; /* of bytes, hex */
};

/* Reads the dossier and decides whether the act may be done: ENOTFOUND
 * for a dossier who may not see, EINVAL (forbidden) or ECONFLICT (stage). */
static enum khu_err admit(struct store_tx *tx, struct acting *x, enum dossier_act act,
                          struct khu_diag *d)
{
    const char *why;
    int32_t today = 0;
    int wrong = 0;
    enum khu_err err;

    err = store_dossier_get(store_tx_store(tx), x->a ? x->a->code : x->out->code, take_dossier,
                            &x->now, d);
    if (err)
        return err;
    parse_date(x->today, &today);
    x->mine = (struct consult_now){.department = x->who->department[0] ? x->who->department : NULL,
                                   .dossier = &x->now,
                                   .today = today};
    err = store_dossier_consultations(store_tx_store(tx), x->now.code, take_consultation, &x->mine,
                                      d);
    if (err)
        return err;
    x->party = app_dossier_party(x->who, x->now.investor, x->mine.found);
    if (!x->party || x->now.bad) {
        khu_diag_set(d, 0, 0, NULL, "no dossier has this code");
        return KHU_ENOTFOUND;
    }
    why = dossier_act_refusal(act, x->party, x->now.stage, &wrong);
    if (why) {
        khu_diag_set(d, 0, 0, NULL, "%s", why);
        khu_diag_rule(d, wrong ? "stage" : "forbidden", NULL);
        x->out->forbidden = !wrong;
        return wrong ? KHU_ECONFLICT : KHU_EINVAL;
    }
    return KHU_OK;
}

static enum khu_err need_text(const char *text, const char *field, struct khu_diag *d)
{
    if (!text || !text[0])
        return bad_field(d, field, "required", "is required");
    if (strlen(text) > APP_DOSSIER_TEXT_MAX)
        return bad_field(d, field, "too_long", "is too long (at most 4000 bytes)");
    return KHU_OK;
}

/* The dossier's status (and what goes with it) after the act. */
static enum khu_err set_dossier(struct store_tx *tx, struct acting *x,
                                const struct app_edit_field *f, size_t n, struct khu_diag *d)
{
    const char *key[2] = {x->now.code, NULL};

    return put_row(tx, "dossiers", key, f, n, x->today, d);
}

/* Sets the flag at arg: a row was found. */
static int take_any(void *arg, const struct khu_row *row)
{
    (void)row;
    *(int *)arg = 1;
    return 1;
}

static enum khu_err open_consultation(struct store_tx *tx, struct acting *x, const char *dept,
                                      const struct limit_find *l, struct khu_diag *d)
{
    char days[16], due[11];
    enum khu_err err = due_of(tx, x->today, l->days, l->kind, NULL, due, d);
    const char *key[3] = {x->now.code, dept, NULL};
    int found = 0, opened = 0;

    /* named twice, or by the procedure and by the officer: one consultation */
    if (!err)
        err = store_row_read(tx, schema_table("consultations"), key, take_any, &opened, d);
    if (err == KHU_ENOTFOUND)
        err = KHU_OK;
    if (!err && opened)
        return KHU_OK;
    if (!err)
        err = store_row_exists(tx, "departments", "code", dept, &found, d);
    if (err)
        return err;
    if (!found) {
        khu_diag_set(d, 0, 0, "departments", "'%.64s' is not a department", dept);
        khu_diag_rule(d, "reference", "departments");
        return KHU_EINVAL;
    }
    snprintf(days, sizeof(days), "%d", l->days);
    {
        struct app_edit_field f[] = {
            val("dossier_code", x->now.code),
            val("department", dept),
            val("requested_on", x->today),
            val("due_on", due[0] ? due : NULL),
            val("limit_code", l->code[0] ? l->code : NULL),
            val("limit_days", l->days == CLOCK_NO_LIMIT ? NULL : days),
            val("limit_kind", l->days == CLOCK_NO_LIMIT ? NULL : l->kind),
        };
        err = put_row(tx, "consultations", NULL, f, sizeof(f) / sizeof(f[0]), x->today, d);
    }
    if (err == KHU_ECONFLICT) {
        khu_diag_set(d, 0, 0, "departments", "'%.64s' is named twice", dept);
        khu_diag_rule(d, "twice", NULL);
        return KHU_EINVAL;
    }
    x->out->consultations += !err;
    return err;
}

static enum khu_err accept(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    const struct app_dossier_act *a = x->a;
    struct role_find *r = xcalloc(1, sizeof(*r));
    struct limit_find total, consult;
    char days[16], due[11];
    enum khu_err err;
    int i;

    if (!r)
        return KHU_ENOMEM;
    err = limit_of(tx, x->now.procedure, "total", x->today, a->limit_days, a->limit_kind,
                   "limit_days", &total, d);
    if (!err)
        err = limit_of(tx, x->now.procedure, "consultation_opinion", x->today, a->consult_days,
                       a->consult_kind, "consult_days", &consult, d);
    if (!err)
        err = due_of(tx, x->today, total.days, total.kind, NULL, due, d);
    if (!err) {
        struct app_edit_field f[] = {
            val("status", "consulting"),
            val("accepted_on", x->today),
            val("due_on", due[0] ? due : NULL),
            val("limit_code", total.code[0] ? total.code : NULL),
            val("limit_days", NULL),
            val("limit_kind", total.days == CLOCK_NO_LIMIT ? NULL : total.kind),
        };
        snprintf(days, sizeof(days), "%d", total.days);
        f[4] = val("limit_days", total.days == CLOCK_NO_LIMIT ? NULL : days);
        err = set_dossier(tx, x, f, sizeof(f) / sizeof(f[0]), d);
    }
    /* the procedure's departments, then those the officer adds */
    if (!err)
        err = departments_of(tx, x->now.procedure, x->now.zone_kind, x->today, "consulted", r, d);
    for (i = 0; !err && i < r->n; i++)
        err = open_consultation(tx, x, r->list[i], &consult, d);
    for (i = 0; !err && i < APP_DOSSIER_MAX_DEPTS && a->departments[i]; i++)
        err = open_consultation(tx, x, a->departments[i], &consult, d);
    xfree(r);
    return err;
}

static enum khu_err ask(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    const char *dept = x->party == DOSSIER_DEPARTMENT ? x->who->department : NULL;
    char n[24];
    enum khu_err err = need_text(x->a->text, "question", d);

    if (!err && dept && x->mine.answered) {
        khu_diag_set(d, 0, 0, NULL, "your department has given its opinion already");
        khu_diag_rule(d, "answered", NULL);
        return KHU_ECONFLICT;
    }
    if (!err)
        err = store_dossier_next_n(tx, "dossier_questions", x->now.code, &x->out->n, d);
    if (err)
        return err;
    snprintf(n, sizeof(n), "%ld", x->out->n);
    {
        struct app_edit_field f[] = {
            val("dossier_code", x->now.code), val("n", n),
            val("department", dept),          val("asked_on", x->today),
            val("question", x->a->text),
        };
        err = put_row(tx, "dossier_questions", NULL, f, sizeof(f) / sizeof(f[0]), x->today, d);
    }
    if (err)
        return err;
    /* the asker's clock stops: no due day until the answer */
    if (dept) {
        const char *key[3] = {x->now.code, dept, NULL};
        struct app_edit_field f[] = {val("due_on", NULL)};
        return put_row(tx, "consultations", key, f, 1, x->today, d);
    } else {
        struct app_edit_field f[] = {val("due_on", NULL)};
        return set_dossier(tx, x, f, 1, d);
    }
}

struct question_find {
    long n;
    int found, answered;
    char department[65];
};

static int take_question(void *arg, const struct khu_row *row)
{
    struct question_find *q = arg;

    if (row_int(row, 1) != q->n)
        return 0;
    q->found = 1;
    q->answered = !row_is_null(row, 5);
    copy(q->department, sizeof(q->department), row_text(row, 2));
    return 1;
}

/* The due day of the clock a question stopped, once the investor
 * answered it: counted again with every pause of that clock. */
static enum khu_err restart_clock(struct store_tx *tx, struct acting *x, const char *dept,
                                  struct khu_diag *d)
{
    char due[11] = "";
    enum khu_err err;

    if (!dept[0]) {
        struct dossier_now again = {0};
        struct app_edit_field f[1];
        err = store_dossier_get(store_tx_store(tx), x->now.code, take_dossier, &again, d);
        if (!err)
            err = due_of(tx, again.accepted_on, again.limit_days, again.limit_kind, again.pauses,
                         due, d);
        xfree(again.pauses);
        f[0] = val("due_on", due[0] ? due : NULL);
        return err ? err : set_dossier(tx, x, f, 1, d);
    } else {
        struct consult_now c = {.department = dept, .dossier = &x->now};
        const char *key[3] = {x->now.code, dept, NULL};
        struct app_edit_field f[1];
        err =
            store_dossier_consultations(store_tx_store(tx), x->now.code, take_consultation, &c, d);
        if (!err && c.answered) {
            xfree(c.pauses);
            return KHU_OK; /* answered meanwhile: its clock is done */
        }
        if (!err)
            err = due_of(tx, c.requested_on, c.limit_days, c.limit_kind, c.pauses, due, d);
        xfree(c.pauses);
        f[0] = val("due_on", due[0] ? due : NULL);
        return err ? err : put_row(tx, "consultations", key, f, 1, x->today, d);
    }
}

static enum khu_err answer(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    struct question_find q = {.n = x->a->n};
    char n[24];
    enum khu_err err = need_text(x->a->text, "answer", d);

    if (!err)
        err = store_dossier_questions(store_tx_store(tx), x->now.code, take_question, &q, d);
    if (err)
        return err;
    if (!q.found)
        return bad_field(d, "n", "no_question", "names no question of this dossier");
    if (q.answered) {
        khu_diag_set(d, 0, 0, "n", "this question is answered already");
        khu_diag_rule(d, "question_answered", NULL);
        return KHU_ECONFLICT;
    }
    snprintf(n, sizeof(n), "%ld", q.n);
    {
        const char *key[3] = {x->now.code, n, NULL};
        struct app_edit_field f[] = {val("answered_on", x->today), val("answer", x->a->text)};
        err = put_row(tx, "dossier_questions", key, f, 2, x->today, d);
    }
    return err ? err : restart_clock(tx, x, q.department, d);
}

struct document_find {
    long n;
    int found;
    char department[65];
};

static int take_document(void *arg, const struct khu_row *row)
{
    struct document_find *f = arg;

    if (row_int(row, 1) != f->n)
        return 0;
    f->found = 1;
    copy(f->department, sizeof(f->department), row_text(row, 7));
    return 1;
}

static enum khu_err opinion(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    const char *choice = x->a->choice;
    const char *key[3] = {x->now.code, x->who->department, NULL};
    char doc[24];
    enum khu_err err;

    if (x->mine.answered) {
        khu_diag_set(d, 0, 0, NULL, "your department has given its opinion already");
        khu_diag_rule(d, "answered", NULL);
        return KHU_ECONFLICT;
    }
    if (!choice || (strcmp(choice, "agree") && strcmp(choice, "agree_with_conditions") &&
                    strcmp(choice, "disagree")))
        return bad_field(d, "opinion", "enum",
                         "must be one of: agree, agree_with_conditions, disagree");
    /* conditions and reasons are said, not implied */
    if (strcmp(choice, "agree") != 0 && (!x->a->text || !x->a->text[0]))
        return bad_field(d, "note", "required",
                         "is required with agree_with_conditions or disagree: the conditions or "
                         "the reasons");
    if (x->a->text && strlen(x->a->text) > APP_DOSSIER_TEXT_MAX)
        return bad_field(d, "note", "too_long", "is too long (at most 4000 bytes)");
    if (x->a->n > 0) {
        struct document_find f = {.n = x->a->n};
        err = store_dossier_documents(store_tx_store(tx), x->now.code, take_document, &f, d);
        if (err)
            return err;
        if (!f.found || strcmp(f.department, x->who->department) != 0)
            return bad_field(d, "document", "not_yours",
                             "names no document your department added to this dossier");
    }
    snprintf(doc, sizeof(doc), "%ld", x->a->n);
    {
        struct app_edit_field f[] = {
            val("answered_on", x->today),
            val("opinion", choice),
            val("note", x->a->text && x->a->text[0] ? x->a->text : NULL),
            val("document", x->a->n > 0 ? doc : NULL),
        };
        return put_row(tx, "consultations", key, f, sizeof(f) / sizeof(f[0]), x->today, d);
    }
}

static enum khu_err appraise(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    enum khu_err err = need_text(x->a->text, "appraisal", d);

    if (err)
        return err;
    /* a department's opinion is waited for until its due day */
    if (x->mine.unanswered_not_due) {
        khu_diag_set(d, 0, 0, NULL,
                     "a department has not answered and its due day has not passed: wait for "
                     "its opinion");
        khu_diag_rule(d, "waiting", NULL);
        return KHU_ECONFLICT;
    }
    {
        struct app_edit_field f[] = {val("appraised_on", x->today), val("appraisal", x->a->text)};
        return set_dossier(tx, x, f, 2, d);
    }
}

/* The departments of a dossier's consultations still open. */
struct open_list {
    char (*dept)[65];
    size_t n, cap;
    int oom;
};

static int take_open(void *arg, const struct khu_row *row)
{
    struct open_list *l = arg;
    const char *dept = row_text(row, CONSULT_COL_DEPARTMENT);

    if (!dept || !row_is_null(row, CONSULT_COL_ANSWERED_ON) ||
        !row_is_null(row, CONSULT_COL_CLOSED_ON))
        return 0;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        char(*more)[65] = xrealloc(l->dept, cap * sizeof(*more));
        if (!more) {
            l->oom = 1;
            return 1;
        }
        l->dept = more;
        l->cap = cap;
    }
    copy(l->dept[l->n++], sizeof(l->dept[0]), dept);
    return 0;
}

/* A decided or withdrawn dossier no longer waits for the departments that
 * have not answered: their consultations close today. */
static enum khu_err close_open(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    struct open_list l = {0};
    enum khu_err err =
        store_dossier_consultations(store_tx_store(tx), x->now.code, take_open, &l, d);
    size_t i;

    if (!err && l.oom)
        err = KHU_ENOMEM;
    for (i = 0; !err && i < l.n; i++) {
        const char *key[3] = {x->now.code, l.dept[i], NULL};
        struct app_edit_field f[1];
        f[0] = val("closed_on", x->today);
        err = put_row(tx, "consultations", key, f, 1, x->today, d);
    }
    xfree(l.dept);
    return err;
}

static enum khu_err decide(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    const char *choice = x->a->choice;

    if (!choice || (strcmp(choice, "approved") && strcmp(choice, "rejected")))
        return bad_field(d, "decision", "enum", "must be one of: approved, rejected");
    {
        struct app_edit_field f[] = {
            val("status", "decided"),
            val("decision", choice),
            val("decided_on", x->today),
            val("certificate_no", x->a->number && x->a->number[0] ? x->a->number : NULL),
        };
        enum khu_err err = set_dossier(tx, x, f, sizeof(f) / sizeof(f[0]), d);
        return err ? err : close_open(tx, x, d);
    }
}

static enum khu_err act_in_tx(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct acting *x = arg;
    enum dossier_act act = x->a->act;
    enum khu_err err = admit(tx, x, act, d);

    if (err)
        return err;
    switch (act) {
    case DOSSIER_RETURN:
        err = need_text(x->a->text, "missing", d);
        if (!err) {
            struct app_edit_field f[] = {val("status", "returned"), val("returned_on", x->today),
                                         val("missing", x->a->text)};
            err = set_dossier(tx, x, f, 3, d);
        }
        break;
    case DOSSIER_RESUBMIT: {
        struct app_edit_field f[] = {val("status", "received")};
        err = set_dossier(tx, x, f, 1, d);
        break;
    }
    case DOSSIER_ACCEPT:
        err = accept(tx, x, d);
        break;
    case DOSSIER_ASK:
        err = ask(tx, x, d);
        break;
    case DOSSIER_ANSWER:
        err = answer(tx, x, d);
        break;
    case DOSSIER_OPINION:
        err = opinion(tx, x, d);
        break;
    case DOSSIER_APPRAISE:
        err = appraise(tx, x, d);
        break;
    case DOSSIER_DECIDE:
        err = decide(tx, x, d);
        break;
    case DOSSIER_WITHDRAW: {
        struct app_edit_field f[] = {val("status", "withdrawn")};
        err = set_dossier(tx, x, f, 1, d);
        if (!err)
            err = close_open(tx, x, d);
        break;
    }
    case DOSSIER_UPLOAD:
        err = bad_field(d, NULL, "upload", "a document is added with its bytes");
        break;
    }
    copy(x->out->code, sizeof(x->out->code), x->now.code);
    copy(x->out->stage, sizeof(x->out->stage),
         dossier_stage_name(dossier_stage_after(act, x->now.stage)));
    return err;
}

enum khu_err app_dossier_do(struct store *s, const struct app_dossier_who *who,
                            const struct app_dossier_act *a, const char *today,
                            struct app_dossier_result *out, struct khu_diag *d)
{
    struct acting *x = xcalloc(1, sizeof(*x));
    enum khu_err err;

    memset(out, 0, sizeof(*out));
    if (!x)
        return KHU_ENOMEM;
    if (!today || strlen(today) != 10 || !a->code) {
        xfree(x);
        return bad_field(d, NULL, "today", "the server's date is not known");
    }
    *x = (struct acting){.who = who, .a = a, .today = today, .out = out};
    err = store_write(s, &who->actor, act_in_tx, x, d);
    xfree(x->now.pauses);
    xfree(x->mine.pauses);
    xfree(x);
    return err;
}

/* ===== documents ===== */

/* Whether bytes begin as a file of content_type does: a PDF, a PNG or a
 * JPEG. What a browser would run (HTML, SVG, scripts) is none of them. */
static int looks_like(const char *content_type, const unsigned char *b, size_t n)
{
    if (!strcmp(content_type, "application/pdf"))
        return n >= 5 && !memcmp(b, "%PDF-", 5);
    if (!strcmp(content_type, "image/png"))
        return n >= 8 && !memcmp(b, "\x89PNG\r\n\x1a\n", 8);
    if (!strcmp(content_type, "image/jpeg"))
        return n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
    return 0;
}

static enum khu_err upload_in_tx(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct acting *x = arg;
    const char *hex = x->sha256;
    char n[24], bytes[24];
    enum khu_err err = admit(tx, x, DOSSIER_UPLOAD, d);

    if (err)
        return err;
    err = store_document_put(tx, hex, x->content_type, x->bytes, x->nbytes, d);
    if (!err)
        err = store_dossier_next_n(tx, "dossier_documents", x->now.code, &x->out->n, d);
    if (err)
        return err;
    snprintf(n, sizeof(n), "%ld", x->out->n);
    snprintf(bytes, sizeof(bytes), "%zu", x->nbytes);
    {
        struct app_edit_field f[] = {
            val("dossier_code", x->now.code),
            val("n", n),
            val("name", x->name),
            val("content_type", x->content_type),
            val("bytes", bytes),
            val("sha256", hex),
            val("uploaded_on", x->today),
            val("department", x->party == DOSSIER_DEPARTMENT ? x->who->department : NULL),
        };
        err = put_row(tx, "dossier_documents", NULL, f, sizeof(f) / sizeof(f[0]), x->today, d);
    }
    copy(x->out->stage, sizeof(x->out->stage), dossier_stage_name(x->now.stage));
    return err;
}

enum khu_err app_dossier_upload(struct store *s, const struct app_dossier_who *who,
                                const char *code, const char *name, const char *content_type,
                                const void *bytes, size_t n, const char *today,
                                struct app_dossier_result *out, struct khu_diag *d)
{
    struct app_dossier_act a = {.act = DOSSIER_UPLOAD, .code = code};
    unsigned char digest[crypto_hash_sha256_BYTES];
    struct acting *x;
    enum khu_err err;

    memset(out, 0, sizeof(*out));
    if (!content_type || (strcmp(content_type, "application/pdf") &&
                          strcmp(content_type, "image/png") && strcmp(content_type, "image/jpeg")))
        return bad_field(d, "Content-Type", "document_type",
                         "must be application/pdf, image/png or image/jpeg");
    if (n == 0 || n > APP_DOCUMENT_MAX_BYTES) {
        khu_diag_set(d, 0, 0, NULL, "a document must have 1 to %d bytes", APP_DOCUMENT_MAX_BYTES);
        khu_diag_rule(d, "document_size", NULL);
        return KHU_ETOOBIG;
    }
    if (!looks_like(content_type, bytes, n))
        return bad_field(d, "Content-Type", "document_bytes",
                         "the bytes are not a file of this type");
    if (!name || !name[0] || strlen(name) > 200)
        return bad_field(d, "name", "required",
                         "is required: the document's name (at most 200 bytes)");
    if (!today || strlen(today) != 10 || !code)
        return bad_field(d, NULL, "today", "the server's date is not known");
    x = xcalloc(1, sizeof(*x));
    if (!x)
        return KHU_ENOMEM;
    /* hashed before the write begins: 13 ms for 5 MB, which other writes
     * need not wait for */
    crypto_hash_sha256(digest, bytes, n);
    *x = (struct acting){.who = who,
                         .a = &a,
                         .today = today,
                         .out = out,
                         .name = name,
                         .content_type = content_type,
                         .bytes = bytes,
                         .nbytes = n};
    sodium_bin2hex(x->sha256, sizeof(x->sha256), digest, sizeof(digest));
    err = store_write(s, &who->actor, upload_in_tx, x, d);
    copy(out->code, sizeof(out->code), code);
    xfree(x->now.pauses);
    xfree(x->mine.pauses);
    xfree(x);
    return err;
}

enum khu_err app_dossier_secret_ok(struct store *s, const char *code, const char *secret, int *ok,
                                   struct khu_diag *d)
{
    char digest[SECRET_DIGEST_HEX];

    *ok = 0;
    if (!code || !secret || strlen(secret) >= SECRET_MAX)
        return KHU_OK;
    app_secret_digest(secret, strlen(secret), digest);
    return store_dossier_secret_matches(s, code, digest, ok, d);
}
