/* SPDX-License-Identifier: MIT */
/*
 * The identity of each generated entity, computed from (seed, index) alone:
 * its key, the rows it points at, and the attributes other tables need.
 * A table that refers to zone 17 calls gen_zone_key(g, 17, ...) and gets
 * the same code the zones table wrote, so nothing is kept in memory. Each
 * key carries its random stream, from which the table's writer goes on
 * drawing the attributes nobody else needs.
 */
#ifndef KHU_GEN_KEYS_H
#define KHU_GEN_KEYS_H

#include "gen/gen_int.h"

/* Room for a unit code (a formatted long and its NUL). */
#define GEN_CODE_MAX 24

/* Kinds of place name for gen_place. */
enum gen_script { GEN_VI, GEN_ASCII, GEN_KO, GEN_SLUG };

/* An administrative unit at one of the three levels. */
struct gen_unit_key {
    char code[GEN_CODE_MAX];
    char name_vi[96], name_en[96], name_ko[96];
    long parent;      /* index in the level above, -1 for a province */
    long valid_from;  /* days since 1970-01-01 */
    long valid_to;    /* -1: still valid */
    long replaced_by; /* index in the same level, -1: none */
    double lat, lon;
};

struct gen_zone_key {
    struct gen_rng rng;
    char code[128];
    int kind;   /* index into the zone kinds */
    int status; /* index into the zone statuses */
    long district, commune, combo, num;
    long first; /* index of the zone with the same name and num 1 */
    double lat, lon;
};

enum gen_own { GEN_FDI, GEN_DOMESTIC, GEN_STATE };

struct gen_ent_key {
    struct gen_rng rng;
    char tax[16];
    int own;     /* enum gen_own */
    int country; /* index into gen_countries, -1 for Vietnam */
    int ind;     /* index into gen_industries */
    int supplier;
    long zone;           /* -1: outside any zone */
    long district;       /* always set */
    char zone_code[128]; /* "" outside any zone */
    double lat, lon;     /* near the zone, or somewhere in the district */
    long brand, combo, form;
};

struct gen_project_key {
    struct gen_rng rng;
    char code[32];
    long investor;
    long registered; /* days */
};

struct gen_dossier_key {
    struct gen_rng rng;
    char code[32];
    long project;
    int procedure, status;
    long submitted; /* days */
};

struct gen_demand_key {
    struct gen_rng rng;
    char code[32];
    long buyer;
};

struct gen_event_key {
    struct gen_rng rng;
    char code[32];
    long partner;
    long held; /* days */
};

/* Salts that give every table its own random streams. */
enum gen_salt {
    GEN_S_PROVINCE = 1,
    GEN_S_DISTRICT,
    GEN_S_COMMUNE,
    GEN_S_ZONE,
    GEN_S_ENTERPRISE,
    GEN_S_PROJECT,
    GEN_S_DEMAND,
    GEN_S_LINKAGE,
    GEN_S_DOSSIER,
    GEN_S_CONSULTATION,
    GEN_S_TARGET,
    GEN_S_OBSERVATION,
    GEN_S_PARTNER,
    GEN_S_EVENT,
    GEN_S_LEAD,
    GEN_S_PLACE,
    GEN_S_TAX,
    GEN_S_PROFILE,
    GEN_S_MATCH,
};

extern const char *const gen_zone_kinds[];    /* "kcn", ... */
extern const char *const gen_zone_statuses[]; /* "planned", ... */
extern const char *const gen_procedures[];    /* "policy_approval", ... */
extern const int gen_procedure_days[];        /* statutory days per procedure */
extern const char *const gen_dossier_statuses[];

/* API */

/* The last day any generated event happens on, and the day the district
 * level was abolished (units closed the day before). */
long gen_today(void);
long gen_merger_day(void);

/* Number of distinct two-syllable place names. */
long gen_ncombos(void);

/* Writes place name combo in the given script into out (size n). */
void gen_place(long combo, enum gen_script script, char *out, size_t n);

/* Counts of units at each level for g's scale. */
long gen_nprovinces_of(const struct gen *g);
long gen_ndistricts_of(const struct gen *g);
long gen_ncommunes_of(const struct gen *g);

/* Index of the first commune of district d, and the commune count of d. */
long gen_district_first_commune(const struct gen *g, long d);
long gen_district_communes(const struct gen *g, long d);

/* Fill u with the unit at index i of its level. */
void gen_province_key(const struct gen *g, long i, struct gen_unit_key *u);
void gen_district_key(const struct gen *g, long i, struct gen_unit_key *u);
void gen_commune_key(const struct gen *g, long i, struct gen_unit_key *u);

/* The position of district i, cheaper than the full key. */
void gen_district_pos(const struct gen *g, long i, double *lat, double *lon);

/* The code only, cheaper than the full key. */
void gen_province_code(const struct gen *g, long i, char out[GEN_CODE_MAX]);
void gen_district_code(const struct gen *g, long i, char out[GEN_CODE_MAX]);
void gen_commune_code(const struct gen *g, long i, char out[GEN_CODE_MAX]);

/* Fill the key of entity i (0 <= i < the scale's count). */
void gen_zone_key(const struct gen *g, long i, struct gen_zone_key *z);
void gen_ent_key(const struct gen *g, long i, struct gen_ent_key *e);

/* What an enterprise says it does (space-separated tokens), drawn from its
 * own stream right after its key, in the order enterprises.csv writes
 * them: every table that lists a profile's rows sees the same tokens. */
struct gen_ent_tokens {
    char caps[256], certs[256];
    int korean_products; /* a Korean firm that lists its products in Korean */
};

/* Fills e (as gen_ent_key) and t, leaving e->rng where ent_row goes on. */
void gen_ent_tokens(const struct gen *g, long i, struct gen_ent_key *e, struct gen_ent_tokens *t);
void gen_project_key(const struct gen *g, long i, struct gen_project_key *p);
void gen_dossier_key(const struct gen *g, long i, struct gen_dossier_key *d);
void gen_demand_key(const struct gen *g, long i, struct gen_demand_key *d);
void gen_event_key(const struct gen *g, long i, struct gen_event_key *e);

/* Return an enterprise index drawn from r, preferring (a few tries) a
 * supplier, or a foreign-invested firm. */
long gen_pick_supplier(const struct gen *g, struct gen_rng *r);
long gen_pick_fdi(const struct gen *g, struct gen_rng *r);

/* Writes the short trading name of enterprise e ("Daesung Precision",
 * "Nhựa Phú Thịnh") into out (size n). */
void gen_ent_short(const struct gen_ent_key *e, char *out, size_t n);

/* Returns the calendar year of a day number. */
int gen_year(long days);

/* Approximate road distance in km between two points in Vietnam. */
double gen_km(double lat1, double lon1, double lat2, double lon2);

#endif
