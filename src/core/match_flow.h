/* SPDX-License-Identifier: MIT */
/*
 * The stages of a match (a supplier proposed for a buyer's demand) and the
 * acts that move it to a contract, pure: who may do what at which stage,
 * and the stage each act leads to. A buyer or an officer proposes a
 * supplier (proposed) and sends it an expression of interest (interest);
 * the supplier accepts (accepted) or declines (declined); a meeting is
 * recorded (meeting), again if there are more; a contract is recorded
 * (contract), which makes a linkage. The buyer or an officer may close a
 * match that led nowhere (closed). An officer may act for either side.
 */
#ifndef KHU_MATCH_FLOW_H
#define KHU_MATCH_FLOW_H

enum match_stage {
    MATCH_PROPOSED,
    MATCH_INTEREST,
    MATCH_ACCEPTED,
    MATCH_DECLINED,
    MATCH_MEETING,
    MATCH_CONTRACT,
    MATCH_CLOSED,
    MATCH_STAGES
};

enum match_act {
    MATCH_ACT_PROPOSE,  /* a new match, proposed (or with the interest at once) */
    MATCH_ACT_INTEREST, /* the expression of interest is sent */
    MATCH_ACT_ACCEPT,   /* the supplier accepts */
    MATCH_ACT_DECLINE,  /* the supplier declines */
    MATCH_ACT_MEET,     /* a meeting is recorded */
    MATCH_ACT_CONTRACT, /* a contract is recorded: a linkage */
    MATCH_ACT_CLOSE,    /* it led nowhere */
    MATCH_ACTS
};

/* Who acts on a match. */
enum match_party {
    MATCH_BUYER = 1 << 0,    /* the enterprise whose demand it is */
    MATCH_SUPPLIER = 1 << 1, /* the supplier proposed */
    MATCH_OFFICER = 1 << 2,  /* the province's staff */
};

/* API */

/* The stage called name ("interest"); -1 for none. */
int match_stage_of(const char *name);

/* The stage's name as stored and shown ("proposed", ...). */
const char *match_stage_name(enum match_stage s);

/* The act's name as the API and the audit trail say it ("accept"). */
const char *match_act_name(enum match_act a);

/* The act called name, or -1. */
int match_act_of(const char *name);

/* Returns NULL when party may do act at stage; otherwise why not, in
 * English. *stage_wrong (may be NULL) is set to 1 when the party may do
 * the act but not at this stage. */
const char *match_act_refusal(enum match_act act, enum match_party party, enum match_stage stage,
                              int *stage_wrong);

/* The stage act leads to. */
enum match_stage match_stage_after(enum match_act act);

/* The column of the officer's pipeline board a stage is shown in:
 * proposed, interest (interest and accepted), meeting, contract; -1 for a
 * match that is declined or closed. */
int match_board_column(enum match_stage s);

#endif
