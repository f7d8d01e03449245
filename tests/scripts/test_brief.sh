#!/bin/sh
# The PDF site brief: drawn by the real khu from the default data, then read
# back with poppler: pdftotext must find the Vietnamese and Korean text (with
# its marks), pdftoppm must render every page.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
khu=${KHU_BIN:-$top/khu}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
check() { # check DESCRIPTION COMMAND...
    what=$1
    shift
    if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
"$khu" import --dir "$top/data" --db "$tmp/k.db" >/dev/null 2>&1
check "khu brief vi" "$khu" brief kcn-long-hau ccn-long-cang --lang vi -o "$tmp/vi.pdf" --db "$tmp/k.db"
check "khu brief ko" env KHU_PROMOTION_CONTACT="IPC Long An, +84 272 000 0000" "$khu" brief kcn-long-hau --lang ko -o "$tmp/ko.pdf" --db "$tmp/k.db"
pdftotext "$tmp/vi.pdf" "$tmp/vi.txt" 2>/dev/null
pdftotext "$tmp/ko.pdf" "$tmp/ko.txt" 2>/dev/null
check "Vietnamese heading" grep -q "Hồ sơ địa điểm đầu tư" "$tmp/vi.txt"
check "Vietnamese zone name with marks" grep -q "KCN Long Hậu" "$tmp/vi.txt"
check "second zone of the shortlist" grep -q "CCN Long Cang" "$tmp/vi.txt"
check "unknown said as unknown (vi)" grep -q "chưa rõ" "$tmp/vi.txt"
check "the source URL" grep -q "nso.com.vn" "$tmp/vi.txt"
check "Korean heading" grep -q "투자 부지 개요" "$tmp/ko.txt"
check "Korean zone name" grep -q "롱하우 산업단지" "$tmp/ko.txt"
check "unknown said as unknown (ko)" grep -q "알 수 없음" "$tmp/ko.txt"
check "confidence in Korean" grep -q "신뢰도: 보통" "$tmp/ko.txt"
check "Korean percent without a space: 100%" grep -q "100%" "$tmp/ko.txt"
check "Vietnamese percent with a space: 100 %" grep -q "100 %" "$tmp/vi.txt"
check "the zone's contact (ko)" grep -q "단지 연락처(개발사): Công ty CP Long Hậu" "$tmp/ko.txt"
check "the province's contact when configured" grep -q "성 투자진흥 연락처: IPC Long An" "$tmp/ko.txt"
check "no province contact when none is configured" sh -c "! grep -q 'xúc tiến đầu tư của tỉnh:' '$tmp/vi.txt'"
check "Vietnamese numbers: 303,89 ha" grep -q "303,89 ha" "$tmp/vi.txt"
check "render every page" pdftoppm -r 40 -png "$tmp/vi.pdf" "$tmp/page"
check "a rendered page" test -s "$tmp/page-1.png"
check "unknown zone refused" sh -c "! '$khu' brief kcn-nowhere -o '$tmp/x.pdf' --db '$tmp/k.db'"
check "usage error exit 2" sh -c "'$khu' brief kcn-long-hau --db '$tmp/k.db'; test \$? -eq 2"
check "khu bench match runs over the default data" "$khu" bench match --runs 3 --zone kcn-long-hau --db "$tmp/k.db"
echo "test_brief: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
