/* SPDX-License-Identifier: MIT */
/*
 * Loading a site brief from the database (see brief_data.h). Labels are
 * kept here in the three languages beside the fields they name.
 */
#include "store/sqlite/sq.h" /* TRANSITIONAL: until this file goes through the store interface */
#include "report/brief_data.h"

#include <stdio.h>
#include <string.h>

struct field_label {
    const char *column;
    const char *unit;
    int decimals;
    const char *label[3]; /* vi, en, ko */
};

static const struct field_label fields[] = {
    {"total_ha", "ha", 2, {"Tổng diện tích", "Total area", "총면적"}},
    {"industrial_ha", "ha", 2, {"Đất công nghiệp", "Industrial land", "산업용지"}},
    {"leased_ha", "ha", 2, {"Đã cho thuê", "Leased", "임대 완료"}},
    {"available", "ha", 2, {"Còn trống", "Available", "가용 부지"}},
    {"occupancy_reported_pct",
     "%",
     1,
     {"Tỷ lệ lấp đầy (báo cáo)", "Occupancy (reported)", "입주율(보고)"}},
    {"lease_usd_m2", "USD/m²", 2, {"Giá thuê", "Lease price", "임대료"}},
    {"lease_until", NULL, 0, {"Thời hạn thuê đến", "Lease term until", "임대 기한"}},
    {"km_hcmc", "km", 1, {"Đến TP.HCM", "To Ho Chi Minh City", "호찌민시까지"}},
    {"km_port", "km", 1, {"Đến cảng biển", "To a seaport", "항만까지"}},
    {"wwtp_m3_day", "m³/ngày", 0, {"Xử lý nước thải", "Wastewater treatment", "폐수처리"}},
    {"power_mva", "MVA", 1, {"Điện", "Power", "전력"}},
    {"water_m3_day", "m³/ngày", 0, {"Cấp nước", "Water supply", "용수"}},
    {"infra_complete", NULL, 0, {"Hạ tầng hoàn chỉnh", "Infrastructure complete", "기반시설 완비"}},
    {"developer", NULL, 0, {"Chủ đầu tư hạ tầng", "Developer", "개발사"}},
    {"established_on", NULL, 0, {"Thành lập", "Established", "설립"}},
    {"planned_year", NULL, 0, {"Năm dự kiến", "Planned year", "계획 연도"}},
    {"sectors", NULL, 0, {"Ngành nghề", "Sectors", "업종"}},
    {"tenants", NULL, 0, {"Doanh nghiệp thuê", "Tenants", "입주 기업"}},
    {"as_of", NULL, 0, {"Số liệu tính đến", "Figures as of", "자료 기준일"}},
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

static const char *word(const char *key, enum site_lang lang, const char *unknown)
{
    size_t i;

    for (i = 0; key && i < sizeof(kinds_and_statuses) / sizeof(kinds_and_statuses[0]); i++)
        if (strcmp(kinds_and_statuses[i].key, key) == 0)
            return kinds_and_statuses[i].text[lang];
    return key && *key ? key : unknown;
}

static const char *const unknown_word[3] = {"chưa rõ", "unknown", "알 수 없음"};
static const char *const yes_no[3][2] = {{"không", "có"}, {"no", "yes"}, {"아니요", "예"}};

#define ZONE_SQL                                                                                   \
    "SELECT z.name_vi, z.name_en, z.name_ko, z.kind, coalesce(z.status, ''),"                      \
    " coalesce(u.name_vi, ''), coalesce(u.name_en, u.name_vi, ''), coalesce(u.name_ko, u.name_en," \
    " u.name_vi, ''), z.lat, z.lon, coalesce(z.position, ''), coalesce(z.source, ''),"             \
    " coalesce(z.confidence, ''), z.total_ha, z.industrial_ha, z.leased_ha,"                       \
    " CASE WHEN z.industrial_ha IS NOT NULL AND z.leased_ha IS NOT NULL"                           \
    " THEN z.industrial_ha - z.leased_ha END, z.occupancy_reported_pct, z.lease_usd_m2,"           \
    " z.lease_until, z.km_hcmc, z.km_port, z.wwtp_m3_day, z.power_mva, z.water_m3_day,"            \
    " z.infra_complete, z.developer, z.established_on, z.planned_year, z.sectors, z.tenants,"      \
    " z.as_of FROM zones z LEFT JOIN units u ON u.code = z.unit_code WHERE z.code = ?"

enum {
    C_NAME,
    C_KIND = 3,
    C_STATUS,
    C_UNIT,
    C_LAT = 8,
    C_LON,
    C_POSITION,
    C_SOURCE,
    C_CONFIDENCE,
    C_FIELDS
};

/* Names the sectors of a token list in lang ("2610 Manufacture of ..."). */
static void sector_names(struct store *s, const char *tokens, enum site_lang lang, char *out,
                         size_t n)
{
    static const char *const cols[3] = {"name_vi", "coalesce(name_en, name_vi)",
                                        "coalesce(name_ko, name_en, name_vi)"};
    char sql[200], code[16];
    sqlite3_stmt *st = NULL;
    const char *p = tokens;

    out[0] = '\0';
    snprintf(sql, sizeof(sql), "SELECT %s FROM sectors WHERE code = ? ORDER BY version DESC",
             cols[lang]);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return;
    while (*p) {
        size_t len = strcspn(p, " ");
        snprintf(code, sizeof(code), "%.*s", (int)(len < 15 ? len : 15), p);
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
        snprintf(out + strlen(out), n - strlen(out), "%s%s %s", out[0] ? "; " : "", code,
                 sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : "");
        p += len + (p[len] == ' ');
    }
    sqlite3_finalize(st);
}

static void format_field(struct store *s, sqlite3_stmt *st, int col, const struct field_label *f,
                         enum site_lang lang, char *out, size_t n)
{
    char num[64];

    if (sqlite3_column_type(st, col) == SQLITE_NULL) {
        snprintf(out, n, "%s", unknown_word[lang]);
    } else if (strcmp(f->column, "infra_complete") == 0) {
        snprintf(out, n, "%s", yes_no[lang][sqlite3_column_int(st, col) != 0]);
    } else if (strcmp(f->column, "sectors") == 0) {
        sector_names(s, (const char *)sqlite3_column_text(st, col), lang, out, n);
    } else if (f->unit) {
        site_format_number(sqlite3_column_double(st, col), f->decimals, lang, num, sizeof(num));
        snprintf(out, n, "%s %s", num,
                 strcmp(f->unit, "m³/ngày") == 0 && lang != SITE_VI
                     ? (lang == SITE_KO ? "m³/일" : "m³/day")
                     : f->unit);
    } else {
        snprintf(out, n, "%s", sqlite3_column_text(st, col));
    }
}

static void fill_zone(struct store *s, sqlite3_stmt *st, enum site_lang lang, struct brief_zone *z)
{
    static const char *const conf_label[3] = {"Độ tin cậy", "Confidence", "신뢰도"};
    int name_col = C_NAME + (int)lang, i;

    while (name_col > C_NAME && sqlite3_column_type(st, name_col) == SQLITE_NULL)
        name_col--;
    snprintf(z->title, sizeof(z->title), "%s", sqlite3_column_text(st, name_col));
    snprintf(z->subtitle, sizeof(z->subtitle), "%s · %s · %s",
             word((const char *)sqlite3_column_text(st, C_KIND), lang, unknown_word[lang]),
             word((const char *)sqlite3_column_text(st, C_STATUS), lang, unknown_word[lang]),
             *sqlite3_column_text(st, C_UNIT + (int)lang)
                 ? (const char *)sqlite3_column_text(st, C_UNIT + (int)lang)
                 : unknown_word[lang]);
    for (i = 0; i < (int)(sizeof(fields) / sizeof(fields[0])) && i < BRIEF_MAX_FACTS; i++) {
        snprintf(z->facts[i].label, sizeof(z->facts[i].label), "%s", fields[i].label[lang]);
        format_field(s, st, C_FIELDS + i, &fields[i], lang, z->facts[i].value,
                     sizeof(z->facts[i].value));
    }
    z->nfacts = i;
    snprintf(z->source, sizeof(z->source), "%s",
             *sqlite3_column_text(st, C_SOURCE) ? (const char *)sqlite3_column_text(st, C_SOURCE)
                                                : unknown_word[lang]);
    snprintf(z->confidence, sizeof(z->confidence), "%s: %s", conf_label[lang],
             *sqlite3_column_text(st, C_CONFIDENCE)
                 ? (const char *)sqlite3_column_text(st, C_CONFIDENCE)
                 : unknown_word[lang]);
    z->has_position = sqlite3_column_type(st, C_LAT) != SQLITE_NULL &&
                      sqlite3_column_type(st, C_LON) != SQLITE_NULL;
    z->lat = sqlite3_column_double(st, C_LAT);
    z->lon = sqlite3_column_double(st, C_LON);
    z->approximate = strcmp((const char *)sqlite3_column_text(st, C_POSITION), "surveyed") != 0;
}

enum khu_err brief_load_zone(struct store *s, const char *code, enum site_lang lang,
                             struct brief_zone *z)
{
    sqlite3_stmt *st = NULL;
    enum khu_err err = KHU_OK;
    int rc;

    memset(z, 0, sizeof(*z));
    if (sqlite3_prepare_v2(s->db, ZONE_SQL, -1, &st, NULL) != SQLITE_OK)
        return KHU_EDB;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        fill_zone(s, st, lang, z);
    else
        err = rc == SQLITE_DONE ? KHU_ENOTFOUND : KHU_EDB;
    sqlite3_finalize(st);
    return err;
}

enum khu_err brief_load_frame(struct store *s, enum site_lang lang, const char *today,
                              struct brief *b)
{
    static const char *const heading[3] = {"Hồ sơ địa điểm đầu tư", "Site brief", "투자 부지 개요"};
    static const char *const sketch[3] = {"Vị trí (sơ đồ)", "Location sketch", "위치 약도"};
    static const char *const approx[3] = {
        "Vị trí gần đúng: tâm của huyện cũ (chưa có tọa độ khảo sát).",
        "Approximate position: the centre of the former district (no surveyed coordinates).",
        "대략적 위치: 옛 현의 중심점(측량 좌표 없음)."};
    static const char *const sources[3] = {"Nguồn", "Sources", "출처"};
    static const char *const reasons[3] = {"Đánh giá phù hợp", "How it matches", "적합성 평가"};
    static const char *const cols[3] = {"name_vi", "coalesce(name_en, name_vi)",
                                        "coalesce(name_ko, name_en, name_vi)"};
    sqlite3_stmt *st = NULL;
    char sql[256];

    snprintf(b->heading, sizeof(b->heading), "%s", heading[lang]);
    snprintf(b->generated, sizeof(b->generated), "khu · %s", today);
    snprintf(b->sketch_label, sizeof(b->sketch_label), "%s", sketch[lang]);
    snprintf(b->approx_note, sizeof(b->approx_note), "%s", approx[lang]);
    snprintf(b->sources_label, sizeof(b->sources_label), "%s", sources[lang]);
    snprintf(b->reasons_label, sizeof(b->reasons_label), "%s", reasons[lang]);
    snprintf(sql, sizeof(sql),
             "SELECT lat, lon, %s FROM units WHERE level = 'district' AND lat IS NOT NULL"
             " AND lon IS NOT NULL ORDER BY code LIMIT %d",
             cols[lang], BRIEF_MAX_POINTS);
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return KHU_EDB;
    b->nframe = 0;
    while (sqlite3_step(st) == SQLITE_ROW && b->nframe < BRIEF_MAX_POINTS) {
        struct brief_point *pt = &b->frame[b->nframe++];
        pt->lat = sqlite3_column_double(st, 0);
        pt->lon = sqlite3_column_double(st, 1);
        snprintf(pt->label, sizeof(pt->label), "%s", sqlite3_column_text(st, 2));
    }
    sqlite3_finalize(st);
    return KHU_OK;
}
