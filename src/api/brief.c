/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/brief.pdf?zones=a,b&lang=..: the site brief as a PDF. With
 * site finder parameters (land_ha, max_km_hcmc, ...) each zone also gets
 * its score and the finder's reasons, as the investor saw them. The
 * parameters are the table of match.h; the data is the use case
 * app/app_brief.
 */
#include <string.h>
#include <time.h>

#include "api/handlers.h"
#include "api/match.h"
#include "app/app_brief.h"
#include "core/num.h"
#include "core/xalloc.h"

#define BRIEF_API_MAX_ZONES 8

/* Splits zones=a,b,c into codes; answers 400 when empty or too many. */
static int zone_codes(struct http_req *req, struct http_resp *resp, char codes[][BRIEF_CODE_MAX],
                      int *n)
{
    const char *p = http_param(req, "zones");

    *n = 0;
    while (p && *p) {
        size_t len = strcspn(p, ",");
        if (*n == BRIEF_API_MAX_ZONES || len == 0 || len >= BRIEF_CODE_MAX)
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

static void render(struct http_resp *resp, const struct brief *b)
{
    if (brief_render_pdf(b, &resp->body)) {
        http_problem(resp, 500, NULL, "the PDF could not be drawn");
        return;
    }
    resp->content_type = "application/pdf";
    snprintf(resp->content_disposition, sizeof(resp->content_disposition),
             "attachment; filename=\"khu-brief.pdf\"");
}

void api_brief(struct http_req *req, struct http_resp *resp)
{
    char codes[BRIEF_API_MAX_ZONES][BRIEF_CODE_MAX], today[16];
    const char *code_list[BRIEF_API_MAX_ZONES];
    struct finder_input needs;
    struct brief_input in;
    struct brief *b = NULL;
    struct brief_zone *zones = NULL;
    struct khu_diag d;
    enum api_lang lang;
    enum khu_err err;
    struct store *s;
    int32_t day = ((struct api_app *)req->app)->today;
    int n, i;

    app_finder_input_init(&needs, day);
    khu_diag_clear(&d);
    if (api_lang(req, resp, &lang))
        return;
    needs.lang = match_site_lang(lang);
    needs.msg_lang = match_site_lang(api_message_lang(req, lang));
    if (match_input_from_query(&needs, req, resp, MATCH_ROUTE_BRIEF) ||
        zone_codes(req, resp, codes, &n) || http_to_lane(req, resp) /* a PDF */ ||
        !(s = api_store(req, resp)))
        return;
    needs.lang = match_site_lang(lang);
    for (i = 0; i < n; i++)
        code_list[i] = codes[i];
    format_date(day, today);
    in = (struct brief_input){code_list, n,    needs.lang,
                              today,     NULL, ((struct api_app *)req->app)->promotion_contact};
    if (req->nparams > 1 + (http_param(req, "lang") != NULL))
        in.needs = &needs;
    b = xcalloc(1, sizeof(*b));
    zones = xcalloc((size_t)n, sizeof(*zones));
    err = b && zones ? app_brief_load(s, &in, b, zones, &d) : KHU_ENOMEM;
    if (err)
        api_error(resp, err, &d);
    else
        render(resp, b);
    xfree(zones);
    xfree(b);
}
