/* SPDX-License-Identifier: MIT */
/*
 * The audit trail's records as JSON (see app_audit.h).
 */
#include "app/app_audit.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/audit.h"

void app_audit_time(int64_t ms, char *out, size_t n)
{
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    char day[24];

    if (ms < 0 || !gmtime_r(&t, &tm) || !strftime(day, sizeof(day), "%Y-%m-%dT%H:%M:%S", &tm)) {
        snprintf(out, n, "%s", "");
        return;
    }
    snprintf(out, n, "%s.%03dZ", day, (int)(ms % 1000));
}

/* A before or after value: the JSON the store wrote, as it is. */
static void json_or_null(struct jw *w, const char *key, const struct khu_row *row, int i)
{
    const char *s = row_text(row, i);

    jw_key(w, key);
    if (s)
        jw_raw(w, s, strlen(s));
    else
        jw_null(w);
}

void app_audit_json(struct jw *w, const struct khu_row *row)
{
    char at[40];

    app_audit_time(row_int(row, AUDIT_COL_AT_MS), at, sizeof(at));
    jw_obj_begin(w);
    jw_key(w, "id");
    jw_int(w, row_int(row, AUDIT_COL_ID));
    jw_key(w, "at");
    jw_str(w, at);
    jw_opt_str(w, "actor", row_text(row, AUDIT_COL_ACTOR));
    jw_opt_str(w, "address", row_text(row, AUDIT_COL_ADDRESS));
    jw_opt_str(w, "action", row_text(row, AUDIT_COL_ACTION));
    jw_opt_str(w, "table", row_text(row, AUDIT_COL_TABLE));
    jw_opt_str(w, "key", row_text(row, AUDIT_COL_KEY));
    json_or_null(w, "before", row, AUDIT_COL_BEFORE);
    json_or_null(w, "after", row, AUDIT_COL_AFTER);
    jw_opt_str(w, "source", row_text(row, AUDIT_COL_SOURCE));
    jw_opt_str(w, "as_of", row_text(row, AUDIT_COL_AS_OF));
    jw_opt_str(w, "hash", row_text(row, AUDIT_COL_HASH));
    jw_obj_end(w);
}
