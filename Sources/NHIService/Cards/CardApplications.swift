import Foundation
import NHICore

extension NHIService {
    /// NHI card applications (健保卡申請作業): for oneself or a dependant, or a unit's batch
    /// form for its staff.
    public struct CardApplications: Sendable {
        let core: NHIService

        /// Files an application. A person may apply for themselves and their dependants; unit
        /// staff for people insured with their unit. New photos and first cards need a photo
        /// (jpg/jpeg/gif/png ≤ 5 MB); posted cards need an address.
        @discardableResult
        public func apply(for personID: PersonalID, reason: CardApplication.Reason, email: EmailAddress, phones: ContactPhones,
                          pickup: CardApplication.Pickup, photo: UploadedDocument?, by caller: Caller) throws(ServiceError) -> CardApplication {
            if reason.needsPhoto && photo == nil { throw ServiceError(.cardApplicationPhotoMissing) }
            if let photo, photo.purpose != .cardPhoto { throw ServiceError(.attachmentType) }
            if case .counter(let office) = pickup { _ = try TextRule.counterOffice.checked(office) }
            let now = core.clock.now
            return try core.write { w in
                try authorise(w, personID, caller, on: CalendarDate.today(at: now))
                let application = CardApplication(id: 0, personID: personID, appliedBy: caller.description, unitCode: caller.unitCode,
                                                  reason: reason, email: email, phones: phones, pickup: pickup,
                                                  photoSHA256: photo?.sha256, createdAt: now)
                let id = try w.insert(application)
                if let photo { try w.store(photo, owner: "cardApplication:\(id)") }
                try core.record(w, caller, unit: caller.unitCode, action: "card.apply", target: personID.masked, detail: reason.rawValue)
                return CardApplication(id: id, personID: personID, appliedBy: application.appliedBy, unitCode: application.unitCode,
                                       reason: reason, email: email, phones: phones, pickup: pickup, photoSHA256: photo?.sha256, createdAt: now)
            }
        }

        /// A person's applications.
        public func applications(person: PersonalID, by caller: Caller) throws(ServiceError) -> [CardApplication] {
            try core.read { r in
                try authorise(r, person, caller, on: core.clock.today)
                return try r.cardApplications(person: person)
            }
        }

        /// The person may act for themselves and their dependants; staff for their unit's insured.
        private func authorise(_ r: any StoreReader, _ personID: PersonalID, _ caller: Caller, on day: CalendarDate) throws {
            switch caller.standing {
            case .person:
                guard let me = caller.personID else { throw ServiceError(.notAuthorised) }
                if me == personID { return }
                let dependants = try r.coverages(person: personID).filter { $0.principalID == me && $0.isInForce(on: day) }
                guard !dependants.isEmpty else { throw ServiceError(.notAuthorised, context: ["person": personID.masked]) }
            case .staff, .organisationCertificate, .owner:
                guard let unit = caller.unitCode,
                      try r.coverages(person: personID).contains(where: { $0.unitCode == unit && $0.isInForce(on: day) }) else {
                    throw ServiceError(.filingNotInsuredHere, context: ["person": personID.masked])
                }
            case .system:
                return
            }
        }
    }

    /// Card applications.
    public var cards: CardApplications { CardApplications(core: self) }
}
