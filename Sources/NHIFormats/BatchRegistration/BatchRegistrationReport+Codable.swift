import NHICore

/// `{"file", "encoding", "bom", "variant", "header", "rows", "valid", "invalid",
/// "blankRows", "fileName", "errors", "warnings", "changes", "encodingBasis"}` — the keys of
/// `nhi batch-register check --json` in its order (the CLI adds `roster` and `fixed`, which
/// are not part of the report); `encodingBasis` says why the encoding was chosen.
extension BatchRegistrationReport: Codable {
    enum CodingKeys: String, CodingKey {
        case file, encoding, bom, variant, header, rows, valid, invalid, blankRows, fileName, errors, warnings, changes
        case encodingBasis
        case errorCount, warningCount, omittedErrors, omittedWarnings, changesOmitted
    }

    /// Writes the keys of `nhi batch-register check --json` in its order, then the encoding basis, the full error and
    /// warning counts and what was left out of the lists.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(encoding.reportedName, forKey: .encoding)
        try container.encode(encoding.byteOrderMark, forKey: .bom)
        try container.encode(variant, forKey: .variant)
        try container.encode(hasHeader, forKey: .header)
        try container.encode(rows, forKey: .rows)
        try container.encode(valid, forKey: .valid)
        try container.encode(invalid, forKey: .invalid)
        try container.encode(blankRows, forKey: .blankRows)
        try container.encode(fileName, forKey: .fileName)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(changes, forKey: .changes)
        try container.encode(encoding.basis, forKey: .encodingBasis)
        try container.encode(errorCount, forKey: .errorCount)
        try container.encode(warningCount, forKey: .warningCount)
        try container.encode(Dictionary(uniqueKeysWithValues: omittedErrors.map { ($0.key.rawValue, $0.value) }), forKey: .omittedErrors)
        try container.encode(Dictionary(uniqueKeysWithValues: omittedWarnings.map { ($0.key.rawValue, $0.value) }), forKey: .omittedWarnings)
        try container.encode(changesOmitted, forKey: .changesOmitted)
    }

    /// Decodes what ``encode(to:)`` wrote. The encoding `ascii` is read back as CP950 (the working assumption for an
    /// all-ASCII file); counts missing from older JSON are taken from the lists. Throws `DecodingError` for an unknown
    /// encoding name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .encoding)
        let basis = try container.decode(EncodingDetection.Basis.self, forKey: .encodingBasis)
        guard let encoding = name == "ascii" ? .cp950 : TextEncoding(rawValue: name) else {
            throw DecodingError.dataCorruptedError(forKey: .encoding, in: container, debugDescription: "unknown encoding \(name)")
        }
        self.file = try container.decode(String.self, forKey: .file)
        self.encoding = EncodingDetection(encoding: encoding, byteOrderMark: try container.decode(Bool.self, forKey: .bom), basis: basis)
        self.variant = try container.decode(BatchRegistrationVariant.self, forKey: .variant)
        self.hasHeader = try container.decode(Bool.self, forKey: .header)
        self.fileName = try container.decodeIfPresent(BatchRegistrationFileName.self, forKey: .fileName)
        self.rows = try container.decode(Int.self, forKey: .rows)
        self.valid = try container.decode(Int.self, forKey: .valid)
        self.invalid = try container.decode(Int.self, forKey: .invalid)
        self.blankRows = try container.decode(Int.self, forKey: .blankRows)
        self.errors = try container.decode([FormatIssue].self, forKey: .errors)
        self.warnings = try container.decode([FormatIssue].self, forKey: .warnings)
        self.changes = try container.decode([BatchFieldChange].self, forKey: .changes)
        self.errorCount = try container.decodeIfPresent(Int.self, forKey: .errorCount) ?? errors.count
        self.warningCount = try container.decodeIfPresent(Int.self, forKey: .warningCount) ?? warnings.count
        func codes(_ key: CodingKeys) throws -> [FormatError.Code: Int] {
            let raw = try container.decodeIfPresent([String: Int].self, forKey: key) ?? [:]
            return Dictionary(uniqueKeysWithValues: raw.map { (FormatError.Code(rawValue: $0.key), $0.value) })
        }
        self.omittedErrors = try codes(.omittedErrors)
        self.omittedWarnings = try codes(.omittedWarnings)
        self.changesOmitted = try container.decodeIfPresent(Int.self, forKey: .changesOmitted) ?? 0
    }
}
