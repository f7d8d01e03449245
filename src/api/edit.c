/* SPDX-License-Identifier: MIT */
/*
 * The registry's edits over HTTP: POST /api/v1/{table} makes a row, PATCH
 * /api/v1/{table}/{key} changes one, for zones, units, targets,
 * observations, partners, events and sources (app/app_edit.h). The body is
 *   {"fields": {"column": value, ...}, "source": "...", "as_of": "YYYY-MM-DD"}
 * where a value is text, a number, true or false, or null to clear it; the
 * source and the date are required with a change to a figure. A PATCH
 * needs If-Match with the row's ETag (428 without, 412 when the row has
 * changed since), so that two officers never overwrite each other
 * silently. Every problem of the body comes back at once, each next to
 * its field, in the request's language, with the rule it broke.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "app/app_edit.h"
#include "core/json_out.h"
#include "core/xalloc.h"

#define EDIT_MAX_FIELDS ROW_EDIT_MAX_COLS

/* The text of one JSON value, for validate_cell. */
struct field_text {
    char number[48];
};

/* Writes a JSON number as decimal text without an exponent. */
static void number_text(json_t *v, char *out, size_t n)
{
    size_t len;

    if (json_is_integer(v)) {
        snprintf(out, n, "%lld", (long long)json_integer_value(v));
        return;
    }
    snprintf(out, n, "%.9f", json_real_value(v));
    len = strlen(out);
    while (len > 1 && out[len - 1] == '0')
        out[--len] = '\0';
    if (len > 1 && out[len - 1] == '.')
        out[--len] = '\0';
}

void api_rule_message(enum api_lang lang, const struct table_def *t, const struct khu_diag *d,
                      char *out, size_t n)
{
    int i = t ? schema_col_index(t, d->field) : -1;
    const struct col_def *c = i >= 0 ? &t->cols[i] : NULL;
    const char *r = d->rule ? d->rule : "";
    char list[256];

    if (!strcmp(r, "required"))
        snprintf(out, n, "%s", api_tr(lang, "This field is required."));
    else if (!strcmp(r, "utf8"))
        snprintf(out, n, "%s", api_tr(lang, "Not valid UTF-8."));
    else if (!strcmp(r, "control"))
        snprintf(out, n, "%s", api_tr(lang, "Contains an invisible control character; remove it."));
    else if (!strcmp(r, "tax_code"))
        snprintf(out, n, "%s",
                 api_tr(lang, "Must be a tax code of 10 or 13 digits (0123456789 or "
                              "0123456789-001)."));
    else if (!strcmp(r, "country"))
        snprintf(out, n, "%s",
                 api_tr(lang, "Choose a country from the list (an ISO 3166 alpha-2 code such as "
                              "KR)."));
    else if (!strcmp(r, "length") && c)
        snprintf(out, n, api_tr(lang, "Must be %g to %g bytes long."), c->min, c->max);
    else if (!strcmp(r, "range") && c)
        snprintf(out, n, api_tr(lang, "Must be a number from %g to %g."), c->min, c->max);
    else if (!strcmp(r, "number"))
        snprintf(out, n, "%s", api_tr(lang, "Must be a number, with '.' as the decimal point."));
    else if (!strcmp(r, "integer"))
        snprintf(out, n, "%s", api_tr(lang, "Must be a whole number."));
    else if (!strcmp(r, "enum") && c)
        snprintf(out, n, api_tr(lang, "Must be one of: %s."),
                 schema_enum_list(c, list, sizeof(list)));
    else if (!strcmp(r, "date") || !strcmp(r, "as_of_date"))
        snprintf(out, n, "%s", api_tr(lang, "Must be a real date written YYYY-MM-DD."));
    else if (!strcmp(r, "bool"))
        snprintf(out, n, "%s", api_tr(lang, "Must be true or false."));
    else if (!strcmp(r, "before"))
        snprintf(out, n, api_tr(lang, "Must not be before %s."), d->other);
    else if (!strcmp(r, "more_than"))
        snprintf(out, n, api_tr(lang, "Must not be more than %s."), d->other);
    else if (!strcmp(r, "not_saturday"))
        snprintf(out, n, "%s",
                 api_tr(lang, "Must be a Saturday: a working Saturday makes up a day off."));
    else if (!strcmp(r, "self"))
        snprintf(out, n, "%s", api_tr(lang, "Must not name the row itself."));
    else if (!strcmp(r, "provenance"))
        snprintf(out, n, "%s",
                 api_tr(lang, "Each entry must be column=source_code, naming a figure of the "
                              "zone once."));
    else if (!strcmp(r, "unknown"))
        snprintf(out, n, "%s", api_tr(lang, "Not a field of this table."));
    else if (!strcmp(r, "twice"))
        snprintf(out, n, "%s", api_tr(lang, "Given twice."));
    else if (!strcmp(r, "key"))
        snprintf(out, n, "%s", api_tr(lang, "This is the row's key; it cannot change."));
    else if (!strcmp(r, "reference"))
        snprintf(out, n, api_tr(lang, "Names no row of %s."), d->other);
    else if (!strcmp(r, "source_needed"))
        snprintf(out, n, "%s",
                 api_tr(lang, "Required with a change to a figure: say where the new figure "
                              "comes from."));
    else if (!strcmp(r, "source_text"))
        snprintf(out, n, "%s", api_tr(lang, "Must be one line of text, at most 500 characters."));
    else if (!strcmp(r, "as_of_needed"))
        snprintf(out, n, "%s",
                 api_tr(lang, "Required with a change to a figure: the date the figure is as "
                              "of."));
    else if (!strcmp(r, "as_of_future"))
        snprintf(out, n, "%s", api_tr(lang, "Must not be after today."));
    else if (!strcmp(r, "read_only"))
        snprintf(out, n, "%s", api_tr(lang, "This field cannot be changed here."));
    else if (!strcmp(r, "owner"))
        snprintf(out, n, "%s",
                 api_tr(lang, "Must be the user name of an officer or admin who can sign in."));
    else if (!strcmp(r, "own_enterprise"))
        snprintf(out, n, "%s", api_tr(lang, "Must be the tax code of your own enterprise."));
    else if (!strcmp(r, "audited_by_officer"))
        snprintf(out, n, "%s",
                 api_tr(lang, "Only an officer who audited the process records it as audited."));
    else if (!strcmp(r, "type"))
        snprintf(out, n, "%s", api_tr(lang, "Must be text, a number, true, false or null."));
    else
        snprintf(out, n, "%.250s", d->message);
}

/* Answers 400 with every problem of the edit. */
static void answer_problems(struct http_resp *resp, enum api_lang lang, const struct table_def *t,
                            const struct khu_diag *problem, int n)
{
    struct http_field_problem fields[ROW_EDIT_MAX_PROBLEMS];
    char detail[256], names[160] = "";
    int i;

    for (i = 0; i < n && i < ROW_EDIT_MAX_PROBLEMS; i++) {
        fields[i].param = problem[i].field;
        fields[i].rule = problem[i].rule;
        api_rule_message(lang, t, &problem[i], fields[i].detail, sizeof(fields[i].detail));
        snprintf(names + strlen(names), sizeof(names) - strlen(names), "%s%s", i ? ", " : "",
                 problem[i].field);
    }
    if (n == 1)
        snprintf(detail, sizeof(detail), "%s: %.200s", fields[0].param, fields[0].detail);
    else
        snprintf(detail, sizeof(detail), api_tr(lang, "Check %d fields: %s."), n, names);
    http_problem_fields(resp, 400, detail, fields, n);
}

struct body {
    json_t *doc;
    struct app_edit_field field[EDIT_MAX_FIELDS];
    struct field_text text[EDIT_MAX_FIELDS];
    size_t nfields;
    const char *source, *as_of;
    struct khu_diag problem[ROW_EDIT_MAX_PROBLEMS];
    int nproblems;
};

static void body_problem(struct body *b, const char *field, const char *rule)
{
    if (b->nproblems == ROW_EDIT_MAX_PROBLEMS)
        return;
    khu_diag_set(&b->problem[b->nproblems], 0, 0, field, "%s", rule);
    khu_diag_rule(&b->problem[b->nproblems], rule, NULL);
    b->nproblems++;
}

/* A member that must be a string (or absent or null). */
static const char *string_member(struct body *b, const char *key, const char *rule)
{
    json_t *v = json_object_get(b->doc, key);

    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        body_problem(b, key, rule);
        return NULL;
    }
    return json_string_value(v);
}

/* Reads the body into b. Returns 0, or -1 after answering 400. */
static int read_body(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                     const struct table_def *t, int is_new, struct body *b)
{
    json_error_t e;
    json_t *fields, *v;
    const char *key;

    b->doc = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &e);
    if (!b->doc || !json_is_object(b->doc)) {
        http_problem(resp, 400, NULL,
                     api_tr(lang, "The body must be a JSON object: %s (line %d, column %d)."),
                     b->doc ? "not an object" : e.text, e.line, e.column);
        return -1;
    }
    json_object_foreach(b->doc, key, v)
    {
        if (strcmp(key, "fields") && strcmp(key, "source") && strcmp(key, "as_of")) {
            http_problem(resp, 400, key, api_tr(lang, "Unknown field \"%.60s\"."), key);
            return -1;
        }
    }
    fields = json_object_get(b->doc, "fields");
    if (!fields || !json_is_object(fields) || (is_new && json_object_size(fields) == 0)) {
        http_problem(resp, 400, "fields", "%s",
                     api_tr(lang, "The body needs \"fields\": an object of the columns to set."));
        return -1;
    }
    if (json_object_size(fields) > EDIT_MAX_FIELDS) {
        http_problem(resp, 400, "fields", api_tr(lang, "At most %d fields."), EDIT_MAX_FIELDS);
        return -1;
    }
    json_object_foreach(fields, key, v)
    {
        struct app_edit_field *f = &b->field[b->nfields];
        f->name = key;
        if (json_is_string(v)) {
            f->text = json_string_value(v);
            f->len = json_string_length(v);
        } else if (json_is_number(v)) {
            number_text(v, b->text[b->nfields].number, sizeof(b->text[b->nfields].number));
            f->text = b->text[b->nfields].number;
            f->len = strlen(f->text);
        } else if (json_is_boolean(v)) {
            f->text = json_is_true(v) ? "1" : "0";
            f->len = 1;
        } else if (json_is_null(v)) {
            f->text = NULL;
            f->len = 0;
        } else {
            body_problem(b, key, "type");
            continue;
        }
        b->nfields++;
    }
    b->source = string_member(b, "source", "source_text");
    b->as_of = string_member(b, "as_of", "as_of_date");
    if (b->nproblems) {
        answer_problems(resp, lang, t, b->problem, b->nproblems);
        return -1;
    }
    return 0;
}

static void answer_written(struct http_resp *resp, const char *table,
                           const struct app_edit_result *out, int created)
{
    struct jw w;
    int i;

    resp->status = created ? 201 : 200;
    snprintf(resp->etag_version, sizeof(resp->etag_version), "%s", out->version);
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "table");
    jw_str(&w, table);
    jw_key(&w, "key");
    jw_str(&w, out->key);
    jw_key(&w, "version");
    jw_str(&w, out->version);
    jw_key(&w, "changed");
    jw_arr_begin(&w);
    for (i = 0; i < out->nchanged; i++)
        jw_str(&w, out->changed[i]);
    jw_arr_end(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}

void api_edit(struct http_req *req, struct http_resp *resp, const char *table, int is_new)
{
    static const char *const allowed[] = {"lang", NULL};
    const struct table_def *t = schema_table(table);
    const struct api_principal *who = api_principal(req);
    struct app_edit_request r;
    struct app_edit_result *out = NULL;
    struct body *b = NULL;
    struct store_actor actor;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    char today[16], own_source[160];
    struct store *s;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    lang = api_message_lang(req, lang);
    if (!t || !who) { /* the route table opens these routes to staff only */
        http_problem(resp, 500, NULL, "this route has no table or no user");
        return;
    }
    if (!is_new && (!req->if_match || !req->if_match[0])) {
        http_problem(resp, 428, "If-Match", "%s",
                     api_tr(lang, "A change needs If-Match with the row's ETag, as read from "
                                  "GET: it shows which version you changed."));
        return;
    }
    b = xcalloc(1, sizeof(*b));
    out = xcalloc(1, sizeof(*out));
    if (!b || !out) {
        api_error(resp, KHU_ENOMEM, NULL);
        goto done;
    }
    if (read_body(req, resp, lang, t, is_new, b))
        goto done;
    s = api_writer(req, resp);
    if (!s)
        goto done;
    api_today(req, today);
    r = (struct app_edit_request){.table = table,
                                  .key = is_new ? NULL : req->path_params,
                                  .if_match = req->if_match,
                                  .fields = b->field,
                                  .nfields = b->nfields,
                                  .source = b->source,
                                  .as_of = b->as_of,
                                  .today = today};
    if (who->role & (ROLE_SUPPLIER | ROLE_INVESTOR)) {
        /* an enterprise's own user writes its own rows; what it states is
         * its own word, dated today, unless it names a source */
        r.owner = who->who.tax_code;
        snprintf(own_source, sizeof(own_source), "stated by the enterprise %s (user %s)",
                 who->who.tax_code, who->who.name);
        if (!r.source || !r.source[0])
            r.source = own_source;
        if (!r.as_of || !r.as_of[0])
            r.as_of = today;
    }
    store_actor_set(&actor, who->who.name, req->client);
    khu_diag_clear(&d);
    err = app_edit(s, &actor, &r, out, &d);
    if (!err)
        answer_written(resp, table, out, is_new);
    else if (err == KHU_EINVAL && out->nproblems)
        answer_problems(resp, lang, t, out->problem, out->nproblems);
    else if (err == KHU_ESTALE)
        http_problem(resp, 412, "If-Match", "%s",
                     api_tr(lang, "This row was changed since you read it. Reload it to see the "
                                  "change, then make yours again."));
    else if (err == KHU_ECONFLICT && d.rule && !strcmp(d.rule, "taken"))
        http_problem(resp, 409, d.field, "%s",
                     schema_col_index(t, d.field) >= 0 && !strcmp(d.field, t->key[0])
                         ? api_tr(lang, "A row with this key exists already.")
                         : api_tr(lang, "Another row has this value already."));
    else if (err == KHU_ENOTFOUND)
        http_problem(resp, 404, NULL, api_tr(lang, "No row of %s has this key."), table);
    else
        api_error(resp, err, &d);
done:
    if (b)
        json_decref(b->doc);
    xfree(b);
    xfree(out);
}
