import CGtk

/// A text document to print or save as PDF: a proof of insurance, an upload log.
///
/// Lines are laid out top to bottom with Pango (so Chinese text uses the CJK font) and
/// flow onto as many A4 pages as they need.
public struct PrintDocument: Sendable, Equatable {
    /// How a line is set.
    public enum Style: Sendable, Equatable {
        case title, heading, body, small

        var points: Int {
            switch self {
            case .title: 18
            case .heading: 13
            case .body: 11
            case .small: 9
            }
        }
        var weight: String { self == .title || self == .heading ? "Bold" : "" }
    }

    /// One line (wrapped to the page width when long).
    public struct Line: Sendable, Equatable {
        public var text: String
        public var style: Style
        public init(_ text: String, style: Style = .body) {
            self.text = text
            self.style = style
        }
    }

    /// The job name (print queues, the PDF's title).
    public var title: String
    public var lines: [Line]
    /// The Pango font family.
    public var fontFamily: String

    public init(title: String, lines: [Line], fontFamily: String = "Noto Sans CJK TC") {
        self.title = title
        self.lines = lines
        self.fontFamily = fontFamily
    }
}

/// What happened to a print job.
public enum PrintOutcome: Sendable, Equatable {
    case printed, cancelled
    case failed(String)
}

/// Printing through `GtkPrintOperation`: the print dialog, or straight to a PDF file.
@MainActor
public enum Printer {
    /// Writes `document` to a PDF file at `path` without a dialog.
    public static func exportPDF(_ document: PrintDocument, to path: String, parent: Window? = nil) -> PrintOutcome {
        run(document, action: GTK_PRINT_OPERATION_ACTION_EXPORT, exportPath: path, parent: parent)
    }

    /// Shows the print dialog (which also offers "Print to File") and prints.
    public static func printWithDialog(_ document: PrintDocument, parent: Window?) -> PrintOutcome {
        run(document, action: GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, exportPath: nil, parent: parent)
    }

    private static func run(_ document: PrintDocument, action: GtkPrintOperationAction,
                            exportPath: String?, parent: Window?) -> PrintOutcome {
        let operation = gtk_print_operation_new()!
        defer { g_object_unref(operation) }
        gtk_print_operation_set_job_name(operation, document.title)
        gtk_print_operation_set_unit(operation, GTK_UNIT_POINTS)
        gtk_print_operation_set_embed_page_setup(operation, 1)
        if let exportPath { gtk_print_operation_set_export_filename(operation, exportPath) }

        let layout = PageLayout(document: document)
        Signals.connectWithPointer(operation, "begin-print") { context in
            guard let context else { return }
            layout.paginate(in: nhi_print_context(context))
            gtk_print_operation_set_n_pages(operation, Int32(max(layout.pages.count, 1)))
        }
        Signals.connectWithPointerAndInt(operation, "draw-page") { context, page in
            guard let context else { return }
            layout.draw(page: Int(page), in: nhi_print_context(context))
        }

        var error: UnsafeMutablePointer<GError>?
        let result = gtk_print_operation_run(operation, action, parent.map { nhi_window($0.pointer) }, &error)
        if let error {
            let message = String(cString: error.pointee.message)
            g_error_free(error)
            return .failed(message)
        }
        switch result {
        case GTK_PRINT_OPERATION_RESULT_APPLY, GTK_PRINT_OPERATION_RESULT_IN_PROGRESS: return .printed
        case GTK_PRINT_OPERATION_RESULT_CANCEL: return .cancelled
        default: return .failed("GtkPrintOperation failed")
        }
    }
}

/// Splits a document's lines into pages and draws them.
@MainActor
private final class PageLayout {
    let document: PrintDocument
    /// Each page: the lines on it with their heights in points.
    private(set) var pages: [[(line: PrintDocument.Line, height: Double)]] = []

    init(document: PrintDocument) { self.document = document }

    private func makeLayout(_ context: OpaquePointer, _ line: PrintDocument.Line) -> OpaquePointer {
        let layout = gtk_print_context_create_pango_layout(context)!
        let description = pango_font_description_from_string("\(document.fontFamily) \(line.style.weight) \(line.style.points)")
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)
        pango_layout_set_width(layout, Int32(gtk_print_context_get_width(context) * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_text(layout, line.text, -1)
        return layout
    }

    func paginate(in context: OpaquePointer) {
        let pageHeight = gtk_print_context_get_height(context)
        var current: [(line: PrintDocument.Line, height: Double)] = []
        var used = 0.0
        for line in document.lines {
            let layout = makeLayout(context, line)
            var width: Int32 = 0, height: Int32 = 0
            pango_layout_get_size(layout, &width, &height)
            g_object_unref(layout.gpointer)
            let lineHeight = Double(height) / Double(PANGO_SCALE) + Double(line.style.points) * 0.4
            if used + lineHeight > pageHeight, !current.isEmpty {
                pages.append(current)
                current = []
                used = 0
            }
            current.append((line, lineHeight))
            used += lineHeight
        }
        if !current.isEmpty { pages.append(current) }
    }

    func draw(page: Int, in context: OpaquePointer) {
        guard pages.indices.contains(page), let cairo = gtk_print_context_get_cairo_context(context) else { return }
        cairo_set_source_rgb(cairo, 0, 0, 0)
        var y = 0.0
        for entry in pages[page] {
            let layout = makeLayout(context, entry.line)
            cairo_move_to(cairo, 0, y)
            pango_cairo_show_layout(cairo, layout)
            g_object_unref(layout.gpointer)
            y += entry.height
        }
    }
}
