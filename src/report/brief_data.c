/* SPDX-License-Identifier: MIT */
/*
 * The words of a site brief (see brief_data.h). Labels are kept here in
 * the three languages beside the fields they name.
 */
#include "report/brief_data.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "store/brief.h"

struct field_label {
    int col; /* enum store_brief_col */
    const char *unit;
    int decimals;
    const char *label[3]; /* vi, en, ko */
};

static const struct field_label fields[] = {
    {BRIEF_COL_TOTAL_HA, "ha", 2, {"Tổng diện tích", "Total area", "총면적"}},
    {BRIEF_COL_INDUSTRIAL_HA, "ha", 2, {"Đất công nghiệp", "Industrial land", "산업용지"}},
    {BRIEF_COL_LEASED_HA, "ha", 2, {"Đã cho thuê", "Leased", "임대 완료"}},
    {BRIEF_COL_AVAILABLE_HA, "ha", 2, {"Còn trống", "Available", "가용 부지"}},
    {BRIEF_COL_OCCUPANCY_REPORTED_PCT,
     "%",
     1,
     {"Tỷ lệ lấp đầy (báo cáo)", "Occupancy (reported)", "입주율(보고)"}},
    {BRIEF_COL_LEASE_USD_M2, "USD/m²", 2, {"Giá thuê", "Lease price", "임대료"}},
    {BRIEF_COL_LEASE_UNTIL, NULL, 0, {"Thời hạn thuê đến", "Lease term until", "임대 기한"}},
    {BRIEF_COL_KM_HCMC, "km", 1, {"Đến TP.HCM", "To Ho Chi Minh City", "호찌민시까지"}},
    {BRIEF_COL_KM_PORT, "km", 1, {"Đến cảng biển", "To a seaport", "항만까지"}},
    {BRIEF_COL_WWTP_M3_DAY, "m³/ngày", 0, {"Xử lý nước thải", "Wastewater treatment", "폐수처리"}},
    {BRIEF_COL_POWER_MVA, "MVA", 1, {"Điện", "Power", "전력"}},
    {BRIEF_COL_WATER_M3_DAY, "m³/ngày", 0, {"Cấp nước", "Water supply", "용수"}},
    {BRIEF_COL_INFRA_COMPLETE,
     NULL,
     0,
     {"Hạ tầng hoàn chỉnh", "Infrastructure complete", "기반시설 완비"}},
    {BRIEF_COL_DEVELOPER, NULL, 0, {"Chủ đầu tư hạ tầng", "Developer", "개발사"}},
    {BRIEF_COL_ESTABLISHED_ON, NULL, 0, {"Thành lập", "Established", "설립"}},
    {BRIEF_COL_PLANNED_YEAR, NULL, 0, {"Năm dự kiến", "Planned year", "계획 연도"}},
    {BRIEF_COL_SECTORS, NULL, 0, {"Ngành nghề", "Sectors", "업종"}},
    {BRIEF_COL_TENANTS, NULL, 0, {"Doanh nghiệp thuê", "Tenants", "입주 기업"}},
    {BRIEF_COL_AS_OF, NULL, 0, {"Số liệu tính đến", "Figures as of", "자료 기준일"}},
};

struct word {
    const char *key;
    const char *text[3];
};

static const struct word kinds_and_statuses[] = {
    {"kcn", {"Khu công nghiệp", "Industrial park", "산업단지"}},
    {"ccn", {"Cụm công nghiệp", "Industrial cluster", "산업클러스터"}},
    {"hitech", {"Khu công nghệ cao", "Hi-tech park", "첨단기술단지"}},
    {"logistics", {"Trung tâm logistics", "Logistics centre", "물류센터"}},
    {"economic", {"Khu kinh tế", "Economic zone", "경제구역"}},
    {"port", {"Cảng", "Port", "항만"}},
    {"planned", {"quy hoạch", "planned", "계획"}},
    {"approved", {"đã phê duyệt", "approved", "승인"}},
    {"building", {"đang xây dựng", "under construction", "건설 중"}},
    {"operating", {"đang hoạt động", "operating", "운영 중"}},
    {"cancelled", {"đã hủy", "cancelled", "취소"}},
};

static const char *const unknown_word[3] = {"chưa rõ", "unknown", "알 수 없음"};
static const char *const yes_no[3][2] = {{"không", "có"}, {"no", "yes"}, {"아니요", "예"}};

static const char *word(const char *key, enum site_lang lang, const char *unknown)
{
    size_t i;

    for (i = 0; key && i < sizeof(kinds_and_statuses) / sizeof(kinds_and_statuses[0]); i++)
        if (strcmp(kinds_and_statuses[i].key, key) == 0)
            return kinds_and_statuses[i].text[lang];
    return key && *key ? key : unknown;
}

/* Value i of row as text ("" for NULL); numbers as SQL would print them. */
static const char *value_text(const struct khu_row *row, int i, char *tmp, size_t n)
{
    const struct khu_value *v = row_at(row, i);

    switch (v->type) {
    case KHU_V_TEXT:
        return v->s;
    case KHU_V_INT:
        snprintf(tmp, n, "%" PRId64, v->i);
        return tmp;
    case KHU_V_REAL:
        snprintf(tmp, n, "%.15g", v->r);
        return tmp;
    default:
        return "";
    }
}

/* Text value i, or the unknown word when it is NULL or empty. */
static const char *text_or_unknown(const struct khu_row *row, int i, enum site_lang lang)
{
    const char *s = row_text(row, i);

    return s && *s ? s : unknown_word[lang];
}

static void format_field(const struct khu_row *row, const struct field_label *f,
                         const char *sectors, enum site_lang lang, char *out, size_t n)
{
    char num[64];

    if (row_is_null(row, f->col)) {
        snprintf(out, n, "%s", unknown_word[lang]);
    } else if (f->col == BRIEF_COL_INFRA_COMPLETE) {
        snprintf(out, n, "%s", yes_no[lang][row_int(row, f->col) != 0]);
    } else if (f->col == BRIEF_COL_SECTORS && sectors) {
        snprintf(out, n, "%s", sectors);
    } else if (f->unit) {
        site_format_number(row_real(row, f->col), f->decimals, lang, num, sizeof(num));
        snprintf(out, n, "%s %s", num,
                 strcmp(f->unit, "m³/ngày") == 0 && lang != SITE_VI
                     ? (lang == SITE_KO ? "m³/일" : "m³/day")
                     : f->unit);
    } else {
        snprintf(out, n, "%s", value_text(row, f->col, num, sizeof(num)));
    }
}

void brief_fill_zone(const struct khu_row *row, const char *sectors, enum site_lang lang,
                     struct brief_zone *z)
{
    static const char *const conf_label[3] = {"Độ tin cậy", "Confidence", "신뢰도"};
    int name_col = BRIEF_COL_NAME_VI + (int)lang, i;
    const char *name, *position;

    memset(z, 0, sizeof(*z));
    while (name_col > BRIEF_COL_NAME_VI && row_is_null(row, name_col))
        name_col--;
    name = row_text(row, name_col);
    snprintf(z->title, sizeof(z->title), "%s", name ? name : "");
    snprintf(z->subtitle, sizeof(z->subtitle), "%s · %s · %s",
             word(row_text(row, BRIEF_COL_KIND), lang, unknown_word[lang]),
             word(row_text(row, BRIEF_COL_STATUS), lang, unknown_word[lang]),
             text_or_unknown(row, BRIEF_COL_UNIT_VI + (int)lang, lang));
    for (i = 0; i < (int)(sizeof(fields) / sizeof(fields[0])) && i < BRIEF_MAX_FACTS; i++) {
        snprintf(z->facts[i].label, sizeof(z->facts[i].label), "%s", fields[i].label[lang]);
        format_field(row, &fields[i], sectors, lang, z->facts[i].value, sizeof(z->facts[i].value));
    }
    z->nfacts = i;
    snprintf(z->source, sizeof(z->source), "%s", text_or_unknown(row, BRIEF_COL_SOURCE, lang));
    snprintf(z->confidence, sizeof(z->confidence), "%s: %s", conf_label[lang],
             text_or_unknown(row, BRIEF_COL_CONFIDENCE, lang));
    z->has_position = !row_is_null(row, BRIEF_COL_LAT) && !row_is_null(row, BRIEF_COL_LON);
    z->lat = row_real(row, BRIEF_COL_LAT);
    z->lon = row_real(row, BRIEF_COL_LON);
    position = row_text(row, BRIEF_COL_POSITION);
    z->approximate = !position || strcmp(position, "surveyed") != 0;
}

void brief_fill_score(const struct site_result *r, enum site_lang lang, struct brief_zone *z)
{
    static const char *const fmt[3] = {"Điểm phù hợp %s / 100%s", "Match score %s / 100%s",
                                       "적합 점수 %s / 100%s"};
    static const char *const excluded[3] = {" (bị loại)", " (excluded)", " (제외)"};
    char num[32];
    int k;

    site_format_number(r->score, 1, lang, num, sizeof(num));
    snprintf(z->score, sizeof(z->score), fmt[lang], num, r->excluded ? excluded[lang] : "");
    for (k = 0; k < r->nreasons && k < BRIEF_MAX_REASONS; k++)
        site_reason_text(&r->reasons[k], lang, z->reasons[k], sizeof(z->reasons[k]));
    z->nreasons = k;
}

void brief_fill_labels(enum site_lang lang, const char *today, struct brief *b)
{
    static const char *const heading[3] = {"Hồ sơ địa điểm đầu tư", "Site brief", "투자 부지 개요"};
    static const char *const sketch[3] = {"Vị trí (sơ đồ)", "Location sketch", "위치 약도"};
    static const char *const approx[3] = {
        "Vị trí gần đúng: tâm của huyện cũ (chưa có tọa độ khảo sát).",
        "Approximate position: the centre of the former district (no surveyed coordinates).",
        "대략적 위치: 옛 현의 중심점(측량 좌표 없음)."};
    static const char *const sources[3] = {"Nguồn", "Sources", "출처"};
    static const char *const reasons[3] = {"Đánh giá phù hợp", "How it matches", "적합성 평가"};

    snprintf(b->heading, sizeof(b->heading), "%s", heading[lang]);
    snprintf(b->generated, sizeof(b->generated), "khu · %s", today);
    snprintf(b->sketch_label, sizeof(b->sketch_label), "%s", sketch[lang]);
    snprintf(b->approx_note, sizeof(b->approx_note), "%s", approx[lang]);
    snprintf(b->sources_label, sizeof(b->sources_label), "%s", sources[lang]);
    snprintf(b->reasons_label, sizeof(b->reasons_label), "%s", reasons[lang]);
}
