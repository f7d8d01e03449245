/* SPDX-License-Identifier: MIT */
/*
 * The stages of a dossier and the acts that move it, pure: who may do
 * what at which stage, and the stage each act leads to. An investor files
 * a dossier (received); the receiving officer returns it with the items
 * missing (returned) until the investor files them (received again), or
 * accepts it, which starts its clock and opens the departments'
 * consultations (consulting); the officer records the appraisal
 * (appraising) and then the decision (decided). The investor may
 * withdraw it until the decision. Questions to the investor and their
 * answers, opinions and documents leave the stage as it is.
 */
#ifndef KHU_DOSSIER_FLOW_H
#define KHU_DOSSIER_FLOW_H

enum dossier_stage {
    DOSSIER_RECEIVED,
    DOSSIER_RETURNED,
    DOSSIER_CONSULTING,
    DOSSIER_APPRAISING, /* stored as status consulting with an appraisal day */
    DOSSIER_DECIDED,
    DOSSIER_WITHDRAWN,
};

enum dossier_act {
    DOSSIER_UPLOAD,   /* add a document */
    DOSSIER_RETURN,   /* back to the investor, the missing items listed */
    DOSSIER_RESUBMIT, /* the investor files what was missing */
    DOSSIER_ACCEPT,   /* complete: the clock starts, consultations open */
    DOSSIER_ASK,      /* a question to the investor: the asker's clock stops */
    DOSSIER_ANSWER,   /* the investor answers: that clock runs again */
    DOSSIER_OPINION,  /* a department gives its opinion */
    DOSSIER_APPRAISE, /* the officer records the appraisal */
    DOSSIER_DECIDE,   /* approved or rejected */
    DOSSIER_WITHDRAW, /* the investor takes the dossier back */
};

/* Who acts on a dossier. */
enum dossier_party {
    DOSSIER_INVESTOR = 1 << 0,   /* the enterprise whose project it is */
    DOSSIER_OFFICER = 1 << 1,    /* the province's staff that receive dossiers */
    DOSSIER_DEPARTMENT = 1 << 2, /* a department consulted on it */
};

/* API */

/* Sets *out to the stage of a dossier whose status column is status and
 * that has (appraised 1) or has not an appraisal day. Returns 0, or -1
 * for a status that is not one of the schema's. */
int dossier_stage_of(const char *status, int appraised, enum dossier_stage *out);

/* The stage's name as the API shows it ("received", …, "appraising"). */
const char *dossier_stage_name(enum dossier_stage s);

/* The value of the status column for stage s (appraising: "consulting"). */
const char *dossier_status_name(enum dossier_stage s);

/* The act's name as the API and the audit trail say it ("accept"). */
const char *dossier_act_name(enum dossier_act a);

/* Returns NULL when party may do act on a dossier at stage; otherwise a
 * sentence saying why not, in English ("only the investor may …", "the
 * dossier is decided"). *stage_wrong (may be NULL) is set to 1 when the
 * party may do the act but not at this stage (a conflict with the
 * dossier's state rather than a matter of rights). */
const char *dossier_act_refusal(enum dossier_act act, enum dossier_party party,
                                enum dossier_stage stage, int *stage_wrong);

/* 1 when a project in a zone of kind (zones.kind; NULL: in none) is in an
 * industrial park, an economic or a high-tech zone, whose management
 * board receives its dossiers (procedure_departments' location in_park). */
int dossier_in_park(const char *zone_kind);

/* The stage act leads to from stage (the same stage for the acts that do
 * not move it). */
enum dossier_stage dossier_stage_after(enum dossier_act act, enum dossier_stage stage);

#endif
