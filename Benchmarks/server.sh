#!/usr/bin/env bash
# Benchmark: filings through nhi-server over HTTP on loopback with 1, 4 and 16 concurrent
# counters (each its own NHIServiceClient and session, filing one enrolment at a time), and
# the same enrolments as in-process calls (NHIService.perform) in the same run as the floor.
# The server runs in the benchmark's process over a fresh PostgreSQL database (a private
# cluster with PostgreSQL's durable defaults, scripts/lib/pg-cluster) seeded with the demo
# office. Targets (issue 14): p99 < 100 ms at 16 counters; over the in-process call < 2 ms at
# p50 with one counter. Not a test: the figures are for people.
#
#   Benchmarks/server.sh [SECONDS_PER_RUN]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
out=Benchmarks/.out/server
mkdir -p "$out"
work="$(mktemp -d /tmp/nhi-bench-server.XXXXXX)"
chmod 755 "$work"
cleanup() { scripts/lib/pg-cluster destroy "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== build (release)" >&2
swift build -c release --product nhi-bench-server 2>&1 | grep -E "error|warning: .*(Sources|Benchmarks)/" || true
bin=$(swift build -c release --show-bin-path)
echo "== PostgreSQL: private cluster" >&2
url="$(PG_CLUSTER_DURABLE=1 scripts/lib/pg-cluster start "$work/pg")"
echo "== nhi-bench-server ($seconds s per run)" >&2
"$bin/nhi-bench-server" --postgres "$url" --seconds "$seconds" --counters 1 4 16 --json > "$out/server.json"

python3 - "$out/server.json" <<'PY'
import json, os, sys
runs = json.load(open(sys.argv[1]))
print(f"machine: {os.cpu_count()} cores, load {' '.join(open('/proc/loadavg').read().split()[:3])}")
print(f"{'how':12} {'counters':>8} {'filings':>8} {'per s':>8} {'p50 ms':>8} {'p99 ms':>8}")
for r in runs:
    print(f"{r['mode']:12} {r['counters']:8d} {r['filings']:8d} {r['perSecond']:8.1f} {r['p50Ms']:8.2f} {r['p99Ms']:8.2f}")
floor = next(r for r in runs if r["mode"] == "in-process")
one = next(r for r in runs if r["mode"] == "http" and r["counters"] == 1)
most = max((r for r in runs if r["mode"] == "http"), key=lambda r: r["counters"])
print(f"HTTP over the in-process call at p50, one counter: {one['p50Ms'] - floor['p50Ms']:.2f} ms (target < 2 ms)")
print(f"p99 with {most['counters']} counters: {most['p99Ms']:.2f} ms (target < 100 ms)")
PY
