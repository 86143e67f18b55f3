#!/usr/bin/env bash
# End-to-end test of the counter kiosk: launches the real GTK window under Xvfb with a
# session bus and AT-SPI, drives it by accessible names (dogtail) and the keyboard
# (xdotool), saves screenshots to .kiosk-screens/ and asserts on accessible names and
# values, never on pixels. Called by scripts/test.
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in xvfb-run dbus-run-session xdotool import; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing (scripts/setup-system test)" >&2; exit 1; }
done
/usr/bin/python3 -c "import dogtail" 2>/dev/null || { echo "e2e: python3-dogtail is missing" >&2; exit 1; }

if [ ! -x .build/debug/nhi-kiosk ] || [ -n "${E2E_BUILD:-}" ]; then
  swift build --product nhi-kiosk >&2
fi

export NHI_KIOSK="$PWD/.build/debug/nhi-kiosk"
export NHI_KIOSK_SCREENS="$PWD/.kiosk-screens"
mkdir -p "$NHI_KIOSK_SCREENS"

# One private X server and session bus for the whole run; GTK reaches AT-SPI through it.
exec timeout 300 dbus-run-session -- \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  env GSK_RENDERER=cairo GDK_BACKEND=x11 NO_AT_BRIDGE=0 \
  /usr/bin/python3 Tests/e2e/kiosk_e2e.py 2> >(grep -v -e "dbus-daemon" -e "SpiRegistry daemon" >&2)
