import NHICore

/// Big5 as Microsoft code page 950 (CP950), through the C library's `iconv`: the encoding
/// of names on NHI cards and of many NHI files.
///
/// CP950 accepts the ETEN extensions (碁 `F9 D6`, 銹 `F9 D8` …) that strict Big5 rejects.
/// ``decode(_:)`` never fails: a byte pair that is not CP950 (a corrupt byte) and a
/// user-defined character (Big5's EUDC ranges, which `iconv` maps into Unicode's private
/// use area) become `＊`, the NHI's own sign for a character the computer cannot show, and
/// are counted.
public enum CP950 {
    /// The decoded text and how many characters had to be replaced by `＊`.
    public struct Decoded: Sendable, Hashable {
        /// The text.
        public let text: String
        /// Characters shown as `＊`.
        public let replacedCharacters: Int
    }

    /// Decodes CP950 bytes. A lead byte at the very end (half a character) is decoded as `＊`;
    /// callers that trim a field first (``NHICardIdentity``) drop it instead.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), replacedCharacters: 0)
        }
        if let whole = convert(bytes, from: "CP950", to: "UTF-8") {
            return replacingPrivateUse(String(decoding: whole, as: UTF8.self), alreadyReplaced: 0)
        }
        // Character by character, so one bad pair does not lose the whole name.
        var text = ""
        var replaced = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                text.unicodeScalars.append(Unicode.Scalar(byte))
                index += 1
                continue
            }
            let pair = Array(bytes[index..<min(index + 2, bytes.count)])
            if pair.count == 2, let utf8 = convert(pair, from: "CP950", to: "UTF-8") {
                text += String(decoding: utf8, as: UTF8.self)
            } else {
                text += "＊"
                replaced += 1
            }
            index += pair.count
        }
        return replacingPrivateUse(text, alreadyReplaced: replaced)
    }

    /// Private-use characters (user-defined Big5 characters) become `＊`.
    private static func replacingPrivateUse(_ text: String, alreadyReplaced: Int) -> Decoded {
        guard text.unicodeScalars.contains(where: isPrivateUse) else {
            return Decoded(text: text, replacedCharacters: alreadyReplaced)
        }
        var result = String.UnicodeScalarView()
        var replaced = alreadyReplaced
        for scalar in text.unicodeScalars {
            if isPrivateUse(scalar) {
                result.append("＊")
                replaced += 1
            } else {
                result.append(scalar)
            }
        }
        return Decoded(text: String(result), replacedCharacters: replaced)
    }

    private static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool { (0xE000...0xF8FF).contains(scalar.value) }

    /// Encodes text as CP950; `nil` when a character has no CP950 form.
    public static func encode(_ text: String) -> [UInt8]? {
        convert(Array(text.utf8), from: "UTF-8", to: "CP950")
    }

    /// Splits CP950 bytes into whole characters and reports a dangling lead byte at the end.
    static func wholeCharacters(_ bytes: ArraySlice<UInt8>) -> (bytes: ArraySlice<UInt8>, droppedHalf: Bool) {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] < 0x80 {
                index += 1
            } else if index + 1 < bytes.endIndex {
                index += 2
            } else {
                return (bytes[bytes.startIndex..<index], true)
            }
        }
        return (bytes, false)
    }

    private static func convert(_ input: [UInt8], from source: String, to target: String) -> [UInt8]? {
        guard let converter = IConv(from: source, to: target) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        guard case .success = input.withUnsafeBufferPointer({ converter.convert($0, into: &output) }) else { return nil }
        return output
    }
}
