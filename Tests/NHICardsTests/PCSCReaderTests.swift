import Foundation
import NHICards
import NHICore
import NHITestSupport
import Testing

/// Card access through the real stack: pcscd, vsmartcard's vpcd driver and the card
/// emulator of NHITestSupport. These tests fail (they do not skip) when pcscd is not running.
@Suite("Cards through real pcscd and vpcd", .serialized)
struct PCSCReaderTests {
    static func profile(_ name: String, _ id: String, born: String, newCard: Bool = false) -> VirtualCardProfile {
        .nhi(name: name, id: id, birthDate: born, cardNumber: "000098765432", issueDate: "1120301", newCard: newCard)
    }

    static func nhiCard(_ name: String = "陳大文", _ id: String = "A123456789", born: String = "0850504",
                        newCard: Bool = false, faults: VirtualCardFaults = .init()) throws -> VirtualNHICard {
        try VirtualNHICard(identity: profile(name, id, born: born).nhiIdentity(), newCardSelect: newCard, faults: faults)
    }

    @Test("An NHI card is read through pcscd, with either SPEC ATR")
    func readsNHICard() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            for atr in [VirtualNHICard.defaultATR, VirtualNHICard.alternativeATR] {
                let identity = try Self.profile("歐陽娜娜", "F131104093", born: "1050530").nhiIdentity()
                try await first.insert(VirtualNHICard(identity: identity, atr: atr))
                let read = try await NHICardReader(PCSCContext()).readIdentity(reader: first.reader.name)
                #expect(read == identity)
                #expect(read.birthDate.gregorian.iso == "2016-05-30")
                try await first.remove()
            }
        }
    }

    @Test("Cards from late 2025 answer the SELECT with 6D00 and are still read")
    func newCardSelect() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try Self.nhiCard(newCard: true)
            try await first.insert(card)
            let read = try await NHICardReader(PCSCContext()).readIdentity(reader: first.reader.name)
            #expect(read.name.value == "陳大文")
        }
    }

    @Test("Two contexts, one card: a transaction held by one never deadlocks the other (it waits, then reads)")
    func twoContextsOneCard() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await first.insert(Self.nhiCard())
            let holder = PCSCContext(), waiter = PCSCContext()
            let reader = first.reader.name
            // Open the waiter's connection first, so its next calls meet the holder's lock.
            _ = try await NHICardReader(waiter).readIdentity(reader: reader)
            let order = OrderLog()
            let held = Task {
                try await holder.withCard(in: reader) { connection async throws(CardError) -> Void in
                    order.append("holder began")
                    try? await Task.sleep(for: .milliseconds(400))
                    // The holder still needs its thread to talk to the card inside its transaction.
                    _ = try await connection.transmit([NHICardReader.selectApplication])
                    order.append("holder ended")
                }
            }
            while !order.entries.contains("holder began") { try await Task.sleep(for: .milliseconds(5)) }
            let identity = try await NHICardReader(waiter).readIdentity(reader: reader)
            order.append("waiter read")
            try await held.value
            #expect(identity.name.value == "陳大文")
            #expect(order.entries == ["holder began", "holder ended", "waiter read"])
        }
    }

    @Test("Two readers with two cards: each is read, in reader order")
    func twoReaders() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            try await first.insert(Self.nhiCard("王明", "A123456789", born: "0850504"))
            try await second.insert(Self.nhiCard("林小美", "A900207177", born: "1010229"))
            let inspections = try await CardInspector(PCSCContext()).inspectAll()
            #expect(inspections.map(\.reader) == [first.reader.name, second.reader.name])
            let names = inspections.compactMap { inspection -> String? in
                if case .nhi(let identity) = inspection.content { identity.name.value } else { nil }
            }
            #expect(names == ["王明", "林小美"])
            #expect(inspections.allSatisfy { $0.error == nil && $0.cardType == .nhiCard })
        }
    }

    @Test("Between reads the connection stays open and the card stays powered")
    func keepsCardPowered() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try Self.nhiCard()
            try await first.insert(card)
            let context = PCSCContext()
            let reader = NHICardReader(context)
            _ = try await reader.readIdentity(reader: first.reader.name)
            let resetsAfterFirstRead = card.resets
            for _ in 0..<5 { _ = try await reader.readIdentity(reader: first.reader.name) }
            #expect(card.resets == resetsAfterFirstRead, "no power cycle between reads")
            // Disconnecting leaves the card powered too (SCARD_LEAVE_CARD): a new connection needs no reset.
            await context.disconnectAll()
            _ = try await NHICardReader(PCSCContext()).readIdentity(reader: first.reader.name)
            #expect(card.resets == resetsAfterFirstRead)
        }
    }

    @Test("A card pulled between SELECT and READ gives a clear error, and the next insert reads")
    func pulledBetweenSelectAndRead() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try Self.nhiCard()
            try await first.insert(card)
            let context = PCSCContext()
            let name = first.reader.name
            do {
                _ = try await context.withCard(in: name) { (connection) async throws(CardError) -> NHICardIdentity in
                    _ = try await connection.transmit(NHICardReader.selectApplication)
                    first.removeCard()
                    try? await Task.sleep(for: .milliseconds(50))
                    return try await NHICardReader.readIdentity(from: connection)
                }
                Issue.record("the read succeeded without a card")
            } catch let error as CardError {
                #expect([.cardRemoved, .cardAbsent].contains(error.code), "\(error)")
                #expect(error.userCode == 9056)
            }
            try await first.insert(card)
            let again = try await NHICardReader(context).readIdentity(reader: name)
            #expect(again.name.value == "陳大文")
        }
    }

    @Test("A card pulled while it works on a command gives a clear error, and the next insert reads")
    func pulledMidCommand() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try Self.nhiCard(faults: .init(pullOnInstruction: 0xCA))
            try await first.insert(card)
            let context = PCSCContext()
            do {
                _ = try await NHICardReader(context).readIdentity(reader: first.reader.name)
                Issue.record("the read succeeded")
            } catch let error as CardError {
                #expect([.cardRemoved, .cardAbsent, .communication].contains(error.code), "\(error)")
            }
            card.setFaults(.init())
            try await first.insert(card)
            let again = try await NHICardReader(context).readIdentity(reader: first.reader.name)
            #expect(again.id.rawValue == "A123456789")
        }
    }

    @Test("A short response is a failed exchange through pcscd too")
    func shortResponse() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await first.insert(Self.nhiCard(faults: .init(shortResponseOnInstruction: 0xCA)))
            await #expect(throws: CardError(.shortResponse)) {
                try await NHICardReader(PCSCContext()).readIdentity(reader: first.reader.name)
            }
        }
    }

    @Test("An unexpected status word is reported with the word")
    func unexpectedStatus() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await first.insert(Self.nhiCard(faults: .init(statusOverrides: [0xCA: StatusWord(0x6982)])))
            do {
                _ = try await NHICardReader(PCSCContext()).readIdentity(reader: first.reader.name)
                Issue.record("read succeeded")
            } catch let error as CardError {
                #expect(error.code == .unexpectedStatus)
                #expect(error.statusWord == StatusWord(0x6982))
                #expect(error.reader == first.reader.name)
            }
        }
    }

    @Test("An unknown ATR is reported (9057); an unknown ATR on a card that reads as an NHI card is read")
    func unknownATR() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            let unknown = ATR(hex: "3B 02 14 50")!
            try await first.insert(VirtualOpaqueCard(atr: unknown))
            let identity = try Self.profile("黃小琥", "A123456789", born: "0530606").nhiIdentity()
            let futureATR = ATR(hex: "3B 88 80 01 4E 48 49 32 30 32 36 00 07")!
            try await second.insert(VirtualNHICard(identity: identity, atr: futureATR))
            let inspections = try await CardInspector(PCSCContext()).inspectAll()
            #expect(inspections.count == 2)
            #expect(inspections[0].atr == unknown)
            #expect(inspections[0].cardType == .unknown)
            #expect(inspections[0].atrRecognised == false)
            #expect(inspections[0].error?.code == .cardUnknown)
            #expect(inspections[0].error?.userCode == 9057)
            #expect(inspections[1].cardType == .nhiCard)
            #expect(inspections[1].atrRecognised == false)
            #expect(inspections[1].error == nil)
        }
    }

    @Test("A certificate card is read through pcscd: card number, certificates, kind from the issuer")
    func certificateCard() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let profile = CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "王小明",
                                                 authority: "citizen", idLastFour: "6789")
            try await first.insert(profile.makeCard())
            let contents = try await CertificateCardReader(PCSCContext()).readContents(reader: first.reader.name)
            #expect(contents.cardNumber == "TP03000001234567")
            #expect(contents.typedCardNumber?.shape == .twoLettersFourteenDigits)
            #expect(Set(contents.certificates.keys) == [.rootCA, .issuingCA, .user2])
            let certificate = try #require(contents.signingCertificate)
            #expect(certificate.holderName == "王小明")
            #expect(certificate.kind == .citizen)
            #expect(certificate.idLastFour == "6789")
            try certificate.checkValidity(at: Date())
        }
    }

    @Test("Wrong PIN down to lock on the card: 63C2, 63C1, locked; then no PIN is sent any more")
    func pinDownToLock() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "王小明",
                                                  idLastFour: "6789").makeCard()
            try await first.insert(card)
            let token = CardPINToken(card: try await PCSCContext().connection(to: first.reader.name))
            #expect(try await token.pinStatus().remainingTries == 3)
            for expectedLeft in [2, 1] {
                do {
                    try await token.login(pin: PIN("000000"))
                    Issue.record("wrong PIN accepted")
                } catch let error as CardError {
                    #expect(error.code == .pinIncorrect)
                    #expect(error.userCode == 9039)
                    #expect(error.remainingTries == expectedLeft)
                }
            }
            await #expect(throws: CardError(.pinLocked)) { try await token.login(pin: PIN("000000")) }
            #expect(card.pinsReceived == 3)
            // Locked: even the right PIN is not sent.
            do {
                try await token.login(pin: PIN("123456"))
                Issue.record("a locked card accepted a PIN")
            } catch let error as CardError {
                #expect(error.code == .pinLocked)
                #expect(error.userCode == 9043)
            }
            #expect(card.pinsReceived == 3)
            #expect(try await token.pinStatus().locked)
        }
    }

    @Test("Events: current state first, then insertions and removals")
    func events() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try Self.nhiCard()
            try await first.insert(card)
            let recorder = CardEventRecorder()
            defer { recorder.stop() }
            let name = first.reader.name
            try await recorder.waitFor { $0 == .readerAdded(name) }
            try await recorder.waitFor { $0 == .cardInserted(reader: name, atr: card.atr) }
            let before = await recorder.events.count
            first.removeCard()
            try await recorder.waitFor(after: before) { $0 == .cardRemoved(reader: name) }
            first.insertCard(card)
            try await recorder.waitFor(after: before) { $0 == .cardInserted(reader: name, atr: card.atr) }
        }
    }

    @Test("pcscd restarted mid-session: events report it, and the same context reads again")
    func pcscdRestart() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try Self.nhiCard()
            try await first.insert(card)
            let context = PCSCContext()
            _ = try await NHICardReader(context).readIdentity(reader: first.reader.name)
            let recorder = CardEventRecorder()
            defer { recorder.stop() }
            try await recorder.waitFor { $0 == .cardInserted(reader: first.reader.name, atr: card.atr) }

            try PCSCTestEnvironment.restartPCSCD()

            let lost = try await recorder.waitFor { $0 == .serviceUnavailable }
            let back = try await recorder.waitFor(after: lost) { $0 == .serviceAvailable }
            try await recorder.waitFor(after: back, timeout: .seconds(15)) { $0 == .cardInserted(reader: first.reader.name, atr: card.atr) }
            let again = try await NHICardReader(context).readIdentity(reader: first.reader.name)
            #expect(again.name.value == "陳大文")
        }
    }
}

/// Records the order in which concurrent steps happened.
final class OrderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var entries: [String] { lock.withLock { items } }
}
