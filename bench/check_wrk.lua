-- wrk script for bench/check_http.sh: POST /v1/check with a realistic
-- 10-line prescription by CIS for an 80-year-old (the body is given in
-- the environment variable CHECK_BODY by the script). Counts non-200s.
local body = os.getenv("CHECK_BODY")
if body ~= nil and body ~= "" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = body
end
local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("p50=%.0fus p99=%.0fus requests=%d non2xx_socket_errors=%d\n",
    latency:percentile(50), latency:percentile(99), summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
