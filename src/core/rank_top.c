/* SPDX-License-Identifier: MIT */
/*
 * The ranking order and the bounded heap (see rank_top.h): a max-heap on
 * ranking order, so the worst kept key is on top and a better candidate
 * replaces it; sorting is heapsort, each pop going to the end.
 */
#include "core/rank_top.h"

#include <string.h>

int rank_compare(int group_a, double score_a, int unknowns_a, const char *code_a, int group_b,
                 double score_b, int unknowns_b, const char *code_b)
{
    if (group_a != group_b)
        return group_a - group_b;
    if (score_a != score_b)
        return score_a > score_b ? -1 : 1;
    if (unknowns_a != unknowns_b)
        return unknowns_a - unknowns_b;
    return strcmp(code_a, code_b);
}

static int key_compare(const struct rank_top *t, const struct rank_key *a, const struct rank_key *b)
{
    return rank_compare(a->group, a->score, a->unknowns, t->code(t->set, a->index), b->group,
                        b->score, b->unknowns, t->code(t->set, b->index));
}

static int worse(const struct rank_top *t, size_t i, size_t j)
{
    return key_compare(t, &t->items[i], &t->items[j]) > 0;
}

static void swap_keys(struct rank_top *t, size_t i, size_t j)
{
    struct rank_key x = t->items[i];

    t->items[i] = t->items[j];
    t->items[j] = x;
}

static void sift_down(struct rank_top *t, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < t->n && worse(t, l, m))
            m = l;
        if (r < t->n && worse(t, r, m))
            m = r;
        if (m == i)
            return;
        swap_keys(t, i, m);
        i = m;
    }
}

static void sift_up(struct rank_top *t, size_t i)
{
    while (i > 0 && worse(t, i, (i - 1) / 2)) {
        swap_keys(t, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
}

void rank_top_init(struct rank_top *t, struct rank_key *room, size_t k, rank_code_fn code,
                   const void *set)
{
    *t = (struct rank_top){room, 0, k, code, set};
}

void rank_top_offer(struct rank_top *t, const struct rank_key *key)
{
    if (t->k == 0)
        return;
    if (t->n < t->k) {
        t->items[t->n] = *key;
        sift_up(t, t->n++);
    } else if (key_compare(t, &t->items[0], key) > 0) {
        t->items[0] = *key;
        sift_down(t, 0);
    }
}

void rank_top_sort(struct rank_top *t)
{
    size_t n = t->n;

    while (t->n > 1) {
        swap_keys(t, 0, t->n - 1);
        t->n--;
        sift_down(t, 0);
    }
    t->n = n;
}
