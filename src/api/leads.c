/* SPDX-License-Identifier: MIT */
/*
 * POST /api/v1/leads: an investor's inquiry (name, company, country, email,
 * message, the shortlist) becomes a lead for the province's officers. The
 * endpoint is public, so every field is checked and size-limited, each
 * address may send only LEADS_PER_WINDOW inquiries per LEADS_WINDOW_S, and
 * the row is written through the store's one write path as "anonymous"
 * (or the signed-in user) from the client's address. When an import holds
 * the database past the busy timeout the inquiry is not taken: 503 with
 * Retry-After, never a 201 for a row that was not stored.
 */
#include <jansson.h>
#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "app/app_edit.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/rate_limit.h"
#include "api/tr.h"
#include "core/json_out.h"
#include "core/utf8.h"
#include "store/leads.h"

#define LEADS_PER_WINDOW  5   /* inquiries one address may send ... */
#define LEADS_WINDOW_S    600 /* ... in this many seconds */
#define LEADS_MAX_ZONES   8
#define LEADS_MAX_MESSAGE 5000

/* ===== rate limit ===== */

/* Inquiries per address: each one is counted before it is stored (and
 * given back when it could not be), so that a sender who retries after a
 * busy answer is not limited for it. */
static struct rate_limit senders = RATE_LIMIT_INIT(LEADS_PER_WINDOW, LEADS_WINDOW_S);

/* ===== validation ===== */

#define LEADS_FIELDS 6 /* name, company, country, email, message, zones */

struct lead {
    const char *name, *company, *country, *email, *message;
    char zones[LEADS_MAX_ZONES * 72];
};

/* Every problem of one inquiry, in the request's language. */
struct problems {
    enum api_lang lang;
    struct http_field_problem field[LEADS_FIELDS];
    int n;
};

static void add(struct problems *p, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add(struct problems *p, const char *field, const char *fmt, ...)
{
    va_list ap;

    if (p->n == LEADS_FIELDS)
        return;
    p->field[p->n].param = field;
    va_start(ap, fmt);
    vsnprintf(p->field[p->n].detail, sizeof(p->field[p->n].detail), fmt, ap);
    va_end(ap);
    p->n++;
}

/* A text field: a string of at most max characters without control
 * characters (newlines allowed where multiline). Sets *out, or adds the
 * field's problem. */
static void text_field(json_t *doc, const char *key, int required, size_t max, int multiline,
                       const char **out, struct problems *p)
{
    json_t *v = json_object_get(doc, key);
    const char *s;
    size_t i;

    *out = NULL;
    if (!v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v))) {
        if (required)
            add(p, key, "%s", api_tr(p->lang, "This field is required."));
        return;
    }
    if (!json_is_string(v)) {
        add(p, key, "%s", api_tr(p->lang, "Must be text."));
        return;
    }
    s = json_string_value(v);
    if (utf8_count(s, strlen(s)) > max) {
        add(p, key, api_tr(p->lang, "At most %zu characters."), max);
        return;
    }
    for (i = 0; s[i]; i++)
        if (((unsigned char)s[i] < 0x20 && !(multiline && (s[i] == '\n' || s[i] == '\r'))) ||
            s[i] == 0x7F) {
            add(p, key, "%s",
                api_tr(p->lang, "Contains a control character (such as a tab); remove it."));
            return;
        }
    *out = s;
}

static int email_ok(const char *e)
{
    const char *at = strchr(e, '@');

    return at && at != e && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
           at[strlen(at) - 1] != '.' && !strpbrk(e, " \t<>\"',;");
}

/* The shortlist: at most LEADS_MAX_ZONES codes of zones that exist.
 * Returns -1 after answering when the store fails, else 0 (a problem of
 * the field is added to p). */
static int zones_field(json_t *doc, struct store *s, struct lead *l, struct problems *p,
                       struct http_resp *resp)
{
    json_t *v = json_object_get(doc, "zones"), *item;
    struct khu_diag d;
    enum khu_err err;
    int found;
    size_t i;

    l->zones[0] = '\0';
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_array(v) || json_array_size(v) > LEADS_MAX_ZONES) {
        add(p, "zones", api_tr(p->lang, "At most %d zones, as an array of zone codes."),
            LEADS_MAX_ZONES);
        return 0;
    }
    json_array_foreach(v, i, item)
    {
        const char *code = json_is_string(item) ? json_string_value(item) : NULL;
        found = 0;
        if (code && strlen(code) <= 64 && !strchr(code, ' ')) {
            khu_diag_clear(&d);
            err = store_zone_exists(s, code, &found, &d);
            if (err) {
                api_error(resp, err, &d);
                return -1;
            }
        }
        if (!found) {
            add(p, "zones", api_tr(p->lang, "Zone %zu of the list is not a zone code."), i + 1);
            return 0;
        }
        snprintf(l->zones + strlen(l->zones), sizeof(l->zones) - strlen(l->zones), "%s%s",
                 i ? " " : "", code);
    }
    return 0;
}

/* A field this endpoint does not know: answered at once (a program's
 * mistake, not a person's). Returns -1 after answering, else 0. */
static int unknown_keys(json_t *doc, enum api_lang lang, struct http_resp *resp)
{
    static const char *const known[] = {"name",    "company", "country", "email",
                                        "message", "zones",   NULL};
    const char *key;
    json_t *v;
    int i, ok;

    json_object_foreach(doc, key, v)
    {
        for (ok = 0, i = 0; known[i]; i++)
            ok |= strcmp(known[i], key) == 0;
        if (!ok) {
            http_problem(resp, 400, key, api_tr(lang, "Unknown field \"%.60s\"."), key);
            return -1;
        }
    }
    return 0;
}

/* Reads every field of doc into l. Returns 0, or -1 after answering 400
 * with every field's problem at once (or the store's error). */
static int read_lead(json_t *doc, struct store *s, struct lead *l, enum api_lang lang,
                     struct http_resp *resp)
{
    struct problems p = {.lang = lang};
    char detail[256], names[128] = "";
    int i;

    if (unknown_keys(doc, lang, resp))
        return -1;
    text_field(doc, "name", 1, 200, 0, &l->name, &p);
    text_field(doc, "company", 1, 200, 0, &l->company, &p);
    text_field(doc, "country", 0, 2, 0, &l->country, &p);
    if (l->country && (strlen(l->country) != 2 || l->country[0] < 'A' || l->country[0] > 'Z' ||
                       l->country[1] < 'A' || l->country[1] > 'Z'))
        add(&p, "country", "%s",
            api_tr(lang, "Choose a country from the list (an ISO 3166 alpha-2 code such as KR)."));
    text_field(doc, "email", 1, 254, 0, &l->email, &p);
    if (l->email && !email_ok(l->email))
        add(&p, "email", "%s", api_tr(lang, "Not an e-mail address."));
    text_field(doc, "message", 0, LEADS_MAX_MESSAGE, 1, &l->message, &p);
    if (zones_field(doc, s, l, &p, resp))
        return -1;
    if (p.n == 0)
        return 0;
    for (i = 0; i < p.n; i++)
        snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s", i ? ", " : "",
                 p.field[i].param);
    if (p.n == 1)
        snprintf(detail, sizeof(detail), "%s: %.200s", p.field[0].param, p.field[0].detail);
    else
        snprintf(detail, sizeof(detail), api_tr(lang, "Check %d fields: %s."), p.n, names);
    http_problem_fields(resp, 400, detail, p.field, p.n);
    return -1;
}

/* ===== writing ===== */

static enum khu_err insert_in_tx(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    return store_lead_insert(tx, arg, d);
}

/* Stores l as a new lead with a fresh code (written to code, size n) in
 * one write transaction of the anonymous actor at address. Returns KHU_OK,
 * or the store's error with d filled; nothing is stored then. */
static enum khu_err insert_lead(struct store *s, const struct lead *l, const char *who,
                                const char *address, char *code, size_t n, struct khu_diag *d)
{
    unsigned char id[6];
    char hex[13], contact[512], day[16], date[16];
    struct store_actor actor;
    struct store_lead row;
    size_t i, j;

    randombytes_buf(id, sizeof(id));
    sodium_bin2hex(hex, sizeof(hex), id, sizeof(id));
    /* the day in the province (UTC+7), as every other date it records: an
     * inquiry sent at 06:00 in Long An is not dated the day before */
    app_edit_today(date);
    for (i = j = 0; date[i] && j + 1 < sizeof(day); i++)
        if (date[i] != '-')
            day[j++] = date[i];
    day[j] = '\0';
    snprintf(code, n, "lead-%s-%s", day, hex);
    snprintf(contact, sizeof(contact), "%s <%s>", l->name, l->email);
    row = (struct store_lead){.code = code,
                              .company = l->company,
                              .country = l->country,
                              .contact = contact,
                              .zones = l->zones[0] ? l->zones : NULL,
                              .received_on = date,
                              .note = l->message};
    store_actor_set(&actor, who, address);
    return store_write(s, &actor, insert_in_tx, &row, d);
}

void api_leads_post(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"lang", NULL};
    enum api_lang lang;
    struct lead lead;
    struct store *s;
    struct khu_diag d;
    enum khu_err err;
    json_error_t e;
    json_t *doc = NULL;
    char code[64];
    long wait;
    struct jw w;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    lang = api_message_lang(req, lang);
    doc = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &e);
    if (!doc || !json_is_object(doc)) {
        http_problem(resp, 400, NULL,
                     api_tr(lang, "The body must be a JSON object: %s (line %d, column %d)."),
                     doc ? "not an object" : e.text, e.line, e.column);
        goto out;
    }
    memset(&lead, 0, sizeof(lead));
    s = api_writer(req, resp);
    if (!s || read_lead(doc, s, &lead, lang, resp))
        goto out;
    wait = rate_limit_take(&senders, req->client, time(NULL));
    if (wait > 0) {
        http_problem(
            resp, 429, NULL,
            api_tr(lang, "Too many inquiries from this address; try again in %ld seconds."), wait);
        resp->retry_after = (int)wait;
        goto out;
    }
    khu_diag_clear(&d);
    /* the actor: the signed-in user, or anonymous for the public form */
    err = insert_lead(s, &lead, api_principal(req) ? api_principal(req)->who.name : "anonymous",
                      req->client, code, sizeof(code), &d);
    if (err) {
        rate_limit_refund(&senders, req->client);
        api_error(resp, err, &d);
        goto out;
    }
    resp->status = 201;
    resp->no_etag = 1;
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "code");
    jw_str(&w, code);
    jw_key(&w, "status");
    jw_str(&w, "received");
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
out:
    json_decref(doc);
}
