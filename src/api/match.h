/* SPDX-License-Identifier: MIT */
/*
 * The parameters of the site finder (GET/POST /api/v1/match/sites) and of
 * the brief (GET /api/v1/brief.pdf) in one table: name, type, range and
 * doc of each. The same table decodes a query string or a JSON body into a
 * finder_input and writes the routes' entries of the OpenAPI document, so
 * the document cannot drift from what the decoder accepts.
 */
#ifndef KHU_API_MATCH_H
#define KHU_API_MATCH_H

#include <stddef.h>

#include "api/api.h"
#include "app/app_finder.h"

#define MATCH_ROUTE_FINDER    1u /* GET and POST /api/v1/match/sites */
#define MATCH_ROUTE_BRIEF     2u /* GET /api/v1/brief.pdf */
#define MATCH_ROUTE_SUPPLIERS 4u /* GET and POST /api/v1/match/suppliers (supplier_params) */
#define MATCH_ROUTE_DEMANDS   8u /* GET /api/v1/match/demands (supplier_params) */

enum match_param_type {
    MATCH_NUMBER,  /* a number from min to max */
    MATCH_INTEGER, /* a whole number from min to max */
    MATCH_DATE,    /* YYYY-MM-DD */
    MATCH_CODE,    /* one code */
    MATCH_CODES,   /* min to max codes separated by commas (a JSON array in a body) */
    MATCH_LANG,    /* vi, en or ko (read by api_lang) */
};

struct match_param {
    const char *name;
    enum match_param_type type;
    double min, max;
    unsigned routes; /* MATCH_ROUTE_* that take it */
    int required;    /* in every route that takes it */
    const char *example;
    const char *doc;
    /* Applies text to in (the route's input: struct finder_input, struct
     * supplier_input); NULL when the handler reads it itself. Returns
     * KHU_OK or KHU_EINVAL with d naming the parameter. */
    enum khu_err (*set)(void *in, const struct match_param *p, const char *text,
                        struct khu_diag *d);
    size_t at; /* where in the input the value goes, for set's use */
};

/* Every parameter of the site finder and the brief, and of the supplier
 * finder (match_suppliers.c); the last entry's name is NULL. */
extern const struct match_param match_params[];
extern const struct match_param supplier_params[];

/* API */

/* Reads the query parameters of route in table into in, every bad value
 * at once (messages in lang). Returns 0, or -1 after answering 400. */
int match_decode_query(const struct match_param *table, unsigned route, void *in,
                       enum api_lang lang, struct http_req *req, struct http_resp *resp);

/* Reads a POST's JSON body into in by the parameters of route in table
 * (only lang may be in the URL). Returns 0, or -1 after answering 400. */
int match_decode_json(const struct match_param *table, unsigned route, void *in,
                      struct http_req *req, struct http_resp *resp);

/* Fills names (room for max, at least 2) with the names route of table
 * accepts and those in extra (NULL-terminated, may be NULL), then a NULL;
 * returns names. */
const char *const *match_table_params(const struct match_param *table, unsigned route,
                                      const char **names, size_t max, const char *const *extra);

/* Reads route's query parameters into in (after app_finder_input_init;
 * lang is left to api_lang, and parameters the table marks as read by the
 * handler are skipped). Returns 0, or -1 after answering 400. */
int match_input_from_query(struct finder_input *in, struct http_req *req, struct http_resp *resp,
                           unsigned route);

/* Reads the finder's needs from a POST's JSON body (only lang may be in the
 * URL). Returns 0, or -1 after answering 400. */
int match_input_from_json(struct finder_input *in, struct http_req *req, struct http_resp *resp);

/* Fills names (room for max, at least 2) with the names route accepts and
 * those in extra (NULL-terminated, may be NULL), then a NULL; returns
 * names. */
const char *const *match_route_params(unsigned route, const char **names, size_t max,
                                      const char *const *extra);

/* Fills names (room for 40) with the finder's query parameters and those in
 * extra (NULL-terminated); returns names. */
const char *const *match_param_names(const char **names, const char *const *extra);

/* The site language of an API language. */
enum site_lang match_site_lang(enum api_lang lang);

#endif
