/* SPDX-License-Identifier: MIT */
/*
 * The script of the demonstration data set (see app_demo_int.h): eight
 * made-up enterprises, FDI from Korea and Japan and domestic, in real
 * zones of the default data; their projects; and 24 dossiers that between
 * them reach every stage of the workflow. Every name says it is made up;
 * tax codes begin 99990, which no tax office issues. Days are working days
 * before today, so the dossiers still open look current whatever the day.
 */
#include "app/app_demo.h"
#include "app/app_demo_int.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* the enterprises, by index */
enum { HAN_VIET, SAKURA, HANBIT, FUJI, AN_PHAT, BINH_MINH, PHU_THINH, TAN_HUNG };

const struct demo_enterprise demo_enterprises[] = {
    [HAN_VIET] = {"9999000011", "Công ty TNHH Mẫu Hàn Việt (dữ liệu minh hoạ)",
                  "Han Viet Demo Co., Ltd. (demonstration data)", "KR", "fdi", "kcn-long-hau", NULL,
                  "2930", "Linh kiện ô tô (dữ liệu minh hoạ)", 420, 2019},
    [SAKURA] = {"9999000022", "Công ty TNHH Mẫu Sakura Long An (dữ liệu minh hoạ)",
                "Sakura Long An Demo Co., Ltd. (demonstration data)", "JP", "fdi", "kcn-xuyen-a",
                NULL, "2732", "Dây và cáp điện (dữ liệu minh hoạ)", 310, 2017},
    [HANBIT] = {"9999000033", "Công ty TNHH Mẫu Hanbit Vina (dữ liệu minh hoạ)",
                "Hanbit Vina Demo Co., Ltd. (demonstration data)", "KR", "fdi", "kcn-tan-duc", NULL,
                "2220", "Bao bì nhựa (dữ liệu minh hoạ)", 180, 2021},
    [FUJI] = {"9999000044", "Công ty TNHH Mẫu Fuji Seimitsu (dữ liệu minh hoạ)",
              "Fuji Seimitsu Demo Co., Ltd. (demonstration data)", "JP", "fdi", "kcn-hai-son", NULL,
              "2592", "Chi tiết kim loại gia công chính xác (dữ liệu minh hoạ)", 260, 2018},
    [AN_PHAT] = {"9999000055", "Công ty TNHH Mẫu An Phát (dữ liệu minh hoạ)",
                 "An Phat Demo Co. (demonstration data)", "VN", "domestic", "ccn-lien-hung", NULL,
                 "3100", "Đồ gỗ nội thất (dữ liệu minh hoạ)", 95, 2015},
    [BINH_MINH] = {"9999000066", "Công ty Cổ phần Mẫu Bình Minh (dữ liệu minh hoạ)",
                   "Binh Minh Demo JSC (demonstration data)", "VN", "domestic", "kcn-thuan-dao",
                   NULL, "1079", "Thực phẩm chế biến (dữ liệu minh hoạ)", 150, 2012},
    [PHU_THINH] = {"9999000077", "Công ty TNHH Mẫu Phú Thịnh (dữ liệu minh hoạ)",
                   "Phu Thinh Demo Co. (demonstration data)", "VN", "domestic", NULL, "806", "1311",
                   "Sợi (dữ liệu minh hoạ)", 70, 2016},
    [TAN_HUNG] = {"9999000088", "Công ty TNHH Mẫu Tân Hưng (dữ liệu minh hoạ)",
                  "Tan Hung Demo Co. (demonstration data)", "VN", "domestic", "ccn-kien-thanh",
                  NULL, "2511", "Kết cấu thép (dữ liệu minh hoạ)", 120, 2014},
};
const size_t demo_nenterprises = N(demo_enterprises);

/* the projects, by index */
enum {
    HV_PLANT,
    HV_PRESS,
    HV_STORE,
    HV_PAINT,
    SK_CABLE,
    SK_COPPER,
    HB_FILM,
    HB_PRINT,
    FJ_MOULD,
    FJ_TOOL,
    AP_FURNITURE,
    AP_VENEER,
    AP_SHED,
    BM_SNACK,
    BM_FROZEN,
    PT_YARN,
    TH_STEEL,
    TH_WORKSHOP
};

#define P(code, name, ent, zone, unit, vsic, usd, ha, jobs)                                        \
    {                                                                                              \
        "prj-demo-" code, name " (dữ liệu minh hoạ)", ent, zone, unit, vsic, usd, ha, jobs         \
    }

const struct demo_project demo_projects[] = {
    [HV_PLANT] = P("han-viet-1", "Nhà máy linh kiện ô tô Hàn Việt giai đoạn 2", HAN_VIET,
                   "kcn-long-hau", NULL, "2930", 25e6, 4.5, 380),
    [HV_PRESS] = P("han-viet-2", "Dây chuyền dập khung xe Hàn Việt", HAN_VIET, "kcn-long-hau", NULL,
                   "2930", 8e6, 1.2, 90),
    [HV_STORE] = P("han-viet-3", "Kho thành phẩm Hàn Việt", HAN_VIET, "kcn-long-hau", NULL, "5210",
                   3e6, 0.8, 20),
    [HV_PAINT] = P("han-viet-4", "Xưởng sơn tĩnh điện Hàn Việt", HAN_VIET, "kcn-long-hau", NULL,
                   "2592", 4e6, 0.6, 35),
    [SK_CABLE] = P("sakura-1", "Nhà máy cáp điện Sakura mở rộng", SAKURA, "kcn-xuyen-a", NULL,
                   "2732", 18e6, 3.0, 240),
    [SK_COPPER] = P("sakura-2", "Xưởng kéo dây đồng Sakura", SAKURA, "kcn-xuyen-a", NULL, "2420",
                    6e6, 1.0, 60),
    [HB_FILM] = P("hanbit-1", "Nhà máy màng nhựa Hanbit", HANBIT, "kcn-tan-duc", NULL, "2220", 12e6,
                  2.2, 150),
    [HB_PRINT] = P("hanbit-2", "Xưởng in bao bì Hanbit", HANBIT, "kcn-tan-duc", NULL, "1811", 2.5e6,
                   0.5, 40),
    [FJ_MOULD] = P("fuji-1", "Nhà máy khuôn mẫu chính xác Fuji", FUJI, "kcn-hai-son", NULL, "2593",
                   15e6, 2.8, 200),
    [FJ_TOOL] = P("fuji-2", "Trung tâm bảo trì dụng cụ Fuji", FUJI, "kcn-hai-son", NULL, "3312",
                  1.5e6, 0.3, 25),
    [AP_FURNITURE] = P("an-phat-1", "Xưởng đồ gỗ nội thất An Phát", AN_PHAT, "ccn-lien-hung", NULL,
                       "3100", 2e6, 1.5, 80),
    [AP_VENEER] = P("an-phat-2", "Xưởng ván lạng An Phát", AN_PHAT, "ccn-lien-hung", NULL, "1621",
                    1.2e6, 0.9, 45),
    [AP_SHED] = P("an-phat-3", "Nhà xưởng sấy gỗ An Phát", AN_PHAT, "ccn-lien-hung", NULL, "1610",
                  0.8e6, 0.6, 15),
    [BM_SNACK] = P("binh-minh-1", "Nhà máy bánh snack Bình Minh", BINH_MINH, "kcn-thuan-dao", NULL,
                   "1079", 5e6, 1.6, 140),
    [BM_FROZEN] = P("binh-minh-2", "Kho lạnh thực phẩm Bình Minh", BINH_MINH, "kcn-thuan-dao", NULL,
                    "5210", 3e6, 1.0, 30),
    [PT_YARN] =
        P("phu-thinh-1", "Nhà máy sợi Phú Thịnh", PHU_THINH, NULL, "806", "1311", 4e6, 3.5, 110),
    [TH_STEEL] = P("tan-hung-1", "Xưởng kết cấu thép Tân Hưng", TAN_HUNG, "ccn-kien-thanh", NULL,
                   "2511", 2.2e6, 1.4, 60),
    [TH_WORKSHOP] = P("tan-hung-2", "Nhà xưởng gia công Tân Hưng", TAN_HUNG, "ccn-kien-thanh", NULL,
                      "2511", 1.0e6, 0.7, 25),
};
const size_t demo_nprojects = N(demo_projects);

/* the words of the acts */
#define FORM         "don-de-nghi-minh-hoa.pdf"
#define OPINION_DOC  "van-ban-gop-y-minh-hoa.pdf"
#define MISSING      "Thiếu báo cáo tài chính hai năm gần nhất và văn bản chứng minh năng lực tài chính."
#define MISSING_PLAN "Thiếu bản vẽ tổng mặt bằng và thuyết minh dây chuyền công nghệ."
#define ASK_HEIGHT                                                                                 \
    "Đề nghị làm rõ mật độ xây dựng và chiều cao công trình so với quy hoạch chi tiết."
#define ANSWER_HEIGHT "Mật độ xây dựng 55%, chiều cao tối đa 15 m; đã bổ sung bản vẽ tổng mặt bằng."
#define ASK_WATER                                                                                  \
    "Đề nghị bổ sung phương án xử lý nước thải và cam kết đấu nối trạm xử lý tập trung."
#define ASK_ACCESS    "Đề nghị làm rõ đường vào và bãi đỗ xe tải của dự án."
#define COND          "Đồng ý, với điều kiện bảo đảm khoảng lùi công trình theo quy hoạch được duyệt."
#define COND_WASTE    "Đồng ý, với điều kiện lập hồ sơ môi trường trước khi vận hành."
#define DISAGREE      "Không đồng ý: ngành nghề không thuộc danh mục thu hút của khu."
#define DISAGREE_LAND "Không đồng ý: diện tích đất đề nghị vượt nhu cầu của dây chuyền."
#define APPRAISED     "Dự án phù hợp quy hoạch; các sở được hỏi đồng ý; đề nghị chấp thuận."
#define APPRAISED_NO  "Các sở được hỏi không thống nhất; đề nghị không chấp thuận."

#define XD   DEMO_CONSTRUCTION
#define NNMT DEMO_ENVIRONMENT
#define TC   DEMO_FINANCE
#define BQL  DEMO_BOARD

/* the acts, with their working days before today */
/* clang-format off */
#define FILE_(n)            {OP_FILE, n}
#define UPLOAD(n)           {OP_UPLOAD, n, NULL, NULL, FORM}
#define DEPT_UPLOAD(n, d)   {OP_UPLOAD, n, NULL, d, OPINION_DOC}
#define RETURN(n, t)        {OP_RETURN, n, NULL, NULL, t}
#define RESUBMIT(n)         {OP_RESUBMIT, n}
#define ACCEPT(n)           {OP_ACCEPT, n}
#define ASK(n, d, t)        {OP_ASK, n, NULL, d, t}
#define ANSWER(n, t)        {OP_ANSWER, n, NULL, NULL, t}
#define OPINION(n, d, c, t) {OP_OPINION, n, NULL, d, t, c}
#define APPRAISE(n, t)      {OP_APPRAISE, n, NULL, NULL, t}
#define DECIDE(n, c, no)    {OP_DECIDE, n, NULL, NULL, NULL, c, no}
#define WITHDRAW(n)         {OP_WITHDRAW, n}
/* clang-format on */

const struct demo_dossier demo_dossiers[] = {
    /* received, just filed */
    {HV_PLANT, "policy_approval", {NULL}, {FILE_(1), UPLOAD(1)}},
    /* decided: approved with its certificate, a department's opinion with its document */
    {HV_PRESS,
     "irc_issue",
     {XD, NNMT},
     {FILE_(70), UPLOAD(70), ACCEPT(68), DEPT_UPLOAD(61, XD), OPINION(60, XD, "agree", NULL),
      OPINION(58, NNMT, "agree_with_conditions", COND_WASTE), APPRAISE(55, APPRAISED),
      DECIDE(50, "approved", "DEMO-2026-0001")}},
    /* consulting: the department's question stops its clock */
    {HV_STORE,
     "construction_permit",
     {XD},
     {FILE_(9), UPLOAD(9), ACCEPT(7), ASK(4, XD, ASK_HEIGHT)}},
    /* returned to the investor */
    {HV_PAINT, "env_permit", {NULL}, {FILE_(12), RETURN(10, MISSING_PLAN)}},
    /* consulting: one department answered, the other overdue */
    {HV_PRESS, "irc_adjust", {XD, TC}, {FILE_(20), ACCEPT(18), OPINION(12, TC, "agree", NULL)}},
    /* withdrawn while consulted on: the consultation closes */
    {HV_STORE, "land_lease", {XD}, {FILE_(15), ACCEPT(13), WITHDRAW(10)}},
    /* decided, approved: its clocks run across Tết 2026 (16-20 February) */
    {SK_CABLE,
     "policy_approval",
     {XD, NNMT},
     {{OP_FILE, 0, "2026-02-02"},
      {OP_UPLOAD, 0, "2026-02-02", NULL, FORM},
      {OP_ACCEPT, 0, "2026-02-05"},
      {OP_OPINION, 0, "2026-02-12", NNMT, NULL, "agree"},
      {OP_OPINION, 0, "2026-02-25", XD, COND, "agree_with_conditions"},
      {OP_APPRAISE, 0, "2026-03-03", NULL, APPRAISED},
      {OP_DECIDE, 0, "2026-03-09", NULL, NULL, "approved", "DEMO-2026-0007"}}},
    /* consulting, in time: one opinion in, one still due */
    {SK_CABLE,
     "irc_issue",
     {XD, NNMT},
     {FILE_(5), UPLOAD(5), ACCEPT(3), OPINION(1, NNMT, "agree", NULL)}},
    /* decided: rejected */
    {SK_COPPER,
     "irc_issue",
     {XD, NNMT},
     {FILE_(42), ACCEPT(40), OPINION(32, XD, "disagree", DISAGREE_LAND),
      OPINION(31, NNMT, "agree_with_conditions", COND_WASTE), APPRAISE(26, APPRAISED_NO),
      DECIDE(22, "rejected", NULL)}},
    /* appraised: every opinion in */
    {HB_FILM,
     "policy_approval",
     {XD, NNMT, TC},
     {FILE_(25), UPLOAD(25), ACCEPT(23), OPINION(18, XD, "agree", NULL),
      OPINION(16, NNMT, "agree_with_conditions", COND_WASTE), OPINION(15, TC, "agree", NULL),
      APPRAISE(4, APPRAISED)}},
    /* consulting: the officer's question stops the dossier's clock */
    {HB_FILM, "env_permit", {NNMT}, {FILE_(8), ACCEPT(6), ASK(3, NULL, ASK_WATER)}},
    /* returned, filed again, then approved */
    {HB_PRINT,
     "irc_issue",
     {XD},
     {FILE_(48), RETURN(46, MISSING), RESUBMIT(42), ACCEPT(40), DEPT_UPLOAD(33, XD),
      OPINION(33, XD, "agree", NULL), APPRAISE(28, APPRAISED),
      DECIDE(24, "approved", "DEMO-2026-0012")}},
    /* consulting: a question answered, the department's clock running again */
    {FJ_MOULD,
     "policy_approval",
     {XD, NNMT},
     {FILE_(20), UPLOAD(20), ACCEPT(18), ASK(12, XD, ASK_HEIGHT), OPINION(10, NNMT, "agree", NULL),
      ANSWER(4, ANSWER_HEIGHT)}},
    /* received */
    {FJ_TOOL, "irc_issue", {NULL}, {FILE_(3), UPLOAD(3)}},
    /* returned, then filed again: received */
    {FJ_MOULD, "land_lease", {NULL}, {FILE_(10), RETURN(8, MISSING), RESUBMIT(2)}},
    /* consulting: the board overdue (outside the parks, received by the Department of Finance) */
    {AP_FURNITURE,
     "policy_approval",
     {XD, BQL},
     {FILE_(24), ACCEPT(22), OPINION(14, XD, "agree", NULL)}},
    /* consulting, in time: the board's question stops its clock */
    {AP_VENEER, "irc_issue", {BQL, NNMT}, {FILE_(6), ACCEPT(4), ASK(2, BQL, ASK_ACCESS)}},
    /* decided: approved */
    {AP_SHED,
     "construction_permit",
     {XD},
     {FILE_(36), ACCEPT(34), OPINION(27, XD, "agree", NULL), APPRAISE(20, APPRAISED),
      DECIDE(16, "approved", "DEMO-2026-0018")}},
    /* decided: rejected */
    {BM_SNACK,
     "irc_issue",
     {XD, TC},
     {FILE_(30), ACCEPT(28), OPINION(20, XD, "agree", NULL), OPINION(19, TC, "disagree", DISAGREE),
      APPRAISE(10, APPRAISED_NO), DECIDE(5, "rejected", NULL)}},
    /* withdrawn before it was accepted */
    {BM_FROZEN, "policy_approval", {NULL}, {FILE_(7), WITHDRAW(5)}},
    /* consulting: two opinions in, the Department of Construction overdue */
    {PT_YARN,
     "policy_approval",
     {XD, NNMT, BQL},
     {FILE_(14), ACCEPT(12), OPINION(8, NNMT, "agree", NULL), OPINION(5, BQL, "agree", NULL)}},
    /* received */
    {PT_YARN, "env_permit", {NULL}, {FILE_(2), UPLOAD(2)}},
    /* returned */
    {TH_STEEL, "irc_issue", {NULL}, {FILE_(16), RETURN(14, MISSING)}},
    /* appraised */
    {TH_WORKSHOP,
     "construction_permit",
     {XD},
     {FILE_(24), ACCEPT(22), OPINION(16, XD, "agree_with_conditions", COND),
      APPRAISE(8, APPRAISED)}},
};
const size_t demo_ndossiers = N(demo_dossiers);

/* One account per role; the investor's is Hàn Việt's, the department's the
 * one consulted on most dossiers, the board's the receiving board's. */
const struct app_demo_account app_demo_accounts[] = {
    {"demo-admin", "admin", NULL},
    {"demo-officer", "officer", NULL},
    {"demo-viewer", "viewer", NULL},
    {"demo-investor", "investor", "9999000011"},
    {"demo-department", "department", DEMO_CONSTRUCTION},
    {"demo-board", "department", DEMO_BOARD},
    {"demo-supplier", "supplier", "9999000101"},
    {NULL, NULL, NULL},
};
