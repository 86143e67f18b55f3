import CPCSCLite

/// pcsc-lite constants that are plain numbers in `<PCSC/pcsclite.h>`, typed for the calls
/// that take them (`DWORD` is `unsigned long` on Linux).
enum SCard {
    static let scopeSystem: DWORD = 0x0002
    static let shareExclusive: DWORD = 0x0001
    static let shareShared: DWORD = 0x0002
    static let protocolT0: DWORD = 0x0001
    static let protocolT1: DWORD = 0x0002
    static let leaveCard: DWORD = 0x0000
    static let resetCard: DWORD = 0x0001
    static let unpowerCard: DWORD = 0x0002
    static let infinite: DWORD = 0xFFFF_FFFF

    static let stateUnaware: DWORD = 0x0000
    static let stateIgnore: DWORD = 0x0001
    static let stateChanged: DWORD = 0x0002
    static let stateUnknown: DWORD = 0x0004
    static let stateUnavailable: DWORD = 0x0008
    static let stateEmpty: DWORD = 0x0010
    static let statePresent: DWORD = 0x0020
    static let stateExclusive: DWORD = 0x0080
    static let stateInUse: DWORD = 0x0100
    static let stateMute: DWORD = 0x0200
    static let stateUnpowered: DWORD = 0x0400

    /// `SCardStatus` card states (not the `SCARD_STATE_*` reader-state flags).
    static let cardAbsent: DWORD = 0x0002
    static let cardPresent: DWORD = 0x0004

    static let maxATRSize = 33
    /// The pseudo-reader whose state changes when a reader is attached or detached.
    static let plugAndPlayReader = "\\\\?PnP?\\Notification"
}

/// The status of a pcsc-lite call.
@inline(__always) func status(_ rv: LONG) -> PCSCStatus { PCSCStatus(returned: Int(rv)) }

/// Reads the reader names from a multi-string (`name\0name\0\0`).
func readerNames(from buffer: [CChar]) -> [String] {
    var names: [String] = []
    var start = 0
    for (index, char) in buffer.enumerated() where char == 0 {
        if index == start { break }
        names.append(String(decoding: buffer[start..<index].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        start = index + 1
    }
    return names
}

/// Lists the readers of a context; an empty list when there are none.
func listReaders(_ context: SCARDCONTEXT) -> (names: [String], status: PCSCStatus) {
    var length: DWORD = 0
    var rv = status(nhi_SCardListReaders(context, nil, nil, &length))
    if rv == .noReadersAvailable { return ([], .success) }
    guard rv == .success else { return ([], rv) }
    var buffer = [CChar](repeating: 0, count: Int(length) + 1)
    rv = status(nhi_SCardListReaders(context, nil, &buffer, &length))
    if rv == .noReadersAvailable { return ([], .success) }
    guard rv == .success else { return ([], rv) }
    return (readerNames(from: buffer), .success)
}

/// Copies the ATR out of a reader state.
func atrBytes(of state: SCARD_READERSTATE) -> [UInt8] {
    var copy = state
    let count = min(Int(copy.cbAtr), SCard.maxATRSize)
    return withUnsafeBytes(of: &copy.rgbAtr) { Array($0.prefix(count)) }
}

/// Interprets an event state as a slot.
func slot(of state: SCARD_READERSTATE) -> ReaderStatus.Slot {
    let flags = state.dwEventState
    if flags & SCard.stateMute != 0 { return .mute }
    if flags & SCard.statePresent != 0 {
        let atr = atrBytes(of: state)
        return atr.isEmpty ? .mute : .card(ATR(atr))
    }
    return .empty
}
