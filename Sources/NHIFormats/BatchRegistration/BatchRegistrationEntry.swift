import NHICore

/// One valid row of a batch registration file: who is registered, where the verification
/// e-mail goes, and how to reach them.
public struct BatchRegistrationEntry: Sendable, Hashable, Codable {
    /// The national ID or resident number.
    public let id: PersonalID
    /// Where the NHI sends the verification e-mail.
    public let email: EmailAddress
    /// The mobile number, if given.
    public let mobile: MobileNumber?
    /// The landline, if given.
    public let landline: LandlineNumber?

    /// Creates an entry.
    public init(id: PersonalID, email: EmailAddress, mobile: MobileNumber? = nil, landline: LandlineNumber? = nil) {
        self.id = id
        self.email = email
        self.mobile = mobile
        self.landline = landline
    }

    /// The row's fields in `variant`'s column order, canonical. In the 2016 layout the
    /// phone column holds the mobile if there is one, else the landline.
    public func fields(for variant: BatchRegistrationVariant) -> [String] {
        switch variant {
        case .current:
            [id.rawValue, email.rawValue, mobile?.rawValue ?? "", landline?.rawValue ?? ""]
        case .legacy2016:
            [id.rawValue, email.rawValue, mobile?.rawValue ?? landline?.rawValue ?? ""]
        }
    }
}
