/* SPDX-License-Identifier: MIT */
/*
 * A request's JSON body of known members (see json_body.h).
 */
#include "api/json_body.h"

#include <string.h>

#include "api/tr.h"
#include "core/password_hash.h"

/* 1 when v is of the type the allowed name a says (its first character). */
static int typed(const char *a, json_t *v)
{
    if (*a == '!')
        return json_is_boolean(v);
    if (json_is_null(v))
        return 1;
    switch (*a) {
    case '#':
        return json_is_integer(v);
    case '!':
        return json_is_boolean(v);
    case '[':
        return json_is_array(v);
    default:
        return json_is_string(v);
    }
}

/* Wipes the secret members of doc (allowed names beginning with '*') and
 * frees it. */
static void refuse(json_t *doc, const char *const *allowed)
{
    size_t i;

    for (i = 0; doc && allowed[i]; i++) {
        json_t *v = allowed[i][0] == '*' ? json_object_get(doc, allowed[i] + 1) : NULL;
        if (v && json_is_string(v))
            password_wipe((char *)json_string_value(v), json_string_length(v));
    }
    json_decref(doc);
}

json_t *api_json_body(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                      const char *const *allowed)
{
    json_error_t e;
    json_t *doc = json_loadb(req->body ? req->body : "", req->body_len, JSON_REJECT_DUPLICATES, &e);
    const char *key;
    json_t *v;
    size_t i;

    if (!doc || !json_is_object(doc)) {
        http_problem(resp, 400, NULL,
                     api_tr(lang, "The body must be a JSON object: %s (line %d, column %d)."),
                     doc ? "not an object" : e.text, e.line, e.column);
        refuse(doc, allowed);
        return NULL;
    }
    json_object_foreach(doc, key, v)
    {
        const char *a = NULL;
        for (i = 0; allowed[i] && !a; i++) {
            const char *name = allowed[i] + (allowed[i][0] && strchr("*#![", allowed[i][0]));
            if (allowed[i][0] && !strcmp(name, key))
                a = allowed[i];
        }
        if (!a || !typed(a, v)) {
            http_problem(resp, 400, key,
                         a ? api_tr(lang, "\"%.60s\" has the wrong type.")
                           : api_tr(lang, "Unknown field \"%.60s\"."),
                         key);
            refuse(doc, allowed);
            return NULL;
        }
    }
    return doc;
}

const char *api_json_text(json_t *doc, const char *key)
{
    const char *s = json_string_value(json_object_get(doc, key));

    return s && s[0] ? s : NULL;
}
