/* SPDX-License-Identifier: MIT */
/*
 * The memo of written rows (api/row_memo.c): a row is served only in the
 * generation it was kept in and only for its own resource, language and
 * key; the memo never holds more than its room; rows of an old generation
 * are freed when the first row of a new one is kept.
 */
#include <stdlib.h>
#include <unistd.h>

#include "api/row_memo.h"
#include "app/app_generation.h"
#include "store/import.h"
#include "store/store.h"
#include "commit.h"
#include "test.h"

static char dir[] = "/tmp/khu-row-memo-XXXXXX";
static char path[256];

/* The generation to label what is built now: read twice, as by two
 * requests, so that the first has noticed whatever changed. */
static uint64_t generation(struct store *s)
{
    struct app_generation g;

    CHECK_EQ_INT(app_generation_read(s, &g), KHU_OK);
    CHECK_EQ_INT(app_generation_read(s, &g), KHU_OK);
    CHECK(g.before == g.now);
    return g.before;
}

static const char *get(const char *resource, enum api_lang lang, const char *key)
{
    static struct buf out;

    buf_free(&out);
    buf_init(&out, 1 << 20);
    return api_row_memo_get(resource, lang, key, strlen(key), &out) ? buf_cstr(&out) : NULL;
}

static void put(uint64_t gen, const char *resource, enum api_lang lang, const char *key,
                const char *json)
{
    api_row_memo_put(gen, resource, lang, key, strlen(key), json, strlen(json));
}

static void test_keys_and_generations(struct store *s)
{
    uint64_t g = generation(s);

    CHECK(get("zones", LANG_VI, "kcn-a") == NULL);
    put(g, "zones", LANG_VI, "kcn-a", "{\"code\":\"kcn-a\"}");
    CHECK_EQ_STR(get("zones", LANG_VI, "kcn-a"), "{\"code\":\"kcn-a\"}");
    /* another language, resource or key is another row */
    CHECK(get("zones", LANG_KO, "kcn-a") == NULL);
    CHECK(get("units", LANG_VI, "kcn-a") == NULL);
    CHECK(get("zones", LANG_VI, "kcn-a2") == NULL);
    CHECK(get("zones", LANG_VI, "kcn-") == NULL);
    put(g, "zones", LANG_KO, "kcn-a", "{\"code\":\"kcn-a\",\"name_lang\":\"ko\"}");
    CHECK_EQ_STR(get("zones", LANG_KO, "kcn-a"), "{\"code\":\"kcn-a\",\"name_lang\":\"ko\"}");
    CHECK_EQ_STR(get("zones", LANG_VI, "kcn-a"), "{\"code\":\"kcn-a\"}");

    /* a commit moves the generation: nothing kept before is served */
    commit_unit(path, "U1");
    CHECK(generation(s) > g);
    CHECK(get("zones", LANG_VI, "kcn-a") == NULL);
    CHECK(get("zones", LANG_KO, "kcn-a") == NULL);
    /* a row built from data read before the move is not kept */
    put(g, "zones", LANG_VI, "kcn-b", "{}");
    CHECK(get("zones", LANG_VI, "kcn-b") == NULL);
    /* the first row of the new generation frees the old ones */
    put(generation(s), "zones", LANG_VI, "kcn-c", "{\"c\":1}");
    CHECK_EQ_STR(get("zones", LANG_VI, "kcn-c"), "{\"c\":1}");
    CHECK(api_row_memo_bytes() > 0 && api_row_memo_bytes() < 200);
}

/* However many rows are kept, the memo stays within its room and keeps
 * serving what it holds. */
static void test_room(struct store *s)
{
    uint64_t g = generation(s);
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
        got = get("zones", LANG_EN, key);
        if (got) {
            served++;
            CHECK_EQ_INT((long)strlen(got), (long)sizeof(json) - 1);
        }
    }
    CHECK(served > 64 && served <= API_ROW_MEMO_MAX_BYTES / (64 * 1024));
    api_row_memo_clear();
    CHECK_EQ_INT((long)api_row_memo_bytes(), 0);
    CHECK(get("zones", LANG_EN, "z-1") == NULL);

    /* no room: nothing kept, nothing served */
    put(g, "zones", LANG_EN, "z-1", "{}");
    CHECK_EQ_STR(get("zones", LANG_EN, "z-1"), "{}");
    api_row_memo_set_room(0);
    CHECK(get("zones", LANG_EN, "z-1") == NULL);
    put(g, "zones", LANG_EN, "z-2", "{}");
    api_row_memo_set_room(API_ROW_MEMO_MAX_BYTES);
    CHECK(get("zones", LANG_EN, "z-2") == NULL);
    CHECK_EQ_STR(get("zones", LANG_EN, "z-1"), "{}");
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
        test_keys_and_generations(s);
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
