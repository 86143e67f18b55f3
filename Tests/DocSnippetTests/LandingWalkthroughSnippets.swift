// The walkthroughs of the NHIFormats, NHICards, NHILogin and NHITestSupport landing
// articles, copied verbatim (DocSnippetDriftTests fails when they differ). They need no
// hardware, so they run, and what their comments claim is checked.
import Foundation
import NHICards
import NHICore
import NHIFormats
import NHILogin
import NHITestSupport
import Testing

@Suite("Doc snippets: the landing articles' walkthroughs")
struct LandingWalkthroughSnippets {
    // Source: Sources/NHIFormats/NHIFormats.docc/NHIFormats.md, snippet 1
    @Test func nhiFormatsLanding1() throws {
        let csv = "A123456789,a@example.com,912345678,\r\nA123456780,b@example.com,,\r\n"
        let report = try BatchRegistrationChecker().check(.bytes(Array(csv.utf8), name: "1100010001150101.csv"))
        print(report.rows, report.valid, report.invalid)          // 2 1 1
        for issue in report.errors + report.warnings {
            print(issue.row, issue.code, issue.messageEn)
        }
        #expect(report.rows == 2 && report.valid == 1 && report.invalid == 1)
        #expect(report.errors.map(\.row) == [2])
        #expect(report.warnings.contains { $0.row == 1 })
    }

    // Source: Sources/NHICards/NHICards.docc/NHICards.md, snippet 1
    @Test func nhiCardsLanding1() throws {
        let record = NHICardIdentity.record(cardNumber: "000012345678", nameBytes: CP950.encode("陳大文")!,
                                            id: "A123456789", birthDate: try ROCDate(year: 85, month: 5, day: 4),
                                            sex: .male, issueDate: try ROCDate(year: 113, month: 1, day: 2))
        let card = try NHICardIdentity(record: record)
        print(card.name, card.id.masked, card.birthDate.gregorian.iso)   // 陳大文 A12345**** 1996-05-04
        #expect("\(card.name) \(card.id.masked) \(card.birthDate.gregorian.iso)" == "陳大文 A12345**** 1996-05-04")
    }

    // Source: Sources/NHILogin/NHILogin.docc/NHILogin.md, snippet 1
    @Test func nhiLoginLanding1() throws {
        let code = TOTP(secret: Array("12345678901234567890".utf8)).code(at: Date())   // what the app shows
        var flow = OTPLogin(id: try PersonalID(parsing: "A123456789"), birthDate: try CalendarDate(iso: "1996-05-04"))
        if case .verify(let typed, _, _, _) = flow.handle(.codeEntered(code)) {
            print(typed == code, flow.state)                          // true verifying
        }
        _ = flow.handle(.verified(.incorrect(remainingAttempts: 2)))  // what the verifier answered
        print(flow.state, flow.lastError?.errorCode ?? "")            // waitingForCode otp.incorrect
        #expect(flow.state == .waitingForCode)
        #expect(flow.lastError?.errorCode == "otp.incorrect")
    }

    // Source: Sources/NHITestSupport/NHITestSupport.docc/NHITestSupport.md, snippet 1
    @Test func nhiTestSupportLanding1() async throws {
        let identity = NHICardIdentity(cardNumber: try NHICardNumber(parsing: "000012345678"), name: try PersonName("陳大文"),
                                       id: try PersonalID(parsing: "A123456789"), birthDate: try ROCDate(year: 85, month: 5, day: 4),
                                       sex: .male, issueDate: try ROCDate(year: 113, month: 1, day: 2))
        let card = try VirtualNHICard(identity: identity, newCardSelect: true)
        let read = try await NHICardReader.readIdentity(from: InMemoryCardTransport(card))
        print(read == identity, card.commandsReceived)                // true 2
        #expect(read == identity && card.commandsReceived == 2)
    }
}
