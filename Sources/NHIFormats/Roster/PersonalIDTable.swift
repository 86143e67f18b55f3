import NHICore

/// A personal ID packed into 64 bits: the 10 characters read as a base-36 number
/// (`0`–`9` → 0–9, `A`–`Z` → 10–35). Never zero, because an ID starts with a letter.
///
/// Packing lets the batch checker keep a million IDs in flat arrays and compare them
/// without creating strings.
enum PackedID {
    /// The base-36 value of 10 canonical ASCII bytes (upper-case letters and digits).
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for k in 0..<10 {
            let b = bytes[k]
            value = value &* 36 &+ UInt64(b <= 0x39 ? b &- 0x30 : b &- 0x41 &+ 10)
        }
        return value
    }

    /// The packed form of an ID.
    static func pack(_ id: PersonalID) -> UInt64 {
        var raw = id.rawValue
        return raw.withUTF8 { pack($0) }
    }

    /// The 10 characters of a packed ID.
    static func unpack(_ value: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 10)
        var v = value
        for k in stride(from: 9, through: 0, by: -1) {
            let digit = UInt8(v % 36)
            bytes[k] = digit < 10 ? digit + 0x30 : digit - 10 + 0x41
            v /= 36
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// An open-addressing hash set of packed IDs with an optional 32-bit value per key
/// (linear probing, Fibonacci hashing, load factor at most 1/2).
struct PersonalIDTable: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [UInt32]
    private(set) var count = 0
    private var shift: UInt64
    private let storesValues: Bool

    /// A table for about `expected` keys.
    init(expected: Int, storesValues: Bool) {
        var capacity = 16
        while capacity < expected * 2 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = storesValues ? [UInt32](repeating: 0, count: capacity) : []
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        self.storesValues = storesValues
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot holding `key`, or nil.
    @inline(__always)
    func slot(of key: UInt64) -> Int? {
        keys.withUnsafeBufferPointer { k in
            let mask = k.count - 1
            var i = home(key)
            while true {
                let present = k[i]
                if present == key { return i }
                if present == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether `key` is in the table.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool { slot(of: key) != nil }

    /// The value stored with `key`, if present.
    func value(for key: UInt64) -> UInt32? { slot(of: key).map { values[$0] } }

    /// Inserts `key` with `value` unless present. Returns the value already stored (or 0
    /// without values) when the key was present, nil when it was inserted.
    @discardableResult
    mutating func insert(_ key: UInt64, value: UInt32 = 0) -> UInt32? {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = home(key)
        while true {
            let present = keys[i]
            if present == key { return storesValues ? values[i] : 0 }
            if present == 0 { break }
            i = (i + 1) & mask
        }
        keys[i] = key
        if storesValues { values[i] = value }
        count += 1
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let capacity = keys.count * 2
        keys = [UInt64](repeating: 0, count: capacity)
        if storesValues { values = [UInt32](repeating: 0, count: capacity) }
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        count = 0
        for (index, key) in oldKeys.enumerated() where key != 0 {
            insert(key, value: storesValues ? oldValues[index] : 0)
        }
    }
}

/// The set of personal IDs that are in-force insured persons of one unit (在保保險對象):
/// the roster a batch registration file is checked against.
///
/// Build it from IDs (``init(_:)``) or from a roster file (``InForceRoster/loadIDs(from:encoding:)``).
/// Lookups work on packed IDs, so a million-person roster costs 16 MiB.
public struct InForceIDSet: Sendable {
    var table: PersonalIDTable

    /// A set of the given IDs.
    public init(_ ids: some Sequence<PersonalID>) {
        table = PersonalIDTable(expected: ids.underestimatedCount, storesValues: false)
        for id in ids { table.insert(PackedID.pack(id)) }
    }

    init(table: PersonalIDTable) {
        self.table = table
    }

    /// Whether `id` is an in-force insured person of the unit.
    public func contains(_ id: PersonalID) -> Bool { table.contains(PackedID.pack(id)) }

    /// The number of distinct IDs.
    public var count: Int { table.count }
}
