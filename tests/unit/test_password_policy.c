/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/password_policy: a table of passwords with the verdict
 * each must get (every verdict several times, the order of the checks,
 * the length limits in code points and bytes, invalid UTF-8, the user
 * name, leetspeak, Vietnamese letters, walks, repeats, passphrases), a
 * sample of the common list, and properties checked over 2000
 * pseudo-random strings.
 */
#include "core/password_policy.h"

#include <stdint.h>

#include "core/utf8.h"
#include "test.h"

/* A string literal and its length, NUL bytes inside included. */
#define S(lit) lit, sizeof(lit) - 1

struct pw_case {
    const char *p;
    size_t n;
    const char *user;
    enum password_verdict want;
};

static const struct pw_case cases[] = {
    /* not UTF-8: overlong, lone continuation, truncated, surrogate, bad lead */
    {S("\xC0\xAF correct horse battery"), NULL, PASSWORD_NOT_UTF8},
    {S("\xE0\x80\xAF correct horse battery"), NULL, PASSWORD_NOT_UTF8},
    {S("correct horse \x80 battery"), NULL, PASSWORD_NOT_UTF8},
    {S("correct horse battery \xE1\xBA"), NULL, PASSWORD_NOT_UTF8},
    {S("correct horse battery \xF0\x9F\x98"), NULL, PASSWORD_NOT_UTF8},
    {S("correct horse \xED\xA0\x80 battery"), NULL, PASSWORD_NOT_UTF8},
    {S("\xFF"), NULL, PASSWORD_NOT_UTF8},
    {S("\t\xFE"), NULL, PASSWORD_NOT_UTF8}, /* before the control character */
    /* control characters: C0, NUL inside (through n), DEL, C1, separators */
    {S("correct\thorse battery staple"), NULL, PASSWORD_CONTROL_CHAR},
    {S("correct horse battery staple\n"), NULL, PASSWORD_CONTROL_CHAR},
    {S("correct horse\0battery staple"), NULL, PASSWORD_CONTROL_CHAR},
    {S("correct horse\x7F battery staple"), NULL, PASSWORD_CONTROL_CHAR},
    {S("correct horse\xC2\x85 battery staple"), NULL, PASSWORD_CONTROL_CHAR},
    {S("correct horse\xE2\x80\xA8 battery staple"), NULL, PASSWORD_CONTROL_CHAR},
    {S("\x1B"), NULL, PASSWORD_CONTROL_CHAR}, /* before too short */
    {S("\0"), NULL, PASSWORD_CONTROL_CHAR},
    /* too short: 11 code points, however many bytes */
    {S(""), NULL, PASSWORD_TOO_SHORT},
    {S("kw9!mzq2#vb"), NULL, PASSWORD_TOO_SHORT},
    {S("Đức Hòa Lon"), NULL, PASSWORD_TOO_SHORT},          /* 11 code points, 15 bytes */
    {S("투자자가 찾는 산업단"), NULL, PASSWORD_TOO_SHORT}, /* 11 code points, 28 bytes */
    {S("password"), "password", PASSWORD_TOO_SHORT},       /* before name and common */
    {S("ệệệệệệệệệệệ"), NULL, PASSWORD_TOO_SHORT},          /* 33 bytes */
    /* ... and 12 is enough */
    {S("kw9!mzq2#vbt"), NULL, PASSWORD_OK},
    {S("Đức Hòa Long"), NULL, PASSWORD_OK},
    {S("투자자가 찾는 산업단지"), NULL, PASSWORD_OK},
    /* the user name, in any ASCII case; names under 3 characters ignored */
    {S("NguyenVan-Đức Hòa 2026"), "nguyenvan", PASSWORD_HAS_NAME},
    {S("my name is KIMSOYEON ok"), "kimsoyeon", PASSWORD_HAS_NAME},
    {S("bob likes green tea"), "bob", PASSWORD_HAS_NAME},
    {S("green tea for Bob"), "bob", PASSWORD_HAS_NAME},
    {S("Dragon2024!!"), "dragon", PASSWORD_HAS_NAME}, /* before common */
    {S("correct horse battery staple le"), "le", PASSWORD_OK},
    {S("Ruộng lúa Đức Hòa mùa nước nổi an"), "an", PASSWORD_OK},
    {S("correct horse battery staple"), "", PASSWORD_OK},
    {S("correct horse battery staple"), "horses", PASSWORD_OK},
    {S("correct horse battery staple"), "Đức", PASSWORD_OK},
    /* common words with digits and symbols around them */
    {S("password1234"), NULL, PASSWORD_COMMON},
    {S("Password!!!!"), NULL, PASSWORD_COMMON},
    {S("2024iloveyou"), NULL, PASSWORD_COMMON},
    {S("Sunshine!!!!"), NULL, PASSWORD_COMMON},
    {S("administrator"), NULL, PASSWORD_COMMON},
    {S("khu.2026.!!!!"), NULL, PASSWORD_COMMON},
    {S("trustno1!!!!"), NULL, PASSWORD_COMMON},
    {S("Matkhau12345"), NULL, PASSWORD_COMMON},
    {S("anhyeuem!!!!"), NULL, PASSWORD_COMMON},
    {S("saranghae123"), NULL, PASSWORD_COMMON},
    {S("qlalfqjsgh12"), NULL, PASSWORD_COMMON},
    {S("비밀번호123456789"), NULL, PASSWORD_COMMON},
    {S("Ho Chi Minh 1975"), NULL, PASSWORD_COMMON},
    {S("tay_ninh_2025"), NULL, PASSWORD_COMMON},
    /* Vietnamese letters fold to their base letter */
    {S("Mậtkhẩu@2024"), NULL, PASSWORD_COMMON},
    {S("MẬTKHẨU2024!"), NULL, PASSWORD_COMMON},
    {S("Anhyêuem2024"), NULL, PASSWORD_COMMON},
    {S("ĐàNẵng123456"), NULL, PASSWORD_COMMON},
    /* leetspeak */
    {S("P@ssw0rd2024!!"), NULL, PASSWORD_COMMON},
    {S("@dmin1234567"), NULL, PASSWORD_COMMON},
    {S("$ecret123456"), NULL, PASSWORD_COMMON},
    {S("5unsh1ne2024"), NULL, PASSWORD_COMMON},
    {S("D4ngNh4p!!!!"), NULL, PASSWORD_COMMON},
    {S("hе11owor1d!!"), NULL, PASSWORD_OK}, /* Cyrillic е: not the word */
    {S("he11owor1d!!"), NULL, PASSWORD_COMMON},
    /* nothing but digits, punctuation and spaces */
    {S("123456789012"), NULL, PASSWORD_COMMON},
    {S("!@#$%^&*()_+"), NULL, PASSWORD_COMMON},
    {S("2024-01-01 12:00"), NULL, PASSWORD_COMMON},
    {S("            "), NULL, PASSWORD_COMMON},
    /* repeats */
    {S("aaaaaaaaaaaa"), NULL, PASSWORD_COMMON},
    {S("ZZZZZZZZZZZZ"), NULL, PASSWORD_COMMON},
    {S("ệệệệệệệệệệệệ"), NULL, PASSWORD_COMMON},
    {S("가가가가가가가가가가가가"), NULL, PASSWORD_COMMON},
    {S("hahahahahaha"), NULL, PASSWORD_COMMON},
    {S("xoxxoxxoxxox"), NULL, PASSWORD_COMMON},
    {S("passwordpassword"), NULL, PASSWORD_COMMON},
    {S("P@ssw0rdP@ssw0rd"), NULL, PASSWORD_COMMON},
    {S("dragon1dragon1"), NULL, PASSWORD_COMMON},
    {S("trustno1trustno1"), NULL, PASSWORD_COMMON},
    {S("batmanbatmanbatman"), NULL, PASSWORD_COMMON},
    {S("zebrazebrazebra"), NULL, PASSWORD_OK}, /* a repeat of an unlisted word */
    /* walks along the alphabet, the digits and the keyboard */
    {S("abcdefghijklmn"), NULL, PASSWORD_COMMON},
    {S("zyxwvutsrqpo"), NULL, PASSWORD_COMMON},
    {S("xyzabcdefghi"), NULL, PASSWORD_COMMON},
    {S("1234567890123"), NULL, PASSWORD_COMMON},
    {S("qwertyuiopasdf"), NULL, PASSWORD_COMMON},
    {S("QWERTYUIOPASDF"), NULL, PASSWORD_COMMON},
    {S("poiuytrewqlkj"), NULL, PASSWORD_COMMON},
    {S("zxcvbnmasdfg"), NULL, PASSWORD_COMMON},
    {S("1qaz2wsx3edc"), NULL, PASSWORD_COMMON},
    {S("qazwsxedcrfv"), NULL, PASSWORD_COMMON},
    {S("abcdcbaabcdcba"), NULL, PASSWORD_COMMON},
    {S("qwe123asd456!"), NULL, PASSWORD_COMMON},
    {S("abcqweasdzxc"), NULL, PASSWORD_COMMON},
    {S("abcd8901wxyz"), NULL, PASSWORD_COMMON},
    {S("mnop3210dcba"), NULL, PASSWORD_COMMON},
    {S("abdfhjlnprtv"), NULL, PASSWORD_OK}, /* every other letter: not a walk */
    {S("abcdefghijkm"), NULL, PASSWORD_OK}, /* ends off the walk */
    /* passphrases and strong passwords */
    {S("correct horse battery staple"), NULL, PASSWORD_OK},
    {S("Ruộng lúa Đức Hòa mùa nước nổi"), NULL, PASSWORD_OK},
    {S("서울에서 온 투자자 2026년"), NULL, PASSWORD_OK},
    {S("Mật khẩu của tôi là bí mật"), NULL, PASSWORD_OK},
    {S("Tr0ub4dor&3xyz"), NULL, PASSWORD_OK},
    {S("zebra copper 42 lantern"), NULL, PASSWORD_OK},
    {S("😀😃😄😁😆😅😂🤣😊😇🙂🙃"), NULL, PASSWORD_OK},
    {S("password is not my password"), NULL, PASSWORD_OK},
    {S("dragonfly2024!"), NULL, PASSWORD_OK}, /* a word that starts with a listed one */
    {S("!!monkeys2024"), NULL, PASSWORD_OK},
};

static void test_cases(void)
{
    size_t i;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const struct pw_case *c = &cases[i];
        enum password_verdict got = password_check(c->p, c->n, c->user);

        if (got == c->want)
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "case %zu \"%s\" (user %s): verdict %d, want %d", i,
                         c->p, c->user ? c->user : "(null)", (int)got, (int)c->want);
    }
}

/* ===== Pseudo-random text ===== */

static uint32_t rng_state = 0x2545F491u;

/* xorshift32 (Marsaglia): a fixed sequence, the same on every run. */
static uint32_t rng(void)
{
    uint32_t x = rng_state;

    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng_state = x;
    return x;
}

static uint32_t rng_below(uint32_t n)
{
    return rng() % n;
}

/* Fills out[0..n) with random lowercase letters and spaces, never two
 * spaces together and never a space first. */
static void random_words(char *out, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        out[i] =
            (i > 0 && out[i - 1] != ' ' && rng_below(6) == 0) ? ' ' : (char)('a' + rng_below(26));
}

/* ===== Lengths in bytes ===== */

static void test_max_bytes(void)
{
    static char buf[PASSWORD_MAX_BYTES + 16];
    static const char viet[] = "Ruộng lúa Đức Hòa mùa nước nổi ";
    size_t n;

    random_words(buf, sizeof(buf));
    CHECK_EQ_INT(password_check(buf, PASSWORD_MAX_BYTES, NULL), PASSWORD_OK);
    CHECK_EQ_INT(password_check(buf, PASSWORD_MAX_BYTES + 1, NULL), PASSWORD_TOO_LONG);
    CHECK_EQ_INT(password_check(buf, sizeof(buf), NULL), PASSWORD_TOO_LONG);
    /* the user name at the end of a text one byte too long: too long first */
    memcpy(buf + PASSWORD_MAX_BYTES + 1 - 6, "longan", 6);
    CHECK_EQ_INT(password_check(buf, PASSWORD_MAX_BYTES + 1, "longan"), PASSWORD_TOO_LONG);
    CHECK_EQ_INT(password_check(buf, PASSWORD_MAX_BYTES, "longan"), PASSWORD_OK);
    /* multi-byte text: 1025 bytes are too long, and invalid UTF-8 comes first */
    for (n = 0; n + sizeof(viet) - 1 <= PASSWORD_MAX_BYTES; n += sizeof(viet) - 1)
        memcpy(buf + n, viet, sizeof(viet) - 1);
    memset(buf + n, 'x', PASSWORD_MAX_BYTES + 1 - n);
    CHECK_EQ_INT(password_check(buf, PASSWORD_MAX_BYTES + 1, NULL), PASSWORD_TOO_LONG);
    buf[PASSWORD_MAX_BYTES] = (char)0x80;
    CHECK_EQ_INT(password_check(buf, PASSWORD_MAX_BYTES + 1, NULL), PASSWORD_NOT_UTF8);
    buf[PASSWORD_MAX_BYTES] = '\n';
    CHECK_EQ_INT(password_check(buf, PASSWORD_MAX_BYTES + 1, NULL), PASSWORD_CONTROL_CHAR);
}

/* p need not be terminated: only p[0..n) counts. */
static void test_not_terminated(void)
{
    static const char text[] = "correct horse battery staple\n";

    CHECK_EQ_INT(password_check(text, sizeof(text) - 2, NULL), PASSWORD_OK);
    CHECK_EQ_INT(password_check(text, sizeof(text) - 1, NULL), PASSWORD_CONTROL_CHAR);
    CHECK_EQ_INT(password_check(text, 11, NULL), PASSWORD_TOO_SHORT);
    CHECK_EQ_INT(password_check(NULL, 0, NULL), PASSWORD_TOO_SHORT);
    CHECK_EQ_INT(password_check("password1234", 12, NULL), PASSWORD_COMMON);
    CHECK_EQ_INT(password_check("password1234 and more", 12, NULL), PASSWORD_COMMON);
}

/* ===== The list ===== */

/* Words from all over the list (first, last, each script): each must be
 * found with digits and symbols around it, so a list out of order, which
 * bsearch would miss in, shows here. */
static const char *const listed[] = {
    "000000",   "1q2w3e4r",   "aabbcc",        "abcd1234",    "administrator", "annyeong",
    "azerty",   "baomat",     "busan",         "ccn",         "december",      "dkssud",
    "duchoa",   "emyeuanh",   "fuckyou",       "giadinh",     "haslo",         "hochiminh",
    "huynh",    "jagiya",     "kamsahamnida",  "khu",         "khucongnghiep", "longan",
    "matkhau",  "motdepasse", "nguoidung",     "nokia",       "oppa",          "passw0rd",
    "password", "qwertz",     "saigon",        "saranghaeyo", "senha",         "tayninh",
    "tkfkdgo",  "trustno1",   "vietnamvodich", "wachtwoord",  "xinchao",       "yeuem",
    "zaq12wsx", "zxcvbnm",    "대한민국",      "비밀번호",    "사랑해",        "서울",
    "안녕",     "안녕하세요",
};

/* Words next to listed ones that are not listed. */
static const char *const unlisted[] = {
    "passwords", "passwor", "khuu", "longa", "seoulx", "안녕히", "비밀",
};

static enum password_verdict check_padded(const char *word)
{
    char buf[128];

    snprintf(buf, sizeof(buf), "!!%s2024!!!!!!", word);
    return password_check(buf, strlen(buf), NULL);
}

static void test_list(void)
{
    size_t i;

    for (i = 0; i < sizeof(listed) / sizeof(listed[0]); i++)
        if (check_padded(listed[i]) == PASSWORD_COMMON)
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "listed word \"%s\" not common", listed[i]);
    for (i = 0; i < sizeof(unlisted) / sizeof(unlisted[0]); i++)
        if (check_padded(unlisted[i]) == PASSWORD_OK)
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "unlisted word \"%s\" refused", unlisted[i]);
}

/* ===== Vietnamese letters ===== */

/* Every precomposed Vietnamese letter, lower and upper case, by the base
 * letter it folds to, with a listed word that has that letter at %s. */
static const struct {
    const char *letters;
    const char *pattern;
} viet_letters[] = {
    {"aàáảãạăằắẳẵặâầấẩẫậAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "m%stkhau2024!"},
    {"eèéẻẽẹêềếểễệEÈÉẺẼẸÊỀẾỂỄỆ", "y%suem2024!!!"},
    {"iìíỉĩịIÌÍỈĨỊ", "t%snhyeu2024!"},
    {"oòóỏõọôồốổỗộơờớởỡợOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "v%sdich2024!!"},
    {"uùúủũụưừứửữựUÙÚỦŨỤƯỪỨỬỮỰ", "ye%sem2024!!!"},
    {"yỳýỷỹỵYỲÝỶỸỴ", "%seuem2024!!!"},
    {"dđDĐ", "%sangnhap2024"},
};

static void check_letters(const char *letters, const char *pattern)
{
    char letter[5], buf[64];
    size_t i = 0, k, n = strlen(letters);
    uint32_t cp;

    while (i < n) {
        k = utf8_decode(letters + i, n - i, &cp);
        CHECK(k > 0);
        if (k == 0)
            return;
        memcpy(letter, letters + i, k);
        letter[k] = '\0';
        snprintf(buf, sizeof(buf), pattern, letter);
        if (password_check(buf, strlen(buf), NULL) == PASSWORD_COMMON)
            test_passed++;
        else
            TEST_FAIL_AT(__FILE__, __LINE__, "\"%s\" not common", buf);
        i += k;
    }
}

static void test_vietnamese_letters(void)
{
    size_t i;

    for (i = 0; i < sizeof(viet_letters) / sizeof(viet_letters[0]); i++)
        check_letters(viet_letters[i].letters, viet_letters[i].pattern);
}

/* ===== Messages ===== */

static void test_texts(void)
{
    int v;

    CHECK_EQ_STR(password_verdict_text(PASSWORD_OK), "");
    for (v = PASSWORD_NOT_UTF8; v <= PASSWORD_COMMON; v++) {
        const char *t = password_verdict_text((enum password_verdict)v);

        CHECK(t != NULL && strlen(t) > 20);
        CHECK(t != NULL && t[strlen(t) - 1] == '.');
    }
    CHECK(strstr(password_verdict_text(PASSWORD_TOO_SHORT), "12") != NULL);
    CHECK(strstr(password_verdict_text(PASSWORD_TOO_LONG), "1024") != NULL);
    CHECK(password_verdict_text((enum password_verdict)99) != NULL);
    CHECK(password_verdict_text((enum password_verdict)99)[0] != '\0');
}

/* ===== Properties ===== */

/* What random passwords are made of: ASCII digits, punctuation and space
 * first, then letters (ASCII, Vietnamese, Korean, an emoji), then control
 * characters and bytes that are not UTF-8. */
static const char *const pieces[] = {
    "0",   "1",    "7",    "9",  "!",    "@",        "$",    " ",    "-",    "a",        "b",
    "k",   "q",    "z",    "E",  "M",    "ệ",        "Đ",    "ư",    "가",   "서",       "😀",
    "abc", "pass", "word", "\t", "\x7F", "\xC2\x85", "\x80", "\xC0", "\xFF", "\xE1\xBA",
};

#define NPIECES  (sizeof(pieces) / sizeof(pieces[0]))
#define NSYMBOLS 9  /* pieces[0..NSYMBOLS): digits, punctuation, space */
#define NCLEAN   25 /* pieces[0..NCLEAN): valid UTF-8 without control characters */

/* Common cores to wrap in digits and symbols. */
static const char *const seeds[] = {
    "password", "P@ssw0rd", "qwerty", "aaaa", "abcdef", "matkhau", "Mậtkhẩu", "비밀번호", "hahaha",
};

/* Appends count random pieces of pieces[0..range) to out[0..len). */
static size_t add_pieces(char *out, size_t len, size_t count, uint32_t range)
{
    size_t i, k;

    for (i = 0; i < count; i++) {
        const char *piece = pieces[rng_below(range)];

        k = strlen(piece);
        memcpy(out + len, piece, k);
        len += k;
    }
    return len;
}

/* Writes a random password (and a terminating NUL) to out and returns its
 * length in bytes: for mode 0, 0-40 pieces of any kind; for mode 1, 0-40
 * clean pieces; for mode 2, a seed with 0-15 digits and symbols around
 * it. The pieces hold no NUL; NUL inside is covered by the table. */
static size_t random_password(char *out, int mode)
{
    size_t len = 0, k;
    const char *seed;

    if (mode < 2) {
        len = add_pieces(out, 0, rng_below(41), mode == 0 ? NPIECES : NCLEAN);
    } else {
        len = add_pieces(out, 0, rng_below(6), NSYMBOLS);
        seed = seeds[rng_below(sizeof(seeds) / sizeof(seeds[0]))];
        k = strlen(seed);
        memcpy(out + len, seed, k);
        len = add_pieces(out, len + k, rng_below(11), NSYMBOLS);
    }
    out[len] = '\0';
    return len;
}

/* Letters no piece uses, for the tail of a password. */
static const char *const greek[] = {
    "α", "β", "γ", "δ", "ε", "ζ", "η", "θ", "ι", "κ", "λ", "μ",
    "ν", "ξ", "ο", "π", "ρ", "σ", "τ", "υ", "φ", "χ", "ψ", "ω",
};

#define NGREEK (sizeof(greek) / sizeof(greek[0]))

/* Appends 12 different Greek letters, in random order, to out[0..len). */
static size_t append_greek(char *out, size_t len)
{
    size_t order[NGREEK], i, j, t, k;

    for (i = 0; i < NGREEK; i++)
        order[i] = i;
    for (i = NGREEK - 1; i > 0; i--) {
        j = rng_below((uint32_t)i + 1);
        t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (i = 0; i < 12; i++) {
        k = strlen(greek[order[i]]);
        memcpy(out + len, greek[order[i]], k);
        len += k;
    }
    return len;
}

static void flip_ascii_case(char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
            s[i] ^= 0x20;
}

struct tally {
    int common, short_ok, greek_ok, named;
};

/* The checks on one password p[0..n) with verdict v. */
static void check_properties(char *p, size_t n, enum password_verdict v, struct tally *t)
{
    char more[256];
    const char *text = password_verdict_text(v);
    int valid = utf8_valid(p, n, NULL);
    size_t m;

    CHECK(v >= PASSWORD_OK && v <= PASSWORD_COMMON);
    CHECK(text != NULL && (text[0] != '\0') == (v != PASSWORD_OK));
    CHECK(valid == (v != PASSWORD_NOT_UTF8));
    CHECK(!valid || utf8_count(p, n) >= PASSWORD_MIN_CHARS || v != PASSWORD_OK);
    flip_ascii_case(p, n);
    CHECK_EQ_INT(password_check(p, n, NULL), v);
    if (v == PASSWORD_NOT_UTF8 || v == PASSWORD_CONTROL_CHAR)
        return;
    t->common += v == PASSWORD_COMMON;
    t->short_ok += v == PASSWORD_TOO_SHORT;
    /* twelve letters nothing else uses make any clean password good */
    memcpy(more, p, n);
    m = append_greek(more, n);
    CHECK_EQ_INT(password_check(more, m, NULL), PASSWORD_OK);
    t->greek_ok++;
    /* the user name anywhere, in any case, is found once long enough */
    m = rng_below((uint32_t)n + 1);
    while (m > 0 && (p[m] & 0xC0) == 0x80)
        m--;
    memcpy(more, p, m);
    memcpy(more + m, "LoNgAn", 6);
    memcpy(more + m + 6, p + m, n - m);
    CHECK_EQ_INT(password_check(more, n + 6, "longan"), utf8_count(more, n + 6) < PASSWORD_MIN_CHARS
                                                            ? PASSWORD_TOO_SHORT
                                                            : PASSWORD_HAS_NAME);
    t->named++;
}

static void test_properties(void)
{
    char p[256];
    struct tally t = {0, 0, 0, 0};
    size_t n;
    int i;

    for (i = 0; i < 2000; i++) {
        n = random_password(p, i % 3);
        check_properties(p, n, password_check(p, n, NULL), &t);
    }
    /* the properties above were not checked on nothing */
    CHECK(t.common > 200);
    CHECK(t.short_ok > 10);
    CHECK(t.greek_ok > 100);
    CHECK(t.named > 100);
}

int main(void)
{
    test_cases();
    test_max_bytes();
    test_not_terminated();
    test_list();
    test_vietnamese_letters();
    test_texts();
    test_properties();
    return test_report("test_password_policy");
}
