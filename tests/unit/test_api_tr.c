/* SPDX-License-Identifier: MIT */
/*
 * The translations of messages people read (api/tr.c): each takes the
 * same arguments as its English format, conversion by conversion, so that
 * the compiler's check of the English covers them; none is empty or left
 * in English; an unknown message comes back as it is.
 */
#include <string.h>

#include "api/tr.h"
#include "test.h"

/* The conversions of a printf format ("%zu", "%.40s", ...), each written
 * whole, separated by spaces, into out; "%%" is not a conversion. */
static void conversions(const char *fmt, char *out, size_t n)
{
    size_t used = 0;
    const char *p;

    out[0] = '\0';
    for (p = fmt; *p; p++) {
        const char *start;
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        start = p++;
        while (*p && strchr("-+ #0123456789.*hlLqjzt", *p))
            p++;
        if (!*p)
            break;
        used += (size_t)snprintf(out + used, used < n ? n - used : 0, "%.*s ", (int)(p - start + 1),
                                 start);
    }
}

static void test_same_arguments(void)
{
    size_t n, i;
    const struct api_tr_entry *t = api_tr_table(&n);
    char en[128], vi[128], ko[128];

    CHECK(n >= 10);
    for (i = 0; i < n; i++) {
        conversions(t[i].en, en, sizeof(en));
        conversions(t[i].vi, vi, sizeof(vi));
        conversions(t[i].ko, ko, sizeof(ko));
        CHECK_EQ_STR(vi, en);
        CHECK_EQ_STR(ko, en);
        CHECK(t[i].vi[0] && strcmp(t[i].vi, t[i].en) != 0);
        CHECK(t[i].ko[0] && strcmp(t[i].ko, t[i].en) != 0);
        CHECK(api_tr(LANG_KO, t[i].en) == t[i].ko);
        CHECK(api_tr(LANG_VI, t[i].en) == t[i].vi);
        CHECK(api_tr(LANG_EN, t[i].en) == t[i].en);
    }
    conversions("%s must be %g to %g; %% of %.40s %zu %ld", en, sizeof(en));
    CHECK_EQ_STR(en, "%s %g %g %.40s %zu %ld ");
}

static void test_unknown_message(void)
{
    const char *msg = "a message with no translation";

    CHECK(api_tr(LANG_KO, msg) == msg);
    CHECK(api_tr(LANG_VI, msg) == msg);
}

int main(void)
{
    test_same_arguments();
    test_unknown_message();
    return test_report("test_api_tr");
}
