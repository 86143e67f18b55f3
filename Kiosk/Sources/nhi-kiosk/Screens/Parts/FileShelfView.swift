import CGtk
import GtkKit
import KioskModel

/// The exchange folder's files as a list, each with 選取 (48 px rows); on a desktop also
/// 「其他位置的檔案…」 (GTK's file chooser). In kiosk mode the shelf is the only way to pick
/// a file: the chooser would offer Home and Other Locations.
@MainActor
final class FileShelfView {
    /// The desktop's file chooser beside the shelf: what it filters, and where the path goes.
    struct Chooser {
        let filterName: String
        let patterns: [String]
        let onPath: @MainActor (String) async -> Void
    }

    let root = Box(.vertical, spacing: 8)
    private let title = Label("")
    private let status = StatusLine()
    private let list = ListBox()
    private let other: Button
    private let shelf: FileShelf
    private let context: ViewContext
    private let chooser: Chooser?
    private let onPick: @MainActor (ShelfFile) -> Void
    private var shown: [ShelfFile]?
    private var shownLanguage: Language?

    init(shelf: FileShelf, context: ViewContext, chooser: Chooser?, onPick: @escaping @MainActor (ShelfFile) -> Void) {
        self.shelf = shelf
        self.context = context
        self.chooser = chooser
        self.onPick = onPick
        other = makeButton(width: 260) {}
        other.align(horizontal: GTK_ALIGN_START)
        list.addStyleClass("lines")
        root.append([title, status.label, list, other])
        other.onClick { [weak self] in self?.chooseElsewhere() }
    }

    /// `enabled`: whether picking a file does anything now (the function is connected, no
    /// request is under way). `compact`: no title line when the folder is not set (a form's
    /// attachments on a desktop without `--files`).
    func render(enabled: Bool = true, compact: Bool = false) {
        let t = context.t
        let language = context.shell.language
        title.text = t(.filingImport(.shelfTitle(folder: shelf.folder)))
        context.controls.name(title, title.text)
        title.isVisible = !(compact && shelf.folder == nil && !context.shell.isKioskMode)
        status.render(context, shelf.status) { $0 == 0 ? t(.filingImport(.shelfEmpty(shelf.extensions))) : nil }
        other.render(context, .filingImport(.otherFile), enabled: enabled, visible: chooser != nil && !context.shell.isKioskMode)
        list.isSensitive = enabled
        guard shelf.files != shown || language != shownLanguage else { return }
        shown = shelf.files
        shownLanguage = language
        list.setRows(shelf.files.map { file in
            let row = Box(.horizontal, spacing: 16)
            row.setMargin(6)
            let text = t(.filingImport(.shelfLine(file)))
            let label = Label(text)
            label.expand(horizontally: true)
            context.controls.name(label, text)
            let pick = makeButton(width: 120) { [onPick] in onPick(file) }
            pick.label = language == .english ? "Choose" : "選取"
            context.controls.name(pick, t(.filingImport(.pick(file))))
            row.append([label, pick])
            return row
        })
        list.isVisible = !shelf.files.isEmpty
    }

    private func chooseElsewhere() {
        guard let chooser, !context.shell.isKioskMode else { return }
        let t = context.t
        Task { @MainActor [context] in
            guard let path = await FileChooser.openFile(parent: context.window, title: t(.filingImport(.otherFile)), accept: t(.form(.chooseAccept)),
                                                         cancel: t(.cancel), filterName: chooser.filterName, patterns: chooser.patterns) else { return }
            await chooser.onPath(path)
        }
    }
}
