import Foundation
import NHICore

/// A unit's subscription to electronic payment slips (電子繳款單, SPEC §7).
///
/// Subscribing on or before the 5th of a month means no paper slip is mailed for that
/// month; cancelling on or before the 5th brings the paper slip back that month. After the
/// 5th, either change applies from the next month.
public struct EPaymentSubscription: Sendable, Hashable, Codable {
    public let unitCode: UnitCode
    public var email: EmailAddress
    public var backupEmail: EmailAddress?
    /// Also e-mail the transfer result (轉帳結果通知).
    public var transferResultNotice: Bool
    public var active: Bool
    /// The first billing month the change applies to.
    public var effectiveMonth: ROCMonth
    public var changedAt: Date

    public init(unitCode: UnitCode, email: EmailAddress, backupEmail: EmailAddress?, transferResultNotice: Bool, active: Bool,
                effectiveMonth: ROCMonth, changedAt: Date) {
        self.unitCode = unitCode
        self.email = email
        self.backupEmail = backupEmail
        self.transferResultNotice = transferResultNotice
        self.active = active
        self.effectiveMonth = effectiveMonth
        self.changedAt = changedAt
    }

    /// The first month a change made on `day` applies to (the 5th-of-month rule).
    public static func effectiveMonth(forChangeOn day: CalendarDate) -> ROCMonth {
        let month = try! ROCMonth(day)
        return day.day <= 5 ? month : month.adding(months: 1)
    }
}
