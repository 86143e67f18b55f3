#!/usr/bin/env bash
# The card service (`nhi card serve`) measured through the real stack — pcscd + vpcd + the
# SDK's card emulator (nhi-virtual-card, ISO 7816-3 power-up ~36 ms) — with a Server-Sent
# Events client on an allowed origin, as a browser page would listen:
#   insert → event   from the emulator's insertion until the cardInserted event, with the
#                    identity, has reached the client (pcscd noticing the card + one read +
#                    the event on the wire)
#   detection        in the same insertions, when `nhi card watch --no-read` (a second PC/SC
#                    watcher, reading nothing) printed the insertion: the reader's own
#                    detection time; event − detection is what the service adds (its read of
#                    the card and the event on the wire)
#   GET /readers     one request on a kept-alive connection, answered from the kept state
#   in a browser     the example page (Examples/card-service-page) in headless chromium: from
#                    the insertion until the page's cardInserted handler ran, next to PC/SC's
#                    own detection in the same insertions (Tests/e2e/card_service_page.py --bench)
# Reference in the same run, on the same card: `nhi card read --json`, cold (process start,
# a new PC/SC context, connect, SELECT + READ, print) — what a page would wait for if each
# request read the card.
# Medians and p95 in milliseconds; measured, not asserted.
#
# Usage: Benchmarks/card-service.sh [INSERTS] [REQUESTS]    (defaults 20, 500; CARD_SERVICE_BUILD=debug)
set -euo pipefail
cd "$(dirname "$0")/.."

inserts="${1:-20}"
requests="${2:-500}"
config="${CARD_SERVICE_BUILD:-release}"

scripts/setup-system test >/dev/null
echo "== $config build of nhi and nhi-virtual-card" >&2
for product in nhi nhi-virtual-card; do
  swift build -c "$config" --product "$product" 2>&1 | grep -E "error|warning: .*(Sources|Examples)/" >&2 || true
done
bin="$(swift build -c "$config" --show-bin-path)"

source scripts/lib/test-stack.sh
stack_start

work="$(mktemp -d)"
fifo="$work/control"
mkfifo "$fifo"
emulator_pid="" server_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  for pid in $server_pid $emulator_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  stack_stop
}
trap cleanup EXIT

"$bin/nhi-virtual-card" --reader 0 --no-insert --power-up iso7816 --name 拉娃谷倖達利伊斯坦大 --id A123456789 \
  --birth-date 1050530 --card-number 000012345678 < "$fifo" > "$work/emulator.log" &
emulator_pid=$!
exec 3>"$fifo"   # keeps the FIFO open between writers

"$bin/nhi" card serve --listen 127.0.0.1:0 --allow-origin http://payroll.localhost > "$work/serve.log" 2>/dev/null &
server_pid=$!
for _ in $(seq 100); do grep -q "http://" "$work/serve.log" 2>/dev/null && break; sleep 0.05; done
address=$(grep -o "http://[0-9.:]*" "$work/serve.log")
echo "== $address, reader Virtual PCD 00 00" >&2

/usr/bin/python3 - "$address" "$fifo" "$inserts" "$requests" "$bin/nhi" <<'PY'
import http.client, json, os, platform, queue, statistics, subprocess, sys, threading, time, urllib.parse
address, fifo, inserts, requests, nhi = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
url = urllib.parse.urlparse(address)
reader = "Virtual PCD 00 00"
control = open(fifo, "w", buffering=1)

def stats(values):
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, int(len(values) * 0.95))]

# The event stream, as a page on an allowed origin opens it.
stream = http.client.HTTPConnection(url.hostname, url.port)
stream.request("GET", "/events", headers={"Origin": "http://payroll.localhost", "Accept": "text/event-stream"})
events = stream.getresponse()
assert events.status == 200, events.status
def next_event(name):
    current = None
    while True:
        line = events.fp.readline().decode()
        if line.startswith("event: "):
            current = line[7:].strip()
        elif line.startswith("data: ") and current == name:
            return json.loads(line[6:])
next_event("snapshot")

# A second watcher that reads nothing: when PC/SC itself reports the card.
watcher = subprocess.Popen([nhi, "card", "watch", "--json", "--no-read", "--reader", reader], stdout=subprocess.PIPE)
seen = queue.Queue()
def watch():
    for line in watcher.stdout:
        if b'"cardInserted"' in line:
            seen.put(time.perf_counter())
threading.Thread(target=watch, daemon=True).start()
time.sleep(1.0)

latencies, detections, added = [], [], []
for _ in range(inserts):
    time.sleep(0.3)
    while not seen.empty():
        seen.get()
    started = time.perf_counter()
    control.write("insert\n")
    event = next_event("cardInserted")
    arrived = time.perf_counter()
    detected = seen.get(timeout=10)
    latencies.append((arrived - started) * 1000)
    detections.append((detected - started) * 1000)
    added.append((arrived - detected) * 1000)
    assert event["card"]["id"] == "A123456789", event
    control.write("remove\n")
    next_event("cardRemoved")
watcher.terminate()

# GET /readers with the card in, on one kept-alive connection.
control.write("insert\n")
next_event("cardInserted")
api = http.client.HTTPConnection(url.hostname, url.port)
readers = []
for _ in range(requests):
    started = time.perf_counter()
    api.request("GET", "/readers", headers={"Origin": "http://payroll.localhost"})
    body = api.getresponse().read()
    readers.append((time.perf_counter() - started) * 1000)
assert b"A123456789" in body

# Reference: nhi card read --json, a new process each time.
cold = []
for _ in range(min(inserts, 20)):
    started = time.perf_counter()
    out = subprocess.run([nhi, "card", "read", "--reader", reader, "--json"], capture_output=True, check=True).stdout
    cold.append((time.perf_counter() - started) * 1000)
    assert b"A123456789" in out

print(f"machine: {platform.machine()}, {os.cpu_count()} cores; milliseconds, median / p95")
for label, values in [("insert → cardInserted event at the SSE client", latencies),
                      ("insert → PC/SC reports the card (nhi card watch --no-read)", detections),
                      ("event − detection: the service's read + the wire", added),
                      ("GET /readers (kept-alive connection, card in)", readers),
                      ("reference: nhi card read --json (new process)", cold)]:
    median, p95 = stats(values)
    print(f"{label:60} {median:>9.3f} / {p95:>9.3f}   (n={len(values)})")
print(f"GET /readers is {statistics.median(cold) / statistics.median(readers):.0f}× faster than a cold read of the card")
PY

# The same insertions seen by a real browser: the example page in headless chromium.
exec 3>&-
for pid in $server_pid $emulator_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
server_pid="" emulator_pid=""
sleep 0.5
/usr/bin/python3 Tests/e2e/card_service_page.py --bin "$bin" --bench "$inserts"
