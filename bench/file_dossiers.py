#!/usr/bin/python3
# SPDX-License-Identifier: MIT
#
# Filing a dossier with a document, as an investor does it: POST
# /api/v1/dossiers, then POST its document (a PDF of SIZE bytes, different
# bytes each time so that none is kept once for two filings). CONC clients
# file N dossiers in all; prints the latency of each whole filing (both
# requests, the body made beforehand) as "RESULT n p50_ms p99_ms errors".
# Usage: file_dossiers.py PORT TOKEN N CONC SIZE
import http.client
import json
import os
import sys
import threading
import time

port, token = int(sys.argv[1]), sys.argv[2]
total, conc, size = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
lock = threading.Lock()
base = os.urandom(size)  # each document: these bytes under a header of its own
times, errors = [], [0]
left = [total]


def one(conn, n, pdf):
    body = json.dumps({"procedure": "irc_issue", "project_name": "Bench project %d" % n})
    conn.request("POST", "/api/v1/dossiers", body,
                 {"Content-Type": "application/json", "Authorization": "Bearer " + token})
    r = conn.getresponse()
    data = r.read()
    if r.status != 201:
        raise RuntimeError("filing: %d %s" % (r.status, data[:200]))
    code = json.loads(data)["code"]
    conn.request("POST", "/api/v1/dossiers/%s/documents?name=plan.pdf" % code, pdf,
                 {"Content-Type": "application/pdf", "Authorization": "Bearer " + token})
    r = conn.getresponse()
    data = r.read()
    if r.status != 201:
        raise RuntimeError("document: %d %s" % (r.status, data[:200]))


def worker():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while True:
        with lock:
            if left[0] == 0:
                return
            left[0] -= 1
            n = left[0]
        head = b"%%PDF-1.7\n%%%d\n" % n
        pdf = head + base[len(head):]
        t = time.perf_counter()
        try:
            one(conn, n, pdf)
            with lock:
                times.append((time.perf_counter() - t) * 1000)
        except Exception as e:  # counted, and the connection made anew
            with lock:
                errors[0] += 1
                if errors[0] <= 3:  # the first few say why
                    sys.stderr.write("file_dossiers: %s\n" % e)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)


threads = [threading.Thread(target=worker) for _ in range(conc)]
for t in threads:
    t.start()
for t in threads:
    t.join()
times.sort()


def pct(p):
    if not times:
        return 0.0
    return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]


print("RESULT %d %.1f %.1f %d" % (len(times), pct(50), pct(99), errors[0]))
