/* SPDX-License-Identifier: MIT */
/*
 * An answer as a spreadsheet (report/xlsx.h), shared by every list that
 * offers one: the data sheet, then an About sheet with the publisher and
 * licence the server was given, when the answer was made and from which
 * address, and the registered sources the rows cite. A handler opens it,
 * writes rows, notes each row's source text, and finishes it.
 */
#ifndef KHU_API_XLSX_ANSWER_H
#define KHU_API_XLSX_ANSWER_H

#include "api/api.h"
#include "app/app_sources.h"
#include "core/schema.h"
#include "report/xlsx.h"

#define XLSX_NCOLS(cols) (sizeof(cols) / sizeof((cols)[0]))

struct api_xlsx {
    struct xlsx_book *book;
    struct app_cites cites; /* loaded at the first source noted */
    unsigned char *cited;   /* one flag per source of cites */
    int cites_loaded;
};

/* API */

/* The kind of spreadsheet column for a column of the data model. */
enum xlsx_kind api_xlsx_kind(const struct col_def *c);

/* Opens the answer's workbook with cols. Returns 0, or -1 after answering
 * the failure. */
int api_xlsx_open(struct api_xlsx *x, struct http_resp *resp, const char *sheet,
                  const struct xlsx_col *cols, size_t n);

/* Notes the sources text cites (text may be NULL), for the About sheet. */
void api_xlsx_cite(struct api_xlsx *x, struct store *s, const char *text);

/* Writes the About sheet and puts the workbook, named name.xlsx, into
 * resp as the answer (or the failure). Frees what x holds. */
void api_xlsx_finish(struct api_xlsx *x, const struct http_req *req, struct http_resp *resp,
                     const char *name);

/* Turns the CSV answer in resp (its header row first) into a spreadsheet
 * named name.xlsx whose columns are cols, in the CSV's order (their names
 * become the header); the sources named in column source_col (NULL: none)
 * are listed in the About sheet. For the answers built as CSV (stats,
 * targets, the dashboard, leads): one encoding, two forms. */
void api_xlsx_from_csv(const struct http_req *req, struct http_resp *resp, struct store *s,
                       const char *name, const struct xlsx_col *cols, size_t n,
                       const char *source_col);

/* Frees what x holds without answering (NULL book: nothing to free). */
void api_xlsx_abort(struct api_xlsx *x);

#endif
