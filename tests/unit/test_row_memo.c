/* SPDX-License-Identifier: MIT */
/*
 * The memo of written rows (api/row_memo.c): a row is served only for its
 * own resource, language and key, and only to a reader for whom that row
 * has not changed since it was read: an edit of one zone drops that zone,
 * an import drops its table, and more changes than the account of changed
 * rows holds drop everything (and free it when the next row is kept). The
 * memo never holds more than its room.
 */
#include <stdlib.h>
#include <unistd.h>

#include "api/row_memo.h"
#include "app/app_changed_rows.h"
#include "app/app_generation.h"
#include "store/import.h"
#include "store/rows.h"
#include "store/store.h"
#include "commit.h"
#include "test.h"

static char dir[] = "/tmp/khu-row-memo-XXXXXX";
static char path[256];

/* The database's generation a request on s reads at (app_generation.db). */
static uint64_t db_now(struct store *s)
{
    struct app_generation g;

    CHECK_EQ_INT(app_generation_read(s, &g), KHU_OK);
    return g.db;
}

static const char *get(uint64_t db, const char *resource, enum api_lang lang, const char *key)
{
    static struct buf out;

    buf_free(&out);
    buf_init(&out, 1 << 20);
    return api_row_memo_get(db, resource, lang, key, strlen(key), &out) ? buf_cstr(&out) : NULL;
}

static void put(uint64_t db, const char *resource, enum api_lang lang, const char *key,
                const char *json)
{
    api_row_memo_put(db, resource, lang, key, strlen(key), json, strlen(json));
}

/* ===== writes ===== */

static const struct store_actor officer = {"test.officer", ""};

struct area_edits {
    const char *code;
    int n;
};

/* n changes of zone code's area, each its own generation. */
static enum khu_err change_area(struct store_tx *tx, void *arg, struct khu_diag *d)
{
    struct area_edits *e = arg;
    const struct table_def *t = schema_table("zones");
    const struct store_row_note note = {"t", "2026-01-01"};
    struct cell cells[64];
    char version[ROW_VERSION_HEX];
    enum khu_err err = KHU_OK;
    int i;

    memset(cells, 0, sizeof(cells));
    cells[schema_col_index(t, "code")] = (struct cell){CELL_TEXT, 0, 0, e->code, strlen(e->code)};
    cells[schema_col_index(t, "kind")] = (struct cell){CELL_TEXT, 0, 0, "kcn", 3};
    cells[schema_col_index(t, "name_vi")] =
        (struct cell){CELL_TEXT, 0, 0, e->code, strlen(e->code)};
    for (i = 0; i < e->n && !err; i++) {
        cells[schema_col_index(t, "total_ha")] = (struct cell){CELL_REAL, 0, 100 + i, NULL, 0};
        err = store_row_update(tx, t, cells, &note, version, d);
    }
    return err;
}

static void edit_area(struct store *s, const char *code, int n)
{
    struct area_edits e = {code, n};
    struct khu_diag d;

    khu_diag_clear(&d);
    CHECK_EQ_INT(store_write(s, &officer, change_area, &e, &d), KHU_OK);
}

/* Two zones, imported by another connection. */
static void commit_zones(void)
{
    static const char csv[] = "code,kind,name_vi\nkcn-a,kcn,KCN A\nkcn-b,kcn,KCN B\n";
    struct store *w = NULL;
    struct importer *im = NULL;
    struct khu_diag d;

    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &w, &d), KHU_OK);
    CHECK_EQ_INT(importer_begin(w, &officer, 0, 0, commit_ignore_error, NULL, &im, &d), KHU_OK);
    CHECK_EQ_INT(importer_add_csv(im, "zones", "z.csv", csv, strlen(csv)), KHU_OK);
    CHECK_EQ_INT(importer_finish(im, NULL), KHU_OK);
    store_close(w);
}

static void test_keys_and_changes(struct store *s)
{
    uint64_t d1, d2, d3, d4;

    commit_zones();
    d1 = db_now(s);
    CHECK(get(d1, "zones", LANG_VI, "kcn-a") == NULL);
    put(d1, "zones", LANG_VI, "kcn-a", "{\"code\":\"kcn-a\"}");
    CHECK_EQ_STR(get(d1, "zones", LANG_VI, "kcn-a"), "{\"code\":\"kcn-a\"}");
    /* another language, resource or key is another row */
    CHECK(get(d1, "zones", LANG_KO, "kcn-a") == NULL);
    CHECK(get(d1, "units", LANG_VI, "kcn-a") == NULL);
    CHECK(get(d1, "zones", LANG_VI, "kcn-a2") == NULL);
    CHECK(get(d1, "zones", LANG_VI, "kcn-") == NULL);
    put(d1, "zones", LANG_KO, "kcn-a", "{\"code\":\"kcn-a\",\"name_lang\":\"ko\"}");
    CHECK_EQ_STR(get(d1, "zones", LANG_KO, "kcn-a"), "{\"code\":\"kcn-a\",\"name_lang\":\"ko\"}");
    CHECK_EQ_STR(get(d1, "zones", LANG_VI, "kcn-a"), "{\"code\":\"kcn-a\"}");
    put(d1, "zones", LANG_VI, "kcn-b", "{\"code\":\"kcn-b\"}");
    put(d1, "units", LANG_VI, "U0", "{\"code\":\"U0\"}");

    /* an edit of kcn-a: its rows are not served after it, the others are */
    edit_area(s, "kcn-a", 1);
    d2 = db_now(s);
    CHECK(d2 == d1 + 1);
    CHECK(get(d2, "zones", LANG_VI, "kcn-a") == NULL);
    CHECK(get(d2, "zones", LANG_KO, "kcn-a") == NULL);
    CHECK_EQ_STR(get(d1, "zones", LANG_VI, "kcn-a"), "{\"code\":\"kcn-a\"}"); /* read at d1 */
    CHECK_EQ_STR(get(d2, "zones", LANG_VI, "kcn-b"), "{\"code\":\"kcn-b\"}");
    CHECK_EQ_STR(get(d2, "units", LANG_VI, "U0"), "{\"code\":\"U0\"}");
    put(d2, "zones", LANG_VI, "kcn-a", "{\"code\":\"kcn-a\",\"total_ha\":100}");
    CHECK_EQ_STR(get(d2, "zones", LANG_VI, "kcn-a"), "{\"code\":\"kcn-a\",\"total_ha\":100}");
    CHECK(get(d1, "zones", LANG_VI, "kcn-a") == NULL); /* not what d1 saw */

    /* another process imports units: every unit row goes, no zone */
    commit_unit(path, "U1");
    d3 = db_now(s);
    CHECK(d3 > d2);
    CHECK(get(d3, "units", LANG_VI, "U0") == NULL);
    CHECK_EQ_STR(get(d3, "zones", LANG_VI, "kcn-b"), "{\"code\":\"kcn-b\"}");
    CHECK_EQ_STR(get(d3, "zones", LANG_VI, "kcn-a"), "{\"code\":\"kcn-a\",\"total_ha\":100}");

    /* more changes than the account holds: it starts again, nothing read
     * before is served, and the first row kept after frees the rest */
    edit_area(s, "kcn-b", APP_CHANGED_ROWS_MAX + 10);
    d4 = db_now(s);
    CHECK(d4 == d3 + APP_CHANGED_ROWS_MAX + 10);
    CHECK(app_changed_rows_known_from() == d4);
    CHECK(get(d4, "zones", LANG_VI, "kcn-a") == NULL);
    CHECK(api_row_memo_bytes() > 200);
    put(d4, "zones", LANG_EN, "kcn-z", "{}");
    CHECK_EQ_STR(get(d4, "zones", LANG_EN, "kcn-z"), "{}");
    CHECK(api_row_memo_bytes() > 0 && api_row_memo_bytes() < 100);
}

/* However many rows are kept, the memo stays within its room and keeps
 * serving what it holds. */
static void test_room(struct store *s)
{
    uint64_t g = db_now(s);
    static char json[64 * 1024];
    char key[32];
    int i, served = 0;

    api_row_memo_clear();
    CHECK_EQ_INT((long)api_row_memo_bytes(), 0);
    memset(json, 'x', sizeof(json) - 1);
    for (i = 0; i < 400; i++) { /* 25 MB offered */
        snprintf(key, sizeof(key), "z-%d", i);
        put(g, "zones", LANG_EN, key, json);
        CHECK(api_row_memo_bytes() <= API_ROW_MEMO_MAX_BYTES);
    }
    for (i = 0; i < 400; i++) {
        const char *got;
        snprintf(key, sizeof(key), "z-%d", i);
        got = get(g, "zones", LANG_EN, key);
        if (got) {
            served++;
            CHECK_EQ_INT((long)strlen(got), (long)sizeof(json) - 1);
        }
    }
    CHECK(served > 64 && served <= API_ROW_MEMO_MAX_BYTES / (64 * 1024));
    api_row_memo_clear();
    CHECK_EQ_INT((long)api_row_memo_bytes(), 0);
    CHECK(get(g, "zones", LANG_EN, "z-1") == NULL);

    /* no room: nothing kept, nothing served */
    put(g, "zones", LANG_EN, "z-1", "{}");
    CHECK_EQ_STR(get(g, "zones", LANG_EN, "z-1"), "{}");
    api_row_memo_set_room(0);
    CHECK(get(g, "zones", LANG_EN, "z-1") == NULL);
    put(g, "zones", LANG_EN, "z-2", "{}");
    api_row_memo_set_room(API_ROW_MEMO_MAX_BYTES);
    CHECK(get(g, "zones", LANG_EN, "z-2") == NULL);
    CHECK_EQ_STR(get(g, "zones", LANG_EN, "z-1"), "{}");
}

int main(void)
{
    struct store *s = NULL;
    struct khu_diag d;

    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof(path), "%s/memo.db", dir);
    CHECK_EQ_INT(store_open(path, STORE_READ_WRITE, &s, &d), KHU_OK);
    if (s) {
        test_keys_and_changes(s);
        test_room(s);
        store_close(s);
    }
    api_row_memo_clear();
    unlink(path);
    {
        char p[300];
        snprintf(p, sizeof(p), "%s-wal", path);
        unlink(p);
        snprintf(p, sizeof(p), "%s-shm", path);
        unlink(p);
    }
    rmdir(dir);
    return test_report("test_row_memo");
}
