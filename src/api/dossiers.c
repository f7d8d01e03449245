/* SPDX-License-Identifier: MIT */
/*
 * The dossier workflow over HTTP: filing (POST /api/v1/dossiers), the
 * list and one dossier with every clock (GET), the acts
 * (POST /api/v1/dossiers/{code}/{act}), a department's queue, and a
 * dossier's stage for whoever holds its code and secret. Who may see
 * what: an officer, an admin or a viewer every dossier; an investor its
 * own, without the departments' opinions; a department those it is
 * consulted on. A dossier someone may not see does not exist for them
 * (404). Decoding and answering only: the decisions are
 * app/app_dossier.h's and core/dossier_flow.h's.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/cache.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/tr.h"
#include "app/app_calendar.h"
#include "app/app_dossier.h"
#include "core/dossier_clock.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/schema.h"
#include "core/xalloc.h"
#include "store/dossiers.h"
#include "store/rows.h"

/* ===== who asks ===== */

/* Fills w from the signed-in user of req. Returns 0, or -1 after a 401. */
static int who_of(const struct http_req *req, struct http_resp *resp, struct app_dossier_who *w)
{
    const struct api_principal *p = api_principal(req);

    memset(w, 0, sizeof(*w));
    if (!p || !p->signed_in) { /* the route table lets only the signed-in in */
        api_sign_in_first(req, resp);
        return -1;
    }
    store_actor_set(&w->actor, p->who.name, req->client);
    w->role = p->role;
    snprintf(w->tax_code, sizeof(w->tax_code), "%s", p->who.tax_code);
    snprintf(w->department, sizeof(w->department), "%s", p->who.department);
    return 0;
}

/* The start of every signed-in route here: its parameters (allowed),
 * the language, who asks. Returns 0, or -1 after answering. */
static int begin(struct http_req *req, struct http_resp *resp, const char *const *allowed,
                 enum api_lang *lang, struct app_dossier_who *who)
{
    return http_check_params(req, resp, allowed) || api_lang(req, resp, lang) ||
                   who_of(req, resp, who)
               ? -1
               : 0;
}

/* Answers err in place of a body begun. */
static void fail_body(struct http_resp *resp, enum khu_err err, const struct khu_diag *d)
{
    buf_reset(&resp->body);
    api_error(resp, err, d);
}

/* What a party sees of a dossier. */
static int sees_all(const struct app_dossier_who *w)
{
    return w->role == ROLE_OFFICER || w->role == ROLE_ADMIN || w->role == ROLE_VIEWER;
}

/* ===== messages ===== */

/* Writes the message for the rule an act broke, in lang: the workflow's
 * own rules, then those of a row's values (api_rule_message). */
static void act_message(enum api_lang lang, const struct khu_diag *d, char *out, size_t n)
{
    /* the tables whose rows the workflow writes: a value's rule is theirs */
    static const char *const tables[] = {"dossiers", "consultations", "dossier_questions",
                                         "dossier_documents", "projects"};
    static const struct {
        const char *rule, *en;
    } m[] = {
        {"forbidden", "Your account cannot do this on this dossier."},
        {"answered", "Your department has given its opinion on this dossier already."},
        {"question_answered", "This question is answered already."},
        {"waiting", "A department has not answered and its due day has not passed: wait for its "
                    "opinion."},
        {"required", "This is required."},
        {"too_long", "This is too long: at most 4000 bytes."},
        {"not_yours", "This is not one of yours."},
        {"no_question", "No question of this dossier has this number."},
        {"limit_known", "The law gives this time limit: it cannot be set here."},
        {"limit", "A time limit is 0 to 3650 days, counted as working or calendar days."},
        {"document_type", "A document is a PDF, a PNG or a JPEG image."},
        {"document_bytes", "The content is not a file of the type it claims."},
        {"document_size", "A document has 1 byte to 20 MB."},
    };
    const struct table_def *t = NULL;
    size_t i;

    for (i = 0; d->rule && i < sizeof(m) / sizeof(m[0]); i++)
        if (!strcmp(m[i].rule, d->rule)) {
            snprintf(out, n, "%s", api_tr(lang, m[i].en));
            return;
        }
    for (i = 0; !t && i < sizeof(tables) / sizeof(tables[0]); i++)
        if (schema_col_index(schema_table(tables[i]), d->field) >= 0)
            t = schema_table(tables[i]);
    api_rule_message(lang, t, d, out, n);
}

/* Answers the error of a dossier's use case. */
static void act_error(struct http_resp *resp, enum api_lang lang, enum khu_err err,
                      const struct app_dossier_result *out, const struct khu_diag *d)
{
    struct http_field_problem f = {.param = d->field[0] ? d->field : "body", .rule = d->rule};

    if (err == KHU_ENOTFOUND) {
        http_problem(resp, 404, NULL, "%s", api_tr(lang, "No dossier you may see has this code."));
        return;
    }
    if (err == KHU_ECONFLICT && d->rule && !strcmp(d->rule, "stage")) {
        http_problem(resp, 409, NULL, api_tr(lang, "The dossier's stage does not allow this: %s."),
                     api_tr(lang, d->message)); /* core/dossier_flow.c's, in tr.c */
        return;
    }
    if (err == KHU_EINVAL && out && out->forbidden) {
        act_message(lang, d, f.detail, sizeof(f.detail));
        http_problem(resp, 403, NULL, "%s", f.detail);
        return;
    }
    if (err != KHU_EINVAL && err != KHU_ECONFLICT && err != KHU_ETOOBIG) {
        api_error(resp, err, d);
        return;
    }
    act_message(lang, d, f.detail, sizeof(f.detail));
    http_problem_fields(resp,
                        err == KHU_ECONFLICT ? 409
                        : err == KHU_ETOOBIG ? 413
                                             : 400,
                        f.detail, &f, 1);
}

/* ===== the body ===== */

/* A whole number of the body, or dflt when it is absent or null. */
static long long number(json_t *doc, const char *key, long long dflt)
{
    json_t *v = json_object_get(doc, key);

    return json_is_integer(v) ? json_integer_value(v) : dflt;
}

/* ===== the clocks ===== */

/* How far the calendar knows the years a clock counts over, from start to
 * its due day (to today while it has none): the least of them. A due day
 * on a provisional year may move when the Government announces its
 * schedule. */
static enum app_year_state clock_calendar(const struct app_calendar *c, int32_t start,
                                          const struct clock_view *v, int32_t today)
{
    int32_t end = v->due != WORKDAY_NO_DATE ? v->due : today;
    enum app_year_state least = APP_YEAR_OFFICIAL, st;
    int y;

    if (start == WORKDAY_NO_DATE || end == WORKDAY_NO_DATE || end < start)
        return least;
    for (y = app_calendar_year_of(start); y <= app_calendar_year_of(end); y++) {
        st = app_calendar_year(c, y);
        if (st < least)
            least = st;
    }
    return least;
}

static void clock_json(struct jw *w, const struct clock_view *v, const struct app_calendar *c,
                       int32_t start, int32_t today)
{
    char due[11];

    jw_key(w, "clock");
    jw_obj_begin(w);
    jw_key(w, "state");
    jw_str(w, clock_state_name(v->state));
    jw_key(w, "due");
    if (v->due == WORKDAY_NO_DATE)
        jw_null(w);
    else {
        format_date(v->due, due);
        jw_str(w, due);
    }
    if (v->state == CLOCK_RUNNING || v->state == CLOCK_PAUSED) {
        jw_key(w, "working_days_left");
        if (v->due == WORKDAY_NO_DATE)
            jw_null(w);
        else
            jw_int(w, v->left);
        jw_key(w, "overdue");
        jw_bool(w, v->overdue);
    }
    if (v->state == CLOCK_DONE) {
        jw_key(w, "late");
        jw_bool(w, v->late);
        jw_key(w, "working_days_taken");
        jw_int(w, v->took);
    }
    if (v->state != CLOCK_NOT_STARTED) {
        jw_key(w, "calendar");
        jw_str(w, app_year_state_name(clock_calendar(c, start, v, today)));
    }
    jw_obj_end(w);
}

static int32_t day_of(const char *text)
{
    int32_t d;

    return text && !parse_date(text, &d) ? d : WORKDAY_NO_DATE;
}

/* The clock of a start, a limit, pauses (text) and the day it was done. */
static void clock_of(const struct workday_calendar *cal, const char *start, int days,
                     const char *kind, const char *pauses, const char *done, int32_t today,
                     struct clock_view *v)
{
    struct workday_pause *p = NULL;
    size_t np = 0;
    /* the store writes the text itself: unreadable, it counts as none */
    int unreadable = clock_pauses_read(pauses, &p, &np);
    struct clock_facts f = {day_of(start),
                            days,
                            kind && !strcmp(kind, "calendar") ? WORKDAY_COUNT_CALENDAR
                                                              : WORKDAY_COUNT_WORKING,
                            p,
                            np,
                            day_of(done),
                            today};

    (void)unreadable;
    dossier_clock(cal, &f, v);
    xfree(p);
}

/* ===== a dossier as JSON ===== */

struct encode {
    struct jw *w;
    const struct app_dossier_who *who;
    const struct workday_calendar *cal;
    const struct app_calendar *acal;
    int32_t today;
    int opinions; /* 1: the departments' opinions and notes are shown */
    int queue;    /* 1: a department's queue: each consultation names its dossier's project */
    int party;    /* one dossier: the party that may act on it (0: none, as a viewer) */
    long n;
};

static int64_t opt_int(const struct khu_row *row, int i)
{
    return row_is_null(row, i) ? CLOCK_NO_LIMIT : row_int(row, i);
}

/* "acts": what party may do at stage, as the rules of core/dossier_flow.h
 * say (a page shows these and no other; the act itself checks again). */
static void acts_json(struct jw *w, enum dossier_party party, enum dossier_stage stage)
{
    static const enum dossier_act acts[] = {
        DOSSIER_UPLOAD, DOSSIER_RETURN,  DOSSIER_RESUBMIT, DOSSIER_ACCEPT, DOSSIER_ASK,
        DOSSIER_ANSWER, DOSSIER_OPINION, DOSSIER_APPRAISE, DOSSIER_DECIDE, DOSSIER_WITHDRAW};
    size_t i;

    jw_key(w, "acts");
    jw_arr_begin(w);
    for (i = 0; i < sizeof(acts) / sizeof(acts[0]); i++)
        if (!dossier_act_refusal(acts[i], party, stage, NULL))
            jw_str(w, dossier_act_name(acts[i]));
    jw_arr_end(w);
}

/* The fields of a dossier row (store_dossier_get), its stage and clock;
 * for one dossier, the acts its reader may do. */
static void dossier_fields(struct encode *e, const struct khu_row *row)
{
    const struct table_def *t = schema_table("dossiers");
    enum dossier_stage stage = DOSSIER_RECEIVED;
    int known = !dossier_stage_of(row_text(row, DOSSIER_COL_STATUS),
                                  !row_is_null(row, DOSSIER_COL_APPRAISED_ON), &stage);
    struct clock_view v;

    row_json_fields(e->w, t, row, 0);
    jw_opt_str(e->w, "project_name", row_text(row, DOSSIER_COL_PROJECT_NAME));
    jw_opt_str(e->w, "investor_tax_code", row_text(row, DOSSIER_COL_INVESTOR));
    jw_opt_str(e->w, "zone_code", row_text(row, DOSSIER_COL_ZONE));
    jw_key(e->w, "stage");
    jw_str(e->w, known ? dossier_stage_name(stage) : "");
    clock_of(e->cal, row_text(row, DOSSIER_COL_ACCEPTED_ON),
             (int)opt_int(row, DOSSIER_COL_LIMIT_DAYS), row_text(row, DOSSIER_COL_LIMIT_KIND),
             row_text(row, DOSSIER_COL_PAUSES),
             stage == DOSSIER_DECIDED ? row_text(row, DOSSIER_COL_DECIDED_ON) : NULL, e->today, &v);
    if (stage == DOSSIER_WITHDRAWN)
        v.state = CLOCK_NOT_STARTED, v.due = WORKDAY_NO_DATE;
    clock_json(e->w, &v, e->acal, day_of(row_text(row, DOSSIER_COL_ACCEPTED_ON)), e->today);
    if (e->party)
        acts_json(e->w, (enum dossier_party)e->party, stage);
}

static int encode_dossier(void *arg, const struct khu_row *row)
{
    struct encode *e = arg;

    jw_obj_begin(e->w);
    dossier_fields(e, row);
    jw_obj_end(e->w);
    e->n++;
    return 0;
}

/* The dossier's fields into the object already open. */
static int encode_dossier_fields(void *arg, const struct khu_row *row)
{
    dossier_fields(arg, row);
    return 1;
}

/* A consultation with its clock; an investor sees whether a department
 * answered, not what it said. */
static int encode_consultation(void *arg, const struct khu_row *row)
{
    static const char *const hidden[] = {"opinion", "note", "document", NULL};
    const struct table_def *t = schema_table("consultations");
    struct encode *e = arg;
    struct clock_view v;
    size_t i;

    jw_obj_begin(e->w);
    for (i = 0; i < t->ncols; i++) {
        size_t h;
        int hide = 0;
        for (h = 0; !e->opinions && hidden[h]; h++)
            hide |= !strcmp(hidden[h], t->cols[i].name);
        if (hide)
            continue;
        jw_key(e->w, t->cols[i].name);
        row_json_value(e->w, &t->cols[i], row_at(row, (int)i));
    }
    clock_of(e->cal, row_text(row, CONSULT_COL_REQUESTED_ON),
             (int)opt_int(row, CONSULT_COL_LIMIT_DAYS), row_text(row, CONSULT_COL_LIMIT_KIND),
             row_text(row, CONSULT_COL_PAUSES), row_text(row, CONSULT_COL_ANSWERED_ON), e->today,
             &v);
    clock_json(e->w, &v, e->acal, day_of(row_text(row, CONSULT_COL_REQUESTED_ON)), e->today);
    if (e->queue) {
        jw_opt_str(e->w, "procedure", row_text(row, CONSULT_COL_PROCEDURE));
        jw_opt_str(e->w, "project_name", row_text(row, CONSULT_COL_PROJECT_NAME));
    }
    jw_obj_end(e->w);
    return 0;
}

static int encode_plain(void *arg, const struct khu_row *row, const char *table)
{
    struct encode *e = arg;

    jw_obj_begin(e->w);
    row_json_fields(e->w, schema_table(table), row, 0);
    jw_obj_end(e->w);
    return 0;
}

static int encode_question(void *arg, const struct khu_row *row)
{
    return encode_plain(arg, row, "dossier_questions");
}

static int encode_document(void *arg, const struct khu_row *row)
{
    struct encode *e = arg;
    char href[160];

    if (!e->opinions && !row_is_null(row, 7)) /* attached to a department's opinion */
        return 0;

    jw_obj_begin(e->w);
    row_json_fields(e->w, schema_table("dossier_documents"), row, 0);
    snprintf(href, sizeof(href), "/api/v1/dossiers/%s/documents/%lld", row_text(row, 0),
             (long long)row_int(row, 1));
    jw_key(e->w, "href");
    jw_str(e->w, href);
    jw_obj_end(e->w);
    return 0;
}

/* The calendar and today for the clocks of an answer. Returns 0, or -1
 * after answering. */
static int clocks_begin(struct http_req *req, struct http_resp *resp, struct store *s,
                        struct app_calendar *cal, struct encode *e)
{
    char today[16];
    struct khu_diag d;
    enum khu_err err;

    khu_diag_clear(&d);
    err = app_calendar_load(s, cal, &d);
    if (err) {
        api_error(resp, err, &d);
        return -1;
    }
    api_today(req, today);
    e->cal = &cal->cal;
    e->acal = cal;
    e->today = day_of(today);
    return 0;
}

/* ===== GET /api/v1/dossiers ===== */

void api_dossiers_list(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"status", "procedure", "limit", "offset", "lang", NULL};
    const struct table_def *t = schema_table("dossiers");
    struct store_dossier_filter f = {.status = http_param(req, "status"),
                                     .procedure = http_param(req, "procedure")};
    struct app_dossier_who who;
    struct app_calendar cal = {0};
    struct encode e = {0};
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;
    long total = 0;
    int64_t limit = 100, offset = 0;
    char list[256];
    struct jw w;
    int i;

    if (begin(req, resp, allowed, &lang, &who) ||
        api_int_param(req, resp, lang, "limit", 1, 1000, &limit) ||
        api_int_param(req, resp, lang, "offset", 0, 100000000, &offset))
        return;
    f.limit = (int)limit;
    f.offset = (int)offset;
    for (i = 0; i < 2; i++) {
        const char *name = i ? "procedure" : "status";
        const char *v = i ? f.procedure : f.status;
        const struct col_def *c = &t->cols[schema_col_index(t, name)];
        if (v && !schema_enum_ok(c, v)) {
            http_problem(resp, 400, name, api_tr(lang, "%s must be one of: %s; got '%.40s'"), name,
                         schema_enum_list(c, list, sizeof(list)), v);
            return;
        }
    }
    if (who.role == ROLE_INVESTOR)
        f.investor = who.tax_code;
    else if (who.role == ROLE_DEPARTMENT)
        f.department = who.department;
    else if (!sees_all(&who)) {
        http_problem(resp, 403, NULL, "%s",
                     api_tr(lang, "Your account cannot do this on this dossier."));
        return;
    }
    s = api_store(req, resp);
    if (!s || clocks_begin(req, resp, s, &cal, &e))
        return;
    resp->cache_control = "no-store";
    jw_init(&w, &resp->body);
    e.w = &w;
    e.who = &who;
    jw_obj_begin(&w);
    jw_key(&w, "items");
    jw_arr_begin(&w);
    khu_diag_clear(&d);
    err = store_dossiers_list(s, &f, encode_dossier, &e, &total, &d);
    app_calendar_free(&cal);
    if (err) {
        fail_body(resp, err, &d);
        return;
    }
    jw_arr_end(&w);
    jw_key(&w, "total");
    jw_int(&w, total);
    jw_key(&w, "limit");
    jw_int(&w, f.limit);
    jw_key(&w, "offset");
    jw_int(&w, f.offset);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

/* ===== GET /api/v1/dossiers/{code} ===== */

struct seen {
    char investor[16];
    int found;
};

static int take_seen(void *arg, const struct khu_row *row)
{
    struct seen *x = arg;

    x->found = 1;
    snprintf(x->investor, sizeof(x->investor), "%s",
             row_text(row, DOSSIER_COL_INVESTOR) ? row_text(row, DOSSIER_COL_INVESTOR) : "");
    return 1;
}

static int take_found(void *arg, const struct khu_row *row)
{
    (void)row;
    *(int *)arg = 1;
    return 1;
}

/* Whether who may see dossier code: the party it is, 0 for none (or no
 * such dossier). Returns -1 after answering an error of the store. */
static int party_for(struct http_resp *resp, struct store *s, const char *code,
                     const struct app_dossier_who *who)
{
    struct seen x = {0};
    struct khu_diag d;
    enum khu_err err;
    int consulted = 0;

    khu_diag_clear(&d);
    err = store_dossier_get(s, code, take_seen, &x, &d);
    if (!err && who->role == ROLE_DEPARTMENT && who->department[0]) {
        const char *key[3] = {code, who->department, NULL};
        err = store_row_get(s, schema_table("consultations"), key, take_found, &consulted, &d);
        if (err == KHU_ENOTFOUND)
            err = KHU_OK;
    }
    if (err == KHU_ENOTFOUND)
        return 0;
    if (err) {
        api_error(resp, err, &d);
        return -1;
    }
    if (who->role == ROLE_VIEWER)
        return DOSSIER_OFFICER; /* reads what officers read */
    return (int)app_dossier_party(who, x.investor, consulted);
}

void api_dossier_get(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    const char *code = req->path_params[0];
    struct app_dossier_who who;
    struct app_calendar cal = {0};
    struct encode e = {0};
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;
    struct jw w;
    int party, snap;

    if (begin(req, resp, allowed, &lang, &who))
        return;
    s = api_store(req, resp);
    if (!s)
        return;
    snap = store_snapshot_begin(s); /* the dossier and its parts as of one moment */
    party = party_for(resp, s, code, &who);
    if (party <= 0) {
        if (party == 0)
            http_problem(resp, 404, NULL, "%s",
                         api_tr(lang, "No dossier you may see has this code."));
        store_snapshot_end(s, snap);
        return;
    }
    if (clocks_begin(req, resp, s, &cal, &e)) {
        store_snapshot_end(s, snap);
        return;
    }
    resp->cache_control = "no-store";
    jw_init(&w, &resp->body);
    e.w = &w;
    e.who = &who;
    e.opinions = party != DOSSIER_INVESTOR;
    e.party = who.role == ROLE_VIEWER ? 0 : party;
    jw_obj_begin(&w);
    khu_diag_clear(&d);
    err = store_dossier_get(s, code, encode_dossier_fields, &e, &d);
    if (!err) {
        jw_key(&w, "consultations");
        jw_arr_begin(&w);
        err = store_dossier_consultations(s, code, encode_consultation, &e, &d);
        jw_arr_end(&w);
    }
    if (!err) {
        jw_key(&w, "questions");
        jw_arr_begin(&w);
        err = store_dossier_questions(s, code, encode_question, &e, &d);
        jw_arr_end(&w);
    }
    if (!err) {
        jw_key(&w, "documents");
        jw_arr_begin(&w);
        err = store_dossier_documents(s, code, encode_document, &e, &d);
        jw_arr_end(&w);
    }
    store_snapshot_end(s, snap);
    app_calendar_free(&cal);
    if (err) {
        fail_body(resp, err, &d);
        return;
    }
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

/* ===== POST /api/v1/dossiers ===== */

static void answer_act(struct http_resp *resp, int status, const struct app_dossier_result *out,
                       const char *act)
{
    char href[96];
    struct jw w;

    resp->status = status;
    resp->cache_control = "no-store";
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "code");
    jw_str(&w, out->code);
    if (out->secret[0]) {
        jw_key(&w, "secret");
        jw_str(&w, out->secret);
    }
    jw_key(&w, "act");
    jw_str(&w, act);
    jw_key(&w, "stage");
    jw_str(&w, out->stage);
    if (out->n > 0) {
        jw_key(&w, "n");
        jw_int(&w, out->n);
    }
    if (!strcmp(act, "accept")) {
        jw_key(&w, "consultations");
        jw_int(&w, out->consultations);
    }
    snprintf(href, sizeof(href), "/api/v1/dossiers/%s", out->code);
    jw_key(&w, "href");
    jw_str(&w, href);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

void api_dossier_file(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"procedure", "project_code", "project_name", "zone_code",
                                          NULL};
    static const char *const no_params[] = {"lang", NULL};
    const struct table_def *t = schema_table("dossiers");
    const struct col_def *proc = &t->cols[schema_col_index(t, "procedure")];
    struct app_dossier_filing f;
    struct app_dossier_result out;
    struct app_dossier_who who;
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;
    char list[256], today[16];
    json_t *doc;

    if (begin(req, resp, no_params, &lang, &who))
        return;
    lang = api_message_lang(req, lang);
    doc = api_json_body(req, resp, lang, allowed);
    if (!doc)
        return;
    f = (struct app_dossier_filing){
        api_json_text(doc, "procedure"), api_json_text(doc, "project_code"),
        api_json_text(doc, "project_name"), api_json_text(doc, "zone_code")};
    if (!f.procedure || !schema_enum_ok(proc, f.procedure)) {
        http_problem(resp, 400, "procedure", api_tr(lang, "%s must be one of: %s; got '%.40s'"),
                     "procedure", schema_enum_list(proc, list, sizeof(list)),
                     f.procedure ? f.procedure : "");
        json_decref(doc);
        return;
    }
    s = api_writer(req, resp);
    if (s) {
        api_today(req, today);
        khu_diag_clear(&d);
        err = app_dossier_file(s, &who, &f, today, &out, &d);
        if (err)
            act_error(resp, lang, err, &out, &d);
        else
            answer_act(resp, 201, &out, "file");
    }
    json_decref(doc);
}

/* ===== POST /api/v1/dossiers/{code}/{act} ===== */

static const struct {
    const char *name;
    enum dossier_act act;
    const char *const allowed[8];
} act_bodies[] = {
    {"return", DOSSIER_RETURN, {"missing", NULL}},
    {"resubmit", DOSSIER_RESUBMIT, {NULL}},
    {"accept",
     DOSSIER_ACCEPT,
     {"[departments", "#limit_days", "limit_kind", "#consult_days", "consult_kind", NULL}},
    {"ask", DOSSIER_ASK, {"question", NULL}},
    {"answer", DOSSIER_ANSWER, {"#n", "answer", NULL}},
    {"opinion", DOSSIER_OPINION, {"opinion", "note", "#document", NULL}},
    {"appraise", DOSSIER_APPRAISE, {"appraisal", NULL}},
    {"decide", DOSSIER_DECIDE, {"decision", "certificate_no", NULL}},
    {"withdraw", DOSSIER_WITHDRAW, {NULL}},
};

/* Reads the act's values from doc into a. Returns 0, or -1 after a 400. */
static int act_values(struct http_resp *resp, enum api_lang lang, json_t *doc,
                      struct app_dossier_act *a)
{
    json_t *depts = json_object_get(doc, "departments"), *v;
    long long limit = number(doc, "limit_days", -1), consult = number(doc, "consult_days", -1);
    size_t i;

    a->text = api_json_text(doc, "missing");
    a->text = a->text ? a->text : api_json_text(doc, "question");
    a->text = a->text ? a->text : api_json_text(doc, "answer");
    a->text = a->text ? a->text : api_json_text(doc, "note");
    a->text = a->text ? a->text : api_json_text(doc, "appraisal");
    a->choice = api_json_text(doc, "opinion");
    a->choice = a->choice ? a->choice : api_json_text(doc, "decision");
    a->number = api_json_text(doc, "certificate_no");
    a->n = (long)number(doc, "n", number(doc, "document", 0));
    if (limit < -1 || limit > WORKDAY_MAX_DAYS || consult < -1 || consult > WORKDAY_MAX_DAYS) {
        http_problem(resp, 400,
                     limit < -1 || limit > WORKDAY_MAX_DAYS ? "limit_days" : "consult_days", "%s",
                     api_tr(lang, "A time limit is 0 to 3650 days, counted as working or "
                                  "calendar days."));
        return -1;
    }
    a->limit_days = (int)limit;
    a->limit_kind = api_json_text(doc, "limit_kind");
    a->consult_days = (int)consult;
    a->consult_kind = api_json_text(doc, "consult_kind");
    json_array_foreach(depts, i, v)
    {
        if (i >= APP_DOSSIER_MAX_DEPTS || !json_is_string(v)) {
            http_problem(resp, 400, "departments",
                         api_tr(lang, "At most %d departments, as an array of department codes."),
                         APP_DOSSIER_MAX_DEPTS);
            return -1;
        }
        a->departments[i] = json_string_value(v);
    }
    return 0;
}

void api_dossier_act(struct http_req *req, struct http_resp *resp)
{
    static const char *const no_params[] = {"lang", NULL};
    const char *code = req->path_params[0], *name = req->path_params[1];
    struct app_dossier_act a = {.code = code};
    struct app_dossier_result out;
    struct app_dossier_who who;
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;
    char today[16];
    json_t *doc;
    size_t i;

    if (begin(req, resp, no_params, &lang, &who))
        return;
    lang = api_message_lang(req, lang);
    for (i = 0; i < sizeof(act_bodies) / sizeof(act_bodies[0]); i++)
        if (!strcmp(act_bodies[i].name, name))
            break;
    if (i == sizeof(act_bodies) / sizeof(act_bodies[0])) {
        http_problem(resp, 404, NULL,
                     api_tr(lang, "No act is called '%.40s': return, resubmit, accept, ask, "
                                  "answer, opinion, appraise, decide or withdraw."),
                     name);
        return;
    }
    doc = api_json_body(req, resp, lang, act_bodies[i].allowed);
    if (!doc)
        return;
    a.act = act_bodies[i].act;
    if (!act_values(resp, lang, doc, &a) && (s = api_writer(req, resp)) != NULL) {
        api_today(req, today);
        khu_diag_clear(&d);
        err = app_dossier_do(s, &who, &a, today, &out, &d);
        if (err)
            act_error(resp, lang, err, &out, &d);
        else
            answer_act(resp, 200, &out, name);
    }
    json_decref(doc);
}

/* ===== POST /api/v1/dossiers/{code}/documents?name= ===== */

void api_dossier_upload(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"name", "lang", NULL};
    const char *name = http_param(req, "name");
    struct app_dossier_result out;
    struct app_dossier_who who;
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;
    char today[16];

    if (begin(req, resp, allowed, &lang, &who))
        return;
    lang = api_message_lang(req, lang);
    s = api_writer(req, resp);
    if (!s)
        return;
    api_today(req, today);
    khu_diag_clear(&d);
    err = app_dossier_upload(s, &who, req->path_params[0], name, req->document_type, req->body,
                             req->body_len, today, &out, &d);
    if (err)
        act_error(resp, lang, err, &out, &d);
    else
        answer_act(resp, 201, &out, "upload");
}

/* ===== GET /api/v1/dossiers/{code}/documents/{n} ===== */

struct served {
    struct http_resp *resp;
    int found;
    int investor; /* 1: the investor asks: a department's attachment is not for it */
};

/* A document is served as an attachment of its own type, never as a page
 * a browser would show or run (the server adds nosniff and a CSP that
 * allows nothing to every answer). */
static void serve_document(void *arg, const char *content_type, const char *name,
                           const char *department, const void *bytes, size_t n)
{
    static const char *const types[] = {"application/pdf", "image/png", "image/jpeg"};
    struct served *x = arg;
    char safe[96];
    size_t i, j = 0;

    if (x->investor && department)
        return; /* part of a department's opinion: as if there were none */
    x->found = 1;
    x->resp->content_type = "application/octet-stream";
    for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (content_type && !strcmp(types[i], content_type))
            x->resp->content_type = types[i];
    /* the name in ASCII for the header: what is not a letter, digit, dot
     * or dash becomes '_' */
    for (i = 0; name && name[i] && j + 1 < sizeof(safe); i++) {
        unsigned char c = (unsigned char)name[i];
        safe[j++] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            c == '.' || c == '-'
                        ? (char)c
                        : '_';
    }
    safe[j] = '\0';
    snprintf(x->resp->content_disposition, sizeof(x->resp->content_disposition),
             "attachment; filename=\"%s\"", j ? safe : "document");
    buf_append(&x->resp->body, bytes, n);
}

void api_dossier_document(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    const char *code = req->path_params[0];
    struct served x = {resp, 0, 0};
    struct app_dossier_who who;
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;
    int64_t n = 0;
    int party;

    if (begin(req, resp, allowed, &lang, &who))
        return;
    if (parse_i64(req->path_params[1], 1, 100000, &n)) {
        http_problem(resp, 404, NULL, "%s",
                     api_tr(lang, "No document of this dossier has this "
                                  "number."));
        return;
    }
    s = api_store(req, resp);
    if (!s)
        return;
    party = party_for(resp, s, code, &who);
    if (party <= 0) {
        if (party == 0)
            http_problem(resp, 404, NULL, "%s",
                         api_tr(lang, "No dossier you may see has this code."));
        return;
    }
    khu_diag_clear(&d);
    x.investor = party == DOSSIER_INVESTOR;
    err = store_dossier_document(s, code, (long)n, serve_document, &x, &d);
    if (!err && !x.found)
        err = KHU_ENOTFOUND;
    if (err == KHU_ENOTFOUND)
        http_problem(resp, 404, NULL, "%s",
                     api_tr(lang, "No document of this dossier has this number."));
    else if (err)
        api_error(resp, err, &d);
    else
        resp->cache_control = "private, no-store";
}

/* ===== GET /api/v1/departments/{code}/queue ===== */

void api_department_queue(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    const char *dept = req->path_params[0];
    struct api_cache_ticket ticket;
    char today[16], name[48];
    struct app_dossier_who who;
    struct app_calendar cal = {0};
    struct encode e = {0};
    enum api_lang lang;
    struct khu_diag d;
    enum khu_err err;
    struct store *s;
    struct jw w;
    int found = 0;

    if (begin(req, resp, allowed, &lang, &who))
        return;
    /* a department sees its own queue; the province's staff every one */
    if (!sees_all(&who) && !(who.role == ROLE_DEPARTMENT && !strcmp(who.department, dept))) {
        /* as for a dossier: what one may not see does not exist for them */
        http_problem(resp, 404, NULL, "%s",
                     api_tr(lang, "No department's queue you may see has this code."));
        return;
    }
    s = api_store(req, resp);
    if (!s)
        return;
    /* the same for everyone who may see it, until the data changes or the
     * day does: kept by the answer cache, asked for past the check above
     * (an answer kept is of a department that exists) */
    resp->cache_control = "no-store";
    api_today(req, today);
    snprintf(name, sizeof(name), "queue@%s", today);
    if (api_cache_get(&ticket, s, name, req, lang, FORMAT_JSON, resp))
        return;
    khu_diag_clear(&d);
    err = store_row_get(s, schema_table("departments"), (const char *const[]){dept, NULL},
                        take_found, &found, &d);
    if (err == KHU_ENOTFOUND || (!err && !found)) {
        http_problem(resp, 404, NULL, "%s", api_tr(lang, "No department has this code."));
        return;
    }
    if (err) {
        api_error(resp, err, &d);
        return;
    }
    if (clocks_begin(req, resp, s, &cal, &e))
        return;
    jw_init(&w, &resp->body);
    e.w = &w;
    e.who = &who;
    e.opinions = 1;
    e.queue = 1;
    jw_obj_begin(&w);
    jw_key(&w, "department");
    jw_str(&w, dept);
    jw_key(&w, "items");
    jw_arr_begin(&w);
    err = store_department_queue(s, dept, encode_consultation, &e, &d);
    app_calendar_free(&cal);
    if (err) {
        fail_body(resp, err, &d);
        return;
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
    api_cache_keep(&ticket, resp);
}

/* ===== POST /api/v1/dossier_stage ===== */

/* The stage for whoever holds the code and the secret: which departments
 * have answered, not what they said. */
static int encode_answered(void *arg, const struct khu_row *row)
{
    struct jw *w = arg;

    jw_obj_begin(w);
    jw_key(w, "department");
    jw_str(w, row_text(row, CONSULT_COL_DEPARTMENT));
    jw_key(w, "answered");
    jw_bool(w, !row_is_null(row, CONSULT_COL_ANSWERED_ON));
    jw_opt_str(w, "answered_on", row_text(row, CONSULT_COL_ANSWERED_ON));
    jw_opt_str(w, "due_on", row_text(row, CONSULT_COL_DUE_ON));
    jw_obj_end(w);
    return 0;
}

static int encode_stage(void *arg, const struct khu_row *row)
{
    struct jw *w = arg;
    enum dossier_stage stage = DOSSIER_RECEIVED;

    dossier_stage_of(row_text(row, DOSSIER_COL_STATUS), !row_is_null(row, DOSSIER_COL_APPRAISED_ON),
                     &stage);
    jw_key(w, "code");
    jw_str(w, row_text(row, DOSSIER_COL_CODE));
    jw_key(w, "procedure");
    jw_str(w, row_text(row, DOSSIER_COL_PROCEDURE));
    jw_key(w, "stage");
    jw_str(w, dossier_stage_name(stage));
    jw_opt_str(w, "submitted_on", row_text(row, DOSSIER_COL_SUBMITTED_ON));
    jw_opt_str(w, "accepted_on", row_text(row, DOSSIER_COL_ACCEPTED_ON));
    jw_opt_str(w, "due_on", row_text(row, 4));
    jw_opt_str(w, "decision", row_text(row, 6));
    jw_opt_str(w, "decided_on", row_text(row, DOSSIER_COL_DECIDED_ON));
    return 1;
}

void api_dossier_stage(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"code", "secret", NULL};
    static const char *const no_params[] = {"lang", NULL};
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    struct store *s;
    const char *code, *secret;
    struct jw w;
    json_t *doc;
    int ok = 0;

    if (http_check_params(req, resp, no_params) || api_lang(req, resp, &lang))
        return;
    lang = api_message_lang(req, lang);
    doc = api_json_body(req, resp, lang, allowed);
    if (!doc)
        return;
    code = api_json_text(doc, "code");
    secret = api_json_text(doc, "secret");
    if (!code || !code[0] || !secret || !secret[0]) { /* said before anything is looked up */
        http_problem(resp, 400, !code || !code[0] ? "code" : "secret", "%s",
                     api_tr(lang, "This field is required."));
        json_decref(doc);
        return;
    }
    s = api_store(req, resp);
    khu_diag_clear(&d);
    err = s ? app_dossier_secret_ok(s, code, secret, &ok, &d) : KHU_OK;
    if (!s) {
        json_decref(doc);
        return;
    }
    if (err || !ok) {
        if (err)
            api_error(resp, err, &d);
        else /* one answer for a wrong code and a wrong secret */
            http_problem(resp, 404, NULL, "%s",
                         api_tr(lang, "No dossier has this code and secret."));
        json_decref(doc);
        return;
    }
    resp->cache_control = "no-store";
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    err = store_dossier_get(s, code, encode_stage, &w, &d);
    if (!err) {
        jw_key(&w, "departments");
        jw_arr_begin(&w);
        err = store_dossier_consultations(s, code, encode_answered, &w, &d);
        jw_arr_end(&w);
    }
    json_decref(doc);
    if (err) {
        fail_body(resp, err, &d);
        return;
    }
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}
