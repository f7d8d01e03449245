/* SPDX-License-Identifier: MIT */
/*
 * The supplier profiles of `khu gen`: the linkage desk's cells of
 * enterprises.csv (equipment, monthly capacity, customers, languages, who
 * verified the profile and when), capabilities.csv (each process a
 * supplier lists, at a level), certifications.csv (each certificate with
 * its number, issuer and validity) and supplier_contacts.csv. A profile is
 * drawn from the enterprise's own profile stream (seed, GEN_S_PROFILE,
 * index), in one fixed order, so the four files agree on every supplier
 * without any of them being held in memory. Only suppliers have profiles.
 */
#include <stdio.h>
#include <string.h>

#include "gen/gen_int.h"
#include "gen/gen_keys.h"
#include "gen/gen_words.h"

#define MAX_TOKENS 16

/* One supplier's profile, as drawn. */
struct profile {
    int detailed;          /* 1: capabilities.csv lists its processes with levels */
    int level[MAX_TOKENS]; /* per capability token: 0 can_do, 1 in_volume, 2 audited */
    long cert_from[MAX_TOKENS], cert_to[MAX_TOKENS]; /* days; cert_to -1: not stated */
    long cert_no[MAX_TOKENS];
    long issuer;        /* place-name combo of the certification body */
    long machines;      /* 0: equipment not stated */
    long capacity;      /* a month's output; 0: not stated */
    int unit;           /* index into units[] */
    unsigned languages; /* bits of langs[] */
    long verified_on;   /* days; -1: not verified */
    long customers[2];  /* FDI enterprises supplied; -1: none */
};

static const char *const units[] = {"pieces", "sets", "kg"};
static const char *const langs[] = {"vi", "en", "ko", "ja", "zh"};
static const char *const levels[] = {"can_do", "in_volume", "audited"};

void gen_ent_tokens(const struct gen *g, long i, struct gen_ent_key *e, struct gen_ent_tokens *t)
{
    gen_ent_key(g, i, e);
    t->korean_products = e->own == GEN_FDI && e->country >= 0 &&
                         strcmp(gen_countries[e->country].iso, "KR") == 0 && gen_pct(&e->rng, 40);
    gen_pick_caps(&e->rng, e->ind, t->caps, sizeof(t->caps));
    gen_pick_certs(&e->rng, e->ind, t->certs, sizeof(t->certs));
}

/* Calls fn for each space-separated token of list with its index. */
static void each_token(const char *list, void (*fn)(void *, int, const char *, size_t), void *arg)
{
    int k = 0;

    while (*list && k < MAX_TOKENS) {
        size_t n = strcspn(list, " ");
        if (n)
            fn(arg, k++, list, n);
        list += n;
        while (*list == ' ')
            list++;
    }
}

static void draw_profile(const struct gen *g, long j, struct profile *p)
{
    struct gen_rng r;
    int k;

    memset(p, 0, sizeof(*p));
    gen_rng_seed(&r, g->seed, GEN_S_PROFILE, (uint64_t)j);
    p->detailed = gen_pct(&r, 90);
    for (k = 0; k < MAX_TOKENS; k++) {
        long x = (long)gen_below(&r, 100);
        p->level[k] = x < 45 ? 0 : x < 85 ? 1 : 2;
    }
    for (k = 0; k < MAX_TOKENS; k++) {
        /* three-year certificates issued over the last four years: some
         * have lapsed by the generator's today */
        p->cert_from[k] = gen_today() - (long)gen_below(&r, 1460);
        p->cert_to[k] = gen_pct(&r, 8) ? -1 : p->cert_from[k] + 3 * 365 - 1;
        p->cert_no[k] = gen_range(&r, 100000, 999999);
    }
    p->issuer = (long)gen_below(&r, (uint64_t)gen_ncombos());
    p->machines = gen_pct(&r, 80) ? gen_range(&r, 3, 120) : 0;
    if (gen_pct(&r, 80)) {
        double u = gen_unit(&r);
        p->capacity = 2000 + (long)(400000 * u * u * u);
        k = (int)gen_below(&r, 10);
        p->unit = k < 8 ? 0 : k < 9 ? 1 : 2;
    }
    p->languages = 1u | (gen_pct(&r, 55) ? 2u : 0) | (gen_pct(&r, 15) ? 4u : 0) |
                   (gen_pct(&r, 10) ? 8u : 0) | (gen_pct(&r, 10) ? 16u : 0);
    p->verified_on = gen_pct(&r, 40) ? gen_today() - (long)gen_below(&r, 700) : -1;
    p->customers[0] = p->customers[1] = -1;
    for (k = 0; k < 2 && gen_pct(&r, 60); k++) {
        long c = gen_pick_fdi(g, &r);
        if (c != j)
            p->customers[k] = c;
    }
}

/* ===== enterprises.csv ===== */

void gen_ent_profile_cells(struct gen *g, long j, const struct gen_ent_key *e,
                           const struct gen_ent_tokens *t)
{
    struct profile p;
    char list[256] = "", name[96];
    size_t k;

    if (!e->supplier) {
        for (const char *const *c =
                 (const char *const[]){"equipment", "capacity_month", "capacity_unit", "customers",
                                       "languages", "verified_on", "verified_by", NULL};
             *c; c++)
            gen_empty(g, *c);
        return;
    }
    draw_profile(g, j, &p);
    for (k = 0; t->caps[k] && k + 1 < sizeof(list); k++)
        list[k] = t->caps[k] == ' ' ? ',' : t->caps[k] == '-' ? ' ' : t->caps[k];
    list[k] = '\0';
    if (p.machines)
        gen_textf(g, "equipment", "%ld machines (%s)", p.machines, list);
    else
        gen_empty(g, "equipment");
    if (p.capacity) {
        gen_int(g, "capacity_month", p.capacity);
        gen_text(g, "capacity_unit", units[p.unit]);
    } else {
        gen_empty(g, "capacity_month");
        gen_empty(g, "capacity_unit");
    }
    list[0] = '\0';
    for (k = 0; k < 2; k++) {
        struct gen_ent_key c;
        if (p.customers[k] < 0)
            continue;
        gen_ent_key(g, p.customers[k], &c);
        gen_ent_short(&c, name, sizeof(name));
        snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", list[0] ? "; " : "",
                 name);
    }
    gen_text(g, "customers", list);
    list[0] = '\0';
    for (k = 0; k < sizeof(langs) / sizeof(langs[0]); k++)
        if (p.languages & (1u << k))
            snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", list[0] ? " " : "",
                     langs[k]);
    gen_text(g, "languages", list);
    if (p.verified_on >= 0) {
        gen_date(g, "verified_on", p.verified_on);
        gen_text(g, "verified_by", "synthetic-officer");
    } else {
        gen_empty(g, "verified_on");
        gen_empty(g, "verified_by");
    }
}

/* ===== capabilities.csv, certifications.csv, supplier_contacts.csv ===== */

struct row_ctx {
    struct gen *g;
    const struct gen_ent_key *e;
    const struct profile *p;
};

static void capability_row(void *arg, int k, const char *token, size_t n)
{
    struct row_ctx *c = arg;

    gen_text(c->g, "tax_code", c->e->tax);
    gen_textf(c->g, "process", "%.*s", (int)n, token);
    gen_text(c->g, "level", levels[c->p->level[k]]);
    gen_empty(c->g, "note");
    gen_text(c->g, "source", c->g->source);
    gen_end_row(c->g);
}

static void certification_row(void *arg, int k, const char *token, size_t n)
{
    struct row_ctx *c = arg;
    char issuer[64], upper[24];
    size_t i;

    for (i = 0; i < n && i + 1 < sizeof(upper); i++)
        upper[i] = token[i] >= 'a' && token[i] <= 'z' ? (char)(token[i] - 'a' + 'A') : token[i];
    upper[i] = '\0';
    gen_place(c->p->issuer, GEN_ASCII, issuer, sizeof(issuer));
    gen_text(c->g, "tax_code", c->e->tax);
    gen_textf(c->g, "standard", "%.*s", (int)n, token);
    gen_textf(c->g, "number", "%s-%ld", upper, c->p->cert_no[k]);
    gen_textf(c->g, "issuer", "%s Certification (synthetic)", issuer);
    gen_date(c->g, "valid_from", c->p->cert_from[k]);
    if (c->p->cert_to[k] >= 0)
        gen_date(c->g, "valid_to", c->p->cert_to[k]);
    else
        gen_empty(c->g, "valid_to");
    gen_empty(c->g, "evidence");
    gen_text(c->g, "source", c->g->source);
    gen_end_row(c->g);
}

/* Writes the rows fn makes for every supplier, from its tokens (certs 0:
 * capabilities, 1: certifications). */
static enum khu_err each_supplier(struct gen *g, int certs,
                                  void (*fn)(void *, int, const char *, size_t))
{
    struct gen_ent_key e;
    struct gen_ent_tokens t;
    struct profile p;
    long j;

    for (j = 0; j < g->sc->enterprises && !g->err; j++) {
        struct row_ctx c = {g, &e, &p};
        gen_ent_tokens(g, j, &e, &t);
        if (!e.supplier)
            continue;
        draw_profile(g, j, &p);
        if (!certs && !p.detailed)
            continue; /* listed in enterprises.csv only: levels not stated */
        each_token(certs ? t.certs : t.caps, fn, &c);
    }
    return g->err;
}

enum khu_err gen_capabilities(struct gen *g)
{
    return each_supplier(g, 0, capability_row);
}

enum khu_err gen_certifications_table(struct gen *g)
{
    return each_supplier(g, 1, certification_row);
}

enum khu_err gen_supplier_contacts(struct gen *g)
{
    struct gen_ent_key e;
    struct gen_rng r;
    long j;

    for (j = 0; j < g->sc->enterprises && !g->err; j++) {
        gen_ent_key(g, j, &e);
        if (!e.supplier)
            continue;
        gen_rng_seed(&r, g->seed, GEN_S_PROFILE, (uint64_t)j ^ 0x5a5a5a5aULL);
        gen_text(g, "tax_code", e.tax);
        gen_textf(g, "name", "Sales desk %ld (synthetic)", j + 1);
        gen_textf(g, "email", "sales-%s@supplier.example", e.tax);
        gen_textf(g, "phone", "+84 272 %03ld %04ld", gen_range(&r, 100, 999),
                  gen_range(&r, 0, 9999));
        gen_end_row(g);
    }
    return g->err;
}
