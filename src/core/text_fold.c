/* SPDX-License-Identifier: MIT */
/*
 * NFC normalisation and the search fold, on top of libutf8proc. utf8proc
 * does the Unicode work (compatibility decomposition, case folding, mark
 * stripping, recomposition) into a code point array that we allocate
 * ourselves through xmalloc; this file then maps the d-with-stroke letters
 * to d, splits the text into letter/digit tokens and writes Hangul syllable
 * runs as overlapping bigrams.
 */
#include "core/text_fold.h"

#include <stdint.h>
#include <utf8proc.h>

#include "core/utf8.h"
#include "core/xalloc.h"

/* NFC, as stored. */
#define NFC_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE)

/* NFKC with case folding, default ignorables and marks removed. COMPOSE
 * (not DECOMPOSE) so that Hangul syllables, which utf8proc splits into
 * jamo while decomposing, come back together. */
#define FOLD_OPTIONS                                                                               \
    (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |  \
     UTF8PROC_STRIPMARK)

#define HANGUL_FIRST 0xAC00
#define HANGUL_LAST  0xD7A3

enum cp_class {
    CLASS_SEP,    /* not a letter or digit: separates tokens */
    CLASS_WORD,   /* letter or digit outside Hangul syllables */
    CLASS_HANGUL, /* precomposed Hangul syllable */
};

/* ===== Unicode work through utf8proc ===== */

/* Grows *buf to hold at least need code points. */
static enum khu_err grow(int32_t **buf, size_t *cap, size_t need)
{
    int32_t *grown;

    if (need <= *cap)
        return KHU_OK;
    if (need > (size_t)(PTRDIFF_MAX / 8))
        return KHU_ETOOBIG;
    grown = xrealloc(*buf, need * sizeof(**buf));
    if (!grown)
        return KHU_ENOMEM;
    *buf = grown;
    *cap = need;
    return KHU_OK;
}

/* Runs utf8proc over the segment s[0..n), appending its code points to
 * (*buf)[*k..]; rest is the number of input bytes after the segment. */
static enum khu_err map_segment(const char *s, size_t n, size_t rest, utf8proc_option_t options,
                                int32_t **buf, size_t *cap, size_t *k)
{
    utf8proc_ssize_t got;
    enum khu_err err;

    for (;;) {
        got = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, *buf + *k,
                                 (utf8proc_ssize_t)(*cap - *k), options);
        if (got < 0)
            return got == UTF8PROC_ERROR_OVERFLOW ? KHU_ETOOBIG : KHU_EINVAL;
        if ((size_t)got <= *cap - *k)
            break;
        err = grow(buf, cap, *k + (size_t)got + rest + 16);
        if (err)
            return err;
    }
    got = utf8proc_normalize_utf32(*buf + *k, got, options);
    if (got < 0)
        return KHU_EINVAL;
    *k += (size_t)got;
    return KHU_OK;
}

static int is_high(char c)
{
    return (unsigned char)c >= 0x80;
}

/* Runs utf8proc with options over s[0..n) and returns a new array of the
 * resulting code points in *cps (caller frees with xfree) and their number
 * in *ncp. Returns KHU_OK, KHU_ENOMEM, KHU_ETOOBIG or KHU_EINVAL.
 *
 * Only the parts that need it go through utf8proc. Normalization can
 * always be cut just before an ASCII character: ASCII characters are
 * starters that never combine with what precedes them, nothing reorders
 * across a starter, and case folding, ignoring and mark stripping work
 * character by character. So ASCII between such cuts is copied (lowered
 * when case folding), and utf8proc gets the segments from each non-ASCII
 * character, or the ASCII character just before it (which may combine with
 * a following mark), up to the next ASCII character. */
static enum khu_err map_code_points(const char *s, size_t n, utf8proc_option_t options,
                                    int32_t **cps, size_t *ncp)
{
    enum khu_err err;
    int32_t *buf = NULL;
    size_t cap = 0, k = 0, i = 0, j;
    int fold_case = (options & UTF8PROC_CASEFOLD) != 0;

    *cps = NULL;
    *ncp = 0;
    if (n > (size_t)(PTRDIFF_MAX / 8))
        return KHU_ETOOBIG;
    err = grow(&buf, &cap, n + 16);
    while (!err && i < n) {
        if (!is_high(s[i]) && (i + 1 == n || !is_high(s[i + 1]))) {
            buf[k++] = fold_case && s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i];
            i++;
            continue;
        }
        for (j = i + 1; j < n && is_high(s[j]); j++)
            ;
        err = map_segment(s + i, j - i, n - j, options, &buf, &cap, &k);
        i = j;
    }
    if (err) {
        xfree(buf);
        return err;
    }
    *cps = buf;
    *ncp = k;
    return KHU_OK;
}

/* ===== Writing code points ===== */

static enum khu_err put_cp(struct buf *out, uint32_t cp)
{
    char enc[4];
    size_t k = utf8_encode(cp, enc);

    return k ? buf_append(out, enc, k) : KHU_EINVAL;
}

/* Puts the separating space before every token but the first. */
static enum khu_err put_sep(struct buf *out, int *first)
{
    if (*first) {
        *first = 0;
        return KHU_OK;
    }
    return buf_putc(out, ' ');
}

static enum khu_err put_token(struct buf *out, const int32_t *cps, size_t n, int *first)
{
    enum khu_err err = put_sep(out, first);
    size_t i;

    for (i = 0; i < n && !err; i++)
        err = put_cp(out, (uint32_t)cps[i]);
    return err;
}

/* A run of Hangul syllables: alone it stays, longer it becomes overlapping
 * pairs, so that a query for any two-syllable part of a word finds it. */
static enum khu_err put_hangul_run(struct buf *out, const int32_t *cps, size_t n, int *first)
{
    enum khu_err err = KHU_OK;
    size_t i;

    if (n == 1)
        return put_token(out, cps, 1, first);
    for (i = 0; i + 1 < n && !err; i++)
        err = put_token(out, cps + i, 2, first);
    return err;
}

/* ===== Classifying folded code points ===== */

/* Letters that look like d with a stroke and have no decomposition: đ and
 * Đ (Vietnamese), and the look-alikes ð/Ð (U+00F0/U+00D0) and ɖ/Ɖ
 * (U+0256/U+0189) that Vietnamese text typed on other keyboards carries in
 * their place. Case folding has already lowered the capitals, but the map
 * takes both. */
static int32_t fold_d(int32_t cp)
{
    switch (cp) {
    case 0x0110:
    case 0x0111:
    case 0x00D0:
    case 0x00F0:
    case 0x0189:
    case 0x0256:
        return 'd';
    default:
        return cp;
    }
}

static enum cp_class classify(int32_t cp)
{
    if (cp >= HANGUL_FIRST && cp <= HANGUL_LAST)
        return CLASS_HANGUL;
    if (cp < 0x80) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
            return CLASS_WORD;
        return CLASS_SEP;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return CLASS_WORD;
    default:
        return CLASS_SEP;
    }
}

/* Writes the tokens of the folded code points cps[0..n): maximal runs of
 * one class, words as they are and Hangul runs as bigrams. */
static enum khu_err put_tokens(struct buf *out, int32_t *cps, size_t n)
{
    enum khu_err err = KHU_OK;
    enum cp_class cls;
    size_t i, start;
    int first = 1;

    for (i = 0; i < n; i++)
        cps[i] = fold_d(cps[i]);
    i = 0;
    while (i < n && !err) {
        cls = classify(cps[i]);
        if (cls == CLASS_SEP) {
            i++;
            continue;
        }
        start = i++;
        while (i < n && classify(cps[i]) == cls)
            i++;
        if (cls == CLASS_HANGUL)
            err = put_hangul_run(out, cps + start, i - start, &first);
        else
            err = put_token(out, cps + start, i - start, &first);
    }
    return err;
}

/* ===== ASCII ===== */

/* Most cells (codes, English names, product lists) are plain ASCII, for
 * which both forms are simple: ASCII is already NFC, and its fold is its
 * runs of letters and digits in lower case, one space apart (NFKC, case
 * folding and mark stripping change nothing else in ASCII, and no ASCII
 * character is default ignorable). utf8proc is left for the rest. */
static int is_ascii(const char *s, size_t n)
{
    size_t i;
    unsigned char any = 0;

    for (i = 0; i < n; i++)
        any |= (unsigned char)s[i];
    return any < 0x80;
}

static int ascii_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static enum khu_err fold_ascii(const char *s, size_t n, struct buf *out)
{
    size_t i = 0, start, k;
    int first = 1;

    while (i < n && !out->err) {
        if (!ascii_word(s[i])) {
            i++;
            continue;
        }
        start = i;
        while (i < n && ascii_word(s[i]))
            i++;
        put_sep(out, &first);
        if (buf_append(out, s + start, i - start))
            break;
        for (k = out->len - (i - start); k < out->len; k++)
            if (out->data[k] >= 'A' && out->data[k] <= 'Z')
                out->data[k] = (char)(out->data[k] - 'A' + 'a');
    }
    return out->err;
}

/* ===== API ===== */

/* Undoes a partial append so that a failed call leaves out as it was
 * (its sticky error, if any, stays). */
static void roll_back(struct buf *out, size_t len)
{
    if (out->len > len)
        out->len = len;
    if (out->data)
        out->data[out->len] = '\0';
}

enum khu_err text_nfc(const char *s, size_t n, struct buf *out)
{
    enum khu_err err;
    int32_t *cps = NULL;
    size_t ncp = 0, i, start = out->len;

    if (is_ascii(s, n))
        return n ? buf_append(out, s, n) : out->err;
    if (!utf8_valid(s, n, NULL))
        return KHU_EINVAL;
    err = map_code_points(s, n, NFC_OPTIONS, &cps, &ncp);
    for (i = 0; i < ncp && !err; i++)
        err = put_cp(out, (uint32_t)cps[i]);
    if (!err && out->err)
        err = out->err;
    if (err)
        roll_back(out, start);
    xfree(cps);
    return err;
}

enum khu_err text_fold(const char *s, size_t n, struct buf *out)
{
    enum khu_err err;
    int32_t *cps = NULL;
    size_t ncp = 0, start = out->len;

    if (is_ascii(s, n)) {
        err = fold_ascii(s, n, out);
        if (err)
            roll_back(out, start);
        return err;
    }
    if (!utf8_valid(s, n, NULL))
        return KHU_EINVAL;
    err = map_code_points(s, n, FOLD_OPTIONS, &cps, &ncp);
    if (!err)
        err = put_tokens(out, cps, ncp);
    if (!err && out->err)
        err = out->err;
    if (err)
        roll_back(out, start);
    xfree(cps);
    return err;
}
