/* SPDX-License-Identifier: MIT */
/*
 * A request's JSON body as an object of known members, for the routes
 * that take a few named values (accounts, dossiers' acts): the body must
 * be one object, every member one of those allowed and of its type.
 */
#ifndef KHU_API_JSON_BODY_H
#define KHU_API_JSON_BODY_H

#include <jansson.h>

#include "api/api.h"

/* API */

/* Returns the body of req as a JSON object whose members are all named
 * in allowed (NULL-ended): "name" for a string, "*name" for a secret
 * string (a password: wiped when the body is refused), "#name" for a
 * whole number, "[name" for an array, each of them or null; "!name" for
 * true or false. Or NULL after answering 400 in lang, saying what and
 * where. Free the object with json_decref. */
json_t *api_json_body(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                      const char *const *allowed);

/* The string member key of doc, or NULL when it is absent, null or "". */
const char *api_json_text(json_t *doc, const char *key);

#endif
