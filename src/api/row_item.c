/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/{table}/{key} for the tables an officer edits that have no
 * item in the read API (targets, observations, partners, events; a
 * supplier's processes, certificates and contact, the last for staff and
 * the supplier itself only): the row
 * as stored, with its version leading the ETag, which a PATCH names in
 * If-Match. Zones and units have their items in api/list.c, with the same
 * ETag.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/auth.h"
#include "api/handlers.h"
#include "core/row_version.h"
#include "store/rows.h"

struct item {
    const struct table_def *t;
    struct http_resp *resp;
};

static int write_row(void *arg, const struct khu_row *row)
{
    struct item *it = arg;
    char version[ROW_VERSION_HEX];
    struct jw w;

    if (row_version(it->t, row, 0, version) == 0)
        snprintf(it->resp->etag_version, sizeof(it->resp->etag_version), "%s", version);
    jw_init(&w, &it->resp->body);
    jw_obj_begin(&w);
    row_json_fields(&w, it->t, row, 0);
    jw_obj_end(&w);
    buf_putc(&it->resp->body, '\n');
    return 0;
}

/* A supplier's contact is not public: a supplier's user reads its own
 * only (staff read any; the route lets no one else in). */
static int own_contact(const struct http_req *req, const char *table)
{
    const struct api_principal *who = api_principal(req);

    if (strcmp(table, "supplier_contacts") != 0 || !who || !(who->role & ROLE_SUPPLIER))
        return 1;
    return strcmp(req->path_params[0], who->who.tax_code) == 0;
}

void api_row_item(struct http_req *req, struct http_resp *resp, const char *table)
{
    static const char *const allowed[] = {"lang", NULL};
    const struct table_def *t = schema_table(table);
    struct item it = {.t = t, .resp = resp};
    struct store *s;
    struct khu_diag d;
    enum khu_err err;

    if (http_check_params(req, resp, allowed))
        return;
    if (!t) {
        http_problem(resp, 500, NULL, "this route has no table");
        return;
    }
    if (!own_contact(req, table)) {
        http_problem(resp, 404, NULL, "no %s with this key", table);
        return;
    }
    s = api_store(req, resp);
    if (!s)
        return;
    khu_diag_clear(&d);
    err = store_row_get(s, t, req->path_params, write_row, &it, &d);
    if (err == KHU_ENOTFOUND)
        http_problem(resp, 404, NULL, "no %s with this key", table);
    else if (err)
        api_error(resp, err, &d);
}
