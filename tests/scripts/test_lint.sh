#!/bin/sh
# The layer lint (tools/lint-layers) can fail: this checkout passes it, and a
# copy of src/ with one planted violation of each rule fails it, naming the
# file and the rule. The rules are those of docs/internals/architecture.md.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
lint=$top/tools/lint-layers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

if out=$("$lint" "$top" 2>&1); then ok; else fail "this checkout breaks a layer rule: $out"; fi

# plant FILE LINE EXPECTED DESCRIPTION: a fresh copy of src/ with LINE appended
# to FILE must fail the lint with EXPECTED (a fixed string) in its output
plant() {
    rm -rf "$tmp/src" "$tmp/tests" "$tmp/fuzz"
    cp -R "$top/src" "$tmp/src"
    mkdir -p "$(dirname "$tmp/$1")"
    printf '%s\n' "$2" >>"$tmp/$1"
    if out=$("$lint" "$tmp" 2>&1); then
        fail "$4: not caught"
    elif printf '%s' "$out" | grep -qF "$1:" && printf '%s' "$out" | grep -qF "$3"; then
        ok
    else
        fail "$4: wrong message: $out"
    fi
}

plant src/api/routes.c '#include <sqlite3.h>' 'only src/store/sqlite includes sqlite3.h' \
    "api includes sqlite3.h"
plant src/cli/cmd_export.c 'static void f(sqlite3 *db) { sqlite3_close(db); }' \
    'SQLite is used only inside src/store/sqlite' "cli calls sqlite3_close"
plant src/api/stats.c '#include "store/sqlite/sq.h"' 'only the SQLite backend includes' \
    "api reaches into the backend"
plant src/store/list_planted.h '#include "store/sqlite/sq.h"' 'only the SQLite backend includes' \
    "a public store header names the backend"
plant src/core/num.c '#include "store/store.h"' 'core may not include store/store.h' \
    "core includes store"
plant src/core/utf8.c '#include "http/http.h"' 'core may not include http/http.h' \
    "core includes http"
plant src/http/query.c '#include "api/api.h"' 'http may not include api/api.h' \
    "http includes api"
plant src/store/sqlite/lookup.c '#include "api/api.h"' 'store/sqlite may not include api/api.h' \
    "the backend includes api"
plant src/gen/gen_core.c '#include "store/store.h"' 'gen may not include store/store.h' \
    "the generator reaches the database"
plant src/app/app_planted.c '#include "http/http.h"' 'app may not include http/http.h' \
    "a use case sees http"
plant src/mail/smtp.c '#include "store/store.h"' 'mail may not include store/store.h' \
    "the mail sender reaches the database"
plant src/api/common.c '#include <microhttpd.h>' 'only src/http includes microhttpd.h' \
    "api includes libmicrohttpd"
plant src/core/buf.c '#include <cairo.h>' 'only src/report draws with cairo and pango' \
    "core draws"
plant tests/unit/test_api.c 'static int n(void) { return sqlite3_libversion_number(); }' \
    'SQLite is used only inside src/store/sqlite' "a test other than the backend's uses SQLite"

echo "test_lint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
