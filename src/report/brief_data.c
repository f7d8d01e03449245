/* SPDX-License-Identifier: MIT */
/*
 * The words of a site brief (see brief_data.h). Labels are kept here in
 * the three languages beside the fields they name.
 */
#include "report/brief_data.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/utf8.h"
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
    {"high", {"cao", "high", "높음"}},
    {"medium", {"trung bình", "medium", "보통"}},
    {"low", {"thấp", "low", "낮음"}},
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

/* Writes head then text into out (size n); a text too long for out is cut
 * between two letters and ends with "…" (free text runs to 20,000 bytes,
 * the brief's lines to a few hundred). */
static void put_text(char *out, size_t n, const char *head, const char *text)
{
    size_t used = (size_t)snprintf(out, n, "%s", head);

    if (used + 4 <= n)
        utf8_copy(out + used, n - used, text ? text : "");
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
        put_text(out, n, "", sectors);
    } else if (f->unit) {
        site_format_number(row_real(row, f->col), f->decimals, lang, num, sizeof(num));
        /* 61% in English and Korean, 61 % in Vietnamese */
        snprintf(out, n, "%s%s%s", num, strcmp(f->unit, "%") == 0 && lang != SITE_VI ? "" : " ",
                 strcmp(f->unit, "m³/ngày") == 0 && lang != SITE_VI
                     ? (lang == SITE_KO ? "m³/일" : "m³/day")
                     : f->unit);
    } else {
        put_text(out, n, "", value_text(row, f->col, num, sizeof(num)));
    }
}

/* Writes the free text of columns first (vi), first + 1 (en), first + 2
 * (ko) in lang into out (size n); where lang has none, the text of another
 * language after a label that says so; "" when no language has it. */
static void text_in_lang(const struct khu_row *row, int first, enum site_lang lang, char *out,
                         size_t n)
{
    static const char *const missing[3][3] = {
        /* page vi */ {"", "Chưa có bản tiếng Việt; bản tiếng Anh: ",
                       "Chưa có bản tiếng Việt; bản tiếng Hàn: "},
        /* page en */
        {"Not yet in English; in Vietnamese: ", "", "Not yet in English; in Korean: "},
        /* page ko */
        {"아직 한국어 번역이 없습니다. 베트남어 원문: ", "아직 한국어 번역이 없습니다. 영어 원문: ",
         ""}};
    static const enum site_lang order[3] = {SITE_EN, SITE_VI, SITE_KO};
    int i;

    out[0] = '\0';
    if (!row_is_null(row, first + (int)lang)) {
        put_text(out, n, "", row_text(row, first + (int)lang));
        return;
    }
    for (i = 0; i < 3; i++)
        if (!row_is_null(row, first + (int)order[i])) {
            put_text(out, n, missing[lang][order[i]], row_text(row, first + (int)order[i]));
            return;
        }
}

/* Writes "shown (original)" into out when the Vietnamese original differs
 * from the name shown, so that a reader can match it to signs and papers;
 * the name alone otherwise. */
static void with_original(const char *shown, const char *vi, char *out, size_t n)
{
    char orig[1024 + 4];

    put_text(out, n, "", shown);
    if (vi && *vi && shown && strcmp(shown, vi) != 0 && strlen(out) == strlen(shown)) {
        snprintf(orig, sizeof(orig), " (%s)", vi);
        put_text(out + strlen(out), n - strlen(out), "", orig);
    }
}

void brief_fill_zone(const struct khu_row *row, const char *sectors, enum site_lang lang,
                     struct brief_zone *z)
{
    static const char *const conf_label[3] = {"Độ tin cậy", "Confidence", "신뢰도"};
    static const char *const contact_label[3] = {"Liên hệ tại khu (chủ đầu tư hạ tầng)",
                                                 "Contact at the zone (developer)",
                                                 "단지 연락처(개발사)"};
    static const char *const no_contact[3] = {
        "Liên hệ tại khu: chưa rõ; hỏi cơ quan xúc tiến đầu tư của tỉnh",
        "Contact at the zone: unknown; ask the province's investment-promotion office",
        "단지 연락처: 알 수 없음. 성의 투자진흥 기관에 문의하세요"};
    int name_col = BRIEF_COL_NAME_VI + (int)lang, i;
    const char *name, *position;
    char unit[256], why[896];

    memset(z, 0, sizeof(*z));
    while (name_col > BRIEF_COL_NAME_VI && row_is_null(row, name_col))
        name_col--;
    name = row_text(row, name_col);
    with_original(name, row_text(row, BRIEF_COL_NAME_VI), z->title, sizeof(z->title));
    with_original(text_or_unknown(row, BRIEF_COL_UNIT_VI + (int)lang, lang),
                  row_text(row, BRIEF_COL_UNIT_VI), unit, sizeof(unit));
    snprintf(z->subtitle, sizeof(z->subtitle), "%s · %s · %s",
             word(row_text(row, BRIEF_COL_KIND), lang, unknown_word[lang]),
             word(row_text(row, BRIEF_COL_STATUS), lang, unknown_word[lang]), unit);
    text_in_lang(row, BRIEF_COL_SUMMARY_VI, lang, z->summary, sizeof(z->summary));
    for (i = 0; i < (int)(sizeof(fields) / sizeof(fields[0])) && i < BRIEF_MAX_FACTS; i++) {
        snprintf(z->facts[i].label, sizeof(z->facts[i].label), "%s", fields[i].label[lang]);
        format_field(row, &fields[i], sectors, lang, z->facts[i].value, sizeof(z->facts[i].value));
    }
    z->nfacts = i;
    put_text(z->source, sizeof(z->source), "", text_or_unknown(row, BRIEF_COL_SOURCE, lang));
    text_in_lang(row, BRIEF_COL_CONFIDENCE_NOTE_VI, lang, why, sizeof(why));
    snprintf(z->confidence, sizeof(z->confidence), "%s: %s%s%s", conf_label[lang],
             word(row_text(row, BRIEF_COL_CONFIDENCE), lang, unknown_word[lang]),
             why[0] ? " — " : "", why);
    if (row_is_null(row, BRIEF_COL_DEVELOPER))
        snprintf(z->contact, sizeof(z->contact), "%s", no_contact[lang]);
    else
        snprintf(z->contact, sizeof(z->contact), "%s: %s", contact_label[lang],
                 row_text(row, BRIEF_COL_DEVELOPER));
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
    static const char *const group[3][SITE_GROUPS] = {
        {" (phù hợp)", " (có thể phù hợp, chưa xác minh)", " (bị loại)"},
        {" (fits)", " (may fit, unverified)", " (excluded)"},
        {" (적합)", " (적합 가능, 미확인)", " (제외)"}};
    char num[32];
    int k;

    site_format_number(r->score, 1, lang, num, sizeof(num));
    snprintf(z->score, sizeof(z->score), fmt[lang], num, group[lang][r->group]);
    for (k = 0; k < r->nreasons && k < BRIEF_MAX_REASONS; k++)
        site_reason_text(&r->reasons[k], lang, z->reasons[k], sizeof(z->reasons[k]));
    z->nreasons = k;
}

void brief_fill_labels(enum site_lang lang, const char *today, const char *promotion,
                       struct brief *b)
{
    static const char *const heading[3] = {"Hồ sơ địa điểm đầu tư", "Site brief", "투자 부지 개요"};
    static const char *const prepared[3] = {"Lập ngày %s bằng khu", "Prepared on %s with khu",
                                            "%s, khu로 작성"};
    static const char *const sketch[3] = {"Vị trí (sơ đồ)", "Location sketch", "위치 약도"};
    static const char *const approx[3] = {
        "Vị trí gần đúng: tâm của huyện cũ (chưa có tọa độ khảo sát).",
        "Approximate position: the centre of the former district (no surveyed coordinates).",
        "대략적 위치: 옛 현의 중심점(측량 좌표 없음)."};
    static const char *const sources[3] = {"Nguồn", "Sources", "출처"};
    static const char *const reasons[3] = {"Đánh giá phù hợp", "How it matches", "적합성 평가"};
    static const char *const needs[3] = {"Nhu cầu đã tìm", "Needs searched", "검색한 요건"};
    static const char *const promo[3] = {"Đầu mối xúc tiến đầu tư của tỉnh",
                                         "The province's investment-promotion contact",
                                         "성 투자진흥 연락처"};

    snprintf(b->heading, sizeof(b->heading), "%s", heading[lang]);
    snprintf(b->generated, sizeof(b->generated), prepared[lang], today);
    snprintf(b->sketch_label, sizeof(b->sketch_label), "%s", sketch[lang]);
    snprintf(b->approx_note, sizeof(b->approx_note), "%s", approx[lang]);
    snprintf(b->sources_label, sizeof(b->sources_label), "%s", sources[lang]);
    snprintf(b->reasons_label, sizeof(b->reasons_label), "%s", reasons[lang]);
    snprintf(b->needs_label, sizeof(b->needs_label), "%s", needs[lang]);
    b->promotion[0] = '\0';
    if (promotion && *promotion)
        snprintf(b->promotion, sizeof(b->promotion), "%s: %s", promo[lang], promotion);
}

/* Appends one clause "label: value" to out, with " · " between clauses. */
static void clause(char *out, size_t n, const char *label, const char *value)
{
    size_t used = strlen(out);

    snprintf(out + used, n - used, "%s%s: %s", used ? " · " : "", label, value);
}

/* A limit of the needs: "at most 40 km" in lang. */
static void limit_text(struct site_value v, int at_most, const char *unit, enum site_lang lang,
                       char *out, size_t n)
{
    static const char *const word[3][2] = {
        {"ít nhất", "tối đa"}, {"at least", "at most"}, {"최소", "최대"}};
    char num[64];

    site_format_number(v.v, 2, lang, num, sizeof(num));
    snprintf(out, n, "%s %s %s", word[lang][at_most], num, unit);
}

void brief_fill_needs(const struct site_query *q, const char *sector, const char *units,
                      enum site_lang lang, struct brief *b)
{
    static const char *const labels[3][8] = {{"Đất cần", "Sẵn sàng", "Giá thuê", "Đến TP.HCM",
                                              "Đến cảng biển", "Xử lý nước thải", "Điện", "Ngành"},
                                             {"Land needed", "Ready", "Lease price",
                                              "To Ho Chi Minh City", "To a seaport",
                                              "Wastewater treatment", "Power", "Sector"},
                                             {"필요 부지", "준비 시기", "임대료", "호찌민시까지",
                                              "항만까지", "폐수처리", "전력", "업종"}};
    static const char *const ready_now[3] = {"đang hoạt động", "operating now", "현재 운영 중"};
    static const char *const ready_by[3] = {"trước hết năm %d", "by the end of %d", "%d년 말까지"};
    static const char *const units_label[3] = {"Địa bàn ưu tiên", "Preferred units", "선호 지역"};
    static const char *const m3[3] = {"m³/ngày", "m³/day", "m³/일"};
    const struct site_value *limits[] = {&q->max_lease_usd_m2, &q->max_km_hcmc, &q->max_km_port,
                                         &q->min_wwtp_m3_day, &q->min_power_mva};
    const char *unit_of[] = {"USD/m²", "km", "km", m3[lang], "MVA"};
    char value[256];
    int i;

    b->needs[0] = '\0';
    if (q->land_ha > 0) {
        site_format_number(q->land_ha, 2, lang, value, sizeof(value));
        snprintf(value + strlen(value), sizeof(value) - strlen(value), " ha");
        clause(b->needs, sizeof(b->needs), labels[lang][0], value);
    }
    if (q->ready_year)
        snprintf(value, sizeof(value), ready_by[lang], q->ready_year);
    else
        snprintf(value, sizeof(value), "%s", ready_now[lang]);
    clause(b->needs, sizeof(b->needs), labels[lang][1], value);
    for (i = 0; i < 5; i++) {
        if (!limits[i]->known)
            continue;
        limit_text(*limits[i], i < 3, unit_of[i], lang, value, sizeof(value));
        clause(b->needs, sizeof(b->needs), labels[lang][2 + i], value);
    }
    if (sector)
        clause(b->needs, sizeof(b->needs), labels[lang][7], sector);
    if (units)
        clause(b->needs, sizeof(b->needs), units_label[lang], units);
}
