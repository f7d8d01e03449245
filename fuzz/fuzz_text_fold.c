/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness for the text folder. Invalid UTF-8 must be refused
 * with nothing appended; valid input must fold to valid UTF-8 made of
 * tokens separated by single spaces, folding must be stable (folding the
 * result again changes nothing), and the NFC form must fold the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/text_fold.h"
#include "core/utf8.h"

static void check_shape(const struct buf *b)
{
    size_t i;

    if (!utf8_valid(b->data ? b->data : "", b->len, NULL))
        abort();
    if (b->len && (b->data[0] == ' ' || b->data[b->len - 1] == ' '))
        abort();
    for (i = 0; i + 1 < b->len; i++) {
        if (b->data[i] == ' ' && b->data[i + 1] == ' ')
            abort();
    }
    if (b->len && memchr(b->data, '\0', b->len))
        abort();
}

static int same(const struct buf *a, const struct buf *b)
{
    return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    struct buf once, twice, nfc, via_nfc;
    enum khu_err err;

    buf_init(&once, 1 << 24);
    buf_init(&twice, 1 << 24);
    buf_init(&nfc, 1 << 24);
    buf_init(&via_nfc, 1 << 24);
    err = text_fold(s, size, &once);
    if (!utf8_valid(s, size, NULL)) {
        if (err != KHU_EINVAL || once.len != 0 || text_nfc(s, size, &nfc) != KHU_EINVAL)
            abort();
        goto out;
    }
    if (err != KHU_OK)
        abort();
    check_shape(&once);
    if (text_fold(once.data ? once.data : "", once.len, &twice) != KHU_OK || !same(&once, &twice))
        abort();
    if (text_nfc(s, size, &nfc) != KHU_OK || !utf8_valid(nfc.data ? nfc.data : "", nfc.len, NULL))
        abort();
    if (text_fold(nfc.data ? nfc.data : "", nfc.len, &via_nfc) != KHU_OK || !same(&once, &via_nfc))
        abort();
out:
    buf_free(&once);
    buf_free(&twice);
    buf_free(&nfc);
    buf_free(&via_nfc);
    return 0;
}
