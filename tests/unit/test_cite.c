/* SPDX-License-Identifier: MIT */
/*
 * Finding registered sources in source texts (core/cite.c): the longer cite
 * wins, a cite glued to more of an address is not a match, an address at
 * the end of a sentence is; addresses no cite covers are reported; and on
 * texts built at random from cites and prose, every cite put in is found
 * at its place, in order, without overlaps.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/cite.h"
#include "test.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void test_longer_wins(void)
{
    const char *cites[] = {"eng.longan.gov.vn", "http://eng.longan.gov.vn/Lists/X.aspx?ID=1"};
    const char *text = "http://eng.longan.gov.vn/Lists/X.aspx?ID=1 ; eng.longan.gov.vn (2020)";
    struct cite_match m[4];

    CHECK_EQ_INT(cite_find(text, cites, N(cites), m, 4), 2);
    CHECK_EQ_INT(m[0].index, 1);
    CHECK_EQ_INT(m[0].at, 0);
    CHECK_EQ_INT(m[1].index, 0);
    CHECK_EQ_INT(m[1].at, strlen("http://eng.longan.gov.vn/Lists/X.aspx?ID=1 ; "));
    /* only the long one: the bare domain inside it is not a second match */
    CHECK_EQ_INT(cite_find("http://eng.longan.gov.vn/Lists/X.aspx?ID=1", cites, N(cites), m, 4), 1);
    CHECK_EQ_INT(m[0].index, 1);
}

static void test_apart(void)
{
    const char *cites[] = {"https://baotayninh.vn", "https://x.vn/a.html", "Decision 27/2018"};
    struct cite_match m[4];

    CHECK_EQ_INT(cite_find("https://baotayninh.vn/tin-123", cites, 1, m, 4), 0);
    CHECK_EQ_INT(cite_find("see https://baotayninh.vn (2025-06-30)", cites, 1, m, 4), 1);
    CHECK_EQ_INT(m[0].at, 4);
    CHECK_EQ_INT(cite_find("as https://x.vn/a.html.", cites, N(cites), m, 4), 1);
    CHECK_EQ_INT(m[0].index, 1);
    CHECK_EQ_INT(cite_find("as https://x.vn/a.htmlx", cites, N(cites), m, 4), 0);
    CHECK_EQ_INT(cite_find("xhttps://x.vn/a.html", cites, N(cites), m, 4), 0);
    CHECK_EQ_INT(cite_find("Decision 27/2018/QĐ-TTg", cites, N(cites), m, 4), 0);
    CHECK_EQ_INT(cite_find("Decision 27/2018, Phụ lục I", cites, N(cites), m, 4), 1);
    CHECK_EQ_INT(cite_find(NULL, cites, N(cites), m, 4), 0);
    CHECK_EQ_INT(cite_find("text", NULL, 0, m, 4), 0);
}

struct words {
    char got[8][64];
    int n;
};

static int keep_word(void *arg, const char *w, size_t len)
{
    struct words *ws = arg;

    if (ws->n < 8)
        snprintf(ws->got[ws->n++], sizeof(ws->got[0]), "%.*s", (int)len, w);
    return 0;
}

static void test_uncovered(void)
{
    const char *cites[] = {"https://a.vn/b", "sggp.org.vn (article 1)"};
    const char *text = "Figures: https://a.vn/b ; reatimes.vn ; tapchikientruc ; sggp.org.vn "
                       "(article 1) ; (https://c.com/d) ; www.e.net. Plain words, 9.5 ha.";
    struct cite_match m[4];
    struct words ws = {0};
    size_t n = cite_find(text, cites, N(cites), m, 4);

    CHECK_EQ_INT(n, 2);
    CHECK_EQ_INT(cite_uncovered(text, m, n, keep_word, &ws), 3);
    CHECK_EQ_STR(ws.got[0], "reatimes.vn");
    CHECK_EQ_STR(ws.got[1], "(https://c.com/d)");
    CHECK_EQ_STR(ws.got[2], "www.e.net.");
}

/* splitmix64: the same texts on every run */
static uint64_t rng_state = 11;

static int pick(int n)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return (int)((z ^ (z >> 31)) % (uint64_t)n);
}

/* Texts of cites (some sharing a prefix, one inside another) and prose
 * between them: each cite put in is found where it was put. */
static void test_random_texts(void)
{
    const char *cites[] = {
        "https://a.vn/x",     "https://a.vn/x/y",  "b.com/article/12", "b.com/article/123",
        "Decision 1/2020/QĐ", "c.org (article 7)", "https://d.net",    "Province statement",
    };
    const char *prose[] = {" ; ", " (2024-06) ; ", ": 425 ha ; ", " and ", "; "};
    int round;

    for (round = 0; round < 2000; round++) {
        char text[512];
        size_t at[N(cites)], used = 0, i;
        int put[N(cites)] = {0}, order[8], n = 1 + pick(5), k;
        struct cite_match m[N(cites)];
        size_t found;

        for (i = 0; i < N(cites); i++)
            at[i] = (size_t)-1;
        text[0] = '\0';
        for (k = 0; k < n; k++) {
            int c = pick((int)N(cites));
            if (put[c])
                continue;
            put[c] = 1;
            order[k] = c;
            at[c] = strlen(text);
            used = strlen(text);
            snprintf(text + used, sizeof(text) - used, "%s%s", cites[c], prose[pick(5)]);
        }
        found = cite_find(text, cites, N(cites), m, N(cites));
        (void)order;
        for (i = 0, k = 0; i < N(cites); i++)
            k += put[i];
        CHECK_EQ_INT(found, (size_t)k);
        for (i = 0; i < found && i < N(cites); i++) {
            CHECK(put[m[i].index]);
            CHECK_EQ_INT(m[i].at, at[m[i].index]);
            CHECK_EQ_INT(m[i].len, strlen(cites[m[i].index]));
            if (i > 0)
                CHECK(m[i - 1].at + m[i - 1].len <= m[i].at);
        }
        CHECK_EQ_INT(cite_uncovered(text, m, found < N(cites) ? found : N(cites), NULL, NULL), 0);
    }
}

int main(void)
{
    test_longer_wins();
    test_apart();
    test_uncovered();
    test_random_texts();
    return test_report("test_cite");
}
