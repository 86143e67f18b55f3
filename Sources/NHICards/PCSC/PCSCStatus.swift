import Foundation
/// A PC/SC return value (`SCARD_S_SUCCESS`, `SCARD_E_*`, `SCARD_W_*`, `SCARD_F_*`), kept
/// beside the user-facing code so that support staff can look it up.
///
/// pcsc-lite defines these as cast macros that Swift does not import; the values here are
/// those of `<PCSC/pcsclite.h>` (pcsc-lite 1.9).
public struct PCSCStatus: Hashable, Sendable, CustomStringConvertible {
    /// The 32-bit value (`0x8010001D`).
    public let rawValue: UInt32

    /// Creates a status from its value.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Creates a status from what a pcsc-lite call returned (a C `long`).
    public init(returned value: Int) { self.rawValue = UInt32(truncatingIfNeeded: value) }

    /// The macro name (`SCARD_E_NO_SERVICE`), or `nil` for a value pcsc-lite does not define.
    public var name: String? { Self.names[rawValue] }

    /// `SCARD_E_NO_SERVICE (0x8010001D)`.
    public var description: String {
        let hexValue = "0x" + hex(UInt8(rawValue >> 24)) + hex(UInt8((rawValue >> 16) & 0xFF)) + hex(UInt8((rawValue >> 8) & 0xFF)) + hex(UInt8(rawValue & 0xFF))
        return name.map { "\($0) (\(hexValue))" } ?? hexValue
    }

    /// `SCARD_S_SUCCESS`.
    public static let success = PCSCStatus(rawValue: 0x0000_0000)
    /// `SCARD_F_INTERNAL_ERROR`.
    public static let internalError = PCSCStatus(rawValue: 0x8010_0001)
    /// `SCARD_E_CANCELLED`.
    public static let cancelled = PCSCStatus(rawValue: 0x8010_0002)
    /// `SCARD_E_INVALID_HANDLE`.
    public static let invalidHandle = PCSCStatus(rawValue: 0x8010_0003)
    /// `SCARD_E_INVALID_PARAMETER`.
    public static let invalidParameter = PCSCStatus(rawValue: 0x8010_0004)
    /// `SCARD_E_NO_MEMORY`.
    public static let noMemory = PCSCStatus(rawValue: 0x8010_0006)
    /// `SCARD_E_INSUFFICIENT_BUFFER`.
    public static let insufficientBuffer = PCSCStatus(rawValue: 0x8010_0008)
    /// `SCARD_E_UNKNOWN_READER`.
    public static let unknownReader = PCSCStatus(rawValue: 0x8010_0009)
    /// `SCARD_E_TIMEOUT`.
    public static let timeout = PCSCStatus(rawValue: 0x8010_000A)
    /// `SCARD_E_SHARING_VIOLATION`.
    public static let sharingViolation = PCSCStatus(rawValue: 0x8010_000B)
    /// `SCARD_E_NO_SMARTCARD`.
    public static let noSmartcard = PCSCStatus(rawValue: 0x8010_000C)
    /// `SCARD_E_PROTO_MISMATCH`.
    public static let protocolMismatch = PCSCStatus(rawValue: 0x8010_000F)
    /// `SCARD_E_NOT_READY`.
    public static let notReady = PCSCStatus(rawValue: 0x8010_0010)
    /// `SCARD_F_COMM_ERROR`.
    public static let communicationError = PCSCStatus(rawValue: 0x8010_0013)
    /// `SCARD_F_UNKNOWN_ERROR`.
    public static let unknownError = PCSCStatus(rawValue: 0x8010_0014)
    /// `SCARD_E_NOT_TRANSACTED`.
    public static let notTransacted = PCSCStatus(rawValue: 0x8010_0016)
    /// `SCARD_E_READER_UNAVAILABLE`.
    public static let readerUnavailable = PCSCStatus(rawValue: 0x8010_0017)
    /// `SCARD_E_NO_SERVICE`.
    public static let noService = PCSCStatus(rawValue: 0x8010_001D)
    /// `SCARD_E_SERVICE_STOPPED`.
    public static let serviceStopped = PCSCStatus(rawValue: 0x8010_001E)
    /// `SCARD_E_NO_READERS_AVAILABLE`.
    public static let noReadersAvailable = PCSCStatus(rawValue: 0x8010_002E)
    /// `SCARD_E_COMM_DATA_LOST`.
    public static let communicationDataLost = PCSCStatus(rawValue: 0x8010_002F)
    /// `SCARD_W_UNSUPPORTED_CARD`.
    public static let unsupportedCard = PCSCStatus(rawValue: 0x8010_0065)
    /// `SCARD_W_UNRESPONSIVE_CARD`.
    public static let unresponsiveCard = PCSCStatus(rawValue: 0x8010_0066)
    /// `SCARD_W_UNPOWERED_CARD`.
    public static let unpoweredCard = PCSCStatus(rawValue: 0x8010_0067)
    /// `SCARD_W_RESET_CARD`.
    public static let resetCard = PCSCStatus(rawValue: 0x8010_0068)
    /// `SCARD_W_REMOVED_CARD`.
    public static let removedCard = PCSCStatus(rawValue: 0x8010_0069)

    /// Whether this value means the resource manager (pcscd) is gone or was restarted, so
    /// the context must be established again.
    public var meansServiceLost: Bool {
        [.noService, .serviceStopped, .invalidHandle, .communicationError].contains(self)
    }

    /// Whether this value means the card left the reader (or lost power) during the call.
    public var meansCardGone: Bool {
        [.removedCard, .noSmartcard, .notTransacted, .unpoweredCard, .readerUnavailable].contains(self)
    }

    private static let names: [UInt32: String] = [
        0x0000_0000: "SCARD_S_SUCCESS",
        0x8010_0001: "SCARD_F_INTERNAL_ERROR",
        0x8010_0002: "SCARD_E_CANCELLED",
        0x8010_0003: "SCARD_E_INVALID_HANDLE",
        0x8010_0004: "SCARD_E_INVALID_PARAMETER",
        0x8010_0005: "SCARD_E_INVALID_TARGET",
        0x8010_0006: "SCARD_E_NO_MEMORY",
        0x8010_0007: "SCARD_F_WAITED_TOO_LONG",
        0x8010_0008: "SCARD_E_INSUFFICIENT_BUFFER",
        0x8010_0009: "SCARD_E_UNKNOWN_READER",
        0x8010_000A: "SCARD_E_TIMEOUT",
        0x8010_000B: "SCARD_E_SHARING_VIOLATION",
        0x8010_000C: "SCARD_E_NO_SMARTCARD",
        0x8010_000D: "SCARD_E_UNKNOWN_CARD",
        0x8010_000E: "SCARD_E_CANT_DISPOSE",
        0x8010_000F: "SCARD_E_PROTO_MISMATCH",
        0x8010_0010: "SCARD_E_NOT_READY",
        0x8010_0011: "SCARD_E_INVALID_VALUE",
        0x8010_0012: "SCARD_E_SYSTEM_CANCELLED",
        0x8010_0013: "SCARD_F_COMM_ERROR",
        0x8010_0014: "SCARD_F_UNKNOWN_ERROR",
        0x8010_0015: "SCARD_E_INVALID_ATR",
        0x8010_0016: "SCARD_E_NOT_TRANSACTED",
        0x8010_0017: "SCARD_E_READER_UNAVAILABLE",
        0x8010_0018: "SCARD_P_SHUTDOWN",
        0x8010_0019: "SCARD_E_PCI_TOO_SMALL",
        0x8010_001A: "SCARD_E_READER_UNSUPPORTED",
        0x8010_001B: "SCARD_E_DUPLICATE_READER",
        0x8010_001C: "SCARD_E_CARD_UNSUPPORTED",
        0x8010_001D: "SCARD_E_NO_SERVICE",
        0x8010_001E: "SCARD_E_SERVICE_STOPPED",
        0x8010_001F: "SCARD_E_UNEXPECTED",
        0x8010_0020: "SCARD_E_ICC_INSTALLATION",
        0x8010_0021: "SCARD_E_ICC_CREATEORDER",
        0x8010_0023: "SCARD_E_DIR_NOT_FOUND",
        0x8010_0024: "SCARD_E_FILE_NOT_FOUND",
        0x8010_0025: "SCARD_E_NO_DIR",
        0x8010_0026: "SCARD_E_NO_FILE",
        0x8010_0027: "SCARD_E_NO_ACCESS",
        0x8010_0028: "SCARD_E_WRITE_TOO_MANY",
        0x8010_0029: "SCARD_E_BAD_SEEK",
        0x8010_002A: "SCARD_E_INVALID_CHV",
        0x8010_002B: "SCARD_E_UNKNOWN_RES_MNG",
        0x8010_002C: "SCARD_E_NO_SUCH_CERTIFICATE",
        0x8010_002D: "SCARD_E_CERTIFICATE_UNAVAILABLE",
        0x8010_002E: "SCARD_E_NO_READERS_AVAILABLE",
        0x8010_002F: "SCARD_E_COMM_DATA_LOST",
        0x8010_0030: "SCARD_E_NO_KEY_CONTAINER",
        0x8010_0031: "SCARD_E_SERVER_TOO_BUSY",
        0x8010_0065: "SCARD_W_UNSUPPORTED_CARD",
        0x8010_0066: "SCARD_W_UNRESPONSIVE_CARD",
        0x8010_0067: "SCARD_W_UNPOWERED_CARD",
        0x8010_0068: "SCARD_W_RESET_CARD",
        0x8010_0069: "SCARD_W_REMOVED_CARD",
        0x8010_006A: "SCARD_W_SECURITY_VIOLATION",
        0x8010_006B: "SCARD_W_WRONG_CHV",
        0x8010_006C: "SCARD_W_CHV_BLOCKED",
        0x8010_006D: "SCARD_W_EOF",
        0x8010_006E: "SCARD_W_CANCELLED_BY_USER",
        0x8010_006F: "SCARD_W_CARD_NOT_AUTHENTICATED",
    ]
}

/// pcsc-lite's client normally sleeps and retries inside `SCardBeginTransaction`,
/// `SCardStatus`, `SCardConnect` and `SCardReconnect` while another handle holds a
/// transaction on the reader — blocking the calling thread, which here is a context's PC/SC
/// thread that other work (including the commands that would end a transaction) is queued
/// on. `PCSCLITE_NO_BLOCKING` makes those calls return `SCARD_E_SHARING_VIOLATION`
/// instead; the SDK then waits asynchronously (``CardConnection/withTransaction(_:)``).
/// The library reads the variable once, at the process's first `SCardEstablishContext`,
/// so every establish goes through this first.
enum PCSCClientSetup {
    static let nonBlocking: Void = {
        setenv("PCSCLITE_NO_BLOCKING", "1", 1)
    }()
}
