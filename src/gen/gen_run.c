/* SPDX-License-Identifier: MIT */
/*
 * One run of the generator (gen_write_dir in gen.h): opens dir/<table>.csv
 * for each table of core/schema.c in turn, writes its header and hands it
 * to that table's writer from gen_tables.c, and turns the first failure
 * into a message naming the file. The only file I/O of the module.
 */
#include "gen/gen_int.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/xalloc.h"

/* stdio buffer of each output file: the row writer hands it large blocks. */
#define GEN_STDIO_BUF (1024 * 1024)

int gen_scale_known(const char *name)
{
    return name && gen_scale_find(name) != NULL;
}

/* Starts a run of g over table t, writing to out. */
static void begin_table(struct gen *g, const struct table_def *t, FILE *out)
{
    g->out = out;
    g->t = t;
    g->col = 0;
    g->rows = 0;
    g->err = KHU_OK;
    g->errmsg[0] = '\0';
    buf_reset(&g->line);
}

/* Writes dir/<t>.csv. Returns KHU_OK, or an error with rep->message set. */
static enum khu_err write_table(struct gen *g, const char *dir, const struct table_def *t,
                                struct gen_report *rep)
{
    gen_table_fn fn = gen_table_find(t->name);
    size_t n = strlen(dir) + strlen(t->name) + 6;
    char *path = xmalloc(n), *iobuf = xmalloc(GEN_STDIO_BUF);
    FILE *f = NULL;
    enum khu_err err = KHU_ENOMEM;

    if (!path || !iobuf) {
        snprintf(rep->message, sizeof(rep->message), "out of memory");
        goto out;
    }
    snprintf(path, n, "%s/%s.csv", dir, t->name);
    f = fopen(path, "wb");
    if (!f) {
        err = KHU_EIO;
        snprintf(rep->message, sizeof(rep->message), "cannot create %s: %s", path, strerror(errno));
        goto out;
    }
    setvbuf(f, iobuf, _IOFBF, GEN_STDIO_BUF);
    begin_table(g, t, f);
    gen_header(g);
    if (fn && !g->err)
        fn(g);
    gen_flush(g);
    if (fclose(f) != 0 && !g->err) {
        g->err = KHU_EIO;
        snprintf(g->errmsg, sizeof(g->errmsg), "%s.csv: %s", t->name, strerror(errno));
    }
    g->out = NULL;
    err = g->err;
    if (err)
        snprintf(rep->message, sizeof(rep->message), "%s: %s", path,
                 g->errmsg[0] ? g->errmsg : khu_err_str(err));
out:
    xfree(path);
    xfree(iobuf);
    return err;
}

enum khu_err gen_write_dir(const char *dir, const char *scale, uint64_t seed,
                           struct gen_report *rep)
{
    struct gen g;
    const struct table_def *tables;
    size_t ntables, i;
    enum khu_err err = KHU_OK;

    memset(rep, 0, sizeof(*rep));
    memset(&g, 0, sizeof(g));
    g.sc = scale ? gen_scale_find(scale) : NULL;
    if (!g.sc) {
        snprintf(rep->message, sizeof(rep->message), "unknown scale '%s'", scale ? scale : "");
        return KHU_EINVAL;
    }
    g.seed = seed;
    snprintf(g.source, sizeof(g.source), "synthetic (khu gen seed %llu)", (unsigned long long)seed);
    buf_init(&g.line, GEN_LINE_MAX);
    tables = schema_tables(&ntables);
    for (i = 0; i < ntables && !err; i++) {
        err = write_table(&g, dir, &tables[i], rep);
        if (!err) {
            rep->files++;
            rep->rows += g.rows;
        }
    }
    buf_free(&g.line);
    return err;
}
