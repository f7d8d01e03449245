/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/openapi.json, generated from the same resource descriptions
 * and data model the handlers use, so the document cannot drift from the
 * API it describes.
 */
#include <stdio.h>
#include <string.h>

#include "api/handlers.h"
#include "api/resource.h"

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

static void column_schema(struct jw *w, const struct col_def *c)
{
    const char *const *v;

    jw_obj_begin(w);
    switch (c->type) {
    case COL_INT:
    case COL_BOOL:
        nullable_type(w, "integer");
        break;
    case COL_REAL:
        nullable_type(w, "number");
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
    if (c->unit) {
        jw_key(w, "description");
        jw_str(w, c->unit);
    }
    jw_obj_end(w);
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
        column_schema(w, &t->cols[i]);
    }
    for (d = r->derived; d && d->name; d++) {
        jw_key(w, d->name);
        jw_obj_begin(w);
        nullable_type(w, "number");
        jw_key(w, "description");
        jw_str(w, d->doc);
        jw_obj_end(w);
    }
    jw_obj_end(w);
    jw_obj_end(w);
}

static const char fixed_schemas[] =
    "\"Problem\":{\"type\":\"object\",\"required\":[\"title\",\"status\",\"detail\"],"
    "\"properties\":{\"type\":{\"type\":\"string\"},\"title\":{\"type\":\"string\"},"
    "\"status\":{\"type\":\"integer\"},\"detail\":{\"type\":\"string\"},"
    "\"param\":{\"type\":\"string\"}}},"
    "\"Page\":{\"type\":\"object\",\"required\":[\"items\",\"total\",\"total_exact\",\"limit\","
    "\"next_cursor\"],"
    "\"properties\":{\"items\":{\"type\":\"array\"},\"total\":{\"type\":\"integer\","
    "\"description\":\"rows matching on all pages; when total_exact is false, more than this "
    "many (counting stops there)\"},\"total_exact\":{\"type\":\"boolean\"},"
    "\"limit\":{\"type\":\"integer\"},\"next_cursor\":{\"type\":[\"string\",\"null\"]},"
    "\"lang\":{\"type\":\"string\"}}},"
    "\"Object\":{\"type\":\"object\"}";

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

static void list_params(struct jw *w, const struct resource_def *r)
{
    const struct filter_def *f;
    const struct sort_def *s;
    char doc[1024];
    size_t used;

    jw_key(w, "parameters");
    jw_arr_begin(w);
    for (f = r->filters; f->param; f++)
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
          "Rows per page: 1-500 for JSON (default 50); up to 100000 for CSV and GeoJSON.");
    param(w, "cursor", "query", "string", "The next_cursor of the previous page.");
    lang_param(w);
    jw_arr_end(w);
}

/* ===== operations ===== */

static void responses(struct jw *w, const char *schema_ref, const char *media_extra)
{
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
    jw_key(w, "$ref");
    jw_str(w, schema_ref);
    jw_obj_end(w);
    jw_obj_end(w);
    if (media_extra) {
        jw_key(w, media_extra);
        raw(w, "{\"schema\":{\"type\":\"string\"}}");
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

static void end_operation(struct jw *w)
{
    jw_obj_end(w);
    jw_obj_end(w);
}

static void resource_paths(struct jw *w, const struct resource_def *r)
{
    char path[96], id[64], ref[96], doc[160];
    int i;
    static const char *const suffix[] = {"", ".csv", ".geojson"};
    static const char *const media[] = {"text/csv", "text/csv", "application/geo+json"};

    for (i = 0; i < (r->geojson ? 3 : 2); i++) {
        snprintf(path, sizeof(path), "/api/v1/%s%s", r->name, suffix[i]);
        snprintf(id, sizeof(id), "list_%s%s", r->name, i == 1 ? "_csv" : i == 2 ? "_geojson" : "");
        operation(w, path, id, r->summary);
        list_params(w, r);
        responses(w, "#/components/schemas/Page", media[i]);
        end_operation(w);
    }
    if (!api_resource(r->name) || strcmp(r->name, "sectors") == 0)
        return;
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
    end_operation(w);
}

static void simple_path(struct jw *w, const char *path, const char *id, const char *summary,
                        const char *csv)
{
    operation(w, path, id, summary);
    jw_key(w, "parameters");
    jw_arr_begin(w);
    if (csv)
        lang_param(w);
    jw_arr_end(w);
    responses(w, "#/components/schemas/Object", csv);
    end_operation(w);
}

/* The site finder, the brief and inquiries: operations with bodies. */
static void finder_paths(struct jw *w)
{
    jw_key(w, "/api/v1/match/sites");
    raw(w,
        "{\"get\":{\"operationId\":\"match_sites\",\"summary\":\"Site finder: zones ranked for an "
        "investor's needs, with "
        "reasons.\",\"parameters\":[{\"name\":\"land_ha\",\"in\":\"query\",\"r"
        "equired\":false,\"description\":\"Land needed (ha); zones with less available land a"
        "re "
        "excluded.\",\"schema\":{\"type\":\"number\"}},{\"name\":\"ready_by\",\"in\":\"query\","
        "\"requi"
        "red\":false,\"description\":\"Date (YYYY-MM-DD) by which the site must be ready; wit"
        "hout it only operating zones qualify.\",\"schema\":{\"type\":\"string\"}},{\"name\":\"max_"
        "lease_usd_m2\",\"in\":\"query\",\"required\":false,\"description\":\"Highest acceptable le"
        "ase price "
        "(USD/m2).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"max_km_hcmc\",\"in\":\"que"
        "ry\",\"required\":false,\"description\":\"Longest acceptable distance to Ho Chi Minh C"
        "ity "
        "(km).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"max_km_port\",\"in\":\"query\","
        "\"requi"
        "red\":false,\"description\":\"Longest acceptable distance to a seaport (km).\",\"schem"
        "a\":{\"type\":\"number\"}},{\"name\":\"min_wwtp_m3_day\",\"in\":\"query\",\"required\":"
        "false,\"d"
        "escription\":\"Least wastewater treatment capacity (m3/day).\",\"schema\":{\"type\":\"nu"
        "mber\"}},{\"name\":\"min_power_mva\",\"in\":\"query\",\"required\":false,\"description\":"
        "\"Lea"
        "st power supply "
        "(MVA).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"units\",\"in\":\"query\""
        ",\"required\":false,\"description\":\"Preferred administrative units, comma-separated"
        " (any level, historical codes included).\",\"schema\":{\"type\":\"string\"}},{\"name\":\"s"
        "ector\",\"in\":\"query\",\"required\":false,\"description\":\"The investor's VSIC code (20"
        "18 or "
        "2025).\",\"schema\":{\"type\":\"string\"}},{\"name\":\"limit\",\"in\":\"query\",\"required"
        "\":false,\"description\":\"Zones listed in items and in excluded (1-500, default 20)"
        ".\",\"schema\":{\"type\":\"integer\"}},{\"name\":\"weight_land\",\"in\":\"query\","
        "\"required\":fa"
        "lse,\"description\":\"Weight of the land criterion (0-100; 0 removes it).\",\"schema\""
        ":{\"type\":\"number\"}},{\"name\":\"weight_price\",\"in\":\"query\",\"required\":false,"
        "\"descri"
        "ption\":\"Weight of the price criterion (0-100; 0 removes it).\",\"schema\":{\"type\":\""
        "number\"}},{\"name\":\"weight_km_hcmc\",\"in\":\"query\",\"required\":false,"
        "\"description\":\""
        "Weight of the km_hcmc criterion (0-100; 0 removes it).\",\"schema\":{\"type\":\"number"
        "\"}},{\"name\":\"weight_km_port\",\"in\":\"query\",\"required\":false,\"description\":"
        "\"Weight"
        " of the km_port criterion (0-100; 0 removes it).\",\"schema\":{\"type\":\"number\"}},{\""
        "name\":\"weight_wwtp\",\"in\":\"query\",\"required\":false,\"description\":\"Weight of "
        "the w"
        "wtp criterion (0-100; 0 removes it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"weigh"
        "t_power\",\"in\":\"query\",\"required\":false,\"description\":\"Weight of the power criter"
        "ion (0-100; 0 removes "
        "it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"weight_ready\",\""
        "in\":\"query\",\"required\":false,\"description\":\"Weight of the ready criterion (0-100"
        "; 0 removes "
        "it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"weight_unit\",\"in\":\"query\""
        ",\"required\":false,\"description\":\"Weight of the unit criterion (0-100; 0 removes "
        "it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"weight_sector\",\"in\":\"query\","
        "\"required"
        "\":false,\"description\":\"Weight of the sector criterion (0-100; 0 removes it).\",\"s"
        "chema\":{\"type\":\"number\"}},{\"name\":\"lang\",\"in\":\"query\",\"required\":false,"
        "\"descript"
        "ion\":\"Language of names and reasons; otherwise Accept-Language, then vi.\",\"schem"
        "a\":{\"type\":\"string\",\"enum\":[\"vi\",\"en\",\"ko\"]}}],\"responses\":{\"200\":{"
        "\"description\""
        ":\"The ranked zones: items (included, best first) and excluded, each with score, "
        "contributions per criterion and reasons.\",\"content\":{\"application/json\":{\"schema"
        "\":{\"$ref\":\"#/components/schemas/Object\"}}}},\"400\":{\"$ref\":\"#/components/response"
        "s/Problem\"}}},\"post\":{\"operationId\":\"match_sites_post\",\"summary\":\"Site finder wi"
        "th the needs as a JSON object (same names as the GET parameters).\",\"parameters\":"
        "[{\"name\":\"lang\",\"in\":\"query\",\"required\":false,\"description\":\"Language of "
        "names a"
        "nd reasons; otherwise Accept-Language, then vi.\",\"schema\":{\"type\":\"string\",\"enum"
        "\":[\"vi\",\"en\",\"ko\"]}}],\"requestBody\":{\"required\":true,\"content\":{"
        "\"application/jso"
        "n\":{\"schema\":{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
        "\"land_h"
        "a\":{\"type\":\"number\"},\"ready_by\":{\"type\":\"string\"},\"max_lease_usd_m2\":{"
        "\"type\":\"nu"
        "mber\"},\"max_km_hcmc\":{\"type\":\"number\"},\"max_km_port\":{\"type\":\"number\"},\"min_"
        "wwtp"
        "_m3_day\":{\"type\":\"number\"},\"min_power_mva\":{\"type\":\"number\"},\"units\":{"
        "\"type\":\"ar"
        "ray\",\"items\":{\"type\":\"string\"}},\"sector\":{\"type\":\"string\"},\"limit\":{"
        "\"type\":\"inte"
        "ger\"},\"weight_land\":{\"type\":\"number\"},\"weight_price\":{\"type\":\"number\"},"
        "\"weight_k"
        "m_hcmc\":{\"type\":\"number\"},\"weight_km_port\":{\"type\":\"number\"},\"weight_wwtp\":{"
        "\"typ"
        "e\":\"number\"},\"weight_power\":{\"type\":\"number\"},\"weight_ready\":{\"type\":"
        "\"number\"},\""
        "weight_unit\":{\"type\":\"number\"},\"weight_sector\":{\"type\":\"number\"}}}}}},"
        "\"responses"
        "\":{\"200\":{\"description\":\"The ranked zones: items (included, best first) and excl"
        "uded, each with score, contributions per criterion and reasons.\",\"content\":{\"app"
        "lication/json\":{\"schema\":{\"$ref\":\"#/components/schemas/"
        "Object\"}}}},\"400\":{\"$ref\""
        ":\"#/components/responses/Problem\"}}}}");
    jw_key(w, "/api/v1/brief.pdf");
    raw(w,
        "{\"get\":{\"operationId\":\"brief_pdf\",\"summary\":\"The PDF site brief of 1-8 zones; wi"
        "th finder parameters, their scores and reasons.\",\"parameters\":[{\"name\":\"zones\",\""
        "in\":\"query\",\"required\":true,\"description\":\"Zone codes, comma-separated (1-8).\",\""
        "schema\":{\"type\":\"string\"}},{\"name\":\"land_ha\",\"in\":\"query\",\"required\":false,"
        "\"desc"
        "ription\":\"Land needed (ha); zones with less available land are excluded.\",\"schem"
        "a\":{\"type\":\"number\"}},{\"name\":\"ready_by\",\"in\":\"query\",\"required\":false,"
        "\"descript"
        "ion\":\"Date (YYYY-MM-DD) by which the site must be ready; without it only operati"
        "ng zones "
        "qualify.\",\"schema\":{\"type\":\"string\"}},{\"name\":\"max_lease_usd_m2\",\"in\":\""
        "query\",\"required\":false,\"description\":\"Highest acceptable lease price (USD/m2).\""
        ",\"schema\":{\"type\":\"number\"}},{\"name\":\"max_km_hcmc\",\"in\":\"query\","
        "\"required\":false"
        ",\"description\":\"Longest acceptable distance to Ho Chi Minh City (km).\",\"schema\":"
        "{\"type\":\"number\"}},{\"name\":\"max_km_port\",\"in\":\"query\",\"required\":false,"
        "\"descript"
        "ion\":\"Longest acceptable distance to a seaport (km).\",\"schema\":{\"type\":\"number\"}"
        "},{\"name\":\"min_wwtp_m3_day\",\"in\":\"query\",\"required\":false,\"description\":"
        "\"Least w"
        "astewater treatment capacity (m3/day).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"min"
        "_power_mva\",\"in\":\"query\",\"required\":false,\"description\":\"Least power supply (MVA"
        ").\",\"schema\":{\"type\":\"number\"}},{\"name\":\"units\",\"in\":\"query\",\"required\":"
        "false,\"d"
        "escription\":\"Preferred administrative units, comma-separated (any level, histori"
        "cal codes "
        "included).\",\"schema\":{\"type\":\"string\"}},{\"name\":\"sector\",\"in\":\"query\","
        "\"required\":false,\"description\":\"The investor's VSIC code (2018 or 2025).\",\"schem"
        "a\":{\"type\":\"string\"}},{\"name\":\"limit\",\"in\":\"query\",\"required\":false,"
        "\"description"
        "\":\"Zones listed in items and in excluded (1-500, default 20).\",\"schema\":{\"type\":"
        "\"integer\"}},{\"name\":\"weight_land\",\"in\":\"query\",\"required\":false,"
        "\"description\":\"W"
        "eight of the land criterion (0-100; 0 removes it).\",\"schema\":{\"type\":\"number\"}},"
        "{\"name\":\"weight_price\",\"in\":\"query\",\"required\":false,\"description\":\"Weight "
        "of th"
        "e price criterion (0-100; 0 removes it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"w"
        "eight_km_hcmc\",\"in\":\"query\",\"required\":false,\"description\":\"Weight of the km_hcm"
        "c criterion (0-100; 0 removes it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"weight_"
        "km_port\",\"in\":\"query\",\"required\":false,\"description\":\"Weight of the km_port crit"
        "erion (0-100; 0 removes "
        "it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"weight_wwtp\","
        "\"in\":\"query\",\"required\":false,\"description\":\"Weight of the wwtp criterion (0-100"
        "; 0 removes "
        "it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"weight_power\",\"in\":\"query"
        "\",\"required\":false,\"description\":\"Weight of the power criterion (0-100; 0 remove"
        "s "
        "it).\",\"schema\":{\"type\":\"number\"}},{\"name\":\"weight_ready\",\"in\":\"query\","
        "\"require"
        "d\":false,\"description\":\"Weight of the ready criterion (0-100; 0 removes it).\",\"s"
        "chema\":{\"type\":\"number\"}},{\"name\":\"weight_unit\",\"in\":\"query\",\"required\":"
        "false,\"d"
        "escription\":\"Weight of the unit criterion (0-100; 0 removes it).\",\"schema\":{\"typ"
        "e\":\"number\"}},{\"name\":\"weight_sector\",\"in\":\"query\",\"required\":false,"
        "\"description"
        "\":\"Weight of the sector criterion (0-100; 0 removes it).\",\"schema\":{\"type\":\"numb"
        "er\"}},{\"name\":\"lang\",\"in\":\"query\",\"required\":false,\"description\":\"Language "
        "of na"
        "mes and reasons; otherwise Accept-Language, then vi.\",\"schema\":{\"type\":\"string\","
        "\"enum\":[\"vi\",\"en\",\"ko\"]}}],\"responses\":{\"200\":{\"description\":\"The "
        "brief\",\"conten"
        "t\":{\"application/"
        "pdf\":{\"schema\":{\"type\":\"string\",\"format\":\"binary\"}}}},\"400\":{\"$"
        "ref\":\"#/components/responses/Problem\"},\"404\":{\"$ref\":\"#/components/responses/Pro"
        "blem\"}}}}");
    jw_key(w, "/api/v1/leads");
    raw(w,
        "{\"post\":{\"operationId\":\"post_lead\",\"summary\":\"An investor's inquiry for the prov"
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
        "Problem\"},\"429\":{\"$ref\":\"#/c"
        "omponents/responses/Problem\"}}}}");
}

static void write_paths(struct jw *w)
{
    const struct resource_def *r;

    jw_key(w, "paths");
    jw_obj_begin(w);
    for (r = api_resources; r->name; r++)
        resource_paths(w, r);
    simple_path(w, "/api/v1/targets", "list_targets",
                "Planning targets with progress: value now, share done, trend, verdict.",
                "text/csv");
    simple_path(w, "/api/v1/targets.csv", "list_targets_csv", "Targets as CSV.", "text/csv");
    simple_path(w, "/api/v1/stats", "get_stats",
                "Counts and areas by kind, status and unit; umbrella zones; reconciliation.",
                "text/csv");
    simple_path(w, "/api/v1/stats.csv", "get_stats_csv", "Stats groups as CSV.", "text/csv");
    simple_path(w, "/api/v1/config", "get_config",
                "Settings of the web app: the map tile URL and its attribution (null when the"
                " map draws no tiles), the version of the embedded assets.",
                NULL);
    simple_path(w, "/api/v1", "api_index", "Links to the resources.", NULL);
    simple_path(w, "/api/v1/openapi.json", "openapi", "This document.", NULL);
    finder_paths(w);
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
            " and clusters, read API. Errors are application/problem+json; unknown parameters are"
            " errors.\",\"license\":{\"name\":\"MIT\",\"identifier\":\"MIT\"}}");
    write_paths(&w);
    jw_key(&w, "components");
    jw_obj_begin(&w);
    jw_key(&w, "schemas");
    jw_obj_begin(&w);
    for (r = api_resources; r->name; r++)
        resource_schema(&w, r);
    raw(&w, "");
    buf_puts(&resp->body, fixed_schemas);
    jw_obj_end(&w);
    jw_key(&w, "responses");
    raw(&w, "{\"Problem\":{\"description\":\"A problem the client can act on\",\"content\":"
            "{\"application/problem+json\":{\"schema\":{\"$ref\":\"#/components/schemas/"
            "Problem\"}}}}}");
    jw_obj_end(&w);
    jw_obj_end(&w);
    buf_putc(&resp->body, '\n');
}
