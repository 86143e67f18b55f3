import NHICore

/// The name of a batch registration file: the 9-digit unit code followed by a date, with
/// `.csv` (SPEC §5).
///
/// Two conventions appear in the NHI's documents, and both are accepted:
/// - **ROC** `yyyMMdd` (seed 003, the current system): `1100010001050801.csv` = unit
///   110001000, 民國105年8月1日;
/// - **Gregorian** `YYYYMMDD` (seed 002, the 2016 e-mail procedure): `11000000120160207`
///   = unit 110000001, 2016-02-07.
///
/// ``init(unitCode:date:)`` produces the ROC form, which the current upload page expects.
public struct BatchRegistrationFileName: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How the date is written.
    public enum Convention: String, Sendable, Hashable, Codable {
        /// `yyyMMdd`, ROC year (seed 003).
        case roc
        /// `YYYYMMDD`, Gregorian year (seed 002).
        case gregorian
    }

    /// The insured unit.
    public let unitCode: UnitCode
    /// The date in the name.
    public let date: CalendarDate
    /// Which convention the name uses.
    public let convention: Convention
    /// The extension as written (`.csv`, `.CSV`), or empty when the name has none.
    public let fileExtension: String

    /// The name in the ROC convention (the upload page's), e.g. `1100010001050801.csv`.
    public init(unitCode: UnitCode, date: CalendarDate) {
        self.unitCode = unitCode
        self.date = date
        self.convention = .roc
        self.fileExtension = ".csv"
    }

    /// Parses a file name (a path is allowed; only its last component counts).
    ///
    /// Throws `batch.fileName` for a name that follows neither convention,
    /// `batch.fileNameDate` for a date that does not exist, and `batch.fileNameExtension`
    /// for an extension other than `.csv`.
    public init(parsing input: String) throws(FormatError) {
        let name = input.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? input
        var stem = Substring(name)
        var ext = ""
        if let dot = name.lastIndex(of: ".") {
            let suffix = String(name[dot...])
            guard suffix.lowercased() == ".csv" else {
                throw FormatError(.batchFileNameExtension, field: .fileName, value: name,
                                  detail: "副檔名為\(suffix)", detailEn: "the extension is \(suffix)")
            }
            ext = suffix
            stem = name[..<dot]
        }
        let digits = Array(stem.utf8)
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.count == 16 || digits.count == 17 else {
            throw FormatError(.batchFileName, field: .fileName, value: name)
        }
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let unit: UnitCode
        do { unit = try UnitCode(parsing: String(decoding: digits[0..<9], as: UTF8.self)) } catch {
            throw FormatError(.batchFileName, field: .fileName, value: name, underlying: error)
        }
        let date: CalendarDate
        let convention: Convention
        do {
            if digits.count == 16 {
                date = try ROCDate(year: number(9..<12), month: number(12..<14), day: number(14..<16)).gregorian
                convention = .roc
            } else {
                date = try CalendarDate(year: number(9..<13), month: number(13..<15), day: number(15..<17))
                convention = .gregorian
            }
        } catch {
            throw FormatError(.batchFileNameDate, field: .fileName, value: name, underlying: error,
                              detail: error.ruleText, detailEn: error.ruleTextEn)
        }
        self.unitCode = unit
        self.date = date
        self.convention = convention
        self.fileExtension = ext
    }

    /// The stem in this name's convention (`1100010001050801`, `11000000120160207`).
    public var stem: String {
        switch convention {
        case .roc: unitCode.rawValue + ((try? ROCDate(date))?.formatted(.compact) ?? "")
        case .gregorian: unitCode.rawValue + Self.gregorianDigits(date)
        }
    }

    /// The name as parsed (or built): stem and extension.
    public var name: String { stem + fileExtension }

    /// The name in the ROC convention with `.csv`, what the upload page expects.
    public var rocName: String { BatchRegistrationFileName(unitCode: unitCode, date: date).name }

    /// The file name as parsed or built, as ``name``.
    public var description: String { name }

    private static func gregorianDigits(_ date: CalendarDate) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
    }
}

extension ValidationError {
    /// The rule text without the field label (for details inside other messages).
    var ruleText: String {
        guard let range = message.firstRange(of: "：") else { return message }
        return String(message[range.upperBound...])
    }

    /// The English rule text without the field label.
    var ruleTextEn: String {
        guard let range = messageEn.firstRange(of: ": ") else { return messageEn }
        return String(messageEn[range.upperBound...])
    }
}
