/* SPDX-License-Identifier: MIT */
/*
 * Reminders and alerts of the departments' clocks (see app_notify.h).
 */
#include "app/app_notify.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/app_calendar.h"
#include "app/app_edit.h"
#include "core/num.h"
#include "core/workday.h"
#include "core/xalloc.h"
#include "store/notifications.h"

/* An open clock, as store_notify_clocks hands it. */
struct clock {
    char dossier[65], department[65], due_on[11];
};

/* Someone to tell. */
struct person {
    char name[65], department[65];
    int officer, head;
};

struct lists {
    struct clock *clock;
    size_t nclocks;
    struct person *person;
    size_t npeople;
    int oom;
};

static void copy(char *out, size_t n, const char *s)
{
    snprintf(out, n, "%s", s ? s : "");
}

static int take_clock(void *arg, const struct khu_row *row)
{
    struct lists *l = arg;
    struct clock *more = xrealloc(l->clock, (l->nclocks + 1) * sizeof(*more));

    if (!more) {
        l->oom = 1;
        return 1;
    }
    l->clock = more;
    more += l->nclocks++;
    copy(more->dossier, sizeof(more->dossier), row_text(row, CLOCK_COL_DOSSIER));
    copy(more->department, sizeof(more->department), row_text(row, CLOCK_COL_DEPARTMENT));
    copy(more->due_on, sizeof(more->due_on), row_text(row, CLOCK_COL_DUE_ON));
    return 0;
}

static int take_person(void *arg, const struct khu_row *row)
{
    struct lists *l = arg;
    struct person *more = xrealloc(l->person, (l->npeople + 1) * sizeof(*more));
    const char *role = row_text(row, PERSON_COL_ROLE);

    if (!more) {
        l->oom = 1;
        return 1;
    }
    l->person = more;
    more += l->npeople++;
    copy(more->name, sizeof(more->name), row_text(row, PERSON_COL_NAME));
    copy(more->department, sizeof(more->department), row_text(row, PERSON_COL_DEPARTMENT));
    more->officer = role && !strcmp(role, "officer");
    more->head = row_int(row, PERSON_COL_HEAD) == 1;
    return 0;
}

struct making {
    struct lists *l;
    size_t from, to; /* the clocks of this transaction */
    const struct workday_calendar *cal;
    int32_t today;
    int remind_days;
    struct app_notify_report *out;
};

/* Makes the notifications of one clock for everyone they are for. */
static enum khu_err notify_clock(struct store_tx *tx, struct making *m, const struct clock *c,
                                 struct khu_diag *d)
{
    int32_t due;
    int overdue;
    size_t i;

    if (parse_date(c->due_on, &due))
        return KHU_OK;
    overdue = m->today > due;
    /* a reminder only within the days before the due day */
    if (!overdue && workday_between(m->cal, m->today, due, NULL, 0) > m->remind_days)
        return KHU_OK;
    for (i = 0; i < m->l->npeople; i++) {
        const struct person *p = &m->l->person[i];
        int in_dept = !strcmp(p->department, c->department);
        int64_t id = 0;
        enum khu_err err;
        if (overdue ? !(p->officer || (in_dept && p->head)) : !in_dept)
            continue;
        err = store_notification_add(tx, p->name, overdue ? "overdue" : "reminder", c->dossier,
                                     c->department, c->due_on, &id, d);
        if (err)
            return err;
        if (id && overdue)
            m->out->alerts++;
        else if (id)
            m->out->reminders++;
    }
    return KHU_OK;
}

static enum khu_err make_all(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct making *m = arg;
    enum khu_err err = KHU_OK;
    size_t i;

    for (i = m->from; !err && i < m->to; i++)
        err = notify_clock(tx, m, &m->l->clock[i], d);
    return err;
}

/* ===== mail ===== */

struct unmailed {
    int64_t id;
    char email[255], kind[16], dossier[65], department[65], due_on[11];
    char dept[3][200]; /* the department's name in vi, en, ko (its code when unknown) */
    char project[200]; /* "" when unknown */
};

struct mailing {
    struct unmailed *u;
    size_t n;
    int oom;
};

static int take_unmailed(void *arg, const struct khu_row *row)
{
    struct mailing *m = arg;
    struct unmailed *more = xrealloc(m->u, (m->n + 1) * sizeof(*more));

    if (!more) {
        m->oom = 1;
        return 1;
    }
    m->u = more;
    more += m->n++;
    more->id = row_int(row, NOTE_COL_ID);
    copy(more->email, sizeof(more->email), row_text(row, NOTE_COL_EMAIL));
    copy(more->kind, sizeof(more->kind), row_text(row, NOTE_COL_KIND));
    copy(more->dossier, sizeof(more->dossier), row_text(row, NOTE_COL_DOSSIER));
    copy(more->department, sizeof(more->department), row_text(row, NOTE_COL_DEPARTMENT));
    copy(more->due_on, sizeof(more->due_on), row_text(row, NOTE_COL_DUE_ON));
    for (int l = 0; l < 3; l++) {
        const char *name = row_text(row, NOTE_COL_DEPT_VI + l);
        if (!name) /* English or Korean not written: the Vietnamese, else the code */
            name = row_text(row, NOTE_COL_DEPT_VI);
        copy(more->dept[l], sizeof(more->dept[l]), name ? name : more->department);
    }
    copy(more->project, sizeof(more->project), row_text(row, NOTE_COL_PROJECT));
    return 0;
}

/* The message of u, in Vietnamese, English and Korean (the person's
 * language is not known). */
static void message_of(const struct unmailed *u, const char *site, char *subject, size_t sn,
                       char *body, size_t bn)
{
    int overdue = !strcmp(u->kind, "overdue");
    char link[400] = "";

    if (site && site[0])
        snprintf(link, sizeof(link), "\n%s/dossiers/%s\n", site, u->dossier);
    snprintf(subject, sn, "[khu] %s %s / %s: %s", overdue ? "Quá hạn" : "Sắp đến hạn", u->dossier,
             overdue ? "overdue" : "due soon", u->dept[0]);
    snprintf(body, bn,
             "%s\nHồ sơ: %s %s\nCơ quan: %s\nHạn trả lời ý kiến: %s\n\n"
             "%s\nDossier: %s %s\nDepartment: %s\nOpinion due: %s\n\n"
             "%s\n신청 서류: %s %s\n기관: %s\n의견 회신 기한: %s\n%s\n"
             "-- \nkhu (thư tự động / an automatic message / 자동 발송 메일)\n",
             overdue ? "Ý kiến của cơ quan dưới đây đã quá hạn."
                     : "Ý kiến của cơ quan dưới đây sắp đến hạn.",
             u->dossier, u->project, u->dept[0], u->due_on,
             overdue ? "The department below has not given its opinion by the due day."
                     : "The department below is due to give its opinion soon.",
             u->dossier, u->project, u->dept[1], u->due_on,
             overdue ? "아래 기관의 의견 회신 기한이 지났습니다."
                     : "아래 기관의 의견 회신 기한이 다가옵니다.",
             u->dossier, u->project, u->dept[2], u->due_on, link);
}

struct mail_result {
    int64_t id;
    const char *error;
};

struct mail_take {
    int64_t id;
    long lease_ms;
    int taken;
};

static enum khu_err take_mail(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct mail_take *t = arg;

    return store_notification_take(tx, t->id, t->lease_ms, &t->taken, d);
}

static enum khu_err record_mail(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    const struct mail_result *r = arg;

    return store_notification_mailed(tx, r->id, r->error, d);
}

static enum khu_err mail_all(struct store *s, const struct app_notify_config *c,
                             struct app_notify_report *out, struct khu_diag *d)
{
    static const struct store_actor khu = {"khu", ""};
    struct mailing m = {0};
    enum khu_err err = store_notifications_unmailed(s, take_unmailed, &m, d);
    size_t i;

    if (!err && m.oom)
        err = KHU_ENOMEM;
    for (i = 0; !err && i < m.n && !(c->stop && atomic_load(c->stop)); i++) {
        char subject[512], body[4096], why[300];
        struct smtp_message msg = {c->from, m.u[i].email, subject, body};
        struct mail_result r = {m.u[i].id, NULL};
        struct mail_take take = {m.u[i].id, c->lease_ms > 0 ? c->lease_ms : APP_NOTIFY_LEASE_MS, 0};
        /* another sender (the server's run, a cron's) may have it */
        err = store_write(s, &khu, take_mail, &take, d);
        if (err || !take.taken)
            continue;
        message_of(&m.u[i], c->site, subject, sizeof(subject), body, sizeof(body));
        if (smtp_send(c->smtp, &msg, why, sizeof(why))) {
            r.error = why;
            out->failed++;
        } else
            out->mailed++;
        err = store_write(s, &khu, record_mail, &r, d);
    }
    xfree(m.u);
    return err;
}

enum khu_err app_notify(struct store *s, const char *today, const struct app_notify_config *c,
                        struct app_notify_report *out, struct khu_diag *d)
{
    static const struct store_actor khu = {"khu", ""};
    struct app_calendar cal = {0};
    struct lists l = {0};
    struct making m = {.l = &l, .out = out, .remind_days = c->remind_days};
    enum khu_err err;

    memset(out, 0, sizeof(*out));
    if (!today || parse_date(today, &m.today)) {
        khu_diag_set(d, 0, 0, "today", "the day is not a date YYYY-MM-DD");
        return KHU_EINVAL;
    }
    err = app_calendar_load(s, &cal, d);
    if (!err)
        err = store_notify_clocks(s, take_clock, &l, d);
    if (!err)
        err = store_notify_people(s, take_person, &l, d);
    if (!err && l.oom)
        err = KHU_ENOMEM;
    m.cal = &cal.cal;
    /* in batches, so that the API's writes are not held up by a long first
     * run over many clocks */
    for (m.from = 0; !err && l.npeople && m.from < l.nclocks; m.from = m.to) {
        m.to = m.from + APP_NOTIFY_BATCH < l.nclocks ? m.from + APP_NOTIFY_BATCH : l.nclocks;
        err = store_write(s, &khu, make_all, &m, d);
    }
    if (!err && c->smtp)
        err = mail_all(s, c, out, d);
    app_calendar_free(&cal);
    xfree(l.clock);
    xfree(l.person);
    return err;
}

/* ===== the server's thread ===== */

struct app_notifier {
    char path[4096], today[16], from[255], site[512];
    struct smtp_server smtp;
    struct app_notify_config c;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stopping;
    atomic_int stop; /* read by a run in progress: no more mails */
};

static void run_once(struct app_notifier *n)
{
    struct app_notify_report r;
    struct khu_diag d;
    struct store *s = NULL;
    char today[16];

    khu_diag_clear(&d);
    if (n->today[0])
        copy(today, sizeof(today), n->today);
    else
        app_edit_today(today);
    if (store_open(n->path, STORE_READ_WRITE, &s, &d) || app_notify(s, today, &n->c, &r, &d))
        fprintf(stderr, "khu: reminders: %s\n", d.message[0] ? d.message : "failed");
    else if (r.reminders || r.alerts || r.mailed || r.failed)
        fprintf(stderr,
                "khu: reminders: %ld made, alerts: %ld made, mails: %ld sent, %ld refused\n",
                r.reminders, r.alerts, r.mailed, r.failed);
    store_close(s);
}

static void *notifier_run(void *arg)
{
    struct app_notifier *n = arg;
    struct timespec until;
    int stopping = 0;

    while (!stopping) {
        run_once(n);
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += APP_NOTIFY_EVERY_S;
        pthread_mutex_lock(&n->lock);
        while (!n->stopping && pthread_cond_timedwait(&n->wake, &n->lock, &until) != ETIMEDOUT)
            ;
        stopping = n->stopping;
        pthread_mutex_unlock(&n->lock);
    }
    return NULL;
}

struct app_notifier *app_notifier_start(const char *path, const struct app_notify_config *c,
                                        const char *today_fixed)
{
    struct app_notifier *n = xcalloc(1, sizeof(*n));

    if (!n)
        return NULL;
    copy(n->path, sizeof(n->path), path);
    copy(n->today, sizeof(n->today), today_fixed);
    copy(n->from, sizeof(n->from), c->from);
    copy(n->site, sizeof(n->site), c->site);
    n->c = *c;
    n->c.stop = &n->stop;
    n->c.from = n->from;
    n->c.site = n->site;
    if (c->smtp) {
        n->smtp = *c->smtp;
        n->c.smtp = &n->smtp;
    }
    pthread_mutex_init(&n->lock, NULL);
    pthread_cond_init(&n->wake, NULL);
    if (pthread_create(&n->thread, NULL, notifier_run, n) != 0) {
        pthread_mutex_destroy(&n->lock);
        pthread_cond_destroy(&n->wake);
        xfree(n);
        return NULL;
    }
    return n;
}

void app_notifier_stop(struct app_notifier *n)
{
    if (!n)
        return;
    atomic_store(&n->stop, 1);
    pthread_mutex_lock(&n->lock);
    n->stopping = 1;
    pthread_cond_signal(&n->wake);
    pthread_mutex_unlock(&n->lock);
    pthread_join(n->thread, NULL);
    pthread_mutex_destroy(&n->lock);
    pthread_cond_destroy(&n->wake);
    xfree(n);
}
