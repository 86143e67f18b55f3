import Foundation
import NHICore

extension NHIService {
    /// Electronic payment slips (電子繳款單申請及查詢).
    public struct EPaymentSlips: Sendable {
        let core: NHIService

        /// Subscribes (or updates the addresses of) a unit's electronic payment slips.
        @discardableResult
        public func subscribe(unit: UnitCode, email: EmailAddress, backupEmail: EmailAddress?, transferResultNotice: Bool,
                              by caller: Caller) throws(ServiceError) -> EPaymentSubscription {
            try change(unit: unit, by: caller) { existing, month, now in
                EPaymentSubscription(unitCode: unit, email: email, backupEmail: backupEmail, transferResultNotice: transferResultNotice,
                                     active: true, effectiveMonth: existing?.active == true ? existing!.effectiveMonth : month, changedAt: now)
            }
        }

        /// Cancels electronic slips; paper slips return from the effective month.
        @discardableResult
        public func cancel(unit: UnitCode, by caller: Caller) throws(ServiceError) -> EPaymentSubscription {
            try change(unit: unit, by: caller) { existing, month, now in
                guard var s = existing, s.active else { throw ServiceError(.ePaymentNotSubscribed) }
                s.active = false
                s.effectiveMonth = month
                s.changedAt = now
                return s
            }
        }

        /// The unit's subscription, if any, as the unit's staff see it.
        public func subscription(unit: UnitCode, by caller: Caller) throws(ServiceError) -> EPaymentSubscription? {
            guard caller.isStaff(of: unit) || caller.standing == .system else {
                throw ServiceError(.notAuthorised, context: ["caller": caller.description])
            }
            return try subscription(unit: unit)
        }

        /// The unit's subscription, if any.
        public func subscription(unit: UnitCode) throws(ServiceError) -> EPaymentSubscription? {
            try core.read { try $0.ePaymentSubscription(unit: unit) }
        }

        /// Whether a paper slip is mailed to the unit for `month`.
        public func paperSlipMailed(unit: UnitCode, month: ROCMonth) throws(ServiceError) -> Bool {
            guard let s = try subscription(unit: unit) else { return true }
            return s.active ? month < s.effectiveMonth : month >= s.effectiveMonth
        }

        private func change(unit: UnitCode, by caller: Caller,
                            _ make: (EPaymentSubscription?, ROCMonth, Date) throws -> EPaymentSubscription) throws(ServiceError) -> EPaymentSubscription {
            guard caller.isStaff(of: unit) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
            let now = core.clock.now
            let month = EPaymentSubscription.effectiveMonth(forChangeOn: CalendarDate.today(at: now))
            return try core.write { w in
                let updated = try make(try w.ePaymentSubscription(unit: unit), month, now)
                try w.upsert(updated)
                try core.record(w, caller, unit: unit, action: updated.active ? "ePayment.subscribe" : "ePayment.cancel",
                                target: unit.rawValue, detail: "from \(updated.effectiveMonth.compact)")
                return updated
            }
        }
    }

    /// Electronic payment slips.
    public var ePaymentSlips: EPaymentSlips { EPaymentSlips(core: self) }
}
