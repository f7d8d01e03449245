/* SPDX-License-Identifier: MIT */
/*
 * The read API under /api/v1: the route table handed to the HTTP layer and
 * what the handlers share (the per-thread database connection, language
 * and format negotiation).
 */
#ifndef KHU_API_H
#define KHU_API_H

#include <stdint.h>

#include "app/app_generation.h"
#include "core/schema.h"
#include "http/http.h"
#include "store/store.h"

#define API_DEFAULT_LIMIT   50
#define API_MAX_LIMIT       500    /* rows per JSON page */
#define API_MAX_EXPORT      100000 /* rows per CSV, GeoJSON or XLSX download */
#define API_MAX_QUERY_CHARS 1000   /* characters in a text search (q) */
#define API_BUSY_RETRY_S    5      /* Retry-After of a 503 when a write found the database busy */

struct api_app {
    char db_path[4096];
    int32_t today;               /* days since 1970-01-01: "now" for target progress */
    int today_fixed;             /* 1: today is KHU_TODAY's, also for dossiers' clocks */
    char tiles[1024];            /* map tile URL template for the web app; "" for none */
    char tiles_attribution[512]; /* credit shown on the map with those tiles */
    char promotion_contact[512]; /* the province's investment-promotion contact in briefs; "" */
    char publisher[512];         /* who publishes the data (open-data page); "" not set */
    char data_licence[512];      /* the data's licence (open-data page); "" not set */
    int checkpoint_apart;        /* 1: writers leave checkpoints to app/app_checkpointer */
    int synthetic;               /* 1: the data are made up (khu demo, khu gen), as at start */
};

enum api_lang { LANG_VI, LANG_EN, LANG_KO };
enum api_format { FORMAT_JSON, FORMAT_CSV, FORMAT_GEOJSON, FORMAT_XLSX };

extern const struct http_route api_routes[];

/* API */

/* Returns this thread's read-only connection to the app's database (opened
 * on first use, closed when the thread ends), or NULL after answering 503. */
struct store *api_store(struct http_req *req, struct http_resp *resp);

/* For an answer computed over the whole registry with the live metrics:
 * moves the request to the slow lane, then returns this thread's read-only
 * connection with its data generation in *gen. Returns NULL after
 * answering (the lane's answer, 503, or 500 when the generation cannot be
 * read). */
struct store *api_live_store(struct http_req *req, struct http_resp *resp,
                             struct app_generation *gen);

/* Reads the whole-number query parameter name, in [min, max], into *out
 * (absent: *out untouched). Answers 400 naming it, in lang, and returns -1
 * when it is not one; 0 otherwise. */
int api_int_param(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                  const char *name, int64_t min, int64_t max, int64_t *out);

/* Writes the day of a dossier's act or clock as YYYY-MM-DD: KHU_TODAY's
 * when the server was started with one, else today in the province. */
void api_today(const struct http_req *req, char out[16]);

/* Returns this thread's read-write connection (opened on first use, closed
 * when the thread ends), or NULL after answering 503. Writes must use
 * BEGIN IMMEDIATE. */
struct store *api_writer(struct http_req *req, struct http_resp *resp);

/* Reads ?lang= (400 for an unknown value, returns -1) or Accept-Language;
 * vi by default. */
int api_lang(struct http_req *req, struct http_resp *resp, enum api_lang *lang);

/* The language of the messages a person reads (api/tr.h): lang when the
 * request names one (?lang= or Accept-Language, which every browser
 * sends), else English, the language of a program's logs. */
enum api_lang api_message_lang(const struct http_req *req, enum api_lang lang);

/* The language of a refusal answered before the handler runs (401, 403):
 * as api_message_lang, without answering a bad ?lang= (the handler's to
 * answer), which then gives English. */
enum api_lang api_refusal_lang(const struct http_req *req);

/* The language code "vi", "en" or "ko". */
const char *api_lang_code(enum api_lang lang);

/* Picks the output format from the path suffix (.csv, .geojson, .xlsx) or
 * the Accept header; geojson only where allowed. */
enum api_format api_format(const struct http_req *req, int geojson_allowed);

/* Reads ?bom=: 1 asks a CSV answer to begin with the UTF-8 byte-order
 * mark, which Excel needs to read Vietnamese and Korean; 0 or no bom, none.
 * Returns 0 with *bom set, or -1 after a 400 for another value or for bom
 * on an answer that is not CSV. */
int api_csv_bom(const struct http_req *req, struct http_resp *resp, enum api_format format,
                int *bom);

/* Starts a CSV answer named name.csv (a download): its type, its
 * disposition, the byte-order mark when bom, then header (one line). */
void api_csv_begin(struct http_resp *resp, const char *name, int bom, const char *header);

/* Answers the error of a use case through one table (kind of error to
 * status): a client's fault (400, 404, 409, 413) with d's message and
 * field, a server's (500, 503) with a fixed sentence. KHU_EBUSY (a write
 * that waited out the busy timeout) is 503 with Retry-After:
 * API_BUSY_RETRY_S. */
void api_error(struct http_resp *resp, enum khu_err err, const struct khu_diag *d);

/* Writes the message shown next to a field of table t (NULL: none known)
 * for the rule of a row's value it broke (d's rule: core/validate.h and
 * core/row_edit.h), in lang, into out (n bytes); d's English message for a
 * rule it does not know. */
void api_rule_message(enum api_lang lang, const struct table_def *t, const struct khu_diag *d,
                      char *out, size_t n);

struct jw;

/* Ends a JSON page of audit records (its array closed) in w, which writes
 * to body: "next_cursor" is the id of the page's last record when the
 * page is full (n == limit) and older records may follow, else null; then
 * the object is closed and body ends with a newline. */
void api_trail_page_end(struct jw *w, struct buf *body, int n, int limit, int64_t last_id);

#endif
