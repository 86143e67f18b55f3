import Foundation
import NHICards
import NHICore
import NHILogin
import Testing

/// `LoginFileStore` hashes registration passwords with the service's ``PasswordHasher``
/// (600,000 PBKDF2 rounds, constant-time check) and upgrades older hashes (issue 17).
@Suite("LoginFileStore passwords")
struct LoginFileStorePasswordTests {
    static let id = try! PersonalID(parsing: "A123456789")

    static func card() throws -> NHICardIdentity {
        NHICardIdentity(cardNumber: try NHICardNumber(parsing: "000011112222"), name: try PersonName("王大明"), id: id,
                        birthDate: try ROCDate(year: 69, month: 5, day: 18), sex: .male, issueDate: try ROCDate(year: 100, month: 1, day: 3))
    }

    static func storedRounds(_ path: String) throws -> Int? {
        let json = try JSONSerialization.jsonObject(with: try Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let accounts = json?["accounts"] as? [String: Any]
        let account = accounts?[id.rawValue] as? [String: Any]
        return (account?["password"] as? [String: Any])?["rounds"] as? Int
    }

    @Test("New passwords: the service's 600,000 rounds; a 210,000-round hash still verifies and is re-hashed")
    func hasher() async throws {
        let directory = NSTemporaryDirectory() + "nhi-login-pw-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/store.json"
        let store = LoginFileStore(path: path)
        try store.registerPassword(try RegistrationPassword("Abc123-!"), for: Self.id)
        #expect(try Self.storedRounds(path) == PasswordHasher.minimumIterations)
        #expect(try await store.verify(try RegistrationPassword("Abc123-!"), for: try Self.card(), actingAsOwnerOf: nil, at: Date())
                == .accepted(name: nil))

        // A file written by the previous version: 210,000 rounds (PBKDF2-SHA256 of "Abc123-!", salt 00…0f).
        let legacy = #"{"accounts":{"A123456789":{"ownedUnits":[],"passwordAttempts":{"failures":0},"password":{"#
            + #""salt":"AAECAwQFBgcICQoLDA0ODw==","hash":"mnDA4T/ociOFjtmxZA+ad16w95v/kbaWFi5JNNXzH4I=","rounds":210000}}},"tokens":{}}"#
        try Data(legacy.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try await store.verify(try RegistrationPassword("Abc999-!"), for: try Self.card(), actingAsOwnerOf: nil, at: Date())
                == .rejected(remainingAttempts: 2))
        #expect(try Self.storedRounds(path) == 210_000)
        #expect(try await store.verify(try RegistrationPassword("Abc123-!"), for: try Self.card(), actingAsOwnerOf: nil, at: Date())
                == .accepted(name: nil))
        #expect(try Self.storedRounds(path) == PasswordHasher.minimumIterations)
    }

    @Test("Hashes are compared in constant time")
    func constantTime() {
        #expect(PasswordHasher.constantTimeEqual(Data([1, 2, 3]), Data([1, 2, 3])))
        #expect(!PasswordHasher.constantTimeEqual(Data([1, 2, 3]), Data([1, 2, 4])))
        #expect(!PasswordHasher.constantTimeEqual(Data([1, 2, 3]), Data([1, 2])))
    }
}
