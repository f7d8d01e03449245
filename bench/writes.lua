-- Audited PATCHes of zones for bench/writes: each wrk thread writes its own
-- zones, each with the version its last answer gave, so that no write is
-- stale (BENCH_ETAGS: lines "code etag"; BENCH_TOKEN: an officer's API
-- token; BENCH_DELAY_MS: a pause before each write of a connection, for a
-- paced rate; 0: as fast as the server answers). Prints at the end how
-- many answers were 412: a connection wrote a zone again before the
-- answer to its write before, sent on another connection, came back (the
-- stale version is refused, as it must be); any other refusal is counted
-- by wrk as Non-2xx.
local zones, etag = {}, {}
local threads = {}
stale = 0
setup = function(thread)
  thread:set("t", #threads)
  threads[#threads + 1] = thread
end
init = function(args)
  local f = assert(io.open(os.getenv("BENCH_ETAGS"), "r"))
  local i = 0
  for line in f:lines() do
    local code, tag = line:match("^(%S+) (%S+)$")
    if code and i % 2 == (t or 0) then
      zones[#zones + 1] = code
      etag[code] = tag
    end
    i = i + 1
  end
  f:close()
  token = os.getenv("BENCH_TOKEN")
  pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
end
delay = function()
  return pause
end
local n = 0
request = function()
  n = n + 1
  local code = zones[n % #zones + 1]
  local body = '{"fields":{"note":"bench ' .. (t or 0) .. '-' .. n .. '"},"source":"bench/writes"}'
  return wrk.format("PATCH", "/api/v1/zones/" .. code, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["If-Match"] = etag[code],
  }, body)
end
response = function(status, headers, body)
  if status == 412 then stale = stale + 1 end
  if status == 200 then
    local key, version = body:match('"key":"([^"]+)","version":"([0-9a-f]+)"')
    if key then etag[key] = '"' .. version .. '"' end
  end
end
done = function(summary, latency, requests)
  local n = 0
  for _, thread in ipairs(threads) do n = n + thread:get("stale") end
  io.write(string.format("stale: %d\n", n))
end
