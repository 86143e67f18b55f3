"""End-to-end test of nhi-kiosk through the accessibility tree (AT-SPI, dogtail) and the
documented automation hook. Runs inside Xvfb + a session bus (see run.sh)."""
import fcntl
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from dogtail.config import config

config.checkForA11y = False  # GTK 4 talks to the a11y bus whatever GSettings says
config.searchCutoffCount = 40
config.searchBackoffDuration = 0.25
config.logDebugToFile = False
config.logDebugToStdOut = False
from dogtail import tree  # noqa: E402 (after the config)
from dogtail.predicate import GenericPredicate  # noqa: E402

KIOSK = os.environ["NHI_KIOSK"]
SCREENS = os.environ["NHI_KIOSK_SCREENS"]
FAILURES = []
CHECKS = 0


def check(condition, what):
    global CHECKS
    CHECKS += 1
    print(("  ok   " if condition else "  FAIL ") + what, flush=True)
    if not condition:
        FAILURES.append(what)


def screenshot(name):
    path = os.path.join(SCREENS, name + ".png")
    subprocess.run(["import", "-window", "root", path], check=True)
    print(f"  shot {path}", flush=True)


def key(*keys):
    subprocess.run(["xdotool", "key", "--delay", "60", *keys], check=True)
    time.sleep(0.4)


def click_into(node):
    """Puts the keyboard focus in a field the way a user does: a real pointer click in its
    middle (GTK 4.8 does not implement AT-SPI's grabFocus; the window sits at 0,0, so its
    window coordinates are screen coordinates)."""
    (x, y), (w, h) = node.position, node.size
    subprocess.run(["xdotool", "mousemove", str(int(x + w / 2)), str(int(y + h / 2)), "click", "1"], check=True)
    time.sleep(0.3)


def national_id(letter, sex, serial):
    """A valid national ID (NHICore's NationalID.make)."""
    codes = "ABCDEFGHJKLMNPQRSTUVXYWZIO"
    code = codes.index(letter) + 10
    body = f"{sex}{serial:07d}"
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(body, range(8, 0, -1)))
    return f"{letter}{body}{(10 - total % 10) % 10}"


def in_view(node, below=None):
    """Whether `node` lies inside the 1280x800 window without scrolling (and above the y
    coordinate `below`, e.g. the demo tray's top edge)."""
    if node is None:
        return False
    (x, y), (w, h) = node.position, node.size
    bottom = 800 if below is None else below
    return w > 0 and h > 0 and 0 <= x and x + w <= 1280 and 0 <= y and y + h <= bottom


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "40", text], check=True)
    time.sleep(0.4)


class Kiosk:
    """One nhi-kiosk process with its own settings folder and automation socket."""

    def __init__(self, *args, env=None):
        self.home = tempfile.mkdtemp(prefix="kiosk-e2e-")
        self.socket = os.path.join(self.home, "automation.sock")
        # A private temporary folder: the demo's database copy (nhi-demo-…) goes there, so
        # the run can check it is deleted at exit.
        self.demo = "--demo" in args
        self.own_tmp = not (env or {}).get("TMPDIR")
        self.tmp = (env or {}).get("TMPDIR") or tempfile.mkdtemp(prefix="kiosk-e2e-tmp-")
        env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(self.home, "config"), **dict(env or {}, TMPDIR=self.tmp))
        self.settings_file = os.path.join(self.home, "config", "nhi", "kiosk.json")
        self.process = subprocess.Popen([KIOSK, "--automation-socket", self.socket, *args], env=env,
                                        stderr=subprocess.PIPE, text=True)
        subprocess.run(["xdotool", "search", "--sync", "--name", "nhi-kiosk"], check=True,
                       stdout=subprocess.DEVNULL, timeout=60)
        deadline = time.time() + 30
        while not os.path.exists(self.socket) and time.time() < deadline:
            time.sleep(0.05)
        # This process's window (several kiosks may run at once: the service flow).
        deadline = time.time() + 30
        self.app = None
        while self.app is None and time.time() < deadline:
            self.app = next((a for a in tree.root.applications()
                             if a.name == "nhi-kiosk" and a.get_process_id() == self.process.pid), None)
            if self.app is None:
                time.sleep(0.2)
        if self.app is None:
            self.app = tree.root.application("nhi-kiosk")

    def hook(self, command):
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(10)
            s.connect(self.socket)
            s.sendall((command + "\n").encode())
            line = s.makefile(encoding="utf-8").readline()
            return json.loads(line) if line else {}

    def state(self):
        return self.hook("state")

    # GTK 4.8 does not report AT-SPI's "showing" state, but it leaves hidden widgets out of
    # the tree (the kiosk hides the pages that are not on screen), so a node found is shown.
    def find(self, name, role=None):
        """The control with this accessible name (and role), or None after retries."""
        pred = GenericPredicate(name=name, roleName=role or "")
        return self.app.findChild(pred, retry=True, requireResult=False, showingOnly=False)

    def absent(self, name, role=None):
        pred = GenericPredicate(name=name, roleName=role or "")
        return self.app.findChild(pred, retry=False, requireResult=False, showingOnly=False) is None

    def press(self, name):
        node = self.find(name, "push button")
        if node is None:
            check(False, f"button {name!r} found")
            return
        node.doActionNamed("click")
        time.sleep(0.4)

    def dialog(self, title):
        """The open dialog with this title (its description is the message), or None."""
        return self.app.findChild(GenericPredicate(name=title, roleName="dialog"), retry=True, requireResult=False,
                                  showingOnly=False)

    def answer(self, name):
        """Presses the open dialog's button `name`: the last push button of that name (the
        dialog's, not the page's button that opened it)."""
        buttons = self.app.findChildren(lambda n: n.name == name and n.roleName == "push button")
        if buttons:
            buttons[-1].doActionNamed("click")
            time.sleep(0.4)
        return bool(buttons)

    def wait_for(self, predicate, seconds=10):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if predicate():
                return True
            time.sleep(0.2)
        return False

    def copies(self):
        """The demo database copies this kiosk's temporary folder holds."""
        return sorted(glob.glob(os.path.join(self.tmp, "nhi-demo-*")))

    def stop(self):
        how = "clean close"
        if self.process.poll() is None:
            how = "SIGTERM"
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.demo:
            left = [c for c in self.copies() if not os.path.basename(c).startswith("nhi-demo-e2e-")]
            check(not left, f"the demo database copy is deleted at exit ({how}; left: {left})")
        shutil.rmtree(self.home, ignore_errors=True)
        if self.own_tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)


def desktop_run():
    print("desktop (demo) mode, zh-Hant default, idle lock after 6 s", flush=True)
    # Copies a crashed kiosk left (its lock file unheld), a running kiosk's (held here), a
    # link named like a copy, and someone else's folder: only the first goes at start.
    tmp = tempfile.mkdtemp(prefix="kiosk-e2e-tmp-")
    crashed = os.path.join(tmp, "nhi-demo-e2e-crashed")
    live = os.path.join(tmp, "nhi-demo-e2e-live")
    precious = os.path.join(tmp, "precious")
    for folder in (crashed, live, precious):
        os.makedirs(folder)
        open(os.path.join(folder, ".nhi-kiosk.lock"), "w").close()
        open(os.path.join(folder, "nhi.sqlite"), "w").close()
    os.symlink(precious, os.path.join(tmp, "nhi-demo-e2e-link"))
    os.symlink(precious, os.path.join(crashed, "escape"))
    held = open(os.path.join(live, ".nhi-kiosk.lock"), "a")
    fcntl.flock(held, fcntl.LOCK_EX)
    kiosk = Kiosk("--demo", "--idle-timeout", "6", env={"TMPDIR": tmp})
    try:
        ours = [c for c in kiosk.copies() if not os.path.basename(c).startswith("nhi-demo-e2e-")]
        check(len(ours) == 1 and os.path.exists(os.path.join(ours[0], "nhi.sqlite")), f"one fresh demo copy ({ours})")
        check(not os.path.exists(crashed), "a copy left by a crashed kiosk is removed at start")
        check(os.path.exists(os.path.join(live, "nhi.sqlite")), "a running kiosk's copy (lock held) is kept")
        check(os.path.islink(os.path.join(tmp, "nhi-demo-e2e-link")) and os.path.exists(os.path.join(precious, "nhi.sqlite")),
              "a link named like a copy is neither followed nor removed")
        frame = kiosk.app.child(roleName="frame")
        check(frame.name == "健保櫃檯 nhi-kiosk", f"window title is 健保櫃檯 nhi-kiosk ({frame.name!r})")
        check(kiosk.find("承辦人登入", "heading") is not None, "sign-in heading 承辦人登入")
        check(kiosk.find("註冊密碼", "password text") is not None, "a password field named 註冊密碼")
        for method in ["健保卡", "憑證", "健保快易通 OTP", "健保卡 QRCode", "TW FidO 行動自然人憑證"]:
            check(kiosk.find(method, "check box") is not None, f"login method {method}")
        check("notConnected" not in kiosk.state(), "sign-in is connected (NHILogin through the service)")
        check(kiosk.absent("登入服務尚未接上（需要 SDK 模組 NHILogin），目前無法登入。"), "no 'not connected' notice")
        demo = kiosk.app.findChild(lambda n: n.name.startswith("示範模式"), retry=True, requireResult=False)
        check(demo is not None and ("範例資料" in demo.name or "NHITestSupport" in demo.name),
              f"demo banner says this is sample data ({demo.name if demo else None!r})")
        state = kiosk.state()
        check(state["screen"] == "signIn" and state["language"] == "zh-Hant", "hook: sign-in, zh-Hant")
        screenshot("01-sign-in-zh-Hant")

        print("switch language", flush=True)
        kiosk.press("English")
        check(kiosk.find("Staff sign-in", "heading") is not None, "heading now Staff sign-in")
        check(kiosk.find("中文", "push button") is not None, "the switch now offers 中文")
        check(kiosk.find("Registration password", "password text") is not None, "password field renamed")
        check(kiosk.state()["language"] == "en", "hook: language en")
        screenshot("02-sign-in-en")

        print("settings: field errors, save, keyboard back", flush=True)
        kiosk.press("Settings")
        check(kiosk.find("Save settings", "push button") is not None, "settings screen with Save settings")
        module = kiosk.find("PKCS#11 module path", "text")
        check(module is not None, "PKCS#11 module path field")
        click_into(module)
        type_text("relative/p11.so")
        kiosk.press("Save settings")
        error = kiosk.app.findChild(lambda n: "enter an absolute path" in n.name, retry=True, requireResult=False)
        check(error is not None, "PKCS#11 path error names the rule")
        check(not os.path.exists(kiosk.settings_file), "nothing saved while a field is wrong")
        screenshot("03-settings-field-error")
        click_into(module)
        key("ctrl+a", "BackSpace")
        type_text(shutil.which("xdotool"))
        idle = kiosk.find("Idle lock (seconds)", "text")
        click_into(idle)
        key("ctrl+a", "BackSpace")
        type_text("45")
        key("Return")  # Enter activates the default button (Save settings)
        check(kiosk.find("Settings saved") is not None, "Settings saved (Enter saves)")
        saved = json.load(open(kiosk.settings_file, encoding="utf-8"))
        check(saved.get("pkcs11ModulePath") == shutil.which("xdotool") and saved.get("idleTimeoutSeconds") == 45,
              f"kiosk.json written ({saved})")
        check(oct(os.stat(kiosk.settings_file).st_mode & 0o777) == "0o600", "kiosk.json is 0600")
        screenshot("04-settings-saved")
        key("Escape")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "signIn"), "Escape goes back to sign-in")

        print("idle lock", flush=True)
        kiosk.press("Reader diagnostics")
        pcsc = kiosk.app.findChild(lambda n: "PC/SC service: the smart-card service pcscd answers" in n.name, retry=True, requireResult=False)
        check(pcsc is not None, "diagnostics list the PC/SC service check (NHICards)")
        heading = kiosk.find("Reader diagnostics", "heading")
        before = heading.position if heading else None
        warning = kiosk.app.findChild(lambda n: n.name.startswith("No activity: locking"), retry=True,
                                      requireResult=False)
        check(warning is not None, "idle warning appears before the lock")
        after = heading.position if heading else None
        check(before is not None and before == after,
              f"the idle warning floats over the page: nothing moves ({before} → {after})")
        check(in_view(warning), "the idle warning is in view")
        screenshot("05-idle-warning")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "locked", 15), "locked after idling")
        check(kiosk.find("Screen locked", "heading") is not None, "lock screen heading")
        check(kiosk.find("Idle timeout: signed out and personal data wiped from the screen.") is not None,
              "lock reason says personal data was wiped")
        check(kiosk.state()["lockReason"] == "idle", "hook: lockReason idle")
        screenshot("06-locked-idle")
        kiosk.press("Sign in again")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "signIn"), "Sign in again returns to sign-in")

        print("keyboard: Tab reaches every header control", flush=True)
        names = set()
        for _ in range(24):
            key("Tab")
            focus = kiosk.state().get("focus")
            if focus:
                names.add(focus)
        check({"Settings", "Reader diagnostics", "中文"} <= names, f"Tab reaches the header buttons ({sorted(names)})")

        print("desktop close", flush=True)
        kiosk.hook("close")
        check(kiosk.wait_for(lambda: kiosk.process.poll() is not None), "closing outside kiosk mode quits")
        check(kiosk.process.returncode == 0, f"exit status 0 ({kiosk.process.returncode})")
    finally:
        kiosk.stop()
        held.close()
        shutil.rmtree(tmp, ignore_errors=True)


def text_of(node):
    """A text field's contents ("" for nodes without text)."""
    try:
        return node.text or ""
    except Exception:  # not a text node
        return ""


def reader_lock():
    """NHITestSupport's machine-wide lock on vpcd's readers (VirtualReaderLock): other test
    processes must not push cards into the reader the demo deck uses."""
    handle = open(os.path.join(os.environ.get("TMPDIR", "/tmp"), "nhi-swift-vpcd.lock"), "a+")
    deadline = time.time() + 300
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.time() > deadline:
                raise
            time.sleep(0.1)


def demo_flow():
    """Sign-in with a virtual NHI card + password, a visitor's card read and removed, an
    enrolment filed — all through pcscd, vpcd and the sample database."""
    print("demo: virtual cards through pcscd, sample database", flush=True)
    lock = reader_lock()
    prints = tempfile.mkdtemp(prefix="kiosk-e2e-print-")
    files = tempfile.mkdtemp(prefix="kiosk-e2e-files-")
    kiosk = Kiosk("--demo", "--idle-timeout", "600", "--print-to", prints, "--files", files)
    try:
        hook = kiosk.hook
        waiting = kiosk.app.findChild(lambda n: n.name.startswith("○ 尚未偵測到卡片"), retry=True, requireResult=False)
        check(waiting is not None, "the sign-in screen says no card is in the reader yet")
        check(hook("press 插入 陳志明（管理者）的卡片")["ok"], "tray inserts the administrator's card")
        check(kiosk.wait_for(lambda: kiosk.find("插入 陳志明（管理者）的卡片", "push button").sensitive), "the card is in")
        detected = kiosk.app.findChild(lambda n: n.name.startswith("● 已偵測到卡片（"), retry=True, requireResult=False)
        check(detected is not None, f"the indicator shows the card and its reader, as a real reader would ({detected.name if detected else None!r})")
        pw = kiosk.find("註冊密碼", "password text")
        click_into(pw)
        type_text("Wrong-2026b")
        key("Return")
        check(kiosk.wait_for(lambda: kiosk.state()["signInStatus"].startswith("failed:")), "a wrong password is refused")
        refused = kiosk.app.findChild(lambda n: "密碼" in n.name and "剩餘 2 次" in n.name, retry=True, requireResult=False)
        check(refused is not None, f"the refusal says 2 attempts are left ({refused.name if refused else None!r})")
        tray = kiosk.app.findChild(lambda n: n.name == "示範用虛擬卡片" and n.roleName != "label", retry=True, requireResult=False)
        tray_top = tray.position[1] if tray else None
        check(tray_top is not None and tray_top > 400, f"the demo tray is found at the bottom (top edge {tray_top})")
        check(in_view(refused, tray_top), f"the refusal is in view without scrolling ({refused.position if refused else None})")
        button = kiosk.find("登入", "push button")
        check(in_view(button, tray_top), f"登入 is not covered by the tray ({button.position if button else None}, tray at {tray_top})")
        check(kiosk.find("Wrong-2026b") is None and "Wrong-2026b" not in json.dumps(kiosk.state(), ensure_ascii=False),
              "the typed password is shown nowhere")
        screenshot("08-sign-in-wrong-password")
        kiosk.press("收合卡片列")
        check(kiosk.find("展開示範卡片列", "push button") is not None and kiosk.absent("插入 林雅婷（承辦人）的卡片", "push button"),
              "the tray folds to one line")
        folded = kiosk.find("展開示範卡片列", "push button")
        check(folded is not None and folded.position[1] > tray_top, "folded, the tray gives the page more room")
        screenshot("08b-tray-folded")
        kiosk.press("展開示範卡片列")
        check(kiosk.find("插入 林雅婷（承辦人）的卡片", "push button") is not None, "and opens again")
        click_into(kiosk.find("註冊密碼", "password text"))
        type_text("Kiosk-2026a")
        key("Return")
        check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 15), "signed in with the virtual NHI card + password")
        state = kiosk.state()
        check(state["screen"] == "home" and state.get("role") == "administrator", f"home as administrator ({state.get('role')})")
        check(kiosk.app.findChild(lambda n: "陳志明" in n.name, retry=True, requireResult=False) is not None,
              "the header names the signed-in staff member")
        check("enrol" in state["tasks"], f"the administrator may enrol ({state['tasks']})")
        unit = kiosk.app.findChild(lambda n: n.name == "110001000 示範科技股份有限公司・健保卡登入", retry=True, requireResult=False)
        check(unit is not None, "the header names the unit (code and name) and the sign-in method")
        screenshot("09-home-administrator")

        print("demo: visitor card", flush=True)
        check(hook("press 插入 王小明（員工，未註冊網路服務）的卡片")["ok"], "tray inserts the visitor's card")
        check(kiosk.wait_for(lambda: kiosk.state()["visitor"] == "showing", 15), "visitor identity shown")
        state = kiosk.state()
        masked = state.get("visitorMaskedID", "")
        check(state["screen"] == "visitor" and masked.endswith("****") and len(masked) == 10,
              f"visitor panel with a masked ID ({masked})")
        check(kiosk.find("姓名 王小明") is not None, "the visitor's name is on screen (姓名 王小明)")
        check(kiosk.find("身分證號 " + masked) is not None, f"the masked ID is on screen (身分證號 {masked})")
        full = kiosk.app.findChild(lambda n: n.name and n.name[:6] == masked[:6] and "*" not in n.name and len(n.name) == 10,
                                   retry=False, requireResult=False)
        check(full is None, "the full ID is nowhere in the accessibility tree")
        screenshot("10-visitor-card")
        kiosk.press("加保此人")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "enrol"), "加保此人 opens the enrolment form")
        # GTK 4.8's entries expose no AT-SPI text; the hint decoded from the ID shows it was filled in.
        decoded = kiosk.app.findChild(lambda n: n.name == "男性・新北市", retry=True, requireResult=False)
        check(decoded is not None and kiosk.state().get("flowStatus") == "idle",
              "the form is filled in from the card (the ID's decoded hint shows), nothing filed")
        screenshot("10b-enrol-this-person")
        key("Escape")
        kiosk.dialog("放棄填寫的資料？")
        kiosk.press("放棄並離開")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "visitor"), "back to the visitor")
        check(hook("press 取出卡片")["ok"], "tray removes the card")
        check(kiosk.wait_for(lambda: kiosk.state()["visitor"] == "removed", 10), "removal wipes the visitor")
        check(kiosk.absent("姓名 王小明") and kiosk.absent("身分證號 " + masked), "name and ID are gone from the screen")
        check("visitorMaskedID" not in kiosk.state(), "the hook no longer reports the visitor")
        screenshot("11-visitor-removed")

        print("demo: enrolment", flush=True)
        check(hook("open enrol")["ok"], "the enrolment form opens")
        for name, text in [("被保險人身分證號（居留證統一證號）", "G276543219"), ("姓名（電腦無法顯示的字請以＊代替）", "周怡君"),
                           ("出生日期（民國年月日，如 0850504）", "0850504"), ("月薪資總額", "36000")]:
            reply = hook(f"fill {name}\t{text}")
            check(reply["ok"], f"fill {name} ({reply.get('error')})")
        amount = kiosk.app.findChild(lambda n: "36,300" in (n.name or "") or "36,300" in text_of(n),
                                     retry=True, requireResult=False)
        check(amount is not None, "the grade preview proposes the insured amount 36,300")
        screenshot("12-enrolment-form")
        kiosk.press("送出申報")
        review = kiosk.dialog("確認加保申報")
        check(review is not None, "送出 first shows the review (確認加保申報)")
        text = review.description if review else ""
        check("周怡君 G27654****" in text and "G276543219" not in text, f"the review names the person, ID masked ({text!r})")
        check("生效日期" in text and "民國" in text and "36,300 元" in text and "投保等級" in text,
              "the review shows the effective date, amount and grade")
        check(kiosk.state().get("flowStatus") == "idle", "nothing is filed while the review is up")
        screenshot("12b-enrolment-review")
        kiosk.press("確認送出")
        check(kiosk.wait_for(lambda: kiosk.state().get("flowStatus") == "succeeded", 15),
              f"the enrolment is filed ({kiosk.state().get('flowStatus')})")
        done = kiosk.app.findChild(lambda n: n.name.startswith("已受理加保申報"), retry=True, requireResult=False)
        check(done is not None and "周怡君" in done.name and "G27654****" in done.name and "G276543219" not in done.name,
              f"the confirmation names the person with the ID masked ({done.name if done else None!r})")
        toast = kiosk.app.findChild(lambda n: n.name.startswith("已受理加保申報") and in_view(n, 700), retry=True,
                                    requireResult=False)
        check(toast is not None, f"the receipt is in view at the top without scrolling ({toast.position if toast else None})")
        check(kiosk.find("關閉訊息", "push button") is not None, "the receipt toast can be closed")
        screenshot("13-enrolment-filed")
        kiosk.press("關閉訊息")
        check(kiosk.absent("關閉訊息", "push button"), "closed")

        print("demo: withdrawal review names the dependants; Esc on a half-filled form asks", flush=True)
        check(hook("open withdraw")["ok"], "the withdrawal form opens")
        employee = national_id("F", 1, 3141592)
        check(hook(f"fill 被保險人身分證號（居留證統一證號）\t{employee}")["ok"], "the employee's ID typed")
        kiosk.press("送出申報")
        review = kiosk.dialog("確認退保申報")
        text = review.description if review else ""
        check(review is not None and "一併轉出之眷屬" in text and "李美玲" in text and "王小華" in text,
              f"a withdrawal asks before filing and names the dependants who go too ({text!r})")
        check(employee not in text and employee[:6] + "****" in text, "the person's ID is masked in the review")
        screenshot("13b-withdrawal-review")
        kiosk.press("返回修改")
        check(kiosk.wait_for(lambda: kiosk.absent("確認退保申報", "dialog")), "返回修改 closes the review")
        check(kiosk.state().get("flowStatus") == "idle", "and nothing was filed")
        click_into(kiosk.find("被保險人身分證號（居留證統一證號）", "text"))
        key("Escape")
        discard = kiosk.dialog("放棄填寫的資料？")
        check(discard is not None and kiosk.state()["screen"] == "withdraw", "Esc on a half-filled form asks before discarding it")
        screenshot("13c-discard-asks")
        kiosk.press("繼續填寫")
        check(kiosk.wait_for(lambda: kiosk.absent("放棄填寫的資料？", "dialog")) and kiosk.state()["screen"] == "withdraw",
              "繼續填寫 keeps the form")
        key("Escape")
        kiosk.dialog("放棄填寫的資料？")
        kiosk.press("放棄並離開")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] != "withdraw"), "放棄並離開 leaves the form")

        print("demo: staff management (administrators only)", flush=True)
        check(hook("open staff")["ok"], "單位管理者登錄作業 opens for the administrator")
        operator_row = kiosk.app.findChild(lambda n: n.name.startswith("林雅婷 B22468****　承辦人"), retry=True, requireResult=False)
        check(operator_row is not None, "the list shows 林雅婷 as operator, ID masked")
        check(kiosk.absent("刪除 陳志明 A11357****", "push button"), "no delete button on one's own row")
        employee = national_id("F", 1, 3141592)
        for name, text in [("身分證號（居留證統一證號）", employee), ("姓名", "王小明"), ("行動電話", "0912345678"),
                           ("電子郵件", "staff@demo.example")]:
            check(hook(f"fill {name}\t{text}")["ok"], f"fill {name}")
        hook("press 健保卡（須已註冊網路服務）")
        kiosk.press("指派")
        refused = kiosk.app.findChild(lambda n: "註冊" in n.name and n.roleName == "alert", retry=True, requireResult=False)
        check(refused is not None and "staff." not in refused.name,
              f"an unregistered NHI card is refused in words, in view ({refused.name if refused else None!r})")
        check(hook("press 自然人憑證")["ok"], "citizen certificate chosen")
        check(hook("fill 憑證序號（自然人憑證卡上的序號）\t0A1B2C3D4E5F6789")["ok"], "serial typed")
        kiosk.press("指派")
        assigned = kiosk.app.findChild(lambda n: n.name.startswith("已指派 王小明 F13141****") and in_view(n), retry=True,
                                       requireResult=False)
        check(assigned is not None, "assigned: the toast says so, in view")
        row = kiosk.find("刪除 王小明 F13141****", "push button")
        check(row is not None, "the new operator is listed with a delete button")
        screenshot("22-staff-management")
        kiosk.press("刪除 王小明 F13141****")
        alert = kiosk.dialog("刪除管理者或承辦人？")
        check(alert is not None and "王小明 F13141****" in (alert.description or ""), "deleting asks in an alert dialog, naming the person")
        screenshot("23-staff-delete-alert")
        kiosk.press("取消")
        check(kiosk.wait_for(lambda: kiosk.absent("刪除管理者或承辦人？", "dialog")) and kiosk.find("刪除 王小明 F13141****", "push button") is not None,
              "取消 deletes nothing")
        kiosk.press("刪除 王小明 F13141****")
        kiosk.dialog("刪除管理者或承辦人？")
        kiosk.press("刪除")
        deleted = kiosk.app.findChild(lambda n: n.name.startswith("已刪除 王小明 F13141****"), retry=True, requireResult=False)
        check(deleted is not None and kiosk.wait_for(lambda: kiosk.absent("刪除 王小明 F13141****", "push button")),
              "刪除 in the alert deletes the assignment")

        print("demo: insurance status and proof by ID", flush=True)
        check(hook("open insuranceLookup")["ok"], "投保狀態查詢及投保證明 opens")
        check(hook(f"fill 身分證號（居留證統一證號）\t{national_id('H', 1, 5772156)}")["ok"], "someone insured elsewhere typed")
        kiosk.press("查詢")
        refusal = kiosk.app.findChild(lambda n: n.roleName == "alert" and n.name and n.name != "—" and in_view(n), retry=True,
                                      requireResult=False)
        check(refusal is not None, f"the service's refusal is shown in view ({refusal.name if refusal else None!r})")
        check(hook(f"fill 身分證號（居留證統一證號）\t{employee}")["ok"], "the employee's ID typed")
        kiosk.press("查詢")
        found = kiosk.app.findChild(lambda n: n.name == "王小明 F13141****", retry=True, requireResult=False)
        check(found is not None, "the status names the person, ID masked")
        kiosk.press("列印中文投保證明")
        sheet_title = kiosk.app.findChild(lambda n: n.name == "全民健康保險投保證明" and n.roleName == "heading", retry=True,
                                          requireResult=False)
        check(sheet_title is not None, "the proof is laid out as a document on screen (its title)")
        dependant_row = kiosk.app.findChild(lambda n: n.name.startswith("李美玲 F22718****"), retry=True, requireResult=False)
        check(dependant_row is not None, "the proof's dependants table, IDs masked")
        check(kiosk.wait_for(lambda: len(glob.glob(os.path.join(prints, "*-zh-Hant.pdf"))) == 1, 20),
              f"the proof was printed (PDF: {glob.glob(os.path.join(prints, '*.pdf'))})")
        screenshot("24-insurance-proof")

        print("demo: today's filings, same-day deletion", flush=True)
        check(hook("open filings")["ok"], "今日申報及檢核結果 opens")
        row = kiosk.app.findChild(lambda n: "加保　周怡君 G27654****" in n.name and "待轉檔" in n.name, retry=True, requireResult=False)
        check(row is not None, f"today's enrolment is listed, ID masked ({row.name if row else None!r})")
        delete = kiosk.app.findChild(lambda n: n.name.startswith("刪除第 ") and n.roleName == "push button", retry=True,
                                     requireResult=False)
        check(delete is not None, "it can be deleted today")
        screenshot("25-filings-today")
        if delete is not None:
            delete.doActionNamed("click")
            time.sleep(0.4)
        alert = kiosk.dialog("刪除這筆申報？")
        check(alert is not None and "周怡君 G27654****" in (alert.description or ""), "deleting a filing asks in an alert, naming it")
        kiosk.press("刪除")
        gone = kiosk.app.findChild(lambda n: n.name.startswith("已刪除第 ") and in_view(n), retry=True, requireResult=False)
        check(gone is not None, "the deletion is confirmed in view")
        check(kiosk.wait_for(lambda: kiosk.app.findChild(lambda n: "周怡君 G27654****" in n.name and "已刪除" in n.name,
                                                         retry=False, requireResult=False) is not None),
              "the filing is listed as 已刪除")

        print("demo: bills and a payment slip", flush=True)
        check(hook("open bills")["ok"], "保險費帳單及繳款單 opens")
        slip = kiosk.app.findChild(lambda n: n.roleName == "push button" and n.name.startswith("列印 ") and n.name.endswith("一般保費繳款單"),
                                   retry=True, requireResult=False)
        check(slip is not None, "the unit's bills are listed, each with 列印繳款單")
        screenshot("26-bills")
        if slip is not None:
            slip.doActionNamed("click")
            time.sleep(0.4)
        printed = kiosk.app.findChild(lambda n: n.name.startswith("已列印 ") and in_view(n), retry=True, requireResult=False)
        check(printed is not None, "the slip is confirmed in view")
        check(kiosk.wait_for(lambda: len(glob.glob(os.path.join(prints, "slip-*.pdf"))) == 1, 20),
              f"the slip was printed as a document (PDF: {glob.glob(os.path.join(prints, 'slip-*.pdf'))})")

        print("demo: a suspension reviewed and filed; the roster searched; the audit log", flush=True)
        check(hook("open statusChange")["ok"], "停復保及基本資料變更 opens")
        check(hook(f"fill 保險對象身分證號（居留證統一證號）\t{employee}")["ok"], "the employee's ID typed")
        check(hook("fill 原因（可免填）\t出國六個月以上")["ok"], "the reason typed")
        kiosk.press("送出申報")
        review = kiosk.dialog("確認停復保申報")
        text = review.description if review else ""
        check(review is not None and "停保" in text and employee[:6] + "****" in text and employee not in text and "出國六個月以上" in text,
              f"a suspension asks before filing: who (masked), what, from when, why ({text!r})")
        check(kiosk.state().get("flowStatus") == "idle", "nothing is filed while the review is up")
        screenshot("27-suspension-review")
        kiosk.press("確認送出")
        check(kiosk.wait_for(lambda: kiosk.state().get("flowStatus") == "succeeded", 15), f"filed ({kiosk.state().get('flowStatus')})")
        receipt = kiosk.app.findChild(lambda n: n.name.startswith("已受理停保申報") and in_view(n, 700), retry=True, requireResult=False)
        check(receipt is not None and employee[:6] + "****" in receipt.name, "the receipt is in view, ID masked")
        screenshot("28-suspension-filed")
        check(hook("open roster")["ok"], "在保名冊 opens")
        check(kiosk.wait_for(lambda: "roster:succeeded" in kiosk.state().get("flowStatus", "")), "the roster is read")
        check(hook("fill 搜尋（姓名或身分證號）\t李美玲")["ok"], "searched for a dependant")
        spouse = kiosk.app.findChild(lambda n: n.name.startswith("李美玲 F22718****　眷屬"), retry=True, requireResult=False)
        principal = kiosk.app.findChild(lambda n: n.name.startswith("王小明 " + employee[:6] + "****　本人"), retry=True, requireResult=False)
        check(spouse is not None and principal is not None, "the dependant is listed with her insured person, IDs masked")
        check(kiosk.app.findChild(lambda n: n.name.startswith("陳志明 A11357****"), retry=False, requireResult=False) is None,
              "people who do not match are not listed")
        screenshot("29-roster-search")
        check(hook("open auditLog")["ok"], "稽核紀錄 opens for the administrator")
        entry = kiosk.app.findChild(lambda n: "filing.suspend" in n.name and employee[:6] + "****" in n.name, retry=True, requireResult=False)
        check(entry is not None, "the suspension is in the audit log, ID masked")
        check(kiosk.app.findChild(lambda n: employee in (n.name or ""), retry=False, requireResult=False) is None,
              "the full ID is nowhere on the audit screen")
        screenshot("30-audit-log")

        print("demo: a filing file from the exchange folder: checked, imported after the confirmation, listed and printed", flush=True)
        with open(os.path.join(files, "raise.csv"), "w", encoding="utf-8") as out:
            out.write(f"kind,id,name,birthDate,amount,date,dependantOf,relation\nadjust,{employee},,,38200,\n")
        with open(os.path.join(files, "broken.csv"), "w", encoding="utf-8") as out:
            out.write(f"kind,id,name,birthDate,amount,date,dependantOf,relation\nadjust,{employee},,,38200,\nwithdraw,{national_id('H', 1, 5772156)},,,,2026-11-30\n")
        os.symlink("/etc/passwd", os.path.join(files, "link.csv"))
        check(hook("open filingImport")["ok"], "批次申報及申報資料列印 opens")
        check(kiosk.find("選取 raise.csv", "push button") is not None and kiosk.find("選取 broken.csv", "push button") is not None,
              "the exchange folder's CSV files are offered")
        check(kiosk.absent("選取 link.csv", "push button"), "a link is not offered")
        kiosk.press("選取 broken.csv")
        bad = kiosk.app.findChild(lambda n: n.name.startswith("第2筆：") and "H15772****" in n.name, retry=True, requireResult=False)
        check(bad is not None, f"the refused row is named as the NHI counts it, ID masked ({bad.name if bad else None!r})")
        check(not kiosk.find("匯入申報", "push button").sensitive, "a file with a refused row cannot be imported")
        screenshot("35-filing-import-refused")
        kiosk.press("選取 raise.csv")
        check(kiosk.app.findChild(lambda n: n.name.startswith("檢查通過"), retry=True, requireResult=False) is not None, "the clean file passes")
        kiosk.press("匯入申報")
        alert = kiosk.dialog("匯入這個申報檔？")
        check(alert is not None and "raise.csv" in (alert.description or ""), "importing asks first, naming the file")
        kiosk.answer("匯入申報")
        done = kiosk.app.findChild(lambda n: n.name.startswith("已匯入 1 筆申報") and in_view(n, 700), retry=True, requireResult=False)
        check(done is not None, "imported: the outcome is in view")
        kiosk.press("查詢申報資料")
        listed = kiosk.app.findChild(lambda n: "薪調" in n.name and employee[:6] + "****" in n.name and "36,300→38,200" in n.name,
                                     retry=True, requireResult=False)
        check(listed is not None, "the filed data lists the imported adjustment, ID masked")
        kiosk.press("列印申報資料")
        check(kiosk.wait_for(lambda: len(glob.glob(os.path.join(prints, "filed-data-*.pdf"))) == 1, 20), "the listing was printed")
        screenshot("36-filing-import-listing")

        print("demo: a card application confirmed, sent and listed", flush=True)
        check(hook("open cardApplication")["ok"], "健保卡申請 opens")
        for name, text in [("申請人身分證號（居留證統一證號）", employee), ("電子郵件（製卡進度通知）", "wang@demo.example"),
                           ("行動電話（與聯絡電話至少填一項）", "0912345678"), ("領卡地點（櫃檯名稱）", "臺北業務組")]:
            check(hook(f"fill {name}\t{text}")["ok"], f"fill {name}")
        kiosk.press("送出申請")
        alert = kiosk.dialog("送出健保卡申請？")
        text = alert.description if alert else ""
        check(alert is not None and employee[:6] + "****" in text and employee not in text and "臨櫃領取（臺北業務組）" in text,
              f"applying asks first: who (masked), why, where ({text!r})")
        screenshot("37-card-application-confirm")
        kiosk.answer("送出申請")
        applied = kiosk.app.findChild(lambda n: n.name.startswith("已受理健保卡申請") and in_view(n, 700), retry=True, requireResult=False)
        check(applied is not None, "the application is confirmed in view")
        listed = kiosk.app.findChild(lambda n: n.name.startswith("第 ") and "遺失" in n.name and "臨櫃 臺北業務組" in n.name, retry=True,
                                     requireResult=False)
        check(listed is not None, "and listed among the person's applications")
        # A new photo needs one: it comes from the exchange folder's shelf (jpg/jpeg/gif/png only).
        with open(os.path.join(files, "photo.jpg"), "wb") as out:
            out.write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64 + b"\xff\xd9")
        kiosk.press("辦理下一筆")
        check(hook("open home")["ok"] and hook("open cardApplication")["ok"], "健保卡申請 again (the shelf is listed as it opens)")
        check(hook("choose 申請原因\t更換照片")["ok"], "reason: a new photo")
        check(kiosk.find("須檢附證明文件") is not None, "a photo is asked for")
        kiosk.press("選取 photo.jpg")
        check(kiosk.find("移除 photo.jpg", "push button") is not None, "the photo is attached from the shelf, checked by the SDK")
        check(kiosk.absent("選取 raise.csv", "push button") or not kiosk.find("選取 raise.csv").showing,
              "the photo shelf offers no CSV files")
        screenshot("55-card-application-photo-shelf")
        kiosk.press("移除 photo.jpg")
        kiosk.press("清除重填")

        print("demo: batch NHI-card registration from the exchange folder: the check report numbered as the NHI numbers it, then the job", flush=True)
        with open(os.path.join(files, "batch.csv"), "w", encoding="utf-8", newline="") as out:
            out.write("身分證號,電子郵件,行動電話,聯絡電話\r\n")
            out.write(f"{employee},wang@demo.example,0912345678,\r\n")
            out.write("A123456780,bad@demo.example,0912345678,\r\n")
        check(hook("open batchUpload")["ok"], "健保卡註冊申請整批資料上傳 opens")
        kiosk.press("選取 batch.csv")
        summary = kiosk.app.findChild(lambda n: n.name.startswith("共 2 筆，可上傳 1 筆，不符規定 1 筆"), retry=True, requireResult=False)
        check(summary is not None, "the check report: 2 rows, 1 can be submitted, 1 rejected")
        row2 = kiosk.app.findChild(lambda n: n.name.startswith("第 2 筆 A12345****"), retry=True, requireResult=False)
        check(row2 is not None, f"the bad row is 第 2 筆 (the header is not counted), its ID masked ({row2.name if row2 else None!r})")
        screenshot("56-batch-upload-shelf")
        kiosk.press("確定上傳")
        uploaded = kiosk.app.findChild(lambda n: n.name.startswith("已上傳：") and in_view(n, 700), retry=True, requireResult=False)
        check(uploaded is not None, f"submitted as one job: the outcome in view ({uploaded.name if uploaded else None!r})")

        print("demo: a DPR file checked, filed after the confirmation; its supplementary-premium slip", flush=True)
        dpr_line = "2,I,1140131,A123456789,陳志明,150000,{p},,110001000,31800,150000,年終獎金\r\n"
        dpr_head = "1,04595257,62,11401,11412,1,150000,{p},示範科技股份有限公司,02-27065866,pay@example.com.tw,王小明\r\n"
        with open(os.path.join(files, "DPR045952571150301001.csv"), "w", encoding="utf-8", newline="") as out:
            out.write(dpr_head.format(p=480) + dpr_line.format(p=480))
        with open(os.path.join(files, "DPR045952571150301002.csv"), "w", encoding="utf-8", newline="") as out:
            out.write(dpr_head.format(p=481) + dpr_line.format(p=481))
        check(hook("open dpr")["ok"], "補充保險費明細申報 opens")
        kiosk.press("選取 DPR045952571150301001.csv")
        wrong = kiosk.app.findChild(lambda n: n.name.startswith("錯誤：第2列") and "計算為481元" in n.name, retry=True, requireResult=False)
        check(wrong is not None, f"a wrong premium is named with its line, in words ({wrong.name if wrong else None!r})")
        check(not kiosk.find("申報補充保費明細", "push button").sensitive, "and the file cannot be filed")
        kiosk.press("選取 DPR045952571150301002.csv")
        check(kiosk.app.findChild(lambda n: n.name == "檢核通過，可以申報", retry=True, requireResult=False) is not None, "the right file passes")
        screenshot("38-dpr-checked")
        kiosk.press("申報補充保費明細")
        alert = kiosk.dialog("申報這個 DPR 檔？")
        check(alert is not None and "04595257" in (alert.description or "") and "481 元" in (alert.description or ""),
              "filing asks first: the payer and the premium")
        kiosk.answer("申報補充保費明細")
        filed = kiosk.app.findChild(lambda n: n.name.startswith("已申報 1 筆明細") and in_view(n, 700), retry=True, requireResult=False)
        check(filed is not None, "filed: the outcome is in view")
        kiosk.press("列印補充保費繳款單")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "bills"), "the way to the slips opens the bills")
        slip = kiosk.app.findChild(lambda n: n.roleName == "push button" and n.name.startswith("列印 ") and n.name.endswith("補充保費繳款單"),
                                   retry=True, requireResult=False)
        check(slip is not None, f"the supplementary-premium slip is listed to print ({slip.name if slip else None!r})")

        print("demo: premium calculation, a statement requested; payment certificate printed; e-payment slips", flush=True)
        check(hook("open statements")["ok"], "保費計算明細及各類明細表 opens")
        kiosk.press("查詢明細")
        summary = kiosk.app.findChild(lambda n: "應繳" in n.name and "被保險人負擔" in n.name, retry=True, requireResult=False)
        check(summary is not None, f"last month's calculation with its totals ({summary.name if summary else None!r})")
        line = kiosk.app.findChild(lambda n: n.name.startswith("王小明 " + employee[:6] + "****　投保金額"), retry=True, requireResult=False)
        check(line is not None, "each person's line, ID masked")
        kiosk.press("申請")
        requested = kiosk.app.findChild(lambda n: n.name.startswith("已申請 ") and in_view(n, 700), retry=True, requireResult=False)
        check(requested is not None, "the request is confirmed in view")
        pending = kiosk.app.findChild(lambda n: n.name.startswith("第 ") and "尚未產生" in n.name, retry=True, requireResult=False)
        check(pending is not None, "the request is listed as 尚未產生")
        screenshot("31-statements")
        check(hook("open payments")["ok"], "保費繳納證明及電子繳款單 opens")
        kiosk.press("查詢繳納證明")
        total = kiosk.app.findChild(lambda n: n.name.startswith("合計 ") and n.name.endswith(" 元"), retry=True, requireResult=False)
        check(total is not None, "the certificate's total")
        kiosk.press("列印繳納證明")
        check(kiosk.wait_for(lambda: len(glob.glob(os.path.join(prints, "certificate-*.pdf"))) == 1, 20),
              f"the certificate was printed as a document ({glob.glob(os.path.join(prints, 'certificate-*.pdf'))})")
        check(hook("fill 電子郵件\tbilling@demo.example")["ok"], "the slips' e-mail typed")
        kiosk.press("申請電子繳款單")
        done = kiosk.app.findChild(lambda n: n.name.startswith("已受理：電子繳款單寄至 billing@demo.example") and in_view(n, 700), retry=True,
                                   requireResult=False)
        check(done is not None, "subscribed: confirmed in view")
        screenshot("32-payments")
        kiosk.press("取消電子繳款單")
        alert = kiosk.dialog("取消電子繳款單？")
        check(alert is not None and "billing@demo.example" in (alert.description or ""), "cancelling asks in an alert, naming the address")
        kiosk.press("保留")
        check(kiosk.wait_for(lambda: kiosk.absent("取消電子繳款單？", "dialog")) and "change:succeeded" in kiosk.state().get("flowStatus", ""),
              "保留 keeps the subscription")
        kiosk.press("取消電子繳款單")
        kiosk.dialog("取消電子繳款單？")
        kiosk.answer("取消電子繳款單")
        cancelled = kiosk.app.findChild(lambda n: n.name.startswith("已取消電子繳款單"), retry=True, requireResult=False)
        check(cancelled is not None, "cancelled after the alert; paper slips return")

        print("demo: the counter suspends and resumes a visitor's online services", flush=True)
        kiosk.press("首頁")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "home"), "home")
        check(hook("press 插入 林雅婷（承辦人）的卡片")["ok"], "tray inserts a registered visitor's card")
        check(kiosk.wait_for(lambda: kiosk.state()["visitor"] == "showing", 15) and kiosk.state()["screen"] == "visitor", "the visitor panel")
        check(kiosk.wait_for(lambda: "account:succeeded" in kiosk.state().get("flowStatus", ""), 10), "the account is read")
        check(kiosk.app.findChild(lambda n: n.name.startswith("已完成註冊"), retry=True, requireResult=False) is not None, "registered")
        kiosk.press("暫停網路服務")
        alert = kiosk.dialog("暫停此人的健保卡網路服務？")
        check(alert is not None and "臨櫃" in (alert.description or ""), "suspending asks in an alert and says how to resume")
        screenshot("33-visitor-suspend-alert")
        kiosk.press("保留")
        check(kiosk.wait_for(lambda: kiosk.absent("暫停此人的健保卡網路服務？", "dialog")), "保留 suspends nothing")
        kiosk.press("暫停網路服務")
        kiosk.dialog("暫停此人的健保卡網路服務？")
        kiosk.answer("暫停網路服務")
        suspended = kiosk.app.findChild(lambda n: n.name.startswith("網路服務已暫停（臨櫃申請）"), retry=True, requireResult=False)
        check(suspended is not None, "the account shows as suspended")
        check(kiosk.app.findChild(lambda n: n.name.startswith("已暫停網路服務") and in_view(n, 700), retry=True, requireResult=False) is not None,
              "the outcome is in view")
        kiosk.press("恢復網路服務")
        resumed = kiosk.app.findChild(lambda n: n.name.startswith("已恢復網路服務"), retry=True, requireResult=False)
        check(resumed is not None and kiosk.wait_for(lambda: kiosk.app.findChild(lambda n: n.name.startswith("已完成註冊"), retry=False,
                                                                                  requireResult=False) is not None),
              "resumed at the counter: registered again")
        screenshot("34-visitor-resumed")
        check(hook("press 取出卡片")["ok"], "the visitor's card is taken out")
        check(kiosk.wait_for(lambda: kiosk.state()["visitor"] == "removed", 10), "removal wipes the visitor")

        print("demo: 鎖定 keeps the session, 登出 ends it", flush=True)
        check(hook("open unpaidPremiums")["ok"], "the unpaid-premiums screen opens")
        kiosk.press("鎖定")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "locked"), "鎖定 locks")
        kept = kiosk.app.findChild(lambda n: n.name.startswith("陳志明 的工作階段保留中"), retry=True, requireResult=False)
        check(kept is not None and kiosk.find("解除鎖定", "push button") is not None and kiosk.find("登出", "push button") is not None,
              "the lock screen keeps 陳志明's session: 解除鎖定 or 登出")
        check(not kiosk.state()["signedIn"], "nothing can be done while locked")
        screenshot("21-locked-session-kept")
        kiosk.press("解除鎖定")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "signIn"), "解除鎖定: the sign-in form")
        check(kiosk.app.findChild(lambda n: n.name.startswith("解除鎖定：請 陳志明"), retry=True, requireResult=False) is not None,
              "it says who resumes and how")
        check(hook("press 插入 陳志明（管理者）的卡片")["ok"], "the administrator's card again")
        check(kiosk.wait_for(lambda: kiosk.find("插入 陳志明（管理者）的卡片", "push button").sensitive), "the card is in")
        click_into(kiosk.find("註冊密碼", "password text"))
        type_text("Kiosk-2026a")
        key("Return")
        check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 15) and kiosk.state()["screen"] == "unpaidPremiums",
              f"the same credential resumes on the same screen ({kiosk.state()['screen']})")
        kiosk.press("鎖定")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "locked"), "locked again")
        kiosk.press("登出")
        state = kiosk.state()
        check(state["screen"] == "signIn" and not state["signedIn"] and kiosk.absent("陳志明 的工作階段保留中"),
              "登出 on the lock screen ends the session")
    finally:
        kiosk.stop()
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def certificate_flow():
    """Sign-in with the demo's virtual citizen-certificate card: ID typed, PIN from the
    keyboard into the on-screen keypad (never shown), a wrong PIN refused with 9039 and the
    tries left, then the right one — the card checks the PIN and signs the challenge."""
    print("demo: certificate + PIN", flush=True)
    lock = reader_lock()
    kiosk = Kiosk("--demo", "--idle-timeout", "600")
    try:
        hook = kiosk.hook
        check(hook("press 插入 陳志明（管理者）的自然人憑證卡")["ok"], "tray inserts the administrator's certificate card")
        check(kiosk.wait_for(lambda: kiosk.find("插入 陳志明（管理者）的自然人憑證卡", "push button").sensitive),
              "the certificate card is in")
        method = kiosk.find("憑證")
        check(method is not None, "the certificate method is offered")
        click_into(method)
        check(kiosk.wait_for(lambda: kiosk.state()["signInMethod"] == "certificate"), "certificate method chosen")
        click_into(kiosk.find("身分證號", "text"))
        type_text("A113579131")
        key("Tab")
        type_text("135790")
        check(kiosk.state()["pinDigitsEntered"] == 6, "keyboard digits go to the keypad once the ID field is left")
        key("Return")
        check(kiosk.wait_for(lambda: kiosk.state()["signInStatus"].startswith("failed:"), 15), "a wrong PIN is refused")
        refused = kiosk.app.findChild(lambda n: "9039" in n.name and "剩餘 2 次" in n.name, retry=True, requireResult=False)
        check(refused is not None, f"the refusal is 9039 with 2 tries left ({refused.name if refused else None!r})")
        tray = kiosk.app.findChild(lambda n: n.name == "示範用虛擬卡片" and n.roleName != "label", retry=True, requireResult=False)
        tray_top = tray.position[1] if tray else 800
        check(in_view(refused, tray_top), f"after a wrong PIN the error is in view without scrolling ({refused.position if refused else None})")
        button = kiosk.find("登入", "push button")
        check(in_view(button, tray_top), f"登入 beside the keypad is not covered by the tray ({button.position if button else None}, tray at {tray_top})")
        zero = kiosk.find("0", "push button")
        check(in_view(zero, tray_top), f"the keypad's last row is not covered by the tray ({zero.position if zero else None})")
        check(kiosk.find("135790") is None and "135790" not in json.dumps(kiosk.state(), ensure_ascii=False),
              "the typed PIN is shown nowhere")
        check(kiosk.state()["pinDigitsEntered"] == 0, "the keypad is emptied after the attempt")
        screenshot("14-sign-in-wrong-pin")
        type_text("246810")
        key("Return")
        check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 15), "signed in with the virtual certificate card + PIN")
        state = kiosk.state()
        check(state["screen"] == "home" and state.get("role") == "administrator", f"home as administrator ({state.get('role')})")
        screenshot("15-home-certificate")
    finally:
        kiosk.stop()
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def organisation_certificate_flow():
    """Sign-in with the demo unit's virtual organisation-certificate card (工商憑證): the
    check box swaps the ID field for the unit code, the PIN goes from the keyboard into the
    keypad (never into the unit-code field, never shown); a citizen certificate presented
    for a unit is refused plainly; then the unit signs in as its own administrator and the
    header names the unit, not a person."""
    print("demo: organisation certificate + PIN + unit code", flush=True)
    lock = reader_lock()
    kiosk = Kiosk("--demo", "--idle-timeout", "600")
    try:
        hook = kiosk.hook
        unit_card = "插入 示範科技股份有限公司（投保單位 110001000）的工商憑證卡"

        print("demo: 單位註冊作業 by the organisation certificate, then the new unit's first sign-in", flush=True)
        owner = national_id("A", 1, 1357913)
        branch = "示範科技股份有限公司新竹分公司"
        kiosk.press("單位註冊作業（尚未註冊之單位）")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "unitRegistration"), "the sign-in screen opens 單位註冊作業")
        check(all(kiosk.find(way) is not None for way in ["單位憑證", "負責人健保卡", "負責人健保快易通 OTP"]),
              "the three ways of the NHI's form are offered")
        kiosk.press("註冊")
        check(kiosk.wait_for(lambda: kiosk.app.findChild(lambda n: "此欄位必填" in n.name and in_view(n, 700), retry=False,
                                                           requireResult=False) is not None),
              "註冊 with nothing filled names the required fields, in view; nothing is sent")
        check(kiosk.state().get("flowStatus") == "register:idle", f"nothing sent ({kiosk.state().get('flowStatus')})")
        for name, text in [("投保單位代號", "110002000"), ("投保單位名稱", branch), ("統一編號（可免填）", "04595257"),
                           ("負責人身分證號", owner), ("負責人行動電話", "0912345678"), ("電子郵件信箱", "hsinchu@demo.example")]:
            check(hook(f"fill {name}\t{text}")["ok"], f"fill {name}")
        check(hook("press 僅使用健保專用相關作業，不使用勞(農)保")["ok"], "NHI-only: no labour-insurance number asked for")
        check(kiosk.wait_for(lambda: kiosk.absent("勞(農)保證號（8 位數字加 1 位英文檢查碼）", "text")), "the labour-number field goes")
        check(hook(f"press {unit_card}")["ok"], "tray inserts the unit's organisation-certificate card")
        check(kiosk.wait_for(lambda: kiosk.find(unit_card, "push button").sensitive), "the organisation certificate is in")
        for digit in "135246":
            hook(f"press {digit}")
        check(kiosk.state()["pinDigitsEntered"] == 6, "the PIN goes to the registration's keypad")
        screenshot("50-unit-registration-form")
        kiosk.press("註冊")
        alert = kiosk.dialog("送出單位註冊？")
        text = alert.description if alert else ""
        check(alert is not None and "110002000" in text and branch in text and owner[:6] + "****" in text and owner not in text
              and "單位憑證" in text, f"registering asks first: the unit, the owner masked, the method ({text!r})")
        screenshot("51-unit-registration-review")
        kiosk.answer("註冊")
        check(kiosk.wait_for(lambda: kiosk.state().get("flowStatus") == "register:succeeded", 20),
              f"the unit is registered ({kiosk.state().get('flowStatus')})")
        done = kiosk.app.findChild(lambda n: n.name.startswith("已完成單位註冊：110002000") and f"單位憑證 CN={branch}" not in n.name
                                   and "序號" in n.name and in_view(n, 700), retry=True, requireResult=False)
        check(done is not None, f"the outcome is in view and names the certificate read from the card ({done.name if done else None!r})")
        check(kiosk.absent("憑證 PIN 碼：此欄位必填"), "no PIN error once the PIN was used")
        check("135246" not in json.dumps(kiosk.state(), ensure_ascii=False), "the PIN is shown nowhere")
        screenshot("52-unit-registration-done")
        kiosk.press("前往登入")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "signIn" and kiosk.state()["signInMethod"] == "certificate"),
              "前往登入: the sign-in screen, certificate method")
        check(kiosk.state().get("signInUnitCode") == "110002000" and kiosk.find("投保單位代號（單位憑證）", "text") is not None,
              f"with the organisation box ticked and the new unit's code filled in ({kiosk.state().get('signInUnitCode')})")
        for digit in "135246":
            hook(f"press {digit}")
        kiosk.press("登入")
        check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 15), "the new unit signs in with the certificate that registered it")
        badge = kiosk.app.findChild(lambda n: n.name == f"{branch}（單位憑證・管理者）", retry=True, requireResult=False)
        check(badge is not None, "as its own administrator")
        kiosk.press("登出")
        check(kiosk.wait_for(lambda: not kiosk.state()["signedIn"]), "signed out again")

        print("demo: 單位註冊作業 by the owner's NHI card: someone else's card is refused, the owner's registers", flush=True)
        check(hook("open unitRegistration")["ok"], "單位註冊作業 again")
        click_into(kiosk.find("負責人健保卡"))
        check(kiosk.wait_for(lambda: kiosk.absent("憑證 PIN 碼")), "the owner's-card method asks for no PIN")
        for name, text in [("投保單位代號", "110003000"), ("投保單位名稱", "志明工作室"), ("負責人身分證號", owner),
                           ("負責人行動電話", "0912345678"), ("電子郵件信箱", "studio@demo.example"),
                           ("勞(農)保證號（8 位數字加 1 位英文檢查碼）", "12345678A")]:
            check(hook(f"fill {name}\t{text}")["ok"], f"fill {name}")
        check(hook("press 插入 王小明（員工，未註冊網路服務）的卡片")["ok"], "tray inserts someone else's NHI card")
        check(kiosk.app.findChild(lambda n: n.name.startswith("讀卡機：健保卡") and "F13141****" in n.name, retry=True,
                                  requireResult=False) is not None, "the screen shows the card read, its holder masked")
        kiosk.press("註冊")
        alert = kiosk.dialog("送出單位註冊？")
        check(alert is not None and "負責人健保卡" in (alert.description or ""), "the review names the owner's card")
        kiosk.answer("註冊")
        check(kiosk.wait_for(lambda: kiosk.state().get("flowStatus") == "register:failed:unit.ownerMismatch", 20),
              f"a card that is not the owner's is refused ({kiosk.state().get('flowStatus')})")
        refused = kiosk.app.findChild(lambda n: "不是該單位負責人" in n.name and in_view(n, 700), retry=True, requireResult=False)
        check(refused is not None, "in words, in view")
        check(hook("press 插入 陳志明（管理者）的卡片")["ok"], "tray inserts the owner's card")
        kiosk.press("註冊")
        alert = kiosk.dialog("送出單位註冊？")
        kiosk.answer("註冊")
        check(kiosk.wait_for(lambda: kiosk.state().get("flowStatus") == "register:succeeded", 20),
              f"the owner's card registers the unit ({kiosk.state().get('flowStatus')})")
        check(kiosk.app.findChild(lambda n: n.name.startswith("已完成單位註冊：110003000") and "負責人健保卡" in n.name, retry=True,
                                  requireResult=False) is not None, "naming the owner's card, read from it")
        screenshot("53-unit-registration-owner-card")
        kiosk.press("前往登入")
        check(kiosk.wait_for(lambda: kiosk.state()["signInMethod"] == "nhiCard" and kiosk.state().get("signInUnitCode") == "110003000"),
              "前往登入: the owner's sign-in (健保卡, 負責人登入 with the unit code) is ready")
        pw = kiosk.find("註冊密碼", "password text")
        click_into(pw)
        type_text("Kiosk-2026a")
        key("Return")
        check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 15), "the owner signs in to the new unit as owner")
        check(kiosk.state()["screen"] == "staff", f"負責人登入 goes straight to 單位管理者登錄作業 ({kiosk.state()['screen']})")
        check(kiosk.app.findChild(lambda n: n.name.startswith("110003000 志明工作室"), retry=True, requireResult=False) is not None
              and kiosk.find("陳志明（負責人）") is not None, "the header names the new unit, and the owner as 負責人")
        screenshot("54-owner-sign-in-staff")
        kiosk.press("登出")
        check(kiosk.wait_for(lambda: not kiosk.state()["signedIn"]), "signed out")

        check(hook("press 插入 陳志明（管理者）的自然人憑證卡")["ok"], "tray inserts a citizen-certificate card first")
        check(kiosk.wait_for(lambda: kiosk.find("插入 陳志明（管理者）的自然人憑證卡", "push button").sensitive),
              "the citizen-certificate card is in")
        click_into(kiosk.find("憑證"))
        check(kiosk.wait_for(lambda: kiosk.state()["signInMethod"] == "certificate"), "certificate method chosen")
        check(kiosk.absent("投保單位代號（單位憑證）", "text"), "no unit-code field until the check box is ticked")
        box = kiosk.find("單位憑證登入（工商、政府、組織團體憑證）請勾選", "check box")
        check(box is not None, "a check box for organisation certificates")
        click_into(box)
        field = kiosk.find("投保單位代號（單位憑證）", "text")
        check(field is not None, "ticked: a unit-code field named 投保單位代號（單位憑證）")
        check(kiosk.wait_for(lambda: kiosk.absent("身分證號", "text")), "the ID field gives way to it")
        check(field is not None and field.size[1] >= 48, f"the field is at least 48 px high ({field.size if field else None})")
        click_into(field)
        type_text("110001000")
        key("Tab")
        type_text("135246")
        check(kiosk.state()["pinDigitsEntered"] == 6, "after Tab the keyboard's digits go to the keypad")
        key("Return")
        # The card's refusal (not unitCode.format) also shows that the unit code reached the
        # SDK whole: had the PIN's digits landed in the field, it would not be a unit code.
        check(kiosk.wait_for(lambda: kiosk.state()["signInStatus"] == "failed:signIn.certificateNotOrganisation", 15),
              f"a citizen certificate is refused for a unit, before any PIN ({kiosk.state()['signInStatus']})")
        refused = kiosk.app.findChild(lambda n: "個人憑證" in n.name and "單位憑證登入" in n.name, retry=True, requireResult=False)
        check(refused is not None, f"the refusal says why and what to do ({refused.name if refused else None!r})")
        screenshot("16-sign-in-organisation-refused")

        check(hook(f"press {unit_card}")["ok"], "tray inserts the unit's organisation-certificate card")
        check(kiosk.wait_for(lambda: kiosk.find(unit_card, "push button").sensitive), "the organisation certificate is in")
        type_text("135246")
        check(kiosk.state()["pinDigitsEntered"] == 6, "the PIN typed again into the keypad")
        screenshot("17-sign-in-organisation-certificate")
        key("Return")
        check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 15),
              "signed in with the organisation certificate + PIN (the unit code typed once is kept after a refusal)")
        state = kiosk.state()
        check(state["screen"] == "home" and state.get("role") == "administrator", f"home as administrator ({state.get('role')})")
        check("enrol" in state["tasks"], f"the unit may enrol ({state['tasks']})")
        badge = kiosk.app.findChild(lambda n: n.name == "示範科技股份有限公司（單位憑證・管理者）", retry=True, requireResult=False)
        check(badge is not None, "the header names the unit and 單位憑證・管理者, not a person")
        check("135246" not in json.dumps(state, ensure_ascii=False) and kiosk.find("135246") is None, "the PIN is shown nowhere")
        screenshot("18-home-organisation-certificate")
    finally:
        kiosk.stop()
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def unit_picker_flow():
    """Staff of two units: the sample's operator is also made administrator of a second unit
    in this demo run's database copy (with the nhi CLI, as a counter PC's administrator
    would); after card + password the kiosk lists both units instead of guessing one.
    Cancel goes back to the form; the second sign-in chooses the second unit from the
    keyboard and the kiosk opens it with the role held there."""
    print("demo: unit picker for staff of two units", flush=True)
    lock = reader_lock()
    tmp = tempfile.mkdtemp(prefix="kiosk-e2e-tmp-")
    kiosk = Kiosk("--demo", "--idle-timeout", "600", env={"TMPDIR": tmp})
    try:
        hook = kiosk.hook
        copies = glob.glob(os.path.join(tmp, "nhi-demo-*", "nhi.sqlite"))
        check(len(copies) == 1, f"the demo's database copy is found ({copies})")
        nhi = os.path.join(os.environ["BIN"], "nhi")

        def service(*args):
            return subprocess.run([nhi, "service", *args, "--db", copies[0]], capture_output=True, text=True, timeout=60)

        done = service("unit", "register", "--code", "110002000", "--name", "第二示範商行", "--ubn", "22099131", "--nhi-only",
                       "--owner", "A113579131", "--mobile", "0912345678", "--email", "shop@demo.example",
                       "--method", "certificate", "--serial", "02")
        check(done.returncode == 0, f"a second unit is registered in the copy ({done.stderr.strip()[:200]})")
        done = service("staff", "assign", "--unit", "110002000", "--certificate-serial", "02", "--id", "B224680246",
                       "--name", "林雅婷", "--role", "administrator", "--credential", "nhiCard", "--landline", "02-23456789",
                       "--email", "shop@demo.example")
        check(done.returncode == 0, f"林雅婷 is assigned there as administrator ({done.stderr.strip()[:200]})")

        here = "110001000　示範科技股份有限公司（承辦人）"
        there = "110002000　第二示範商行（管理者）"

        def sign_in():
            click_into(kiosk.find("註冊密碼", "password text"))
            type_text("Kiosk-2026a")
            key("Return")
            return kiosk.wait_for(lambda: kiosk.state()["signInStatus"] == "choosingUnit:2", 15)

        check(hook("press 插入 林雅婷（承辦人）的卡片")["ok"], "tray inserts the operator's card")
        check(kiosk.wait_for(lambda: kiosk.find("插入 林雅婷（承辦人）的卡片", "push button").sensitive), "the card is in")
        check(sign_in(), f"card + password → the unit picker ({kiosk.state()['signInStatus']})")
        state = kiosk.state()
        check(not state["signedIn"] and sorted(state.get("unitChoices", [])) == ["110001000", "110002000"],
              f"nobody signed in yet; both units listed ({state.get('unitChoices')})")
        check(kiosk.find("請選擇投保單位", "heading") is not None, "the picker's heading 請選擇投保單位")
        buttons = [kiosk.find(name, "push button") for name in (here, there)]
        check(all(b is not None for b in buttons), "one button per unit: code, name and the role held there")
        check(all(b is not None and b.size[1] >= 48 for b in buttons),
              f"unit buttons are at least 48 px high ({[b.size if b else None for b in buttons]})")
        check(kiosk.absent("註冊密碼", "password text"), "the form gives way to the list")
        check(kiosk.state().get("focus") == here, f"the first unit has the keyboard focus ({kiosk.state().get('focus')})")
        screenshot("19-unit-picker")

        kiosk.press("取消，重新登入")
        check(kiosk.wait_for(lambda: kiosk.state()["signInStatus"] == "editing" and "unitChoices" not in kiosk.state()),
              "cancel: back to the form, the choice dropped")
        check(kiosk.find("註冊密碼", "password text") is not None and not kiosk.state()["signedIn"], "the form is back, nobody signed in")

        check(sign_in(), "signing in again asks again")
        key("Tab")
        check(kiosk.state().get("focus") == there, f"Tab reaches the second unit ({kiosk.state().get('focus')})")
        key("space")
        check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 15), "the keyboard chooses the second unit")
        state = kiosk.state()
        check(state["screen"] == "home" and state.get("role") == "administrator",
              f"home as administrator, the role held in the chosen unit ({state.get('role')})")
        check(kiosk.app.findChild(lambda n: n.name == "林雅婷（管理者）", retry=True, requireResult=False) is not None,
              "the header shows 林雅婷（管理者）")
        screenshot("20-home-chosen-unit")
    finally:
        kiosk.stop()
        shutil.rmtree(tmp, ignore_errors=True)
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def office_ca(directory):
    """An office CA and a certificate for 127.0.0.1 made with openssl, as Documentation/Deployment.md shows."""
    script = """
set -e
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj '/CN=NHI e2e Office CA' \\
  -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1' 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 30 -extfile server.ext 2>/dev/null
"""
    subprocess.run(["/bin/sh", "-c", script], cwd=directory, check=True, timeout=60)


def service_flow():
    """Two kiosks with --service against one nhi-server on PostgreSQL (HTTPS, an office CA
    made with openssl): the kiosks open no database; staff sign in with the virtual NHI
    card read at the counter and the password the server checks; one kiosk files an
    enrolment, the other a salary adjustment; both filings are in PostgreSQL, counted with
    the nhi CLI on the database itself."""
    print("service: two kiosks through nhi-server on PostgreSQL", flush=True)
    maintenance = os.environ.get("NHI_TEST_POSTGRES_URL")
    check(maintenance is not None, "a PostgreSQL server for the test (NHI_TEST_POSTGRES_URL)")
    if maintenance is None:
        return
    bin_dir = os.environ["BIN"]
    work = tempfile.mkdtemp(prefix="kiosk-e2e-office-")
    name = f"kiosk_e2e_{os.getpid()}"
    subprocess.run(["psql", "-q", maintenance, "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True, timeout=60)
    database = maintenance.replace("/postgres?", f"/{name}?", 1)
    server = None
    kiosks = []
    lock = reader_lock()
    try:
        office_ca(work)
        seeded = subprocess.run([os.path.join(bin_dir, "nhi-virtual-card"), "--seed-demo", database], capture_output=True,
                                text=True, timeout=120)
        check(seeded.returncode == 0 and "110001000" in seeded.stdout, f"the demo sample seeded into PostgreSQL ({seeded.stderr[-300:]})")
        server = subprocess.Popen([os.path.join(bin_dir, "nhi-server"), "--db", database, "--port", "0",
                                   "--tls-cert", os.path.join(work, "server.pem"), "--tls-key", os.path.join(work, "server.key")],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = server.stdout.readline()
        check("listening on https://127.0.0.1:" in line, f"nhi-server listens with TLS ({line.strip()!r})")
        url = line.strip().rsplit(" ", 1)[-1]
        ca = os.path.join(work, "ca.pem")

        def sign_in(kiosk, card, wrong_first=False):
            check(kiosk.hook(f"press 插入 {card}的卡片")["ok"], f"tray inserts {card}'s card")
            check(kiosk.wait_for(lambda: kiosk.find(f"插入 {card}的卡片", "push button").sensitive), "the card is in")
            if wrong_first:
                click_into(kiosk.find("註冊密碼", "password text"))
                type_text("Wrong-2026b")
                key("Return")
                check(kiosk.wait_for(lambda: kiosk.state()["signInStatus"].startswith("failed:"), 15),
                      "a wrong password is refused by the server")
                refused = kiosk.app.findChild(lambda n: "密碼" in n.name and "剩餘 2 次" in n.name, retry=True, requireResult=False)
                check(refused is not None, "the server's refusal says 2 attempts are left")
            click_into(kiosk.find("註冊密碼", "password text"))
            type_text("Kiosk-2026a")
            key("Return")
            check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 20), "signed in through nhi-server")

        files = tempfile.mkdtemp(prefix="kiosk-e2e-service-files-")
        first = Kiosk("--demo", "--service", url, "--ca-file", ca, "--idle-timeout", "600", "--files", files)
        kiosks.append(first)
        check(not first.copies(), "a --service kiosk makes no database copy")
        sign_in(first, "陳志明（管理者）", wrong_first=True)
        state = first.state()
        check(state.get("role") == "administrator" and "enrol" in state["tasks"], f"administrator, may enrol ({state['tasks']})")
        check("dpr" not in state["tasks"]
              and all(t in state["tasks"] for t in ["bills", "staff", "insuranceLookup", "filings", "unpaidPremiums", "batchUpload", "uploadRecords",
                                                    "bulkSalaryAdjustment"]),
              f"tasks the server does not serve yet are not offered ({state['tasks']})")
        check("Kiosk-2026a" not in json.dumps(state, ensure_ascii=False), "the password is shown nowhere")
        check(first.hook("open enrol")["ok"], "the enrolment form opens")
        for field, text in [("被保險人身分證號（居留證統一證號）", "G276543219"), ("姓名（電腦無法顯示的字請以＊代替）", "周怡君"),
                            ("出生日期（民國年月日，如 0850504）", "0850504"), ("月薪資總額", "36000")]:
            check(first.hook(f"fill {field}\t{text}")["ok"], f"fill {field}")
        amount = first.app.findChild(lambda n: "36,300" in (n.name or "") or "36,300" in text_of(n), retry=True, requireResult=False)
        check(amount is not None, "the grade preview proposes 36,300 (the SDK's tables, no local database)")
        first.press("送出申報")
        first.dialog("確認加保申報")
        first.press("確認送出")
        check(first.wait_for(lambda: first.state().get("flowStatus") == "succeeded", 20),
              f"the enrolment is filed through the server ({first.state().get('flowStatus')})")
        done = first.app.findChild(lambda n: n.name.startswith("已受理加保申報"), retry=True, requireResult=False)
        check(done is not None and "G27654****" in done.name, "the receipt names the person, ID masked")
        screenshot("40-service-enrolment-filed")
        # Batch NHI-card registration through the server: checked there, uploaded, processed.
        with open(os.path.join(files, "batch.csv"), "w", encoding="utf-8", newline="") as out:
            out.write("身分證號,電子郵件,行動電話,聯絡電話\r\n")
            out.write(f"{national_id('F', 1, 3141592)},wang@demo.example,0912345678,\r\n")
            out.write("A123456780,bad@demo.example,0912345678,\r\n")
        check(first.hook("open batchUpload")["ok"], "健保卡註冊申請整批資料上傳 opens through the server")
        first.press("選取 batch.csv")
        summary = first.app.findChild(lambda n: n.name.startswith("共 2 筆，可上傳 1 筆，不符規定 1 筆"), retry=True, requireResult=False)
        check(summary is not None, "the server's check report: 2 rows, 1 can be submitted, 1 rejected")
        row2 = first.app.findChild(lambda n: n.name.startswith("第 2 筆 A12345****"), retry=True, requireResult=False)
        check(row2 is not None, f"the bad row is 第 2 筆, its ID masked, as without the server ({row2.name if row2 else None!r})")
        first.press("確定上傳")
        uploaded = first.app.findChild(lambda n: n.name.startswith("已上傳："), retry=True, requireResult=False)
        check(uploaded is not None, f"uploaded to the server as one job ({uploaded.name if uploaded else None!r})")
        screenshot("40b-service-batch-upload")

        # The bulk salary adjustment lists from the server's roster (listed only: filing would
        # leave 王小明 a pending adjustment the second kiosk's single adjustment needs free).
        check(first.hook("open bulkSalaryAdjustment")["ok"], "薪資調整作業（大批） opens through the server")
        check(first.hook("press 依級距整批調整")["ok"], "everyone at one grade to another")
        check(first.hook("fill 調整前投保金額級距\t36300")["ok"] and first.hook("fill 調整後投保金額級距\t38200")["ok"], "36,300 → 38,200 typed")
        first.press("查詢")
        listed = first.app.findChild(lambda n: (n.name or "").startswith("共 ") and "已選取" in (n.name or ""), retry=True, requireResult=False)
        check(listed is not None and not listed.name.startswith("共 0 "), f"the server's roster lists who is at 36,300 ({listed.name if listed else None!r})")
        named = first.app.findChild(lambda n: n.name == "王小明" and n.roleName != "push button", retry=True, requireResult=False)
        check(named is not None, "王小明 is among them, by the server's roster")
        screenshot("40c-service-bulk-adjustment")
        check(first.hook("press 取出卡片")["ok"], "the card comes out of the first kiosk's reader")


        prints = os.path.join(work, "prints")
        os.makedirs(prints)
        second = Kiosk("--demo", "--service", url, "--ca-file", ca, "--idle-timeout", "600", "--print-to", prints)
        kiosks.append(second)
        sign_in(second, "陳志明（管理者）")
        check(second.hook("open salaryAdjustment")["ok"], "the salary adjustment opens on the second kiosk")
        employee = national_id("F", 1, 3141592)
        check(second.hook(f"fill 被保險人身分證號（居留證號）\t{employee}")["ok"], "the employee's ID typed")
        check(second.wait_for(lambda: second.app.findChild(lambda n: "王小明" in (n.name or ""), retry=False, requireResult=False)
                              is not None, 15), "the roster from the server names the employee")
        check(second.hook("fill 調整後投保金額\t45800")["ok"], "the new amount typed")
        second.press("送出申報")
        second.dialog("確認薪資調整申報")
        second.press("確認送出")
        check(second.wait_for(lambda: second.state().get("flowStatus") == "succeeded", 20),
              f"the salary adjustment is filed through the server ({second.state().get('flowStatus')})")
        screenshot("41-service-adjustment-filed")

        print("service: today's filings, same-day deletion, bills and a slip — through the server", flush=True)
        check(second.hook("open filings")["ok"], "今日申報及檢核結果 opens on the second kiosk")
        row = second.app.findChild(lambda n: "加保　周怡君 G27654****" in n.name, retry=True, requireResult=False)
        check(row is not None, "the first kiosk's enrolment is listed on the second (one database, behind the server)")
        buttons = [n for n in second.app.findChildren(lambda n: n.roleName == "push button" and n.name.startswith("刪除第 "))]
        check(len(buttons) == 2, f"both of today's filings can be deleted ({[b.name for b in buttons]})")
        deleted_adjustment = False
        for button in buttons:
            button.doActionNamed("click")
            time.sleep(0.4)
            alert = second.dialog("刪除這筆申報？")
            if alert is not None and "王小明" in (alert.description or ""):
                second.press("刪除")
                deleted_adjustment = True
                break
            second.press("取消")
        check(deleted_adjustment, "the salary adjustment's deletion asks, naming 王小明, and is confirmed")
        check(second.wait_for(lambda: second.app.findChild(lambda n: "王小明" in n.name and "已刪除" in n.name, retry=False,
                                                           requireResult=False) is not None, 15),
              "the server deleted it: listed as 已刪除")
        check(second.hook("open bills")["ok"], "保險費帳單及繳款單 opens through the server")
        slip = second.app.findChild(lambda n: n.roleName == "push button" and n.name.startswith("列印 ") and n.name.endswith("一般保費繳款單"),
                                    retry=True, requireResult=False)
        check(slip is not None, "the unit's bills come from the server, each with 列印繳款單")
        if slip is not None:
            slip.doActionNamed("click")
            time.sleep(0.4)
        check(second.wait_for(lambda: len(glob.glob(os.path.join(prints, "slip-*.pdf"))) == 1, 20),
              "the server issued the slip and the kiosk printed it")
        screenshot("42-service-bills")

        check(second.hook("open unpaidPremiums")["ok"], "單位未繳保費查詢 opens through the server")
        import datetime
        pay_on = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date() + datetime.timedelta(days=5)
        check(second.hook(f"fill 預計繳納日期（民國年月日）\t{pay_on.year - 1911:03d}{pay_on.month:02d}{pay_on.day:02d}")["ok"],
              "the expected payment date typed")
        second.press("試算")
        totals = second.app.findChild(lambda n: n.name.startswith("保險費小計 "), retry=True, requireResult=False)
        check(totals is not None and "滯納金小計" in totals.name, f"the server's unpaid premiums and late fees ({totals.name if totals else None!r})")
        row = second.app.findChild(lambda n: "未繳 " in n.name and "滯納金 " in n.name, retry=True, requireResult=False)
        check(row is not None, f"the unpaid month is listed with its late fee ({row.name if row else None!r})")

        print("service: staff management through the server", flush=True)
        check(second.hook("open staff")["ok"], "單位管理者登錄作業 opens through the server")
        operator_row = second.app.findChild(lambda n: n.name.startswith("林雅婷 B22468****　承辦人"), retry=True, requireResult=False)
        check(operator_row is not None, "the server's list shows 林雅婷 as operator, ID masked")
        check(second.absent("刪除 陳志明 A11357****", "push button"), "no delete button on one's own row")
        for field, text in [("身分證號（居留證統一證號）", employee), ("姓名", "王小明"), ("行動電話", "0912345678"),
                            ("電子郵件", "staff@demo.example")]:
            check(second.hook(f"fill {field}\t{text}")["ok"], f"fill {field}")
        check(second.hook("press 自然人憑證")["ok"], "citizen certificate chosen")
        check(second.hook("fill 憑證序號（自然人憑證卡上的序號）\t0A1B2C3D4E5F6789")["ok"], "serial typed")
        second.press("指派")
        assigned = second.app.findChild(lambda n: n.name.startswith("已指派 王小明 F13141****"), retry=True, requireResult=False)
        check(assigned is not None, "assigned by the server: the toast says so")
        check(second.find("刪除 王小明 F13141****", "push button") is not None, "the new operator is listed with a delete button")
        second.press("刪除 王小明 F13141****")
        second.dialog("刪除管理者或承辦人？")
        second.press("刪除")
        check(second.wait_for(lambda: second.absent("刪除 王小明 F13141****", "push button"), 15), "the server ended the assignment")
        screenshot("43-service-staff")

        print("service: insurance status and proof by ID through the server", flush=True)
        check(second.hook("open insuranceLookup")["ok"], "投保狀態查詢及投保證明 opens through the server")
        check(second.hook(f"fill 身分證號（居留證統一證號）\t{national_id('H', 1, 5772156)}")["ok"], "someone insured elsewhere typed")
        second.press("查詢")
        refusal = second.app.findChild(lambda n: n.roleName == "alert" and n.name and n.name != "—", retry=True, requireResult=False)
        check(refusal is not None, f"the server's refusal is shown ({refusal.name if refusal else None!r})")
        check(second.hook(f"fill 身分證號（居留證統一證號）\t{employee}")["ok"], "the employee's ID typed")
        second.press("查詢")
        found = second.app.findChild(lambda n: n.name == "王小明 F13141****", retry=True, requireResult=False)
        check(found is not None, "the server's status names the person, ID masked")
        second.press("列印中文投保證明")
        check(second.wait_for(lambda: len(glob.glob(os.path.join(prints, "P*-zh-Hant.pdf"))) == 1, 20),
              f"the proof issued by the server (its P… reference) was printed ({os.listdir(prints)}; {second.state().get('flowStatus')})")
        screenshot("44-service-insurance-proof")

        print("service: a suspension, the roster, the audit log and the statements — through the server", flush=True)
        check(second.hook("open statusChange")["ok"], "停復保及基本資料變更 opens through the server")
        check(second.hook(f"fill 保險對象身分證號（居留證統一證號）\t{employee}")["ok"], "the employee's ID typed")
        second.press("送出申報")
        review = second.dialog("確認停復保申報")
        check(review is not None and "停保" in (review.description or ""), "the suspension is reviewed before it is sent")
        second.press("確認送出")
        check(second.wait_for(lambda: second.state().get("flowStatus") == "succeeded", 15),
              f"filed through the server ({second.state().get('flowStatus')})")
        check(second.hook("open roster")["ok"], "在保名冊 opens through the server")
        check(second.hook("fill 搜尋（姓名或身分證號）\t李美玲")["ok"], "searched for a dependant")
        check(second.app.findChild(lambda n: n.name.startswith("李美玲 F22718****　眷屬"), retry=True, requireResult=False) is not None,
              "the server's roster, searched")
        check(second.hook("open auditLog")["ok"], "稽核紀錄 opens through the server")
        check(second.app.findChild(lambda n: "filing.suspend" in n.name, retry=True, requireResult=False) is not None,
              "the server's audit log names the suspension")
        check(second.hook("open statements")["ok"], "保費計算明細及各類明細表 opens through the server")
        second.press("查詢明細")
        check(second.app.findChild(lambda n: "應繳" in n.name and "被保險人負擔" in n.name, retry=True, requireResult=False) is not None,
              "the server's premium calculation")
        screenshot("45-service-statements")

        print("service: the withdrawal review names the dependants from the server's roster; lock and resume", flush=True)
        check(second.hook("open withdraw")["ok"], "the withdrawal form opens")
        check(second.hook(f"fill 被保險人身分證號（居留證統一證號）\t{employee}")["ok"], "the employee's ID typed")
        second.press("送出申報")
        review = second.dialog("確認退保申報")
        text = review.description if review else ""
        check(review is not None and "李美玲" in text and "王小華" in text, f"the review names the dependants who go too ({text!r})")
        second.press("返回修改")
        key("Escape")
        second.dialog("放棄填寫的資料？")
        second.press("放棄並離開")
        check(second.hook("open filings")["ok"], "back to today's filings")
        second.press("鎖定")
        check(second.wait_for(lambda: second.state()["screen"] == "locked"), "鎖定 locks (the server's session is revoked)")
        second.press("解除鎖定")
        check(second.wait_for(lambda: second.state()["screen"] == "signIn"), "解除鎖定: the sign-in form")
        sign_in(second, "陳志明（管理者）")
        check(second.state()["screen"] == "filings", f"the same credential resumes on the same screen ({second.state()['screen']})")
        second.press("登出")
        check(second.wait_for(lambda: not second.state()["signedIn"]), "登出 ends the session")

        listed = subprocess.run([os.path.join(bin_dir, "nhi"), "service", "filing", "today", "--db", database, "--unit", "110001000",
                                 "--as", national_id("A", 1, 1357913), "--json"], capture_output=True, text=True, timeout=60)
        rows = [json.loads(line) for line in listed.stdout.splitlines() if line.strip()] if listed.returncode == 0 else []
        kept = sorted((r.get("kind"), r.get("name")) for r in rows if r.get("status") != "deleted")
        gone = sorted((r.get("kind"), r.get("name")) for r in rows if r.get("status") == "deleted")
        check(listed.returncode == 0 and kept == [("enrol", "周怡君"), ("suspend", "王小明")],
              f"PostgreSQL holds 周怡君's enrolment once and the suspension filed through the server ({kept}; {listed.stderr[-200:]})")
        check(gone == [("salaryAdjustment", "王小明")], f"and 王小明's adjustment, deleted ({gone})")
    finally:
        for kiosk in kiosks:
            kiosk.stop()
        if server is not None:
            server.terminate()
            try:
                code = server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()
                code = None
            check(code == 0, f"nhi-server stops cleanly on SIGTERM (exit {code})")
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
        subprocess.run(["psql", "-q", maintenance, "-c", f"DROP DATABASE IF EXISTS {name}"], capture_output=True, timeout=60)
        shutil.rmtree(work, ignore_errors=True)


def habits_flow():
    """Habit 7 on every screen an administrator can open, and on 單位註冊作業 before: touch-
    sized controls (48 px high: buttons, text fields, drop-downs, check boxes and radio
    buttons) and one control column (every form's captions are 300 px, so its text fields
    start at the same x on every screen); and habit 4: each screen opens at its top."""
    print("demo: touch sizes, one control column and pages opening at the top, on every screen", flush=True)
    lock = reader_lock()
    kiosk = Kiosk("--demo", "--idle-timeout", "600")
    roles = {"push button", "text", "password text", "combo box", "check box", "radio button"}

    def audit(task, screen):
        kiosk.hook("open home")
        opened = kiosk.hook(f"open {screen}")
        check(opened.get("ok"), f"{task} opens ({opened})")
        if not opened.get("ok"):
            return
        time.sleep(0.6)
        title = kiosk.state()["title"]
        heading = kiosk.app.findChild(lambda n: n.name == title and n.roleName in ("heading", "label"), retry=True, requireResult=False)
        check(heading is not None and in_view(heading), f"{task}: opens at the top (its title {title!r} in view)")
        nodes = [n for n in kiosk.app.findChildren(lambda n: n.roleName in roles) if n.size[1] > 0 and n.position[1] >= 80]
        small = [(n.roleName, n.name, n.size[1]) for n in nodes if n.size[1] < 48]
        check(not small, f"{task}: every control is touch-sized ({small[:4]})")
        # Text fields start at x=357 (the entry's text inside its frame), drop-downs at 348.
        # The bulk adjustment's per-person table is a table, not a form.
        xs = sorted({n.position[0] for n in nodes if n.roleName in ("text", "password text", "combo box")})
        if task != "bulkSalaryAdjustment":
            check(set(xs) <= {348, 357}, f"{task}: one control column (fields at x={xs})")

    try:
        audit("unitRegistration", "unitRegistration")
        kiosk.hook("open signIn")
        check(kiosk.wait_for(lambda: kiosk.state()["screen"] == "signIn"), "back to the sign-in screen")
        check(kiosk.hook("press 插入 陳志明（管理者）的卡片")["ok"], "tray inserts the administrator's card")
        pw = kiosk.find("註冊密碼", "password text")
        click_into(pw)
        type_text("Kiosk-2026a")
        key("Return")
        check(kiosk.wait_for(lambda: kiosk.state()["signedIn"], 15), "signed in")
        # The set-up screens (doctor, settings) are left out: a whole-tree AT-SPI walk right
        # after the doctor's card checks, following twenty other screens, hung the kiosk's
        # accessibility bridge here (GTK 4.8; see Documentation/Kiosk.md §7). Alone, the
        # doctor's screen answers the walk at once.
        for task in kiosk.state()["tasks"]:
            if task not in ("leaveKiosk", "doctor", "settings"):
                audit(task, {"visitorCard": "visitor"}.get(task, task))
    finally:
        kiosk.stop()
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def kiosk_run():
    print("kiosk mode, English", flush=True)
    kiosk = Kiosk("--kiosk", "--lang", "en")
    try:
        state = kiosk.state()
        check(state["kioskMode"] and state["language"] == "en", "hook: kiosk mode, English")
        check(kiosk.find("Staff sign-in", "heading") is not None, "sign-in in English")
        check(kiosk.absent("Settings", "push button"), "no Settings before an administrator signs in")
        key("alt+F4")
        key("ctrl+q")
        check(kiosk.process.poll() is None, "Alt+F4 and Ctrl+Q do not close the kiosk")
        kiosk.hook("close")
        time.sleep(0.5)
        check(kiosk.process.poll() is None, "a close request is refused")
        notice = kiosk.app.findChild(lambda n: n.name.startswith("Only an administrator can leave kiosk mode"),
                                     retry=True, requireResult=False)
        check(notice is not None, "the notice says only an administrator can leave")
        screenshot("07-kiosk-exit-refused")
        key("Escape")
        check(kiosk.absent(notice.name if notice else "x"), "Escape dismisses the notice")
        check(kiosk.hook("open settings")["ok"] is False, "the hook cannot open settings either")
        geometry = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "nhi-kiosk", "getwindowgeometry"],
                                  capture_output=True, text=True).stdout
        check("1280x800" in geometry, f"the window covers the 1280x800 screen ({' '.join(geometry.split())})")
        check(kiosk.state().get("fullscreen") is True, "GTK reports the window full screen")
    finally:
        kiosk.stop()


def main():
    started = time.time()
    flows = [desktop_run, demo_flow, certificate_flow, organisation_certificate_flow, unit_picker_flow, habits_flow, service_flow, kiosk_run]
    only = os.environ.get("E2E_ONLY")  # e.g. E2E_ONLY=service_flow while working on one flow
    timings = []
    for flow in flows:
        if not only or flow.__name__ in only.split(","):
            flow_started = time.time()
            flow()
            timings.append(f"{flow.__name__} {time.time() - flow_started:.0f} s")
    print("flows: " + ", ".join(timings), flush=True)
    print(f"{CHECKS - len(FAILURES)}/{CHECKS} checks passed in {time.time() - started:.1f} s; "
          f"screenshots in {SCREENS}", flush=True)
    if FAILURES:
        print("FAILED:\n  " + "\n  ".join(FAILURES), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    try:
        main()
    except Exception:  # report, do not vanish: the runner filters stderr
        import traceback
        traceback.print_exc(file=sys.stdout)
        sys.exit(1)
