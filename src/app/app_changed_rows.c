/* SPDX-License-Identifier: MIT */
/*
 * The process's account of changed rows (see app_changed_rows.h): an
 * open-addressed table of "table\0key" → the last generation it changed,
 * a short list of tables changed as a whole, and the window they cover.
 * Readers take a read lock; one follower at a time asks the database,
 * outside the write lock, and then applies what it learned under it.
 */
#include "app/app_changed_rows.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "core/buf.h"
#include "core/hash.h"
#include "core/xalloc.h"
#include "store/rows.h"

#define SLOTS      (APP_CHANGED_ROWS_MAX * 2) /* half full at most */
#define TABLES     32
#define TABLE_NAME 64

struct changed_row {
    uint64_t hash, gen; /* gen 0: an empty slot */
    char *key;          /* "table\0key", owned */
    size_t len;
};

struct changed_table {
    char name[TABLE_NAME];
    uint64_t gen;
};

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t follow_lock = PTHREAD_MUTEX_INITIALIZER;
static struct changed_row rows[SLOTS];
static size_t nrows;
static struct changed_table tables[TABLES];
static size_t ntables;
static uint64_t known_from, known_to; /* under lock */
static atomic_ullong known_to_now;    /* known_to, for the quick look */
static atomic_ullong known_from_now;
static atomic_int started;

static uint64_t hash_of(const char *s, size_t n)
{
    uint64_t h = hash_fnv1a(s, n);

    return h ^ (h >> 31); /* the high bits into the slot's */
}

/* "table\0key" into out; its length, or 0 when it does not fit. */
static size_t composite(char out[STORE_ROW_KEY_MAX + TABLE_NAME], const char *table,
                        const char *key, size_t n)
{
    size_t t = strlen(table);

    if (t >= TABLE_NAME || n > STORE_ROW_KEY_MAX)
        return 0;
    memcpy(out, table, t + 1);
    memcpy(out + t + 1, key, n);
    return t + 1 + n;
}

/* The slot of k (len bytes, hash h): its own, or the empty one it would
 * take. */
static size_t slot_of(const char *k, size_t len, uint64_t h)
{
    size_t i = (size_t)(h % SLOTS);

    while (rows[i].gen &&
           !(rows[i].hash == h && rows[i].len == len && memcmp(rows[i].key, k, len) == 0))
        i = (i + 1) % SLOTS;
    return i;
}

/* Empties the account and starts its window at db. Call with the write
 * lock. */
static void start_at(uint64_t db)
{
    size_t i;

    for (i = 0; i < SLOTS; i++) {
        xfree(rows[i].key);
        rows[i] = (struct changed_row){0};
    }
    nrows = ntables = 0;
    known_from = known_to = db;
    atomic_store(&known_from_now, db);
    atomic_store(&known_to_now, db);
}

/* Notes that the row k (or, k NULL, table as a whole) changed at gen.
 * Returns 0, or -1 when the account is full. Call with the write lock. */
static int note(const char *table, const char *key, uint64_t gen)
{
    char k[STORE_ROW_KEY_MAX + TABLE_NAME];
    size_t len, i;
    uint64_t h;

    if (!key) {
        for (i = 0; i < ntables && strcmp(tables[i].name, table) != 0; i++)
            ;
        if (i == ntables) {
            if (ntables == TABLES || strlen(table) >= TABLE_NAME)
                return -1;
            memcpy(tables[ntables].name, table, strlen(table) + 1);
            ntables++;
        }
        tables[i].gen = gen;
        return 0;
    }
    len = composite(k, table, key, strlen(key));
    if (!len)
        return -1;
    h = hash_of(k, len);
    i = slot_of(k, len, h);
    if (!rows[i].gen) {
        if (nrows == APP_CHANGED_ROWS_MAX || !(rows[i].key = xmalloc(len)))
            return -1;
        memcpy(rows[i].key, k, len);
        rows[i].hash = h;
        rows[i].len = len;
        nrows++;
    }
    rows[i].gen = gen;
    return 0;
}

/* ===== following the database ===== */

/* The changes of one follow, read before the write lock is taken. */
struct learned {
    struct buf text; /* per change: gen (8 bytes), table\0, then 1 and key\0, or 0 */
    long n;
    int too_many;
};

static int learn(void *arg, const struct store_change *c)
{
    struct learned *l = arg;

    if (++l->n > APP_CHANGED_ROWS_MAX) {
        l->too_many = 1;
        return 1;
    }
    buf_append(&l->text, &c->gen, sizeof(c->gen));
    buf_append(&l->text, c->table, strlen(c->table) + 1);
    buf_putc(&l->text, c->key ? 1 : 0);
    if (c->key)
        buf_append(&l->text, c->key, strlen(c->key) + 1);
    return 0;
}

/* Applies what l holds and moves the window to db; starts again at db
 * when it does not fit. Call with the write lock. */
static void apply(struct learned *l, uint64_t db)
{
    const char *p = l->text.data, *end = p + l->text.len;
    int full = 0;

    while (!full && p < end) {
        uint64_t gen;
        const char *table, *key = NULL;

        memcpy(&gen, p, sizeof(gen));
        table = p + sizeof(gen);
        p = table + strlen(table) + 1;
        if (*p++) {
            key = p;
            p += strlen(p) + 1;
        }
        full = note(table, key, gen) != 0;
    }
    if (full) {
        start_at(db);
        return;
    }
    known_to = db;
    atomic_store(&known_to_now, db);
}

void app_changed_rows_follow(struct store *s, uint64_t db)
{
    struct learned l = {.n = 0};
    enum khu_err err = KHU_OK;
    uint64_t from;

    if (atomic_load(&started) && db <= atomic_load(&known_to_now))
        return;
    pthread_mutex_lock(&follow_lock);
    from = atomic_load(&known_to_now);
    if (!atomic_load(&started) || db > from) {
        buf_init(&l.text, (size_t)1 << 22);
        if (atomic_load(&started))
            err = store_changes(s, from, db, learn, &l);
        pthread_rwlock_wrlock(&lock);
        if (!atomic_load(&started) || err || l.too_many || l.text.err)
            start_at(db);
        else
            apply(&l, db);
        atomic_store(&started, 1);
        pthread_rwlock_unlock(&lock);
        buf_free(&l.text);
    }
    pthread_mutex_unlock(&follow_lock);
}

int app_changed_rows_same(const char *table, const char *key, size_t n, uint64_t a, uint64_t b)
{
    char k[STORE_ROW_KEY_MAX + TABLE_NAME];
    uint64_t lo = a < b ? a : b, hi = a < b ? b : a;
    size_t len, i;
    int same;

    if (a == b)
        return 1; /* one snapshot */
    len = composite(k, table, key, n);
    if (!len)
        return 0;
    pthread_rwlock_rdlock(&lock);
    same = atomic_load(&started) && known_from <= lo && hi <= known_to;
    for (i = 0; same && i < ntables; i++)
        if (strcmp(tables[i].name, table) == 0 && tables[i].gen > lo)
            same = 0;
    if (same) {
        i = slot_of(k, len, hash_of(k, len));
        same = !rows[i].gen || rows[i].gen <= lo;
    }
    pthread_rwlock_unlock(&lock);
    return same;
}

uint64_t app_changed_rows_known_from(void)
{
    return atomic_load(&known_from_now);
}

void app_changed_rows_reset(void)
{
    pthread_mutex_lock(&follow_lock);
    pthread_rwlock_wrlock(&lock);
    start_at(0);
    atomic_store(&started, 0);
    pthread_rwlock_unlock(&lock);
    pthread_mutex_unlock(&follow_lock);
}
