import Foundation
import NHICore

/// An application for an NHI card (健保卡申請作業, SPEC §7).
public struct CardApplication: Sendable, Hashable, Codable, Identifiable {
    /// Why a card is needed.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// 遺失.
        case lost
        /// 毀損.
        case damaged
        /// 更換照片.
        case newPhoto
        /// 首次申請 (newborns, foreigners).
        case firstIssue
        /// 資料變更.
        case dataChange

        public var label: String {
            switch self {
            case .lost: "遺失"
            case .damaged: "毀損"
            case .newPhoto: "更換照片"
            case .firstIssue: "首次申請"
            case .dataChange: "資料變更"
            }
        }

        /// Whether this reason needs a new photo.
        public var needsPhoto: Bool { self == .newPhoto || self == .firstIssue }
    }

    /// A mailing address (county, district, village, 鄰, street).
    public struct Address: Sendable, Hashable, Codable {
        public let county: String
        public let district: String
        public let village: String
        public let neighbourhood: String
        public let street: String

        public init(county: String, district: String, village: String, neighbourhood: String, street: String) throws(ServiceError) {
            for (name, value) in [("county", county), ("district", district), ("street", street)]
            where value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ServiceError(.cardApplicationAddress, context: ["field": name])
            }
            self.county = try TextRule.addressPart.checked(county)
            self.district = try TextRule.addressPart.checked(district)
            self.village = try TextRule.addressPart.checkedOptional(village) ?? ""
            self.neighbourhood = try TextRule.addressPart.checkedOptional(neighbourhood) ?? ""
            self.street = try TextRule.addressPart.checked(street)
        }

        /// `臺北市大安區龍安里5鄰信義路三段140號`.
        public var line: String { county + district + village + (neighbourhood.isEmpty ? "" : neighbourhood + "鄰") + street }
    }

    /// How the card reaches the person.
    public enum Pickup: Sendable, Hashable, Codable {
        case post(Address)
        case counter(office: String)
    }

    public let id: Int64
    public let personID: PersonalID
    /// Who applied: the person, or the unit for its staff (batch form).
    public let appliedBy: String
    public let unitCode: UnitCode?
    public let reason: Reason
    public let email: EmailAddress
    public let phones: ContactPhones
    public let pickup: Pickup
    /// SHA-256 of the photo, when one was attached (the photo itself is stored with it).
    public let photoSHA256: String?
    public let createdAt: Date

    public init(id: Int64, personID: PersonalID, appliedBy: String, unitCode: UnitCode?, reason: Reason, email: EmailAddress,
                phones: ContactPhones, pickup: Pickup, photoSHA256: String?, createdAt: Date) {
        self.id = id
        self.personID = personID
        self.appliedBy = appliedBy
        self.unitCode = unitCode
        self.reason = reason
        self.email = email
        self.phones = phones
        self.pickup = pickup
        self.photoSHA256 = photoSHA256
        self.createdAt = createdAt
    }
}
