/// Which encoding a file is in, and why we think so.
public struct EncodingDetection: Sendable, Hashable, CustomStringConvertible {
    /// What the decision rests on.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// The caller named the encoding.
        case override
        /// A byte-order mark at the start.
        case byteOrderMark
        /// No byte-order mark; the bytes look like UTF-16 (zero bytes in every other position).
        case utf16Pattern
        /// Non-ASCII bytes that are well-formed UTF-8.
        case validUTF8
        /// Non-ASCII bytes that are not UTF-8: Big5/CP950, as Excel on Traditional-Chinese
        /// Windows saves.
        case notUTF8
        /// Only ASCII bytes so far: every ASCII-compatible encoding reads the same text.
        /// The reader keeps ``TextEncoding/cp950`` as its working assumption and decides
        /// at the first non-ASCII field.
        case asciiOnly
    }

    /// The encoding the text is decoded with.
    public var encoding: TextEncoding
    /// Whether the input starts with a byte-order mark (skipped when reading).
    public var byteOrderMark: Bool
    /// Why.
    public var basis: Basis

    /// Creates a detection result, as the readers make one for each input.
    /// - Parameters:
    ///   - encoding: The encoding the text is decoded with.
    ///   - byteOrderMark: Whether the input starts with a byte-order mark, which reading skips.
    ///   - basis: What the decision rests on.
    public init(encoding: TextEncoding, byteOrderMark: Bool, basis: Basis) {
        self.encoding = encoding
        self.byteOrderMark = byteOrderMark
        self.basis = basis
    }

    /// The name reported to people and in JSON: the encoding's name, or `ascii` when the
    /// whole input was ASCII and no encoding was named.
    public var reportedName: String { basis == .asciiOnly ? "ascii" : encoding.rawValue }

    /// ``reportedName``, followed by ` (BOM)` when the input starts with a byte-order mark.
    public var description: String { reportedName + (byteOrderMark ? " (BOM)" : "") }

    /// The length of the byte-order mark at the start of `prefix`, and its encoding.
    static func byteOrderMark(in prefix: UnsafeBufferPointer<UInt8>) -> (TextEncoding, Int)? {
        if prefix.count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF { return (.utf8, 3) }
        if prefix.count >= 2 && prefix[0] == 0xFF && prefix[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if prefix.count >= 2 && prefix[0] == 0xFE && prefix[1] == 0xFF { return (.utf16BigEndian, 2) }
        return nil
    }

    /// Guesses the encoding of a file from its first bytes.
    ///
    /// - Parameters:
    ///   - prefix: the first bytes (the detector looks at up to all of them).
    ///   - isWholeInput: whether `prefix` is the entire input (a multi-byte character cut
    ///     off at the end of a partial prefix is then not held against UTF-8).
    public static func detect(_ prefix: UnsafeBufferPointer<UInt8>, isWholeInput: Bool) -> EncodingDetection {
        if let (encoding, _) = byteOrderMark(in: prefix) {
            return EncodingDetection(encoding: encoding, byteOrderMark: true, basis: .byteOrderMark)
        }
        if let utf16 = utf16Pattern(prefix) {
            return EncodingDetection(encoding: utf16, byteOrderMark: false, basis: .utf16Pattern)
        }
        if UTF8Validation.isASCII(prefix) {
            return EncodingDetection(encoding: .cp950, byteOrderMark: false, basis: .asciiOnly)
        }
        if let bad = UTF8Validation.firstInvalid(prefix) {
            if !isWholeInput && UTF8Validation.isTruncated(prefix, at: bad) {
                return EncodingDetection(encoding: .utf8, byteOrderMark: false, basis: .validUTF8)
            }
            return EncodingDetection(encoding: .cp950, byteOrderMark: false, basis: .notUTF8)
        }
        return EncodingDetection(encoding: .utf8, byteOrderMark: false, basis: .validUTF8)
    }

    /// UTF-16 without a byte-order mark: mostly-ASCII text has a zero byte in every
    /// other position.
    private static func utf16Pattern(_ prefix: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let pairs = min(prefix.count, 4096) / 2
        guard pairs >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for k in 0..<pairs {
            if prefix[2 * k] == 0 { zeroEven += 1 }
            if prefix[2 * k + 1] == 0 { zeroOdd += 1 }
        }
        if zeroOdd * 10 >= pairs * 4 && zeroEven * 20 < pairs { return .utf16LittleEndian }
        if zeroEven * 10 >= pairs * 4 && zeroOdd * 20 < pairs { return .utf16BigEndian }
        return nil
    }
}
