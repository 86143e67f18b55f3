import Foundation
import NHICards
import NHICore
import NHILogin
import NHIService
import NHITestSupport
import Testing

/// Certificate logins end to end: the certificate read from a virtual HiCOS card through
/// real pcscd, the PIN and the signature through SoftHSM2 (a real PKCS#11 module) or
/// through the card emulator's own PIN (which, unlike SoftHSM2, locks).
@Suite("Certificate + PIN", .serialized)
struct CertificateLoginTests {
    static let citizenCA = try! TestCertificateAuthority(kind: .citizen)
    static let account = try! PersonalID(parsing: "A123456789")

    /// A HiCOS-like card holding `certificate` (and the CA), PIN on the card `cardPIN`.
    static func card(_ certificate: [UInt8], key: Bool = false, cardPIN: String = "654321") -> VirtualCertificateCard {
        VirtualCertificateCard(cardNumber: "TP03000001234567", certificates: [.issuingCA: citizenCA.issuing.derBytes, .user2: certificate],
                               key: nil, pin: cardPIN)
    }

    /// Runs a flow, answering PIN prompts from `pins` in order; records how often a PIN was asked.
    static func run(_ flow: inout CertificateLogin, reader: String, token: any SigningToken,
                    pins: [String], issuer: CertificateChallengeIssuer = CertificateChallengeIssuer()) async -> (CertificateLogin.State, [LoginError?]) {
        let prompts = PromptLog(pins)
        let state = await flow.run(reader: reader, context: PCSCContext(), token: token, issuer: issuer) { _, _, previous in
            await prompts.next(previous)
        }
        return (state, await prompts.errors)
    }

    actor PromptLog {
        var pins: [String]
        var errors: [LoginError?] = []
        init(_ pins: [String]) { self.pins = pins }
        func next(_ previous: LoginError?) -> String? {
            errors.append(previous)
            return pins.isEmpty ? nil : pins.removeFirst()
        }
    }

    @Test("Citizen certificate through SoftHSM2: PIN, challenge signed on the token, verified against the card's certificate")
    func softHSMCitizen() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let token = try SoftHSMEnvironment.createToken(label: "citizen-\(UInt16.random(in: 0...9999))", authority: Self.citizenCA,
                                                           holder: .init(name: "王小明", idLastFour: "6789"))
            try await first.insert(Self.card(token.certificateDER))
            var flow = CertificateLogin(account: Self.account)
            // A wrong PIN first: 9039 with the CKR kept; then the right one.
            let (state, prompts) = await Self.run(&flow, reader: first.reader.name, token: token.signingToken, pins: ["000000", "123456"])
            guard case .authenticated(let identity) = state else { Issue.record("\(state)"); return }
            #expect(identity.personID == Self.account)
            #expect(identity.name == "王小明")
            #expect(identity.certificateKind == .citizen)
            #expect(identity.method == .certificate)
            #expect(identity.credentialSerial == (try CardCertificate(der: token.certificateDER)).serialNumber)
            #expect(prompts.count == 2)
            let wrong = try #require(prompts[1])
            #expect(wrong.userCode == 9039)
            #expect(wrong.cause?.pkcs11 == .pinIncorrect)
        }
    }

    @Test("Organisation certificate (MOEACA, UBN): the login is the unit's administrator")
    func softHSMOrganisation() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let authority = try TestCertificateAuthority(kind: .moeaca)
            let token = try SoftHSMEnvironment.createToken(label: "moeaca-\(UInt16.random(in: 0...9999))", authority: authority,
                                                           holder: .init(name: "好好股份有限公司", ubn: "04595252"))
            try await first.insert(VirtualCertificateCard(cardNumber: "MOEA000012345678", certificates: [.user1: token.certificateDER],
                                                          key: nil, pin: "000000", atr: ATR(hex: "3B D8 96 00 81 B1 FE 45 1F 07 43 48 54 47 50 4B 49 4A DD")!))
            var flow = CertificateLogin(account: nil, unitCode: try UnitCode(parsing: "110001000"))
            let (state, _) = await Self.run(&flow, reader: first.reader.name, token: token.signingToken, pins: ["123456"])
            guard case .authenticated(let identity) = state else { Issue.record("\(state)"); return }
            #expect(identity.personID == nil)
            #expect(identity.ubn == "04595252")
            #expect(identity.certificateKind == .moeaca)
            #expect(identity.isUnitAdministrator)
            #expect(identity.unitCode?.rawValue == "110001000")
        }
    }

    @Test("Expired or not yet valid: refused with 66501 before any PIN is asked or sent")
    func validity() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            for (from, until, code) in [("2020-01-01", "2024-12-31", CardError.Code.certificateExpired),
                                        ("2099-01-01", "2100-12-31", .certificateNotYetValid)] {
                let card = try CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "王小明",
                                                      idLastFour: "6789", notBefore: from, notAfter: until).makeCard()
                try await first.insert(card)
                var flow = CertificateLogin(account: Self.account)
                let token = CardPINToken(card: try await PCSCContext().connection(to: first.reader.name))
                let (state, prompts) = await Self.run(&flow, reader: first.reader.name, token: token, pins: ["123456"])
                guard case .failed(let error) = state else { Issue.record("\(state)"); continue }
                #expect(error.cause?.code == code)
                #expect(error.userCode == 66501)
                #expect(prompts.isEmpty, "no PIN was asked")
                #expect(card.pinsReceived == 0, "no PIN reached the card")
            }
        }
    }

    @Test("The certificate of someone else (last 4 ID digits differ) is refused before the PIN")
    func accountMismatch() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "林小美", idLastFour: "4093").makeCard()
            try await first.insert(card)
            var flow = CertificateLogin(account: Self.account)
            let token = CardPINToken(card: try await PCSCContext().connection(to: first.reader.name))
            let (state, prompts) = await Self.run(&flow, reader: first.reader.name, token: token, pins: ["123456"])
            #expect(state.failure?.code == .certificateAccountMismatch)
            #expect(prompts.isEmpty)
            #expect(card.pinsReceived == 0)
        }
    }

    @Test("Wrong PIN down to lock on the card: 2 left, 1 left, locked (9043); a locked card never gets another PIN")
    func lock() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "王小明", idLastFour: "6789").makeCard()
            try await first.insert(card)
            let context = PCSCContext()
            var flow = CertificateLogin(account: Self.account)
            let token = CardPINToken(card: try await context.connection(to: first.reader.name))
            let (state, prompts) = await Self.run(&flow, reader: first.reader.name, token: token, pins: ["111111", "222222", "333333"])
            #expect(prompts.count == 3)
            #expect(prompts[1]?.remainingAttempts == 2)
            #expect(prompts[2]?.remainingAttempts == 1)
            guard case .failed(let locked) = state else { Issue.record("\(state)"); return }
            #expect(locked.cause?.code == .pinLocked)
            #expect(locked.userCode == 9043)
            #expect(card.pinsReceived == 3)

            var again = CertificateLogin(account: Self.account)
            let (second, asked) = await Self.run(&again, reader: first.reader.name, token: token, pins: ["123456"])
            #expect(second.failure?.cause?.code == .pinLocked)
            #expect(asked.isEmpty, "the locked card's PIN is not even asked for")
            #expect(card.pinsReceived == 3, "no PIN reached the locked card")
        }
    }

    @Test("On-card PIN and signature (the emulator's own key): the right PIN logs in")
    func cardToken() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try CertificateCardProfile(cardNumber: "TP03000001234567", pin: "246810", holder: "王小明", idLastFour: "6789").makeCard()
            try await first.insert(card)
            var flow = CertificateLogin(account: Self.account)
            let token = CardPINToken(card: try await PCSCContext().connection(to: first.reader.name))
            let (state, _) = await Self.run(&flow, reader: first.reader.name, token: token, pins: ["246810"])
            guard case .authenticated(let identity) = state else { Issue.record("\(state)"); return }
            #expect(identity.personID == Self.account)
        }
    }
}

@Suite("Certificate checks without a card")
struct CertificateCheckTests {
    @Test("Challenges: single use, expiry, tampered signatures (66501), and the signature must match the certificate")
    func challenges() async throws {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))
        let issuer = CertificateChallengeIssuer(clock: clock)
        let ca = try TestCertificateAuthority(kind: .citizen)
        let (certificate, key) = try ca.issueWithNewKey(to: .init(name: "王小明", idLastFour: "6789"),
                                                        notBefore: clock.now.addingTimeInterval(-3600), notAfter: clock.now.addingTimeInterval(86_400))
        let card = try CardCertificate(der: certificate.derBytes)
        func sign(_ challenge: CertificateChallenge) throws -> [UInt8] {
            Array(try key.signature(for: challenge.message, padding: .insecurePKCS1v1_5).rawRepresentation)
        }

        let good = await issuer.issue()
        let signature = try sign(good)
        try await issuer.redeem(good, signature: signature, certificate: card)
        await #expect(throws: LoginError(.challengeUnknown)) { try await issuer.redeem(good, signature: signature, certificate: card) }

        let tampered = await issuer.issue()
        var bad = try sign(tampered)
        bad[10] ^= 0xFF
        do {
            try await issuer.redeem(tampered, signature: bad, certificate: card)
            Issue.record("a tampered signature verified")
        } catch {
            #expect(error.code == .signatureInvalid)
            #expect(error.userCode == 66501)
        }

        let other = try ca.issueWithNewKey(to: .init(name: "林小美", idLastFour: "4093"),
                                           notBefore: clock.now.addingTimeInterval(-3600), notAfter: clock.now.addingTimeInterval(86_400))
        let stolen = await issuer.issue()
        await #expect(throws: LoginError(.signatureInvalid)) {
            try await issuer.redeem(stolen, signature: try sign(stolen), certificate: try CardCertificate(der: other.certificate.derBytes))
        }

        let late = await issuer.issue()
        clock.advance(by: 121)
        await #expect(throws: LoginError(.challengeExpired)) { try await issuer.redeem(late, signature: try sign(late), certificate: card) }
    }

    @Test("Certificates outside Taiwan's government PKI, or without identifiers, are refused before the PIN")
    func admission() throws {
        let foreign = try TestCertificateAuthority(kind: .nhiCard)  // no government authority name
        let (certificate, _) = try foreign.issueWithNewKey(to: .init(name: "Someone", idLastFour: "6789"))
        var flow = CertificateLogin(account: try PersonalID(parsing: "A123456789"))
        let contents = CertificateCardContents(cardNumber: "XX00000000000000", certificates: [.user2: try CardCertificate(der: certificate.derBytes)])
        if case .checkPINStatus = flow.handle(.cardRead(contents)) { Issue.record("went on to the PIN") }
        #expect(flow.state.failure?.code == .certificateIssuerUnknown)

        let citizen = try TestCertificateAuthority(kind: .citizen)
        let (bare, _) = try citizen.issueWithNewKey(to: .init(name: "王小明"))
        var noIdentifier = CertificateLogin(account: try PersonalID(parsing: "A123456789"))
        _ = noIdentifier.handle(.cardRead(CertificateCardContents(cardNumber: "TP03000001234567",
                                                                  certificates: [.user2: try CardCertificate(der: bare.derBytes)])))
        #expect(noIdentifier.state.failure?.code == .certificateIdentifierMissing)

        var noAccount = CertificateLogin(account: nil)
        let (personal, _) = try citizen.issueWithNewKey(to: .init(name: "王小明", idLastFour: "6789"))
        _ = noAccount.handle(.cardRead(CertificateCardContents(cardNumber: "TP03000001234567",
                                                               certificates: [.user2: try CardCertificate(der: personal.derBytes)])))
        #expect(noAccount.state.failure?.code == .certificateAccountRequired)
    }

    @Test("A PIN typed out of order ends the flow without the PIN in the error")
    func pinOutOfOrder() {
        var flow = CertificateLogin(account: try? PersonalID(parsing: "A123456789"))
        _ = flow.handle(.pinEntered("24681357"))
        let failure = flow.state.failure
        #expect(failure?.code == .unexpectedEvent)
        #expect(failure?.detail?.contains("pinEntered") == true)
        #expect(failure?.detail?.contains("24681357") == false, "\(String(describing: failure?.detail))")
    }

    @Test("A PKCS#11 module that is not there is 61006 with the install advice")
    func missingModule() {
        do {
            _ = try PKCS11Module.load("/nonexistent/libHicos_p11.so")
            Issue.record("loaded a missing module")
        } catch {
            #expect(error.code == .moduleNotLoaded)
            #expect(error.userCode == 61006)
            #expect(error.message.contains("HiCOS"))
        }
    }
}

extension CertificateLogin.State {
    /// The error of a failed flow.
    var failure: LoginError? { if case .failed(let error) = self { error } else { nil } }
}
