/* SPDX-License-Identifier: MIT */
/*
 * The export use case (see app_export.h): the store's scan feeding the
 * pure encoder.
 */
#include "app/app_export.h"

#include "store/scan.h"

enum khu_err app_export(struct store *s, const struct table_def *t, enum export_format format,
                        struct buf *out, export_flush_fn flush, void *arg, struct khu_diag *d)
{
    struct exporter x;
    enum khu_err err = export_begin(&x, t, format, out, flush, arg, d);

    if (err)
        return err;
    err = store_scan(s, t, export_row, &x, d);
    if (err)
        return err;
    return export_end(&x);
}
