/* SPDX-License-Identifier: MIT */
/*
 * What the linkage desk's matching reads: every supplier (an enterprise
 * marked supplier) with the facts the matcher scores, the processes and
 * certificates their profiles list, the buyers each has supplied, and the
 * demands with their buyer's place. The ranking lives in
 * core/supplier_match and the use case in app/app_supplier_finder. Strings
 * are borrowed for the length of a callback and NULL when unknown; a
 * callback returns 0 to go on, non-zero to stop (the call still returns
 * KHU_OK).
 */
#ifndef KHU_STORE_SUPPLIERS_H
#define KHU_STORE_SUPPLIERS_H

#include "core/supplier_match.h"
#include "store/store.h"

struct store_supplier {
    const char *tax_code, *name, *name_en, *ownership, *country, *zone_code, *unit_code;
    const char *vsic, *products, *cap_tokens, *cert_tokens, *capacity_unit, *languages;
    const char *verified_on, *customers, *equipment, *verified_by;
    struct match_value capacity_month, employees, lat, lon;
};

/* One process of a profile; level is "can_do", "in_volume" or "audited". */
struct store_capability {
    const char *tax_code, *process, *level;
};

/* One certificate of a profile; dates YYYY-MM-DD or NULL. */
struct store_certificate {
    const char *tax_code, *standard, *number, *issuer, *valid_from, *valid_to;
};

/* One linkage as experience: whom the supplier supplied. */
struct store_supplied {
    const char *supplier_tax_code, *buyer_country, *buyer_vsic;
};

/* Whom a buyer writes to (not public). */
struct store_contact {
    const char *tax_code, *name, *email, *phone;
};

struct store_demand {
    const char *code, *buyer_tax_code, *title, *vsic, *cap_tokens, *cert_tokens, *needed_by;
    const char *status, *volume_unit, *prefer_unit, *posted_on, *withdrawn_on, *event_code;
    struct match_value annual_usd, annual_volume, target_price_usd, max_km;
    const char *buyer_name, *buyer_country, *buyer_vsic; /* NULL: the buyer is not known */
    struct match_value buyer_lat, buyer_lon;
};

typedef int (*store_supplier_fn)(void *arg, const struct store_supplier *s);
typedef int (*store_capability_fn)(void *arg, const struct store_capability *c);
typedef int (*store_certificate_fn)(void *arg, const struct store_certificate *c);
typedef int (*store_supplied_fn)(void *arg, const struct store_supplied *l);
typedef int (*store_demand_fn)(void *arg, const struct store_demand *dm);
typedef int (*store_contact_fn)(void *arg, const struct store_contact *c);

/* API */

/* Hands every supplier to fn, in order of tax code. Returns KHU_OK or the
 * store's error with d filled. */
enum khu_err store_suppliers(struct store *s, store_supplier_fn fn, void *arg, struct khu_diag *d);

/* Hands fn every process, certificate, or past buyer of the suppliers,
 * grouped by the supplier's tax code (ascending). */
enum khu_err store_supplier_capabilities(struct store *s, store_capability_fn fn, void *arg,
                                         struct khu_diag *d);
enum khu_err store_supplier_certificates(struct store *s, store_certificate_fn fn, void *arg,
                                         struct khu_diag *d);
enum khu_err store_supplier_buyers(struct store *s, store_supplied_fn fn, void *arg,
                                   struct khu_diag *d);

/* One supplier's profile: the supplier (KHU_ENOTFOUND, d naming it, when
 * no enterprise with that tax code is a supplier), its processes, its
 * certificates, the buyers it supplied, its contact (none: fn not
 * called). */
enum khu_err store_supplier_one(struct store *s, const char *tax_code, store_supplier_fn fn,
                                void *arg, struct khu_diag *d);
enum khu_err store_capabilities_of(struct store *s, const char *tax_code, store_capability_fn fn,
                                   void *arg, struct khu_diag *d);
enum khu_err store_certificates_of(struct store *s, const char *tax_code, store_certificate_fn fn,
                                   void *arg, struct khu_diag *d);
enum khu_err store_buyers_of(struct store *s, const char *tax_code, store_supplied_fn fn, void *arg,
                             struct khu_diag *d);
enum khu_err store_contact_of(struct store *s, const char *tax_code, store_contact_fn fn, void *arg,
                              struct khu_diag *d);

/* Hands fn the open demands (status open, not withdrawn), in order of code. */
enum khu_err store_open_demands(struct store *s, store_demand_fn fn, void *arg, struct khu_diag *d);

/* Hands fn the demand called code. Returns KHU_OK, KHU_ENOTFOUND (d
 * names it) or the store's error. */
enum khu_err store_demand_by_code(struct store *s, const char *code, store_demand_fn fn, void *arg,
                                  struct khu_diag *d);

#endif
