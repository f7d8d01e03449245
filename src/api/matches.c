/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's pipeline over HTTP: GET /api/v1/matches (an officer
 * sees every match, a buyer those of its demands, a supplier its own, each
 * with the acts its reader may do now), POST /api/v1/matches (a buyer or
 * an officer proposes a supplier for a demand, with or without the
 * expression of interest) and POST /api/v1/matches/{demand}/{supplier}/{act}
 * (interest, accept, decline, meet, contract, close). The use case is
 * app/app_match; every refusal is said in the reader's language.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/json_body.h"
#include "api/tr.h"
#include "app/app_match.h"
#include "core/json_out.h"
#include "core/schema.h"
#include "store/linkage.h"

#define MATCH_LIST_MAX 500

/* The acting user, from the request's principal. */
static int who_of(const struct http_req *req, struct http_resp *resp, struct app_match_who *who)
{
    const struct api_principal *p = api_principal(req);

    memset(who, 0, sizeof(*who));
    if (!p || !p->signed_in) {
        api_sign_in_first(req, resp);
        return -1;
    }
    who->role = p->role;
    snprintf(who->name, sizeof(who->name), "%s", p->who.name);
    snprintf(who->tax_code, sizeof(who->tax_code), "%s", p->who.tax_code);
    return 0;
}

/* ===== messages ===== */

static void act_message(enum api_lang lang, const struct khu_diag *d, char *out, size_t n)
{
    static const struct {
        const char *rule, *en;
    } m[] = {
        {"forbidden", "Your account cannot do this on this match."},
        {"taken", "This supplier was proposed for the demand already."},
        {"required", "This is required."},
        {"too_long", "This is too long: at most 4000 bytes."},
        {"as_of_future", "Must not be after today."},
    };
    size_t i;

    for (i = 0; d->rule && i < sizeof(m) / sizeof(m[0]); i++)
        if (!strcmp(m[i].rule, d->rule)) {
            snprintf(out, n, "%s", api_tr(lang, m[i].en));
            return;
        }
    api_rule_message(lang, d->field[0] ? schema_table("matches") : NULL, d, out, n);
}

static void act_error(struct http_resp *resp, enum api_lang lang, enum khu_err err,
                      const struct app_match_result *out, const struct khu_diag *d)
{
    struct http_field_problem f = {.param = d->field[0] ? d->field : "body", .rule = d->rule};

    if (err == KHU_ENOTFOUND) {
        http_problem(resp, 404, d->field[0] ? d->field : NULL, "%s",
                     d->rule && !strcmp(d->rule, "no_supplier")
                         ? api_tr(lang, "No supplier has this tax code.")
                         : api_tr(lang, "No demand or match you may act on has this code."));
        return;
    }
    if (err == KHU_ECONFLICT && d->rule && !strcmp(d->rule, "stage")) {
        http_problem(resp, 409, NULL, api_tr(lang, "The match's stage does not allow this: %s."),
                     api_tr(lang, d->message)); /* core/match_flow.c's, in tr.c */
        return;
    }
    if (err == KHU_EINVAL && out && out->forbidden) {
        act_message(lang, d, f.detail, sizeof(f.detail));
        http_problem(resp, 403, NULL, "%s", f.detail);
        return;
    }
    if (err != KHU_EINVAL && err != KHU_ECONFLICT) {
        api_error(resp, err, d);
        return;
    }
    act_message(lang, d, f.detail, sizeof(f.detail));
    http_problem_fields(resp, err == KHU_ECONFLICT ? 409 : 400, f.detail, &f, 1);
}

/* ===== the list ===== */

struct listing {
    struct jw *w;
    const struct app_match_who *who;
    long count[MATCH_STAGES];
};

static void text(struct jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str(w, s);
}

/* The acts the reader may do on a match at stage. */
static void write_acts(struct jw *w, enum match_party party, enum match_stage stage)
{
    int a;

    jw_key(w, "acts");
    jw_arr_begin(w);
    for (a = MATCH_ACT_INTEREST; party && a < MATCH_ACTS; a++)
        if (!match_act_refusal((enum match_act)a, party, stage, NULL))
            jw_str(w, match_act_name((enum match_act)a));
    jw_arr_end(w);
}

static int write_match(void *arg, const struct store_match *m)
{
    struct listing *l = arg;
    struct jw *w = l->w;
    int stage = match_stage_of(m->stage);

    if (stage < 0)
        return 0;
    l->count[stage]++;
    jw_obj_begin(w);
    text(w, "demand_code", m->demand_code);
    text(w, "demand_title", m->demand_title);
    text(w, "demand_vsic", m->demand_vsic);
    text(w, "buyer_tax_code", m->buyer_tax_code);
    text(w, "buyer_name", m->buyer_name);
    text(w, "supplier_tax_code", m->supplier_tax_code);
    text(w, "supplier_name", m->supplier_name);
    text(w, "stage", m->stage);
    jw_key(w, "board_column");
    jw_int(w, match_board_column((enum match_stage)stage));
    jw_opt_real(w, "score", m->score.known, m->score.v);
    text(w, "proposed_on", m->proposed_on);
    text(w, "proposed_by", m->proposed_by);
    text(w, "interest_on", m->interest_on);
    text(w, "interest_note", m->interest_note);
    text(w, "answered_on", m->answered_on);
    text(w, "decline_reason", m->decline_reason);
    text(w, "meeting_on", m->meeting_on);
    text(w, "meeting_place", m->meeting_place);
    jw_key(w, "meeting_online");
    if (m->meeting_online.known)
        jw_bool(w, m->meeting_online.v != 0);
    else
        jw_null(w);
    text(w, "meeting_outcome", m->meeting_outcome);
    text(w, "linkage_code", m->linkage_code);
    text(w, "closed_on", m->closed_on);
    write_acts(w, app_match_party(l->who, m->buyer_tax_code, m->supplier_tax_code),
               (enum match_stage)stage);
    jw_obj_end(w);
    return 0;
}

void api_matches_list(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"demand", "supplier", "stage", "lang", NULL};
    struct store_match_filter f = {http_param(req, "demand"), http_param(req, "supplier"), NULL,
                                   http_param(req, "stage")};
    struct app_match_who who;
    struct listing l;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    struct store *s;
    struct jw w;
    int i;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang) ||
        who_of(req, resp, &who))
        return;
    if (f.stage && match_stage_of(f.stage) < 0) {
        http_problem(resp, 400, "stage",
                     api_tr(api_message_lang(req, lang),
                            "%s must be one of: %s (several separated by commas); got '%.40s'"),
                     "stage", "proposed, interest, accepted, declined, meeting, contract, closed",
                     f.stage);
        return;
    }
    /* a buyer sees the matches of its demands, a supplier its own */
    if (who.role == ROLE_INVESTOR)
        f.buyer = who.tax_code;
    else if (who.role == ROLE_SUPPLIER)
        f.supplier = who.tax_code;
    s = api_store(req, resp);
    if (!s)
        return;
    memset(&l, 0, sizeof(l));
    l.w = &w;
    l.who = &who;
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "items");
    jw_arr_begin(&w);
    khu_diag_clear(&d);
    err = store_matches(s, &f, MATCH_LIST_MAX, write_match, &l, &d);
    jw_arr_end(&w);
    if (err) {
        buf_reset(&resp->body);
        api_error(resp, err, &d);
        return;
    }
    jw_key(&w, "counts");
    jw_obj_begin(&w);
    for (i = 0; i < MATCH_STAGES; i++) {
        jw_key(&w, match_stage_name((enum match_stage)i));
        jw_int(&w, l.count[i]);
    }
    jw_obj_end(&w);
    jw_key(&w, "limit");
    jw_int(&w, MATCH_LIST_MAX);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

/* ===== the acts ===== */

static void answer(struct http_resp *resp, int status, const struct app_match_act *a,
                   const struct app_match_result *out)
{
    struct jw w;

    resp->status = status;
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    text(&w, "demand_code", a->demand);
    text(&w, "supplier_tax_code", a->supplier);
    text(&w, "act", match_act_name(a->act));
    text(&w, "stage", match_stage_name(out->stage));
    text(&w, "linkage_code", out->linkage[0] ? out->linkage : NULL);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

/* Runs a for the request; the body was read into doc by the caller. */
static void run(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                const struct app_match_who *who, struct app_match_act *a, int status)
{
    struct app_match_result out;
    struct store_actor actor;
    struct khu_diag d;
    enum khu_err err;
    char today[16];
    struct store *s = api_writer(req, resp);

    if (!s)
        return;
    api_today(req, today);
    a->today = today;
    store_actor_set(&actor, who->name, req->client);
    khu_diag_clear(&d);
    err = app_match_act(s, &actor, who, a, &out, &d);
    if (err)
        act_error(resp, lang, err, &out, &d);
    else
        answer(resp, status, a, &out);
}

void api_matches_propose(struct http_req *req, struct http_resp *resp)
{
    static const char *const params[] = {"lang", NULL};
    static const char *const allowed[] = {"demand", "supplier", "!interest", "note", NULL};
    struct app_match_act a = {.act = MATCH_ACT_PROPOSE};
    struct app_match_who who;
    enum api_lang lang;
    json_t *doc;

    if (http_check_params(req, resp, params) || api_lang(req, resp, &lang) ||
        who_of(req, resp, &who))
        return;
    lang = api_message_lang(req, lang);
    doc = api_json_body(req, resp, lang, allowed);
    if (!doc)
        return;
    a.demand = api_json_text(doc, "demand");
    a.supplier = api_json_text(doc, "supplier");
    a.note = api_json_text(doc, "note");
    a.with_interest = json_is_true(json_object_get(doc, "interest"));
    run(req, resp, lang, &who, &a, 201);
    json_decref(doc);
}

void api_matches_act(struct http_req *req, struct http_resp *resp)
{
    static const char *const params[] = {"lang", NULL};
    static const char *const allowed[] = {"note",    "meeting_on",      "meeting_place",
                                          "!online", "#annual_usd",     "since",
                                          "until",   "!demand_matched", NULL};
    struct app_match_act a = {.demand = req->path_params[0], .supplier = req->path_params[1]};
    struct app_match_who who;
    enum api_lang lang;
    char usd[48];
    json_t *doc, *v;
    int act = match_act_of(req->path_params[2]);

    if (http_check_params(req, resp, params) || api_lang(req, resp, &lang) ||
        who_of(req, resp, &who))
        return;
    lang = api_message_lang(req, lang);
    if (act < 0 || act == MATCH_ACT_PROPOSE) {
        http_problem(resp, 404, NULL,
                     api_tr(lang, "No act is called '%.40s': interest, accept, decline, meet, "
                                  "contract or close."),
                     req->path_params[2]);
        return;
    }
    doc = api_json_body(req, resp, lang, allowed);
    if (!doc)
        return;
    a.act = (enum match_act)act;
    a.note = api_json_text(doc, "note");
    a.meeting_on = api_json_text(doc, "meeting_on");
    a.meeting_place = api_json_text(doc, "meeting_place");
    a.meeting_online = json_is_true(json_object_get(doc, "online"));
    v = json_object_get(doc, "annual_usd");
    if (json_is_integer(v)) {
        snprintf(usd, sizeof(usd), "%lld", (long long)json_integer_value(v));
        a.annual_usd = usd;
    }
    a.since = api_json_text(doc, "since");
    a.until = api_json_text(doc, "until");
    a.demand_matched = json_is_true(json_object_get(doc, "demand_matched"));
    run(req, resp, lang, &who, &a, 200);
    json_decref(doc);
}
