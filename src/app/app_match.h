/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's pipeline as a use case: a supplier proposed for a
 * demand, the expression of interest, the supplier's answer, meetings and
 * the contract, each act checked against core/match_flow.h for who does it
 * and at which stage, and written with its audit records in one
 * transaction (app_edit_put). A contract makes the linkage that the local
 * supply share counts. GET/POST /api/v1/matches and `khu demo` run it; it
 * knows nothing of HTTP.
 */
#ifndef KHU_APP_MATCH_H
#define KHU_APP_MATCH_H

#include "core/err.h"
#include "core/match_flow.h"
#include "core/role.h"
#include "store/store.h"

#define APP_MATCH_TEXT_MAX 4000 /* bytes of a note, a reason or an outcome */

/* Who acts: a signed-in user of some role; an investor or a supplier
 * belongs to the enterprise of tax_code. */
struct app_match_who {
    enum role role;
    char name[65];
    char tax_code[16];
};

struct app_match_act {
    enum match_act act;
    const char *demand, *supplier; /* the match */
    const char *note;              /* the interest's words, a decline's reason, an outcome */
    int with_interest;             /* propose: send the expression of interest at once */
    const char *score;             /* propose: the finder's score (0-100) or NULL */
    const char *meeting_on;        /* meet: YYYY-MM-DD, not after today */
    const char *meeting_place;     /* meet: where; NULL with online */
    int meeting_online;
    const char *annual_usd;    /* contract: the yearly value (required) */
    const char *since, *until; /* contract: from (required), to (NULL: open) */
    int demand_matched;        /* contract: the demand is matched: set its status */
    const char *today;         /* YYYY-MM-DD */
};

struct app_match_result {
    enum match_stage stage; /* after the act */
    char linkage[72];       /* contract: the linkage made */
    int forbidden;          /* KHU_EINVAL: the party may not do this act at all */
};

/* API */

/* Does a's act for who as actor. Returns KHU_OK; KHU_ENOTFOUND for a
 * demand, supplier or match who may not see (d names it); KHU_EINVAL with
 * d's field and rule for a missing or bad value, or with out->forbidden
 * for an act the party may not do; KHU_ECONFLICT for an act the stage
 * does not allow (d says why) or a supplier proposed twice; or the
 * store's error. */
enum khu_err app_match_act(struct store *s, const struct store_actor *actor,
                           const struct app_match_who *who, const struct app_match_act *a,
                           struct app_match_result *out, struct khu_diag *d);

/* The party who is to a match of the demand of buyer and of supplier; 0
 * for none. */
enum match_party app_match_party(const struct app_match_who *who, const char *buyer,
                                 const char *supplier);

#endif
