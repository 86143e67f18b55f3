#!/usr/bin/env bash
# Benchmark: `nhi validate --kind national-id --json` over N national IDs from a file,
# against the straightforward Python reference in Benchmarks/reference, in the same run.
#   Benchmarks/validate.sh [N]      (default 10,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000000}
out=Benchmarks/.out
mkdir -p "$out"
ids="$out/ids-$n.txt"
[ -s "$ids" ] || python3 Benchmarks/reference/generate_ids.py "$n" > "$ids"
swift build -c release --product nhi 2>&1 | grep -E "error|warning: .*(Sources|Examples)" || true
nhi=.build/release/nhi

secs() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }
run_timed() {  # prints elapsed seconds and peak RSS (KiB) of a command reading $ids
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$out/rss" "$@" < "$ids" > "$out/stdout" 2>/dev/null || true
  end=$(date +%s.%N)
  echo "$(python3 -c "print($end - $start)") $(tail -1 "$out/rss")"
}

read -r swift_t swift_rss < <(run_timed "$nhi" validate --kind national-id --json)
swift_lines=$(wc -l < "$out/stdout")
cp "$out/stdout" "$out/swift.jsonl"
read -r py_t py_rss < <(run_timed python3 Benchmarks/reference/validate_national_id.py)
py_lines=$(wc -l < "$out/stdout")
same=$(cmp -s "$out/stdout" "$out/swift.jsonl" && echo identical || echo DIFFERENT)
read -r pyc_t _ < <(run_timed python3 Benchmarks/reference/validate_national_id.py --checksum-only)
rm -f "$out/swift.jsonl"

python3 - "$n" "$swift_t" "$swift_rss" "$swift_lines" "$py_t" "$py_rss" "$py_lines" "$pyc_t" "$same" <<'PY'
import sys
n, st, srss, sl, pt, prss, pl, pct, same = sys.argv[1:]
n, st, pt, pct = int(n), float(st), float(pt), float(pct)
print(f"nhi validate --kind national-id --json over {n:,} IDs")
print(f"  {'implementation':<34}{'seconds':>10}{'IDs/s':>14}{'peak RSS':>12}")
print(f"  {'Swift nhi (release)':<34}{st:>10.2f}{n/st:>14,.0f}{int(srss)//1024:>9} MiB")
print(f"  {'Python reference, JSON output':<34}{pt:>10.2f}{n/pt:>14,.0f}{int(prss)//1024:>9} MiB")
print(f"  {'Python reference, checksum only':<34}{pct:>10.2f}{n/pct:>14,.0f}")
print(f"  ratio Swift vs Python (same JSON output): {pt/st:.1f}x   (vs checksum-only Python: {pct/st:.1f}x)")
print(f"  output lines: swift {sl}, python {pl}; outputs {same}")
PY
