import NHICore

/// The error NHICards throws: a stable ``Code``, the user-facing number from the NHI's
/// screens where one exists (``userCode``: 9056, 9039 …), the seeds' advice in both
/// languages, and the foreign codes it came from — the PC/SC value (``pcscStatus``), the
/// card's status word (``statusWord``) and the PKCS#11 return value (``pkcs11``).
///
/// Two errors are equal when their codes are equal:
///
/// ```swift
/// #expect(throws: CardError(.cardAbsent)) { try await reader.readIdentity() }
/// ```
public struct CardError: CodedError, Hashable {
    /// A stable, dotted error code (`card.absent`). New codes are added as static constants.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The dotted code itself, such as `card.absent`.
        public let rawValue: String
        /// Creates a code from its dotted text, such as `card.absent`.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a string literal, as the static constants do.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The dotted code, as ``rawValue``.
        public var description: String { rawValue }
    }

    /// Which failure.
    public let code: Code
    /// The number the NHI's own screens show for this failure (seed 004), if any.
    public let userCode: Int?
    /// The reader involved, if known.
    public let reader: String?
    /// The PC/SC value that caused the failure, if any.
    public let pcscStatus: PCSCStatus?
    /// The card's status word, if the card answered.
    public let statusWord: StatusWord?
    /// The PKCS#11 return value, if the PKCS#11 module reported the failure.
    public let pkcs11: PKCS11ReturnValue?
    /// PIN tries left, when the card or token says so.
    public let remainingTries: Int?
    /// Technical context: the command or call that failed, the field that did not decode.
    public let detail: String?
    /// What to do about it, in Traditional Chinese (from seed 004 where it has advice).
    public let advice: String
    /// What to do about it, in English.
    public let adviceEn: String
    /// The full message in Traditional Chinese: what happened, the user code, the advice.
    public let message: String
    /// The full message in English.
    public let messageEn: String

    /// Creates an error whose text comes from the catalog entry for `code`.
    public init(_ code: Code, reader: String? = nil, pcsc: PCSCStatus? = nil, statusWord: StatusWord? = nil,
                pkcs11: PKCS11ReturnValue? = nil, remainingTries: Int? = nil, detail: String? = nil) {
        let entry = Self.entryIndex[code]
        self.code = code
        self.reader = reader
        self.pcscStatus = pcsc
        self.statusWord = statusWord
        self.pkcs11 = pkcs11
        self.remainingTries = remainingTries
        self.detail = detail
        // A PKCS#11 failure shows the ServiSign number of its CKR (9000 + list position).
        self.userCode = entry?.userCode ?? pkcs11?.servisignCode
        self.advice = entry?.adviceZh ?? ""
        self.adviceEn = entry?.adviceEn ?? ""

        var zh = entry?.zh ?? code.rawValue
        var en = entry?.en ?? code.rawValue
        if let remainingTries {
            zh += "，剩餘 \(remainingTries) 次"
            en += ", \(remainingTries) \(remainingTries == 1 ? "try" : "tries") left"
        }
        if let userCode { zh += "（錯誤代碼 \(userCode)）"; en += " (error \(userCode))" }
        if let reader { zh = "讀卡機「\(reader)」：" + zh; en = "Reader \"\(reader)\": " + en }
        var foreign: [String] = []
        if let pcsc { foreign.append(pcsc.description) }
        if let statusWord { foreign.append("SW \(statusWord)") }
        if let pkcs11 { foreign.append(pkcs11.description) }
        if let detail { foreign.append(detail) }
        let tail = foreign.isEmpty ? "" : " [" + foreign.joined(separator: "; ") + "]"
        self.message = zh + "。" + (advice.isEmpty ? "" : "處理方式：" + advice) + tail
        self.messageEn = en + "." + (adviceEn.isEmpty ? "" : " What to do: " + adviceEn) + tail
    }

    /// The dotted code (``code``'s raw value), as `CodedError` requires.
    public var errorCode: String { code.rawValue }

    /// Two errors are equal when their codes are equal; reader, foreign codes and detail are ignored.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// The same error, naming the reader.
    public func at(reader name: String) -> CardError {
        guard reader == nil else { return self }
        return CardError(code, reader: name, pcsc: pcscStatus, statusWord: statusWord, pkcs11: pkcs11,
                         remainingTries: remainingTries, detail: detail)
    }
}
