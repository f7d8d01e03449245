/* SPDX-License-Identifier: MIT */
/*
 * Matching a buyer's demand to suppliers, the way the site finder matches
 * an investor to zones (site_match.h). Each requirement the demand states
 * (the processes, the certifications valid on the needed-by day, the
 * farthest distance) is met, not met or unverified for a supplier, and
 * puts it in one of three groups: fits (every requirement met on known
 * facts), may fit but unverified (none broken, some unknown), excluded
 * (one broken, with its reason). Soft criteria score a supplier from 0 to
 * 100 with each criterion's contribution: the processes and the level at
 * which the supplier does them, the certifications, the sector, the
 * capacity against the volume, the distance, the experience with similar
 * buyers. An unknown fact scores neutral, never as a match. Which criteria
 * count depends on the demand only (one that states no volume has no
 * capacity criterion), so every supplier of a ranking is scored on the
 * same ones. Pure logic over plain structs; the caller loads suppliers
 * and renders reasons (supplier_text.h).
 */
#ifndef KHU_SUPPLIER_MATCH_H
#define KHU_SUPPLIER_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "core/rank_top.h"

enum supplier_criterion {
    SCRIT_CAPABILITY,    /* the processes asked for, at the level the supplier does them */
    SCRIT_CERTIFICATION, /* the certifications asked for, valid on the needed-by day */
    SCRIT_SECTOR,        /* the demand's VSIC class (4 digits), else its division (2) */
    SCRIT_CAPACITY,      /* twelve months of the supplier's capacity against the volume */
    SCRIT_DISTANCE,      /* km to the buyer, less is better */
    SCRIT_EXPERIENCE,    /* buyers like this one (sector or country) supplied before */
    SCRIT_COUNT,
};

/* How far a supplier is known to do a process: it can (can_do), it does
 * in volume (in_volume), and an officer or a customer audited it there
 * (audited). LEVEL_NONE: the profile does not list it. */
enum supplier_level { LEVEL_NONE, LEVEL_CAN_DO, LEVEL_IN_VOLUME, LEVEL_AUDITED };

#define MATCH_NO_DAY INT32_MIN /* a day not known */

/* A fact that may be unknown. */
struct match_value {
    int known;
    double v;
};

struct supplier_capability {
    const char *process; /* a process token: "cnc-machining" */
    enum supplier_level level;
};

/* A certificate held: valid from valid_from to valid_to (days since
 * 1970-01-01, both included; MATCH_NO_DAY: not known: an unknown start
 * counts as long held, an unknown end leaves its validity unverified). */
struct supplier_cert {
    const char *standard; /* a standard token: "iatf16949" */
    int32_t valid_from, valid_to;
};

struct supplier_facts {
    const char *tax_code;
    const struct supplier_capability *caps;
    size_t ncaps;
    int caps_known; /* 0: the profile lists no process at all: unknown, not none */
    const struct supplier_cert *certs;
    size_t ncerts;
    int certs_known;                    /* 0: the profile says nothing of certificates */
    const char *vsic;                   /* the supplier's VSIC code; NULL unknown */
    struct match_value annual_capacity; /* in the demand's unit; unknown when not comparable */
    struct match_value km;              /* to the buyer's place; unknown when either is */
    struct match_value experience;      /* buyers like the demand's supplied before */
    uint64_t process_bits;              /* see supplier_demand.process_bits; 0: none */
    uint64_t standard_bits;             /* the standards of the certificates held, likewise */
};

struct supplier_demand {
    const char *const *processes; /* asked for (tokens) */
    size_t nprocesses;
    const char *const *standards; /* certificates asked for (tokens) */
    size_t nstandards;
    int32_t needed_by;                /* the day certificates must be valid on */
    const char *vsic;                 /* NULL: none stated */
    struct match_value annual_volume; /* unknown: no capacity criterion */
    struct match_value max_km;        /* known: a limit; a supplier farther is excluded */
    int has_place;                    /* 0: the buyer's place is unknown: no distance criterion */
    double weight[SCRIT_COUNT];       /* >= 0; 0 removes the criterion */
    /* A pre-filter for large sets: when the caller numbers the processes
     * (bit i for process i), the bits of those asked for; a supplier whose
     * processes are known and whose process_bits lack one of them lacks a
     * process asked for, and supplier_rank_page counts it excluded without
     * scoring it (unless the excluded group is asked). 0: no pre-filter.
     * standard_bits likewise for the standards of the certificates asked
     * for: one whose certificates are known and hold none of a standard
     * asked for is excluded too. */
    uint64_t process_bits, standard_bits;
    /* 1: the caller promises that a process or standard token of the
     * demand and one of a supplier are equal only when they are the same
     * pointer (it keeps one copy of each), so tokens compare by address. */
    int canonical_tokens;
};

/* Why a supplier is excluded, or what is unknown about it. */
enum supplier_reason_kind {
    SREASON_PROCESS_MISSING, /* s = the process; the profile lists others */
    SREASON_CERT_MISSING,    /* s = the standard, day = needed by; none held */
    SREASON_CERT_EXPIRED,    /* s, day = needed by, day2 = the latest end of those held */
    SREASON_CERT_NOT_YET,    /* s, day = needed by, day2 = the earliest start of those held */
    SREASON_TOO_FAR,         /* a = the limit (km), b = the distance */
    SREASON_CERT_UNDATED,    /* s: held, but until when is not known: unverified */
    SREASON_UNVERIFIED,      /* a requirement whose fact is unknown: ask the supplier */
    SREASON_UNKNOWN,         /* a fact that no requirement needs is unknown: scored neutral */
    SREASON_KIND_COUNT
};

struct supplier_reason {
    enum supplier_reason_kind kind;
    enum supplier_criterion criterion;
    const char *s; /* a process or standard token (borrowed from the demand) */
    double a, b;
    int32_t day, day2;
};

/* What a supplier is for one requirement. */
enum supplier_check {
    SCHECK_NOT_ASKED, /* the demand states no requirement here */
    SCHECK_MET,       /* met on a known fact */
    SCHECK_UNKNOWN,   /* the fact is unknown: unverified */
    SCHECK_NOT_MET,   /* broken: the supplier is excluded */
};

/* The three groups of a ranking, in the order they are shown. */
enum supplier_group { SUPPLIER_FITS, SUPPLIER_UNVERIFIED, SUPPLIER_EXCLUDED, SUPPLIER_GROUPS };

#define SUPPLIER_MAX_REASONS 16

struct supplier_result {
    const struct supplier_facts *supplier;
    enum supplier_group group;
    enum supplier_check check[SCRIT_COUNT];
    int counted[SCRIT_COUNT];         /* 1: the criterion counts for this demand */
    int unknowns;                     /* criteria whose fact is unknown */
    double score;                     /* 0..100 */
    double contribution[SCRIT_COUNT]; /* points each criterion adds; they sum to score */
    struct supplier_reason reasons[SUPPLIER_MAX_REASONS];
    int nreasons;
};

/* API */

/* Fills d's weights with the defaults (capability 3, certification 2,
 * sector 1, capacity 2, distance 1, experience 1). */
void supplier_default_weights(struct supplier_demand *d);

/* Scores one supplier. Never fails. */
void supplier_score(const struct supplier_demand *d, const struct supplier_facts *s,
                    struct supplier_result *out);

/* The order of a ranking: group (fits, unverified, excluded), then score
 * (highest first), then fewer unknown facts, then tax code. Scores n
 * suppliers into results (n entries) and sorts them so; the order does not
 * depend on the order of suppliers. */
void supplier_rank(const struct supplier_demand *d, const struct supplier_facts *suppliers,
                   size_t n, struct supplier_result *results);

/* Returns 1 when the bits show that s lacks a process or a standard d
 * asks for, so that supplier_score would exclude it. */
int supplier_surely_excluded(const struct supplier_demand *d, const struct supplier_facts *s);

/* One page of a ranking: ranks offset .. offset + limit - 1 (from 0) of
 * each group whose bit (1u << group) is in groups. */
struct supplier_page {
    size_t offset, limit;
    unsigned groups;
};

/* Ranks n suppliers (n < 2^32) and writes the page asked for into
 * results, fully scored: the asked groups in order, each in ranking
 * order, the same as supplier_rank's. Needs scratch with room for
 * (offset + limit) keys per asked group and results with room for limit
 * per asked group; memory does not grow with n. count[g] receives how many
 * suppliers are in group g in all. Returns the number of results. */
size_t supplier_rank_page(const struct supplier_demand *d, const struct supplier_facts *suppliers,
                          size_t n, const struct supplier_page *page, struct rank_key *scratch,
                          struct supplier_result *results, size_t count[SUPPLIER_GROUPS]);

/* The great-circle distance in km between two points given in degrees. */
double supplier_km(double lat1, double lon1, double lat2, double lon2);

/* Stable tokens: "capability", "certification", "sector", "capacity",
 * "distance", "experience"; "fits", "unverified", "excluded"; "not_asked",
 * "met", "unknown", "not_met"; "can_do", "in_volume", "audited" (LEVEL_NONE:
 * ""), and back (supplier_level_of: LEVEL_NONE for anything else). */
const char *supplier_criterion_name(enum supplier_criterion c);
const char *supplier_group_name(enum supplier_group g);
const char *supplier_check_name(enum supplier_check c);
const char *supplier_level_name(enum supplier_level l);
enum supplier_level supplier_level_of(const char *token);

#endif
