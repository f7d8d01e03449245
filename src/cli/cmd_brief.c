/* SPDX-License-Identifier: MIT */
/*
 * `khu brief ZONE... --output FILE.pdf [--lang vi|en|ko]`: the site brief
 * of one zone or a shortlist as a PDF.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/xalloc.h"
#include "report/brief_data.h"

#define BRIEF_MAX_ZONES 16

static const char brief_help[] =
    "usage: khu brief ZONE... --output FILE.pdf [--lang vi|en|ko] [--db FILE]\n\n"
    "Writes the site brief of up to 16 zones (codes as in /api/v1/zones): each zone's\n"
    "facts with units, sources and confidence, and a location sketch. Unknown figures\n"
    "are written as unknown. -o is the same as --output.\n";

static int lang_of(const char *s, enum site_lang *lang)
{
    if (!s || strcmp(s, "vi") == 0)
        *lang = SITE_VI;
    else if (strcmp(s, "en") == 0)
        *lang = SITE_EN;
    else if (strcmp(s, "ko") == 0)
        *lang = SITE_KO;
    else
        return -1;
    return 0;
}

static int write_pdf(const char *path, const struct buf *pdf)
{
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(pdf->data, 1, pdf->len, f) == pdf->len;

    if (f && fclose(f) != 0)
        ok = 0;
    if (!ok)
        perror(path);
    return ok ? 0 : 1;
}

static int run_brief(const char *db, const char **codes, int n, enum site_lang lang,
                     const char *output)
{
    struct store *s = NULL;
    struct brief b;
    struct brief_zone *zones = xcalloc((size_t)n, sizeof(*zones));
    struct buf pdf;
    struct khu_diag d;
    char today[16];
    time_t now = time(NULL);
    int i, rc = 0;

    buf_init(&pdf, 64 * 1024 * 1024);
    memset(&b, 0, sizeof(b));
    khu_diag_clear(&d);
    if (!zones || store_open(db, STORE_READ_ONLY, &s, &d)) {
        fprintf(stderr, "khu brief: %s\n", zones ? d.message : "out of memory");
        rc = EXIT_DB;
        goto out;
    }
    for (i = 0; i < n && !rc; i++) {
        enum khu_err err = brief_load_zone(s, codes[i], lang, &zones[i]);
        if (err == KHU_ENOTFOUND)
            fprintf(stderr, "khu brief: no zone with code '%s'\n", codes[i]);
        rc = err ? 1 : 0;
    }
    strftime(today, sizeof(today), "%Y-%m-%d", gmtime(&now));
    if (!rc && brief_load_frame(s, lang, today, &b))
        rc = EXIT_DB;
    b.zones = zones;
    b.nzones = n;
    if (!rc && brief_render_pdf(&b, &pdf)) {
        fprintf(stderr, "khu brief: the PDF could not be drawn\n");
        rc = 1;
    }
    if (!rc)
        rc = write_pdf(output, &pdf);
out:
    store_close(s);
    buf_free(&pdf);
    xfree(zones);
    return rc;
}

int cmd_brief(int argc, char **argv)
{
    const char *db = NULL, *output = NULL, *lang_name = NULL, *pos[BRIEF_MAX_ZONES];
    const struct opt opts[] = {
        {"--db", 1, &db}, {"--output", 1, &output}, {"--lang", 1, &lang_name}, {NULL, 0, NULL}};
    char *args[64];
    int i, help, npos;
    enum site_lang lang;

    for (i = 0; i < argc && i < 64; i++)
        args[i] = strcmp(argv[i], "-o") == 0 ? "--output" : argv[i];
    npos = opts_parse(argc < 64 ? argc : 64, args, opts, pos, BRIEF_MAX_ZONES, &help);
    if (help) {
        fputs(brief_help, stdout);
        return 0;
    }
    if (npos < 1 || !output) {
        if (npos >= 0)
            fputs(brief_help, stderr);
        return EXIT_USAGE;
    }
    if (lang_of(lang_name, &lang)) {
        fprintf(stderr, "khu brief: --lang must be vi, en or ko\n");
        return EXIT_USAGE;
    }
    return run_brief(cli_db_path(db), pos, npos, lang, output);
}
