import CQREncode
#if canImport(Glibc)
import Glibc
#endif

/// A QR code symbol encoded by libqrencode: a square of dark and light modules.
///
/// The kiosk shows the sign-in QR codes (NHI app, TW FidO) with it: ``rgba(scale:quietZone:)``
/// turns the modules into pixels with whole-pixel scaling (no blurring) and the quiet zone
/// scanners need around the symbol.
public struct QRCode: Sendable, Hashable {
    /// How much of the symbol may be damaged and still be read.
    public enum ErrorCorrection: Sendable, Hashable, CaseIterable {
        /// About 7 %.
        case low
        /// About 15 %.
        case medium
        /// About 25 %.
        case quartile
        /// About 30 %.
        case high

        var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// The symbol version, 1…40.
    public let version: Int
    /// Modules per side: 17 + 4 × version.
    public let size: Int
    /// Row-major modules, `true` = dark.
    private let modules: [Bool]

    /// The scanners' recommended margin, in modules.
    public static let standardQuietZone = 4

    /// Encodes `text` (UTF-8, byte mode) in the smallest version that fits.
    public init(encoding text: String, errorCorrection: ErrorCorrection = .medium) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw QRCodeError.empty }
        let symbol = bytes.withUnsafeBufferPointer {
            QRcode_encodeData(Int32($0.count), $0.baseAddress, 0, errorCorrection.level)
        }
        guard let symbol else {
            throw errno == ERANGE ? QRCodeError.tooLong(bytes: bytes.count) : QRCodeError.encodingFailed(errno: errno)
        }
        defer { QRcode_free(symbol) }
        version = Int(symbol.pointee.version)
        size = Int(symbol.pointee.width)
        // libqrencode: bit 0 of each byte is the module's colour (1 = dark).
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: size * size)
        modules = data.map { $0 & 1 == 1 }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public subscript(x: Int, y: Int) -> Bool {
        precondition((0..<size).contains(x) && (0..<size).contains(y), "module outside the symbol")
        return modules[y * size + x]
    }

    /// The whole-pixel scale that fits the symbol and its quiet zone into `pixels` (at least 1).
    public func scale(toFit pixels: Int, quietZone: Int = standardQuietZone) -> Int {
        max(1, pixels / (size + 2 * quietZone))
    }

    /// The symbol as RGBA pixels (black on white, opaque), each module `scale` × `scale`
    /// pixels, surrounded by `quietZone` light modules.
    public func rgba(scale: Int, quietZone: Int = standardQuietZone) -> (width: Int, height: Int, pixels: [UInt8]) {
        precondition(scale >= 1 && quietZone >= 0, "scale ≥ 1, quiet zone ≥ 0")
        let side = (size + 2 * quietZone) * scale
        var pixels = [UInt8](repeating: 255, count: side * side * 4)
        for y in 0..<size {
            for x in 0..<size where modules[y * size + x] {
                let left = (x + quietZone) * scale, top = (y + quietZone) * scale
                for row in top..<(top + scale) {
                    var offset = (row * side + left) * 4
                    for _ in 0..<scale {
                        pixels[offset] = 0
                        pixels[offset + 1] = 0
                        pixels[offset + 2] = 0
                        offset += 4
                    }
                }
            }
        }
        return (side, side, pixels)
    }
}

/// Why a text could not become a QR code.
public enum QRCodeError: Error, Sendable, Hashable {
    /// Nothing to encode.
    case empty
    /// More than a version-40 symbol holds at the chosen error correction.
    case tooLong(bytes: Int)
    /// libqrencode failed otherwise (out of memory).
    case encodingFailed(errno: Int32)
}
