/* SPDX-License-Identifier: MIT */
/*
 * Removing a test's temporary directory and everything in it. For one
 * test file only (it defines its functions static).
 */
#ifndef KHU_TEST_RMTREE_H
#define KHU_TEST_RMTREE_H

#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Removes dir and what it holds (files first), without following links.
 * Returns 0, or -1 when something could not be removed. */
static int remove_tree(const char *dir)
{
    return nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}

#endif
