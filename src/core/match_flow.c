/* SPDX-License-Identifier: MIT */
/*
 * The stages of a match and the acts that move it (see match_flow.h).
 */
#include "core/match_flow.h"

#include <string.h>

static const char *const stage_names[MATCH_STAGES] = {
    "proposed", "interest", "accepted", "declined", "meeting", "contract", "closed"};

static const char *const act_names[MATCH_ACTS] = {"propose", "interest", "accept", "decline",
                                                  "meet",    "contract", "close"};

/* Who may do each act, and from which stages (bit per stage). */
static const struct {
    unsigned parties;
    unsigned from;
} rules[MATCH_ACTS] = {
    [MATCH_ACT_PROPOSE] = {MATCH_BUYER | MATCH_OFFICER, 0},
    [MATCH_ACT_INTEREST] = {MATCH_BUYER | MATCH_OFFICER, 1u << MATCH_PROPOSED},
    [MATCH_ACT_ACCEPT] = {MATCH_SUPPLIER | MATCH_OFFICER, 1u << MATCH_INTEREST},
    [MATCH_ACT_DECLINE] = {MATCH_SUPPLIER | MATCH_OFFICER, 1u << MATCH_INTEREST},
    [MATCH_ACT_MEET] = {MATCH_BUYER | MATCH_SUPPLIER | MATCH_OFFICER,
                        (1u << MATCH_ACCEPTED) | (1u << MATCH_MEETING)},
    [MATCH_ACT_CONTRACT] = {MATCH_BUYER | MATCH_OFFICER,
                            (1u << MATCH_ACCEPTED) | (1u << MATCH_MEETING)},
    [MATCH_ACT_CLOSE] = {MATCH_BUYER | MATCH_OFFICER,
                         (1u << MATCH_PROPOSED) | (1u << MATCH_INTEREST) | (1u << MATCH_ACCEPTED) |
                             (1u << MATCH_MEETING)},
};

static const enum match_stage after[MATCH_ACTS] = {
    [MATCH_ACT_PROPOSE] = MATCH_PROPOSED, [MATCH_ACT_INTEREST] = MATCH_INTEREST,
    [MATCH_ACT_ACCEPT] = MATCH_ACCEPTED,  [MATCH_ACT_DECLINE] = MATCH_DECLINED,
    [MATCH_ACT_MEET] = MATCH_MEETING,     [MATCH_ACT_CONTRACT] = MATCH_CONTRACT,
    [MATCH_ACT_CLOSE] = MATCH_CLOSED,
};

int match_stage_of(const char *name)
{
    int i;

    for (i = 0; name && i < MATCH_STAGES; i++)
        if (strcmp(stage_names[i], name) == 0)
            return i;
    return -1;
}

const char *match_stage_name(enum match_stage s)
{
    return (unsigned)s < MATCH_STAGES ? stage_names[s] : "";
}

const char *match_act_name(enum match_act a)
{
    return (unsigned)a < MATCH_ACTS ? act_names[a] : "";
}

int match_act_of(const char *name)
{
    int i;

    for (i = 0; name && i < MATCH_ACTS; i++)
        if (strcmp(act_names[i], name) == 0)
            return i;
    return -1;
}

const char *match_act_refusal(enum match_act act, enum match_party party, enum match_stage stage,
                              int *stage_wrong)
{
    if (stage_wrong)
        *stage_wrong = 0;
    if ((unsigned)act >= MATCH_ACTS)
        return "no such act";
    if (!(rules[act].parties & (unsigned)party)) {
        switch (act) {
        case MATCH_ACT_ACCEPT:
        case MATCH_ACT_DECLINE:
            return "only the supplier, or an officer for it, answers an expression of interest";
        case MATCH_ACT_MEET:
            return "only the buyer, the supplier or an officer records a meeting";
        default:
            return "only the buyer, or an officer for it, may do this";
        }
    }
    if (act == MATCH_ACT_PROPOSE || (rules[act].from & (1u << stage)))
        return NULL;
    if (stage_wrong)
        *stage_wrong = 1;
    switch (stage) {
    case MATCH_DECLINED:
        return "the supplier declined this match";
    case MATCH_CONTRACT:
        return "this match has its contract already";
    case MATCH_CLOSED:
        return "this match is closed";
    default:
        break;
    }
    switch (act) {
    case MATCH_ACT_INTEREST:
        return "the expression of interest was sent already";
    case MATCH_ACT_ACCEPT:
    case MATCH_ACT_DECLINE:
        return stage == MATCH_PROPOSED ? "no expression of interest was sent yet"
                                       : "the supplier answered already";
    default:
        return "the supplier has not accepted yet";
    }
}

enum match_stage match_stage_after(enum match_act act)
{
    return (unsigned)act < MATCH_ACTS ? after[act] : MATCH_CLOSED;
}

int match_board_column(enum match_stage s)
{
    switch (s) {
    case MATCH_PROPOSED:
        return 0;
    case MATCH_INTEREST:
    case MATCH_ACCEPTED:
        return 1;
    case MATCH_MEETING:
        return 2;
    case MATCH_CONTRACT:
        return 3;
    default:
        return -1;
    }
}
