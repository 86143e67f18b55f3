import Testing
import NHICore
@testable import NHIFormats

/// The byte-level fast path must accept only what the NHICore parsers accept unchanged.
@Suite("Byte fast path")
struct FastPathTests {
    static func fast(_ text: String, _ check: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { check($0) }
    }

    @Test("The national-ID checksum derived from NHICore agrees with NHICore on every letter and 20,000 random IDs")
    func nationalID() {
        var generator = SystemRandomNumberGenerator()
        for letter in UInt8(0x41)...UInt8(0x5A) {
            for _ in 0..<800 {
                var bytes = [letter, UInt8.random(in: 0x31...0x32, using: &generator)]
                for _ in 0..<8 { bytes.append(UInt8.random(in: 0x30...0x39, using: &generator)) }
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(Self.fast(text, BatchFastPath.nationalID) == ((try? NationalID(parsing: text)) != nil), "\(text)")
            }
        }
        for text in ["A123456789", "F131104093", "O158238845", "W123456789", "Z123456780"] { #expect(Self.fast(text, BatchFastPath.nationalID)) }
        for text in ["A123456788", "a123456789", "A823456789", "A12345678", "A1234567890", "AC03095424"] { #expect(!Self.fast(text, BatchFastPath.nationalID)) }
    }

    @Test("Packed IDs are unique and reversible")
    func packing() throws {
        for text in ["A123456789", "Z123456780", "A800000014", "AC03095424", "BD01300667", "A900207177"] {
            let id = try PersonalID(parsing: text)
            #expect(PackedID.unpack(PackedID.pack(id)) == text)
        }
        #expect(Self.fast("A123456789") { PackedID.packNational($0) == PackedID.pack(try! PersonalID(parsing: "A123456789")) })
    }

    @Test("E-mail: accepted bytes always parse to the same address", arguments: [
        "a@example.com.tw", "first.last+tag@sub.example.org", "x_y-z@a-b.co", "Z987654321@eg.com.tw", "u@x.io",
    ])
    func emailAccepted(_ text: String) throws {
        #expect(Self.fast(text, BatchFastPath.email))
        #expect(try EmailAddress(parsing: text).rawValue == text)
    }

    @Test("E-mail: anything needing a change or a warning goes to the reference path", arguments: [
        "a@EXAMPLE.com", " a@b.tw", "=a@b.tw", "+a@b.tw", "-a@b.tw", ".a@b.tw", "a.@b.tw", "a..b@c.tw", "a@b", "a@-b.tw",
        "a@b-.tw", "a@b.t", "a@b.t1", "a@@b.tw", "@b.tw", "a@b..tw", "碁@b.tw", "a@b.tw ",
    ])
    func emailRejected(_ text: String) {
        #expect(!Self.fast(text, BatchFastPath.email))
    }

    @Test("Landline: accepted bytes are exactly LandlineNumber's canonical form", arguments: [
        "02-27065866", "03-1234567#123", "04-22345678", "04-2234567", "049-2345678", "037-123456", "0826-12345", "0836-12345#1", "089-123456",
    ])
    func landlineAccepted(_ text: String) throws {
        #expect(Self.fast(text, BatchFastPath.landline))
        #expect(try LandlineNumber(parsing: text).rawValue == text)
    }

    @Test("Landline: other forms go to the reference path", arguments: [
        "0227065866", "(02)27065866", "02-2706-5866", "02-07065866", "002-27065866", "09-12345678", "02-1234567", "02-27065866#",
        "02-27065866#1234567", "02-27065866 #1", "02-27065866x1",
    ])
    func landlineRejected(_ text: String) {
        #expect(!Self.fast(text, BatchFastPath.landline))
    }

    @Test("Mobile: only 09 and eight digits")
    func mobile() {
        #expect(Self.fast("0912345678", BatchFastPath.mobile))
        #expect(Self.fast("", BatchFastPath.mobile))
        for text in ["912345678", "0912-345-678", "+886912345678", "0812345678", "09123456789"] { #expect(!Self.fast(text, BatchFastPath.mobile)) }
    }

    @Test("The ID table: roster bits, first rows, growth")
    func table() {
        var table = PersonalIDTable(expected: 2)
        for key in UInt64(1)...1000 { table.insertRosterMember(key * 7919) }
        #expect(table.count == 1000)
        #expect(table.isRosterMember(7919) && !table.isRosterMember(7918))
        #expect(table.see(7919, row: 5) == (true, nil))
        #expect(table.see(7919, row: 9) == (true, 5))
        #expect(table.see(3, row: 6) == (false, nil))
        #expect(table.see(3, row: 7) == (false, 6))
        #expect(table.see(11, row: 300_000_000) == (false, nil))
        #expect(table.see(11, row: 300_000_001) == (false, 300_000_000), "rows beyond 28 bits are kept exactly")
    }
}
