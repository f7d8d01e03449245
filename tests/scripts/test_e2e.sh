#!/bin/sh
# End-to-end tests of the web app: starts the real khu (KHU_BIN) on a free
# loopback port with the default data, drives Debian's chromium with
# playwright-core (npm, from the lockfile) through tests/e2e/*.test.mjs,
# with three accounts to sign in with (an officer, a viewer, an admin).
# Screenshots go to build/e2e-artifacts/. Prints "test_e2e: N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; [ -n "$pid" ] && wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "test_e2e: 0 passed, 1 failed ($1)"; exit 1; }
chromium=${KHU_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || fail "no $chromium: apt-get install chromium (tools/deps test)"
[ -d "$top/node_modules/playwright-core" ] ||
    (cd "$top" && npm ci --no-audit --no-fund >/dev/null 2>&1) || fail "npm ci failed"
KHU_TODAY=${KHU_TODAY:-2026-01-15} \
    "${KHU_BIN:-$top/khu}" serve --db "$tmp/e2e.db" --port 0 > "$tmp/out" 2>"$tmp/err" &
pid=$!
i=0
while ! grep -q listening "$tmp/out" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$tmp/out")
[ -n "$port" ] || { cat "$tmp/err"; fail "khu serve did not start"; }
# the accounts the tests sign in with (accounts, edit, inbox and admin
# .test.mjs; the password on standard input, never on a command line)
password='Lúa chín ở Đức Hòa, e2e 2026'
printf '%s\n' "$password" | "${KHU_BIN:-$top/khu}" user add e2e-officer --role officer \
    --db "$tmp/e2e.db" > /dev/null 2>"$tmp/user-err" &&
printf '%s\n' "$password" | "${KHU_BIN:-$top/khu}" user add e2e-viewer --role viewer \
    --display-name 'Nguyễn Thị Hoa' --db "$tmp/e2e.db" > /dev/null 2>>"$tmp/user-err" &&
printf '%s\n' "$password" | "${KHU_BIN:-$top/khu}" user add e2e-admin --role admin \
    --db "$tmp/e2e.db" > /dev/null 2>>"$tmp/user-err" ||
    { cat "$tmp/user-err"; fail "khu user add failed"; }
mkdir -p "$top/build/e2e-artifacts"
cd "$top" && KHU_URL="http://127.0.0.1:$port" KHU_CHROMIUM="$chromium" \
    KHU_E2E_BIN="$(cd "$(dirname "${KHU_BIN:-$top/khu}")" && pwd)/$(basename "${KHU_BIN:-$top/khu}")" \
    KHU_E2E_OFFICER=e2e-officer KHU_E2E_VIEWER=e2e-viewer KHU_E2E_ADMIN=e2e-admin \
    KHU_E2E_PASSWORD="$password" \
    KHU_E2E_ARTIFACTS="$top/build/e2e-artifacts" timeout 900 node tests/e2e/run.mjs > "$tmp/log" 2>&1
rc=$?
[ $rc -eq 124 ] && { cat "$tmp/log"; fail "timed out"; }
closing='^test_e2e: [0-9]+ passed, [0-9]+ failed$'
grep -v -E "$closing" "$tmp/log"
line=$(grep -E "$closing" "$tmp/log" | tail -n 1)
[ -n "$line" ] || fail "no result from tests/e2e/run.mjs (exit $rc)"
passed=$(printf '%s' "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
failed=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed$/\1/')
# the server served every page: it must stop cleanly (and, under ASan, without leaks)
kill -TERM $pid
wait $pid
src=$?
pid=
if [ $src -eq 0 ]; then passed=$((passed + 1)); else
    failed=$((failed + 1))
    echo "not ok - khu serve exited $src after the tests:"
    tail -n 20 "$tmp/err"
fi
echo "test_e2e: $passed passed, $failed failed"
[ $failed -eq 0 ] && [ $rc -eq 0 ]
