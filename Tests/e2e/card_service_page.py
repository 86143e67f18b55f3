#!/usr/bin/python3
"""The card service's example page (Examples/card-service-page) in a real headless browser.

Debian's chromium-headless-shell, driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: no port, no WebSocket library). Real parts all the way:
pcscd + vpcd with the SDK's card emulator (nhi-virtual-card), `nhi card serve` with its
PIN prompt on a pseudo-terminal, the page served by Python's http.server on its own origin.

Test mode (default) checks:
  - the page on an allowed origin shows the inserted NHI card (ETEN name, ID masked on the
    page), clears it on removal, and reports each event;
  - a certificate card: the page asks for a signature, the service asks for the PIN on its
    terminal with the page's origin and the same fingerprint the page shows, the PIN is
    typed there, and the signature verifies (openssl) with the certificate returned;
  - the same page from another origin (localhost instead of 127.0.0.1) gets nothing: no
    card, status "refused", and the service logged the refusal.
Bench mode (--bench N): N insertions, the time from the insertion until the page's
cardInserted handler ran, next to PC/SC's own detection (`nhi card watch --no-read`).
"""
import argparse, base64, json, os, platform, pty, queue, select, shutil, socket, statistics
import subprocess, sys, tempfile, threading, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PAGE = os.path.join(ROOT, "Examples", "card-service-page")
READER0, READER1 = "Virtual PCD 00 00", "Virtual PCD 00 01"
NAME, ID = "林碁", "BD01300667"   # 碁: an ETEN extension character


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser_binary():
    for name in ("chromium-headless-shell", "chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    sys.exit("card_service_page: no chromium (apt-get install chromium-headless-shell)")


class Browser:
    """Chromium over --remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4."""

    def __init__(self, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire():
            # Through high numbers first: either end may already be 3 or 4.
            high_r, high_w = os.dup2(to_browser_r, 100), os.dup2(from_browser_w, 101)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.process = subprocess.Popen(
            [browser_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--user-data-dir=" + profile, "about:blank"],
            pass_fds=(3, 4, to_browser_r, from_browser_w), preexec_fn=wire,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.next_id = 0
        self.pending = b""

    def call(self, method, params=None, session=None, timeout=20):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\0" in self.pending:
                raw, self.pending = self.pending.split(b"\0", 1)
                answer = json.loads(raw)
                if answer.get("id") == self.next_id:
                    if "error" in answer:
                        raise RuntimeError(f"{method}: {answer['error']}")
                    return answer.get("result", {})
            ready, _, _ = select.select([self.from_browser], [], [], 0.5)
            if ready:
                chunk = os.read(self.from_browser, 1 << 16)
                if not chunk:
                    raise RuntimeError("the browser closed the pipe")
                self.pending += chunk
        raise RuntimeError(f"{method}: no answer in {timeout} s")

    def open(self, url):
        target = self.call("Target.createTarget", {"url": url})["targetId"]
        return self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def evaluate(self, session, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                           session=session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait(self, session, expression, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(session, expression)
            if value:
                return value
            time.sleep(0.02)
        raise AssertionError(f"the page never satisfied {expression}; it shows: "
                             + str(self.evaluate(session, "document.body.innerText")))

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Emulator:
    """nhi-virtual-card in one reader, controlled by insert/remove on its stdin."""

    def __init__(self, binary, reader, *flags):
        self.process = subprocess.Popen([binary, "--reader", str(reader), "--no-insert", *flags],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def send(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def stop(self):
        try:
            self.send("quit")
            self.process.wait(timeout=5)
        except Exception:
            self.process.kill()


class CardService:
    """nhi card serve, its standard input and error on a pseudo-terminal (the PIN prompt)."""

    def __init__(self, nhi, allowed):
        self.leader, follower = pty.openpty()
        self.process = subprocess.Popen([nhi, "card", "serve", "--listen", "127.0.0.1:0", "--allow-origin", allowed, "--card-pin"],
                                        stdin=follower, stderr=follower, stdout=subprocess.PIPE, text=True,
                                        env={**os.environ, "NHI_LOG_LEVEL": "info"})
        os.close(follower)
        line = self.process.stdout.readline()
        self.address = line.strip().split(" ")[-1]
        assert self.address.startswith("http://127.0.0.1:"), line
        self.terminal = b""

    def read_terminal(self, until, timeout=15):
        deadline = time.time() + timeout
        while until.encode() not in self.terminal and time.time() < deadline:
            ready, _, _ = select.select([self.leader], [], [], 0.2)
            if ready:
                try:
                    self.terminal += os.read(self.leader, 4096)
                except OSError:
                    break
        text = self.terminal.decode(errors="replace")
        assert until in text, f"the terminal never showed {until!r}: {text}"
        return text

    def type(self, text):
        os.write(self.leader, text.encode())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print(f"  ok  {message}", flush=True)


def run_test(bin_dir, browser, page_port):
    allowed = f"http://127.0.0.1:{page_port}"
    service = CardService(os.path.join(bin_dir, "nhi"), allowed)
    nhi_card = Emulator(os.path.join(bin_dir, "nhi-virtual-card"), 0, "--name", NAME, "--id", ID, "--birth-date", "0010101")
    certificate = Emulator(os.path.join(bin_dir, "nhi-virtual-card"), 1, "--kind", "certificate", "--holder", "王小明",
                           "--id-last-four", "6789", "--card-number", "TP03000001234567")
    try:
        page = browser.open(f"{allowed}/index.html?service={service.address}")
        browser.wait(page, "window.cardService && window.cardService.state === 'connected'")
        check(True, "an allowed page connects (snapshot received)")

        nhi_card.send("insert")
        browser.wait(page, "document.getElementById('visitor').dataset.state === 'card'")
        shown = browser.evaluate(page, "document.getElementById('visitor').innerText")
        check(NAME in shown and "BD0130****" in shown, f"the inserted card is shown with its ETEN name, the ID masked: {shown!r}")
        check(ID not in browser.evaluate(page, "document.body.innerText"), "the whole ID is not on the page")
        nhi_card.send("remove")
        browser.wait(page, "document.getElementById('visitor').dataset.state === 'empty'")
        events = browser.evaluate(page, "window.cardService.events.map(e => e.event).join(',')")
        check(events.count("cardInserted") == 1 and "cardRemoved" in events, f"one insertion, one removal: {events}")

        # A certificate card: the signature needs the PIN typed on this PC.
        certificate.send("insert")
        browser.wait(page, "!document.getElementById('signing').hidden")
        browser.evaluate(page, "document.getElementById('sign').click()")
        prompt = service.read_terminal("press Enter to refuse: ")
        fingerprint = browser.wait(page, "window.cardService.fingerprint")
        check(allowed in prompt and fingerprint in prompt and "王小明" in prompt,
              f"the PIN prompt on the PC names the page's origin and shows the page's fingerprint {fingerprint}")
        service.type("123456\n")
        signed = browser.wait(page, "window.cardService.signature")
        check("signature" in signed, f"the page received the signature: {signed.get('algorithm')}")
        check(b"123456" not in service.terminal.split(b"press Enter to refuse: ")[-1], "the PIN was not echoed")
        with tempfile.TemporaryDirectory() as work:
            paths = {name: os.path.join(work, name) for name in ("cert.der", "sig", "challenge", "key.pem")}
            with open(paths["cert.der"], "wb") as f:
                f.write(base64.b64decode(signed["certificate"]))
            with open(paths["sig"], "wb") as f:
                f.write(base64.b64decode(signed["signature"]))
            with open(paths["challenge"], "wb") as f:
                f.write(base64.b64decode(browser.evaluate(page, "window.cardService.challenge")))
            key = subprocess.run(["openssl", "x509", "-inform", "DER", "-in", paths["cert.der"], "-pubkey", "-noout"],
                                 capture_output=True, check=True).stdout
            with open(paths["key.pem"], "wb") as f:
                f.write(key)
            verified = subprocess.run(["openssl", "dgst", "-sha256", "-verify", paths["key.pem"], "-signature", paths["sig"],
                                       paths["challenge"]], capture_output=True, text=True)
            check(verified.returncode == 0 and "Verified OK" in verified.stdout, "openssl verifies the signature with the certificate")
        certificate.send("remove")

        # The same page from another origin gets nothing.
        stranger = browser.open(f"http://localhost:{page_port}/index.html?service={service.address}")
        browser.wait(stranger, "window.cardService && window.cardService.state === 'refused'")
        nhi_card.send("insert")
        browser.wait(page, "document.getElementById('visitor').dataset.state === 'card'")
        time.sleep(0.5)
        check(browser.evaluate(stranger, "window.cardService.events.length") == 0
              and NAME not in browser.evaluate(stranger, "document.body.innerText"),
              "a page on another origin is refused and shows no card")
        log = service.read_terminal("refused a web page")
        check(f"http://localhost:{page_port}" in log, "the service logged the refused origin")
        check(ID not in log and NAME not in log, "the service's log has no name or ID")
    finally:
        nhi_card.stop()
        certificate.stop()
        service.stop()


def run_bench(bin_dir, browser, page_port, inserts):
    allowed = f"http://127.0.0.1:{page_port}"
    nhi = os.path.join(bin_dir, "nhi")
    service = CardService(nhi, allowed)
    card = Emulator(os.path.join(bin_dir, "nhi-virtual-card"), 0, "--name", "拉娃谷倖達利伊斯坦大", "--id", "A123456789",
                    "--power-up", "iso7816")
    watcher = subprocess.Popen([nhi, "card", "watch", "--json", "--no-read", "--reader", READER0], stdout=subprocess.PIPE)
    seen = queue.Queue()

    def watch():
        for line in watcher.stdout:
            if b'"cardInserted"' in line:
                seen.put(time.time())
    threading.Thread(target=watch, daemon=True).start()
    try:
        page = browser.open(f"{allowed}/index.html?service={service.address}")
        browser.wait(page, "window.cardService && window.cardService.state === 'connected'")
        time.sleep(1.0)
        at_page, detected = [], []
        for _ in range(inserts):
            time.sleep(0.3)
            while not seen.empty():
                seen.get()
            count = browser.evaluate(page, "window.cardService.events.filter(e => e.event === 'cardInserted').length")
            started = time.time()
            card.send("insert")
            arrived = browser.wait(page, f"(() => {{ const e = window.cardService.events.filter(e => e.event === 'cardInserted'); "
                                         f"return e.length > {count} ? e[e.length - 1].at : 0; }})()")
            at_page.append(arrived - started * 1000)
            detected.append((seen.get(timeout=10) - started) * 1000)
            card.send("remove")
            browser.wait(page, "document.getElementById('visitor').dataset.state === 'empty'")
        return at_page, detected
    finally:
        watcher.terminate()
        card.stop()
        service.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--bench", type=int, default=0)
    args = parser.parse_args()
    page_port = free_port()
    pages = subprocess.Popen([sys.executable, "-m", "http.server", str(page_port), "--bind", "127.0.0.1", "--directory", PAGE],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    profile = tempfile.mkdtemp(prefix="nhi-chromium-")
    browser = None
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", page_port)) == 0:
                    break
            time.sleep(0.05)
        browser = Browser(profile)
        version = browser.call("Browser.getVersion")["product"]
        if args.bench:
            at_page, detected = run_bench(args.bin, browser, page_port, args.bench)

            def stats(values):
                values = sorted(values)
                return statistics.median(values), values[min(len(values) - 1, int(len(values) * 0.95))]
            print(f"browser: {version}; {platform.machine()}, {os.cpu_count()} cores; milliseconds, median / p95")
            added = [a - d for a, d in zip(at_page, detected)]
            for label, values in [("insert → the page's cardInserted handler ran (headless chromium)", at_page),
                                  ("insert → PC/SC reports the card (nhi card watch --no-read)", detected),
                                  ("page − detection: the service's read + the wire + the browser", added)]:
                median, p95 = stats(values)
                print(f"{label:66} {median:>9.3f} / {p95:>9.3f}   (n={len(values)})")
        else:
            print(f"== card service page in {version}", flush=True)
            run_test(args.bin, browser, page_port)
            print("card service page: all checks passed", flush=True)
    finally:
        if browser:
            browser.close()
        pages.terminate()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
