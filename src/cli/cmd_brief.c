/* SPDX-License-Identifier: MIT */
/*
 * `khu brief ZONE... --output FILE.pdf [--lang vi|en|ko]`: the site brief
 * of one zone or a shortlist as a PDF.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/app_brief.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/opts.h"
#include "core/xalloc.h"

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
    struct brief *b = xcalloc(1, sizeof(*b));
    struct brief_zone *zones = xcalloc((size_t)n, sizeof(*zones));
    struct brief_input in;
    struct buf pdf;
    struct khu_diag d;
    enum khu_err err;
    char today[16];
    time_t now = time(NULL);
    int rc = 0;

    buf_init(&pdf, 64 * 1024 * 1024);
    khu_diag_clear(&d);
    if (!b || !zones || store_open(db, STORE_READ_ONLY, &s, &d)) {
        fprintf(stderr, "khu brief: %s\n", b && zones ? d.message : "out of memory");
        rc = EXIT_DB;
        goto out;
    }
    strftime(today, sizeof(today), "%Y-%m-%d", gmtime(&now));
    in = (struct brief_input){codes, n, lang, today, NULL, getenv("KHU_PROMOTION_CONTACT")};
    err = app_brief_load(s, &in, b, zones, &d);
    if (err) {
        fprintf(stderr, "khu brief: %s\n", d.message[0] ? d.message : khu_err_str(err));
        rc = err == KHU_ENOTFOUND || err == KHU_EINVAL ? 1 : EXIT_DB;
        goto out;
    }
    if (brief_render_pdf(b, &pdf)) {
        fprintf(stderr, "khu brief: the PDF could not be drawn\n");
        rc = 1;
    }
    if (!rc)
        rc = write_pdf(output, &pdf);
out:
    store_close(s);
    buf_free(&pdf);
    xfree(zones);
    xfree(b);
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
