import Foundation
import NHICore

/// A unit's subscription to electronic payment slips (電子繳款單, SPEC §7).
///
/// Subscribing on or before the 5th of a month means no paper slip is mailed for that
/// month; cancelling on or before the 5th brings the paper slip back that month. After the
/// 5th, either change applies from the next month.
public struct EPaymentSubscription: Sendable, Hashable, Codable {
    /// The insured unit (投保單位代號) subscribed.
    public let unitCode: UnitCode
    /// Where the electronic payment slips are mailed.
    public var email: EmailAddress
    /// A second address that also receives them, if any.
    public var backupEmail: EmailAddress?
    /// Also e-mail the transfer result (轉帳結果通知).
    public var transferResultNotice: Bool
    /// Whether electronic slips are subscribed (paper slips are not mailed while they are).
    public var active: Bool
    /// The first billing month the change applies to.
    public var effectiveMonth: ROCMonth
    /// When the subscription was last changed.
    public var changedAt: Date

    /// Creates a subscription record from its parts.
    /// - Parameters:
    ///   - unitCode: The unit.
    ///   - email: Where the slips are mailed.
    ///   - backupEmail: A second address, if any.
    ///   - transferResultNotice: Whether the transfer result (轉帳結果通知) is e-mailed too.
    ///   - active: Whether electronic slips are subscribed.
    ///   - effectiveMonth: The first billing month the change applies to.
    ///   - changedAt: When the change was made.
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
