/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's outcomes, counted: each fact of the pipeline (a
 * demand posted, a supplier proposed, an expression of interest sent, a
 * meeting held, a contract begun with its yearly value) on its own day,
 * grouped by sector (the demand's VSIC division), by period (the month,
 * quarter or year of the fact's day), by promotion event (the demand's) or
 * by the partner of that event, between two days. The way BUILD counts its matches and their value.
 * Pure: the caller hands the facts in.
 */
#ifndef KHU_OUTCOMES_H
#define KHU_OUTCOMES_H

#include <stddef.h>
#include <stdint.h>

enum outcome_fact {
    FACT_DEMAND,   /* a demand posted */
    FACT_PROPOSED, /* a supplier proposed for it */
    FACT_INTEREST, /* an expression of interest sent */
    FACT_MEETING,  /* a meeting held */
    FACT_CONTRACT, /* a contract begun: value is its yearly value (USD) */
    FACT_KINDS
};

enum outcome_by { BY_SECTOR, BY_PERIOD, BY_EVENT, BY_PARTNER };
enum outcome_period { PERIOD_MONTH, PERIOD_QUARTER, PERIOD_YEAR };

#define OUTCOME_KEY_MAX 72

struct outcome_fact_row {
    enum outcome_fact kind;
    int32_t day;         /* days since 1970-01-01 */
    const char *vsic;    /* the demand's VSIC code; NULL unknown */
    const char *event;   /* the demand's promotion event; NULL none */
    const char *partner; /* that event's partner (a delegation's organiser); NULL none */
    double value;        /* FACT_CONTRACT: its yearly value; value_known 0: unknown */
    int value_known;
};

struct outcome_group {
    char key[OUTCOME_KEY_MAX]; /* "22", "2026-03", "2026-Q1", "2026", an event code; "" none */
    long count[FACT_KINDS];
    double contract_usd;     /* the contracts' yearly values that are known */
    long contracts_unvalued; /* contracts whose value is unknown */
};

struct outcome_table {
    enum outcome_by by;
    enum outcome_period period;
    int32_t from, to;             /* the days counted, both included */
    struct outcome_group *groups; /* the caller's room */
    size_t n, cap;
    struct outcome_group total;
    long dropped; /* facts of groups past cap */
};

/* API */

/* Starts an empty table over room (cap groups). */
void outcomes_init(struct outcome_table *t, enum outcome_by by, enum outcome_period period,
                   int32_t from, int32_t to, struct outcome_group *room, size_t cap);

/* Writes the group key of a fact into out ("" when the fact has none). */
void outcome_key(const struct outcome_table *t, const struct outcome_fact_row *f,
                 char out[OUTCOME_KEY_MAX]);

/* Counts a fact when its day is between from and to. */
void outcomes_add(struct outcome_table *t, const struct outcome_fact_row *f);

/* Sorts the groups by key ("" last). */
void outcomes_sort(struct outcome_table *t);

/* Stable names: "demands", "proposed", "interests", "meetings",
 * "contracts"; "sector", "period", "event", "partner"; "month", "quarter", "year". */
const char *outcome_fact_name(enum outcome_fact f);
const char *outcome_by_name(enum outcome_by b);
const char *outcome_period_name(enum outcome_period p);

#endif
