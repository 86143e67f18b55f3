# Starts and stops the real PC/SC stack for tests: pcscd in the foreground with vpcd's
# virtual readers (never --auto-exit). Only a pcscd this script started is stopped.
# Sourced by scripts/test and the benchmark scripts.
#
# When it starts pcscd itself it exports NHI_PCSCD_CONTROL (scripts/lib/pcscd-control)
# and NHI_PCSCD_PIDFILE, so tests can restart that pcscd mid-session; a pcscd started by
# someone else is used as it is and never restarted or stopped.
# Virtual cards are started by the tests themselves (NHITestSupport's VirtualCardSlot
# connects to vpcd on 127.0.0.1:35963/35964).

STACK_PCSCD_PIDFILE=""
STACK_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

stack_start() {
  export NHI_TEST_STACK=1
  pg_stack_start
  # A pcscd left over from an earlier run (or a desktop's, which socket activation brings back
  # on demand) is stopped when we may, so the tests own theirs and can restart it. Set
  # NHI_KEEP_PCSCD=1 to use a running pcscd as it is (tests that restart pcscd then fail).
  if pgrep -x pcscd >/dev/null 2>&1 && [ -z "${NHI_KEEP_PCSCD:-}" ] && [ "$(id -u)" -eq 0 ]; then
    echo "stopping the running pcscd (pid $(pgrep -x pcscd | tr '\n' ' ')) so the tests run their own" >&2
    pkill -x pcscd || true
    for _ in $(seq 1 50); do
      pgrep -x pcscd >/dev/null 2>&1 || break
      sleep 0.1
    done
  fi
  if pgrep -x pcscd >/dev/null 2>&1; then
    echo "pcscd already running; using it (tests that restart pcscd need a pcscd started here)" >&2
  else
    mkdir -p /run/pcscd
    STACK_PCSCD_PIDFILE="$(mktemp /tmp/nhi-pcscd.XXXXXX.pid)"
    export NHI_PCSCD_PIDFILE="$STACK_PCSCD_PIDFILE"
    export NHI_PCSCD_LOG=/tmp/nhi-pcscd.log
    export NHI_PCSCD_CONTROL="$STACK_LIB_DIR/pcscd-control"
    setsid pcscd --foreground >"$NHI_PCSCD_LOG" 2>&1 < /dev/null &
    echo $! > "$STACK_PCSCD_PIDFILE"
    for _ in $(seq 1 50); do
      [ -S /run/pcscd/pcscd.comm ] && break
      sleep 0.1
    done
    echo "pcscd started (pid $(cat "$STACK_PCSCD_PIDFILE"))" >&2
  fi
}

stack_stop() {
  pg_stack_stop
  if [ -n "$STACK_PCSCD_PIDFILE" ]; then
    local pid
    pid="$(cat "$STACK_PCSCD_PIDFILE" 2>/dev/null || true)"
    # The PID may have changed if a test restarted pcscd; the pidfile follows it.
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = pcscd ]; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do
        [ -d "/proc/$pid" ] || break
        sleep 0.1
      done
    fi
    rm -f "$STACK_PCSCD_PIDFILE"
    STACK_PCSCD_PIDFILE=""
    unset NHI_PCSCD_CONTROL NHI_PCSCD_PIDFILE
  fi
}

# A private PostgreSQL cluster for the PostgreSQL store's tests (scripts/lib/pg-cluster: a
# temporary folder, a Unix socket only, as the `postgres` user when root). Exports
# NHI_TEST_POSTGRES_URL (the maintenance database; each test creates a database of its own)
# and NHI_TEST_POSTGRES_CLUSTER (the script, for tests that need a server of their own to
# restart). Only the cluster started here is stopped.
STACK_PG_DIR=""

pg_stack_start() {
  STACK_PG_DIR="$(mktemp -d /tmp/nhi-pg.XXXXXX)"
  export NHI_TEST_POSTGRES_CLUSTER="$STACK_LIB_DIR/pg-cluster"
  if url="$("$NHI_TEST_POSTGRES_CLUSTER" start "$STACK_PG_DIR")"; then
    export NHI_TEST_POSTGRES_URL="$url"
    echo "PostgreSQL started ($NHI_TEST_POSTGRES_URL)" >&2
  else
    echo "PostgreSQL did not start: the PostgreSQL tests will fail (see $STACK_PG_DIR)" >&2
  fi
}

pg_stack_stop() {
  if [ -n "$STACK_PG_DIR" ]; then
    "$STACK_LIB_DIR/pg-cluster" destroy "$STACK_PG_DIR" || true
  fi
  STACK_PG_DIR=""
  unset NHI_TEST_POSTGRES_URL NHI_TEST_POSTGRES_CLUSTER
}
