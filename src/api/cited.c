/* SPDX-License-Identifier: MIT */
/*
 * The sources a row cites, as answer fields (see cited.h).
 */
#include "api/cited.h"

/* cite_word_fn: one unregistered address into the open array. */
static int write_word(void *arg, const char *word, size_t len)
{
    jw_strn(arg, word, len);
    return 0;
}

void api_write_cited(struct jw *w, const struct app_cites *cites, const char *text)
{
    struct cite_match m[APP_CITES_MAX];
    size_t n = app_cites_find(cites, text, m), i;

    jw_key(w, "source_refs");
    jw_arr_begin(w);
    for (i = 0; i < n; i++)
        jw_str(w, cites->code[m[i].index]);
    jw_arr_end(w);
    jw_key(w, "source_unregistered");
    jw_arr_begin(w);
    if (text)
        cite_uncovered(text, m, n, write_word, w);
    jw_arr_end(w);
}
