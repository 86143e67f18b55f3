import Foundation
import KioskModel
import KioskSDK
import NHICards
import NHIService
import NHISignIn
import Testing

/// The KioskSDK catalog's snippet, compiled and run against a new SQLite file
/// (`DocSnippetDriftTests` checks that it stays line for line the catalog's).
@Suite("KioskSDK's doc snippet")
struct KioskSDKDocSnippets {
    @Test("The composition root: the local service, one PC/SC context, the sign-in and the batch registration")
    func compositionRoot() throws {
        let path = NSTemporaryDirectory() + "kiosk-sdk-snippet-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let service = KioskService(NHIService(store: try SQLiteStore(path: path)))
        let pcsc = PCSCContext()   // shared: visitor panel, sign-in, doctor
        var authenticator = StaffSignIn(service: service.service, context: pcsc,
                                        verifier: ServiceLoginVerifier(service: service.service))
        // Certificate + PIN: the settings' PKCS#11 module; `.card` in demo mode (the emulator's card).
        authenticator.certificateToken = .pkcs11(modulePath: nil)
        let backends = KioskBackends(
            cards: PCSCCardEventSource(context: pcsc),
            readers: PCSCReaderDirectory(context: pcsc),
            authenticator: authenticator,
            service: service,
            batchRegistration: ServiceBatchRegistration(service: service))
        #expect(backends.service != nil && backends.batchRegistration != nil && backends.authenticator != nil)
    }
}
