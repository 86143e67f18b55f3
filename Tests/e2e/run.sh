#!/usr/bin/env bash
# End-to-end tests of the counter kiosk under Xvfb with a session bus and AT-SPI:
#  1. gtkkit-smoke: GtkKit against a real display (signals, main-loop bridge, timeouts,
#     dialogs, file chooser, PDF export, pictures);
#  2. kiosk_e2e.py: the real nhi-kiosk window driven by accessible names (dogtail), the
#     keyboard (xdotool) and the automation hook — sign-in with a virtual NHI card and
#     password, a visitor's card read and removed, an enrolment filed, certificate and
#     organisation-certificate sign-in, the unit picker for staff of two units (demo mode: virtual
#     cards through pcscd + vpcd, the sample database); screenshots in .kiosk-screens/;
#     assertions on accessible names and values, never on pixels;
#  3. card_service_page.py (first, without a display): the card service's example page in
#     headless chromium — the inserted card shown live, a signature with the PIN typed at the
#     service's terminal, another origin refused.
# E2E_ONLY=FLOW runs one kiosk flow, or only the page with E2E_ONLY=card_service_page.
# Called by scripts/test.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${1:-}" = "--inner" ]; then
  export GSK_RENDERER=cairo GDK_BACKEND=x11
  echo "== GtkKit smoke test" >&2
  "$BIN/gtkkit-smoke"
  echo "== kiosk end-to-end" >&2
  exec /usr/bin/python3 Tests/e2e/kiosk_e2e.py
fi

for tool in xvfb-run dbus-run-session xdotool import; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool is missing (scripts/setup-system test)" >&2; exit 1; }
done
/usr/bin/python3 -c "import dogtail" 2>/dev/null || { echo "e2e: python3-dogtail is missing" >&2; exit 1; }

# The demo's virtual cards go through pcscd and vpcd: scripts/test starts them; a standalone
# run starts them here (and stops only what it started).
if [ -z "${NHI_TEST_STACK:-}" ]; then
  source scripts/lib/test-stack.sh
  stack_start
  trap stack_stop EXIT
fi

BIN="$(swift build --show-bin-path)"
if [ ! -x "$BIN/nhi-kiosk" ] || [ ! -x "$BIN/gtkkit-smoke" ] || [ ! -x "$BIN/nhi" ] || [ ! -x "$BIN/nhi-server" ] \
   || [ ! -x "$BIN/nhi-virtual-card" ] || [ -n "${E2E_BUILD:-}" ]; then
  swift build --product nhi-kiosk >&2
  swift build --product gtkkit-smoke >&2
  swift build --product nhi >&2  # the unit-picker flow adds a second unit to the demo's database copy
  swift build --product nhi-server >&2        # the service flow: two kiosks through nhi-server
  swift build --product nhi-virtual-card >&2  # … on PostgreSQL seeded with the demo sample
fi
export BIN NHI_KIOSK="$BIN/nhi-kiosk" NHI_KIOSK_SCREENS="$PWD/.kiosk-screens"

if [ -z "${E2E_ONLY:-}" ] || [ "${E2E_ONLY}" = "card_service_page" ]; then
  echo "== card service example page (headless chromium)" >&2
  page_started=$SECONDS
  timeout 300 /usr/bin/python3 Tests/e2e/card_service_page.py --bin "$BIN"
  echo "== card service page: $((SECONDS - page_started)) s" >&2
  if [ "${E2E_ONLY:-}" = "card_service_page" ]; then exit 0; fi
fi
mkdir -p "$NHI_KIOSK_SCREENS"

# One private X server and session bus for the whole run; GTK reaches AT-SPI through it.
# The bus daemons' chatter and GTK's "screen coordinates" notice are noise here.
timeout 1200 dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24" "$0" --inner \
  2> >(grep -v -e "dbus-daemon" -e "SpiRegistry daemon" -e "Screen coordinates not supported" -e '^$' >&2)
