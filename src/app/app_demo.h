/* SPDX-License-Identifier: MIT */
/*
 * Synthetic data sets: whether a database holds one (the source khu-demo
 * of `khu demo`, or khu-gen of `khu gen`), for the server to say so.
 */
#ifndef KHU_APP_DEMO_H
#define KHU_APP_DEMO_H

#include "store/store.h"

#define APP_DEMO_SOURCE "khu-demo" /* the code of the source every row cites */

/* API */

/* Sets *synthetic to 1 when s holds a synthetic data set: the source
 * khu-demo of `khu demo` or khu-gen of `khu gen`. Returns KHU_OK or the
 * store's error with d filled. */
enum khu_err app_data_synthetic(struct store *s, int *synthetic, struct khu_diag *d);

#endif
