#!/usr/bin/env bash
# NHI-card identity reads through the real stack — pcscd + vsmartcard's vpcd + the SDK's
# card emulator (nhi-virtual-card, TCP_NODELAY) — the Swift SDK (release build) against
# pyscard with its defaults, on the same virtual card in the same run:
#   warm   SELECT + READ + decode on a connected card
#   cold   connect + SELECT + READ + decode + disconnect (the SDK keeps its PC/SC context; pyscard's
#          createConnection() makes a context per connection — so a second SDK row adds one)
#   insert from the emulator's insertion until the identity is decoded
# Medians and p95 in milliseconds. Targets: warm ≤ 2 ms; cold ≥ 10× faster than pyscard.
#
# The emulator takes as long to power up as a contact card at ISO 7816-3 default timing
# (~36 ms for a 20-byte ATR): pyscard unpowers the card on every disconnect, the SDK leaves
# it powered. A second, shorter run with a card that powers up instantly shows what is left
# when power cycles cost nothing.
#
# Usage: Benchmarks/cards.sh [WARM] [COLD] [INSERTS]     (defaults 2000, 300, 15)
set -euo pipefail
cd "$(dirname "$0")/.."

warm="${1:-2000}"
cold="${2:-300}"
inserts="${3:-15}"
py_cold=$(( cold < 100 ? cold : 100 ))

scripts/setup-system test
echo "== release build of nhi-bench and nhi-virtual-card" >&2
swift build -c release --product nhi-bench 2>&1 | grep -E "error|warning: .*(Sources|Benchmarks)/" || true
swift build -c release --product nhi-virtual-card 2>&1 | grep -E "error|warning: .*(Sources|Examples)/" || true
bin=.build/release

source scripts/lib/test-stack.sh
stack_start

work="$(mktemp -d)"
fifo="$work/control"
mkfifo "$fifo"
emulator_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  stack_stop
}
trap cleanup EXIT

# The same card for both sides: a 10-character name, ROC year ≥ 100.
start_emulator() {  # $1 = power-up model
  "$bin/nhi-virtual-card" --reader 0 --no-insert --power-up "$1" --name 拉娃谷倖達利伊斯坦大 --id A123456789 \
    --birth-date 1050530 --card-number 000012345678 < "$fifo" > "$work/emulator.log" &
  emulator_pid=$!
  exec 3>"$fifo"   # keeps the FIFO open between writers
}
stop_emulator() {
  exec 3>&-
  wait "$emulator_pid" 2>/dev/null || true
  emulator_pid=""
  sleep 1.5   # let pcscd see the reader empty before the next card arrives
}

reader="Virtual PCD 00 00"
echo "== card with ISO 7816-3 power-up timing" >&2
start_emulator iso7816
swift_json=$("$bin/nhi-bench" cards --control "$fifo" --reader "$reader" --warm "$warm" --cold "$cold" --inserts "$inserts" --json)
echo remove >&3
sleep 1
python_json=$(/usr/bin/python3 Benchmarks/reference/cards_pyscard.py "$fifo" "$reader" "$warm" "$py_cold" "$inserts")
stop_emulator

echo "== the same card powering up instantly" >&2
start_emulator instant
swift_instant=$("$bin/nhi-bench" cards --control "$fifo" --reader "$reader" --warm 0 --cold "$cold" --inserts 0 --json)
echo remove >&3
sleep 1
python_instant=$(/usr/bin/python3 Benchmarks/reference/cards_pyscard.py "$fifo" "$reader" 0 "$py_cold" 0)
stop_emulator

/usr/bin/python3 - "$swift_json" "$python_json" "$swift_instant" "$python_instant" <<'PY'
import json, platform, sys
s, p, si, pi = (json.loads(a) for a in sys.argv[1:5])
print(f"machine: {platform.machine()}, Python {platform.python_version()}, pyscard with its defaults; milliseconds, median / p95")
print(f"{'workload':64} {'Swift SDK':>18} {'pyscard':>18} {'ratio':>8}")
def row(label, sw, py):
    print(f"{label:64} {sw['median']:>8.3f} / {sw['p95']:>7.3f} {py['median']:>8.3f} / {py['p95']:>7.3f} {py['median']/sw['median']:>7.1f}×")
row("warm: SELECT + READ + decode (the APDUs alone)", s["warmAPDU"], p["warm"])
row("warm: NHICardReader.readIdentity (+ handle check, transaction)", s["warmSDK"], p["warm"])
row("cold: connect + APDUs + decode + disconnect", s["cold"], p["cold"])
row("cold, with a new PC/SC context each time too", s["coldContext"], p["cold"])
row("insert → identity", s["insert"], p["insert"])
row("cold, with a card that powers up instantly", si["cold"], pi["cold"])
row("cold + new context, card powering up instantly", si["coldContext"], pi["cold"])
ok_warm = s["warmSDK"]["median"] <= 2.0
ok_cold = p["cold"]["median"] / s["cold"]["median"] >= 10
print(f"targets: warm ≤ 2 ms {'met' if ok_warm else 'MISSED'}; cold ≥ 10× faster than pyscard {'met' if ok_cold else 'MISSED'}")
sys.exit(0 if ok_warm and ok_cold else 1)
PY
