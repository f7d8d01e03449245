/* SPDX-License-Identifier: MIT */
/*
 * The answer cache of the read API (see cache.h).
 *
 * When answers go stale: the rule of app/app_generation.c. An answer is
 * looked up under the generation read after noticing this connection's
 * changes (`now`), and an answer built is kept under the generation read
 * before (`before`), only while that is still the current one. Answers of
 * an older generation are never served again and are dropped when the
 * next answer is stored.
 */
#include "api/cache.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "app/app_generation.h"
#include "core/hash.h"
#include "core/xalloc.h"

#define MAX_ENTRIES 256

struct entry {
    char *key; /* owned; NULL when the slot is empty */
    size_t keylen;
    uint64_t hash;
    uint64_t gen;
    char *body; /* owned */
    size_t len;
    const char *content_type; /* static string, as handlers set it */
    char disposition[160];
    int no_etag;
    atomic_ullong use; /* tick of the last hit, for eviction */
};

static struct entry entries[MAX_ENTRIES];
static size_t total_bytes;
static atomic_ullong tick;
static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;

/* ===== keys ===== */

/* Appends "<length>:<bytes>" so that no two lists of strings give the
 * same key. Returns -1 when the key is full. */
static int key_add(struct api_cache_ticket *t, const char *s)
{
    size_t n = strlen(s), room = sizeof(t->key) - t->keylen;
    int w = snprintf(t->key + t->keylen, room, "%zu:", n);

    if (w < 0 || (size_t)w + n >= room)
        return -1;
    memcpy(t->key + t->keylen + (size_t)w, s, n);
    t->keylen += (size_t)w + n;
    return 0;
}

static int make_key(struct api_cache_ticket *t, const char *name, const struct http_req *req,
                    enum api_lang lang, enum api_format format)
{
    size_t i;
    int rc;

    t->keylen = 0;
    rc = key_add(t, name) || key_add(t, req->path) || key_add(t, api_lang_code(lang)) ||
         key_add(t, format == FORMAT_CSV       ? "csv"
                    : format == FORMAT_GEOJSON ? "geojson"
                    : format == FORMAT_XLSX    ? "xlsx"
                                               : "json");
    for (i = 0; i < req->nparams && !rc; i++)
        rc = key_add(t, req->params[i].name) || key_add(t, req->params[i].value);
    return rc;
}

/* ===== lookup and keep ===== */

static struct entry *find(const struct api_cache_ticket *t, uint64_t h, uint64_t gen)
{
    size_t i;

    for (i = 0; i < MAX_ENTRIES; i++) {
        struct entry *e = &entries[i];
        if (e->key && e->gen == gen && e->hash == h && e->keylen == t->keylen &&
            memcmp(e->key, t->key, t->keylen) == 0)
            return e;
    }
    return NULL;
}

/* Copies e into resp; returns 0 when memory runs out (resp left empty). */
static int copy_out(const struct entry *e, struct http_resp *resp)
{
    buf_reset(&resp->body);
    if (buf_append(&resp->body, e->body, e->len) != KHU_OK) {
        buf_reset(&resp->body);
        return 0;
    }
    resp->status = 200;
    resp->content_type = e->content_type;
    memcpy(resp->content_disposition, e->disposition, sizeof(resp->content_disposition));
    resp->no_etag = e->no_etag;
    return 1;
}

int api_cache_get(struct api_cache_ticket *t, struct store *s, const char *name,
                  const struct http_req *req, enum api_lang lang, enum api_format format,
                  struct http_resp *resp)
{
    struct entry *e;
    struct app_generation g;
    int hit = 0;

    t->usable = 0;
    if (make_key(t, name, req, lang, format) || app_generation_read(s, &g))
        return 0;
    t->gen = g.before;
    t->db = g.db;
    t->usable = 1;
    pthread_rwlock_rdlock(&lock);
    e = find(t, hash_fnv1a(t->key, t->keylen), g.now);
    if (e) {
        atomic_store(&e->use, atomic_fetch_add(&tick, 1) + 1);
        hit = copy_out(e, resp);
    }
    pthread_rwlock_unlock(&lock);
    return hit;
}

static void drop(struct entry *e)
{
    total_bytes -= e->len;
    xfree(e->key);
    xfree(e->body);
    e->key = NULL;
    e->body = NULL;
    e->len = 0;
}

/* Empties a slot for an answer of len bytes: drops answers of older
 * generations, then the least recently used ones until the answer fits.
 * Returns the slot, or NULL when it cannot fit. Called with the write lock. */
static struct entry *make_room(uint64_t gen, size_t len)
{
    struct entry *slot = NULL, *lru;
    size_t i;

    for (i = 0; i < MAX_ENTRIES; i++)
        if (entries[i].key && entries[i].gen != gen)
            drop(&entries[i]);
    for (;;) {
        lru = NULL;
        slot = NULL;
        for (i = 0; i < MAX_ENTRIES; i++) {
            struct entry *e = &entries[i];
            if (!e->key)
                slot = slot ? slot : e;
            else if (!lru || atomic_load(&e->use) < atomic_load(&lru->use))
                lru = e;
        }
        if (slot && total_bytes + len <= API_CACHE_MAX_BYTES)
            return slot;
        if (!lru)
            return NULL;
        drop(lru);
    }
}

void api_cache_keep(const struct api_cache_ticket *t, const struct http_resp *resp)
{
    struct entry *e;
    uint64_t h;
    char *key, *body;

    if (!t->usable || resp->status != 200 || resp->body.err || resp->body.len > API_CACHE_MAX_BODY)
        return;
    h = hash_fnv1a(t->key, t->keylen);
    key = xstrndup(t->key, t->keylen);
    body = xmalloc(resp->body.len + 1);
    if (!key || !body)
        goto out;
    if (resp->body.len)
        memcpy(body, resp->body.data, resp->body.len);
    pthread_rwlock_wrlock(&lock);
    if (app_generation_current(t->gen) && !find(t, h, t->gen)) {
        e = make_room(t->gen, resp->body.len);
        if (e) {
            e->key = key;
            e->keylen = t->keylen;
            e->hash = h;
            e->gen = t->gen;
            e->body = body;
            e->len = resp->body.len;
            e->content_type = resp->content_type;
            memcpy(e->disposition, resp->content_disposition, sizeof(e->disposition));
            e->no_etag = resp->no_etag;
            atomic_store(&e->use, atomic_fetch_add(&tick, 1) + 1);
            total_bytes += e->len;
            key = NULL;
            body = NULL;
        }
    }
    pthread_rwlock_unlock(&lock);
out:
    xfree(key);
    xfree(body);
}
