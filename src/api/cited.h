/* SPDX-License-Identifier: MIT */
/*
 * The sources an answer's row cites, named in the answer: the codes of the
 * registered sources its source text cites (app/app_sources.h), in the
 * order of the text, so that a client can show each source's publisher,
 * title and date from /api/v1/sources?code=…; and what looks like an
 * address that no registered source covers.
 */
#ifndef KHU_API_CITED_H
#define KHU_API_CITED_H

#include "app/app_sources.h"
#include "core/json_out.h"

/* API */

/* Writes "source_refs": [codes] and "source_unregistered": [words] (both
 * present, perhaps empty) for source text (may be NULL) into the open
 * object of w. */
void api_write_cited(struct jw *w, const struct app_cites *cites, const char *text);

#endif
