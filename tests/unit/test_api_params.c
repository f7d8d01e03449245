/* SPDX-License-Identifier: MIT */
/*
 * The parameter table of the site finder and the brief (api/match.h)
 * against the real server: every parameter the decoder accepts appears in
 * /api/v1/openapi.json with its type (query parameters of GET, members of
 * the POST body), every documented parameter is accepted with its example
 * value, and a name the table does not hold is refused.
 */
#include <jansson.h>
#include <stdlib.h>

#include "api/match.h"
#include "client.h"
#include "test.h"

static struct server srv;

static json_t *get_json(const char *target)
{
    struct reply r;
    json_t *j;

    if (http_get(srv.port, target, NULL, &r)) {
        TEST_FAIL_AT(__FILE__, __LINE__, "no reply for %s", target);
        return NULL;
    }
    j = json_loads(r.body, 0, NULL);
    reply_free(&r);
    return j;
}

static int status_of(const char *target)
{
    struct reply r;
    int status;

    if (http_get(srv.port, target, NULL, &r))
        return -1;
    status = r.status;
    if (status != 200)
        fprintf(stderr, "%s: %d %s\n", target, status, r.body);
    reply_free(&r);
    return status;
}

static const char *expected_type(const struct match_param *p, int in_body)
{
    switch (p->type) {
    case MATCH_NUMBER:
        return "number";
    case MATCH_INTEGER:
        return "integer";
    case MATCH_CODES:
        return in_body ? "array" : "string";
    default:
        return "string";
    }
}

static json_t *find_named(json_t *params, const char *name)
{
    size_t i;
    json_t *p;

    json_array_foreach(params, i, p) if (strcmp(json_string_value(json_object_get(p, "name")),
                                                name) == 0) return p;
    return NULL;
}

/* Each name route's decoder accepts is a documented query parameter of op
 * with the table's type and range; and nothing else is documented. */
static void check_query_params(json_t *op, unsigned route, const char *what)
{
    const char *names[64];
    const char *const *n;
    json_t *params = json_object_get(op, "parameters");
    size_t count = 0;

    CHECK(json_is_array(params));
    for (n = match_route_params(route, names, 64, NULL); *n; n++, count++) {
        const struct match_param *p;
        json_t *doc = find_named(params, *n), *schema = json_object_get(doc, "schema");
        for (p = match_params; p->name && strcmp(p->name, *n) != 0; p++)
            ;
        if (!doc) {
            TEST_FAIL_AT(__FILE__, __LINE__, "%s: %s accepted but not documented", what, *n);
            continue;
        }
        CHECK_EQ_STR(json_string_value(json_object_get(schema, "type")), expected_type(p, 0));
        CHECK_EQ_INT(json_is_true(json_object_get(doc, "required")), p->required);
        CHECK(json_string_length(json_object_get(doc, "description")) > 10);
        if (p->type == MATCH_NUMBER || p->type == MATCH_INTEGER) {
            CHECK_EQ_DBL(json_number_value(json_object_get(schema, "minimum")), p->min, 0);
            CHECK_EQ_DBL(json_number_value(json_object_get(schema, "maximum")), p->max, 0);
        }
    }
    CHECK_EQ_INT(json_array_size(params), count);
}

/* The POST body documents every finder parameter but lang (in the URL). */
static void check_body(json_t *post)
{
    json_t *props = json_object_get(
        json_object_get(
            json_object_get(json_object_get(json_object_get(post, "requestBody"), "content"),
                            "application/json"),
            "schema"),
        "properties");
    const struct match_param *p;
    size_t count = 0;

    for (p = match_params; p->name; p++) {
        json_t *doc = json_object_get(props, p->name);
        if (!(p->routes & MATCH_ROUTE_FINDER) || p->type == MATCH_LANG) {
            CHECK(doc == NULL);
            continue;
        }
        count++;
        CHECK_EQ_STR(json_string_value(json_object_get(doc, "type")), expected_type(p, 1));
    }
    CHECK_EQ_INT(json_object_size(props), count);
}

/* Every documented parameter of a route, with its example, is accepted. */
static void check_examples(json_t *op, const char *path, const char *base)
{
    json_t *params = json_object_get(op, "parameters"), *prm;
    char target[512];
    size_t i;
    int status;

    json_array_foreach(params, i, prm)
    {
        const char *name = json_string_value(json_object_get(prm, "name"));
        const char *example = json_string_value(json_object_get(prm, "example"));
        CHECK(example != NULL);
        if (!example)
            continue;
        if (strcmp(name, "zones") == 0)
            snprintf(target, sizeof(target), "%s?zones=%s", path, example);
        else
            snprintf(target, sizeof(target), "%s?%s%s=%s", path, base, name, example);
        status = status_of(target);
        /* the example zone is one of the default data, not of the fixture:
         * accepted as a parameter, then not found */
        if (status == 200 || (strcmp(name, "zones") == 0 && status == 404))
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "documented %s refused: %s", name, target);
    }
}

int main(void)
{
    char dir[] = "/tmp/khu-params-XXXXXX", db[256];
    const char *fx = getenv("KHU_FIXTURE");
    char *out = NULL, *err = NULL;
    json_t *doc, *paths, *sites, *brief;
    int rc;

    if (!mkdtemp(dir))
        return 1;
    snprintf(db, sizeof(db), "%s/p.db", dir);
    rc = run_khu(
        (char *[]){"import", "--dir", (char *)(fx ? fx : "tests/fixture"), "--db", db, NULL}, &out,
        &err);
    CHECK_EQ_INT(rc, 0);
    free(out);
    free(err);
    if (rc || server_start(&srv, db, NULL) != 0) {
        TEST_FAIL_AT(__FILE__, __LINE__, "khu serve did not start");
        return test_report("test_api_params");
    }
    doc = get_json("/api/v1/openapi.json");
    paths = json_object_get(doc, "paths");
    sites = json_object_get(paths, "/api/v1/match/sites");
    brief = json_object_get(json_object_get(paths, "/api/v1/brief.pdf"), "get");
    check_query_params(json_object_get(sites, "get"), MATCH_ROUTE_FINDER, "match/sites");
    check_query_params(brief, MATCH_ROUTE_BRIEF, "brief.pdf");
    check_body(json_object_get(sites, "post"));
    check_examples(json_object_get(sites, "get"), "/api/v1/match/sites", "");
    check_examples(brief, "/api/v1/brief.pdf", "zones=kcn-alpha&");
    /* a name outside the table is refused */
    CHECK_EQ_INT(status_of("/api/v1/match/sites?colour=red"), 400);
    CHECK_EQ_INT(status_of("/api/v1/match/sites?zones=kcn-alpha"), 400);
    json_decref(doc);
    CHECK_EQ_INT(server_stop(&srv), 0);
    unlink(db);
    rmdir(dir);
    return test_report("test_api_params");
}
