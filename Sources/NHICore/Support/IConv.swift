#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A conversion descriptor of the C library's `iconv` (Big5/CP950, UTF-8): the one wrapper
/// NHIFormats' file codecs and NHICards' card names share (package-internal).
///
/// Conversions are strict: an undecodable byte sequence is reported with its exact byte
/// offset and never replaced (no `//IGNORE`, no `//TRANSLIT`). A descriptor holds
/// conversion state and must be used by one thread at a time, so each reader or writer
/// owns its own.
package final class IConv {
    /// Why a conversion stopped.
    package enum Failure: Error, Equatable {
        /// An invalid or unmapped sequence starts at this byte offset of the input.
        case invalid(offset: Int)
        /// The input ends in the middle of a multi-byte character that starts here.
        case incomplete(offset: Int)
    }

    private let descriptor: iconv_t
    package let from: String
    package let to: String

    /// Opens a converter; nil when the C library does not know one of the names.
    package init?(from: String, to: String) {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) { return nil }
        guard let cd else { return nil }
        self.descriptor = cd
        self.from = from
        self.to = to
    }

    deinit { iconv_close(descriptor) }

    /// Converts `input` completely, appending the result to `output`.
    package func convert(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Result<Void, Failure> {
        // Reset the shift state (none for these encodings, but cheap and correct).
        iconv(descriptor, nil, nil, nil, nil)
        guard let base = input.baseAddress, input.count > 0 else { return .success(()) }
        var inPointer = UnsafeMutablePointer(mutating: UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self))
        var inLeft = input.count
        var scratch = [UInt8](repeating: 0, count: max(64, input.count * 4))
        while inLeft > 0 {
            let (status, produced, err): (Int, Int, Int32) = scratch.withUnsafeMutableBytes { raw in
                var outPointer: UnsafeMutablePointer<CChar>? = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                var outLeft = raw.count
                var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                let r = iconv(descriptor, &inOptional, &inLeft, &outPointer, &outLeft)
                let e = errno
                inPointer = inOptional!
                return (r == Int(bitPattern: UInt(bitPattern: -1)) ? -1 : 0, raw.count - outLeft, e)
            }
            output.append(contentsOf: scratch[0..<produced])
            if status == 0 { break }
            let offset = UnsafeRawPointer(inPointer) - UnsafeRawPointer(base)
            switch err {
            case E2BIG: continue
            case EINVAL: return .failure(.incomplete(offset: offset))
            default: return .failure(.invalid(offset: offset))
            }
        }
        return .success(())
    }
}
