import NHICore

/// Decoding and encoding of whole fields in one ``TextEncoding``, with strict errors.
///
/// UTF-8 is handled in Swift (with exact offsets of invalid bytes); Big5/CP950 and UTF-16
/// go through `iconv`. A codec is a reference type holding its iconv descriptors, used by
/// one reader or writer at a time.
final class FieldCodec {
    let encoding: TextEncoding
    private var decoder: IConv?
    private var encoder: IConv?
    private var buffer: [UInt8] = []

    init(_ encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// Why a field could not be decoded: the byte offset within the field and the bytes
    /// there (up to 2), for the message.
    struct DecodeFailure: Error {
        let offset: Int
        let bytes: [UInt8]
        let incomplete: Bool
        /// For text read from UTF-16 input, the unpaired code unit.
        let utf16Unit: UInt16?
    }

    /// Decodes a field. Fields read from UTF-16 input arrive as UTF-8 (see
    /// ``UTF16Transcoder``) and use the UTF-8 path.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, transcodedFromUTF16: Bool = false) -> Result<String, DecodeFailure> {
        if UTF8Validation.isASCII(bytes) { return .success(String(decoding: bytes, as: UTF8.self)) }
        switch encoding {
        case .utf8, .utf16LittleEndian, .utf16BigEndian:
            if let bad = UTF8Validation.firstInvalid(bytes) {
                if bytes[bad] == UTF16Transcoder.escapeByte, let unit = UTF16Transcoder.escapedUnit(bytes, at: bad) {
                    return .failure(DecodeFailure(offset: bad, bytes: [], incomplete: false, utf16Unit: unit))
                }
                let end = min(bytes.count, bad + 2)
                return .failure(DecodeFailure(offset: bad, bytes: Array(bytes[bad..<end]), incomplete: UTF8Validation.isTruncated(bytes, at: bad), utf16Unit: nil))
            }
            return .success(String(decoding: bytes, as: UTF8.self))
        case .cp950, .big5:
            if decoder == nil { decoder = IConv(from: encoding.iconvName, to: "UTF-8") }
            guard let decoder else { preconditionFailure("the C library has no \(encoding.iconvName) converter") }
            buffer.removeAll(keepingCapacity: true)
            switch decoder.convert(bytes, into: &buffer) {
            case .success:
                return .success(String(decoding: buffer, as: UTF8.self))
            case .failure(.invalid(let offset)):
                let end = min(bytes.count, offset + 2)
                return .failure(DecodeFailure(offset: offset, bytes: Array(bytes[offset..<end]), incomplete: false, utf16Unit: nil))
            case .failure(.incomplete(let offset)):
                return .failure(DecodeFailure(offset: offset, bytes: Array(bytes[offset...]), incomplete: true, utf16Unit: nil))
            }
        }
    }

    /// Why text could not be encoded: the first character the encoding lacks.
    struct EncodeFailure: Error {
        let character: Character
        let characterIndex: Int
    }

    /// Encodes text, appending to `output`.
    func encode(_ text: String, into output: inout [UInt8]) -> Result<Void, EncodeFailure> {
        var text = text
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        switch encoding {
        case .utf8:
            text.withUTF8 { output.append(contentsOf: $0) }
            return .success(())
        case .utf16LittleEndian, .utf16BigEndian:
            for unit in text.utf16 {
                let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
                if encoding == .utf16LittleEndian { output.append(lo); output.append(hi) } else { output.append(hi); output.append(lo) }
            }
            return .success(())
        case .cp950, .big5:
            if ascii {
                text.withUTF8 { output.append(contentsOf: $0) }
                return .success(())
            }
            if encoder == nil { encoder = IConv(from: "UTF-8", to: encoding.iconvName) }
            guard let encoder else { preconditionFailure("the C library has no \(encoding.iconvName) converter") }
            let result = text.withUTF8 { encoder.convert($0, into: &output) }
            switch result {
            case .success:
                return .success(())
            case .failure(.invalid(let offset)), .failure(.incomplete(let offset)):
                // Map the UTF-8 offset back to a character.
                var consumed = 0
                for (index, character) in text.enumerated() {
                    let width = character.utf8.count
                    if offset < consumed + width { return .failure(EncodeFailure(character: character, characterIndex: index)) }
                    consumed += width
                }
                return .failure(EncodeFailure(character: text.last ?? "?", characterIndex: max(0, text.count - 1)))
            }
        }
    }
}
