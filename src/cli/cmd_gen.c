/* SPDX-License-Identifier: MIT */
/*
 * `khu gen`: the command over the generator module (gen/gen.h). It parses
 * the options, checks or creates the output directory (refusing one that
 * is not empty without --force), runs the generator and prints the summary
 * line; the data set itself is the module's business.
 */
#include "cli/commands.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/xalloc.h"
#include "gen/gen.h"

static const char gen_usage[] =
    "usage: khu gen [--scale province|national|world] [--seed N] [--force] [--quiet] DIR\n"
    "\n"
    "Writes a synthetic data set as DIR/<table>.csv, one file per table, ready\n"
    "for `khu import --dir DIR`. The same seed gives byte-identical files.\n"
    "\n"
    "  --scale S   province (default): 1 province, 80 zones, 2,000 enterprises\n"
    "              national: 700 units, 2,000 zones, 200,000 enterprises\n"
    "              world:    100,000 zones, 1,000,000 enterprises\n"
    "  --seed N    random seed, 0 to 18446744073709551615 (default 1)\n"
    "  --force     write into DIR even if it is not empty (files are replaced)\n"
    "  --quiet     do not print the summary line\n"
    "  --help      show this help\n"
    "\n"
    "DIR is created if missing. Every row's source says \"synthetic (khu gen seed N)\".\n";

struct cmd_gen_opts {
    const char *scale;
    uint64_t seed;
    int force;
    int quiet;
    const char *dir;
};

/* Parses a decimal seed; digits only, no sign, no overflow. */
static int parse_seed(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;

    if (!s || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = (uint64_t)v;
    return 0;
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("khu gen: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'khu gen --help'.\n", stderr);
    return EXIT_USAGE;
}

/* Returns 0 with o filled, -1 after --help (printed), or EXIT_USAGE after
 * printing why the arguments are wrong. */
static int parse_args(int argc, char **argv, struct cmd_gen_opts *o)
{
    int i;

    o->scale = "province";
    o->seed = 1;
    o->force = 0;
    o->quiet = 0;
    o->dir = NULL;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(gen_usage, stdout);
            return -1;
        } else if (strcmp(a, "--force") == 0) {
            o->force = 1;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            o->quiet = 1;
        } else if (strcmp(a, "--scale") == 0 || strncmp(a, "--scale=", 8) == 0) {
            o->scale = a[7] == '=' ? a + 8 : (i + 1 < argc ? argv[++i] : NULL);
            if (!gen_scale_known(o->scale))
                return usage_error("--scale must be province, national or world, not '%s'",
                                   o->scale ? o->scale : "");
        } else if (strcmp(a, "--seed") == 0 || strncmp(a, "--seed=", 7) == 0) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (parse_seed(v, &o->seed) != 0)
                return usage_error("--seed must be a whole number from 0 to "
                                   "18446744073709551615, not '%s'",
                                   v ? v : "");
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s'", a);
        } else if (o->dir) {
            return usage_error("only one DIR may be given; '%s' is extra", a);
        } else {
            o->dir = a;
        }
    }
    if (!o->dir || !o->dir[0])
        return usage_error("%smissing DIR, the directory to write the CSV files to", "");
    return 0;
}

/* ===== Output directory ===== */

/* Returns 1 if dir has entries other than . and .., 0 if not, -1 on error. */
static int dir_has_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;

    if (!d)
        return -1;
    for (e = readdir(d); e && !found; e = readdir(d))
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            found = 1;
    closedir(d);
    return found;
}

/* Creates dir and its missing parents (mode 0777 less umask). Returns 0 or
 * -1 with errno set. */
static int make_dirs(const char *dir)
{
    char *path = xstrdup(dir);
    char *p;
    int rc = -1;

    if (!path) {
        errno = ENOMEM;
        goto out;
    }
    for (p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            goto out;
        *p = '/';
    }
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        goto out;
    rc = 0;
out:
    xfree(path);
    return rc;
}

/* Checks or creates the output directory. Returns 0, EXIT_USAGE or 1. */
static int prepare_dir(const struct cmd_gen_opts *o)
{
    struct stat st;
    int has;

    if (stat(o->dir, &st) != 0) {
        if (errno != ENOENT || make_dirs(o->dir) != 0) {
            fprintf(stderr, "khu gen: cannot create %s: %s\n", o->dir, strerror(errno));
            return 1;
        }
        return 0;
    }
    if (!S_ISDIR(st.st_mode))
        return usage_error("%s exists and is not a directory", o->dir);
    has = dir_has_entries(o->dir);
    if (has < 0) {
        fprintf(stderr, "khu gen: cannot read %s: %s\n", o->dir, strerror(errno));
        return 1;
    }
    if (has && !o->force)
        return usage_error("%s is not empty; use --force to write into it anyway", o->dir);
    return 0;
}

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cmd_gen(int argc, char **argv)
{
    struct cmd_gen_opts o;
    struct gen_report rep;
    double t0 = now_s();
    int rc;

    rc = parse_args(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    rc = prepare_dir(&o);
    if (rc != 0)
        return rc;
    if (gen_write_dir(o.dir, o.scale, o.seed, &rep) != KHU_OK) {
        fprintf(stderr, "khu gen: %s\n", rep.message);
        return 1;
    }
    if (!o.quiet)
        printf("khu gen: %s scale, seed %llu: %zu files, %ld rows in %.2f s -> %s\n", o.scale,
               (unsigned long long)o.seed, rep.files, rep.rows, now_s() - t0, o.dir);
    return 0;
}
