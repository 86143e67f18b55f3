import Foundation
import NHICore
import NHILogin

/// The owner's proof for a registration by OTP: their birth date and the NHI app's code.
public struct OwnerOTPProof: Sendable, Hashable {
    /// The owner's birth date (負責人出生日期), checked with the code.
    public let birthDate: CalendarDate
    /// The 6-digit code shown by the NHI app (never logged).
    public let code: String

    /// Creates the proof from the owner's birth date and the app's code.
    public init(birthDate: CalendarDate, code: String) {
        self.birthDate = birthDate
        self.code = code
    }
}

extension NHIService {
    /// Unit registration (單位註冊作業) and unit data maintenance (SPEC §1, §3, §8).
    public struct Units: Sendable {
        let core: NHIService

        /// Registers a unit for online services.
        ///
        /// - By **organisation certificate**: the certificate holds administrator rights
        ///   itself; the returned caller is the certificate. Its UBN must match the unit's.
        /// - By the **owner's NHI card**: `registrant` must be the owner, whose card must
        ///   already be registered for online services.
        /// - By the **owner's OTP**: `registrant` must be the owner, who gives their birth date
        ///   and the 6-digit code of the NHI app bound to them (`ownerOTP`), valid 3 minutes
        ///   and once (NHILogin's `OTPAcceptance.nhiApp`); wrong codes count towards the lockout.
        ///
        /// The first registrant is an administrator: with `ownerIsAdministrator` the owner is
        /// assigned as one (負責人為管理者).
        @discardableResult
        public func register(_ unit: InsuredUnit, method: UnitRegistrationMethod, registrant: PersonalID?,
                             ownerIsAdministrator: Bool, agentUBNs: [UBN] = [],
                             ownerOTP: OwnerOTPProof? = nil) throws(ServiceError) -> (account: UnitAccount, caller: Caller) {
            let now = core.clock.now
            if case .ownerOTP = method {
                guard registrant == unit.ownerID else { throw ServiceError(.unitOwnerMismatch) }
                guard let proof = ownerOTP else { throw ServiceError(.unitOwnerOTPMissing) }
                let outcome: OTPVerification
                do {
                    outcome = try ServiceLoginVerifier(service: core).checkOTP(code: proof.code, for: unit.ownerID, birthDate: proof.birthDate, at: now)
                } catch {
                    throw ServiceError(.unitOwnerOTPRejected, wrapping: error)
                }
                guard case .accepted = outcome else {
                    throw ServiceError(.unitOwnerOTPRejected, context: ["reason": String(describing: outcome)])
                }
            }
            // An agent relation (代辦統編) is granted by the other unit, never claimed: see addAgentUBN.
            guard agentUBNs.isEmpty else { throw ServiceError(.unitAgentNotGranted, context: ["ubn": agentUBNs[0].rawValue]) }
            return try core.write { w in
                if try w.unit(unit.code) != nil {
                    throw ServiceError(.unitAlreadyRegistered, context: ["unit": unit.code.rawValue])
                }
                let caller: Caller
                switch method {
                case .organisationCertificate(let certificate):
                    guard certificate.kind.isOrganisation else { throw ServiceError(.unitCertificateNotOrganisation) }
                    _ = try TextRule.certificateSerial.checked(certificate.serialNumber)
                    _ = try TextRule.certificateName.checked(certificate.issuer)
                    _ = try TextRule.certificateName.checked(certificate.subject)
                    if let certUBN = certificate.ubn, let ubn = unit.ubn, certUBN != ubn {
                        throw ServiceError(.unitCertificateMismatch, context: ["unit": unit.code.rawValue])
                    }
                    caller = Caller(personID: nil, unitCode: unit.code, standing: .organisationCertificate, credential: certificate.kind)
                case .ownerNHICard(let cardNumber):
                    guard registrant == unit.ownerID else { throw ServiceError(.unitOwnerMismatch) }
                    guard let account = try w.personalAccount(unit.ownerID), account.status == .active else {
                        throw ServiceError(.unitOwnerNotRegistered)
                    }
                    if let registered = account.cardNumber, registered != cardNumber {
                        throw ServiceError(.unitOwnerMismatch, context: ["reason": "card"])
                    }
                    caller = Caller(personID: unit.ownerID, unitCode: unit.code, standing: .owner, credential: .nhiCard)
                case .ownerOTP:
                    guard registrant == unit.ownerID else { throw ServiceError(.unitOwnerMismatch) }
                    caller = Caller(personID: unit.ownerID, unitCode: unit.code, standing: .owner, credential: .nhiCard)
                }
                let account = UnitAccount(unit: unit, method: method, ownerIsAdministrator: ownerIsAdministrator,
                                          agentUBNs: agentUBNs, registeredAt: now)
                try w.insert(account)
                try core.record(w, caller, unit: unit.code, action: "unit.register", target: unit.code.rawValue, detail: method.label)
                if ownerIsAdministrator {
                    let owner = try w.person(unit.ownerID)
                    let name = try owner?.name ?? PersonName("負責人")
                    let staff = StaffMember(id: 0, unitCode: unit.code, personID: unit.ownerID, name: name, role: .administrator,
                                            credential: .nhiCard, certificateSerial: nil, phones: unit.ownerPhones, email: unit.email,
                                            mayUseAllEnrolmentFunctions: true, assignedAt: now, assignedBy: caller.description)
                    let id = try w.insert(staff)
                    try core.record(w, caller, unit: unit.code, action: "staff.assign", target: unit.ownerID.masked, detail: "owner as administrator #\(id)")
                }
                return (account, caller)
            }
        }

        /// The registered unit.
        public func account(_ code: UnitCode) throws(ServiceError) -> UnitAccount {
            guard let account = try core.read({ try $0.unit(code) }) else {
                throw ServiceError(.unitNotRegistered, context: ["unit": code.rawValue])
            }
            return account
        }

        /// Updates the unit's data (投保單位基本資料): administrators only. The owner (負責人)
        /// and the UBN are not unit data an administrator may change: they decide who may
        /// assign administrators and which organisation certificate the unit answers to
        /// (`unit.fieldNotChangeable`).
        public func update(_ unit: InsuredUnit, by caller: Caller) throws(ServiceError) {
            guard caller.isAdministrator(of: unit.code) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
            try core.write { w in
                guard var account = try w.unit(unit.code) else { throw ServiceError(.unitNotRegistered) }
                if account.unit.ownerID != unit.ownerID {
                    throw ServiceError(.unitFieldNotChangeable, context: ["field": "ownerID"], detail: ("負責人身分證號", "the owner's ID"))
                }
                if account.unit.ubn != unit.ubn {
                    throw ServiceError(.unitFieldNotChangeable, context: ["field": "ubn"], detail: ("統一編號", "the UBN"))
                }
                account.unit = unit
                try w.update(account)
                try core.record(w, caller, unit: unit.code, action: "unit.update", target: unit.code.rawValue)
            }
        }

        /// Adds a UBN this unit's organisation certificate files for as an agent (代辦統編),
        /// after which the certificate may assign administrators of the units with that UBN.
        ///
        /// The relation is granted, never claimed: `principal` must be an administrator (or the
        /// organisation certificate) of a registered unit whose UBN is `ubn`, or the service's
        /// own caller (``Caller/system``) recording an agency the NHI approved. Otherwise
        /// `unit.agentNotGranted`.
        public func addAgentUBN(_ ubn: UBN, by caller: Caller, grantedBy principal: Caller) throws(ServiceError) {
            guard let code = caller.unitCode, caller.standing == .organisationCertificate else {
                throw ServiceError(.notAuthorised, context: ["caller": caller.description])
            }
            try core.write { w in
                guard var account = try w.unit(code) else { throw ServiceError(.unitNotRegistered) }
                if principal.standing != .system {
                    guard let principalUnit = principal.unitCode, principal.isAdministrator(of: principalUnit),
                          let granting = try w.unit(principalUnit), granting.unit.ubn == ubn, principalUnit != code else {
                        throw ServiceError(.unitAgentNotGranted, context: ["ubn": ubn.rawValue, "principal": principal.description])
                    }
                }
                if !account.agentUBNs.contains(ubn) { account.agentUBNs.append(ubn) }
                try w.update(account)
                try core.record(w, caller, unit: code, action: "unit.agentUBN", target: ubn.rawValue, detail: "granted by \(principal)")
            }
        }

        /// Creates or updates a withholding unit (扣費單位資料維護). The caller must be staff
        /// of a unit with that UBN or filing for it as an agent.
        public func saveWithholdingUnit(_ unit: WithholdingUnit, by caller: Caller) throws(ServiceError) {
            try core.write { w in
                guard let code = caller.unitCode, caller.isStaff(of: code), let account = try w.unit(code),
                      account.unit.ubn == unit.ubn || account.agentUBNs.contains(unit.ubn) else {
                    throw ServiceError(.notAuthorised, context: ["caller": caller.description, "ubn": unit.ubn.rawValue])
                }
                try w.upsert(unit)
                try core.record(w, caller, unit: code, action: "withholdingUnit.save", target: unit.ubn.rawValue)
            }
        }

        /// The withholding unit with `ubn`.
        public func withholdingUnit(_ ubn: UBN) throws(ServiceError) -> WithholdingUnit? {
            try core.read { try $0.withholdingUnit(ubn) }
        }
    }
}
