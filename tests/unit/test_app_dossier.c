/* SPDX-License-Identifier: MIT */
/*
 * The dossier workflow's use cases (app/app_dossier.h) on a real store,
 * one dossier from filing to decision across the 2026 Tết break: the
 * receiving department found from the project's park, a return for the
 * missing items, the clocks set on acceptance from the time limits in
 * force, a department's question that stops its clock and the answer that
 * restarts it, opinions with their rules, documents checked by their
 * bytes, the appraisal that waits for a department still in time, the
 * decision; who may see and do what; and an audit record for every act,
 * the chain intact.
 */
#include <stdlib.h>
#include <unistd.h>

#include "app/app_dossier.h"
#include "app/app_notify.h"
#include "app/app_users.h"
#include "smtp_sink.h"
#include "sq_single.h"
#include "store/audit.h"
#include "store/import.h"
#include "store/notifications.h"
#include "store/store.h"
#include "rmtree.h"
#include "test.h"

static char dir[] = "/tmp/khu-dossier-XXXXXX";
static const struct store_actor loader = {"cli", ""};
static struct store *s;
static struct app_dossier_who investor, other_investor, officer, construction, finance;
static char code[APP_DOSSIER_CODE_MAX], secret[SECRET_MAX];

static void ignore(void *arg, const char *file, const struct khu_diag *d)
{
    (void)arg;
    (void)file;
    if (d && d->message[0])
        fprintf(stderr, "import: %s\n", d->message);
}

static void load(void)
{
    static const struct {
        const char *table, *csv;
    } files[] = {
        {"units", "code,name_vi,level\ntn,Tỉnh Tây Ninh,province\n"},
        {"departments", "code,name_vi,scope_unit\nbql,Ban Quản lý,tn\nstc,Sở Tài chính,tn\n"
                        "sxd,Sở Xây dựng,tn\n"},
        {"enterprises", "tax_code,name,ownership\n0312345678,Hanil Vina,fdi\n"
                        "0399999999,Other Co,domestic\n"},
        {"zones", "code,kind,name_vi,status\nkcn-a,kcn,KCN A,operating\n"
                  "ccn-b,ccn,CCN B,operating\n"},
        /* a synthetic configuration: the law names no consulted department */
        {"procedure_departments", "procedure,location,department,role\n"
                                  "policy_approval,in_park,bql,receiving\n"
                                  "policy_approval,in_park,sxd,consulted\n"
                                  "policy_approval,outside_park,stc,receiving\n"},
        {"time_limits", "code,procedure,step,days,day_kind,law,valid_from,valid_to\n"
                        "t-total,policy_approval,total,26,working,Test law,2026-01-01,\n"
                        "t-consult,policy_approval,consultation_opinion,7,working,Test "
                        "law,2026-01-01,\n"},
        {"calendar_days", "date,kind,name_vi\n2026-02-16,holiday,Tết\n2026-02-17,holiday,Tết\n"
                          "2026-02-18,holiday,Tết\n2026-02-19,holiday,Tết\n"
                          "2026-02-20,holiday,Tết\n"},
    };
    struct importer *im;
    struct khu_diag d;
    size_t i;

    CHECK_EQ_INT(importer_begin(s, &loader, 0, 0, ignore, NULL, &im, &d), KHU_OK);
    for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        CHECK_EQ_INT(
            importer_add_csv(im, files[i].table, "t.csv", files[i].csv, strlen(files[i].csv)),
            KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
}

static void who(struct app_dossier_who *w, const char *name, enum role role, const char *tax,
                const char *dept)
{
    memset(w, 0, sizeof(*w));
    store_actor_set(&w->actor, name, "192.0.2.7");
    w->role = role;
    snprintf(w->tax_code, sizeof(w->tax_code), "%s", tax ? tax : "");
    snprintf(w->department, sizeof(w->department), "%s", dept ? dept : "");
}

static const char *q(const char *fmt, const char *arg)
{
    static char sql[512], out[4][256];
    static int i;

    i = (i + 1) % 4;
    snprintf(sql, sizeof(sql), fmt, arg);
    return sq_text(s, sql, out[i], sizeof(out[i]));
}

static long long audit_of(const char *table)
{
    char sql[256];

    snprintf(sql, sizeof(sql),
             "SELECT count(*) FROM audit WHERE table_name = '%s' AND row_key LIKE '%s%%'", table,
             code);
    return sq_single(s, sql);
}

static enum khu_err act(const struct app_dossier_who *w, struct app_dossier_act a,
                        const char *today, struct app_dossier_result *out, struct khu_diag *d)
{
    a.code = a.code ? a.code : code;
    a.limit_days = a.limit_days ? a.limit_days : -1; /* 0 here: not set */
    a.consult_days = a.consult_days ? a.consult_days : -1;
    khu_diag_clear(d);
    return app_dossier_do(s, w, &a, today, out, d);
}

/* An act; no limit set by the officer unless .limit_days or .consult_days say. */
#define A(...) ((struct app_dossier_act){__VA_ARGS__})

static void test_filing(void)
{
    struct app_dossier_filing f = {"policy_approval", NULL, "Nhà máy linh kiện", "kcn-a"};
    struct app_dossier_result out;
    struct khu_diag d;
    int ok = 0;

    /* only an investor files, and only for its own projects */
    khu_diag_clear(&d);
    CHECK_EQ_INT(app_dossier_file(s, &officer, &f, "2026-01-26", &out, &d), KHU_EINVAL);
    CHECK_EQ_INT(out.forbidden, 1);
    f.project_name = NULL;
    CHECK_EQ_INT(app_dossier_file(s, &investor, &f, "2026-01-26", &out, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "project_name");
    f.project_name = "Nhà máy linh kiện";
    f.zone_code = "kcn-none";
    CHECK_EQ_INT(app_dossier_file(s, &investor, &f, "2026-01-26", &out, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "zone_code"); /* a zone that does not exist */
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM projects"), 0);
    f.zone_code = "kcn-a";
    f.procedure = "visa";
    CHECK_EQ_INT(app_dossier_file(s, &investor, &f, "2026-01-26", &out, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "procedure");
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM projects"), 0); /* nothing half-written */
    f.procedure = "policy_approval";

    CHECK_EQ_INT(app_dossier_file(s, &investor, &f, "2026-01-26", &out, &d), KHU_OK);
    CHECK(!strncmp(out.code, "hs-20260126-", 12));
    CHECK(!strncmp(out.secret, "khu_ds_", 7));
    CHECK_EQ_STR(out.stage, "received");
    snprintf(code, sizeof(code), "%s", out.code);
    snprintf(secret, sizeof(secret), "%s", out.secret);
    /* in a park: the management board receives it */
    CHECK_EQ_STR(q("SELECT receiving_department FROM dossiers WHERE code = '%s'", code), "bql");
    CHECK_EQ_STR(q("SELECT status FROM dossiers WHERE code = '%s'", code), "received");
    CHECK_EQ_STR(q("SELECT p.investor_tax_code || ' ' || p.zone_code || ' ' || p.status FROM "
                   "dossiers d JOIN projects p ON p.code = d.project_code WHERE d.code = '%s'",
                   code),
                 "0312345678 kcn-a dossier");
    CHECK_EQ_INT(audit_of("dossiers"), 1);
    /* the secret shows the stage; nothing else does, and it is not kept */
    CHECK_EQ_INT(app_dossier_secret_ok(s, code, secret, &ok, &d), KHU_OK);
    CHECK_EQ_INT(ok, 1);
    CHECK_EQ_INT(app_dossier_secret_ok(s, code, "khu_ds_guess", &ok, &d), KHU_OK);
    CHECK_EQ_INT(ok, 0);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM dossier_secrets WHERE hash LIKE '%khu_ds_%'"),
                 0);

    /* another investor may not file for this project; outside a park the
     * Department of Finance receives */
    f.project_code = q("SELECT project_code FROM dossiers WHERE code = '%s'", code);
    CHECK_EQ_INT(app_dossier_file(s, &other_investor, &f, "2026-01-26", &out, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.rule, "not_yours");
    f = (struct app_dossier_filing){"policy_approval", NULL, "Kho", "ccn-b"};
    CHECK_EQ_INT(app_dossier_file(s, &other_investor, &f, "2026-01-27", &out, &d), KHU_OK);
    CHECK_EQ_STR(q("SELECT receiving_department FROM dossiers WHERE code = '%s'", out.code), "stc");
}

static void test_return_and_accept(void)
{
    struct app_dossier_result out;
    struct khu_diag d;

    /* the investor may not accept; another investor does not see it */
    CHECK_EQ_INT(act(&investor, A(.act = DOSSIER_ACCEPT), "2026-02-02", &out, &d), KHU_EINVAL);
    CHECK_EQ_INT(out.forbidden, 1);
    CHECK_EQ_INT(act(&other_investor, A(.act = DOSSIER_WITHDRAW), "2026-02-02", &out, &d),
                 KHU_ENOTFOUND);
    CHECK_EQ_INT(act(&construction, A(.act = DOSSIER_WITHDRAW), "2026-02-02", &out, &d),
                 KHU_ENOTFOUND); /* not consulted yet */
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_ACCEPT, .code = "hs-none"), "2026-02-02", &out, &d),
                 KHU_ENOTFOUND);

    /* returned with what is missing; it cannot be accepted until filed again */
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_RETURN), "2026-02-02", &out, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "missing");
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_RETURN, .text = "Báo cáo tài chính 2 năm gần nhất"),
                     "2026-02-02", &out, &d),
                 KHU_OK);
    CHECK_EQ_STR(out.stage, "returned");
    CHECK_EQ_STR(q("SELECT status || ' ' || returned_on || ' ' || missing FROM dossiers WHERE "
                   "code = '%s'",
                   code),
                 "returned 2026-02-02 Báo cáo tài chính 2 năm gần nhất");
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_ACCEPT), "2026-02-03", &out, &d), KHU_ECONFLICT);
    CHECK_EQ_STR(d.message, "the dossier was returned to the investor to complete");
    CHECK_EQ_INT(act(&investor, A(.act = DOSSIER_RESUBMIT), "2026-02-05", &out, &d), KHU_OK);
    CHECK_EQ_STR(out.stage, "received");

    /* the law gives the limits: the officer may not set others */
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_ACCEPT, .limit_days = 10, .limit_kind = "working"),
                     "2026-02-09", &out, &d),
                 KHU_EINVAL);
    CHECK_EQ_STR(d.rule, "limit_known");
    /* a department that does not exist: nothing opens */
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_ACCEPT, .departments = {"stc", "nowhere"}),
                     "2026-02-09", &out, &d),
                 KHU_EINVAL);
    CHECK_EQ_STR(d.field, "departments");
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM consultations"), 0);
    CHECK_EQ_STR(q("SELECT status FROM dossiers WHERE code = '%s'", code), "received");

    /* accepted Mon 9/2: the procedure's department and the one the officer adds */
    CHECK_EQ_INT(
        act(&officer, A(.act = DOSSIER_ACCEPT, .departments = {"stc"}), "2026-02-09", &out, &d),
        KHU_OK);
    CHECK_EQ_STR(out.stage, "consulting");
    CHECK_EQ_INT(out.consultations, 2);
    /* 26 working days from Mon 9/2 across Tết: Tue 10 .. Fri 13 (4), Mon 23/2 .. Fri 20/3 (20),
     * Mon 23, Tue 24/3 */
    CHECK_EQ_STR(q("SELECT accepted_on || ' ' || due_on || ' ' || limit_code || ' ' || limit_days "
                   "|| ' ' || limit_kind FROM dossiers WHERE code = '%s'",
                   code),
                 "2026-02-09 2026-03-24 t-total 26 working");
    /* 7 working days: Tue 10 .. Fri 13, Mon 23, Tue 24, Wed 25 */
    CHECK_EQ_STR(q("SELECT group_concat(department || ' ' || due_on || ' ' || limit_code, '; ') "
                   "FROM (SELECT * FROM consultations WHERE dossier_code = '%s' ORDER BY "
                   "department)",
                   code),
                 "stc 2026-02-25 t-consult; sxd 2026-02-25 t-consult");
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_ACCEPT), "2026-02-10", &out, &d), KHU_ECONFLICT);
}

static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

static void test_questions_and_opinions(void)
{
    struct app_dossier_result out;
    struct khu_diag d;

    /* the Department of Construction asks Wed 11/2: its clock stops */
    CHECK_EQ_INT(act(&construction, A(.act = DOSSIER_ASK, .text = "Xin bản vẽ mặt bằng tổng thể"),
                     "2026-02-11", &out, &d),
                 KHU_OK);
    CHECK_EQ_INT(out.n, 1);
    CHECK_EQ_STR(q("SELECT coalesce(due_on, 'stopped') FROM consultations WHERE dossier_code = "
                   "'%s' AND department = 'sxd'",
                   code),
                 "stopped");
    CHECK_EQ_STR(q("SELECT due_on FROM consultations WHERE dossier_code = '%s' AND department = "
                   "'stc'",
                   code),
                 "2026-02-25"); /* the other clock runs on */
    /* only the investor answers, once */
    CHECK_EQ_INT(
        act(&officer, A(.act = DOSSIER_ANSWER, .n = 1, .text = "x"), "2026-02-23", &out, &d),
        KHU_EINVAL);
    CHECK_EQ_INT(
        act(&investor, A(.act = DOSSIER_ANSWER, .n = 2, .text = "x"), "2026-02-23", &out, &d),
        KHU_EINVAL);
    CHECK_EQ_STR(d.field, "n");
    /* answered Mon 23/2: counted 10, 11, then 24, 25, 26, 27, Mon 2/3 */
    CHECK_EQ_INT(act(&investor, A(.act = DOSSIER_ANSWER, .n = 1, .text = "Đã gửi bản vẽ"),
                     "2026-02-23", &out, &d),
                 KHU_OK);
    CHECK_EQ_STR(q("SELECT due_on FROM consultations WHERE dossier_code = '%s' AND department = "
                   "'sxd'",
                   code),
                 "2026-03-02");
    CHECK_EQ_INT(
        act(&investor, A(.act = DOSSIER_ANSWER, .n = 1, .text = "again"), "2026-02-24", &out, &d),
        KHU_ECONFLICT);

    /* opinions: the kinds, and the reasons of a disagreement */
    CHECK_EQ_INT(
        act(&finance, A(.act = DOSSIER_OPINION, .choice = "maybe"), "2026-02-24", &out, &d),
        KHU_EINVAL);
    CHECK_EQ_STR(d.field, "opinion");
    CHECK_EQ_INT(
        act(&finance, A(.act = DOSSIER_OPINION, .choice = "disagree"), "2026-02-24", &out, &d),
        KHU_EINVAL);
    CHECK_EQ_STR(d.field, "note");
    CHECK_EQ_INT(
        act(&officer, A(.act = DOSSIER_OPINION, .choice = "agree"), "2026-02-24", &out, &d),
        KHU_EINVAL);
    CHECK_EQ_INT(out.forbidden, 1);
    CHECK_EQ_INT(
        act(&finance,
            A(.act = DOSSIER_OPINION, .choice = "disagree", .text = "Vốn góp chưa chứng minh được"),
            "2026-02-24", &out, &d),
        KHU_OK);
    CHECK_EQ_INT(
        act(&finance, A(.act = DOSSIER_OPINION, .choice = "agree"), "2026-02-24", &out, &d),
        KHU_ECONFLICT);

    /* the appraisal waits for the Department of Construction, due Mon 2/3 */
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_APPRAISE, .text = "Đạt"), "2026-02-25", &out, &d),
                 KHU_ECONFLICT);
    khu_diag_clear(&d);
    CHECK_EQ_INT(app_dossier_upload(s, &construction, code, "Điều kiện PCCC.pdf", "application/pdf",
                                    pdf, sizeof(pdf) - 1, "2026-02-26", &out, &d),
                 KHU_OK);
    CHECK_EQ_INT(out.n, 1);
    CHECK_EQ_INT(act(&construction,
                     A(.act = DOSSIER_OPINION, .choice = "agree_with_conditions",
                       .text = "Theo văn bản đính kèm", .n = 2),
                     "2026-02-26", &out, &d),
                 KHU_EINVAL); /* no such document */
    CHECK_EQ_STR(d.field, "document");
    CHECK_EQ_INT(act(&construction,
                     A(.act = DOSSIER_OPINION, .choice = "agree_with_conditions",
                       .text = "Theo văn bản đính kèm", .n = 1),
                     "2026-02-26", &out, &d),
                 KHU_OK);
    CHECK_EQ_STR(q("SELECT answered_on || ' ' || opinion || ' ' || document FROM consultations "
                   "WHERE dossier_code = '%s' AND department = 'sxd'",
                   code),
                 "2026-02-26 agree_with_conditions 1");
}

static void test_documents(void)
{
    static const char html[] = "<html><script>alert(1)</script></html>";
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
    struct app_dossier_result out;
    struct khu_diag d;
    char *big;

    khu_diag_clear(&d);
    /* what a browser would run is refused, whatever it claims to be */
    CHECK_EQ_INT(app_dossier_upload(s, &investor, code, "a.pdf", "application/pdf", html,
                                    sizeof(html) - 1, "2026-02-26", &out, &d),
                 KHU_EINVAL);
    CHECK_EQ_STR(d.rule, "document_bytes");
    CHECK_EQ_INT(app_dossier_upload(s, &investor, code, "a.html", "text/html", html,
                                    sizeof(html) - 1, "2026-02-26", &out, &d),
                 KHU_EINVAL);
    CHECK_EQ_STR(d.rule, "document_type");
    CHECK_EQ_INT(app_dossier_upload(s, &investor, code, "a.png", "image/jpeg", png, sizeof(png),
                                    "2026-02-26", &out, &d),
                 KHU_EINVAL);
    big = calloc(1, APP_DOCUMENT_MAX_BYTES + 1);
    CHECK(big != NULL);
    if (big) {
        memcpy(big, "%PDF-", 5);
        CHECK_EQ_INT(app_dossier_upload(s, &investor, code, "big.pdf", "application/pdf", big,
                                        APP_DOCUMENT_MAX_BYTES + 1, "2026-02-26", &out, &d),
                     KHU_ETOOBIG);
        free(big);
    }
    CHECK_EQ_INT(app_dossier_upload(s, &other_investor, code, "a.png", "image/png", png,
                                    sizeof(png), "2026-02-26", &out, &d),
                 KHU_ENOTFOUND);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM documents"), 1);
    /* the investor's image; the same bytes again are kept once */
    CHECK_EQ_INT(app_dossier_upload(s, &investor, code, "Mặt bằng.png", "image/png", png,
                                    sizeof(png), "2026-02-26", &out, &d),
                 KHU_OK);
    CHECK_EQ_INT(out.n, 2);
    CHECK_EQ_INT(app_dossier_upload(s, &investor, code, "Mặt bằng (2).png", "image/png", png,
                                    sizeof(png), "2026-02-26", &out, &d),
                 KHU_OK);
    CHECK_EQ_INT(out.n, 3);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM documents"), 2);
    /* the SHA-256 of the PDF, as sha256sum prints it */
    CHECK_EQ_STR(q("SELECT sha256 || ' ' || bytes || ' ' || coalesce(department, '-') FROM "
                   "dossier_documents WHERE dossier_code = '%s' AND n = 1",
                   code),
                 "5a838678058f6de375e8635b5f2fea47a4e5f07cb1a882a44b10f39abc6f34ff 45 sxd");
}

static void test_decision(void)
{
    struct app_dossier_result out;
    struct khu_diag d;

    CHECK_EQ_INT(
        act(&officer, A(.act = DOSSIER_DECIDE, .choice = "approved"), "2026-03-03", &out, &d),
        KHU_ECONFLICT); /* not appraised */
    CHECK_EQ_INT(
        act(&officer, A(.act = DOSSIER_APPRAISE, .text = "Đủ điều kiện"), "2026-03-03", &out, &d),
        KHU_OK);
    CHECK_EQ_STR(out.stage, "appraising");
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_DECIDE, .choice = "yes"), "2026-03-04", &out, &d),
                 KHU_EINVAL);
    CHECK_EQ_STR(d.field, "decision");
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_DECIDE, .choice = "approved", .number = "123/QĐ"),
                     "2026-03-04", &out, &d),
                 KHU_OK);
    CHECK_EQ_STR(out.stage, "decided");
    CHECK_EQ_STR(q("SELECT status || ' ' || decision || ' ' || decided_on || ' ' || "
                   "certificate_no FROM dossiers WHERE code = '%s'",
                   code),
                 "decided approved 2026-03-04 123/QĐ");
    CHECK_EQ_INT(act(&investor, A(.act = DOSSIER_WITHDRAW), "2026-03-05", &out, &d), KHU_ECONFLICT);
    CHECK_EQ_STR(d.message, "the dossier is decided");
}

static void test_trail(void)
{
    struct store_audit_verdict v;
    struct khu_diag d;

    /* filed, returned, filed again, accepted, questioned (clock stopped), answered
     * (clock restarted... on the consultation), appraised, decided */
    CHECK_EQ_INT(audit_of("dossiers"), 6);
    CHECK_EQ_INT(audit_of("consultations"), 2 + 1 + 1 + 2);
    CHECK_EQ_INT(audit_of("dossier_questions"), 2);
    CHECK_EQ_INT(audit_of("dossier_documents"), 3);
    CHECK_EQ_STR(q("SELECT actor FROM audit WHERE table_name = 'dossiers' AND row_key = '%s' "
                   "ORDER BY id DESC LIMIT 1",
                   code),
                 "le.officer");
    CHECK_EQ_INT(store_audit_verify(s, &v, &d), KHU_OK);
    CHECK_EQ_INT(v.bad_id, 0);
}

/* ===== reminders and alerts ===== */

static void person(const char *name, const char *role, const char *org, const char *email, int head)
{
    static const struct store_actor root = {"root.admin", ""};
    static const char pw[] = "Mùa lúa chín ở Đức Hòa";
    struct khu_diag d;

    khu_diag_clear(&d);
    CHECK_EQ_INT(app_user_add(s, &root, name, role, org, NULL, pw, strlen(pw), &d), KHU_OK);
    if (email || head)
        CHECK_EQ_INT(app_user_contact(s, &root, name, email, head, &d), KHU_OK);
}

static atomic_int stop_mail; /* 1: a server stopping: no more mails */

static long lease_ms; /* 0: the default */

static void run_notify(struct smtp_sink *k, const char *today, struct app_notify_report *r)
{
    struct smtp_server srv;
    struct app_notify_config c = {
        2,          k ? &srv : NULL, "khu@tayninh.example", "https://khu.tayninh.example",
        &stop_mail, lease_ms};
    struct khu_diag d;
    char addr[40];

    if (k) {
        snprintf(addr, sizeof(addr), "127.0.0.1:%u", k->port);
        CHECK_EQ_INT(smtp_server_parse(addr, &srv), 0);
        srv.timeout_ms = 2000;
    }
    khu_diag_clear(&d);
    CHECK_EQ_INT(app_notify(s, today, &c, r, &d), KHU_OK);
}

/* Takes the first notification waiting for its mail, as another sender would. */
static enum khu_err take_first(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    int taken = 0;
    enum khu_err err = store_notification_take(
        tx,
        sq_single(s, "SELECT min(id) FROM notifications n JOIN users u ON u.name = n.user_name"
                     " WHERE n.mailed_ms IS NULL AND u.email IS NOT NULL"),
        APP_NOTIFY_LEASE_MS, &taken, d);

    (void)arg;
    CHECK_EQ_INT(taken, 1);
    return err;
}

static int mailed_to(const struct smtp_sink *k, const char *to)
{
    int i, n = 0;

    for (i = 0; i < k->nmails; i++)
        n += !strcmp(k->mail[i].to, to);
    return n;
}

static void test_notify(void)
{
    struct app_dossier_filing f = {"policy_approval", NULL, "Kho lạnh", "kcn-a"};
    struct app_dossier_result out;
    struct app_notify_report r;
    struct smtp_sink k = {0};
    struct khu_diag d;
    char second[APP_DOSSIER_CODE_MAX], sql[200];

    person("le.officer2", "officer", NULL, "le@tayninh.example", 0);
    person("off.nomail", "officer", NULL, NULL, 0);
    person("sxd.staff", "department", "sxd", "staff@sxd.example", 0);
    person("sxd.head", "department", "sxd", "head@sxd.example", 1);
    person("stc.staff", "department", "stc", NULL, 0);
    /* a head belongs to a department; an address is one */
    khu_diag_clear(&d);
    CHECK_EQ_INT(app_user_contact(s, &officer.actor, "le.officer2", NULL, 1, &d), KHU_EINVAL);
    CHECK_EQ_STR(d.field, "head");
    CHECK_EQ_INT(app_user_contact(s, &officer.actor, "sxd.staff", "not an address", 0, &d),
                 KHU_EINVAL);
    CHECK_EQ_STR(d.field, "email");

    /* accepted Mon 2/3: 7 working days, due Wed 11/3 */
    khu_diag_clear(&d);
    CHECK_EQ_INT(app_dossier_file(s, &investor, &f, "2026-03-02", &out, &d), KHU_OK);
    snprintf(second, sizeof(second), "%s", out.code);
    CHECK_EQ_INT(act(&officer, A(.act = DOSSIER_ACCEPT, .code = second, .departments = {"stc"}),
                     "2026-03-02", &out, &d),
                 KHU_OK);
    snprintf(sql, sizeof(sql),
             "SELECT count(*) FROM consultations WHERE dossier_code = '%s' AND "
             "due_on = '2026-03-11'",
             second);
    CHECK_EQ_INT(sq_single(s, sql), 2);

    CHECK_EQ_INT(sink_start(&k), 0);
    /* Fri 6/3: three working days left, more than two: nothing */
    run_notify(&k, "2026-03-06", &r);
    CHECK_EQ_INT(r.reminders + r.alerts + r.mailed, 0);
    /* Mon 9/3: two left: each department's users, mailed where they have an
     * address; a server stopping makes them and leaves the mails to its next run */
    atomic_store(&stop_mail, 1);
    run_notify(&k, "2026-03-09", &r);
    CHECK_EQ_INT(r.reminders, 3); /* sxd.staff, sxd.head, stc.staff */
    CHECK_EQ_INT(r.alerts, 0);
    CHECK_EQ_INT(r.mailed, 0);
    atomic_store(&stop_mail, 0);
    /* another sender (a cron's khu notify) took the first one to mail it:
     * this run leaves it alone while that sender holds it */
    CHECK_EQ_INT(store_write(s, &officer.actor, take_first, NULL, &d), KHU_OK);
    run_notify(&k, "2026-03-09", &r);
    CHECK_EQ_INT(r.reminders, 0);
    CHECK_EQ_INT(r.mailed, 1);
    run_notify(&k, "2026-03-09", &r);
    CHECK_EQ_INT(r.mailed, 0);
    /* a sender that died holding it lets it go when its while is up */
    lease_ms = 1;
    usleep(2000);
    run_notify(&k, "2026-03-09", &r);
    lease_ms = 0;
    CHECK_EQ_INT(r.mailed, 1);
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM audit WHERE action = 'notification.mailing'"),
                 3);
    run_notify(&k, "2026-03-09", &r); /* once only */
    CHECK_EQ_INT(r.reminders + r.alerts + r.mailed, 0);
    /* Thu 12/3: overdue: the officers and the head of the department */
    run_notify(&k, "2026-03-12", &r);
    CHECK_EQ_INT(r.alerts, 2 + 2 + 1); /* le.officer2 and off.nomail, each clock; sxd.head */
    CHECK_EQ_INT(r.mailed, 3);
    sink_stop(&k);
    CHECK_EQ_INT(k.nmails, 5);
    CHECK_EQ_INT(mailed_to(&k, "<staff@sxd.example>"), 1);
    CHECK_EQ_INT(mailed_to(&k, "<head@sxd.example>"), 2);
    CHECK_EQ_INT(mailed_to(&k, "<le@tayninh.example>"), 2);
    CHECK(k.nmails && strstr(k.mail[k.nmails - 1].data, second) != NULL);
    CHECK(k.nmails &&
          strstr(k.mail[k.nmails - 1].data, "https://khu.tayninh.example/dossiers/") != NULL);
    /* the department by its name and the dossier by its project, not codes only */
    {
        int named = 0, project = 0;
        for (int i = 0; i < k.nmails; i++) {
            named += !strcmp(k.mail[i].to, "<head@sxd.example>") &&
                     strstr(k.mail[i].data, "Sở Xây dựng") != NULL;
            project += strstr(k.mail[i].data, "Kho lạnh") != NULL;
        }
        CHECK_EQ_INT(named, 2);
        CHECK(project >= 1);
    }
    /* in the three languages: the person's is not known */
    CHECK(k.nmails && strstr(k.mail[k.nmails - 1].data, "đã quá hạn") != NULL &&
          strstr(k.mail[k.nmails - 1].data, "has not given its opinion") != NULL &&
          strstr(k.mail[k.nmails - 1].data, "기한이 지났습니다") != NULL);
    sink_free(&k);

    /* a relay that refuses: the notification stays, with why */
    memset(&k, 0, sizeof(k));
    k.refuse_rcpt = 1;
    person("stc.head", "department", "stc", "head@stc.example", 1);
    CHECK_EQ_INT(sink_start(&k), 0);
    run_notify(&k, "2026-03-13", &r);
    CHECK_EQ_INT(r.alerts, 1);
    CHECK_EQ_INT(r.failed, 1);
    sink_stop(&k);
    sink_free(&k);
    CHECK_EQ_STR(q("SELECT mail_error FROM notifications WHERE user_name = '%s'", "stc.head"),
                 "the server refused the recipient: 550 5.1.1 no such user here");
    /* without a relay: in the web app only */
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM notifications"), 3 + 5 + 1);
    /* every notification, every taking for mailing (the six sent or refused,
     * and the one another sender took) and what came of it, in the trail */
    CHECK_EQ_INT(sq_single(s, "SELECT count(*) FROM audit WHERE table_name = 'notifications'"),
                 9 + 7 + 5 + 1);
    /* an answered clock and those told already make nothing more */
    CHECK_EQ_INT(act(&construction, A(.act = DOSSIER_OPINION, .code = second, .choice = "agree"),
                     "2026-03-13", &out, &d),
                 KHU_OK);
    run_notify(NULL, "2026-03-16", &r);
    CHECK_EQ_INT(r.alerts, 0);
    /* withdrawn: the department that has not answered is no longer waited for */
    CHECK_EQ_INT(act(&investor, A(.act = DOSSIER_WITHDRAW, .code = second), "2026-03-17", &out, &d),
                 KHU_OK);
    snprintf(sql, sizeof(sql),
             "SELECT group_concat(department || '=' || coalesce(closed_on, '-'), ' ') FROM (SELECT "
             "* FROM consultations WHERE dossier_code = '%s' ORDER BY department)",
             second);
    CHECK_EQ_STR(sq_text(s, sql, out.secret, sizeof(out.secret)), "stc=2026-03-17 sxd=-");
}

int main(void)
{
    char path[256];
    struct khu_diag d;

    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof(path), "%s/dossier.db", dir);
    if (store_open(path, STORE_READ_WRITE, &s, &d) != KHU_OK)
        return 1;
    load();
    who(&investor, "hanil", ROLE_INVESTOR, "0312345678", NULL);
    who(&other_investor, "other", ROLE_INVESTOR, "0399999999", NULL);
    who(&officer, "le.officer", ROLE_OFFICER, NULL, NULL);
    who(&construction, "sxd.user", ROLE_DEPARTMENT, NULL, "sxd");
    who(&finance, "stc.user", ROLE_DEPARTMENT, NULL, "stc");
    test_filing();
    test_return_and_accept();
    test_questions_and_opinions();
    test_documents();
    test_decision();
    test_trail();
    test_notify();
    store_close(s);
    remove_tree(dir);
    return test_report("test_app_dossier");
}
