/* SPDX-License-Identifier: MIT */
/*
 * What the tests of the API over HTTP set up and ask, written once: the
 * khu command with its output, a user and an API token made by the CLI,
 * CSV text imported in one transaction, and a JSON request as the holder
 * of a token, checked to answer a status. For one test file only (it
 * defines its functions static inline).
 */
#ifndef KHU_TEST_API_WORLD_H
#define KHU_TEST_API_WORLD_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client.h"
#include "store/import.h"
#include "store/store.h"
#include "test.h"

#define WORLD_PASSWORD "Mùa lúa chín ở Đức Hòa"

/* Runs khu with args, input on its standard input; *out its output (free
 * it). Returns its exit status, saying on stderr why it failed. */
static inline int world_khu(const char *input, char *const *args, char **out)
{
    char *err = NULL;
    int rc = run_khu_input(args, input ? input : "", out, &err);

    if (rc != 0)
        fprintf(stderr, "khu %s: %s", args[0], err ? err : "");
    free(err);
    return rc;
}

/* Makes user name of role (org: its department or enterprise, or NULL) in
 * db with WORLD_PASSWORD, and an API token for it into token (n bytes). */
static inline void world_user(const char *db, const char *name, const char *role, const char *org,
                              char *token, size_t n)
{
    char *out = NULL;

    CHECK_EQ_INT(world_khu(WORLD_PASSWORD "\n",
                           (char *[]){"user", "add", (char *)name, "--role", (char *)role, "--org",
                                      (char *)(org ? org : ""), "--db", (char *)db, NULL},
                           &out),
                 0);
    free(out);
    out = NULL;
    CHECK_EQ_INT(
        world_khu(NULL, (char *[]){"token", "add", (char *)name, "--db", (char *)db, NULL}, &out),
        0);
    snprintf(token, n, "%.*s", out ? (int)strcspn(out, "\n") : 0, out ? out : "");
    free(out);
}

static inline void world_report(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    fprintf(stderr, "import %s: %s\n", file, d->message);
}

/* Imports CSV text into db in one transaction: tables holds pairs of a
 * table's name and its text, then NULL. */
static inline void world_import(const char *db, const char *const *tables)
{
    static const struct store_actor loader = {"cli", ""};
    struct importer *im;
    struct store *s;
    struct khu_diag d;

    CHECK_EQ_INT(store_open(db, STORE_READ_WRITE, &s, &d), KHU_OK);
    CHECK_EQ_INT(importer_begin(s, &loader, 0, 0, world_report, NULL, &im, &d), KHU_OK);
    for (; *tables; tables += 2)
        CHECK_EQ_INT(importer_add_csv(im, tables[0], tables[0], tables[1], strlen(tables[1])),
                     KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    store_close(s);
}

/* Sends method target to port as the holder of token (NULL: nobody) with
 * a JSON body and If-Match (each may be NULL); the answer in r. */
static inline int world_send(unsigned short port, const char *token, const char *method,
                             const char *target, const char *body, const char *if_match,
                             struct reply *r)
{
    char headers[768];

    snprintf(headers, sizeof(headers), "Content-Type: application/json\r\n%s%s%s%s%s%s",
             token ? "Authorization: Bearer " : "", token ? token : "", token ? "\r\n" : "",
             if_match ? "If-Match: " : "", if_match ? if_match : "", if_match ? "\r\n" : "");
    return http_send(port, method, target, headers, body, r);
}

/* The JSON answer of world_send, checked to have status want (a failure
 * reported at file:line otherwise, and NULL returned). */
static inline json_t *world_call_at(const char *file, int line, unsigned short port,
                                    const char *token, const char *method, const char *target,
                                    const char *body, const char *if_match, int want)
{
    struct reply r;
    json_t *j = NULL;

    if (world_send(port, token, method, target, body, if_match, &r) != 0) {
        TEST_FAIL_AT(file, line, "%s %s: no answer", method, target);
        return NULL;
    }
    if (r.status != want)
        TEST_FAIL_AT(file, line, "%s %s: %d, not %d: %s", method, target, r.status, want,
                     r.body ? r.body : "");
    else
        j = json_loads(r.body ? r.body : "", 0, NULL);
    reply_free(&r);
    return j;
}

#define world_call(port, token, method, target, body, if_match, want)                              \
    world_call_at(__FILE__, __LINE__, port, token, method, target, body, if_match, want)

/* The string member key of o, or "(none)". */
static inline const char *world_str(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));

    return s ? s : "(none)";
}

#endif
