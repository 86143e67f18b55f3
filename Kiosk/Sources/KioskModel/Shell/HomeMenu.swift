import NHICore

/// A task on the home screen.
public enum KioskTask: String, Sendable, Hashable, Codable, CaseIterable {
    case visitorCard
    case enrol
    case withdraw
    case salaryAdjustment
    case bulkSalaryAdjustment
    /// 停保／育嬰留停／復保／續保 and basic-data changes.
    case statusChange
    /// 批次申報 (a filing file) and 申報資料套印表格.
    case filingImport
    case batchUpload
    case uploadRecords
    case unpaidPremiums
    /// 單位管理者登錄作業 (sessions the service lets administer the unit).
    case staff
    /// Insurance status and proof by ID (sessions that may see the unit's roster).
    case insuranceLookup
    /// 健保卡申請 for someone insured with the unit.
    case cardApplication
    /// The in-force roster (在保名冊), searchable.
    case roster
    /// Today's filings (same-day deletion) and check results.
    case filings
    /// Bills and payment slips (sessions the service lets read statements).
    case bills
    /// 補充保險費明細申報 (DPR).
    case dpr
    /// 保費計算明細及各類明細表.
    case statements
    /// 保費繳納證明及電子繳款單.
    case payments
    /// The unit's audit log (administrators).
    case auditLog
    case doctor
    case settings
    /// Administrators only, in kiosk mode: close the kiosk.
    case leaveKiosk

    /// The screen the task opens (nil for ``leaveKiosk``).
    public var screen: Screen? {
        switch self {
        case .visitorCard: .visitor
        case .enrol: .enrol
        case .withdraw: .withdraw
        case .salaryAdjustment: .salaryAdjustment
        case .bulkSalaryAdjustment: .bulkSalaryAdjustment
        case .statusChange: .statusChange
        case .filingImport: .filingImport
        case .cardApplication: .cardApplication
        case .roster: .roster
        case .auditLog: .auditLog
        case .statements: .statements
        case .dpr: .dpr
        case .payments: .payments
        case .batchUpload: .batchUpload
        case .uploadRecords: .uploadRecords
        case .unpaidPremiums: .unpaidPremiums
        case .staff: .staff
        case .insuranceLookup: .insuranceLookup
        case .filings: .filings
        case .bills: .bills
        case .doctor: .doctor
        case .settings: .settings
        case .leaveKiosk: nil
        }
    }
}

/// Which tasks a member of staff may see (SPEC §1).
///
/// - Everyone: the visitor's card, batch registration upload, upload records (the SDK shows
///   operators only their own uploads), unpaid premiums, reader diagnostics.
/// - Filing enrolments, withdrawals and salary adjustments: whoever the service allows to
///   file (`StaffSession.permissions`, the service's one rule: staff assigned with
///   "允許使用所有加退保業務功能", the unit's certificate; never the owner signed in as owner).
/// - Settings: administrators in kiosk mode, everyone on an ordinary desktop.
///   Leaving kiosk mode: administrators, in kiosk mode.
public enum HomeMenu {
    /// The tasks for `session`, in menu order.
    public static func tasks(for session: StaffSession, kioskMode: Bool) -> [KioskTask] {
        KioskTask.allCases.filter { allows($0, for: session, kioskMode: kioskMode) }
    }

    /// Whether `session` may open `task`.
    public static func allows(_ task: KioskTask, for session: StaffSession, kioskMode: Bool) -> Bool {
        switch task {
        case .visitorCard, .batchUpload, .uploadRecords, .unpaidPremiums, .doctor: true
        case .enrol, .withdraw, .salaryAdjustment, .bulkSalaryAdjustment, .statusChange, .filingImport: session.mayFileChanges
        case .staff, .auditLog: session.permissions.allows(.administer)
        case .insuranceLookup, .filings, .roster, .cardApplication: session.permissions.allows(.viewRoster)
        case .bills, .statements, .payments: session.permissions.allows(.statements)
        case .dpr: session.permissions.allows(.statements) && session.mayFileChanges
        case .settings: session.role == .administrator || !kioskMode
        case .leaveKiosk: kioskMode && session.role == .administrator
        }
    }

    /// Whether `session` (nil: nobody signed in) may be on `screen`.
    public static func allows(_ screen: Screen, for session: StaffSession?, kioskMode: Bool) -> Bool {
        guard let session else { return screen.isReachableSignedOut(kioskMode: kioskMode) }
        switch screen {
        case .signIn, .home, .locked: return true
        default:
            guard let task = KioskTask.allCases.first(where: { $0.screen == screen }) else { return false }
            return allows(task, for: session, kioskMode: kioskMode)
        }
    }
}
