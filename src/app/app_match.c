/* SPDX-License-Identifier: MIT */
/*
 * The pipeline's acts (see app_match.h). Each reads the demand, the
 * supplier and the match as they stand inside the write transaction, asks
 * core/match_flow whether the party may act, and writes the match (and for
 * a contract the linkage and the demand) through the audited edit.
 */
#include "app/app_match.h"

#include <stdio.h>
#include <string.h>

#include "app/app_edit.h"
#include "core/num.h"
#include "core/row.h"
#include "core/schema.h"
#include "store/rows.h"

struct match_now {
    char buyer[16], demand_status[16];
    int demand_found, supplier_found, is_supplier, match_found;
    enum match_stage stage;
};

struct acting {
    const struct app_match_who *who;
    const struct app_match_act *a;
    struct app_match_result *out;
    struct match_now now;
};

/* The text of column of row, or "". */
static const char *col(const struct table_def *t, const struct khu_row *row, const char *column)
{
    int i = schema_col_index(t, column);
    const char *v = i >= 0 ? row_text(row, i) : NULL;

    return v ? v : "";
}

static int take_demand(void *arg, const struct khu_row *row)
{
    struct match_now *n = arg;
    const struct table_def *t = schema_table("demands");

    n->demand_found = 1;
    snprintf(n->buyer, sizeof(n->buyer), "%s", col(t, row, "buyer_tax_code"));
    snprintf(n->demand_status, sizeof(n->demand_status), "%s", col(t, row, "status"));
    return 0;
}

static int take_supplier(void *arg, const struct khu_row *row)
{
    struct match_now *n = arg;

    n->supplier_found = 1;
    n->is_supplier = row_int(row, schema_col_index(schema_table("enterprises"), "supplier")) == 1;
    return 0;
}

static int take_match(void *arg, const struct khu_row *row)
{
    struct match_now *n = arg;
    int stage = match_stage_of(col(schema_table("matches"), row, "stage"));

    n->match_found = 1;
    n->stage = stage < 0 ? MATCH_CLOSED : (enum match_stage)stage;
    return 0;
}

/* Reads one row of table by key into fn; a missing row is not an error. */
static enum khu_err read_row(struct store_tx *tx, const char *table, const char *const *key,
                             store_row_fn fn, void *arg, struct khu_diag *d)
{
    enum khu_err err = store_row_read(tx, schema_table(table), key, fn, arg, d);

    if (err == KHU_ENOTFOUND) {
        khu_diag_clear(d);
        return KHU_OK;
    }
    return err;
}

enum match_party app_match_party(const struct app_match_who *who, const char *buyer,
                                 const char *supplier)
{
    if (who->role == ROLE_OFFICER || who->role == ROLE_ADMIN)
        return MATCH_OFFICER;
    if (who->role == ROLE_INVESTOR && who->tax_code[0] && buyer && !strcmp(who->tax_code, buyer))
        return MATCH_BUYER;
    if (who->role == ROLE_SUPPLIER && who->tax_code[0] && supplier &&
        !strcmp(who->tax_code, supplier))
        return MATCH_SUPPLIER;
    return 0;
}

static enum khu_err bad(struct khu_diag *d, const char *field, const char *rule,
                        const char *message)
{
    khu_diag_set(d, 0, 0, field, "%s %s", field, message);
    khu_diag_rule(d, rule, NULL);
    return KHU_EINVAL;
}

static enum khu_err not_found(struct khu_diag *d, const char *field, const char *what)
{
    khu_diag_set(d, 0, 0, field, "%s", what);
    return KHU_ENOTFOUND;
}

/* Reads what the act needs and decides whether the party may do it. */
static enum khu_err admit(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    const struct app_match_act *a = x->a;
    const char *demand_key[2] = {a->demand, NULL}, *supplier_key[2] = {a->supplier, NULL};
    const char *match_key[3] = {a->demand, a->supplier, NULL};
    enum match_party party;
    const char *why;
    int wrong = 0;
    enum khu_err err;

    if (!a->demand || !a->demand[0] || !a->supplier || !a->supplier[0])
        return bad(d, !a->demand || !a->demand[0] ? "demand" : "supplier", "required",
                   "is required");
    err = read_row(tx, "demands", demand_key, take_demand, &x->now, d);
    if (!err)
        err = read_row(tx, "enterprises", supplier_key, take_supplier, &x->now, d);
    if (!err)
        err = read_row(tx, "matches", match_key, take_match, &x->now, d);
    if (err)
        return err;
    party = app_match_party(x->who, x->now.buyer, a->supplier);
    /* a match (or a demand to propose for) that who may not see is not found */
    if (!x->now.demand_found || !party || (party == MATCH_SUPPLIER && !x->now.match_found))
        return not_found(d, "demand",
                         x->now.match_found || a->act == MATCH_ACT_PROPOSE
                             ? "no demand of yours has this code"
                             : "no match has this demand and supplier");
    if (a->act == MATCH_ACT_PROPOSE) {
        if (!x->now.supplier_found || !x->now.is_supplier) {
            not_found(d, "supplier", "no supplier has this tax code");
            khu_diag_rule(d, "no_supplier", NULL);
            return KHU_ENOTFOUND;
        }
        if (x->now.match_found) {
            khu_diag_set(d, 0, 0, "supplier", "this supplier was proposed for the demand already");
            khu_diag_rule(d, "taken", NULL);
            return KHU_ECONFLICT;
        }
        if (strcmp(x->now.demand_status, "open") != 0) {
            khu_diag_set(d, 0, 0, "demand", "the demand is no longer open");
            khu_diag_rule(d, "stage", NULL);
            return KHU_ECONFLICT;
        }
    } else if (!x->now.match_found) {
        return not_found(d, "supplier", "no match has this demand and supplier");
    }
    why = match_act_refusal(a->act, party, x->now.stage, &wrong);
    if (why) {
        khu_diag_set(d, 0, 0, NULL, "%s", why);
        khu_diag_rule(d, wrong ? "stage" : "forbidden", NULL);
        x->out->forbidden = !wrong;
        return wrong ? KHU_ECONFLICT : KHU_EINVAL;
    }
    return KHU_OK;
}

static struct app_edit_field val(const char *name, const char *text)
{
    struct app_edit_field f = {name, text, text ? strlen(text) : 0};

    return f;
}

static enum khu_err check_text(const char *text, const char *field, int required,
                               struct khu_diag *d)
{
    if (required && (!text || !text[0]))
        return bad(d, field, "required", "is required");
    if (text && strlen(text) > APP_MATCH_TEXT_MAX)
        return bad(d, field, "too_long", "is too long (at most 4000 bytes)");
    return KHU_OK;
}

/* The values of the act's write of the match, into f; returns how many. */
static size_t match_fields(const struct acting *x, struct app_edit_field *f, struct khu_diag *d,
                           enum khu_err *err)
{
    const struct app_match_act *a = x->a;
    enum match_stage to = match_stage_after(a->act);
    size_t n = 0;

    *err = KHU_OK;
    if (a->act == MATCH_ACT_PROPOSE && a->with_interest)
        to = MATCH_INTEREST;
    f[n++] = val("stage", match_stage_name(to));
    switch (a->act) {
    case MATCH_ACT_PROPOSE:
        f[n++] = val("demand_code", a->demand);
        f[n++] = val("supplier_tax_code", a->supplier);
        f[n++] = val("proposed_on", a->today);
        f[n++] = val("proposed_by", x->who->name);
        if (a->score)
            f[n++] = val("score", a->score);
        break;
    case MATCH_ACT_INTEREST:
        break; /* its values follow: a proposal with the interest sends it too */
    case MATCH_ACT_ACCEPT:
        f[n++] = val("answered_on", a->today);
        break;
    case MATCH_ACT_DECLINE:
        *err = check_text(a->note, "note", 0, d);
        f[n++] = val("answered_on", a->today);
        f[n++] = val("decline_reason", a->note);
        break;
    case MATCH_ACT_MEET:
        *err = check_text(a->note, "note", 0, d);
        if (!*err && (!a->meeting_on || !a->meeting_on[0]))
            *err = bad(d, "meeting_on", "required", "is required");
        else if (!*err && a->today && strcmp(a->meeting_on, a->today) > 0)
            *err = bad(d, "meeting_on", "as_of_future", "must not be after today");
        else if (!*err && !a->meeting_online && (!a->meeting_place || !a->meeting_place[0]))
            *err = bad(d, "meeting_place", "required", "is required unless it was online");
        f[n++] = val("meeting_on", a->meeting_on);
        f[n++] = val("meeting_place", a->meeting_online ? NULL : a->meeting_place);
        f[n++] = val("meeting_online", a->meeting_online ? "1" : "0");
        f[n++] = val("meeting_outcome", a->note);
        break;
    case MATCH_ACT_CONTRACT:
        f[n++] = val("linkage_code", x->out->linkage);
        break;
    case MATCH_ACT_CLOSE:
        f[n++] = val("closed_on", a->today);
        break;
    default:
        break;
    }
    if (to == MATCH_INTEREST) { /* the expression of interest is sent */
        *err = check_text(a->note, "note", 0, d);
        f[n++] = val("interest_on", a->today);
        f[n++] = val("interest_note", a->note);
    }
    return n;
}

/* A contract: the linkage, then (if asked) the demand matched. */
static enum khu_err contract(struct store_tx *tx, struct acting *x, struct khu_diag *d)
{
    const struct app_match_act *a = x->a;
    const char *demand_key[2] = {a->demand, NULL};
    struct app_edit_field f[7];
    double usd;
    enum khu_err err;

    if (!a->annual_usd || !a->annual_usd[0])
        return bad(d, "annual_usd", "required", "is required");
    if (parse_f64(a->annual_usd, 0, 1e12, &usd))
        return bad(d, "annual_usd", "range", "must be a number from 0 to 1e12");
    if (!a->since || !a->since[0])
        return bad(d, "since", "required", "is required");
    snprintf(x->out->linkage, sizeof(x->out->linkage), "LK-%.40s-%s", a->demand, a->supplier);
    f[0] = val("code", x->out->linkage);
    f[1] = val("supplier_tax_code", a->supplier);
    f[2] = val("buyer_tax_code", x->now.buyer);
    f[3] = val("demand_code", a->demand);
    f[4] = val("annual_usd", a->annual_usd);
    f[5] = val("since", a->since);
    f[6] = val("until", a->until && a->until[0] ? a->until : NULL);
    err = app_edit_put(tx, "linkages", NULL, f, 7, a->today, d);
    if (!err && a->demand_matched) {
        struct app_edit_field status = val("status", "matched");
        err = app_edit_put(tx, "demands", demand_key, &status, 1, a->today, d);
    }
    return err;
}

static enum khu_err act_in_tx(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct acting *x = arg;
    const char *key[3] = {x->a->demand, x->a->supplier, NULL};
    struct app_edit_field f[16];
    enum khu_err err = admit(tx, x, d);
    size_t n;

    if (!err && x->a->act == MATCH_ACT_CONTRACT)
        err = contract(tx, x, d);
    if (err)
        return err;
    n = match_fields(x, f, d, &err);
    if (err)
        return err;
    err = app_edit_put(tx, "matches", x->a->act == MATCH_ACT_PROPOSE ? NULL : key, f, n,
                       x->a->today, d);
    if (!err) {
        int stage = match_stage_of(f[0].text);
        x->out->stage = stage < 0 ? MATCH_CLOSED : (enum match_stage)stage;
    }
    return err;
}

enum khu_err app_match_act(struct store *s, const struct store_actor *actor,
                           const struct app_match_who *who, const struct app_match_act *a,
                           struct app_match_result *out, struct khu_diag *d)
{
    struct acting x = {.who = who, .a = a, .out = out};

    memset(out, 0, sizeof(*out));
    if ((unsigned)a->act >= MATCH_ACTS) {
        khu_diag_set(d, 0, 0, "act", "no such act");
        return KHU_EINVAL;
    }
    return store_write(s, actor, act_in_tx, &x, d);
}
