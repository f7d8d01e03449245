/* SPDX-License-Identifier: MIT */
/*
 * The synthetic data generator, the whole of its API. It writes a data set
 * as one <table>.csv per table of core/schema.c, ready for an import: the
 * same seed gives byte-identical files, and rows stream to disk, so the
 * world scale needs no more memory than the province one. It knows only
 * core/ (the schema, CSV writing): no database, server or command line.
 */
#ifndef KHU_GEN_H
#define KHU_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define GEN_MESSAGE_MAX 512

/* What one run wrote, or why it stopped. */
struct gen_report {
    size_t files;                  /* files written completely */
    long rows;                     /* data rows in them (headers not counted) */
    char message[GEN_MESSAGE_MAX]; /* "" on success, else what failed and why */
};

/* API */

/* Returns 1 if name is a scale ("province", "national", "world"), else 0. */
int gen_scale_known(const char *name);

/* Writes the data set of the given scale and seed into dir, which must
 * exist, as dir/<table>.csv for every table of core/schema.c in schema
 * order; files already there are replaced. Every row's source says
 * "synthetic (khu gen seed N)". Returns KHU_OK with rep filled. On failure
 * returns KHU_EINVAL (unknown scale), KHU_ENOMEM or KHU_EIO (a file that
 * cannot be created or written), with rep->message naming the file and the
 * reason; the files written before it stay, the failing one may be partial. */
enum khu_err gen_write_dir(const char *dir, const char *scale, uint64_t seed,
                           struct gen_report *rep);

#endif
