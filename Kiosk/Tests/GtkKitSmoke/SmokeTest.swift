import CGtk
import Foundation
import GtkKit
import KioskQR

/// Sets a flag when released: shows that GLib let go of a closure.
final class ReleaseTracker {
    let onRelease: () -> Void
    init(onRelease: @escaping () -> Void) { self.onRelease = onRelease }
    deinit { onRelease() }
}

@MainActor
final class SmokeTest {
    private let application = Application(id: "tw.gov.nhi.swift.gtkkit-smoke")
    private var window: Window?
    private var failures: [String] = []
    private var checks = 0

    func run() -> Int32 {
        application.onActivate { [self] in
            let window = Window(application: application)
            window.title = "gtkkit-smoke"
            window.setDefaultSize(width: 640, height: 480)
            self.window = window
            window.present()
            Task { @MainActor in
                await self.runChecks()
                print("\(self.checks - self.failures.count)/\(self.checks) GtkKit checks passed")
                self.application.quit()
            }
        }
        let status = application.run()
        return status == 0 && failures.isEmpty ? 0 : 1
    }

    private func check(_ condition: Bool, _ what: String) {
        checks += 1
        print((condition ? "  ok   " : "  FAIL ") + what)
        if !condition { failures.append(what) }
    }

    /// Lets the main loop run for a while (the bridge resumes this task afterwards).
    private func settle(_ milliseconds: Int = 100) async {
        try? await Task.sleep(for: .milliseconds(milliseconds))
    }

    private func toplevels() -> [UnsafeMutablePointer<GtkWidget>] {
        let list = gtk_window_get_toplevels()
        return (0..<g_list_model_get_n_items(list)).compactMap { index in
            guard let item = g_list_model_get_item(list, index) else { return nil }
            defer { g_object_unref(item) }
            return nhi_widget(item)
        }
    }

    private func runChecks() async {
        check(true, "a @MainActor task runs inside g_application_run (main-loop bridge)")
        await settle(50)
        check(true, "Task.sleep resumes on the main actor")

        // Signals: the closure runs, and is released with the widget.
        var clicks = 0
        var released = false
        do {
            let button = Button("x")
            let tracker = ReleaseTracker { released = true }
            button.onClick { _ = tracker; clicks += 1 }
            button.click()
            button.click()
        }
        check(clicks == 2, "a click closure runs on each click (\(clicks))")
        check(released, "the closure is released when the widget is finalised (GClosureNotify)")

        var disconnectedRelease = false
        let kept = Button("y")
        do {
            let tracker = ReleaseTracker { disconnectedRelease = true }
            let connection = kept.onClick { _ = tracker }
            connection.disconnect()
        }
        check(disconnectedRelease, "disconnecting releases the closure at once")

        // Timeouts.
        var ticks = 0
        let timeout = Timeout(every: 20) { ticks += 1; return ticks < 3 }
        await settle(200)
        check(ticks == 3 && !timeout.isActive, "a repeating timeout stops when its closure returns false (\(ticks))")
        var cancelledFired = false
        let cancelled = Timeout(after: 50) { cancelledFired = true }
        cancelled.cancel()
        await settle(120)
        check(!cancelledFired, "a cancelled timeout never fires")

        guard let window else { return }
        // Dialogs: the default button answers; closing answers with the cancel index.
        let before = Set(toplevels())
        var answer: Int?? = .none
        MessageDialog.present(parent: window, title: "離開 Kiosk 模式？", message: "將清除畫面上的資料並關閉程式。",
                              buttons: ["取消", "離開"], defaultIndex: 1, cancelIndex: 0) { answer = .some($0) }
        await settle()
        let dialogs = toplevels().filter { !before.contains($0) }
        check(dialogs.count == 1, "the dialog is a new toplevel window")
        if let dialog = dialogs.first, let defaultButton = gtk_window_get_default_widget(nhi_window(dialog)) {
            check(gtk_window_get_modal(nhi_window(dialog)) != 0, "the dialog is modal")
            // As Enter would: GTK animates the press and emits clicked 250 ms later.
            _ = gtk_widget_activate(defaultButton)
        }
        await settle(600)
        check(answer == .some(1), "activating the default button answers its index")
        check(Set(toplevels()) == before, "the answered dialog is gone")
        let asked = Task { await MessageDialog.ask(parent: window, title: "t", message: "m", buttons: ["a", "b"], cancelIndex: 0) }
        await settle()
        for dialog in toplevels() where !before.contains(dialog) { gtk_window_close(nhi_window(dialog)) }
        let closedAnswer = await asked.value
        check(closedAnswer == 0, "closing the dialog answers the cancel index")

        // File chooser: cancelling returns nil.
        let chosen = Task { await FileChooser.openFile(parent: window, title: "選擇檔案", accept: "開啟", cancel: "取消",
                                                       filterName: "CSV", patterns: ["*.csv", "*.CSV"]) }
        await settle(400)
        let choosers = toplevels().filter { !before.contains($0) }
        check(!choosers.isEmpty, "the file chooser opens")
        for chooser in choosers { gtk_window_close(nhi_window(chooser)) }
        let path = await chosen.value
        check(path == nil, "cancelling the file chooser returns no path")

        // PDF export through GtkPrintOperation.
        let pdf = NSTemporaryDirectory() + "gtkkit-smoke-\(getpid()).pdf"
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        var lines = [PrintDocument.Line("全民健康保險投保證明", style: .title), .init("Proof of NHI coverage", style: .heading)]
        lines += (1...120).map { PrintDocument.Line("第 \($0) 行：王小明 A12345**** 投保金額 45,800") }
        let outcome = Printer.exportPDF(PrintDocument(title: "投保證明", lines: lines), to: pdf, parent: window)
        check(outcome == .printed, "exporting a PDF succeeds (\(outcome))")
        let data = (try? Data(contentsOf: URL(fileURLWithPath: pdf))) ?? Data()
        check(data.starts(with: Array("%PDF".utf8)), "the file is a PDF")
        let text = String(decoding: data, as: UTF8.self)
        let pages = text.components(separatedBy: "/Type /Page").count - 1 - (text.components(separatedBy: "/Type /Pages").count - 1)
        check(pages >= 2, "122 lines flow onto several A4 pages (\(pages))")

        // Pictures from RGBA pixels (a QR code).
        if let code = try? QRCode(encoding: "nhi-app-login:smoke") {
            let image = code.rgba(scale: 6)
            let picture = Picture()
            picture.setRGBA(width: image.width, height: image.height, pixels: image.pixels)
            let paintable = gtk_picture_get_paintable(nhi_picture(picture.pointer))
            check(paintable != nil && gdk_paintable_get_intrinsic_width(paintable) == Int32(image.width),
                  "a picture shows the RGBA texture at its size (\(image.width) px)")
        }

        // Password entries never offer to reveal.
        let secret = PasswordEntry(placeholder: "註冊密碼")
        secret.insert("Abcd1234!")
        check(gtk_password_entry_get_show_peek_icon(nhi_password_entry(secret.pointer)) == 0, "no peek icon on password entries")
        check(!secret.isEmpty, "typed text reaches the entry")
        secret.clear()
        check(secret.isEmpty, "clear() empties it")
    }
}
