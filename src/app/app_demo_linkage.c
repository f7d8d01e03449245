/* SPDX-License-Identifier: MIT */
/*
 * The linkage desk's part of the demonstration data set (see app_demo.h):
 * six made-up suppliers in Long An with their profiles (processes at a
 * level, certificates, one lapsed and one undated, contacts at .example
 * addresses), five demands of the demonstration's FDI enterprises, and
 * seven matches played through the pipeline (app_match.h) on working days
 * before today to every stage: proposed, interest, meeting, declined,
 * closed, and two contracts, one with a Korean-owned supplier located in
 * the province, so that the local supply share by location and by
 * ownership differ. Every name says it is made up; tax codes begin 99990.
 */
#include <stdio.h>
#include <string.h>

#include "app/app_demo_int.h"
#include "app/app_edit.h"
#include "app/app_match.h"
#include "core/num.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct demo_supplier {
    const char *tax_code, *name, *name_en, *country, *ownership, *unit, *vsic, *products;
    const char *equipment, *capacity_month;
    const char *caps;        /* "process:level ..." */
    const char *certs;       /* "standard:from:to ..." (from or to may be empty) */
    const char *tokens_only; /* certificates listed with no dates: "iso14001" */
};

static const struct demo_supplier suppliers[] = {
    {"9999000101", "Công ty TNHH Mẫu Nhựa Đức Hòa (dữ liệu minh hoạ)",
     "Duc Hoa Plastics Demo Co. (demonstration data)", "VN", "domestic", "802", "2220",
     "Linh kiện nhựa ép phun (dữ liệu minh hoạ)", "18 máy ép nhựa 80-450 tấn", "60000",
     "injection-molding:audited printing:in_volume",
     "iso9001:2024-03-01:2027-02-28 iatf16949:2023-01-01:2025-12-31", NULL},
    {"9999000102", "Công ty TNHH Mẫu Cơ khí Bến Lức (dữ liệu minh hoạ)",
     "Ben Luc Mechanical Demo Co. (demonstration data)", "VN", "domestic", "803", "2592",
     "Chi tiết dập và gia công (dữ liệu minh hoạ)", "12 máy dập, 8 trung tâm CNC", "40000",
     "cnc-machining:in_volume stamping:audited welding:can_do",
     "iso9001:2024-01-15:2027-01-14 iatf16949:2025-06-01:2028-05-31", NULL},
    {"9999000103", "Công ty TNHH Mẫu Điện Tân An (dữ liệu minh hoạ)",
     "Tan An Electric Demo Co. (demonstration data)", "VN", "domestic", "794", "2732",
     "Bó dây điện (dữ liệu minh hoạ)", "6 dây chuyền lắp ráp bó dây", "30000",
     "wire-harness:in_volume assembly:can_do", "iso9001:2024-05-01:2027-04-30", "iso14001"},
    {"9999000104", "Công ty TNHH Mẫu Hanyang Precision Vina (dữ liệu minh hoạ)",
     "Hanyang Precision Vina Demo Co. (demonstration data)", "KR", "fdi", "807", "2592",
     "Chi tiết gia công chính xác (dữ liệu minh hoạ)", "20 trung tâm CNC 5 trục", "25000",
     "cnc-machining:audited heat-treatment:in_volume", "iatf16949:2025-02-01:2028-01-31", NULL},
    {"9999000105", "Công ty TNHH MTV Mẫu Kim loại Thủ Thừa (dữ liệu minh hoạ)",
     "Thu Thua Metal Demo One Member Co. (demonstration data)", "VN", "state", "804", "2599",
     "Chi tiết đúc và sơn (dữ liệu minh hoạ)", NULL, NULL, "die-casting:can_do painting:in_volume",
     "", NULL},
    {"9999000106", "Công ty TNHH Mẫu Bao bì Cần Đước (dữ liệu minh hoạ)",
     "Can Duoc Packaging Demo Co. (demonstration data)", "VN", "domestic", "806", "1702",
     "Thùng carton in (dữ liệu minh hoạ)", "3 dây chuyền in offset", "200000",
     "printing:in_volume die-cutting:can_do", "iso9001:2023-09-01:2026-08-31", NULL},
};

struct demo_demand {
    const char *code;
    int buyer; /* index in demo_enterprises */
    const char *title, *vsic, *caps, *certs, *annual_usd, *volume, *max_km;
    int posted_back, needed_in; /* working days before today; days after today */
};

/* the buyers: the demonstration's FDI enterprises */
enum { HAN_VIET, SAKURA, HANBIT, FUJI };

static const struct demo_demand demands[] = {
    {"NC-DEMO-01", HANBIT, "Nắp và vỏ nhựa ép phun (dữ liệu minh hoạ)", "2220", "injection-molding",
     "iso9001", "240000", "400000", "80", 40, 120},
    {"NC-DEMO-02", HAN_VIET, "Giá đỡ thép dập (dữ liệu minh hoạ)", "2592", "stamping cnc-machining",
     "iatf16949", "500000", "120000", "100", 35, 150},
    {"NC-DEMO-03", SAKURA, "Bó dây điện cho máy lạnh (dữ liệu minh hoạ)", "2732", "wire-harness",
     "iso9001", "180000", "50000", NULL, 30, 90},
    {"NC-DEMO-04", FUJI, "Chi tiết gia công CNC nhiệt luyện (dữ liệu minh hoạ)", "2592",
     "cnc-machining heat-treatment", "iatf16949", "320000", "60000", "120", 20, 200},
    {"NC-DEMO-05", HANBIT, "Thùng carton in (dữ liệu minh hoạ)", "1702", "printing", NULL, "60000",
     "300000", NULL, 10, 60},
};

struct demo_match_step {
    enum match_act act;
    int back;       /* working days before today; -1 ends the steps */
    int as_officer; /* 1: an officer acts for the party */
    const char *note;
};

struct demo_match {
    int demand, supplier;
    struct demo_match_step steps[5];
    const char *place; /* meet: NULL online */
    const char *usd;   /* contract */
    int since_back;    /* contract: began this many working days before today */
};

static const struct demo_match matches[] = {
    {0,
     0,
     {{MATCH_ACT_PROPOSE, 38, 1, "Xin báo giá 400.000 nắp mỗi năm (dữ liệu minh hoạ)."},
      {MATCH_ACT_ACCEPT, 36, 0, NULL},
      {MATCH_ACT_MEET, 33, 0, "Mẫu đạt; thống nhất giá (dữ liệu minh hoạ)."},
      {MATCH_ACT_CONTRACT, 30, 1, NULL},
      {0, -1, 0, NULL}},
     "KCN Tân Đức",
     "150000",
     28},
    {1,
     1,
     {{MATCH_ACT_PROPOSE, 33, 0, "Cần 120.000 giá đỡ mỗi năm (dữ liệu minh hoạ)."},
      {MATCH_ACT_ACCEPT, 31, 0, NULL},
      {MATCH_ACT_MEET, 25, 0, "Thăm xưởng; chờ mẫu thử (dữ liệu minh hoạ)."},
      {0, -1, 0, NULL}},
     NULL,
     NULL,
     0},
    {3,
     3,
     {{MATCH_ACT_PROPOSE, 18, 1, "Cần 60.000 chi tiết nhiệt luyện mỗi năm (dữ liệu minh hoạ)."},
      {MATCH_ACT_ACCEPT, 16, 0, NULL},
      {MATCH_ACT_CONTRACT, 12, 1, NULL},
      {0, -1, 0, NULL}},
     NULL,
     "200000",
     10},
    {2,
     2,
     {{MATCH_ACT_PROPOSE, 28, 1, "Bó dây cho 50.000 máy lạnh (dữ liệu minh hoạ)."},
      {0, -1, 0, NULL}},
     NULL,
     NULL,
     0},
    {1, 4, {{MATCH_ACT_PROPOSE, 15, 1, NULL}, {0, -1, 0, NULL}}, NULL, NULL, 0},
    {3,
     4,
     {{MATCH_ACT_PROPOSE, 15, 1, "Gia công và nhiệt luyện (dữ liệu minh hoạ)."},
      {MATCH_ACT_DECLINE, 12, 0, "Chưa có lò nhiệt luyện (dữ liệu minh hoạ)."},
      {0, -1, 0, NULL}},
     NULL,
     NULL,
     0},
    {0,
     5,
     {{MATCH_ACT_PROPOSE, 35, 1, NULL}, {MATCH_ACT_CLOSE, 30, 1, NULL}, {0, -1, 0, NULL}},
     NULL,
     NULL,
     0},
};

static struct app_edit_field field(const char *name, const char *text)
{
    struct app_edit_field f = {name, text, text ? strlen(text) : 0};

    return f;
}

/* ===== the suppliers ===== */

static enum khu_err put_supplier(struct demo *g, const struct demo_supplier *x, int32_t on)
{
    char caps[2048] = "", certs[2048] = "", cap_rows[8][2][64], cert_rows[8][3][16], contact[96];
    const char *p;
    int ncaps = 0, ncerts = 0, i;
    enum khu_err err;

    for (p = x->caps; *p && ncaps < 8; ncaps++) {
        size_t n = strcspn(p, " "), k = strcspn(p, ":");
        snprintf(cap_rows[ncaps][0], 64, "%.*s", (int)k, p);
        snprintf(cap_rows[ncaps][1], 64, "%.*s", (int)(n - k - 1), p + k + 1);
        snprintf(caps + strlen(caps), sizeof(caps) - strlen(caps), "%s%s", caps[0] ? " " : "",
                 cap_rows[ncaps][0]);
        p += n + (p[n] == ' ');
    }
    for (p = x->certs; *p && ncerts < 8; ncerts++) {
        size_t n = strcspn(p, " ");
        const char *q = p;
        int part;
        for (part = 0; part < 3; part++) { /* standard:from:to */
            size_t len = strcspn(q, ": ");
            snprintf(cert_rows[ncerts][part], sizeof(cert_rows[0][0]), "%.*s", (int)len, q);
            q += len + (q[len] == ':');
        }
        snprintf(certs + strlen(certs), sizeof(certs) - strlen(certs), "%s%s", certs[0] ? " " : "",
                 cert_rows[ncerts][0]);
        p += n + (p[n] == ' ');
    }
    if (x->tokens_only)
        snprintf(certs + strlen(certs), sizeof(certs) - strlen(certs), "%s%s", certs[0] ? " " : "",
                 x->tokens_only);
    {
        const struct app_edit_field f[] = {
            field("tax_code", x->tax_code),
            field("name", x->name),
            field("name_en", x->name_en),
            field("country", x->country),
            field("ownership", x->ownership),
            field("unit_code", x->unit),
            field("vsic", x->vsic),
            field("products", x->products),
            field("capabilities", caps),
            field("certifications", certs),
            field("supplier", "1"),
            field("equipment", x->equipment),
            field("capacity_month", x->capacity_month),
            field("capacity_unit", x->capacity_month ? "pieces" : NULL),
            field("languages", "vi en"),
            field("source", DEMO_CITE),
        };
        err = demo_put(g, APP_DEMO_SOURCE, "enterprises", NULL, f, N(f), 1, on);
    }
    for (i = 0; !err && i < ncaps; i++) {
        const struct app_edit_field f[] = {
            field("tax_code", x->tax_code), field("process", cap_rows[i][0]),
            field("level", cap_rows[i][1]), field("source", DEMO_CITE)};
        err = demo_put(g, APP_DEMO_SOURCE, "capabilities", NULL, f, N(f), 1, on);
    }
    for (i = 0; !err && i < ncerts; i++) {
        char number[32];
        snprintf(number, sizeof(number), "DEMO-%s-%d", x->tax_code + 6, i + 1);
        {
            const struct app_edit_field f[] = {
                field("tax_code", x->tax_code),
                field("standard", cert_rows[i][0]),
                field("number", number),
                field("issuer", "Tổ chức chứng nhận mẫu (dữ liệu minh hoạ)"),
                field("valid_from", cert_rows[i][1][0] ? cert_rows[i][1] : NULL),
                field("valid_to", cert_rows[i][2][0] ? cert_rows[i][2] : NULL),
                field("source", DEMO_CITE)};
            err = demo_put(g, APP_DEMO_SOURCE, "certifications", NULL, f, N(f), 1, on);
        }
    }
    snprintf(contact, sizeof(contact), "sales-%s@supplier.example", x->tax_code);
    if (!err) {
        const struct app_edit_field f[] = {
            field("tax_code", x->tax_code),
            field("name", "Phòng kinh doanh (dữ liệu minh hoạ)"),
            field("email", contact),
            field("phone", "+84 272 000 0000"),
        };
        err = demo_put(g, APP_DEMO_SOURCE, "supplier_contacts", NULL, f, N(f), 1, on);
    }
    return err ? demo_failed(g, err, x->tax_code) : KHU_OK;
}

/* ===== the demands ===== */

static enum khu_err put_demand(struct demo *g, const struct demo_demand *x)
{
    int32_t posted = demo_back(g, x->posted_back);
    char posted_on[11], needed_by[11];
    const struct demo_enterprise *buyer = &demo_enterprises[x->buyer];
    enum khu_err err;

    format_date(posted, posted_on);
    format_date(demo_back(g, 0) + x->needed_in, needed_by);
    {
        const struct app_edit_field f[] = {
            field("code", x->code),
            field("buyer_tax_code", buyer->tax_code),
            field("title", x->title),
            field("vsic", x->vsic),
            field("capabilities", x->caps),
            field("certifications", x->certs),
            field("annual_usd", x->annual_usd),
            field("needed_by", needed_by),
            field("status", "open"),
            field("annual_volume", x->volume),
            field("volume_unit", "pieces"),
            field("max_km", x->max_km),
            field("posted_on", posted_on),
        };
        err = demo_put(g, APP_DEMO_SOURCE, "demands", NULL, f, N(f), 1, posted);
    }
    return err ? demo_failed(g, err, x->code) : KHU_OK;
}

/* ===== the matches ===== */

/* The account of a party: the demonstration's where there is one. */
static void party(struct app_match_who *w, enum role role, const char *tax)
{
    const struct app_demo_account *a;
    const char *role_name = role == ROLE_OFFICER    ? "officer"
                            : role == ROLE_INVESTOR ? "investor"
                                                    : "supplier";

    memset(w, 0, sizeof(*w));
    w->role = role;
    snprintf(w->tax_code, sizeof(w->tax_code), "%s", tax ? tax : "");
    snprintf(w->name, sizeof(w->name), "%s", APP_DEMO_SOURCE);
    for (a = app_demo_accounts; a->name; a++)
        if (!strcmp(a->role, role_name) &&
            (role == ROLE_OFFICER || (a->org && tax && !strcmp(a->org, tax))))
            snprintf(w->name, sizeof(w->name), "%s", a->name);
}

static enum khu_err play_step(struct demo *g, const struct demo_match *m,
                              const struct demo_match_step *st, struct app_demo_result *out)
{
    const struct demo_demand *dm = &demands[m->demand];
    const char *supplier = suppliers[m->supplier].tax_code;
    int buyer_side = st->act != MATCH_ACT_ACCEPT && st->act != MATCH_ACT_DECLINE;
    struct app_match_act a = {.act = st->act, .demand = dm->code, .supplier = supplier};
    struct app_match_result res;
    struct app_match_who who;
    struct store_actor actor;
    char today[11], since[11];
    enum khu_err err;

    if (st->as_officer)
        party(&who, ROLE_OFFICER, NULL);
    else if (buyer_side)
        party(&who, ROLE_INVESTOR, demo_enterprises[dm->buyer].tax_code);
    else
        party(&who, ROLE_SUPPLIER, supplier);
    /* only the buyer that has an account acts as itself; for the others an
     * officer acts on their behalf */
    if (!strcmp(who.name, APP_DEMO_SOURCE) && who.role == ROLE_INVESTOR)
        party(&who, ROLE_OFFICER, NULL);
    format_date(demo_back(g, st->back), today);
    format_date(demo_back(g, m->since_back), since);
    a.today = today;
    a.note = st->note;
    a.with_interest = st->act == MATCH_ACT_PROPOSE && st->note != NULL;
    a.meeting_on = today;
    a.meeting_place = m->place;
    a.meeting_online = m->place == NULL;
    a.annual_usd = m->usd;
    a.since = since;
    store_actor_set(&actor, who.name, "");
    khu_diag_clear(demo_diag(g));
    err = app_match_act(demo_store(g), &actor, &who, &a, &res, demo_diag(g));
    if (err)
        return demo_failed(g, err, dm->code);
    out->contracts += st->act == MATCH_ACT_CONTRACT;
    return KHU_OK;
}

enum khu_err demo_suppliers(struct demo *g, struct app_demo_result *out)
{
    int32_t profiles = demo_back(g, 60);
    enum khu_err err = KHU_OK;
    size_t i;

    for (i = 0; !err && i < N(suppliers); i++)
        if (!(err = put_supplier(g, &suppliers[i], profiles)))
            out->suppliers++;
    return err;
}

enum khu_err demo_linkage(struct demo *g, struct app_demo_result *out)
{
    enum khu_err err = KHU_OK;
    size_t i, k;

    for (i = 0; !err && i < N(demands); i++)
        if (!(err = put_demand(g, &demands[i])))
            out->demands++;
    for (i = 0; !err && i < N(matches); i++) {
        for (k = 0; !err && matches[i].steps[k].back >= 0; k++)
            err = play_step(g, &matches[i], &matches[i].steps[k], out);
        out->matches += !err;
    }
    return err;
}
