// modules: NHICore
// sources: Sources/NHICards/APDU/CommandAPDU.swift Sources/NHICards/APDU/ResponseAPDU.swift Sources/NHICards/APDU/StatusWord.swift Sources/NHICards/ATR/ATR.swift Sources/NHICards/ATR/ATRTable.swift Sources/NHICards/ATR/CardType.swift Sources/NHICards/Errors/CardError.swift Sources/NHICards/Errors/CardError+Codes.swift Sources/NHICards/PCSC/PCSCStatus.swift Sources/NHICards/PKCS11/PKCS11ReturnValue.swift Sources/NHICards/NHI/NHICardIdentity.swift Sources/NHICards/Text/CP950.swift
// Fuzzes what NHICards parses from a card: NHI-card profile records (57 bytes, CP950
// names), command and response APDUs, ATRs. Invariants checked on every input:
// - nothing crashes or hangs;
// - a record that decodes re-encodes to a record that decodes to an equal profile;
// - a command that parses re-encodes to bytes that parse to the same command;
// - historical bytes lie inside the ATR; decoding CP950 never fails.
import NHICore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    // NHI-card records: the first 57 bytes (or all of a shorter input).
    let record = Array(bytes.prefix(NHICardIdentity.recordLength))
    if let identity = try? NHICardIdentity(record: record) {
        if let encoded = identity.record {
            let again = try? NHICardIdentity(record: encoded)
            precondition(again?.name == identity.name && again?.id == identity.id && again?.birthDate == identity.birthDate
                         && again?.issueDate == identity.issueDate && again?.sex == identity.sex, "record does not round-trip")
        }
    }
    _ = NHICardIdentity.decodeName(bytes[...])

    // Command APDUs.
    if let command = CommandAPDU(bytes: bytes) {
        precondition(CommandAPDU(bytes: command.bytes) == command, "command does not round-trip")
    }
    if let response = ResponseAPDU(bytes: bytes) {
        precondition(response.bytes == bytes)
        _ = response.status.meaning
    }

    // ATRs.
    let atr = ATR(bytes)
    precondition(atr.historicalBytes.count <= max(0, bytes.count - 2))
    _ = ATRTable.standard.cardType(of: atr)

    // CP950.
    let decoded = CP950.decode(bytes)
    precondition(decoded.replacedCharacters <= bytes.count)
    return 0
}
