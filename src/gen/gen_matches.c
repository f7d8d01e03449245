/* SPDX-License-Identifier: MIT */
/*
 * The pipeline of `khu gen`: matches.csv. Every linkage that answers a
 * demand is the contract of a match, its steps dated before the linkage
 * began; and about a third of the demands have one to three more
 * suppliers proposed, at every stage short of a contract. A demand and a
 * supplier make one match at most: the pairs written are kept in a set of
 * their hashes (a few bytes each, even at the world scale).
 */
#include <stdio.h>
#include <string.h>

#include "core/hash.h"
#include "core/xalloc.h"
#include "gen/gen_int.h"
#include "gen/gen_keys.h"

struct pair_set {
    uint64_t *slot; /* 0: empty */
    size_t cap;     /* a power of two */
};

/* Adds the pair (demand, tax); returns 1 when it was new. */
static int pair_new(struct pair_set *p, const char *demand, const char *tax)
{
    char key[64];
    uint64_t h;
    size_t i;

    snprintf(key, sizeof(key), "%s|%s", demand, tax);
    h = hash_fnv1a(key, strlen(key)) | 1u;
    for (i = h & (p->cap - 1); p->slot[i]; i = (i + 1) & (p->cap - 1))
        if (p->slot[i] == h)
            return 0;
    p->slot[i] = h;
    return 1;
}

static void dated(struct gen *g, const char *col, long day)
{
    if (day >= 0)
        gen_date(g, col, day);
    else
        gen_empty(g, col);
}

/* One row; days -1 are empty. */
static void match_row(struct gen *g, const char *demand, const char *tax, const char *stage,
                      long proposed, long interest, long answered, long meeting,
                      const char *linkage, long closed)
{
    gen_text(g, "demand_code", demand);
    gen_text(g, "supplier_tax_code", tax);
    gen_text(g, "stage", stage);
    gen_empty(g, "score");
    dated(g, "proposed_on", proposed);
    gen_text(g, "proposed_by", "synthetic-officer");
    dated(g, "interest_on", interest);
    if (interest >= 0)
        gen_text(g, "interest_note", "Expression of interest (synthetic)");
    else
        gen_empty(g, "interest_note");
    dated(g, "answered_on", answered);
    if (!strcmp(stage, "declined"))
        gen_text(g, "decline_reason", "No capacity this year (synthetic)");
    else
        gen_empty(g, "decline_reason");
    dated(g, "meeting_on", meeting);
    gen_empty(g, "meeting_place");
    if (meeting >= 0)
        gen_int(g, "meeting_online", 1);
    else
        gen_empty(g, "meeting_online");
    gen_empty(g, "meeting_outcome");
    gen_text(g, "linkage_code", linkage);
    dated(g, "closed_on", closed);
    gen_end_row(g);
}

static void contracts(struct gen *g, struct pair_set *seen)
{
    struct gen_rng r;
    struct gen_ent_key sup;
    char demand[32], code[32];
    long i, buyer, supplier, since;

    for (i = 0; i < g->sc->linkages && !g->err; i++) {
        gen_linkage_parties(g, i, &r, &buyer, &supplier, demand);
        if (!demand[0])
            continue;
        gen_ent_key(g, supplier, &sup);
        if (!pair_new(seen, demand, sup.tax))
            continue;
        (void)gen_range(&r, 10, 3000); /* the linkage's value, as linkage_row draws it */
        since = gen_days(2015, 1, 1) + (long)gen_below(&r, 3900);
        snprintf(code, sizeof(code), "LK-%06ld", i + 1);
        match_row(g, demand, sup.tax, "contract", since - 90, since - 80, since - 70, since - 40,
                  code, -1);
    }
}

static void others(struct gen *g, struct pair_set *seen)
{
    static const char *const stages[] = {"proposed", "interest", "accepted",
                                         "declined", "meeting",  "closed"};
    struct gen_demand_key dk;
    struct gen_ent_key sup;
    struct gen_rng r;
    long i, k, n;

    for (i = 0; i < g->sc->demands && !g->err; i++) {
        gen_rng_seed(&r, g->seed, GEN_S_MATCH, (uint64_t)i);
        if (!gen_pct(&r, 33))
            continue;
        gen_demand_key(g, i, &dk);
        n = gen_range(&r, 1, 3);
        for (k = 0; k < n && !g->err; k++) {
            long proposed = gen_today() - gen_range(&r, 20, 300);
            int st = (int)gen_below(&r, 6);
            const char *stage = stages[st];
            long supplier = gen_pick_supplier(g, &r);
            gen_ent_key(g, supplier, &sup);
            if (supplier == dk.buyer || !pair_new(seen, dk.code, sup.tax))
                continue;
            match_row(g, dk.code, sup.tax, stage, proposed, st >= 1 ? proposed + 5 : -1,
                      st >= 2 && st <= 4 ? proposed + 12 : -1, st == 4 ? proposed + 19 : -1, "",
                      st == 5 ? proposed + 15 : -1);
        }
    }
}

enum khu_err gen_matches(struct gen *g)
{
    struct pair_set seen = {NULL, 1024};

    while (seen.cap < (size_t)(g->sc->linkages + 3 * g->sc->demands) * 2)
        seen.cap *= 2;
    seen.slot = xcalloc(seen.cap, sizeof(*seen.slot));
    if (!seen.slot) {
        g->err = KHU_ENOMEM;
        snprintf(g->errmsg, sizeof(g->errmsg), "out of memory for the matches");
        return g->err;
    }
    contracts(g, &seen);
    others(g, &seen);
    xfree(seen.slot);
    return g->err;
}
