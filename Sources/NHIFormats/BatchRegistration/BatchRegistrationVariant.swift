import NHICore

/// The two layouts of the batch NHI-card registration file (健保卡整批註冊檔, SPEC §5).
public enum BatchRegistrationVariant: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// Uploaded through the multi-certificate system (seed 003): 身分證號, 電子郵件,
    /// 行動電話, 聯絡電話 (`03-1234567#123`).
    case current
    /// Sent by e-mail in 2015–2016 (seed 002): 身分證號, 電子郵件, 電話 (a mobile or a
    /// landline), the third column optional.
    case legacy2016 = "2016"

    /// The columns, in order.
    public var columns: [BatchRegistrationColumn] {
        switch self {
        case .current: [.id, .email, .mobile, .landline]
        case .legacy2016: [.id, .email, .phone]
        }
    }

    /// The header the NHI's template puts in the first row (not uploaded).
    public var templateHeader: [String] { columns.map(\.templateHeader) }

    /// The variant's raw value: `current` or `2016`.
    public var description: String { rawValue }
}

/// A column of a batch registration file.
public enum BatchRegistrationColumn: String, Sendable, Hashable, CaseIterable, Codable {
    /// 身分證號 — national ID or resident number, required.
    case id
    /// 電子郵件 — required.
    case email
    /// 行動電話 — optional.
    case mobile
    /// 聯絡電話 — optional; area code separated by `-`, extension by `#`.
    case landline
    /// 電話 (2016 layout) — a mobile or a landline, optional.
    case phone

    /// The field, for messages.
    public var field: Field {
        switch self {
        case .id: .personalID
        case .email: .email
        case .mobile: .mobile
        case .landline: .landline
        case .phone: .phone
        }
    }

    /// Whether a row without a value here is invalid.
    public var isRequired: Bool { self == .id || self == .email }

    /// The template's header text.
    public var templateHeader: String {
        switch self {
        case .id: "身分證號"
        case .email: "電子郵件"
        case .mobile: "行動電話"
        case .landline: "聯絡電話(區碼以-隔開,分機以#隔開)"
        case .phone: "電話"
        }
    }
}

extension Field {
    /// 電話: the third column of the 2016 layout, a mobile or a landline.
    public static let phone = Field("phone", label: "電話", labelEn: "Phone (mobile or landline)")
}
