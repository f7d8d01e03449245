/* SPDX-License-Identifier: MIT */
/*
 * `khu version`: the program version and the versions of the libraries it
 * runs with.
 */
#include <stdio.h>

#include "cli/commands.h"
#include "http/http.h"
#include "store/store.h"

#ifndef KHU_VERSION
#define KHU_VERSION "0.1.0"
#endif

int cmd_version(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("khu %s (schema %d, %s, %s)\n", KHU_VERSION, store_latest_version(), store_engine(),
           http_engine());
    return 0;
}
