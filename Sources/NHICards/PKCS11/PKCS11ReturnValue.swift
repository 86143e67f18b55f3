/// A PKCS#11 return value (`CKR_*`), kept beside the user-facing code.
///
/// ## The ServiSign codes users see
///
/// The NHI's browser component (ServiSign) shows a PKCS#11 failure as
/// **9000 + the value's position in the PKCS#11 v2 return-value list** (the list of
/// `CKR_*` values in ascending order, `CKR_OK` at position 0): `CKR_PIN_INCORRECT` is the
/// 39th entry and appears as 9039, `CKR_TOKEN_NOT_PRESENT` as 9056. ``servisignCode``
/// computes that number for every value in the v2.20 list. Values added by v2.30/v2.40
/// (for example `CKR_ACTION_PROHIBITED`, `0x1B`) are not in that list — counting them would
/// shift every later position away from the codes in the seeds — so they have no
/// ServiSign code.
public struct PKCS11ReturnValue: Hashable, Sendable, CustomStringConvertible {
    /// The `CK_RV` value.
    public let rawValue: UInt

    /// Creates a return value.
    public init(rawValue: UInt) { self.rawValue = rawValue }

    /// `CKR_PIN_INCORRECT`, or `nil` for a value outside the standard lists.
    public var name: String? { Self.v220List.first { $0.value == rawValue }?.name ?? Self.laterAdditions[rawValue] }

    /// The position in the v2.20 return-value list (`CKR_OK` = 0), or `nil`.
    public var listPosition: Int? { Self.positions[rawValue] }

    /// 9000 + ``listPosition``: the code the NHI's component shows (9039 for a wrong PIN).
    public var servisignCode: Int? { listPosition.map { 9000 + $0 } }

    /// Whether this is `CKR_OK`.
    public var isOK: Bool { rawValue == 0 }

    /// `CKR_PIN_INCORRECT (0xA0)`.
    public var description: String {
        let hexValue = "0x" + String(rawValue, radix: 16, uppercase: true)
        return name.map { "\($0) (\(hexValue))" } ?? "CKR \(hexValue)"
    }

    /// `CKR_OK`.
    public static let ok = PKCS11ReturnValue(rawValue: 0x000)
    /// `CKR_GENERAL_ERROR`.
    public static let generalError = PKCS11ReturnValue(rawValue: 0x005)
    /// `CKR_FUNCTION_FAILED`.
    public static let functionFailed = PKCS11ReturnValue(rawValue: 0x006)
    /// `CKR_DEVICE_ERROR`.
    public static let deviceError = PKCS11ReturnValue(rawValue: 0x030)
    /// `CKR_DEVICE_REMOVED`.
    public static let deviceRemoved = PKCS11ReturnValue(rawValue: 0x032)
    /// `CKR_PIN_INCORRECT`.
    public static let pinIncorrect = PKCS11ReturnValue(rawValue: 0x0A0)
    /// `CKR_PIN_INVALID`.
    public static let pinInvalid = PKCS11ReturnValue(rawValue: 0x0A1)
    /// `CKR_PIN_LEN_RANGE`.
    public static let pinLenRange = PKCS11ReturnValue(rawValue: 0x0A2)
    /// `CKR_PIN_EXPIRED`.
    public static let pinExpired = PKCS11ReturnValue(rawValue: 0x0A3)
    /// `CKR_PIN_LOCKED`.
    public static let pinLocked = PKCS11ReturnValue(rawValue: 0x0A4)
    /// `CKR_SESSION_HANDLE_INVALID`.
    public static let sessionHandleInvalid = PKCS11ReturnValue(rawValue: 0x0B3)
    /// `CKR_TOKEN_NOT_PRESENT`.
    public static let tokenNotPresent = PKCS11ReturnValue(rawValue: 0x0E0)
    /// `CKR_TOKEN_NOT_RECOGNIZED`.
    public static let tokenNotRecognized = PKCS11ReturnValue(rawValue: 0x0E1)
    /// `CKR_USER_ALREADY_LOGGED_IN`.
    public static let userAlreadyLoggedIn = PKCS11ReturnValue(rawValue: 0x100)
    /// `CKR_USER_PIN_NOT_INITIALIZED`.
    public static let userPINNotInitialized = PKCS11ReturnValue(rawValue: 0x102)
    /// `CKR_CRYPTOKI_ALREADY_INITIALIZED`.
    public static let cryptokiAlreadyInitialized = PKCS11ReturnValue(rawValue: 0x191)

    /// The PKCS#11 v2.20 return values in ascending order (pkcs11t.h v2.20, section 11.1 of
    /// the specification). The index of an entry is its ServiSign position.
    public static let v220List: [(name: String, value: UInt)] = [
        ("CKR_OK", 0x000), ("CKR_CANCEL", 0x001), ("CKR_HOST_MEMORY", 0x002), ("CKR_SLOT_ID_INVALID", 0x003),
        ("CKR_GENERAL_ERROR", 0x005), ("CKR_FUNCTION_FAILED", 0x006), ("CKR_ARGUMENTS_BAD", 0x007),
        ("CKR_NO_EVENT", 0x008), ("CKR_NEED_TO_CREATE_THREADS", 0x009), ("CKR_CANT_LOCK", 0x00A),
        ("CKR_ATTRIBUTE_READ_ONLY", 0x010), ("CKR_ATTRIBUTE_SENSITIVE", 0x011),
        ("CKR_ATTRIBUTE_TYPE_INVALID", 0x012), ("CKR_ATTRIBUTE_VALUE_INVALID", 0x013),
        ("CKR_DATA_INVALID", 0x020), ("CKR_DATA_LEN_RANGE", 0x021), ("CKR_DEVICE_ERROR", 0x030),
        ("CKR_DEVICE_MEMORY", 0x031), ("CKR_DEVICE_REMOVED", 0x032), ("CKR_ENCRYPTED_DATA_INVALID", 0x040),
        ("CKR_ENCRYPTED_DATA_LEN_RANGE", 0x041), ("CKR_FUNCTION_CANCELED", 0x050),
        ("CKR_FUNCTION_NOT_PARALLEL", 0x051), ("CKR_FUNCTION_NOT_SUPPORTED", 0x054),
        ("CKR_KEY_HANDLE_INVALID", 0x060), ("CKR_KEY_SIZE_RANGE", 0x062), ("CKR_KEY_TYPE_INCONSISTENT", 0x063),
        ("CKR_KEY_NOT_NEEDED", 0x064), ("CKR_KEY_CHANGED", 0x065), ("CKR_KEY_NEEDED", 0x066),
        ("CKR_KEY_INDIGESTIBLE", 0x067), ("CKR_KEY_FUNCTION_NOT_PERMITTED", 0x068),
        ("CKR_KEY_NOT_WRAPPABLE", 0x069), ("CKR_KEY_UNEXTRACTABLE", 0x06A), ("CKR_MECHANISM_INVALID", 0x070),
        ("CKR_MECHANISM_PARAM_INVALID", 0x071), ("CKR_OBJECT_HANDLE_INVALID", 0x082),
        ("CKR_OPERATION_ACTIVE", 0x090), ("CKR_OPERATION_NOT_INITIALIZED", 0x091),
        ("CKR_PIN_INCORRECT", 0x0A0), ("CKR_PIN_INVALID", 0x0A1), ("CKR_PIN_LEN_RANGE", 0x0A2),
        ("CKR_PIN_EXPIRED", 0x0A3), ("CKR_PIN_LOCKED", 0x0A4), ("CKR_SESSION_CLOSED", 0x0B0),
        ("CKR_SESSION_COUNT", 0x0B1), ("CKR_SESSION_HANDLE_INVALID", 0x0B3),
        ("CKR_SESSION_PARALLEL_NOT_SUPPORTED", 0x0B4), ("CKR_SESSION_READ_ONLY", 0x0B5),
        ("CKR_SESSION_EXISTS", 0x0B6), ("CKR_SESSION_READ_ONLY_EXISTS", 0x0B7),
        ("CKR_SESSION_READ_WRITE_SO_EXISTS", 0x0B8), ("CKR_SIGNATURE_INVALID", 0x0C0),
        ("CKR_SIGNATURE_LEN_RANGE", 0x0C1), ("CKR_TEMPLATE_INCOMPLETE", 0x0D0),
        ("CKR_TEMPLATE_INCONSISTENT", 0x0D1), ("CKR_TOKEN_NOT_PRESENT", 0x0E0),
        ("CKR_TOKEN_NOT_RECOGNIZED", 0x0E1), ("CKR_TOKEN_WRITE_PROTECTED", 0x0E2),
        ("CKR_UNWRAPPING_KEY_HANDLE_INVALID", 0x0F0), ("CKR_UNWRAPPING_KEY_SIZE_RANGE", 0x0F1),
        ("CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT", 0x0F2), ("CKR_USER_ALREADY_LOGGED_IN", 0x100),
        ("CKR_USER_NOT_LOGGED_IN", 0x101), ("CKR_USER_PIN_NOT_INITIALIZED", 0x102),
        ("CKR_USER_TYPE_INVALID", 0x103), ("CKR_USER_ANOTHER_ALREADY_LOGGED_IN", 0x104),
        ("CKR_USER_TOO_MANY_TYPES", 0x105), ("CKR_WRAPPED_KEY_INVALID", 0x110),
        ("CKR_WRAPPED_KEY_LEN_RANGE", 0x112), ("CKR_WRAPPING_KEY_HANDLE_INVALID", 0x113),
        ("CKR_WRAPPING_KEY_SIZE_RANGE", 0x114), ("CKR_WRAPPING_KEY_TYPE_INCONSISTENT", 0x115),
        ("CKR_RANDOM_SEED_NOT_SUPPORTED", 0x120), ("CKR_RANDOM_NO_RNG", 0x121),
        ("CKR_DOMAIN_PARAMS_INVALID", 0x130), ("CKR_BUFFER_TOO_SMALL", 0x150),
        ("CKR_SAVED_STATE_INVALID", 0x160), ("CKR_INFORMATION_SENSITIVE", 0x170),
        ("CKR_STATE_UNSAVEABLE", 0x180), ("CKR_CRYPTOKI_NOT_INITIALIZED", 0x190),
        ("CKR_CRYPTOKI_ALREADY_INITIALIZED", 0x191), ("CKR_MUTEX_BAD", 0x1A0),
        ("CKR_MUTEX_NOT_LOCKED", 0x1A1), ("CKR_NEW_PIN_MODE", 0x1B0), ("CKR_NEXT_OTP", 0x1B1),
        ("CKR_FUNCTION_REJECTED", 0x200),
    ]

    /// Names of values that later versions (v2.30, v2.40) added; they have no ServiSign position.
    static let laterAdditions: [UInt: String] = [
        0x01B: "CKR_ACTION_PROHIBITED", 0x140: "CKR_CURVE_NOT_SUPPORTED",
        0x1B5: "CKR_EXCEEDED_MAX_ITERATIONS", 0x1B6: "CKR_FIPS_SELF_TEST_FAILED",
        0x1B7: "CKR_LIBRARY_LOAD_FAILED", 0x1B8: "CKR_PIN_TOO_WEAK", 0x1B9: "CKR_PUBLIC_KEY_INVALID",
    ]

    private static let positions: [UInt: Int] = {
        var map: [UInt: Int] = [:]
        for (index, entry) in v220List.enumerated() { map[entry.value] = index }
        return map
    }()
}
