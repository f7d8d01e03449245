/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/buf and core/xalloc: appends, the hard maximum and the
 * sticky error, printf, reset, steal, and an allocation-failure torture
 * loop proving that every failed allocation is reported and nothing leaks.
 */
#include "core/buf.h"

#include "core/xalloc.h"
#include "test.h"

static void test_appends(void)
{
    struct buf b;
    char *s;
    size_t len = 99;

    buf_init(&b, 100);
    CHECK(b.data == NULL);
    CHECK_EQ_STR(buf_cstr(&b), "");
    CHECK_EQ_INT(buf_append(&b, "abc", 3), KHU_OK);
    CHECK_EQ_INT(buf_putc(&b, '-'), KHU_OK);
    CHECK_EQ_INT(buf_puts(&b, "Đức"), KHU_OK);
    CHECK_EQ_INT(buf_printf(&b, "|%d|%s|%.2f", 42, "x", 1.5), KHU_OK);
    CHECK_EQ_STR(buf_cstr(&b), "abc-Đức|42|x|1.50");
    CHECK_EQ_INT(b.len, strlen("abc-Đức|42|x|1.50"));
    CHECK_EQ_INT(buf_append(&b, "", 0), KHU_OK);
    CHECK_EQ_INT(buf_append(&b, "\0z", 2), KHU_OK); /* binary data is fine */
    CHECK_EQ_INT(b.len, strlen("abc-Đức|42|x|1.50") + 2);
    buf_reset(&b);
    CHECK_EQ_INT(b.len, 0);
    CHECK_EQ_STR(buf_cstr(&b), "");
    buf_puts(&b, "kept");
    s = buf_steal(&b, &len);
    CHECK_EQ_STR(s, "kept");
    CHECK_EQ_INT(len, 4);
    CHECK(b.data == NULL);
    CHECK_EQ_INT(b.len, 0);
    xfree(s);
    buf_free(&b);
    buf_free(&b); /* twice is harmless */
}

/* Growing far past the first allocation keeps every byte. */
static void test_growth(void)
{
    struct buf b;
    size_t i, bad = 0;

    buf_init(&b, 1 << 20);
    for (i = 0; i < 100000; i++)
        buf_putc(&b, (char)('a' + i % 26));
    CHECK_EQ_INT(b.err, KHU_OK);
    CHECK_EQ_INT(b.len, 100000);
    CHECK(b.cap > b.len);
    for (i = 0; i < 100000; i++)
        bad += b.data[i] != (char)('a' + i % 26);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(b.data[b.len], '\0');
    buf_free(&b);
}

struct limit_case {
    size_t max;
    size_t first, second; /* bytes appended in two steps */
    enum khu_err want_second;
    size_t want_len;
};

static const struct limit_case limit_cases[] = {
    {10, 5, 5, KHU_OK, 10},      {10, 5, 6, KHU_ETOOBIG, 5}, {10, 10, 1, KHU_ETOOBIG, 10},
    {0, 0, 1, KHU_ETOOBIG, 0},   {0, 0, 0, KHU_OK, 0},       {64, 63, 1, KHU_OK, 64},
    {64, 0, 65, KHU_ETOOBIG, 0},
};

static void test_limits(void)
{
    static const char bytes[80] = {0};
    struct buf b;
    size_t i;

    for (i = 0; i < sizeof(limit_cases) / sizeof(limit_cases[0]); i++) {
        const struct limit_case *c = &limit_cases[i];

        buf_init(&b, c->max);
        CHECK_EQ_INT(buf_append(&b, bytes, c->first), KHU_OK);
        CHECK_EQ_INT(buf_append(&b, bytes, c->second), c->want_second);
        CHECK_EQ_INT(b.len, c->want_len);
        CHECK_EQ_INT(b.err, c->want_second);
        buf_free(&b);
    }
}

/* After the first error every append does nothing and returns it, until
 * reset; steal refuses a buffer in error. */
static void test_sticky_error(void)
{
    struct buf b;

    buf_init(&b, 8);
    buf_puts(&b, "12345");
    CHECK_EQ_INT(buf_puts(&b, "6789"), KHU_ETOOBIG);
    CHECK_EQ_INT(buf_putc(&b, 'x'), KHU_ETOOBIG); /* would fit, but the error sticks */
    CHECK_EQ_INT(buf_printf(&b, "%d", 1), KHU_ETOOBIG);
    CHECK_EQ_STR(buf_cstr(&b), "12345");
    CHECK(buf_steal(&b, NULL) == NULL);
    CHECK_EQ_INT(buf_printf(&b, "%s", "toolongforit"), KHU_ETOOBIG);
    buf_reset(&b);
    CHECK_EQ_INT(b.err, KHU_OK);
    CHECK_EQ_INT(buf_printf(&b, "%s", "abcdefgh"), KHU_OK);
    CHECK_EQ_INT(buf_printf(&b, "%s", "i"), KHU_ETOOBIG);
    CHECK_EQ_STR(buf_cstr(&b), "abcdefgh");
    buf_free(&b);
}

/* Builds a 4,250-byte string (250 times 2 + 1 + 6 + 8 bytes) through
 * every kind of append. */
static enum khu_err build(struct buf *b)
{
    int i;

    for (i = 0; i < 250; i++) {
        buf_append(b, "ab", 2);
        buf_putc(b, 'c');
        buf_puts(b, "Đức");
        buf_printf(b, "%03d|%s", i % 1000, "xyzw");
    }
    return b->err;
}

/* Fails allocation 1, 2, 3, ... in turn until the build succeeds. */
static void test_torture(void)
{
    enum khu_err err = KHU_ENOMEM;
    unsigned long n;
    int failures = 0, bad = 0;
    struct buf b;
    char *s;

    for (n = 1; n < 100 && err == KHU_ENOMEM; n++) {
        buf_init(&b, 1 << 20);
        xalloc_fail_after(n);
        err = build(&b);
        s = buf_steal(&b, NULL);
        xalloc_fail_after(0);
        if (err == KHU_ENOMEM) {
            failures++;
            bad += s != NULL;
        } else {
            bad += !s || strlen(s) != 4250;
        }
        xfree(s);
        buf_free(&b);
    }
    CHECK_EQ_INT(err, KHU_OK);
    CHECK(failures >= 5); /* 64 doubling to 8192 takes eight allocations */
    CHECK_EQ_INT(bad, 0);
}

static void test_xalloc(void)
{
    char *p, *q;
    void *z;

    p = xstrdup("Hòa");
    CHECK_EQ_STR(p, "Hòa");
    q = xstrndup("abcdef", 3);
    CHECK_EQ_STR(q, "abc");
    xfree(p);
    xfree(q);
    xfree(NULL);
    z = xcalloc(4, 8);
    CHECK(z != NULL && ((char *)z)[31] == 0);
    xfree(z);
    xalloc_fail_after(0);
    xfree(xmalloc(1));
    xfree(xmalloc(1));
    CHECK_EQ_INT(xalloc_fail_after(2), 2); /* counts allocations since the last call */
    p = xmalloc(1);
    CHECK(p != NULL);
    CHECK(xmalloc(1) == NULL);
    CHECK(xstrdup("x") == NULL);
    q = xrealloc(p, 10);
    CHECK(q == NULL); /* p is untouched */
    CHECK(xcalloc(1, 1) == NULL);
    xalloc_fail_after(0);
    xfree(p);
}

/* A secret buffer: sized once by buf_reserve, it takes what was reserved
 * without moving; grown past it, it keeps every byte; emptied, the bytes
 * it held are zero; its maximum holds as for any buffer. */
static void test_secret(void)
{
    struct buf b;
    const char *at;
    char chunk[100];
    size_t i, zero = 0, held;

    buf_init_secret(&b, 4096);
    CHECK_EQ_INT(buf_reserve(&b, 1000), KHU_OK);
    CHECK(b.cap >= 1001);
    CHECK_EQ_INT((long)b.len, 0);
    at = b.data;
    memset(chunk, 'p', sizeof(chunk));
    for (i = 0; i < 10; i++)
        CHECK_EQ_INT(buf_append(&b, chunk, sizeof(chunk)), KHU_OK);
    CHECK(b.data == at); /* 1,000 bytes in the block reserved */
    for (i = 0; i < 20; i++) {
        chunk[0] = (char)('a' + i);
        CHECK_EQ_INT(buf_append(&b, chunk, sizeof(chunk)), KHU_OK);
    }
    CHECK_EQ_INT((long)b.len, 3000);
    CHECK(b.data[1000] == 'a' && b.data[2900] == 't' && b.data[2999] == 'p');
    CHECK_EQ_INT((long)strlen(buf_cstr(&b)), 3000);
    held = b.len;
    buf_reset(&b);
    for (i = 0; i < held; i++)
        zero += b.data[i] == '\0';
    CHECK_EQ_INT((long)zero, (long)held);
    CHECK_EQ_INT(buf_reserve(&b, 5000), KHU_ETOOBIG);
    buf_free(&b);
    CHECK(b.data == NULL && b.cap == 0);
}

int main(void)
{
    test_appends();
    test_growth();
    test_limits();
    test_sticky_error();
    test_torture();
    test_xalloc();
    test_secret();
    return test_report("test_buf");
}
