/// A contact: a landline or a mobile number, at least one (the seeds' "聯絡電話或行動電話須填入一項").
public struct ContactPhones: Hashable, Sendable, Codable {
    /// The landline (聯絡電話), if given.
    public let landline: LandlineNumber?
    /// The mobile number (行動電話), if given.
    public let mobile: MobileNumber?

    /// Creates the pair; throws `contactPhone.missing` when both are `nil`.
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
    /// The unit code (投保單位代號), the unit's key.
    public let code: UnitCode
    /// The unit's name (投保單位名稱), trimmed.
    public let name: String
    /// The unified business number (統一編號), if the unit has one.
    public let ubn: UBN?
    /// Required unless the unit uses NHI-only operations.
    public let labourInsuranceNumber: LabourInsuranceNumber?
    /// The national ID or resident number of the owner (負責人).
    public let ownerID: PersonalID
    /// The owner's landline or mobile number, at least one.
    public let ownerPhones: ContactPhones
    /// The e-mail address of the unit.
    public let email: EmailAddress
    /// 僅使用健保專用相關作業，不使用勞(農)保.
    public let nhiOnly: Bool

    /// Creates an insured unit. Throws `unitName.empty`, a `text.*` error for a name that breaks
    /// ``TextRule/unitName``, or `labourInsuranceNumber.missing` when a unit that is not NHI-only has no
    /// labour-insurance number.
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
    /// The unified business number (統一編號), the withholding unit's key.
    public let ubn: UBN
    /// The payer's name, trimmed.
    public let name: String
    /// The contact person (聯絡人), if any.
    public let contactName: String?
    /// The contact's landline or mobile number, at least one.
    public let phones: ContactPhones
    /// The e-mail address of the payer.
    public let email: EmailAddress
    /// The address (地址), if any.
    public let address: String?

    /// Creates a withholding unit. Throws `unitName.empty`, or a `text.*` error for a name, contact name or address
    /// that breaks its ``TextRule``.
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
