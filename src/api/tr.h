/* SPDX-License-Identifier: MIT */
/*
 * Messages a person reads (the problems of the forms of the web app: the
 * inquiry, the investor's search) in the request's language. The English
 * format is the key, as with gettext: api_tr returns its Vietnamese or
 * Korean translation, which takes the same arguments in the same order
 * (test_api_tr checks every entry), or the English itself.
 */
#ifndef KHU_API_TR_H
#define KHU_API_TR_H

#include <stddef.h>

#include "api/api.h"

struct api_tr_entry {
    const char *en, *vi, *ko;
};

/* API */

/* Returns the translation of the English format en into lang, or en when
 * the table has none. The compiler checks the arguments against en. */
const char *api_tr(enum api_lang lang, const char *en) __attribute__((format_arg(2)));

/* Returns the table and its length in *n (for the tests). */
const struct api_tr_entry *api_tr_table(size_t *n);

#endif
