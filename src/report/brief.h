/* SPDX-License-Identifier: MIT */
/*
 * The site brief: a PDF an investor can take to their head office, for one
 * zone or a shortlist: each zone's facts with their units, sources and
 * confidence, the reasons from the site finder, and a location sketch.
 * Drawn with cairo and pango, so Vietnamese and Korean text is shaped and
 * the fonts are embedded (subset).
 */
#ifndef KHU_BRIEF_H
#define KHU_BRIEF_H

#include <stddef.h>

#include "core/buf.h"
#include "core/err.h"

#define BRIEF_MAX_FACTS   40
#define BRIEF_MAX_REASONS 16
#define BRIEF_MAX_POINTS  64

struct brief_fact {
    char label[96];
    char value[256]; /* already formatted with its unit; "unknown" in the language */
};

struct brief_point {
    double lat, lon;
    char label[96];
};

struct brief_zone {
    char title[512];
    char subtitle[512]; /* kind, status, district */
    struct brief_fact facts[BRIEF_MAX_FACTS];
    int nfacts;
    char reasons[BRIEF_MAX_REASONS][320];
    int nreasons;
    char score[96];        /* "Match score 72.5 / 100 (fits)" or "" */
    char contact[320];     /* who to ask at the zone, or that it is unknown */
    char source[2048];     /* sources of the figures */
    char confidence[1024]; /* the level, and why when a note says */
    char summary[2048];    /* the public summary, or "" when there is none */
    int has_position;
    double lat, lon;
    int approximate; /* the position is a district centroid */
};

struct brief {
    char heading[256];   /* "Site brief" in the language */
    char generated[128]; /* "khu · 2026-11-22 · Long An" */
    char sketch_label[128];
    char approx_note[256]; /* explains approximate positions */
    char sources_label[64];
    char reasons_label[64];
    char needs_label[64];
    char needs[1024];    /* the needs searched, one line; "" without needs */
    char promotion[640]; /* the province's investment-promotion contact; "" when not set */
    struct brief_point frame[BRIEF_MAX_POINTS]; /* unit centroids for the sketch */
    int nframe;
    const struct brief_zone *zones;
    int nzones;
};

/* API */

/* Renders b as a PDF appended to out. Returns KHU_OK, KHU_ENOMEM, the
 * buffer's error, or KHU_EIO when cairo fails. */
enum khu_err brief_render_pdf(const struct brief *b, struct buf *out);

#endif
