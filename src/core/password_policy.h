/* SPDX-License-Identifier: MIT */
/*
 * The password policy: which new passwords khu refuses, and a sentence for
 * the person choosing one saying why. Pure checks over the bytes of the
 * password (no I/O, no allocation): valid UTF-8, no control characters, a
 * length in code points and in bytes, not the user's name, and not a common
 * password, word or keyboard sequence. Passphrases in any script pass.
 */
#ifndef KHU_PASSWORD_POLICY_H
#define KHU_PASSWORD_POLICY_H

#include <stddef.h>

#define PASSWORD_MIN_CHARS 12   /* Unicode code points */
#define PASSWORD_MAX_BYTES 1024 /* bytes of UTF-8 */

/* Why a password is refused, in the order the checks run. */
enum password_verdict {
    PASSWORD_OK,
    PASSWORD_NOT_UTF8,     /* not valid UTF-8 */
    PASSWORD_CONTROL_CHAR, /* holds a control character (tab, newline, NUL, DEL, C1 ...) */
    PASSWORD_TOO_SHORT,    /* fewer than PASSWORD_MIN_CHARS code points */
    PASSWORD_TOO_LONG,     /* more than PASSWORD_MAX_BYTES bytes */
    PASSWORD_HAS_NAME,     /* contains the user name (case-insensitive, ASCII folding; only for
                              names of 3+ chars) */
    PASSWORD_COMMON,       /* a common password, or one made of a common word with digits/symbols
                              around it, a run of one character, a keyboard or alphabet/number
                              sequence */
};

/* API */

/* Checks password p[0..n) (n bytes; p need not be NUL-terminated and may
 * hold NUL bytes) chosen for user (NUL-terminated, may be NULL or "").
 * Returns the first verdict that applies, in the enum's order.
 *
 * Control characters are the Unicode category Cc (U+0000-U+001F, U+007F,
 * U+0080-U+009F) and the line and paragraph separators U+2028 and U+2029.
 *
 * PASSWORD_COMMON is decided on the password with ASCII letters lowercased
 * and Vietnamese letters (precomposed, as typed on Vietnamese keyboards)
 * folded to their base letter, đ to d. It applies when that text, or its
 * core (the text with its leading and trailing runs of ASCII digits,
 * punctuation and spaces stripped; once fully, once keeping the leet
 * characters next to the word, as in "@dmin1"), is:
 *   - empty (only digits, punctuation and spaces);
 *   - a word of the built-in list, as it is, with the leetspeak
 *     0->o 1->i (or 1->l) 3->e 4->a 5->s 7->t @->a $->s undone, and/or
 *     with the separators space - _ . inside removed ("ho chi minh");
 *   - made only of walks of three or more steps along the alphabet, the
 *     digits, the keyboard's letter rows or its columns, either way and
 *     wrapping around ("zyxwvu", "1234567890123", "qwertyuiopasdf",
 *     "1qaz2wsx");
 *   - one to three code points repeated ("aaaaaaaaaaaa", "hahahahahaha"),
 *     or a common text of the above kinds repeated ("passwordpassword",
 *     "trustno1trustno1"). */
enum password_verdict password_check(const char *p, size_t n, const char *user);

/* Returns a sentence in English saying what is wrong and what to do, for
 * verdict v ("" for PASSWORD_OK, a general sentence for a value outside
 * the enum). Never NULL; the string is static. */
const char *password_verdict_text(enum password_verdict v);

#endif
