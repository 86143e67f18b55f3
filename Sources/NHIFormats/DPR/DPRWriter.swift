import NHICore

/// Writes DPR files in the CSV form (SPEC §10) or our fixed-width form
/// (``DPRFixedWidthLayout``). What is written reads back to the same ``DPRFile``, with the
/// same content hashes.
public enum DPRWriter {
    /// The canonical CSV fields of the unit record: the payer name padded to 25
    /// characters with U+3000 (full-width space).
    static func unitFields(_ unit: DPRUnitRecord) -> [String] {
        let padding = max(0, 25 - unit.payerName.count)
        return ["1", unit.ubn.rawValue, unit.incomeCode.rawValue, unit.periodStart.compact, unit.periodEnd.compact,
                String(unit.count), String(unit.totalPaid.amount), String(unit.totalPremium.amount),
                unit.payerName + String(repeating: "\u{3000}", count: padding),
                unit.phone ?? "", unit.email?.rawValue ?? "", unit.contact ?? ""]
    }

    /// The canonical detail fields (12, code 62's in positions 8–10).
    static func detailFields(_ detail: DPRDetailRecord) -> [String] {
        var fields = ["2", detail.kind.rawValue, detail.paymentDate.formatted(.compact), detail.id.rawValue, detail.name.value,
                      String(detail.amount.amount), String(detail.premium.amount), detail.filingNumber ?? ""]
        switch detail.codeFields {
        case .bonus(let unit, let insured, let ytd, let note):
            fields += [unit.rawValue, String(insured.amount), String(ytd.amount), note ?? ""]
        case .other(let note):
            fields += ["", "", "", note ?? ""]
        }
        return fields
    }

    /// Writes the CSV form: optional comment lines (`*` + text), record 1, records 2.
    /// Defaults: CP950, CRLF. Text cells are always formula-protected (``ExcelFormulaGuard``).
    @discardableResult
    public static func writeCSV(_ file: DPRFile, to target: ByteOutputTarget, comments: [String] = [],
                                options: CSVWriteOptions = .excelBig5) throws(FormatError) -> [UInt8] {
        // Every text cell is guarded against formula injection, whatever `options` says
        // (numbers and dates are digits and never need it).
        var options = options
        options.protectFormulas = true
        let writer = try CSVWriter(target, options: options)
        for comment in comments { try writer.writeRawLine("*" + comment) }
        try writer.write(unitFields(file.unit))
        for detail in file.details {
            let fields = detailFields(detail)
            if file.unit.incomeCode == .bonus { try writer.write(fields) } else { try writer.write(Array(fields[0..<8]) + [fields[11]]) }
        }
        return try writer.finish()
    }

    /// Writes the fixed-width form: record 1, records 2, record 3 (totals), each 200
    /// bytes plus CRLF, in `encoding` (CP950 by default).
    @discardableResult
    public static func writeFixedWidth(_ file: DPRFile, to target: ByteOutputTarget, encoding: TextEncoding = .cp950) throws(FormatError) -> [UInt8] {
        precondition(encoding.isASCIICompatible, "the fixed-width form is byte-oriented: use CP950, Big5 or UTF-8")
        let sink = try ByteSink(target)
        let codec = FieldCodec(encoding)
        let unit = file.unit
        let totals = ["3", unit.ubn.rawValue, unit.incomeCode.rawValue, String(unit.count), String(unit.totalPaid.amount), String(unit.totalPremium.amount)]
        var row = 0
        func record(_ fields: [String], _ layout: [DPRFixedWidthLayout.FieldSpec]) throws(FormatError) {
            row += 1
            var bytes = [UInt8](repeating: 0x20, count: DPRFixedWidthLayout.recordLength)
            for spec in layout {
                let text = fields[spec.csvIndex]
                var encoded: [UInt8] = []
                if case .failure(let failure) = codec.encode(text, into: &encoded) {
                    throw FormatError(.encodingUnencodable, row: row, column: spec.start, value: String(failure.character))
                }
                guard encoded.count <= spec.length else {
                    throw FormatError(.dprFieldTooLong, row: row, column: spec.start, value: text,
                                      detail: "\(spec.name)為\(encoded.count)位元組，上限\(spec.length)", detailEn: "\(spec.name) is \(encoded.count) bytes, at most \(spec.length)")
                }
                let offset = spec.start - 1 + (spec.numeric && !encoded.isEmpty ? spec.length - encoded.count : 0)
                if spec.numeric && !encoded.isEmpty {
                    for k in 0..<(spec.length - encoded.count) { bytes[spec.start - 1 + k] = 0x30 }
                }
                for (k, byte) in encoded.enumerated() { bytes[offset + k] = byte }
            }
            try sink.write(bytes)
            try sink.write([0x0D, 0x0A])
        }
        var unitFields = unitFields(unit)
        unitFields[8] = unit.payerName
        try record(unitFields, DPRFixedWidthLayout.unit)
        for detail in file.details { try record(detailFields(detail), DPRFixedWidthLayout.detail) }
        try record(totals, DPRFixedWidthLayout.totals)
        try sink.finish()
        return sink.bytes
    }
}
