/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's reads in SQLite (see store/suppliers.h). Each reads
 * one statement's rows in order and hands them out; a supplier is an
 * enterprise whose supplier flag is 1.
 */
#include <string.h>

#include "store/sqlite/sq.h"
#include "store/suppliers.h"

#define SUPPLIER_COLUMNS                                                                           \
    "SELECT tax_code, name, name_en, ownership, country, zone_code, unit_code, vsic, products,"    \
    " capabilities, certifications, capacity_unit, languages, verified_on, customers, equipment,"  \
    " verified_by, capacity_month, employees, lat, lon FROM enterprises WHERE supplier = 1"

static const char suppliers_sql[] = SUPPLIER_COLUMNS " ORDER BY tax_code";
static const char supplier_sql[] = SUPPLIER_COLUMNS " AND tax_code = ?1";
static const char capabilities_of_sql[] =
    "SELECT tax_code, process, level FROM capabilities WHERE tax_code = ?1 ORDER BY process";
static const char certificates_of_sql[] =
    "SELECT tax_code, standard, number, issuer, valid_from, valid_to FROM certifications"
    " WHERE tax_code = ?1 ORDER BY standard, valid_to DESC, number";
static const char buyers_of_sql[] =
    "SELECT l.supplier_tax_code, b.country, b.vsic FROM linkages l"
    " JOIN enterprises b ON b.tax_code = l.buyer_tax_code WHERE l.supplier_tax_code = ?1"
    " ORDER BY l.code";
static const char contact_sql[] =
    "SELECT tax_code, name, email, phone FROM supplier_contacts WHERE tax_code = ?1";

static const char capabilities_sql[] =
    "SELECT c.tax_code, c.process, c.level FROM capabilities c"
    " JOIN enterprises e ON e.tax_code = c.tax_code WHERE e.supplier = 1"
    " ORDER BY c.tax_code, c.process";

static const char certificates_sql[] =
    "SELECT c.tax_code, c.standard, c.number, c.issuer, c.valid_from, c.valid_to"
    " FROM certifications c JOIN enterprises e ON e.tax_code = c.tax_code"
    " WHERE e.supplier = 1 ORDER BY c.tax_code, c.standard, c.number";

static const char buyers_sql[] = "SELECT l.supplier_tax_code, b.country, b.vsic FROM linkages l"
                                 " JOIN enterprises b ON b.tax_code = l.buyer_tax_code"
                                 " ORDER BY l.supplier_tax_code";

#define DEMAND_COLUMNS                                                                             \
    "SELECT d.code, d.buyer_tax_code, d.title, d.vsic, d.capabilities, d.certifications,"          \
    " d.needed_by, d.status, d.volume_unit, d.prefer_unit, d.posted_on, d.withdrawn_on,"           \
    " d.event_code, b.name, b.country, b.vsic, d.annual_usd, d.annual_volume,"                     \
    " d.target_price_usd, d.max_km, b.lat, b.lon"                                                  \
    " FROM demands d LEFT JOIN enterprises b ON b.tax_code = d.buyer_tax_code"

static const char open_demands_sql[] =
    DEMAND_COLUMNS " WHERE d.status = 'open' AND d.withdrawn_on IS NULL ORDER BY d.code";
static const char demand_sql[] = DEMAND_COLUMNS " WHERE d.code = ?1";

static const char *text_at(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL ? NULL
                                                       : (const char *)sqlite3_column_text(st, col);
}

static struct match_value value_at(sqlite3_stmt *st, int col)
{
    struct match_value v = {sqlite3_column_type(st, col) != SQLITE_NULL,
                            sqlite3_column_double(st, col)};
    return v;
}

/* Reads a row of st into the caller's struct and hands it to the
 * caller's callback; returns the callback's answer. */
typedef void (*any_fn)(void); /* the caller's callback, of the type its row_fn knows */
typedef int (*row_fn)(sqlite3_stmt *st, any_fn fn, void *arg);

/* Runs sql (with code bound to ?1 when not NULL) and hands each row to
 * each. *rows receives the number of rows read when not NULL. */
static enum khu_err each_row(struct store *s, const char *sql, const char *code, row_fn each,
                             any_fn fn, void *arg, const char *what, long *rows, struct khu_diag *d)
{
    sqlite3_stmt *st = sq_prepare(s, sql);
    long n = 0;
    int rc;

    if (!st)
        return sq_error(s, sqlite3_errcode(s->db), what, d);
    if (code)
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        n++;
        if (each(st, fn, arg)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sq_release(s, st);
    if (rows)
        *rows = n;
    return rc == SQLITE_DONE ? KHU_OK : sq_error(s, rc, what, d);
}

static int supplier_row(sqlite3_stmt *st, any_fn fn, void *arg)
{
    struct store_supplier x;
    const char **texts[] = {
        &x.tax_code,  &x.name,        &x.name_en,   &x.ownership,  &x.country,     &x.zone_code,
        &x.unit_code, &x.vsic,        &x.products,  &x.cap_tokens, &x.cert_tokens, &x.capacity_unit,
        &x.languages, &x.verified_on, &x.customers, &x.equipment,  &x.verified_by};
    int i, n = (int)(sizeof(texts) / sizeof(texts[0]));

    for (i = 0; i < n; i++)
        *texts[i] = text_at(st, i);
    x.capacity_month = value_at(st, n);
    x.employees = value_at(st, n + 1);
    x.lat = value_at(st, n + 2);
    x.lon = value_at(st, n + 3);
    return ((store_supplier_fn)fn)(arg, &x);
}

static int capability_row(sqlite3_stmt *st, any_fn fn, void *arg)
{
    struct store_capability c = {text_at(st, 0), text_at(st, 1), text_at(st, 2)};

    return ((store_capability_fn)fn)(arg, &c);
}

static int certificate_row(sqlite3_stmt *st, any_fn fn, void *arg)
{
    struct store_certificate c = {text_at(st, 0), text_at(st, 1), text_at(st, 2),
                                  text_at(st, 3), text_at(st, 4), text_at(st, 5)};

    return ((store_certificate_fn)fn)(arg, &c);
}

static int supplied_row(sqlite3_stmt *st, any_fn fn, void *arg)
{
    struct store_supplied l = {text_at(st, 0), text_at(st, 1), text_at(st, 2)};

    return ((store_supplied_fn)fn)(arg, &l);
}

static int demand_row(sqlite3_stmt *st, any_fn fn, void *arg)
{
    struct store_demand x;
    const char **texts[] = {&x.code,        &x.buyer_tax_code, &x.title,         &x.vsic,
                            &x.cap_tokens,  &x.cert_tokens,    &x.needed_by,     &x.status,
                            &x.volume_unit, &x.prefer_unit,    &x.posted_on,     &x.withdrawn_on,
                            &x.event_code,  &x.buyer_name,     &x.buyer_country, &x.buyer_vsic};
    int i, n = (int)(sizeof(texts) / sizeof(texts[0]));

    for (i = 0; i < n; i++)
        *texts[i] = text_at(st, i);
    x.annual_usd = value_at(st, n);
    x.annual_volume = value_at(st, n + 1);
    x.target_price_usd = value_at(st, n + 2);
    x.max_km = value_at(st, n + 3);
    x.buyer_lat = value_at(st, n + 4);
    x.buyer_lon = value_at(st, n + 5);
    return ((store_demand_fn)fn)(arg, &x);
}

static int contact_row(sqlite3_stmt *st, any_fn fn, void *arg)
{
    struct store_contact c = {text_at(st, 0), text_at(st, 1), text_at(st, 2), text_at(st, 3)};

    return ((store_contact_fn)fn)(arg, &c);
}

enum khu_err store_supplier_one(struct store *s, const char *tax_code, store_supplier_fn fn,
                                void *arg, struct khu_diag *d)
{
    long rows = 0;
    enum khu_err err = each_row(s, supplier_sql, tax_code, supplier_row, (any_fn)fn, arg,
                                "reading the supplier", &rows, d);

    if (!err && rows == 0) {
        khu_diag_set(d, 0, 0, "tax_code", "no supplier has the tax code '%.20s'", tax_code);
        return KHU_ENOTFOUND;
    }
    return err;
}

enum khu_err store_capabilities_of(struct store *s, const char *tax_code, store_capability_fn fn,
                                   void *arg, struct khu_diag *d)
{
    return each_row(s, capabilities_of_sql, tax_code, capability_row, (any_fn)fn, arg,
                    "reading the supplier's processes", NULL, d);
}

enum khu_err store_certificates_of(struct store *s, const char *tax_code, store_certificate_fn fn,
                                   void *arg, struct khu_diag *d)
{
    return each_row(s, certificates_of_sql, tax_code, certificate_row, (any_fn)fn, arg,
                    "reading the supplier's certificates", NULL, d);
}

enum khu_err store_buyers_of(struct store *s, const char *tax_code, store_supplied_fn fn, void *arg,
                             struct khu_diag *d)
{
    return each_row(s, buyers_of_sql, tax_code, supplied_row, (any_fn)fn, arg,
                    "reading the supplier's linkages", NULL, d);
}

enum khu_err store_contact_of(struct store *s, const char *tax_code, store_contact_fn fn, void *arg,
                              struct khu_diag *d)
{
    return each_row(s, contact_sql, tax_code, contact_row, (any_fn)fn, arg,
                    "reading the supplier's contact", NULL, d);
}

enum khu_err store_suppliers(struct store *s, store_supplier_fn fn, void *arg, struct khu_diag *d)
{
    return each_row(s, suppliers_sql, NULL, supplier_row, (any_fn)fn, arg, "reading the suppliers",
                    NULL, d);
}

enum khu_err store_supplier_capabilities(struct store *s, store_capability_fn fn, void *arg,
                                         struct khu_diag *d)
{
    return each_row(s, capabilities_sql, NULL, capability_row, (any_fn)fn, arg,
                    "reading the suppliers' processes", NULL, d);
}

enum khu_err store_supplier_certificates(struct store *s, store_certificate_fn fn, void *arg,
                                         struct khu_diag *d)
{
    return each_row(s, certificates_sql, NULL, certificate_row, (any_fn)fn, arg,
                    "reading the suppliers' certificates", NULL, d);
}

enum khu_err store_supplier_buyers(struct store *s, store_supplied_fn fn, void *arg,
                                   struct khu_diag *d)
{
    return each_row(s, buyers_sql, NULL, supplied_row, (any_fn)fn, arg, "reading the linkages",
                    NULL, d);
}

enum khu_err store_open_demands(struct store *s, store_demand_fn fn, void *arg, struct khu_diag *d)
{
    return each_row(s, open_demands_sql, NULL, demand_row, (any_fn)fn, arg, "reading the demands",
                    NULL, d);
}

enum khu_err store_demand_by_code(struct store *s, const char *code, store_demand_fn fn, void *arg,
                                  struct khu_diag *d)
{
    long rows = 0;
    enum khu_err err =
        each_row(s, demand_sql, code, demand_row, (any_fn)fn, arg, "reading the demand", &rows, d);

    if (!err && rows == 0) {
        khu_diag_set(d, 0, 0, "demand", "no demand has the code '%.64s'", code);
        return KHU_ENOTFOUND;
    }
    return err;
}
