import Foundation
import Testing
import NHICore
import NHIFormats

/// Issue 16: the row callback of `BatchRegistrationChecker.check(_:onRow:)` throws the
/// caller's own errors, which come out unchanged.
@Suite("Caller errors through the batch checker")
struct CallerErrorTests {
    struct DatabaseFull: Error, Equatable { let row: Int }

    static let file = Array("A123456789,a@example.com,0912345678,\nZ987654321,b@example.com,0912345678,\nA123456789,c@example.com,0912345678,\n".utf8)

    @Test("A custom error thrown by onRow stops the check and comes out as itself")
    func customError() throws {
        var seen = 0
        #expect(throws: DatabaseFull(row: 2)) {
            try BatchRegistrationChecker().check(.bytes(Self.file, name: "t.csv")) { outcome in
                seen += 1
                if !outcome.isValid { throw DatabaseFull(row: seen) }
            }
        }
        #expect(seen == 2)
    }

    @Test("A closure that throws nothing, or FormatError, still gets the whole report")
    func plainClosure() throws {
        var rows = 0
        let report = try BatchRegistrationChecker().check(.bytes(Self.file, name: "t.csv")) { _ in rows += 1 }
        #expect(rows == 3 && report.invalid == 2)   // Z987654321 and the duplicate
        let typed = try BatchRegistrationChecker().check(.bytes(Self.file, name: "t.csv")) { (_) throws(FormatError) in }
        #expect(typed.invalid == 2)
    }

    @Test("Format errors are LocalizedErrors")
    func localized() {
        let error: any Error = FormatError(.fileOpen)
        #expect(!error.localizedDescription.contains("could not be completed"))
        #expect(error.localizedDescription.hasSuffix("[file.open]"))
    }
}
