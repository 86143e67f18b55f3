#!/usr/bin/env bash
# Benchmark: `nhi batch-register check` on a 1,000,000-row registration file (CP950 and
# UTF-8) against a 1,000,000-person roster, compared in the same run with
#   - a straightforward Python reference doing the same checks (csv module + dict/set),
#   - `wc -l` on the same file (the time to merely read it).
# Prints a table with the best of N runs (default 3), peak memory (/usr/bin/time -v), and
# the ratios; checks that nhi and the reference agree on rows/valid/invalid.
#
#   Benchmarks/batch-register.sh [ROWS] [RUNS]
#
# Targets (issue 4): ≥ 20× faster than the Python reference, within 3× of `wc -l`.
# Not a test: nothing fails on a slow machine; the figures are for people.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
out=Benchmarks/.out/batch-register
mkdir -p "$out"

echo "== build (release)" >&2
swift build -c release --product nhi 2>&1 | grep -E "error|Compiling|Build" | grep -v "^warning" | tail -1 >&2
nhi=$(swift build -c release --show-bin-path)/nhi

if [ ! -f "$out/rows-$rows" ]; then
  echo "== generating $rows rows and a $rows-person roster" >&2
  python3 Benchmarks/batch-register/generate.py "$out" "$rows"
  touch "$out/rows-$rows"
fi
cp950="$out/1100010001150101.csv"
utf8="$out/1100010001150102.csv"
roster="$out/roster.csv"

# best TIME_S PEAK_KB over $runs runs of a command (stdout discarded)
measure() {
  local best="" peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -v "$@" >/dev/null 2>"$out/time.txt" || true
    local t kb
    t=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$out/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/time.txt")
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  echo "$best $peak"
}

printf "\n%-28s %10s %10s %12s\n" "command" "time (s)" "peak (MB)" "" >&2
results=()
for label in cp950 utf8; do
  file=${!label}
  enc=$([ "$label" = cp950 ] && echo cp950 || echo utf-8)
  read -r wc_t wc_kb < <(measure wc -l "$file")
  read -r nhi_t nhi_kb < <(measure "$nhi" batch-register check "$file" --roster "$roster" --json)
  read -r nhi_nr_t nhi_nr_kb < <(measure "$nhi" batch-register check "$file" --json)
  read -r py_t py_kb < <(measure python3 Benchmarks/batch-register/reference.py "$file" "$roster" "$enc")
  # Agreement.
  ours=$("$nhi" batch-register check "$file" --roster "$roster" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["rows"], d["valid"], d["invalid"])' || true)
  theirs=$(python3 Benchmarks/batch-register/reference.py "$file" "$roster" "$enc" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["rows"], d["valid"], d["invalid"])')
  agree=$([ "$ours" = "$theirs" ] && echo "agree: $ours" || echo "DISAGREE: nhi $ours, python $theirs")
  results+=("$(printf "| %s | %s | %s | %s (%d MB) | %s (%d MB) | %s (%d MB) | %.1f× | %.1f× | %s |" \
    "$label" "$(du -m "$file" | cut -f1) MB" "$wc_t" "$nhi_t" $((nhi_kb / 1024)) "$nhi_nr_t" $((nhi_nr_kb / 1024)) \
    "$py_t" $((py_kb / 1024)) "$(awk "BEGIN{print $py_t / $nhi_t}")" "$(awk "BEGIN{print $nhi_t / $wc_t}")" "$agree")")
done

echo
echo "Rows: $rows; roster: $rows people; best of $runs runs; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| file | size | wc -l (s) | nhi check --roster (s) | nhi check, no roster (s) | Python reference (s) | Python ÷ nhi | nhi ÷ wc -l | counts |"
echo "|---|---|---|---|---|---|---|---|---|"
for line in "${results[@]}"; do echo "$line"; done
