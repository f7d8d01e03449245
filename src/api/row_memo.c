/* SPDX-License-Identifier: MIT */
/*
 * The memo of written rows (see row_memo.h). A row's slot is its hash
 * modulo the table; a slot holds one row, in one allocation with its
 * composite key (resource, language, key). Slots are guarded by striped
 * locks, so that the rows of one page, asked one by one, rarely wait.
 * When the account of changed rows starts again, the first row kept after
 * frees every row labelled before its start, which can no longer be
 * served: their bytes would otherwise count against the room until their
 * slots were taken. A row that changed is replaced when it is written
 * again (the same key takes the same slot).
 */
#include "api/row_memo.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "app/app_changed_rows.h"
#include "core/hash.h"
#include "core/xalloc.h"

#define STRIPES 64

struct row {
    uint64_t hash;
    uint64_t gen;
    size_t keylen; /* the composite key, then the JSON */
    size_t len;
    char data[];
};

static struct row *slots[API_ROW_MEMO_SLOTS];
static pthread_mutex_t stripes[STRIPES] = {[0 ... STRIPES - 1] = PTHREAD_MUTEX_INITIALIZER};
static pthread_mutex_t sweep_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_size_t held_bytes;
static atomic_size_t room = API_ROW_MEMO_MAX_BYTES;
static atomic_uint_least64_t swept_to; /* rows labelled before it are freed */

#define KEY_MAX 512 /* bytes of a composite key */

/* "<resource>\0<lang>\0<key>" into out (room for KEY_MAX bytes); returns
 * its length, or 0 when it does not fit. */
static size_t composite_key(char *out, const char *resource, enum api_lang lang, const char *key,
                            size_t n)
{
    const char *code = api_lang_code(lang);
    size_t r = strlen(resource), l = strlen(code);

    if (r + l + n + 2 > KEY_MAX)
        return 0;
    memcpy(out, resource, r + 1);
    memcpy(out + r + 1, code, l + 1);
    memcpy(out + r + l + 2, key, n);
    return r + l + 2 + n;
}

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = hash_fnv1a(s, n);

    return h ^ (h >> 29); /* the high bits into the slot's */
}

static size_t row_size(const struct row *r)
{
    return sizeof(*r) + r->keylen + r->len;
}

static void drop(size_t slot)
{
    struct row *r = slots[slot];

    if (!r)
        return;
    atomic_fetch_sub(&held_bytes, row_size(r));
    slots[slot] = NULL;
    xfree(r);
}

int api_row_memo_get(uint64_t db, const char *resource, enum api_lang lang, const char *key,
                     size_t n, struct buf *out)
{
    char k[KEY_MAX];
    size_t klen = composite_key(k, resource, lang, key, n), slot;
    uint64_t h;
    struct row *r;
    int found = 0;

    if (!klen || !atomic_load(&room))
        return 0;
    h = hash_bytes(k, klen);
    slot = h % API_ROW_MEMO_SLOTS;
    pthread_mutex_lock(&stripes[slot % STRIPES]);
    r = slots[slot];
    if (r && r->hash == h && r->keylen == klen && memcmp(r->data, k, klen) == 0 &&
        app_changed_rows_same(resource, key, n, r->gen, db)) {
        buf_append(out, r->data + klen, r->len);
        found = !out->err;
    }
    pthread_mutex_unlock(&stripes[slot % STRIPES]);
    return found;
}

/* Frees every row labelled before gen, once for each gen. */
static void sweep_older(uint64_t gen)
{
    size_t i;

    pthread_mutex_lock(&sweep_lock);
    if (atomic_load(&swept_to) < gen) {
        for (i = 0; i < API_ROW_MEMO_SLOTS; i++) {
            pthread_mutex_lock(&stripes[i % STRIPES]);
            if (slots[i] && slots[i]->gen < gen)
                drop(i);
            pthread_mutex_unlock(&stripes[i % STRIPES]);
        }
        atomic_store(&swept_to, gen);
    }
    pthread_mutex_unlock(&sweep_lock);
}

void api_row_memo_put(uint64_t gen, const char *resource, enum api_lang lang, const char *key,
                      size_t n, const char *json, size_t len)
{
    char k[KEY_MAX];
    size_t klen = composite_key(k, resource, lang, key, n), slot;
    uint64_t from = app_changed_rows_known_from();
    struct row *r;

    if (!klen || !atomic_load(&room) || gen < from)
        return; /* read before what the account covers: never served */
    if (atomic_load(&swept_to) < from)
        sweep_older(from);
    r = xmalloc(sizeof(*r) + klen + len);
    if (!r)
        return;
    r->hash = hash_bytes(k, klen);
    r->gen = gen;
    r->keylen = klen;
    r->len = len;
    memcpy(r->data, k, klen);
    memcpy(r->data + klen, json, len);
    slot = r->hash % API_ROW_MEMO_SLOTS;
    pthread_mutex_lock(&stripes[slot % STRIPES]);
    drop(slot);
    if (atomic_load(&held_bytes) + row_size(r) <= atomic_load(&room)) {
        slots[slot] = r;
        atomic_fetch_add(&held_bytes, row_size(r));
        r = NULL;
    }
    pthread_mutex_unlock(&stripes[slot % STRIPES]);
    xfree(r); /* no room: not kept */
}

void api_row_memo_set_room(size_t bytes)
{
    atomic_store(&room, bytes);
}

size_t api_row_memo_bytes(void)
{
    return atomic_load(&held_bytes);
}

void api_row_memo_clear(void)
{
    size_t i;

    for (i = 0; i < API_ROW_MEMO_SLOTS; i++) {
        pthread_mutex_lock(&stripes[i % STRIPES]);
        drop(i);
        pthread_mutex_unlock(&stripes[i % STRIPES]);
    }
    atomic_store(&swept_to, 0);
}
