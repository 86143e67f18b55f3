private func allDigits(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.allSatisfy(IDChecksum.isDigit) }
private func allLetters(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.allSatisfy(IDChecksum.isUpper) }

/// An insured-unit code (投保單位代號): 9 digits, e.g. `110001000`. No public check digit
/// exists, so only the shape is checked.
public struct UnitCode: NHIIdentifier, ShapeIdentifier {
    /// The 9 digits (`110001000`).
    public let rawValue: String
    init(unchecked: String) { rawValue = unchecked }
    static let field = Field.unitCode
    static let formatCode = ValidationError.Code.unitCodeFormat
    static func matches(_ b: [UInt8]) -> Bool { b.count == 9 && allDigits(b[...]) }

    /// Parses a unit code.
    public init(parsing input: String) throws(ValidationError) { self = try Self.parse(input) }
}

/// A labour-insurance number (勞(農)保證號): 8 digits and a check letter, e.g. `01234567A`.
/// The check algorithm is not public; only the shape is checked.
public struct LabourInsuranceNumber: NHIIdentifier, ShapeIdentifier {
    /// The 8 digits and the check letter (`01234567A`).
    public let rawValue: String
    init(unchecked: String) { rawValue = unchecked }
    static let field = Field.labourInsuranceNumber
    static let formatCode = ValidationError.Code.labourInsuranceNumberFormat
    static func matches(_ b: [UInt8]) -> Bool { b.count == 9 && allDigits(b[0..<8]) && allLetters(b[8...]) }

    /// Parses a labour-insurance number.
    public init(parsing input: String) throws(ValidationError) { self = try Self.parse(input) }

    /// The check letter.
    public var checkLetter: Character { rawValue.last! }
}

/// An NHI card number (健保卡號): 12 digits, printed as `0000 1234 5678`. No public checksum.
public struct NHICardNumber: NHIIdentifier, ShapeIdentifier {
    /// The 12 digits, without spaces (`000012345678`).
    public let rawValue: String
    init(unchecked: String) { rawValue = unchecked }
    static let field = Field.nhiCardNumber
    static let formatCode = ValidationError.Code.nhiCardNumberFormat
    static func matches(_ b: [UInt8]) -> Bool { b.count == 12 && allDigits(b[...]) }

    /// Parses a card number (no spaces; normalise first).
    public init(parsing input: String) throws(ValidationError) { self = try Self.parse(input) }

    /// As printed on the card: `0000 1234 5678`.
    public var grouped: String {
        let c = Array(rawValue)
        return String(c[0..<4]) + " " + String(c[4..<8]) + " " + String(c[8..<12])
    }
}

/// The card number of a certificate IC card (憑證卡號).
///
/// Citizen certificates (自然人憑證) have `^[A-Z]{2}\d{14}$` (e.g. `TP03000001234567`);
/// some other CAs issue 4 letters and 12 digits. No checksum is public.
public struct CertificateCardNumber: NHIIdentifier, ShapeIdentifier {
    /// Which shape the number has.
    public enum Shape: String, Sendable, Hashable {
        /// Two letters and 14 digits (MOICA citizen certificates).
        case twoLettersFourteenDigits
        /// Four letters and 12 digits (seen on other CAs' cards).
        case fourLettersTwelveDigits
    }

    /// The 16 letters and digits (`TP03000001234567`).
    public let rawValue: String
    init(unchecked: String) { rawValue = unchecked }
    static let field = Field.certificateCardNumber
    static let formatCode = ValidationError.Code.certificateCardNumberFormat
    static func matches(_ b: [UInt8]) -> Bool {
        guard b.count == 16 else { return false }
        return (allLetters(b[0..<2]) && allDigits(b[2...])) || (allLetters(b[0..<4]) && allDigits(b[4...]))
    }

    /// Parses a certificate card number.
    public init(parsing input: String) throws(ValidationError) { self = try Self.parse(input) }

    /// The shape of this number.
    public var shape: Shape {
        IDChecksum.isDigit(Array(rawValue.utf8)[2]) ? .twoLettersFourteenDigits : .fourLettersTwelveDigits
    }
}

/// The serial a staff assignment records for a certificate sign-in (自然人憑證序號): either
/// the certificate's own serial number as the card tools read it (8–40 hexadecimal digits,
/// i.e. 4–20 octets, RFC 5280 §4.1.2.2) or the certificate card's number
/// (``CertificateCardNumber``, e.g. `TP03000001234567`). Anything else — `12345`, a name, a
/// pasted sentence — is refused.
public enum CertificateSerial {
    /// The serial in the stored form (upper-case; spaces and colons between hex octets
    /// removed), or nil when it has neither form.
    public static func normalised(_ text: String) -> String? {
        let compact = text.uppercased().filter { $0 != " " && $0 != ":" }
        if (try? CertificateCardNumber(parsing: compact)) != nil { return compact }
        guard (8...40).contains(compact.count), compact.allSatisfy(\.isHexDigit) else { return nil }
        return compact
    }
}
