# Starts and stops the real PC/SC stack for tests: pcscd in the foreground with vpcd's
# virtual readers (never --auto-exit). Only a pcscd this script started is stopped.
# Sourced by scripts/test and the benchmark scripts.

STACK_PCSCD_PID=""

stack_start() {
  export NHI_TEST_STACK=1
  if pgrep -x pcscd >/dev/null 2>&1; then
    echo "pcscd already running; using it" >&2
  else
    mkdir -p /run/pcscd
    pcscd --foreground >/tmp/nhi-pcscd.log 2>&1 &
    STACK_PCSCD_PID=$!
    for _ in $(seq 1 50); do
      [ -S /run/pcscd/pcscd.comm ] && break
      sleep 0.1
    done
    echo "pcscd started (pid $STACK_PCSCD_PID)" >&2
  fi
}

stack_stop() {
  if [ -n "$STACK_PCSCD_PID" ]; then
    kill "$STACK_PCSCD_PID" 2>/dev/null || true
    wait "$STACK_PCSCD_PID" 2>/dev/null || true
    STACK_PCSCD_PID=""
  fi
}
