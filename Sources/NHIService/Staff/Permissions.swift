import NHICore

/// What a session in a unit may ask the service to do. Front ends (the `nhi` tool, the
/// kiosk, `nhi-server`) ask ``NHIService/Staff-swift.struct/permissions(of:)`` which of these
/// a session has, instead of deciding it themselves: the service applies exactly the same
/// rule when the action is requested.
public enum UnitAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Enrolment, withdrawal, salary adjustment, status changes and bulk adjustments
    /// (加退保等異動作業), NHI only.
    case file
    /// The same as three-in-one filings (勞健保／勞退三合一): also needs the unit's
    /// labour-insurance number.
    case fileThreeInOne
    /// The in-force roster, the unit's filings and their status (在保名冊、申報查詢).
    case viewRoster
    /// Batch NHI-card online-service registration (批次註冊): upload, results.
    case batchRegistration
    /// Statements (各類明細表), bills, payment slips and e-payment subscriptions.
    case statements
    /// Assigning and deleting administrators and operators, changing the unit's data.
    case administer

    /// The action's name on the NHI's screens.
    public var label: String {
        switch self {
        case .file: "加退保等異動作業"
        case .fileThreeInOne: "勞健保三合一申報"
        case .viewRoster: "在保名冊及申報查詢"
        case .batchRegistration: "健保卡網路服務批次註冊"
        case .statements: "明細表、繳款單及轉帳"
        case .administer: "單位管理者登錄作業"
        }
    }
}

/// What one session may do in its unit: each ``UnitAction`` allowed, or the error the
/// service would answer it with.
public struct UnitPermissions: Sendable, Hashable, Codable {
    /// The unit the session acts for.
    public let unitCode: UnitCode
    /// The actions the service allows.
    public let allowed: Set<UnitAction>
    /// The error each refused action would get (with its code and both messages).
    public let refusals: [UnitAction: ServiceError]

    /// A set of permissions (the service makes them: ``NHIService/Staff-swift.struct/permissions(of:)``;
    /// tests and stand-ins may state them).
    public init(unitCode: UnitCode, allowed: Set<UnitAction>, refusals: [UnitAction: ServiceError] = [:]) {
        self.unitCode = unitCode
        self.allowed = allowed
        self.refusals = refusals
    }

    /// Whether the service allows `action`.
    public func allows(_ action: UnitAction) -> Bool { allowed.contains(action) }

    /// Whether the session may file changes (NHI only).
    public var mayFile: Bool { allows(.file) }
}

/// The one rule for unit actions (SPEC §1, §3; seed 001 單位管理者登錄作業): who may do what
/// in a unit. The service checks every request with it; ``NHIService/Staff-swift.struct/permissions(of:)``
/// lists its answers for front ends.
enum UnitAuthorisation {
    /// Throws the error that refuses `action` to `caller` in `unit` (nil: not registered),
    /// given the caller's staff record (nil for the unit's own certificate or its owner).
    static func check(_ action: UnitAction, _ caller: Caller, unit: UnitAccount?, member: StaffMember?) throws(ServiceError) {
        guard let code = caller.unitCode, caller.isStaff(of: code) else {
            throw ServiceError(.notAuthorised, context: ["caller": caller.description])
        }
        guard let unit else { throw ServiceError(.unitNotRegistered, context: ["unit": code.rawValue]) }
        if caller.staffID != nil {
            guard let member, member.isActive, member.unitCode == code else { throw ServiceError(.staffNotAssigned) }
        }
        switch action {
        case .viewRoster, .batchRegistration, .statements:
            return
        case .administer:
            guard caller.isAdministrator(of: code) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
        case .file, .fileThreeInOne:
            // 「負責人欲使用加退保等異動作業，請於下方新增自然人憑證或健保卡資料」: the owner signed
            // in as owner assigns administrators; filing needs an assignment.
            if caller.standing == .owner { throw ServiceError(.filingOwnerNeedsAssignment) }
            // 「允許使用所有加退保業務功能」 is asked of administrators and operators alike.
            if let member, !member.mayUseAllEnrolmentFunctions { throw ServiceError(.filingNotPermitted) }
            if action == .fileThreeInOne && !unit.unit.canFileThreeInOne { throw ServiceError(.filingThreeInOneNeedsLabourNumber) }
        }
    }

    /// The unit and staff record `check` needs, read in the current transaction.
    static func context(_ r: any StoreReader, _ caller: Caller) throws -> (UnitAccount?, StaffMember?) {
        guard let code = caller.unitCode else { return (nil, nil) }
        return (try r.unit(code), try caller.staffID.flatMap { try r.staff(id: $0) })
    }
}

extension NHIService {
    /// Refuses `action` unless `caller` may take it in `unit` (the unit's own data only).
    func authorise(_ action: UnitAction, _ caller: Caller, unit: UnitCode) throws(ServiceError) {
        try read(authorising: action, caller, unit: unit) { _ in }
    }

    /// Refuses `action` unless `caller` may take it in `unit`, then reads with `body` — the
    /// check and the read in ONE read transaction (one snapshot, one round of connections).
    func read<T>(authorising action: UnitAction, _ caller: Caller, unit: UnitCode,
                 _ body: (any StoreReader) throws -> T) throws(ServiceError) -> T {
        guard caller.unitCode == unit else {
            throw ServiceError(.notAuthorised, context: ["caller": caller.description, "unit": unit.rawValue])
        }
        return try read { r in
            let (account, member) = try UnitAuthorisation.context(r, caller)
            try UnitAuthorisation.check(action, caller, unit: account, member: member)
            return try body(r)
        }
    }
}

extension NHIService.Staff {
    /// What `caller` may do in its unit, by the rule the service applies to each request.
    ///
    /// ```swift
    /// let permissions = try service.staff.permissions(of: caller)
    /// if permissions.mayFile { /* show the filing screens */ }
    /// ```
    public func permissions(of caller: Caller) throws(ServiceError) -> UnitPermissions {
        guard let code = caller.unitCode else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
        let (unit, member) = try core.read { try UnitAuthorisation.context($0, caller) }
        var allowed: Set<UnitAction> = []
        var refusals: [UnitAction: ServiceError] = [:]
        for action in UnitAction.allCases {
            do throws(ServiceError) {
                try UnitAuthorisation.check(action, caller, unit: unit, member: member)
                allowed.insert(action)
            } catch {
                refusals[action] = error
            }
        }
        return UnitPermissions(unitCode: code, allowed: allowed, refusals: refusals)
    }
}
