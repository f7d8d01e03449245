/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/brief.pdf?zones=a,b&lang=..: the site brief as a PDF. With
 * site finder parameters (land_ha, max_km_hcmc, ...) each zone also gets
 * its score and the finder's reasons, as the investor saw them.
 */
#include <string.h>
#include <time.h>

#include "api/handlers.h"
#include "api/match.h"
#include "core/num.h"
#include "core/site_text.h"
#include "core/xalloc.h"
#include "report/brief_data.h"

#define BRIEF_API_MAX_ZONES 8

static enum site_lang site_lang_of(enum api_lang l)
{
    return l == LANG_EN ? SITE_EN : l == LANG_KO ? SITE_KO : SITE_VI;
}

/* Splits zones=a,b,c into codes; answers 400 when empty or too many. */
static int zone_codes(struct http_req *req, struct http_resp *resp, char codes[][72], int *n)
{
    const char *p = http_param(req, "zones");

    *n = 0;
    while (p && *p) {
        size_t len = strcspn(p, ",");
        if (*n == BRIEF_API_MAX_ZONES || len == 0 || len >= 72)
            break;
        memcpy(codes[*n], p, len);
        codes[(*n)++][len] = '\0';
        p += len + (p[len] == ',');
    }
    if (*n == 0 || (p && *p)) {
        http_problem(resp, 400, "zones", "zones must be 1 to %d zone codes separated by commas",
                     BRIEF_API_MAX_ZONES);
        return -1;
    }
    return 0;
}

/* Adds the finder's score and reasons to z when the request asked for a
 * match. */
static void add_reasons(const struct match_run *run, const struct match_input *in, const char *code,
                        struct brief_zone *z)
{
    static const char *const fmt[3] = {"Điểm phù hợp %s / 100%s", "Match score %s / 100%s",
                                       "적합 점수 %s / 100%s"};
    static const char *const excluded[3] = {" (bị loại)", " (excluded)", " (제외)"};
    enum api_lang lang = in->lang;
    struct site_result r;
    char num[32];
    int k;

    if (match_score_zone(run, in, code, &r))
        return;
    site_format_number(r.score, 1, site_lang_of(lang), num, sizeof(num));
    snprintf(z->score, sizeof(z->score), fmt[lang], num, r.excluded ? excluded[lang] : "");
    for (k = 0; k < r.nreasons && k < BRIEF_MAX_REASONS; k++)
        site_reason_text(&r.reasons[k], site_lang_of(lang), z->reasons[k], sizeof(z->reasons[k]));
    z->nreasons = k;
}

static void render(struct http_resp *resp, struct store *s, struct brief_zone *zones, int n,
                   enum api_lang lang)
{
    struct brief b;
    char today[16];
    time_t now = time(NULL);

    memset(&b, 0, sizeof(b));
    strftime(today, sizeof(today), "%Y-%m-%d", gmtime(&now));
    if (brief_load_frame(s, site_lang_of(lang), today, &b)) {
        api_db_error(resp, s);
        return;
    }
    b.zones = zones;
    b.nzones = n;
    if (brief_render_pdf(&b, &resp->body)) {
        http_problem(resp, 500, NULL, "the PDF could not be drawn");
        return;
    }
    resp->content_type = "application/pdf";
    snprintf(resp->content_disposition, sizeof(resp->content_disposition),
             "attachment; filename=\"khu-brief.pdf\"");
}

void api_brief(struct http_req *req, struct http_resp *resp)
{
    static const char *const extra[] = {"zones", NULL};
    char codes[BRIEF_API_MAX_ZONES][72];
    struct match_input in;
    struct match_run run;
    struct brief_zone *zones = NULL;
    struct store *s;
    int n, i, matched;

    memset(&run, 0, sizeof(run));
    match_input_init(&in);
    if (api_lang(req, resp, &in.lang) || match_input_from_query(&in, req, resp, extra) ||
        zone_codes(req, resp, codes, &n) || !(s = api_store(req, resp)))
        return;
    matched = req->nparams > 1 + (http_param(req, "lang") != NULL);
    zones = xcalloc((size_t)n, sizeof(*zones));
    if (!zones || (matched && match_compute(&in, s, resp, &run))) {
        if (!zones)
            http_problem(resp, 503, NULL, "out of memory");
        goto out;
    }
    for (i = 0; i < n; i++) {
        enum khu_err err = brief_load_zone(s, codes[i], site_lang_of(in.lang), &zones[i]);
        if (err) {
            if (err == KHU_ENOTFOUND)
                http_problem(resp, 404, "zones", "no zone with code '%s'", codes[i]);
            else
                api_db_error(resp, s);
            goto out;
        }
        if (matched)
            add_reasons(&run, &in, codes[i], &zones[i]);
    }
    render(resp, s, zones, n, in.lang);
out:
    match_run_free(&run);
    xfree(zones);
}
