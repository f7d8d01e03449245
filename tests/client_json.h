/* SPDX-License-Identifier: MIT */
/*
 * For the tests of the HTTP API: a GET whose answer is JSON, counted as a
 * pass when its status is the one wanted (tests/client.h sends it).
 */
#ifndef KHU_TEST_CLIENT_JSON_H
#define KHU_TEST_CLIENT_JSON_H

#include <jansson.h>

#include "client.h"
#include "test.h"

/* GETs target from the server on port; fails the test when there is no
 * answer or its status is not want_status. Returns the answer's JSON (the
 * caller's, to json_decref), or NULL when it is not JSON. */
static inline json_t *client_get_json(unsigned short port, const char *target, int want_status)
{
    struct reply r;
    json_t *j = NULL;
    json_error_t e;

    if (http_get(port, target, NULL, &r)) {
        TEST_FAIL_AT(__FILE__, __LINE__, "no reply for %s", target);
        return NULL;
    }
    if (r.status != want_status)
        TEST_FAIL_AT(__FILE__, __LINE__, "%s: status %d, want %d: %s", target, r.status,
                     want_status, r.body);
    else
        test_passed++;
    j = json_loads(r.body, 0, &e);
    if (!j)
        TEST_FAIL_AT(__FILE__, __LINE__, "%s: invalid JSON: %s", target, e.text);
    reply_free(&r);
    return j;
}

#endif
