/* SPDX-License-Identifier: MIT */
/*
 * The stages of a dossier and its acts (see dossier_flow.h).
 */
#include "core/dossier_flow.h"

#include <string.h>

#define N(a)  (sizeof(a) / sizeof((a)[0]))
#define AT(s) (1u << (s))
#define SAME  (-1)
#define OPEN_STAGES                                                                                \
    (AT(DOSSIER_RECEIVED) | AT(DOSSIER_RETURNED) | AT(DOSSIER_CONSULTING) | AT(DOSSIER_APPRAISING))

static const struct {
    enum dossier_act act;
    const char *name;
    unsigned parties;
    unsigned stages; /* AT() of the stages it may be done at */
    int next;        /* the stage it leads to, or SAME */
    const char *who; /* for the refusal: who may */
} acts[] = {
    {DOSSIER_UPLOAD, "upload", DOSSIER_INVESTOR | DOSSIER_DEPARTMENT, OPEN_STAGES, SAME,
     "only the investor, or a department consulted on it, may add a document to a dossier"},
    {DOSSIER_RETURN, "return", DOSSIER_OFFICER, AT(DOSSIER_RECEIVED), DOSSIER_RETURNED,
     "only an officer may return a dossier"},
    {DOSSIER_RESUBMIT, "resubmit", DOSSIER_INVESTOR, AT(DOSSIER_RETURNED), DOSSIER_RECEIVED,
     "only the investor may file a returned dossier again"},
    {DOSSIER_ACCEPT, "accept", DOSSIER_OFFICER, AT(DOSSIER_RECEIVED), DOSSIER_CONSULTING,
     "only an officer may accept a dossier"},
    {DOSSIER_ASK, "ask", DOSSIER_OFFICER | DOSSIER_DEPARTMENT,
     AT(DOSSIER_CONSULTING) | AT(DOSSIER_APPRAISING), SAME,
     "only an officer, or a department consulted on it, may ask the investor a question"},
    {DOSSIER_ANSWER, "answer", DOSSIER_INVESTOR, AT(DOSSIER_CONSULTING) | AT(DOSSIER_APPRAISING),
     SAME, "only the investor may answer a question on a dossier"},
    {DOSSIER_OPINION, "opinion", DOSSIER_DEPARTMENT, AT(DOSSIER_CONSULTING), SAME,
     "only a department consulted on a dossier may give an opinion on it"},
    {DOSSIER_APPRAISE, "appraise", DOSSIER_OFFICER, AT(DOSSIER_CONSULTING), DOSSIER_APPRAISING,
     "only an officer may record the appraisal"},
    {DOSSIER_DECIDE, "decide", DOSSIER_OFFICER, AT(DOSSIER_APPRAISING), DOSSIER_DECIDED,
     "only an officer may record the decision"},
    {DOSSIER_WITHDRAW, "withdraw", DOSSIER_INVESTOR, OPEN_STAGES, DOSSIER_WITHDRAWN,
     "only the investor may withdraw a dossier"},
};

static const char *const stage_names[] = {"received",   "returned", "consulting",
                                          "appraising", "decided",  "withdrawn"};

/* Why each stage refuses an act it does not allow. */
static const char *const stage_refusals[] = {
    "the dossier has not been accepted yet",
    "the dossier was returned to the investor to complete",
    "the dossier is being consulted on",
    "the dossier is being appraised",
    "the dossier is decided",
    "the dossier was withdrawn",
};

int dossier_stage_of(const char *status, int appraised, enum dossier_stage *out)
{
    static const char *const statuses[] = {"received", "returned", "consulting",
                                           NULL,       "decided",  "withdrawn"};
    size_t i;

    for (i = 0; status && i < N(statuses); i++) {
        if (!statuses[i] || strcmp(statuses[i], status) != 0)
            continue;
        *out = (enum dossier_stage)i;
        if (*out == DOSSIER_CONSULTING && appraised)
            *out = DOSSIER_APPRAISING;
        return 0;
    }
    return -1;
}

const char *dossier_stage_name(enum dossier_stage s)
{
    return (size_t)s < N(stage_names) ? stage_names[s] : "";
}

const char *dossier_status_name(enum dossier_stage s)
{
    return s == DOSSIER_APPRAISING ? "consulting" : dossier_stage_name(s);
}

const char *dossier_act_name(enum dossier_act a)
{
    size_t i;

    for (i = 0; i < N(acts); i++)
        if (acts[i].act == a)
            return acts[i].name;
    return "";
}

const char *dossier_act_refusal(enum dossier_act act, enum dossier_party party,
                                enum dossier_stage stage, int *stage_wrong)
{
    size_t i;

    if (stage_wrong)
        *stage_wrong = 0;
    for (i = 0; i < N(acts); i++) {
        if (acts[i].act != act)
            continue;
        if (!(acts[i].parties & (unsigned)party))
            return acts[i].who;
        if ((size_t)stage >= N(stage_refusals) || !(acts[i].stages & AT(stage))) {
            if (stage_wrong)
                *stage_wrong = 1;
            return (size_t)stage < N(stage_refusals) ? stage_refusals[stage]
                                                     : "the dossier's stage is unknown";
        }
        return NULL;
    }
    return "no such act";
}

enum dossier_stage dossier_stage_after(enum dossier_act act, enum dossier_stage stage)
{
    size_t i;

    for (i = 0; i < N(acts); i++)
        if (acts[i].act == act)
            return acts[i].next == SAME ? stage : (enum dossier_stage)acts[i].next;
    return stage;
}

int dossier_in_park(const char *zone_kind)
{
    static const char *const parks[] = {"kcn", "economic", "hitech"};
    size_t i;

    for (i = 0; zone_kind && i < N(parks); i++)
        if (!strcmp(zone_kind, parks[i]))
            return 1;
    return 0;
}
