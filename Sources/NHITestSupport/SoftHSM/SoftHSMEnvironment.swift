import _CryptoExtras
import CPKCS11
import Foundation
import NHICards
import Synchronization
import SwiftASN1
import X509

/// A throw-away SoftHSM2 token store for this process, and tokens in it that hold an
/// RSA-2048 key generated on the token and a matching certificate from a
/// ``TestCertificateAuthority`` — the same shape as a certificate card seen through its
/// PKCS#11 module.
///
/// SoftHSM2 reads `SOFTHSM2_CONF` when the module is initialised, so ``configure()`` runs
/// before the module is first loaded (``createToken(label:userPIN:soPIN:authority:holder:notBefore:notAfter:)``
/// does it). Child processes (the `nhi` tool in CLI tests) see the same tokens when given
/// ``environment``.
///
/// SoftHSM2 never locks a PIN (wrong PINs are `CKR_PIN_INCORRECT` for ever), so PIN-lock
/// behaviour is tested with the card emulator's certificate profile instead.
public enum SoftHSMEnvironment {
    /// The SoftHSM2 module on Debian.
    public static let modulePath = PKCS11Module.softHSMModule

    /// The config path, once configured.
    private static let configured = Mutex<String?>(nil)

    /// Creates a private token directory and `softhsm2.conf` under the temporary
    /// directory and points `SOFTHSM2_CONF` at it (once per process). Returns the config path.
    @discardableResult
    public static func configure() throws -> String {
        try configured.withLock { configured in
            if let configured { return configured }
            let base = NSTemporaryDirectory() + "nhi-softhsm-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try FileManager.default.createDirectory(atPath: base + "/tokens", withIntermediateDirectories: true)
            let config = base + "/softhsm2.conf"
            try "directories.tokendir = \(base)/tokens\nobjectstore.backend = file\nlog.level = ERROR\n"
                .write(toFile: config, atomically: true, encoding: .utf8)
            setenv("SOFTHSM2_CONF", config, 1)
            configured = config
            return config
        }
    }

    /// Environment variables for child processes that must see the same tokens.
    public static var environment: [String: String] {
        get throws { ["SOFTHSM2_CONF": try configure(), "NHI_PKCS11_MODULE": modulePath] }
    }

    /// A token in SoftHSM2.
    public struct Token: Sendable {
        /// The token label.
        public let label: String
        /// The slot it sits in.
        public let slot: UInt
        /// The user PIN.
        public let userPIN: String
        /// The certificate stored on the token (and to be put on a virtual card).
        public let certificate: Certificate
        /// Its DER.
        public let certificateDER: [UInt8]
        /// The module.
        public let module: PKCS11Module

        /// A `PKCS11Token` for logins and signing.
        public var signingToken: PKCS11Token { PKCS11Token(module: module, slot: slot) }
    }

    /// Initialises a new token, sets its user PIN, generates an RSA-2048 key pair on it and
    /// stores a certificate for the public key issued by `authority` to `holder`.
    public static func createToken(label: String, userPIN: String = "123456", soPIN: String = "12345678",
                                   authority: TestCertificateAuthority, holder: TestCertificateAuthority.Holder,
                                   notBefore: Date = Date().addingTimeInterval(-86_400),
                                   notAfter: Date = Date().addingTimeInterval(86_400 * 730)) throws -> Token {
        try configure()
        let module = try PKCS11Module.load(modulePath)
        let f = module.functionList.pointee
        let slot = try freeSlot(module)
        var labelField = [UInt8](repeating: 0x20, count: 32)
        labelField.replaceSubrange(0..<min(32, label.utf8.count), with: Array(label.utf8).prefix(32))
        var so = Array(soPIN.utf8), user = Array(userPIN.utf8)
        try check(f.C_InitToken(slot, &so, CK_ULONG(so.count), &labelField), "C_InitToken")
        guard let tokenSlot = try module.tokens().first(where: { $0.label == label })?.slot else {
            throw VirtualCardError("SoftHSM2 token \(label) not found after C_InitToken")
        }
        var session: CK_SESSION_HANDLE = 0
        try check(f.C_OpenSession(CK_SLOT_ID(tokenSlot), CK_FLAGS(0x4 | 0x2), nil, nil, &session), "C_OpenSession")
        defer { _ = f.C_CloseSession(session) }
        try check(f.C_Login(session, 0, &so, CK_ULONG(so.count)), "C_Login(SO)")
        try check(f.C_InitPIN(session, &user, CK_ULONG(user.count)), "C_InitPIN")
        _ = f.C_Logout(session)
        try check(f.C_Login(session, 1, &user, CK_ULONG(user.count)), "C_Login(USER)")
        defer { _ = f.C_Logout(session) }

        let id: [UInt8] = [0x01]
        let yes: [UInt8] = [1], no: [UInt8] = [0]
        var mechanism = CK_MECHANISM(mechanism: 0x0000, pParameter: nil, ulParameterLen: 0)  // CKM_RSA_PKCS_KEY_PAIR_GEN
        var publicKey: CK_OBJECT_HANDLE = 0, privateKey: CK_OBJECT_HANDLE = 0
        try withTemplate([(0x001, yes), (0x10A, yes), (0x121, ulong(2048)), (0x122, [0x01, 0x00, 0x01]), (0x102, id)]) { publicTemplate, publicCount in
            try withTemplate([(0x001, yes), (0x002, yes), (0x103, yes), (0x108, yes), (0x162, no), (0x102, id)]) { privateTemplate, privateCount in
                try check(f.C_GenerateKeyPair(session, &mechanism, publicTemplate, publicCount, privateTemplate, privateCount,
                                              &publicKey, &privateKey), "C_GenerateKeyPair")
            }
        }
        let modulus = try attribute(0x120, of: publicKey, session: session, f)
        let exponent = try attribute(0x122, of: publicKey, session: session, f)
        let certificate = try authority.issue(to: holder, publicKey: _RSA.Signing.PublicKey(n: modulus, e: exponent),
                                              notBefore: notBefore, notAfter: notAfter)
        let der = certificate.derBytes
        var subject = DER.Serializer()
        try subject.serialize(certificate.subject)
        try withTemplate([(0x000, ulong(1)), (0x080, ulong(0)), (0x001, yes), (0x011, der), (0x102, id),
                          (0x101, subject.serializedBytes), (0x003, Array(label.utf8))]) { template, count in
            var object: CK_OBJECT_HANDLE = 0
            try check(f.C_CreateObject(session, template, count, &object), "C_CreateObject(certificate)")
        }
        return Token(label: label, slot: tokenSlot, userPIN: userPIN, certificate: certificate, certificateDER: der, module: module)
    }

    private static func freeSlot(_ module: PKCS11Module) throws -> CK_SLOT_ID {
        let f = module.functionList.pointee
        var count: CK_ULONG = 0
        try check(f.C_GetSlotList(0, nil, &count), "C_GetSlotList")
        var slots = [CK_SLOT_ID](repeating: 0, count: Int(count))
        try check(f.C_GetSlotList(0, &slots, &count), "C_GetSlotList")
        for slot in slots.prefix(Int(count)) {
            var info = CK_TOKEN_INFO()
            guard f.C_GetTokenInfo(slot, &info) == 0 else { continue }
            if info.flags & (1 << 10) == 0 { return slot }  // not CKF_TOKEN_INITIALIZED
        }
        throw VirtualCardError("SoftHSM2 offers no free slot")
    }

    private static func ulong(_ value: UInt) -> [UInt8] { withUnsafeBytes(of: CK_ULONG(value)) { Array($0) } }

    private static func withTemplate<T>(_ entries: [(CK_ATTRIBUTE_TYPE, [UInt8])],
                                        _ body: (UnsafeMutablePointer<CK_ATTRIBUTE>, CK_ULONG) throws -> T) throws -> T {
        let buffers = entries.map { entry -> UnsafeMutableRawBufferPointer in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(entry.1.count, 1), alignment: 8)
            buffer.copyBytes(from: entry.1)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        var attributes = zip(entries, buffers).map { entry, buffer in
            CK_ATTRIBUTE(type: entry.0, pValue: buffer.baseAddress, ulValueLen: CK_ULONG(entry.1.count))
        }
        return try attributes.withUnsafeMutableBufferPointer { try body($0.baseAddress!, CK_ULONG($0.count)) }
    }

    private static func attribute(_ type: CK_ATTRIBUTE_TYPE, of object: CK_OBJECT_HANDLE, session: CK_SESSION_HANDLE,
                                  _ f: CK_FUNCTION_LIST) throws -> [UInt8] {
        var query = CK_ATTRIBUTE(type: type, pValue: nil, ulValueLen: 0)
        try check(f.C_GetAttributeValue(session, object, &query, 1), "C_GetAttributeValue")
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Int(query.ulValueLen), alignment: 8)
        defer { buffer.deallocate() }
        query.pValue = buffer.baseAddress
        try check(f.C_GetAttributeValue(session, object, &query, 1), "C_GetAttributeValue")
        return Array(buffer.prefix(Int(query.ulValueLen)))
    }

    private static func check(_ rv: CK_RV, _ call: String) throws {
        guard rv == 0 else { throw CardError(pkcs11: PKCS11ReturnValue(rawValue: UInt(rv)), during: call) }
    }
}
