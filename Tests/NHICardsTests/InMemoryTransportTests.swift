import NHICards
import NHICore
import NHITestSupport
import Testing

/// The layers above PC/SC, over an in-memory card. The same paths through real pcscd are
/// in `PCSCReaderTests`.
@Suite("Transport behaviour over an in-memory card")
struct InMemoryTransportTests {
    static func identity() throws -> NHICardIdentity {
        try NHICardIdentity(cardNumber: NHICardNumber(parsing: "000011112222"), name: PersonName("陳大文"),
                            id: PersonalID(parsing: "A123456789"), birthDate: ROCDate(parsing: "1050530"),
                            sex: .male, issueDate: ROCDate(parsing: "1111227"))
    }

    @Test("An NHI card reads; a 6D00 SELECT (late-2025 cards) is judged by the READ")
    func nhiRead() async throws {
        for newCard in [false, true] {
            let card = try VirtualNHICard(identity: Self.identity(), newCardSelect: newCard)
            let identity = try await NHICardReader.readIdentity(from: InMemoryCardTransport(card))
            #expect(identity == (try Self.identity()))
        }
    }

    @Test("A short response is a failed exchange")
    func shortResponse() async throws {
        let card = try VirtualNHICard(identity: Self.identity(), faults: .init(shortResponseOnInstruction: 0xCA))
        await #expect(throws: CardError(.shortResponse)) {
            try await NHICardReader.readIdentity(from: InMemoryCardTransport(card))
        }
    }

    @Test("An unexpected status word is reported with the word")
    func unexpectedStatus() async throws {
        let card = try VirtualNHICard(identity: Self.identity(), faults: .init(statusOverrides: [0xCA: .fileNotFound]))
        do {
            _ = try await NHICardReader.readIdentity(from: InMemoryCardTransport(card))
            Issue.record("read succeeded")
        } catch {
            #expect(error.code == .unexpectedStatus)
            #expect(error.statusWord == .fileNotFound)
            #expect(error.messageEn.contains("SW 6A82"))
        }
    }

    @Test("61xx is collected with GET RESPONSE; 6Cxx repeats with the right Le")
    func getResponse() async throws {
        let card = VirtualCertificateCard(cardNumber: "TP03000001234567", certificates: [:], key: nil, pin: "123456")
        let transport = InMemoryCardTransport(card)
        _ = try await transport.transmit(.select(fileID: 0x3F00, cla: 0x80))
        _ = try await transport.transmit(.select(fileID: 0x0900, cla: 0x80))
        let fcp = try await transport.transmit(.select(fileID: 0x0903, cla: 0x80))
        #expect(fcp.status.isSuccess)
        #expect(fcp.data.prefix(2) == [0x62, 0x08])
        #expect(try await CertificateCardReader.readCardNumber(from: transport) == "TP03000001234567")
    }

    @Test("A certificate card is not read as an NHI card, and nothing is sent to it")
    func wrongType() async throws {
        let card = VirtualCertificateCard(cardNumber: "TP03000001234567", certificates: [:], key: nil, pin: "123456")
        await #expect(throws: CardError(.cardWrongType)) {
            try await NHICardReader.readIdentity(from: InMemoryCardTransport(card))
        }
        #expect(card.pinsReceived == 0)
    }

    @Test("An unknown card that is not an NHI card is 9057")
    func unknownCard() async throws {
        let card = VirtualOpaqueCard(atr: ATR(hex: "3B 02 14 50")!)
        do {
            _ = try await NHICardReader.readIdentity(from: InMemoryCardTransport(card))
            Issue.record("read succeeded")
        } catch {
            #expect(error.code == .cardUnknown)
            #expect(error.userCode == 9057)
        }
    }
}
