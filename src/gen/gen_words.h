/* SPDX-License-Identifier: MIT */
/*
 * The vocabulary of `khu gen`: place-name syllables in Vietnamese, ASCII
 * and Hangul, the provinces of Vietnam with their GSO codes and capitals,
 * Long An's districts, industries with their VSIC codes, company brands by
 * country, departments (as consultations name them, and as the departments
 * table lists them), target metrics and partners. Pure constant data.
 */
#ifndef KHU_GEN_WORDS_H
#define KHU_GEN_WORDS_H

#include <stddef.h>

/* One syllable of a Vietnamese place name; ascii is unique in the table so
 * that slugs built from it are unique. */
struct gen_syllable {
    const char *vi, *ascii, *ko;
};

struct gen_province {
    const char *code, *vi, *ascii, *ko;
    double lat, lon; /* the provincial capital */
    int city;        /* 1: a centrally governed city */
};

struct gen_district {
    const char *code, *vi, *en, *ko; /* full names: "Huyện Đức Hòa" */
    double lat, lon;                 /* centroid */
};

struct gen_industry {
    const char *vi, *en, *ko;           /* "Nhựa", "Plastics", "플라스틱" */
    const char *brand_en, *brand_ko;    /* word in a company name */
    const char *v2018, *v2025, *v2025b; /* VSIC codes; v2025b: second code of a split */
    const char *products_vi, *products_en, *products_ko;
    const char *caps; /* capability tags, space-separated */
    int supporting;   /* a supporting-industry focus sector */
};

struct gen_brand {
    const char *latin, *ko; /* ko NULL outside Korea */
};

struct gen_country {
    const char *iso, *vi, *en;
    unsigned weight; /* share of FDI firms, percent */
};

struct gen_metric {
    const char *metric, *vi, *en, *ko, *unit;
    int reported;                  /* 1: basis reported (observations), 0: registry */
    int decrease;                  /* 1: the target is to go down */
    double base_lo, base_hi, gain; /* baseline range and target multiplier */
};

/* A department or board every generated province has; its code is
 * "dept-<slug>", its names those below followed by the province's. */
struct gen_dept {
    const char *slug, *vi, *en, *ko;
    int renamed; /* 1: a name of the 2025 reorganisation, borne from the merger day on */
};

struct gen_partner {
    const char *code, *name, *name_en, *name_ko, *country, *kind, *since;
};

struct gen_place {
    double lat, lon;
};

extern const struct gen_syllable gen_syllables[];
extern const size_t gen_nsyllables;
extern const struct gen_province gen_provinces[];
extern const size_t gen_nprovinces;
extern const size_t gen_long_an; /* index of Long An in gen_provinces */
extern const struct gen_district gen_longan_districts[];
extern const size_t gen_nlongan_districts;
extern const struct gen_industry gen_industries[];
extern const size_t gen_nindustries;
extern const struct gen_brand gen_brands_kr[], gen_brands_jp[], gen_brands_cn[], gen_brands_west[];
extern const size_t gen_nbrands_kr, gen_nbrands_jp, gen_nbrands_cn, gen_nbrands_west;
extern const struct gen_country gen_countries[];
extern const size_t gen_ncountries;
extern const struct gen_dept gen_depts[];
extern const size_t gen_ndepts;
extern const struct gen_metric gen_metrics[];
extern const size_t gen_nmetrics;
extern const struct gen_partner gen_partners[];
extern const size_t gen_npartners;
extern const struct gen_place gen_ports[];
extern const size_t gen_nports;
extern const char *const gen_certifications[];
extern const size_t gen_ncertifications;
extern const struct gen_brand gen_cities_kr[];
extern const size_t gen_ncities_kr;
extern const char *const gen_given_kr[];
extern const size_t gen_ngiven_kr;
extern const char *const gen_family_kr[];
extern const size_t gen_nfamily_kr;

#endif
