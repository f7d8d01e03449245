/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/openapi.json, generated from the same resource descriptions
 * and data model the handlers use, so the document cannot drift from the
 * API it describes.
 */
#include <stdio.h>
#include <string.h>

#include "api/handlers.h"
#include "api/match.h"
#include "api/openapi_parts.h"
#include "api/resource.h"
#include "app/app_edit.h"
#include "core/role.h"
#include "core/dictionary.h"
#include "core/workday.h"
#include "report/xlsx.h"

/* Writes already-encoded JSON text as one value. */
static void raw(struct jw *w, const char *json)
{
    jw_raw(w, json, strlen(json));
}

/* ===== schemas ===== */

static void nullable_type(struct jw *w, const char *type)
{
    jw_key(w, "type");
    jw_arr_begin(w);
    jw_str(w, type);
    jw_str(w, "null");
    jw_arr_end(w);
}

/* The schema of column c of t as an answer gives it, or (edit) as the body
 * of a write may give it: a 0/1 flag also as true or false, a number with
 * its range. */
static void column_schema_of(struct jw *w, const struct table_def *t, const struct col_def *c,
                             int edit)
{
    const struct dict_text *meaning = dict_column_meaning(t->name, c->name);
    const char *const *v;

    jw_obj_begin(w);
    switch (c->type) {
    case COL_BOOL:
        if (edit) {
            jw_key(w, "type");
            raw(w, "[\"boolean\",\"integer\",\"null\"]");
            jw_key(w, "enum");
            raw(w, "[true,false,0,1,null]");
            break;
        }
        nullable_type(w, "integer");
        break;
    case COL_INT:
    case COL_REAL:
        nullable_type(w, c->type == COL_INT ? "integer" : "number");
        if (edit) {
            jw_key(w, "minimum");
            jw_real(w, c->min);
            jw_key(w, "maximum");
            jw_real(w, c->max);
        }
        break;
    case COL_DATE:
        nullable_type(w, "string");
        jw_key(w, "format");
        jw_str(w, "date");
        break;
    case COL_ENUM:
        nullable_type(w, "string");
        jw_key(w, "enum");
        jw_arr_begin(w);
        for (v = c->values; *v; v++)
            jw_str(w, *v);
        jw_null(w);
        jw_arr_end(w);
        break;
    default:
        nullable_type(w, "string");
    }
    if (meaning) {
        jw_key(w, "description");
        jw_str(w, meaning->en);
    } else if (c->unit) {
        jw_key(w, "description");
        jw_str(w, c->unit);
    }
    jw_obj_end(w);
}

static void column_schema(struct jw *w, const struct table_def *t, const struct col_def *c)
{
    column_schema_of(w, t, c, 0);
}

static void resource_schema(struct jw *w, const struct resource_def *r)
{
    const struct table_def *t = schema_table(r->table);
    const struct derived_def *d;
    size_t i;

    jw_key(w, r->name);
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "object");
    jw_key(w, "properties");
    jw_obj_begin(w);
    if (r->localized) {
        jw_key(w, "name");
        raw(w, "{\"type\":\"string\",\"description\":\"name in the chosen language\"}");
        jw_key(w, "name_lang");
        raw(w, "{\"type\":\"string\",\"enum\":[\"vi\",\"en\",\"ko\"]}");
    }
    for (i = 0; i < t->ncols; i++) {
        jw_key(w, t->cols[i].name);
        column_schema(w, t, &t->cols[i]);
    }
    for (d = r->derived; d && d->name; d++) {
        jw_key(w, d->name);
        jw_obj_begin(w);
        nullable_type(w, "number");
        jw_key(w, "description");
        jw_str(w, d->doc);
        jw_obj_end(w);
    }
    if (schema_col_index(t, "source") >= 0) {
        jw_key(w, "source_refs");
        raw(w, "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"One item"
               " only (not in lists): the codes of the registered sources (/api/v1/sources) that"
               " source cites, in the order of the text.\"}");
        jw_key(w, "source_unregistered");
        raw(w, "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"One item"
               " only: addresses in source that no registered source covers.\"}");
    }
    jw_obj_end(w);
    jw_obj_end(w);
}

static const char fixed_schemas[] =
    "\"Problem\":{\"type\":\"object\",\"required\":[\"title\",\"status\",\"detail\"],"
    "\"properties\":{\"type\":{\"type\":\"string\"},\"title\":{\"type\":\"string\"},"
    "\"status\":{\"type\":\"integer\"},\"detail\":{\"type\":\"string\"},"
    "\"param\":{\"type\":\"string\"},\"errors\":{\"type\":\"array\",\"description\":\"every"
    " field's problem at once, where a request has several\",\"items\":{\"type\":\"object\","
    "\"properties\":{\"param\":{\"type\":\"string\"},\"detail\":{\"type\":\"string\"},"
    "\"rule\":{\"type\":\"string\",\"description\":\"the rule the field broke, for programs"
    " (an edit's fields: required, utf8, control, tax_code, country, length, range, number,"
    " integer, enum, date, bool, before, more_than, self, provenance, unknown, twice, key,"
    " reference, read_only, owner, source_needed, source_text, as_of_needed, as_of_date,"
    " as_of_future, type)\"}}}}}},"
    "\"Page\":{\"type\":\"object\",\"required\":[\"items\",\"total\",\"total_exact\",\"limit\","
    "\"next_cursor\"],"
    "\"properties\":{\"items\":{\"type\":\"array\"},\"total\":{\"type\":\"integer\","
    "\"description\":\"rows matching on all pages; when total_exact is false, more than this "
    "many (counting stops there)\"},\"total_exact\":{\"type\":\"boolean\"},"
    "\"limit\":{\"type\":\"integer\"},\"next_cursor\":{\"type\":[\"string\",\"null\"]},"
    "\"lang\":{\"type\":\"string\"}}},"
    "\"Object\":{\"type\":\"object\"},"
    "\"Identity\":{\"type\":\"object\",\"required\":[\"signed_in\",\"user\",\"role\"],"
    "\"properties\":{\"signed_in\":{\"type\":\"boolean\"},\"user\":{\"type\":[\"string\","
    "\"null\"]},\"display_name\":{\"type\":[\"string\","
    "\"null\"]},\"role\":{\"enum\":[\"admin\",\"officer\",\"department\",\"investor\","
    "\"supplier\",\"viewer\",null]},\"department\":{\"type\":[\"string\",\"null\"]},"
    "\"tax_code\":{\"type\":[\"string\",\"null\"]},\"signed_in_with\":{\"enum\":["
    "\"session\",\"token\",null]},\"expires_at\":{\"type\":[\"string\",\"null\"],"
    "\"format\":\"date-time\"}}},"
    "\"Written\":{\"type\":\"object\",\"required\":[\"table\",\"key\",\"version\","
    "\"changed\"],\"properties\":{\"table\":{\"type\":\"string\"},\"key\":{\"type\":"
    "\"string\",\"description\":\"the row's key as the audit trail names it (the columns of a"
    " key of two joined by '/')\"},\"version\":{\"type\":\"string\",\"description\":\"the"
    " row's version after the write: the first part of its ETag\"},\"changed\":{\"type\":"
    "\"array\",\"items\":{\"type\":\"string\"},\"description\":\"the columns written, with"
    " the provenance or source the write rewrote; empty when the row was already so (nothing"
    " written, no audit record)\"}}},"
    "\"History\":{\"type\":\"object\",\"required\":[\"zone\",\"changes\",\"next_cursor\"],"
    "\"properties\":{\"zone\":{\"type\":\"string\"},\"changes\":{\"type\":\"array\","
    "\"description\":\"newest first, one per write of the zone made row by row\",\"items\":{"
    "\"type\":\"object\",\"required\":[\"id\",\"at\",\"actor\",\"action\",\"source\","
    "\"as_of\",\"changes\"],\"properties\":{\"id\":{\"type\":\"integer\",\"description\":"
    "\"the audit record\"},\"at\":{\"type\":\"string\",\"format\":\"date-time\"},"
    "\"actor\":{\"type\":[\"string\",\"null\"],\"description\":\"who wrote it (a user"
    " name; cli:... for a command)\"},\"action\":{\"type\":[\"string\",\"null\"],"
    "\"description\":\"insert (the zone made) or "
    "update\"},\"source\":{\"type\":[\"string\",\"null\"]},\"as_of\":{"
    "\"type\":[\"string\",\"null\"],\"format\":\"date\"},\"changes\":{\"type\":"
    "\"array\",\"items\":{\"type\":\"object\",\"required\":[\"field\",\"before\","
    "\"after\"],\"properties\":{\"field\":{\"type\":\"string\"},\"before\":{"
    "\"description\":\"null: empty, or a row just made\"},\"after\":{}}}}}}},"
    "\"next_cursor\":{\"type\":[\"integer\",\"null\"],\"description\":\"the cursor of the"
    " next (older) page; null on the last\"}}},"
    "\"User\":{\"type\":\"object\",\"required\":[\"name\",\"display_name\",\"role\",\"org\","
    "\"created\",\"password_set\",\"disabled\"],\"properties\":{\"name\":{\"type\":"
    "\"string\"},\"display_name\":{\"type\":[\"string\",\"null\"]},\"role\":{\"enum\":["
    "\"admin\",\"officer\",\"department\",\"investor\",\"supplier\",\"viewer\"]},"
    "\"org\":{\"type\":[\"string\",\"null\"],\"description\":\"the department's code"
    " (role department) or the enterprise's tax code (investor, supplier); null for the"
    " other roles\"},\"created\":{\"type\":[\"string\",\"null\"],\"format\":"
    "\"date-time\"},\"password_set\":{\"type\":[\"string\",\"null\"],\"format\":"
    "\"date-time\",\"description\":\"when the password was last set\"},\"disabled\":{"
    "\"type\":[\"string\",\"null\"],\"format\":\"date-time\",\"description\":\"when the"
    " account was disabled; null: it may sign in\"}}},"
    "\"AccountDone\":{\"type\":\"object\",\"required\":[\"name\",\"done\"],"
    "\"properties\":{\"name\":{\"type\":\"string\"},\"done\":{\"type\":\"array\","
    "\"items\":{\"enum\":[\"added\",\"password\",\"role\",\"disabled\",\"enabled\"]},"
    "\"description\":\"what was done, in the order it was done; each its own audit"
    " record\"}}},"
    "\"AuditVerdict\":{\"type\":\"object\",\"required\":[\"intact\",\"records\","
    "\"head_id\",\"head_hash\",\"bad_id\",\"reason\"],\"properties\":{\"intact\":{"
    "\"type\":\"boolean\",\"description\":\"true when every record read matches\"},"
    "\"records\":{\"type\":\"integer\",\"description\":\"records read (the walk stops at"
    " the first that does not match)\"},\"head_id\":{\"type\":\"integer\",\"description\":"
    "\"the last record that matches: the trail's last when intact; 0 when none\"},"
    "\"head_hash\":{\"type\":\"string\",\"description\":\"its hash, 64 hexadecimal digits;"
    " empty when none\"},\"bad_id\":{\"type\":[\"integer\",\"null\"],\"description\":"
    "\"the first record that does not match; null when all do\"},\"reason\":{\"type\":["
    "\"string\",\"null\"],\"description\":\"why it does not match, in English\"}}}";

/* ===== parameters ===== */

static void param(struct jw *w, const char *name, const char *in, const char *type, const char *doc)
{
    jw_obj_begin(w);
    jw_key(w, "name");
    jw_str(w, name);
    jw_key(w, "in");
    jw_str(w, in);
    jw_key(w, "required");
    jw_bool(w, strcmp(in, "path") == 0);
    jw_key(w, "description");
    jw_str(w, doc);
    jw_key(w, "schema");
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, type);
    jw_obj_end(w);
    jw_obj_end(w);
}

static void lang_param(struct jw *w)
{
    raw(w, "{\"name\":\"lang\",\"in\":\"query\",\"required\":false,\"description\":\"Language of"
           " names and messages; otherwise Accept-Language, then vi.\",\"schema\":{\"type\":"
           "\"string\",\"enum\":[\"vi\",\"en\",\"ko\"]}}");
}

static void bom_param(struct jw *w)
{
    raw(w, "{\"name\":\"bom\",\"in\":\"query\",\"required\":false,\"description\":\"1: a CSV"
           " answer begins with the UTF-8 byte-order mark, which Excel needs to show Vietnamese and"
           " Korean; 0 (the default): none. Refused on an answer that is not CSV.\",\"schema\":"
           "{\"type\":\"integer\",\"enum\":[0,1]}}");
}

/* A filter that takes several comma-separated values, as OpenAPI says it:
 * an array in form style, not exploded (kind=kcn,ccn). The values of an
 * enum column, or for a missing filter the columns that may be empty, are
 * listed. */
static void list_filter_param(struct jw *w, const struct resource_def *r,
                              const struct filter_def *f)
{
    const struct table_def *t = schema_table(r->table);
    const struct col_def *c = f->column ? &t->cols[schema_col_index(t, f->column)] : NULL;
    const char *const *v;
    size_t i;

    jw_obj_begin(w);
    jw_key(w, "name");
    jw_str(w, f->param);
    jw_key(w, "in");
    jw_str(w, "query");
    jw_key(w, "required");
    jw_bool(w, 0);
    jw_key(w, "description");
    jw_str(w, f->doc);
    jw_key(w, "style");
    jw_str(w, "form");
    jw_key(w, "explode");
    jw_bool(w, 0);
    jw_key(w, "schema");
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "array");
    jw_key(w, "maxItems");
    jw_int(w, API_FILTER_MAX_VALUES);
    jw_key(w, "items");
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "string");
    if (c && c->values) {
        jw_key(w, "enum");
        jw_arr_begin(w);
        for (v = c->values; *v; v++)
            jw_str(w, *v);
        jw_arr_end(w);
    } else if (f->kind == FILTER_MISSING) {
        jw_key(w, "enum");
        jw_arr_begin(w);
        for (i = 0; i < t->ncols; i++)
            if (!t->cols[i].required)
                jw_str(w, t->cols[i].name);
        jw_arr_end(w);
    } else {
        jw_key(w, "minLength");
        jw_int(w, 1);
        jw_key(w, "maxLength");
        jw_int(w, 64);
    }
    jw_obj_end(w);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* The parameters of a list; bom: the answer may be CSV, so bom applies. */
static void list_params(struct jw *w, const struct resource_def *r, int bom)
{
    const struct filter_def *f;
    const struct sort_def *s;
    char doc[1024];
    size_t used;

    jw_key(w, "parameters");
    jw_arr_begin(w);
    for (f = r->filters; f->param; f++)
        if (f->kind == FILTER_ENUM || f->kind == FILTER_CODES || f->kind == FILTER_MISSING)
            list_filter_param(w, r, f);
        else
            param(w, f->param, "query",
                  f->kind == FILTER_MIN || f->kind == FILTER_MAX ? "number"
                  : f->kind == FILTER_BOOL                       ? "integer"
                                                                 : "string",
                  f->doc);
    if (r->search)
        param(w, "q", "query", "string",
              "Text search over codes and names; ignores case and Vietnamese diacritics "
              "(duc hoa finds Đức Hòa); Korean by two-syllable parts.");
    used = (size_t)snprintf(doc, sizeof(doc), "Sort field, '-' in front for descending: %s",
                            r->key_param);
    for (s = r->sorts; s->name && used < sizeof(doc); s++)
        used += (size_t)snprintf(doc + used, sizeof(doc) - used, ", %s", s->name);
    param(w, "sort", "query", "string", doc);
    param(w, "limit", "query", "integer",
          "Rows per page: 1-500 for JSON (default 50); up to 100000 for CSV, GeoJSON and"
          " XLSX (the default).");
    param(w, "cursor", "query", "string", "The next_cursor of the previous page.");
    lang_param(w);
    if (bom)
        bom_param(w);
    jw_arr_end(w);
}

/* ===== operations ===== */

static const char problem_ref[] = "{\"$ref\":\"#/components/responses/Problem\"}";
static const char staff_only[] = "[{\"session\":[]},{\"bearer\":[]}]";

/* The content of a spreadsheet answer (api/xlsx_answer.c). */
static const char xlsx_content[] =
    "{\"" XLSX_MEDIA_TYPE "\":{\"schema\":{\"type\":\"string\",\"format\":\"binary\"}}}";

/* The 200, 304, 400 and 404 answers of an operation; the JSON body is
 * schema_ref, or when items_ref is given a Page whose items are items_ref;
 * xlsx: Accept may ask for a spreadsheet too. */
static void responses_of(struct jw *w, const char *schema_ref, const char *items_ref,
                         const char *media_extra, int xlsx)
{
    char page[256];

    jw_key(w, "responses");
    jw_obj_begin(w);
    jw_key(w, "200");
    jw_obj_begin(w);
    jw_key(w, "description");
    jw_str(w, "OK");
    jw_key(w, "content");
    jw_obj_begin(w);
    jw_key(w, "application/json");
    jw_obj_begin(w);
    jw_key(w, "schema");
    jw_obj_begin(w);
    if (items_ref) {
        jw_key(w, "allOf");
        jw_arr_begin(w);
        jw_obj_begin(w);
        jw_key(w, "$ref");
        jw_str(w, schema_ref);
        jw_obj_end(w);
        snprintf(page, sizeof(page),
                 "{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\","
                 "\"items\":{\"$ref\":\"%s\"}}}}",
                 items_ref);
        raw(w, page);
        jw_arr_end(w);
    } else {
        jw_key(w, "$ref");
        jw_str(w, schema_ref);
    }
    jw_obj_end(w);
    jw_obj_end(w);
    if (media_extra) {
        jw_key(w, media_extra);
        raw(w, "{\"schema\":{\"type\":\"string\"}}");
    }
    if (xlsx) {
        jw_key(w, XLSX_MEDIA_TYPE);
        raw(w, "{\"schema\":{\"type\":\"string\",\"format\":\"binary\"}}");
    }
    jw_obj_end(w);
    jw_obj_end(w);
    jw_key(w, "304");
    raw(w, "{\"description\":\"Not modified (If-None-Match matched the ETag)\"}");
    jw_key(w, "400");
    raw(w, "{\"$ref\":\"#/components/responses/Problem\"}");
    jw_key(w, "404");
    raw(w, "{\"$ref\":\"#/components/responses/Problem\"}");
    jw_obj_end(w);
}

static void responses(struct jw *w, const char *schema_ref, const char *media_extra)
{
    responses_of(w, schema_ref, NULL, media_extra, 0);
}

static void operation(struct jw *w, const char *path, const char *id, const char *summary)
{
    jw_key(w, path);
    jw_obj_begin(w);
    jw_key(w, "get");
    jw_obj_begin(w);
    jw_key(w, "operationId");
    jw_str(w, id);
    jw_key(w, "summary");
    jw_str(w, summary);
}

static void edit_post(struct jw *w, const struct table_def *t);
static void edit_patch(struct jw *w, const struct table_def *t);
static void history_path(struct jw *w);
static void row_paths(struct jw *w, const char *table);

/* The route of method and pattern in the route table, or NULL: the
 * document describes the routes that exist. */
static const struct http_route *route_of(const char *method, const char *pattern)
{
    const struct http_route *rt;

    for (rt = api_routes; rt->method; rt++)
        if (strcmp(rt->method, method) == 0 && strcmp(rt->pattern, pattern) == 0)
            return rt;
    return NULL;
}

/* 1 when a POST makes a row of table: a route of the edits, open to staff
 * only (the POST /api/v1/leads open to everyone is the inquiry form). */
static int has_edit_post(const char *table)
{
    const struct http_route *rt;
    char path[96];

    if (!app_edit_writable(table))
        return 0;
    snprintf(path, sizeof(path), "/api/v1/%s", table);
    rt = route_of("POST", path);
    return rt && rt->roles != 0;
}

/* Writes the path of one row of t, /api/v1/{table}/{key}[/{key}], into out. */
static void row_path(const struct table_def *t, char *out, size_t n)
{
    const char *const *k;
    size_t used = (size_t)snprintf(out, n, "/api/v1/%s", t->name);

    for (k = t->key; *k && used < n; k++)
        used += (size_t)snprintf(out + used, n - used, "/{%s}", *k);
}

/* 1 when a PATCH changes a row of t. */
static int has_edit_patch(const struct table_def *t)
{
    char path[160];

    if (!t || !app_edit_writable(t->name))
        return 0;
    row_path(t, path, sizeof(path));
    return route_of("PATCH", path) != NULL;
}

/* Ends the GET of a path, adds the POST that makes a row of table where
 * the registry's edits may (NULL: none), and ends the path. */
static void end_operation_post(struct jw *w, const char *table)
{
    jw_obj_end(w);
    if (table && has_edit_post(table))
        edit_post(w, schema_table(table));
    jw_obj_end(w);
}

/* 1 when resource r has an item route, GET /api/v1/{name}/{key}. */
static int has_item_route(const struct resource_def *r)
{
    return api_resource(r->name) && strcmp(r->name, "sectors") != 0 &&
           strcmp(r->name, "observations") != 0 &&        /* no item route: a key of two columns */
           strcmp(r->name, "procedure_departments") != 0; /* its own, of three */
}

/* ===== spreadsheets (api/xlsx_answer.c) ===== */

/* 1 when path has a spreadsheet form, path.xlsx, in the route table: then
 * path itself answers one to Accept: XLSX_MEDIA_TYPE (api_format). */
static int has_xlsx_form(const char *path)
{
    char xlsx[160];

    snprintf(xlsx, sizeof(xlsx), "%s.xlsx", path);
    return route_of("GET", xlsx) != NULL;
}

/* The security of the GET of path: who may call it signs in (the roles
 * are in the summary); nothing for a route open to everyone. */
static void get_security(struct jw *w, const char *path)
{
    const struct http_route *rt = route_of("GET", path);

    if (rt && rt->roles) {
        jw_key(w, "security");
        raw(w, staff_only);
    }
}

/* The answers of path, a spreadsheet: the 200 says what holds which rows
 * (what) and, where the path without .xlsx exists, that Accept asks it
 * for the same file; then 304 and 400, or 400, 401 and 403 for a route
 * open to some roles only. */
static void xlsx_responses(struct jw *w, const char *path, const char *what)
{
    const struct http_route *rt = route_of("GET", path);
    char plain[160], accept[320] = "", doc[1024];
    size_t n = strlen(path);

    snprintf(plain, sizeof(plain), "%.*s", (int)(n > 5 ? n - 5 : 0), path); /* no .xlsx */
    if (route_of("GET", plain))
        snprintf(accept, sizeof(accept), " (or GET %s with Accept: %s)", plain, XLSX_MEDIA_TYPE);
    snprintf(doc, sizeof(doc),
             "%s as a spreadsheet%s: a sheet of the rows under a frozen, bold header row, each"
             " cell typed as its column (numbers as numbers, dates as dates, 0/1 flags as TRUE or"
             " FALSE, codes as text), columns as wide as what they hold; then a sheet About with"
             " the publisher and the licence of the data, when and as what the file was asked"
             " for, and the registered sources that the rows' source column cites.",
             what, accept);
    jw_key(w, "responses");
    jw_obj_begin(w);
    jw_key(w, "200");
    jw_obj_begin(w);
    jw_key(w, "description");
    jw_str(w, doc);
    jw_key(w, "content");
    raw(w, xlsx_content);
    jw_obj_end(w);
    if (!rt || !rt->roles) {
        jw_key(w, "304");
        raw(w, "{\"description\":\"Not modified (If-None-Match matched the ETag)\"}");
    }
    jw_key(w, "400");
    raw(w, problem_ref);
    if (rt && rt->roles) {
        jw_key(w, "401");
        raw(w, problem_ref);
        jw_key(w, "403");
        raw(w, problem_ref);
    }
    jw_obj_end(w);
}

/* GET path, a spreadsheet whose only parameter is lang (where the route
 * table has it). */
static void xlsx_path(struct jw *w, const char *path, const char *id, const char *summary,
                      const char *what)
{
    if (!route_of("GET", path))
        return;
    operation(w, path, id, summary);
    get_security(w, path);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    lang_param(w);
    jw_arr_end(w);
    xlsx_responses(w, path, what);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* ===== the read API's resources ===== */

static void resource_paths(struct jw *w, const struct resource_def *r)
{
    char path[96], id[64], ref[96], doc[160];
    int i;
    static const char *const suffix[] = {"", ".csv", ".geojson", ".xlsx"};
    static const char *const media[] = {"text/csv", "text/csv", "application/geo+json", NULL};

    for (i = 0; i < 4; i++) {
        snprintf(path, sizeof(path), "/api/v1/%s%s", r->name, suffix[i]);
        if (i > 0 && !route_of("GET", path))
            continue; /* a form this resource has not (GeoJSON without positions) */
        snprintf(id, sizeof(id), "list_%s%s%s", r->name, i ? "_" : "", suffix[i] + (i ? 1 : 0));
        operation(w, path, id, r->summary);
        list_params(w, r, i < 2); /* bom: where the answer may be CSV */
        if (i == 3) {
            snprintf(doc, sizeof(doc), "Every row of %s that passes the filters (up to limit)",
                     r->name);
            xlsx_responses(w, path, doc);
        } else {
            snprintf(ref, sizeof(ref), "#/components/schemas/%s", r->name);
            responses_of(w, "#/components/schemas/Page", ref, media[i],
                         i == 0 && has_xlsx_form(path));
        }
        end_operation_post(w, i == 0 ? r->table : NULL);
    }
    if (!has_item_route(r)) {
        row_paths(w, r->table); /* one observation: a key of two columns */
        return;
    }
    snprintf(path, sizeof(path), "/api/v1/%s/{%s}", r->name, r->key_param);
    snprintf(id, sizeof(id), "get_%s", r->name);
    snprintf(ref, sizeof(ref), "#/components/schemas/%s", r->name);
    snprintf(doc, sizeof(doc), "One of %s by %s.", r->name, r->key_param);
    operation(w, path, id, doc);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    param(w, r->key_param, "path", "string", "The key.");
    lang_param(w);
    jw_arr_end(w);
    responses(w, ref, NULL);
    jw_obj_end(w);
    if (has_edit_patch(schema_table(r->table)))
        edit_patch(w, schema_table(r->table));
    jw_obj_end(w);
    /* a zone's history right after the zone */
    snprintf(path, sizeof(path), "/api/v1/%s/{%s}/history", r->name, r->key_param);
    if (strcmp(r->name, "zones") == 0 && route_of("GET", path))
        history_path(w);
}

/* A GET path; table: the POST of the registry's edits on the same path
 * (NULL: none). */
static void simple_path_of(struct jw *w, const char *path, const char *id, const char *summary,
                           const char *csv, const char *table)
{
    operation(w, path, id, summary);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    if (csv) {
        lang_param(w);
        bom_param(w);
    }
    jw_arr_end(w);
    responses_of(w, "#/components/schemas/Object", NULL, csv, has_xlsx_form(path));
    end_operation_post(w, table);
}

static void simple_path(struct jw *w, const char *path, const char *id, const char *summary,
                        const char *csv)
{
    simple_path_of(w, path, id, summary, csv, NULL);
}

/* ===== the site finder and the brief, from the table that decodes them ===== */

/* The JSON schema of a finder parameter; in_body: as a member of the POST
 * body (codes as an array). */
static void match_schema(struct jw *w, const struct match_param *p, int in_body)
{
    static const char *const langs[] = {"vi", "en", "ko"};
    int i;

    jw_obj_begin(w);
    jw_key(w, "type");
    switch (p->type) {
    case MATCH_NUMBER:
    case MATCH_INTEGER:
        jw_str(w, p->type == MATCH_NUMBER ? "number" : "integer");
        jw_key(w, "minimum");
        jw_real(w, p->min);
        jw_key(w, "maximum");
        jw_real(w, p->max);
        break;
    case MATCH_DATE:
        jw_str(w, "string");
        jw_key(w, "format");
        jw_str(w, "date");
        break;
    case MATCH_CODES:
        if (in_body) {
            jw_str(w, "array");
            jw_key(w, "items");
            raw(w, "{\"type\":\"string\"}");
            jw_key(w, "maxItems");
            jw_int(w, (int64_t)p->max);
            break;
        }
        jw_str(w, "string");
        break;
    case MATCH_LANG:
        jw_str(w, "string");
        jw_key(w, "enum");
        jw_arr_begin(w);
        for (i = 0; i < 3; i++)
            jw_str(w, langs[i]);
        jw_arr_end(w);
        break;
    default:
        jw_str(w, "string");
    }
    jw_obj_end(w);
}

/* The query parameters of route in table (lang_only: just lang, for the
 * POST). */
static void table_parameters(struct jw *w, const struct match_param *table, unsigned route,
                             int lang_only)
{
    const struct match_param *p;

    jw_key(w, "parameters");
    jw_arr_begin(w);
    for (p = table; p->name; p++) {
        if (!(p->routes & route) || (lang_only && p->type != MATCH_LANG))
            continue;
        jw_obj_begin(w);
        jw_key(w, "name");
        jw_str(w, p->name);
        jw_key(w, "in");
        jw_str(w, "query");
        jw_key(w, "required");
        jw_bool(w, p->required);
        jw_key(w, "description");
        jw_str(w, p->doc);
        jw_key(w, "schema");
        match_schema(w, p, 0);
        jw_key(w, "example");
        jw_str(w, p->example);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

static void match_parameters(struct jw *w, unsigned route, int lang_only)
{
    table_parameters(w, match_params, route, lang_only);
}

/* The POST body of route: every parameter of table but lang. */
static void table_body(struct jw *w, const struct match_param *table, unsigned route)
{
    const struct match_param *p;

    jw_key(w, "requestBody");
    jw_obj_begin(w);
    jw_key(w, "required");
    jw_bool(w, 1);
    jw_key(w, "content");
    jw_obj_begin(w);
    jw_key(w, "application/json");
    jw_obj_begin(w);
    jw_key(w, "schema");
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "object");
    jw_key(w, "additionalProperties");
    jw_bool(w, 0);
    jw_key(w, "properties");
    jw_obj_begin(w);
    for (p = table; p->name; p++) {
        if (!(p->routes & route) || p->type == MATCH_LANG)
            continue;
        jw_key(w, p->name);
        match_schema(w, p, 1);
    }
    jw_obj_end(w);
    jw_obj_end(w);
    jw_obj_end(w);
    jw_obj_end(w);
    jw_obj_end(w);
}

static const char finder_answers[] =
    "{\"200\":{\"description\":\"The zones in three groups, each ranked: fits (every stated"
    " requirement met on known figures), unverified (none broken, some unknown) and excluded;"
    " counts of each; every zone with its rank, score, contributions per criterion, checks,"
    " facts and reasons.\",\"content\":{"
    "\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Object\"}}}},"
    "\"400\":{\"$ref\":\"#/components/responses/Problem\"}}";

static const char brief_answers[] =
    "{\"200\":{\"description\":\"The brief\",\"content\":{\"application/pdf\":{\"schema\":"
    "{\"type\":\"string\",\"format\":\"binary\"}}}},"
    "\"400\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"404\":{\"$ref\":\"#/components/responses/Problem\"}}";

static void match_operation(struct jw *w, const char *method, const char *id, const char *summary)
{
    jw_key(w, method);
    jw_obj_begin(w);
    jw_key(w, "operationId");
    jw_str(w, id);
    jw_key(w, "summary");
    jw_str(w, summary);
}

static const char supplier_answers[] =
    "{\"200\":{\"description\":\"The demand as scored, then the suppliers in groups, each "
    "ranked: fits (every requirement met on known facts), unverified (none broken, some unknown) "
    "and, when asked, excluded; counts of every group; each supplier with its rank, score, "
    "contributions per criterion, checks and reasons in the asked language. No contact "
    "details.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
    "\"#/components/schemas/Object\"}}}},"
    "\"400\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"404\":{\"$ref\":\"#/components/responses/Problem\"}}";

static const char demand_answers[] =
    "{\"200\":{\"description\":\"The open demands in groups, ranked for the supplier: each "
    "with its buyer, volume, value, distance, rank, score, contributions, checks and "
    "reasons.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
    "\"#/components/schemas/Object\"}}}},"
    "\"400\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"404\":{\"$ref\":\"#/components/responses/Problem\"}}";

static void match_operation(struct jw *w, const char *method, const char *id, const char *summary);

static const char profile_answers[] =
    "{\"200\":{\"description\":\"The profile: the enterprise's products, equipment, "
    "monthly capacity, employees, customers, languages, place, when and by whom an officer "
    "verified it; its capabilities (process, level), its certifications (standard, label, "
    "number, issuer, validity, state today: valid, expired, not_yet or undated), the number of "
    "linkages recorded; contact (name, email, phone) for a signed-in buyer, officer, admin or "
    "the supplier itself, otherwise null with contact_note.\",\"content\":{"
    "\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Object\"}}}},"
    "\"400\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"404\":{\"$ref\":\"#/components/responses/Problem\"}}";

static const char verify_answers[] =
    "{\"200\":{\"description\":\"Verified: tax_code, verified_on (today) and verified_by "
    "(the officer). One audit record with the enterprise's row before and after.\","
    "\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
    "\"#/components/schemas/Object\"}}}},"
    "\"401\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"403\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"404\":{\"$ref\":\"#/components/responses/Problem\"}}";

static const char share_answers[] =
    "{\"200\":{\"description\":\"The set of sectors (group, name, source), the place (unit) "
    "and the day (on); overall and for each code of the set (sectors): by_location_pct and "
    "by_ownership_pct (null without a demand base), base_usd, local_usd, domestic_usd, demands, "
    "demands_valued, coverage_pct, linkages, linkages_valued; undated_demands (counted from "
    "demands_imported_on) and the definition in the asked language.\",\"content\":{"
    "\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Object\"}}}},"
    "\"400\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"404\":{\"$ref\":\"#/components/responses/Problem\"}}";

static const char match_list_answers[] =
    "{\"200\":{\"description\":\"items: each match with its demand (code, title, vsic), "
    "buyer, supplier, stage, board_column (0 proposed, 1 interest, 2 meeting, 3 contract, -1 "
    "declined or closed), the days and words of each step, the linkage its contract made, and "
    "acts: what the reader may do now. counts: matches by stage. At most 500, newest "
    "first.\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
    "\"#/components/schemas/Object\"}}}},"
    "\"400\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"401\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"403\":{\"$ref\":\"#/components/responses/Problem\"}}";

static const char match_act_answers[] =
    "{\"200\":{\"description\":\"Done: demand_code, supplier_tax_code, act, the stage after "
    "it and, for a contract, the linkage_code made. The match's row (and a contract's linkage "
    "and demand) each get an audit record.\",\"content\":{\"application/json\":{"
    "\"schema\":{\"$ref\":\"#/components/schemas/Object\"}}}},"
    "\"201\":{\"description\":\"Proposed (POST /api/v1/matches).\"},"
    "\"400\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"401\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"403\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"404\":{\"$ref\":\"#/components/responses/Problem\"},"
    "\"409\":{\"$ref\":\"#/components/responses/Problem\"}}";

static const char propose_body[] =
    "{\"required\":true,\"content\":{\"application/json\":{\"schema\":{\"type\":"
    "\"object\",\"additionalProperties\":false,\"required\":[\"demand\",\"supplier\"],"
    "\"properties\":{\"demand\":{\"type\":\"string\",\"description\":\"The demand's "
    "code (a buyer: one of its own).\"},\"supplier\":{\"type\":\"string\","
    "\"description\":\"The supplier's tax code.\"},\"interest\":{\"type\":\"boolean\","
    "\"description\":\"true: send the expression of interest at once.\"},\"note\":{"
    "\"type\":\"string\",\"description\":\"What the expression of interest "
    "says.\"}}}}}}";

static const char act_body[] =
    "{\"required\":true,\"content\":{\"application/json\":{\"schema\":{\"type\":"
    "\"object\",\"additionalProperties\":false,\"properties\":{\"note\":{\"type\":"
    "\"string\",\"description\":\"interest: its words; decline: the reason; meet: the "
    "outcome.\"},\"meeting_on\":{\"type\":\"string\",\"format\":\"date\","
    "\"description\":\"meet: the day, not after today (required).\"},\"meeting_place\":{"
    "\"type\":\"string\",\"description\":\"meet: where (required unless "
    "online).\"},\"online\":{\"type\":\"boolean\"},\"annual_usd\":{\"type\":"
    "\"integer\",\"description\":\"contract: the yearly value (required).\"},\"since\":{"
    "\"type\":\"string\",\"format\":\"date\",\"description\":\"contract: from "
    "(required).\"},\"until\":{\"type\":\"string\",\"format\":\"date\"},"
    "\"demand_matched\":{\"type\":\"boolean\",\"description\":\"contract: the demand "
    "is met: its status becomes matched.\"}}}}}}";

/* The pipeline of matches. */
static void match_paths(struct jw *w)
{
    jw_key(w, "/api/v1/matches");
    jw_obj_begin(w);
    match_operation(w, "get", "list_matches",
                    "The pipeline: every match for an officer or a viewer, a buyer's for its "
                    "demands, a supplier's own.");
    jw_key(w, "security");
    raw(w, staff_only);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    param(w, "demand", "query", "string", "The matches of this demand.");
    param(w, "supplier", "query", "string", "The matches of this supplier.");
    param(w, "stage", "query", "string",
          "proposed, interest, accepted, declined, meeting, contract or closed.");
    lang_param(w);
    jw_arr_end(w);
    jw_key(w, "responses");
    raw(w, match_list_answers);
    jw_obj_end(w);
    match_operation(w, "post", "propose_match",
                    "Proposes a supplier for a demand (the buyer for its own, or an officer), "
                    "with the expression of interest or not.");
    jw_key(w, "security");
    raw(w, staff_only);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    lang_param(w);
    jw_arr_end(w);
    jw_key(w, "requestBody");
    raw(w, propose_body);
    jw_key(w, "responses");
    raw(w, match_act_answers);
    jw_obj_end(w);
    jw_obj_end(w);
    jw_key(w, "/api/v1/matches/{demand_code}/{supplier_tax_code}/{act}");
    jw_obj_begin(w);
    match_operation(w, "post", "act_on_match",
                    "An act on a match: interest and close (the buyer or an officer), accept "
                    "and decline (the supplier or an officer), meet (any of them), contract "
                    "(the buyer or an officer: makes the linkage). 409 when the stage does not "
                    "allow it, 403 when the party may never do it.");
    jw_key(w, "security");
    raw(w, staff_only);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    param(w, "demand_code", "path", "string", "The demand's code.");
    param(w, "supplier_tax_code", "path", "string", "The supplier's tax code.");
    param(w, "act", "path", "string", "interest, accept, decline, meet, contract or close.");
    lang_param(w);
    jw_arr_end(w);
    jw_key(w, "requestBody");
    raw(w, act_body);
    jw_key(w, "responses");
    raw(w, match_act_answers);
    jw_obj_end(w);
    jw_obj_end(w);
}

static const char outcome_answers[] =
    "{\"200\":{\"description\":\"by, period, from, to; groups: each key (a VSIC division, "
    "a month 2026-03, a quarter 2026-Q1, a year, an event code, a partner code; null: none) "
    "with demands (posted), proposed, interests, meetings (matches that met, on the latest "
    "meeting's day), contracts (linkages answering a demand, on their start) and contract_usd "
    "(their yearly value) and contracts_unvalued; total; dropped (facts past 1,000 groups). "
    "As CSV: one row per group, then total.\",\"content\":{\"application/json\":{"
    "\"schema\":{\"$ref\":\"#/components/schemas/Object\"}},\"text/csv\":{\"schema\":{"
    "\"type\":\"string\"}}}},\"400\":{\"$ref\":\"#/components/responses/Problem\"}}";

/* The outcomes, as JSON at path or CSV at path.csv. */
static void outcome_path(struct jw *w, const char *path, const char *id)
{
    jw_key(w, path);
    jw_obj_begin(w);
    match_operation(w, "get", id,
                    "The linkage desk's outcomes between two days, by sector, period, event or "
                    "partner: demands posted, suppliers proposed, interests, meetings, contracts "
                    "and their value.");
    jw_key(w, "parameters");
    jw_arr_begin(w);
    param(w, "by", "query", "string", "sector (default), period, event or partner.");
    param(w, "period", "query", "string", "With by=period: month (default), quarter or year.");
    param(w, "from", "query", "string", "First day counted (YYYY-MM-DD); default: all.");
    param(w, "to", "query", "string", "Last day counted (YYYY-MM-DD); default today.");
    param(w, "bom", "query", "string", "CSV: 1 starts it with a byte-order mark (Excel).");
    lang_param(w);
    jw_arr_end(w);
    jw_key(w, "responses");
    raw(w, outcome_answers);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* The local supply share. */
static void share_path(struct jw *w)
{
    jw_key(w, "/api/v1/linkage/share");
    jw_obj_begin(w);
    match_operation(w, "get", "get_local_share",
                    "The local supply share of a set of sectors in a place on a day, by location "
                    "and by ownership, with its coverage.");
    jw_key(w, "parameters");
    jw_arr_begin(w);
    param(w, "group", "query", "string",
          "The set of sectors (sector_groups.code); default supporting-industry.");
    param(w, "unit", "query", "string",
          "The place: a unit of any level (the units under it and those it replaced count); "
          "default the whole registry.");
    param(w, "on", "query", "string", "The day (YYYY-MM-DD); default today.");
    lang_param(w);
    jw_arr_end(w);
    jw_key(w, "responses");
    raw(w, share_answers);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* A supplier's profile and its verification. */
static void profile_paths(struct jw *w)
{
    jw_key(w, "/api/v1/suppliers/{tax_code}");
    jw_obj_begin(w);
    match_operation(w, "get", "get_supplier",
                    "A supplier's profile: what it makes, can do and holds; its contact to "
                    "signed-in buyers and officers only.");
    jw_key(w, "parameters");
    jw_arr_begin(w);
    param(w, "tax_code", "path", "string", "The supplier's tax code.");
    lang_param(w);
    jw_arr_end(w);
    jw_key(w, "responses");
    raw(w, profile_answers);
    jw_obj_end(w);
    jw_obj_end(w);
    jw_key(w, "/api/v1/suppliers/{tax_code}/verify");
    jw_obj_begin(w);
    match_operation(w, "post", "verify_supplier",
                    "An officer verifies the supplier's profile as it stands (admin and "
                    "officer).");
    jw_key(w, "security");
    raw(w, staff_only);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    param(w, "tax_code", "path", "string", "The supplier's tax code.");
    lang_param(w);
    jw_arr_end(w);
    jw_key(w, "responses");
    raw(w, verify_answers);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* The supplier finder's routes, from the table that decodes them. */
static void supplier_paths(struct jw *w)
{
    jw_key(w, "/api/v1/match/suppliers");
    jw_obj_begin(w);
    match_operation(w, "get", "match_suppliers",
                    "Supplier finder: suppliers ranked for a buyer's demand (posted or described), "
                    "with reasons.");
    table_parameters(w, supplier_params, MATCH_ROUTE_SUPPLIERS, 0);
    jw_key(w, "responses");
    raw(w, supplier_answers);
    jw_obj_end(w);
    match_operation(w, "post", "match_suppliers_post",
                    "Supplier finder with the demand as a JSON object (same names as the GET "
                    "parameters; lists as arrays).");
    table_parameters(w, supplier_params, MATCH_ROUTE_SUPPLIERS, 1);
    table_body(w, supplier_params, MATCH_ROUTE_SUPPLIERS);
    jw_key(w, "responses");
    raw(w, supplier_answers);
    jw_obj_end(w);
    jw_obj_end(w);
    jw_key(w, "/api/v1/match/demands");
    jw_obj_begin(w);
    match_operation(w, "get", "match_demands",
                    "The open demands a supplier could serve, ranked, with reasons.");
    table_parameters(w, supplier_params, MATCH_ROUTE_DEMANDS, 0);
    jw_key(w, "responses");
    raw(w, demand_answers);
    jw_obj_end(w);
    jw_obj_end(w);
    profile_paths(w);
    share_path(w);
    outcome_path(w, "/api/v1/linkage/outcomes", "get_outcomes");
    outcome_path(w, "/api/v1/linkage/outcomes.csv", "get_outcomes_csv");
    match_paths(w);
}

static void finder_paths(struct jw *w)
{
    jw_key(w, "/api/v1/match/sites");
    jw_obj_begin(w);
    match_operation(w, "get", "match_sites",
                    "Site finder: zones ranked for an investor's needs, with reasons.");
    match_parameters(w, MATCH_ROUTE_FINDER, 0);
    jw_key(w, "responses");
    raw(w, finder_answers);
    jw_obj_end(w);
    match_operation(w, "post", "match_sites_post",
                    "Site finder with the needs as a JSON object (same names as the GET "
                    "parameters).");
    match_parameters(w, MATCH_ROUTE_FINDER, 1);
    table_body(w, match_params, MATCH_ROUTE_FINDER);
    jw_key(w, "responses");
    raw(w, finder_answers);
    jw_obj_end(w);
    jw_obj_end(w);
    supplier_paths(w);
    jw_key(w, "/api/v1/brief.pdf");
    jw_obj_begin(w);
    match_operation(w, "get", "brief_pdf",
                    "The PDF site brief of 1-8 zones; with finder parameters, their scores and "
                    "reasons.");
    match_parameters(w, MATCH_ROUTE_BRIEF, 0);
    jw_key(w, "responses");
    raw(w, brief_answers);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* Inquiries: an operation with a body. */
static void leads_inbox(struct jw *w, const char *path, const char *id);

static void leads_path(struct jw *w)
{
    jw_key(w, "/api/v1/leads");
    jw_obj_begin(w);
    if (route_of("GET", "/api/v1/leads"))
        leads_inbox(w, "/api/v1/leads", "list_leads");
    jw_key(w, "post");
    raw(w, "{\"operationId\":\"post_lead\",\"summary\":\"An investor's inquiry for the prov"
           "ince's officers (5 per address per 10 minutes).\",\"requestBody\":{\"required\":true,"
           "\"content\":{\"application/"
           "json\":{\"schema\":{\"type\":\"object\",\"additionalProperties\":"
           "false,\"required\":[\"name\",\"company\",\"email\"],\"properties\":{\"name\":{\"type\":"
           "\"string"
           "\",\"maxLength\":200},\"company\":{\"type\":\"string\",\"maxLength\":200},\"country\":{"
           "\"type\""
           ":\"string\",\"pattern\":\"^[A-Z]{2}$\"},\"email\":{\"type\":\"string\",\"format\":"
           "\"email\",\"max"
           "Length\":254},\"message\":{\"type\":\"string\",\"maxLength\":5000},\"zones\":{\"type\":"
           "\"array"
           "\",\"maxItems\":8,\"items\":{\"type\":\"string\"}}}}}}},\"responses\":{\"201\":{"
           "\"description\""
           ":\"Received\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/"
           "schema"
           "s/Object\"}}}},\"400\":{\"$ref\":\"#/components/responses/"
           "Problem\"},\"403\":{\"$ref\":\"#/components/responses/Problem\"},\"415\":{\"$ref\":"
           "\"#/components/responses/Problem\"},\"429\":{\"$ref\":\"#/c"
           "omponents/responses/Problem\"}}}");
    jw_obj_end(w);
    if (route_of("GET", "/api/v1/leads.csv")) {
        jw_key(w, "/api/v1/leads.csv");
        jw_obj_begin(w);
        leads_inbox(w, "/api/v1/leads.csv", "list_leads_csv");
        jw_obj_end(w);
    }
    if (route_of("GET", "/api/v1/leads.xlsx")) {
        jw_key(w, "/api/v1/leads.xlsx");
        jw_obj_begin(w);
        leads_inbox(w, "/api/v1/leads.xlsx", "list_leads_xlsx");
        jw_obj_end(w);
    }
    row_paths(w, "leads");
}

/* The filters of the audit trail (api/audit.c), then lang. */
static void audit_params(struct jw *w)
{
    static const char *const filters[] = {
        "{\"name\":\"table\",\"in\":\"query\",\"required\":false,\"description\":\"Only the"
        " records of this table.\",\"schema\":{\"type\":\"string\"}}",
        "{\"name\":\"key\",\"in\":\"query\",\"required\":false,\"description\":\"Only the records"
        " of this row, its key as the trail names it (a key of two columns joined by '/');"
        " needs table.\",\"schema\":{\"type\":\"string\"}}",
        "{\"name\":\"actor\",\"in\":\"query\",\"required\":false,\"description\":\"Only the"
        " writes of this actor: a user name, cli:... for a command.\",\"schema\":{\"type\":"
        "\"string\"}}",
        "{\"name\":\"from\",\"in\":\"query\",\"required\":false,\"description\":\"From this UTC"
        " day, included.\",\"schema\":{\"type\":\"string\",\"format\":\"date\"}}",
        "{\"name\":\"to\",\"in\":\"query\",\"required\":false,\"description\":\"Up to this UTC"
        " day, included.\",\"schema\":{\"type\":\"string\",\"format\":\"date\"}}",
        "{\"name\":\"limit\",\"in\":\"query\",\"required\":false,\"description\":\"Records per"
        " page (default 50); a spreadsheet holds every record that passes the filters unless"
        " limit is given.\",\"schema\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":500}}",
        "{\"name\":\"cursor\",\"in\":\"query\",\"required\":false,\"description\":\"The"
        " next_cursor of the previous page: the records before this id.\",\"schema\":{\"type\":"
        "\"integer\",\"minimum\":1,\"maximum\":1000000000}}",
        NULL};
    const char *const *f;

    jw_key(w, "parameters");
    jw_arr_begin(w);
    for (f = filters; *f; f++)
        raw(w, *f);
    lang_param(w);
    jw_arr_end(w);
}

/* GET /api/v1/audit, its spreadsheet and the chain's check (api/audit.c,
 * api/users.c). */
static void audit_paths(struct jw *w)
{
    char text[2048];

    operation(w, "/api/v1/audit", "list_audit",
              "The audit trail, newest first (admin and officer): every write with its actor,"
              " time, row before and after, source and chained hash.");
    get_security(w, "/api/v1/audit");
    audit_params(w);
    jw_key(w, "responses");
    snprintf(text, sizeof(text),
             "{\"200\":{\"description\":\"records and next_cursor; or the spreadsheet (Accept: "
             "%s)\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
             "\"#/components/schemas/Object\"}},\"%s\":{\"schema\":{\"type\":\"string\","
             "\"format\":\"binary\"}}}},\"400\":%s,\"401\":%s,\"403\":%s}",
             XLSX_MEDIA_TYPE, XLSX_MEDIA_TYPE, problem_ref, problem_ref, problem_ref);
    raw(w, text);
    jw_obj_end(w);
    jw_obj_end(w);
    if (route_of("GET", "/api/v1/audit.xlsx")) {
        operation(w, "/api/v1/audit.xlsx", "list_audit_xlsx",
                  "The audit trail as a spreadsheet, newest first (admin and officer).");
        get_security(w, "/api/v1/audit.xlsx");
        audit_params(w);
        xlsx_responses(w, "/api/v1/audit.xlsx",
                       "The records that pass the filters (id, at, actor, address, action, table,"
                       " key, before, after, source, hash, as_of)");
        jw_obj_end(w);
        jw_obj_end(w);
    }
    if (!route_of("GET", "/api/v1/audit/verify"))
        return;
    jw_key(w, "/api/v1/audit/verify");
    snprintf(text, sizeof(text),
             "{\"get\":{\"operationId\":\"verify_audit\",\"summary\":\"Recomputes the audit"
             " trail's chain, oldest first, as khu audit verify does (admin and officer): intact"
             " when the ids run from 1 without a gap and each record's hash is the hash of its"
             " fields chained to the record before; else bad_id names the first record that does"
             " not match and reason says why. head_id and head_hash name the last record that"
             " matches: keep them elsewhere to compare later, as a trail cut short at its end"
             " still holds."
             " Never kept by a cache on the way.\",\"security\":%s,\"parameters\":[{\"name\":"
             "\"lang\",\"in\":\"query\",\"required\":false,\"description\":\"Accepted; the"
             " answer has no text in a language.\",\"schema\":{\"type\":\"string\"}}],"
             "\"responses\":{\"200\":{\"description\":\"The verdict\",\"content\":{"
             "\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/"
             "AuditVerdict\"}}}},\"400\":%s,\"401\":%s,\"403\":%s,\"503\":%s}}}",
             staff_only, problem_ref, problem_ref, problem_ref, problem_ref);
    raw(w, text);
}

/* The accounts, for admins (api/users.c): GET and POST /api/v1/users,
 * PATCH /api/v1/users/{name}. */
static void users_paths(struct jw *w)
{
    static const char name_rule[] =
        "{\"type\":\"string\",\"minLength\":2,\"maxLength\":64,\"pattern\":"
        "\"^[a-z0-9][a-z0-9._-]*$\",\"description\":\"2 to 64 lowercase letters a-z, digits,"
        " dots, dashes or underscores, beginning with a letter or a digit; not khu or anonymous,"
        " which the audit trail uses (rule user_name).\"}";
    static const char role_rule[] =
        "{\"enum\":[\"admin\",\"officer\",\"department\",\"investor\",\"supplier\",\"viewer\"],"
        "\"description\":\"The role (rule role).\"}";
    static const char org_rule[] =
        "{\"type\":[\"string\",\"null\"],\"description\":\"The organisation the role belongs"
        " to: for department the department's code, for investor and supplier the enterprise's"
        " tax code, for the other roles none (rules org_department, org_enterprise, org_none;"
        " org_missing when no department or enterprise has it).\"}";
    static const char password_rule[] =
        "{\"type\":\"string\",\"minLength\":12,\"description\":\"At least 12 characters and at"
        " most 1024 bytes of valid text without a control character, not holding the user"
        " name, not a common password or an easy sequence (rules password_short, password_long,"
        " password_utf8, password_control, password_name, password_common). Hashed with"
        " Argon2id, never kept or logged.\"}";
    static const char done[] =
        "{\"description\":\"%s\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
        "\"#/components/schemas/AccountDone\"}}}}";
    char text[4096], answer[512];

    if (route_of("GET", "/api/v1/users") || route_of("POST", "/api/v1/users")) {
        jw_key(w, "/api/v1/users");
        jw_obj_begin(w);
    }
    if (route_of("GET", "/api/v1/users")) {
        jw_key(w, "get");
        snprintf(text, sizeof(text),
                 "{\"operationId\":\"list_users\",\"summary\":\"The accounts, by name (admin"
                 " only): each with its display name, role and organisation, when it was made,"
                 " when its password was last set and when it was disabled (null: it may sign"
                 " in); never a password or its hash. Never kept by a cache on the way.\","
                 "\"security\":%s,\"parameters\":[{\"name\":\"lang\",\"in\":\"query\","
                 "\"required\":false,\"description\":\"Accepted; the answer has no text in a"
                 " language.\",\"schema\":{\"type\":\"string\"}}],\"responses\":{\"200\":{"
                 "\"description\":\"users\",\"content\":"
                 "{\"application/json\":{\"schema\":{\"type\":\"object\",\"required\":["
                 "\"users\"],\"properties\":{\"users\":{\"type\":\"array\",\"items\":{\"$ref\":"
                 "\"#/components/schemas/User\"}}}}}}},\"400\":%s,\"401\":%s,\"403\":%s}}",
                 staff_only, problem_ref, problem_ref, problem_ref);
        raw(w, text);
    }
    if (route_of("POST", "/api/v1/users")) {
        jw_key(w, "post");
        snprintf(answer, sizeof(answer), done, "Added: done is [\\\"added\\\"]");
        snprintf(text, sizeof(text),
                 "{\"operationId\":\"add_user\",\"summary\":\"Adds an account (admin only), as"
                 " khu user add does: one audit record, which never holds the password. A refused"
                 " field comes back in the 400's errors with its rule, in the request's"
                 " language; 409 when the name is taken (user_taken).\",\"security\":%s,"
                 "\"parameters\":[{\"name\":\"lang\",\"in\":\"query\",\"required\":false,"
                 "\"description\":\"Language of messages; otherwise Accept-Language, then"
                 " English.\",\"schema\":{\"type\":\"string\",\"enum\":[\"vi\",\"en\","
                 "\"ko\"]}}],\"requestBody\":{\"required\":true,\"content\":{"
                 "\"application/json\":{\"schema\":{\"type\":\"object\","
                 "\"additionalProperties\":false,\"required\":[\"name\",\"role\",\"password\"],"
                 "\"properties\":{\"name\":%s,\"role\":%s,\"org\":%s,\"display_name\":{"
                 "\"type\":[\"string\",\"null\"]},\"password\":%s}}}}},\"responses\":{"
                 "\"201\":%s,\"400\":%s,\"401\":%s,\"403\":%s,\"409\":%s,\"415\":%s,"
                 "\"503\":%s}}",
                 staff_only, name_rule, role_rule, org_rule, password_rule, answer, problem_ref,
                 problem_ref, problem_ref, problem_ref, problem_ref, problem_ref);
        raw(w, text);
    }
    if (route_of("GET", "/api/v1/users") || route_of("POST", "/api/v1/users"))
        jw_obj_end(w);
    if (!route_of("PATCH", "/api/v1/users/{name}"))
        return;
    jw_key(w, "/api/v1/users/{name}");
    snprintf(answer, sizeof(answer), done,
             "Done: what was done, in order (password, role, disabled or enabled)");
    snprintf(text, sizeof(text),
             "{\"patch\":{\"operationId\":\"change_user\",\"summary\":\"Changes an account"
             " (admin only): password sets a new one and signs the user out everywhere; role,"
             " with org as that role needs it, gives another role; disabled true signs the user"
             " out, refuses its tokens and keeps it out, false lets it in again. The parts given"
             " run in that order, each its own audit record; a refused part stops there, the"
             " parts before it done. An admin cannot disable their own account or take away"
             " their own admin role (409). 404 for a user that does not exist.\","
             "\"security\":%s,\"parameters\":[{\"name\":\"name\",\"in\":\"path\","
             "\"required\":true,\"description\":\"The user name.\",\"schema\":{\"type\":"
             "\"string\"}},{\"name\":\"lang\",\"in\":\"query\",\"required\":false,"
             "\"description\":\"Language of messages; otherwise Accept-Language, then"
             " English.\",\"schema\":{\"type\":\"string\",\"enum\":[\"vi\",\"en\",\"ko\"]}}],"
             "\"requestBody\":{\"required\":true,\"content\":{\"application/json\":{"
             "\"schema\":{\"type\":\"object\",\"additionalProperties\":false,"
             "\"minProperties\":1,\"properties\":{\"password\":%s,\"role\":%s,\"org\":%s,"
             "\"disabled\":{\"type\":\"boolean\"}}}}}},\"responses\":{\"200\":%s,\"400\":%s,"
             "\"401\":%s,\"403\":%s,\"404\":%s,\"409\":%s,\"415\":%s,\"503\":%s}}}",
             staff_only, password_rule, role_rule, org_rule, answer, problem_ref, problem_ref,
             problem_ref, problem_ref, problem_ref, problem_ref, problem_ref);
    raw(w, text);
}

/* Signing in and the routes that need it. "security" names the two ways
 * to sign in (components.securitySchemes); the roles are in each summary. */
static void auth_paths(struct jw *w)
{
    static const char problem[] = "{\"$ref\":\"#/components/responses/Problem\"}";
    static const char identity[] =
        "{\"description\":\"Who is signed in\",\"content\":{\"application/json\":{"
        "\"schema\":{\"$ref\":\"#/components/schemas/Identity\"}}}}";
    static const char signed_in[] = "[{\"session\":[]},{\"bearer\":[]}]";
    char text[2048];

    jw_key(w, "/api/v1/login");
    snprintf(text, sizeof(text),
             "{\"post\":{\"operationId\":\"login\",\"summary\":\"Signs in with a user name "
             "and password; sets the session cookie khu_session (HttpOnly, SameSite=Strict; 12 h, "
             "or 2 h unused). 5 failures per account and 20 per address in 15 minutes, then "
             "429.\",\"requestBody\":{\"required\":true,\"content\":{\"application/json\":{"
             "\"schema\":{\"type\":\"object\",\"additionalProperties\":false,\"required\":["
             "\"user\",\"password\"],\"properties\":{\"user\":{\"type\":\"string\","
             "\"maxLength\":64},\"password\":{\"type\":\"string\",\"maxLength\":1024}}}}}},"
             "\"responses\":{\"200\":%s,\"400\":%s,\"401\":%s,\"403\":%s,\"415\":%s,"
             "\"429\":%s,\"503\":%s}}}",
             identity, problem, problem, problem, problem, problem, problem);
    raw(w, text);
    jw_key(w, "/api/v1/logout");
    snprintf(text, sizeof(text),
             "{\"post\":{\"operationId\":\"logout\",\"summary\":\"Ends the session and "
             "clears its cookie (any signed-in user).\",\"security\":%s,\"responses\":{"
             "\"200\":{\"description\":\"Signed out\"},\"400\":%s,\"401\":%s,\"403\":%s,"
             "\"415\":%s}}}",
             signed_in, problem, problem, problem, problem);
    raw(w, text);
    jw_key(w, "/api/v1/me");
    snprintf(text, sizeof(text),
             "{\"get\":{\"operationId\":\"me\",\"summary\":\"Who is signed in: signed_in false "
             "(every other field null) when nobody is.\",\"responses\":{\"200\":%s,"
             "\"401\":%s}}}",
             identity, problem);
    raw(w, text);
    audit_paths(w);
    users_paths(w);
}

/* ===== the working-day calendar (api/calendar.c) ===== */

static void calendar_paths(struct jw *w)
{
    static const char problem[] = "{\"$ref\":\"#/components/responses/Problem\"}";
    static const char lang[] =
        "{\"name\":\"lang\",\"in\":\"query\",\"required\":false,\"description\":\"Language of"
        " names and messages; otherwise Accept-Language, then vi.\",\"schema\":{\"type\":"
        "\"string\",\"enum\":[\"vi\",\"en\",\"ko\"]}}";
    static const char day[] =
        "{\"type\":\"object\",\"properties\":{\"date\":{\"type\":\"string\",\"format\":\"date\"},"
        "\"kind\":{\"type\":\"string\",\"enum\":[\"holiday\",\"day_off\",\"compensatory\","
        "\"working_saturday\",\"conditional\",\"weekend\"]},\"name\":{\"type\":\"string\"},"
        "\"provisional\":{\"type\":\"boolean\"},\"source\":{\"type\":\"string\"}}}";
    static const char years[] =
        "{\"type\":\"array\",\"description\":\"How far the calendar knows each year: official "
        "(the Government's schedule), provisional (worked out from the Labour Code's rules) or "
        "unknown (no rows: only weekends are off).\",\"items\":{\"type\":\"object\","
        "\"properties\":{\"year\":{\"type\":\"integer\"},\"calendar\":{\"type\":\"string\","
        "\"enum\":[\"official\",\"provisional\",\"unknown\"]}}}}";
    char text[6144];

    jw_key(w, "/api/v1/calendar");
    snprintf(text, sizeof(text),
             "{\"get\":{\"operationId\":\"calendar\",\"summary\":\"The working-day calendar of "
             "public agencies: holidays, days off, compensatory days, working Saturdays and "
             "conditional days, each with its source (weekends are a rule, not rows).\","
             "\"parameters\":[{\"name\":\"year\",\"in\":\"query\",\"required\":false,"
             "\"description\":\"Only this year (1000-9999).\",\"schema\":{\"type\":\"integer\"}},"
             "%s],\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{"
             "\"application/json\":{\"schema\":{\"type\":\"object\",\"properties\":{\"items\":{"
             "\"type\":\"array\",\"items\":%s},\"years\":%s,\"weekends\":{\"type\":\"string\"},"
             "\"lang\":{\"type\":\"string\"}}}}}},\"400\":%s}}}",
             lang, day, years, problem);
    raw(w, text);
    jw_key(w, "/api/v1/calendar/deadline");
    snprintf(text, sizeof(text),
             "{\"get\":{\"operationId\":\"calendar_deadline\",\"summary\":\"The due day of a time "
             "limit of N working or calendar days from a day (not counted), as the Civil Code "
             "counts it, with the days off it skipped and the calendar's days it counted.\","
             "\"parameters\":[{\"name\":\"from\",\"in\":\"query\",\"required\":true,"
             "\"description\":\"The day the limit starts from (a dossier's receipt), not counted."
             "\",\"schema\":{\"type\":\"string\",\"format\":\"date\"}},{\"name\":\"days\",\"in\":"
             "\"query\",\"required\":true,\"description\":\"The limit in days.\",\"schema\":{"
             "\"type\":\"integer\",\"minimum\":0,\"maximum\":%d}},{\"name\":\"kind\",\"in\":"
             "\"query\",\"required\":false,\"description\":\"working (the default): working days "
             "only; calendar: every day, a limit that ends on a day off ending on the next working "
             "day.\",\"schema\":{\"type\":\"string\",\"enum\":[\"working\",\"calendar\"]}},%s],"
             "\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{"
             "\"schema\":{\"type\":\"object\",\"properties\":{\"from\":{\"type\":\"string\","
             "\"format\":\"date\"},\"days\":{\"type\":\"integer\"},\"kind\":{\"type\":\"string\"},"
             "\"due\":{\"type\":\"string\",\"format\":\"date\"},\"working_days\":{\"type\":"
             "\"integer\"},\"skipped\":{\"type\":\"array\",\"items\":%s},\"counted\":{\"type\":"
             "\"array\",\"items\":%s},\"years\":%s,\"provisional\":{\"type\":\"boolean\","
             "\"description\":\"The count crosses a provisional year: the due day may move.\"},"
             "\"calendar_complete\":{\"type\":\"boolean\",\"description\":\"false: the count "
             "crosses a year with no rows.\"},\"rule\":{\"type\":\"string\"},\"warning\":{"
             "\"type\":\"string\"},\"lang\":{\"type\":\"string\"}}}}}},\"400\":%s}}}",
             WORKDAY_MAX_DAYS, lang, day, day, years, problem);
    raw(w, text);
}

/* The GET of the time limits (api/time_limits.c), beside their POST. */
static void time_limits_get(struct jw *w)
{
    jw_key(w, "get");
    raw(w, "{\"operationId\":\"list_time_limits\",\"summary\":\"The statutory time limits of"
           " each procedure and step, with their law and validity dates; those of a procedure and"
           " in force on a day when asked. A limit whose days or kind no source gives is"
           " unknown (known false), and a procedure with no limit in force that day is listed in"
           " unknown_procedures.\",\"parameters\":[{\"name\":\"procedure\",\"in\":\"query\","
           "\"required\":false,\"schema\":{\"type\":\"string\",\"enum\":[\"policy_approval\","
           "\"irc_issue\",\"irc_adjust\",\"land_lease\",\"env_permit\",\"construction_permit\"]}},"
           "{\"name\":\"on\",\"in\":\"query\",\"required\":false,\"description\":\"Only the"
           " limits in force on this day (valid_from to valid_to, both included).\",\"schema\":{"
           "\"type\":\"string\",\"format\":\"date\"}},{\"name\":\"lang\",\"in\":\"query\","
           "\"required\":false,\"schema\":{\"type\":\"string\",\"enum\":[\"vi\",\"en\",\"ko\"]}}],"
           "\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{"
           "\"schema\":{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\","
           "\"items\":{\"allOf\":[{\"$ref\":\"#/components/schemas/row_time_limits\"},{\"type\":"
           "\"object\",\"properties\":{\"known\":{\"type\":\"boolean\"}}}]}},\"total\":{\"type\":"
           "\"integer\"},\"on\":{\"type\":\"string\",\"format\":\"date\"},\"unknown_procedures\":{"
           "\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"note\":{\"type\":\"string\"},"
           "\"lang\":{\"type\":\"string\"}}}}}},\"400\":{\"$ref\":\"#/components/responses/"
           "Problem\"}}}");
}

/* ===== the registry's edits (api/edit.c, api/row_item.c, api/history.c) ===== */

static const char if_match_param[] =
    "{\"name\":\"If-Match\",\"in\":\"header\",\"required\":true,\"description\":\"The ETag"
    " of the row as last read (its GET, or the answer of the last write), \\\"VERSION.HASH\\\":"
    " the change is made only while the row is still that version: 412 when it has changed"
    " since, 428 without If-Match. A weak tag (W/) or * never matches.\",\"schema\":{\"type\":"
    "\"string\"}}";

static const char etag_header[] =
    "{\"ETag\":{\"description\":\"\\\"VERSION.HASH\\\": the row's version, a '.', then a hash"
    " of the answer. Send it back in If-Match to change the row.\",\"schema\":{\"type\":"
    "\"string\"}}}";

/* 1 when table has a GET of one row among the read API's resources. */
static int table_has_item(const char *table)
{
    const struct resource_def *r = api_resource(table);

    return r && has_item_route(r);
}

static void key_params(struct jw *w, const struct table_def *t)
{
    const char *const *k;

    for (k = t->key; *k; k++)
        param(w, *k, "path", "string", t->key[1] ? "A column of the row's key." : "The row's key.");
}

/* 1 when an edit of table may set column, as app/app_edit.c allows it
 * (of a lead, its follow-up only: the rest is the investor's words). */
static int edit_sets(const char *table, const char *column)
{
    const char *const *c = app_edit_columns(table);

    for (; c && *c; c++)
        if (strcmp(*c, column) == 0)
            return 1;
    return !app_edit_columns(table);
}

/* The body of a write to t (components.schemas.edit_{table}): every column
 * it may set, the source and the date of the figures. */
static void edit_schema(struct jw *w, const struct table_def *t)
{
    char name[64];
    size_t i;

    snprintf(name, sizeof(name), "edit_%s", t->name);
    jw_key(w, name);
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "object");
    jw_key(w, "additionalProperties");
    jw_bool(w, 0);
    jw_key(w, "required");
    raw(w, "[\"fields\"]");
    jw_key(w, "properties");
    jw_obj_begin(w);
    jw_key(w, "fields");
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "object");
    jw_key(w, "description");
    jw_str(w, "The columns to set, each to text, a number, true or false, or null to clear it,"
              " checked as an import checks them; a column not named keeps its value. A row's key"
              " never changes, and a column an edit of this table may not set is refused"
              " (read_only). Every problem comes back at once in the 400's errors.");
    jw_key(w, "additionalProperties");
    jw_bool(w, 0);
    jw_key(w, "properties");
    jw_obj_begin(w);
    for (i = 0; i < t->ncols; i++) {
        if (!edit_sets(t->name, t->cols[i].name))
            continue;
        jw_key(w, t->cols[i].name);
        column_schema_of(w, t, &t->cols[i], 1);
    }
    jw_obj_end(w);
    jw_obj_end(w);
    jw_key(w, "source");
    raw(w, "{\"type\":[\"string\",\"null\"],\"maxLength\":500,\"description\":\"Where the"
           " new values come from, one line: required with a change to a figure (a number). For a"
           " zone, the provenance of each figure changed names it when it is the code of a"
           " registered source (/api/v1/sources), and names nothing otherwise; another table's own"
           " source column takes it unless fields sets that column.\"}");
    jw_key(w, "as_of");
    raw(w, "{\"type\":[\"string\",\"null\"],\"format\":\"date\",\"description\":\"The date"
           " the figures are as of, YYYY-MM-DD, not after today in the province: required with a"
           " change to a figure.\"}");
    jw_obj_end(w);
    jw_obj_end(w);
}

/* A row as stored (components.schemas.row_{table}), for the tables whose
 * rows the read API has no item of. */
static void row_schema(struct jw *w, const struct table_def *t)
{
    char name[64];
    size_t i;

    snprintf(name, sizeof(name), "row_%s", t->name);
    jw_key(w, name);
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "object");
    jw_key(w, "description");
    jw_str(w, "One row as stored: every column of the table, null when empty.");
    jw_key(w, "properties");
    jw_obj_begin(w);
    for (i = 0; i < t->ncols; i++) {
        jw_key(w, t->cols[i].name);
        column_schema(w, t, &t->cols[i]);
    }
    jw_obj_end(w);
    jw_obj_end(w);
}

static void edit_schemas(struct jw *w)
{
    const char *const *name;

    for (name = app_edit_tables; *name; name++) {
        const struct table_def *t = schema_table(*name);
        char path[160];
        if (!t)
            continue;
        if (has_edit_post(*name) || has_edit_patch(t))
            edit_schema(w, t);
        row_path(t, path, sizeof(path));
        if (!table_has_item(*name) && route_of("GET", path))
            row_schema(w, t);
    }
}

/* The answer of a write: 201 (made) or 200 (changed, with the ETag that
 * the server gives every 200). */
static void written_answer(struct jw *w, const char *status, const char *doc)
{
    jw_key(w, status);
    jw_obj_begin(w);
    jw_key(w, "description");
    jw_str(w, doc);
    if (strcmp(status, "200") == 0) {
        jw_key(w, "headers");
        raw(w, etag_header);
    }
    jw_key(w, "content");
    raw(w, "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Written\"}}}");
    jw_obj_end(w);
}

static void problem_answers(struct jw *w, const char *const *statuses)
{
    for (; *statuses; statuses++) {
        jw_key(w, *statuses);
        raw(w, problem_ref);
    }
}

static void edit_request_body(struct jw *w, const struct table_def *t, int is_new)
{
    char ref[96];
    size_t i;
    int required = 0;

    snprintf(ref, sizeof(ref), "#/components/schemas/edit_%s", t->name);
    for (i = 0; i < t->ncols; i++)
        required += t->cols[i].required;
    jw_key(w, "requestBody");
    jw_obj_begin(w);
    jw_key(w, "required");
    jw_bool(w, 1);
    jw_key(w, "content");
    jw_obj_begin(w);
    jw_key(w, "application/json");
    jw_obj_begin(w);
    jw_key(w, "schema");
    jw_obj_begin(w);
    if (is_new && required) { /* a new row: its required columns too */
        jw_key(w, "allOf");
        jw_arr_begin(w);
        jw_obj_begin(w);
        jw_key(w, "$ref");
        jw_str(w, ref);
        jw_obj_end(w);
        jw_obj_begin(w);
        jw_key(w, "properties");
        jw_obj_begin(w);
        jw_key(w, "fields");
        jw_obj_begin(w);
        jw_key(w, "required");
        jw_arr_begin(w);
        for (i = 0; i < t->ncols; i++)
            if (t->cols[i].required)
                jw_str(w, t->cols[i].name);
        jw_arr_end(w);
        jw_obj_end(w);
        jw_obj_end(w);
        jw_obj_end(w);
        jw_arr_end(w);
    } else {
        jw_key(w, "$ref");
        jw_str(w, ref);
    }
    jw_obj_end(w);
    jw_obj_end(w);
    jw_obj_end(w);
    jw_obj_end(w);
}

static void edit_operation(struct jw *w, const char *method, const char *id_prefix,
                           const struct table_def *t, const char *summary)
{
    char text[96];

    jw_key(w, method);
    jw_obj_begin(w);
    snprintf(text, sizeof(text), "%s_%s", id_prefix, t->name);
    jw_key(w, "operationId");
    jw_str(w, text);
    jw_key(w, "summary");
    jw_str(w, summary);
    jw_key(w, "security");
    raw(w, staff_only);
}

/* Who may write a row of table by method, as the route table and
 * app/app_edit.c allow: staff, and for the tables an enterprise's own
 * user keeps, that user for its own rows. */
static const char *who_edits(const char *table, const char *method, const char *post_path)
{
    const struct table_def *t = schema_table(table);
    const struct http_route *rt;
    char path[160];

    if (post_path)
        snprintf(path, sizeof(path), post_path, table);
    else
        row_path(t, path, sizeof(path));
    rt = route_of(method, path);
    if (rt && (rt->roles & ROLE_SUPPLIER))
        return "admin and officer; a supplier's user for its own enterprise's rows, with what it"
               " may set of them";
    if (rt && (rt->roles & ROLE_INVESTOR))
        return "admin and officer; a buyer's user (investor) for its own enterprise's rows, which"
               " it states as their source, dated today, unless it names one";
    if (rt && rt->roles == ROLE_ADMIN)
        return "admin";
    return "admin and officer";
}

/* POST /api/v1/{table}: a new row. */
static void edit_post(struct jw *w, const struct table_def *t)
{
    static const char *const problems[] = {"400", "401", "403", "409", "415", NULL};
    char summary[512];

    snprintf(summary, sizeof(summary),
             "Makes a row of %s (%s): the fields given, checked together; 409"
             " when the key, or another value that must be unique, is taken. One audit record.",
             t->name, who_edits(t->name, "POST", "/api/v1/%s"));
    edit_operation(w, "post", "create", t, summary);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    lang_param(w);
    jw_arr_end(w);
    edit_request_body(w, t, 1);
    jw_key(w, "responses");
    jw_obj_begin(w);
    written_answer(w, "201",
                   "Made: the row's key, its version (If-Match: \"VERSION\" names it) and the"
                   " columns written.");
    problem_answers(w, problems);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* PATCH /api/v1/{table}/{key}: a change to a row. */
static void edit_patch(struct jw *w, const struct table_def *t)
{
    static const char *const problems[] = {"400", "401", "403", "404", "409",
                                           "412", "415", "428", NULL};
    const char *const *c;
    char summary[512], only[160] = "";

    for (c = app_edit_columns(t->name); c && *c; c++) /* " (status, owner or notes)" */
        snprintf(only + strlen(only), sizeof(only) - strlen(only), "%s%s%s",
                 c == app_edit_columns(t->name) ? " ("
                 : c[1]                         ? ", "
                                                : " or ",
                 *c, c[1] ? "" : ")");
    snprintf(summary, sizeof(summary),
             "Changes a row of %s (%s): only the fields given%s. Needs If-Match"
             " with the row's ETag: 412 when the row changed since, 428 without. 409 when a value"
             " that must be unique is another row's. One audit record with the row before and"
             " after; rows are never deleted.",
             t->name, who_edits(t->name, "PATCH", NULL), only);
    edit_operation(w, "patch", "change", t, summary);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    key_params(w, t);
    raw(w, if_match_param);
    lang_param(w);
    jw_arr_end(w);
    edit_request_body(w, t, 0);
    jw_key(w, "responses");
    jw_obj_begin(w);
    written_answer(w, "200",
                   "Changed (or already so: changed is empty and nothing was written): the"
                   " row's key, its new version and the columns written.");
    problem_answers(w, problems);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* GET /api/v1/{table}/{key} of a table the read API has no item of. */
static void row_get(struct jw *w, const struct table_def *t, const struct http_route *rt)
{
    char text[256];

    jw_key(w, "get");
    jw_obj_begin(w);
    snprintf(text, sizeof(text), "get_%s", t->name);
    jw_key(w, "operationId");
    jw_str(w, text);
    snprintf(text, sizeof(text),
             "One row of %s as stored%s; its ETag leads with the row's version, which a PATCH"
             " names in If-Match.",
             t->name, rt->roles ? " (admin and officer)" : "");
    jw_key(w, "summary");
    jw_str(w, text);
    if (rt->roles) {
        jw_key(w, "security");
        raw(w, staff_only);
    }
    jw_key(w, "parameters");
    jw_arr_begin(w);
    key_params(w, t);
    lang_param(w);
    jw_arr_end(w);
    jw_key(w, "responses");
    jw_obj_begin(w);
    jw_key(w, "200");
    jw_obj_begin(w);
    jw_key(w, "description");
    jw_str(w, "The row");
    jw_key(w, "headers");
    raw(w, etag_header);
    snprintf(text, sizeof(text),
             "{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/row_%s\"}}}",
             t->name);
    jw_key(w, "content");
    raw(w, text);
    jw_obj_end(w);
    jw_key(w, "304");
    raw(w, "{\"description\":\"Not modified (If-None-Match matched the ETag)\"}");
    jw_key(w, "400");
    raw(w, problem_ref);
    if (rt->roles) {
        jw_key(w, "401");
        raw(w, problem_ref);
        jw_key(w, "403");
        raw(w, problem_ref);
    }
    jw_key(w, "404");
    raw(w, problem_ref);
    jw_obj_end(w);
    jw_obj_end(w);
}

static void history_path(struct jw *w)
{
    char text[2048];

    jw_key(w, "/api/v1/zones/{code}/history");
    snprintf(text, sizeof(text),
             "{\"get\":{\"operationId\":\"zone_history\",\"summary\":\"A zone's history,"
             " newest first: who changed which field, when, from what to what, on what source"
             " and as of when (every change made row by row, through the API or a command; an"
             " import is recorded per file). Public.\",\"parameters\":[{\"name\":\"code\","
             "\"in\":\"path\",\"required\":true,\"description\":\"The zone's code.\","
             "\"schema\":{\"type\":\"string\"}},{\"name\":\"limit\",\"in\":\"query\","
             "\"required\":false,\"description\":\"Changes per page (default 50).\","
             "\"schema\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":200}},{\"name\":"
             "\"cursor\",\"in\":\"query\",\"required\":false,\"description\":\"The"
             " next_cursor of the previous page.\",\"schema\":{\"type\":\"integer\","
             "\"minimum\":1}},"
             "{\"name\":\"lang\",\"in\":\"query\",\"required\":false,\"description\":"
             "\"Language of messages; otherwise Accept-Language, then vi.\",\"schema\":{"
             "\"type\":\"string\",\"enum\":[\"vi\",\"en\",\"ko\"]}}],\"responses\":{"
             "\"200\":{\"description\":\"The changes and next_cursor\",\"content\":{"
             "\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/History\"}}}},"
             "\"304\":{\"description\":\"Not modified (If-None-Match matched the ETag)\"},"
             "\"400\":%s,\"404\":%s}}}",
             problem_ref, problem_ref);
    raw(w, text);
}

/* GET /api/v1/leads, .csv and .xlsx (api/leads_inbox.c): the officers'
 * inbox of investors' inquiries. */
static void leads_inbox(struct jw *w, const char *path, const char *id)
{
    const struct table_def *t = schema_table("leads");
    int status = t ? schema_col_index(t, "status") : -1;
    int xlsx = strstr(path, ".xlsx") != NULL;
    const char *const *v;

    jw_key(w, "get");
    jw_obj_begin(w);
    jw_key(w, "operationId");
    jw_str(w, id);
    jw_key(w, "summary");
    jw_str(w, "The investors' inquiries with their follow-up (admin and officer), newest first;"
              " JSON, or CSV with .csv or Accept: text/csv, or XLSX with .xlsx or "
              "Accept: " XLSX_MEDIA_TYPE
              " (CSV and XLSX: every lead that passes the filters). Never kept by a cache on the"
              " way.");
    jw_key(w, "security");
    raw(w, staff_only);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    jw_obj_begin(w);
    jw_key(w, "name");
    jw_str(w, "status");
    jw_key(w, "in");
    jw_str(w, "query");
    jw_key(w, "required");
    jw_bool(w, 0);
    jw_key(w, "description");
    jw_str(w, "Only the leads of this follow-up status.");
    jw_key(w, "schema");
    jw_obj_begin(w);
    jw_key(w, "type");
    jw_str(w, "string");
    if (status >= 0 && t->cols[status].values) {
        jw_key(w, "enum");
        jw_arr_begin(w);
        for (v = t->cols[status].values; *v; v++)
            jw_str(w, *v);
        jw_arr_end(w);
    }
    jw_obj_end(w);
    jw_obj_end(w);
    param(w, "owner", "query", "string",
          "Only the leads this user follows up; me: the caller's; none: nobody's.");
    raw(w, "{\"name\":\"limit\",\"in\":\"query\",\"required\":false,\"description\":"
           "\"Leads per JSON page (default 50).\",\"schema\":{\"type\":\"integer\","
           "\"minimum\":1,\"maximum\":1000}}");
    raw(w, "{\"name\":\"offset\",\"in\":\"query\",\"required\":false,\"description\":"
           "\"Leads to skip.\",\"schema\":{\"type\":\"integer\",\"minimum\":0,"
           "\"maximum\":1000000}}");
    lang_param(w);
    if (!xlsx)
        bom_param(w);
    jw_arr_end(w);
    if (xlsx) {
        xlsx_responses(w, path,
                       "Every lead that passes the filters, newest first, with the columns of"
                       " leads.csv (limit and offset are for JSON pages only)");
        jw_obj_end(w);
        return;
    }
    jw_key(w, "responses");
    jw_obj_begin(w);
    jw_key(w, "200");
    if (has_xlsx_form(path))
        raw(w, "{\"description\":\"items, total, limit and offset; or the CSV, or the"
               " spreadsheet\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":"
               "\"#/components/schemas/Object\"}},\"text/csv\":{\"schema\":{\"type\":"
               "\"string\"}},\"" XLSX_MEDIA_TYPE "\":{\"schema\":{\"type\":\"string\","
               "\"format\":\"binary\"}}}}");
    else
        raw(w, "{\"description\":\"items, total, limit and offset; or the CSV\",\"content\":{"
               "\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Object\"}},"
               "\"text/csv\":{\"schema\":{\"type\":\"string\"}}}}");
    jw_key(w, "400");
    raw(w, problem_ref);
    jw_key(w, "401");
    raw(w, problem_ref);
    jw_key(w, "403");
    raw(w, problem_ref);
    jw_obj_end(w);
    jw_obj_end(w);
}

/* 1 when the paths of table are written with others of its name: a
 * resource's lists, the targets' (api/targets.c), the leads' inbox. */
static int has_own_group(const char *table)
{
    return api_resource(table) || strcmp(table, "targets") == 0 || strcmp(table, "leads") == 0;
}

/* The path of one row of table, where the table has no item in the read
 * API: its GET and PATCH (api/row_item.c, api/edit.c). */
static void row_paths(struct jw *w, const char *table)
{
    const struct table_def *t = schema_table(table);
    const struct http_route *get;
    char path[160];

    if (!t || table_has_item(table))
        return; /* the item's path carries the PATCH */
    row_path(t, path, sizeof(path));
    get = route_of("GET", path);
    if (!get && !has_edit_patch(t))
        return;
    jw_key(w, path);
    jw_obj_begin(w);
    if (get)
        row_get(w, t, get);
    if (has_edit_patch(t))
        edit_patch(w, t);
    jw_obj_end(w);
}

/* The paths of the edits of the tables that the read API does not hold:
 * the POST of a table with no list, then one row (GET and PATCH). The
 * other tables' come with their lists, so that the paths of one name stay
 * together; a zone's history follows the zone (resource_paths). */
static void edit_paths(struct jw *w)
{
    const char *const *name;
    char path[160];

    for (name = app_edit_tables; *name; name++) {
        const struct table_def *t = schema_table(*name);
        if (!t || has_own_group(*name))
            continue;
        if (has_edit_post(*name)) {
            snprintf(path, sizeof(path), "/api/v1/%s", *name);
            jw_key(w, path);
            jw_obj_begin(w);
            if (strcmp(*name, "time_limits") == 0)
                time_limits_get(w);
            edit_post(w, t);
            jw_obj_end(w);
        }
        row_paths(w, *name);
    }
}

static void write_paths(struct jw *w)
{
    const struct resource_def *r;

    jw_key(w, "paths");
    jw_obj_begin(w);
    for (r = api_resources; r->name; r++) {
        resource_paths(w, r);
        if (strcmp(r->name, "departments") == 0)
            openapi_queue_path(w);
    }
    simple_path_of(w, "/api/v1/targets", "list_targets",
                   "Planning targets with progress: value now, share done, trend, verdict.",
                   "text/csv", "targets");
    simple_path(w, "/api/v1/targets.csv", "list_targets_csv", "Targets as CSV.", "text/csv");
    xlsx_path(w, "/api/v1/targets.xlsx", "list_targets_xlsx", "Targets as XLSX.",
              "Every target with its progress (the columns of targets.csv)");
    row_paths(w, "targets");
    calendar_paths(w);
    simple_path(w, "/api/v1/stats", "get_stats",
                "Counts and areas by kind, status and unit; umbrella zones; reconciliation.",
                "text/csv");
    simple_path(w, "/api/v1/stats.csv", "get_stats_csv", "Stats groups as CSV.", "text/csv");
    xlsx_path(w, "/api/v1/stats.xlsx", "get_stats_xlsx", "Stats groups as XLSX.",
              "The stats groups (the columns of stats.csv)");
    simple_path(w, "/api/v1/dashboard.csv", "get_dashboard_csv",
                "The dashboard as one CSV: reconciliation, targets and land, one figure per"
                " record with how many zones it is known for and its source.",
                "text/csv");
    xlsx_path(w, "/api/v1/dashboard.xlsx", "get_dashboard_xlsx",
              "The dashboard as XLSX: the records of dashboard.csv, one figure per row.",
              "The dashboard, one figure per row (the columns of dashboard.csv)");
    simple_path(w, "/api/v1/datasets", "list_datasets",
                "The open-data catalog: each public dataset with what it holds, its fields and"
                " their meaning (in the request's language), rows, when it last changed, its"
                " downloads; the publisher and licence of the data (null when not configured).",
                NULL);
    simple_path(w, "/api/v1/config", "get_config",
                "Settings of the web app: the map tile URL and its attribution (null when the"
                " map draws no tiles), the version of the embedded assets, and synthetic: true"
                " when the database holds made-up data (the source khu-demo of khu demo or"
                " khu-gen of khu gen), for the web app to say so.",
                NULL);
    simple_path(w, "/api/v1", "api_index", "Links to the resources.", NULL);
    simple_path(w, "/api/v1/openapi.json", "openapi", "This document.", NULL);
    finder_paths(w);
    leads_path(w);
    openapi_dossier_paths(w);
    auth_paths(w);
    edit_paths(w);
    simple_path(w, "/healthz", "healthz", "Liveness: 200 when the database answers.", NULL);
    jw_obj_end(w);
}

void api_openapi(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {NULL};
    const struct resource_def *r;
    struct jw w;

    if (http_check_params(req, resp, allowed))
        return;
    jw_init(&w, &resp->body);
    jw_obj_begin(&w);
    jw_key(&w, "openapi");
    jw_str(&w, "3.1.0");
    jw_key(&w, "info");
    raw(&w, "{\"title\":\"khu\",\"version\":\"1\",\"description\":\"Registry of industrial parks"
            " and clusters: the read API, and the edits of the province's officers (POST and PATCH,"
            " signed in). Errors are application/problem+json; unknown parameters are"
            " errors.\",\"license\":{\"name\":\"MIT\",\"identifier\":\"MIT\"}}");
    write_paths(&w);
    jw_key(&w, "components");
    jw_obj_begin(&w);
    jw_key(&w, "schemas");
    jw_obj_begin(&w);
    for (r = api_resources; r->name; r++)
        resource_schema(&w, r);
    edit_schemas(&w);
    raw(&w, "");
    buf_puts(&resp->body, fixed_schemas);
    jw_obj_end(&w);
    jw_key(&w, "securitySchemes");
    raw(&w, "{\"session\":{\"type\":\"apiKey\",\"in\":\"cookie\",\"name\":\"khu_session\"},"
            "\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\",\"description\":\"An API "
            "token from khu token add\"}}");
    jw_key(&w, "responses");
    raw(&w, "{\"Problem\":{\"description\":\"A problem the client can act on\",\"content\":"
            "{\"application/problem+json\":{\"schema\":{\"$ref\":\"#/components/schemas/"
            "Problem\"}}}}}");
    jw_obj_end(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}
