import NHICards
import NHICore
import Testing

@Suite("CardError")
struct CardErrorTests {
    @Test("Catalog codes are unique and dotted, each with advice in both languages")
    func catalog() {
        let codes = CardError.catalog.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        for entry in CardError.catalog {
            #expect(entry.code.rawValue.split(separator: ".").count == 2, "\(entry.code)")
            #expect(entry.zh.contains("："), "\(entry.code) has advice")
            #expect(entry.en.contains(": "), "\(entry.code) has advice")
        }
    }

    @Test("The seeds' numbers: 9056 absent, 9057 unknown, 66501 validity")
    func userCodes() {
        #expect(CardError(.cardAbsent).userCode == 9056)
        #expect(CardError(.cardUnknown).userCode == 9057)
        #expect(CardError(.certificateExpired).userCode == 66501)
        #expect(CardError(.certificateNotYetValid).userCode == 66501)
        #expect(CardError(.serviceUnavailable).userCode == 61006)
    }

    @Test("A message carries reader, tries left, advice and the foreign codes")
    func message() {
        let error = CardError(.pinIncorrect, reader: "Virtual PCD 00 00", statusWord: StatusWord(0x63C2), remainingTries: 2)
        #expect(error.message.contains("Virtual PCD 00 00"))
        #expect(error.message.contains("剩餘 2 次"))
        #expect(error.message.contains("9039"))
        #expect(error.message.contains("SW 63C2"))
        #expect(error.messageEn.contains("2 tries left"))
        #expect(error.messageEn.contains("What to do:"))
        let pcsc = CardError(.serviceUnavailable, pcsc: .noService)
        #expect(pcsc.messageEn.contains("SCARD_E_NO_SERVICE (0x8010001D)"))
        #expect(pcsc == CardError(.serviceUnavailable), "equality compares codes")
    }

    @Test("PC/SC statuses have names")
    func pcscNames() {
        #expect(PCSCStatus.removedCard.name == "SCARD_W_REMOVED_CARD")
        #expect(PCSCStatus(returned: -2_146_435_043).name == "SCARD_E_NO_SERVICE")
        #expect(PCSCStatus(rawValue: 0x1234).name == nil)
    }
}
