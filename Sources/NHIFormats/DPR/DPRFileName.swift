import NHICore

/// The name of a DPR supplementary-premium detail file: `DPR` + the payer's UBN (8) + the
/// ROC date `yyyMMdd` (7) + a sequence number (3) + `.csv` (SPEC §10), e.g.
/// `DPR045952571150131001.csv`.
///
/// The fixed-width form's naming is not public; we use the same stem with `.txt`.
public struct DPRFileName: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Which form the extension says.
    public enum Form: String, Sendable, Hashable, Codable {
        /// `.csv`.
        case csv
        /// `.txt` (our convention for the fixed-width form).
        case fixedWidth
    }

    /// The payer.
    public let ubn: UBN
    /// The date in the name.
    public let date: ROCDate
    /// The sequence number of the day, 1–999.
    public let sequence: Int
    /// The form.
    public let form: Form

    /// Creates a name.
    public init(ubn: UBN, date: ROCDate, sequence: Int, form: Form = .csv) {
        precondition((1...999).contains(sequence), "a DPR sequence number is 1–999")
        self.ubn = ubn
        self.date = date
        self.sequence = sequence
        self.form = form
    }

    /// Parses a name (a path is allowed); throws `dpr.fileName`.
    public init(parsing input: String) throws(FormatError) {
        let name = input.split(separator: "/").last.map(String.init) ?? input
        let lower = name.lowercased()
        let form: Form
        if lower.hasSuffix(".csv") { form = .csv } else if lower.hasSuffix(".txt") { form = .fixedWidth } else {
            throw FormatError(.dprFileName, field: .fileName, value: name)
        }
        let stem = Array(name.utf8.dropLast(4))
        guard stem.count == 21, stem[0] == 0x44 || stem[0] == 0x64, stem[1] == 0x50 || stem[1] == 0x70,
              stem[2] == 0x52 || stem[2] == 0x72, stem[3...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw FormatError(.dprFileName, field: .fileName, value: name)
        }
        func number(_ range: Range<Int>) -> Int { stem[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        do {
            ubn = try UBN(parsing: String(decoding: stem[3..<11], as: UTF8.self))
            date = try ROCDate(year: number(11..<14), month: number(14..<16), day: number(16..<18))
        } catch {
            throw FormatError(.dprFileName, field: .fileName, value: name, underlying: error,
                              detail: error.ruleText, detailEn: error.ruleTextEn)
        }
        sequence = number(18..<21)
        guard sequence >= 1 else { throw FormatError(.dprFileName, field: .fileName, value: name, detail: "序號應為001至999", detailEn: "the sequence number must be 001–999") }
        self.form = form
    }

    /// `DPR045952571150131001.csv`.
    public var name: String {
        let seq = String(sequence)
        return "DPR" + ubn.rawValue + date.formatted(.compact) + String(repeating: "0", count: 3 - seq.count) + seq
            + (form == .csv ? ".csv" : ".txt")
    }

    /// The file name, as ``name``.
    public var description: String { name }
}
