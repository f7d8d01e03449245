/* SPDX-License-Identifier: MIT */
/*
 * The static files of web/ and the default data of data/, embedded in the
 * binary at build time by tools/embed. The table ends with a row whose path is NULL.
 */
#ifndef KHU_ASSETS_H
#define KHU_ASSETS_H

struct asset {
    const char *path; /* "/index.html" */
    const unsigned char *data;
    int len;
};

/* web/: paths like "/index.html" */
extern const struct asset khu_assets[];

/* data/: the default data set, names like "zones.csv" */
extern const struct asset khu_data_files[];

#endif
