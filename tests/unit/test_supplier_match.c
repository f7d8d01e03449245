/* SPDX-License-Identifier: MIT */
/*
 * Supplier matching: an example worked out by hand, with its reasons in
 * three languages, and properties checked over generated suppliers and
 * demands: a better fact never lowers a score, the ranking does not depend
 * on row order, a zero weight removes its criterion, an excluded supplier
 * never ranks above an included one, a supplier fits only when every
 * stated requirement is met on a known fact, and the contributions add up
 * to the score.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"
#include "core/supplier_match.h"
#include "core/supplier_text.h"
#include "rng.h"
#include "test.h"

static int32_t day(const char *iso)
{
    int32_t d = MATCH_NO_DAY;

    parse_date(iso, &d);
    return d;
}

static const char *const processes2[] = {"cnc-machining", "anodizing"};
static const char *const iatf[] = {"iatf16949"};

static void example_demand(struct supplier_demand *d)
{
    memset(d, 0, sizeof(*d));
    d->processes = processes2;
    d->nprocesses = 2;
    d->standards = iatf;
    d->nstandards = 1;
    d->needed_by = day("2027-03-01");
    d->vsic = "2592";
    d->annual_volume = (struct match_value){1, 120000};
    d->max_km = (struct match_value){1, 50};
    d->has_place = 1;
    supplier_default_weights(d);
}

static const struct supplier_capability caps_full[] = {{"cnc-machining", LEVEL_AUDITED},
                                                       {"anodizing", LEVEL_IN_VOLUME}};
static const struct supplier_capability caps_cnc[] = {{"cnc-machining", LEVEL_AUDITED}};

static struct supplier_facts example_supplier(const char *tax, const struct supplier_cert *certs)
{
    struct supplier_facts s = {tax, caps_full, 2,           1,       certs, 1,
                               1,   "2592",    {1, 180000}, {1, 20}, {1, 3}};
    return s;
}

static const struct supplier_result *result_of(const struct supplier_result *r, size_t n,
                                               const char *tax)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!strcmp(r[i].supplier->tax_code, tax))
            return &r[i];
    return NULL;
}

/* Five suppliers for one demand, scored by hand. */
static void test_example(void)
{
    struct supplier_cert valid = {"iatf16949", day("2024-01-10"), day("2028-01-09")};
    struct supplier_cert expired = {"iatf16949", day("2023-12-01"), day("2026-12-31")};
    struct supplier_facts s[5];
    struct supplier_result r[5];
    const struct supplier_result *x;
    struct supplier_demand d;
    char text[300];

    example_demand(&d);
    s[0] = example_supplier("0300000001", &valid);
    s[1] = example_supplier("0300000002", &expired);
    s[2] = example_supplier("0300000003", NULL); /* says nothing of certificates */
    s[2].ncerts = 0;
    s[2].certs_known = 0;
    s[3] = example_supplier("0300000004", &valid);
    s[3].km.v = 70; /* beyond the 50 km asked */
    s[4] = example_supplier("0300000005", &valid);
    s[4].caps = caps_cnc; /* no anodizing */
    s[4].ncaps = 1;
    supplier_rank(&d, s, 5, r);

    /* capability (1 + 2/3) / 2, certificate 1, sector 1, capacity 0.75 +
     * 0.25 x 0.5, distance 1 - 20/100, experience 3/5; weights 3 2 1 2 1 1 */
    x = result_of(r, 5, "0300000001");
    CHECK(x && x->group == SUPPLIER_FITS);
    CHECK(x && fabs(x->score - 10 * (3 * 5.0 / 6 + 2 + 1 + 2 * 0.875 + 0.8 + 0.6)) < 1e-9);
    CHECK(x && fabs(x->contribution[SCRIT_CAPACITY] - 17.5) < 1e-9);
    CHECK_EQ_STR(r[0].supplier->tax_code, "0300000001");

    /* no certificate known: may fit, unverified, scored neutral there */
    x = result_of(r, 5, "0300000003");
    CHECK(x && x->group == SUPPLIER_UNVERIFIED && x->check[SCRIT_CERTIFICATION] == SCHECK_UNKNOWN);
    CHECK(x && fabs(x->contribution[SCRIT_CERTIFICATION] - 10) < 1e-9);
    CHECK_EQ_STR(r[1].supplier->tax_code, "0300000003");
    CHECK_EQ_STR(supplier_reason_text(&x->reasons[0], SITE_EN, text, sizeof(text)),
                 "its certificates unknown, so not verified: ask the supplier which certificates "
                 "it holds, valid until when");

    /* the certificate ends before the day it is needed */
    x = result_of(r, 5, "0300000002");
    CHECK(x && x->group == SUPPLIER_EXCLUDED && x->nreasons >= 1);
    CHECK(x && x->reasons[0].kind == SREASON_CERT_EXPIRED);
    CHECK_EQ_STR(supplier_reason_text(&x->reasons[0], SITE_EN, text, sizeof(text)),
                 "needs IATF 16949 valid on 01/03/2027; the one held expires on 31/12/2026");
    CHECK_EQ_STR(supplier_reason_text(&x->reasons[0], SITE_VI, text, sizeof(text)),
                 "cần IATF 16949 còn hiệu lực ngày 01/03/2027; chứng nhận đang có hết hạn ngày "
                 "31/12/2026");
    CHECK_EQ_STR(supplier_reason_text(&x->reasons[0], SITE_KO, text, sizeof(text)),
                 "2027. 03. 01.에 유효한 IATF 16949 필요, 보유 인증은 2026. 12. 31. 만료");

    x = result_of(r, 5, "0300000004");
    CHECK(x && x->group == SUPPLIER_EXCLUDED && x->reasons[0].kind == SREASON_TOO_FAR);
    CHECK_EQ_STR(supplier_reason_text(&x->reasons[0], SITE_VI, text, sizeof(text)),
                 "cách bên mua 70 km, xa hơn mức tối đa 50 km");

    x = result_of(r, 5, "0300000005");
    CHECK(x && x->group == SUPPLIER_EXCLUDED && x->reasons[0].kind == SREASON_PROCESS_MISSING);
    CHECK_EQ_STR(supplier_reason_text(&x->reasons[0], SITE_EN, text, sizeof(text)),
                 "its profile does not list the process anodizing");
    /* the excluded come last */
    CHECK(r[2].group == SUPPLIER_EXCLUDED && r[3].group == SUPPLIER_EXCLUDED &&
          r[4].group == SUPPLIER_EXCLUDED);
}

/* Certificates: none of the standard, one not yet valid, one without an
 * end, two of which one is valid. */
static void test_certificates(void)
{
    struct supplier_cert later = {"iatf16949", day("2027-06-01"), day("2030-05-31")};
    struct supplier_cert undated = {"iatf16949", MATCH_NO_DAY, MATCH_NO_DAY};
    struct supplier_cert two[] = {{"iatf16949", day("2020-01-01"), day("2023-01-01")},
                                  {"iatf16949", day("2026-01-01"), day("2029-01-01")}};
    struct supplier_cert other = {"iso9001", day("2020-01-01"), day("2030-01-01")};
    struct supplier_demand d;
    struct supplier_facts s;
    struct supplier_result r;
    char text[300];

    example_demand(&d);
    s = example_supplier("0300000010", &later);
    supplier_score(&d, &s, &r);
    CHECK(r.group == SUPPLIER_EXCLUDED && r.reasons[0].kind == SREASON_CERT_NOT_YET);
    CHECK_EQ_STR(supplier_reason_text(&r.reasons[0], SITE_EN, text, sizeof(text)),
                 "needs IATF 16949 valid on 01/03/2027; the one held is valid only from "
                 "01/06/2027");
    s = example_supplier("0300000011", &undated);
    supplier_score(&d, &s, &r);
    CHECK(r.group == SUPPLIER_UNVERIFIED && r.reasons[0].kind == SREASON_CERT_UNDATED);
    CHECK_EQ_STR(supplier_reason_text(&r.reasons[0], SITE_KO, text, sizeof(text)),
                 "IATF 16949 보유, 유효기간 미상: 공급 기업에 문의");
    s = example_supplier("0300000012", two);
    s.ncerts = 2;
    supplier_score(&d, &s, &r);
    CHECK(r.group == SUPPLIER_FITS && r.check[SCRIT_CERTIFICATION] == SCHECK_MET);
    s = example_supplier("0300000013", &other);
    supplier_score(&d, &s, &r);
    CHECK(r.group == SUPPLIER_EXCLUDED && r.reasons[0].kind == SREASON_CERT_MISSING);
    CHECK_EQ_STR(supplier_reason_text(&r.reasons[0], SITE_EN, text, sizeof(text)),
                 "needs IATF 16949 valid on 01/03/2027; none held");
    CHECK_EQ_STR(supplier_standard_label("iso9001", text, sizeof(text)), "ISO 9001");
    CHECK_EQ_STR(supplier_standard_label("as9100d", text, sizeof(text)), "as9100d");
    CHECK_EQ_STR(supplier_standard_label("haccp", text, sizeof(text)), "HACCP");
}

/* A demand that states little counts little: no processes, standards,
 * sector, volume or place leave experience alone. */
static void test_counted(void)
{
    struct supplier_demand d;
    struct supplier_facts s = example_supplier("0300000020", NULL);
    struct supplier_result r;
    int c;

    memset(&d, 0, sizeof(d));
    d.needed_by = day("2026-11-25");
    supplier_default_weights(&d);
    s.ncerts = 0;
    supplier_score(&d, &s, &r);
    for (c = 0; c < SCRIT_COUNT; c++)
        CHECK_EQ_INT(r.counted[c], c == SCRIT_EXPERIENCE);
    CHECK(r.group == SUPPLIER_FITS && fabs(r.score - 60) < 1e-9);
    for (c = 0; c < SUPPLIER_GROUPS; c++)
        CHECK(strlen(supplier_group_name((enum supplier_group)c)) > 0);
    CHECK_EQ_INT(supplier_level_of("in_volume"), LEVEL_IN_VOLUME);
    CHECK_EQ_INT(supplier_level_of("expert"), LEVEL_NONE);
    CHECK_EQ_STR(supplier_level_name(LEVEL_AUDITED), "audited");
}

/* ===== properties over generated data ===== */

static const char *const process_pool[] = {"cnc-machining", "injection-molding", "smt-assembly",
                                           "stamping",      "anodizing",         "welding"};
static const char *const standard_pool[] = {"iso9001", "iatf16949", "iso14001", "iso45001"};
static const char *const vsic_pool[] = {"2592", "2599", "2220", "2610", "2930", "2740"};

#define NSUP 60
#define MAXC 6

struct gen_supplier {
    struct supplier_facts f;
    struct supplier_capability caps[MAXC];
    struct supplier_cert certs[MAXC];
    char tax[16];
};

static struct match_value maybe(double lo, double hi)
{
    struct match_value v = {next() % 5 != 0, uniform(lo, hi)};
    return v;
}

static void random_supplier(struct gen_supplier *g, int i)
{
    size_t k;

    memset(g, 0, sizeof(*g));
    snprintf(g->tax, sizeof(g->tax), "03%08d", i);
    g->f.tax_code = g->tax;
    g->f.caps_known = next() % 6 != 0;
    g->f.ncaps = g->f.caps_known ? next() % MAXC : 0;
    for (k = 0; k < g->f.ncaps; k++)
        g->caps[k] = (struct supplier_capability){process_pool[next() % 6],
                                                  (enum supplier_level)(1 + next() % 3)};
    g->f.caps = g->caps;
    g->f.certs_known = next() % 6 != 0;
    g->f.ncerts = g->f.certs_known ? next() % 4 : 0;
    for (k = 0; k < g->f.ncerts; k++) {
        int32_t from = day("2022-01-01") + (int32_t)(next() % 2000);
        g->certs[k] =
            (struct supplier_cert){standard_pool[next() % 4], next() % 7 ? from : MATCH_NO_DAY,
                                   next() % 7 ? from + 365 * 3 : MATCH_NO_DAY};
    }
    g->f.certs = g->certs;
    g->f.vsic = next() % 5 ? vsic_pool[next() % 6] : NULL;
    g->f.annual_capacity = maybe(0, 500000);
    g->f.km = maybe(0, 150);
    g->f.experience = maybe(0, 10);
    g->f.experience.v = floor(g->f.experience.v);
}

static const char *demand_processes[3];
static const char *demand_standards[2];

static void random_demand(struct supplier_demand *d)
{
    int c;

    memset(d, 0, sizeof(*d));
    d->nprocesses = next() % 3;
    for (size_t k = 0; k < d->nprocesses; k++)
        demand_processes[k] = process_pool[next() % 6];
    d->processes = demand_processes;
    d->nstandards = next() % 3;
    for (size_t k = 0; k < d->nstandards; k++)
        demand_standards[k] = standard_pool[next() % 4];
    d->standards = demand_standards;
    d->needed_by = day("2025-01-01") + (int32_t)(next() % 1500);
    d->vsic = next() % 3 ? vsic_pool[next() % 6] : NULL;
    d->annual_volume = (struct match_value){next() % 3 != 0, uniform(1000, 300000)};
    d->max_km = (struct match_value){next() % 3 == 0, uniform(10, 100)};
    d->has_place = next() % 4 != 0;
    for (c = 0; c < SCRIT_COUNT; c++)
        d->weight[c] = next() % 4 ? uniform(0.1, 5) : 0;
}

/* Makes fact c of s better, if it can be. */
static void improve(struct gen_supplier *g, const struct supplier_demand *d, int c)
{
    size_t k;

    switch (c) {
    case SCRIT_CAPABILITY:
        if (g->f.caps_known && g->f.ncaps < MAXC && d->nprocesses) {
            g->caps[g->f.ncaps++] = (struct supplier_capability){d->processes[0], LEVEL_CAN_DO};
        } else if (g->f.ncaps && g->caps[0].level < LEVEL_AUDITED) {
            g->caps[0].level++;
        }
        break;
    case SCRIT_CERTIFICATION:
        for (k = 0; k < g->f.ncerts; k++)
            if (g->certs[k].valid_to != MATCH_NO_DAY)
                g->certs[k].valid_to += 400;
        break;
    case SCRIT_SECTOR:
        if (g->f.vsic && d->vsic)
            g->f.vsic = d->vsic;
        break;
    case SCRIT_CAPACITY:
        g->f.annual_capacity.v *= 1.5;
        break;
    case SCRIT_DISTANCE:
        g->f.km.v *= 0.6;
        break;
    default:
        g->f.experience.v += 1;
        break;
    }
}

static void test_monotone(void)
{
    int round, c, bad = 0, better = 0;

    for (round = 0; round < 3000; round++) {
        struct supplier_demand d;
        struct gen_supplier g;
        struct supplier_result before, after;
        random_demand(&d);
        random_supplier(&g, round);
        c = (int)(next() % SCRIT_COUNT);
        supplier_score(&d, &g.f, &before);
        improve(&g, &d, c);
        supplier_score(&d, &g.f, &after);
        if (after.score < before.score - 1e-9 || after.group > before.group)
            bad++;
        better += after.score > before.score + 1e-9;
    }
    CHECK_EQ_INT(bad, 0);
    CHECK(better > 500); /* the improvements do move scores: the property is not empty */
}

static void test_order_independent(void)
{
    static struct gen_supplier g[NSUP];
    static struct supplier_facts a[NSUP], b[NSUP];
    static struct supplier_result ra[NSUP], rb[NSUP];
    int round, i, bad = 0;

    for (round = 0; round < 40; round++) {
        struct supplier_demand d;
        random_demand(&d);
        for (i = 0; i < NSUP; i++) {
            random_supplier(&g[i], i);
            a[i] = g[i].f;
        }
        memcpy(b, a, sizeof(a));
        for (i = NSUP - 1; i > 0; i--) { /* shuffled */
            int j = (int)(next() % (uint64_t)(i + 1));
            struct supplier_facts t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
        supplier_rank(&d, a, NSUP, ra);
        supplier_rank(&d, b, NSUP, rb);
        for (i = 0; i < NSUP; i++)
            bad += strcmp(ra[i].supplier->tax_code, rb[i].supplier->tax_code) != 0;
        /* the groups come in order: none excluded above one included */
        for (i = 1; i < NSUP; i++)
            bad += ra[i].group < ra[i - 1].group;
    }
    CHECK_EQ_INT(bad, 0);
}

static void test_zero_weight_removes(void)
{
    int round, bad = 0;

    for (round = 0; round < 2000; round++) {
        struct supplier_demand d;
        struct gen_supplier g;
        struct supplier_result before, after;
        int c = (int)(next() % SCRIT_COUNT);
        random_demand(&d);
        d.weight[c] = 0;
        random_supplier(&g, round);
        supplier_score(&d, &g.f, &before);
        improve(&g, &d, c);
        supplier_score(&d, &g.f, &after);
        bad += before.contribution[c] != 0 || after.contribution[c] != 0;
        bad += fabs(after.score - before.score) > 1e-9;
    }
    CHECK_EQ_INT(bad, 0);
}

/* Fits only when every stated requirement is met on known facts; excluded
 * exactly when one is broken; contributions add up to the score. */
static void test_groups(void)
{
    int round, c, bad = 0;

    for (round = 0; round < 3000; round++) {
        struct supplier_demand d;
        struct gen_supplier g;
        struct supplier_result r;
        double sum = 0;
        int broken = 0, unknown = 0;
        random_demand(&d);
        random_supplier(&g, round);
        supplier_score(&d, &g.f, &r);
        for (c = 0; c < SCRIT_COUNT; c++) {
            broken |= r.check[c] == SCHECK_NOT_MET;
            unknown |= r.check[c] == SCHECK_UNKNOWN;
            sum += r.contribution[c];
        }
        bad += (r.group == SUPPLIER_EXCLUDED) != broken;
        bad += r.group == SUPPLIER_FITS && unknown;
        bad += r.score < 0 || r.score > 100 + 1e-9 || fabs(sum - r.score) > 1e-9;
        for (c = 0; c < r.nreasons; c++) {
            char text[300];
            bad += supplier_reason_text(&r.reasons[c], (enum site_lang)(c % 3), text,
                                        sizeof(text))[0] == '\0';
        }
    }
    CHECK_EQ_INT(bad, 0);
}

/* The bits of names: each one's index in pool. */
static uint64_t bits_of(const char *const *pool, size_t npool, const char *const *names, size_t n)
{
    uint64_t bits = 0;
    size_t i, k;

    for (i = 0; i < n; i++)
        for (k = 0; k < npool; k++)
            if (!strcmp(names[i], pool[k]))
                bits |= 1ull << k;
    return bits;
}

/* A page (pre-filtered when the excluded group is not asked) lists what
 * the full ranking lists at those ranks, with the same counts. */
static void test_page_matches_full_ranking(void)
{
    static struct gen_supplier g[NSUP];
    static struct supplier_facts f[NSUP];
    static struct supplier_result full[NSUP], page[3 * NSUP];
    static struct rank_key scratch[3 * NSUP];
    int round, i, bad = 0, filtered = 0;

    for (round = 0; round < 200; round++) {
        struct supplier_demand d;
        struct supplier_page pg;
        size_t count[SUPPLIER_GROUPS], want[SUPPLIER_GROUPS] = {0}, n, at = 0;
        random_demand(&d);
        for (i = 0; i < NSUP; i++) {
            random_supplier(&g[i], i);
            f[i] = g[i].f;
            for (size_t k = 0; k < f[i].ncaps; k++)
                f[i].process_bits |= bits_of(process_pool, 6, &g[i].caps[k].process, 1);
            for (size_t k = 0; k < f[i].ncerts; k++)
                f[i].standard_bits |= bits_of(standard_pool, 4, &g[i].certs[k].standard, 1);
        }
        d.process_bits = round % 2 ? bits_of(process_pool, 6, d.processes, d.nprocesses) : 0;
        d.standard_bits = round % 3 ? bits_of(standard_pool, 4, d.standards, d.nstandards) : 0;
        pg.offset = next() % 8;
        pg.limit = 1 + next() % 12;
        pg.groups = 1u + (unsigned)(next() % 7);
        supplier_rank(&d, f, NSUP, full);
        n = supplier_rank_page(&d, f, NSUP, &pg, scratch, page, count);
        for (i = 0; i < NSUP; i++)
            want[full[i].group]++;
        for (int grp = 0; grp < SUPPLIER_GROUPS; grp++) {
            size_t first = 0, k;
            bad += count[grp] != want[grp];
            if (!((pg.groups >> grp) & 1u))
                continue;
            while (first < NSUP && (int)full[first].group != grp)
                first++;
            for (k = pg.offset; k < pg.offset + pg.limit && k < want[grp]; k++, at++)
                bad +=
                    at >= n ||
                    strcmp(page[at].supplier->tax_code, full[first + k].supplier->tax_code) != 0 ||
                    page[at].score != full[first + k].score;
        }
        bad += at != n;
        filtered += (d.process_bits || d.standard_bits) && !((pg.groups >> SUPPLIER_EXCLUDED) & 1u);
    }
    CHECK_EQ_INT(bad, 0);
    CHECK(filtered > 20); /* the pre-filter was exercised */
}

static void test_km(void)
{
    /* Tan An (Long An) to Ho Chi Minh City: about 45 km as the crow flies */
    double km = supplier_km(10.5359, 106.4137, 10.7769, 106.7009);

    CHECK(km > 38 && km < 46);
    CHECK(supplier_km(10.5, 106.4, 10.5, 106.4) == 0);
    CHECK(fabs(supplier_km(0, 0, 0, 1) - 111.19) < 0.1);
}

int main(void)
{
    test_example();
    test_certificates();
    test_counted();
    test_monotone();
    test_order_independent();
    test_zero_weight_removes();
    test_groups();
    test_page_matches_full_ranking();
    test_km();
    return test_report("test_supplier_match");
}
