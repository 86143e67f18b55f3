import NHICore

/// Byte-level checks for fields that are already canonical and valid — the common case
/// in a file of a million rows — so that such rows are accepted without creating a
/// single `String`.
///
/// Each check accepts only what the reference path (``BatchFieldAnalyzer`` with the NHICore
/// parsers) accepts *unchanged and without warnings*; anything else, valid or not, goes to
/// the reference path. The fuzz target `batchfile` compares both paths on every input.
enum BatchFastPath {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }

    /// A canonical, valid national ID (`A123456789`). Resident numbers take the
    /// reference path.
    @inline(__always)
    static func nationalID(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 10, isUpper(b[0]), b[1] == 0x31 || b[1] == 0x32 else { return false }
        for k in 2..<10 where !isDigit(b[k]) { return false }
        let checksum = nationalIDChecksum
        var sum = Int(checksum.letterTerms[Int(b[0] &- 0x41)])
        for k in 1..<9 { sum &+= Int(checksum.weights[k - 1]) &* Int(b[k] &- 0x30) }
        sum &+= Int(b[9] &- 0x30)
        return sum % 10 == 0
    }

    /// The national-ID checksum as a linear form mod 10 — a term per first letter and a
    /// weight per digit position — *derived from NHICore* by probing
    /// ``NationalID/isValid(asciiBytes:)`` once, so the rule is stated in one place only.
    /// (NHICore's function is generic and not inlinable across modules; calling it per
    /// row costs an allocation.) A unit test compares the two on every letter and many
    /// random IDs.
    struct NationalIDChecksum {
        /// For letter L: the contribution of L, mod 10.
        var letterTerms: [UInt8]
        /// For digit positions 2–9 (the sex digit and the 7 serial digits): weights mod 10.
        var weights: [UInt8]
    }

    static let nationalIDChecksum: NationalIDChecksum = {
        /// The check digit NHICore accepts for a 9-character prefix.
        func checkDigit(_ prefix: String) -> Int {
            for d in 0...9 where NationalID.isValid(asciiBytes: Array((prefix + String(d)).utf8)) { return d }
            preconditionFailure("NHICore accepts no check digit for \(prefix)")
        }
        // valid ⇔ (L + Σ w_k·b_k + check) ≡ 0 (mod 10), the check digit weighing 1.
        let base = checkDigit("A10000000")                       // L_A + w1 ≡ −base
        let w1 = (base - checkDigit("A20000000") + 10) % 10      // one more on the sex digit
        var weights = [UInt8(w1)]
        for position in 2...8 {
            var digits = Array("10000000")
            digits[position - 1] = "1"
            weights.append(UInt8((base - checkDigit("A" + String(digits)) + 20) % 10))
        }
        var terms: [UInt8] = []
        for letter in UInt8(0x41)...UInt8(0x5A) {
            // L + w1 ≡ −check("L10000000")
            let d = checkDigit(String(UnicodeScalar(letter)) + "10000000")
            terms.append(UInt8((20 - d - w1) % 10))
        }
        return NationalIDChecksum(letterTerms: terms, weights: weights)
    }()

    /// Local-part characters EmailAddress accepts: `A–Z a–z 0–9 ! # $ % & ' * + / = ? ^ _ ` { | } ~ - .`
    private static let localAllowed: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-.".utf8 { table[Int(b)] = true }
        return table
    }()

    /// A valid e-mail address whose domain is already lower-case and which does not start
    /// with a character Excel reads as a formula.
    @inline(__always)
    static func email(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n >= 6, n <= 254 else { return false }
        // Local part.
        var i = 0
        let first = b[0]
        if first == 0x2E || first == 0x3D || first == 0x2B || first == 0x2D { return false }  // . = + -
        var previousDot = false
        return localAllowed.withUnsafeBufferPointer { allowed -> Bool in
            while i < n {
                let c = b[i]
                if c == 0x40 { break }
                if !allowed[Int(c)] { return false }
                let dot = c == 0x2E
                if dot && previousDot { return false }
                previousDot = dot
                i += 1
            }
            guard i < n, i >= 1, i <= 64, !previousDot else { return false }
            // Domain: labels of a–z 0–9 -, 1–63 long, no hyphen at either end, at least
            // two labels, the last letters only and at least two long.
            i += 1
            var labels = 0
            var labelStart = i
            var lastLabelLetters = true
            while true {
                if i == n || b[i] == 0x2E {
                    let length = i - labelStart
                    guard length >= 1, length <= 63, b[labelStart] != 0x2D, b[i - 1] != 0x2D else { return false }
                    labels += 1
                    if i == n { break }
                    i += 1
                    labelStart = i
                    lastLabelLetters = true
                    continue
                }
                let c = b[i]
                if isLower(c) {
                } else if isDigit(c) || c == 0x2D {
                    lastLabelLetters = false
                } else {
                    return false
                }
                i += 1
            }
            return labels >= 2 && lastLabelLetters && n - labelStart >= 2
        }
    }

    /// Empty, or a canonical mobile number (`0912345678`).
    @inline(__always)
    static func mobile(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if b.isEmpty { return true }
        guard b.count == 10, b[0] == 0x30, b[1] == 0x39 else { return false }
        for k in 2..<10 where !isDigit(b[k]) { return false }
        return true
    }

    /// Area codes by their digits after the trunk 0, with the subscriber lengths allowed:
    /// built from ``LandlineNumber/AreaCode/all`` so the rules live in one place.
    private static let areaLengths: [String: Set<Int>] = {
        var table: [String: Set<Int>] = [:]
        for area in LandlineNumber.AreaCode.all { table[area.code] = area.subscriberLengths }
        return table
    }()

    /// Subscriber-length bitmasks indexed by area code packed as digits (`02` → 2,
    /// `037` → 37, `0826` → 826), 0 when not an area code.
    private static let areaMasks: [UInt16] = {
        var masks = [UInt16](repeating: 0, count: 1000)
        for (code, lengths) in areaLengths {
            let value = code.utf8.dropFirst().reduce(0) { $0 * 10 + Int($1 - 0x30) }
            for length in lengths { masks[value] |= UInt16(1) << UInt16(length) }
        }
        return masks
    }()

    /// Empty, or a canonical landline `AREA-SUBSCRIBER[#EXTENSION]` (`03-1234567#123`).
    @inline(__always)
    static func landline(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        if n == 0 { return true }
        guard n >= 8, b[0] == 0x30, b[1] != 0x30 else { return false }
        var i = 1
        var area = 0
        while i < n && i <= 4 && isDigit(b[i]) {
            area = area * 10 + Int(b[i] &- 0x30)
            i += 1
        }
        guard i < n, b[i] == 0x2D, i >= 2, area < 1000 else { return false }
        let mask = areaMasks.withUnsafeBufferPointer { $0[area] }
        guard mask != 0 else { return false }
        i += 1
        let subscriberStart = i
        while i < n && isDigit(b[i]) { i += 1 }
        let length = i - subscriberStart
        guard length >= 1, length < 16, mask & (UInt16(1) << UInt16(length)) != 0, b[subscriberStart] != 0x30 else { return false }
        if i == n { return true }
        guard b[i] == 0x23 else { return false }
        i += 1
        let extensionLength = n - i
        guard extensionLength >= 1, extensionLength <= 6 else { return false }
        while i < n {
            if !isDigit(b[i]) { return false }
            i += 1
        }
        return true
    }
}
