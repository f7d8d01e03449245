#!/bin/sh
# Starts the real khu on the default data set, with an officer's token, and
# reads every list's XLSX answer back with openpyxl (Debian's
# python3-openpyxl) to compare it, value by value and type by type, with
# the JSON or CSV answer of the same request: tests/scripts/xlsx_check.py.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
khu=${KHU_BIN:-$top/khu}
py=/usr/bin/python3
$py -c 'import openpyxl' 2>/dev/null ||
    { echo "test_xlsx: 0 passed, 1 failed (python3-openpyxl is missing: tools/deps test)"; exit 1; }
cd "$top" || exit 1
# the default data, and an enterprise and a project (the default set has
# none) whose columns hold every type: whole numbers, decimals, dates, yes/no
cat >"$tmp/enterprises.csv" <<'CSV'
tax_code,name,name_en,country,ownership,zone_code,vsic,employees,founded,supplier,lat,lon,source
0312345678,Công ty TNHH Hanil Vina,Hanil Vina Co.,KR,fdi,kcn-long-hau,2930,1200,2008,0,10.583,106.6685,test fixture
0300000001,Công ty CP Cơ khí Đức Hòa,,VN,domestic,,2592,85,1999,1,,,test fixture
CSV
cat >"$tmp/projects.csv" <<'CSV'
code,name,investor_tax_code,zone_code,vsic,capital_usd,land_ha,jobs,status,registered_on,country,source
prj-hanil-2,Hanil Vina mở rộng,0312345678,kcn-long-hau,2930,25000000.5,4.25,300,licensed,2024-03-15,KR,test fixture
CSV
"$khu" import --dir data --db "$tmp/x.db" >/dev/null 2>&1 &&
    "$khu" import enterprises "$tmp/enterprises.csv" --db "$tmp/x.db" >/dev/null 2>&1 &&
    "$khu" import projects "$tmp/projects.csv" --db "$tmp/x.db" >"$tmp/err" 2>&1 ||
    { echo "test_xlsx: 0 passed, 1 failed (import: $(cat "$tmp/err"))"; exit 1; }
printf 'Mùa lúa chín ở Đức Hòa\n' | "$khu" user add xlsx.officer --role officer --db "$tmp/x.db" \
    >/dev/null 2>&1 || { echo "test_xlsx: 0 passed, 1 failed (user add)"; exit 1; }
token=$("$khu" token add xlsx.officer --db "$tmp/x.db" 2>/dev/null)
"$khu" serve --db "$tmp/x.db" --port 0 >"$tmp/out" 2>/dev/null &
pid=$!
i=0
while ! grep -q listening "$tmp/out" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(sed -n 's/.*:\([0-9]*\)$/\1/p' "$tmp/out")
KHU_XLSX_TOKEN=$token $py tests/scripts/xlsx_check.py "http://127.0.0.1:$port"
