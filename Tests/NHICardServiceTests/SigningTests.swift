import Foundation
import NHICardService
import NHICards
import NHICore
import NHILogin
import NHITestSupport
import Synchronization
import Testing

/// `GET /certificates` and `POST /sign` against real pcscd, vpcd and the emulator's
/// certificate card, over the real HTTP server. The PIN comes from a scripted prompt (the
/// person at the counter); the card verifies it, counts the tries and signs.
@Suite("Card service: certificates and signing with the PIN typed at this PC", .serialized)
struct SigningTests {
    static let allowed = CardServiceTests.allowed

    static func certificateCard(triesLeft: Int? = nil) throws -> VirtualCertificateCard {
        try CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", triesLeft: triesLeft, holder: "王小明",
                                   authority: "citizen", idLastFour: "6789").makeCard()
    }

    static func body(reader: String, challenge: [UInt8], serialNumber: String? = nil) throws -> [UInt8] {
        Array(try JSONEncoder().encode(SignRequest(reader: reader, challenge: Data(challenge).base64EncodedString(), serialNumber: serialNumber)))
    }

    @Test("GET /certificates lists the card's certificates; POST /sign asks the PIN at this PC, signs, and the signature verifies with the certificate")
    func signs() async throws {
        let prompt = ScriptedPrompt([.pin("123456")])
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            try await Harness.with(prompt: prompt) { service in
                let card = try Self.certificateCard()
                try await first.insert(card)
                try await second.insert(CardServiceTests.nhiCard())
                _ = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .certificateCard }

                let listed = try await service.get("/certificates", headers: [("Origin", Self.allowed)])
                #expect(listed.status == 200 && listed.headers["access-control-allow-origin"] == Self.allowed)
                let report = try JSONDecoder().decode(CertificatesReport.self, from: Data(listed.bytes))
                #expect(report.cards.map(\.reader) == [first.reader.name], "only certificate cards, not the NHI card")
                let entries = try #require(report.cards.first?.certificates)
                #expect(entries.map(\.slot) == ["user2", "issuingCA", "rootCA"])
                let signing = try #require(entries.first { $0.signing })
                #expect(signing.slot == "user2" && signing.kind == "citizen" && signing.idLastFour == "6789")
                #expect(signing.subject.contains("王小明"))

                let stream = try await service.events()
                _ = try await stream.next()
                let challenge = Array("login challenge 2026-12-07 #1".utf8)
                let signed = try await service.send(.POST, "/sign", headers: [("Origin", Self.allowed), ("Content-Type", "application/json")],
                                                    body: Self.body(reader: first.reader.name, challenge: challenge))
                #expect(signed.status == 200, "\(signed.text)")
                let result = try JSONDecoder().decode(SignResult.self, from: Data(signed.bytes))
                #expect(result.algorithm == "RSASSA-PKCS1-v1_5-SHA256" && result.serialNumber == signing.serialNumber)
                let certificate = try CardCertificate(der: Array(try #require(Data(base64Encoded: result.certificate))))
                let signature = Array(try #require(Data(base64Encoded: result.signature)))
                #expect(CertificateChallengeIssuer.verify(signature, over: challenge, with: certificate))
                #expect(!CertificateChallengeIssuer.verify(signature, over: Array("another".utf8), with: certificate))

                // The person at the counter saw who asked and the challenge's fingerprint.
                let asked = try #require(prompt.requests.first)
                #expect(asked.origin == Self.allowed && asked.holderName == "王小明" && asked.remainingTries == 3)
                #expect(asked.challengeFingerprint == CardSigner.fingerprint(Data(challenge)))
                #expect(asked.text.contains(Self.allowed) && asked.text.contains(asked.challengeFingerprint))
                // The card was reset afterwards: it no longer holds the verified PIN …
                let token = CardPINToken(card: try await PCSCContext().connection(to: first.reader.name))
                #expect(try await token.pinStatus().remainingTries == 3)
                // … and the reset was not taken for a new card (no second read, no event).
                try await Task.sleep(for: .milliseconds(300))
                #expect(stream.pending.allSatisfy { $0.name != "cardInserted" && $0.name != "cardRemoved" })
                // No holder, PIN or challenge in the logs.
                let logged = service.logs.lines.joined(separator: "\n")
                #expect(logged.contains("signed") && !logged.contains("王小明") && !logged.contains("123456"))
                stream.cancel()
            }
        }
    }

    @Test("A wrong PIN answers 9039 with the tries left; the last wrong one locks (9043); a locked card is never asked for a PIN")
    func wrongPIN() async throws {
        let prompt = ScriptedPrompt([.pin("000000"), .pin("111111")])
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await Harness.with(prompt: prompt) { service in
                let card = try Self.certificateCard(triesLeft: 2)
                try await first.insert(card)
                _ = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .certificateCard }
                let body = try Self.body(reader: first.reader.name, challenge: [1, 2, 3])

                let wrong = try await service.send(.POST, "/sign", body: body)
                #expect(wrong.status == 422)
                #expect(wrong.json["code"] as? String == "pin.incorrect" && wrong.json["userCode"] as? Int == 9039)
                #expect(wrong.json["remainingTries"] as? Int == 1)
                #expect(prompt.requests.last?.remainingTries == 2)

                let locking = try await service.send(.POST, "/sign", body: body)
                #expect(locking.status == 423 && locking.json["code"] as? String == "pin.locked" && locking.json["userCode"] as? Int == 9043)
                #expect(prompt.requests.last?.remainingTries == 1)
                #expect(card.remainingTries == 0)

                let pinsBefore = card.pinsReceived
                let locked = try await service.send(.POST, "/sign", body: body)
                #expect(locked.status == 423 && locked.json["userCode"] as? Int == 9043)
                #expect(prompt.requests.count == 2, "a locked card: nobody is asked")
                #expect(card.pinsReceived == pinsBefore, "and no PIN reaches the card")
            }
        }
    }

    @Test("Refused at this PC (403), nobody answering (408), no card (409/404), a bad body (400), a second request while a prompt is open (409), no prompt at all (403)")
    func refusals() async throws {
        let gate = ScriptedPrompt([.declined, .timedOut, .pin("123456")], holdThird: true)
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            try await Harness.with(prompt: gate) { service in
                try await first.insert(Self.certificateCard())
                try await second.insert(CardServiceTests.nhiCard())
                _ = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .certificateCard }
                let body = try Self.body(reader: first.reader.name, challenge: [9, 9, 9])

                let declined = try await service.send(.POST, "/sign", body: body)
                #expect(declined.status == 403 && declined.json["code"] as? String == "cardService.signDeclined")
                let timedOut = try await service.send(.POST, "/sign", body: body)
                #expect(timedOut.status == 408 && timedOut.json["code"] as? String == "cardService.pinTimeout")

                let nhi = try await service.send(.POST, "/sign", body: try Self.body(reader: second.reader.name, challenge: [1]))
                #expect(nhi.status == 409 && nhi.json["code"] as? String == "cardService.notCertificateCard")
                let unknown = try await service.send(.POST, "/sign", body: try Self.body(reader: "No Such Reader", challenge: [1]))
                #expect(unknown.status == 404 && unknown.json["code"] as? String == "cardService.readerUnknown")
                let serial = try await service.send(.POST, "/sign", body: try Self.body(reader: first.reader.name, challenge: [1], serialNumber: "00"))
                #expect(serial.status == 404 && serial.json["code"] as? String == "cardService.certificateUnknown")
                for bad in [Array("not json".utf8), Array(#"{"reader":"x"}"#.utf8),
                            try Self.body(reader: first.reader.name, challenge: []),
                            try Self.body(reader: first.reader.name, challenge: Array(repeating: 7, count: 4097))] {
                    let answer = try await service.send(.POST, "/sign", body: bad)
                    #expect(answer.status == 400 && answer.json["code"] as? String == "cardService.requestInvalid")
                }
                let get = try await service.get("/sign")
                #expect(get.status == 405 && get.headers["allow"] == "POST, OPTIONS")

                // The third prompt stays open: a second request meanwhile is refused at once.
                async let held = service.send(.POST, "/sign", body: body)
                try await service.waitFor { gate.requests.count == 3 }
                let busy = try await service.send(.POST, "/sign", body: body)
                #expect(busy.status == 409 && busy.json["code"] as? String == "cardService.signBusy")
                gate.release()
                #expect(try await held.status == 200)
            }
            try await Harness.with(prompt: nil) { service in
                _ = try await service.waitForReaders { $0.first { $0.name == first.reader.name }?.state == .certificateCard }
                let answer = try await service.send(.POST, "/sign", body: try Self.body(reader: first.reader.name, challenge: [1]))
                #expect(answer.status == 403 && answer.json["code"] as? String == "cardService.signingUnavailable")
            }
        }
    }
}

/// The person at the counter, scripted: answers in order, and can hold the third prompt
/// open until released.
final class ScriptedPrompt: PINPrompt {
    enum Answer: Sendable {
        case pin(String), declined, timedOut
    }

    private let state: Mutex<(answers: [Answer], requests: [PINRequest], released: Bool)>
    private let holdThird: Bool

    init(_ answers: [Answer], holdThird: Bool = false) {
        state = Mutex((answers, [], false))
        self.holdThird = holdThird
    }

    var requests: [PINRequest] { state.withLock { $0.requests } }
    func release() { state.withLock { $0.released = true } }

    func pin(for request: PINRequest) async -> PINAnswer {
        let (answer, count) = state.withLock { state -> (Answer?, Int) in
            state.requests.append(request)
            return (state.answers.isEmpty ? nil : state.answers.removeFirst(), state.requests.count)
        }
        if holdThird && count == 3 {
            while !state.withLock({ $0.released }) { try? await Task.sleep(for: .milliseconds(20)) }
        }
        switch answer {
        case .pin(let value)?: return (try? PIN(value)).map { .pin($0) } ?? .declined
        case .declined?, nil: return .declined
        case .timedOut?: return .timedOut
        }
    }
}
