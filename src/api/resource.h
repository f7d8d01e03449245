/* SPDX-License-Identifier: MIT */
/*
 * A list resource of the read API described as data: its table, filters,
 * sortable fields and derived fields. One engine (list.c) checks a request
 * against them into a query for the store (store/list.h), pages it with an
 * opaque cursor and writes JSON, CSV or GeoJSON; the OpenAPI document is
 * generated from the same descriptions.
 */
#ifndef KHU_RESOURCE_H
#define KHU_RESOURCE_H

#include "api/api.h"
#include "core/schema.h"

/* How the api reads and checks a filter's value before the store sees it. */
enum filter_kind {
    FILTER_TEXT,     /* any text */
    FILTER_ENUM,     /* values of column, comma-separated */
    FILTER_MIN,      /* a number: at least */
    FILTER_MAX,      /* a number: at most */
    FILTER_BOOL,     /* 0 or 1 */
    FILTER_UNIT,     /* a unit code (store_unit_exists) */
    FILTER_SECTOR,   /* a VSIC code of either version (store_sector_codes) */
    FILTER_VALID_ON, /* a date YYYY-MM-DD */
    FILTER_MISSING,  /* names of columns of the table that may be empty, comma-separated */
    FILTER_CODES,    /* key codes, comma-separated */
};

/* The most comma-separated values one filter takes (kind=kcn,ccn). */
#define API_FILTER_MAX_VALUES 16

struct filter_def {
    const char *param;
    enum filter_kind kind;
    const char *column; /* FILTER_ENUM: the schema column whose values are allowed */
    const char *doc;    /* one sentence for the OpenAPI document */
};

struct sort_def {
    const char *name;
};

struct derived_def {
    const char *name;
    const char *doc;
};

/* A JSON page counts the matching rows up to this many; beyond it, the
 * page says "total_exact": false and total is this cap. */
#define API_COUNT_CAP 1000

/* What a client sees of a resource; the store (store/list.h) gives each
 * filter, sort and derived name its meaning. */
struct resource_def {
    const char *name;                  /* "zones": /api/v1/zones, and the store's name */
    const char *table;                 /* schema table */
    const char *key_param;             /* path parameter name of the item route: "code" */
    int search;                        /* takes q, a text search */
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
