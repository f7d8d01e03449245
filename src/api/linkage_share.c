/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/linkage/share: the local supply share of a set of sectors
 * (the supporting industry by default) in a place on a day, by location
 * and by ownership, overall and for each code of the set, each with its
 * coverage, and the definition in the reader's language. The use case is
 * app/app_local_share.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/cache.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "app/app_local_share.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/xalloc.h"

static const char definition_en[] =
    "The demand base is the yearly value (annual_usd) of the demands of buyers located in the "
    "place, in the sector, posted on or before the day and not withdrawn by it; a demand whose "
    "value is unknown is left out of the sum and counted in the coverage, and one imported "
    "without a posting day counts from the day it was imported. The share by location is the "
    "yearly value of the linkages active on the day (since on or before it, until empty or on "
    "or after it) that answer those demands and whose supplier is located in the place, over "
    "the base. The share by ownership is the same for suppliers owned in Viet Nam (domestic or "
    "state), wherever they are.";

static void share(struct jw *w, const char *key, const struct share_result *r)
{
    jw_key(w, key);
    jw_obj_begin(w);
    jw_opt_real(w, "by_location_pct", r->has_base, r->by_location_pct);
    jw_opt_real(w, "by_ownership_pct", r->has_base, r->by_ownership_pct);
    jw_key(w, "base_usd");
    jw_real(w, r->base_usd);
    jw_key(w, "local_usd");
    jw_real(w, r->local_usd);
    jw_key(w, "domestic_usd");
    jw_real(w, r->domestic_usd);
    jw_key(w, "demands");
    jw_int(w, r->demands);
    jw_key(w, "demands_valued");
    jw_int(w, r->demands_valued);
    jw_opt_real(w, "coverage_pct", r->demands > 0,
                r->demands > 0 ? 100.0 * (double)r->demands_valued / (double)r->demands : 0);
    jw_key(w, "linkages");
    jw_int(w, r->linkages);
    jw_key(w, "linkages_valued");
    jw_int(w, r->linkages_valued);
    jw_obj_end(w);
}

static void day_text(struct jw *w, const char *key, int32_t day)
{
    char iso[11];

    jw_key(w, key);
    if (day == SHARE_NO_DAY) {
        jw_null(w);
        return;
    }
    format_date(day, iso);
    jw_str(w, iso);
}

static void write_report(struct jw *w, const struct local_share_report *r, const char *unit,
                         int32_t day, enum api_lang lang)
{
    int i = lang == LANG_EN ? 1 : lang == LANG_KO ? 2 : 0;

    jw_obj_begin(w);
    jw_key(w, "group");
    jw_str(w, r->group);
    jw_key(w, "name");
    jw_str(w, r->names[i][0] ? r->names[i] : r->names[0]);
    jw_key(w, "source");
    jw_str(w, r->source);
    jw_key(w, "unit");
    jw_str(w, unit);
    day_text(w, "on", day);
    share(w, "overall", &r->overall);
    jw_key(w, "sectors");
    jw_arr_begin(w);
    for (i = 0; i < r->nsectors; i++) {
        jw_obj_begin(w);
        jw_key(w, "vsic");
        jw_str(w, r->sectors[i].vsic);
        share(w, "share", &r->sectors[i].result);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_key(w, "undated_demands");
    jw_int(w, r->undated);
    day_text(w, "demands_imported_on", r->imported_day);
    jw_key(w, "definition");
    jw_str(w, api_tr(lang, definition_en));
    jw_key(w, "lang");
    jw_str(w, api_lang_code(lang));
    jw_obj_end(w);
    buf_putc(w->b, '\n');
}

void api_linkage_share(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"group", "unit", "on", "lang", NULL};
    const char *group = http_param(req, "group"), *unit = http_param(req, "unit");
    const char *on = http_param(req, "on");
    struct local_share_report *r;
    struct api_cache_ticket ticket;
    struct khu_diag d;
    enum api_lang lang, msg;
    enum khu_err err;
    struct store *s;
    int32_t day = ((struct api_app *)req->app)->today;
    struct jw w;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang))
        return;
    msg = api_message_lang(req, lang);
    if (on && parse_date(on, &day)) {
        http_problem(resp, 400, "on", api_tr(msg, "%s must be a date YYYY-MM-DD; got '%.40s'"),
                     "on", on);
        return;
    }
    if (group && (!*group || strlen(group) >= SHARE_GROUP_MAX)) {
        http_problem(resp, 400, "group",
                     api_tr(msg, "%s must be a code of 1 to 64 bytes; got '%.40s'"), "group",
                     group);
        return;
    }
    if (unit && !*unit)
        unit = NULL;
    s = api_store(req, resp);
    /* an answer for a stated day is kept until the data changes; today's
     * moves with the day */
    if (!s || (on && api_cache_get(&ticket, s, "linkage_share", req, lang, FORMAT_JSON, resp)))
        return;
    if (http_to_lane(req, resp)) /* every demand of the place is read */
        return;
    r = xmalloc(sizeof(*r));
    if (!r) {
        api_error(resp, KHU_ENOMEM, NULL);
        return;
    }
    khu_diag_clear(&d);
    err = app_local_share(s, group ? group : SHARE_DEFAULT_SET, unit, day, r, &d);
    if (err == KHU_EINVAL)
        http_problem(resp, 400, "unit",
                     api_tr(msg, "unknown unit '%.60s': see /api/v1/units for the codes"), unit);
    else if (err == KHU_ENOTFOUND)
        http_problem(resp, 404, "group", api_tr(msg, "No set of sectors is called '%.64s'."),
                     group ? group : SHARE_DEFAULT_SET);
    else if (err)
        api_error(resp, err, &d);
    else {
        jw_init(&w, &resp->body);
        write_report(&w, r, unit, day, lang);
        if (on)
            api_cache_keep(&ticket, resp);
    }
    xfree(r);
}
