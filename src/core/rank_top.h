/* SPDX-License-Identifier: MIT */
/*
 * The ranking order the site finder and the supplier finder share, and
 * the best k of a large set in that order without sorting it: what a
 * ranking keeps of each candidate (a key) in a bounded heap whose worst
 * key is on top. The order: group (fits, unverified, excluded), then
 * score (highest first), then fewer unknown facts, then code (unique), so
 * it is total and does not depend on the order candidates come in.
 */
#ifndef KHU_RANK_TOP_H
#define KHU_RANK_TOP_H

#include <stddef.h>
#include <stdint.h>

/* What ranking keeps of one candidate while it looks for a page. */
struct rank_key {
    double score;
    uint32_t index; /* the candidate's index in the caller's set */
    uint16_t unknowns;
    uint8_t group;
};

/* Returns the code of candidate index (the last tie-break). */
typedef const char *(*rank_code_fn)(const void *set, uint32_t index);

/* The best k keys offered so far. */
struct rank_top {
    struct rank_key *items; /* room for k keys, the caller's */
    size_t n, k;
    rank_code_fn code;
    const void *set;
};

/* API */

/* Compares two candidates in ranking order: < 0 when a ranks first. */
int rank_compare(int group_a, double score_a, int unknowns_a, const char *code_a, int group_b,
                 double score_b, int unknowns_b, const char *code_b);

/* Starts an empty top-k over room (k keys); code and set name the codes. */
void rank_top_init(struct rank_top *t, struct rank_key *room, size_t k, rank_code_fn code,
                   const void *set);

/* Keeps key when it is among the best k offered so far. */
void rank_top_offer(struct rank_top *t, const struct rank_key *key);

/* Sorts the kept keys best first (items[0] the best); offer no more after. */
void rank_top_sort(struct rank_top *t);

#endif
