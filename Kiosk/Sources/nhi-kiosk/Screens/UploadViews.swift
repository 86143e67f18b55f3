import CGtk
import Foundation
import GtkKit
import KioskModel
import NHICore

/// 健保卡註冊申請整批資料上傳: binds ``BatchUploadModel``: choose → check report → submit → log.
@MainActor
final class BatchUploadView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: BatchUploadModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let hint = Label()
    private let shelf: FileShelfView
    private let file = Label()
    private let checkStatus = StatusLine()
    private let summary = Label("", role: .status)
    private let issues = LineList("issues")
    private let submit: Button
    private let submitStatus = StatusLine(announces: true)
    private let logTitle = Label()
    private let log = LineList("log")

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.batchUpload
        self.model = model
        let (page, column) = Build.page(heading: heading)
        root = page
        shelf = FileShelfView(shelf: model.shelf, context: context,
                              chooser: .init(filterName: "CSV", patterns: ["*.csv", "*.CSV", "*.txt"]) { await model.choose(path: $0) }) { file in
            Task { await model.choose(file) }
        }
        submit = makeButton("suggested-action") { Task { await model.submit() } }
        hint.addStyleClass("hint")
        file.addStyleClass("field-caption")
        summary.addStyleClass("field-caption")
        logTitle.addStyleClass("field-caption")
        column.append([note.root, hint, shelf.root, file, checkStatus.label, summary, issues.list, submit, submitStatus.label, logTitle, log.list])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        heading.text = t(.screenTitle(.batchUpload))
        let missing = context.shell.missingModule(for: .batchUpload)
        note.show(missing, context: context)
        hint.text = t(.uploads(.fileHint))
        shelf.render(enabled: missing == nil && !model.check.isWorking && !model.submission.isWorking)
        file.text = model.fileName.map { t(.uploads(.chosen($0))) } ?? ""
        file.isVisible = model.fileName != nil
        checkStatus.render(context, model.check) { _ in nil }
        if model.check.isWorking { checkStatus.label.text = t(.uploads(.checking)) }
        let report = model.check.result
        summary.text = report.map { t(.uploads(.reportSummary(rows: $0.rows, valid: $0.validRows, rejected: $0.rejectedRows, encoding: $0.encoding))) } ?? ""
        summary.isVisible = report != nil
        context.controls.name(summary, summary.text.isEmpty ? "—" : summary.text)
        var lines: [String] = [], styles: [String?] = []
        if let problem = report?.fileNameProblem {
            lines.append(problem.text(context.shell.language))
            styles.append("check-warning")
        }
        for issue in report?.issues ?? [] {
            lines.append(t(.uploads(.issueLine(issue))))
            styles.append(issue.isWarning ? "check-warning" : "check-failed")
        }
        if let report, report.issues.isEmpty, report.fileNameProblem == nil {
            lines.append(t(.uploads(.noIssues)))
            styles.append("check-ok")
        }
        issues.render(lines, styles: styles)
        submit.render(context, .uploads(.submit), enabled: model.canSubmit, visible: report != nil)
        submitStatus.render(context, model.submission) { t(.uploads(.submitted($0))) }
        let record = model.submission.result
        logTitle.text = record?.logFileName.map { t(.uploads(.logTitle($0))) } ?? ""
        logTitle.isVisible = record?.logFileName != nil
        log.render(record?.logLines ?? [])
    }

    func focusFirst() { heading.grabFocus() }
}

/// 健保卡註冊申請上傳紀錄查詢: binds ``UploadRecordsModel``.
@MainActor
final class UploadRecordsView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: UploadRecordsModel
    private let heading = Label("", role: .heading)
    private let note = NotConnectedNote()
    private let visibility = Label()
    private let form: FormGrid
    private var inputs: [UploadRecordsModel.Field: TextInput] = [:]
    private let filter: ListChoice<UploadRecordsModel.StatusFilter>
    private let filterRow: FormRow
    private let search: Button
    private let status = StatusLine()
    private let records = Box(.vertical, spacing: 6)
    private var shownRecords: [BatchUploadRecord]?
    private var shownLanguage: Language?
    private let logTitle = Label("", role: .heading)
    private let log = LineList("log")
    private let closeLog: Button

    init(context: ViewContext) {
        self.context = context
        let model = context.shell.uploadRecords
        self.model = model
        let form = FormGrid()
        self.form = form
        let (page, column) = Build.page(heading: heading)
        root = page
        filter = ListChoice(UploadRecordsModel.StatusFilter.allCases) { model.filter = $0 }
        for field in UploadRecordsModel.Field.allCases {
            inputs[field] = TextInput(form, maxLength: 16, digits: true) { model[field] = $0 }
        }
        filterRow = form.add(filter.dropDown)
        search = makeButton("suggested-action") { Task { await model.search() } }
        closeLog = makeButton { model.showLog(nil) }
        visibility.addStyleClass("hint")
        logTitle.addStyleClass("field-caption")
        column.append([note.root, visibility, form.grid, search, status.label, records, logTitle, log.list, closeLog])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        heading.text = t(.screenTitle(.uploadRecords))
        let missing = context.shell.missingModule(for: .uploadRecords)
        note.show(missing, context: context)
        if let role = context.shell.staff?.role { visibility.text = t(.uploads(.visibility(role))) }
        for (field, input) in inputs {
            input.render(context, caption: .uploads(.rangeCaption(field)), text: model[field], error: model.error(field))
        }
        filterRow.render(context, caption: .uploads(.filterPicker), error: nil)
        filter.render(context, selected: model.filter) { .uploads(.filter($0)) }
        search.render(context, .uploads(.search), enabled: missing == nil && !model.status.isWorking)
        status.render(context, model.status) { [model] _ in model.records.isEmpty ? t(.uploads(.noRecords)) : nil }
        let shown = model.records
        if shown != shownRecords || shownLanguage != context.shell.language {
            shownRecords = shown
            shownLanguage = context.shell.language
            records.removeAll()
            for record in shown {
                let row = Box(.horizontal, spacing: 12)
                let line = Label(t(.uploads(.recordLine(record))))
                line.expand(horizontally: true)
                let open = makeButton(width: 160) { [model] in model.showLog(record) }
                open.render(context, .uploads(.showLog(record.fileName)), enabled: !record.logLines.isEmpty)
                open.label = t(.uploads(.logTitle("")))
                row.append([line, open])
                records.append(row)
            }
        }
        let open = model.openLog
        logTitle.text = open.map { t(.uploads(.logTitle($0.logFileName ?? $0.fileName))) } ?? ""
        logTitle.isVisible = open != nil
        log.render(open?.logLines ?? [])
        closeLog.render(context, .uploads(.closeLog), visible: open != nil)
        if context.shell.screen == .uploadRecords { context.window.setDefaultWidget(search) }
    }

    func focusFirst() { inputs[.from]?.entry.grabFocus() }
}
