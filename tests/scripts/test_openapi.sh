#!/bin/sh
# Starts the real khu on an empty database, fetches /api/v1/openapi.json and
# validates it with a standard OpenAPI 3.1 validator (npm, from the lockfile).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
[ -d "$top/node_modules/@seriousme/openapi-schema-validator" ] ||
    (cd "$top" && npm ci --no-audit --no-fund >/dev/null 2>&1) ||
    { echo "test_openapi: 0 passed, 1 failed (npm ci failed)"; exit 1; }
"${KHU_BIN:-$top/khu}" serve --empty --db "$tmp/o.db" --port 0 > "$tmp/out" 2>/dev/null &
pid=$!
i=0
while ! grep -q listening "$tmp/out" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$tmp/out")
curl -sf "http://127.0.0.1:$port/api/v1/openapi.json" -o "$tmp/openapi.json" ||
    { echo "test_openapi: 0 passed, 1 failed (no document)"; exit 1; }
cd "$top" && node tests/scripts/validate-openapi.mjs "$tmp/openapi.json"
