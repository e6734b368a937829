-- wrk script (wrk 4): each connection walks its own orders through the benchmarks' OrderCycle over the REST
-- binding, one command per request, in order: open (POST, 201), update (PUT, 200), assign (PUT .../agent, 200),
-- close (DELETE, 200), then its next order. Run it with as many threads as connections (-t N -c N): wrk keeps one Lua
-- state per thread, so the cycle below is one connection's state.
-- Argument (after --): a run label; order ids are wrk-<label>-<thread>-<n>, so two runs on one server never share
-- an order. done() prints one line the suite reads:
--   supportflow-wrk responses R unexpected U errors E p99us P seconds S first <status step order body | none>
-- where U counts responses whose status is not the step's, and E wrk's own connect, read, write and timeout errors.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local expected = { 201, 200, 200, 200 }
local label, order, step, orderId
unexpected = 0
first = "none"

function init(args)
  label = args[1] or "run"
  order = 0
  step = 1
  orderId = "wrk-" .. label .. "-" .. id .. "-0"
end

local json = { ["Content-Type"] = "application/json" }
local supervisor = { ["Content-Type"] = "application/json", ["X-Actor"] = "supervisor" }
local agent = { ["X-Actor"] = "agent" }

function request()
  local path = "/support/" .. orderId
  if step == 1 then
    return wrk.format("POST", path, json,
      '{"descriptor":{"name":"Parcel arrived damaged"},"callback_phone":"+254700123456"}')
  elseif step == 2 then
    return wrk.format("PUT", path, json,
      '{"descriptor":{"name":"Parcel arrived damaged, photo attached"},"callback_phone":"+254700123456"}')
  elseif step == 3 then
    return wrk.format("PUT", path .. "/agent", supervisor, '{"id":"agent-' .. (id % 64) .. '"}')
  end
  return wrk.format("DELETE", path, agent)
end

function response(status, headers, body)
  if status ~= expected[step] then
    if unexpected == 0 then
      first = status .. " step " .. step .. " " .. orderId .. " " .. string.sub(body or "", 1, 300)
    end
    unexpected = unexpected + 1
  end
  step = step + 1
  if step > #expected then
    step = 1
    order = order + 1
    orderId = "wrk-" .. label .. "-" .. id .. "-" .. order
  end
end

function done(summary, latency, requests)
  local total, firstSeen = 0, "none"
  for _, thread in ipairs(threads) do
    local count = thread:get("unexpected")
    if count > 0 and firstSeen == "none" then
      firstSeen = thread:get("first")
    end
    total = total + count
  end
  local e = summary.errors
  io.write(string.format("supportflow-wrk responses %d unexpected %d errors %d p99us %d seconds %.6f first %s\n",
    summary.requests, total, e.connect + e.read + e.write + e.timeout, latency:percentile(99),
    summary.duration / 1e6, firstSeen))
end
