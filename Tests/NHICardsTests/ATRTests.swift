import NHICards
import Testing

@Suite("ATRs and the card table")
struct ATRTests {
    static let nhiATR1 = "3B FA 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 FC"
    static let nhiATR2 = "3B FD 18 00 00 81 31 FE 45 53 4C 4A 35 32 47 78 78 79 79 79 7A 52 AA"

    @Test("Historical bytes of the SPEC's NHI ATRs")
    func historicalBytes() throws {
        #expect(try #require(ATR(hex: Self.nhiATR1)).historicalText == "SLJ52Gxxyy")
        #expect(try #require(ATR(hex: Self.nhiATR2)).historicalText == "SLJ52GxxyyyzR")
        #expect(try #require(ATR(hex: "3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5")).historicalText == "CHTMOICA")
        #expect(ATR([0x3B]).historicalBytes.isEmpty)
        #expect(ATR([0x3B, 0xFA, 0x18]).historicalBytes.isEmpty)  // truncated
    }

    @Test("Both SPEC NHI ATRs are NHI cards", arguments: [nhiATR1, nhiATR2])
    func nhiCards(_ hex: String) throws {
        let atr = try #require(ATR(hex: hex))
        #expect(ATRTable.standard.cardType(of: atr) == .nhiCard)
        #expect(ATRTable.standard.match(atr)?.source.contains("SPEC") == true)
    }

    @Test("Certificate and professional cards are recognised; other cards are unknown")
    func otherCards() throws {
        let table = ATRTable.standard
        #expect(table.cardType(of: try #require(ATR(hex: "3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 A5"))) == .citizenCertificate)
        #expect(table.cardType(of: try #require(ATR(hex: "3B F9 18 00 00 81 31 FE 45 50 56 5F 4A 32 44 30 38 31 B6"))) == .healthcareProfessional)
        // Any ATR whose historical bytes say CHTMOICA, even one not in the list.
        #expect(table.cardType(of: try #require(ATR(hex: "3B B8 13 00 81 31 FA 52 43 48 54 4D 4F 49 43 41 00"))) == .citizenCertificate)
        #expect(table.cardType(of: try #require(ATR(hex: "3B 02 14 50"))) == .unknown)
        #expect(table.match(try #require(ATR(hex: "3B 68 00 FF 00 73 C8 40 00 00 90 00"))) == nil)
    }

    @Test("Own entries come before the defaults")
    func ownEntries() throws {
        let atr = try #require(ATR(hex: "3B 02 14 50"))
        let table = ATRTable(entries: [.init(.exact(atr.bytes), .nhiCard, "a new NHI card generation", source: "test")])
        #expect(table.cardType(of: atr) == .nhiCard)
        #expect(table.entries.count == ATRTable.standard.entries.count + 1)
    }

    @Test("Hex parsing accepts separators and rejects junk")
    func hexParsing() {
        #expect(ATR(hex: "3b:fa:18")?.bytes == [0x3B, 0xFA, 0x18])
        #expect(ATR(hex: "3BFA18")?.description == "3B FA 18")
        #expect(ATR(hex: "3B F") == nil)
        #expect(ATR(hex: "zz") == nil)
    }
}
