/* SPDX-License-Identifier: MIT */
/*
 * The streaming JSON writer (core/json_out.c): commas and nesting, keys
 * written in one piece or escaped, whole numbers of every size, strings
 * with every kind of escape, and a buffer that grows one byte at a time.
 */
#include <stdint.h>

#include "core/json_out.h"
#include "test.h"

static void test_document(void)
{
    struct buf b;
    struct jw w;

    buf_init(&b, 1 << 16);
    jw_init(&w, &b);
    jw_obj_begin(&w);
    jw_key(&w, "code");
    jw_str(&w, "kcn-long-hau");
    jw_key(&w, "na\"me");
    jw_str(&w, "a\\b\n\t\r\x01\"ữ");
    jw_key(&w, "ints");
    jw_arr_begin(&w);
    jw_int(&w, 0);
    jw_int(&w, -1);
    jw_int(&w, 42);
    jw_int(&w, INT64_MAX);
    jw_int(&w, INT64_MIN);
    jw_arr_end(&w);
    jw_key(&w, "a_key_long_enough_not_to_fit_the_short_path_of_sixty_one_bytes_x");
    jw_null(&w);
    jw_key(&w, "real");
    jw_real(&w, 20.5);
    jw_opt_real(&w, "known", 1, 7.25);
    jw_opt_real(&w, "unknown", 0, 7.25);
    jw_obj_end(&w);
    CHECK_EQ_INT(b.err, KHU_OK);
    CHECK_EQ_STR(buf_cstr(&b),
                 "{\"code\":\"kcn-long-hau\",\"na\\\"me\":\"a\\\\b\\n\\t\\r\\u0001\\\"ữ\","
                 "\"ints\":[0,-1,42,9223372036854775807,-9223372036854775808],"
                 "\"a_key_long_enough_not_to_fit_the_short_path_of_sixty_one_bytes_x\":null,"
                 "\"real\":20.5,\"known\":7.25,\"unknown\":null}");
    buf_free(&b);
}

/* A buffer with a hard limit: writing past it sets the error and never
 * writes past the limit. */
static void test_limit(void)
{
    struct buf b;
    struct jw w;
    int i;

    buf_init(&b, 40);
    jw_init(&w, &b);
    jw_arr_begin(&w);
    for (i = 0; i < 20; i++)
        jw_int(&w, 123456);
    jw_arr_end(&w);
    CHECK_EQ_INT(b.err, KHU_ETOOBIG);
    CHECK(b.len <= 40);
    buf_free(&b);
    /* one byte at a time from empty: every putc grows the buffer right */
    buf_init(&b, 1 << 20);
    for (i = 0; i < 1000; i++)
        buf_putc(&b, (char)('a' + i % 26));
    CHECK_EQ_INT((long)b.len, 1000);
    CHECK_EQ_INT(b.data[999], 'a' + 999 % 26);
    CHECK_EQ_INT(b.data[1000], '\0');
    buf_free(&b);
}

int main(void)
{
    test_document();
    test_limit();
    return test_report("test_json_out");
}
