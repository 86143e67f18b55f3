/// A contact: a landline or a mobile number, at least one (the seeds' "聯絡電話或行動電話須填入一項").
public struct ContactPhones: Hashable, Sendable, Codable {
    public let landline: LandlineNumber?
    public let mobile: MobileNumber?

    public init(landline: LandlineNumber?, mobile: MobileNumber?) throws(ValidationError) {
        guard landline != nil || mobile != nil else {
            throw ValidationError.make(.contactPhoneMissing, .contactPhone, input: nil)
        }
        self.landline = landline
        self.mobile = mobile
    }
}

/// An insured unit (投保單位): an employer that enrols its staff (SPEC §1, §3).
public struct InsuredUnit: Hashable, Sendable, Codable {
    public let code: UnitCode
    public let name: String
    public let ubn: UBN?
    /// Required unless the unit uses NHI-only operations.
    public let labourInsuranceNumber: LabourInsuranceNumber?
    public let ownerID: PersonalID
    public let ownerPhones: ContactPhones
    public let email: EmailAddress
    /// 僅使用健保專用相關作業，不使用勞(農)保.
    public let nhiOnly: Bool

    public init(code: UnitCode, name: String, ubn: UBN?, labourInsuranceNumber: LabourInsuranceNumber?,
                ownerID: PersonalID, ownerPhones: ContactPhones, email: EmailAddress, nhiOnly: Bool) throws(ValidationError) {
        guard !Normalizer.trimmed(name).isEmpty else { throw ValidationError.make(.unitNameEmpty, .unitName, input: name) }
        let trimmed = try TextRule.unitName.check(name)
        if !nhiOnly && labourInsuranceNumber == nil {
            throw ValidationError.make(.labourInsuranceNumberMissing, .labourInsuranceNumber, input: nil)
        }
        self.code = code
        self.name = trimmed
        self.ubn = ubn
        self.labourInsuranceNumber = labourInsuranceNumber
        self.ownerID = ownerID
        self.ownerPhones = ownerPhones
        self.email = email
        self.nhiOnly = nhiOnly
    }

    /// Whether the unit can file three-in-one (labour + pension + NHI) operations: only with
    /// a labour-insurance number and not NHI-only.
    public var canFileThreeInOne: Bool { labourInsuranceNumber != nil && !nhiOnly }
}

/// A withholding unit (扣費單位): a payer that withholds supplementary premium (key: UBN).
public struct WithholdingUnit: Hashable, Sendable, Codable {
    public let ubn: UBN
    public let name: String
    public let contactName: String?
    public let phones: ContactPhones
    public let email: EmailAddress
    public let address: String?

    public init(ubn: UBN, name: String, contactName: String?, phones: ContactPhones, email: EmailAddress, address: String?) throws(ValidationError) {
        guard !Normalizer.trimmed(name).isEmpty else { throw ValidationError.make(.unitNameEmpty, .unitName, input: name) }
        let trimmed = try TextRule.unitName.check(name)
        self.ubn = ubn
        self.name = trimmed
        self.contactName = try TextRule.contactName.checkOptional(contactName)
        self.phones = phones
        self.email = email
        self.address = try TextRule.addressPart.checkOptional(address)
    }
}
