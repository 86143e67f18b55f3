import CPKCS11
import Foundation
import NHICore

/// A ``SigningToken`` in a PKCS#11 slot: `C_Login` with the user PIN, then `C_Sign` with
/// `CKM_SHA256_RSA_PKCS` and the private key whose `CKA_ID` matches the certificate's.
///
/// Every call runs on a dedicated PKCS#11 thread (a card's signature can take a second).
/// Return values map onto the user-facing codes (``CardError/init(pkcs11:during:remainingTries:)``);
/// the token flags `CKF_USER_PIN_COUNT_LOW`, `CKF_USER_PIN_FINAL_TRY` and
/// `CKF_USER_PIN_LOCKED` become ``PINStatus``, and a locked token is never sent a PIN.
public actor PKCS11Token: SigningToken {
    nonisolated public var unownedExecutor: UnownedSerialExecutor { DedicatedThreadExecutor.pkcs11.asUnownedSerialExecutor() }

    /// The module.
    public nonisolated let module: PKCS11Module
    /// The slot.
    public nonisolated let slot: UInt
    private var session: CK_SESSION_HANDLE?
    private var loggedIn = false

    /// A token in `slot` of `module`.
    public init(module: PKCS11Module, slot: UInt) {
        self.module = module
        self.slot = slot
    }

    /// The first token of `module` whose label is `label` (or the first token at all).
    public static func find(in module: PKCS11Module, label: String? = nil) throws(CardError) -> PKCS11Token {
        let tokens = try module.tokens()
        guard let match = tokens.first(where: { label == nil || $0.label == label }) else {
            throw CardError(.tokenAbsent, detail: label.map { "no token labelled \($0) in \(module.path)" } ?? "no token in \(module.path)")
        }
        return PKCS11Token(module: module, slot: match.slot)
    }

    private var functions: CK_FUNCTION_LIST { module.functions.pointee }

    /// The PIN state from the token flags (`C_GetTokenInfo`).
    public func pinStatus() throws(CardError) -> PINStatus {
        try module.tokenInfo(slot: CK_SLOT_ID(slot)).pinStatus
    }

    /// `C_OpenSession` and `C_Login` as the user, after checking the token is not locked.
    public func login(pin: PIN) throws(CardError) {
        let before = try pinStatus()
        guard !before.locked else { throw CardError(.pinLocked, pkcs11: .pinLocked, remainingTries: 0, detail: "token flags, no PIN sent") }
        guard before.initialised else { throw CardError(.tokenNotActivated, detail: "CKF_USER_PIN_INITIALIZED not set") }
        let handle = try openSession()
        var bytes = pin.bytes
        let rv = PKCS11ReturnValue(rawValue: UInt(functions.C_Login(handle, PKCS11Flags.userType, &bytes, CK_ULONG(bytes.count))))
        if rv.isOK || rv == .userAlreadyLoggedIn {
            loggedIn = true
            return
        }
        let after = try? pinStatus()
        if rv == .pinIncorrect, after?.locked == true {
            throw CardError(pkcs11: .pinLocked, during: "C_Login", remainingTries: 0)
        }
        throw CardError(pkcs11: rv, during: "C_Login", remainingTries: rv == .pinIncorrect ? after?.knownRemainingTries : nil)
    }

    /// `C_SignInit` with `CKM_SHA256_RSA_PKCS` and the certificate's key, then `C_Sign`.
    public func sign(_ message: [UInt8], withKeyOf certificate: CardCertificate) throws(CardError) -> [UInt8] {
        let handle = try openSession()
        let key = try privateKey(for: certificate, session: handle)
        var mechanism = CK_MECHANISM(mechanism: PKCS11Flags.mechanismSHA256RSAPKCS, pParameter: nil, ulParameterLen: 0)
        try module.check(functions.C_SignInit(handle, &mechanism, key), "C_SignInit")
        var data = message
        var length: CK_ULONG = 0
        try module.check(functions.C_Sign(handle, &data, CK_ULONG(data.count), nil, &length), "C_Sign")
        var signature = [UInt8](repeating: 0, count: Int(length))
        try module.check(functions.C_Sign(handle, &data, CK_ULONG(data.count), &signature, &length), "C_Sign")
        return Array(signature.prefix(Int(length)))
    }

    /// `C_Logout` and `C_CloseSession`.
    public func logout() {
        guard let session else { return }
        if loggedIn { _ = functions.C_Logout(session) }
        _ = functions.C_CloseSession(session)
        self.session = nil
        loggedIn = false
    }

    private func openSession() throws(CardError) -> CK_SESSION_HANDLE {
        if let session { return session }
        var handle: CK_SESSION_HANDLE = 0
        try module.check(functions.C_OpenSession(CK_SLOT_ID(slot), PKCS11Flags.serialSession, nil, nil, &handle), "C_OpenSession")
        session = handle
        return handle
    }

    /// The private key for `certificate`: through the certificate object's `CKA_ID`, or
    /// failing that a key whose modulus equals the certificate's.
    private func privateKey(for certificate: CardCertificate, session: CK_SESSION_HANDLE) throws(CardError) -> CK_OBJECT_HANDLE {
        let certificates = try findObjects(session, [(PKCS11Flags.attributeClass, ulongBytes(PKCS11Flags.classCertificate)),
                                                     (PKCS11Flags.attributeValue, certificate.der)])
        if let object = certificates.first, let id = try attribute(PKCS11Flags.attributeID, of: object, session: session), !id.isEmpty {
            let keys = try findObjects(session, [(PKCS11Flags.attributeClass, ulongBytes(PKCS11Flags.classPrivateKey)),
                                                 (PKCS11Flags.attributeID, id)])
            if let key = keys.first { return key }
        }
        if let modulus = certificate.rsaModulus {
            let keys = try findObjects(session, [(PKCS11Flags.attributeClass, ulongBytes(PKCS11Flags.classPrivateKey)),
                                                 (PKCS11Flags.attributeModulus, modulus)])
            if let key = keys.first { return key }
        }
        throw CardError(.keyMissing, detail: "no private key for certificate \(certificate.serialNumber)")
    }

    private func findObjects(_ session: CK_SESSION_HANDLE, _ template: [(CK_ATTRIBUTE_TYPE, [UInt8])]) throws(CardError) -> [CK_OBJECT_HANDLE] {
        let buffers = template.map { entry -> UnsafeMutableRawBufferPointer in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(entry.1.count, 1), alignment: 8)
            buffer.copyBytes(from: entry.1)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        var attributes = zip(template, buffers).map { entry, buffer in
            CK_ATTRIBUTE(type: entry.0, pValue: buffer.baseAddress, ulValueLen: CK_ULONG(entry.1.count))
        }
        try module.check(functions.C_FindObjectsInit(session, &attributes, CK_ULONG(attributes.count)), "C_FindObjectsInit")
        defer { _ = functions.C_FindObjectsFinal(session) }
        var found: [CK_OBJECT_HANDLE] = []
        var batch = [CK_OBJECT_HANDLE](repeating: 0, count: 16)
        while true {
            var count: CK_ULONG = 0
            try module.check(functions.C_FindObjects(session, &batch, CK_ULONG(batch.count), &count), "C_FindObjects")
            if count == 0 { break }
            found += batch.prefix(Int(count))
        }
        return found
    }

    private func attribute(_ type: CK_ATTRIBUTE_TYPE, of object: CK_OBJECT_HANDLE, session: CK_SESSION_HANDLE) throws(CardError) -> [UInt8]? {
        var query = CK_ATTRIBUTE(type: type, pValue: nil, ulValueLen: 0)
        try module.check(functions.C_GetAttributeValue(session, object, &query, 1), "C_GetAttributeValue")
        guard query.ulValueLen != CK_ULONG.max else { return nil }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(Int(query.ulValueLen), 1), alignment: 8)
        defer { buffer.deallocate() }
        query.pValue = buffer.baseAddress
        try module.check(functions.C_GetAttributeValue(session, object, &query, 1), "C_GetAttributeValue")
        return Array(buffer.prefix(Int(query.ulValueLen)))
    }

    private func ulongBytes(_ value: UInt) -> [UInt8] {
        withUnsafeBytes(of: CK_ULONG(value)) { Array($0) }
    }
}
