/* SPDX-License-Identifier: MIT */
/*
 * Site finder wording in three languages (see site_text.h).
 */
#include "core/site_text.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

char *site_format_number(double v, int decimals, enum site_lang lang, char *out, size_t n)
{
    char plain[64], *dot, *end;
    char thousands = lang == SITE_VI ? '.' : ',', point = lang == SITE_VI ? ',' : '.';
    size_t len, int_len, i, o = 0;
    int neg = v < 0;

    snprintf(plain, sizeof(plain), "%.*f", decimals, fabs(v));
    dot = strchr(plain, '.');
    if (dot) {
        end = plain + strlen(plain) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *dot = '\0';
    }
    len = strlen(plain);
    dot = strchr(plain, '.');
    int_len = dot ? (size_t)(dot - plain) : len;
    if (neg && strspn(plain, "0.") != len && o + 1 < n)
        out[o++] = '-';
    for (i = 0; i < len && o + 1 < n; i++) {
        if (i < int_len && i > 0 && (int_len - i) % 3 == 0 && o + 1 < n)
            out[o++] = thousands;
        if (o + 1 < n)
            out[o++] = plain[i] == '.' ? point : plain[i];
    }
    out[o] = '\0';
    return out;
}

/* Criterion names for "X unknown" sentences. */
static const char *const unknown_names[3][CRIT_COUNT] = {
    {"diện tích đất trống", "giá thuê", "khoảng cách đến TP.HCM", "khoảng cách đến cảng biển",
     "công suất xử lý nước thải", "công suất điện", "tiến độ sẵn sàng", "địa bàn", "ngành nghề"},
    {"available land", "lease price", "distance to Ho Chi Minh City", "distance to a seaport",
     "wastewater treatment capacity", "power supply", "readiness", "location", "sectors"},
    {"가용 부지", "임대료", "호찌민시까지 거리", "항만까지 거리", "폐수처리 용량", "전력 용량",
     "준비 시기", "지역", "업종"},
};

/* Templates: %1$s = a, %2$s = b (already formatted); for REASON_UNKNOWN
 * the one %s is the criterion's name. */
static const char *const templates[3][REASON_UNKNOWN + 1] = {
    {"cần %1$s ha; còn trống %2$s ha", "giá thuê %2$s USD/m² vượt mức tối đa %1$s USD/m²",
     "cách TP.HCM %2$s km, xa hơn mức tối đa %1$s km",
     "cách cảng biển %2$s km, xa hơn mức tối đa %1$s km",
     "xử lý nước thải %2$s m³/ngày, cần %1$s m³/ngày", "công suất điện %2$s MVA, cần %1$s MVA",
     "chưa sẵn sàng vào thời điểm cần", "đã hủy quy hoạch", "loại khu không nhận ngành này",
     "%s chưa rõ: tính trung bình, không tính là phù hợp"},
    {"needs %1$s ha; %2$s ha available", "lease price %2$s USD/m² is above the maximum %1$s USD/m²",
     "%2$s km from Ho Chi Minh City, more than the maximum %1$s km",
     "%2$s km from a seaport, more than the maximum %1$s km",
     "wastewater treatment %2$s m³/day; needs %1$s m³/day", "power %2$s MVA; needs %1$s MVA",
     "not ready when needed", "cancelled", "this kind of zone does not admit the sector",
     "%s unknown: scored neutral, not as a match"},
    {"%1$s ha 필요, 가용 %2$s ha", "임대료 %2$s USD/m²가 최대 %1$s USD/m²를 초과",
     "호찌민시에서 %2$s km, 최대 %1$s km 초과", "항만에서 %2$s km, 최대 %1$s km 초과",
     "폐수처리 %2$s m³/일, %1$s m³/일 필요", "전력 %2$s MVA, %1$s MVA 필요",
     "필요한 시기에 준비되지 않음", "계획 취소됨", "이 유형의 단지는 해당 업종을 받지 않음",
     "%s 정보 없음: 중립으로 평가, 적합으로 보지 않음"},
};

static void ready_text(const struct site_reason *r, enum site_lang lang, char *out, size_t n)
{
    static const char *const when[3][2] = {{"cần ngay", "cần trước năm %d"},
                                           {"needed now", "needed by %d"},
                                           {"즉시 필요", "%d년까지 필요"}};
    static const char *const ready_in[3][2] = {{"chưa rõ năm hoạt động", "dự kiến hoạt động %d"},
                                               {"opening year unknown", "expected to open %d"},
                                               {"개시 연도 미상", "%d년 개시 예정"}};
    char a[64], b[64];

    snprintf(a, sizeof(a), when[lang][r->a > 0], (int)r->a);
    snprintf(b, sizeof(b), ready_in[lang][r->b > 0], (int)r->b);
    snprintf(out, n, "%s (%s; %s)", templates[lang][REASON_NOT_READY], a, b);
}

char *site_reason_text(const struct site_reason *r, enum site_lang lang, char *out, size_t n)
{
    char a[64], b[64];

    if (r->kind == REASON_NOT_READY) {
        ready_text(r, lang, out, n);
        return out;
    }
    if (r->kind == REASON_UNKNOWN) {
        snprintf(out, n, templates[lang][REASON_UNKNOWN], unknown_names[lang][r->criterion]);
        return out;
    }
    site_format_number(r->a, 2, lang, a, sizeof(a));
    site_format_number(r->b, 2, lang, b, sizeof(b));
    snprintf(out, n, templates[lang][r->kind], a, b);
    return out;
}

const char *site_reason_name(enum site_reason_kind k)
{
    static const char *const names[] = {"land_short",    "price_high", "hcmc_far",  "port_far",
                                        "wwtp_low",      "power_low",  "not_ready", "cancelled",
                                        "sector_barred", "unknown"};
    return k <= REASON_UNKNOWN ? names[k] : "?";
}

int site_kind_allows(const char *kind, const char *vsic)
{
    int division;

    if (!kind || !vsic || (strcmp(kind, "logistics") != 0 && strcmp(kind, "port") != 0))
        return 1;
    if (strlen(vsic) < 2 || vsic[0] < '0' || vsic[0] > '9' || vsic[1] < '0' || vsic[1] > '9')
        return vsic[0] == 'H'; /* a section letter: H is transport and storage */
    division = (vsic[0] - '0') * 10 + (vsic[1] - '0');
    return division >= 49 && division <= 53;
}
