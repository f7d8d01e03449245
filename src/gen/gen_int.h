/* SPDX-License-Identifier: MIT */
/*
 * The generator's internal header, shared by the gen_*.c files only (the
 * API is gen/gen.h): a seeded random source, a row writer that checks
 * every cell against the schema's column order, the sizes of each scale
 * and the per-table generators. Every entity's attributes are drawn
 * from a generator seeded by (seed, table, row index), so any table can
 * recompute the key of a row it refers to without holding rows in memory,
 * and the same seed gives byte-identical files.
 */
#ifndef KHU_GEN_INT_H
#define KHU_GEN_INT_H

#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"
#include "core/schema.h"
#include "gen/gen.h"

/* The pending-output buffer's hard limit; no row comes near it. */
#define GEN_LINE_MAX (4 * 1024 * 1024)

/* xoshiro256** state, seeded through splitmix64. */
struct gen_rng {
    uint64_t s[4];
};

/* How many rows of each kind one scale makes. */
struct gen_scale {
    const char *name;
    long provinces, districts, communes;
    long zones, enterprises, projects, demands, linkages, dossiers;
    long targets, partners, events, leads;
};

/* One run of the generator. The writer fields are used by gen_* below. */
struct gen {
    uint64_t seed;
    const struct gen_scale *sc;
    char source[64];           /* "synthetic (khu gen seed N)" */
    long places;               /* size of the zone place-name pool */
    const struct table_def *t; /* table being written */
    size_t col;                /* next column of the current row */
    long rows;                 /* rows written to the current table */
    FILE *out;
    struct buf line; /* pending output, flushed in large blocks */
    enum khu_err err;
    char errmsg[160];
};

/* A table generator writes every row of g->t through the gen_* writers.
 * It returns g->err (KHU_OK on success). */
typedef enum khu_err (*gen_table_fn)(struct gen *g);

/* API */

/* Seeds r from (seed, salt, index) so that each entity has its own stream. */
void gen_rng_seed(struct gen_rng *r, uint64_t seed, uint64_t salt, uint64_t index);

/* Returns the next 64 random bits of r. */
uint64_t gen_next(struct gen_rng *r);

/* Returns a number in [0, n); n must be > 0. */
uint64_t gen_below(struct gen_rng *r, uint64_t n);

/* Returns a number in [lo, hi]; lo <= hi. */
long gen_range(struct gen_rng *r, long lo, long hi);

/* Returns 1 with probability pct percent. */
int gen_pct(struct gen_rng *r, unsigned pct);

/* Returns a double in [0, 1). */
double gen_unit(struct gen_rng *r);

/* Mixes x into 64 well-spread bits (splitmix64's finaliser). */
uint64_t gen_mix(uint64_t x);

/* Returns the scale called name ("province", "national", "world") or NULL. */
const struct gen_scale *gen_scale_find(const char *name);

/* Returns the generator of table name, or NULL when the table has none
 * (its file then holds the header only). */
gen_table_fn gen_table_find(const char *name);

/* Picks industry ind's capability tokens (each with even odds, at least
 * one) and certification tokens into out (size n). */
void gen_pick_caps(struct gen_rng *r, int ind, char *out, size_t n);
void gen_pick_certs(struct gen_rng *r, int ind, char *out, size_t n);

/* The supplier profiles (gen_suppliers.c): the tables, and the profile
 * cells of enterprises.csv (equipment .. verified_by) for enterprise j
 * whose key and tokens ent_row holds (declared opaque here). */
struct gen_ent_key;
struct gen_ent_tokens;
enum khu_err gen_capabilities(struct gen *g);
enum khu_err gen_certifications_table(struct gen *g);
enum khu_err gen_supplier_contacts(struct gen *g);
void gen_ent_profile_cells(struct gen *g, long j, const struct gen_ent_key *e,
                           const struct gen_ent_tokens *t);

/* The parties of linkage i (gen_tables.c): its buyer and supplier
 * (enterprise indices) and the code of the demand it answers ("" none),
 * leaving r where the linkage's other cells are drawn from. */
void gen_linkage_parties(const struct gen *g, long i, struct gen_rng *r, long *buyer,
                         long *supplier, char demand[32]);

/* The pipeline of matches (gen_matches.c). */
enum khu_err gen_matches(struct gen *g);

/* Row writers. Each appends the next cell of the current row; col must be
 * the name of that cell's column in g->t, which catches a generator that
 * drifts from the schema. They do nothing once g->err is set. */
void gen_text(struct gen *g, const char *col, const char *s);
/* gen_textf formats a cell of at most 1 KiB (longer: KHU_ETOOBIG). */
void gen_textf(struct gen *g, const char *col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void gen_empty(struct gen *g, const char *col);
void gen_int(struct gen *g, const char *col, long v);
/* Writes tenths / 10 with one decimal ("12.5", "3.0"). */
void gen_tenths(struct gen *g, const char *col, long tenths);
/* Writes v with the given number of decimals (0..6). */
void gen_real(struct gen *g, const char *col, double v, int decimals);
/* Writes a date given in days since 1970-01-01 as YYYY-MM-DD. */
void gen_date(struct gen *g, const char *col, long days);

/* Writes the header row of g->t. */
void gen_header(struct gen *g);

/* Ends the current row (CRLF), checking that every column was written, and
 * flushes the pending output when it is large. */
void gen_end_row(struct gen *g);

/* Writes the pending output to g->out. Sets g->err to KHU_EIO on failure. */
void gen_flush(struct gen *g);

/* Returns the number of days since 1970-01-01 of the date y-m-d. */
long gen_days(int y, int m, int d);

/* Writes days since 1970-01-01 as "YYYY-MM-DD" into out. */
void gen_format_date(long days, char out[11]);

#endif
