/// A command APDU (ISO/IEC 7816-3 §12.1): class, instruction, two parameters, optional
/// data and the expected response length.
///
/// ```swift
/// let read = CommandAPDU(cla: 0x00, ins: 0xCA, p1: 0x11, p2: 0x00, data: [0x00, 0x00])
/// ```
public struct CommandAPDU: Hashable, Sendable, CustomStringConvertible {
    /// The class byte (`0x00` for ISO commands, `0x80` for HiCOS proprietary reads).
    public var cla: UInt8
    /// The instruction byte (`0xA4` SELECT, `0xB0` READ BINARY, `0x20` VERIFY, …).
    public var ins: UInt8
    /// Parameter 1.
    public var p1: UInt8
    /// Parameter 2.
    public var p2: UInt8
    /// The command data (sent as Lc + data when not empty).
    public var data: [UInt8]
    /// The expected response length: `nil` for none, 1…256 for short Le (256 is sent as `00`),
    /// up to 65536 for extended Le.
    public var le: Int?

    /// Creates a command.
    public init(cla: UInt8, ins: UInt8, p1: UInt8, p2: UInt8, data: [UInt8] = [], le: Int? = nil) {
        self.cla = cla
        self.ins = ins
        self.p1 = p1
        self.p2 = p2
        self.data = data
        self.le = le
    }

    /// Parses the bytes of a command (short or extended form). Returns `nil` for bytes that
    /// are not a well-formed APDU.
    public init?(bytes: [UInt8]) {
        guard bytes.count >= 4 else { return nil }
        self.init(cla: bytes[0], ins: bytes[1], p1: bytes[2], p2: bytes[3])
        let body = bytes[4...]
        switch body.count {
        case 0:
            return
        case 1:
            le = body.first! == 0 ? 256 : Int(body.first!)
            return
        default:
            break
        }
        let b0 = Int(body[body.startIndex])
        if b0 != 0 {
            // Short form: Lc data [Le].
            guard body.count == 1 + b0 || body.count == 2 + b0 else { return nil }
            data = Array(body.dropFirst().prefix(b0))
            if body.count == 2 + b0 { le = body.last! == 0 ? 256 : Int(body.last!) }
            return
        }
        // Extended form: 00 Lc1 Lc2 data [Le1 Le2], or 00 Le1 Le2.
        guard body.count >= 3 else { return nil }
        let n = Int(body[body.startIndex + 1]) << 8 | Int(body[body.startIndex + 2])
        if body.count == 3 { le = n == 0 ? 65536 : n; return }
        guard n > 0, body.count == 3 + n || body.count == 5 + n else { return nil }
        data = Array(body.dropFirst(3).prefix(n))
        if body.count == 5 + n {
            let l = Int(body[body.endIndex - 2]) << 8 | Int(body[body.endIndex - 1])
            le = l == 0 ? 65536 : l
        }
    }

    /// The bytes sent to the card: short form when data ≤ 255 bytes and Le ≤ 256, otherwise
    /// extended form.
    public var bytes: [UInt8] {
        var out: [UInt8] = [cla, ins, p1, p2]
        let extended = data.count > 255 || (le ?? 0) > 256
        if extended {
            out.append(0)
            if !data.isEmpty {
                out += [UInt8(data.count >> 8), UInt8(data.count & 0xFF)]
                out += data
            }
            if let le { out += [UInt8((le >> 8) & 0xFF), UInt8(le & 0xFF)] }
        } else {
            if !data.isEmpty {
                out.append(UInt8(data.count))
                out += data
            }
            if let le { out.append(UInt8(le & 0xFF)) }
        }
        return out
    }

    /// The same command asking for exactly `le` bytes (after a `6Cxx`).
    public func with(le newLe: Int) -> CommandAPDU {
        var copy = self
        copy.le = newLe
        return copy
    }

    /// `00 A4 04 00 10 D1 58 …`.
    public var description: String { hexString(bytes) }
}

extension CommandAPDU {
    /// SELECT by DF name / AID (`00 A4 04 00 Lc AID`), optionally with an Le.
    public static func select(aid: [UInt8], le: Int? = nil) -> CommandAPDU {
        CommandAPDU(cla: 0x00, ins: 0xA4, p1: 0x04, p2: 0x00, data: aid, le: le)
    }

    /// SELECT a file by its 2-byte identifier (`<cla> A4 00 00 02 FID`).
    public static func select(fileID: UInt16, cla: UInt8 = 0x00) -> CommandAPDU {
        CommandAPDU(cla: cla, ins: 0xA4, p1: 0x00, p2: 0x00, data: [UInt8(fileID >> 8), UInt8(fileID & 0xFF)])
    }

    /// READ BINARY at `offset` (`<cla> B0 P1P2 Le`), up to 256 bytes.
    public static func readBinary(offset: Int, length: Int, cla: UInt8 = 0x00) -> CommandAPDU {
        CommandAPDU(cla: cla, ins: 0xB0, p1: UInt8((offset >> 8) & 0x7F), p2: UInt8(offset & 0xFF), le: length)
    }

    /// GET RESPONSE (`00 C0 00 00 Le`), sent after a `61xx`.
    public static func getResponse(length: Int) -> CommandAPDU {
        CommandAPDU(cla: 0x00, ins: 0xC0, p1: 0x00, p2: 0x00, le: length)
    }

    /// VERIFY (`00 20 00 <reference> Lc PIN`); with no PIN it asks for the retry counter.
    public static func verify(reference: UInt8, pin: [UInt8]?) -> CommandAPDU {
        CommandAPDU(cla: 0x00, ins: 0x20, p1: 0x00, p2: reference, data: pin ?? [])
    }
}
