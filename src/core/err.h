/* SPDX-License-Identifier: MIT */
/*
 * Error codes shared by every layer, and the diagnostic record that tells a
 * person where bad input went wrong (line, column, field) and why. core/ fills
 * a khu_diag; cli/ prints it as FILE:LINE:COLUMN: field: message; http/ turns
 * it into an application/problem+json body.
 */
#ifndef KHU_ERR_H
#define KHU_ERR_H

#include <stdarg.h>

#define KHU_ERR_MAP(X)                                                                             \
    X(OK, "ok")                                                                                    \
    X(ENOMEM, "out of memory")                                                                     \
    X(EINVAL, "invalid input")                                                                     \
    X(ERANGE, "value out of range")                                                                \
    X(ETOOBIG, "input too large")                                                                  \
    X(ENOTFOUND, "not found")                                                                      \
    X(ECONFLICT, "conflict")                                                                       \
    X(EIO, "input/output error")                                                                   \
    X(EBUSY, "busy: try again shortly")                                                            \
    X(EDB, "database error")                                                                       \
    X(ESTALE, "changed since it was read")

enum khu_err {
#define KHU_ERR_ENUM(name, text) KHU_##name,
    KHU_ERR_MAP(KHU_ERR_ENUM)
#undef KHU_ERR_ENUM
};

#define KHU_DIAG_FIELD_MAX   64
#define KHU_DIAG_MESSAGE_MAX 320

/* Where and why input was rejected. line and column count from 1; 0 means
 * "not applicable". field is empty when the error is not about one field. */
struct khu_diag {
    long line;
    long column;
    char field[KHU_DIAG_FIELD_MAX];
    char message[KHU_DIAG_MESSAGE_MAX];
    /* Which rule the input broke, for a caller that words the message
     * itself (in another language): a static name from a fixed set
     * ("required", "range", "date", "enum", ... see core/validate.h), or
     * NULL. other names a second column the rule compares with, or "". */
    const char *rule;
    char other[KHU_DIAG_FIELD_MAX];
};

/* API */

/* Returns a static, human-readable name for err. Never NULL. */
const char *khu_err_str(enum khu_err err);

/* Clears d to "no diagnostic". d may be NULL. */
void khu_diag_clear(struct khu_diag *d);

/* Fills d (if not NULL) with a position, a field name (may be NULL) and a
 * printf-style message, truncating what does not fit. */
void khu_diag_set(struct khu_diag *d, long line, long column, const char *field, const char *fmt,
                  ...) __attribute__((format(printf, 5, 6)));

/* Sets d's rule (a static string) and the other column it compares with
 * (may be NULL). d may be NULL. */
void khu_diag_rule(struct khu_diag *d, const char *rule, const char *other);

#endif
