/* SPDX-License-Identifier: MIT */
/*
 * Which registered sources a row's free-text `source` cites. A source of
 * the sources table is cited by its `cite` text (a URL as written, a short
 * form such as "sggp.org.vn (article 253929)", or the name of a document
 * without an address) appearing in the row's text. Longer cites are found
 * first and matches never overlap, so a page's full address wins over the
 * bare domain of the same site. Also finds what looks like an address in
 * the text that no cite covers, for the data keeper. Pure logic, no I/O.
 */
#ifndef KHU_CITE_H
#define KHU_CITE_H

#include <stddef.h>

/* One cite found in a text. */
struct cite_match {
    size_t at;  /* byte offset in the text */
    size_t len; /* bytes of the cite */
    int index;  /* which of the cites given */
};

#define CITE_NOMEM ((size_t)-1)

/* Called with each uncovered address-like word of a text (not
 * NUL-terminated); returns nonzero to stop. */
typedef int (*cite_word_fn)(void *arg, const char *word, size_t len);

/* API */

/* Finds the cites (an array of n NUL-terminated texts; NULL or empty ones
 * never match) in text: each cite at most once, at its first occurrence that
 * does not overlap a longer cite's match and that stands apart (not glued to
 * letters, digits or address characters on either side). Writes up to max
 * matches to out, ordered by position, and returns how many were found (may
 * exceed max: then only the first max by length order are kept), or
 * CITE_NOMEM. */
size_t cite_find(const char *text, const char *const *cites, size_t n, struct cite_match *out,
                 size_t max);

/* Hands fn each whitespace-separated word of text outside the matches (as
 * cite_find gave them) that looks like a web address or a domain name
 * ("https://…", "www.…", "reatimes.vn", "baotayninh.vn/…"). Returns how many
 * were handed. */
size_t cite_uncovered(const char *text, const struct cite_match *m, size_t nm, cite_word_fn fn,
                      void *arg);

#endif
