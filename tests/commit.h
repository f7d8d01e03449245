/* SPDX-License-Identifier: MIT */
/*
 * Test support: commit a change to a database through a connection of its
 * own, as another process (khu import, an officer) would. Header-only so
 * each test binary stays one file.
 */
#ifndef KHU_TEST_COMMIT_H
#define KHU_TEST_COMMIT_H

#include <stdio.h>
#include <string.h>

#include "store/import.h"
#include "store/store.h"
#include "test.h"

static void commit_ignore_error(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    (void)file;
    (void)d;
}

/* Commits one province called code to the database at path. */
static void commit_unit(const char *path, const char *code)
{
    static const struct store_actor actor = {"test", ""};
    struct store *w = NULL;
    struct importer *im = NULL;
    struct khu_diag d;
    char csv[128];

    snprintf(csv, sizeof(csv), "code,name_vi,level\n%s,Tỉnh %s,province\n", code, code);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &w, &d), KHU_OK);
    CHECK_EQ_INT(importer_begin(w, &actor, 0, 0, commit_ignore_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "units", "u.csv", csv, strlen(csv)), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    store_close(w);
}

#endif
