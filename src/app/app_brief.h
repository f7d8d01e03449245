/* SPDX-License-Identifier: MIT */
/*
 * The site brief's data as a use case: the facts of one zone or a
 * shortlist, the headings and the sketch's frame in one language, and with
 * an investor's needs each zone's score and reasons from the site finder.
 * The needs searched are stated, named in that language, and each zone's
 * contact where known. GET /api/v1/brief.pdf, `khu brief` and `khu bench`
 * call it; drawing the PDF is report/brief.
 */
#ifndef KHU_APP_BRIEF_H
#define KHU_APP_BRIEF_H

#include "app/app_finder.h"
#include "report/brief.h"
#include "store/store.h"

#define BRIEF_CODE_MAX 72 /* bytes of a zone code with its NUL */

struct brief_input {
    const char *const *codes; /* the zones, in the order of the brief */
    int n;
    enum site_lang lang;
    const char *today;                /* "YYYY-MM-DD", printed under the heading */
    const struct finder_input *needs; /* NULL: no scores; else its lang must be lang */
    const char *promotion; /* the province's investment-promotion contact; NULL or "": none */
};

/* API */

/* Fills b (headings, frame) and zones (room for in->n; b->zones points at
 * it) for in. Returns KHU_OK; KHU_ENOTFOUND with d naming field "zones" and
 * the code when a zone does not exist; the finder's KHU_EINVAL (d names
 * "units" or "sector") when in->needs names an unknown code; KHU_ENOMEM;
 * or the store's error. */
enum khu_err app_brief_load(struct store *s, const struct brief_input *in, struct brief *b,
                            struct brief_zone *zones, struct khu_diag *d);

#endif
