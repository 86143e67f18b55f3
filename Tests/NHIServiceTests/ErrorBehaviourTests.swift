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

/// Issue 16: requests, callers and every module's error round-trip through JSON.
@Suite("Codable requests, callers and errors")
struct ServiceCodableTests {
    static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }

    @Test("EnrolmentRequest, StaffAssignment and Caller round-trip")
    func requests() throws {
        let id = try PersonalID(parsing: "A123456789")
        let request = EnrolmentRequest(personID: id, name: try PersonName("王小明"), birthDate: try CalendarDate(iso: "1990-05-04"),
                                       effectiveDate: try CalendarDate(iso: "2026-10-01"), insuredAmount: 29_500)
        #expect(try Self.roundTrip(request) == request)
        let phones = try ContactPhones(landline: LandlineNumber(parsing: "02-23456789"), mobile: MobileNumber(parsing: "0912345678"))
        let assignment = StaffAssignment(personID: id, name: try PersonName("陳小華"), role: .operator, credential: .citizen,
                                         certificateSerial: "TP03000001234567", phones: phones,
                                         email: try EmailAddress(parsing: "op@example.com.tw"))
        #expect(try Self.roundTrip(assignment) == assignment)
        for caller in [Caller.system, .system(origin: "nhi"), .person(id),
                       Caller(personID: id, unitCode: try UnitCode(parsing: "110001000"), standing: .staff(id: 7, role: .administrator),
                              credential: .citizen)] {
            #expect(try Self.roundTrip(caller) == caller)
        }
    }

    @Test("CardError, LoginError and ServiceError round-trip with their messages; CardError has the CLI's keys")
    func errors() throws {
        let card = CardError(.noReaders, reader: "Virtual PCD 00 00", pcsc: PCSCStatus(rawValue: 0x8010_002E), remainingTries: 2)
        let back = try Self.roundTrip(card)
        #expect(back == card && back.message == card.message && back.userCode == card.userCode)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(card)) as! [String: Any]
        for key in ["code", "userCode", "message", "messageEn", "pcsc", "statusWord"] { #expect(json.keys.contains(key), "\(key)") }
        let login = LoginError(.passwordFormat, remainingAttempts: 2)
        #expect(try Self.roundTrip(login).message == login.message)
        let wrapped = LoginError(card: card)
        #expect(try Self.roundTrip(wrapped).cause == card)
        let service = ServiceError(.storeUnavailable, context: ["path": "/tmp/x"])
        let again = try Self.roundTrip(service)
        #expect(again == service && again.context == service.context && again.messageEn == service.messageEn)
    }
}
