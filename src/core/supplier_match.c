/* SPDX-License-Identifier: MIT */
/*
 * Supplier matching (see supplier_match.h). Each criterion maps a
 * supplier's facts to a sub-score in [0, 1] that never decreases as a fact
 * gets better (a higher level, a certificate valid longer, more capacity,
 * a shorter distance, more experience); the score is their weighted mean
 * over the criteria the demand makes count. A stated requirement is also
 * checked: met, not met (excluded) or unknown (unverified). The checks
 * never change the score. Unknown facts score 0.5.
 */
#include "core/supplier_match.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define NEUTRAL 0.5

static const double default_weights[SCRIT_COUNT] = {3, 2, 1, 2, 1, 1};

void supplier_default_weights(struct supplier_demand *d)
{
    memcpy(d->weight, default_weights, sizeof(d->weight));
}

static double clamp01(double v)
{
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Adds a reason (dropped when the list is full: the first ones are the
 * ones shown). */
static void add_reason(struct supplier_result *r, enum supplier_reason_kind kind,
                       enum supplier_criterion c, const char *token, double a, double b,
                       int32_t day, int32_t day2)
{
    if (r->nreasons < SUPPLIER_MAX_REASONS)
        r->reasons[r->nreasons++] = (struct supplier_reason){kind, c, token, a, b, day, day2};
}

/* Records criterion c's check; a check never gets better once worse. */
static void set_check(struct supplier_result *r, enum supplier_criterion c,
                      enum supplier_check check)
{
    if (check > r->check[c])
        r->check[c] = check;
}

/* A fact is unknown: unverified when the demand requires it, else a gap
 * scored neutral. */
static double unknown(struct supplier_result *r, enum supplier_criterion c, int required)
{
    if (required) {
        set_check(r, c, SCHECK_UNKNOWN);
        add_reason(r, SREASON_UNVERIFIED, c, NULL, 0, 0, MATCH_NO_DAY, MATCH_NO_DAY);
    } else {
        add_reason(r, SREASON_UNKNOWN, c, NULL, 0, 0, MATCH_NO_DAY, MATCH_NO_DAY);
    }
    r->unknowns++;
    return NEUTRAL;
}

/* Whether tokens a (a supplier's, may be NULL) and b (the demand's) are
 * the same. */
static int same_token(const struct supplier_demand *d, const char *a, const char *b)
{
    return d->canonical_tokens ? a == b : a && !strcmp(a, b);
}

static enum supplier_level level_of(const struct supplier_demand *d, const struct supplier_facts *s,
                                    const char *process)
{
    enum supplier_level best = LEVEL_NONE;
    size_t i;

    for (i = 0; i < s->ncaps; i++)
        if (same_token(d, s->caps[i].process, process) && s->caps[i].level > best)
            best = s->caps[i].level;
    return best;
}

/* Every process asked for must be in the profile; each scores by the
 * level the supplier does it at (can do 1/3, in volume 2/3, audited 1). */
static double capability(const struct supplier_demand *d, const struct supplier_facts *s,
                         struct supplier_result *r)
{
    double sum = 0;
    size_t i;

    if (!s->caps_known)
        return unknown(r, SCRIT_CAPABILITY, 1);
    set_check(r, SCRIT_CAPABILITY, SCHECK_MET);
    for (i = 0; i < d->nprocesses; i++) {
        enum supplier_level l = level_of(d, s, d->processes[i]);
        if (l == LEVEL_NONE) {
            set_check(r, SCRIT_CAPABILITY, SCHECK_NOT_MET);
            add_reason(r, SREASON_PROCESS_MISSING, SCRIT_CAPABILITY, d->processes[i], 0, 0,
                       MATCH_NO_DAY, MATCH_NO_DAY);
        }
        sum += (double)l / LEVEL_AUDITED;
    }
    return sum / (double)d->nprocesses;
}

/* One standard on day: 1 a certificate valid that day, 0.5 one held whose
 * end is not known (unverified), 0 none (excluded, with why). */
static double one_standard(const struct supplier_demand *d, const char *standard, int32_t day,
                           const struct supplier_facts *s, struct supplier_result *r)
{
    int32_t latest_end = MATCH_NO_DAY, earliest_start = MATCH_NO_DAY;
    int held = 0, undated = 0;
    size_t i;

    for (i = 0; i < s->ncerts; i++) {
        const struct supplier_cert *c = &s->certs[i];
        int started = c->valid_from == MATCH_NO_DAY || c->valid_from <= day;
        if (!same_token(d, c->standard, standard))
            continue;
        held = 1;
        if (started && c->valid_to != MATCH_NO_DAY && c->valid_to >= day)
            return 1;
        if (started && c->valid_to == MATCH_NO_DAY)
            undated = 1;
        if (c->valid_to != MATCH_NO_DAY && (latest_end == MATCH_NO_DAY || c->valid_to > latest_end))
            latest_end = c->valid_to;
        if (!started && (earliest_start == MATCH_NO_DAY || c->valid_from < earliest_start))
            earliest_start = c->valid_from;
    }
    if (undated) {
        add_reason(r, SREASON_CERT_UNDATED, SCRIT_CERTIFICATION, standard, 0, 0, day, MATCH_NO_DAY);
        set_check(r, SCRIT_CERTIFICATION, SCHECK_UNKNOWN);
        r->unknowns++;
        return NEUTRAL;
    }
    set_check(r, SCRIT_CERTIFICATION, SCHECK_NOT_MET);
    if (!held)
        add_reason(r, SREASON_CERT_MISSING, SCRIT_CERTIFICATION, standard, 0, 0, day, MATCH_NO_DAY);
    else if (earliest_start != MATCH_NO_DAY) /* one starts later: say when */
        add_reason(r, SREASON_CERT_NOT_YET, SCRIT_CERTIFICATION, standard, 0, 0, day,
                   earliest_start);
    else
        add_reason(r, SREASON_CERT_EXPIRED, SCRIT_CERTIFICATION, standard, 0, 0, day, latest_end);
    return 0;
}

static double certification(const struct supplier_demand *d, const struct supplier_facts *s,
                            struct supplier_result *r)
{
    double sum = 0;
    size_t i;

    if (!s->certs_known)
        return unknown(r, SCRIT_CERTIFICATION, 1);
    set_check(r, SCRIT_CERTIFICATION, SCHECK_MET);
    for (i = 0; i < d->nstandards; i++)
        sum += one_standard(d, d->standards[i], d->needed_by, s, r);
    return sum / (double)d->nstandards;
}

/* The same class (the first four digits) 1, the same division (two) 0.5.
 * Both codes of one VSIC version: the caller maps them. */
static double sector(const struct supplier_demand *d, const struct supplier_facts *s,
                     struct supplier_result *r)
{
    if (!s->vsic || !s->vsic[0])
        return unknown(r, SCRIT_SECTOR, 0);
    if (strlen(d->vsic) >= 4 && strlen(s->vsic) >= 4 && !strncmp(d->vsic, s->vsic, 4))
        return 1;
    if (strlen(d->vsic) >= 2 && strlen(s->vsic) >= 2 && !strncmp(d->vsic, s->vsic, 2))
        return 0.5;
    return 0;
}

/* Capacity for the whole volume scores 0.75, rising to 1 at twice it;
 * less scores in proportion (a supplier may take a share). */
static double capacity(const struct supplier_demand *d, const struct supplier_facts *s,
                       struct supplier_result *r)
{
    double ratio;

    if (!s->annual_capacity.known)
        return unknown(r, SCRIT_CAPACITY, 0);
    ratio = s->annual_capacity.v / d->annual_volume.v;
    return ratio >= 1 ? 0.75 + 0.25 * clamp01(ratio - 1) : 0.75 * clamp01(ratio);
}

/* Closer is better: with a limit, half marks at the limit; otherwise half
 * marks at 30 km. Beyond the limit the supplier is excluded. */
static double distance(const struct supplier_demand *d, const struct supplier_facts *s,
                       struct supplier_result *r)
{
    double km;

    if (!s->km.known)
        return unknown(r, SCRIT_DISTANCE, d->max_km.known);
    km = s->km.v > 0 ? s->km.v : 0;
    if (d->max_km.known && km > d->max_km.v) {
        add_reason(r, SREASON_TOO_FAR, SCRIT_DISTANCE, NULL, d->max_km.v, km, MATCH_NO_DAY,
                   MATCH_NO_DAY);
        set_check(r, SCRIT_DISTANCE, SCHECK_NOT_MET);
    } else if (d->max_km.known) {
        set_check(r, SCRIT_DISTANCE, SCHECK_MET);
    }
    if (d->max_km.known && d->max_km.v > 0)
        return clamp01(1 - km / (2 * d->max_km.v));
    return 1 / (1 + km / 30);
}

/* Each buyer like this one supplied before counts, less and less. */
static double experience(const struct supplier_facts *s, struct supplier_result *r)
{
    double n;

    if (!s->experience.known)
        return unknown(r, SCRIT_EXPERIENCE, 0);
    n = s->experience.v > 0 ? s->experience.v : 0;
    return n / (n + 2);
}

/* Which criteria the demand makes count (whatever the weights). */
static void counted_by(const struct supplier_demand *d, int counted[SCRIT_COUNT])
{
    counted[SCRIT_CAPABILITY] = d->nprocesses > 0;
    counted[SCRIT_CERTIFICATION] = d->nstandards > 0;
    counted[SCRIT_SECTOR] = d->vsic && d->vsic[0];
    counted[SCRIT_CAPACITY] = d->annual_volume.known && d->annual_volume.v > 0;
    counted[SCRIT_DISTANCE] = d->has_place;
    counted[SCRIT_EXPERIENCE] = 1;
}

/* Reasons shown first: why excluded, then what to ask, then what is
 * unknown; in criterion order within each. */
static int reason_class(const struct supplier_reason *x)
{
    int cls = x->kind == SREASON_UNKNOWN                                         ? 2
              : x->kind == SREASON_UNVERIFIED || x->kind == SREASON_CERT_UNDATED ? 1
                                                                                 : 0;
    return cls * SCRIT_COUNT + (int)x->criterion;
}

static void order_reasons(struct supplier_result *r)
{
    int i, j;

    for (i = 1; i < r->nreasons; i++) {
        struct supplier_reason t = r->reasons[i];
        int c = reason_class(&t);
        for (j = i; j > 0 && reason_class(&r->reasons[j - 1]) > c; j--)
            r->reasons[j] = r->reasons[j - 1];
        r->reasons[j] = t;
    }
}

/* Scores s; full 0 leaves out the reasons (a ranking's first pass, which
 * keeps only the group, the score and the unknowns). */
static void score_supplier(const struct supplier_demand *d, const struct supplier_facts *s,
                           struct supplier_result *out, int full)
{
    double sub[SCRIT_COUNT] = {0}, total = 0;
    int i;

    memset(out, 0, full ? sizeof(*out) : offsetof(struct supplier_result, reasons));
    out->nreasons = full ? 0 : SUPPLIER_MAX_REASONS; /* a full list drops the rest */
    out->supplier = s;
    counted_by(d, out->counted);
    if (out->counted[SCRIT_CAPABILITY])
        sub[SCRIT_CAPABILITY] = capability(d, s, out);
    if (out->counted[SCRIT_CERTIFICATION])
        sub[SCRIT_CERTIFICATION] = certification(d, s, out);
    if (out->counted[SCRIT_SECTOR])
        sub[SCRIT_SECTOR] = sector(d, s, out);
    if (out->counted[SCRIT_CAPACITY])
        sub[SCRIT_CAPACITY] = capacity(d, s, out);
    if (out->counted[SCRIT_DISTANCE])
        sub[SCRIT_DISTANCE] = distance(d, s, out);
    sub[SCRIT_EXPERIENCE] = experience(s, out);
    for (i = 0; i < SCRIT_COUNT; i++) {
        if (out->check[i] == SCHECK_NOT_MET)
            out->group = SUPPLIER_EXCLUDED;
        else if (out->check[i] == SCHECK_UNKNOWN && out->group == SUPPLIER_FITS)
            out->group = SUPPLIER_UNVERIFIED;
        if (d->weight[i] <= 0)
            out->counted[i] = 0; /* a zero weight removes it from the score */
    }
    if (full)
        order_reasons(out);
    else
        out->nreasons = 0;
    for (i = 0; i < SCRIT_COUNT; i++)
        if (out->counted[i])
            total += d->weight[i];
    for (i = 0; i < SCRIT_COUNT && total > 0; i++) {
        if (!out->counted[i])
            continue;
        out->contribution[i] = 100 * d->weight[i] * sub[i] / total;
        out->score += out->contribution[i];
    }
}

void supplier_score(const struct supplier_demand *d, const struct supplier_facts *s,
                    struct supplier_result *out)
{
    score_supplier(d, s, out, 1);
}

/* The ranking order (see supplier_match.h); tax codes are unique, so it
 * is total. */
static int compare_results(const void *pa, const void *pb)
{
    const struct supplier_result *a = pa, *b = pb;

    return rank_compare((int)a->group, a->score, a->unknowns, a->supplier->tax_code, (int)b->group,
                        b->score, b->unknowns, b->supplier->tax_code);
}

void supplier_rank(const struct supplier_demand *d, const struct supplier_facts *suppliers,
                   size_t n, struct supplier_result *results)
{
    size_t i;

    for (i = 0; i < n; i++)
        supplier_score(d, &suppliers[i], &results[i]);
    qsort(results, n, sizeof(*results), compare_results);
}

static const char *tax_code_at(const void *set, uint32_t index)
{
    return ((const struct supplier_facts *)set)[index].tax_code;
}

int supplier_surely_excluded(const struct supplier_demand *d, const struct supplier_facts *s)
{
    return (d->process_bits && s->caps_known &&
            (s->process_bits & d->process_bits) != d->process_bits) ||
           (d->standard_bits && s->certs_known &&
            (s->standard_bits & d->standard_bits) != d->standard_bits);
}

size_t supplier_rank_page(const struct supplier_demand *d, const struct supplier_facts *suppliers,
                          size_t n, const struct supplier_page *page, struct rank_key *scratch,
                          struct supplier_result *results, size_t count[SUPPLIER_GROUPS])
{
    struct rank_top tops[SUPPLIER_GROUPS];
    struct supplier_result r;
    size_t i, g, out = 0, room = page->offset + page->limit;
    int filter = !((page->groups >> SUPPLIER_EXCLUDED) & 1u);

    for (g = 0; g < SUPPLIER_GROUPS; g++) {
        int asked = (page->groups >> g) & 1u;
        rank_top_init(&tops[g], scratch, asked ? room : 0, tax_code_at, suppliers);
        scratch += tops[g].k;
        count[g] = 0;
    }
    for (i = 0; i < n; i++) {
        struct rank_key key;
        if (filter && supplier_surely_excluded(d, &suppliers[i])) {
            count[SUPPLIER_EXCLUDED]++;
            continue;
        }
        score_supplier(d, &suppliers[i], &r, 0); /* the page is scored again, in full */
        key.score = r.score;
        key.index = (uint32_t)i;
        key.unknowns = (uint16_t)r.unknowns;
        key.group = (uint8_t)r.group;
        count[r.group]++;
        rank_top_offer(&tops[r.group], &key);
    }
    for (g = 0; g < SUPPLIER_GROUPS; g++) {
        rank_top_sort(&tops[g]);
        for (i = page->offset; i < tops[g].n; i++)
            supplier_score(d, &suppliers[tops[g].items[i].index], &results[out++]);
    }
    return out;
}

double supplier_km(double lat1, double lon1, double lat2, double lon2)
{
    const double rad = M_PI / 180, earth_km = 6371.0088;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double h = sin(dlat / 2) * sin(dlat / 2) +
               cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);

    return 2 * earth_km * asin(sqrt(h < 1 ? h : 1));
}

const char *supplier_criterion_name(enum supplier_criterion c)
{
    static const char *const names[SCRIT_COUNT] = {"capability", "certification", "sector",
                                                   "capacity",   "distance",      "experience"};
    return c < SCRIT_COUNT ? names[c] : "?";
}

const char *supplier_group_name(enum supplier_group g)
{
    static const char *const names[SUPPLIER_GROUPS] = {"fits", "unverified", "excluded"};
    return g < SUPPLIER_GROUPS ? names[g] : "?";
}

const char *supplier_check_name(enum supplier_check c)
{
    static const char *const names[] = {"not_asked", "met", "unknown", "not_met"};
    return c <= SCHECK_NOT_MET ? names[c] : "?";
}

static const char *const level_names[] = {"", "can_do", "in_volume", "audited"};

const char *supplier_level_name(enum supplier_level l)
{
    return l <= LEVEL_AUDITED ? level_names[l] : "";
}

enum supplier_level supplier_level_of(const char *token)
{
    int l;

    for (l = LEVEL_CAN_DO; token && l <= LEVEL_AUDITED; l++)
        if (!strcmp(token, level_names[l]))
            return (enum supplier_level)l;
    return LEVEL_NONE;
}
