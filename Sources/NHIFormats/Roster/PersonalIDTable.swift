import NHICore

/// A personal ID packed into 35 bits: the letter (26), the second character (national
/// `1` `2`, resident `8` `9` `A`–`D`: 8 values) and the 8 digits that follow, as
/// `(letter × 8 + second) × 10⁸ + digits`.
///
/// Packing lets the batch checker keep a million IDs in one flat array and compare them
/// without creating strings.
enum PackedID {
    /// The second character's index, or nil for a character no ID has there.
    @inline(__always)
    static func secondIndex(_ b: UInt8) -> UInt64? {
        switch b {
        case 0x31: 0
        case 0x32: 1
        case 0x38: 2
        case 0x39: 3
        case 0x41...0x44: UInt64(b - 0x41) + 4
        default: nil
        }
    }

    /// The packed form of 10 canonical ASCII bytes of a national ID (`[A-Z][12]\d{8}`).
    @inline(__always)
    static func packNational(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var digits: UInt64 = 0
        for k in 2..<10 { digits = digits &* 10 &+ UInt64(b[k] &- 0x30) }
        return (UInt64(b[0] &- 0x41) &* 8 &+ UInt64(b[1] &- 0x31)) &* 100_000_000 &+ digits
    }

    /// The 10 characters of a packed ID.
    static func unpack(_ key: UInt64) -> String {
        let seconds: [UInt8] = [0x31, 0x32, 0x38, 0x39, 0x41, 0x42, 0x43, 0x44]
        var digits = key % 100_000_000
        let head = key / 100_000_000
        var bytes = [UInt8](repeating: 0x30, count: 10)
        bytes[0] = UInt8(head / 8) + 0x41
        bytes[1] = seconds[Int(head % 8)]
        for k in stride(from: 9, through: 2, by: -1) {
            bytes[k] = UInt8(digits % 10) + 0x30
            digits /= 10
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The packed form of any personal ID.
    static func pack(_ id: PersonalID) -> UInt64 {
        let b = Array(id.rawValue.utf8)
        var digits: UInt64 = 0
        for k in 2..<10 { digits = digits * 10 + UInt64(b[k] - 0x30) }
        return (UInt64(b[0] - 0x41) * 8 + secondIndex(b[1])!) * 100_000_000 + digits
    }
}

/// An open-addressing hash table of packed IDs (linear probing, Fibonacci hashing, load
/// factor at most ½) that answers, in one probe, both questions the batch checker asks of
/// each row: is this person on the roster, and has the file named them before (and on
/// which row)?
///
/// Each slot is one `UInt64`: the 35-bit packed ID, a roster bit, and the 28-bit row on
/// which the file first named the person (0 = not yet). Rows beyond 2²⁸ − 1 are kept in a
/// side dictionary.
struct PersonalIDTable: Sendable {
    private(set) var slots: [UInt64]
    private(set) var count = 0
    private var shift: UInt64
    private var largeRows: [UInt64: Int] = [:]
    /// Where ``prefetch(_:)`` leaves the values it loaded, so the loads are not optimised away.
    private var prefetchSink: UInt64 = 0

    private static let keyShift: UInt64 = 29
    private static let rosterBit: UInt64 = 1 << 28
    private static let rowMask: UInt64 = (1 << 28) - 1

    /// A table for about `expected` IDs.
    init(expected: Int) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot of `key`, or the empty slot where it would go.
    @inline(__always)
    private func probe(_ key: UInt64) -> (index: Int, found: Bool) {
        slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = home(key)
            while true {
                let slot = s[i]
                if slot == 0 { return (i, false) }
                if slot >> Self.keyShift == key { return (i, true) }
                i = (i + 1) & mask
            }
        }
    }

    /// Touches the home slots of `keys` with independent loads, so that the cache misses
    /// of a batch overlap instead of being paid one after another by the probes that follow.
    @inline(__always)
    mutating func prefetch(_ keys: UnsafeBufferPointer<UInt64>) {
        let shift = self.shift
        var sink: UInt64 = 0
        slots.withUnsafeBufferPointer { s in
            for key in keys { sink ^= s[Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)] }
        }
        prefetchSink ^= sink
    }

    /// Adds `key` as a roster member. Returns false when it was already one.
    @discardableResult
    mutating func insertRosterMember(_ key: UInt64) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        let (index, found) = probe(key)
        if found {
            if slots[index] & Self.rosterBit != 0 { return false }
            slots[index] |= Self.rosterBit
            return true
        }
        slots[index] = key << Self.keyShift | Self.rosterBit
        count += 1
        return true
    }

    /// Whether `key` is a roster member.
    @inline(__always)
    func isRosterMember(_ key: UInt64) -> Bool {
        let (index, found) = probe(key)
        return found && slots[index] & Self.rosterBit != 0
    }

    /// Records that the file names `key` on `row` (≥ 1). Returns whether the person is a
    /// roster member and the row on which the file named them first (nil if this is the
    /// first time).
    @inline(__always)
    mutating func see(_ key: UInt64, row: Int) -> (rosterMember: Bool, firstRow: Int?) {
        if (count + 1) * 2 > slots.count { grow() }
        let (index, found) = probe(key)
        let stored = UInt64(min(row, Int(Self.rowMask)))
        if !found {
            slots[index] = key << Self.keyShift | stored
            count += 1
            if stored == Self.rowMask { largeRows[key] = row }
            return (false, nil)
        }
        let slot = slots[index]
        let member = slot & Self.rosterBit != 0
        let first = slot & Self.rowMask
        if first == 0 {
            slots[index] = slot | stored
            if stored == Self.rowMask { largeRows[key] = row }
            return (member, nil)
        }
        return (member, first == Self.rowMask ? largeRows[key] : Int(first))
    }

    private mutating func grow() {
        let old = slots
        var grown = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        let shift = self.shift
        grown.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            for slot in old where slot != 0 {
                var i = Int(truncatingIfNeeded: ((slot >> Self.keyShift) &* 0x9E37_79B9_7F4A_7C15) >> shift)
                while s[i] != 0 { i = (i + 1) & mask }
                s[i] = slot
            }
        }
        slots = grown
    }
}

/// The set of personal IDs that are in-force insured persons of one unit (在保保險對象):
/// the roster a batch registration file is checked against.
///
/// Build it from IDs (``init(_:)``) or from a roster file
/// (``InForceRoster/loadIDs(from:encoding:)``). IDs are packed, so a million-person roster
/// takes 16 MiB.
public struct InForceIDSet: Sendable {
    var table: PersonalIDTable

    /// A set of the given IDs.
    public init(_ ids: some Sequence<PersonalID>) {
        table = PersonalIDTable(expected: ids.underestimatedCount)
        for id in ids { table.insertRosterMember(PackedID.pack(id)) }
    }

    init(table: PersonalIDTable) {
        self.table = table
    }

    /// Whether `id` is an in-force insured person of the unit.
    public func contains(_ id: PersonalID) -> Bool { table.isRosterMember(PackedID.pack(id)) }

    /// The number of distinct IDs.
    public var count: Int { table.count }
}
