/* SPDX-License-Identifier: MIT */
/*
 * A list resource of the read API described as data: its table, filters,
 * sortable fields and derived fields. One engine (list.c) turns a request
 * into SQL, pages it with an opaque cursor and writes JSON, CSV or GeoJSON;
 * the OpenAPI document is generated from the same descriptions.
 */
#ifndef KHU_RESOURCE_H
#define KHU_RESOURCE_H

#include "api/api.h"
#include "core/schema.h"

enum filter_kind {
    FILTER_TEXT,          /* expr = value */
    FILTER_ENUM,          /* expr IN (values, comma-separated), checked against column */
    FILTER_MIN,           /* expr >= number */
    FILTER_MAX,           /* expr <= number */
    FILTER_BOOL,          /* expr = 0|1 */
    FILTER_UNIT,          /* expr uses "scope": the unit and everything under or before it */
    FILTER_SECTOR_TOKENS, /* expr is a space-separated list of VSIC codes */
    FILTER_SECTOR_CODE,   /* expr is one VSIC code */
    FILTER_VALID_ON,      /* the row's valid_from..valid_to covers the date */
};

struct filter_def {
    const char *param;
    enum filter_kind kind;
    const char *expr;
    const char *column; /* FILTER_ENUM: the schema column whose values are allowed */
    const char *doc;    /* one sentence for the OpenAPI document */
};

struct sort_def {
    const char *name;
    const char *expr;
};

struct derived_def {
    const char *name;
    const char *expr;
    const char *doc;
};

struct resource_def {
    const char *name;                  /* "zones": /api/v1/zones */
    const char *table;                 /* schema table */
    const char *from;                  /* "zones z" */
    const char *alias;                 /* "z" */
    const char *key;                   /* "z.code" */
    const char *key_param;             /* path parameter name of the item route: "code" */
    const char *fts;                   /* FTS5 table or NULL */
    const struct derived_def *derived; /* ends with a NULL name */
    const struct filter_def *filters;  /* ends with a NULL param */
    const struct sort_def *sorts;      /* ends with a NULL name */
    int geojson;
    int localized; /* has name_vi / name_en / name_ko */
    const char *summary;
};

extern const struct resource_def api_resources[];

/* API */

/* Answers a list request for r (JSON page, CSV or GeoJSON). */
void api_list(struct http_req *req, struct http_resp *resp, const struct resource_def *r);

/* Answers a single item of r by the path parameter (404 when absent). */
void api_item(struct http_req *req, struct http_resp *resp, const struct resource_def *r);

/* Returns the resource called name, or NULL. */
const struct resource_def *api_resource(const char *name);

#endif
