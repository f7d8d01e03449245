/* SPDX-License-Identifier: MIT */
/*
 * The process's generation of the database (app/app_generation.c): it
 * moves when a connection shows a commit; a connection asked for the first
 * time moves it only when the database changed since it last moved (with
 * the watch), and always without the watch.
 */
#include <stdlib.h>
#include <unistd.h>

#include "app/app_generation.h"
#include "store/import.h"
#include "store/store.h"
#include "commit.h"
#include "test.h"

static char dir[] = "/tmp/khu-generation-XXXXXX";
static char path[256];

static struct store *open_reader(void)
{
    struct store *s = NULL;
    struct khu_diag d;

    CHECK_EQ_INT(store_open(path, STORE_READ_ONLY, &s, &d), KHU_OK);
    return s;
}

static uint64_t now_on(struct store *s)
{
    struct app_generation g;

    CHECK_EQ_INT(app_generation_read(s, &g), KHU_OK);
    CHECK(g.before <= g.now);
    return g.now;
}

static void test_with_watch(void)
{
    struct store *watch = open_reader(), *a = open_reader(), *b, *c;
    uint64_t g;

    app_generation_watch(watch);
    g = now_on(a);
    CHECK(app_generation_current(g));
    /* a second connection, nothing committed: what a built stays good */
    b = open_reader();
    CHECK_EQ_INT(now_on(b), g);
    CHECK_EQ_INT(now_on(a), g);
    /* a commit is noticed by a connection that sees it */
    commit_unit(path, "A1");
    CHECK_EQ_INT(now_on(a), g + 1);
    CHECK(!app_generation_current(g));
    /* b (asked last before a, so new to this thread again) sees nothing
     * that came after the generation moved */
    CHECK_EQ_INT(now_on(b), g + 1);
    /* a commit no connection has noticed yet: a new connection moves it */
    commit_unit(path, "A2");
    c = open_reader();
    CHECK_EQ_INT(now_on(c), g + 2);
    CHECK_EQ_INT(now_on(a), g + 2); /* the same commit, counted already */
    store_close(c);
    /* and after that, a new connection with nothing new does not */
    c = open_reader();
    CHECK_EQ_INT(now_on(c), g + 2);
    commit_unit(path, "A3");
    CHECK_EQ_INT(now_on(c), g + 3);
    store_close(c);
    app_generation_watch(NULL);
    store_close(a);
    store_close(b);
    store_close(watch);
}

static void test_without_watch(void)
{
    struct store *a = open_reader(), *b = open_reader();
    uint64_t g;

    app_generation_watch(NULL);
    g = now_on(a);
    CHECK_EQ_INT(now_on(a), g);
    CHECK_EQ_INT(now_on(b), g + 1); /* a first look counts as a change */
    CHECK_EQ_INT(now_on(b), g + 1);
    store_close(a);
    store_close(b);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(path, sizeof(path), "%s/g.db", dir);
    commit_unit(path, "A0"); /* creates the database */
    test_with_watch();
    test_without_watch();
    {
        char f[300];
        static const char *const names[] = {"g.db", "g.db-wal", "g.db-shm"};
        size_t i;
        for (i = 0; i < 3; i++) {
            snprintf(f, sizeof(f), "%s/%s", dir, names[i]);
            unlink(f);
        }
        rmdir(dir);
    }
    return test_report("test_app_generation");
}
