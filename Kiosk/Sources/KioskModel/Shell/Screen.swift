/// Every screen of the kiosk.
public enum Screen: String, Sendable, Hashable, Codable, CaseIterable {
    case signIn
    /// 單位註冊作業: a unit registers for online services (before anyone signs in).
    case unitRegistration
    case home
    /// The visitor's NHI card: identity, then their services.
    case visitor
    case enrol
    case withdraw
    case salaryAdjustment
    case bulkSalaryAdjustment
    /// 停保／育嬰留停／復保／續保 and 保險對象基本資料變更.
    case statusChange
    /// 批次申報 and 申報資料套印表格.
    case filingImport
    /// 健保卡申請.
    case cardApplication
    /// 在保名冊: the in-force roster, searchable.
    case roster
    /// 補充保險費明細申報 (DPR).
    case dpr
    /// 保費計算明細及各類明細表.
    case statements
    /// 保費繳納證明及電子繳款單.
    case payments
    /// 稽核紀錄: who did what for the unit (administrators).
    case auditLog
    case batchUpload
    case uploadRecords
    case unpaidPremiums
    /// 單位管理者登錄作業: administrators and operators (administrators only).
    case staff
    /// 投保狀態查詢及投保證明 by ID (someone not at the counter).
    case insuranceLookup
    /// 今日申報 with same-day deletion, and the check results after conversion.
    case filings
    /// 保險費帳單及繳款單.
    case bills
    /// Reader diagnostics.
    case doctor
    case settings
    /// Locked after idling or on request; personal data wiped.
    case locked

    /// Screens that show or collect personal data: wiped on lock, idle and sign-out.
    public var holdsPersonalData: Bool {
        switch self {
        case .signIn, .home, .doctor, .settings, .locked: false
        case .unitRegistration, .visitor, .enrol, .withdraw, .salaryAdjustment, .bulkSalaryAdjustment,
             .batchUpload, .uploadRecords, .unpaidPremiums, .staff, .insuranceLookup, .filings, .bills, .statusChange, .roster,
             .auditLog, .statements, .payments, .filingImport, .cardApplication, .dpr: true
        }
    }

    /// Screens bound to the visitor whose card is in the reader: left when the card is removed.
    public var isVisitorBound: Bool { self == .visitor }

    /// Screens reachable without a signed-in member of staff (outside kiosk mode, the
    /// set-up screens too: a reader must be configured before anyone can sign in).
    public func isReachableSignedOut(kioskMode: Bool) -> Bool {
        switch self {
        case .signIn, .locked, .unitRegistration: true
        case .settings, .doctor: !kioskMode
        default: false
        }
    }
}

/// What the header shows a screen as (and what Back returns to).
extension Screen {
    /// The SDK module a screen's function needs, when the kiosk runs without it.
    var sdkModule: String? {
        switch self {
        case .signIn: "NHILogin"
        case .unitRegistration: "NHISignIn, NHIService"
        case .visitor, .doctor: "NHICards"
        case .enrol, .withdraw, .salaryAdjustment, .bulkSalaryAdjustment: "NHIService, NHIGrades"
        case .statusChange, .roster, .auditLog, .statements, .payments, .filingImport, .cardApplication: "NHIService"
        case .dpr: "NHIService, NHIFormats"
        case .batchUpload: "NHIFormats, NHIService"
        case .uploadRecords, .unpaidPremiums, .staff, .insuranceLookup, .filings, .bills: "NHIService"
        case .home, .settings, .locked: nil
        }
    }
}
