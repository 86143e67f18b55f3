// The code snippets of the NHICards, NHILogin, NHIService and NHITestSupport catalogs, copied
// verbatim; compiled only (they need readers, cards, a PKCS#11 module or a database). The
// free names of each snippet are the function's parameters.
import Foundation
import NHICards
import NHICore
import NHILogin
import NHIService
import NHISignIn
import NHITestSupport

enum CardsLoginServiceSnippets {
    // Source: Sources/NHICards/NHICards.docc/ReadingAnNHICard.md, snippet 1
    static func readingAnNHICard1() async throws {
        let pcsc = PCSCContext()
        let readers = try await pcsc.readers()
        guard let reader = readers.first(where: { $0.atr != nil }) else {
            throw CardError(.cardAbsent)                // 9056, with the seeds' advice
        }
        let card = try await NHICardReader(pcsc).readIdentity(reader: reader.name)
        print(card.name, card.id.masked, card.birthDate.formatted(.slashed), card.birthDate.gregorian.iso)
        // 陳大文 A12345**** 085/05/04 1996-05-04
    }

    // Source: Sources/NHICards/NHICards.docc/ReadingAnNHICard.md, snippet 2
    static func readingAnNHICard2(pcsc: PCSCContext) async throws {
        for inspection in try await CardInspector(pcsc).inspectAll() {
            switch inspection.content {
            case .nhi(let card): print(inspection.reader, card.name)
            case .certificate(let contents): print(inspection.reader, contents.cardNumber)
            case nil: print(inspection.reader, inspection.error!.message)
            }
        }
    }

    // Source: Sources/NHICards/NHICards.docc/ReadingAnNHICard.md, snippet 3
    static func readingAnNHICard3(pcsc: PCSCContext) async throws {
        for await event in CardEvents() {
            if case .cardInserted(let reader, _) = event {
                let card = try await NHICardReader(pcsc).readIdentity(reader: reader)
                print(card.name)                        // … and whatever the program does with it
            }
        }
    }

    // Source: Sources/NHILogin/NHILogin.docc/AppLogins.md, snippet 1
    static func appLogins1(verifier: any OTPVerifier) async throws {
        var flow = OTPLogin(id: try PersonalID(parsing: "A123456789"), birthDate: try CalendarDate(iso: "1996-05-04"))
        if case .verify(let code, let id, let birth, let unit) = flow.handle(.codeEntered("287082")) {
            _ = flow.handle(.verified(try await verifier.verify(code: code, for: id, birthDate: birth,
                                                                actingAsOwnerOf: unit, at: Date())))
        }
    }

    // Source: Sources/NHIService/NHIService.docc/NHIService.md, snippet 2
    static func serviceLanding2(service: NHIService, unit: InsuredUnit, caller: Caller) async throws {
        let roster = try await service.perform { try $0.roster.inForce(unit: unit.code, by: caller) }
        print(roster.count)
    }

    // Source: Sources/NHISignIn/NHISignIn.docc/NHISignIn.md, snippet 1
    static func signInLanding1(service: NHIService, password: RegistrationPassword) async throws {
        let signIn = StaffSignIn(service: service, context: PCSCContext(),
                                 verifier: ServiceLoginVerifier(service: service))
        switch try await signIn.signIn(with: .nhiCard(reader: nil, password: password, ownerUnitCode: nil)) {
        case .signedIn(let session):
            if session.permissions.mayFile { /* offer the filing screens */ }
        case .chooseUnit(let choice):
            let session = try await signIn.openSession(choice, unit: choice.units[0].unitCode)
            print(session.name, session.role)
        }
    }

    static func show(_ message: String) {}
    static func askPIN(for name: String, triesLeft: Int?) -> String? { nil }

    // Source: Sources/NHILogin/NHILogin.docc/LoggingInWithACertificate.md, snippet 1
    static func loggingInWithACertificate1() async throws {
        let pcsc = PCSCContext()
        let module = try PKCS11Module.load("libHicos_p11.so")   // or $NHI_PKCS11_MODULE
        let token = try PKCS11Token.find(in: module)
        var flow = CertificateLogin(account: try PersonalID(parsing: "A123456789"))
        let state = await flow.run(reader: "ACS ACR39U ICC Reader 00 00", context: pcsc, token: token,
                                   issuer: CertificateChallengeIssuer()) { certificate, status, previousError in
            if let previousError { show(previousError.message) }           // 密碼不正確，剩餘 2 次（錯誤代碼 9039）…
            return askPIN(for: certificate.holderName, triesLeft: status.knownRemainingTries)
        }
        switch state {
        case .authenticated(let identity): print(identity.personID!.masked, identity.certificateKind!.label)
        case .failed(let error): print(error.message, error.messageEn)
        default: break
        }
    }

    // Source: Sources/NHIService/NHIService.docc/NHIService.md, snippet 1
    static func nhiService1(unit: InsuredUnit, info: OrganisationCertificateInfo, operatorAssignment: StaffAssignment,
                            operatorID: PersonalID, id: PersonalID, name: PersonName, birth: CalendarDate,
                            today: CalendarDate) throws {
        let service = try NHIService.openDefault()            // $NHI_DB or ~/.local/share/nhi/nhi.sqlite
        let (_, certificate) = try service.units.register(unit, method: .organisationCertificate(info),
                                                          registrant: nil, ownerIsAdministrator: false)
        try service.staff.assign(operatorAssignment, by: certificate)
        let caller = try service.staff.session(person: operatorID, unit: unit.code, credential: .citizen)
        try service.filings.enrol(EnrolmentRequest(personID: id, name: name, birthDate: birth,
                                                   effectiveDate: today, insuredAmount: 36_300), by: caller)
        try service.filings.runNightlyConversion()             // at or after 22:30
    }

    // Source: Sources/NHITestSupport/NHITestSupport.docc/TestingWithVirtualCards.md, snippet 2
    static func testingWithVirtualCards2(first: VirtualCardSlot) async throws {
        let authority = try TestCertificateAuthority(kind: .citizen)
        let token = try SoftHSMEnvironment.createToken(label: "citizen", authority: authority,
                                                       holder: .init(name: "王小明", idLastFour: "6789"))
        try await first.insert(VirtualCertificateCard(cardNumber: "TP03000001234567",
                                                      certificates: [.user2: token.certificateDER],
                                                      key: nil, pin: "000000"))
        // token.signingToken logs in with "123456" and signs with the key generated on the token.
    }
}
