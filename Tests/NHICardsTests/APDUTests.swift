import NHICards
import Testing

@Suite("APDUs and status words")
struct APDUTests {
    @Test("SPEC §12 commands encode byte for byte")
    func specCommands() {
        #expect(NHICardReader.selectApplication.bytes == [0x00, 0xA4, 0x04, 0x00, 0x10, 0xD1, 0x58, 0x00, 0x00, 0x01, 0x00, 0x00,
                                                           0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00])
        #expect(NHICardReader.readProfile.bytes == [0x00, 0xCA, 0x11, 0x00, 0x02, 0x00, 0x00])
        #expect(CommandAPDU.readBinary(offset: 0, length: 16, cla: 0x80).bytes == [0x80, 0xB0, 0x00, 0x00, 0x10])
        #expect(CommandAPDU.readBinary(offset: 0x1500, length: 200, cla: 0x80).bytes == [0x80, 0xB0, 0x15, 0x00, 0xC8])
        #expect(CommandAPDU.select(fileID: 0x3F00, cla: 0x80).bytes == [0x80, 0xA4, 0x00, 0x00, 0x02, 0x3F, 0x00])
        #expect(CommandAPDU.getResponse(length: 256).bytes == [0x00, 0xC0, 0x00, 0x00, 0x00])
    }

    @Test("Parsing inverts encoding for the four ISO cases, short and extended",
          arguments: [
            CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x00, p2: 0x0C),
            CommandAPDU(cla: 0x80, ins: 0xB0, p1: 0x00, p2: 0x00, le: 16),
            CommandAPDU(cla: 0x00, ins: 0xB0, p1: 0x00, p2: 0x00, le: 256),
            CommandAPDU(cla: 0x00, ins: 0x20, p1: 0x00, p2: 0x81, data: Array("123456".utf8)),
            CommandAPDU(cla: 0x00, ins: 0x2A, p1: 0x9E, p2: 0x9A, data: [1, 2, 3], le: 256),
            CommandAPDU(cla: 0x00, ins: 0x2A, p1: 0x9E, p2: 0x9A, data: [UInt8](repeating: 7, count: 300), le: 512),
            CommandAPDU(cla: 0x00, ins: 0xB0, p1: 0x00, p2: 0x00, le: 1000),
          ])
    func roundTrip(_ command: CommandAPDU) throws {
        let parsed = try #require(CommandAPDU(bytes: command.bytes))
        #expect(parsed == command)
    }

    @Test("Malformed command bytes do not parse")
    func malformed() {
        #expect(CommandAPDU(bytes: [0x00, 0xA4, 0x04]) == nil)
        #expect(CommandAPDU(bytes: [0x00, 0xA4, 0x04, 0x00, 0x05, 0x01]) == nil)  // Lc 5, one byte of data
    }

    @Test("A response shorter than two bytes is no response")
    func shortResponse() throws {
        #expect(ResponseAPDU(bytes: []) == nil)
        #expect(ResponseAPDU(bytes: [0x90]) == nil)
        let response = try #require(ResponseAPDU(bytes: [0x01, 0x02, 0x90, 0x00]))
        #expect(response.data == [0x01, 0x02])
        #expect(response.status.isSuccess)
    }

    @Test("Status words decode their meaning")
    func statusWords() {
        #expect(StatusWord(0x61, 0x10).bytesRemaining == 16)
        #expect(StatusWord(0x61, 0x00).bytesRemaining == 256)
        #expect(StatusWord(0x6C, 0x20).correctLength == 32)
        #expect(StatusWord(0x63, 0xC2).retriesLeft == 2)
        #expect(StatusWord(0x63, 0x00).retriesLeft == nil)
        #expect(StatusWord.instructionNotSupported.description == "6D00")
        #expect(StatusWord(0x6A82).meaning == "file or application not found")
        #expect(StatusWord(0x9000) == .success)
    }
}
