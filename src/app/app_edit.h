/* SPDX-License-Identifier: MIT */
/*
 * The use case of an edit of the registry: a new row, or a change to one
 * row, of zones, units, targets, observations, partners, events, sources,
 * enterprises and the linkage desk's tables, by a signed-in officer (the
 * API's POST and PATCH) or a command; of an enterprise's own rows (its
 * profile, processes, certificates and contact; a buyer's demands) by its
 * own user. One write
 * transaction reads the row, checks that it is still the version the
 * writer read (If-Match), merges and checks the values given
 * (core/row_edit.h: import's rules, a key never changes, a figure needs a
 * source and an as-of date), checks every reference, and writes the row
 * with its audit record (store/rows.h). Nothing is written unless all of
 * it holds.
 */
#ifndef KHU_APP_EDIT_H
#define KHU_APP_EDIT_H

#include <stddef.h>

#include "core/row_edit.h"
#include "core/row_version.h"
#include "store/rows.h"
#include "store/store.h"

/* One value the writer gives: a column and its text (NULL or "": clear). */
struct app_edit_field {
    const char *name;
    const char *text;
    size_t len;
};

struct app_edit_request {
    const char *table;      /* one of app_edit_tables */
    const char *const *key; /* the row's key values (PATCH); NULL: a new row (POST) */
    const char *if_match;   /* the If-Match the writer sent (required with a key) */
    int as_it_stands;       /* 1: no If-Match: the row is changed as it stands (a data file
                               applied in one transaction, which read no version) */
    const struct app_edit_field *fields;
    size_t nfields;
    const char *source; /* where the values come from; required with a figure */
    const char *as_of;  /* YYYY-MM-DD the figures are as of; required with a figure */
    const char *today;  /* YYYY-MM-DD, the caller's clock */
    const char *owner;  /* a supplier's or buyer's user: its enterprise's tax code. The row
                           must be that enterprise's (app_edit_owner_column), before and after,
                           and only what an owner may set is set; NULL: staff */
    int workflow;       /* 1: a use case of a workflow writes the row (a dossier's stage):
                           any table of the data model, any column; its figures need no
                           source (the act is its own record). Never set from a request. */
};

struct app_edit_result {
    /* KHU_EINVAL: problems below; KHU_ESTALE: version is the current one */
    struct khu_diag problem[ROW_EDIT_MAX_PROBLEMS];
    int nproblems;
    char key[STORE_ROW_KEY_MAX];   /* the row's key as the audit trail names it */
    char version[ROW_VERSION_HEX]; /* the row's version after the write (or the current one) */
    char changed[ROW_EDIT_MAX_COLS][KHU_DIAG_FIELD_MAX]; /* the columns written */
    int nchanged;                                        /* 0: the row was already so */
};

/* The tables an edit may write, NULL-terminated. */
extern const char *const app_edit_tables[];

/* API */

/* Writes today's date in the province (UTC+7) as YYYY-MM-DD: the last day
 * an as-of date may name. */
void app_edit_today(char out[16]);

/* The column of table that names the enterprise a row belongs to, when
 * an enterprise's own user may write the table (an enterprise's profile
 * and processes, certificates and contacts; a buyer's demands); NULL when
 * only staff may. */
const char *app_edit_owner_column(const char *table);

/* A workflow's write of one row inside tx, through the audited edit
 * (workflow set, as it stands): a change to the row with key, or a new row
 * (key NULL). Returns as app_edit_in; on KHU_EINVAL d holds the first
 * problem. */
enum khu_err app_edit_put(struct store_tx *tx, const char *table, const char *const *key,
                          const struct app_edit_field *fields, size_t n, const char *today,
                          struct khu_diag *d);

/* Returns 1 when table may be edited. */
int app_edit_writable(const char *table);

/* The columns an edit of table may set, NULL-terminated, when not all of
 * them (a lead: its follow-up only); NULL when every column may be set. */
const char *const *app_edit_columns(const char *table);

/* Runs r inside tx (joining its other writes) and fills out; returns as
 * app_edit. Nothing of it is undone on an error: the caller rolls tx
 * back. */
enum khu_err app_edit_in(struct store_tx *tx, const struct app_edit_request *r,
                         struct app_edit_result *out, struct khu_diag *d);

/* Runs r for actor in one write transaction of s and fills out. Returns
 * KHU_OK (out->nchanged may be 0: nothing to write, nothing written);
 * KHU_EINVAL with out->problem; KHU_ENOTFOUND for a key with no row;
 * KHU_ESTALE when the row is no longer the version r->if_match names (or
 * KHU_EINVAL with the "if_match" problem when none was given);
 * KHU_ECONFLICT when a new row's key is taken; or the store's error in d. */
enum khu_err app_edit(struct store *s, const struct store_actor *actor,
                      const struct app_edit_request *r, struct app_edit_result *out,
                      struct khu_diag *d);

#endif
