/* SPDX-License-Identifier: MIT */
/*
 * The password policy (see password_policy.h): the checks in their order,
 * the list of common words, and the tests for common shapes (stripped
 * digits and symbols, leetspeak, keyboard and alphabet walks, repeats).
 * Working copies of the password live on the stack and are wiped before
 * the check returns.
 */
#include "core/password_policy.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

#define STR_(x)   #x
#define STR(x)    STR_(x)
#define MIN_CHARS STR(PASSWORD_MIN_CHARS)
#define MAX_BYTES STR(PASSWORD_MAX_BYTES)

#define NAME_MIN_CHARS 3 /* shorter user names are not looked for */
#define REPEAT_MAX_CPS 3 /* a unit this short, repeated, is common on its own */
#define WALK_MIN       3 /* fewest characters in one piece of a walk */
#define WALK_MAX       5 /* longest piece tried: any walk of 3+ splits into 3, 4 and 5 */

/* ===== The list ===== */

/* Common passwords and the words they are made of, lowercase, in strcmp
 * order (bsearch). Written for khu: English, Vietnamese typed without
 * diacritics, Korean romanised or typed on a Korean keyboard in English
 * mode ("qlalfqjsgh" is 비밀번호), names of the places khu serves. Words
 * that only differ by digits or symbols around them need no entry. */
static const char *const common_words[] = {
    "000000",     "0987654321",  "111111",       "121212",        "123123",
    "123456789",  "1234567890",  "1q2w3e4r",     "1qaz2wsx",      "aabbcc",
    "abc",        "abcd",        "abcd1234",     "abcde",         "abcdef",
    "abcxyz",     "access",      "admin",        "administrator", "andrew",
    "angel",      "anhyeu",      "anhyeuem",     "annyeong",      "annyeonghaseyo",
    "apple",      "april",       "asdf",         "asdfgh",        "asdfghjkl",
    "ashley",     "august",      "autumn",       "azerty",        "baby",
    "banana",     "baomat",      "baseball",     "basketball",    "batman",
    "benluc",     "bimat",       "binhduong",    "busan",         "business",
    "buster",     "butterfly",   "cantho",       "ccn",           "champion",
    "changeme",   "charlie",     "cheese",       "chicken",       "chingu",
    "chocolate",  "company",     "computer",     "congnghiep",    "contrasena",
    "cookie",     "daebak",      "daegu",        "danang",        "dang",
    "dangnhap",   "daniel",      "database",     "dautu",         "december",
    "default",    "demo",        "dkssud",       "dongnai",       "dragon",
    "duchoa",     "dung",        "duong",        "eagle",         "emyeu",
    "emyeuanh",   "example",     "facebook",     "family",        "february",
    "ferrari",    "fighting",    "flower",       "football",      "forever",
    "freedom",    "friday",      "friend",       "fuckyou",       "giadinh",
    "ginger",     "golf",        "gomawo",       "google",        "guest",
    "haiphong",   "hangul",      "hanhphuc",     "hanoi",         "happy",
    "haslo",      "hello",       "hellokitty",   "helloworld",    "hieu",
    "hoang",      "hochiminh",   "hockey",       "honda",         "hung",
    "hunter",     "huong",       "huynh",        "hwaiting",      "hyundai",
    "iloveyou",   "incheon",     "internet",     "ironman",       "jagiya",
    "january",    "jennifer",    "jessica",      "jesus",         "jordan",
    "july",       "june",        "kamsahamnida", "kcn",           "khanh",
    "khongbiet",  "khu",         "khuadmin",     "khucongnghiep", "killer",
    "kimchi",     "korea",       "letmein",      "linh",          "linux",
    "login",      "logon",       "longan",       "longhau",       "love",
    "loveme",     "lover",       "loveyou",      "lucky",         "march",
    "master",     "matkhau",     "meyeu",        "michael",       "microsoft",
    "minh",       "monday",      "money",        "monkey",        "motdepasse",
    "mustang",    "mysql",       "ngoc",         "nguoidung",     "nguyen",
    "nhadautu",   "ninja",       "nokia",        "november",      "october",
    "office",     "oppa",        "oracle",       "orange",        "parola",
    "pass",       "passw0rd",    "passwd",       "password",      "passwort",
    "pepper",     "pham",        "phan",         "phoenix",       "phuong",
    "pirate",     "pokemon",     "postgres",     "princess",      "private",
    "purple",     "q1w2e3r4",    "qazwsx",       "qlalfqjsgh",    "quang",
    "quantri",    "quantrivien", "quenmatkhau",  "qwerty",        "qwertyuiop",
    "qwertz",     "ranger",      "robert",       "root",          "saigon",
    "sample",     "samsung",     "saranghae",    "saranghaeyo",   "secret",
    "senha",      "seoul",       "september",    "server",        "shadow",
    "smile",      "soccer",      "spiderman",    "spring",        "starwars",
    "summer",     "sunday",      "sunshine",     "super",         "superman",
    "superuser",  "sysadmin",    "system",       "taikhoan",      "tanan",
    "tayninh",    "temp",        "test",         "tester",        "testing",
    "thanh",      "thao",        "thomas",       "tiger",         "tigger",
    "tinhyeu",    "tkfkdgo",     "toor",         "toyota",        "tran",
    "trang",      "trustno1",    "tuan",         "ubuntu",        "unicorn",
    "user",       "username",    "vietnam",      "vietnamvodich", "vodich",
    "wachtwoord", "welcome",     "whatever",     "windows",       "winner",
    "winter",     "wizard",      "xinchao",      "yamaha",        "yeuanh",
    "yeuem",      "zaq12wsx",    "zxcvbn",       "zxcvbnm",       "대한민국",
    "비밀번호",   "사랑해",      "사랑해요",     "서울",          "안녕",
    "안녕하세요",
};

#define NCOMMON (sizeof(common_words) / sizeof(common_words[0]))

/* A piece of text that need not be NUL-terminated. */
struct text {
    const char *s;
    size_t n;
};

/* Orders a key (struct text) against a list word as strcmp would. */
static int cmp_word(const void *key, const void *elem)
{
    const struct text *k = key;
    const char *w = *(const char *const *)elem;
    size_t wn = strlen(w);
    int c = memcmp(k->s, w, k->n < wn ? k->n : wn);

    if (c)
        return c;
    return (k->n > wn) - (k->n < wn);
}

static int in_list(const char *s, size_t n)
{
    struct text key = {s, n};

    return bsearch(&key, common_words, NCOMMON, sizeof(common_words[0]), cmp_word) != NULL;
}

/* ===== Characters ===== */

/* Overwrites n bytes at p with zeros in a way the compiler keeps. */
static void wipe(char *p, size_t n)
{
    volatile char *v = p;

    while (n--)
        *v++ = 0;
}

/* ASCII digits, punctuation and space: what is stripped around a word. */
static int is_strip(char c)
{
    unsigned char u = (unsigned char)c;

    return u >= 0x20 && u <= 0x7E && !(u >= 'a' && u <= 'z') && !(u >= 'A' && u <= 'Z');
}

static int is_leet(char c)
{
    return c && memchr("013457@$", c, 8) != NULL;
}

static int is_sep(char c)
{
    return c == ' ' || c == '-' || c == '_' || c == '.';
}

/* The letter that leet character c stands for (one: what 1 stands for). */
static char unleet(char c, char one)
{
    switch (c) {
    case '0':
        return 'o';
    case '1':
        return one;
    case '3':
        return 'e';
    case '4':
    case '@':
        return 'a';
    case '5':
    case '$':
        return 's';
    case '7':
        return 't';
    default:
        return c;
    }
}

static int is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ===== The folded form ===== */

/* Precomposed Latin letters, the Vietnamese ones and their Latin-1
 * neighbours, with the base letter each folds to. */
static const struct {
    uint32_t lo, hi;
    char base;
} fold_ranges[] = {
    {0xC0, 0xC5, 'a'},     {0xC7, 0xC7, 'c'},     {0xC8, 0xCB, 'e'},     {0xCC, 0xCF, 'i'},
    {0xD0, 0xD0, 'd'},     {0xD1, 0xD1, 'n'},     {0xD2, 0xD6, 'o'},     {0xD9, 0xDC, 'u'},
    {0xDD, 0xDD, 'y'},     {0xE0, 0xE5, 'a'},     {0xE7, 0xE7, 'c'},     {0xE8, 0xEB, 'e'},
    {0xEC, 0xEF, 'i'},     {0xF0, 0xF0, 'd'},     {0xF1, 0xF1, 'n'},     {0xF2, 0xF6, 'o'},
    {0xF9, 0xFC, 'u'},     {0xFD, 0xFD, 'y'},     {0xFF, 0xFF, 'y'},     {0x102, 0x103, 'a'},
    {0x110, 0x111, 'd'},   {0x128, 0x129, 'i'},   {0x168, 0x169, 'u'},   {0x1A0, 0x1A1, 'o'},
    {0x1AF, 0x1B0, 'u'},   {0x1EA0, 0x1EB7, 'a'}, {0x1EB8, 0x1EC7, 'e'}, {0x1EC8, 0x1ECB, 'i'},
    {0x1ECC, 0x1EE3, 'o'}, {0x1EE4, 0x1EF1, 'u'}, {0x1EF2, 0x1EF9, 'y'},
};

/* The lowercase ASCII letter cp folds to, cp itself for other ASCII, or 0
 * when cp stays as it is. */
static char fold_cp(uint32_t cp)
{
    size_t i;

    if (cp < 0x80)
        return ascii_lower((char)cp);
    for (i = 0; i < sizeof(fold_ranges) / sizeof(fold_ranges[0]); i++)
        if (cp >= fold_ranges[i].lo && cp <= fold_ranges[i].hi)
            return fold_ranges[i].base;
    return 0;
}

/* Writes the folded form of the valid UTF-8 text p[0..n) to out (at least
 * n bytes) and returns its length, which is at most n. */
static size_t fold(const char *p, size_t n, char *out)
{
    size_t i = 0, len = 0, k;
    uint32_t cp = 0;
    char c;

    while (i < n) {
        k = utf8_decode(p + i, n - i, &cp);
        if (k == 0)
            k = 1; /* not reached: the text was validated */
        c = fold_cp(cp);
        if (c) {
            out[len++] = c;
        } else {
            memcpy(out + len, p + i, k);
            len += k;
        }
        i += k;
    }
    return len;
}

/* ===== Common shapes ===== */

enum { V_LEET_I = 1, V_LEET_L = 2, V_SQUEEZE = 4 };

/* Writes s[0..n) to out with the changes flags asks for; returns the
 * length. */
static size_t variant(const char *s, size_t n, int flags, char *out)
{
    size_t i, len = 0;

    for (i = 0; i < n; i++) {
        if ((flags & V_SQUEEZE) && is_sep(s[i]))
            continue;
        if (flags & (V_LEET_I | V_LEET_L))
            out[len++] = unleet(s[i], flags & V_LEET_L ? 'l' : 'i');
        else
            out[len++] = s[i];
    }
    return len;
}

/* Returns 1 when s[0..n) (n <= PASSWORD_MAX_BYTES) is a listed word as it
 * is, with leetspeak undone, or with its separators removed. */
static int listed(const char *s, size_t n)
{
    static const int flags[] = {V_LEET_I, V_LEET_L, V_SQUEEZE, V_SQUEEZE | V_LEET_I,
                                V_SQUEEZE | V_LEET_L};
    char tmp[PASSWORD_MAX_BYTES];
    size_t i;
    int found = in_list(s, n);

    for (i = 0; !found && i < sizeof(flags) / sizeof(flags[0]); i++)
        found = in_list(tmp, variant(s, n, flags[i], tmp));
    wipe(tmp, sizeof(tmp));
    return found;
}

/* Rows and columns of the keyboard, the alphabet and the digits; a walk
 * goes either way and wraps around. */
static const char *const walk_rows[] = {
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
};

/* Returns 1 when b follows a in row, going forward (or backward). */
static int walk_step(const char *row, char a, char b, int forward)
{
    size_t len = strlen(row), pos;
    const char *at = a ? memchr(row, a, len) : NULL;

    if (!at)
        return 0;
    pos = (size_t)(at - row);
    return row[forward ? (pos + 1) % len : (pos + len - 1) % len] == b;
}

/* Returns how many characters of s[i..n), at most WALK_MAX, walk along
 * row in one direction. */
static size_t walk_len(const char *s, size_t n, size_t i, const char *row, int forward)
{
    size_t k = 1;

    while (k < WALK_MAX && i + k < n && walk_step(row, s[i + k - 1], s[i + k], forward))
        k++;
    return k;
}

/* Returns 1 when s[i..n) starts with a walk of WALK_MIN to WALK_MAX
 * characters after which ok[] says the rest is walks too. Any longer walk
 * splits into such pieces, so these are all the lengths to try. */
static int walk_from(const char *s, size_t n, size_t i, const unsigned char *ok)
{
    size_t r, k, len;
    int forward;

    for (r = 0; r < sizeof(walk_rows) / sizeof(walk_rows[0]); r++)
        for (forward = 0; forward <= 1; forward++) {
            len = walk_len(s, n, i, walk_rows[r], forward);
            for (k = WALK_MIN; k <= len; k++)
                if (ok[i + k])
                    return 1;
        }
    return 0;
}

/* Returns 1 when s[0..n) is made only of walks of WALK_MIN or more
 * characters. */
static int is_walk(const char *s, size_t n)
{
    unsigned char ok[PASSWORD_MAX_BYTES + 1];
    size_t i;

    if (n < WALK_MIN || n > PASSWORD_MAX_BYTES)
        return 0;
    ok[n] = 1;
    for (i = n; i-- > 0;)
        ok[i] = (unsigned char)walk_from(s, n, i, ok);
    return ok[0];
}

/* Returns the length of the shortest unit s[0..n) is a repeat of (n when
 * it is none). */
static size_t period(const char *s, size_t n)
{
    size_t p;

    for (p = 1; p <= n / 2; p++)
        if (n % p == 0 && memcmp(s, s + p, n - p) == 0)
            return p;
    return n;
}

static int weak_text(const char *s, size_t n, int depth);

/* Returns 1 when s[0..n), taken as it is, has a common shape. depth
 * bounds the look into the unit of a repeat. */
static int weak_piece(const char *s, size_t n, int depth)
{
    size_t unit;

    if (n == 0 || listed(s, n) || is_walk(s, n))
        return 1;
    unit = period(s, n);
    if (unit == n)
        return 0;
    if (utf8_count(s, unit) <= REPEAT_MAX_CPS)
        return 1;
    return depth == 0 && weak_text(s, unit, 1);
}

/* Returns 1 when the folded text s[0..n), or its core with the digits,
 * punctuation and spaces around it stripped, has a common shape. Each end
 * of the core is tried stripped fully and keeping the leet characters next
 * to the word ("@dmin123" is "@dmin"). */
static int weak_text(const char *s, size_t n, int depth)
{
    size_t a[2] = {0, 0}, b[2] = {n, n};
    int i;

    if (weak_piece(s, n, depth))
        return 1;
    while (a[0] < b[0] && is_strip(s[a[0]]))
        a[0]++;
    while (b[0] > a[0] && is_strip(s[b[0] - 1]))
        b[0]--;
    a[1] = a[0];
    b[1] = b[0];
    while (a[1] > 0 && is_leet(s[a[1] - 1]))
        a[1]--;
    while (b[1] < n && is_leet(s[b[1]]))
        b[1]++;
    for (i = 0; i < 4; i++) {
        if ((i & 1 && a[1] == a[0]) || (i & 2 && b[1] == b[0]))
            continue;
        if (weak_piece(s + a[i & 1], b[i >> 1] - a[i & 1], depth))
            return 1;
    }
    return 0;
}

/* ===== The checks ===== */

static int has_control(const char *p, size_t n)
{
    size_t i = 0, k;
    uint32_t cp = 0;

    while (i < n) {
        k = utf8_decode(p + i, n - i, &cp);
        if (k == 0 || is_control(cp))
            return 1;
        i += k;
    }
    return 0;
}

static int ascii_case_eq(const char *a, const char *b, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (ascii_lower(a[i]) != ascii_lower(b[i]))
            return 0;
    return 1;
}

static int has_name(const char *p, size_t n, const char *user)
{
    size_t un, i;

    if (!user)
        return 0;
    un = strlen(user);
    if (utf8_count(user, un) < NAME_MIN_CHARS || un > n)
        return 0;
    for (i = 0; i + un <= n; i++)
        if (ascii_case_eq(p + i, user, un))
            return 1;
    return 0;
}

static int is_common(const char *p, size_t n)
{
    char folded[PASSWORD_MAX_BYTES];
    int weak = weak_text(folded, fold(p, n, folded), 0);

    wipe(folded, sizeof(folded));
    return weak;
}

enum password_verdict password_check(const char *p, size_t n, const char *user)
{
    if (!p) {
        p = "";
        n = 0;
    }
    if (!utf8_valid(p, n, NULL))
        return PASSWORD_NOT_UTF8;
    if (has_control(p, n))
        return PASSWORD_CONTROL_CHAR;
    if (utf8_count(p, n) < PASSWORD_MIN_CHARS)
        return PASSWORD_TOO_SHORT;
    if (n > PASSWORD_MAX_BYTES)
        return PASSWORD_TOO_LONG;
    if (has_name(p, n, user))
        return PASSWORD_HAS_NAME;
    if (is_common(p, n))
        return PASSWORD_COMMON;
    return PASSWORD_OK;
}

/* ===== Messages ===== */

static const char *const verdict_texts[] = {
    [PASSWORD_OK] = "",
    [PASSWORD_NOT_UTF8] = "The password is not valid UTF-8 text; type it again, or paste it from "
                          "a program that saves text as UTF-8.",
    [PASSWORD_CONTROL_CHAR] = "The password holds a control character such as a tab or a line "
                              "break; use only letters, digits, spaces and punctuation.",
    [PASSWORD_TOO_SHORT] = "The password is shorter than " MIN_CHARS " characters; choose a "
                           "longer one, such as a sentence of four or more words.",
    [PASSWORD_TOO_LONG] = "The password is longer than " MAX_BYTES " bytes; choose a shorter one.",
    [PASSWORD_HAS_NAME] = "The password contains the user name; choose one that does not.",
    [PASSWORD_COMMON] = "The password is a common one, or a common word with digits or symbols "
                        "around it, a repeated character or a keyboard or alphabet sequence, "
                        "which guessers try first; choose a few unrelated words instead.",
};

const char *password_verdict_text(enum password_verdict v)
{
    if ((unsigned)v >= sizeof(verdict_texts) / sizeof(verdict_texts[0]))
        return "The password was refused; choose another one.";
    return verdict_texts[v];
}
