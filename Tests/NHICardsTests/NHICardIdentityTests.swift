import Foundation
import NHICards
import NHICore
import Testing

/// One record of `Vectors/nhi-records.json` (made by Python's own cp950 codec).
struct NHIRecordVector: Decodable, CustomTestStringConvertible, Sendable {
    let label: String
    let record: String
    let cardNumber: String
    let name: String
    let id: String
    let birthDate: String
    let birthDateROC: String
    let sex: String
    let issueDate: String
    let nameTruncated: Bool
    let nameReplacedCharacters: Int

    var testDescription: String { label }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var index = record.startIndex
        while index < record.endIndex {
            let next = record.index(index, offsetBy: 2)
            out.append(UInt8(record[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    static let all: [NHIRecordVector] = {
        let url = Bundle.module.url(forResource: "nhi-records", withExtension: "json", subdirectory: "Vectors")!
        return try! JSONDecoder().decode([NHIRecordVector].self, from: Data(contentsOf: url))
    }()
}

@Suite("NHI-card profile records (SPEC §12)")
struct NHICardIdentityTests {
    @Test("Every vector decodes to the expected fields", arguments: NHIRecordVector.all)
    func decodes(_ vector: NHIRecordVector) throws {
        let identity = try NHICardIdentity(record: vector.bytes)
        #expect(identity.cardNumber.rawValue == vector.cardNumber)
        #expect(identity.name.value == vector.name)
        #expect(identity.id.rawValue == vector.id)
        #expect(identity.birthDate.gregorian.iso == vector.birthDate)
        #expect(identity.birthDate.formatted(.compact) == vector.birthDateROC)
        #expect(identity.sex.rawValue == vector.sex)
        #expect(identity.issueDate.gregorian.iso == vector.issueDate)
        #expect(identity.nameTruncated == vector.nameTruncated)
        #expect(identity.nameReplacedCharacters == vector.nameReplacedCharacters)
    }

    @Test("Names of 2 to 10 characters are all covered, ROC years below and above 100")
    func coverage() {
        let lengths = Set(NHIRecordVector.all.filter { !$0.nameTruncated && $0.nameReplacedCharacters == 0 }.map(\.name.count))
        #expect(Set(2...10).isSubset(of: lengths))
        let years = NHIRecordVector.all.map { Int($0.birthDateROC.prefix(3))! }
        #expect(years.contains { $0 < 100 } && years.contains { $0 >= 100 })
    }

    @Test("Encoding a profile gives back the same record the vectors hold")
    func encodes() throws {
        for vector in NHIRecordVector.all where !vector.nameTruncated && vector.nameReplacedCharacters == 0 && !vector.label.contains("padd") {
            let identity = try NHICardIdentity(record: vector.bytes)
            #expect(identity.record == vector.bytes, "\(vector.label)")
        }
    }

    static func record(_ patch: (inout [UInt8]) -> Void) throws -> [UInt8] {
        var bytes = NHIRecordVector.all[0].bytes
        patch(&bytes)
        return bytes
    }

    @Test("Malformed records name the field that does not decode")
    func malformed() throws {
        let cases: [(String, [UInt8])] = [
            ("56 bytes", Array(NHIRecordVector.all[0].bytes.dropLast())),
            ("cardNumber", try Self.record { $0[0] = 0x41 }),
            ("id", try Self.record { $0[41] = 0x30 }),  // checksum broken
            ("birthDate", try Self.record { $0.replaceSubrange(42..<49, with: Array("1120229".utf8)) }),
            ("sex", try Self.record { $0[49] = 0x58 }),
            ("issueDate", try Self.record { $0.replaceSubrange(50..<57, with: Array("11013AB".utf8)) }),
            ("name", try Self.record { $0.replaceSubrange(12..<32, with: [UInt8](repeating: 0, count: 20)) }),
        ]
        for (field, bytes) in cases {
            do {
                _ = try NHICardIdentity(record: bytes)
                Issue.record("\(field): accepted a malformed record")
            } catch {
                #expect(error.code == .nhiProfileMalformed)
                #expect(error.detail?.contains(field) == true, "\(field): \(error.detail ?? "")")
                #expect(error.userCode == 9057)
            }
        }
    }
}
