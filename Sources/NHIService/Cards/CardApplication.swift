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

        /// `遺失`, `毀損`, `更換照片`, `首次申請` or `資料變更`.
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
        /// The county or city (縣市), required.
        public let county: String
        /// The district, township or town (鄉鎮市區), required.
        public let district: String
        /// The village (村里); empty when not given.
        public let village: String
        /// The neighbourhood number (鄰), without the `鄰`; empty when not given.
        public let neighbourhood: String
        /// The street, lane and number (街路巷弄號), required.
        public let street: String

        /// Creates an address. Throws `cardApplication.address` when the county, district or street is empty, and
        /// `request.invalidText` when a part breaks the address text rule.
        /// - Parameters:
        ///   - county: 縣市.
        ///   - district: 鄉鎮市區.
        ///   - village: 村里, may be empty.
        ///   - neighbourhood: 鄰, may be empty.
        ///   - street: 街路巷弄號.
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
        /// 郵寄: mailed to the address.
        case post(Address)
        /// 臨櫃領取: picked up at the named counter (領卡地點).
        case counter(office: String)
    }

    /// The application's number in the store.
    public let id: Int64
    /// The person the card is for (self or a dependant).
    public let personID: PersonalID
    /// Who applied: the person, or the unit for its staff (batch form).
    public let appliedBy: String
    /// The unit of the caller who applied, if the caller acted for a unit.
    public let unitCode: UnitCode?
    /// Lost, damaged, new photo, first issue or data change.
    public let reason: Reason
    /// The applicant's e-mail address.
    public let email: EmailAddress
    /// The applicant's landline or mobile number.
    public let phones: ContactPhones
    /// By post to an address, or picked up at a counter.
    public let pickup: Pickup
    /// SHA-256 of the photo, when one was attached (the photo itself is stored with it).
    public let photoSHA256: String?
    /// When the application was made.
    public let createdAt: Date

    /// Creates an application record from its parts, as the store keeps it.
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
