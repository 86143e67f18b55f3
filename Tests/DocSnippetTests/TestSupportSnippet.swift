// Source: Sources/NHITestSupport/NHITestSupport.docc/TestingWithVirtualCards.md, snippet 1 —
// copied verbatim; a real card test (needs pcscd and vpcd, like NHICardsTests).
import NHICards
import NHITestSupport
import Testing

@Suite(.serialized)
struct KioskCardTests {
    @Test func readsTheInsertedCard() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try VirtualNHICard(identity: VirtualCardProfile
                .nhi(name: "陳大文", id: "A123456789", birthDate: "0850504").nhiIdentity())
            try await first.insert(card)                       // returns once pcscd sees it
            let read = try await NHICardReader(PCSCContext()).readIdentity(reader: first.reader.name)
            #expect(read.name.value == "陳大文")

            card.setFaults(VirtualCardFaults(pullOnInstruction: 0xCA))   // pulled during the READ
            await #expect(throws: CardError(.cardRemoved)) {
                try await NHICardReader(PCSCContext()).readIdentity(reader: first.reader.name)
            }
        }
    }
}
