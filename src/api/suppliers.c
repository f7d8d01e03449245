/* SPDX-License-Identifier: MIT */
/*
 * A supplier's profile: GET /api/v1/suppliers/{tax_code} (public) shows
 * what it makes and with what, its monthly capacity, its processes with
 * their levels, its certificates each with whether it is valid today, the
 * buyers it supplied and whether an officer verified it; its contact only
 * to a signed-in buyer (an investor), an officer, an admin, or the
 * supplier itself. POST /api/v1/suppliers/{tax_code}/verify records an
 * officer's verification of the profile as it stands today, through the
 * audited edit (app/app_edit.h).
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "app/app_edit.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/supplier_text.h"
#include "core/xalloc.h"
#include "store/suppliers.h"

struct profile_writer {
    struct jw *w;
    int32_t today;
    long n;
};

static void text(struct jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    jw_str(w, s);
}

/* Space-separated tokens as an array. */
static void tokens(struct jw *w, const char *key, const char *list)
{
    jw_key(w, key);
    jw_arr_begin(w);
    while (list && *list) {
        size_t n = strcspn(list, " ");
        if (n)
            jw_strn(w, list, n);
        list += n + (list[n] == ' ');
    }
    jw_arr_end(w);
}

static int write_supplier(void *arg, const struct store_supplier *x)
{
    struct jw *w = ((struct profile_writer *)arg)->w;

    text(w, "tax_code", x->tax_code);
    text(w, "name", x->name);
    text(w, "name_en", x->name_en);
    text(w, "ownership", x->ownership);
    text(w, "country", x->country);
    text(w, "zone_code", x->zone_code);
    text(w, "unit_code", x->unit_code);
    text(w, "vsic", x->vsic);
    text(w, "products", x->products);
    text(w, "equipment", x->equipment);
    jw_opt_real(w, "capacity_month", x->capacity_month.known, x->capacity_month.v);
    text(w, "capacity_unit", x->capacity_unit);
    jw_opt_real(w, "employees", x->employees.known, x->employees.v);
    text(w, "customers", x->customers);
    tokens(w, "languages", x->languages);
    jw_opt_real(w, "lat", x->lat.known, x->lat.v);
    jw_opt_real(w, "lon", x->lon.known, x->lon.v);
    text(w, "verified_on", x->verified_on);
    text(w, "verified_by", x->verified_by);
    tokens(w, "process_tokens", x->cap_tokens);
    tokens(w, "certification_tokens", x->cert_tokens);
    return 0;
}

static int write_capability(void *arg, const struct store_capability *c)
{
    struct profile_writer *p = arg;

    jw_obj_begin(p->w);
    text(p->w, "process", c->process);
    text(p->w, "level", c->level);
    jw_obj_end(p->w);
    p->n++;
    return 0;
}

/* Whether a certificate counts today: valid, expired, not_yet or undated
 * (held, its end not known). */
static const char *cert_state(const struct store_certificate *c, int32_t today)
{
    int32_t from, to;

    if (c->valid_from && !parse_date(c->valid_from, &from) && from > today)
        return "not_yet";
    if (!c->valid_to || parse_date(c->valid_to, &to))
        return "undated";
    return to >= today ? "valid" : "expired";
}

static int write_certificate(void *arg, const struct store_certificate *c)
{
    struct profile_writer *p = arg;
    char label[96];

    jw_obj_begin(p->w);
    text(p->w, "standard", c->standard);
    text(p->w, "label", supplier_standard_label(c->standard, label, sizeof(label)));
    text(p->w, "number", c->number);
    text(p->w, "issuer", c->issuer);
    text(p->w, "valid_from", c->valid_from);
    text(p->w, "valid_to", c->valid_to);
    text(p->w, "state", cert_state(c, p->today));
    jw_obj_end(p->w);
    return 0;
}

static int count_buyer(void *arg, const struct store_supplied *l)
{
    (void)l;
    ((struct profile_writer *)arg)->n++;
    return 0;
}

static int write_contact(void *arg, const struct store_contact *c)
{
    struct jw *w = ((struct profile_writer *)arg)->w;

    jw_key(w, "contact");
    jw_obj_begin(w);
    text(w, "name", c->name);
    text(w, "email", c->email);
    text(w, "phone", c->phone);
    jw_obj_end(w);
    ((struct profile_writer *)arg)->n++;
    return 0;
}

/* Who may see a supplier's contact: a buyer, staff, the supplier itself. */
static int sees_contact(const struct http_req *req, const char *tax_code)
{
    const struct api_principal *who = api_principal(req);

    if (!who || !who->signed_in)
        return 0;
    if (who->role & (ROLE_ADMIN | ROLE_OFFICER | ROLE_INVESTOR))
        return 1;
    return (who->role & ROLE_SUPPLIER) && strcmp(who->who.tax_code, tax_code) == 0;
}

void api_supplier_profile(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    const char *tax = req->path_params[0];
    struct profile_writer p;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    struct store *s;
    struct jw w;
    int snapshot, sees;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    s = api_store(req, resp);
    if (!s)
        return;
    khu_diag_clear(&d);
    jw_init(&w, &resp->body);
    p = (struct profile_writer){&w, ((struct api_app *)req->app)->today, 0};
    snapshot = store_snapshot_begin(s); /* one profile, as of one moment */
    jw_obj_begin(&w);
    err = store_supplier_one(s, tax, write_supplier, &p, &d);
    if (!err) {
        jw_key(&w, "capabilities");
        jw_arr_begin(&w);
        err = store_capabilities_of(s, tax, write_capability, &p, &d);
        jw_arr_end(&w);
    }
    if (!err) {
        jw_key(&w, "certifications");
        jw_arr_begin(&w);
        err = store_certificates_of(s, tax, write_certificate, &p, &d);
        jw_arr_end(&w);
    }
    p.n = 0;
    sees = sees_contact(req, tax);
    if (!err)
        err = store_buyers_of(s, tax, count_buyer, &p, &d);
    if (!err) {
        jw_key(&w, "linkages");
        jw_int(&w, p.n);
        p.n = 0;
        if (sees)
            err = store_contact_of(s, tax, write_contact, &p, &d);
        if (!err && !p.n) {
            jw_key(&w, "contact");
            jw_null(&w);
            text(&w, "contact_note",
                 api_tr(api_message_lang(req, lang),
                        sees ? "This supplier has not given a contact yet."
                             : "Sign in as a buyer or an officer to see the contact."));
        }
    }
    jw_obj_end(&w);
    store_snapshot_end(s, snapshot);
    if (err == KHU_ENOTFOUND) {
        buf_reset(&resp->body);
        http_problem(resp, 404, "tax_code",
                     api_tr(api_message_lang(req, lang), "No supplier has the tax code '%.20s'."),
                     tax);
        return;
    }
    if (err) {
        buf_reset(&resp->body);
        api_error(resp, err, &d);
        return;
    }
    buf_putc(&resp->body, '\n');
}

void api_supplier_verify(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    const struct api_principal *who = api_principal(req);
    const char *key[2] = {req->path_params[0], NULL};
    struct app_edit_field fields[2];
    struct app_edit_request r;
    struct app_edit_result *out;
    struct store_actor actor;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    char today[16];
    struct store *s;
    struct jw w;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang) || !who)
        return;
    lang = api_message_lang(req, lang);
    s = api_writer(req, resp);
    if (!s)
        return;
    out = xcalloc(1, sizeof(*out));
    if (!out) {
        api_error(resp, KHU_ENOMEM, NULL);
        return;
    }
    api_today(req, today);
    fields[0] = (struct app_edit_field){"verified_on", today, strlen(today)};
    fields[1] = (struct app_edit_field){"verified_by", who->who.name, strlen(who->who.name)};
    r = (struct app_edit_request){.table = "enterprises",
                                  .key = key,
                                  .as_it_stands = 1, /* the profile as it stands today */
                                  .fields = fields,
                                  .nfields = 2,
                                  .today = today};
    store_actor_set(&actor, who->who.name, req->client);
    khu_diag_clear(&d);
    err = app_edit(s, &actor, &r, out, &d);
    if (err == KHU_ENOTFOUND) {
        http_problem(resp, 404, "tax_code", api_tr(lang, "No supplier has the tax code '%.20s'."),
                     key[0]);
    } else if (err) {
        api_error(resp, err, &d);
    } else {
        jw_init(&w, &resp->body);
        jw_obj_begin(&w);
        text(&w, "tax_code", key[0]);
        text(&w, "verified_on", today);
        text(&w, "verified_by", who->who.name);
        jw_obj_end(&w);
        buf_putc(&resp->body, '\n');
    }
    xfree(out);
}
