-- wrk script: POST /analyze for 30 extension IDs in turn, the simulator's costliest endpoint
-- (JSON parse, registry lock, UUID, JSON answer). See docs/benchmarks-sim.md.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"publisher":"load","name":"ext' .. (n % 30) .. '"}')
end
