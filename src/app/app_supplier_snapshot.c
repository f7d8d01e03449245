/* SPDX-License-Identifier: MIT */
/*
 * The supplier finder's shared snapshot (see app_supplier_snapshot.h).
 * Suppliers come in order of tax code, and so do their processes,
 * certificates and past buyers, so each list is joined to its supplier by
 * walking forward. A supplier whose profile lists processes or
 * certificates only as tokens on the enterprise (no rows with levels or
 * dates) gets them as "can do" and as held with no known end: what it
 * says, unverified. Its certificates are known when it holds one or its
 * profile has rows or was verified; otherwise they are unknown.
 */
#include "app/app_supplier_snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_supplier_finder.h"
#include "core/hash.h"
#include "core/num.h"
#include "core/xalloc.h"
#include "store/suppliers.h"

/* ===== a pool of strings and small arrays that never move ===== */

#define POOL_CHUNK (1u << 20)

struct snap_pool {
    struct snap_pool *next;
    size_t used, size;
    char data[];
};

static void *pool_alloc(struct snap_pool **pool, size_t n)
{
    struct snap_pool *p = *pool;

    n = (n + 7) & ~(size_t)7;
    if (!p || p->size - p->used < n) {
        size_t size = n > POOL_CHUNK ? n : POOL_CHUNK;
        struct snap_pool *fresh = xmalloc(sizeof(*fresh) + size);
        if (!fresh)
            return NULL;
        fresh->next = p;
        fresh->used = 0;
        fresh->size = size;
        *pool = p = fresh;
    }
    p->used += n;
    return p->data + p->used - n;
}

static const char *pool_str(struct snap_pool **pool, const char *s, int *nomem)
{
    char *copy;

    if (!s)
        return NULL;
    copy = pool_alloc(pool, strlen(s) + 1);
    if (!copy) {
        *nomem = 1;
        return NULL;
    }
    return memcpy(copy, s, strlen(s) + 1);
}

static void pool_free(struct snap_pool *p)
{
    while (p) {
        struct snap_pool *next = p->next;
        xfree(p);
        p = next;
    }
}

/* ===== process names, numbered ===== */

#define NAMES_SLOTS 8192 /* distinct processes kept; more get no number */

struct snap_names {
    const char *slot[NAMES_SLOTS];
    uint32_t number[NAMES_SLOTS];
    uint32_t n;
};

static size_t name_slot(const struct snap_names *t, const char *name)
{
    size_t i = hash_fnv1a(name, strlen(name)) & (NAMES_SLOTS - 1);

    while (t->slot[i] && strcmp(t->slot[i], name))
        i = (i + 1) & (NAMES_SLOTS - 1);
    return i;
}

/* Numbers name (a pooled string) if new; returns its bit, 0 past 63. */
static uint64_t name_bit(struct snap_names *t, const char *name)
{
    size_t i = name_slot(t, name);

    if (!t->slot[i]) {
        if (t->n >= NAMES_SLOTS / 2)
            return 0;
        t->slot[i] = name;
        t->number[i] = t->n++;
    }
    return t->number[i] < 63 ? 1ull << t->number[i] : 0;
}

/* The one copy of name kept in t (numbering it if new), or name itself
 * when t is full. */
static const char *canonical(struct snap_names *t, const char *name)
{
    size_t i;

    name_bit(t, name);
    i = name_slot(t, name);
    return t->slot[i] ? t->slot[i] : name;
}

const char *app_supplier__canonical(const struct supplier_snapshot *snap, int standard,
                                    const char *token)
{
    const struct snap_names *t = standard ? snap->standards : snap->processes;
    size_t i = name_slot(t, token);

    return t->slot[i] ? t->slot[i] : token;
}

static uint64_t known_bit(const struct snap_names *t, const char *name)
{
    size_t i = name_slot(t, name);

    if (!t->slot[i])
        return SNAP_NO_PROCESS_BIT;
    return t->number[i] < 63 ? 1ull << t->number[i] : 0;
}

uint64_t app_supplier__process_bit(const struct supplier_snapshot *snap, const char *process)
{
    return known_bit(snap->processes, process);
}

uint64_t app_supplier__standard_bit(const struct supplier_snapshot *snap, const char *standard)
{
    return known_bit(snap->standards, standard);
}

long app_supplier__find(const struct supplier_snapshot *snap, const char *tax_code)
{
    long lo = 0, hi = snap->n - 1;

    while (lo <= hi) {
        long mid = lo + (hi - lo) / 2;
        int c = strcmp(snap->suppliers[mid].facts.tax_code, tax_code);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* ===== loading ===== */

/* A growing array of fixed-size items. */
struct grow {
    void *items;
    size_t n, cap, size;
};

static void *grow_next(struct grow *g, int *nomem)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 256;
        void *bigger = xrealloc(g->items, cap * g->size);
        if (!bigger) {
            *nomem = 1;
            return NULL;
        }
        g->items = bigger;
        g->cap = cap;
    }
    return (char *)g->items + g->size * g->n++;
}

struct loader {
    struct supplier_snapshot *snap;
    struct grow suppliers, caps, certs, buyers, demands;
    size_t *cap_first, *cert_first; /* per supplier, into caps and certs */
    long at;                        /* the supplier a walk has reached */
    int nomem;
};

static int32_t day_or_none(const char *iso)
{
    int32_t day;

    return iso && !parse_date(iso, &day) ? day : MATCH_NO_DAY;
}

static int add_supplier(void *arg, const struct store_supplier *in)
{
    struct loader *ld = arg;
    struct snap_pool **pool = &ld->snap->pool;
    struct snap_supplier *s = grow_next(&ld->suppliers, &ld->nomem);

    if (!s)
        return 1;
    memset(s, 0, sizeof(*s));
    s->facts.tax_code = pool_str(pool, in->tax_code, &ld->nomem);
    s->facts.vsic = pool_str(pool, in->vsic, &ld->nomem);
    s->cap_tokens = pool_str(pool, in->cap_tokens, &ld->nomem);
    s->cert_tokens = pool_str(pool, in->cert_tokens, &ld->nomem);
    s->name = pool_str(pool, in->name, &ld->nomem);
    s->name_en = pool_str(pool, in->name_en, &ld->nomem);
    s->ownership = pool_str(pool, in->ownership, &ld->nomem);
    s->country = pool_str(pool, in->country, &ld->nomem);
    s->zone_code = pool_str(pool, in->zone_code, &ld->nomem);
    s->unit_code = pool_str(pool, in->unit_code, &ld->nomem);
    s->products = pool_str(pool, in->products, &ld->nomem);
    s->languages = pool_str(pool, in->languages, &ld->nomem);
    s->verified_on = pool_str(pool, in->verified_on, &ld->nomem);
    s->capacity_unit = pool_str(pool, in->capacity_unit, &ld->nomem);
    s->capacity_month = in->capacity_month;
    s->employees = in->employees;
    s->lat = in->lat;
    s->lon = in->lon;
    return ld->nomem;
}

/* Moves the walk to the supplier with tax code; returns 0 when there is
 * none (a row of a supplier not loaded: skipped). */
static int walk_to(struct loader *ld, const char *tax_code)
{
    struct snap_supplier *s = ld->snap->suppliers;

    while (ld->at < ld->snap->n && strcmp(s[ld->at].facts.tax_code, tax_code) < 0)
        ld->at++;
    return ld->at < ld->snap->n && !strcmp(s[ld->at].facts.tax_code, tax_code);
}

struct cap_row {
    long supplier;
    struct supplier_capability c;
};

struct cert_row {
    long supplier;
    struct supplier_cert c;
};

static int add_capability(void *arg, const struct store_capability *in)
{
    struct loader *ld = arg;
    struct cap_row *r;

    if (!walk_to(ld, in->tax_code))
        return 0;
    r = grow_next(&ld->caps, &ld->nomem);
    if (!r)
        return 1;
    r->supplier = ld->at;
    r->c.process = pool_str(&ld->snap->pool, in->process, &ld->nomem);
    r->c.level = supplier_level_of(in->level);
    return ld->nomem;
}

static int add_certificate(void *arg, const struct store_certificate *in)
{
    struct loader *ld = arg;
    struct cert_row *r;

    if (!walk_to(ld, in->tax_code))
        return 0;
    r = grow_next(&ld->certs, &ld->nomem);
    if (!r)
        return 1;
    r->supplier = ld->at;
    r->c.standard = pool_str(&ld->snap->pool, in->standard, &ld->nomem);
    r->c.valid_from = day_or_none(in->valid_from);
    r->c.valid_to = day_or_none(in->valid_to);
    return ld->nomem;
}

static int add_buyer(void *arg, const struct store_supplied *in)
{
    struct loader *ld = arg;
    struct snap_buyer *b;
    struct snap_supplier *s;

    if (!walk_to(ld, in->supplier_tax_code))
        return 0;
    b = grow_next(&ld->buyers, &ld->nomem);
    if (!b)
        return 1;
    s = &ld->snap->suppliers[ld->at];
    if (!s->nbuyers)
        s->first_buyer = (uint32_t)(ld->buyers.n - 1);
    s->nbuyers++;
    snprintf(b->country, sizeof(b->country), "%s", in->buyer_country ? in->buyer_country : "");
    snprintf(b->division, sizeof(b->division), "%.2s", in->buyer_vsic ? in->buyer_vsic : "");
    return 0;
}

/* Splits space-separated tokens into a pooled array; *n receives the count. */
static const char **split_tokens(struct snap_pool **pool, const char *list, size_t *n, int *nomem)
{
    const char **out;
    const char *p;
    size_t count = 0, k = 0;

    *n = 0;
    for (p = list; p && *p;) {
        size_t len = strcspn(p, " ");
        count += len > 0;
        p += len + (p[len] == ' ');
    }
    if (!count)
        return NULL;
    out = pool_alloc(pool, count * sizeof(*out));
    if (!out) {
        *nomem = 1;
        return NULL;
    }
    for (p = list; *p;) {
        size_t len = strcspn(p, " ");
        if (len) {
            char *t = pool_alloc(pool, len + 1);
            if (!t) {
                *nomem = 1;
                return NULL;
            }
            memcpy(t, p, len);
            t[len] = '\0';
            out[k++] = t;
        }
        p += len + (p[len] == ' ');
    }
    *n = k;
    return out;
}

static int add_demand(void *arg, const struct store_demand *in)
{
    struct loader *ld = arg;
    struct snap_pool **pool = &ld->snap->pool;
    struct snap_demand *dm = grow_next(&ld->demands, &ld->nomem);

    if (!dm)
        return 1;
    memset(dm, 0, sizeof(*dm));
    dm->code = pool_str(pool, in->code, &ld->nomem);
    dm->buyer_tax_code = pool_str(pool, in->buyer_tax_code, &ld->nomem);
    dm->buyer_name = pool_str(pool, in->buyer_name, &ld->nomem);
    dm->title = pool_str(pool, in->title, &ld->nomem);
    dm->vsic = pool_str(pool, in->vsic, &ld->nomem);
    dm->volume_unit = pool_str(pool, in->volume_unit, &ld->nomem);
    dm->buyer_country = pool_str(pool, in->buyer_country, &ld->nomem);
    dm->buyer_vsic = pool_str(pool, in->buyer_vsic, &ld->nomem);
    dm->processes = split_tokens(pool, in->cap_tokens, &dm->nprocesses, &ld->nomem);
    dm->standards = split_tokens(pool, in->cert_tokens, &dm->nstandards, &ld->nomem);
    dm->needed_by = day_or_none(in->needed_by);
    dm->annual_usd = in->annual_usd;
    dm->annual_volume = in->annual_volume;
    dm->max_km = in->max_km;
    dm->buyer_lat = in->buyer_lat;
    dm->buyer_lon = in->buyer_lon;
    return ld->nomem;
}

/* Gives each supplier its processes: the rows, else its tokens as "can
 * do"; numbers them and sets the bits. */
static void settle_capabilities(struct loader *ld)
{
    struct supplier_snapshot *snap = ld->snap;
    struct cap_row *rows = ld->caps.items;
    size_t r = 0;
    long i;

    for (i = 0; i < snap->n && !ld->nomem; i++) {
        struct snap_supplier *s = &snap->suppliers[i];
        struct supplier_capability *caps;
        size_t first = r, k, ntok = 0;
        const char **tok = NULL;
        while (r < ld->caps.n && rows[r].supplier == i)
            r++;
        if (r == first)
            tok = split_tokens(&snap->pool, s->cap_tokens, &ntok, &ld->nomem);
        s->facts.ncaps = r > first ? r - first : ntok;
        caps = s->facts.ncaps ? pool_alloc(&snap->pool, s->facts.ncaps * sizeof(*caps)) : NULL;
        if (s->facts.ncaps && !caps) {
            ld->nomem = 1;
            break;
        }
        for (k = 0; k < s->facts.ncaps; k++) {
            caps[k] =
                r > first ? rows[first + k].c : (struct supplier_capability){tok[k], LEVEL_CAN_DO};
            s->facts.process_bits |= name_bit(snap->processes, caps[k].process);
            caps[k].process = canonical(snap->processes, caps[k].process);
        }
        s->facts.caps = caps;
        s->facts.caps_known = s->facts.ncaps > 0;
        snap->bits[i] = s->facts.process_bits;
        snap->caps_known[i] = (uint8_t)s->facts.caps_known;
    }
}

/* Gives each supplier its certificates: the rows, and the tokens no row
 * dates, as held with no known end. */
static void settle_certificates(struct loader *ld, const size_t *cap_rows)
{
    struct supplier_snapshot *snap = ld->snap;
    struct cert_row *rows = ld->certs.items;
    size_t r = 0;
    long i;

    for (i = 0; i < snap->n && !ld->nomem; i++) {
        struct snap_supplier *s = &snap->suppliers[i];
        struct supplier_cert *certs;
        size_t first = r, k, ntok = 0, n;
        const char **tok;
        while (r < ld->certs.n && rows[r].supplier == i)
            r++;
        tok = split_tokens(&snap->pool, s->cert_tokens, &ntok, &ld->nomem);
        certs = pool_alloc(&snap->pool, (r - first + ntok + 1) * sizeof(*certs));
        if (!certs) {
            ld->nomem = 1;
            break;
        }
        for (n = 0; n < r - first; n++)
            certs[n] = rows[first + n].c;
        for (k = 0; k < ntok; k++) {
            size_t j;
            for (j = 0; j < r - first && strcmp(certs[j].standard, tok[k]); j++)
                ;
            if (j == r - first)
                certs[n++] = (struct supplier_cert){tok[k], MATCH_NO_DAY, MATCH_NO_DAY};
        }
        for (k = 0; k < n; k++) {
            s->facts.standard_bits |= name_bit(snap->standards, certs[k].standard);
            certs[k].standard = canonical(snap->standards, certs[k].standard);
        }
        s->facts.certs = certs;
        s->facts.ncerts = n;
        s->facts.certs_known = n > 0 || cap_rows[i] > 0 || s->verified_on != NULL;
        snap->std_bits[i] = s->facts.standard_bits;
        snap->certs_known[i] = (uint8_t)s->facts.certs_known;
    }
}

static void snapshot_free(struct supplier_snapshot *snap)
{
    if (!snap)
        return;
    xfree(snap->suppliers);
    xfree(snap->bits);
    xfree(snap->std_bits);
    xfree(snap->caps_known);
    xfree(snap->certs_known);
    xfree(snap->buyers);
    xfree(snap->demands);
    xfree(snap->processes);
    xfree(snap->standards);
    pool_free(snap->pool);
    xfree(snap);
}

static void shared_free(struct app_shared *v)
{
    snapshot_free((struct supplier_snapshot *)v);
}

/* Counts each supplier's capability rows (for certs_known). */
static size_t *rows_per_supplier(const struct loader *ld)
{
    size_t *n = xcalloc((size_t)ld->snap->n + 1, sizeof(*n));
    const struct cap_row *rows = ld->caps.items;
    size_t r;

    for (r = 0; n && r < ld->caps.n; r++)
        n[rows[r].supplier]++;
    return n;
}

static enum khu_err snapshot_load(struct store *s, struct app_shared **out, struct khu_diag *d)
{
    struct loader ld;
    enum khu_err err = KHU_OK;
    size_t *cap_rows = NULL;

    memset(&ld, 0, sizeof(ld));
    ld.suppliers.size = sizeof(struct snap_supplier);
    ld.caps.size = sizeof(struct cap_row);
    ld.certs.size = sizeof(struct cert_row);
    ld.buyers.size = sizeof(struct snap_buyer);
    ld.demands.size = sizeof(struct snap_demand);
    *out = NULL;
    ld.snap = xcalloc(1, sizeof(*ld.snap));
    if (!ld.snap || !(ld.snap->processes = xcalloc(1, sizeof(struct snap_names))) ||
        !(ld.snap->standards = xcalloc(1, sizeof(struct snap_names))))
        goto nomem;
    ld.snap->head.free = shared_free;
    err = store_suppliers(s, add_supplier, &ld, d);
    ld.snap->suppliers = ld.suppliers.items;
    ld.snap->n = (long)ld.suppliers.n;
    if (!err && !ld.nomem)
        err = store_supplier_capabilities(s, add_capability, &ld, d);
    ld.at = 0;
    if (!err && !ld.nomem)
        err = store_supplier_certificates(s, add_certificate, &ld, d);
    ld.at = 0;
    if (!err && !ld.nomem)
        err = store_supplier_buyers(s, add_buyer, &ld, d);
    if (!err && !ld.nomem)
        err = store_open_demands(s, add_demand, &ld, d);
    ld.snap->buyers = ld.buyers.items;
    ld.snap->demands = ld.demands.items;
    ld.snap->ndemands = (long)ld.demands.n;
    if (err)
        goto fail;
    ld.snap->bits = xcalloc((size_t)ld.snap->n + 1, sizeof(uint64_t));
    ld.snap->std_bits = xcalloc((size_t)ld.snap->n + 1, sizeof(uint64_t));
    ld.snap->caps_known = xcalloc((size_t)ld.snap->n + 1, 1);
    ld.snap->certs_known = xcalloc((size_t)ld.snap->n + 1, 1);
    cap_rows = rows_per_supplier(&ld);
    if (ld.nomem || !ld.snap->bits || !ld.snap->std_bits || !ld.snap->caps_known ||
        !ld.snap->certs_known || !cap_rows)
        goto nomem;
    settle_capabilities(&ld);
    settle_certificates(&ld, cap_rows);
    if (ld.nomem)
        goto nomem;
    ld.snap->head.size = ld.snap->n;
    xfree(ld.caps.items);
    xfree(ld.certs.items);
    xfree(cap_rows);
    *out = &ld.snap->head;
    return KHU_OK;
nomem:
    khu_diag_set(d, 0, 0, NULL, "out of memory loading the suppliers");
    err = KHU_ENOMEM;
fail:
    xfree(ld.caps.items);
    xfree(ld.certs.items);
    xfree(cap_rows);
    if (ld.snap) {
        ld.snap->suppliers = ld.suppliers.items;
        ld.snap->buyers = ld.buyers.items;
        ld.snap->demands = ld.demands.items;
    }
    snapshot_free(ld.snap);
    return err;
}

/* ===== sharing ===== */

static struct app_shared_slot slot = APP_SHARED_SLOT_INIT;

enum khu_err app_supplier__snapshot_acquire(struct store *s, struct supplier_snapshot **out,
                                            struct khu_diag *d)
{
    struct app_shared *v;
    enum khu_err err = app_shared_acquire(&slot, s, snapshot_load, &v, d);

    *out = err ? NULL : (struct supplier_snapshot *)v;
    return err;
}

int app_supplier_quick(struct store *s)
{
    long n = app_shared_current_size(&slot, s);

    return n >= 0 && n <= SUPPLIER_QUICK;
}

void app_supplier__snapshot_release(struct supplier_snapshot *snap)
{
    app_shared_release(&slot, snap ? &snap->head : NULL);
}
