/* SPDX-License-Identifier: MIT */
/*
 * A plain test helper: CHECK macros count passes and failures, print the
 * place of each failure, and test_report() prints "NAME: N passed, N failed"
 * and returns the exit status. One process per test binary, so sanitizers
 * and valgrind see everything.
 */
#ifndef KHU_TEST_H
#define KHU_TEST_H

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static int test_passed;
static int test_failed;

#define TEST_FAIL_AT(file, line, ...)                                                              \
    do {                                                                                           \
        test_failed++;                                                                             \
        fprintf(stderr, "%s:%d: ", file, line);                                                    \
        fprintf(stderr, __VA_ARGS__);                                                              \
        fputc('\n', stderr);                                                                       \
    } while (0)

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond)                                                                                  \
            test_passed++;                                                                         \
        else                                                                                       \
            TEST_FAIL_AT(__FILE__, __LINE__, "CHECK(%s) failed", #cond);                           \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                         \
    do {                                                                                           \
        long long check_a_ = (long long)(a), check_b_ = (long long)(b);                            \
        if (check_a_ == check_b_)                                                                  \
            test_passed++;                                                                         \
        else                                                                                       \
            TEST_FAIL_AT(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, check_a_,           \
                         check_b_);                                                                \
    } while (0)

#define CHECK_EQ_DBL(a, b, eps)                                                                    \
    do {                                                                                           \
        double check_a_ = (a), check_b_ = (b);                                                     \
        if (fabs(check_a_ - check_b_) <= (eps))                                                    \
            test_passed++;                                                                         \
        else                                                                                       \
            TEST_FAIL_AT(__FILE__, __LINE__, "%s == %s: %.10g != %.10g", #a, #b, check_a_,         \
                         check_b_);                                                                \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                                         \
    do {                                                                                           \
        const char *check_a_ = (a), *check_b_ = (b);                                               \
        if (check_a_ && check_b_ && strcmp(check_a_, check_b_) == 0)                               \
            test_passed++;                                                                         \
        else                                                                                       \
            TEST_FAIL_AT(__FILE__, __LINE__, "%s == %s: \"%s\" != \"%s\"", #a, #b,                 \
                         check_a_ ? check_a_ : "(null)", check_b_ ? check_b_ : "(null)");          \
    } while (0)

/* Prints the closing line for this binary and returns its exit status. */
static inline int test_report(const char *name)
{
    printf("%s: %d passed, %d failed\n", name, test_passed, test_failed);
    return test_failed ? 1 : 0;
}

#endif
