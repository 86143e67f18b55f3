#!/usr/bin/env bash
# Start-up time of the counter kiosk: process start → first frame drawn, measured, not
# asserted. Each run starts nhi-kiosk under Xvfb with a session bus (so GTK connects to
# AT-SPI as it does at a counter) and reads the time nhi-kiosk prints when GTK's frame
# clock finishes painting its first frame (--report-first-frame). The reference is a
# straightforward Python/PyGObject GTK 4 window doing the same, started the same way.
#
# Usage: Benchmarks/kiosk-start.sh [RUNS]      (KIOSK_BUILD=debug to time the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--inner" ]; then
  /usr/bin/python3 -c 'import gi; gi.require_version("Gtk", "4.0")' 2>/dev/null ||
    { echo "the reference needs PyGObject with GTK 4: apt-get install python3-gi gir1.2-gtk-4.0" >&2; exit 1; }
  runs="${1:-7}"
  config="${KIOSK_BUILD:-release}"
  echo "== building nhi-kiosk ($config)" >&2
  swift build -c "$config" --product nhi-kiosk 2>&1 | grep -E "error|warning: .*Kiosk" >&2 || true
  bin="$(swift build -c "$config" --show-bin-path)/nhi-kiosk"
  exec dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inner "$bin" "$runs" "$config" \
    2> >(grep -v -e dbus-daemon -e "SpiRegistry daemon" >&2)
fi

bin="$2"; runs="$3"; config="$4"
export GSK_RENDERER=cairo GDK_BACKEND=x11
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config"

cat > "$work/reference.py" <<'PY'
# The reference: a plain GTK 4 window with the kiosk's font and a label, in PyGObject.
import sys, time
import gi
gi.require_version("Gtk", "4.0")
from gi.repository import Gtk, Gdk

def activate(app):
    css = Gtk.CssProvider()
    css.load_from_data(b'window { font-family: "Noto Sans CJK TC"; font-size: 18px; }')
    Gtk.StyleContext.add_provider_for_display(Gdk.Display.get_default(), css, 600)
    window = Gtk.ApplicationWindow(application=app, title="reference")
    window.set_default_size(1280, 800)
    window.set_child(Gtk.Label(label="健保櫃檯 承辦人登入"))
    def mapped(_):
        clock = window.get_native().get_surface().get_frame_clock()
        def painted(c):
            c.disconnect(handler)
            print(f"first-frame realtime-ns={time.time_ns()}", file=sys.stderr, flush=True)
        handler = clock.connect("after-paint", painted)
    window.connect_after("map", mapped)
    window.present()

app = Gtk.Application(application_id="tw.example.reference")
app.connect("activate", activate)
app.run([])
PY

# Runs "$@" once; prints the milliseconds from launch to its first-frame line.
measure() {
  local log="$work/log" start first pid
  : > "$log"
  start=$(date +%s%N)
  "$@" 2> "$log" &
  pid=$!
  for _ in $(seq 1 2000); do
    first=$(sed -n 's/.*first-frame realtime-ns=\([0-9]*\).*/\1/p' "$log")
    [ -n "$first" ] && break
    sleep 0.01
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$first" ]; then echo "no first frame reported:" >&2; cat "$log" >&2; return 1; fi
  echo $(( (first - start) / 1000000 ))
}

summary() { # name values...
  local name="$1"; shift
  printf '%s\n' "$@" | sort -n | awk -v name="$name" '
    { v[NR] = $1; s += $1 }
    END { printf "%-34s runs %d  min %4d ms  median %4d ms  max %4d ms  mean %4.0f ms\n",
          name, NR, v[1], v[int((NR + 1) / 2)], v[NR], s / NR }'
}

# One warm-up each (fonts, shader-free cairo renderer, page cache), not counted.
measure "$bin" --report-first-frame >/dev/null
measure /usr/bin/python3 "$work/reference.py" >/dev/null

kiosk=(); reference=()
for _ in $(seq 1 "$runs"); do
  kiosk+=("$(measure "$bin" --report-first-frame)")
  reference+=("$(measure /usr/bin/python3 "$work/reference.py")")
done
echo "Process start → first frame (Xvfb 1280×800, cairo renderer, AT-SPI on; $(nproc) cores):"
summary "nhi-kiosk ($config)" "${kiosk[@]}"
summary "reference: PyGObject GTK 4 window" "${reference[@]}"
