/* SPDX-License-Identifier: MIT */
/*
 * Keys and shared attributes of generated entities (see gen_keys.h): unit
 * codes and names, zone codes built from unique place names, tax codes from
 * a bijection of the row index, and the links between projects, dossiers,
 * demands and enterprises. Everything is a pure function of (seed, index).
 */
#include "gen/gen_keys.h"

#include <math.h>
#include <string.h>

#include "gen/gen_words.h"

const char *const gen_zone_kinds[] = {"kcn", "ccn", "hitech", "logistics", "economic", "port"};
const char *const gen_zone_statuses[] = {"planned", "approved", "building", "operating",
                                         "cancelled"};
const char *const gen_procedures[] = {"policy_approval", "irc_issue",  "irc_adjust",
                                      "land_lease",      "env_permit", "construction_permit"};
const int gen_procedure_days[] = {35, 15, 10, 30, 45, 20};
const char *const gen_dossier_statuses[] = {"received", "consulting", "decided", "returned",
                                            "withdrawn"};

#define TAX_SPACE 100000000L /* eight digits after the province prefix */

long gen_today(void)
{
    return gen_days(2025, 10, 31);
}

long gen_merger_day(void)
{
    return gen_days(2025, 7, 1);
}

int gen_year(long days)
{
    char s[11];

    gen_format_date(days, s);
    return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

static long gcd(long a, long b)
{
    while (b) {
        long t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* Returns the first m >= start that is coprime with n, so that
 * i -> i * m mod n is a bijection. */
static long coprime_from(long start, long n)
{
    long m = start;

    while (gcd(m, n) != 1)
        m++;
    return m;
}

double gen_km(double lat1, double lon1, double lat2, double lon2)
{
    /* Equirectangular distance with a polynomial cosine (|x| < 0.5 rad in
     * Vietnam), times 1.25 for roads: deterministic without libm. */
    double x = (lat1 + lat2) * 0.5 * 0.017453292519943295;
    double c = 1 - x * x / 2 + x * x * x * x / 24;
    double dx = (lon2 - lon1) * 111.32 * c;
    double dy = (lat2 - lat1) * 110.57;

    return sqrt(dx * dx + dy * dy) * 1.25;
}

/* ===== Place names ===== */

long gen_ncombos(void)
{
    return (long)(gen_nsyllables * (gen_nsyllables - 1));
}

static void combo_parts(long combo, long *a, long *b)
{
    long s1 = (long)gen_nsyllables - 1;

    *a = combo / s1;
    *b = combo % s1;
    if (*b >= *a)
        (*b)++;
}

static void lower_ascii(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

void gen_place(long combo, enum gen_script script, char *out, size_t n)
{
    const struct gen_syllable *x, *y;
    long a, b;

    combo_parts(combo, &a, &b);
    x = &gen_syllables[a];
    y = &gen_syllables[b];
    switch (script) {
    case GEN_VI:
        snprintf(out, n, "%s %s", x->vi, y->vi);
        break;
    case GEN_ASCII:
        snprintf(out, n, "%s %s", x->ascii, y->ascii);
        break;
    case GEN_KO:
        snprintf(out, n, "%s%s", x->ko, y->ko);
        break;
    case GEN_SLUG:
        snprintf(out, n, "%s-%s", x->ascii, y->ascii);
        lower_ascii(out);
        break;
    }
}

/* ===== Administrative units ===== */

long gen_nprovinces_of(const struct gen *g)
{
    long p = g->sc->provinces;

    return p > (long)gen_nprovinces ? (long)gen_nprovinces : p;
}

long gen_ndistricts_of(const struct gen *g)
{
    return g->sc->districts < gen_nprovinces_of(g) ? gen_nprovinces_of(g) : g->sc->districts;
}

long gen_ncommunes_of(const struct gen *g)
{
    return g->sc->communes < gen_ndistricts_of(g) ? gen_ndistricts_of(g) : g->sc->communes;
}

static int is_long_an_only(const struct gen *g)
{
    return gen_nprovinces_of(g) == 1 && gen_ndistricts_of(g) <= (long)gen_nlongan_districts;
}

static const struct gen_province *province_entry(const struct gen *g, long i)
{
    long p = gen_nprovinces_of(g);

    if (p == 1)
        return &gen_provinces[gen_long_an];
    return &gen_provinces[i * (long)gen_nprovinces / p];
}

static long district_province(const struct gen *g, long d)
{
    return d * gen_nprovinces_of(g) / gen_ndistricts_of(g);
}

static long commune_district(const struct gen *g, long c)
{
    return c * gen_ndistricts_of(g) / gen_ncommunes_of(g);
}

long gen_district_first_commune(const struct gen *g, long d)
{
    long dn = gen_ndistricts_of(g);

    return (d * gen_ncommunes_of(g) + dn - 1) / dn;
}

long gen_district_communes(const struct gen *g, long d)
{
    return gen_district_first_commune(g, d + 1) - gen_district_first_commune(g, d);
}

void gen_province_code(const struct gen *g, long i, char out[GEN_CODE_MAX])
{
    snprintf(out, GEN_CODE_MAX, "%s", province_entry(g, i)->code);
}

void gen_district_code(const struct gen *g, long i, char out[GEN_CODE_MAX])
{
    if (is_long_an_only(g))
        snprintf(out, GEN_CODE_MAX, "%s", gen_longan_districts[i].code);
    else
        snprintf(out, GEN_CODE_MAX, "%03ld", i + 1);
}

void gen_commune_code(const struct gen *g, long i, char out[GEN_CODE_MAX])
{
    snprintf(out, GEN_CODE_MAX, "%05ld", (is_long_an_only(g) ? 27500 : 0) + i + 1);
}

void gen_province_key(const struct gen *g, long i, struct gen_unit_key *u)
{
    static const int founded[][3] = {{1976, 2, 20}, {1989, 6, 30}, {1991, 10, 1},
                                     {1997, 1, 1},  {2004, 1, 1},  {2008, 8, 1}};
    const struct gen_province *p = province_entry(g, i);
    struct gen_rng r;
    long f;

    gen_rng_seed(&r, g->seed, GEN_S_PROVINCE, (uint64_t)i);
    memset(u, 0, sizeof(*u));
    gen_province_code(g, i, u->code);
    if (p->city) {
        snprintf(u->name_vi, sizeof(u->name_vi), "Thành phố %s", p->vi);
        snprintf(u->name_en, sizeof(u->name_en), "%s City", p->ascii);
        snprintf(u->name_ko, sizeof(u->name_ko), "%s시", p->ko);
    } else {
        snprintf(u->name_vi, sizeof(u->name_vi), "Tỉnh %s", p->vi);
        snprintf(u->name_en, sizeof(u->name_en), "%s Province", p->ascii);
        snprintf(u->name_ko, sizeof(u->name_ko), "%s성", p->ko);
    }
    f = p == &gen_provinces[gen_long_an] ? 0 : (long)gen_below(&r, 6);
    u->valid_from = gen_days(founded[f][0], founded[f][1], founded[f][2]);
    u->parent = -1;
    /* Since 2025-07-01 provinces were merged: every second one closes
     * into the one before it. A one-province set stays open. */
    u->valid_to = -1;
    u->replaced_by = -1;
    if (gen_nprovinces_of(g) > 1 && i % 2 == 1) {
        u->valid_to = gen_merger_day() - 1;
        u->replaced_by = i - 1;
    }
    u->lat = p->lat;
    u->lon = p->lon;
}

/* Fills u; names are formatted only when names is 1, since most callers
 * need the code and position only and snprintf dominates the run time. */
static void district_key(const struct gen *g, long i, struct gen_unit_key *u, int names)
{
    const struct gen_district *real = is_long_an_only(g) ? &gen_longan_districts[i] : NULL;
    const struct gen_province *p;
    struct gen_rng r;
    char vi[64], en[64], ko[64];
    long combo, type;

    gen_rng_seed(&r, g->seed, GEN_S_DISTRICT, (uint64_t)i);
    memset(u, 0, sizeof(*u));
    gen_district_code(g, i, u->code);
    u->parent = district_province(g, i);
    u->valid_from = gen_days(1990, 1, 1) + (long)gen_below(&r, 7300);
    u->valid_to = gen_merger_day() - 1; /* the district level was abolished */
    u->replaced_by = -1;
    combo = (long)gen_below(&r, (uint64_t)gen_ncombos());
    type = (long)gen_below(&r, 10);
    /* Around the provincial capital, mostly inland (west of the coast). */
    p = province_entry(g, u->parent);
    u->lat = real ? real->lat : p->lat + (gen_unit(&r) - 0.5) * 0.24;
    u->lon = real ? real->lon : p->lon - 0.2 + gen_unit(&r) * 0.25;
    if (!names)
        return;
    if (real) {
        snprintf(u->name_vi, sizeof(u->name_vi), "%s", real->vi);
        snprintf(u->name_en, sizeof(u->name_en), "%s", real->en);
        snprintf(u->name_ko, sizeof(u->name_ko), "%s", real->ko);
        return;
    }
    gen_place(combo, GEN_VI, vi, sizeof(vi));
    gen_place(combo, GEN_ASCII, en, sizeof(en));
    gen_place(combo, GEN_KO, ko, sizeof(ko));
    if (type == 0) {
        snprintf(u->name_vi, sizeof(u->name_vi), "Thị xã %s", vi);
        snprintf(u->name_en, sizeof(u->name_en), "%s Town", en);
        snprintf(u->name_ko, sizeof(u->name_ko), "%s시", ko);
    } else {
        snprintf(u->name_vi, sizeof(u->name_vi), "Huyện %s", vi);
        snprintf(u->name_en, sizeof(u->name_en), "%s District", en);
        snprintf(u->name_ko, sizeof(u->name_ko), "%s군", ko);
    }
}

void gen_district_key(const struct gen *g, long i, struct gen_unit_key *u)
{
    district_key(g, i, u, 1);
}

void gen_district_pos(const struct gen *g, long i, double *lat, double *lon)
{
    struct gen_unit_key u;

    district_key(g, i, &u, 0);
    *lat = u.lat;
    *lon = u.lon;
}

static void commune_key(const struct gen *g, long i, struct gen_unit_key *u, int names)
{
    struct gen_unit_key d;
    struct gen_rng r;
    char vi[64], en[64], ko[64];
    long combo, local, type;
    double spread = is_long_an_only(g) ? 0.08 : 0.12;

    gen_rng_seed(&r, g->seed, GEN_S_COMMUNE, (uint64_t)i);
    memset(u, 0, sizeof(*u));
    gen_commune_code(g, i, u->code);
    u->parent = commune_district(g, i);
    district_key(g, u->parent, &d, 0);
    local = i - gen_district_first_commune(g, u->parent);
    u->valid_from = gen_days(1995, 1, 1) + (long)gen_below(&r, 9000);
    u->valid_to = -1;
    u->replaced_by = -1;
    /* One commune in four was merged into its neighbour in 2025. */
    if (local % 4 == 3) {
        u->valid_to = gen_merger_day() - 1;
        u->replaced_by = i - 1;
    }
    combo = (long)gen_below(&r, (uint64_t)gen_ncombos());
    type = (long)gen_below(&r, 10);
    u->lat = d.lat + (gen_unit(&r) - 0.5) * spread;
    u->lon = d.lon + (gen_unit(&r) - 0.5) * spread;
    if (!names)
        return;
    gen_place(combo, GEN_VI, vi, sizeof(vi));
    gen_place(combo, GEN_ASCII, en, sizeof(en));
    gen_place(combo, GEN_KO, ko, sizeof(ko));
    if (local == 0 && type < 4) {
        snprintf(u->name_vi, sizeof(u->name_vi), "Thị trấn %s", vi);
        snprintf(u->name_en, sizeof(u->name_en), "%s Township", en);
        snprintf(u->name_ko, sizeof(u->name_ko), "%s읍", ko);
    } else if (type < 2) {
        snprintf(u->name_vi, sizeof(u->name_vi), "Phường %s", vi);
        snprintf(u->name_en, sizeof(u->name_en), "%s Ward", en);
        snprintf(u->name_ko, sizeof(u->name_ko), "%s방", ko);
    } else {
        snprintf(u->name_vi, sizeof(u->name_vi), "Xã %s", vi);
        snprintf(u->name_en, sizeof(u->name_en), "%s Commune", en);
        snprintf(u->name_ko, sizeof(u->name_ko), "%s사", ko);
    }
}

void gen_commune_key(const struct gen *g, long i, struct gen_unit_key *u)
{
    commune_key(g, i, u, 1);
}

/* ===== Zones ===== */

/* The pool of place names zones are named after: about a third of the
 * zone count, so that numbered siblings ("KCN Đức Hòa 3") appear. */
static long zone_places(const struct gen *g)
{
    long n = g->sc->zones / 3;

    if (n < 8)
        n = 8;
    if (n > gen_ncombos())
        n = gen_ncombos();
    return n;
}

void gen_zone_key(const struct gen *g, long i, struct gen_zone_key *z)
{
    struct gen_unit_key c;
    long npl = zone_places(g), slot, first, count;
    uint64_t x;

    memset(z, 0, sizeof(*z));
    /* (slot, num) is unique per zone, and slot -> combo is a bijection,
     * so (combo, num) and therefore the code are unique. */
    slot = i % npl;
    z->first = slot;
    z->num = i / npl + 1;
    slot =
        (slot * coprime_from(7919, npl) + (long)(gen_mix(g->seed ^ GEN_S_PLACE) % (uint64_t)npl)) %
        npl;
    z->combo = (slot * coprime_from(1187, gen_ncombos()) + 311) % gen_ncombos();

    gen_rng_seed(&z->rng, g->seed, GEN_S_ZONE, (uint64_t)i);
    x = gen_below(&z->rng, 100);
    z->kind = x < 44 ? 0 : x < 88 ? 1 : x < 91 ? 2 : x < 95 ? 3 : x < 97 ? 4 : 5;
    x = gen_below(&z->rng, 100);
    z->status = x < 14 ? 0 : x < 24 ? 1 : x < 38 ? 2 : x < 95 ? 3 : 4;
    z->district = (long)gen_below(&z->rng, (uint64_t)gen_ndistricts_of(g));
    first = gen_district_first_commune(g, z->district);
    count = gen_district_communes(g, z->district);
    z->commune = first + (long)gen_below(&z->rng, (uint64_t)count);
    commune_key(g, z->commune, &c, 0);
    if (c.replaced_by >= 0) /* name the commune that exists today */
        z->commune = c.replaced_by;
    z->lat = c.lat + (gen_unit(&z->rng) - 0.5) * 0.05;
    z->lon = c.lon + (gen_unit(&z->rng) - 0.5) * 0.05;
    {
        char slug[64];
        gen_place(z->combo, GEN_SLUG, slug, sizeof(slug));
        if (z->num > 1)
            snprintf(z->code, sizeof(z->code), "%s-%s-%ld", gen_zone_kinds[z->kind], slug, z->num);
        else
            snprintf(z->code, sizeof(z->code), "%s-%s", gen_zone_kinds[z->kind], slug);
    }
}

/* ===== Enterprises ===== */

static int pick_country(struct gen_rng *r)
{
    unsigned total = 0, x;
    size_t i;

    for (i = 0; i < gen_ncountries; i++)
        total += gen_countries[i].weight;
    x = (unsigned)gen_below(r, total);
    for (i = 0; i < gen_ncountries; i++) {
        if (x < gen_countries[i].weight)
            return (int)i;
        x -= gen_countries[i].weight;
    }
    return 0;
}

void gen_ent_key(const struct gen *g, long i, struct gen_ent_key *e)
{
    static const int focus[] = {0, 1, 2, 3, 4, 13};
    uint64_t x, base;
    char prov[GEN_CODE_MAX];

    memset(e, 0, sizeof(*e));
    gen_rng_seed(&e->rng, g->seed, GEN_S_ENTERPRISE, (uint64_t)i);
    x = gen_below(&e->rng, 100);
    e->own = x < 30 ? GEN_FDI : x < 95 ? GEN_DOMESTIC : GEN_STATE;
    e->country = e->own == GEN_FDI ? pick_country(&e->rng) : -1;
    if (gen_pct(&e->rng, 45))
        e->ind = focus[gen_below(&e->rng, sizeof(focus) / sizeof(focus[0]))];
    else
        e->ind = (int)gen_below(&e->rng, gen_nindustries);
    e->supplier = gen_pct(&e->rng, e->own == GEN_FDI                   ? 15
                                   : gen_industries[e->ind].supporting ? 60
                                                                       : 12);
    e->zone = -1;
    e->district = (long)gen_below(&e->rng, (uint64_t)gen_ndistricts_of(g));
    if (gen_pct(&e->rng, e->own == GEN_FDI ? 90 : 60)) {
        struct gen_zone_key z;
        e->zone = (long)gen_below(&e->rng, (uint64_t)g->sc->zones);
        gen_zone_key(g, e->zone, &z);
        e->district = z.district;
        memcpy(e->zone_code, z.code, sizeof(e->zone_code));
        e->lat = z.lat + (gen_unit(&e->rng) - 0.5) * 0.012;
        e->lon = z.lon + (gen_unit(&e->rng) - 0.5) * 0.012;
    } else {
        gen_district_pos(g, e->district, &e->lat, &e->lon);
        e->lat += (gen_unit(&e->rng) - 0.5) * 0.1;
        e->lon += (gen_unit(&e->rng) - 0.5) * 0.1;
    }
    e->brand = (long)gen_below(&e->rng, 1u << 20);
    e->combo = (long)gen_below(&e->rng, (uint64_t)gen_ncombos());
    e->form = (long)gen_below(&e->rng, 100);
    /* Tax codes: the province's code, then a bijection of the index onto
     * eight digits, so codes are unique for up to 10^8 enterprises. A few
     * are branches in the 13-digit "0123456789-001" form. */
    gen_province_code(g, district_province(g, e->district), prov);
    base = ((uint64_t)i * 73939133u + gen_mix(g->seed ^ GEN_S_TAX) % TAX_SPACE) % TAX_SPACE;
    if (gen_pct(&e->rng, 4))
        snprintf(e->tax, sizeof(e->tax), "%.2s%08llu-%03ld", prov, (unsigned long long)base,
                 gen_range(&e->rng, 1, 12));
    else
        snprintf(e->tax, sizeof(e->tax), "%.2s%08llu", prov, (unsigned long long)base);
}

void gen_ent_short(const struct gen_ent_key *e, char *out, size_t n)
{
    const struct gen_industry *ind = &gen_industries[e->ind];
    char place[64];
    const char *iso = e->country >= 0 ? gen_countries[e->country].iso : "VN";
    unsigned long b = (unsigned long)e->brand;

    if (e->own != GEN_FDI) {
        gen_place(e->combo, GEN_VI, place, sizeof(place));
        snprintf(out, n, "%s %s", ind->vi, place);
    } else if (strcmp(iso, "KR") == 0) {
        snprintf(out, n, "%s %s", gen_brands_kr[b % gen_nbrands_kr].latin, ind->brand_en);
    } else if (strcmp(iso, "JP") == 0) {
        snprintf(out, n, "%s", gen_brands_jp[b % gen_nbrands_jp].latin);
    } else if (strcmp(iso, "CN") == 0 || strcmp(iso, "TW") == 0 || strcmp(iso, "HK") == 0) {
        snprintf(out, n, "%s %s", gen_brands_cn[b % gen_nbrands_cn].latin, ind->brand_en);
    } else {
        snprintf(out, n, "%s %s", gen_brands_west[b % gen_nbrands_west].latin, ind->brand_en);
    }
}

/* ===== Projects, dossiers, demands, events ===== */

void gen_project_key(const struct gen *g, long i, struct gen_project_key *p)
{
    long start = gen_days(2012, 1, 1);

    memset(p, 0, sizeof(*p));
    gen_rng_seed(&p->rng, g->seed, GEN_S_PROJECT, (uint64_t)i);
    p->investor = (long)gen_below(&p->rng, (uint64_t)g->sc->enterprises);
    p->registered = start + (long)gen_below(&p->rng, (uint64_t)(gen_today() - start - 60));
    snprintf(p->code, sizeof(p->code), "DA-%d-%06ld", gen_year(p->registered), i + 1);
}

void gen_dossier_key(const struct gen *g, long i, struct gen_dossier_key *d)
{
    struct gen_project_key p;
    uint64_t x;

    memset(d, 0, sizeof(*d));
    gen_rng_seed(&d->rng, g->seed, GEN_S_DOSSIER, (uint64_t)i);
    d->project = (long)gen_below(&d->rng, (uint64_t)g->sc->projects);
    gen_project_key(g, d->project, &p);
    d->procedure = (int)gen_below(&d->rng, 6);
    d->submitted = p.registered + (long)gen_below(&d->rng, 900);
    if (d->submitted > gen_today())
        d->submitted = gen_today() - (long)gen_below(&d->rng, 30);
    x = gen_below(&d->rng, 100);
    d->status = x < 10 ? 0 : x < 25 ? 1 : x < 85 ? 2 : x < 95 ? 3 : 4;
    snprintf(d->code, sizeof(d->code), "HS-%d-%07ld", gen_year(d->submitted), i + 1);
}

/* Returns an enterprise index, preferring (up to a few tries) one of the
 * given ownership or, when want_supplier, a supplier. */
static long pick_enterprise(const struct gen *g, struct gen_rng *r, int own, int want_supplier)
{
    long j = 0;
    int tries;

    for (tries = 0; tries < 8; tries++) {
        struct gen_ent_key e;
        j = (long)gen_below(r, (uint64_t)g->sc->enterprises);
        gen_ent_key(g, j, &e);
        if (want_supplier ? e.supplier : e.own == own)
            break;
    }
    return j;
}

void gen_demand_key(const struct gen *g, long i, struct gen_demand_key *d)
{
    memset(d, 0, sizeof(*d));
    gen_rng_seed(&d->rng, g->seed, GEN_S_DEMAND, (uint64_t)i);
    d->buyer = pick_enterprise(g, &d->rng, GEN_FDI, 0);
    snprintf(d->code, sizeof(d->code), "NC-%06ld", i + 1);
}

long gen_pick_supplier(const struct gen *g, struct gen_rng *r)
{
    return pick_enterprise(g, r, GEN_DOMESTIC, 1);
}

long gen_pick_fdi(const struct gen *g, struct gen_rng *r)
{
    return pick_enterprise(g, r, GEN_FDI, 0);
}

void gen_event_key(const struct gen *g, long i, struct gen_event_key *e)
{
    long start = gen_days(2016, 1, 1);

    memset(e, 0, sizeof(*e));
    gen_rng_seed(&e->rng, g->seed, GEN_S_EVENT, (uint64_t)i);
    e->partner = i % g->sc->partners;
    e->held = start + (long)gen_below(&e->rng, (uint64_t)(gen_today() - start));
    snprintf(e->code, sizeof(e->code), "SK-%d-%04ld", gen_year(e->held), i + 1);
}
