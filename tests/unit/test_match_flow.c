/* SPDX-License-Identifier: MIT */
/*
 * A match's stages and acts: every act by every party at every stage
 * against the list of what the linkage desk allows, written out here
 * triple by triple; the refusals say whether the party or the stage is
 * wrong; names round-trip; a path from proposal to contract.
 */
#include <string.h>

#include "core/match_flow.h"
#include "test.h"

/* Everything allowed, as (act, party, stage); propose at any stage. */
static const struct {
    enum match_act act;
    enum match_party party;
    enum match_stage stage;
} allowed[] = {
    {MATCH_ACT_INTEREST, MATCH_BUYER, MATCH_PROPOSED},
    {MATCH_ACT_INTEREST, MATCH_OFFICER, MATCH_PROPOSED},
    {MATCH_ACT_ACCEPT, MATCH_SUPPLIER, MATCH_INTEREST},
    {MATCH_ACT_ACCEPT, MATCH_OFFICER, MATCH_INTEREST},
    {MATCH_ACT_DECLINE, MATCH_SUPPLIER, MATCH_INTEREST},
    {MATCH_ACT_DECLINE, MATCH_OFFICER, MATCH_INTEREST},
    {MATCH_ACT_MEET, MATCH_BUYER, MATCH_ACCEPTED},
    {MATCH_ACT_MEET, MATCH_SUPPLIER, MATCH_ACCEPTED},
    {MATCH_ACT_MEET, MATCH_OFFICER, MATCH_ACCEPTED},
    {MATCH_ACT_MEET, MATCH_BUYER, MATCH_MEETING},
    {MATCH_ACT_MEET, MATCH_SUPPLIER, MATCH_MEETING},
    {MATCH_ACT_MEET, MATCH_OFFICER, MATCH_MEETING},
    {MATCH_ACT_CONTRACT, MATCH_BUYER, MATCH_ACCEPTED},
    {MATCH_ACT_CONTRACT, MATCH_OFFICER, MATCH_ACCEPTED},
    {MATCH_ACT_CONTRACT, MATCH_BUYER, MATCH_MEETING},
    {MATCH_ACT_CONTRACT, MATCH_OFFICER, MATCH_MEETING},
    {MATCH_ACT_CLOSE, MATCH_BUYER, MATCH_PROPOSED},
    {MATCH_ACT_CLOSE, MATCH_OFFICER, MATCH_PROPOSED},
    {MATCH_ACT_CLOSE, MATCH_BUYER, MATCH_INTEREST},
    {MATCH_ACT_CLOSE, MATCH_OFFICER, MATCH_INTEREST},
    {MATCH_ACT_CLOSE, MATCH_BUYER, MATCH_ACCEPTED},
    {MATCH_ACT_CLOSE, MATCH_OFFICER, MATCH_ACCEPTED},
    {MATCH_ACT_CLOSE, MATCH_BUYER, MATCH_MEETING},
    {MATCH_ACT_CLOSE, MATCH_OFFICER, MATCH_MEETING},
};

static int is_allowed(enum match_act a, enum match_party p, enum match_stage s)
{
    size_t i;

    if (a == MATCH_ACT_PROPOSE)
        return p != MATCH_SUPPLIER;
    for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
        if (allowed[i].act == a && allowed[i].party == p && allowed[i].stage == s)
            return 1;
    return 0;
}

/* 1 when party p may do act a at some stage. */
static int party_may(enum match_act a, enum match_party p)
{
    int s;

    for (s = 0; s < MATCH_STAGES; s++)
        if (is_allowed(a, p, (enum match_stage)s))
            return 1;
    return 0;
}

static void test_every_triple(void)
{
    static const enum match_party parties[] = {MATCH_BUYER, MATCH_SUPPLIER, MATCH_OFFICER};
    int a, s, bad = 0, checked = 0;
    size_t p;

    for (a = 0; a < MATCH_ACTS; a++)
        for (p = 0; p < 3; p++)
            for (s = 0; s < MATCH_STAGES; s++) {
                int wrong = -1;
                const char *why =
                    match_act_refusal((enum match_act)a, parties[p], (enum match_stage)s, &wrong);
                int want = is_allowed((enum match_act)a, parties[p], (enum match_stage)s);
                checked++;
                if ((why == NULL) != want) {
                    bad++;
                    TEST_FAIL_AT(__FILE__, __LINE__, "%s by %d at %s: %s", match_act_name(a),
                                 (int)parties[p], match_stage_name(s), why ? why : "allowed");
                }
                /* refused for the stage only when the party may do it elsewhere */
                if (why && wrong != party_may((enum match_act)a, parties[p]))
                    bad++;
            }
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(checked, MATCH_ACTS * 3 * MATCH_STAGES);
}

static void test_names_and_path(void)
{
    int i;
    enum match_stage s = MATCH_PROPOSED;
    static const enum match_act path[] = {MATCH_ACT_INTEREST, MATCH_ACT_ACCEPT, MATCH_ACT_MEET,
                                          MATCH_ACT_MEET, MATCH_ACT_CONTRACT};

    for (i = 0; i < MATCH_STAGES; i++)
        CHECK_EQ_INT(match_stage_of(match_stage_name((enum match_stage)i)), i);
    for (i = 0; i < MATCH_ACTS; i++)
        CHECK_EQ_INT(match_act_of(match_act_name((enum match_act)i)), i);
    CHECK_EQ_INT(match_stage_of("won"), -1);
    CHECK_EQ_INT(match_act_of(NULL), -1);
    for (i = 0; i < 5; i++) {
        CHECK(match_act_refusal(path[i], path[i] == MATCH_ACT_ACCEPT ? MATCH_SUPPLIER : MATCH_BUYER,
                                s, NULL) == NULL);
        s = match_stage_after(path[i]);
    }
    CHECK_EQ_INT(s, MATCH_CONTRACT);
    CHECK_EQ_STR(match_act_refusal(MATCH_ACT_CLOSE, MATCH_BUYER, s, NULL),
                 "this match has its contract already");
    CHECK_EQ_INT(match_board_column(MATCH_ACCEPTED), 1);
    CHECK_EQ_INT(match_board_column(MATCH_DECLINED), -1);
}

int main(void)
{
    test_every_triple();
    test_names_and_path();
    return test_report("test_match_flow");
}
