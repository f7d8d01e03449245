/* SPDX-License-Identifier: MIT */
/*
 * The demonstration data set (see app_demo.h): plays the script of
 * app_demo_script.c through the use cases, as the parties of the workflow
 * would act in the web app, on the working days the calendar gives.
 */
#include "app/app_demo.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "app/app_calendar.h"
#include "app/app_demo_int.h"
#include "app/app_dossier.h"
#include "app/app_edit.h"
#include "app/app_users.h"
#include "core/buf.h"
#include "core/num.h"
#include "core/password_policy.h"
#include "core/xalloc.h"
#include "store/catalog.h"

#define DEMO_LIMIT_DAYS   30 /* the officer's limits where no law in force gives one */
#define DEMO_CONSULT_DAYS 10
#define DEMO_PDF_MAX      4096

struct demo {
    struct store *s;
    struct app_calendar cal;
    int32_t today;
    int32_t first; /* the day the enterprises and projects are made */
    struct app_demo_result *out;
    struct buf pdf;
    struct khu_diag *d;
};

/* ===== days ===== */

static int working(const struct demo *g, int32_t day)
{
    return workday_is_working(&g->cal.cal, day);
}

/* The day n working days before today (n 0: today, or the working day
 * before it when it is not one). */
static int32_t back(const struct demo *g, int n)
{
    int32_t day = g->today;

    while (!working(g, day))
        day--;
    while (n-- > 0)
        do
            day--;
        while (!working(g, day));
    return day;
}

static int32_t day_of(const struct demo *g, const struct demo_step *st)
{
    int32_t day;

    if (st->on && !parse_date(st->on, &day))
        return day;
    return back(g, st->back);
}

/* 1 when every act of x falls on or before today. */
static int playable(const struct demo *g, const struct demo_dossier *x)
{
    const struct demo_step *st;

    for (st = x->steps; st->op != OP_END; st++)
        if (day_of(g, st) > g->today)
            return 0;
    return 1;
}

/* ===== writing rows ===== */

static struct app_edit_field field(const char *name, const char *text)
{
    struct app_edit_field f = {name, text, text ? strlen(text) : 0};

    return f;
}

static void actor(struct store_actor *a, const char *name)
{
    store_actor_set(a, name, "");
}

/* Adds where and what failed to d's message. */
static enum khu_err failed(struct demo *g, enum khu_err err, const char *what)
{
    char was[KHU_DIAG_MESSAGE_MAX];

    snprintf(was, sizeof(was), "%s", g->d->message[0] ? g->d->message : khu_err_str(err));
    snprintf(g->d->message, sizeof(g->d->message), "%.100s: %.60s%s%.150s", what,
             g->d->field[0] ? g->d->field : "", g->d->field[0] ? ": " : "", was);
    return err;
}

/* One row through the audited edit path, as actor_name: a new row (key
 * NULL) or a change to the row with key. workflow 0: as `khu edit`. */
static enum khu_err put(struct demo *g, const char *actor_name, const char *table,
                        const char *const *key, const struct app_edit_field *f, size_t n,
                        int workflow, int32_t on)
{
    struct app_edit_result *res = xcalloc(1, sizeof(*res));
    struct store_actor a;
    char day[11];
    struct app_edit_request r;
    enum khu_err err;

    if (!res)
        return KHU_ENOMEM;
    format_date(on, day);
    r = (struct app_edit_request){.table = table,
                                  .key = key,
                                  .as_it_stands = key != NULL,
                                  .fields = f,
                                  .nfields = n,
                                  .source = APP_DEMO_SOURCE,
                                  .as_of = day,
                                  .today = day,
                                  .workflow = workflow};
    actor(&a, actor_name);
    khu_diag_clear(g->d);
    err = app_edit(g->s, &a, &r, res, g->d);
    if (err == KHU_EINVAL && res->nproblems)
        *g->d = res->problem[0];
    xfree(res);
    return err;
}

static enum khu_err put_source(struct demo *g)
{
    const struct app_edit_field f[] = {
        field("code", APP_DEMO_SOURCE),
        field("cite", DEMO_CITE),
        field("publisher", "khu demo"),
        field("title", "Synthetic demonstration data (not real data)"),
        field("title_vi", "Dữ liệu minh hoạ tổng hợp (không phải dữ liệu thật)"),
        field("title_en", "Synthetic demonstration data (not real data)"),
        field("title_ko", "합성 시연 데이터 (실제 데이터 아님)"),
        field("lang", "en"),
        field("kind", "other"),
        field("reviewed", "0"),
        field("note", "Made up by khu demo to show the dossier workflow: the enterprises, "
                      "projects, dossiers and accounts it makes do not exist."),
    };
    enum khu_err err =
        put(g, APP_DEMO_SOURCE, "sources", NULL, f, sizeof(f) / sizeof(f[0]), 0, g->today);

    return err ? failed(g, err, "the source " APP_DEMO_SOURCE) : KHU_OK;
}

static enum khu_err put_enterprise(struct demo *g, const struct demo_enterprise *e)
{
    char employees[16], founded[16];
    struct app_edit_field f[] = {
        field("tax_code", e->tax_code),   field("name", e->name),
        field("name_en", e->name_en),     field("country", e->country),
        field("ownership", e->ownership), field("zone_code", e->zone),
        field("unit_code", e->unit),      field("vsic", e->vsic),
        field("products", e->products),   field("employees", NULL),
        field("founded", NULL),           field("source", DEMO_CITE),
    };
    enum khu_err err;

    snprintf(employees, sizeof(employees), "%d", e->employees);
    snprintf(founded, sizeof(founded), "%d", e->founded);
    f[9] = field("employees", employees);
    f[10] = field("founded", founded);
    err = put(g, APP_DEMO_SOURCE, "enterprises", NULL, f, sizeof(f) / sizeof(f[0]), 1, g->first);
    return err ? failed(g, err, e->tax_code) : KHU_OK;
}

static enum khu_err put_project(struct demo *g, const struct demo_project *p)
{
    const struct demo_enterprise *e = &demo_enterprises[p->enterprise];
    char usd[32], ha[32], jobs[16];
    struct app_edit_field f[] = {
        field("code", p->code),
        field("name", p->name),
        field("investor_tax_code", e->tax_code),
        field("zone_code", p->zone),
        field("unit_code", p->unit),
        field("vsic", p->vsic),
        field("capital_usd", NULL),
        field("land_ha", NULL),
        field("jobs", NULL),
        field("status", "dossier"),
        field("country", e->country),
        field("source", DEMO_CITE),
    };
    enum khu_err err;

    snprintf(usd, sizeof(usd), "%.0f", p->capital_usd);
    snprintf(ha, sizeof(ha), "%g", p->land_ha);
    snprintf(jobs, sizeof(jobs), "%d", p->jobs);
    f[6] = field("capital_usd", usd);
    f[7] = field("land_ha", ha);
    f[8] = field("jobs", jobs);
    err = put(g, APP_DEMO_SOURCE, "projects", NULL, f, sizeof(f) / sizeof(f[0]), 1, g->first);
    return err ? failed(g, err, p->code) : KHU_OK;
}

/* A project whose dossier procedure was approved on day: approved, or
 * licensed with its certificate. */
static enum khu_err project_approved(struct demo *g, const struct demo_project *p,
                                     const char *procedure, const char *number, int32_t day)
{
    const char *key[2] = {p->code, NULL};
    char on[11];
    int irc = !strcmp(procedure, "irc_issue");
    struct app_edit_field f[4];
    size_t n = 0;

    if (!irc && strcmp(procedure, "policy_approval") != 0)
        return KHU_OK;
    format_date(day, on);
    f[n++] = field("status", irc ? "licensed" : "approved");
    if (irc) {
        f[n++] = field("registered_on", on);
        f[n++] = field("irc_no", number);
    }
    f[n++] = field("source", DEMO_CITE);
    return put(g, "demo-officer", "projects", key, f, n, 1, day);
}

/* ===== the accounts ===== */

/* Makes the accounts' password: four groups of four letters and digits
 * (no 0/O or 1/l/I), about 90 bits, that passes the policy for every
 * account. Returns 0, or -1 when the random source failed. */
static int make_password(char out[APP_DEMO_PASSWORD_MAX])
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    const struct app_demo_account *a;
    int tries, i, o, ok;

    if (sodium_init() < 0)
        return -1;
    for (tries = 0; tries < 16; tries++) {
        for (i = 0, o = 0; i < 16; i++) {
            if (i && i % 4 == 0)
                out[o++] = '-';
            out[o++] = alphabet[randombytes_uniform((uint32_t)(sizeof(alphabet) - 1))];
        }
        out[o] = '\0';
        for (ok = 1, a = app_demo_accounts; a->name && ok; a++)
            ok = password_check(out, (size_t)o, a->name) == PASSWORD_OK;
        if (ok)
            return 0;
    }
    return -1;
}

static enum khu_err put_accounts(struct demo *g)
{
    const struct app_demo_account *a;
    struct store_actor who;
    char display[96];
    enum khu_err err;

    if (make_password(g->out->password)) {
        khu_diag_set(g->d, 0, 0, NULL, "the system's random source failed");
        return KHU_EIO;
    }
    actor(&who, APP_DEMO_SOURCE);
    for (a = app_demo_accounts; a->name; a++) {
        snprintf(display, sizeof(display), "Tài khoản minh hoạ (demo %s)", a->role);
        khu_diag_clear(g->d);
        err = app_user_add(g->s, &who, a->name, a->role, a->org, display, g->out->password,
                           strlen(g->out->password), g->d);
        if (err)
            return failed(g, err, a->name);
    }
    return KHU_OK;
}

/* ===== the dossiers ===== */

/* The tiny PDF a party adds to a dossier: one A4 page saying what it is.
 * lines are ASCII without parentheses or backslashes. */
static enum khu_err make_pdf(struct buf *b, const char *line1, const char *line2)
{
    char content[512];
    size_t off[6], xref;
    int n, i;

    n = snprintf(content, sizeof(content), "BT /F1 14 Tf 56 780 Td (%s) Tj 0 -22 Td (%s) Tj ET\n",
                 line1, line2);
    if (n < 0 || (size_t)n >= sizeof(content))
        return KHU_ETOOBIG;
    buf_reset(b);
    buf_puts(b, "%PDF-1.4\n");
    off[1] = b->len;
    buf_puts(b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    off[2] = b->len;
    buf_puts(b, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    off[3] = b->len;
    buf_puts(b, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n");
    off[4] = b->len;
    buf_printf(b, "4 0 obj\n<< /Length %d >>\nstream\n%sendstream\nendobj\n", n, content);
    off[5] = b->len;
    buf_puts(b, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
    xref = b->len;
    buf_puts(b, "xref\n0 6\n0000000000 65535 f \n");
    for (i = 1; i <= 5; i++)
        buf_printf(b, "%010zu 00000 n \n", off[i]);
    buf_printf(b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
    return b->err;
}

/* The parties of one dossier. */
struct parties {
    struct app_dossier_who investor, officer, department;
};

static void party(struct app_dossier_who *w, const char *name, enum role role, const char *tax,
                  const char *dept)
{
    memset(w, 0, sizeof(*w));
    actor(&w->actor, name);
    w->role = role;
    snprintf(w->tax_code, sizeof(w->tax_code), "%s", tax ? tax : "");
    snprintf(w->department, sizeof(w->department), "%s", dept ? dept : "");
}

/* The account a party acts as: the demonstration's own where there is
 * one, else khu-demo. */
static const char *account_of(const char *role, const char *org)
{
    const struct app_demo_account *a;

    for (a = app_demo_accounts; a->name; a++)
        if (!strcmp(a->role, role) && a->org && org && !strcmp(a->org, org))
            return a->name;
    return APP_DEMO_SOURCE;
}

static const struct app_dossier_who *department(struct parties *p, const char *dept)
{
    party(&p->department, account_of("department", dept), ROLE_DEPARTMENT, NULL, dept);
    return &p->department;
}

/* Accepts the dossier with the officer's limits where the law in force
 * that day gives none (core: a limit the law gives cannot be set). */
static enum khu_err accept(struct demo *g, const struct demo_dossier *x, struct parties *p,
                           struct app_dossier_act *a, const char *day,
                           struct app_dossier_result *res)
{
    enum khu_err err;
    int i, tries;

    a->act = DOSSIER_ACCEPT;
    a->limit_days = DEMO_LIMIT_DAYS;
    a->limit_kind = "working";
    a->consult_days = DEMO_CONSULT_DAYS;
    a->consult_kind = "working";
    for (i = 0; i < DEMO_CONSULTED_MAX && x->consulted[i]; i++)
        a->departments[i] = x->consulted[i];
    for (tries = 0;; tries++) {
        khu_diag_clear(g->d);
        err = app_dossier_do(g->s, &p->officer, a, day, res, g->d);
        if (err != KHU_EINVAL || tries == 2 || !g->d->rule || strcmp(g->d->rule, "limit_known"))
            return err;
        if (!strcmp(g->d->field, "limit_days"))
            a->limit_days = -1;
        else if (!strcmp(g->d->field, "consult_days"))
            a->consult_days = -1;
        else
            return err;
    }
}

/* What a dossier's acts keep between them. */
struct thread {
    char code[APP_DOSSIER_CODE_MAX];
    long question;      /* the last question asked */
    long document;      /* the last document a department added */
    const char *doc_by; /* that department */
    char stage[16];
};

static enum khu_err step(struct demo *g, const struct demo_dossier *x, struct parties *p,
                         const struct demo_step *st, struct thread *t)
{
    const struct demo_project *pj = &demo_projects[x->project];
    struct app_dossier_act a = {.code = t->code, .limit_days = -1, .consult_days = -1};
    struct app_dossier_result res;
    const struct app_dossier_who *who = &p->investor;
    char day[11], line[160];
    int32_t on = day_of(g, st);
    enum khu_err err;

    format_date(on, day);
    khu_diag_clear(g->d);
    switch (st->op) {
    case OP_FILE: {
        struct app_dossier_filing f = {x->procedure, pj->code, NULL, NULL};
        err = app_dossier_file(g->s, &p->investor, &f, day, &res, g->d);
        snprintf(t->code, sizeof(t->code), "%s", res.code);
        break;
    }
    case OP_UPLOAD:
        if (st->dept)
            who = department(p, st->dept);
        snprintf(line, sizeof(line), "%s - dossier %s, %s", st->text, t->code, day);
        err =
            make_pdf(&g->pdf, "khu demo: a synthetic demonstration document, not real data", line);
        if (!err)
            err = app_dossier_upload(g->s, who, t->code, st->text, "application/pdf", g->pdf.data,
                                     g->pdf.len, day, &res, g->d);
        if (!err && st->dept) {
            t->document = res.n;
            t->doc_by = st->dept;
        }
        break;
    case OP_ACCEPT:
        err = accept(g, x, p, &a, day, &res);
        break;
    default:
        a.text = st->text;
        a.choice = st->choice;
        a.number = st->number;
        switch (st->op) {
        case OP_RETURN:
            a.act = DOSSIER_RETURN;
            who = &p->officer;
            break;
        case OP_RESUBMIT:
            a.act = DOSSIER_RESUBMIT;
            break;
        case OP_ASK:
            a.act = DOSSIER_ASK;
            who = st->dept ? department(p, st->dept) : &p->officer;
            break;
        case OP_ANSWER:
            a.act = DOSSIER_ANSWER;
            a.n = t->question;
            break;
        case OP_OPINION:
            a.act = DOSSIER_OPINION;
            a.n = t->doc_by && !strcmp(t->doc_by, st->dept) ? t->document : 0;
            who = department(p, st->dept);
            break;
        case OP_APPRAISE:
            a.act = DOSSIER_APPRAISE;
            who = &p->officer;
            break;
        case OP_DECIDE:
            a.act = DOSSIER_DECIDE;
            who = &p->officer;
            break;
        default:
            a.act = DOSSIER_WITHDRAW;
            break;
        }
        err = app_dossier_do(g->s, who, &a, day, &res, g->d);
        if (!err && st->op == OP_ASK)
            t->question = res.n;
        if (!err && st->op == OP_DECIDE) {
            g->out->approved += !strcmp(st->choice, "approved");
            g->out->rejected += !strcmp(st->choice, "rejected");
            if (!strcmp(st->choice, "approved"))
                err = project_approved(g, pj, x->procedure, st->number, on);
        }
        break;
    }
    if (!err && res.stage[0])
        snprintf(t->stage, sizeof(t->stage), "%s", res.stage);
    return err;
}

static enum khu_err play(struct demo *g, const struct demo_dossier *x, size_t i)
{
    const struct demo_project *pj = &demo_projects[x->project];
    const struct demo_enterprise *e = &demo_enterprises[pj->enterprise];
    struct parties p;
    struct thread t;
    const struct demo_step *st;
    char what[160];
    enum khu_err err;
    int s;

    memset(&t, 0, sizeof(t));
    party(&p.investor, account_of("investor", e->tax_code), ROLE_INVESTOR, e->tax_code, NULL);
    party(&p.officer, "demo-officer", ROLE_OFFICER, NULL, NULL);
    for (st = x->steps; st->op != OP_END; st++) {
        err = step(g, x, &p, st, &t);
        if (err) {
            snprintf(what, sizeof(what), "dossier %zu (%s of %s), act %d", i + 1, x->procedure,
                     pj->code, (int)(st - x->steps) + 1);
            return failed(g, err, what);
        }
    }
    for (s = 0; s < APP_DEMO_STAGES; s++)
        if (!strcmp(t.stage, dossier_stage_name((enum dossier_stage)s)))
            g->out->stages[s]++;
    g->out->dossiers++;
    return KHU_OK;
}

/* ===== the whole ===== */

/* The first day of the layer: a week of working days before its first act. */
static int32_t first_day(const struct demo *g)
{
    int32_t first = g->today, day;
    const struct demo_step *st;
    size_t i;

    for (i = 0; i < demo_ndossiers; i++)
        for (st = demo_dossiers[i].steps; playable(g, &demo_dossiers[i]) && st->op != OP_END; st++)
            if ((day = day_of(g, st)) < first)
                first = day;
    for (i = 0; i < 5; i++)
        do
            first--;
        while (!working(g, first));
    return first;
}

/* ===== what app_demo_linkage.c uses ===== */

int32_t demo_back(const struct demo *g, int n)
{
    return back(g, n);
}

enum khu_err demo_put(struct demo *g, const char *actor_name, const char *table,
                      const char *const *key, const struct app_edit_field *f, size_t n,
                      int workflow, int32_t on)
{
    return put(g, actor_name, table, key, f, n, workflow, on);
}

enum khu_err demo_failed(struct demo *g, enum khu_err err, const char *what)
{
    return failed(g, err, what);
}

struct store *demo_store(struct demo *g)
{
    return g->s;
}

struct khu_diag *demo_diag(struct demo *g)
{
    return g->d;
}

enum khu_err app_demo_build(struct store *s, const char *today, struct app_demo_result *out,
                            struct khu_diag *d)
{
    struct demo g = {.s = s, .out = out, .d = d};
    int32_t floor;
    enum khu_err err;
    size_t i;

    memset(out, 0, sizeof(*out));
    khu_diag_clear(d);
    if (!today || parse_date(today, &g.today) || parse_date(APP_DEMO_FIRST_DAY, &floor) ||
        g.today < floor) {
        khu_diag_set(d, 0, 0, "today", "must be a date from %s", APP_DEMO_FIRST_DAY);
        return KHU_EINVAL;
    }
    err = app_calendar_load(s, &g.cal, d);
    if (err)
        return err;
    buf_init(&g.pdf, DEMO_PDF_MAX);
    g.first = first_day(&g);
    err = put_source(&g);
    for (i = 0; !err && i < demo_nenterprises; i++)
        if (!(err = put_enterprise(&g, &demo_enterprises[i])))
            out->enterprises++;
    for (i = 0; !err && i < demo_nprojects; i++)
        if (!(err = put_project(&g, &demo_projects[i])))
            out->projects++;
    if (!err)
        err = demo_suppliers(&g, out);
    if (!err)
        err = put_accounts(&g);
    for (i = 0; !err && i < demo_ndossiers; i++) {
        if (!playable(&g, &demo_dossiers[i]))
            continue;
        err = play(&g, &demo_dossiers[i], i);
        out->tet |= !err && demo_dossiers[i].steps[0].on != NULL;
    }
    if (!err)
        err = demo_linkage(&g, out);
    buf_free(&g.pdf);
    app_calendar_free(&g.cal);
    return err;
}

enum khu_err app_data_synthetic(struct store *s, int *synthetic, struct khu_diag *d)
{
    static const char *const codes[] = {APP_DEMO_SOURCE, "khu-gen", NULL};

    return store_source_any(s, codes, synthetic, d);
}
