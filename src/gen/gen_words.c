/* SPDX-License-Identifier: MIT */
/*
 * The word lists behind `khu gen` (see gen_words.h). Province codes are the
 * GSO codes of the 63 provinces before the 2025 merger; coordinates are
 * approximate positions of the provincial capitals, good enough to keep
 * generated points inside Vietnam. Korean readings of place names are
 * phonetic renderings written for this generator.
 */
#include "gen/gen_words.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

const struct gen_syllable gen_syllables[] = {
    {"Tân", "Tan", "떤"},       {"Phú", "Phu", "푸"},       {"Long", "Long", "롱"},
    {"Bình", "Binh", "빈"},     {"An", "An", "안"},         {"Hòa", "Hoa", "호아"},
    {"Thạnh", "Thanh", "타인"}, {"Mỹ", "My", "미"},         {"Đức", "Duc", "득"},
    {"Vĩnh", "Vinh", "빈"},     {"Phước", "Phuoc", "프억"}, {"Hiệp", "Hiep", "히엡"},
    {"Thuận", "Thuan", "투언"}, {"Lộc", "Loc", "록"},       {"Hưng", "Hung", "흥"},
    {"Đông", "Dong", "동"},     {"Tây", "Tay", "떠이"},     {"Nam", "Nam", "남"},
    {"Bắc", "Bac", "박"},       {"Xuân", "Xuan", "쑤언"},   {"Hải", "Hai", "하이"},
    {"Sơn", "Son", "선"},       {"Châu", "Chau", "쩌우"},   {"Trung", "Trung", "쭝"},
    {"Quang", "Quang", "꽝"},   {"Thịnh", "Thinh", "틴"},   {"Khánh", "Khanh", "카인"},
    {"Lợi", "Loi", "러이"},     {"Hậu", "Hau", "허우"},     {"Đạo", "Dao", "다오"},
    {"Điền", "Dien", "디엔"},   {"Giang", "Giang", "장"},   {"Nhựt", "Nhut", "녓"},
    {"Cần", "Can", "껀"},       {"Lương", "Luong", "르엉"}, {"Định", "Dinh", "딘"},
    {"Hựu", "Huu", "흐우"},     {"Kiến", "Kien", "끼엔"},   {"Thủy", "Thuy", "투이"},
    {"Phong", "Phong", "퐁"},
};
const size_t gen_nsyllables = N(gen_syllables);

const struct gen_province gen_provinces[] = {
    {"01", "Hà Nội", "Ha Noi", "하노이", 21.028, 105.854, 1},
    {"02", "Hà Giang", "Ha Giang", "하장", 22.823, 104.984, 0},
    {"04", "Cao Bằng", "Cao Bang", "까오방", 22.666, 106.258, 0},
    {"06", "Bắc Kạn", "Bac Kan", "박깐", 22.147, 105.835, 0},
    {"08", "Tuyên Quang", "Tuyen Quang", "뚜옌꽝", 21.823, 105.214, 0},
    {"10", "Lào Cai", "Lao Cai", "라오까이", 22.486, 103.971, 0},
    {"11", "Điện Biên", "Dien Bien", "디엔비엔", 21.386, 103.023, 0},
    {"12", "Lai Châu", "Lai Chau", "라이쩌우", 22.396, 103.458, 0},
    {"14", "Sơn La", "Son La", "선라", 21.327, 103.914, 0},
    {"15", "Yên Bái", "Yen Bai", "옌바이", 21.723, 104.912, 0},
    {"17", "Hòa Bình", "Hoa Binh", "호아빈", 20.817, 105.338, 0},
    {"19", "Thái Nguyên", "Thai Nguyen", "타이응우옌", 21.594, 105.848, 0},
    {"20", "Lạng Sơn", "Lang Son", "랑선", 21.853, 106.761, 0},
    {"22", "Quảng Ninh", "Quang Ninh", "꽝닌", 20.951, 107.073, 0},
    {"24", "Bắc Giang", "Bac Giang", "박장", 21.273, 106.195, 0},
    {"25", "Phú Thọ", "Phu Tho", "푸토", 21.322, 105.402, 0},
    {"26", "Vĩnh Phúc", "Vinh Phuc", "빈푹", 21.309, 105.605, 0},
    {"27", "Bắc Ninh", "Bac Ninh", "박닌", 21.186, 106.076, 0},
    {"30", "Hải Dương", "Hai Duong", "하이즈엉", 20.940, 106.333, 0},
    {"31", "Hải Phòng", "Hai Phong", "하이퐁", 20.845, 106.688, 1},
    {"33", "Hưng Yên", "Hung Yen", "흥옌", 20.646, 106.051, 0},
    {"34", "Thái Bình", "Thai Binh", "타이빈", 20.450, 106.342, 0},
    {"35", "Hà Nam", "Ha Nam", "하남", 20.541, 105.914, 0},
    {"36", "Nam Định", "Nam Dinh", "남딘", 20.434, 106.177, 0},
    {"37", "Ninh Bình", "Ninh Binh", "닌빈", 20.251, 105.975, 0},
    {"38", "Thanh Hóa", "Thanh Hoa", "타인호아", 19.807, 105.776, 0},
    {"40", "Nghệ An", "Nghe An", "응에안", 18.679, 105.681, 0},
    {"42", "Hà Tĩnh", "Ha Tinh", "하띤", 18.343, 105.906, 0},
    {"44", "Quảng Bình", "Quang Binh", "꽝빈", 17.468, 106.622, 0},
    {"45", "Quảng Trị", "Quang Tri", "꽝찌", 16.816, 107.100, 0},
    {"46", "Thừa Thiên Huế", "Thua Thien Hue", "트어티엔후에", 16.464, 107.591, 0},
    {"48", "Đà Nẵng", "Da Nang", "다낭", 16.054, 108.202, 1},
    {"49", "Quảng Nam", "Quang Nam", "꽝남", 15.573, 108.474, 0},
    {"51", "Quảng Ngãi", "Quang Ngai", "꽝응아이", 15.120, 108.792, 0},
    {"52", "Bình Định", "Binh Dinh", "빈딘", 13.782, 109.219, 0},
    {"54", "Phú Yên", "Phu Yen", "푸옌", 13.096, 109.309, 0},
    {"56", "Khánh Hòa", "Khanh Hoa", "카인호아", 12.238, 109.197, 0},
    {"58", "Ninh Thuận", "Ninh Thuan", "닌투언", 11.565, 108.988, 0},
    {"60", "Bình Thuận", "Binh Thuan", "빈투언", 10.928, 108.102, 0},
    {"62", "Kon Tum", "Kon Tum", "꼰뚬", 14.350, 108.000, 0},
    {"64", "Gia Lai", "Gia Lai", "잘라이", 13.983, 108.000, 0},
    {"66", "Đắk Lắk", "Dak Lak", "닥락", 12.667, 108.038, 0},
    {"67", "Đắk Nông", "Dak Nong", "닥농", 12.004, 107.690, 0},
    {"68", "Lâm Đồng", "Lam Dong", "럼동", 11.940, 108.458, 0},
    {"70", "Bình Phước", "Binh Phuoc", "빈프억", 11.535, 106.883, 0},
    {"72", "Tây Ninh", "Tay Ninh", "떠이닌", 11.310, 106.098, 0},
    {"74", "Bình Dương", "Binh Duong", "빈즈엉", 10.980, 106.652, 0},
    {"75", "Đồng Nai", "Dong Nai", "동나이", 10.957, 106.843, 0},
    {"77", "Bà Rịa – Vũng Tàu", "Ba Ria - Vung Tau", "바리어붕따우", 10.496, 107.168, 0},
    {"79", "Hồ Chí Minh", "Ho Chi Minh", "호찌민", 10.776, 106.700, 1},
    {"80", "Long An", "Long An", "롱안", 10.536, 106.413, 0},
    {"82", "Tiền Giang", "Tien Giang", "띠엔장", 10.360, 106.360, 0},
    {"83", "Bến Tre", "Ben Tre", "벤째", 10.241, 106.376, 0},
    {"84", "Trà Vinh", "Tra Vinh", "짜빈", 9.935, 106.345, 0},
    {"86", "Vĩnh Long", "Vinh Long", "빈롱", 10.254, 105.972, 0},
    {"87", "Đồng Tháp", "Dong Thap", "동탑", 10.457, 105.634, 0},
    {"89", "An Giang", "An Giang", "안장", 10.386, 105.435, 0},
    {"91", "Kiên Giang", "Kien Giang", "끼엔장", 10.012, 105.081, 0},
    {"92", "Cần Thơ", "Can Tho", "껀터", 10.045, 105.747, 1},
    {"93", "Hậu Giang", "Hau Giang", "허우장", 9.784, 105.470, 0},
    {"94", "Sóc Trăng", "Soc Trang", "속짱", 9.603, 105.980, 0},
    {"95", "Bạc Liêu", "Bac Lieu", "박리에우", 9.294, 105.727, 0},
    {"96", "Cà Mau", "Ca Mau", "까마우", 9.176, 105.150, 0},
};
const size_t gen_nprovinces = N(gen_provinces);
const size_t gen_long_an = 50;

const struct gen_district gen_longan_districts[] = {
    {"794", "Thành phố Tân An", "Tan An City", "떤안시", 10.5327, 106.4027},
    {"795", "Thị xã Kiến Tường", "Kien Tuong Town", "끼엔뜨엉시", 10.7838, 105.9089},
    {"796", "Huyện Tân Hưng", "Tan Hung District", "떤흥군", 10.8332, 105.6865},
    {"797", "Huyện Vĩnh Hưng", "Vinh Hung District", "빈흥군", 10.9026, 105.7818},
    {"798", "Huyện Mộc Hóa", "Moc Hoa District", "목호아군", 10.7538, 106.0199},
    {"799", "Huyện Tân Thạnh", "Tan Thanh District", "떤타인군", 10.6133, 105.9619},
    {"800", "Huyện Thạnh Hóa", "Thanh Hoa District", "타인호아군", 10.6742, 106.1751},
    {"801", "Huyện Đức Huệ", "Duc Hue District", "득훼군", 10.8662, 106.2564},
    {"802", "Huyện Đức Hòa", "Duc Hoa District", "득호아군", 10.8890, 106.4098},
    {"803", "Huyện Bến Lức", "Ben Luc District", "벤륵군", 10.6918, 106.4512},
    {"804", "Huyện Thủ Thừa", "Thu Thua District", "투트어군", 10.6604, 106.3346},
    {"805", "Huyện Tân Trụ", "Tan Tru District", "떤쭈군", 10.5333, 106.5082},
    {"806", "Huyện Cần Đước", "Can Duoc District", "껀드억군", 10.5316, 106.6009},
    {"807", "Huyện Cần Giuộc", "Can Giuoc District", "껀지옥군", 10.5830, 106.6685},
    {"808", "Huyện Châu Thành", "Chau Thanh District", "쩌우타인군", 10.4592, 106.4941},
};
const size_t gen_nlongan_districts = N(gen_longan_districts);

const struct gen_industry gen_industries[] = {
    {"Nhựa", "Plastics", "플라스틱", "Plastics", "플라스틱", "2220", "2220", NULL,
     "linh kiện nhựa, bao bì nhựa", "plastic parts, plastic packaging", "플라스틱 사출 부품",
     "injection-molding extrusion blow-molding printing", 1},
    {"Cơ khí", "Mechanical Engineering", "기계", "Precision", "정밀", "2592", "2592", NULL,
     "chi tiết cơ khí chính xác, khuôn mẫu", "precision parts, moulds", "정밀 가공 부품, 금형",
     "cnc-machining stamping welding heat-treatment", 1},
    {"Điện tử", "Electronics", "전자", "Electronics", "전자", "2610", "2611", "2612",
     "linh kiện điện tử, bo mạch", "electronic components, PCBs", "전자 부품, 인쇄회로기판",
     "smt-assembly pcb-assembly testing", 1},
    {"Thiết bị điện", "Electrical Equipment", "전기설비", "Electric", "전기", "2710", "2710", NULL,
     "dây cáp điện, tủ điện", "cables, switchgear", "전선, 배전반",
     "wire-harness coil-winding assembly", 1},
    {"Phụ tùng ô tô", "Auto Parts", "자동차 부품", "Autotech", "오토텍", "2930", "2930", NULL,
     "phụ tùng ô tô, xe máy", "car and motorcycle parts", "자동차·오토바이 부품",
     "die-casting stamping painting assembly", 1},
    {"Dệt may", "Garments", "섬유", "Textile", "섬유", "1410", "1410", NULL, "quần áo, vải",
     "garments, fabric", "의류, 원단", "sewing dyeing printing", 0},
    {"Giày da", "Footwear", "신발", "Footwear", "신발", "1520", "1520", NULL,
     "giày thể thao, đế giày", "sports shoes, soles", "운동화, 신발 밑창",
     "sewing injection-molding", 0},
    {"Bao bì", "Packaging", "포장", "Packaging", "포장", "1702", "1702", NULL,
     "thùng carton, bao bì giấy", "cartons, paper packaging", "골판지 상자, 종이 포장재",
     "printing die-cutting", 0},
    {"Thực phẩm", "Food Processing", "식품", "Foods", "식품", "1079", "1079", NULL,
     "thực phẩm chế biến, nước giải khát", "processed food, beverages", "가공식품, 음료",
     "packaging-line cold-chain", 0},
    {"Hóa chất", "Chemicals", "화학", "Chemical", "화학", "2011", "2011", NULL,
     "hóa chất công nghiệp, sơn", "industrial chemicals, paint", "산업용 화학제품, 도료",
     "mixing coating", 0},
    {"Thép", "Steel", "철강", "Steel", "철강", "2410", "2410", NULL, "thép cuộn, kết cấu thép",
     "steel coils, steel structures", "강판, 철골 구조물", "rolling welding galvanizing", 0},
    {"Gỗ", "Wood Products", "목재", "Wood", "목재", "1622", "1622", NULL, "đồ gỗ nội thất",
     "furniture", "목재 가구", "cnc-machining finishing", 0},
    {"Dược phẩm", "Pharmaceuticals", "제약", "Pharma", "제약", "2100", "2100", NULL,
     "thuốc, thiết bị y tế", "medicines, medical devices", "의약품, 의료기기",
     "gmp-production cleanroom", 0},
    {"Máy tính", "Computer Hardware", "컴퓨터", "Tech", "테크", "2620", "2620", NULL,
     "máy tính, thiết bị ngoại vi", "computers, peripherals", "컴퓨터, 주변기기",
     "smt-assembly testing", 1},
    {"Cao su", "Rubber", "고무", "Rubber", "고무", "2219", "2219", NULL, "sản phẩm cao su kỹ thuật",
     "technical rubber goods", "산업용 고무 제품", "molding extrusion", 0},
    {"Logistics", "Logistics", "물류", "Logistics", "물류", "5210", "5210", NULL,
     "kho bãi, dịch vụ logistics", "warehousing, logistics services", "창고, 물류 서비스",
     "warehousing cold-chain", 0},
    {"In ấn", "Printing", "인쇄", "Printing", "인쇄", "1811", "1811", NULL, "nhãn mác, ấn phẩm",
     "labels, printed matter", "라벨, 인쇄물", "printing die-cutting", 0},
    {"Kính", "Glass", "유리", "Glass", "유리", "2310", "2310", NULL, "kính xây dựng, chai lọ",
     "building glass, bottles", "건축용 유리, 유리병", "molding coating", 0},
};
const size_t gen_nindustries = N(gen_industries);

const struct gen_brand gen_brands_kr[] = {
    {"Daesung", "대성"},  {"Hanil", "한일"},   {"Samwoo", "삼우"}, {"Dongil", "동일"},
    {"Seoyoung", "서영"}, {"Jinyang", "진양"}, {"Sejin", "세진"},  {"Shinsung", "신성"},
    {"Haesung", "해성"},  {"Mirae", "미래"},   {"Hanbit", "한빛"}, {"Saehan", "새한"},
    {"Woojin", "우진"},   {"Kyungin", "경인"}, {"Daewon", "대원"}, {"Sunjin", "선진"},
};
const struct gen_brand gen_brands_jp[] = {
    {"Sato Seiki", NULL},  {"Tanaka Kogyo", NULL},   {"Kato Denshi", NULL},
    {"Nishimura", NULL},   {"Fujimoto Giken", NULL}, {"Yamada Precision", NULL},
    {"Okada Kasei", NULL}, {"Morita Kogyo", NULL},
};
const struct gen_brand gen_brands_cn[] = {
    {"Hengtai", NULL}, {"Jinlong", NULL},   {"Xinda", NULL},   {"Huafeng", NULL},
    {"Tianyi", NULL},  {"Yongsheng", NULL}, {"Minghua", NULL}, {"Dali", NULL},
};
const struct gen_brand gen_brands_west[] = {
    {"Northbridge", NULL}, {"Bluewater", NULL}, {"Apex", NULL},     {"Summit", NULL},
    {"Riverside", NULL},   {"Keystone", NULL},  {"Meridian", NULL}, {"Lighthouse", NULL},
    {"Crestline", NULL},   {"Evergreen", NULL},
};
const size_t gen_nbrands_kr = N(gen_brands_kr);
const size_t gen_nbrands_jp = N(gen_brands_jp);
const size_t gen_nbrands_cn = N(gen_brands_cn);
const size_t gen_nbrands_west = N(gen_brands_west);

const struct gen_country gen_countries[] = {
    {"KR", "Hàn Quốc", "Korea", 40},     {"JP", "Nhật Bản", "Japan", 15},
    {"CN", "Trung Quốc", "China", 12},   {"TW", "Đài Loan", "Taiwan", 10},
    {"SG", "Singapore", "Singapore", 6}, {"US", "Hoa Kỳ", "United States", 5},
    {"DE", "Đức", "Germany", 4},         {"TH", "Thái Lan", "Thailand", 4},
    {"HK", "Hồng Kông", "Hong Kong", 4},
};
const size_t gen_ncountries = N(gen_countries);

/* The names after the reorganisation of 2025. */
const struct gen_dept gen_depts[] = {
    {"ez-board", "Ban Quản lý Khu kinh tế", "Economic Zone Management Board", "경제구역관리위원회",
     0},
    {"finance", "Sở Tài chính", "Department of Finance", "재정국", 0},
    {"agri-env", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment",
     "농업환경국", 1},
    {"construction", "Sở Xây dựng", "Department of Construction", "건설국", 0},
    {"industry-trade", "Sở Công Thương", "Department of Industry and Trade", "산업통상국", 0},
    {"science-tech", "Sở Khoa học và Công nghệ", "Department of Science and Technology",
     "과학기술국", 0},
    {"home-affairs", "Sở Nội vụ", "Department of Home Affairs", "내무국", 0},
    {"police", "Công an tỉnh", "Provincial Police", "성 공안", 0},
};
const size_t gen_ndepts = N(gen_depts);

const struct gen_metric gen_metrics[] = {
    {"zones_operating_count", "Số KCN đang hoạt động", "Operating industrial parks",
     "운영 중인 산업단지 수", "count", 0, 0, 5, 40, 1.5},
    {"zones_industrial_ha", "Diện tích đất công nghiệp", "Industrial land area", "산업용지 면적",
     "ha", 0, 0, 1000, 10000, 1.35},
    {"ccn_infra_complete_pct", "Tỷ lệ CCN hoàn thiện hạ tầng",
     "Clusters with complete infrastructure", "기반시설 완비 산업클러스터 비율", "%", 0, 0, 30, 70,
     0},
    {"occupancy_pct", "Tỷ lệ lấp đầy KCN", "Industrial park occupancy", "산업단지 입주율", "%", 0,
     0, 50, 80, 0},
    {"local_supply_share_pct", "Tỷ lệ đáp ứng nhu cầu trong nước của công nghiệp hỗ trợ",
     "Domestic demand met by supporting industry", "지원산업의 국내 수요 충족률", "%", 1, 0, 35, 55,
     0},
    {"fdi_capital_usd_m", "Vốn FDI đăng ký lũy kế", "Cumulative registered FDI capital",
     "누적 FDI 등록 자본", "USD m", 1, 0, 2000, 15000, 1.6},
    {"dossier_overdue_pct", "Tỷ lệ hồ sơ trễ hạn", "Dossiers answered late", "기한 초과 처리 비율",
     "%", 1, 1, 8, 25, 0},
    {"supplier_count", "Số doanh nghiệp công nghiệp hỗ trợ", "Supporting-industry suppliers",
     "지원산업 협력업체 수", "count", 1, 0, 80, 600, 1.8},
};
const size_t gen_nmetrics = N(gen_metrics);

const struct gen_partner gen_partners[] = {
    {"chungnam-tp", "Chungnam Techno Park", "Chungnam Techno Park", "충남테크노파크", "KR",
     "agency", "2019-05-16"},
    {"jeju", "Tỉnh tự trị đặc biệt Jeju", "Jeju Special Self-Governing Province", "제주특별자치도",
     "KR", "government", "2018-11-02"},
    {"seogwipo", "Thành phố Seogwipo", "Seogwipo City", "서귀포시", "KR", "government",
     "2019-09-24"},
    {"kotra-hcmc", "KOTRA TP. Hồ Chí Minh", "KOTRA Ho Chi Minh City", "코트라 호치민 무역관", "KR",
     "agency", "2016-03-10"},
    {"kbiz", "Liên đoàn Doanh nghiệp vừa và nhỏ Hàn Quốc", "Korea Federation of SMEs",
     "중소기업중앙회", "KR", "association", "2020-07-01"},
    {"jetro-hcmc", "JETRO TP. Hồ Chí Minh", "JETRO Ho Chi Minh City", "일본무역진흥기구 호치민",
     "JP", "agency", "2017-04-12"},
    {"amcham-vn", "Phòng Thương mại Hoa Kỳ tại Việt Nam", "AmCham Vietnam",
     "주베트남 미국상공회의소", "US", "association", "2018-02-27"},
    {"eurocham-vn", "Phòng Thương mại Châu Âu tại Việt Nam", "EuroCham Vietnam",
     "주베트남 유럽상공회의소", "DE", "association", "2018-06-05"},
    {"korcham-vn", "Hiệp hội Doanh nghiệp Hàn Quốc tại Việt Nam", "KORCHAM Vietnam",
     "베트남 한인상공인연합회", "KR", "association", "2015-10-20"},
    {"gyeonggi-bc", "Trung tâm Kinh doanh Gyeonggi", "Gyeonggi Business Center", "경기비즈니스센터",
     "KR", "agency", "2021-03-15"},
};
const size_t gen_npartners = N(gen_partners);

const struct gen_place gen_ports[] = {
    {10.758, 106.787}, /* Cát Lái */
    {10.620, 106.750}, /* Hiệp Phước */
    {10.470, 106.720}, /* Long An */
    {10.530, 107.030}, /* Cái Mép – Thị Vải */
    {20.860, 106.750}, /* Hải Phòng */
    {20.960, 107.040}, /* Cái Lân */
    {19.300, 105.800}, /* Nghi Sơn */
    {18.100, 106.400}, /* Vũng Áng */
    {16.120, 108.220}, /* Tiên Sa */
    {15.400, 108.800}, /* Dung Quất */
    {13.770, 109.240}, /* Quy Nhơn */
    {11.900, 109.200}, /* Cam Ranh */
    {10.000, 105.830}, /* Cái Cui */
};
const size_t gen_nports = N(gen_ports);

const char *const gen_certifications[] = {"iso9001",  "iso14001", "iatf16949", "iso45001",
                                          "iso13485", "ul",       "rohs",      "fsc"};
const size_t gen_ncertifications = N(gen_certifications);

const struct gen_brand gen_cities_kr[] = {
    {"Seoul", "서울"},   {"Busan", "부산"},   {"Changwon", "창원"}, {"Daejeon", "대전"},
    {"Cheonan", "천안"}, {"Incheon", "인천"}, {"Jeju", "제주"},     {"Ulsan", "울산"},
};
const size_t gen_ncities_kr = N(gen_cities_kr);

const char *const gen_family_kr[] = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"};
const size_t gen_nfamily_kr = N(gen_family_kr);
const char *const gen_given_kr[] = {"Min-jun",   "Seo-yeon", "Ji-hoon", "Ha-eun",
                                    "Dong-hyun", "Su-bin",   "Jae-won", "Eun-ji"};
const size_t gen_ngiven_kr = N(gen_given_kr);
