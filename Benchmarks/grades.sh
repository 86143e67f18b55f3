#!/usr/bin/env bash
# Grade lookups and burden tables: the Swift SDK (release build) against a straightforward
# Python implementation of the same lookup and formula, on the same data files and inputs.
# The two must agree on every checksum; the script fails otherwise.
#
# Usage: Benchmarks/grades.sh [LOOKUPS] [TABLES]      (defaults 2,000,000 and 20,000)
set -euo pipefail
cd "$(dirname "$0")/.."

lookups="${1:-2000000}"
tables="${2:-20000}"
python_tables=$(( tables / 20 > 0 ? tables / 20 : 1 ))

echo "== release build of nhi-bench" >&2
swift build -c release --product nhi-bench 2>&1 | grep -E "error|warning: .*(Sources|Benchmarks)/" || true
bench=".build/release/nhi-bench"

swift_json=$("$bench" grades --lookups "$lookups" --tables "$tables" --repeats 5 --json)
python_json=$(python3 Benchmarks/reference/grades.py Sources/NHIGrades/Resources/Tables "$lookups" "$python_tables" 3)

python3 - "$swift_json" "$python_json" <<'PY'
import json, platform, sys
s, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
ok = all(s[k] == p[k] for k in ("lookupChecksum", "premiumChecksum", "tableChecksum"))
print(f"machine: {platform.machine()}, Python {platform.python_version()}")
print(f"{'workload':44} {'Swift (release)':>18} {'Python 3':>16} {'ratio':>8}")
print(f"{'lookup: date + salary → grade':44} {s['lookupsPerSecond']/1e6:>14.2f} M/s {p['lookupsPerSecond']/1e6:>12.2f} M/s {s['lookupsPerSecond']/p['lookupsPerSecond']:>7.1f}×")
print(f"{'  (' + format(s['lookups'], ',') + ' lookups)':44} {1e9/s['lookupsPerSecond']:>15.1f} ns {1e9/p['lookupsPerSecond']:>13.1f} ns")
print(f"{'lookup + NHI premium (3 shares)':44} {s['premiumsPerSecond']/1e6:>14.2f} M/s {p['premiumsPerSecond']/1e6:>12.2f} M/s {s['premiumsPerSecond']/p['premiumsPerSecond']:>7.1f}×")
print(f"{'burden table, every grade of 2026 (58)':44} {s['tableMicroseconds']:>15.2f} µs {p['tableMicroseconds']:>13.2f} µs {p['tableMicroseconds']/s['tableMicroseconds']:>7.1f}×")
print("checksums " + ("agree" if ok else f"DIFFER: swift {s} python {p}"))
sys.exit(0 if ok else 1)
PY
