/* SPDX-License-Identifier: MIT */
/*
 * Synthetic data sets (see app_demo.h).
 */
#include "app/app_demo.h"

#include "store/catalog.h"

enum khu_err app_data_synthetic(struct store *s, int *synthetic, struct khu_diag *d)
{
    static const char *const codes[] = {APP_DEMO_SOURCE, "khu-gen", NULL};

    return store_source_any(s, codes, synthetic, d);
}
