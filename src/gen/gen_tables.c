/* SPDX-License-Identifier: MIT */
/*
 * One writer per table of core/schema.c for `khu gen`. Each walks its row
 * indices, takes the row's key from gen_keys.c (so references resolve to
 * rows another writer produced) and draws the remaining cells from the
 * key's random stream, in schema column order. Values stay inside the
 * schema's ranges and enums; some are left empty on purpose, as real
 * registries have unknowns.
 */
#include "gen/gen_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/dossier_flow.h"
#include "gen/gen_keys.h"
#include "gen/gen_words.h"

/* ===== Small helpers ===== */

/* A bounded string being built in a caller's array; output that does not
 * fit is cut, never overrun. */
struct sbuf {
    char *p;
    size_t n, len;
};

static void sb_init(struct sbuf *s, char *p, size_t n)
{
    s->p = p;
    s->n = n;
    s->len = 0;
    p[0] = '\0';
}

static void sb_add(struct sbuf *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_add(struct sbuf *s, const char *fmt, ...)
{
    va_list ap;
    int w;

    if (s->len + 1 >= s->n)
        return;
    va_start(ap, fmt);
    w = vsnprintf(s->p + s->len, s->n - s->len, fmt, ap);
    va_end(ap);
    if (w < 0)
        return;
    s->len += (size_t)w < s->n - s->len ? (size_t)w : s->n - s->len - 1;
}

/* Writes date or, when days < 0, an empty cell. */
static void gen_date_opt(struct gen *g, const char *col, long days)
{
    if (days < 0)
        gen_empty(g, col);
    else
        gen_date(g, col, days);
}

static long min_l(long a, long b)
{
    return a < b ? a : b;
}

void gen_pick_caps(struct gen_rng *r, int ind, char *out, size_t n)
{
    const char *caps = gen_industries[ind].caps;
    struct sbuf s;
    const char *p = caps;

    sb_init(&s, out, n);
    while (*p) {
        size_t len = strcspn(p, " ");
        if (gen_pct(r, 55) || (p == caps && !p[len]))
            sb_add(&s, "%s%.*s", s.len ? " " : "", (int)len, p);
        p += len;
        while (*p == ' ')
            p++;
    }
    if (!s.len)
        sb_add(&s, "%.*s", (int)strcspn(caps, " "), caps);
}

void gen_pick_certs(struct gen_rng *r, int ind, char *out, size_t n)
{
    static const unsigned odds[] = {65, 30, 0, 15, 3, 5, 6, 4};
    struct sbuf s;
    size_t i;

    sb_init(&s, out, n);
    for (i = 0; i < gen_ncertifications; i++) {
        unsigned pct = odds[i];
        if (i == 2) /* iatf16949: car parts and machining */
            pct = ind == 4 ? 45 : ind == 1 ? 20 : 0;
        if (gen_pct(r, pct))
            sb_add(&s, "%s%s", s.len ? " " : "", gen_certifications[i]);
    }
}

/* ===== Units, sectors ===== */

static void unit_row(struct gen *g, const struct gen_unit_key *u, const char *level,
                     const char *parent, const char *replaced)
{
    gen_text(g, "code", u->code);
    gen_text(g, "name_vi", u->name_vi);
    gen_text(g, "name_en", u->name_en);
    gen_text(g, "name_ko", u->name_ko);
    gen_text(g, "level", level);
    gen_text(g, "parent_code", parent);
    gen_date(g, "valid_from", u->valid_from);
    gen_date_opt(g, "valid_to", u->valid_to);
    gen_text(g, "replaced_by", replaced);
    gen_real(g, "lat", u->lat, 5);
    gen_real(g, "lon", u->lon, 5);
    gen_text(g, "position", "approximate");
    gen_text(g, "source", g->source);
    gen_end_row(g);
}

static enum khu_err gen_units(struct gen *g)
{
    struct gen_unit_key u;
    char parent[GEN_CODE_MAX], repl[GEN_CODE_MAX];
    long i;

    for (i = 0; i < gen_nprovinces_of(g) && !g->err; i++) {
        gen_province_key(g, i, &u);
        repl[0] = '\0';
        if (u.replaced_by >= 0)
            gen_province_code(g, u.replaced_by, repl);
        unit_row(g, &u, "province", "", repl);
    }
    for (i = 0; i < gen_ndistricts_of(g) && !g->err; i++) {
        gen_district_key(g, i, &u);
        gen_province_code(g, u.parent, parent);
        unit_row(g, &u, "district", parent, "");
    }
    for (i = 0; i < gen_ncommunes_of(g) && !g->err; i++) {
        gen_commune_key(g, i, &u);
        gen_district_code(g, u.parent, parent);
        repl[0] = '\0';
        if (u.replaced_by >= 0)
            gen_commune_code(g, u.replaced_by, repl);
        unit_row(g, &u, "commune", parent, repl);
    }
    return g->err;
}

static void sector_row(struct gen *g, const char *version, const char *code, const char *vi,
                       const char *en, const char *ko)
{
    gen_text(g, "version", version);
    gen_text(g, "code", code);
    gen_text(g, "name_vi", vi);
    gen_text(g, "name_en", en);
    gen_text(g, "name_ko", ko);
    gen_text(g, "source", g->source);
    gen_end_row(g);
}

static enum khu_err gen_sectors(struct gen *g)
{
    char vi[160], en[160], ko[160];
    size_t i;

    for (i = 0; i < gen_nindustries; i++) {
        const struct gen_industry *d = &gen_industries[i];
        snprintf(vi, sizeof(vi), "Sản xuất %s", d->products_vi);
        snprintf(en, sizeof(en), "Manufacture of %s", d->products_en);
        snprintf(ko, sizeof(ko), "%s 제조", d->products_ko);
        sector_row(g, "2018", d->v2018, vi, en, ko);
    }
    for (i = 0; i < gen_nindustries; i++) {
        const struct gen_industry *d = &gen_industries[i];
        if (d->v2025b) { /* VSIC 2025 split this class in two */
            sector_row(g, "2025", d->v2025, "Sản xuất linh kiện bán dẫn",
                       "Manufacture of semiconductor devices", "반도체 소자 제조");
            sector_row(g, "2025", d->v2025b, "Sản xuất linh kiện điện tử khác",
                       "Manufacture of other electronic components", "기타 전자 부품 제조");
            continue;
        }
        snprintf(vi, sizeof(vi), "Sản xuất %s", d->products_vi);
        snprintf(en, sizeof(en), "Manufacture of %s", d->products_en);
        snprintf(ko, sizeof(ko), "%s 제조", d->products_ko);
        sector_row(g, "2025", d->v2025, vi, en, ko);
    }
    return g->err;
}

/* The supporting industry as the divisions of the industries the
 * vocabulary marks supporting, each once. */
static enum khu_err gen_sector_groups(struct gen *g)
{
    char seen[64] = "";
    size_t i;

    for (i = 0; i < gen_nindustries && !g->err; i++) {
        char division[4];
        if (!gen_industries[i].supporting)
            continue;
        snprintf(division, sizeof(division), "%.2s", gen_industries[i].v2018);
        if (strstr(seen, division))
            continue;
        snprintf(seen + strlen(seen), sizeof(seen) - strlen(seen), "%s ", division);
        gen_text(g, "code", "supporting-industry");
        gen_text(g, "vsic", division);
        gen_text(g, "name_vi", "Công nghiệp hỗ trợ");
        gen_text(g, "name_en", "Supporting industry");
        gen_text(g, "name_ko", "지원산업");
        gen_empty(g, "valid_from");
        gen_empty(g, "valid_to");
        gen_text(g, "source", g->source);
        gen_end_row(g);
    }
    return g->err;
}

static void map_row(struct gen *g, const char *from, const char *to)
{
    gen_text(g, "from_version", "2018");
    gen_text(g, "from_code", from);
    gen_text(g, "to_version", "2025");
    gen_text(g, "to_code", to);
    gen_text(g, "source", g->source);
    gen_end_row(g);
}

static enum khu_err gen_sector_map(struct gen *g)
{
    size_t i;

    for (i = 0; i < gen_nindustries; i++) {
        map_row(g, gen_industries[i].v2018, gen_industries[i].v2025);
        if (gen_industries[i].v2025b)
            map_row(g, gen_industries[i].v2018, gen_industries[i].v2025b);
    }
    return g->err;
}

/* ===== Departments ===== */

/* Every province has the departments of gen_depts, open and closed with it;
 * a name of the 2025 reorganisation starts on the merger day, so a province
 * closed before it never had that department. A one-province set codes
 * them "dept-<slug>"; a set of several provinces adds the province's code,
 * "dept-<slug>-<code>", to keep them apart. */
static enum khu_err gen_departments_table(struct gen *g)
{
    struct gen_unit_key u;
    long i, from, np = gen_nprovinces_of(g);
    size_t k;

    for (i = 0; i < np && !g->err; i++) {
        gen_province_key(g, i, &u);
        for (k = 0; k < gen_ndepts && !g->err; k++) {
            const struct gen_dept *d = &gen_depts[k];
            from = d->renamed && u.valid_from < gen_merger_day() ? gen_merger_day() : u.valid_from;
            if (u.valid_to >= 0 && from > u.valid_to)
                continue;
            if (np == 1)
                gen_textf(g, "code", "dept-%s", d->slug);
            else
                gen_textf(g, "code", "dept-%s-%s", d->slug, u.code);
            /* "Sở Tài chính tỉnh Long An": the unit's name, initial lower-cased */
            gen_textf(g, "name_vi", "%s %c%s", d->vi, tolower((unsigned char)u.name_vi[0]),
                      u.name_vi + 1);
            gen_textf(g, "name_en", "%s %s", u.name_en, d->en);
            gen_textf(g, "name_ko", "%s %s", u.name_ko, d->ko);
            gen_text(g, "scope_unit", u.code);
            gen_date(g, "valid_from", from);
            gen_date_opt(g, "valid_to", u.valid_to);
            gen_text(g, "source", g->source);
            gen_end_row(g);
        }
    }
    return g->err;
}

/* ===== Zones ===== */

/* Ho Chi Minh City centre, the reference for km_hcmc. */
#define HCMC_LAT 10.776
#define HCMC_LON 106.700

static const char *const kind_vi[] = {
    "KCN", "CCN", "Khu công nghệ cao", "Trung tâm logistics", "Khu kinh tế", "Cảng"};
static const char *const kind_en[] = {"Industrial Park",  "Industrial Cluster", "Hi-Tech Park",
                                      "Logistics Center", "Economic Zone",      "Port"};
static const char *const kind_ko[] = {"산업단지", "산업클러스터", "하이테크파크",
                                      "물류센터", "경제구역",     "항"};

static const char *const zone_notes[] = {
    "Số liệu tổng hợp từ báo cáo của Ban Quản lý, chưa đối chiếu thực địa.",
    "Diện tích gồm cả phần mở rộng \"giai đoạn 2\", chưa được phê duyệt.",
    "Giai đoạn 1: đã lấp đầy\nGiai đoạn 2: đang giải phóng mặt bằng",
    "Figures from the developer's brochure, not yet checked.",
    "개발사 자료 기준, 현장 확인 전",
};

static void zone_names(struct gen *g, const struct gen_zone_key *z)
{
    char vi[64], en[64], ko[64], num[24] = "";

    gen_place(z->combo, GEN_VI, vi, sizeof(vi));
    gen_place(z->combo, GEN_ASCII, en, sizeof(en));
    gen_place(z->combo, GEN_KO, ko, sizeof(ko));
    if (z->num > 1)
        snprintf(num, sizeof(num), " %ld", z->num);
    gen_textf(g, "name_vi", "%s %s%s", kind_vi[z->kind], vi, num);
    gen_textf(g, "name_en", "%s%s %s", en, num, kind_en[z->kind]);
    gen_textf(g, "name_ko", "%s%s %s", ko, num, kind_ko[z->kind]);
}

/* Total area in tenths of a hectare by kind. */
static long zone_total_tenths(struct gen_rng *r, int kind)
{
    static const long lo[] = {500, 50, 500, 50, 5000, 50};
    static const long hi[] = {20000, 750, 9000, 1500, 20000, 3000};
    double u = gen_unit(r);

    return lo[kind] + (long)((double)(hi[kind] - lo[kind]) * u * u);
}

static void zone_areas(struct gen *g, struct gen_zone_key *z)
{
    struct gen_rng *r = &z->rng;
    long total = zone_total_tenths(r, z->kind);
    long ind = total * gen_range(r, 55, 80) / 100;
    long leased = -1;
    int total_known = !gen_pct(r, 4), ind_known = !gen_pct(r, 10);

    if (z->status == 3)
        leased = ind * gen_range(r, 20, 100) / 100;
    else if (z->status == 2)
        leased = ind * gen_range(r, 0, 30) / 100;
    if (gen_pct(r, 10))
        leased = -1;
    if (total_known)
        gen_tenths(g, "total_ha", total);
    else
        gen_empty(g, "total_ha");
    if (ind_known)
        gen_tenths(g, "industrial_ha", ind);
    else
        gen_empty(g, "industrial_ha");
    if (leased >= 0 && ind_known)
        gen_tenths(g, "leased_ha", leased);
    else
        gen_empty(g, "leased_ha");
    if (leased >= 0 && ind > 0 && z->status == 3 && gen_pct(r, 50))
        gen_tenths(g, "occupancy_reported_pct", min_l(1000, leased * 1000 / ind));
    else
        gen_empty(g, "occupancy_reported_pct");
}

static void zone_developer(struct gen *g, struct gen_zone_key *z)
{
    struct gen_rng *r = &z->rng;
    char place[64];
    uint64_t x = gen_below(r, 100);

    gen_place(z->combo, GEN_VI, place, sizeof(place));
    if (x < 12)
        gen_empty(g, "developer");
    else if (x < 40)
        gen_textf(g, "developer", "Công ty CP Phát triển KCN %s", place);
    else if (x < 60)
        gen_textf(g, "developer", "Công ty CP Đầu tư %s", place);
    else if (x < 75)
        gen_textf(g, "developer", "Tổng công ty %s", place);
    else if (z->kind == 1)
        gen_textf(g, "developer", "Công ty TNHH Hạ tầng CCN %s", place);
    else
        gen_textf(g, "developer", "Công ty TNHH %s Development Vina",
                  gen_brands_kr[gen_below(r, gen_nbrands_kr)].latin);
}

/* Infrastructure capacities; only for zones being built or running. */
static void zone_infra(struct gen *g, struct gen_zone_key *z)
{
    struct gen_rng *r = &z->rng;
    int big = z->kind != 1, built = z->status == 2 || z->status == 3;

    if (built && gen_pct(r, 75))
        gen_int(g, "wwtp_m3_day", big ? gen_range(r, 10, 300) * 100 : gen_range(r, 2, 30) * 100);
    else
        gen_empty(g, "wwtp_m3_day");
    if (built && gen_pct(r, 70))
        gen_int(g, "power_mva", big ? gen_range(r, 40, 500) : gen_range(r, 10, 63));
    else
        gen_empty(g, "power_mva");
    if (built && gen_pct(r, 70))
        gen_int(g, "water_m3_day", big ? gen_range(r, 20, 500) * 100 : gen_range(r, 5, 50) * 100);
    else
        gen_empty(g, "water_m3_day");
    if (z->status == 4 || gen_pct(r, 8))
        gen_empty(g, "infra_complete");
    else
        gen_int(g, "infra_complete", z->status == 3 && gen_pct(r, 75));
}

static void zone_sectors(struct gen *g, struct gen_rng *r)
{
    static const long steps[] = {1, 5, 7, 11, 13, 17};
    char out[128];
    struct sbuf s;
    long n = gen_range(r, 1, 5), start = (long)gen_below(r, gen_nindustries);
    long step = steps[gen_below(r, 6)], i;

    sb_init(&s, out, sizeof(out));
    for (i = 0; i < n; i++) /* steps are coprime with 18: distinct codes */
        sb_add(&s, "%s%s", i ? " " : "",
               gen_industries[(start + i * step) % (long)gen_nindustries].v2018);
    gen_text(g, "sectors", out);
}

static void zone_tenants(struct gen *g, struct gen_zone_key *z)
{
    struct gen_rng *r = &z->rng;
    char out[256];
    struct sbuf s;
    long n, i;

    if (z->status != 3 || !gen_pct(r, 40)) {
        gen_empty(g, "tenants");
        return;
    }
    sb_init(&s, out, sizeof(out));
    n = gen_range(r, 1, 3);
    for (i = 0; i < n; i++) {
        const struct gen_industry *d = &gen_industries[gen_below(r, gen_nindustries)];
        if (gen_pct(r, 60))
            sb_add(&s, "%s%s %s Vina Co., Ltd.", i ? "; " : "",
                   gen_brands_kr[gen_below(r, gen_nbrands_kr)].latin, d->brand_en);
        else
            sb_add(&s, "%s%s Vietnam Co., Ltd.", i ? "; " : "",
                   gen_brands_jp[gen_below(r, gen_nbrands_jp)].latin);
    }
    gen_text(g, "tenants", out);
}

static void zone_row(struct gen *g, long i)
{
    struct gen_zone_key z, grp;
    struct gen_rng *r;
    char code[GEN_CODE_MAX];
    long est = -1;
    double km;
    size_t p;

    gen_zone_key(g, i, &z);
    r = &z.rng;
    gen_text(g, "code", z.code);
    gen_text(g, "kind", gen_zone_kinds[z.kind]);
    zone_names(g, &z);
    if (z.num > 1 && gen_pct(r, 35)) {
        gen_zone_key(g, z.first, &grp); /* the umbrella: the first of its name */
        gen_text(g, "group_code", grp.code);
    } else {
        gen_empty(g, "group_code");
    }
    gen_district_code(g, z.district, code);
    gen_text(g, "unit_code", code);
    gen_commune_code(g, z.commune, code);
    gen_text(g, "commune", gen_pct(r, 85) ? code : "");
    gen_text(g, "status", gen_zone_statuses[z.status]);
    if (z.status <= 1)
        gen_int(g, "planned_year", gen_range(r, 2026, 2035));
    else
        gen_empty(g, "planned_year");
    if (z.status >= 1 && z.status <= 3)
        est = gen_days(1996, 1, 1) + (long)gen_below(r, z.status == 3 ? 8000 : 10700);
    gen_date_opt(g, "established_on", est);
    zone_areas(g, &z);
    if ((z.status == 2 || z.status == 3) && gen_pct(r, 85))
        gen_int(g, "lease_usd_m2", z.kind == 1 ? gen_range(r, 40, 120) : gen_range(r, 60, 250));
    else
        gen_empty(g, "lease_usd_m2");
    gen_date_opt(g, "lease_until", est >= 0 ? est + 18262 : -1);
    zone_developer(g, &z);
    gen_real(g, "lat", z.lat, 5);
    gen_real(g, "lon", z.lon, 5);
    gen_text(g, "position", gen_pct(r, 40) ? "surveyed" : "approximate");
    km = gen_km(z.lat, z.lon, HCMC_LAT, HCMC_LON);
    gen_real(g, "km_hcmc", km < 5 ? 5 : km, 1);
    km = 1e9;
    for (p = 0; p < gen_nports; p++) {
        double d = gen_km(z.lat, z.lon, gen_ports[p].lat, gen_ports[p].lon);
        km = d < km ? d : km;
    }
    gen_real(g, "km_port", km < 2 ? 2 : km, 1);
    zone_infra(g, &z);
    zone_sectors(g, r);
    zone_tenants(g, &z);
    gen_text(g, "source", g->source);
    gen_text(g, "confidence", gen_pct(r, 30) ? "high" : gen_pct(r, 70) ? "medium" : "low");
    gen_date(g, "as_of", gen_days(2023, 1, 1) + (long)gen_below(r, 1000));
    gen_text(g, "note",
             gen_pct(r, 8) ? zone_notes[gen_below(r, sizeof(zone_notes) / sizeof(*zone_notes))]
                           : "");
    gen_text(g, "as_of_precision", "day");
    gen_empty(g, "confidence_note");
    gen_empty(g, "provenance");
    gen_empty(g, "summary");
    gen_empty(g, "summary_vi");
    gen_empty(g, "summary_ko");
    gen_empty(g, "confidence_note_vi");
    gen_empty(g, "confidence_note_ko");
    gen_end_row(g);
}

static enum khu_err gen_zones(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->zones && !g->err; i++)
        zone_row(g, i);
    return g->err;
}

/* ===== Enterprises ===== */

static void ent_names(struct gen *g, const struct gen_ent_key *e)
{
    const struct gen_industry *d = &gen_industries[e->ind];
    const char *iso = e->country >= 0 ? gen_countries[e->country].iso : "VN";
    char shortname[96], place[64];

    gen_ent_short(e, shortname, sizeof(shortname));
    gen_place(e->combo, GEN_ASCII, place, sizeof(place));
    if (e->own == GEN_STATE) {
        gen_textf(g, "name", "Công ty TNHH MTV %s", shortname);
        gen_textf(g, "name_en", "%s %s One Member Co., Ltd.", place, d->en);
    } else if (e->own == GEN_DOMESTIC) {
        static const char *const vi[] = {"Công ty TNHH", "Công ty Cổ phần",
                                         "Công ty TNHH Sản xuất Thương mại",
                                         "Doanh nghiệp tư nhân"};
        static const char *const en[] = {"Co., Ltd.", "Joint Stock Company",
                                         "Manufacturing Trading Co., Ltd.", "Private Enterprise"};
        int f = e->form < 50 ? 0 : e->form < 80 ? 1 : e->form < 92 ? 2 : 3;
        gen_textf(g, "name", "%s %s", vi[f], shortname);
        gen_textf(g, "name_en", "%s %s %s", place, d->en, en[f]);
    } else if (strcmp(iso, "KR") == 0) {
        const struct gen_brand *b = &gen_brands_kr[(unsigned long)e->brand % gen_nbrands_kr];
        if (e->form < 50)
            gen_textf(g, "name", "Công ty TNHH %s Vina", shortname);
        else if (e->form < 85)
            gen_textf(g, "name", "Công ty TNHH %s Vina (%s%s 비나)", shortname, b->ko, d->brand_ko);
        else
            gen_textf(g, "name", "(주)%s%s 비나", b->ko, d->brand_ko);
        gen_textf(g, "name_en", "%s Vina Co., Ltd.", shortname);
    } else if (strcmp(iso, "CN") == 0 || strcmp(iso, "TW") == 0 || strcmp(iso, "HK") == 0) {
        gen_textf(g, "name", "Công ty TNHH %s (Việt Nam)", shortname);
        gen_textf(g, "name_en", "%s (Vietnam) Co., Ltd.", shortname);
    } else {
        gen_textf(g, "name", "Công ty TNHH %s Việt Nam", shortname);
        gen_textf(g, "name_en", "%s Vietnam Co., Ltd.", shortname);
    }
}

static void ent_row(struct gen *g, long j)
{
    static const char *const owns[] = {"fdi", "domestic", "state"};
    struct gen_ent_key e;
    struct gen_ent_tokens tk;
    struct gen_rng *r;
    const struct gen_industry *d;
    const char *iso;
    char code[GEN_CODE_MAX];
    double u;

    gen_ent_tokens(g, j, &e, &tk);
    r = &e.rng;
    d = &gen_industries[e.ind];
    iso = e.country >= 0 ? gen_countries[e.country].iso : "VN";
    gen_text(g, "tax_code", e.tax);
    ent_names(g, &e);
    gen_text(g, "country", iso);
    gen_text(g, "ownership", owns[e.own]);
    gen_text(g, "zone_code", e.zone_code);
    gen_district_code(g, e.district, code);
    gen_text(g, "unit_code", code);
    gen_text(g, "vsic", d->v2018);
    gen_text(g, "products",
             tk.korean_products ? d->products_ko
             : e.own != GEN_FDI ? d->products_vi
                                : d->products_en);
    gen_text(g, "capabilities", tk.caps);
    gen_text(g, "certifications", tk.certs);
    u = gen_unit(r);
    if (gen_pct(r, 5))
        gen_empty(g, "employees");
    else
        gen_int(g, "employees",
                e.own == GEN_FDI     ? 50 + (long)(19950 * u * u * u)
                : e.own == GEN_STATE ? 100 + (long)(5000 * u * u)
                                     : 5 + (long)(1500 * u * u * u));
    gen_int(g, "founded",
            e.own == GEN_FDI     ? gen_range(r, 1995, 2024)
            : e.own == GEN_STATE ? gen_range(r, 1976, 2005)
                                 : gen_range(r, 1990, 2024));
    gen_int(g, "supplier", e.supplier);
    gen_real(g, "lat", e.lat, 5);
    gen_real(g, "lon", e.lon, 5);
    gen_text(g, "source", g->source);
    gen_ent_profile_cells(g, j, &e, &tk);
    gen_end_row(g);
}

static enum khu_err gen_enterprises(struct gen *g)
{
    long j;

    for (j = 0; j < g->sc->enterprises && !g->err; j++)
        ent_row(g, j);
    return g->err;
}

/* ===== Projects, dossiers, consultations ===== */

static void project_row(struct gen *g, long i)
{
    static const char *const statuses[] = {"lead",     "dossier",   "approved",  "licensed",
                                           "building", "operating", "suspended", "terminated"};
    static const unsigned weights[] = {8, 10, 10, 15, 12, 38, 4, 3};
    struct gen_project_key p;
    struct gen_ent_key e;
    struct gen_rng *r;
    char shortname[96], code[GEN_CODE_MAX];
    unsigned x;
    int st = 0, fdi;
    double u;

    gen_project_key(g, i, &p);
    r = &p.rng;
    gen_ent_key(g, p.investor, &e);
    fdi = e.own == GEN_FDI;
    gen_text(g, "code", p.code);
    gen_ent_short(&e, shortname, sizeof(shortname));
    x = (unsigned)gen_range(r, 1, 3);
    if (x > 1)
        gen_textf(g, "name", "Dự án nhà máy %s giai đoạn %u", shortname, x);
    else
        gen_textf(g, "name", "Dự án nhà máy %s", shortname);
    gen_text(g, "investor_tax_code", e.tax);
    gen_text(g, "zone_code", e.zone_code);
    gen_district_code(g, e.district, code);
    gen_text(g, "unit_code", code);
    gen_text(g, "vsic", gen_industries[e.ind].v2018);
    u = gen_unit(r);
    gen_int(g, "capital_usd",
            fdi ? (1000 + (long)(499000 * u * u * u)) * 1000
                : (200 + (long)(49800 * u * u * u)) * 1000);
    gen_tenths(g, "land_ha", gen_range(r, 5, 500));
    gen_int(g, "jobs", gen_range(r, 20, fdi ? 5000 : 800));
    x = (unsigned)gen_below(r, 100);
    while (x >= weights[st]) {
        x -= weights[st];
        st++;
    }
    gen_text(g, "status", statuses[st]);
    gen_date(g, "registered_on", p.registered);
    if (st >= 3)
        gen_textf(g, "irc_no", "%010llu",
                  (unsigned long long)(gen_next(r) % 9000000000ULL + 1000000000ULL));
    else
        gen_empty(g, "irc_no");
    gen_text(g, "country", e.country >= 0 ? gen_countries[e.country].iso : "VN");
    gen_text(g, "source", g->source);
    gen_end_row(g);
}

static enum khu_err gen_projects(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->projects && !g->err; i++)
        project_row(g, i);
    return g->err;
}

/* The code of department slug of province p: "dept-SLUG" in a data set
 * of one province, "dept-SLUG-CODE" otherwise (gen_departments_table). */
static void dept_code(struct gen *g, const char *slug, long p, char *out, size_t n)
{
    char prov[GEN_CODE_MAX];

    if (gen_nprovinces_of(g) == 1) {
        snprintf(out, n, "dept-%s", slug);
        return;
    }
    gen_province_code(g, p, prov);
    snprintf(out, n, "dept-%s-%s", slug, prov);
}

/* The province of dossier d's project, and whether the project is in an
 * industrial park, an economic or a high-tech zone (a management board
 * receives it: gen_depts[0]) or not (the Department of Finance does:
 * gen_depts[1]). */
static long dossier_province(struct gen *g, const struct gen_dossier_key *d, int *in_park)
{
    struct gen_project_key p;
    struct gen_ent_key e;
    struct gen_unit_key u;

    gen_project_key(g, d->project, &p);
    gen_ent_key(g, p.investor, &e);
    *in_park = 0;
    if (e.zone >= 0) {
        struct gen_zone_key z;
        const char *kind;
        gen_zone_key(g, e.zone, &z);
        kind = gen_zone_kinds[z.kind];
        *in_park = dossier_in_park(kind);
    }
    gen_district_key(g, e.district, &u);
    return u.parent;
}

static void dossier_row(struct gen *g, long i)
{
    struct gen_dossier_key d;
    struct gen_project_key p;
    long decided = 0;
    int approved = 0;

    gen_dossier_key(g, i, &d);
    gen_project_key(g, d.project, &p);
    gen_text(g, "code", d.code);
    gen_text(g, "project_code", p.code);
    gen_text(g, "procedure", gen_procedures[d.procedure]);
    gen_date(g, "submitted_on", d.submitted);
    gen_date(g, "due_on", d.submitted + gen_procedure_days[d.procedure]);
    gen_text(g, "status", gen_dossier_statuses[d.status]);
    if (d.status == 2) {
        approved = gen_pct(&d.rng, 88);
        decided = min_l(gen_today(), d.submitted + gen_range(&d.rng, 5, 60));
        gen_text(g, "decision", approved ? "approved" : "rejected");
        gen_date(g, "decided_on", decided);
    } else {
        gen_empty(g, "decision");
        gen_empty(g, "decided_on");
    }
    /* the workflow's columns, drawn from nothing new: the same seed gives
     * the same rows as before they existed */
    {
        int in_park;
        long prov = dossier_province(g, &d, &in_park);
        char code[96];
        dept_code(g, gen_depts[in_park ? 0 : 1].slug, prov, code, sizeof(code));
        gen_text(g, "receiving_department", code);
    }
    if (d.status == 1 || d.status == 2)
        gen_date(g, "accepted_on", d.submitted);
    else
        gen_empty(g, "accepted_on");
    gen_empty(g, "returned_on");
    gen_empty(g, "missing");
    gen_empty(g, "limit_code");
    gen_int(g, "limit_days", gen_procedure_days[d.procedure]);
    gen_text(g, "limit_kind", "calendar");
    if (d.status == 2)
        gen_date(g, "appraised_on", decided);
    else
        gen_empty(g, "appraised_on");
    gen_empty(g, "appraisal");
    if (d.status == 2 && approved)
        gen_textf(g, "certificate_no", "%s/GCN", d.code);
    else
        gen_empty(g, "certificate_no");
    gen_end_row(g);
}

static enum khu_err gen_dossiers(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->dossiers && !g->err; i++)
        dossier_row(g, i);
    return g->err;
}

static const char *const consult_notes[] = {
    "Đề nghị bổ sung phương án phòng cháy, chữa cháy.",
    "Thống nhất, với điều kiện hoàn thành \"báo cáo ĐTM\" trước khi khởi công.",
    "Vị trí dự án chưa phù hợp quy hoạch sử dụng đất, đề nghị rà soát lại.",
    "Agreed; the investor must connect to the zone's wastewater plant.",
};

/* Consultations open on acceptance: none for a dossier received or
 * returned; five to seven of the departments other than the receiving
 * one, each answered or not as the dossier's stage makes likely. */
static void consultations_of(struct gen *g, long i)
{
    struct gen_dossier_key d;
    struct gen_rng r;
    long m, t, start, step, prov, closed = -1;
    int in_park, receiving;
    char code[96];

    gen_dossier_key(g, i, &d);
    if (d.status == 0 || d.status == 3)
        return;
    /* the day the dossier was decided, drawn as dossier_row draws it; or
     * withdrawn: an unanswered consultation closes then */
    if (d.status == 2) {
        (void)gen_pct(&d.rng, 88);
        closed = min_l(gen_today(), d.submitted + gen_range(&d.rng, 5, 60));
    } else if (d.status == 4)
        closed = min_l(gen_today(), d.submitted + 20);
    gen_rng_seed(&r, g->seed, GEN_S_CONSULTATION, (uint64_t)i);
    prov = dossier_province(g, &d, &in_park);
    receiving = in_park ? 0 : 1;
    m = gen_range(&r, 5, (long)gen_ndepts - 1);
    start = (long)gen_below(&r, gen_ndepts - 1);
    step = 1 + (long)gen_below(&r, gen_ndepts - 2); /* the others are a prime count: 7 */
    for (t = 0; t < m && !g->err; t++) {
        long k = (start + t * step) % (long)(gen_ndepts - 1);
        long req = min_l(gen_today(), d.submitted + gen_range(&r, 1, 3));
        int open = d.status == 1 ? gen_pct(&r, 50) : gen_pct(&r, 3);
        uint64_t x;
        k += k >= receiving; /* skip the receiving department */
        dept_code(g, gen_depts[k].slug, prov, code, sizeof(code));
        gen_text(g, "dossier_code", d.code);
        gen_text(g, "department", code);
        gen_date(g, "requested_on", req);
        gen_date(g, "due_on", req + 15);
        if (open) {
            gen_empty(g, "answered_on");
            gen_empty(g, "opinion");
            gen_empty(g, "note");
        } else {
            gen_date(g, "answered_on", min_l(gen_today(), req + gen_range(&r, 2, 25)));
            x = gen_below(&r, 100);
            gen_text(g, "opinion",
                     x < 60   ? "agree"
                     : x < 90 ? "agree_with_conditions"
                              : "disagree");
            gen_text(g, "note", x >= 60 ? consult_notes[gen_below(&r, 4)] : "");
        }
        gen_empty(g, "limit_code");
        gen_int(g, "limit_days", 15);
        gen_text(g, "limit_kind", "calendar");
        gen_empty(g, "document");
        if (open && closed >= 0)
            gen_date(g, "closed_on", closed);
        else
            gen_empty(g, "closed_on");
        gen_end_row(g);
    }
}

static enum khu_err gen_consultations(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->dossiers && !g->err; i++)
        consultations_of(g, i);
    return g->err;
}

/* ===== Demands, linkages ===== */

/* A demand's volume, price, place and dates: a yearly volume in pieces
 * (its unit price near the target), often a farthest distance, posted
 * before it is needed and never after the generator's today, some at a
 * promotion event; a few closed ones withdrawn. */
static void demand_terms(struct gen *g, struct gen_rng *r, long usd, long needed_by,
                         const char *status)
{
    double u = gen_unit(r);
    long volume = 1000 + (long)(3000000 * u * u * u), posted;

    if (gen_pct(r, 85)) {
        gen_int(g, "annual_volume", volume);
        gen_text(g, "volume_unit", "pieces");
        if (gen_pct(r, 60))
            gen_real(g, "target_price_usd", (double)usd / (double)volume, 4);
        else
            gen_empty(g, "target_price_usd");
    } else {
        gen_empty(g, "annual_volume");
        gen_empty(g, "volume_unit");
        gen_empty(g, "target_price_usd");
    }
    gen_empty(g, "prefer_unit");
    if (gen_pct(r, 60))
        gen_int(g, "max_km", 30 * gen_range(r, 1, 10));
    else
        gen_empty(g, "max_km");
    posted = min_l(needed_by - gen_range(r, 30, 365), gen_today());
    if (gen_pct(r, 5))
        gen_empty(g, "posted_on"); /* imported without one: counts from the import */
    else
        gen_date(g, "posted_on", posted);
    gen_date_opt(g, "withdrawn_on",
                 strcmp(status, "closed") == 0 && gen_pct(r, 30)
                     ? min_l(posted + gen_range(r, 10, 200), gen_today())
                     : -1);
    if (g->sc->events > 0 && gen_pct(r, 20)) {
        struct gen_event_key ev;
        gen_event_key(g, (long)gen_below(r, (uint64_t)g->sc->events), &ev);
        gen_text(g, "event_code", ev.code);
    } else {
        gen_empty(g, "event_code");
    }
}

static void demand_row(struct gen *g, long i)
{
    static const int focus[] = {0, 1, 2, 3, 4, 7, 14};
    struct gen_demand_key dk;
    struct gen_ent_key buyer;
    struct gen_rng *r;
    const struct gen_industry *d;
    const char *status;
    char buf[256];
    long usd, needed_by;
    uint64_t x;

    gen_demand_key(g, i, &dk);
    r = &dk.rng;
    gen_ent_key(g, dk.buyer, &buyer);
    d = &gen_industries[focus[gen_below(r, sizeof(focus) / sizeof(focus[0]))]];
    gen_text(g, "code", dk.code);
    gen_text(g, "buyer_tax_code", buyer.tax);
    x = gen_below(r, 100);
    if (buyer.country >= 0 && strcmp(gen_countries[buyer.country].iso, "KR") == 0 && x < 35)
        gen_textf(g, "title", "%s 현지 협력업체 모집", d->products_ko);
    else if (x < 70)
        gen_textf(g, "title", "Tìm nhà cung cấp %s", d->products_vi);
    else
        gen_textf(g, "title", "Sourcing local suppliers: %s", d->products_en);
    gen_text(g, "vsic", d->v2018);
    gen_pick_caps(r, (int)(d - gen_industries), buf, sizeof(buf));
    gen_text(g, "capabilities", buf);
    gen_pick_certs(r, (int)(d - gen_industries), buf, sizeof(buf));
    gen_text(g, "certifications", buf);
    usd = gen_range(r, 20, 5000) * 1000;
    gen_int(g, "annual_usd", usd);
    needed_by = gen_days(2025, 1, 1) + (long)gen_below(r, 730);
    gen_date(g, "needed_by", needed_by);
    x = gen_below(r, 100);
    status = x < 55 ? "open" : x < 85 ? "matched" : "closed";
    gen_text(g, "status", status);
    demand_terms(g, r, usd, needed_by, status);
    gen_end_row(g);
}

static enum khu_err gen_demands(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->demands && !g->err; i++)
        demand_row(g, i);
    return g->err;
}

void gen_linkage_parties(const struct gen *g, long i, struct gen_rng *r, long *buyer,
                         long *supplier, char demand[32])
{
    gen_rng_seed(r, g->seed, GEN_S_LINKAGE, (uint64_t)i);
    demand[0] = '\0';
    if (g->sc->demands > 0 && gen_pct(r, 50)) {
        struct gen_demand_key dk;
        gen_demand_key(g, (long)gen_below(r, (uint64_t)g->sc->demands), &dk);
        *buyer = dk.buyer;
        snprintf(demand, 32, "%s", dk.code);
    } else {
        *buyer = gen_pick_fdi(g, r);
    }
    *supplier = gen_pick_supplier(g, r);
    if (*supplier == *buyer)
        *supplier = (*supplier + 1) % g->sc->enterprises;
}

static void linkage_row(struct gen *g, long i)
{
    struct gen_rng r;
    struct gen_ent_key sup, buy;
    long buyer, supplier, since;
    char demand[32];

    gen_linkage_parties(g, i, &r, &buyer, &supplier, demand);
    gen_ent_key(g, supplier, &sup);
    gen_ent_key(g, buyer, &buy);
    gen_textf(g, "code", "LK-%06ld", i + 1);
    gen_text(g, "supplier_tax_code", sup.tax);
    gen_text(g, "buyer_tax_code", buy.tax);
    gen_text(g, "demand_code", demand);
    gen_int(g, "annual_usd", gen_range(&r, 10, 3000) * 1000);
    since = gen_days(2015, 1, 1) + (long)gen_below(&r, 3900);
    gen_date(g, "since", since);
    gen_date_opt(g, "until", gen_pct(&r, 25) ? since + gen_range(&r, 365, 1800) : -1);
    gen_end_row(g);
}

static enum khu_err gen_linkages(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->linkages && !g->err; i++)
        linkage_row(g, i);
    return g->err;
}

/* ===== Time limits, targets, observations ===== */

static enum khu_err gen_time_limits(struct gen *g)
{
    static const struct {
        const char *code, *procedure, *step;
        int days;
        const char *day_kind, *law, *from, *to;
    } rows[] = {
        {"tl-policy-2021", "policy_approval", "decision", 35, "calendar",
         "Luật Đầu tư 2020 (61/2020/QH14)", "2021-01-01", "2026-02-28"},
        {"tl-policy-consult-2021", "policy_approval", "consultation", 15, "calendar",
         "Luật Đầu tư 2020 (61/2020/QH14)", "2021-01-01", "2026-02-28"},
        {"tl-policy-2026", "policy_approval", "decision", 25, "calendar", "Luật Đầu tư (sửa đổi)",
         "2026-03-01", ""},
        {"tl-policy-consult-2026", "policy_approval", "consultation", 10, "calendar",
         "Luật Đầu tư (sửa đổi)", "2026-03-01", ""},
        {"tl-irc-2021", "irc_issue", "decision", 15, "calendar", "Luật Đầu tư 2020 (61/2020/QH14)",
         "2021-01-01", ""},
        {"tl-irc-adjust-2021", "irc_adjust", "decision", 10, "calendar",
         "Luật Đầu tư 2020 (61/2020/QH14)", "2021-01-01", ""},
        {"tl-land-2021", "land_lease", "decision", 30, "working", "Luật Đất đai", "2021-01-01", ""},
        {"tl-env-2022", "env_permit", "decision", 45, "working",
         "Luật Bảo vệ môi trường 2020 (72/2020/QH14)", "2022-01-01", ""},
        {"tl-build-2021", "construction_permit", "decision", 20, "calendar",
         "Luật Xây dựng (62/2020/QH14)", "2021-01-01", ""},
    };
    size_t i;

    for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        gen_text(g, "code", rows[i].code);
        gen_text(g, "procedure", rows[i].procedure);
        gen_text(g, "step", rows[i].step);
        gen_int(g, "days", rows[i].days);
        gen_text(g, "day_kind", rows[i].day_kind);
        gen_text(g, "law", rows[i].law);
        gen_text(g, "valid_from", rows[i].from);
        gen_text(g, "valid_to", rows[i].to);
        gen_text(g, "source", g->source);
        gen_end_row(g);
    }
    return g->err;
}

static long ntargets(const struct gen *g)
{
    return min_l(g->sc->targets, gen_nprovinces_of(g) * (long)gen_nmetrics);
}

/* The target numbers of target t, drawn the same way by both tables. */
struct target_vals {
    double base, goal;
    long due;
};

static void target_vals(const struct gen *g, long t, const struct gen_metric *m,
                        struct target_vals *v)
{
    struct gen_rng r;

    gen_rng_seed(&r, g->seed, GEN_S_TARGET, (uint64_t)t);
    v->base = m->base_lo + (m->base_hi - m->base_lo) * gen_unit(&r);
    v->base = (double)(long)(v->base * 10) / 10;
    if (m->gain > 0)
        v->goal = (double)(long)(v->base * m->gain * 10) / 10;
    else if (m->decrease)
        v->goal = (double)(long)(v->base * 4) / 10;
    else
        v->goal = v->base + 20 + (double)gen_range(&r, 0, 20);
    if (m->unit[0] == '%' && v->goal > 100)
        v->goal = 100;
    v->due = gen_pct(&r, 50) ? gen_days(2025, 12, 31) : gen_days(2030, 12, 31);
}

static void target_code(const struct gen *g, long t, char *out, size_t n)
{
    char prov[GEN_CODE_MAX];

    gen_province_code(g, t / (long)gen_nmetrics, prov);
    snprintf(out, n, "T%s-%s", prov, gen_metrics[t % (long)gen_nmetrics].metric);
}

static void target_row(struct gen *g, long t)
{
    const struct gen_metric *m = &gen_metrics[t % (long)gen_nmetrics];
    struct gen_unit_key p;
    struct target_vals v;
    char code[96];
    int year;

    gen_province_key(g, t / (long)gen_nmetrics, &p);
    target_vals(g, t, m, &v);
    year = gen_year(v.due);
    target_code(g, t, code, sizeof(code));
    gen_text(g, "code", code);
    gen_text(g, "metric", m->metric);
    gen_textf(g, "scope", "%s (trước sáp nhập)", p.name_vi);
    gen_text(g, "scope_unit", p.code);
    gen_textf(g, "name_vi", "%s – %s đến %d", m->vi, p.name_vi, year);
    gen_textf(g, "name_en", "%s – %s by %d", m->en, p.name_en, year);
    gen_textf(g, "name_ko", "%s – %s %d년까지", m->ko, p.name_ko, year);
    gen_text(g, "measure_unit", m->unit);
    gen_text(g, "basis", m->reported ? "reported" : "registry");
    gen_text(g, "direction", m->decrease ? "decrease" : "increase");
    gen_real(g, "baseline_value", v.base, 1);
    gen_date(g, "baseline_on", gen_days(2020, 12, 31));
    gen_real(g, "target_value", v.goal, 1);
    gen_date(g, "due_on", v.due);
    gen_text(g, "source", g->source);
    gen_text(g, "baseline_precision", "day");
    gen_empty(g, "scope_vi");
    gen_empty(g, "scope_ko");
    gen_end_row(g);
}

static enum khu_err gen_targets(struct gen *g)
{
    long t;

    for (t = 0; t < ntargets(g) && !g->err; t++)
        target_row(g, t);
    return g->err;
}

static void observations_of(struct gen *g, long t)
{
    const struct gen_metric *m = &gen_metrics[t % (long)gen_nmetrics];
    struct target_vals v;
    struct gen_rng r;
    char code[96];
    int y;

    if (!m->reported)
        return;
    target_vals(g, t, m, &v);
    target_code(g, t, code, sizeof(code));
    gen_rng_seed(&r, g->seed, GEN_S_OBSERVATION, (uint64_t)t);
    for (y = 2021; y <= 2025 && !g->err; y++) {
        double span = (double)(gen_year(v.due) - 2020);
        double pace = 0.6 + 0.7 * gen_unit(&r);
        double val = v.base + (v.goal - v.base) * pace * (y - 2020) / span;
        gen_text(g, "target_code", code);
        gen_date(g, "observed_on", y == 2025 ? gen_days(2025, 6, 30) : gen_days(y, 12, 31));
        gen_real(g, "value", val < 0 ? 0 : val, 1);
        gen_text(g, "source", g->source);
        gen_text(g, "note", y == 2025 ? "Figure for the first half of the year" : "");
        gen_text(g, "observed_precision", "day");
        gen_text(g, "note_vi", y == 2025 ? "Số liệu 6 tháng đầu năm" : "");
        gen_text(g, "note_ko", y == 2025 ? "상반기 수치" : "");
        gen_end_row(g);
    }
}

static enum khu_err gen_observations(struct gen *g)
{
    long t;

    for (t = 0; t < ntargets(g) && !g->err; t++)
        observations_of(g, t);
    return g->err;
}

/* ===== Partners, events, leads ===== */

static void partner_code(const struct gen *g, long i, char *out, size_t n)
{
    (void)g;
    if (i < (long)gen_npartners)
        snprintf(out, n, "%s", gen_partners[i].code);
    else
        snprintf(out, n, "partner-%03ld", i + 1);
}

static enum khu_err gen_partners_table(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->partners && !g->err; i++) {
        char code[32];
        partner_code(g, i, code, sizeof(code));
        gen_text(g, "code", code);
        if (i < (long)gen_npartners) {
            const struct gen_partner *p = &gen_partners[i];
            gen_text(g, "name", p->name);
            gen_text(g, "name_en", p->name_en);
            gen_text(g, "name_ko", p->name_ko);
            gen_text(g, "country", p->country);
            gen_text(g, "kind", p->kind);
            gen_text(g, "since", p->since);
        } else {
            const struct gen_brand *c = &gen_cities_kr[i % (long)gen_ncities_kr];
            struct gen_rng r;
            gen_rng_seed(&r, g->seed, GEN_S_PARTNER, (uint64_t)i);
            gen_textf(g, "name", "Hiệp hội doanh nghiệp %s số %ld", c->latin, i + 1);
            gen_textf(g, "name_en", "%s Business Association No. %ld", c->latin, i + 1);
            gen_textf(g, "name_ko", "%s 기업협회 %ld", c->ko, i + 1);
            gen_text(g, "country", "KR");
            gen_text(g, "kind", "association");
            gen_date(g, "since", gen_days(2015, 1, 1) + (long)gen_below(&r, 3800));
        }
        gen_text(g, "source", g->source);
        gen_end_row(g);
    }
    return g->err;
}

static enum khu_err gen_events(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->events && !g->err; i++) {
        struct gen_event_key e;
        char code[32];
        const char *country;
        const char *place;

        gen_event_key(g, i, &e);
        partner_code(g, e.partner, code, sizeof(code));
        country = e.partner < (long)gen_npartners ? gen_partners[e.partner].country : "KR";
        if (strcmp(country, "KR") == 0 && gen_pct(&e.rng, 60)) {
            place = gen_cities_kr[gen_below(&e.rng, gen_ncities_kr)].latin;
        } else {
            place = gen_pct(&e.rng, 50) ? "TP. Hồ Chí Minh" : "Tân An";
            country = "VN";
        }
        gen_text(g, "code", e.code);
        gen_textf(g, "title", "Hội nghị xúc tiến đầu tư tại %s năm %d", place, gen_year(e.held));
        gen_text(g, "partner_code", code);
        gen_date(g, "held_on", e.held);
        gen_text(g, "place", place);
        gen_text(g, "country", country);
        gen_text(g, "source", g->source);
        gen_end_row(g);
    }
    return g->err;
}

static void lead_row(struct gen *g, long i)
{
    const struct gen_brand *b;
    const struct gen_industry *d;
    struct gen_event_key e;
    struct gen_rng r;
    char zones[256];
    struct sbuf s;
    long n, k;

    gen_rng_seed(&r, g->seed, GEN_S_LEAD, (uint64_t)i);
    gen_event_key(g, (long)gen_below(&r, (uint64_t)g->sc->events), &e);
    b = &gen_brands_kr[gen_below(&r, gen_nbrands_kr)];
    d = &gen_industries[gen_below(&r, gen_nindustries)];
    gen_textf(g, "code", "TN-%05ld", i + 1);
    gen_text(g, "event_code", e.code);
    if (gen_pct(&r, 50))
        gen_textf(g, "company", "%s %s Co., Ltd.", b->latin, d->brand_en);
    else
        gen_textf(g, "company", "(주)%s%s", b->ko, d->brand_ko);
    gen_text(g, "country", "KR");
    gen_text(g, "vsic", d->v2018);
    {
        const char *family = gen_family_kr[gen_below(&r, gen_nfamily_kr)];
        const char *given = gen_given_kr[gen_below(&r, gen_ngiven_kr)];
        char mail[64];
        snprintf(mail, sizeof(mail), "%s", family);
        for (k = 0; mail[k]; k++)
            if (mail[k] >= 'A' && mail[k] <= 'Z')
                mail[k] = (char)(mail[k] - 'A' + 'a');
        gen_textf(g, "contact", "%s %s, %s@%s.example", family, given, mail, b->latin);
    }
    sb_init(&s, zones, sizeof(zones));
    n = gen_range(&r, 0, 3);
    for (k = 0; k < n; k++) {
        struct gen_zone_key z;
        gen_zone_key(g, (long)gen_below(&r, (uint64_t)g->sc->zones), &z);
        if (!strstr(zones, z.code))
            sb_add(&s, "%s%s", s.len ? " " : "", z.code);
    }
    gen_text(g, "zones", zones);
    gen_date(g, "received_on", min_l(gen_today(), e.held + gen_range(&r, 0, 90)));
    if (gen_pct(&r, 30))
        gen_textf(g, "note", "Quan tâm thuê %ld ha đất, cần xử lý nước thải %ld m3/ngày",
                  gen_range(&r, 1, 20), gen_range(&r, 1, 20) * 50);
    else
        gen_empty(g, "note");
    /* the follow-up: a status, never an owner (accounts are not data) */
    {
        static const char *const statuses[] = {"new", "contacted", "visiting", "invested",
                                               "dropped"};
        unsigned st = (unsigned)gen_below(&r, 5);
        gen_text(g, "status", statuses[st]);
        gen_empty(g, "owner");
        if (st > 0)
            gen_text(g, "notes", "Đã liên hệ qua e-mail (dữ liệu tổng hợp)");
        else
            gen_empty(g, "notes");
    }
    gen_end_row(g);
}

static enum khu_err gen_leads(struct gen *g)
{
    long i;

    for (i = 0; i < g->sc->leads && !g->err; i++)
        lead_row(g, i);
    return g->err;
}

/* ===== Sources ===== */

/* The one source every synthetic row cites: the generator itself, so that
 * the data names it and `khu check` finds no unregistered source. */
static enum khu_err gen_sources(struct gen *g)
{
    gen_text(g, "code", "khu-gen");
    gen_text(g, "cite", g->source);
    gen_empty(g, "url");
    gen_text(g, "publisher", "khu gen");
    gen_text(g, "title", "Synthetic data set (not real data)");
    gen_text(g, "title_vi", "Bộ dữ liệu tổng hợp (không phải dữ liệu thật)");
    gen_text(g, "title_en", "Synthetic data set (not real data)");
    gen_text(g, "title_ko", "합성 데이터셋 (실제 데이터 아님)");
    gen_text(g, "lang", "en");
    gen_empty(g, "published_on");
    gen_empty(g, "published_precision");
    gen_text(g, "kind", "other");
    gen_text(g, "reviewed", "0");
    gen_empty(g, "review");
    gen_text(g, "note", "Made up by khu gen for trying things out and for benchmarks.");
    gen_empty(g, "review_vi");
    gen_empty(g, "review_ko");
    gen_end_row(g);
    return g->err;
}

/* ===== Registry ===== */

static const struct {
    const char *name;
    gen_table_fn fn;
} table_fns[] = {
    {"sources", gen_sources},
    {"units", gen_units},
    {"departments", gen_departments_table},
    {"sectors", gen_sectors},
    {"sector_map", gen_sector_map},
    {"sector_groups", gen_sector_groups},
    {"zones", gen_zones},
    {"enterprises", gen_enterprises},
    {"capabilities", gen_capabilities},
    {"certifications", gen_certifications_table},
    {"supplier_contacts", gen_supplier_contacts},
    {"projects", gen_projects},
    {"demands", gen_demands},
    {"linkages", gen_linkages},
    {"matches", gen_matches},
    {"dossiers", gen_dossiers},
    {"consultations", gen_consultations},
    {"time_limits", gen_time_limits},
    {"targets", gen_targets},
    {"observations", gen_observations},
    {"partners", gen_partners_table},
    {"events", gen_events},
    {"leads", gen_leads},
};

gen_table_fn gen_table_find(const char *name)
{
    size_t i;

    for (i = 0; i < sizeof(table_fns) / sizeof(table_fns[0]); i++)
        if (strcmp(table_fns[i].name, name) == 0)
            return table_fns[i].fn;
    return NULL;
}
