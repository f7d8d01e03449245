/* SPDX-License-Identifier: MIT */
/*
 * Cell and row validation against the data model (see validate.h).
 */
#include "core/validate.h"

#include <stdio.h>
#include <string.h>

#include "core/num.h"
#include "core/provenance.h"
#include "core/text_fold.h"
#include "core/utf8.h"
#include "core/workday.h"

#define SHOW_MAX 40 /* bytes of a bad value quoted back in a message */

/* Writes at most SHOW_MAX bytes of s, cut on a character boundary. */
static const char *shown(const char *s, size_t len, char *out, size_t n)
{
    size_t cut = len < SHOW_MAX ? len : SHOW_MAX;

    while (cut > 0 && cut < len && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    snprintf(out, n, "%.*s%s", (int)cut, s, cut < len ? "..." : "");
    return out;
}

static int is_tax_code(const char *s, size_t len)
{
    size_t i;

    if (len != 10 && len != 13 && len != 14)
        return 0;
    for (i = 0; i < len; i++) {
        if (len == 14 && i == 10) {
            if (s[i] != '-')
                return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

static int has_control(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') || ch == 0x7F)
            return 1;
    }
    return 0;
}

static enum khu_err check_text(const struct col_def *c, const char *s, size_t len,
                               struct khu_diag *d)
{
    char show[64];

    if (!utf8_valid(s, len, NULL)) {
        khu_diag_set(d, 0, 0, c->name, "is not valid UTF-8");
        khu_diag_rule(d, "utf8", NULL);
        return KHU_EINVAL;
    }
    if (has_control(s, len)) {
        khu_diag_set(d, 0, 0, c->name, "contains a control character");
        khu_diag_rule(d, "control", NULL);
        return KHU_EINVAL;
    }
    if (strstr(c->name, "tax_code") && !is_tax_code(s, len)) {
        khu_diag_set(d, 0, 0, c->name,
                     "must be a tax code of 10 or 13 digits (0123456789 or 0123456789-001); "
                     "got '%s'",
                     shown(s, len, show, sizeof(show)));
        khu_diag_rule(d, "tax_code", NULL);
        return KHU_EINVAL;
    }
    if (strcmp(c->name, "country") == 0 &&
        (len != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z')) {
        khu_diag_set(d, 0, 0, c->name,
                     "must be an ISO 3166 alpha-2 code in capitals such as VN or KR; got '%s'",
                     shown(s, len, show, sizeof(show)));
        khu_diag_rule(d, "country", NULL);
        return KHU_EINVAL;
    }
    if ((double)len < c->min || (double)len > c->max) {
        khu_diag_set(d, 0, 0, c->name, "must be %g to %g bytes long; got %zu", c->min, c->max, len);
        khu_diag_rule(d, "length", NULL);
        return KHU_ERANGE;
    }
    return KHU_OK;
}

static enum khu_err normalise_tokens(const char *s, size_t len, struct buf *out)
{
    size_t i;
    int pending_space = 0;

    for (i = 0; i < len; i++) {
        char ch = s[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            pending_space = out->len > 0;
            continue;
        }
        if (pending_space)
            buf_putc(out, ' ');
        pending_space = 0;
        buf_putc(out, ch);
    }
    return out->err;
}

static enum khu_err text_cell(const struct col_def *c, const char *s, size_t len,
                              struct buf *scratch, struct cell *out, struct khu_diag *d)
{
    enum khu_err err = check_text(c, s, len, d);

    if (err)
        return err;
    err = c->type == COL_TOKENS ? normalise_tokens(s, len, scratch) : text_nfc(s, len, scratch);
    if (err == KHU_EINVAL) {
        khu_diag_set(d, 0, 0, c->name, "is not valid UTF-8");
        khu_diag_rule(d, "utf8", NULL);
    }
    if (err)
        return err;
    out->kind = CELL_TEXT;
    out->text = buf_cstr(scratch);
    out->len = scratch->len;
    return KHU_OK;
}

static enum khu_err number_cell(const struct col_def *c, const char *s, size_t len,
                                struct cell *out, struct khu_diag *d)
{
    char text[64], show[64];
    enum khu_err err;
    const char *unit = c->unit ? c->unit : "";

    if (len >= sizeof(text)) {
        khu_diag_set(d, 0, 0, c->name, "must be a number; got '%s'",
                     shown(s, len, show, sizeof(show)));
        khu_diag_rule(d, c->type == COL_REAL ? "number" : "integer", NULL);
        return KHU_EINVAL;
    }
    memcpy(text, s, len);
    text[len] = '\0';
    if (c->type == COL_REAL) {
        out->kind = CELL_REAL;
        err = parse_f64(text, c->min, c->max, &out->r);
    } else {
        out->kind = CELL_INT;
        err = parse_i64(text, (int64_t)c->min, (int64_t)c->max, &out->i);
    }
    if (err == KHU_ERANGE) {
        khu_diag_set(d, 0, 0, c->name, "must be from %g to %g%s%s; got %s", c->min, c->max,
                     *unit ? " " : "", unit, text);
        khu_diag_rule(d, "range", NULL);
    } else if (err) {
        khu_diag_set(d, 0, 0, c->name, "must be %s with '.' as the decimal point; got '%s'",
                     c->type == COL_REAL ? "a number" : "a whole number",
                     shown(s, len, show, sizeof(show)));
        khu_diag_rule(d, c->type == COL_REAL ? "number" : "integer", NULL);
    }
    return err;
}

static enum khu_err enum_cell(const struct col_def *c, const char *s, size_t len,
                              struct buf *scratch, struct cell *out, struct khu_diag *d)
{
    char list[256], show[64];

    buf_append(scratch, s, len);
    if (scratch->err)
        return scratch->err;
    if (!schema_enum_ok(c, buf_cstr(scratch))) {
        khu_diag_set(d, 0, 0, c->name, "must be one of: %s; got '%s'",
                     schema_enum_list(c, list, sizeof(list)), shown(s, len, show, sizeof(show)));
        khu_diag_rule(d, "enum", NULL);
        return KHU_EINVAL;
    }
    out->kind = CELL_TEXT;
    out->text = buf_cstr(scratch);
    out->len = scratch->len;
    return KHU_OK;
}

static enum khu_err date_cell(const struct col_def *c, const char *s, size_t len,
                              struct buf *scratch, struct cell *out, struct khu_diag *d)
{
    int32_t days;
    char show[64];

    buf_append(scratch, s, len);
    if (scratch->err)
        return scratch->err;
    if (parse_date(buf_cstr(scratch), &days)) {
        khu_diag_set(d, 0, 0, c->name, "must be a real date written YYYY-MM-DD; got '%s'",
                     shown(s, len, show, sizeof(show)));
        khu_diag_rule(d, "date", NULL);
        return KHU_EINVAL;
    }
    out->kind = CELL_TEXT;
    out->text = buf_cstr(scratch);
    out->len = scratch->len;
    return KHU_OK;
}

static enum khu_err bool_cell(const struct col_def *c, const char *s, size_t len, struct cell *out,
                              struct khu_diag *d)
{
    char show[64];

    if (len == 1 && (s[0] == '0' || s[0] == '1')) {
        out->kind = CELL_INT;
        out->i = s[0] - '0';
        return KHU_OK;
    }
    khu_diag_set(d, 0, 0, c->name, "must be 0 or 1; got '%s'", shown(s, len, show, sizeof(show)));
    khu_diag_rule(d, "bool", NULL);
    return KHU_EINVAL;
}

enum khu_err validate_cell(const struct col_def *c, const char *s, size_t len, struct buf *scratch,
                           struct cell *out, struct khu_diag *d)
{
    memset(out, 0, sizeof(*out));
    buf_reset(scratch);
    if (len == 0) {
        out->kind = CELL_NULL;
        if (!c->required)
            return KHU_OK;
        khu_diag_set(d, 0, 0, c->name, "is required");
        khu_diag_rule(d, "required", NULL);
        return KHU_EINVAL;
    }
    switch (c->type) {
    case COL_TEXT:
    case COL_TOKENS:
        return text_cell(c, s, len, scratch, out, d);
    case COL_INT:
    case COL_REAL:
        return number_cell(c, s, len, out, d);
    case COL_ENUM:
        return enum_cell(c, s, len, scratch, out, d);
    case COL_DATE:
        return date_cell(c, s, len, scratch, out, d);
    case COL_BOOL:
        return bool_cell(c, s, len, out, d);
    }
    return KHU_EINVAL;
}

static int cell_real(const struct table_def *t, const struct cell *cells, const char *name,
                     double *v)
{
    int i = schema_col_index(t, name);

    if (i < 0 || cells[i].kind == CELL_NULL)
        return 0;
    *v = cells[i].kind == CELL_REAL ? cells[i].r : (double)cells[i].i;
    return 1;
}

static int cell_text_eq(const struct table_def *t, const struct cell *cells, const char *a,
                        const char *b)
{
    int i = schema_col_index(t, a), j = schema_col_index(t, b);

    return i >= 0 && j >= 0 && cells[i].kind == CELL_TEXT && cells[j].kind == CELL_TEXT &&
           cells[i].len == cells[j].len && memcmp(cells[i].text, cells[j].text, cells[i].len) == 0;
}

/* Two dated columns that must not run backwards. */
static enum khu_err check_order(const struct table_def *t, const struct cell *cells,
                                const char *first, const char *second, struct khu_diag *d)
{
    int i = schema_col_index(t, first), j = schema_col_index(t, second);

    if (i < 0 || j < 0 || cells[i].kind != CELL_TEXT || cells[j].kind != CELL_TEXT)
        return KHU_OK;
    if (strcmp(cells[i].text, cells[j].text) <= 0)
        return KHU_OK;
    khu_diag_set(d, 0, 0, second, "is %s, before %s (%s)", cells[j].text, first, cells[i].text);
    khu_diag_rule(d, "before", first);
    return KHU_EINVAL;
}

/* A working Saturday is a Saturday: it makes up a day off given on a
 * weekday. */
static enum khu_err check_working_saturday(const struct table_def *t, const struct cell *cells,
                                           struct khu_diag *d)
{
    int di = schema_col_index(t, "date"), ki = schema_col_index(t, "kind");
    int32_t day;

    if (di < 0 || ki < 0 || cells[di].kind != CELL_TEXT || cells[ki].kind != CELL_TEXT ||
        strcmp(cells[ki].text, "working_saturday") != 0 || parse_date(cells[di].text, &day) ||
        workday_weekday(day) == 6)
        return KHU_OK;
    khu_diag_set(d, 0, 0, "kind", "is working_saturday, but %s is not a Saturday", cells[di].text);
    khu_diag_rule(d, "not_saturday", NULL);
    return KHU_EINVAL;
}

static enum khu_err check_zone_areas(const struct table_def *t, const struct cell *cells,
                                     struct khu_diag *d)
{
    double total = 0, industrial = 0, leased = 0;
    int has_t = cell_real(t, cells, "total_ha", &total);
    int has_i = cell_real(t, cells, "industrial_ha", &industrial);
    int has_l = cell_real(t, cells, "leased_ha", &leased);

    if (has_t && has_i && industrial > total) {
        khu_diag_set(d, 0, 0, "industrial_ha", "is %g ha, more than total_ha (%g ha)", industrial,
                     total);
        khu_diag_rule(d, "more_than", "total_ha");
        return KHU_EINVAL;
    }
    if (has_i && has_l && leased > industrial) {
        khu_diag_set(d, 0, 0, "leased_ha", "is %g ha, more than industrial_ha (%g ha)", leased,
                     industrial);
        khu_diag_rule(d, "more_than", "industrial_ha");
        return KHU_EINVAL;
    }
    return KHU_OK;
}

static enum khu_err check_provenance(const struct table_def *t, const struct cell *cells,
                                     struct khu_diag *d)
{
    int i = schema_col_index(t, "provenance");

    if (i < 0 || cells[i].kind != CELL_TEXT)
        return KHU_OK;
    if (provenance_parse(cells[i].text, cells[i].len, NULL, NULL, d)) {
        khu_diag_rule(d, "provenance", NULL);
        return KHU_EINVAL;
    }
    return KHU_OK;
}

enum khu_err validate_row(const struct table_def *t, const struct cell *cells, struct khu_diag *d)
{
    enum khu_err err = KHU_OK;

    if (strcmp(t->name, "zones") == 0) {
        err = check_zone_areas(t, cells, d);
        if (!err && cell_text_eq(t, cells, "code", "group_code")) {
            khu_diag_set(d, 0, 0, "group_code", "names the zone itself");
            khu_diag_rule(d, "self", NULL);
            err = KHU_EINVAL;
        }
        if (!err)
            err = check_provenance(t, cells, d);
    }
    if (!err && strcmp(t->name, "units") == 0 && cell_text_eq(t, cells, "code", "parent_code")) {
        khu_diag_set(d, 0, 0, "parent_code", "names the unit itself");
        khu_diag_rule(d, "self", NULL);
        err = KHU_EINVAL;
    }
    if (!err && strcmp(t->name, "calendar_days") == 0)
        err = check_working_saturday(t, cells, d);
    if (!err)
        err = check_order(t, cells, "valid_from", "valid_to", d);
    if (!err)
        err = check_order(t, cells, "submitted_on", "decided_on", d);
    if (!err)
        err = check_order(t, cells, "since", "until", d);
    return err;
}
