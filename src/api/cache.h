/* SPDX-License-Identifier: MIT */
/*
 * A process-wide cache of whole read API answers (status 200 only), so
 * that an answer that takes many queries to build (stats, a filtered or
 * searched page) is built once per change of the database rather than
 * once per request. See cache.c for the rule that keeps it from ever
 * serving data older than the database.
 */
#ifndef KHU_API_CACHE_H
#define KHU_API_CACHE_H

#include <stdint.h>

#include "api/api.h"

#define API_CACHE_MAX_BYTES (16 * 1024 * 1024) /* all bodies together */
#define API_CACHE_MAX_BODY  (2 * 1024 * 1024)  /* larger answers are not kept */
#define API_CACHE_MAX_KEY   (HTTP_MAX_URL + 64)

/* One lookup: the key of the request and the generation it was made in. */
struct api_cache_ticket {
    char key[API_CACHE_MAX_KEY];
    size_t keylen;
    uint64_t gen; /* generation read before the answer's data is read */
    uint64_t db;  /* the database's generation the answer's data is read at */
    int usable;   /* 0: neither look up nor keep (key too long, database error) */
};

/* API */

/* Makes the key of req (handler name, path, every query parameter in
 * order, the language and format chosen) and checks whether the database
 * has changed since this thread's connection last looked. Then copies a
 * cached answer into resp and returns 1, or returns 0 and leaves resp
 * alone: build the answer, then offer it with api_cache_keep. */
int api_cache_get(struct api_cache_ticket *t, struct store *s, const char *name,
                  const struct http_req *req, enum api_lang lang, enum api_format format,
                  struct http_resp *resp);

/* Keeps a copy of resp for requests with t's key when it is a 200 answer
 * no larger than API_CACHE_MAX_BODY and the database has not changed since
 * api_cache_get; otherwise does nothing. */
void api_cache_keep(const struct api_cache_ticket *t, const struct http_resp *resp);

#endif
