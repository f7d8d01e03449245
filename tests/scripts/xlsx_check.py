"""Reads khu's XLSX answers back and compares them with JSON and CSV.

For each list the same request is made as XLSX and as JSON (or CSV, where
the list is built as CSV): the sheet's header must be the columns, every
row and value must match, numbers must be numbers, dates dates, yes/no
booleans and codes text; the header row is frozen, no column is left at
the default width, and an About sheet names the licence and the sources.
Prints "test_xlsx: N passed, M failed" and exits 1 on a failure.
"""
import csv
import datetime
import io
import json
import os
import sys
import urllib.request

import openpyxl

BASE = sys.argv[1]
TOKEN = os.environ.get("KHU_XLSX_TOKEN", "")
passed = 0
failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"  xlsx: {what}", file=sys.stderr)


def get(path, accept=None, auth=False):
    req = urllib.request.Request(BASE + path)
    if accept:
        req.add_header("Accept", accept)
    if auth:
        req.add_header("Authorization", "Bearer " + TOKEN)
    with urllib.request.urlopen(req) as r:
        return r.status, r.headers, r.read()


def sheet(path, auth=False):
    status, headers, body = get(path, auth=auth)
    check(status == 200, f"{path}: status {status}")
    check(headers.get("Content-Type", "").startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        f"{path}: type {headers.get('Content-Type')}")
    check("attachment" in headers.get("Content-Disposition", ""), f"{path}: not a download")
    wb = openpyxl.load_workbook(io.BytesIO(body))
    check(wb.sheetnames[-1] == "About", f"{path}: sheets {wb.sheetnames}")
    ws = wb[wb.sheetnames[0]]
    check(ws.freeze_panes == "A2", f"{path}: header not frozen ({ws.freeze_panes})")
    check(ws["A1"].font.b, f"{path}: header not bold")
    about = {r[0]: r[1] for r in wb["About"].iter_rows(values_only=True) if r[0]}
    check("Licence" in about and "Sources cited" in about, f"{path}: About is {about}")
    return ws, about


def rows_of(ws):
    rows = list(ws.iter_rows(values_only=True))
    return list(rows[0]), [list(r) for r in rows[1:]]


def same(cell, want, kind, where):
    """The cell read back against the JSON value of the same column."""
    if want is None or want == "":
        check(cell is None, f"{where}: {cell!r} for nothing")
    elif kind == "date":
        check(isinstance(cell, datetime.datetime) and cell.date().isoformat() == want,
              f"{where}: {cell!r} is not the date {want}")
    elif kind == "bool":
        check(isinstance(cell, bool) and cell == bool(want), f"{where}: {cell!r} vs {want!r}")
    elif isinstance(want, bool):
        check(isinstance(cell, bool) and cell == want, f"{where}: {cell!r} vs {want!r}")
    elif isinstance(want, (int, float)):
        check(isinstance(cell, (int, float)) and not isinstance(cell, bool)
              and abs(cell - want) <= 1e-9 * max(1, abs(want)), f"{where}: {cell!r} vs {want!r}")
    else:
        check(isinstance(cell, str) and cell == str(want), f"{where}: {cell!r} vs {want!r}")


def datasets_kinds():
    """Column types of each table, from the open-data description."""
    _, _, body = get("/api/v1/datasets")
    kinds = {}
    for d in json.loads(body)["datasets"]:
        kinds[d["name"]] = {f["name"]: f.get("type") for f in d.get("fields", [])}
    return kinds


def check_list(name, query, kinds):
    ws, about = sheet(f"/api/v1/{name}.xlsx?{query}")
    check(about.get("Asked as", "").startswith(f"/api/v1/{name}.xlsx"), f"{name}: asked as")
    header, rows = rows_of(ws)
    _, _, body = get(f"/api/v1/{name}?{query}&limit=500")
    items = json.loads(body)["items"]
    check(len(rows) == len(items), f"{name}: {len(rows)} rows, JSON has {len(items)}")
    check(len(items) > 0, f"{name}: nothing to compare")
    for col in header[:len(header) if items else 0]:
        check(col in items[0], f"{name}: column {col} not in the JSON")
    for i, (row, item) in enumerate(zip(rows, items)):
        for col, cell in zip(header, row):
            kind = kinds.get(name, {}).get(col)
            same(cell, item.get(col), "date" if kind == "date" else
                 "bool" if kind == "boolean" else None, f"{name} row {i + 1} {col}")
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width
              for i in range(len(header))]
    check(all(w and w >= 8 for w in widths), f"{name}: widths {widths}")
    return header, rows


def check_csv_twin(path, types, auth=False):
    """An answer built as CSV: the same request as CSV, typed by types."""
    ws, _ = sheet(f"{path}.xlsx", auth)
    header, rows = rows_of(ws)
    _, _, body = get(f"{path}.csv", auth=auth)
    records = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    check(header == records[0], f"{path}: header {header} vs {records[0]}")
    check(len(rows) == len(records) - 1, f"{path}: {len(rows)} rows vs {len(records) - 1}")
    for i, (row, rec) in enumerate(zip(rows, records[1:])):
        for col, cell, text in zip(header, row, rec):
            kind = types.get(col, "text")
            where = f"{path} row {i + 1} {col}"
            if text == "":
                check(cell is None, f"{where}: {cell!r} for nothing")
            elif kind == "number":
                same(cell, float(text), None, where)
            elif kind == "bool":
                same(cell, text in ("1", "true"), "bool", where)
            elif kind == "date":
                same(cell, text, "date", where)
            else:
                check(cell == text.lstrip("'") if text.startswith("'=") else cell == text,
                      f"{where}: {cell!r} vs {text!r}")
    return rows


kinds = datasets_kinds()
# every workbook the catalog lists opens, with a row for each of the
# dataset's rows (the targets' summary: one per target at least)
for d in json.loads(get("/api/v1/datasets")[2])["datasets"]:
    books = [x["url"] for x in d["downloads"] if x["format"].startswith("xlsx")]
    check(len(books) == 1, f"{d['name']}: workbooks in the catalog: {books}")
    for url in books:
        ws, _ = sheet(url)
        _, book_rows = rows_of(ws)
        if d["name"] != "targets":
            check(len(book_rows) == d["rows"], f"{url}: {len(book_rows)} rows, catalog {d['rows']}")
        else:
            check(len(book_rows) >= 1, f"{url}: no rows")
header, rows = check_list("zones", "kind=kcn", kinds)
check(header[:3] == ["code", "kind", "name_vi"], f"zones header {header[:3]}")
# a unit code is text, even when it is all digits
unit = header.index("unit_code")
check(all(r[unit] is None or isinstance(r[unit], str) for r in rows), "zones: unit_code typed")
header, rows = check_list("enterprises", "", kinds)
by_tax = {r[0]: r for r in rows}
check(by_tax["0312345678"][header.index("employees")] == 1200
      and by_tax["0312345678"][header.index("supplier")] is False
      and by_tax["0300000001"][header.index("supplier")] is True
      and by_tax["0312345678"][header.index("vsic")] == "2930",
      f"enterprises typed: {rows}")
header, rows = check_list("projects", "", kinds)
check(rows[0][header.index("registered_on")] == datetime.datetime(2024, 3, 15),
      f"projects date: {rows[0]}")
check_list("units", "", kinds)
check_list("sectors", "", kinds)
check_list("sources", "", kinds)
check_csv_twin("/api/v1/stats", {
    "count": "number", "total_ha": "number", "industrial_ha": "number", "leased_ha": "number",
    "industrial_ha_with_lease": "number", "area_unknown": "number", "counted": "bool",
    "industrial_known": "number", "leased_known": "number", "occupancy_known": "number",
    "available_ha": "number", "available_known": "number"})
check_csv_twin("/api/v1/targets", {
    "baseline_value": "number", "baseline_on": "date", "target_value": "number",
    "due_on": "date", "value": "number", "value_on": "date", "share_done": "number",
    "projected": "number"})
check_csv_twin("/api/v1/leads", {"received_on": "date"}, auth=True)

# the audit trail: ids as numbers, times as times, as its JSON says
ws, _ = sheet("/api/v1/audit.xlsx", auth=True)
header, rows = rows_of(ws)
_, _, body = get("/api/v1/audit?limit=500", auth=True)
records = json.loads(body)["records"]
check(len(rows) == len(records), f"audit: {len(rows)} rows vs {len(records)}")
for row, rec in zip(rows, records):
    check(row[0] == rec["id"] and isinstance(row[0], int), f"audit id {row[0]!r}")
    at = datetime.datetime.fromisoformat(rec["at"].replace("Z", ""))
    check(isinstance(row[1], datetime.datetime) and abs((row[1] - at).total_seconds()) < 1,
          f"audit at {row[1]!r} vs {rec['at']}")
    check(row[header.index("actor")] == rec["actor"], "audit actor")

# nobody signed in sees no inquiry, in any form
try:
    get("/api/v1/leads.xlsx")
    check(False, "leads.xlsx answered nobody")
except urllib.error.HTTPError as e:
    check(e.code == 401, f"leads.xlsx for nobody: {e.code}")

print(f"test_xlsx: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
