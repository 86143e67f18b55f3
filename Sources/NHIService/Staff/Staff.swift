import Foundation
import NHICore

extension NHIService {
    /// Administrators and operators (單位管理者登錄作業): assignment, deletion, sessions.
    public struct Staff: Sendable {
        let core: NHIService

        /// Assigns an administrator or operator.
        ///
        /// The caller must administer the unit. An organisation certificate may also assign
        /// **administrators** for units whose UBN it files for as an agent (`forUnit`). A
        /// citizen certificate (or healthcare-professional card) needs the serial number read
        /// from the assignee's card; an NHI card must already be registered for online
        /// services.
        @discardableResult
        public func assign(_ a: StaffAssignment, by caller: Caller) throws(ServiceError) -> StaffMember {
            guard let callerUnit = caller.unitCode else { throw ServiceError(.notAuthorised) }
            let target = a.forUnit ?? callerUnit
            var serial = try TextRule.certificateSerial.checkedOptional(a.certificateSerial)
            if let text = serial, a.credential == .citizen || a.credential == .healthcareProfessional {
                guard let normalised = CertificateSerial.normalised(text) else {
                    throw ServiceError(.staffCertificateSerialFormat, context: ["field": "certificateSerial", "value": String(text.prefix(20))])
                }
                serial = normalised
            }
            let now = core.clock.now
            return try core.write { w in
                guard let unit = try w.unit(target) else { throw ServiceError(.unitNotRegistered, context: ["unit": target.rawValue]) }
                if target == callerUnit {
                    guard caller.isAdministrator(of: target) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
                } else {
                    guard caller.standing == .organisationCertificate, let own = try w.unit(callerUnit),
                          let ubn = unit.unit.ubn, own.agentUBNs.contains(ubn) else {
                        throw ServiceError(.notAuthorised, context: ["caller": caller.description, "unit": target.rawValue])
                    }
                    guard a.role == .administrator else { throw ServiceError(.staffAgentAssignsAdministratorsOnly) }
                }
                switch a.credential {
                case .citizen, .healthcareProfessional:
                    guard serial != nil else { throw ServiceError(.staffCertificateSerialMissing) }
                case .nhiCard:
                    guard let account = try w.personalAccount(a.personID), account.status == .active else {
                        throw ServiceError(.staffCardNotRegistered, context: ["person": a.personID.masked])
                    }
                default:
                    throw ServiceError(.staffCredentialKind, context: ["credential": a.credential.rawValue])
                }
                if try w.staff(unit: target, includeDeleted: false).contains(where: { $0.personID == a.personID }) {
                    throw ServiceError(.staffAlreadyAssigned, context: ["person": a.personID.masked])
                }
                var member = StaffMember(id: 0, unitCode: target, personID: a.personID, name: a.name, role: a.role, credential: a.credential,
                                         certificateSerial: serial, phones: a.phones, email: a.email,
                                         mayUseAllEnrolmentFunctions: a.mayUseAllEnrolmentFunctions, assignedAt: now,
                                         assignedBy: caller.description)
                let id = try w.insert(member)
                member = try w.staff(id: id) ?? member
                try core.record(w, caller, unit: target, action: "staff.assign", target: a.personID.masked,
                                detail: "\(a.role.rawValue) #\(id) \(a.credential.rawValue)")
                return member
            }
        }

        /// Deletes an assignment (staff leaving or changing jobs). The record is kept for the
        /// audit log but can no longer log in. A unit is never locked out: its owner (or its
        /// organisation certificate) can always log in to assign administrators again.
        public func delete(_ staffID: Int64, by caller: Caller) throws(ServiceError) {
            let now = core.clock.now
            try core.write { w in
                guard var member = try w.staff(id: staffID), member.isActive else { throw ServiceError(.staffNotFound) }
                guard caller.isAdministrator(of: member.unitCode) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
                member.deletedAt = now
                try w.update(member)
                try core.record(w, caller, unit: member.unitCode, action: "staff.delete", target: member.personID.masked, detail: "#\(staffID)")
            }
        }

        /// The unit's current staff: administrators see everyone; operators see themselves.
        public func list(unit: UnitCode, by caller: Caller) throws(ServiceError) -> [StaffMember] {
            guard caller.isStaff(of: unit) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
            let all = try core.read { try $0.staff(unit: unit, includeDeleted: false) }
            return caller.isAdministrator(of: unit) ? all : all.filter { $0.id == caller.staffID }
        }

        /// Opens a session for a person who has authenticated (card + password, certificate +
        /// PIN, OTP or QR) and wants to act for `unit`. Deleted staff cannot log in.
        ///
        /// - Parameters:
        ///   - person: who signed in.
        ///   - unit: the unit they want to act for.
        ///   - credential: what they signed in with.
        ///   - certificateSerial: the serial of the certificate the person signed in
        ///   with. Required for a certificate sign-in (`.citizen`, `.healthcareProfessional`)
        ///   whenever the assignment records a serial (`staff.certificateSerialMissing`), and
        ///   it must be that serial (`staff.certificateSerialMismatch`): leaving it out never
        ///   skips the check. Card and app sign-ins pass nil.
        public func session(person: PersonalID, unit: UnitCode, credential: CertificateKind,
                            certificateSerial: String? = nil) throws(ServiceError) -> Caller {
            let members = try core.read { try $0.staff(unit: unit, includeDeleted: false) }
            guard let member = members.first(where: { $0.personID == person }) else {
                throw ServiceError(.staffNotAssigned, context: ["person": person.masked, "unit": unit.rawValue])
            }
            let certificateSignIn = credential == .citizen || credential == .healthcareProfessional
            if let expected = member.certificateSerial, !expected.isEmpty, certificateSignIn || certificateSerial != nil {
                guard let serial = certificateSerial else { throw ServiceError(.staffCertificateSerialMissing) }
                guard serial.uppercased() == expected.uppercased() else { throw ServiceError(.staffCertificateSerialMismatch) }
            }
            return Caller(personID: person, unitCode: unit, standing: .staff(id: member.id, role: member.role), credential: credential)
        }

        /// The units a person may act for, with their role in each (for the unit picker
        /// after login).
        public func memberships(person: PersonalID) throws(ServiceError) -> [StaffMember] {
            try core.read { try $0.staff(person: person) }.filter(\.isActive)
        }

        /// Opens a session for an organisation certificate (administrator of its unit).
        public func organisationSession(unit: UnitCode, certificate: OrganisationCertificateInfo) throws(ServiceError) -> Caller {
            let account = try core.units.account(unit)
            guard case .organisationCertificate(let registered) = account.method, registered.serialNumber == certificate.serialNumber
                || (certificate.ubn != nil && certificate.ubn == account.unit.ubn) else {
                throw ServiceError(.unitCertificateMismatch, context: ["unit": unit.rawValue])
            }
            return Caller(personID: nil, unitCode: unit, standing: .organisationCertificate, credential: certificate.kind)
        }

        /// Opens a session for the owner logging in "as owner to assign administrators"
        /// with the 9-character unit code.
        public func ownerSession(person: PersonalID, unit: UnitCode, credential: CertificateKind) throws(ServiceError) -> Caller {
            let account = try core.units.account(unit)
            guard account.unit.ownerID == person else { throw ServiceError(.unitOwnerMismatch) }
            return Caller(personID: person, unitCode: unit, standing: .owner, credential: credential)
        }
    }
}
