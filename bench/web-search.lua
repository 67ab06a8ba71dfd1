-- wrk script: GET /api/search over the dev queries (column 2 of ../shared/eval/queries.tsv,
-- read at run time, never copied), round robin; non-2xx answers are
-- counted by wrk as status errors.
local queries = {}
local path = os.getenv("CANCU_QUERIES") or "../shared/eval/queries.tsv"

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

init = function(args)
  local f = assert(io.open(path, "r"))
  local first = true
  for line in f:lines() do
    if not first then
      local q = line:match("^[^\t]*\t([^\t]*)")
      if q and #q > 0 then
        local seen = false
        for _, x in ipairs(queries) do if x == q then seen = true end end
        if not seen then table.insert(queries, q) end
      end
    end
    first = false
  end
  f:close()
  assert(#queries > 0, "no queries read from " .. path)
end

local i = 0
request = function()
  i = i + 1
  local q = queries[(i % #queries) + 1]
  return wrk.format("GET", "/api/search?per_page=10&q=" .. encode(q))
end

done = function(summary, latency, requests)
  io.write(string.format("queries: %d distinct\n", #queries))
  io.write(string.format("requests: %d in %.1f s = %.0f req/s\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  local e = summary.errors
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, status %d\n", e.connect, e.read, e.write, e.timeout, e.status))
end
