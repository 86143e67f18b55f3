#!/usr/bin/env bash
# Benchmark: the local service on SQLite (issue 6) against bare SQLite through Python's
# sqlite3 module on the same shapes, in the same run (Benchmarks/service/reference.py):
#   - importing 100,000 filings from one file (validated, audited, idempotent by hash);
#   - importing 1,000,000 in-force roster rows;
#   - the in-force roster query of a 10,000-person unit (median of N).
# Targets (issue 6): 100,000 filings < 1 s; roster query < 10 ms. Not a test: nothing fails
# on a slow machine; the figures are for people.
#
#   Benchmarks/service.sh [FILINGS] [ROSTER_ROWS] [UNIT_SIZE] [QUERIES]
set -euo pipefail
cd "$(dirname "$0")/.."
filings=${1:-100000}; roster=${2:-1000000}; unit=${3:-10000}; queries=${4:-50}
out=Benchmarks/.out/service
mkdir -p "$out"

echo "== build (release)" >&2
swift build -c release --product nhi-bench 2>&1 | grep -E "error|warning: .*(Sources|Benchmarks)/" || true
bin=$(swift build -c release --show-bin-path)

echo "== nhi-bench service" >&2
"$bin/nhi-bench" service --directory "$out" --filings "$filings" --roster-rows "$roster" \
  --unit-size "$unit" --queries "$queries" --json > "$out/swift.json"
echo "== Python sqlite3 reference" >&2
python3 Benchmarks/service/reference.py "$out" "$filings" "$roster" "$unit" "$queries" > "$out/reference.txt"

python3 - "$out/swift.json" "$out/reference.txt" "$filings" "$roster" "$unit" <<'PY'
import json, os, sys
swift = json.load(open(sys.argv[1]))
ref = dict(line.split() for line in open(sys.argv[2]))
filings, roster, unit = sys.argv[3:6]
print(f"machine: {os.cpu_count()} cores, load {' '.join(open('/proc/loadavg').read().split()[:3])}")
print(f"{'workload':52} {'NHIService':>12} {'bare sqlite3':>13} {'target':>9}")
rows = [
    (f"import {int(filings):,} filings (s)", swift["filingImportSeconds"], float(ref["filings"]), "< 1 s"),
    (f"import {int(roster):,} roster rows (s)", swift["rosterImportSeconds"], float(ref["roster-import"]), ""),
    (f"in-force roster, {int(unit):,}-person unit (median ms)", swift["rosterQueryMedianMs"], float(ref["roster-query-ms"]), "< 10 ms"),
]
for name, ours, theirs, target in rows:
    print(f"{name:52} {ours:12.3f} {theirs:13.3f} {target:>9}")
print("NHIService validates every row, audits and checks idempotence; the reference only inserts/selects.")
PY
