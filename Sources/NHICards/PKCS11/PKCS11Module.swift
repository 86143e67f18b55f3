import CPKCS11
import Foundation
import Synchronization

/// A PKCS#11 module loaded at run time with `dlopen` and `C_GetFunctionList`, exactly as
/// the certificate issuer's module is loaded in production.
///
/// | module | where |
/// |---|---|
/// | `libHicos_p11.so` | Chunghwa Telecom's HiCOS client: citizen, healthcare-professional and organisation cards |
/// | `/usr/lib/softhsm/libsofthsm2.so` | SoftHSM2, a software token (tests; set `SOFTHSM2_CONF` first) |
///
/// A module is loaded and initialised (`C_Initialize` with OS locking) once per process
/// and path, and stays loaded.
public final class PKCS11Module: @unchecked Sendable {
    /// The module path given (a bare name is found through the library search path).
    public let path: String
    let functions: UnsafeMutablePointer<CK_FUNCTION_LIST>
    /// The raw function list, for operations this type does not wrap (token set-up in
    /// `NHITestSupport`). Calls must follow PKCS#11's threading rules.
    public var functionList: UnsafeMutablePointer<CK_FUNCTION_LIST> { functions }
    private let library: UnsafeMutableRawPointer

    /// The default module name in production.
    public static let hicosModule = "libHicos_p11.so"
    /// SoftHSM2's module on Debian.
    public static let softHSMModule = "/usr/lib/softhsm/libsofthsm2.so"

    /// The module from `$NHI_PKCS11_MODULE`, else ``hicosModule``.
    public static var configuredPath: String {
        ProcessInfo.processInfo.environment["NHI_PKCS11_MODULE"].flatMap { $0.isEmpty ? nil : $0 } ?? hicosModule
    }

    /// The modules loaded so far, by path.
    private static let loaded = Mutex<[String: PKCS11Module]>([:])

    private init(path: String, library: UnsafeMutableRawPointer, functions: UnsafeMutablePointer<CK_FUNCTION_LIST>) {
        self.path = path
        self.library = library
        self.functions = functions
    }

    /// Loads and initialises the module at `path` (once per process). Throws
    /// ``CardError/Code/moduleNotLoaded`` when it cannot be opened or is not a PKCS#11 module.
    public static func load(_ path: String = configuredPath) throws(CardError) -> PKCS11Module {
        try loaded.withLock { (registry) throws(CardError) -> PKCS11Module in
            if let module = registry[path] { return module }
            let module = try open(path)
            registry[path] = module
            return module
        }
    }

    /// `dlopen`, `C_GetFunctionList` and `C_Initialize` (under the registry's lock).
    private static func open(_ path: String) throws(CardError) -> PKCS11Module {
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw CardError(.moduleNotLoaded, detail: reason)
        }
        guard let symbol = dlsym(library, "C_GetFunctionList") else {
            dlclose(library)
            throw CardError(.moduleNotLoaded, detail: "\(path) has no C_GetFunctionList")
        }
        typealias GetFunctionList = @convention(c) (UnsafeMutablePointer<UnsafeMutablePointer<CK_FUNCTION_LIST>?>?) -> CK_RV
        let getFunctionList = unsafeBitCast(symbol, to: GetFunctionList.self)
        var list: UnsafeMutablePointer<CK_FUNCTION_LIST>?
        let rv = PKCS11ReturnValue(rawValue: getFunctionList(&list))
        guard rv.isOK, let list else {
            throw CardError(pkcs11: rv, during: "C_GetFunctionList")
        }
        var arguments = CK_C_INITIALIZE_ARGS()
        arguments.flags = PKCS11Flags.osLockingOK
        let initialised = PKCS11ReturnValue(rawValue: list.pointee.C_Initialize(&arguments))
        guard initialised.isOK || initialised == .cryptokiAlreadyInitialized else {
            throw CardError(pkcs11: initialised, during: "C_Initialize")
        }
        return PKCS11Module(path: path, library: library, functions: list)
    }

    /// The library's description and version (`C_GetInfo`).
    public func info() throws(CardError) -> (description: String, manufacturer: String, version: String) {
        var info = CK_INFO()
        try check(functions.pointee.C_GetInfo(&info), "C_GetInfo")
        return (padded(info.libraryDescription), padded(info.manufacturerID),
                "\(info.libraryVersion.major).\(info.libraryVersion.minor)")
    }

    /// The slots that hold a token, with the token's label, serial number and PIN state.
    public func tokens() throws(CardError) -> [PKCS11TokenInfo] {
        var count: CK_ULONG = 0
        try check(functions.pointee.C_GetSlotList(1, nil, &count), "C_GetSlotList")
        var slots = [CK_SLOT_ID](repeating: 0, count: Int(count))
        try check(functions.pointee.C_GetSlotList(1, &slots, &count), "C_GetSlotList")
        var result: [PKCS11TokenInfo] = []
        for slot in slots.prefix(Int(count)) {
            result.append(try tokenInfo(slot: slot))
        }
        return result
    }

    /// The token in `slot`.
    public func tokenInfo(slot: CK_SLOT_ID) throws(CardError) -> PKCS11TokenInfo {
        var info = CK_TOKEN_INFO()
        try check(functions.pointee.C_GetTokenInfo(slot, &info), "C_GetTokenInfo")
        return PKCS11TokenInfo(slot: UInt(slot), label: padded(info.label), serialNumber: padded(info.serialNumber),
                               flags: UInt(info.flags))
    }

    func check(_ rv: CK_RV, _ call: String) throws(CardError) {
        let value = PKCS11ReturnValue(rawValue: UInt(rv))
        guard value.isOK else { throw CardError(pkcs11: value, during: call) }
    }
}

/// A token as `C_GetTokenInfo` describes it.
public struct PKCS11TokenInfo: Sendable, Hashable {
    /// The slot ID.
    public let slot: UInt
    /// The token label (blank-padded field, trimmed).
    public let label: String
    /// The token serial number.
    public let serialNumber: String
    /// The token flags (`CKF_*`).
    public let flags: UInt

    /// The PIN state these flags describe.
    public var pinStatus: PINStatus {
        PINStatus(locked: flags & PKCS11Flags.userPINLocked != 0,
                  remainingTries: flags & PKCS11Flags.userPINLocked != 0 ? 0 : nil,
                  finalTry: flags & PKCS11Flags.userPINFinalTry != 0,
                  countLow: flags & PKCS11Flags.userPINCountLow != 0,
                  initialised: flags & PKCS11Flags.userPINInitialized != 0)
    }
}

/// PKCS#11 flag and constant values (`<p11-kit/pkcs11.h>` defines them as macros).
enum PKCS11Flags {
    static let osLockingOK: CK_FLAGS = 1 << 1
    static let serialSession: CK_FLAGS = 1 << 2
    static let userPINInitialized: UInt = 1 << 3
    static let userPINCountLow: UInt = 1 << 16
    static let userPINFinalTry: UInt = 1 << 17
    static let userPINLocked: UInt = 1 << 18
    static let userType: CK_USER_TYPE = 1
    static let classCertificate: UInt = 1
    static let classPrivateKey: UInt = 3
    static let attributeClass: CK_ATTRIBUTE_TYPE = 0x000
    static let attributeValue: CK_ATTRIBUTE_TYPE = 0x011
    static let attributeID: CK_ATTRIBUTE_TYPE = 0x102
    static let attributeModulus: CK_ATTRIBUTE_TYPE = 0x120
    static let mechanismSHA256RSAPKCS: CK_MECHANISM_TYPE = 0x040
}

/// A blank-padded fixed-size PKCS#11 text field, trimmed.
func padded<T>(_ field: T) -> String {
    var copy = field
    let bytes = withUnsafeBytes(of: &copy) { Array($0) }
    return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \0"))
}
