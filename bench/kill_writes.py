"""A burst of audited writes for bench/writes' kill -9 test.

Writes zone notes through PATCH from several threads until the server
dies, and prints each write the server acknowledged (a 200) as
"code<TAB>note": what must survive the kill.
"""
import http.client
import json
import sys
import threading

port, token, etags_path, threads = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
etags = [line.split() for line in open(etags_path) if line.strip()]
lock = threading.Lock()
acked = []


def writer(t):
    mine = [e for i, e in enumerate(etags) if i % threads == t]
    tags = {code: tag for code, tag in mine}
    n = 0
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while True:
            code = mine[n % len(mine)][0]
            n += 1
            note = f"kill {t}-{n}"
            body = json.dumps({"fields": {"note": note}, "source": "bench/writes kill"})
            conn.request("PATCH", f"/api/v1/zones/{code}", body, {
                "Content-Type": "application/json", "Authorization": "Bearer " + token,
                "If-Match": tags[code]})
            r = conn.getresponse()
            answer = r.read()
            if r.status == 200:
                tags[code] = '"' + json.loads(answer)["version"] + '"'
                with lock:
                    acked.append((code, note))
    except Exception:
        return


ts = [threading.Thread(target=writer, args=(t,)) for t in range(threads)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for code, note in acked:
    print(f"{code}\t{note}")
