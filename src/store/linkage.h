/* SPDX-License-Identifier: MIT */
/*
 * What the linkage desk's pipeline and counts read: the matches with the
 * names of their demand and enterprises; the demands and the linkages that
 * answer them, each marked with whether its buyer (or supplier) is
 * located in a place, the codes of a named set of sectors, and the day the
 * demands now in the registry were imported. The arithmetic lives in
 * core/local_share and the use case in app/app_local_share. Strings are
 * borrowed for the length of a callback and NULL when unknown; a callback
 * returns 0 to go on, non-zero to stop.
 */
#ifndef KHU_STORE_LINKAGE_H
#define KHU_STORE_LINKAGE_H

#include <stdint.h>

#include "core/supplier_match.h"
#include "store/store.h"

struct store_share_demand {
    const char *code, *vsic, *posted_on, *withdrawn_on;
    struct match_value annual_usd;
    int buyer_in_place; /* the buyer's unit, or its zone's, is in the place */
};

struct store_share_linkage {
    const char *code, *demand_code, *since, *until, *supplier_ownership;
    struct match_value annual_usd;
    int supplier_in_place;
};

struct store_group_code {
    const char *vsic, *valid_from, *valid_to, *names[3]; /* names: vi, en, ko */
    const char *source;
};

/* One match of the pipeline with its demand's and enterprises' names. */
struct store_match {
    const char *demand_code, *supplier_tax_code, *stage, *proposed_on, *proposed_by;
    const char *interest_on, *interest_note, *answered_on, *decline_reason, *meeting_on;
    const char *meeting_place, *meeting_outcome, *linkage_code, *closed_on;
    const char *demand_title, *demand_vsic, *buyer_tax_code, *buyer_name, *supplier_name;
    struct match_value score, meeting_online;
};

/* Which matches: each NULL for any. */
struct store_match_filter {
    const char *demand, *supplier, *buyer, *stage;
};

/* One fact of the pipeline for the outcomes (core/outcomes.h): kind 0 a
 * demand posted, 1 a supplier proposed, 2 an interest sent, 3 a meeting
 * (the latest of a match), 4 a contract (a linkage answering a demand)
 * begun; its day, the demand's VSIC code, event and that event's partner,
 * and a contract's yearly value. */
struct store_outcome_fact {
    int kind;
    const char *day, *vsic, *event, *partner;
    struct match_value value;
};

typedef int (*store_match_fn)(void *arg, const struct store_match *m);
typedef int (*store_outcome_fn)(void *arg, const struct store_outcome_fact *f);
typedef int (*store_share_demand_fn)(void *arg, const struct store_share_demand *d);
typedef int (*store_share_linkage_fn)(void *arg, const struct store_share_linkage *l);
typedef int (*store_group_code_fn)(void *arg, const struct store_group_code *c);

/* API */

/* Hands fn every demand whose buyer is in place (a unit code: the unit,
 * the units under it and those they replaced; NULL: anywhere) and whose
 * VSIC code starts with a code of the set of sectors group (whatever its
 * validity: the caller keeps the codes valid on its day), in order of
 * code, marked buyer_in_place. Returns KHU_OK or the store's error with d
 * filled. */
enum khu_err store_share_demands(struct store *s, const char *place, const char *group,
                                 store_share_demand_fn fn, void *arg, struct khu_diag *d);

/* Hands fn every linkage that answers one of those demands, in order of
 * code, marked with whether its supplier is in place. */
enum khu_err store_share_linkages(struct store *s, const char *place, const char *group,
                                  store_share_linkage_fn fn, void *arg, struct khu_diag *d);

/* Hands fn the codes of the set of sectors called group, in order of
 * code. Returns KHU_ENOTFOUND (d names it) when there is no such set. */
enum khu_err store_group_codes(struct store *s, const char *group, store_group_code_fn fn,
                               void *arg, struct khu_diag *d);

/* Hands fn the matches f selects, newest proposal first, then by demand
 * and supplier; at most limit (>= 1). */
enum khu_err store_matches(struct store *s, const struct store_match_filter *f, long limit,
                           store_match_fn fn, void *arg, struct khu_diag *d);

/* Hands fn every fact of the pipeline with a day, in no set order. */
enum khu_err store_outcome_facts(struct store *s, store_outcome_fn fn, void *arg,
                                 struct khu_diag *d);

/* Sets *at_ms to when the demands were last imported, 0 when never.
 * Returns KHU_OK or the store's error. */
enum khu_err store_demands_imported_ms(struct store *s, int64_t *at_ms, struct khu_diag *d);

#endif
