import CGtk
import GtkKit
import KioskModel

/// Proof documents of a filing: the rule line, the files attached (each removable), and the
/// exchange folder's `.jpg`/`.pdf` files to attach from (with GTK's chooser beside them on a
/// desktop). The SDK checks each file as it is added.
@MainActor
final class AttachmentsView {
    let root = Box(.vertical, spacing: 6, role: .group)
    private let title = Label()
    private let hint = Label()
    private let needed = Label("", role: .status)
    private let rows = Box(.vertical, spacing: 4)
    private let shelf: FileShelfView
    private let error = Label("", role: .alert)
    private let model: AttachmentList
    private let context: ViewContext
    private var shownNames: [String] = []
    private var removeButtons: [Button] = []

    init(model: AttachmentList, context: ViewContext) {
        self.model = model
        self.context = context
        let photo = model.purpose == .cardPhoto
        shelf = FileShelfView(shelf: model.shelf, context: context,
                              chooser: .init(filterName: photo ? "JPG / PNG / GIF" : "JPG / PDF",
                                             patterns: photo ? ["*.jpg", "*.JPG", "*.jpeg", "*.JPEG", "*.png", "*.PNG", "*.gif", "*.GIF"]
                                                 : ["*.jpg", "*.JPG", "*.pdf", "*.PDF"]) { await model.add(path: $0) }) { file in
            Task { await model.add(file) }
        }
        root.addStyleClass("attachments")
        title.addStyleClass("field-caption")
        hint.addStyleClass("hint")
        needed.addStyleClass("warning-note")
        error.addStyleClass("field-error")
        root.append([title, needed, hint, rows, shelf.root, error])
    }

    /// Shows the documents; `needed` says whether the rules ask for them now.
    func render(visible: Bool, needed isNeeded: Bool) {
        root.isVisible = visible
        guard visible else { return }
        let t = context.t
        title.text = t(.form(.attachmentsTitle))
        context.controls.name(root, t(.form(.attachmentsTitle)))
        hint.text = model.purpose == .cardPhoto ? t(.cards(.photoNeeded)) : t(.form(.attachmentsHint))
        needed.text = t(.form(.attachmentsNeeded))
        needed.isVisible = isNeeded && model.documents.isEmpty
        shelf.render(enabled: model.canAdd, compact: true)
        let message = model.error?.text(context.shell.language)
        error.text = message ?? ""
        error.isVisible = message != nil
        let names = model.documents.map(\.fileName)
        if names != shownNames {
            shownNames = names
            rows.removeAll()
            removeButtons = []
            for (index, name) in names.enumerated() {
                let row = Box(.horizontal, spacing: 12)
                let label = Label(name)
                label.expand(horizontally: true)
                let remove = makeButton(width: 120) { [model] in model.remove(at: index) }
                row.append([label, remove])
                rows.append(row)
                removeButtons.append(remove)
            }
        }
        for (index, button) in removeButtons.enumerated() where index < names.count {
            button.render(context, .form(.removeAttachment(name: names[index])))
        }
    }
}

/// The grade and premium preview under a form, in lines, with the verdict's findings.
@MainActor
final class PreviewView {
    let root = Box(.vertical, spacing: 4, role: .region)
    private let title = Label()
    private let lines = LineList("preview")

    init() {
        root.addStyleClass("preview")
        title.addStyleClass("field-caption")
        root.append([title, lines.list])
    }

    func render(_ context: ViewContext, _ preview: AmountPreview?, extra: [String] = []) {
        let t = context.t
        title.text = t(.filing(.previewTitle))
        context.controls.name(root, t(.filing(.previewTitle)))
        var text: [String] = []
        var styles: [String?] = []
        func add(_ line: String, _ style: String? = nil) {
            text.append(line)
            styles.append(style)
        }
        if let preview {
            let language = context.shell.language
            if let salary = preview.salary, let grade = preview.salaryGrade {
                add(t(.filing(.previewSalaryGrade(salary: salary, grade: grade.grade.number, amount: grade.insuredAmount))))
            }
            if let proposed = preview.proposedAmount, proposed != preview.salaryGrade?.insuredAmount {
                add(t(.filing(.previewProposed(proposed))))
            }
            if let verdict = preview.verdict {
                switch verdict.status {
                case .accepted:
                    add(t(.filing(.previewAccepted(grade: verdict.grade?.number ?? 0, amount: verdict.amount))), "check-ok")
                case .needsProof:
                    add(t(.filing(.previewNeedsProof(top: verdict.table.top.amount))), "check-warning")
                case .rejected:
                    add(t(.filing(.previewRejected(suggestion: verdict.suggestion))), "check-failed")
                    for finding in verdict.findings { add(PresentableError(finding).text(language), "check-failed") }
                }
                add(t(.filing(.previewTable(title: verdict.table.title, titleEn: verdict.table.titleEn,
                                               effectiveFrom: verdict.table.effectiveFrom))), "hint")
            }
            if let premium = preview.premium {
                add(t(.filing(.previewPremium(insured: premium.insured, unit: premium.unit, government: premium.government,
                                              dependants: premium.dependants))))
            }
            if let problem = preview.problem { add(problem.text(language), "check-failed") }
        }
        for line in extra { add(line) }
        lines.render(text, styles: styles)
        root.isVisible = !text.isEmpty
    }
}
