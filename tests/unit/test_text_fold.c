/* SPDX-License-Identifier: MIT */
/*
 * Tests for core/text_fold: every Vietnamese vowel with every tone, in NFC
 * and in NFD (both mark orders), upper and lower case, đ/Đ, place names,
 * Korean bigrams, mixed scripts, separators, invalid UTF-8, buffer limits,
 * and an allocation-failure torture loop.
 */
#include "core/text_fold.h"

#include "core/xalloc.h"
#include "test.h"

/* Folds s into a fresh buffer and returns a copy of the result in out
 * (size n); returns the error. */
static enum khu_err fold_str(const char *s, char *out, size_t n)
{
    struct buf b;
    enum khu_err err;

    buf_init(&b, 1 << 20);
    err = text_fold(s, strlen(s), &b);
    snprintf(out, n, "%s", buf_cstr(&b));
    buf_free(&b);
    return err;
}

static enum khu_err nfc_str(const char *s, char *out, size_t n)
{
    struct buf b;
    enum khu_err err;

    buf_init(&b, 1 << 20);
    err = text_nfc(s, strlen(s), &b);
    snprintf(out, n, "%s", buf_cstr(&b));
    buf_free(&b);
    return err;
}

#define CHECK_FOLD(in, want)                                                                       \
    do {                                                                                           \
        char got_[512];                                                                            \
        CHECK_EQ_INT(fold_str((in), got_, sizeof(got_)), KHU_OK);                                  \
        CHECK_EQ_STR(got_, (want));                                                                \
    } while (0)

/* ===== Vietnamese vowels ===== */

/* The twelve Vietnamese vowel letters, each with the six tones in the
 * order none, grave (huyền), acute (sắc), hook (hỏi), tilde (ngã), dot
 * below (nặng); all precomposed (NFC). */
struct vowel_row {
    const char *base_mark; /* combining mark of the vowel itself, or "" */
    char base;             /* the plain letter it folds to */
    const char *lower[6];
    const char *upper[6];
};

static const struct vowel_row vowels[] = {
    {"", 'a', {"a", "à", "á", "ả", "ã", "ạ"}, {"A", "À", "Á", "Ả", "Ã", "Ạ"}},
    {"\u0306", 'a', {"ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"}, {"Ă", "Ằ", "Ắ", "Ẳ", "Ẵ", "Ặ"}},
    {"\u0302", 'a', {"â", "ầ", "ấ", "ẩ", "ẫ", "ậ"}, {"Â", "Ầ", "Ấ", "Ẩ", "Ẫ", "Ậ"}},
    {"", 'e', {"e", "è", "é", "ẻ", "ẽ", "ẹ"}, {"E", "È", "É", "Ẻ", "Ẽ", "Ẹ"}},
    {"\u0302", 'e', {"ê", "ề", "ế", "ể", "ễ", "ệ"}, {"Ê", "Ề", "Ế", "Ể", "Ễ", "Ệ"}},
    {"", 'i', {"i", "ì", "í", "ỉ", "ĩ", "ị"}, {"I", "Ì", "Í", "Ỉ", "Ĩ", "Ị"}},
    {"", 'o', {"o", "ò", "ó", "ỏ", "õ", "ọ"}, {"O", "Ò", "Ó", "Ỏ", "Õ", "Ọ"}},
    {"\u0302", 'o', {"ô", "ồ", "ố", "ổ", "ỗ", "ộ"}, {"Ô", "Ồ", "Ố", "Ổ", "Ỗ", "Ộ"}},
    {"\u031B", 'o', {"ơ", "ờ", "ớ", "ở", "ỡ", "ợ"}, {"Ơ", "Ờ", "Ớ", "Ở", "Ỡ", "Ợ"}},
    {"", 'u', {"u", "ù", "ú", "ủ", "ũ", "ụ"}, {"U", "Ù", "Ú", "Ủ", "Ũ", "Ụ"}},
    {"\u031B", 'u', {"ư", "ừ", "ứ", "ử", "ữ", "ự"}, {"Ư", "Ừ", "Ứ", "Ử", "Ữ", "Ự"}},
    {"", 'y', {"y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"}, {"Y", "Ỳ", "Ý", "Ỷ", "Ỹ", "Ỵ"}},
};

static const char *const tone_marks[6] = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};

/* Builds a decomposed form: the letter, then two combining marks in the
 * given order. */
static void make_nfd(char *out, size_t n, char letter, const char *m1, const char *m2)
{
    snprintf(out, n, "%c%s%s", letter, m1, m2);
}

/* Two marks in swapped order are the same text only when their combining
 * classes differ: the horn (216) and the dot below (220) reorder before the
 * breve, circumflex and the other tones (all 230), which do not. */
static int swap_is_equivalent(const char *base_mark, int tone)
{
    return !*base_mark || tone == 0 || tone == 5 || strcmp(base_mark, "\u031B") == 0;
}

static void test_vowel_row(const struct vowel_row *v)
{
    char want[2] = {v->base, '\0'};
    char upper_letter = (char)(v->base - 'a' + 'A');
    char nfd[32], got[64];
    int t;

    for (t = 0; t < 6; t++) {
        CHECK_FOLD(v->lower[t], want);
        CHECK_FOLD(v->upper[t], want);
        make_nfd(nfd, sizeof(nfd), v->base, v->base_mark, tone_marks[t]);
        CHECK_FOLD(nfd, want);
        CHECK_EQ_INT(nfc_str(nfd, got, sizeof(got)), KHU_OK);
        CHECK_EQ_STR(got, v->lower[t]);
        make_nfd(nfd, sizeof(nfd), v->base, tone_marks[t], v->base_mark);
        CHECK_FOLD(nfd, want);
        if (swap_is_equivalent(v->base_mark, t)) {
            CHECK_EQ_INT(nfc_str(nfd, got, sizeof(got)), KHU_OK);
            CHECK_EQ_STR(got, v->lower[t]);
        }
        make_nfd(nfd, sizeof(nfd), upper_letter, v->base_mark, tone_marks[t]);
        CHECK_FOLD(nfd, want);
        CHECK_EQ_INT(nfc_str(nfd, got, sizeof(got)), KHU_OK);
        CHECK_EQ_STR(got, v->upper[t]);
    }
}

static void test_vietnamese_vowels(void)
{
    size_t i;

    for (i = 0; i < sizeof(vowels) / sizeof(vowels[0]); i++)
        test_vowel_row(&vowels[i]);
    /* the list from the brief, in one string */
    CHECK_FOLD("ả ạ ã á à ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ ơ ư ớ ờ ở ỡ ợ ứ ừ ử ữ ự",
               "a a a a a a a a a a a a a a a o u o o o o o u u u u u");
}

/* ===== Words and phrases ===== */

struct fold_case {
    const char *in;
    const char *want;
};

static const struct fold_case fold_cases[] = {
    {"Đức Hòa", "duc hoa"},
    {"đức hòa", "duc hoa"},
    {"ĐỨC HÒA", "duc hoa"},
    {"Đức Hoà", "duc hoa"}, /* old-style tone placement folds the same */
    {"nhựa", "nhua"},
    {"NHỰA", "nhua"},
    {"KCN Long Hậu – Tân Tập", "kcn long hau tan tap"},
    {"Đường Nguyễn Văn Cừ", "duong nguyen van cu"},
    {"Bến Lức, Long An", "ben luc long an"},
    {"Thủ Thừa; Cần Giuộc.", "thu thua can giuoc"},
    {"Ðức Hòa", "duc hoa"}, /* Icelandic eth typed for Đ */
    {"Đ đ Ð ð Ɖ ɖ", "d d d d d d"},
    {"KCN-Long_Hậu/2024", "kcn long hau 2024"},
    {"  \t Tân  Kim \r\n", "tan kim"},
    {"...---...", ""},
    {"", ""},
    {"12.5 ha", "12 5 ha"},
    {"Straße", "strasse"},
    {"İstanbul", "istanbul"},
    {"ＫＣＮ Ｔâｎ Ｋｉｍ", "kcn tan kim"}, /* full-width forms */
    {"Hò\u00ada", "hoa"},                   /* a soft hyphen does not split a word */
    {"x²", "x2"},
    /* Korean: runs of two or more syllables become overlapping bigrams */
    {"서울특별시 강남구", "서울 울특 특별 별시 강남 남구"},
    {"서울", "서울"},
    {"구", "구"},
    {"구 동", "구 동"},
    {"삼성전자", "삼성 성전 전자"},
    {"제1공장", "제 1 공장"},
    {"2호선", "2 호선"},
    {"롯데Mart", "롯데 mart"},
    /* mixed scripts */
    {"Samsung 삼성전자 Việt Nam", "samsung 삼성 성전 전자 viet nam"},
    {"Công ty 효성 (Hyosung) Đồng Nai", "cong ty 효성 hyosung dong nai"},
    {"東京 Tokyo", "東京 tokyo"},
    {"Москва́", "москва"},
};

static void test_fold_cases(void)
{
    size_t i;

    for (i = 0; i < sizeof(fold_cases) / sizeof(fold_cases[0]); i++)
        CHECK_FOLD(fold_cases[i].in, fold_cases[i].want);
}

/* Decomposed Hangul (conjoining jamo) and decomposed Vietnamese fold like
 * their precomposed forms. */
static void test_nfd_equals_nfc(void)
{
    /* 서울 as jamo: ᄉ ᅥ ᄋ ᅮ ᆯ */
    CHECK_FOLD("\u1109\u1165\u110B\u116E\u11AF", "서울");
    CHECK_FOLD("\u1109\u1165\u110B\u116E\u11AF\u1110\u1173\u11A8", "서울 울특");
    CHECK_FOLD("D\u0323\u0302u\u031B\u0300o\u031B\u0300ng", "duong");
    CHECK_FOLD("Nguye\u0302\u0303n", "nguyen");
    CHECK_FOLD("nhu\u031B\u0323a", "nhua");
}

/* Folding twice gives the same as folding once, so stored search text and
 * queries agree even if a query was folded before. */
static void test_idempotent(void)
{
    char once[512], twice[512];
    size_t i;

    for (i = 0; i < sizeof(fold_cases) / sizeof(fold_cases[0]); i++) {
        CHECK_EQ_INT(fold_str(fold_cases[i].in, once, sizeof(once)), KHU_OK);
        CHECK_EQ_INT(fold_str(once, twice, sizeof(twice)), KHU_OK);
        CHECK_EQ_STR(twice, once);
    }
}

/* ===== Errors and buffers ===== */

static void test_invalid_utf8(void)
{
    static const char *const bad[] = {"Hòa\xFF", "\xC3", "ab\xED\xA0\x80", "\xC0\xAF", "\x80x"};
    struct buf b;
    size_t i;

    buf_init(&b, 1024);
    buf_puts(&b, "kept");
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CHECK_EQ_INT(text_fold(bad[i], strlen(bad[i]), &b), KHU_EINVAL);
        CHECK_EQ_INT(b.len, 4);
        CHECK_EQ_STR(buf_cstr(&b), "kept");
        CHECK_EQ_INT(text_nfc(bad[i], strlen(bad[i]), &b), KHU_EINVAL);
        CHECK_EQ_STR(buf_cstr(&b), "kept");
    }
    CHECK_EQ_INT(b.err, KHU_OK);
    buf_free(&b);
}

static void test_appends_and_nul(void)
{
    struct buf b;

    buf_init(&b, 1024);
    buf_puts(&b, "x|");
    CHECK_EQ_INT(text_fold("Đức", strlen("Đức"), &b), KHU_OK);
    CHECK_EQ_INT(text_fold("|Hòa", strlen("|Hòa"), &b), KHU_OK);
    CHECK_EQ_STR(buf_cstr(&b), "x|duchoa");
    buf_reset(&b);
    CHECK_EQ_INT(text_fold("a\0b", 3, &b), KHU_OK); /* a NUL separates, never survives */
    CHECK_EQ_INT(b.len, 3);
    CHECK_EQ_STR(buf_cstr(&b), "a b");
    buf_reset(&b);
    CHECK_EQ_INT(text_nfc("Nguye\u0302\u0303n", strlen("Nguye\u0302\u0303n"), &b), KHU_OK);
    CHECK_EQ_STR(buf_cstr(&b), "Nguyễn");
    buf_reset(&b);
    CHECK_EQ_INT(text_nfc("\u1109\u1165\u110B\u116E\u11AF", 15, &b), KHU_OK);
    CHECK_EQ_STR(buf_cstr(&b), "서울");
    buf_reset(&b);
    CHECK_EQ_INT(text_nfc("", 0, &b), KHU_OK);
    CHECK_EQ_INT(b.len, 0);
    buf_free(&b);
}

/* A result that does not fit leaves the buffer as it was (but in error). */
static void test_too_big(void)
{
    struct buf b;

    buf_init(&b, 6);
    buf_puts(&b, "ab");
    CHECK_EQ_INT(text_fold("Đức Hòa", strlen("Đức Hòa"), &b), KHU_ETOOBIG);
    CHECK_EQ_INT(b.len, 2);
    CHECK_EQ_STR(buf_cstr(&b), "ab");
    CHECK_EQ_INT(b.err, KHU_ETOOBIG);
    buf_free(&b);
    buf_init(&b, 6);
    CHECK_EQ_INT(text_nfc("Nguyễn Văn", strlen("Nguyễn Văn"), &b), KHU_ETOOBIG);
    CHECK_EQ_INT(b.len, 0);
    buf_free(&b);
}

/* Fails each allocation in turn: every failure is reported, nothing leaks
 * (LeakSanitizer and valgrind check), and the buffer is rolled back. */
static void test_torture(void)
{
    static const char in[] = "KCN Long Hậu – Tân Tập, 서울특별시 강남구, Đường số 1 "
                             "KCN Long Hậu – Tân Tập, 서울특별시 강남구, Đường số 1 "
                             "KCN Long Hậu – Tân Tập, 서울특별시 강남구, Đường số 1";
    enum khu_err err = KHU_ENOMEM;
    unsigned long n;
    int failures = 0, bad = 0;
    struct buf b;

    for (n = 1; n < 1000 && err == KHU_ENOMEM; n++) {
        buf_init(&b, 1 << 20);
        xalloc_fail_after(n);
        err = text_fold(in, sizeof(in) - 1, &b);
        xalloc_fail_after(0);
        if (err == KHU_ENOMEM) {
            failures++;
            bad += b.len != 0;
        }
        buf_free(&b);
    }
    CHECK(failures >= 2);
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(err, KHU_OK);
    err = KHU_ENOMEM;
    for (n = 1; n < 1000 && err == KHU_ENOMEM; n++) {
        buf_init(&b, 1 << 20);
        xalloc_fail_after(n);
        err = text_nfc(in, sizeof(in) - 1, &b);
        xalloc_fail_after(0);
        buf_free(&b);
    }
    CHECK_EQ_INT(err, KHU_OK);
}

/* Pure ASCII takes a shorter path than other text. A trailing no-break
 * space (a separator for the fold, unchanged by NFC) sends the same text
 * through utf8proc; both paths must agree, for every ASCII byte. */
static void check_ascii_agrees(const char *s, size_t n)
{
    char slow[128];
    struct buf a, b;

    memcpy(slow, s, n);
    memcpy(slow + n, "\xC2\xA0", 2);
    buf_init(&a, 1024);
    buf_init(&b, 1024);
    CHECK_EQ_INT(text_fold(s, n, &a), KHU_OK);
    CHECK_EQ_INT(text_fold(slow, n + 2, &b), KHU_OK);
    CHECK(a.len == b.len && memcmp(buf_cstr(&a), buf_cstr(&b), a.len) == 0);
    buf_reset(&a);
    buf_reset(&b);
    CHECK_EQ_INT(text_nfc(s, n, &a), KHU_OK);
    CHECK_EQ_INT(text_nfc(slow, n + 2, &b), KHU_OK);
    CHECK(a.len + 2 == b.len && memcmp(buf_cstr(&a), buf_cstr(&b), a.len) == 0);
    buf_free(&a);
    buf_free(&b);
}

static void test_ascii_path_agrees(void)
{
    char s[64];
    unsigned seed = 12345;
    size_t n, i;
    int c;

    for (c = 0; c < 128; c++) {
        snprintf(s, sizeof(s), "Ab%c9Z%cq", c ? c : ' ', c ? c : ' ');
        s[2] = (char)c;
        check_ascii_agrees(s, strlen(s + 3) + 3);
    }
    for (i = 0; i < 500; i++) {
        seed = seed * 1103515245u + 12345u;
        n = (seed >> 16) % 48;
        for (c = 0; c < (int)n; c++) {
            seed = seed * 1103515245u + 12345u;
            s[c] = (char)((seed >> 16) % 128);
        }
        check_ascii_agrees(s, n);
    }
}

int main(void)
{
    test_vietnamese_vowels();
    test_fold_cases();
    test_nfd_equals_nfc();
    test_idempotent();
    test_invalid_utf8();
    test_appends_and_nul();
    test_too_big();
    test_torture();
    test_ascii_path_agrees();
    return test_report("test_text_fold");
}
