-- wrk script: POST /api/jobs with the API key from $FLEETJOBS_API_KEY and a fresh request id
-- per request (so every request goes through validation, the idempotency index and Kafka).
local counter = 0
local thread_id = 0
local key = os.getenv("FLEETJOBS_API_KEY")
local run = os.getenv("BENCH_RUN") or "run"
local threads = {}
-- WRK_DELAY_MS > 0 paces each connection (wait that long after each response), for a
-- latency measurement at a fixed offered rate instead of at saturation.
local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-API-Key"] = key
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"requestId":"wrk-%s-%d-%d","target":{"deviceIds":["door-%d","o\'brien"]},' ..
    '"action":{"directMethod":{"methodName":"lockDoor","payload":{"lockTime":"10m"}}},' ..
    '"maxExecutionTimeInSeconds":600}', run, thread_id, counter, counter % 100)
  return wrk.format(nil, "/api/jobs", nil, body)
end

function delay()
  return pause
end
