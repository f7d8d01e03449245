/* SPDX-License-Identifier: MIT */
/*
 * The sources use case: the registered sources (their codes and the texts
 * that cite them) loaded from the store, and which of them a row's source
 * text cites (core/cite.h). The zone and target answers name their sources
 * with it; `khu check` finds addresses that no registered source covers
 * and provenance that names a source the row does not cite.
 */
#ifndef KHU_APP_SOURCES_H
#define KHU_APP_SOURCES_H

#include <stddef.h>

#include "core/cite.h"
#include "store/store.h"

#define APP_CITES_MAX 64 /* sources one text may cite */

/* The registered sources; owns its strings. */
struct app_cites {
    char **code;
    char **cite;
    size_t n, cap;
};

/* API */

/* Loads every source's code and cite into c (emptied first). Returns KHU_OK
 * or the store's error with d filled; c is then empty. */
enum khu_err app_cites_load(struct store *s, struct app_cites *c, struct khu_diag *d);

/* Adds one source (copied). Returns KHU_OK or KHU_ENOMEM. */
enum khu_err app_cites_add(struct app_cites *c, const char *code, const char *cite);

/* Finds the sources that text cites (see cite_find), up to APP_CITES_MAX,
 * in the order of the text; m[i].index indexes c->code and c->cite.
 * Returns how many were written (0 on no text or out of memory). */
size_t app_cites_find(const struct app_cites *c, const char *text, struct cite_match *m);

/* Returns the index of the source called code (len bytes), or -1. */
long app_cites_index(const struct app_cites *c, const char *code, size_t len);

/* Frees what c holds and empties it. */
void app_cites_free(struct app_cites *c);

#endif
