import Foundation
import Testing
import NHICards
import NHICore
import NHIFormats
import NHIGrades
import NHILogin
@testable import NHIService

/// Issue 16: every module's error is a `LocalizedError` with the bilingual message and the
/// code, and a `do` block mixing modules reads the code through `any CodedError`.
@Suite("Errors behave in Swift")
struct ErrorBehaviourTests {
    static let samples: [any CodedError] = [
        ValidationError(.nationalIDChecksum),
        GradeError(.tableUnreadable),
        FormatError(.fileOpen, detail: "找不到檔案", detailEn: "no such file"),
        CardError(.noReaders),
        LoginError(.passwordFormat),
        ServiceError(.storeUnavailable),
    ]

    @Test("localizedDescription is the bilingual message with its code, for every module's error")
    func localizedDescription() {
        for error in Self.samples {
            let text = (error as any Error).localizedDescription
            #expect(!text.contains("The operation could not be completed"), "\(text)")
            #expect(text.contains(error.errorCode), "\(text)")
            #expect(text.contains(error.messageEn) || error.messageEn.isEmpty, "\(text)")
            #expect(error.errorDescription == text)
        }
    }

    @Test("A do block mixing modules reads errorCode through the common protocol")
    func mixedModules() {
        func run(_ step: Int) throws {
            switch step {
            case 0: _ = try NationalID(parsing: "A123456788")
            case 1: throw GradeError(.tableUnreadable)
            default: throw ServiceError(.storeUnavailable)
            }
        }
        var codes: [String] = []
        for step in 0..<3 {
            do { try run(step) } catch let error as any CodedError { codes.append(error.errorCode) } catch {
                Issue.record("not coded: \(error)")
            }
        }
        #expect(codes == ["nationalID.checksum", "table.unreadable", "store.unavailable"])
    }
}
