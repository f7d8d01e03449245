/* SPDX-License-Identifier: MIT */
/*
 * Supplier matching's wording in three languages (see supplier_text.h).
 * Dates are written as the web app writes them: 01/03/2027 in Vietnamese
 * and English, 2027. 03. 01. in Korean.
 */
#include "core/supplier_text.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/num.h"

/* What is unknown, by criterion, for "X unknown" sentences. */
static const char *const unknown_names[3][SCRIT_COUNT] = {
    {"quy trình sản xuất", "chứng nhận", "ngành nghề", "năng lực sản xuất", "vị trí",
     "khách hàng đã cung ứng"},
    {"the processes it does", "its certificates", "its sector", "its capacity", "its location",
     "the customers it has supplied"},
    {"공정 역량", "인증", "업종", "생산 능력", "위치", "기존 납품 고객"},
};

/* What to ask the supplier about an unverified requirement. */
static const char *const ask_about[3][SCRIT_COUNT] = {
    {"các quy trình sản xuất và mức độ", "các chứng nhận còn hiệu lực", "ngành nghề",
     "năng lực sản xuất hằng tháng", "địa điểm nhà máy", "các khách hàng đã cung ứng"},
    {"which processes it does, and at what level", "which certificates it holds, valid until when",
     "its sector", "its monthly capacity", "where its plant is", "which customers it supplies"},
    {"보유 공정과 수준", "보유 인증과 유효기간", "업종", "월간 생산 능력", "공장 위치",
     "납품 고객"},
};

/* %1$s the process or standard, %2$s the day needed by, %3$s the other
 * day; for SREASON_TOO_FAR %1$s the limit and %2$s the distance (km).
 * Numbered arguments: a template names every one up to its highest. */
static const char *const templates[3][SREASON_KIND_COUNT] = {
    {
        [SREASON_PROCESS_MISSING] = "hồ sơ năng lực không có quy trình %1$s",
        [SREASON_CERT_MISSING] = "cần %1$s còn hiệu lực ngày %2$s; chưa có chứng nhận này",
        [SREASON_CERT_EXPIRED] = "cần %1$s còn hiệu lực ngày %2$s; chứng nhận đang có hết hạn "
                                 "ngày %3$s",
        [SREASON_CERT_NOT_YET] = "cần %1$s còn hiệu lực ngày %2$s; chứng nhận đang có chỉ hiệu "
                                 "lực từ ngày %3$s",
        [SREASON_TOO_FAR] = "cách bên mua %2$s km, xa hơn mức tối đa %1$s km",
        [SREASON_CERT_UNDATED] = "có %1$s nhưng chưa rõ hạn hiệu lực: hỏi nhà cung ứng",
        [SREASON_UNVERIFIED] = "%s chưa rõ nên chưa xác minh: hỏi nhà cung ứng về %s",
        [SREASON_UNKNOWN] = "%s chưa rõ: tính trung bình, không tính là phù hợp",
    },
    {
        [SREASON_PROCESS_MISSING] = "its profile does not list the process %1$s",
        [SREASON_CERT_MISSING] = "needs %1$s valid on %2$s; none held",
        [SREASON_CERT_EXPIRED] = "needs %1$s valid on %2$s; the one held expires on %3$s",
        [SREASON_CERT_NOT_YET] = "needs %1$s valid on %2$s; the one held is valid only from %3$s",
        [SREASON_TOO_FAR] = "%2$s km from the buyer, more than the maximum %1$s km",
        [SREASON_CERT_UNDATED] = "holds %1$s, but until when is not known: ask the supplier",
        [SREASON_UNVERIFIED] = "%s unknown, so not verified: ask the supplier %s",
        [SREASON_UNKNOWN] = "%s unknown: scored neutral, not as a match",
    },
    {
        [SREASON_PROCESS_MISSING] = "역량 목록에 %1$s 공정 없음",
        [SREASON_CERT_MISSING] = "%2$s에 유효한 %1$s 필요, 보유 인증 없음",
        [SREASON_CERT_EXPIRED] = "%2$s에 유효한 %1$s 필요, 보유 인증은 %3$s 만료",
        [SREASON_CERT_NOT_YET] = "%2$s에 유효한 %1$s 필요, 보유 인증은 %3$s부터 유효",
        [SREASON_TOO_FAR] = "구매 기업에서 %2$s km, 최대 %1$s km 초과",
        [SREASON_CERT_UNDATED] = "%1$s 보유, 유효기간 미상: 공급 기업에 문의",
        [SREASON_UNVERIFIED] = "%s 정보 없음, 확인되지 않음: 공급 기업에 %s 문의",
        [SREASON_UNKNOWN] = "%s 정보 없음: 중립으로 평가, 적합으로 보지 않음",
    },
};

static const char *const date_unknown[3] = {"chưa rõ ngày", "an unknown day", "날짜 미상"};

static void day_text(int32_t day, enum site_lang lang, char *out, size_t n)
{
    char iso[11];

    if (day == MATCH_NO_DAY) {
        snprintf(out, n, "%s", date_unknown[lang]);
        return;
    }
    format_date(day, iso);
    if (lang == SITE_KO)
        snprintf(out, n, "%.4s. %.2s. %.2s.", iso, iso + 5, iso + 8);
    else
        snprintf(out, n, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

char *supplier_standard_label(const char *token, char *out, size_t n)
{
    size_t letters = 0, digits, i, o = 0;

    if (!token)
        token = "";
    while (isalpha((unsigned char)token[letters]))
        letters++;
    digits = strspn(token + letters, "0123456789");
    if (letters == 0 || token[letters + digits] != '\0') {
        snprintf(out, n, "%s", token); /* not letters then a number: as written */
        return out;
    }
    for (i = 0; i < letters && o + 1 < n; i++)
        out[o++] = (char)toupper((unsigned char)token[i]);
    if (digits && o + 1 < n)
        out[o++] = ' ';
    for (i = letters; token[i] && o + 1 < n; i++)
        out[o++] = token[i];
    if (n)
        out[o < n ? o : n - 1] = '\0';
    return out;
}

char *supplier_reason_text(const struct supplier_reason *r, enum site_lang lang, char *out,
                           size_t n)
{
    char a[80], b[64], c[64];

    if (r->kind == SREASON_UNKNOWN) {
        snprintf(out, n, templates[lang][SREASON_UNKNOWN], unknown_names[lang][r->criterion]);
        return out;
    }
    if (r->kind == SREASON_UNVERIFIED) {
        snprintf(out, n, templates[lang][SREASON_UNVERIFIED], unknown_names[lang][r->criterion],
                 ask_about[lang][r->criterion]);
        return out;
    }
    if (r->kind == SREASON_TOO_FAR) {
        site_format_number(r->a, 1, lang, b, sizeof(b));
        site_format_number(r->b, 1, lang, c, sizeof(c));
        snprintf(out, n, templates[lang][r->kind], b, c);
        return out;
    }
    if (r->kind == SREASON_PROCESS_MISSING)
        snprintf(a, sizeof(a), "%s", r->s ? r->s : "");
    else
        supplier_standard_label(r->s, a, sizeof(a));
    day_text(r->day, lang, b, sizeof(b));
    day_text(r->day2, lang, c, sizeof(c));
    snprintf(out, n, templates[lang][r->kind], a, b, c);
    return out;
}

const char *supplier_reason_name(enum supplier_reason_kind k)
{
    static const char *const names[SREASON_KIND_COUNT] = {
        "process_missing", "cert_missing", "cert_expired", "cert_not_yet",
        "too_far",         "cert_undated", "unverified",   "unknown"};
    return k < SREASON_KIND_COUNT ? names[k] : "?";
}
