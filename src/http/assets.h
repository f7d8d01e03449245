/* SPDX-License-Identifier: MIT */
/*
 * The static files of the web app (web/ and its libraries, gathered in
 * build/web by make) and the default data of data/, embedded in the
 * binary at build time by tools/embed. The table ends with a row whose path is NULL.
 */
#ifndef KHU_ASSETS_H
#define KHU_ASSETS_H

struct asset {
    const char *path; /* "/index.html" */
    const unsigned char *data;
    int len;
};

/* web/ and the libraries built into build/web: paths like "/index.html" */
extern const struct asset khu_assets[];

/* A hash of every web asset: pages name their assets /static/VERSION/NAME */
extern const char khu_assets_version[];
extern const char khu_data_files_version[];

/* data/: the default data set, names like "zones.csv" */
extern const struct asset khu_data_files[];

#endif
