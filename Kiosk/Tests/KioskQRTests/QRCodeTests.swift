import KioskQR
import Testing

@Suite("QR code encoding (libqrencode)")
struct QRCodeTests {
    /// A 7 × 7 finder pattern with its top-left module at (x, y): dark ring, light ring,
    /// dark 3 × 3 centre — the 1:1:3:1:1 pattern scanners look for.
    private func hasFinderPattern(_ code: QRCode, atX x: Int, y: Int) -> Bool {
        for dy in 0..<7 {
            for dx in 0..<7 {
                let ring = max(abs(dx - 3), abs(dy - 3))
                let shouldBeDark = ring == 3 || ring <= 1
                if code[x + dx, y + dy] != shouldBeDark { return false }
            }
        }
        return true
    }

    @Test("short text fits version 1: 21 × 21 modules")
    func versionOne() throws {
        let code = try QRCode(encoding: "HELLO", errorCorrection: .medium)
        #expect(code.version == 1)
        #expect(code.size == 21)
    }

    @Test("module count is 17 + 4 × version for every version used", arguments: [10, 100, 500, 1200, 2300])
    func moduleCount(length: Int) throws {
        let code = try QRCode(encoding: String(repeating: "a", count: length), errorCorrection: .low)
        #expect(code.size == 17 + 4 * code.version)
        #expect((1...40).contains(code.version))
    }

    @Test("longer payloads and stronger error correction need larger versions")
    func versionGrows() throws {
        let payload = "nhi-login:9f1c2e7a-0d4b-4c55-9a3f-1b2c3d4e5f60:expires=175"
        let low = try QRCode(encoding: payload, errorCorrection: .low)
        let high = try QRCode(encoding: payload, errorCorrection: .high)
        #expect(high.version > low.version)
        let longer = try QRCode(encoding: payload + payload, errorCorrection: .low)
        #expect(longer.version > low.version)
    }

    @Test("three finder patterns, separators, timing patterns and the dark module are where the standard puts them")
    func structure() throws {
        let code = try QRCode(encoding: "健保卡 QRCode 登入 A123456789", errorCorrection: .medium)
        let n = code.size
        #expect(hasFinderPattern(code, atX: 0, y: 0))
        #expect(hasFinderPattern(code, atX: n - 7, y: 0))
        #expect(hasFinderPattern(code, atX: 0, y: n - 7))
        // No finder in the bottom-right corner.
        #expect(!hasFinderPattern(code, atX: n - 7, y: n - 7))
        // Light separators around the top-left finder.
        for i in 0..<8 {
            #expect(!code[7, i])
            #expect(!code[i, 7])
        }
        // Timing patterns alternate between the finders, dark on even positions.
        for i in 8..<(n - 8) {
            #expect(code[i, 6] == (i % 2 == 0))
            #expect(code[6, i] == (i % 2 == 0))
        }
        // The dark module next to the bottom-left finder.
        #expect(code[8, 4 * code.version + 9])
    }

    @Test("UTF-8 Chinese text is encoded as bytes and changes the symbol")
    func chinese() throws {
        let a = try QRCode(encoding: "王小明")
        let b = try QRCode(encoding: "王小華")
        #expect(a != b)
    }

    @Test("RGBA image: size, opaque, quiet zone white, modules black and scaled whole")
    func rgba() throws {
        let code = try QRCode(encoding: "HELLO")
        let scale = 5, quiet = 4
        let image = code.rgba(scale: scale, quietZone: quiet)
        #expect(image.width == (21 + 8) * scale)
        #expect(image.height == image.width)
        #expect(image.pixels.count == image.width * image.height * 4)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] {
            let offset = (y * image.width + x) * 4
            return Array(image.pixels[offset..<(offset + 4)])
        }
        // Every pixel is opaque black or opaque white.
        for offset in stride(from: 0, to: image.pixels.count, by: 4) {
            let rgba = Array(image.pixels[offset..<(offset + 4)])
            #expect(rgba == [0, 0, 0, 255] || rgba == [255, 255, 255, 255])
        }
        // The quiet zone is white all round.
        for i in 0..<image.width {
            for edge in 0..<(quiet * scale) {
                #expect(pixel(i, edge) == [255, 255, 255, 255])
                #expect(pixel(edge, i) == [255, 255, 255, 255])
                #expect(pixel(i, image.height - 1 - edge) == [255, 255, 255, 255])
                #expect(pixel(image.width - 1 - edge, i) == [255, 255, 255, 255])
            }
        }
        // Each module is a uniform scale × scale block of its colour.
        for y in 0..<code.size {
            for x in 0..<code.size {
                let expected: [UInt8] = code[x, y] ? [0, 0, 0, 255] : [255, 255, 255, 255]
                for dy in 0..<scale {
                    for dx in 0..<scale {
                        let px = (x + quiet) * scale + dx, py = (y + quiet) * scale + dy
                        if pixel(px, py) != expected {
                            Issue.record("module (\(x), \(y)) pixel (\(px), \(py)) has the wrong colour")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test("scale to fit: the largest whole scale that keeps symbol and quiet zone inside")
    func scaleToFit() throws {
        let code = try QRCode(encoding: "HELLO") // 21 modules + 8 quiet = 29
        #expect(code.scale(toFit: 290) == 10)
        #expect(code.scale(toFit: 299) == 10)
        #expect(code.scale(toFit: 300) == 10)
        #expect(code.scale(toFit: 319) == 11)
        #expect(code.scale(toFit: 10) == 1)
    }

    @Test("empty text and text beyond version 40 are refused")
    func refused() {
        #expect(throws: QRCodeError.empty) { try QRCode(encoding: "") }
        #expect(throws: QRCodeError.tooLong(bytes: 3000)) {
            try QRCode(encoding: String(repeating: "x", count: 3000), errorCorrection: .low)
        }
    }
}
