/* SPDX-License-Identifier: MIT */
/*
 * Inside the supplier finder: every supplier with its processes,
 * certificates and past buyers, and every open demand, loaded once and
 * shared (app_shared.h) while the database is unchanged. Processes are
 * numbered as they are loaded; the first 63 get a bit in each supplier's
 * process_bits, and bit 63 stands for a process no supplier lists, so a
 * demand's bits pre-filter the suppliers (core/supplier_match.h). Only
 * app_supplier_*.c include this header.
 */
#ifndef KHU_APP_SUPPLIER_SNAPSHOT_H
#define KHU_APP_SUPPLIER_SNAPSHOT_H

#include <stdint.h>

#include "app/app_shared.h"
#include "core/err.h"
#include "core/supplier_match.h"
#include "store/store.h"

#define SNAP_NO_PROCESS_BIT (1ull << 63) /* a process no supplier lists */

/* One supplier as loaded; strings belong to the snapshot, NULL unknown.
 * facts.km, facts.experience and facts.annual_capacity are set per run. */
struct snap_supplier {
    struct supplier_facts facts;
    const char *name, *name_en, *ownership, *country, *zone_code, *unit_code, *products;
    const char *languages, *verified_on, *capacity_unit;
    const char *cap_tokens, *cert_tokens; /* as the enterprise lists them */
    struct match_value capacity_month, employees, lat, lon;
    uint32_t first_buyer, nbuyers; /* into the snapshot's buyers */
};

/* A buyer a supplier supplied: its country and VSIC division ("" unknown). */
struct snap_buyer {
    char country[3], division[3];
};

/* One open demand as loaded. */
struct snap_demand {
    const char *code, *buyer_tax_code, *buyer_name, *title, *vsic, *volume_unit;
    const char *buyer_country, *buyer_vsic;
    const char **processes, **standards; /* within the snapshot */
    size_t nprocesses, nstandards;
    int32_t needed_by; /* MATCH_NO_DAY: not stated */
    struct match_value annual_usd, annual_volume, max_km, buyer_lat, buyer_lon;
};

struct supplier_snapshot {
    struct app_shared head; /* size: suppliers */
    struct snap_supplier *suppliers;
    uint64_t *bits, *std_bits;         /* each supplier's process and standard bits, dense */
    uint8_t *caps_known, *certs_known; /* ... for the pre-filter */
    long n;
    struct snap_buyer *buyers;
    struct snap_demand *demands;
    long ndemands;
    struct snap_pool *pool; /* every string and small array */
    struct snap_names *processes, *standards;
};

/* API */

/* Sets *out to a snapshot no older than the database as s sees it (see
 * app_shared_acquire). Returns KHU_OK (give it back with
 * app_supplier__snapshot_release), KHU_ENOMEM or the store's error with d
 * filled. */
enum khu_err app_supplier__snapshot_acquire(struct store *s, struct supplier_snapshot **out,
                                            struct khu_diag *d);
void app_supplier__snapshot_release(struct supplier_snapshot *snap);

/* The bit of a process as this snapshot numbers it: SNAP_NO_PROCESS_BIT
 * when no supplier lists it, 0 when it is listed but has no bit. */
uint64_t app_supplier__process_bit(const struct supplier_snapshot *snap, const char *process);

/* The same for the standard of a certificate. */
uint64_t app_supplier__standard_bit(const struct supplier_snapshot *snap, const char *standard);

/* The snapshot's one copy of a process (standard 0) or standard token
 * (standard 1), which every supplier's entry points at; token itself when
 * no supplier lists it. */
const char *app_supplier__canonical(const struct supplier_snapshot *snap, int standard,
                                    const char *token);

/* The index of the supplier with tax code, or -1. */
long app_supplier__find(const struct supplier_snapshot *snap, const char *tax_code);

#endif
