#!/usr/bin/env bash
# HTTP benchmark of POST /v1/check over loopback with wrk (docs/BENCHMARKS.md,
# "Prescription check"). Starts `vigie serve` on a KB ($VIGIE_DB, built by
# check_bench if absent) with the audit log on (hash chain, group commit:
# each response is sent only after its audit record is fsync'ed), then runs
# wrk at saturation on POST /v1/check and, in the same run, on GET /healthz
# (the server's own ceiling on this machine: the in-run reference).
# Usage: bench/check_http.sh BUILD_DIR [seconds] [connections] [server threads]
set -euo pipefail
build="$(cd "${1:-build/release}" && pwd)"; secs="${2:-20}"; conns="${3:-64}"; threads="${4:-$conns}"
root="$(cd "$(dirname "$0")/.." && pwd)"
db="${VIGIE_DB:-/tmp/vigie_check_bench.sqlite}"
[[ -f "$db" ]] || "$build/bench/check_bench" 10 >/dev/null
tmp="$(mktemp -d)"
# The access log goes to stderr (a file written by the OS, no fsync per line).
# Local-development authenticator (loopback only): the bench is about the check.
# Run in the scratch folder: the master key and data keys are created there,
# never in the repository.
(cd "$tmp" && exec "$build/src/cli/vigie" --db "$db" serve --port 0 --threads "$threads" \
  --dev-role clinician --audit-log "$tmp/audit.jsonl" --access-log - --json \
  > "$tmp/serve.out" 2> "$tmp/access.log") &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do grep -q '"url"' "$tmp/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o '"url": *"[^"]*"' "$tmp/serve.out" | head -1 | sed 's/.*"\(http[^"]*\)"/\1/')"
# The request of check_bench (10 lines by CIS, 80-year-old): written by it.
body_file="${CHECK_BODY_FILE:-/tmp/vigie_check_body.json}"
[[ -f "$body_file" ]] || CHECK_BODY_FILE="$body_file" "$build/bench/check_bench" 10 >/dev/null
export CHECK_BODY="$(cat "$body_file")"
curl -s -o /dev/null -w 'warm-up: HTTP %{http_code}\n' -H 'Content-Type: application/json' -d "$CHECK_BODY" "$url/v1/check"
echo "machine: $(nproc) cores; load: $(uptime)"
# CPU time of the server and of wrk per request (from /proc and time(1)): on
# a loaded machine throughput measures the wait for a core, these do not.
tck="$(getconf CLK_TCK)"
server_cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
echo "== POST /v1/check (10 lines by CIS, audit on)"
c0="$(server_cpu)"
TIMEFORMAT="wrk CPU: user %U s, sys %S s"
time wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$root/bench/check_wrk.lua" "$url/v1/check" \
  | tee "$tmp/wrk.out"
c1="$(server_cpu)"
requests="$(grep -o 'requests=[0-9]*' "$tmp/wrk.out" | cut -d= -f2)"
echo "server CPU: $(( (c1 - c0) * 1000000 / tck / requests )) us per request ($requests requests)"
echo "audit events: $(wc -l < "$tmp/audit.jsonl")"
(cd "$tmp" && "$build/src/cli/vigie" audit verify "$tmp/audit.jsonl" --json) 2>/dev/null | head -c 300 || true
echo
echo "== GET /healthz (reference: the server alone, no check, no audit)"
CHECK_BODY="" wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$root/bench/check_wrk.lua" "$url/healthz"
echo "load after: $(uptime)"
