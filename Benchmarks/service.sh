#!/usr/bin/env bash
# Benchmark: the service on SQLite and on PostgreSQL in one run, each next to bare SQL on the
# same shapes in the same run:
#   - importing 100,000 filings from one file (validated, audited, idempotent by hash);
#   - importing 1,000,000 in-force roster rows;
#   - the in-force roster query of a 10,000-person unit (median of N);
#   - PostgreSQL only: 8 counters (separate processes) filing one enrolment at a time for
#     S seconds — filings per second, p50/p99 latency per filing, each filing stored once.
# References: Python's sqlite3 (Benchmarks/service/reference.py); psql with COPY and with
# INSERT, and pgbench (Benchmarks/service/reference_postgres.py). PostgreSQL is a private
# cluster in a temporary folder (scripts/lib/pg-cluster) with its durable defaults.
# Targets (issue 13): SQLite 100,000 filings ≈ 0.9 s, roster 5 ms; PostgreSQL 100,000
# filings < 3 s, roster < 15 ms, p99 < 50 ms per filing with 8 counters. Not a test: nothing
# fails on a slow machine; the figures are for people.
#
#   Benchmarks/service.sh [FILINGS] [ROSTER_ROWS] [UNIT_SIZE] [QUERIES] [COUNTER_SECONDS] [COUNTERS]
set -euo pipefail
cd "$(dirname "$0")/.."
filings=${1:-100000}; roster=${2:-1000000}; unit=${3:-10000}; queries=${4:-50}; seconds=${5:-30}; counters=${6:-8}
out=Benchmarks/.out/service
mkdir -p "$out"
work="$(mktemp -d /tmp/nhi-bench-service.XXXXXX)"
chmod 755 "$work"
pg="$work/pg"
cleanup() { scripts/lib/pg-cluster destroy "$pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== build (release)" >&2
swift build -c release --product nhi-bench 2>&1 | grep -E "error|warning: .*(Sources|Benchmarks)/" || true
bin=$(swift build -c release --show-bin-path)

echo "== SQLite: nhi-bench service" >&2
"$bin/nhi-bench" service --directory "$work" --filings "$filings" --roster-rows "$roster" \
  --unit-size "$unit" --queries "$queries" --json > "$out/sqlite.json"
echo "== SQLite: Python sqlite3 reference" >&2
python3 Benchmarks/service/reference.py "$work" "$filings" "$roster" "$unit" "$queries" > "$out/sqlite-reference.txt"

echo "== PostgreSQL: private cluster" >&2
url="$(PG_CLUSTER_DURABLE=1 scripts/lib/pg-cluster start "$pg")"
echo "== PostgreSQL: nhi-bench service" >&2
"$bin/nhi-bench" service --postgres "$url" --directory "$work" --filings "$filings" --roster-rows "$roster" \
  --unit-size "$unit" --queries "$queries" --json > "$out/postgres.json"
echo "== PostgreSQL: nhi-bench counters ($counters counters, $seconds s)" >&2
"$bin/nhi-bench" counters --postgres "$url" --counters "$counters" --seconds "$seconds" --json > "$out/counters.json"
echo "== PostgreSQL: psql and pgbench reference" >&2
python3 Benchmarks/service/reference_postgres.py "$work" "$url" "$filings" "$roster" "$unit" "$queries" "$seconds" "$counters" \
  > "$out/postgres-reference.txt"

python3 - "$out" "$filings" "$roster" "$unit" "$counters" <<'PY'
import json, os, sys
out, filings, roster, unit, counters = sys.argv[1], *map(int, sys.argv[2:6])
def ref(name): return {k: float(v) for k, v in (line.split() for line in open(os.path.join(out, name)))}
sqlite, postgres, crowd = (json.load(open(os.path.join(out, n))) for n in ("sqlite.json", "postgres.json", "counters.json"))
sref, pref = ref("sqlite-reference.txt"), ref("postgres-reference.txt")
print(f"machine: {os.cpu_count()} cores, load {' '.join(open('/proc/loadavg').read().split()[:3])}")
print(f"{'workload':54} {'NHIService':>11} {'bare SQL':>10} {'':>12} {'target':>9}")
rows = [
    ("SQLite", f"import {filings:,} filings (s)", sqlite["filingImportSeconds"], sref["filings"], "sqlite3", "0.9 s"),
    ("SQLite", f"import {roster:,} roster rows (s)", sqlite["rosterImportSeconds"], sref["roster-import"], "sqlite3", ""),
    ("SQLite", f"in-force roster, {unit:,}-person unit (median ms)", sqlite["rosterQueryMedianMs"], sref["roster-query-ms"], "sqlite3", "5 ms"),
    ("PostgreSQL", f"import {filings:,} filings (s)", postgres["filingImportSeconds"], pref["filings-copy"], "psql COPY", "< 3 s"),
    ("PostgreSQL", "", None, pref["filings-insert"], "psql INSERT", ""),
    ("PostgreSQL", f"import {roster:,} roster rows (s)", postgres["rosterImportSeconds"], pref["roster-import"], "psql COPY", ""),
    ("PostgreSQL", f"in-force roster, {unit:,}-person unit (median ms)", postgres["rosterQueryMedianMs"], pref["roster-query-ms"], "psql", "< 15 ms"),
    ("PostgreSQL", f"{counters} counters: filings per second", crowd["filingsPerSecond"], pref["counters-per-second"], "pgbench", ""),
    ("PostgreSQL", f"{counters} counters: p50 per filing (ms)", crowd["p50Ms"], pref["counters-p50-ms"], "pgbench", ""),
    ("PostgreSQL", f"{counters} counters: p99 per filing (ms)", crowd["p99Ms"], pref["counters-p99-ms"], "pgbench", "< 50 ms"),
]
store = None
for kind, name, ours, theirs, how, target in rows:
    if kind != store:
        print(f"-- {kind}"); store = kind
    mine = f"{ours:11.3f}" if ours is not None else " " * 11
    print(f"{name:54} {mine} {theirs:10.3f} {how:>12} {target:>9}")
print(f"counters: {crowd['filings']:,} filings in {crowd['seconds']:.1f} s, {crowd['stored']:,} stored (each once).")
print("NHIService validates every row, audits, checks idempotence and serialises writes; the references only insert/select.")
PY
