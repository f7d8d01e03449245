/* SPDX-License-Identifier: MIT */
/*
 * POST /api/v1/leads: an investor's inquiry (name, company, country, email,
 * message, the shortlist) becomes a lead for the province's officers. The
 * endpoint is public, so every field is checked and size-limited, each
 * address may send only LEADS_PER_WINDOW inquiries per LEADS_WINDOW_S, and
 * the row is written through the store's one write path as "anonymous"
 * from the client's address. When an import holds the database past the
 * busy timeout the inquiry is not taken: 503 with Retry-After, never a
 * 201 for a row that was not stored.
 */
#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "api/api.h"
#include "api/handlers.h"
#include "core/json_out.h"
#include "core/utf8.h"
#include "store/leads.h"

#define LEADS_PER_WINDOW  5   /* inquiries one address may send ... */
#define LEADS_WINDOW_S    600 /* ... in this many seconds */
#define LEADS_TRACKED     512 /* addresses remembered at once */
#define LEADS_MAX_ZONES   8
#define LEADS_MAX_MESSAGE 5000

/* ===== rate limit ===== */

struct sender {
    char address[64];
    time_t window_start;
    int count;
};

static struct sender senders[LEADS_TRACKED];
static pthread_mutex_t senders_lock = PTHREAD_MUTEX_INITIALIZER;

/* Counts one inquiry from address; returns 0 when allowed, or the seconds
 * to wait. The oldest window is reused when the table is full. */
static long rate_limit(const char *address, time_t now)
{
    struct sender *slot = &senders[0];
    long wait = 0;
    int i;

    pthread_mutex_lock(&senders_lock);
    for (i = 0; i < LEADS_TRACKED; i++) {
        if (strcmp(senders[i].address, address) == 0) {
            slot = &senders[i];
            break;
        }
        if (senders[i].window_start < slot->window_start)
            slot = &senders[i];
    }
    if (strcmp(slot->address, address) != 0 || now - slot->window_start >= LEADS_WINDOW_S) {
        snprintf(slot->address, sizeof(slot->address), "%s", address);
        slot->window_start = now;
        slot->count = 0;
    }
    if (slot->count >= LEADS_PER_WINDOW)
        wait = LEADS_WINDOW_S - (long)(now - slot->window_start);
    else
        slot->count++;
    pthread_mutex_unlock(&senders_lock);
    return wait;
}

/* Gives back the inquiry counted for address when it was not stored, so
 * that a sender who retries after a busy answer is not limited for it. */
static void rate_refund(const char *address)
{
    int i;

    pthread_mutex_lock(&senders_lock);
    for (i = 0; i < LEADS_TRACKED; i++) {
        if (strcmp(senders[i].address, address) == 0) {
            if (senders[i].count > 0)
                senders[i].count--;
            break;
        }
    }
    pthread_mutex_unlock(&senders_lock);
}

/* ===== validation ===== */

struct lead {
    const char *name, *company, *country, *email, *message;
    char zones[LEADS_MAX_ZONES * 72];
};

static int bad(struct http_resp *resp, const char *field, const char *why)
{
    http_problem(resp, 400, field, "%s %s", field, why);
    return -1;
}

/* A text field: a string of at most max characters without control
 * characters (newlines allowed where multiline). */
static int text_field(json_t *doc, const char *key, int required, size_t max, int multiline,
                      const char **out, struct http_resp *resp)
{
    json_t *v = json_object_get(doc, key);
    const char *s;
    size_t i;

    *out = NULL;
    if (!v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v)))
        return required ? bad(resp, key, "is required") : 0;
    if (!json_is_string(v))
        return bad(resp, key, "must be a string");
    s = json_string_value(v);
    if (utf8_count(s, strlen(s)) > max) {
        http_problem(resp, 400, key, "%s must be at most %zu characters", key, max);
        return -1;
    }
    for (i = 0; s[i]; i++)
        if (((unsigned char)s[i] < 0x20 && !(multiline && (s[i] == '\n' || s[i] == '\r'))) ||
            s[i] == 0x7F)
            return bad(resp, key, "contains a control character");
    *out = s;
    return 0;
}

static int email_ok(const char *e)
{
    const char *at = strchr(e, '@');

    return at && at != e && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
           at[strlen(at) - 1] != '.' && !strpbrk(e, " \t<>\"',;");
}

static int zones_field(json_t *doc, struct store *s, struct lead *l, struct http_resp *resp)
{
    json_t *v = json_object_get(doc, "zones"), *item;
    struct khu_diag d;
    enum khu_err err;
    int found;
    size_t i;

    l->zones[0] = '\0';
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_array(v) || json_array_size(v) > LEADS_MAX_ZONES)
        return bad(resp, "zones", "must be an array of at most 8 zone codes");
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
            http_problem(resp, 400, "zones", "zones[%zu] is not a zone code", i);
            return -1;
        }
        snprintf(l->zones + strlen(l->zones), sizeof(l->zones) - strlen(l->zones), "%s%s",
                 i ? " " : "", code);
    }
    return 0;
}

static int unknown_keys(json_t *doc, struct http_resp *resp)
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
            http_problem(resp, 400, key, "unknown field \"%.60s\"", key);
            return -1;
        }
    }
    return 0;
}

static int read_lead(json_t *doc, struct store *s, struct lead *l, struct http_resp *resp)
{
    if (unknown_keys(doc, resp) || text_field(doc, "name", 1, 200, 0, &l->name, resp) ||
        text_field(doc, "company", 1, 200, 0, &l->company, resp) ||
        text_field(doc, "country", 0, 2, 0, &l->country, resp) ||
        text_field(doc, "email", 1, 254, 0, &l->email, resp) ||
        text_field(doc, "message", 0, LEADS_MAX_MESSAGE, 1, &l->message, resp) ||
        zones_field(doc, s, l, resp))
        return -1;
    if (l->country && (strlen(l->country) != 2 || l->country[0] < 'A' || l->country[0] > 'Z' ||
                       l->country[1] < 'A' || l->country[1] > 'Z'))
        return bad(resp, "country", "must be an ISO 3166 alpha-2 code in capitals, such as KR");
    if (!email_ok(l->email))
        return bad(resp, "email", "is not an e-mail address");
    return 0;
}

/* ===== writing ===== */

static enum khu_err insert_in_tx(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    return store_lead_insert(tx, arg, d);
}

/* Stores l as a new lead with a fresh code (written to code, size n) in
 * one write transaction of the anonymous actor at address. Returns KHU_OK,
 * or the store's error with d filled; nothing is stored then. */
static enum khu_err insert_lead(struct store *s, const struct lead *l, const char *address,
                                char *code, size_t n, struct khu_diag *d)
{
    unsigned char id[6];
    char hex[13], contact[512], day[16], date[16];
    time_t now = time(NULL);
    struct tm tm;
    struct store_actor actor;
    struct store_lead row;

    randombytes_buf(id, sizeof(id));
    sodium_bin2hex(hex, sizeof(hex), id, sizeof(id));
    gmtime_r(&now, &tm);
    strftime(day, sizeof(day), "%Y%m%d", &tm);
    strftime(date, sizeof(date), "%Y-%m-%d", &tm);
    snprintf(code, n, "lead-%s-%s", day, hex);
    snprintf(contact, sizeof(contact), "%s <%s>", l->name, l->email);
    row = (struct store_lead){.code = code,
                              .company = l->company,
                              .country = l->country,
                              .contact = contact,
                              .zones = l->zones[0] ? l->zones : NULL,
                              .received_on = date,
                              .note = l->message};
    store_actor_set(&actor, "anonymous", address);
    return store_write(s, &actor, insert_in_tx, &row, d);
}

void api_leads_post(struct http_req *req, struct http_resp *resp)
{
    static const char *const none[] = {NULL};
    struct lead lead;
    struct store *s;
    struct khu_diag d;
    enum khu_err err;
    json_error_t e;
    json_t *doc = NULL;
    char code[64];
    long wait;
    struct jw w;

    if (http_check_params(req, resp, none))
        return;
    doc = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &e);
    if (!doc || !json_is_object(doc)) {
        http_problem(resp, 400, NULL, "the body must be a JSON object: %s (line %d, column %d)",
                     doc ? "not an object" : e.text, e.line, e.column);
        goto out;
    }
    memset(&lead, 0, sizeof(lead));
    s = api_writer(req, resp);
    if (!s || read_lead(doc, s, &lead, resp))
        goto out;
    wait = rate_limit(req->client, time(NULL));
    if (wait > 0) {
        http_problem(resp, 429, NULL,
                     "too many inquiries from this address; try again in %ld seconds", wait);
        resp->retry_after = (int)wait;
        goto out;
    }
    khu_diag_clear(&d);
    err = insert_lead(s, &lead, req->client, code, sizeof(code), &d);
    if (err) {
        rate_refund(req->client);
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
