import _CryptoExtras
import Foundation
import NHICore
import NHILogin
import NHIServer
import NHIService
import NHITestSupport
import Testing

/// The sign-in paths other than the NHI card over HTTP: the NHI app's OTP, a certificate
/// signing the server's challenge (personal and organisation), and the unit choice of a
/// person of two units — each accepted, and each refusal with its code and status.
@Suite("nhi-server sign-in methods")
struct SignInTests {
    // MARK: OTP

    @Test("OTP: a code of the bound app signs in; a wrong code, a reused code, a wrong birth date, an unbound person are refused")
    func otp() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        let admin = DemoData.administrator
        let (device, _) = try harness.service.devices.bind(personID: admin.id, label: "Pixel", birthDate: admin.birthDate, by: .person(admin.id))
        let totp = TOTP(secret: Array(device.secret))
        func body(_ id: PersonalID, _ birth: CalendarDate, _ code: String) -> String {
            #"{"method":"otp","id":"\#(id.rawValue)","birthDate":"\#(birth.iso)","code":"\#(code)"}"#
        }
        let now = Date()
        let good = totp.code(at: now)
        let wrong = String(format: "%06d", (Int(good)! + 1) % 1_000_000)
        let refused = try await harness.send(.POST, "/v1/sessions", json: body(admin.id, admin.birthDate, wrong))
        #expect(refused.status == 401, "\(refused.text)")
        #expect(refused.code == "otp.incorrect")
        #expect(refused.contentType == "application/problem+json")

        let mismatch = try await harness.send(.POST, "/v1/sessions", json: body(admin.id, try CalendarDate(iso: "1970-01-01"), good))
        #expect(mismatch.status == 401, "\(mismatch.text)")
        #expect(mismatch.code == "identity.mismatch")

        let signedIn = try await harness.send(.POST, "/v1/sessions", json: body(admin.id, admin.birthDate, good))
        #expect(signedIn.status == 201, "\(signedIn.text)")
        let session = signedIn.json["session"] as? [String: Any]
        #expect(session?["method"] as? String == "nhiAppOTP")
        #expect(session?["role"] as? String == "administrator")
        #expect(session?["unitCode"] as? String == DemoData.unit.code.rawValue)

        let reused = try await harness.send(.POST, "/v1/sessions", json: body(admin.id, admin.birthDate, good))
        #expect(reused.status == 401, "\(reused.text)")
        #expect(reused.code == "otp.reused")

        let unbound = try await harness.send(.POST, "/v1/sessions",
                                             json: body(DemoData.operator.id, DemoData.operator.birthDate, totp.code(at: now)))
        #expect(unbound.status == 401, "\(unbound.text)")
        #expect(unbound.code == "otp.deviceNotBound")
        #expect(!harness.logs.lines.contains { $0.contains(good) && $0.contains("otp") && $0.contains("code=") },
                "no OTP code in a log line")
    }

    // MARK: Certificates

    /// Asks the server for a challenge: its id and the bytes to sign.
    func challenge(_ harness: ServerHarness) async throws -> (id: String, message: Data) {
        let answer = try await harness.send(.POST, "/v1/sessions/challenges")
        #expect(answer.status == 201, "\(answer.text)")
        let id = try #require(answer.json["challengeID"] as? String)
        let message = try #require((answer.json["message"] as? String).flatMap { Data(base64Encoded: $0) })
        return (id, message)
    }

    func certificateBody(method: String, challengeID: String, certificate: [UInt8], signature: [UInt8], field: String, value: String) -> String {
        #"{"method":"\#(method)","challengeID":"\#(challengeID)","certificate":"\#(Data(certificate).base64EncodedString())","signature":"\#(Data(signature).base64EncodedString())","\#(field)":"\#(value)"}"#
    }

    @Test("Certificate: the counter's key signs the server's challenge; a reused challenge, a wrong key, another person's ID, an unknown challenge are refused")
    func certificate() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        let admin = DemoData.administrator
        let authority = try TestCertificateAuthority(kind: .citizen)
        let (certificate, key) = try authority.issueWithNewKey(to: .init(name: admin.name, idLastFour: String(admin.id.rawValue.suffix(4))))
        let (_, otherKey) = try authority.issueWithNewKey(to: .init(name: admin.name, idLastFour: String(admin.id.rawValue.suffix(4))))
        func sign(_ message: Data, with key: _RSA.Signing.PrivateKey) throws -> [UInt8] {
            Array(try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation)
        }

        let first = try await challenge(harness)
        let good = certificateBody(method: "certificate", challengeID: first.id, certificate: certificate.derBytes,
                                   signature: try sign(first.message, with: key), field: "personID", value: admin.id.rawValue)
        let signedIn = try await harness.send(.POST, "/v1/sessions", json: good)
        #expect(signedIn.status == 201, "\(signedIn.text)")
        #expect((signedIn.json["session"] as? [String: Any])?["method"] as? String == "certificate")
        #expect((signedIn.json["session"] as? [String: Any])?["role"] as? String == "administrator")

        // The challenge was redeemed: once only.
        let replayed = try await harness.send(.POST, "/v1/sessions", json: good)
        #expect(replayed.status == 401)
        #expect(replayed.code == "challenge.unknown")

        // Signed with a key that is not the certificate's.
        let second = try await challenge(harness)
        let wrongKey = try await harness.send(.POST, "/v1/sessions", json: certificateBody(
            method: "certificate", challengeID: second.id, certificate: certificate.derBytes,
            signature: try sign(second.message, with: otherKey), field: "personID", value: admin.id.rawValue))
        #expect(wrongKey.status == 401, "\(wrongKey.text)")
        #expect(wrongKey.code == "certificate.signatureInvalid")

        // Another person's ID: the certificate's last four digits are not theirs.
        let third = try await challenge(harness)
        let otherPerson = try await harness.send(.POST, "/v1/sessions", json: certificateBody(
            method: "certificate", challengeID: third.id, certificate: certificate.derBytes,
            signature: try sign(third.message, with: key), field: "personID", value: DemoData.operator.id.rawValue))
        #expect(otherPerson.status == 401, "\(otherPerson.text)")
        #expect(otherPerson.code == "certificate.accountMismatch")

        // A challenge the server never issued.
        let unknown = try await harness.send(.POST, "/v1/sessions", json: certificateBody(
            method: "certificate", challengeID: Data(repeating: 7, count: 32).base64EncodedString(), certificate: certificate.derBytes,
            signature: try sign(Data(repeating: 7, count: 32), with: key), field: "personID", value: admin.id.rawValue))
        #expect(unknown.status == 401)
        #expect(unknown.code == "challenge.unknown")
    }

    @Test("Organisation certificate: the unit's 工商憑證 signs in as the unit; another UBN's certificate and a personal certificate are refused")
    func organisationCertificate() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        let unit = DemoData.unit
        let authority = try TestCertificateAuthority(kind: .moeaca)
        func sign(_ message: Data, with key: _RSA.Signing.PrivateKey) throws -> [UInt8] {
            Array(try key.signature(for: message, padding: .insecurePKCS1v1_5).rawRepresentation)
        }

        let (certificate, key) = try authority.issueWithNewKey(to: .init(name: unit.name, ubn: try #require(unit.ubn).rawValue))
        let first = try await challenge(harness)
        let signedIn = try await harness.send(.POST, "/v1/sessions", json: certificateBody(
            method: "organisationCertificate", challengeID: first.id, certificate: certificate.derBytes,
            signature: try sign(first.message, with: key), field: "unitCode", value: unit.code.rawValue))
        #expect(signedIn.status == 201, "\(signedIn.text)")
        let session = signedIn.json["session"] as? [String: Any]
        #expect(session?["unitCode"] as? String == unit.code.rawValue)
        #expect(session?["maskedID"] == nil, "the unit itself, no person")

        // A certificate for another company (another UBN).
        let (stranger, strangerKey) = try authority.issueWithNewKey(to: .init(name: "別家科技股份有限公司", ubn: "22099131"))
        let second = try await challenge(harness)
        let mismatch = try await harness.send(.POST, "/v1/sessions", json: certificateBody(
            method: "organisationCertificate", challengeID: second.id, certificate: stranger.derBytes,
            signature: try sign(second.message, with: strangerKey), field: "unitCode", value: unit.code.rawValue))
        #expect(mismatch.code == "unit.certificateMismatch", "\(mismatch.text)")
        #expect(mismatch.status == Problem(ServiceError(.unitCertificateMismatch), requestID: nil).status)

        // A personal certificate cannot sign in as the unit.
        let citizen = try TestCertificateAuthority(kind: .citizen)
        let admin = DemoData.administrator
        let (personal, personalKey) = try citizen.issueWithNewKey(to: .init(name: admin.name, idLastFour: String(admin.id.rawValue.suffix(4))))
        let third = try await challenge(harness)
        let notOrganisation = try await harness.send(.POST, "/v1/sessions", json: certificateBody(
            method: "organisationCertificate", challengeID: third.id, certificate: personal.derBytes,
            signature: try sign(third.message, with: personalKey), field: "unitCode", value: unit.code.rawValue))
        #expect(notOrganisation.code == "signIn.certificateNotOrganisation", "\(notOrganisation.text)")
        #expect(notOrganisation.status == Problem(ServiceError(.signInCertificateNotOrganisation), requestID: nil).status)
    }

    // MARK: Unit choice

    /// Adds a second unit to the harness's copy with the demo's operator as its administrator.
    static func addSecondUnit(_ harness: ServerHarness) throws -> InsuredUnit {
        let service = harness.service
        let second = try InsuredUnit(code: UnitCode(parsing: "110002000"), name: "第二示範商行", ubn: UBN(parsing: "22099131"),
                                     labourInsuranceNumber: nil, ownerID: DemoData.administrator.id, ownerPhones: DemoData.unit.ownerPhones,
                                     email: EmailAddress(parsing: "shop@demo.example"), nhiOnly: true)
        let certificate = OrganisationCertificateInfo(kind: .moeaca, issuer: "CN=NHI-SWIFT TEST ISSUING CA", subject: "CN=第二示範商行",
                                                      serialNumber: "02", ubn: second.ubn)
        let registrar = try service.units.register(second, method: .organisationCertificate(certificate), registrant: nil,
                                                   ownerIsAdministrator: false).caller
        try service.staff.assign(StaffAssignment(
            personID: DemoData.operator.id, name: try PersonName(DemoData.operator.name), role: .administrator, credential: .nhiCard,
            phones: try ContactPhones(landline: LandlineNumber(parsing: "02-23456789#102"), mobile: nil),
            email: try EmailAddress(parsing: "shop@demo.example")), by: registrar)
        return second
    }

    @Test("Unit choice: staff of two units get 202 with the units; the reference opens one session, once; another unit, a malformed reference are refused")
    func unitChoice() async throws {
        let harness = try await ServerHarness()
        defer { Task { await harness.stop() } }
        let second = try Self.addSecondUnit(harness)
        let choice = try await harness.signIn(DemoData.operator)
        #expect(choice.status == 202, "\(choice.text)")
        let reference = try #require(choice.json["reference"] as? String)
        #expect(!reference.contains(DemoData.operator.id.rawValue))
        let units = (choice.json["units"] as? [[String: Any]]) ?? []
        #expect(Set(units.compactMap { $0["unitCode"] as? String }) == [DemoData.unit.code.rawValue, second.code.rawValue])
        #expect(units.first { $0["unitCode"] as? String == second.code.rawValue }?["role"] as? String == "administrator")
        #expect(units.first { $0["unitCode"] as? String == DemoData.unit.code.rawValue }?["role"] as? String == "operator")

        let opened = try await harness.send(.POST, "/v1/sessions/unit-choice",
                                            json: #"{"reference":"\#(reference)","unitCode":"\#(second.code.rawValue)"}"#)
        #expect(opened.status == 201, "\(opened.text)")
        let session = opened.json["session"] as? [String: Any]
        #expect(session?["unitCode"] as? String == second.code.rawValue)
        #expect(session?["role"] as? String == "administrator")
        let token = try #require(opened.json["token"] as? String)
        let shown = try await harness.send(.GET, "/v1/session", token: token)
        #expect((shown.json["unitCode"] as? String) == second.code.rawValue)

        // Single use.
        let again = try await harness.send(.POST, "/v1/sessions/unit-choice",
                                           json: #"{"reference":"\#(reference)","unitCode":"\#(DemoData.unit.code.rawValue)"}"#)
        #expect(again.status == 410, "\(again.text)")
        #expect(again.code == "signIn.unitChoiceExpired")

        // A unit that is not the person's.
        let other = try await harness.signIn(DemoData.operator)
        let otherReference = try #require(other.json["reference"] as? String)
        let notTheirs = try await harness.send(.POST, "/v1/sessions/unit-choice",
                                               json: #"{"reference":"\#(otherReference)","unitCode":"110009000"}"#)
        #expect(notTheirs.status == 403, "\(notTheirs.text)")
        #expect(notTheirs.code == "staff.notAssigned")

        // Not a reference at all: malformed, not expired.
        let malformed = try await harness.send(.POST, "/v1/sessions/unit-choice", json: #"{"reference":"x","unitCode":"110001000"}"#)
        #expect(malformed.status == 422)
        #expect(malformed.code == "request.invalidBody")
    }

    @Test("Unit choice: a reference left past its lifetime is 410 signIn.unitChoiceExpired")
    func unitChoiceExpired() async throws {
        let harness = try await ServerHarness { $0.unitChoiceLifetime = .milliseconds(1) }
        defer { Task { await harness.stop() } }
        _ = try Self.addSecondUnit(harness)
        let choice = try await harness.signIn(DemoData.operator)
        #expect(choice.status == 202, "\(choice.text)")
        let reference = try #require(choice.json["reference"] as? String)
        try await Task.sleep(for: .milliseconds(20))
        let late = try await harness.send(.POST, "/v1/sessions/unit-choice",
                                          json: #"{"reference":"\#(reference)","unitCode":"\#(DemoData.unit.code.rawValue)"}"#)
        #expect(late.status == 410, "\(late.text)")
        #expect(late.code == "signIn.unitChoiceExpired")
        #expect(late.contentType == "application/problem+json")
    }
}
