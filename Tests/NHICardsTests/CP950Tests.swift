import NHICards
import Testing

@Suite("CP950 (Big5) text")
struct CP950Tests {
    @Test("ETEN extensions decode (strict Big5 rejects them)")
    func eten() {
        #expect(CP950.decode([0xAA, 0x4C, 0xF9, 0xD6]).text == "林碁")
        #expect(CP950.decode([0xAA, 0x4C, 0xF9, 0xD6]).replacedCharacters == 0)
    }

    @Test("Characters that are not CP950 become ＊ and are counted; the rest survives")
    func replacement() {
        // FA 40 is a user-defined character (private use area); 81 40 is not CP950 at all.
        let eudc = CP950.decode([0xB3, 0xAF, 0xFA, 0x40, 0xA6, 0x70])
        #expect(eudc.text == "陳＊如")
        #expect(eudc.replacedCharacters == 1)
        let invalid = CP950.decode([0xB3, 0xAF, 0x81, 0x40])
        #expect(invalid.text == "陳＊")
        #expect(invalid.replacedCharacters == 1)
    }

    @Test("Encoding round-trips and refuses characters CP950 lacks")
    func encoding() throws {
        let bytes = try #require(CP950.encode("王小明碁"))
        #expect(bytes.count == 8)
        #expect(CP950.decode(bytes).text == "王小明碁")
        #expect(CP950.encode("𡘙") == nil)
        #expect(CP950.decode(Array("ABC 123".utf8)).text == "ABC 123")
    }
}
