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

/* What to ask a zone about an unverified requirement, by criterion. */
static const char *const ask_about[3][CRIT_COUNT] = {
    {"diện tích đất còn cho thuê", "giá thuê đất (USD/m²)", "khoảng cách đường bộ đến TP.HCM",
     "khoảng cách đến cảng biển gần nhất", "công suất xử lý nước thải", "công suất cấp điện",
     "thời điểm đi vào hoạt động", "địa bàn", "việc có tiếp nhận ngành này không"},
    {"how many hectares are available to lease now", "the lease price per m²",
     "the road distance to Ho Chi Minh City", "the distance to the nearest seaport",
     "its wastewater treatment capacity", "its power supply capacity",
     "when it opens, or whether it operates now", "its location", "whether it admits the sector"},
    {"현재 임대 가능한 면적", "㎡당 임대료", "호찌민시까지 도로 거리", "가장 가까운 항만까지 거리",
     "폐수처리 용량", "전력 공급 용량", "운영 개시 시기", "위치", "해당 업종 수용 여부"},
};

/* Templates: %1$s = a, %2$s = b (already formatted); for REASON_UNKNOWN
 * the one %s is the criterion's name, for REASON_UNVERIFIED the name and
 * what to ask, for REASON_LAND_FULL the percent and the report's date, for
 * REASON_STALE_READY the year. */
static const char *const templates[3][REASON_KIND_COUNT] = {
    {
        [REASON_LAND_SHORT] = "cần %1$s ha; còn trống %2$s ha",
        [REASON_PRICE_HIGH] = "giá thuê %2$s USD/m² vượt mức tối đa %1$s USD/m²",
        [REASON_HCMC_FAR] = "cách TP.HCM %2$s km, xa hơn mức tối đa %1$s km",
        [REASON_PORT_FAR] = "cách cảng biển %2$s km, xa hơn mức tối đa %1$s km",
        [REASON_WWTP_LOW] = "xử lý nước thải %2$s m³/ngày, cần %1$s m³/ngày",
        [REASON_POWER_LOW] = "công suất điện %2$s MVA, cần %1$s MVA",
        [REASON_NOT_READY] = "chưa sẵn sàng vào thời điểm cần",
        [REASON_CANCELLED] = "đã hủy quy hoạch",
        [REASON_SECTOR_BARRED] = "loại khu không nhận ngành này",
        [REASON_NO_LAND] = "không còn đất công nghiệp trống (đã cho thuê hết)",
        [REASON_LAND_FULL] = "báo cáo lấp đầy %1$s%% (tính đến %2$s): không còn đất trống",
        [REASON_STALE_READY] = "dự kiến hoạt động năm %1$s (đã qua) nhưng chưa có báo cáo đã "
                               "hoạt động: hỏi khu xem đã hoạt động chưa",
        [REASON_SECTOR_UNLISTED] = "ngành của nhà đầu tư không có trong danh sách ngành của khu: "
                                   "hỏi khu có tiếp nhận không",
        [REASON_UNVERIFIED] = "%s chưa rõ nên chưa xác minh: hỏi khu về %s",
        [REASON_UNKNOWN] = "%s chưa rõ: tính trung bình, không tính là phù hợp",
    },
    {
        [REASON_LAND_SHORT] = "needs %1$s ha; %2$s ha available",
        [REASON_PRICE_HIGH] = "lease price %2$s USD/m² is above the maximum %1$s USD/m²",
        [REASON_HCMC_FAR] = "%2$s km from Ho Chi Minh City, more than the maximum %1$s km",
        [REASON_PORT_FAR] = "%2$s km from a seaport, more than the maximum %1$s km",
        [REASON_WWTP_LOW] = "wastewater treatment %2$s m³/day; needs %1$s m³/day",
        [REASON_POWER_LOW] = "power %2$s MVA; needs %1$s MVA",
        [REASON_NOT_READY] = "not ready when needed",
        [REASON_CANCELLED] = "cancelled",
        [REASON_SECTOR_BARRED] = "this kind of zone does not admit the sector",
        [REASON_NO_LAND] = "no industrial land left (all of it leased)",
        [REASON_LAND_FULL] = "reported %1$s%% occupied (as of %2$s): no land available",
        [REASON_STALE_READY] = "planned to open in %1$s, a year already past, and not reported "
                               "open: ask the zone whether it operates now",
        [REASON_SECTOR_UNLISTED] = "the zone's listed sectors do not include the investor's: ask "
                                   "whether it admits it",
        [REASON_UNVERIFIED] = "%s unknown, so not verified: ask the zone %s",
        [REASON_UNKNOWN] = "%s unknown: scored neutral, not as a match",
    },
    {
        [REASON_LAND_SHORT] = "%1$s ha 필요, 가용 %2$s ha",
        [REASON_PRICE_HIGH] = "임대료 %2$s USD/m²가 최대 %1$s USD/m²를 초과",
        [REASON_HCMC_FAR] = "호찌민시에서 %2$s km, 최대 %1$s km 초과",
        [REASON_PORT_FAR] = "항만에서 %2$s km, 최대 %1$s km 초과",
        [REASON_WWTP_LOW] = "폐수처리 %2$s m³/일, %1$s m³/일 필요",
        [REASON_POWER_LOW] = "전력 %2$s MVA, %1$s MVA 필요",
        [REASON_NOT_READY] = "필요한 시기에 준비되지 않음",
        [REASON_CANCELLED] = "계획 취소됨",
        [REASON_SECTOR_BARRED] = "이 유형의 단지는 해당 업종을 받지 않음",
        [REASON_NO_LAND] = "남은 산업용지 없음(전부 임대됨)",
        [REASON_LAND_FULL] = "입주율 %1$s%% 보고(%2$s 기준): 가용 부지 없음",
        [REASON_STALE_READY] = "%1$s년 개시 예정이었으나(이미 지남) 운영 보고 없음: 현재 운영 "
                               "여부를 단지에 문의",
        [REASON_SECTOR_UNLISTED] = "단지의 업종 목록에 해당 업종 없음: 수용 여부를 단지에 문의",
        [REASON_UNVERIFIED] = "%s 정보 없음, 확인되지 않음: 단지에 %s 문의",
        [REASON_UNKNOWN] = "%s 정보 없음: 중립으로 평가, 적합으로 보지 않음",
    },
};

static const char *const date_unknown[3] = {"chưa rõ ngày", "date unknown", "날짜 미상"};

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
    if (r->kind == REASON_UNVERIFIED) {
        snprintf(out, n, templates[lang][REASON_UNVERIFIED], unknown_names[lang][r->criterion],
                 ask_about[lang][r->criterion]);
        return out;
    }
    if (r->kind == REASON_STALE_READY) {
        snprintf(a, sizeof(a), "%d", (int)r->a);
        snprintf(out, n, templates[lang][r->kind], a);
        return out;
    }
    if (r->kind == REASON_LAND_FULL) {
        site_format_number(r->a, 1, lang, a, sizeof(a));
        snprintf(out, n, templates[lang][r->kind], a, r->when ? r->when : date_unknown[lang]);
        return out;
    }
    site_format_number(r->a, 2, lang, a, sizeof(a));
    site_format_number(r->b, 2, lang, b, sizeof(b));
    snprintf(out, n, templates[lang][r->kind], a, b);
    return out;
}

const char *site_reason_name(enum site_reason_kind k)
{
    static const char *const names[REASON_KIND_COUNT] = {
        "land_short", "price_high",  "hcmc_far",        "port_far",      "wwtp_low",
        "power_low",  "not_ready",   "cancelled",       "sector_barred", "land_full",
        "no_land",    "stale_ready", "sector_unlisted", "unverified",    "unknown"};
    return k < REASON_KIND_COUNT ? names[k] : "?";
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
