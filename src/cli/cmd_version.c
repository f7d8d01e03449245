/* SPDX-License-Identifier: MIT */
/*
 * `khu version`: the program version and the versions of the libraries it
 * runs with.
 */
#include <microhttpd.h>
#include <stdio.h>

#include "cli/commands.h"
#include "store/store.h"

#ifndef KHU_VERSION
#define KHU_VERSION "0.1.0"
#endif

int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("khu %s (schema %d, %s, libmicrohttpd %s)\n", KHU_VERSION, store_latest_version(),
           store_engine(), MHD_get_version());
    return 0;
}
