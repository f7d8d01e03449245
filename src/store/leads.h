/* SPDX-License-Identifier: MIT */
/*
 * Investors' inquiries (leads): checking the zone codes an inquiry names,
 * inserting one inside a write transaction, and listing them newest first
 * for the province's officers, filtered by the state of their follow-up
 * (a lead's status, owner and notes are changed as any row is:
 * store/rows.h).
 */
#ifndef KHU_STORE_LEADS_H
#define KHU_STORE_LEADS_H

#include "store/store.h"

/* One inquiry to insert. Strings are borrowed for the call; the optional
 * ones may be NULL. */
struct store_lead {
    const char *code;        /* unique key, e.g. "lead-20250101-0123456789ab" */
    const char *company;     /* required */
    const char *country;     /* ISO 3166 alpha-2, or NULL */
    const char *contact;     /* "Name <e-mail>", or NULL */
    const char *zones;       /* zone codes separated by spaces, or NULL */
    const char *received_on; /* YYYY-MM-DD, from the caller's clock */
    const char *note;        /* the inquiry's message, or NULL */
};

/* The values of a row handed out by store_leads_list, in this order. */
enum store_lead_col {
    LEAD_COL_RECEIVED_ON,
    LEAD_COL_CODE,
    LEAD_COL_COMPANY,
    LEAD_COL_COUNTRY,
    LEAD_COL_CONTACT,
    LEAD_COL_ZONES,
    LEAD_COL_NOTE,
    LEAD_COL_STATUS, /* never NULL: a lead without one is "new" */
    LEAD_COL_OWNER,
    LEAD_COL_NOTES,
    LEAD_COL_EVENT,
    LEAD_NCOLS,
};

/* Which leads store_leads_list hands out; NULL or 0 does not filter. */
struct store_lead_filter {
    const char *status; /* one of the statuses of core/schema */
    const char *owner;  /* a user name; "" for the leads nobody owns */
    int limit;          /* at most this many; 0: all */
    int offset;         /* after skipping this many */
};

/* API */

/* Sets *found to 1 when a zone with code exists, else 0. Returns KHU_OK,
 * or the store's error with d filled (*found is then 0). */
enum khu_err store_zone_exists(struct store *s, const char *code, int *found, struct khu_diag *d);

/* Inserts lead inside tx. Returns KHU_OK, KHU_ECONFLICT when its code is
 * taken or a value breaks a rule of the table, or another error; d says
 * which. The caller rolls back (store_write does). */
enum khu_err store_lead_insert(struct store_tx *tx, const struct store_lead *lead,
                               struct khu_diag *d);

/* Hands the leads that pass f (NULL: all) to fn, newest first (by
 * received_on, then code, both descending; leads without a date last), as
 * values in the order of enum store_lead_col, and sets *total (may be
 * NULL) to how many pass f. Returns KHU_OK (also when fn stopped early),
 * or an error with d filled. */
enum khu_err store_leads_list(struct store *s, const struct store_lead_filter *f, store_row_fn fn,
                              void *arg, long *total, struct khu_diag *d);

#endif
