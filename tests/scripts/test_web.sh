#!/bin/sh
# The server side of the web app, against the real khu (KHU_BIN): page
# routes and their parameter checks, embedded assets with their content
# types, a year-long cache only under this build's version, ETag and 304,
# /api/v1/config with and without --tiles. Prints "test_web: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; [ -n "$pid" ] && wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
        failed=$((failed + 1)); echo "FAIL $1: expected '$2', got '$3'"; fi
}
start() { # start [ARGS...]: serves an empty database on a free port
    [ -n "$pid" ] && { kill $pid; wait $pid 2>/dev/null; }
    rm -f "$tmp"/w.db* "$tmp/out"
    "${KHU_BIN:-$top/khu}" serve --empty \
        --db "$tmp/w.db" --port 0 "$@" > "$tmp/out" 2>"$tmp/err" &
    pid=$!
    i=0
    while ! grep -q listening "$tmp/out" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
    base="http://127.0.0.1:$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$tmp/out")"
}
status() { curl -s -o /dev/null -w '%{http_code}' "$base$1"; }
header() { curl -s -D - -o /dev/null ${3:+-H "$3"} "$base$1" | tr -d '\r' | sed -n "s/^$2: //Ip" | head -n 1; }

start
for p in / /map /finder /zones/kcn-long-hau '/finder?kind=kcn&status=operating&sort=-total_ha&lang=en' \
    '/map?unit=802' '/?lang=ko' /login '/login?lang=ko' /inbox '/inbox?lang=en' /audit \
    /admin/users '/admin/users?lang=ko' /dossiers /dossiers/new /dossiers/HS-2026-000001 /queue \
    /notifications /track '/performance?lang=ko' /admin/calendar /admin/time-limits \
    /admin/procedures /suppliers /suppliers/0300000001 '/demands?lang=ko' /demands/NC-1 \
    /pipeline /linkage; do
    check "GET $p" 200 "$(status "$p")"
    check "GET $p type" "text/html; charset=utf-8" "$(header "$p" content-type)"
done
check "unknown parameter on a page" 400 "$(status '/?kind=kcn')"
check "unknown parameter on the finder" 400 "$(status '/finder?colour=red')"
check "a nested page path" 404 "$(status '/zones/a/b')"
check "the inbox keeps its filter in the fragment, not the query" 400 "$(status '/inbox?status=new')"
check "no page above the users page" 404 "$(status '/admin')"
check "the tracking page takes a dossier's code" 200 "$(status '/track?code=hs-1&lang=en')"
check "but never its secret" 400 "$(status '/track?code=hs-1&secret=x')"
check "a dossier's page takes no parameter but lang" 400 "$(status '/dossiers/HS-1?secret=x')"
check "no page below a dossier's" 404 "$(status '/dossiers/HS-1/documents')"
version=$(curl -s "$base/api/v1/config" | sed -n 's/.*"assets_version":"\([0-9a-f]*\)".*/\1/p')
check "version is 12 hex digits" 12 "${#version}"
check "the page names its assets by version" 1 \
    "$(curl -s "$base/" | grep -c "/static/$version/app.js")"
check "no placeholder left" 0 "$(curl -s "$base/" | grep -c __KHU_VERSION__)"
for f in app.js:text/javascript i18n.js:text/javascript app.css:text/css leaflet.js:text/javascript \
    leaflet.css:text/css uPlot.iife.min.js:text/javascript layers.png:image/png LICENSES.txt:text/plain \
    outline.json:application/json; do
    name=${f%%:*}
    type=${f#*:}
    check "$name status" 200 "$(status "/static/$version/$name")"
    check "$name type" "$type" "$(header "/static/$version/$name" content-type | sed 's/;.*//')"
    check "$name cache" "public, max-age=31536000, immutable" \
        "$(header "/static/$version/$name" cache-control)"
done
check "asset of another build: served" 200 "$(status /static/000000000000/app.js)"
check "asset of another build: revalidated" no-cache "$(header /static/000000000000/app.js cache-control)"
check "missing asset" 404 "$(status "/static/$version/nope.js")"
check "asset with a parameter" 400 "$(status "/static/$version/app.js?x=1")"
check "pages are revalidated" no-cache "$(header / cache-control)"
etag=$(header "/static/$version/leaflet.js" etag)
check "asset ETag" 1 "$(printf '%s' "$etag" | grep -c '^"')"
check "asset 304" 304 "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" \
    "$base/static/$version/leaflet.js")"
check "asset gzip" gzip "$(header "/static/$version/leaflet.js" content-encoding 'Accept-Encoding: gzip')"
check "the licences are served" 1 \
    "$(curl -s "$base/static/$version/LICENSES.txt" | grep -c 'BSD 2-Clause License')"
check "config without tiles" '{"tiles":null,"tiles_attribution":null' \
    "$(curl -s "$base/api/v1/config" | cut -c1-38)"
check "config takes no parameter" 400 "$(status '/api/v1/config?x=1')"
check "config in the OpenAPI document" 1 \
    "$(curl -s "$base/api/v1/openapi.json" | grep -c '"/api/v1/config"')"
start --tiles 'https://tiles.example.org/{z}/{x}/{y}.png' --tiles-attribution '© Example'
check "config with tiles" '"https://tiles.example.org/{z}/{x}/{y}.png"' \
    "$(curl -s "$base/api/v1/config" | sed -n 's/.*"tiles":\("[^"]*"\).*/\1/p')"
check "tile attribution" '"© Example"' \
    "$(curl -s "$base/api/v1/config" | sed -n 's/.*"tiles_attribution":\("[^"]*"\).*/\1/p')"
KHU_TILES='http://127.0.0.1:9/{z}/{x}/{y}.png' start
check "tiles from KHU_TILES" '"http://127.0.0.1:9/{z}/{x}/{y}.png"' \
    "$(curl -s "$base/api/v1/config" | sed -n 's/.*"tiles":\("[^"]*"\).*/\1/p')"
"${KHU_BIN:-$top/khu}" serve --empty --db "$tmp/x.db" --tiles 'ftp://x/{z}' >/dev/null 2>&1
check "a tile URL that is not http is refused" 2 "$?"
echo "test_web: $passed passed, $failed failed"
[ $failed -eq 0 ]
