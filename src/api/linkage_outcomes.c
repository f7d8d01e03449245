/* SPDX-License-Identifier: MIT */
/*
 * GET /api/v1/linkage/outcomes (and .csv): the linkage desk's outcomes
 * between two days (demands posted, suppliers proposed, interests sent,
 * meetings, contracts and their yearly value) grouped by sector, period,
 * event or partner. The use case is app/app_outcomes.
 */
#include <stdio.h>
#include <string.h>

#include "api/api.h"
#include "api/cache.h"
#include "api/handlers.h"
#include "api/tr.h"
#include "app/app_outcomes.h"
#include "core/json_out.h"
#include "core/num.h"
#include "core/xalloc.h"

static const char csv_header[] =
    "key,demands,proposed,interests,meetings,contracts,contract_usd,contracts_unvalued\r\n";

static void write_group(struct jw *w, const struct outcome_group *g)
{
    int k;

    jw_obj_begin(w);
    jw_key(w, "key");
    if (g->key[0])
        jw_str(w, g->key);
    else
        jw_null(w);
    for (k = 0; k < FACT_KINDS; k++) {
        jw_key(w, outcome_fact_name((enum outcome_fact)k));
        jw_int(w, g->count[k]);
    }
    jw_key(w, "contract_usd");
    jw_real(w, g->contract_usd);
    jw_key(w, "contracts_unvalued");
    jw_int(w, g->contracts_unvalued);
    jw_obj_end(w);
}

static void csv_row(struct buf *b, const struct outcome_group *g, const char *key)
{
    char line[256];
    int k;

    buf_append(b, key, strlen(key));
    for (k = 0; k < FACT_KINDS; k++) {
        snprintf(line, sizeof(line), ",%ld", g->count[k]);
        buf_append(b, line, strlen(line));
    }
    snprintf(line, sizeof(line), ",%.2f,%ld\r\n", g->contract_usd, g->contracts_unvalued);
    buf_append(b, line, strlen(line));
}

/* Reads a choice among names (n of them) into *out; 0, or -1 after 400. */
static int choice(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                  const char *param, const char *const *names, int n, int *out)
{
    const char *v = http_param(req, param);
    char list[96] = "";
    int i;

    if (!v)
        return 0;
    for (i = 0; i < n; i++) {
        if (!strcmp(v, names[i])) {
            *out = i;
            return 0;
        }
        snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "", names[i]);
    }
    http_problem(resp, 400, param,
                 api_tr(lang, "%s must be one of: %s (several separated by commas); got '%.40s'"),
                 param, list, v);
    return -1;
}

static int day_param(struct http_req *req, struct http_resp *resp, enum api_lang lang,
                     const char *param, int32_t *day)
{
    const char *v = http_param(req, param);

    if (v && parse_date(v, day)) {
        http_problem(resp, 400, param, api_tr(lang, "%s must be a date YYYY-MM-DD; got '%.40s'"),
                     param, v);
        return -1;
    }
    return 0;
}

void api_linkage_outcomes(struct http_req *req, struct http_resp *resp)
{
    static const char *const allowed[] = {"by", "period", "from", "to", "bom", "lang", NULL};
    static const char *const bys[] = {"sector", "period", "event", "partner"};
    static const char *const periods[] = {"month", "quarter", "year"};
    int csv = strstr(req->path, ".csv") != NULL, by = BY_SECTOR, period = PERIOD_MONTH, bom = 0;
    int32_t from = 0, to = ((struct api_app *)req->app)->today;
    struct api_cache_ticket ticket;
    struct outcome_group *room;
    struct outcome_table t;
    struct khu_diag d;
    enum api_lang lang, msg;
    enum khu_err err;
    struct store *s;
    char iso[11];
    struct jw w;
    size_t i;

    if (http_check_params(req, resp, allowed) || api_lang(req, resp, &lang) ||
        api_csv_bom(req, resp, csv ? FORMAT_CSV : FORMAT_JSON, &bom))
        return;
    msg = api_message_lang(req, lang);
    if (choice(req, resp, msg, "by", bys, 4, &by) ||
        choice(req, resp, msg, "period", periods, 3, &period) ||
        day_param(req, resp, msg, "from", &from) || day_param(req, resp, msg, "to", &to))
        return;
    s = api_store(req, resp);
    /* an answer up to a stated day is kept until the data changes */
    if (!s || (http_param(req, "to") && api_cache_get(&ticket, s, "linkage_outcomes", req, lang,
                                                      csv ? FORMAT_CSV : FORMAT_JSON, resp)))
        return;
    if (http_to_lane(req, resp)) /* every fact of the pipeline is read */
        return;
    room = xmalloc(OUTCOME_MAX_GROUPS * sizeof(*room));
    if (!room) {
        api_error(resp, KHU_ENOMEM, NULL);
        return;
    }
    outcomes_init(&t, (enum outcome_by)by, (enum outcome_period)period, from, to, room,
                  OUTCOME_MAX_GROUPS);
    khu_diag_clear(&d);
    err = app_outcomes(s, &t, &d);
    if (err) {
        api_error(resp, err, &d);
    } else if (csv) {
        api_csv_begin(resp, "outcomes", bom, csv_header);
        for (i = 0; i < t.n; i++)
            csv_row(&resp->body, &t.groups[i], t.groups[i].key);
        csv_row(&resp->body, &t.total, "total");
    } else {
        jw_init(&w, &resp->body);
        jw_obj_begin(&w);
        jw_key(&w, "by");
        jw_str(&w, bys[by]);
        jw_key(&w, "period");
        jw_str(&w, periods[period]);
        format_date(from, iso);
        jw_key(&w, "from");
        jw_str(&w, iso);
        format_date(to, iso);
        jw_key(&w, "to");
        jw_str(&w, iso);
        jw_key(&w, "groups");
        jw_arr_begin(&w);
        for (i = 0; i < t.n; i++)
            write_group(&w, &t.groups[i]);
        jw_arr_end(&w);
        jw_key(&w, "total");
        write_group(&w, &t.total);
        jw_key(&w, "dropped");
        jw_int(&w, t.dropped);
        jw_obj_end(&w);
        buf_putc(&resp->body, '\n');
    }
    if (!err && http_param(req, "to"))
        api_cache_keep(&ticket, resp);
    xfree(room);
}
