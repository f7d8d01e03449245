/* SPDX-License-Identifier: MIT */
/*
 * Names for khu_err codes and helpers to fill a khu_diag.
 */
#include "core/err.h"

#include <stdio.h>
#include <string.h>

const char *khu_err_str(enum khu_err err)
{
    switch (err) {
#define KHU_ERR_CASE(name, text)                                                                   \
    case KHU_##name:                                                                               \
        return text;
        KHU_ERR_MAP(KHU_ERR_CASE)
#undef KHU_ERR_CASE
    }
    return "unknown error";
}

void khu_diag_clear(struct khu_diag *d)
{
    if (!d)
        return; /* the strings are emptied, not wiped: an importer clears one per cell */
    d->line = 0;
    d->column = 0;
    d->field[0] = '\0';
    d->message[0] = '\0';
    d->rule = NULL;
    d->other[0] = '\0';
}

void khu_diag_rule(struct khu_diag *d, const char *rule, const char *other)
{
    if (!d)
        return;
    d->rule = rule;
    snprintf(d->other, sizeof(d->other), "%s", other ? other : "");
}

void khu_diag_set(struct khu_diag *d, long line, long column, const char *field, const char *fmt,
                  ...)
{
    va_list ap;

    if (!d)
        return;
    d->line = line;
    d->column = column;
    snprintf(d->field, sizeof(d->field), "%s", field ? field : "");
    d->rule = NULL;
    d->other[0] = '\0';
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof(d->message), fmt, ap);
    va_end(ap);
}
